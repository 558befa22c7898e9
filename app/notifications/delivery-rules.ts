/**
 * The outbox worker's pure rules: when a failed message is tried again, when it is given up, and
 * how a recipient is shown to staff. Kept apart from the worker so they can be tested alone.
 */
import { NotificationStatus } from "~/generated/prisma/enums";

/** Every state of an outbox row, for the admin's filter (the page's browser code reads it too). */
export const NOTIFICATION_STATUSES = Object.values(NotificationStatus);

export type RetryPolicy = {
  /** Attempts in all, the first included; after the last failure the message is dead. */
  maxAttempts: number;
  /** The wait after the first failure; it doubles with each further failure. */
  retryBaseMs: number;
  /** No wait is longer than this. */
  retryMaxMs: number;
};

/**
 * How long to wait after the `failedAttempts`-th failure (1 = the first): exponential backoff
 * (base × 2^(n−1)), capped, with "equal jitter" — between half and all of that — so that
 * messages that failed together (an outage) do not all come back at the same moment.
 */
export function retryDelayMs(
  failedAttempts: number,
  policy: Pick<RetryPolicy, "retryBaseMs" | "retryMaxMs">,
  random: () => number = Math.random,
): number {
  const n = Math.max(1, Math.floor(failedAttempts));
  // 2^(n−1) overflows to Infinity long before it matters; the cap takes over.
  const exponential = Math.min(policy.retryMaxMs, policy.retryBaseMs * 2 ** (n - 1));
  const jitter = Math.min(Math.max(random(), 0), 1);
  return Math.round(exponential / 2 + (exponential / 2) * jitter);
}

export type FailureOutcome =
  { status: "PENDING"; nextAttemptAt: Date } | { status: "DEAD"; nextAttemptAt: null };

/**
 * What becomes of a message after a failed attempt: tried again later, or dead once it has had
 * all its attempts — or at once, when the failure is permanent (a refused number, a bad token).
 */
export function afterFailure(
  input: { attempts: number; permanent: boolean; now: Date },
  policy: RetryPolicy,
  random: () => number = Math.random,
): FailureOutcome {
  if (input.permanent || input.attempts >= policy.maxAttempts) {
    return { status: "DEAD", nextAttemptAt: null };
  }
  return {
    status: "PENDING",
    nextAttemptAt: new Date(input.now.getTime() + retryDelayMs(input.attempts, policy, random)),
  };
}

/**
 * A recipient as staff see it: a phone number's last three digits, an e-mail address's first
 * letter. Enough to tell two messages apart on the phone, not enough to copy a contact.
 */
export function maskRecipient(recipient: string): string {
  const value = recipient.trim();
  if (value.includes("@")) {
    const first = value[0] === "@" ? "" : (value[0] ?? "");
    return `${first}•••@•••`;
  }
  const digits = value.replace(/\D/g, "");
  if (digits.length === 0) return "•••";
  return `•••${digits.slice(-3)}`;
}

/** An error as it is stored with the message: one line, short, with the given secrets blanked. */
export function shortError(message: string, secrets: readonly string[] = [], max = 300): string {
  let text = message.replace(/\s+/g, " ").trim();
  for (const secret of secrets) {
    if (secret.length >= 4) text = text.split(secret).join("[redacted]");
  }
  // A bearer token or a password in a URL, whatever its origin.
  text = text
    .replace(/Bearer\s+[\w.~+/=-]+/gi, "Bearer [redacted]")
    .replace(/(\w+:\/\/[^:/\s@]+:)[^@\s]+@/g, "$1[redacted]@");
  if (text === "") text = "Unknown error";
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
