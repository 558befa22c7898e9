// npm run worker: sends the notification outbox in a process of its own, for when the app runs
// with NOTIFY_WORKER=off (or more senders are wanted). Any number may run at once, on one machine
// or several: each claims its messages with FOR UPDATE SKIP LOCKED. It does not migrate: start
// the app once (or npm run db:migrate) first. The embedded database serves one process only, so
// a separate worker needs DATABASE_URL (PostgreSQL); with the embedded database keep the worker
// inside the app (NOTIFY_WORKER=inline, the default).
//
// SIGTERM or SIGINT: stops claiming, lets the sends in flight finish and be recorded, exits 0.
// A second signal exits at once; what was in flight is sent again by another worker after its
// lease (NOTIFY_LEASE_SECONDS), with the same idempotency key.
import { readConfig } from "~/config.server";
import { closeDatabase, connectDatabase } from "~/db/connection.server";
import { logInfo } from "~/lib/log.server";
import { runMain } from "./run-main";

await runMain(async () => {
  const config = readConfig();
  const database = await connectDatabase();
  const { closeNotificationChannels, startNotificationWorker } =
    await import("~/notifications/worker.server");
  const name = process.env.WORKER_NAME || `worker-${process.pid}`;
  const worker = startNotificationWorker({ name });
  logInfo("notification worker process ready", {
    name,
    database: database.embedded ? "embedded" : "postgresql",
    channels: {
      email: config.mail !== null,
      whatsapp: config.whatsapp !== null,
    },
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    logInfo("notification worker shutting down", { signal, name });
    void worker
      .stop()
      .then(() => closeNotificationChannels())
      .then(() => closeDatabase())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
});
