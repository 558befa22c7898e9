import type { AppLoadContext } from "@remix-run/node";
import { consumeToken, inspectToken, type TokenState } from "~/accounts/tokens.server";
import { audit } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { pendingField, verifyPurpose, type Contact } from "./contact-change.server";

/**
 * Confirming an e-mail address or WhatsApp number from the link sent to it. The link's token
 * proves the person can read that contact, so no sign-in is needed; orders placed as a guest
 * with the contact then join the account. A new contact waiting as pending replaces the old one
 * only now, unless another account has taken it meanwhile.
 */
export type LinkProblem = "unknown" | "expired" | "used" | "changed" | "taken";

export type VerificationLink =
  { ok: true; contact: Contact; target: string } | { ok: false; problem: LinkProblem };

/** A token of the wrong purpose reads as unknown; the other purpose's answer is the real one. */
async function whichContact(
  secret: string,
): Promise<{ contact: Contact; state: TokenState } | null> {
  let found: { contact: Contact; state: TokenState } | null = null;
  for (const contact of ["email", "phone"] as const) {
    const state = await inspectToken(secret, verifyPurpose[contact]);
    if (state.ok || state.reason !== "unknown") found = { contact, state };
  }
  return found;
}

/** The account's contact of that kind and the new one waiting to replace it. */
async function contactsOf(
  tx: Prisma.TransactionClient,
  userId: string,
  contact: Contact,
): Promise<{ current: string | null; pending: string | null }> {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { email: true, phone: true, pendingEmail: true, pendingPhone: true },
  });
  return { current: user?.[contact] ?? null, pending: user?.[pendingField[contact]] ?? null };
}

/** What the link would confirm, or why it no longer works; changes nothing. */
export async function inspectVerificationLink(secret: string): Promise<VerificationLink> {
  const found = await whichContact(secret);
  if (!found) return { ok: false, problem: "unknown" };
  const { contact, state } = found;
  if (!state.ok) return { ok: false, problem: state.reason };
  const { current, pending } = await contactsOf(prisma, state.userId, contact);
  if (!state.target || (state.target !== current && state.target !== pending)) {
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
    const state = await consumeToken(tx, secret, verifyPurpose[contact]);
    if (!state.ok) return { ok: false, problem: state.reason };
    const user = { id: state.userId, ...(await contactsOf(tx, state.userId, contact)) };
    const target = state.target;
    if (!target || (target !== user.current && target !== user.pending)) {
      return { ok: false, problem: "changed" };
    }
    const now = new Date();
    const verified = contact === "email" ? { emailVerifiedAt: now } : { phoneVerifiedAt: now };
    if (target === user.current) {
      await tx.user.update({ where: { id: user.id }, data: verified });
    } else {
      const holder = await tx.user.findFirst({
        where: { id: { not: user.id }, [contact]: target },
        select: { id: true },
      });
      // Nobody can take it from that account: the change is dropped, the old contact stays.
      if (holder) {
        await tx.user.update({ where: { id: user.id }, data: { [pendingField[contact]]: null } });
        return { ok: false, problem: "taken" };
      }
      await tx.user.update({
        where: { id: user.id },
        data: { [contact]: target, [pendingField[contact]]: null, ...verified },
      });
      await audit(tx, request, context, {
        actorUserId: user.id,
        action: "account.contact_changed",
        entityType: "User",
        entityId: user.id,
        details: { contact, kind: user.current === null ? "add" : "change" },
      });
    }
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
