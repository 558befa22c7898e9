import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Request, RequestHandler, Response } from "express";
import helmet from "helmet";
import type { Config } from "~/config.server";
import { logInfo } from "~/lib/log.server";
import { spend } from "./rate-limit.server";
import { refusalPage } from "./refusal";
import { routedPath, WEBHOOK_PREFIX } from "./request-hygiene.server";

/**
 * The HTTP baseline every response gets, as Express middleware in front of Remix:
 * security headers with a per-request CSP nonce, same-origin mutations and the mutation rate limit.
 */

/** Makes this response's nonce; Remix puts it on every script it renders. */
export const cspNonce: RequestHandler = (_request, response, next) => {
  response.locals.cspNonce = randomBytes(16).toString("base64");
  next();
};

/** Where Stripe Checkout pages live: Stripe's own, or the test double's when one is configured. */
function stripeCheckoutOrigins(config: Config): string[] {
  if (!config.stripe) return [];
  return config.stripe.apiUrl
    ? ["https://checkout.stripe.com", new URL(config.stripe.apiUrl).origin]
    : ["https://checkout.stripe.com"];
}

export function securityHeaders(config: Config): RequestHandler {
  const development = config.NODE_ENV === "development";
  const https = config.publicUrl.startsWith("https:");
  const nonce = (_request: IncomingMessage, response: ServerResponse) =>
    `'nonce-${String((response as Response).locals.cspNonce)}'`;
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // Inline scripts run only with this response's nonce; every other script is this site's
        // own. No 'strict-dynamic': under it, injected markup pairing <link rel=modulepreload>
        // with <script type=module>, both pointing at a data: URL, runs (w3c/webappsec-csp#823).
        scriptSrc: [nonce, "'self'"],
        styleSrc: ["'self'", ...(development ? ["'unsafe-inline'"] : [])],
        // Image placeholders set a background in a style attribute.
        styleSrcAttr: ["'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'", ...(development ? ["ws:"] : [])],
        mediaSrc: ["'self'", "blob:"],
        // The operator's QR scanner decodes in a worker the library builds from a blob: URL where
        // the browser has no native barcode reader (iOS Safari, Firefox); only our scripts run.
        workerSrc: ["'self'", "blob:"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        // "Pay now" answers with a redirect to Stripe Checkout, which form-action also governs.
        formAction: ["'self'", ...stripeCheckoutOrigins(config)],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity:
      config.NODE_ENV === "production"
        ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true }
        : false,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    frameguard: { action: "deny" },
    crossOriginEmbedderPolicy: false,
  });
  return (request, response, next) => {
    // The operator console scans QR codes with the camera; nothing else is needed.
    response.setHeader("Permissions-Policy", "camera=(self), geolocation=(), microphone=()");
    headers(request, response, next);
  };
}

/**
 * Headers for hashed scripts, styles and image renditions, which are never shown as a page: no
 * content-type guessing, and no other site may embed them. The page's set (CSP, frame and
 * referrer rules) governs documents only and would add about 1 KB to each of these responses.
 */
export const assetHeaders: RequestHandler = (_request, response, next) => {
  response.setHeader("X-Content-Type-Options", "nosniff");
  response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
  next();
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Server-to-server callbacks carry their own signature instead of a browser's origin. Decided on
 * the decoded path, which requestHygiene has made sure is the one Remix routes.
 */
function isWebhook(request: Request): boolean {
  return routedPath(request.path)?.startsWith(WEBHOOK_PREFIX) ?? false;
}

/**
 * Form submissions and other changes are accepted only from this site's own pages: a browser
 * says where a request comes from, and another site's page is refused. Sec-Fetch-Site, which no
 * page can forge, decides when present ("none": the visitor's own doing, not another page's).
 * Browsers without it (Safari before 16.4) send Origin, compared with this request's own
 * origin. Requests with neither come from no browser, so cannot carry a visitor's cookies.
 */
export const sameOriginMutations: RequestHandler = (request, response, next) => {
  if (SAFE_METHODS.has(request.method) || isWebhook(request)) return next();
  const site = request.get("Sec-Fetch-Site");
  const origin = request.get("Origin");
  // A proxy that ends TLS without TRUST_PROXY makes `protocol` read http where the browser says
  // https: trusting Sec-Fetch-Site first keeps such a set-up from refusing every form.
  const crossSite = site
    ? site !== "same-origin" && site !== "none"
    : origin !== undefined && origin !== `${request.protocol}://${request.get("Host")}`;
  if (!crossSite) return next();
  logInfo("cross-origin submission refused", {
    method: request.method,
    path: request.path,
    origin,
    site,
    ip: request.ip,
  });
  response
    .status(403)
    .type("html")
    .send(
      refusalPage(
        "Formulir ini hanya bisa dikirim dari situs Karya Sungging.",
        "This form can only be sent from the Karya Sungging site.",
      ),
    );
};

/** Every change (form post, fetcher) counts against the client's mutation budget. */
export const mutationRateLimit: RequestHandler = (request, response, next) => {
  if (SAFE_METHODS.has(request.method) || isWebhook(request)) return next();
  spend("mutation", request.ip ?? "unknown").then((waitSeconds) => {
    if (waitSeconds === null) return next();
    logInfo("mutation rate limit reached", { path: request.path, ip: request.ip });
    response
      .status(429)
      .set("Retry-After", String(waitSeconds))
      .type("html")
      .send(
        refusalPage(
          `Terlalu banyak permintaan. Coba lagi dalam ${waitSeconds} detik.`,
          `Too many requests. Please try again in ${waitSeconds} seconds.`,
        ),
      );
  }, next);
};
