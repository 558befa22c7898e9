// Helpers for integration tests that place orders: a small shop of their own (pieces with the
// stock and price a test needs, rest areas with the windows it needs), carts filled as a visitor
// or a signed-in buyer would, checkout submitted through the real route, Stripe pointed at the
// local fake, and webhooks posted, signed, to the real webhook route.
import { cartCookie } from "~/cart/cart-cookie.server";
import { addToCart, newVisitorKey, type CartOwner } from "~/cart/cart.server";
import { pickupChoicesAt } from "~/checkout/checkout.server";
import { rereadAppConfig } from "~/config.server";
import { prisma } from "~/db.server";
import { newOrderAccessKey, orderAccessHash } from "~/orders/orders.server";
import { action as checkoutAction } from "~/routes/checkout";
import { action as webhookAction } from "~/routes/webhooks.stripe";
import {
  type FakeEvent,
  type FakeStripe,
  signEvent,
  startFakeStripe,
} from "../../scripts/fake-stripe";
import { testContext } from "./accounts";

let counter = 0;
function next(): number {
  counter += 1;
  return counter;
}

// ── the shop ──────────────────────────────────────────────────────────────────────────────────

export type Shop = { artisanId: string; categoryId: string };

/** A cooperative with one artisan and one category, for pieces made by `makePiece`. */
export async function openShop(): Promise<Shop> {
  const n = next();
  const cooperative = await prisma.cooperative.create({
    data: {
      slug: `kub-pesanan-${n}`,
      name: "KUB Pesanan Uji",
      shortName: "Uji",
      foundedYear: 2023,
      village: "Tanjung Batu",
      district: "Tanjung Batu",
      regency: "Ogan Ilir",
      province: "Sumatera Selatan",
      aboutId: "Koperasi uji.",
      aboutEn: "A test cooperative.",
      phone: "+6281100000000",
      email: `koperasi-${n}@example.test`,
    },
  });
  const artisan = await prisma.artisan.create({
    data: {
      slug: `perajin-pesanan-${n}`,
      name: "Perajin Pesanan",
      village: "Tanjung Batu",
      cooperativeId: cooperative.id,
      storyId: "Perajin uji.",
    },
  });
  const category = await prisma.category.create({
    data: { slug: `kategori-pesanan-${n}`, nameId: "Kerajinan", nameEn: "Crafts" },
  });
  return { artisanId: artisan.id, categoryId: category.id };
}

export type Piece = {
  variantId: string;
  productId: string;
  title: string;
  priceRupiah: number;
};

/** A published piece with one variant, its stock, price and the artisan's lead time. */
export async function makePiece(
  shop: Shop,
  options: { stock: number; priceRupiah?: number; leadTimeDays?: number; title?: string },
): Promise<Piece> {
  const n = next();
  const title = options.title ?? `Tepak sirih uji ${n}`;
  const priceRupiah = options.priceRupiah ?? 150_000;
  const product = await prisma.product.create({
    data: {
      slug: `tepak-sirih-uji-${n}`,
      artisanId: shop.artisanId,
      categoryId: shop.categoryId,
      status: "PUBLISHED",
      publishedAt: new Date(),
      metal: "COPPER",
      titleId: title,
      titleEn: `Test betel box ${n}`,
      descriptionId: "Tepak sirih tembaga.",
      leadTimeDays: options.leadTimeDays ?? 0,
      variants: {
        create: {
          sku: `UJI-TPK-${n}`,
          labelId: "Tembaga polos",
          labelEn: "Plain copper",
          metal: "COPPER",
          priceRupiah,
          stock: options.stock,
        },
      },
    },
    select: { id: true, variants: { select: { id: true } } },
  });
  return { variantId: product.variants[0]!.id, productId: product.id, title, priceRupiah };
}

export type TestRestArea = { id: string; slug: string; name: string; windowIds: string[] };

