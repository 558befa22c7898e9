// The one way the app runs: `npm start` (production build) and `npm run dev` (Vite, hot reload).
// It connects to the database, applies pending migrations, seeds an empty database with the demo
// catalogue, then serves the storefront.
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import expressStaticGzip from "express-static-gzip";
import { readConfig } from "~/config.server";
import { closeDatabase, connectDatabase } from "~/db/connection.server";
import { migrate } from "~/db/migrate.server";
import { MEDIA_URL_PREFIX, mediaRoot } from "~/images/storage.server";
import { startScheduledJobs } from "~/jobs/scheduler.server";
import { logError, logInfo } from "~/lib/log.server";
import { startNotificationWorker } from "~/notifications/worker.server";
import {
  assetHeaders,
  cspNonce,
  mutationRateLimit,
  sameOriginMutations,
  securityHeaders,
} from "~/security/http.server";
import { seedIfEmpty } from "../prisma/seed/seed";
import { runMain } from "./run-main";

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

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.TRUST_PROXY);
  app.use(compression());
  // Hashed scripts, styles and image renditions are never documents: they get the two headers
  // that matter for them instead of the page's whole set (CSP and all), about 1 KB less each.
  if (!viteDevServer) {
    // Vite puts a content hash in every asset's name, so a year of caching is safe. The build
    // stores each one brotli- and gzip-compressed next to it (vite.config.ts).
    app.use(
      "/assets",
      assetHeaders,
      expressStaticGzip("build/client/assets", {
        enableBrotli: true,
        orderPreference: ["br", "gzip"],
        index: false,
        // Never revalidated within the year: no ETag, Last-Modified or ranges.
        serveStatic: {
          immutable: true,
          maxAge: "1y",
          etag: false,
          lastModified: false,
          acceptRanges: false,
        },
      }),
    );
  }
  // Each rendition's key is unique to one upload, so it never changes either.
  app.use(
    MEDIA_URL_PREFIX,
    assetHeaders,
    express.static(mediaRoot(), {
      immutable: true,
      maxAge: "1y",
      fallthrough: false,
      // Express's MIME table predates AVIF.
      setHeaders: (response, filePath) => {
        if (filePath.endsWith(".avif")) response.setHeader("Content-Type", "image/avif");
      },
    }),
  );
  app.use(cspNonce, securityHeaders(config));
  if (viteDevServer) {
    app.use(viteDevServer.middlewares);
  } else {
    // Other public files (favicon…) all have an extension; pages never do, so they skip the disk.
    const publicFiles = express.static("build/client", { maxAge: "1h", index: false });
    app.use((request, response, next) =>
      path.extname(request.path) ? publicFiles(request, response, next) : next(),
    );
  }

  const build = viteDevServer
    ? () => viteDevServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>
    : ((await import(new URL("../build/server/index.js", import.meta.url).href)) as ServerBuild);
  app.use(sameOriginMutations, mutationRateLimit);
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: config.NODE_ENV,
      getLoadContext: (request, response) => ({
        clientIp: request.ip ?? "unknown",
        cspNonce: String(response.locals.cspNonce),
      }),
    }),
  );

  app.use(((error: unknown, request, response, _next) => {
    // A missing rendition (an old link to a deleted photo) is a plain 404, not a fault.
    const status = (error as { status?: unknown }).status;
    if (status === 404) {
      if (!response.headersSent) response.sendStatus(404);
      return;
    }
    logError(error, { where: "express", method: request.method, url: request.originalUrl });
    if (!response.headersSent) response.status(500).send("Internal error");
  }) as express.ErrorRequestHandler);

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
