import { ConfigError } from "~/config.server";
import { DatabaseSetupError } from "~/db/errors.server";

/**
 * Runs a script's body. A problem the person can fix (configuration, database set-up, a failed
 * migration) is printed as its own clear message, without a stack trace, and exits with 1.
 */
export async function runMain(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DatabaseSetupError) {
      console.error(`Error: ${error.message}`);
    } else {
      console.error(error);
    }
    process.exit(1);
  }
}
