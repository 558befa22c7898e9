import { logError } from "~/lib/log.server";
import { enqueueReminders } from "~/notifications/reminders.server";
import { runOrderJobs } from "~/orders/order-actions.server";

/**
 * The app process's scheduled work, every `intervalSeconds`: expiring unpaid card orders,
 * resending refunds Stripe could not take, and writing the buyers' pickup reminders (each once).
 * Each job claims its rows with FOR UPDATE SKIP LOCKED (the reminders: a unique key per message),
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
    }
    try {
      await enqueueReminders();
    } catch (error) {
      logError(error, { message: "Scheduled reminders failed" });
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalSeconds * 1000);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
