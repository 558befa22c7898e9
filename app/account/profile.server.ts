import type { AppLoadContext } from "@remix-run/node";
import type { AccountOwner } from "~/accounts/permissions.server";
import { retireTokens } from "~/accounts/tokens.server";
import { sendVerification } from "~/accounts/verification.server";
import { audit } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import type { Locale } from "~/i18n/config";
import {
  noticeToOldContacts,
  pendingField,
  verifiedField,
  verifyPurpose,
  type Contact,
  type ContactChange,
} from "./contact-change.server";
import { confirmPassword } from "./security.server";

/** A person's own name, contacts and language, as the account page shows them. */
export async function getAccountProfile(owner: AccountOwner) {
  return prisma.user.findUniqueOrThrow({
    where: { id: owner.userId },
    select: {
      name: true,
      email: true,
      phone: true,
      locale: true,
      role: true,
      emailVerifiedAt: true,
      phoneVerifiedAt: true,
      pendingEmail: true,
      pendingPhone: true,
    },
  });
}

export type { Contact };

export type ProfileInput = {
  name: string;
  /** Normalised (lower-cased e-mail, E.164 phone); null removes it. */
  email: string | null;
  phone: string | null;
  locale: Locale;
  /** The current password, as typed: needed when a contact is added, changed or removed. */
  password: string;
};

export type ProfileUpdate =
  | { ok: true; confirmationSent: Contact[] }
  | {
      ok: false;
      password?: "missing" | "wrong" | { waitSeconds: number };
      taken?: Contact[];
      /** The only contact that signs in cannot go before the one replacing it is confirmed. */
      keep?: Contact;
    };

/** Which of these contacts another account already uses. */
async function contactsTakenByOthers(
  userId: string,
  wanted: { email?: string | null; phone?: string | null },
): Promise<Contact[]> {
  const { email, phone } = wanted;
  if (!email && !phone) return [];
  const others = await prisma.user.findMany({
    where: {
      id: { not: userId },
      OR: [...(email ? [{ email }] : []), ...(phone ? [{ phone }] : [])],
    },
    select: { email: true, phone: true },
  });
  const taken: Contact[] = [];
  if (email && others.some((u) => u.email === email)) taken.push("email");
  if (phone && others.some((u) => u.phone === phone)) taken.push("phone");
  return taken;
}

/** Who the account is and how it is reached, as a contact change reads it. */
const contactsSelect = {
  id: true,
  name: true,
  email: true,
  phone: true,
  locale: true,
  emailVerifiedAt: true,
  phoneVerifiedAt: true,
} satisfies Prisma.UserSelect;

/**
 * Saves the profile. Name and language change at once. A contact change needs the current
 * password: a new e-mail or number waits as pending, while the old one keeps signing in and
 * recovering the account, until its owner opens the link sent to it; a removed one goes at once.
 * The account's contacts as they were get a notice with a link that undoes the change.
 */
