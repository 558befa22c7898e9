import { appConfig } from "~/config.server";
import { formatTimeWindow } from "~/lib/dates";
import { lastHoldDay } from "~/operator/counter-days";
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

/** What a message about collecting a parcel needs: the buyer, the rest area, the day, the code. */
export const pickupNoticeSelect = {
  ...orderContactSelect,
  status: true,
  pickupCode: true,
  pickupDate: true,
  pickupStartMinute: true,
  pickupEndMinute: true,
  paymentMethod: true,
  totalRupiah: true,
  restArea: {
    select: { name: true, holdDays: true, opensAtMinute: true, closesAtMinute: true },
  },
} as const satisfies Prisma.OrderSelect;

export type PickupNoticeOrder = Prisma.OrderGetPayload<{ select: typeof pickupNoticeSelect }>;

/**
 * The facts every pickup message repeats (ready, the day before, the hold ending): where, when,
 * the code, the counter's hours, the last day and what is left to pay, in the buyer's language.
 */
export function pickupNotice(order: PickupNoticeOrder) {
  const pickupDay = order.pickupDate.toISOString().slice(0, 10);
  const { restArea } = order;
  return {
    name: order.buyerName,
    number: order.number,
    url: orderPageUrl(order.number),
    restArea: restArea.name,
    pickupDay,
    window: formatTimeWindow(order.pickupStartMinute, order.pickupEndMinute, order.locale),
    hours: formatTimeWindow(restArea.opensAtMinute, restArea.closesAtMinute, order.locale),
    lastDay: lastHoldDay(pickupDay, restArea.holdDays),
    pickupCode: order.pickupCode,
    // A pay-at-pickup order is paid at the counter, at handover.
    amountDueRupiah: order.paymentMethod === "PAY_AT_PICKUP" ? order.totalRupiah : 0,
  };
}

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
