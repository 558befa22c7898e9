/**
 * One JSON line per event on stdout/stderr, so that logs can be searched whatever collects them.
 * Messages carry context (what, where, which request), never a secret or a password.
 */
type Context = Record<string, unknown>;

export function logInfo(message: string, context: Context = {}): void {
  if (process.env.NODE_ENV === "test" && !process.env.LOG_IN_TESTS) return;
  console.log(
    JSON.stringify({ level: "info", time: new Date().toISOString(), message, ...context }),
  );
}

export function logError(error: unknown, context: Context = {}): void {
  const details =
    error instanceof Error
      ? { message: error.message, name: error.name, stack: error.stack }
      : { message: String(error) };
  console.error(
    JSON.stringify({ level: "error", time: new Date().toISOString(), ...context, ...details }),
  );
}
