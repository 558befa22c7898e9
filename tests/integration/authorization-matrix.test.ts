// The authorization matrix: every route module × every kind of visitor (anonymous and each role)
// × their own versus someone else's resource, with the answer each must get. A route added
// without an entry here fails the first test, so no page goes out unchecked.
import { readdirSync } from "node:fs";
import path from "node:path";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { addToCart } from "~/cart/cart.server";
import { pickupChoicesAt, placeOrder } from "~/checkout/checkout.server";
import { prisma } from "~/db.server";
import { newOrderAccessKey } from "~/orders/orders.server";
import { monthKey, shiftMonthKey } from "~/studio/payouts";
import { seedIfEmpty } from "../../prisma/seed/seed";
import { makeUser, sessionCookieFor, siteRequest, testContext } from "../setup/accounts";

const visitors = ["anonymous", "buyer", "artisan", "operator", "admin"] as const;
type Visitor = (typeof visitors)[number];
type Status = 200 | 302 | 400 | 403 | 404 | 405 | 410;
type Expected = Record<Visitor, Status>;

/** Open to everyone with the same answer. */
const everyone = (status: Status): Expected => ({
  anonymous: status,
  buyer: status,
  artisan: status,
  operator: status,
  admin: status,
});
/** Any signed-in account; anonymous visitors are sent to sign in. */
const signedIn = (status: Status): Expected => ({ ...everyone(status), anonymous: 302 });
/** One role only: the others get 403, anonymous visitors are sent to sign in. */
const only = (role: Exclude<Visitor, "anonymous">, status: Status): Expected => ({
  ...everyone(403),
  anonymous: 302,
  [role]: status,
});

type Fixtures = {
  users: Record<Exclude<Visitor, "anonymous">, { id: string; artisanId: string | null }>;
  productSlug: string;
  artisanSlug: string;
  restAreaSlug: string;
  restAreaId: string;
  /** A second admin, for pages about "some other user". */
  otherUserId: string;
  otherArtisanId: string;
  /** An order the buyer placed, collected at the operator's rest area, of the artisan's piece. */
  buyerOrderNumber: string;
  /** A product of the artisan (the one the buyer ordered), and one of another artisan. */
  ownProductSlug: string;
  otherProductSlug: string;
  /** Being built at the admin's dispatch desk. */
  plannedConsignmentNumber: string;
  /** On the road to the operator's rest area, and to another rest area. */
  arrivingConsignmentNumber: string;
  otherArrivingConsignmentNumber: string;
};

type Call = {
  expected: Expected;
  /** Route parameters, given who is asking (their own resource). */
  params?: (f: Fixtures, who: Visitor) => Record<string, string>;
  /**
   * The same request about other resources (someone else's, one that does not exist), and what
   * each visitor must get then.
   */
  also?: {
    whose: string;
    params: (f: Fixtures, who: Visitor) => Record<string, string>;
    expected: Expected;
  }[];
  /** Fields of the (deliberately incomplete) form an action is sent. */
  form?: Record<string, string>;
  /** The path requested, when the route reads it. */
  path?: (f: Fixtures) => string;
};

type Entry = { loader?: Call; action?: Call };

