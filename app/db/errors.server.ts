/**
 * A problem with the database set-up that the person starting the app can fix. Its message is
 * one line saying what is wrong and what to do; scripts print it alone and exit non-zero.
 */
export class DatabaseSetupError extends Error {
  override name = "DatabaseSetupError";
}
