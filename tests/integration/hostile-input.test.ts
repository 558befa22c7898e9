// An attacker's walk over the whole shop, over real HTTP, on the production build wired as
// `npm start` wires it (scripts/shop-app.ts): every route of the build as every kind of visitor,
// with hostile parameters and queries; every action with bodies of every wrong shape; and every
// form found on the pages, sent back with hostile values. Any 5xx, or a body that shows a stack
// trace or SQL, fails it; so does a server that is not healthy afterwards.
//
// The inputs come from fast-check with a seed printed on every run (FUZZ_SEED=… repeats one);
// FUZZ_SAMPLES scales how many hostile samples each route and form gets.
import { request as httpRequest } from "node:http";
import { once } from "node:events";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { ServerBuild } from "@remix-run/node";
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

// The limits are the business's; here they would only turn most requests into 429s before they
// reach the code under test. Set before any app module reads the configuration.
process.env.RATE_LIMIT_AUTH_PER_MINUTE = "1000000";
process.env.RATE_LIMIT_MUTATIONS_PER_MINUTE = "1000000";
const { readConfig } = await import("~/config.server");
const { prisma } = await import("~/db.server");
const { seedIfEmpty } = await import("../../prisma/seed/seed");
const { makeUser, sessionCookieFor } = await import("../setup/accounts");
const { productionBuild } = await import("../setup/server-build");
const { createShopApp } = await import("../../scripts/shop-app");

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const SAMPLES = Number(process.env.FUZZ_SAMPLES ?? 3);
const CONCURRENCY = 4;

const visitors = ["anonymous", "buyer", "artisan", "operator", "admin"] as const;
type Visitor = (typeof visitors)[number];

// ── what counts as a leak ─────────────────────────────────────────────────────────────────────