/** Every route module under app/routes, by file name without its extension. */
const matrix: Record<string, Entry> = {
  // ── public pages ──
  _index: { loader: { expected: everyone(200) } },
  "products._index": { loader: { expected: everyone(200) } },
  "products.$slug": {
    loader: { expected: everyone(200), params: (f) => ({ slug: f.productSlug }) },
  },
  "artisans._index": { loader: { expected: everyone(200) } },
  "artisans.$slug": {
    loader: { expected: everyone(200), params: (f) => ({ slug: f.artisanSlug }) },
  },
  "pickup-points._index": { loader: { expected: everyone(200) } },
  "pickup-points.$slug": {
    loader: { expected: everyone(200), params: (f) => ({ slug: f.restAreaSlug }) },
    // Remembering a rest area as "mine" is open to every visitor.
    action: { expected: everyone(302), params: (f) => ({ slug: f.restAreaSlug }) },
  },
  cart: { loader: { expected: everyone(200) }, action: { expected: everyone(400) } },
  // Anyone may order, signed in or not; an incomplete form is refused.
  checkout: { loader: { expected: everyone(200) }, action: { expected: everyone(400) } },
  // Stripe's own callback: no visitor's session counts, only a signature (and here Stripe is
  // not configured, so there is nothing to call back).
  "webhooks.stripe": { loader: { expected: everyone(405) }, action: { expected: everyone(404) } },
  language: { loader: { expected: everyone(302) }, action: { expected: everyone(400) } },
  healthz: { loader: { expected: everyone(200) } },
  "locales.$lng": {
    loader: {
      expected: everyone(200),
      params: () => ({ lng: "en" }),
      also: [
        { whose: "an unknown language", params: () => ({ lng: "fr" }), expected: everyone(404) },
      ],
    },
  },
  "sitemap[.]xml": { loader: { expected: everyone(200) } },
  "robots[.]txt": { loader: { expected: everyone(200) } },
  // Exists only while `npm run bench` runs.
  "bench.floor": { loader: { expected: everyone(404) } },

  // ── signing in and out ──
  "sign-in": {
    loader: { expected: { ...everyone(302), anonymous: 200 } },
    // Without the bot-trap field the form is refused before anything is read.
    action: { expected: everyone(400) },
  },
  "sign-up": {
    loader: { expected: { ...everyone(302), anonymous: 200 } },
    action: { expected: everyone(400) },
  },
  "sign-out": { loader: { expected: everyone(200) }, action: { expected: everyone(302) } },
  "forgot-password": { loader: { expected: everyone(200) }, action: { expected: everyone(400) } },
  "reset-password.$token": {
    loader: { expected: everyone(200), params: () => ({ token: "x".repeat(43) }) },
    action: { expected: everyone(400), params: () => ({ token: "x".repeat(43) }) },
  },
  "invitation.$token": {
    loader: { expected: everyone(200), params: () => ({ token: "x".repeat(43) }) },
    action: { expected: everyone(410), params: () => ({ token: "x".repeat(43) }) },
  },
  "verify.$token": {
    loader: { expected: everyone(200), params: () => ({ token: "x".repeat(43) }) },
    action: { expected: everyone(410), params: () => ({ token: "x".repeat(43) }) },
  },
  // Sent to an account's old contacts: whoever reads them may undo, signed in or not.
  "undo-contact-change.$token": {
    loader: { expected: everyone(200), params: () => ({ token: "x".repeat(43) }) },
    action: { expected: everyone(410), params: () => ({ token: "x".repeat(43) }) },
  },

  // ── one's own account ──
  "account._index": { loader: { expected: signedIn(200) }, action: { expected: signedIn(400) } },
  "account.data": { loader: { expected: signedIn(200) } },
  "account.delete": {
    loader: { expected: signedIn(200) },
    action: { expected: signedIn(400) },
  },
  // A buyer's order page opens for its buyer (or its secret link) only; to anyone else, even the
  // operator of its rest area, it does not exist.
  "orders.$number": {
    loader: {
      expected: { ...everyone(404), buyer: 200 },
      params: (f) => ({ number: f.buyerOrderNumber }),
      also: [
        {
          whose: "no such order",
          params: () => ({ number: "KS-000101-ZZZZ" }),
          expected: everyone(404),
        },
      ],
    },
    action: {
      expected: { ...everyone(404), buyer: 400 },
      params: (f) => ({ number: f.buyerOrderNumber }),
    },
  },
  "orders.$number.calendar[.ics]": {
    loader: {
      expected: { ...everyone(404), buyer: 200 },
      params: (f) => ({ number: f.buyerOrderNumber }),
    },
  },

  // ── workspaces ──
  studio: { loader: { expected: only("artisan", 200) } },
  "studio._index": { loader: { expected: only("artisan", 200) } },
  "studio.listings._index": { loader: { expected: only("artisan", 200) } },
  "studio.listings.new": {
    loader: { expected: only("artisan", 200) },
    action: { expected: only("artisan", 400) },
  },
  // An artisan's own product only: another artisan's, even published, does not exist for them.
  "studio.listings.$slug._index": {
    loader: {
      expected: only("artisan", 200),
      params: (f) => ({ slug: f.ownProductSlug }),
      also: [otherProduct(), noSuchProduct()],
    },
    action: {
      expected: only("artisan", 400),
      params: (f) => ({ slug: f.ownProductSlug }),
      also: [otherProduct(), noSuchProduct()],
    },
  },
  "studio.listings.$slug.preview": {
    loader: {
      expected: only("artisan", 200),
      params: (f) => ({ slug: f.ownProductSlug }),
      also: [otherProduct(), noSuchProduct()],
    },
  },
  "studio.listings.$slug.photos": {
    loader: {
      expected: only("artisan", 200),
      params: (f) => ({ slug: f.ownProductSlug }),
      also: [otherProduct(), noSuchProduct()],
    },
    action: {
      expected: only("artisan", 400),
      params: (f) => ({ slug: f.ownProductSlug }),
      also: [otherProduct()],
    },
  },
  // The drop zone's JSON endpoint; a GET goes back to the photos page.
  "studio.listings.$slug.photos.upload": {
    loader: {
      expected: only("artisan", 302),
      params: (f) => ({ slug: f.ownProductSlug }),
      also: [otherProduct()],
    },
    action: {
      expected: only("artisan", 400),
      params: (f) => ({ slug: f.ownProductSlug }),
      also: [otherProduct()],
    },
  },
  "studio.orders._index": {
    loader: { expected: only("artisan", 200) },
    action: { expected: only("artisan", 400) },
  },
  // An order holding one of the artisan's pieces; any other order does not exist for them.
  "studio.orders.$number": {
    loader: {
      expected: only("artisan", 200),
      params: (f) => ({ number: f.buyerOrderNumber }),
      also: [noSuchStudioOrder()],
    },
    action: {
      expected: only("artisan", 400),
      params: (f) => ({ number: f.buyerOrderNumber }),
      also: [noSuchStudioOrder()],
    },
  },
  "studio.orders.$number_.slip": {
    loader: {
      expected: only("artisan", 200),
      params: (f) => ({ number: f.buyerOrderNumber }),
      also: [noSuchStudioOrder()],
    },
  },
  // A statement is always the signed-in artisan's own; a month that is not one is missing.
  "studio.statements._index": { loader: { expected: only("artisan", 200) } },
  "studio.statements.$month": {
    loader: {
      expected: only("artisan", 200),
      params: () => ({ month: previousMonthKey() }),
      also: [notAMonth()],
    },
  },
  "studio.statements.$month[.csv]": {
    loader: {
      expected: only("artisan", 200),
      params: () => ({ month: previousMonthKey() }),
      also: [notAMonth()],
    },
  },
  operator: { loader: { expected: only("operator", 200) } },
  "operator._index": { loader: { expected: only("operator", 200) } },
  "operator.arrivals._index": { loader: { expected: only("operator", 200) } },
  // A consignment travelling to one of the operator's rest areas; another's does not exist.
  "operator.arrivals.$number": {
    loader: {
      expected: only("operator", 200),
      params: (f) => ({ number: f.arrivingConsignmentNumber }),
      also: [otherConsignment(), noSuchConsignment()],
    },
    action: {
      expected: only("operator", 400),
      params: (f) => ({ number: f.arrivingConsignmentNumber }),
      also: [otherConsignment()],
    },
  },
  "operator.handover": {
    loader: { expected: only("operator", 200) },
    action: { expected: only("operator", 400) },
  },
  // Where the offline queue sends the handovers it kept.
  "operator.handover-queue": { action: { expected: only("operator", 400) } },
  "operator.uncollected": {
    loader: { expected: only("operator", 200) },
    action: { expected: only("operator", 400) },
  },
  admin: { loader: { expected: only("admin", 200) } },
  "admin._index": { loader: { expected: only("admin", 200) } },
  "admin.users._index": {
    loader: { expected: only("admin", 200) },
    action: { expected: only("admin", 400) },
  },
  "admin.users.$id": {
    loader: {
      expected: only("admin", 200),
      params: (f) => ({ id: f.otherUserId }),
      also: [
        { whose: "no such user", params: () => ({ id: "nobody" }), expected: only("admin", 404) },
      ],
    },
    action: { expected: only("admin", 400), params: (f) => ({ id: f.otherUserId }) },
  },
  "admin.artisans._index": { loader: { expected: only("admin", 200) } },
  "admin.artisans.$id": {
    loader: {
      expected: only("admin", 200),
      params: (f) => ({ id: f.otherArtisanId }),
      also: [
        {
          whose: "no such artisan",
          params: () => ({ id: "nobody" }),
          expected: only("admin", 404),
        },
      ],
    },
    action: { expected: only("admin", 400), params: (f) => ({ id: f.otherArtisanId }) },
  },
  "admin.rest-areas._index": { loader: { expected: only("admin", 200) } },
  "admin.rest-areas.$id": {
    loader: { expected: only("admin", 200), params: (f) => ({ id: f.restAreaId }) },
    action: { expected: only("admin", 400), params: (f) => ({ id: f.restAreaId }) },
  },
  "admin.orders._index": { loader: { expected: only("admin", 200) } },
  // Any order, whoever placed it; the incomplete form (no intent) changes nothing.
  "admin.orders.$number": {
    loader: {
      expected: only("admin", 200),
      params: (f) => ({ number: f.buyerOrderNumber }),
      also: [
        {
          whose: "no such order",
          params: () => ({ number: "KS-000101-ZZZZ" }),
          expected: only("admin", 404),
        },
        {
          whose: "a malformed number",
          params: () => ({ number: "not-an-order" }),
          expected: only("admin", 404),
        },
      ],
    },
    action: {
      expected: only("admin", 400),
      params: (f) => ({ number: f.buyerOrderNumber }),
      also: [
        {
          whose: "no such order",
          params: () => ({ number: "KS-000101-ZZZZ" }),
          expected: only("admin", 404),
        },
      ],
    },
  },
  "admin.dispatch._index": {
    loader: { expected: only("admin", 200) },
    action: { expected: only("admin", 400) },
  },
  "admin.dispatch.$number": {
    loader: {
      expected: only("admin", 200),
      params: (f) => ({ number: f.plannedConsignmentNumber }),
      also: [
        {
          whose: "no such consignment",
          params: () => ({ number: "KR-000101-KM1A-9" }),
          expected: only("admin", 404),
        },
        {
          whose: "a malformed number",
          params: () => ({ number: "not-a-consignment" }),
          expected: only("admin", 404),
        },
      ],
    },
    action: {
      expected: only("admin", 400),
      params: (f) => ({ number: f.plannedConsignmentNumber }),
      also: [
        {
          whose: "no such consignment",
          params: () => ({ number: "KR-000101-KM1A-9" }),
          expected: only("admin", 404),
        },
      ],
    },
  },
  // The incomplete form (no intent) retries nothing.
  "admin.notifications._index": {
    loader: { expected: only("admin", 200) },
    action: { expected: only("admin", 400) },
  },
  "admin.payouts._index": {
    loader: { expected: only("admin", 200) },
    action: { expected: only("admin", 400) },
  },
  "admin.audit": { loader: { expected: only("admin", 200) } },
};

