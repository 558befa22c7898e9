import type { AppLoadContext } from "@remix-run/node";
import { consumeToken, inspectToken, type TokenState } from "~/accounts/tokens.server";
import { audit } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import type { TokenPurpose } from "~/generated/prisma/client";
import type { Contact } from "./profile.server";

/**
 * Confirming an e-mail address or WhatsApp number from the link sent to it. The link's token
 * proves the person can read that contact, so no sign-in is needed; orders placed as a guest
 * with the contact then join the account.
 */
const purposes = { email: "VERIFY_EMAIL", phone: "VERIFY_PHONE" } as const satisfies Record<
  Contact,
  TokenPurpose
>;

export type LinkProblem = "unknown" | "expired" | "used" | "changed";

export type VerificationLink =
  { ok: true; contact: Contact; target: string } | { ok: false; problem: LinkProblem };

/** A token of the wrong purpose reads as unknown; the other purpose's answer is the real one. */
async function whichContact(
  secret: string,
): Promise<{ contact: Contact; state: TokenState } | null> {
  let found: { contact: Contact; state: TokenState } | null = null;
  for (const contact of ["email", "phone"] as const) {
    const state = await inspectToken(secret, purposes[contact]);
    if (state.ok || state.reason !== "unknown") found = { contact, state };
  }
  return found;
}

async function currentContact(userId: string, contact: Contact): Promise<string | null> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { email: true, phone: true },
  });
  return (contact === "email" ? user?.email : user?.phone) ?? null;
}

/** What the link would confirm, or why it no longer works; changes nothing. */
export async function inspectVerificationLink(secret: string): Promise<VerificationLink> {
  const found = await whichContact(secret);
  if (!found) return { ok: false, problem: "unknown" };
  const { contact, state } = found;
  if (!state.ok) return { ok: false, problem: state.reason };
  if (!state.target || state.target !== (await currentContact(state.userId, contact))) {
    return { ok: false, problem: "changed" };
  }
  return { ok: true, contact, target: state.target };
}

export type ContactConfirmation =
  | { ok: true; contact: Contact; target: string; ordersAttached: number }
  | { ok: false; problem: LinkProblem };

/** Uses the link: the contact becomes confirmed and its guest orders join the account. */
export async function confirmContact(
  secret: string,
  request: Request,
  context: Pick<AppLoadContext, "clientIp">,
): Promise<ContactConfirmation> {
  const found = await whichContact(secret);
  if (!found) return { ok: false, problem: "unknown" };
  const { contact } = found;
  return prisma.$transaction(async (tx): Promise<ContactConfirmation> => {
    const state = await consumeToken(tx, secret, purposes[contact]);
    if (!state.ok) return { ok: false, problem: state.reason };
    const user = await tx.user.findUniqueOrThrow({
      where: { id: state.userId },
      select: { id: true, email: true, phone: true },
    });
    const target = state.target;
    if (!target || target !== (contact === "email" ? user.email : user.phone)) {
      return { ok: false, problem: "changed" };
    }
    const now = new Date();
    await tx.user.update({
      where: { id: user.id },
      data: contact === "email" ? { emailVerifiedAt: now } : { phoneVerifiedAt: now },
    });
    const attached = await tx.order.updateMany({
      where:
        contact === "email"
          ? { userId: null, buyerEmail: { equals: target, mode: "insensitive" } }
          : { userId: null, buyerPhone: target },
      data: { userId: user.id },
    });
    await audit(tx, request, context, {
      actorUserId: user.id,
      action: "auth.contact_verified",
      entityType: "User",
      entityId: user.id,
      details: { contact, ordersAttached: attached.count },
    });
    return { ok: true, contact, target, ordersAttached: attached.count };
  });
}