const LEAKS: [string, RegExp][] = [
  ["stack frame", /\bat [^\n<]{0,200}\((?:file:\/\/|\/)[^)\n]*:\d+:\d+\)/],
  ["Prisma error", /PrismaClient\w*Error|Invalid `prisma\.|prisma\.\$(?:queryRaw|transaction)/],
  [
    "SQL error",
    /\bSQLSTATE\b|syntax error at or near|violates (?:foreign key|unique|not-null|check) constraint|invalid input (?:syntax|value) for/i,
  ],
  ["server path", /\/node_modules\/|\/build\/server\//],
];

// ── sending ───────────────────────────────────────────────────────────────────────────────────

type Probe = {
  what: string;
  method: string;
  /** Sent exactly as written: no normalisation, no encoding. */
  path: string;
  visitor: Visitor;
  headers?: Record<string, string>;
  body?: Buffer | string;
};

type Answer = { status: number; body: string };

let origin = "";
let port = 0;
const cookies = {} as Record<Visitor, string>;
let sent = 0;
const statuses = new Map<number, number>();
const failures: string[] = [];

function send(probe: Probe): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = probe.body === undefined ? undefined : Buffer.from(probe.body);
    const request = httpRequest(
      {
        host: "127.0.0.1",
        port,
        // A connection per request: a refused body may leave a kept-alive one closing.
        agent: false,
        method: probe.method,
        path: probe.path,
        headers: {
          // A browser on the shop's own page.
          Origin: origin,
          "Sec-Fetch-Site": "same-origin",
          ...(cookies[probe.visitor] ? { Cookie: cookies[probe.visitor] } : {}),
          ...(body ? { "Content-Length": String(body.length) } : {}),
          ...probe.headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

async function check(probe: Probe): Promise<Answer | null> {
  sent += 1;
  let answer: Answer;
  try {
    answer = await send(probe);
  } catch (error) {
    failures.push(`${describeProbe(probe)} → no answer (${String(error)})`);
    return null;
  }
  statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
  if (answer.status >= 500) {
    failures.push(`${describeProbe(probe)} → ${answer.status}`);
  }
  for (const [name, pattern] of LEAKS) {
    const match = pattern.exec(answer.body);
    if (match) failures.push(`${describeProbe(probe)} → ${name} in the body: ${match[0]}`);
  }
  return answer;
}

function describeProbe(probe: Probe): string {
  return `${probe.what}: ${probe.visitor} ${probe.method} ${JSON.stringify(probe.path.slice(0, 160))}`;
}

/** Runs the probes a few at a time, as several browsers would. */
async function checkAll(probes: Probe[]): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < probes.length) await check(probes[next++]!);
    }),
  );
}

// ── hostile values ────────────────────────────────────────────────────────────────────────────

/** Every byte that is not unreserved, percent-encoded: any string becomes a sendable URL part. */
function encodeBytes(bytes: Uint8Array): string {
  let out = "";
  for (const byte of bytes) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(char) ? char : `%${byte.toString(16).padStart(2, "0")}`;
  }
  return out;
}
const encode = (text: string) => encodeBytes(Buffer.from(text, "utf8"));

const TRICKY_TEXT = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "\u0000",
  "a\u0000b",
  "\u0001\u001f\u007f",
  "\r\nSet-Cookie: x=1",
  "/\t/evil.example",
  "//evil.example",
  "https://evil.example/",
  "/\\evil.example",
  "' OR 1=1 --",
  '"; DROP TABLE "User"; --',
  "<script>alert(1)</script>",
  "{{constructor.constructor('return 1')()}}",
  "\u202eevil",
  "𝔨𝔞𝔩𝔲𝔫𝔤 ü ñ 漢字 🙂",
  "\uFEFF",
  "-1",
  "0",
  "1e309",
  "NaN",
  "99999999999999999999999",
  "0x1F",
  "[]",
  "{}",
  "null",
  "undefined",
  "true",
  " ",
  "",
  "x".repeat(5_000),
];

/** What a path segment or a query value may be sent as, encoded or deliberately raw. */
const RAW_TRICKS = [
  "%zz",
  "%",
  "%0",
  "%00",
  "%2e%2e",
  "%2E",
  "%2f",
  "%5c",
  "%c0%af",
  "%ff%fe",
  "..",
];

const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...TRICKY_TEXT),
  // Any code point, control characters and unpaired surrogates included.
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
);

const hostileUrlPart: fc.Arbitrary<string> = fc.oneof(
  hostileText.map(encode),
  fc.constantFrom(...RAW_TRICKS),
  // Bytes that are not UTF-8 at all.
  fc.uint8Array({ minLength: 1, maxLength: 12 }).map(encodeBytes),
);

/** The query keys the shop's pages read, and some they never do. */
const QUERY_KEYS = [
  "q",
  "metal",
  "category",
  "artisan",
  "min",
  "max",
  "stock",
  "sort",
  "page",
  "next",
  "redirectTo",
  "lng",
  "variant",
  "key",
  "status",
  "region",
  "direction",
  "restArea",
  "day",
  "month",
  "from",
  "to",
  "role",
  "set",
  "done",
  "code",
  "_data",
  "index",
  "__proto__",
  "constructor",
];

const hostileQuery: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), hostileUrlPart), hostileUrlPart), {
    minLength: 1,
    maxLength: 4,
  })
  .map((pairs) => `?${pairs.map(([key, value]) => `${key}=${value}`).join("&")}`);

let sampleSeed = SEED;
/** A few values of an arbitrary, reproducible from the run's seed. */
function samples<T>(arbitrary: fc.Arbitrary<T>, count = SAMPLES): T[] {
  sampleSeed += 1;
  return fc.sample(arbitrary, { numRuns: count, seed: sampleSeed });
}

// ── the routes of the build ───────────────────────────────────────────────────────────────────

type RouteInfo = { id: string; pattern: string; hasAction: boolean; hasLoader: boolean };

function routesOf(build: ServerBuild): RouteInfo[] {
  const fullPath = (id: string): string => {
    const route = build.routes[id]!;
    const own = route.path ?? "";
    const parent = route.parentId ? fullPath(route.parentId) : "";
    return [parent, own].filter(Boolean).join("/");
  };
  return Object.values(build.routes)
    .filter((route) => route.id !== "root")
    .map((route) => ({
      id: route.id.replace(/^routes\//, ""),
      pattern: `/${fullPath(route.id)}`,
      hasAction: Boolean(route.module.action),
      hasLoader: Boolean(route.module.loader),
    }));
}

function fill(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No value for :${name} in ${pattern}`);
    return value;
  });
}