export async function updateProfile(
  owner: AccountOwner,
  input: ProfileInput,
  request: Request,
  context: Pick<AppLoadContext, "clientIp">,
): Promise<ProfileUpdate> {
  const before = await prisma.user.findUniqueOrThrow({
    where: { id: owner.userId },
    select: contactsSelect,
  });
  const changes: (ContactChange & { value: string | null })[] = [];
  for (const contact of ["email", "phone"] as const) {
    const value = input[contact];
    if (value === before[contact]) continue;
    const kind = value === null ? "remove" : before[contact] === null ? "add" : "change";
    changes.push({ contact, kind, value });
  }
  const changed = (["name", "locale"] as const).filter((field) => input[field] !== before[field]);
  if (changed.length === 0 && changes.length === 0) return { ok: true, confirmationSent: [] };

  if (changes.length > 0) {
    if (input.password === "") return { ok: false, password: "missing" };
    const checked = await confirmPassword(owner.userId, input.password, context);
    if (!checked.ok) {
      return {
        ok: false,
        password: checked.waitSeconds === null ? "wrong" : { waitSeconds: checked.waitSeconds },
      };
    }
    const wanted = Object.fromEntries(changes.map(({ contact, value }) => [contact, value]));
    const taken = await contactsTakenByOthers(owner.userId, wanted);
    if (taken.length > 0) return { ok: false, taken };
    const removed = changes.find((change) => change.kind === "remove");
    if (removed) {
      const other = removed.contact === "email" ? "phone" : "email";
      if (before[other] === null) return { ok: false, keep: removed.contact };
    }
  }

  const confirmationSent: Contact[] = [];
  await prisma.$transaction(async (tx) => {
    const data: Prisma.UserUpdateInput = { name: input.name, locale: input.locale };
    for (const { contact, kind, value } of changes) {
      if (kind === "remove") {
        data[contact] = null;
        data[verifiedField[contact]] = null;
        data[pendingField[contact]] = null;
        await retireTokens(tx, owner.userId, verifyPurpose[contact]);
      } else {
        data[pendingField[contact]] = value;
      }
    }
    const user = await tx.user.update({
      where: { id: owner.userId },
      data,
      select: { id: true, name: true, locale: true },
    });
    for (const { contact, value } of changes) {
      if (value === null) continue;
      await sendVerification(
        tx,
        user,
        contact === "email" ? { kind: "email", email: value } : { kind: "phone", phone: value },
      );
      confirmationSent.push(contact);
    }
    if (changes.length > 0) {
      await noticeToOldContacts(
        tx,
        { ...before, name: user.name, locale: user.locale },
        changes.map(({ contact, kind }) => ({ contact, kind })),
      );
    }
    // Which fields changed, not their values: the log must not become a copy of the profile.
    if (changed.length > 0) {
      await audit(tx, request, context, {
        actorUserId: owner.userId,
        action: "account.profile_updated",
        entityType: "User",
        entityId: owner.userId,
        details: { changed },
      });
    }
    if (changes.length > 0) {
      await audit(tx, request, context, {
        actorUserId: owner.userId,
        action: "account.contact_change_requested",
        entityType: "User",
        entityId: owner.userId,
        details: { changes: changes.map(({ contact, kind }) => ({ contact, kind })) },
      });
    }
  });
  return { ok: true, confirmationSent };
}

/** Drops a new contact still waiting for confirmation; its link stops working. */
export async function cancelPendingContact(
  owner: AccountOwner,
  contact: Contact,
  request: Request,
  context: Pick<AppLoadContext, "clientIp">,
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: owner.userId, [pendingField[contact]]: { not: null } },
      data: { [pendingField[contact]]: null },
    });
    if (count === 0) return false;
    await retireTokens(tx, owner.userId, verifyPurpose[contact]);
    await audit(tx, request, context, {
      actorUserId: owner.userId,
      action: "account.contact_change_cancelled",
      entityType: "User",
      entityId: owner.userId,
      details: { contact },
    });
    return true;
  });
}

/** A new link may be asked for once a minute, so the button cannot flood a WhatsApp chat. */
const RESEND_INTERVAL_MS = 60 * 1000;

export type ResendResult =
  | { ok: true }
  | { ok: false; reason: "nothing-to-verify" }
  | { ok: false; reason: "too-soon"; retryAfterSeconds: number };

/**
 * Sends a fresh confirmation link to the account's unconfirmed e-mail or phone number, or to the
 * new one waiting to replace it.
 */
export async function resendVerification(
  owner: AccountOwner,
  contact: Contact,
  which: "current" | "pending" = "current",
): Promise<ResendResult> {
  return prisma.$transaction(async (tx): Promise<ResendResult> => {
    // The account's row is locked first: two resends at once take turns, and the second sees the
    // link the first has just written, so "once a minute" holds under any burst.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${owner.userId} FOR UPDATE`;
    const user = await tx.user.findUniqueOrThrow({
      where: { id: owner.userId },
      select: { ...contactsSelect, pendingEmail: true, pendingPhone: true },
    });
    const purpose = verifyPurpose[contact];
    const value = which === "pending" ? user[pendingField[contact]] : user[contact];
    const verifiedAt = which === "pending" ? null : user[verifiedField[contact]];
    if (!value || verifiedAt) return { ok: false, reason: "nothing-to-verify" };
    const recent = await tx.userToken.findFirst({
      where: {
        userId: user.id,
        purpose,
        createdAt: { gt: new Date(Date.now() - RESEND_INTERVAL_MS) },
      },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    });
    if (recent) {
      const waitMs = recent.createdAt.getTime() + RESEND_INTERVAL_MS - Date.now();
      return {
        ok: false,
        reason: "too-soon",
        retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
      };
    }
    await sendVerification(
      tx,
      user,
      contact === "email" ? { kind: "email", email: value } : { kind: "phone", phone: value },
    );
    return { ok: true };
  });
}
