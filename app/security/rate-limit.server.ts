import type { AppLoadContext } from "@remix-run/node";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { appConfig } from "~/config.server";
import { prisma } from "~/db.server";

/**
 * Rate limits per client address, counted in the database so that every app process shares
 * them (rate-limiter-flexible's Prisma store). Two budgets: sign-in, sign-up and password reset
 * (RATE_LIMIT_AUTH_PER_MINUTE) and every other form submission (RATE_LIMIT_MUTATIONS_PER_MINUTE).
 */
export type Budget = "auth" | "mutation";

const limiters = new Map<Budget, RateLimiterPrisma>();

function limiter(budget: Budget): RateLimiterPrisma {
  let found = limiters.get(budget);
  if (!found) {
    const config = appConfig();
    found = new RateLimiterPrisma({
      storeClient: prisma,
      tableName: "rateLimiterFlexible",
      keyPrefix: budget,
      points:
        budget === "auth"
          ? config.RATE_LIMIT_AUTH_PER_MINUTE
          : config.RATE_LIMIT_MUTATIONS_PER_MINUTE,
      duration: 60,
    });
    limiters.set(budget, found);
  }
  return found;
}

/** Counts one attempt; returns the seconds to wait when the budget is spent, else null. */
export async function spend(budget: Budget, clientIp: string): Promise<number | null> {
  try {
    await limiter(budget).consume(clientIp);
    return null;
  } catch (result) {
    if (result instanceof RateLimiterRes) return Math.max(1, Math.ceil(result.msBeforeNext / 1000));
    throw result;
  }
}

/** The auth budget as spent by a sign-in, sign-up or reset form. */
export function spendAuthAttempt(
  context: Pick<AppLoadContext, "clientIp">,
): Promise<number | null> {
  return spend("auth", context.clientIp);
}

/** The header every 429 carries: how many seconds until the client may try again. */
export function retryAfterHeader(seconds: number): { "Retry-After": string } {
  return { "Retry-After": String(Math.max(1, Math.ceil(seconds))) };
}