/** Real values for each route's parameters, so that hostile bodies reach the code behind them. */
let realParams: Record<string, Record<string, string>> = {};

// ── forms found on the pages ──────────────────────────────────────────────────────────────────

type FoundForm = { page: string; action: string; enctype: string; fields: [string, string][] };

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? decodeEntities(match[1]!) : null;
}

function formsOn(page: string, html: string): FoundForm[] {
  const forms: FoundForm[] = [];
  for (const match of html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/g)) {
    const markup = match[0];
    const tag = /<form\b[^>]*>/.exec(markup)![0];
    if ((attribute(tag, "method") ?? "get").toLowerCase() !== "post") continue;
    const fields: [string, string][] = [];
    for (const input of markup.matchAll(/<(input|textarea|select)\b[^>]*>/g)) {
      const name = attribute(input[0], "name");
      if (!name) continue;
      if (input[1] === "input" && attribute(input[0], "type") === "file") continue;
      fields.push([name, attribute(input[0], "value") ?? ""]);
    }
    for (const button of markup.matchAll(/<button\b[^>]*>/g)) {
      const name = attribute(button[0], "name");
      if (name) fields.push([name, attribute(button[0], "value") ?? ""]);
    }
    const action = attribute(tag, "action") ?? page;
    forms.push({
      page,
      action: action.startsWith("/") ? action : page,
      enctype: attribute(tag, "enctype") ?? "application/x-www-form-urlencoded",
      fields,
    });
  }
  return forms;
}

function urlencoded(fields: [string, string][]): string {
  return fields.map(([name, value]) => `${encode(name)}=${encode(value)}`).join("&");
}

function multipart(fields: [string, string][], boundary = "----fuzz7MA4YWxkTrZu0gW"): string {
  return (
    fields
      .map(
        ([name, value]) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      )
      .join("") + `--${boundary}--\r\n`
  );
}

/** Bodies of every wrong shape, sent to each action. */
function wrongBodies(): { what: string; headers: Record<string, string>; body?: string }[] {
  const form = "application/x-www-form-urlencoded";
  return [
    { what: "JSON", headers: { "Content-Type": "application/json" }, body: '{"intent":"add"}' },
    { what: "text", headers: { "Content-Type": "text/plain" }, body: "intent=add" },
    { what: "XML", headers: { "Content-Type": "application/xml" }, body: "<a>intent</a>" },
    { what: "no type", headers: {}, body: "intent=add" },
    { what: "bad type", headers: { "Content-Type": "???" }, body: "x" },
    {
      what: "cut multipart",
      headers: { "Content-Type": "multipart/form-data; boundary=xx" },
      body: '--xx\r\nContent-Disposition: form-data; name="intent"\r\n\r\nadd',
    },
    {
      what: "multipart, wrong boundary",
      headers: { "Content-Type": "multipart/form-data; boundary=yy" },
      body: multipart([["intent", "add"]], "xx"),
    },
    {
      what: "multipart without boundary",
      headers: { "Content-Type": "multipart/form-data" },
      body: multipart([["intent", "add"]]),
    },
    { what: "malformed escapes", headers: { "Content-Type": form }, body: "intent=%zz&a=%&%=b" },
    {
      what: "NUL everywhere",
      headers: { "Content-Type": form },
      body: "intent=%00&name=a%00b&q=%00&email=%00%40x&__proto__=%00",
    },
    {
      what: "prototype keys",
      headers: { "Content-Type": form },
      body: "__proto__=x&constructor=y&__proto__[admin]=1&intent=__proto__",
    },
    { what: "empty form", headers: { "Content-Type": form }, body: "" },
    {
      what: "UTF-16 charset",
      headers: { "Content-Type": `${form}; charset=utf-16` },
      body: "intent=add",
    },
    {
      what: "bytes that are not UTF-8",
      headers: { "Content-Type": form },
      body: Buffer.from([0x69, 0x3d, 0xff, 0xfe, 0xc0, 0xaf]).toString("latin1"),
    },
    {
      what: "gzip that is not",
      headers: { "Content-Type": form, "Content-Encoding": "gzip" },
      body: "intent=add",
    },
    { what: "huge field", headers: { "Content-Type": form }, body: `q=${"x".repeat(200_000)}` },
  ];
}

