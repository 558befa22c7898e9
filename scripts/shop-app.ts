// The shop's HTTP stack as one Express app: request hygiene, static files, the security baseline
// and Remix. scripts/server.ts serves it; the hostile-input test drives the same app over HTTP.
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import expressStaticGzip from "express-static-gzip";
import type { ViteDevServer } from "vite";
import type { Config } from "~/config.server";
import { MEDIA_URL_PREFIX, mediaRoot } from "~/images/storage.server";
import { logError } from "~/lib/log.server";
import {
  assetHeaders,
  cspNonce,
  mutationRateLimit,
  sameOriginMutations,
  securityHeaders,
} from "~/security/http.server";
import { requestHygiene } from "~/security/request-hygiene.server";

type Options = {
  config: Config;
  build: ServerBuild | (() => Promise<ServerBuild>);
  /** In development, Vite serves the client files and rebuilds the server on change. */
  viteDevServer?: ViteDevServer;
  /** Where the production build's client files are. */
  clientDirectory?: string;
};

export function createShopApp({
  config,
  build,
  viteDevServer,
  clientDirectory = "build/client",
}: Options): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.TRUST_PROXY);
  // Before anything reads the path or the body: what no page of the shop sends is refused here.
  app.use(requestHygiene);
  app.use(compression());
  // Hashed scripts, styles and image renditions are never documents: they get the two headers
  // that matter for them instead of the page's whole set (CSP and all), about 1 KB less each.
  if (!viteDevServer) {
    // Vite puts a content hash in every asset's name, so a year of caching is safe. The build
    // stores each one brotli- and gzip-compressed next to it (vite.config.ts).
    app.use(
      "/assets",
      assetHeaders,
      expressStaticGzip(path.join(clientDirectory, "assets"), {
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
    const publicFiles = express.static(clientDirectory, { maxAge: "1h", index: false });
    app.use((request, response, next) =>
      path.extname(request.path) ? publicFiles(request, response, next) : next(),
    );
  }

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
    // A missing rendition (an old link to a deleted photo) is a plain 404, and any other answer
    // the static files give about the request itself is a 4xx too, not a fault.
    const status = (error as { status?: unknown }).status;
    if (typeof status === "number" && status >= 400 && status < 500) {
      if (!response.headersSent) response.sendStatus(status);
      return;
    }
    logError(error, { where: "express", method: request.method, url: request.originalUrl });
    if (!response.headersSent) response.status(500).send("Internal error");
  }) as express.ErrorRequestHandler);
  return app;
}
