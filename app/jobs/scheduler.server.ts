import { logError } from "~/lib/log.server";
import { runOrderJobs } from "~/orders/order-actions.server";

/**
 * The app process's scheduled work, every `intervalSeconds`: expiring unpaid card orders and
 * resending refunds Stripe could not take. Each job claims its rows with FOR UPDATE SKIP LOCKED,
 * so any number of app processes may run this at once; one process never overlaps its own runs.
 * Returns a function that stops it.
 */
export function startScheduledJobs(intervalSeconds: number): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runOrderJobs();
    } catch (error) {
      logError(error, { message: "Scheduled order jobs failed" });
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalSeconds * 1000);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