// ── the server ────────────────────────────────────────────────────────────────────────────────

let server: Server;
let routes: RouteInfo[] = [];
let userIds: Partial<Record<Visitor, string>> = {};
let variantInStock = "";

beforeAll(async () => {
  const { build, clientDirectory } = await productionBuild();
  await seedIfEmpty(prisma, { demoOrders: true });

  const order = await prisma.order.findFirstOrThrow({
    where: { items: { some: {} } },
    orderBy: { placedAt: "asc" },
    select: {
      id: true,
      number: true,
      restAreaId: true,
      items: { take: 1, select: { artisanId: true } },
    },
  });
  const artisanId = order.items[0]!.artisanId;
  const buyer = await makeUser({ role: "BUYER" });
  await prisma.order.update({ where: { id: order.id }, data: { userId: buyer.id } });
  const artisan = await makeUser({ role: "ARTISAN", artisanId });
  const operator = await makeUser({ role: "OPERATOR", restAreaIds: [order.restAreaId] });
  const admin = await makeUser({ role: "ADMIN" });
  const otherUser = await makeUser({ role: "BUYER" });
  const consignment = await prisma.consignment.create({
    data: { number: "KR-261208-FUZZ-1", restAreaId: order.restAreaId, pickupDate: new Date() },
  });
  const [product, ownProduct, artisanProfile, restArea] = await Promise.all([
    prisma.product.findFirstOrThrow({ where: { status: "PUBLISHED" } }),
    prisma.product.findFirstOrThrow({ where: { artisanId } }),
    prisma.artisan.findFirstOrThrow({ where: { active: true } }),
    prisma.restArea.findFirstOrThrow({ where: { id: order.restAreaId } }),
  ]);
  variantInStock = (
    await prisma.productVariant.findFirstOrThrow({
      where: { active: true, stock: { gt: 5 }, product: { status: "PUBLISHED" } },
    })
  ).id;
  const month = new Date().toISOString().slice(0, 7);
  const token = "x".repeat(43);
  realParams = {
    "products.$slug": { slug: product.slug },
    "artisans.$slug": { slug: artisanProfile.slug },
    "pickup-points.$slug": { slug: restArea.slug },
    "orders.$number": { number: order.number },
    "orders.$number.calendar[.ics]": { number: order.number },
    "locales.$lng": { lng: "id" },
    "reset-password.$token": { token },
    "invitation.$token": { token },
    "verify.$token": { token },
    "undo-contact-change.$token": { token },
    "studio.listings.$slug._index": { slug: ownProduct.slug },
    "studio.listings.$slug.photos": { slug: ownProduct.slug },
    "studio.listings.$slug.photos.upload": { slug: ownProduct.slug },
    "studio.listings.$slug.preview": { slug: ownProduct.slug },
    "studio.orders.$number": { number: order.number },
    "studio.orders.$number_.slip": { number: order.number },
    "studio.statements.$month": { month },
    "studio.statements.$month[.csv]": { month },
    "admin.orders.$number": { number: order.number },
    "admin.users.$id": { id: otherUser.id },
    "admin.artisans.$id": { id: artisanId },
    "admin.rest-areas.$id": { id: restArea.id },
    "admin.dispatch.$number": { number: consignment.number },
    "operator.arrivals.$number": { number: consignment.number },
  };
  cookies.anonymous = "";
  userIds = { buyer: buyer.id, artisan: artisan.id, operator: operator.id, admin: admin.id };
  await freshSessions();

  // As `npm start` runs it: in production mode Remix answers errors without their stack.
  const config = { ...readConfig(), NODE_ENV: "production" as const };
  const app = createShopApp({ config, build, clientDirectory });
  server = app.listen(0, "127.0.0.1");
  await once(server, "listening");
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  routes = routesOf(build);
  console.info(`hostile-input: FUZZ_SEED=${SEED}, ${routes.length} routes`);
}, 300_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  const counts = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
  console.info(`hostile-input: ${sent} requests, FUZZ_SEED=${SEED}; answers ${counts.join(" ")}`);
});

