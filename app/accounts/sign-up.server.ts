import type { AppLoadContext } from "@remix-run/node";
import { audit } from "~/audit/audit.server";
import { appConfig } from "~/config.server";
import { prisma } from "~/db.server";
import { enqueueNotification } from "~/notifications/outbox.server";

/** One message an hour at most per contact, however often someone tries it. */
const ATTEMPT_NOTICE_WINDOW_MS = 60 * 60 * 1000;

/**
 * Sign-up does not say that a contact is already registered (that would tell anyone who has an
 * account). Instead the account that has it hears about the attempt, with the way to sign in or
 * to choose a new password. Returns whether any of the contacts was taken.
 */
export async function tellOwnersOfTakenContacts(
  contacts: { email: string | null; phone: string | null },
  request: Request,
  context: Pick<AppLoadContext, "clientIp">,
): Promise<boolean> {
  const { email, phone } = contacts;
  const owners = await prisma.user.findMany({
    where: { OR: [...(email ? [{ email }] : []), ...(phone ? [{ phone }] : [])] },
    select: { id: true, name: true, locale: true, email: true, phone: true },
  });
  if (owners.length === 0) return false;
  const window = Math.floor(Date.now() / ATTEMPT_NOTICE_WINDOW_MS);
  const { publicUrl } = appConfig();
  await prisma.$transaction(async (tx) => {
    for (const owner of owners) {
      const matched = [
        ...(email && owner.email === email ? [{ contact: "email" as const, email }] : []),
        ...(phone && owner.phone === phone ? [{ contact: "phone" as const, phone }] : []),
      ];
      for (const { contact, ...recipient } of matched) {
        await enqueueNotification(tx, {
          template: "auth.sign_up_attempt",
          locale: owner.locale,
          recipient,
          payload: {
            name: owner.name,
            contact,
            signInUrl: `${publicUrl}/sign-in`,
            resetUrl: `${publicUrl}/forgot-password`,
          },
          idempotencyKey: `sign-up-attempt:${owner.id}:${contact}:${window}`,
          userId: owner.id,
        });
      }
      await audit(tx, request, context, {
        actorUserId: null,
        action: "auth.sign_up_with_taken_contact",
        entityType: "User",
        entityId: owner.id,
        details: { contacts: matched.map(({ contact }) => contact) },
      });
    }
  });
  return true;
}