/** An active rest area with its handover weekdays, transit days and windows. */
export async function makeRestArea(
  options: {
    openWeekdays?: number[];
    transitDays?: number;
    windows?: { startMinute: number; endMinute: number; capacity: number }[];
  } = {},
): Promise<TestRestArea> {
  const n = next();
  const restArea = await prisma.restArea.create({
    data: {
      slug: `rest-area-uji-km-${n}-a`,
      name: `Rest Area KM ${n} A (uji)`,
      region: "PALEMBANG",
      segment: "Indralaya–Prabumulih",
      km: n,
      kmLabel: `KM ${n} A`,
      side: "A",
      towardsCity: "Prabumulih",
      directionId: "arah Prabumulih",
      directionEn: "towards Prabumulih",
      place: "Indralaya",
      regency: "Ogan Ilir",
      facilitiesId: [],
      facilitiesEn: [],
      opensAtMinute: 8 * 60,
      closesAtMinute: 20 * 60,
      openWeekdays: options.openWeekdays ?? [1, 2, 3, 4, 5, 6, 7],
      transitDays: options.transitDays ?? 1,
      pickupWindows: {
        create: options.windows ?? [
          { startMinute: 8 * 60, endMinute: 11 * 60, capacity: 50 },
          { startMinute: 14 * 60, endMinute: 17 * 60, capacity: 50 },
        ],
      },
    },
    select: {
      id: true,
      slug: true,
      name: true,
      pickupWindows: { orderBy: { startMinute: "asc" }, select: { id: true } },
    },
  });
  return {
    id: restArea.id,
    slug: restArea.slug,
    name: restArea.name,
    windowIds: restArea.pickupWindows.map((window) => window.id),
  };
}

/**
 * The first offered "YYYY-MM-DD|windowId" at the rest area for a cart whose slowest piece needs
 * `leadTimeDays`, as the checkout page offers it (in `window`, when given).
 */
export async function offeredSlot(
  restArea: TestRestArea,
  options: { leadTimeDays?: number; windowId?: string; skipDays?: number } = {},
): Promise<string> {
  const offered = await pickupChoicesAt({
    restAreaSlug: restArea.slug,
    leadTimeDays: options.leadTimeDays ?? 0,
  });
  if (!offered) throw new Error(`${restArea.slug} offers no pickups`);
  const open = offered.choices.days.filter((day) => day.status === "open");
  const day = open[options.skipDays ?? 0];
  const window = day?.windows.find(
    (candidate) => !options.windowId || candidate.windowId === options.windowId,
  );
  if (!day || !window) throw new Error(`${restArea.slug} has no open window to offer`);
  return `${day.dayKey}|${window.windowId}`;
}

// ── carts ─────────────────────────────────────────────────────────────────────────────────────

export type CartLine = { variantId: string; quantity: number };

/** Puts the lines in the owner's cart through the cart's own rules (stock, limits). */
export async function fillCart(owner: CartOwner, lines: CartLine[]): Promise<void> {
  for (const line of lines) {
    const added = await addToCart({
      owner,
      variantId: line.variantId,
      quantity: line.quantity,
      locale: "id",
    });
    if (!added.ok) throw new Error(`Could not add to the cart: ${JSON.stringify(added.error)}`);
  }
}

/** A new visitor with these lines in their cart, and the cookie their browser sends. */
export async function guestWithCart(
  lines: CartLine[],
): Promise<{ visitorKey: string; cookie: string }> {
  const visitorKey = newVisitorKey();
  await fillCart({ visitorKey }, lines);
  const setCookie = await cartCookie.serialize(visitorKey);
  return { visitorKey, cookie: setCookie.split(";")[0]! };
}

export async function cartLines(owner: CartOwner): Promise<CartLine[]> {
  return prisma.cartItem.findMany({
    where: { cart: owner },
    orderBy: { variantId: "asc" },
    select: { variantId: true, quantity: true },
  });
}

// ── answers of routes ─────────────────────────────────────────────────────────────────────────

export type Answer<Body = unknown> = {
  status: number;
  location: string | null;
  setCookie: string | null;
  headers: Headers;
  body: Body;
};

/** What a loader or action answered: a redirect or a thrown Response, or data with its status. */
export async function answered<Body = unknown>(outcome: Promise<unknown>): Promise<Answer<Body>> {
  let result: unknown;
  try {
    result = await outcome;
  } catch (thrown) {
    if (thrown instanceof Response) result = thrown;
    else throw thrown;
  }
  if (result instanceof Response) {
    const type = result.headers.get("Content-Type") ?? "";
    return {
      status: result.status,
      location: result.headers.get("Location"),
      setCookie: result.headers.get("Set-Cookie"),
      headers: result.headers,
      body: (type.includes("json") ? await result.json() : null) as Body,
    };
  }
  if (result && typeof result === "object" && "data" in result && "init" in result) {
    const { data, init } = result as {
      data: unknown;
      init?: { status?: number; headers?: HeadersInit } | null;
    };
    const headers = new Headers(init?.headers);
    return {
      status: init?.status ?? 200,
      location: null,
      setCookie: headers.get("Set-Cookie"),
      headers,
      body: data as Body,
    };
  }
  return {
    status: 200,
    location: null,
    setCookie: null,
    headers: new Headers(),
    body: result as Body,
  };
}