/** A probe may end a session (a sign-out, a changed password): each part starts signed in. */
async function freshSessions(): Promise<void> {
  for (const [visitor, userId] of Object.entries(userIds) as [Visitor, string][]) {
    cookies[visitor] = await sessionCookieFor(userId);
  }
}

// Each part reports only what it found itself.
beforeEach(() => {
  failures.length = 0;
});

describe("hostile input over HTTP, on the production build", () => {
  it("walks every route of the build, as every visitor, with hostile parameters and queries", async () => {
    const probes: Probe[] = [];
    for (const route of routes) {
      const params = route.pattern.match(/:(\w+)/g) ?? [];
      const real = realParams[route.id];
      if (params.length > 0 && !real) {
        failures.push(`${route.id}: no real parameters in realParams; add them`);
        continue;
      }
      const realPath = fill(route.pattern, real ?? {});
      for (const visitor of visitors) {
        if (route.hasLoader) {
          probes.push({ what: `${route.id} as is`, method: "GET", path: realPath, visitor });
          for (const query of samples(hostileQuery)) {
            probes.push({
              what: `${route.id} query`,
              method: "GET",
              path: realPath + query,
              visitor,
            });
          }
          for (const values of samples(
            fc.array(hostileUrlPart, { minLength: params.length, maxLength: params.length }),
          )) {
            if (params.length === 0) break;
            const hostile = Object.fromEntries(params.map((p, i) => [p.slice(1), values[i]!]));
            probes.push({
              what: `${route.id} params`,
              method: "GET",
              path: fill(route.pattern, hostile),
              visitor,
            });
          }
        }
      }
    }
    // Paths that mean something else once decoded or normalised, for every kind of route.
    for (const trick of [
      "/webhooks/../cart",
      "/webhooks/%2e%2e/cart",
      "/media/..",
      "/media/../../../etc/passwd",
      "/media/%2e%2e/%2e%2e/etc/passwd",
      "/assets/..%2f..%2fpackage.json",
      "/products/%zz",
      "/products/%00",
      "/products%2fx",
      "/./cart",
      "/cart/.",
      "//evil.example/",
      "/sign-in?next=/%09/evil.example",
      "/sign-in?next=%2F%0D%0A%2Fevil.example",
      "/products?metal=__proto__",
    ]) {
      probes.push({ what: "path trick", method: "GET", path: trick, visitor: "anonymous" });
      probes.push({
        what: "path trick",
        method: "POST",
        path: trick,
        visitor: "buyer",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "intent=add",
      });
    }
    for (const method of [
      "TRACE",
      "TRACK",
      "PUT",
      "DELETE",
      "PATCH",
      "OPTIONS",
      // (No CONNECT: Node's server closes such a connection itself, before any of ours runs.)
      "FOO",
    ]) {
      probes.push({ what: "method", method, path: "/", visitor: "anonymous" });
      probes.push({ what: "method", method, path: "/cart", visitor: "buyer" });
    }
    // Cookies the shop set, as an attacker would rewrite them.
    for (const cookie of samples(
      fc
        .array(
          fc.tuple(
            fc.constantFrom(
              "ks_session",
              "ks_cart",
              "ks_orders",
              "ks_rest_area",
              "lng",
              "__proto__",
            ),
            hostileUrlPart,
          ),
          { minLength: 1, maxLength: 5 },
        )
        .map((pairs) => pairs.map(([name, value]) => `${name}=${value}`).join("; ")),
      SAMPLES * 10,
    )) {
      for (const path of [
        "/",
        "/cart",
        "/checkout",
        "/account",
        "/orders/" + realParams["orders.$number"]!.number,
      ]) {
        probes.push({
          what: "cookie",
          method: "GET",
          path,
          visitor: "anonymous",
          headers: { Cookie: cookie },
        });
      }
    }
    await checkAll(probes);
    expect(failures).toEqual([]);
  }, 600_000);

  it("sends every action bodies of every wrong shape", async () => {
    await freshSessions();
    const probes: Probe[] = [];
    for (const route of routes.filter((r) => r.hasAction)) {
      const path = fill(route.pattern, realParams[route.id] ?? {});
      for (const visitor of visitors) {
        for (const { what, ...body } of wrongBodies()) {
          probes.push({ what: `${route.id} ${what}`, method: "POST", path, visitor, ...body });
        }
      }
    }
    await checkAll(probes);
    expect(failures).toEqual([]);
  }, 600_000);

  it("fills every form it finds on the pages with hostile values", async () => {
    await freshSessions();
    // A piece in the buyer's cart, so that the checkout form is on its page.
    const cart = await send({
      what: "cart",
      method: "POST",
      path: "/cart",
      visitor: "buyer",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: urlencoded([
        ["intent", "add"],
        ["variantId", variantInStock],
        ["quantity", "1"],
      ]),
    });
    expect(cart.status).toBeLessThan(400);
    const forms: (FoundForm & { visitor: Visitor })[] = [];
    for (const route of routes.filter((r) => r.hasLoader)) {
      const page = fill(route.pattern, realParams[route.id] ?? {});
      for (const visitor of visitors) {
        const answer = await check({
          what: `${route.id} page`,
          method: "GET",
          path: page,
          visitor,
        });
        if (!answer || answer.status !== 200) continue;
        for (const form of formsOn(page, answer.body)) forms.push({ ...form, visitor });
      }
    }
    expect(forms.length).toBeGreaterThan(20);
    const probes: Probe[] = [];
    for (const form of forms) {
      // Signing out and deleting the account would end the walk for that visitor.
      if (form.action === "/sign-out" || form.action.startsWith("/account/delete")) continue;
      const asMultipart = form.enctype === "multipart/form-data";
      const bodyOf = (fields: [string, string][]) =>
        asMultipart
          ? {
              headers: { "Content-Type": "multipart/form-data; boundary=----fuzz7MA4YWxkTrZu0gW" },
              body: multipart(fields),
            }
          : {
              headers: { "Content-Type": "application/x-www-form-urlencoded" },
              body: urlencoded(fields),
            };
      const base = { method: "POST", path: form.action, visitor: form.visitor };
      // Every field at once with a NUL and control characters in it.
      probes.push({
        ...base,
        what: `form on ${form.page} with control characters`,
        ...bodyOf(form.fields.map(([name, value]) => [name, `${value}\u0000\u0007\u001b`])),
      });
      if (form.fields.length === 0) continue;
      // Each field alone with a NUL in it, the others as the page filled them, so that the value
      // reaches the code behind the form's other checks (a bot trap, a required field).
      for (const [index, [name]] of form.fields.entries()) {
        if (name === "name__confirm") continue;
        const fields = form.fields.map(([field, original], i): [string, string] => [
          field,
          i === index ? `${original || "a"}\u0000b` : original,
        ]);
        probes.push({ ...base, what: `form on ${form.page}, NUL in ${name}`, ...bodyOf(fields) });
      }
      for (const [index, value] of samples(
        fc.tuple(fc.nat({ max: form.fields.length - 1 }), hostileText),
      )) {
        const fields = form.fields.map(([name, original], i): [string, string] => [
          name,
          i === index ? value : original,
        ]);
        probes.push({
          ...base,
          what: `form on ${form.page}, ${form.fields[index]![0]}`,
          ...bodyOf(fields),
        });
      }
      // Every field over-long, and a field of the same name twice.
      probes.push({
        ...base,
        what: `form on ${form.page}, over-long`,
        ...bodyOf(form.fields.map(([name]) => [name, "9".repeat(20_000)])),
      });
      probes.push({
        ...base,
        what: `form on ${form.page}, doubled`,
        ...bodyOf([
          ...form.fields,
          ...form.fields.map(([name]): [string, string] => [name, "__proto__"]),
        ]),
      });
    }
    await checkAll(probes);
    expect(failures).toEqual([]);
  }, 600_000);

  it("closes each defect the attacker found, by name", async () => {
    const ask = async (probe: Omit<Probe, "what">) => await send({ ...probe, what: "regression" });
    const form = { "Content-Type": "application/x-www-form-urlencoded" };
    // Path tricks no longer slip past the same-origin check and the form rate limit.
    const sneaked = await ask({
      method: "POST",
      path: "/webhooks/../cart",
      visitor: "buyer",
      headers: { ...form, "Sec-Fetch-Site": "cross-site", Origin: "https://evil.example" },
      body: "intent=add",
    });
    expect(sneaked.status).toBe(400);
    expect((await ask({ method: "GET", path: "/media/..", visitor: "anonymous" })).status).toBe(
      400,
    );
    expect((await ask({ method: "GET", path: "/products/%zz", visitor: "anonymous" })).status).toBe(
      400,
    );
    expect(
      (await ask({ method: "GET", path: "/products?q=a%00b", visitor: "anonymous" })).status,
    ).toBe(400);
    expect(
      (await ask({ method: "GET", path: "/products?metal=__proto__", visitor: "anonymous" }))
        .status,
    ).toBe(200);
    const trace = await send({ what: "TRACE", method: "TRACE", path: "/", visitor: "anonymous" });
    expect(trace.status).toBe(405);
    // A form sent as JSON is refused before any action reads it.
    const json = await ask({
      method: "POST",
      path: "/cart",
      visitor: "buyer",
      headers: { "Content-Type": "application/json" },
      body: '{"intent":"add"}',
    });
    expect(json.status).toBe(415);
    expect(json.body).toContain("format");

    // Signing in with ?next=/<TAB>/evil.example lands on the shop, never on //evil.example.
    const user = await makeUser({ role: "BUYER" });
    const page = await ask({ method: "GET", path: "/sign-in", visitor: "anonymous" });
    const signIn = formsOn("/sign-in", page.body).find((f) =>
      f.fields.some(([n]) => n === "password"),
    );
    expect(signIn).toBeDefined();
    for (const next of ["/\t/evil.example", "/\r\n/evil.example", "//evil.example", "/ä"]) {
      const fields = signIn!.fields.map(([name, value]): [string, string] => [
        name,
        name === "password"
          ? user.password
          : name === "identifier"
            ? user.email
            : name === "next"
              ? next
              : value,
      ]);
      if (!fields.some(([name]) => name === "next")) fields.push(["next", next]);
      const answer = await new Promise<{ status: number; location: string | undefined }>(
        (resolve, reject) => {
          const body = Buffer.from(urlencoded(fields));
          const request = httpRequest(
            {
              host: "127.0.0.1",
              port,
              method: "POST",
              path: "/sign-in",
              agent: false,
              headers: {
                ...form,
                Origin: origin,
                "Sec-Fetch-Site": "same-origin",
                "Content-Length": String(body.length),
              },
            },
            (response) => {
              response.resume();
              resolve({ status: response.statusCode ?? 0, location: response.headers.location });
            },
          );
          request.on("error", reject);
          request.end(body);
        },
      );
      expect(answer.status, next).toBe(302);
      expect(answer.location, next).toMatch(/^\/(?![/\\])/);
      expect(answer.location, next).not.toMatch(/[\t\r\n]|evil/);
    }
  });

  it("is still healthy afterwards", async () => {
    expect(
      (await check({ what: "health", method: "GET", path: "/healthz", visitor: "anonymous" }))
        ?.status,
    ).toBe(200);
    expect(
      (await check({ what: "home", method: "GET", path: "/", visitor: "anonymous" }))?.status,
    ).toBe(200);
    expect(failures).toEqual([]);
  });
});
