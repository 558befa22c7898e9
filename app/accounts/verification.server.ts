import { appConfig } from "~/config.server";
import type { Prisma } from "~/generated/prisma/client";
import type { Locale } from "~/i18n/config";
import { enqueueNotification } from "~/notifications/outbox.server";
import { issueToken } from "./tokens.server";

/**
 * Proving that an e-mail address or WhatsApp number belongs to the account: a one-time link is
 * sent there through the outbox. Verifying it (routes/verify.$token) attaches the orders placed
 * as a guest with that contact.
 */
export async function sendVerification(
  tx: Prisma.TransactionClient,
  user: { id: string; name: string; locale: Locale },
  contact: { kind: "email"; email: string } | { kind: "phone"; phone: string },
): Promise<void> {
  const target = contact.kind === "email" ? contact.email : contact.phone;
  const { secret, expiresAt } = await issueToken(tx, {
    userId: user.id,
    purpose: contact.kind === "email" ? "VERIFY_EMAIL" : "VERIFY_PHONE",
    target,
  });
  await enqueueNotification(tx, {
    template: "auth.verify_contact",
    locale: user.locale,
    recipient: contact.kind === "email" ? { email: contact.email } : { phone: contact.phone },
    payload: {
      name: user.name,
      url: `${appConfig().publicUrl}/verify/${secret}`,
      expiresAt: expiresAt.toISOString(),
    },
    idempotencyKey: `verify:${user.id}:${target}:${expiresAt.getTime()}`,
    userId: user.id,
  });
}
