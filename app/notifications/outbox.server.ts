import { appConfig } from "~/config.server";
import type { NotificationChannel, Prisma } from "~/generated/prisma/client";
import type { Locale } from "~/i18n/config";
import type { TemplateName, TemplatePayload } from "./templates";

/**
 * The notification outbox: a message is a row written in the same transaction as the change it
 * reports, so it is never lost and never sent for a change that was rolled back. The worker
 * (worker.server.ts) sends the rows; until a channel is configured they go to the log channel.
 */
export type Recipient = { email?: string | null; phone?: string | null };

/**
 * How a message reaches the person, chosen when it is written: WhatsApp when they have a phone
 * number and WhatsApp is configured (WHATSAPP_TOKEN…), else e-mail when they have an address and
 * SMTP is configured (SMTP_URL, MAIL_FROM), else the log channel (the app log).
 */
export function channelFor(recipient: Recipient): { channel: NotificationChannel; to: string } {
  const config = appConfig();
  if (recipient.phone && config.whatsapp) return { channel: "WHATSAPP", to: recipient.phone };
  if (recipient.email && config.mail) return { channel: "EMAIL", to: recipient.email };
  const to = recipient.phone || recipient.email;
  if (!to) throw new Error("A notification needs a phone number or an e-mail address");
  return { channel: "LOG", to };
}

export async function enqueueNotification<T extends TemplateName>(
  tx: Prisma.TransactionClient,
  message: {
    template: T;
    locale: Locale;
    recipient: Recipient;
    payload: TemplatePayload<T>;
    /** One message per key, whatever retries or double submissions happen. */
    idempotencyKey: string;
    userId?: string | null;
    orderId?: string | null;
  },
): Promise<void> {
  const { channel, to } = channelFor(message.recipient);
  await tx.notification.upsert({
    where: { idempotencyKey: message.idempotencyKey },
    update: {},
    create: {
      idempotencyKey: message.idempotencyKey,
      channel,
      recipient: to,
      template: message.template,
      locale: message.locale,
      payload: message.payload,
      userId: message.userId ?? null,
      orderId: message.orderId ?? null,
    },
  });
}
