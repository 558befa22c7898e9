import { appConfig } from "~/config.server";
import type { Locale, Prisma } from "~/generated/prisma/client";
import { enqueueNotification } from "~/notifications/outbox.server";
import type { TemplateName, TemplatePayload } from "~/notifications/templates";

/** What a message about an order needs to know about the buyer. */
export const orderContactSelect = {
  id: true,
  number: true,
  userId: true,
  buyerName: true,
  buyerPhone: true,
  buyerEmail: true,
  locale: true,
} as const satisfies Prisma.OrderSelect;

export type OrderContact = {
  id: string;
  number: string;
  userId: string | null;
  buyerName: string;
  buyerPhone: string;
  buyerEmail: string | null;
  locale: Locale;
};

/** The order page; a guest opens it from the browser they ordered in or from their first message. */
export function orderPageUrl(number: string): string {
  return `${appConfig().publicUrl}/orders/${number}`;
}

/**
 * Writes a message about an order to the outbox, in the transaction of the change it reports.
 * `event` names the change, so the same change never sends the same message twice. An order
 * whose buyer deleted their account has no contact left, and gets no message.
 */
export async function notifyBuyer<T extends TemplateName>(
  tx: Prisma.TransactionClient,
  order: OrderContact,
  template: T,
  event: string,
  payload: TemplatePayload<T>,
): Promise<void> {
  if (!order.buyerPhone && !order.buyerEmail) return;
  await enqueueNotification(tx, {
    template,
    locale: order.locale,
    recipient: { phone: order.buyerPhone || null, email: order.buyerEmail },
    idempotencyKey: `${template}:${order.id}:${event}`,
    userId: order.userId,
    orderId: order.id,
    payload,
  });
}
