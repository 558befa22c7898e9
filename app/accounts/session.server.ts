import { createHash, randomBytes } from "node:crypto";
import { createCookie, type AppLoadContext } from "@remix-run/node";
import { appConfig } from "~/config.server";
import { prisma } from "~/db.server";
import type { Prisma, Role } from "~/generated/prisma/client";
import type { Locale } from "~/i18n/config";

/**
 * Sign-in sessions live in the database (revocable, expiring); the cookie holds only a random
 * secret whose SHA-256 is the session's key, so a stolen database cannot be replayed as cookies.
 */
const sessionCookie = createCookie("ks_session", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: appConfig().secureCookies,
});

/** A session is extended (and its last use recorded) at most this often. */
const TOUCH_INTERVAL_MS = 60 * 60 * 1000;

export type SessionUser = {
  id: string;
  sessionId: string;
  name: string;
  role: Role;
  locale: Locale;
  email: string | null;
  phone: string | null;
  /** The artisan profile an ARTISAN account manages. */
  artisanId: string | null;
  /** The rest areas an OPERATOR account serves. */
  restAreaIds: string[];
};

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("base64url");
}

async function readSecret(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}

// Loaders of one request share the answer instead of asking the database again.
const perRequest = new WeakMap<Request, Promise<SessionUser | null>>();

/** The signed-in user of this request, or null (no cookie, expired, revoked or deactivated). */
export function currentUser(request: Request): Promise<SessionUser | null> {
  let found = perRequest.get(request);
  if (!found) {
    found = lookUp(request);
    perRequest.set(request, found);
  }
  return found;
}

async function lookUp(request: Request): Promise<SessionUser | null> {
  const secret = await readSecret(request);
  if (!secret) return null;
  const now = new Date();
  const session = await prisma.session.findUnique({
    where: { tokenHash: hashSecret(secret) },
    select: {
      id: true,
      expiresAt: true,
      revokedAt: true,
      lastSeenAt: true,
      user: {
        select: {
          id: true,
          name: true,
          role: true,
          locale: true,
          email: true,
          phone: true,
          deactivatedAt: true,
          artisan: { select: { id: true } },
          operatorAssignments: { select: { restAreaId: true } },
        },
      },
    },
  });
  if (!session || session.revokedAt || session.expiresAt <= now || session.user.deactivatedAt) {
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await prisma.session.update({
      where: { id: session.id },
      data: { lastSeenAt: now, expiresAt: sessionExpiry(now) },
    });
  }
  const { user } = session;
  return {
    id: user.id,
    sessionId: session.id,
    name: user.name,
    role: user.role,
    locale: user.locale,
    email: user.email,
    phone: user.phone,
    artisanId: user.artisan?.id ?? null,
    restAreaIds: user.operatorAssignments.map((a) => a.restAreaId),
  };
}

function sessionExpiry(from: Date): Date {
  return new Date(from.getTime() + appConfig().SESSION_DAYS * 24 * 60 * 60 * 1000);
}

/**
 * Signs `userId` in: any session this browser already had is revoked (the session id rotates at
 * every sign-in) and a new one is made. Returns the Set-Cookie header value.
 */
export async function startSession(
  tx: Prisma.TransactionClient,
  userId: string,
  request: Request,
  context: Pick<AppLoadContext, "clientIp">,
): Promise<string> {
  const previous = await readSecret(request);
  if (previous) {
    await tx.session.updateMany({
      where: { tokenHash: hashSecret(previous), revokedAt: null },
      data: { revokedAt: new Date() },
    });
  }
  const secret = randomBytes(32).toString("base64url");
  const now = new Date();
  await tx.session.create({
    data: {
      tokenHash: hashSecret(secret),
      userId,
      expiresAt: sessionExpiry(now),
      ip: context.clientIp,
      userAgent: request.headers.get("User-Agent")?.slice(0, 300) ?? null,
    },
  });
  return sessionCookie.serialize(secret, { maxAge: appConfig().SESSION_DAYS * 24 * 60 * 60 });
}

/** Revokes this browser's session; returns the Set-Cookie header that clears the cookie. */
export async function endSession(request: Request): Promise<string> {
  const secret = await readSecret(request);
  if (secret) {
    await prisma.session.updateMany({
      where: { tokenHash: hashSecret(secret), revokedAt: null },
      data: { revokedAt: new Date() },
    });
  }
  return sessionCookie.serialize("", { maxAge: 0 });
}

/** Revokes every open session of a user (sign out everywhere, password reset, deactivation). */
export async function endAllSessions(
  tx: Prisma.TransactionClient,
  userId: string,
): Promise<number> {
  const { count } = await tx.session.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count;
}
