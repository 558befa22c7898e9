import { redactContext } from "./redact";

/**
 * One JSON line per event on stdout/stderr, so that logs can be searched whatever collects them.
 * Messages carry context (what, where, which request), never a secret or a password: whatever a
 * caller passes, values under a secret's name (password, token, code, key, secret, cookie,
 * authorization…) are redacted, and pickup codes and link tokens in any text are masked.
 */
type Context = Record<string, unknown>;

function line(fields: Context): string {
  return JSON.stringify(redactContext(fields));
}

export function logInfo(message: string, context: Context = {}): void {
  if (process.env.NODE_ENV === "test" && !process.env.LOG_IN_TESTS) return;
  console.log(line({ level: "info", time: new Date().toISOString(), message, ...context }));
}

export function logError(error: unknown, context: Context = {}): void {
  const details =
    error instanceof Error
      ? { message: error.message, name: error.name, stack: error.stack }
      : { message: String(error) };
  console.error(line({ level: "error", time: new Date().toISOString(), ...context, ...details }));
}
