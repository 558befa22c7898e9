import { randomBytes } from "node:crypto";
import { prisma } from "~/db.server";
import type { Prisma, TokenPurpose } from "~/generated/prisma/client";
import { hashSecret } from "./session.server";

/**
 * One-time tokens for links sent to people (password reset, invitation, verification, undoing a
 * contact change): random, stored only as a hash, expiring, and usable once. Issuing a new one
 * retires the older ones of the same purpose, so only the latest link works, except for undo
 * links: each contact change has its own, and a later change must not disarm an earlier one.
 */
export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  PASSWORD_RESET: 60 * 60 * 1000,
  INVITATION: 7 * 24 * 60 * 60 * 1000,
  VERIFY_EMAIL: 3 * 24 * 60 * 60 * 1000,
  VERIFY_PHONE: 3 * 24 * 60 * 60 * 1000,
  // Longer than a confirmation link: the old contact may read its messages late.
  UNDO_CONTACT_CHANGE: 14 * 24 * 60 * 60 * 1000,
};

const onlyLatestWorks: Record<TokenPurpose, boolean> = {
  PASSWORD_RESET: true,
  INVITATION: true,
  VERIFY_EMAIL: true,
  VERIFY_PHONE: true,
  UNDO_CONTACT_CHANGE: false,
};

export type IssuedToken = { secret: string; expiresAt: Date };

export async function issueToken(
  tx: Prisma.TransactionClient,
  { userId, purpose, target }: { userId: string; purpose: TokenPurpose; target?: string },
): Promise<IssuedToken> {
  const now = new Date();
  if (onlyLatestWorks[purpose]) await retireTokens(tx, userId, purpose);
  const secret = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]);
  await tx.userToken.create({
    data: { tokenHash: hashSecret(secret), userId, purpose, target, expiresAt },
  });
  return { secret, expiresAt };
}

/** Makes every unused link of this purpose stop working (it then reads as expired). */
export async function retireTokens(
  tx: Prisma.TransactionClient,
  userId: string,
  purpose: TokenPurpose,
): Promise<void> {
  const now = new Date();
  await tx.userToken.updateMany({
    where: { userId, purpose, usedAt: null, expiresAt: { gt: now } },
    data: { expiresAt: now },
  });
}

export type TokenState =
  | { ok: true; userId: string; target: string | null }
  | { ok: false; reason: "unknown" | "expired" | "used" };

function looksLikeSecret(secret: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(secret);
}

/** Whether a link still works, to show its form or a clear page; changes nothing. */
export async function inspectToken(secret: string, purpose: TokenPurpose): Promise<TokenState> {
  if (!looksLikeSecret(secret)) return { ok: false, reason: "unknown" };
  const token = await prisma.userToken.findUnique({ where: { tokenHash: hashSecret(secret) } });
  if (!token || token.purpose !== purpose) return { ok: false, reason: "unknown" };
  if (token.usedAt) return { ok: false, reason: "used" };
  if (token.expiresAt <= new Date()) return { ok: false, reason: "expired" };
  return { ok: true, userId: token.userId, target: token.target };
}

/**
 * Uses a token up inside the caller's transaction. The conditional update lets exactly one of
 * two simultaneous uses win; the other gets "used".
 */
export async function consumeToken(
  tx: Prisma.TransactionClient,
  secret: string,
  purpose: TokenPurpose,
): Promise<TokenState> {
  if (!looksLikeSecret(secret)) return { ok: false, reason: "unknown" };
  const now = new Date();
  const tokenHash = hashSecret(secret);
  const { count } = await tx.userToken.updateMany({
    where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  const token = await tx.userToken.findUnique({ where: { tokenHash } });
  if (!token || token.purpose !== purpose) return { ok: false, reason: "unknown" };
  if (count === 1) return { ok: true, userId: token.userId, target: token.target };
  return { ok: false, reason: token.usedAt && token.usedAt < now ? "used" : "expired" };
}
