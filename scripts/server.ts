// The one way the app runs: `npm start` (production build) and `npm run dev` (Vite, hot reload).
// It connects to the database, applies pending migrations, seeds an empty database with the demo
// catalogue, then serves the storefront.
import type { ServerBuild } from "@remix-run/node";
import { readConfig } from "~/config.server";
import { closeDatabase, connectDatabase } from "~/db/connection.server";
import { migrate } from "~/db/migrate.server";
import { startScheduledJobs } from "~/jobs/scheduler.server";
import { logInfo } from "~/lib/log.server";
import { startNotificationWorker } from "~/notifications/worker.server";
import { seedIfEmpty } from "../prisma/seed/seed";
import { runMain } from "./run-main";
import { createShopApp } from "./shop-app";

await runMain(async () => {
  const startedAt = performance.now();
  const config = readConfig();
  const development = config.NODE_ENV === "development";
  const database = await connectDatabase();
  const applied = await migrate(database.url);
  if (applied.length > 0) logInfo("migrations applied", { migrations: applied });
  const seeded = await seedIfEmpty(database.prisma, { demoOrders: true });
  if (seeded) logInfo("empty database seeded with the demo catalogue");

  const viteDevServer = development
    ? await import("vite").then((vite) => vite.createServer({ server: { middlewareMode: true } }))
    : undefined;

  const build = viteDevServer
    ? () => viteDevServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>
    : ((await import(new URL("../build/server/index.js", import.meta.url).href)) as ServerBuild);
  const app = createShopApp({ config, build, viteDevServer });

  const server = app.listen(config.PORT, () => {
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
    logInfo(`Karya Sungging is serving http://localhost:${config.PORT}`, {
      database: database.embedded ? "embedded" : "postgresql",
      startupSeconds: Number(seconds),
    });
  });

  const stopJobs = startScheduledJobs(config.JOBS_INTERVAL_SECONDS);
  // The outbox is sent from here unless a separate `npm run worker` does it (NOTIFY_WORKER=off).
  const worker = config.NOTIFY_WORKER === "inline" ? startNotificationWorker() : null;

  const shutdown = (signal: string) => {
    logInfo("shutting down", { signal });
    stopJobs();
    server.close(() => {
      void Promise.resolve(worker?.stop())
        .then(() => closeDatabase())
        .finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
});
