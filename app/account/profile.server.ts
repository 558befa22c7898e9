import type { AppLoadContext } from "@remix-run/node";
import type { AccountOwner } from "~/accounts/permissions.server";
import { sendVerification } from "~/accounts/verification.server";
import { audit } from "~/audit/audit.server";
import { isUniqueViolation } from "~/db/errors.server";
import { prisma } from "~/db.server";
import type { Locale } from "~/i18n/config";

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
    },
  });
}

export type Contact = "email" | "phone";

export type ProfileInput = {
  name: string;
  /** Normalised (lower-cased e-mail, E.164 phone); null removes it. */
  email: string | null;
  phone: string | null;
  locale: Locale;
};

export type ProfileUpdate =
  { ok: true; verificationSent: Contact[] } | { ok: false; taken: Contact[] };

/** Which of these contacts another account already uses. */
async function contactsTakenByOthers(userId: string, input: ProfileInput): Promise<Contact[]> {
  const others = await prisma.user.findMany({
    where: {
      id: { not: userId },
      OR: [
        ...(input.email ? [{ email: input.email }] : []),
        ...(input.phone ? [{ phone: input.phone }] : []),
      ],
    },
    select: { email: true, phone: true },
  });
  const taken: Contact[] = [];
  if (input.email && others.some((u) => u.email === input.email)) taken.push("email");
  if (input.phone && others.some((u) => u.phone === input.phone)) taken.push("phone");
  return taken;
}

/**
 * Saves the profile. A new e-mail or phone number is unconfirmed until its owner opens the link
 * sent to it; a contact another account uses is refused and nothing is changed.
 */
export async function updateProfile(
  owner: AccountOwner,
  input: ProfileInput,
  request: Request,
  context: Pick<AppLoadContext, "clientIp">,
): Promise<ProfileUpdate> {
  const [before, taken] = await Promise.all([
    prisma.user.findUniqueOrThrow({
      where: { id: owner.userId },
      select: { name: true, email: true, phone: true, locale: true },
    }),
    contactsTakenByOthers(owner.userId, input),
  ]);
  if (taken.length > 0) return { ok: false, taken };

  const emailChanged = input.email !== before.email;
  const phoneChanged = input.phone !== before.phone;
  const changed = (["name", "email", "phone", "locale"] as const).filter(
    (field) => input[field] !== before[field],
  );
  if (changed.length === 0) return { ok: true, verificationSent: [] };

  const verificationSent: Contact[] = [];
  try {
    await prisma.$transaction(async (tx) => {
      const user = await tx.user.update({
        where: { id: owner.userId },
        data: {
          name: input.name,
          email: input.email,
          phone: input.phone,
          locale: input.locale,
          ...(emailChanged ? { emailVerifiedAt: null } : {}),
          ...(phoneChanged ? { phoneVerifiedAt: null } : {}),
        },
        select: { id: true, name: true, locale: true },
      });
      if (emailChanged && input.email) {
        await sendVerification(tx, user, { kind: "email", email: input.email });
        verificationSent.push("email");
      }
      if (phoneChanged && input.phone) {
        await sendVerification(tx, user, { kind: "phone", phone: input.phone });
        verificationSent.push("phone");
      }
      // Which fields changed, not their values: the log must not become a copy of the profile.
      await audit(tx, request, context, {
        actorUserId: owner.userId,
        action: "account.profile_updated",
        entityType: "User",
        entityId: owner.userId,
        details: { changed },
      });
    });
  } catch (error) {
    // Another account took the contact between the check and the save.
    if (!isUniqueViolation(error)) throw error;
    const takenNow = await contactsTakenByOthers(owner.userId, input);
    const fallback: Contact[] = [
      ...(emailChanged ? (["email"] as const) : []),
      ...(phoneChanged ? (["phone"] as const) : []),
    ];
    return { ok: false, taken: takenNow.length > 0 ? takenNow : fallback };
  }
  return { ok: true, verificationSent };
}

/** A new link may be asked for once a minute, so the button cannot flood a WhatsApp chat. */
const RESEND_INTERVAL_MS = 60 * 1000;

export type ResendResult =
  | { ok: true }
  | { ok: false; reason: "nothing-to-verify" }
  | { ok: false; reason: "too-soon"; retryAfterSeconds: number };

/** Sends a fresh confirmation link to the account's unconfirmed e-mail or phone number. */
export async function resendVerification(
  owner: AccountOwner,
  contact: Contact,
): Promise<ResendResult> {
  return prisma.$transaction(async (tx): Promise<ResendResult> => {
    // The account's row is locked first: two resends at once take turns, and the second sees the
    // link the first has just written, so "once a minute" holds under any burst.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${owner.userId} FOR UPDATE`;
    const user = await tx.user.findUniqueOrThrow({
      where: { id: owner.userId },
      select: {
        id: true,
        name: true,
        locale: true,
        email: true,
        phone: true,
        emailVerifiedAt: true,
        phoneVerifiedAt: true,
      },
    });
    const purpose = contact === "email" ? "VERIFY_EMAIL" : "VERIFY_PHONE";
    const value = contact === "email" ? user.email : user.phone;
    const verifiedAt = contact === "email" ? user.emailVerifiedAt : user.phoneVerifiedAt;
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
