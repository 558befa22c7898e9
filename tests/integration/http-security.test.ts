// The HTTP baseline in front of every page (app/security/http.server.ts), wired as
// scripts/server.ts wires it, exercised over real HTTP with fetch.
import { once } from "node:events";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The limiter reads the configuration once per process: the budget must be set before any app
// module is loaded, hence the dynamic imports below.
process.env.RATE_LIMIT_MUTATIONS_PER_MINUTE = "5";
const { readConfig } = await import("~/config.server");
const { prisma } = await import("~/db.server");
const { cspNonce, mutationRateLimit, sameOriginMutations, securityHeaders } =
  await import("~/security/http.server");

type Site = { url: string; origin: string; handled: () => number; close: () => Promise<void> };

const sites: Site[] = [];

/** A tiny site behind the baseline, answering every request with a page that runs a script. */
async function serve(env: Record<string, string> = {}): Promise<Site> {
  const config = readConfig({ NODE_ENV: "test", ...env });
  const app = express();
  app.disable("x-powered-by");
  // One proxy in front, as in production: it says who the client is in X-Forwarded-For.
  app.set("trust proxy", 1);
  app.use(cspNonce, securityHeaders(config));
  app.use(sameOriginMutations, mutationRateLimit);
  let handled = 0;
  app.all("*", (_request, response) => {
    handled += 1;
    const nonce = String(response.locals.cspNonce);
    response
      .type("html")
      .send(
        `<!doctype html><html lang="id"><title>Uji</title><h1>Halo</h1><script nonce="${nonce}">document.title = "ok";</script></html>`,
      );
  });
  const server: Server = app.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const site: Site = {
    url: origin,
    origin,
    handled: () => handled,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  sites.push(site);
  return site;
}

let site: Site;

beforeAll(async () => {
  site = await serve();
});

afterAll(async () => {
  await Promise.all(sites.map((s) => s.close()));
});

let clients = 0;
/** A distinct client address, so each test has its own rate-limit budget. */
function newClient(): string {
  clients += 1;
  return `198.51.100.${clients}`;
}

/** A form post as a browser on this site sends it. */
function postFromSite(target: Site, path: string, client: string): Promise<Response> {
  return fetch(`${target.url}${path}`, {
    method: "POST",
    headers: {
      Origin: target.origin,
      "Sec-Fetch-Site": "same-origin",
      "Content-Type": "application/x-www-form-urlencoded",
      "X-Forwarded-For": client,
    },
    body: "intent=add&quantity=1",
  });
}

/** A form post with exactly these browser headers, from a client of its own. */
function postWith(headers: Record<string, string>): Promise<Response> {
  return fetch(`${site.url}/cart`, {
    method: "POST",
    headers: { ...headers, "X-Forwarded-For": newClient() },
    body: new URLSearchParams({ intent: "add", quantity: "1" }),
  });
}

function directives(policy: string | null): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const directive of (policy ?? "").split(";")) {
    const [name, ...values] = directive.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

function nonceOf(policy: string | null): string | undefined {
  const source = directives(policy)
    .get("script-src")
    ?.find((value) => value.startsWith("'nonce-"));
  return source?.slice("'nonce-".length, -1);
}

describe("security headers", () => {
  it("enforce a Content-Security-Policy whose script nonce is new for every response", async () => {
    const first = await fetch(site.url, { headers: { "X-Forwarded-For": newClient() } });
    const second = await fetch(site.url, { headers: { "X-Forwarded-For": newClient() } });
    const policy = first.headers.get("Content-Security-Policy");
    expect(policy).not.toBeNull();
    expect(first.headers.get("Content-Security-Policy-Report-Only")).toBeNull();

    const nonce = nonceOf(policy);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(await first.text()).toContain(`<script nonce="${nonce}">`);
    const secondNonce = nonceOf(second.headers.get("Content-Security-Policy"));
    expect(secondNonce).toBeDefined();
    expect(secondNonce).not.toBe(nonce);
    expect(await second.text()).toContain(`<script nonce="${secondNonce}">`);

    const csp = directives(policy);
    // An injected inline script has no nonce, so it does not run; other scripts are the site's
    // own files. Not 'strict-dynamic': with it, an injected modulepreload link and module script
    // pointing at a data: URL run in Chromium (w3c/webappsec-csp#823).
    expect(csp.get("script-src")).toEqual([`'nonce-${nonce}'`, "'self'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
  });

  it("forbid framing and sniffing, and keep the referrer to this site's origin elsewhere", async () => {
    const response = await fetch(site.url, { headers: { "X-Forwarded-For": newClient() } });
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("X-Frame-Options")).toBe("DENY");
    expect(response.headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("Permissions-Policy")).toContain("camera=(self)");
    expect(response.headers.get("Permissions-Policy")).toContain("geolocation=()");
    expect(response.headers.get("X-Powered-By")).toBeNull();
  });

  it("send HSTS only in production", async () => {
    const production = await serve({
      NODE_ENV: "production",
      PUBLIC_URL: "https://karyasungging.example",
    });
    const development = await serve({ NODE_ENV: "development" });
    const headers = async (target: Site) =>
      (await fetch(target.url, { headers: { "X-Forwarded-For": newClient() } })).headers;

    const inProduction = await headers(production);
    expect(inProduction.get("Strict-Transport-Security")).toBe(
      "max-age=31536000; includeSubDomains",
    );
    const productionCsp = directives(inProduction.get("Content-Security-Policy"));
    expect(productionCsp.has("upgrade-insecure-requests")).toBe(true);
    expect(productionCsp.get("style-src")).toEqual(["'self'"]);

    expect((await headers(site)).get("Strict-Transport-Security")).toBeNull();
    const inDevelopment = await headers(development);
    expect(inDevelopment.get("Strict-Transport-Security")).toBeNull();
    // Vite's hot reload needs inline styles and its websocket; production never allows them.
    const developmentCsp = directives(inDevelopment.get("Content-Security-Policy"));
    expect(developmentCsp.get("style-src")).toContain("'unsafe-inline'");
    expect(developmentCsp.has("upgrade-insecure-requests")).toBe(false);
  });
});

describe("same-origin mutations", () => {
  it("refuse a form posted from another site before it reaches the app", async () => {
    const before = site.handled();
    const fromEvil = await fetch(`${site.url}/cart`, {
      method: "POST",
      headers: {
        Origin: "https://evil.example",
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Forwarded-For": newClient(),
      },
      body: "intent=add&quantity=1",
    });
    expect(fromEvil.status).toBe(403);
    expect(await fromEvil.text()).toContain("hanya bisa dikirim dari situs Karya Sungging");

    const crossSite = await fetch(`${site.url}/account`, {
      method: "POST",
      headers: { "Sec-Fetch-Site": "cross-site", "X-Forwarded-For": newClient() },
      body: "name=x",
    });
    expect(crossSite.status).toBe(403);

    // A sibling subdomain is another origin too, and so is any other method that changes things.
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      const response = await fetch(`${site.url}/account`, {
        method,
        headers: { "Sec-Fetch-Site": "same-site", "X-Forwarded-For": newClient() },
      });
      expect(response.status, method).toBe(403);
    }
    expect(site.handled()).toBe(before);
  });

  it("believe Sec-Fetch-Site over an Origin that a TLS proxy made look different", async () => {
    // Behind a proxy that ends TLS but is not declared in TRUST_PROXY, the app sees http while
    // the browser's Origin says https. A browser's Sec-Fetch-Site cannot be forged by a page.
    const behindProxy = await postWith({
      Origin: site.origin.replace("http:", "https:"),
      "Sec-Fetch-Site": "same-origin",
    });
    expect(behindProxy.status).toBe(200);
    // "none": the visitor's own doing in the browser, never another page's.
    expect((await postWith({ "Sec-Fetch-Site": "none" })).status).toBe(200);
  });

  it("fall back to Origin for browsers that do not send Sec-Fetch-Site", async () => {
    expect((await postWith({ Origin: site.origin })).status).toBe(200);
    // Through the trusted proxy, the origin is the one the browser used: https.
    const throughProxy = await postWith({
      Origin: site.origin.replace("http:", "https:"),
      "X-Forwarded-Proto": "https",
    });
    expect(throughProxy.status).toBe(200);
    expect((await postWith({ Origin: site.origin.replace("http:", "https:") })).status).toBe(403);
    expect((await postWith({ Origin: "null" })).status).toBe(403);
  });

  it("let the site's own forms, links from elsewhere and webhooks through", async () => {
    const before = site.handled();
    expect((await postFromSite(site, "/cart", newClient())).status).toBe(200);
    // Following a link from another site is a GET: it must open the page.
    const followedLink = await fetch(`${site.url}/products`, {
      headers: { "Sec-Fetch-Site": "cross-site", Origin: "https://evil.example" },
    });
    expect(followedLink.status).toBe(200);
    // Stripe calls from its own servers; the webhook checks Stripe's signature instead.
    const webhook = await fetch(`${site.url}/webhooks/stripe`, {
      method: "POST",
      headers: {
        Origin: "https://evil.example",
        "Sec-Fetch-Site": "cross-site",
        "X-Forwarded-For": newClient(),
      },
      body: "{}",
    });
    expect(webhook.status).toBe(200);
    expect(site.handled()).toBe(before + 3);
  });
});

describe("the mutation rate limit", () => {
  it("stops the sixth change in a minute from one client, and nobody else", async () => {
    const client = newClient();
    const before = site.handled();
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await postFromSite(site, "/cart", client)).status, `attempt ${attempt}`).toBe(200);
    }
    const sixth = await postFromSite(site, "/cart", client);
    expect(sixth.status).toBe(429);
    const wait = Number(sixth.headers.get("Retry-After"));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await sixth.text()).toContain(`Coba lagi dalam ${wait} detik`);
    expect(site.handled()).toBe(before + 5);

    // Reading pages is never limited.
    const page = await fetch(`${site.url}/products`, { headers: { "X-Forwarded-For": client } });
    expect(page.status).toBe(200);
    // Another client behind the same proxy still has their own budget.
    expect((await postFromSite(site, "/cart", newClient())).status).toBe(200);
  });

  it("is counted in the database, so every app process shares it", async () => {
    const client = newClient();
    const other = await serve();
    for (const target of [site, other, site, other, site]) {
      expect((await postFromSite(target, "/cart", client)).status).toBe(200);
    }
    expect((await postFromSite(other, "/cart", client)).status).toBe(429);
    const counter = await prisma.rateLimiterFlexible.findUnique({
      where: { key: `mutation:${client}` },
    });
    expect(counter?.points).toBe(6);
  });

  it("does not count refused cross-site posts against the visitor", async () => {
    const client = newClient();
    for (let attempt = 0; attempt < 6; attempt++) {
      const refused = await fetch(`${site.url}/cart`, {
        method: "POST",
        headers: { Origin: "https://evil.example", "X-Forwarded-For": client },
      });
      expect(refused.status).toBe(403);
    }
    expect((await postFromSite(site, "/cart", client)).status).toBe(200);
  });
});
