import type { AppLoadContext } from "@remix-run/node";
import { endAllSessions } from "~/accounts/session.server";
import { consumeToken, inspectToken, issueToken, retireTokens } from "~/accounts/tokens.server";
import { audit } from "~/audit/audit.server";
import { appConfig } from "~/config.server";
import { prisma } from "~/db.server";
import type { Prisma, TokenPurpose } from "~/generated/prisma/client";
import type { Locale } from "~/i18n/config";
import { enqueueNotification } from "~/notifications/outbox.server";

/**
 * Changing an account's e-mail or WhatsApp number is what an intruder does first, so the contacts
 * the account had before hear of every change, with a link that undoes it. The link carries the
 * contacts as they were, so it still works after the new contact was confirmed: it puts the old
 * one back, and signs every device out (whoever made the change knew the password).
 */
export type Contact = "email" | "phone";

export type ContactChange = { contact: Contact; kind: "add" | "change" | "remove" };

/** The account's contacts as they were before a change: what the undo link restores. */
type ContactsBefore = {
  email: string | null;
  emailVerifiedAt: string | null;
  phone: string | null;
  phoneVerifiedAt: string | null;
};

/** Where each kind of contact keeps its confirmation and its waiting replacement on User. */
export const verifiedField = { email: "emailVerifiedAt", phone: "phoneVerifiedAt" } as const;
export const pendingField = { email: "pendingEmail", phone: "pendingPhone" } as const;
/** The token that confirms each kind of contact. */
export const verifyPurpose = {
  email: "VERIFY_EMAIL",
  phone: "VERIFY_PHONE",
} as const satisfies Record<Contact, TokenPurpose>;

/**
 * Writes the notice to each contact the account has now (before the change is saved), in the
 * caller's transaction, with one undo link for this change.
 */
export async function noticeToOldContacts(
  tx: Prisma.TransactionClient,
  user: {
    id: string;
    name: string;
    locale: Locale;
    email: string | null;
    emailVerifiedAt: Date | null;
    phone: string | null;
    phoneVerifiedAt: Date | null;
  },
  changes: ContactChange[],
): Promise<void> {
  const before: ContactsBefore = {
    email: user.email,
    emailVerifiedAt: user.emailVerifiedAt?.toISOString() ?? null,
    phone: user.phone,
    phoneVerifiedAt: user.phoneVerifiedAt?.toISOString() ?? null,
  };
  const { secret, expiresAt } = await issueToken(tx, {
    userId: user.id,
    purpose: "UNDO_CONTACT_CHANGE",
    target: JSON.stringify(before),
  });
  const recipients = [
    ...(user.email ? [{ email: user.email }] : []),
    ...(user.phone ? [{ phone: user.phone }] : []),
  ];
  for (const recipient of recipients) {
    await enqueueNotification(tx, {
      template: "auth.contact_changing",
      locale: user.locale,
      recipient,
      payload: {
        name: user.name,
        changes,
        url: `${appConfig().publicUrl}/undo-contact-change/${secret}`,
        expiresAt: expiresAt.toISOString(),
      },
      idempotencyKey: `contact-changing:${user.id}:${recipient.email ?? recipient.phone}:${expiresAt.getTime()}`,
      userId: user.id,
    });
  }
}

function readContactsBefore(target: string | null): ContactsBefore | null {
  try {
    const value = JSON.parse(target ?? "") as Partial<ContactsBefore> | null;
    if (!value || typeof value !== "object") return null;
    return {
      email: value.email ?? null,
      emailVerifiedAt: value.emailVerifiedAt ?? null,
      phone: value.phone ?? null,
      phoneVerifiedAt: value.phoneVerifiedAt ?? null,
    };
  } catch {
    return null;
  }
}

export type UndoProblem = "unknown" | "expired" | "used";

/** Whether the undo link still works; changes nothing (link scanners open links on their own). */
export async function inspectUndoLink(
  secret: string,
): Promise<{ ok: true } | { ok: false; problem: UndoProblem }> {
  const state = await inspectToken(secret, "UNDO_CONTACT_CHANGE");
  return state.ok ? { ok: true } : { ok: false, problem: state.reason };
}

export type UndoneContactChange =
  | {
      ok: true;
      /** Changes still waiting for confirmation, now dropped. */
      cancelled: Contact[];
      /** Contacts put back as they were. */
      restored: Contact[];
      /** Old contacts another account took meanwhile: left as they are. */
      notRestored: Contact[];
    }
  | { ok: false; problem: UndoProblem };

/**
 * Uses the undo link: drops any change still waiting for confirmation, puts back the contacts
 * the account had when the link was sent (unless another account has taken one since), stops
 * every confirmation link, and ends every session of the account.
 */
export async function undoContactChange(
  secret: string,
  request: Request,
  context: Pick<AppLoadContext, "clientIp">,
): Promise<UndoneContactChange> {
  return prisma.$transaction(async (tx): Promise<UndoneContactChange> => {
    const state = await consumeToken(tx, secret, "UNDO_CONTACT_CHANGE");
    if (!state.ok) return { ok: false, problem: state.reason };
    const before = readContactsBefore(state.target);
    if (!before) return { ok: false, problem: "unknown" };
    const user = await tx.user.findUniqueOrThrow({
      where: { id: state.userId },
      select: { id: true, email: true, phone: true, pendingEmail: true, pendingPhone: true },
    });

    const cancelled = (["email", "phone"] as const).filter((c) => user[pendingField[c]] !== null);
    let restored: Contact[] = [];
    const notRestored: Contact[] = [];
    const after = { email: user.email, phone: user.phone };
    for (const contact of ["email", "phone"] as const) {
      const old = before[contact];
      if (user[contact] === old) continue;
      if (old !== null) {
        const holder = await tx.user.findFirst({
          where: { id: { not: user.id }, [contact]: old },
          select: { id: true },
        });
        if (holder) {
          notRestored.push(contact);
          continue;
        }
      }
      after[contact] = old;
      restored.push(contact);
    }
    // An added contact is only taken away if the account keeps another one.
    if (!after.email && !after.phone) {
      for (const contact of ["email", "phone"] as const) {
        if (before[contact] === null && user[contact] !== null) {
          after[contact] = user[contact];
          restored = restored.filter((each) => each !== contact);
        }
      }
    }

    const data: Prisma.UserUpdateInput = { pendingEmail: null, pendingPhone: null };
    for (const contact of restored) {
      const verifiedAt = before[verifiedField[contact]];
      data[contact] = after[contact];
      data[verifiedField[contact]] = verifiedAt ? new Date(verifiedAt) : null;
    }
    await tx.user.update({ where: { id: user.id }, data });
    for (const contact of ["email", "phone"] as const) {
      await retireTokens(tx, user.id, verifyPurpose[contact]);
    }
    const sessionsEnded = await endAllSessions(tx, user.id);
    await audit(tx, request, context, {
      actorUserId: null,
      action: "account.contact_change_undone",
      entityType: "User",
      entityId: user.id,
      details: { cancelled, restored, notRestored, sessionsEnded },
    });
    return { ok: true, cancelled, restored, notRestored };
  });
}
