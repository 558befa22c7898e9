/**
 * A problem with the database set-up that the person starting the app can fix. Its message is
 * one line saying what is wrong and what to do; scripts print it alone and exit non-zero.
 */
export class DatabaseSetupError extends Error {
  override name = "DatabaseSetupError";
}

/** A unique constraint refused a row (Prisma's P2002), e.g. an e-mail address already in use. */
export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    "code" in error &&
    (error as { code: unknown }).code === "P2002"
  );
}