function otherConsignment() {
  return {
    whose: "a consignment to another rest area",
    params: (f: Fixtures) => ({ number: f.otherArrivingConsignmentNumber }),
    expected: only("operator", 404),
  };
}

function noSuchConsignment() {
  return {
    whose: "no such consignment",
    params: () => ({ number: "KR-000101-KM1A-9" }),
    expected: only("operator", 404),
  };
}

function otherProduct() {
  return {
    whose: "another artisan's product",
    params: (f: Fixtures) => ({ slug: f.otherProductSlug }),
    expected: only("artisan", 404),
  };
}

function noSuchProduct() {
  return {
    whose: "no such product",
    params: () => ({ slug: "tidak-ada-produk-ini" }),
    expected: only("artisan", 404),
  };
}

function noSuchStudioOrder() {
  return {
    whose: "an order without the artisan's pieces",
    params: () => ({ number: "KS-000101-ZZZZ" }),
    expected: only("artisan", 404),
  };
}

function notAMonth() {
  return {
    whose: "not a month",
    params: () => ({ month: "2026-13" }),
    expected: only("artisan", 404),
  };
}

/** The WIB month before this one, "YYYY-MM". */
function previousMonthKey(): string {
  return shiftMonthKey(monthKey(new Date()), -1);
}

type RouteModule = {
  loader?: (args: LoaderFunctionArgs) => unknown;
  action?: (args: ActionFunctionArgs) => unknown;
};

