import type { AppLoadContext } from "@remix-run/node";
import { verifyPassword, hashPassword } from "~/accounts/password.server";
import { passwordProblem, type PasswordProblem } from "~/accounts/password-policy.server";
import type { AccountOwner } from "~/accounts/permissions.server";
import { endAllSessions, startSession } from "~/accounts/session.server";
import { audit } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import { spendAuthAttempt } from "~/security/rate-limit.server";

type Context = Pick<AppLoadContext, "clientIp">;

/**
 * Whether `password` is the account's current password. Each check counts against the sign-in
 * budget of the client, so a borrowed, signed-in phone cannot be used to guess it.
 */
export async function confirmPassword(
  userId: string,
  password: string,
  context: Context,
): Promise<{ ok: true } | { ok: false; waitSeconds: number | null }> {
  const waitSeconds = await spendAuthAttempt(context);
  if (waitSeconds !== null) return { ok: false, waitSeconds };
  const { passwordHash } = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { passwordHash: true },
  });
  const matches = passwordHash ? await verifyPassword(password, passwordHash) : false;
  return matches ? { ok: true } : { ok: false, waitSeconds: null };
}

export type PasswordChange =
  | { ok: true; setCookie: string }
  | {
      ok: false;
      currentPassword?: "wrong" | { waitSeconds: number };
      newPassword?: PasswordProblem;
    };

/**
 * Replaces the password after checking the current one. Every session of the account ends,
 * and this device gets a fresh one (the returned Set-Cookie), so whoever knew the old password
 * is signed out everywhere else.
 */
export async function changePassword(
  owner: AccountOwner,
  input: { currentPassword: string; newPassword: string },
  request: Request,
  context: Context,
): Promise<PasswordChange> {
  const { user } = owner;
  const problem = passwordProblem(input.newPassword, [user.email, user.phone, user.name]);
  const current = await confirmPassword(owner.userId, input.currentPassword, context);
  if (!current.ok || problem) {
    return {
      ok: false,
      currentPassword: current.ok
        ? undefined
        : current.waitSeconds === null
          ? "wrong"
          : { waitSeconds: current.waitSeconds },
      newPassword: problem ?? undefined,
    };
  }
  // Hashing is slow on purpose: do it before the transaction opens.
  const passwordHash = await hashPassword(input.newPassword);
  const setCookie = await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: owner.userId }, data: { passwordHash } });
    const ended = await endAllSessions(tx, owner.userId);
    const cookie = await startSession(tx, owner.userId, request, context);
    await audit(tx, request, context, {
      actorUserId: owner.userId,
      action: "auth.password_changed",
      entityType: "User",
      entityId: owner.userId,
      details: { sessionsEnded: ended },
    });
    return cookie;
  });
  return { ok: true, setCookie };
}

/** Ends every session of the account, this browser's included. */
export async function signOutEverywhere(
  owner: AccountOwner,
  request: Request,
  context: Context,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const ended = await endAllSessions(tx, owner.userId);
    await audit(tx, request, context, {
      actorUserId: owner.userId,
      action: "auth.sign_out_everywhere",
      entityType: "User",
      entityId: owner.userId,
      details: { sessionsEnded: ended },
    });
  });
}