// ── checkout ──────────────────────────────────────────────────────────────────────────────────

export type CheckoutRefusal = {
  ok: false;
  values: Record<string, string>;
  errors: Record<string, string | undefined>;
  problem?: { message: string; lines: string[] };
};

/** The checkout form as the page submits it, with a fresh page key. */
export function checkoutFields(
  restArea: { slug: string },
  slot: string,
  overrides: Record<string, string> = {},
): Record<string, string> {
  return {
    restArea: restArea.slug,
    slot,
    name: "Sari Wulandari",
    phone: "0812 3456 7890",
    email: "sari@example.test",
    paymentMethod: "PAY_AT_PICKUP",
    checkoutKey: newOrderAccessKey(),
    ...overrides,
  };
}

/** POST /checkout with a browser's cookie. */
export function submitCheckout(
  cookie: string | undefined,
  fields: Record<string, string>,
): Promise<Answer<CheckoutRefusal>> {
  const headers = new Headers();
  if (cookie) headers.set("Cookie", cookie);
  const request = new Request("http://localhost/checkout", {
    method: "POST",
    headers,
    body: new URLSearchParams(fields),
  });
  return answered(checkoutAction({ request, params: {}, context: testContext }));
}

/** The order placed from the checkout page rendered with `checkoutKey`, if any. */
export function orderPlacedWith(checkoutKey: string) {
  return prisma.order.findUnique({
    where: { accessTokenHash: orderAccessHash(checkoutKey) },
    select: { id: true, number: true },
  });
}

/** The order number in a redirect to its page (`/orders/KS-…`), or null. */
export function orderNumberIn(location: string | null): string | null {
  return /\/orders\/(KS-\d{6}-[2-9A-HJ-NP-Z]{4})/.exec(location ?? "")?.[1] ?? null;
}

export type PlacedTestOrder = {
  id: string;
  number: string;
  visitorKey: string;
  cookie: string;
  checkoutKey: string;
  answer: Answer<CheckoutRefusal>;
};

/** A visitor fills a cart and checks out; throws unless an order was placed. */
export async function placeGuestOrder(input: {
  restArea: TestRestArea;
  lines: CartLine[];
  paymentMethod?: "PAY_AT_PICKUP" | "STRIPE_CARD";
  slot?: string;
  leadTimeDays?: number;
}): Promise<PlacedTestOrder> {
  const { visitorKey, cookie } = await guestWithCart(input.lines);
  const slot =
    input.slot ?? (await offeredSlot(input.restArea, { leadTimeDays: input.leadTimeDays }));
  const fields = checkoutFields(input.restArea, slot, {
    paymentMethod: input.paymentMethod ?? "PAY_AT_PICKUP",
  });
  const answer = await submitCheckout(cookie, fields);
  if (answer.status !== 303) {
    throw new Error(`Checkout refused (${answer.status}): ${JSON.stringify(answer.body)}`);
  }
  const order = await orderPlacedWith(fields.checkoutKey!);
  if (!order) throw new Error("Checkout answered 303 but placed no order");
  return { ...order, visitorKey, cookie, checkoutKey: fields.checkoutKey!, answer };
}

// ── Stripe ────────────────────────────────────────────────────────────────────────────────────

export const TEST_STRIPE_SECRET_KEY = "sk_test_karya_sungging_orders";
export const TEST_WEBHOOK_SECRET = "whsec_karya_sungging_orders";

const STRIPE_ENV = ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_API_URL"] as const;

export type StripeSetup = { fake: FakeStripe; restore(): Promise<void> };

/** Starts the fake Stripe and points the app at it; `restore()` puts the settings back. */
export async function useFakeStripe(): Promise<StripeSetup> {
  const fake = await startFakeStripe({ port: 0 });
  const saved = Object.fromEntries(STRIPE_ENV.map((name) => [name, process.env[name]]));
  process.env.STRIPE_SECRET_KEY = TEST_STRIPE_SECRET_KEY;
  process.env.STRIPE_WEBHOOK_SECRET = TEST_WEBHOOK_SECRET;
  process.env.STRIPE_API_URL = fake.url;
  rereadAppConfig();
  return {
    fake,
    async restore() {
      for (const name of STRIPE_ENV) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
      rereadAppConfig();
      await fake.close();
    },
  };
}