const routeFiles = readdirSync(path.resolve("app/routes"))
  .filter((file) => /\.(ts|tsx)$/.test(file))
  .map((file) => file.replace(/\.(ts|tsx)$/, ""))
  .sort();

async function statusOf(outcome: Promise<unknown>): Promise<number> {
  let result: unknown;
  try {
    result = await outcome;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
  if (result instanceof Response) return result.status;
  if (result && typeof result === "object" && "init" in result && "data" in result) {
    const init = (result as { init?: { status?: number } | null }).init;
    return init?.status ?? 200;
  }
  return 200;
}

let fixtures: Fixtures;
let calls = 0;

beforeAll(async () => {
  await seedIfEmpty(prisma);
  const restArea = await prisma.restArea.findFirstOrThrow({ where: { active: true } });
  const otherRestArea = await prisma.restArea.findFirstOrThrow({
    where: { active: true, id: { not: restArea.id } },
  });
  const buyer = await makeUser({ role: "BUYER" });
  // The artisan is the maker of the piece the buyer orders, so the order is theirs to prepare.
  const ordered = await prisma.productVariant.findFirstOrThrow({
    where: { active: true, stock: { gt: 0 }, product: { status: "PUBLISHED" } },
    orderBy: { id: "asc" },
    select: { id: true, product: { select: { slug: true, artisanId: true } } },
  });
  const otherProduct = await prisma.product.findFirstOrThrow({
    where: { artisanId: { not: ordered.product.artisanId } },
    select: { slug: true },
  });
  const artisan = await makeUser({ role: "ARTISAN", artisanId: ordered.product.artisanId });
  const otherArtisan = await makeUser({ role: "ARTISAN" });
  const operator = await makeUser({ role: "OPERATOR", restAreaIds: [restArea.id] });
  const admin = await makeUser({ role: "ADMIN" });
  const otherAdmin = await makeUser({ role: "ADMIN" });
  const product = await prisma.product.findFirstOrThrow({ where: { status: "PUBLISHED" } });
  const artisanProfile = await prisma.artisan.findFirstOrThrow({ where: { active: true } });
  fixtures = {
    users: { buyer, artisan, operator, admin },
    productSlug: product.slug,
    artisanSlug: artisanProfile.slug,
    restAreaSlug: restArea.slug,
    restAreaId: restArea.id,
    otherUserId: otherAdmin.id,
    otherArtisanId: otherArtisan.artisanId!,
    buyerOrderNumber: await placeBuyerOrder(buyer.id, restArea.slug, ordered.id),
    ownProductSlug: ordered.product.slug,
    otherProductSlug: otherProduct.slug,
    plannedConsignmentNumber: await makeConsignment("KR-261201-MTX-1", restArea.id, "PLANNED"),
    arrivingConsignmentNumber: await makeConsignment("KR-261201-MTX-2", restArea.id, "IN_TRANSIT"),
    otherArrivingConsignmentNumber: await makeConsignment(
      "KR-261201-MTX-3",
      otherRestArea.id,
      "IN_TRANSIT",
    ),
  };
});

describe("the authorization matrix", () => {
  it("has an entry for every route, and for each loader and action the route exports", async () => {
    expect(routeFiles).toEqual(Object.keys(matrix).sort());
    for (const file of routeFiles) {
      const module = (await import(`~/routes/${file}`)) as RouteModule;
      const entry = matrix[file]!;
      expect({ file, loader: Boolean(module.loader), action: Boolean(module.action) }).toEqual({
        file,
        loader: Boolean(entry.loader),
        action: Boolean(entry.action),
      });
    }
  });

  for (const [file, entry] of Object.entries(matrix)) {
    for (const kind of ["loader", "action"] as const) {
      const call = entry[kind];
      if (!call) continue;
      const cases = [
        { whose: "own", params: call.params, expected: call.expected },
        ...(call.also ?? []),
      ];
      for (const { whose, params, expected } of cases) {
        it(`${file} ${kind} (${whose}): ${visitors.map((v) => `${v} ${expected[v]}`).join(", ")}`, async () => {
          const module = (await import(`~/routes/${file}`)) as RouteModule;
          const answers: Record<string, number> = {};
          for (const who of visitors) {
            const routePath = call.path?.(fixtures) ?? `/${file.replace(/\./g, "/")}`;
            // A fresh session each time: some actions (signing out) end the one they are sent.
            const cookie =
              who === "anonymous" ? undefined : await sessionCookieFor(fixtures.users[who].id);
            const request = siteRequest(routePath, {
              cookie,
              ...(kind === "action" ? { form: call.form ?? {} } : {}),
            });
            // Each call from its own address, so the rate limits stay out of the answers.
            calls += 1;
            const context = { ...testContext, clientIp: `matrix-${calls}` };
            const args = { request, params: params?.(fixtures, who) ?? {}, context };
            answers[who] = await statusOf(
              Promise.resolve().then(() =>
                kind === "loader" ? module.loader!(args) : module.action!(args),
              ),
            );
          }
          expect(answers).toEqual(expected);
        });
      }
    }
  }
});

/** An empty consignment to a rest area, in the given state. */
async function makeConsignment(
  number: string,
  restAreaId: string,
  status: "PLANNED" | "IN_TRANSIT",
): Promise<string> {
  await prisma.consignment.create({
    data: {
      number,
      restAreaId,
      status,
      pickupDate: new Date("2026-12-01T00:00:00.000Z"),
      dispatchedAt: status === "IN_TRANSIT" ? new Date() : null,
    },
  });
  return number;
}

/** A pay-at-pickup order of one piece, placed as the buyer's checkout would. */
async function placeBuyerOrder(
  userId: string,
  restAreaSlug: string,
  variantId: string,
): Promise<string> {
  const variant = await prisma.productVariant.findUniqueOrThrow({
    where: { id: variantId },
    select: { id: true, product: { select: { leadTimeDays: true } } },
  });
  await addToCart({ owner: { userId }, variantId: variant.id, quantity: 1, locale: "id" });
  const offered = await pickupChoicesAt({
    restAreaSlug,
    leadTimeDays: variant.product.leadTimeDays,
  });
  const day = offered?.choices.days.find((candidate) => candidate.status === "open");
  const window = day?.windows[0];
  if (!day || !window) throw new Error(`${restAreaSlug} offers no pickup for the fixtures`);
  const placed = await placeOrder({
    owner: { userId },
    userId,
    locale: "id",
    contact: { name: "Pembeli Uji", phone: "+6281234567890", email: null },
    restAreaSlug,
    dayKey: day.dayKey,
    windowId: window.windowId,
    paymentMethod: "PAY_AT_PICKUP",
    checkoutKey: newOrderAccessKey(),
  });
  if (!placed.ok) throw new Error(`The fixtures' order was refused: ${placed.problem.code}`);
  return placed.order.number;
}