/** Runs `work` with card payments switched off (no Stripe keys), then switches them back on. */
export async function withoutStripe<T>(work: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(STRIPE_ENV.map((name) => [name, process.env[name]]));
  for (const name of STRIPE_ENV) delete process.env[name];
  rereadAppConfig();
  try {
    return await work();
  } finally {
    for (const name of STRIPE_ENV) {
      if (saved[name] !== undefined) process.env[name] = saved[name];
    }
    rereadAppConfig();
  }
}

/** The Checkout session Stripe opened for an order (the newest), from the fake's side. */
export function sessionOf(fake: FakeStripe, orderId: string) {
  const sessions = fake.sessions({ orderId });
  const session = sessions.at(-1);
  if (!session) throw new Error(`The fake Stripe has no session for order ${orderId}`);
  return session;
}

export type WebhookAnswer = { status: number; body: Record<string, unknown> };

/**
 * POSTs an event to /webhooks/stripe as Stripe would: signed with the webhook secret now, or as
 * told (another secret, an old timestamp, a body or signature of the test's own).
 */
export async function postWebhook(
  event: FakeEvent | object,
  options: { secret?: string; timestamp?: number; payload?: string; signature?: string } = {},
): Promise<WebhookAnswer> {
  const signed = signEvent(
    event as FakeEvent,
    options.secret ?? TEST_WEBHOOK_SECRET,
    options.timestamp,
  );
  const payload = options.payload ?? signed.payload;
  const request = new Request("http://localhost/webhooks/stripe", {
    method: "POST",
    headers: {
      "Stripe-Signature": options.signature ?? signed.signature,
      "Content-Type": "application/json",
    },
    body: payload,
  });
  const response = await webhookAction({ request, params: {}, context: testContext });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

// ── what the business sees ────────────────────────────────────────────────────────────────────

export async function stockOf(variantId: string): Promise<number> {
  const variant = await prisma.productVariant.findUniqueOrThrow({
    where: { id: variantId },
    select: { stock: true },
  });
  return variant.stock;
}

/** Places booked in a window on a day ("YYYY-MM-DD|windowId"); 0 when none was ever booked. */
export async function bookedIn(slot: string): Promise<number> {
  const [dayKey, windowId] = slot.split("|") as [string, string];
  const row = await prisma.pickupSlot.findUnique({
    where: { windowId_date: { windowId, date: new Date(`${dayKey}T00:00:00Z`) } },
    select: { booked: true },
  });
  return row?.booked ?? 0;
}

/** The order's slot as checkout names it. */
export async function slotOf(orderId: string): Promise<string> {
  const order = await prisma.order.findUniqueOrThrow({
    where: { id: orderId },
    select: { pickupDate: true, pickupWindowId: true },
  });
  return `${order.pickupDate.toISOString().slice(0, 10)}|${order.pickupWindowId}`;
}

export async function statusOf(orderId: string) {
  const order = await prisma.order.findUniqueOrThrow({
    where: { id: orderId },
    select: { status: true },
  });
  return order.status;
}

/** The order's history as "FROM→TO" (FROM empty for the first event). */
export async function eventsOf(orderId: string): Promise<string[]> {
  const events = await prisma.orderEvent.findMany({
    where: { orderId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { fromStatus: true, toStatus: true },
  });
  return events.map((event) => `${event.fromStatus ?? ""}→${event.toStatus}`);
}

/** Templates of the messages written to the outbox about the order, oldest first. */
export async function messagesOf(orderId: string): Promise<string[]> {
  const rows = await prisma.notification.findMany({
    where: { orderId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { template: true },
  });
  return rows.map((row) => row.template);
}

// ── card orders ───────────────────────────────────────────────────────────────────────────────

/** A visitor orders and pays by card: the order waits on its open Checkout page at the fake. */
export async function placeCardOrder(
  fake: FakeStripe,
  input: { restArea: TestRestArea; lines: CartLine[]; slot?: string },
): Promise<PlacedTestOrder & { sessionId: string }> {
  const placed = await placeGuestOrder({ ...input, paymentMethod: "STRIPE_CARD" });
  const session = sessionOf(fake, placed.id);
  if (placed.answer.location !== session.url) {
    throw new Error(`Checkout did not open Stripe: it answered ${placed.answer.location}`);
  }
  return { ...placed, sessionId: session.id };
}

/** The buyer pays on the Checkout page and Stripe's event reaches the shop. */
export async function payByCard(fake: FakeStripe, sessionId: string) {
  const event = fake.completeSession(sessionId);
  const answer = await postWebhook(event);
  if (answer.status !== 200) throw new Error(`The webhook answered ${answer.status}`);
  return event;
}
