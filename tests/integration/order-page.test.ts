// The buyer's order page, /orders/<number>, and its calendar file: who may open it, what it
// shows at each stage, and what paying and cancelling from it do to the stock, the pickup
// window, the history and the buyer's messages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newVisitorKey, type CartOwner } from "~/cart/cart.server";
import { pickupChoicesAt, placeOrder } from "~/checkout/checkout.server";
import { prisma } from "~/db.server";
import type { PaymentMethod } from "~/generated/prisma/client";
import messages from "~/orders/messages";
import { newOrderAccessKey } from "~/orders/orders.server";
import { action, loader } from "~/routes/orders.$number";
import { loader as calendarLoader } from "~/routes/orders.$number.calendar[.ics]";
import { seedIfEmpty } from "../../prisma/seed/seed";
import { makeUser, sessionCookieFor, siteRequest, testContext } from "../setup/accounts";
import {
  answered,
  bookedIn,
  eventsOf,
  fillCart,
  makePiece,
  makeRestArea,
  messagesOf,
  openShop,
  postWebhook,
  sessionOf,
  statusOf,
  stockOf,
  useFakeStripe,
  type Shop,
  type StripeSetup,
  type TestRestArea,
} from "../setup/orders";

type PageData = Awaited<ReturnType<typeof loader>>["data"];
type Refusal = {
  ok: false;
  intent: "pay" | "cancel" | null;
  values: Record<string, string>;
  errors: Record<string, string | undefined>;
};

let shop: Shop;
let restArea: TestRestArea;

beforeAll(async () => {
  await seedIfEmpty(prisma);
  shop = await openShop();
  restArea = await makeRestArea({
    windows: [{ startMinute: 9 * 60, endMinute: 12 * 60, capacity: 20 }],
  });
  await prisma.restArea.update({
    where: { id: restArea.id },
    data: { latitude: -3.218765, longitude: 104.651234, holdDays: 3 },
  });
});

const STOCK = 5;

type Placed = {
  id: string;
  number: string;
  key: string;
  slot: string;
  dayKey: string;
  variantId: string;
  totalRupiah: number;
};

/** An order as a buyer places it: a fresh piece in the cart, the first offered day and window. */
async function order(
  options: { userId?: string; paymentMethod?: PaymentMethod; quantity?: number } = {},
): Promise<Placed> {
  const piece = await makePiece(shop, { stock: STOCK, priceRupiah: 175_000 });
  const quantity = options.quantity ?? 2;
  const owner: CartOwner = options.userId
    ? { userId: options.userId }
    : { visitorKey: newVisitorKey() };
  await fillCart(owner, [{ variantId: piece.variantId, quantity }]);
  const offered = await pickupChoicesAt({ restAreaSlug: restArea.slug, leadTimeDays: 0 });
  const day = offered?.choices.days.find((candidate) => candidate.status === "open");
  const window = day?.windows[0];
  if (!day || !window) throw new Error("The test rest area offers no pickup");
  const key = newOrderAccessKey();
  const placed = await placeOrder({
    owner,
    userId: options.userId ?? null,
    locale: "id",
    contact: { name: "Sari Wulandari", phone: "+6281234567890", email: "sari@example.test" },
    restAreaSlug: restArea.slug,
    dayKey: day.dayKey,
    windowId: window.windowId,
    paymentMethod: options.paymentMethod ?? "PAY_AT_PICKUP",
    checkoutKey: key,
  });
  if (!placed.ok) throw new Error(`The order was refused: ${JSON.stringify(placed.problem)}`);
  return {
    id: placed.order.id,
    number: placed.order.number,
    key,
    slot: `${day.dayKey}|${window.windowId}`,
    dayKey: day.dayKey,
    variantId: piece.variantId,
    totalRupiah: quantity * piece.priceRupiah,
  };
}

type Visit = { cookie?: string; search?: string };

function openPage(number: string, { cookie, search = "" }: Visit = {}) {
  const request = siteRequest(`/orders/${number}${search}`, { cookie });
  return answered<PageData>(loader({ request, params: { number }, context: testContext }));
}

function post(number: string, form: Record<string, string>, { cookie, search = "" }: Visit = {}) {
  const request = siteRequest(`/orders/${number}${search}`, { cookie, form });
  return answered<Refusal>(action({ request, params: { number }, context: testContext }));
}

async function calendarFile(number: string, { cookie, search = "" }: Visit = {}) {
  const request = siteRequest(`/orders/${number}/calendar.ics${search}`, { cookie });
  try {
    const response = await calendarLoader({ request, params: { number }, context: testContext });
    return { status: response.status, headers: response.headers, text: await response.text() };
  } catch (thrown) {
    if (thrown instanceof Response)
      return { status: thrown.status, headers: thrown.headers, text: "" };
    throw thrown;
  }
}

/** The cookie a browser keeps from a Set-Cookie header, as it would send it back. */
function cookieFrom(setCookie: string | null): string {
  const pair = setCookie?.split(";")[0];
  if (!pair?.startsWith("ks_orders=")) throw new Error(`No order cookie in ${setCookie}`);
  return pair;
}

describe("who may open an order", () => {
  it("shows the order to the signed-in buyer who placed it, without needing a key", async () => {
    const buyer = await makeUser();
    const placed = await order({ userId: buyer.id });
    const page = await openPage(placed.number, { cookie: await sessionCookieFor(buyer.id) });

    expect(page.status).toBe(200);
    expect(page.body.order.number).toBe(placed.number);
    expect(page.body.isOwner).toBe(true);
    expect(page.body.title).toBe(`Pesanan ${placed.number} · Karya Sungging`);
    // The owner's calendar link needs no secret: the session opens it.
    expect(page.body.calendarUrl).toBe(`/orders/${placed.number}/calendar.ics`);
    expect(page.setCookie).toBeNull();
  });

  it("opens for a guest with the key from the link, and remembers it in this browser", async () => {
    const placed = await order();

    const withKey = await openPage(placed.number, { search: `?key=${placed.key}` });
    expect(withKey.status).toBe(200);
    expect(withKey.body.isOwner).toBe(false);
    expect(withKey.body.calendarUrl).toBe(
      `/orders/${placed.number}/calendar.ics?key=${placed.key}`,
    );
    expect(withKey.setCookie).toMatch(/HttpOnly/i);

    // Later, the same browser comes back without the key in the address.
    const later = await openPage(placed.number, { cookie: cookieFrom(withKey.setCookie) });
    expect(later.status).toBe(200);
    expect(later.body.order.number).toBe(placed.number);
  });

  it("answers 404 to everyone else, as if the order did not exist", async () => {
    const buyer = await makeUser();
    const placed = await order({ userId: buyer.id });
    const otherBuyer = await makeUser();
    const operator = await makeUser({ role: "OPERATOR", restAreaIds: [restArea.id] });
    const strangers: Visit[] = [
      {},
      { cookie: await sessionCookieFor(otherBuyer.id) },
      { cookie: await sessionCookieFor(operator.id) },
      // Well-formed, but another order's key.
      { search: `?key=${newOrderAccessKey()}` },
      { search: "?session=cs_test_notthisordersession" },
    ];
    for (const visit of strangers) {
      expect((await openPage(placed.number, visit)).status).toBe(404);
      expect((await calendarFile(placed.number, visit)).status).toBe(404);
      const cancel = await post(placed.number, { intent: "cancel", confirm: "yes" }, visit);
      expect(cancel.status).toBe(404);
    }
    expect(await statusOf(placed.id)).toBe("AWAITING_PICKUP_PAYMENT");
    // A number that is not an order's, or not a number at all.
    expect((await openPage("KS-000000-AAAA")).status).toBe(404);
    expect((await openPage("../admin")).status).toBe(404);
  });

  it("does not let one order's key open another order", async () => {
    const first = await order();
    const second = await order();
    const page = await openPage(second.number, { search: `?key=${first.key}` });
    expect(page.status).toBe(404);
  });
});

describe("a pay-at-pickup order", () => {
  it("carries the pickup pass, the place and time, the pieces and what to pay", async () => {
    const placed = await order({ quantity: 2 });
    const { body } = await openPage(placed.number, { search: `?key=${placed.key}` });
    const code = (await prisma.order.findUniqueOrThrow({ where: { id: placed.id } })).pickupCode;

    expect(body.order.status).toBe("AWAITING_PICKUP_PAYMENT");
    expect(body.pass?.code).toBe(code);
    expect(body.pass?.code).toMatch(/^\d{6}$/);
    expect(body.pass?.qrSvg).toMatch(
      /^<svg role="img" aria-label="Kode QR untuk mengambil pesanan KS-/,
    );
    expect(body.order.payments).toEqual([{ kind: "pay-at-pickup", amountRupiah: 350_000 }]);
    expect(body.order.totalRupiah).toBe(350_000);
    expect(body.order.items).toEqual([
      expect.objectContaining({
        quantity: 2,
        unitPriceRupiah: 175_000,
        lineTotalRupiah: 350_000,
        variantLabel: "Tembaga polos",
      }),
    ]);
    expect(body.order.pickup.dayKey).toBe(placed.dayKey);
    expect(body.order.pickup.window).toBe("09.00–12.00 WIB");
    expect(body.order.pickup.restArea.mapsUrl).toBe(
      "https://www.google.com/maps/search/?api=1&query=-3.218765,104.651234",
    );
    expect(body.order.cancellable).toBe(true);
    expect(body.order.refundOnCancelRupiah).toBe(0);
    // The history: placed (with its time), then what is still ahead.
    expect(body.order.timeline.map((step) => [step.status, step.state])).toEqual([
      ["AWAITING_PICKUP_PAYMENT", "current"],
      ["PREPARING", "upcoming"],
      ["IN_TRANSIT", "upcoming"],
      ["READY_FOR_PICKUP", "upcoming"],
      ["PICKED_UP", "upcoming"],
    ]);
    expect(body.order.timeline[0]?.at?.text).toMatch(/WIB$/);
  });

  it("speaks English when asked, with the pieces' English names", async () => {
    const placed = await order();
    const { body } = await openPage(placed.number, { search: `?key=${placed.key}&lng=en` });
    expect(body.title).toBe(`Order ${placed.number} · Karya Sungging`);
    expect(body.order.items[0]?.title).toMatch(/^Test betel box/);
    expect(body.order.items[0]?.variantLabel).toBe("Plain copper");
    expect(body.pass?.qrSvg).toContain(`aria-label="QR code to collect order ${placed.number}"`);
    // The calendar app and the page after a change have no language cookie: it goes along.
    expect(body.calendarUrl).toBe(`/orders/${placed.number}/calendar.ics?key=${placed.key}&lng=en`);
    const file = await calendarFile(placed.number, { search: `?key=${placed.key}&lng=en` });
    expect(file.text).toContain(`SUMMARY:Collect order ${placed.number}`);
    const cancelled = await post(
      placed.number,
      { intent: "cancel", confirm: "yes" },
      { search: `?key=${placed.key}&lng=en` },
    );
    expect(cancelled.location).toBe(
      `/orders/${placed.number}?key=${placed.key}&lng=en&cancelled=1`,
    );
  });

  it("gives a calendar file with the pickup window in UTC", async () => {
    const placed = await order();
    const file = await calendarFile(placed.number, { search: `?key=${placed.key}` });

    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(file.headers.get("Content-Disposition")).toBe(
      `attachment; filename="${placed.number}.ics"`,
    );
    expect(file.headers.get("Cache-Control")).toBe("private, no-store");
    // 09.00 WIB is 02.00 UTC on the same day; the window ends at 12.00 WIB.
    const day = placed.dayKey.replaceAll("-", "");
    expect(file.text).toContain(`DTSTART:${day}T020000Z`);
    expect(file.text).toContain(`DTEND:${day}T050000Z`);
    expect(file.text).toContain(`UID:${placed.number}@karyasungging`);
  });
});

describe("cancelling", () => {
  it("gives the pieces and the place in the window back, records it and tells the buyer", async () => {
    const buyer = await makeUser();
    const placed = await order({ userId: buyer.id, quantity: 2 });
    const cookie = await sessionCookieFor(buyer.id);
    expect(await stockOf(placed.variantId)).toBe(STOCK - 2);
    const bookedBefore = await bookedIn(placed.slot);

    const answer = await post(placed.number, { intent: "cancel", confirm: "yes" }, { cookie });

    expect(answer.status).toBe(302);
    expect(answer.location).toBe(`/orders/${placed.number}?cancelled=1`);
    expect(await statusOf(placed.id)).toBe("CANCELLED");
    expect(await stockOf(placed.variantId)).toBe(STOCK);
    expect(await bookedIn(placed.slot)).toBe(bookedBefore - 1);
    expect(await eventsOf(placed.id)).toEqual([
      "→AWAITING_PICKUP_PAYMENT",
      "AWAITING_PICKUP_PAYMENT→CANCELLED",
    ]);
    const event = await prisma.orderEvent.findFirstOrThrow({
      where: { orderId: placed.id, toStatus: "CANCELLED" },
    });
    expect(event).toMatchObject({
      actorKind: "buyer",
      actorUserId: buyer.id,
      reason: "cancelled by the buyer",
    });
    expect(await messagesOf(placed.id)).toEqual(["order.placed", "order.cancelled"]);

    // The page the buyer lands on: the notice, the end of the story, and no pass any more.
    const page = await openPage(placed.number, { cookie, search: "?cancelled=1" });
    expect(page.body.cancelled).toBe(true);
    expect(page.body.pass).toBeNull();
    expect(page.body.order.pickupCode).toBeNull();
    expect(page.body.order.cancellable).toBe(false);
    expect(page.body.order.timeline.map((step) => [step.status, step.state])).toEqual([
      ["AWAITING_PICKUP_PAYMENT", "done"],
      ["CANCELLED", "current"],
    ]);
    expect(page.body.order.timeline[1]?.at).not.toBeNull();
    expect((await calendarFile(placed.number, { cookie })).status).toBe(404);
  });

  it("keeps a guest's key on the way back to the page", async () => {
    const placed = await order();
    const answer = await post(
      placed.number,
      { intent: "cancel", confirm: "yes" },
      { search: `?key=${placed.key}` },
    );
    expect(answer.status).toBe(302);
    expect(answer.location).toBe(`/orders/${placed.number}?key=${placed.key}&cancelled=1`);
    expect(await statusOf(placed.id)).toBe("CANCELLED");
  });

  it("refuses a second cancellation with 409 and changes nothing", async () => {
    const placed = await order();
    const visit = { search: `?key=${placed.key}` };
    expect((await post(placed.number, { intent: "cancel", confirm: "yes" }, visit)).status).toBe(
      302,
    );
    const stock = await stockOf(placed.variantId);
    const booked = await bookedIn(placed.slot);
    const events = await eventsOf(placed.id);
    const sent = await messagesOf(placed.id);

    const again = await post(placed.number, { intent: "cancel", confirm: "yes" }, visit);

    expect(again.status).toBe(409);
    expect(again.body.errors.form).toBe(
      messages.id.errors.alreadyFinished.replace("{{status}}", "Dibatalkan"),
    );
    expect(await stockOf(placed.variantId)).toBe(stock);
    expect(await bookedIn(placed.slot)).toBe(booked);
    expect(await eventsOf(placed.id)).toEqual(events);
    expect(await messagesOf(placed.id)).toEqual(sent);
  });

  it("refuses an order already on its way, saying so", async () => {
    const placed = await order();
    await prisma.order.update({ where: { id: placed.id }, data: { status: "IN_TRANSIT" } });
    const answer = await post(
      placed.number,
      { intent: "cancel", confirm: "yes" },
      { search: `?key=${placed.key}` },
    );
    expect(answer.status).toBe(409);
    expect(answer.body.errors.form).toBe(messages.id.errors.notCancellable);
    expect(await statusOf(placed.id)).toBe("IN_TRANSIT");
  });

  it("asks for the confirmation and keeps the order without it", async () => {
    const placed = await order();
    const answer = await post(
      placed.number,
      { intent: "cancel" },
      { search: `?key=${placed.key}` },
    );

    expect(answer.status).toBe(400);
    expect(answer.body.intent).toBe("cancel");
    expect(answer.body.errors.confirm).toBe(messages.id.errors.confirmCancel);
    expect(await statusOf(placed.id)).toBe("AWAITING_PICKUP_PAYMENT");
    expect(await stockOf(placed.variantId)).toBe(STOCK - 2);
  });

  it("refuses a form with no known intent", async () => {
    const placed = await order();
    const answer = await post(placed.number, { intent: "drop" }, { search: `?key=${placed.key}` });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.form).toBe(messages.id.errors.badRequest);
  });
});

describe("a card order", () => {
  let stripe: StripeSetup;

  beforeAll(async () => {
    stripe = await useFakeStripe();
  });
  afterAll(async () => {
    await stripe.restore();
  });

  it("has no pickup code until paid, sends the buyer to pay, and shows the pass once paid", async () => {
    const placed = await order({ paymentMethod: "STRIPE_CARD" });
    const visit = { search: `?key=${placed.key}` };

    const unpaid = await openPage(placed.number, visit);
    expect(unpaid.body.order.status).toBe("PENDING_PAYMENT");
    expect(unpaid.body.order.paymentDue?.passed).toBe(false);
    expect(unpaid.body.order.paymentDue?.text).toMatch(/WIB$/);
    expect(unpaid.body.pass).toBeNull();
    expect(unpaid.body.order.pickupCode).toBeNull();
    expect(unpaid.body.calendarUrl).toBeNull();
    expect((await calendarFile(placed.number, visit)).status).toBe(404);

    const pay = await post(placed.number, { intent: "pay" }, visit);
    const session = sessionOf(stripe.fake, placed.id);
    expect(pay.status).toBe(303);
    expect(pay.location).toBe(session.url);

    // Back from Stripe without paying.
    const back = await openPage(placed.number, { search: `?key=${placed.key}&payment=cancelled` });
    expect(back.body.paymentProblem).toBe("cancelled");

    // A declined card goes on the history as a note.
    await postWebhook(stripe.fake.failPayment(session.id));
    const declined = await openPage(placed.number, visit);
    expect(declined.body.order.timeline[0]?.status).toBe("PENDING_PAYMENT");
    expect(declined.body.order.timeline[0]?.notes).toEqual([
      {
        kind: "payment-failed",
        at: expect.objectContaining({ text: expect.stringMatching(/WIB$/) }),
      },
    ]);

    // Stripe sends the buyer back with the session id, before its confirmation has arrived.
    const waiting = await openPage(placed.number, { search: `?session=${session.id}` });
    expect(waiting.status).toBe(200);
    expect(waiting.body.confirming).toBe(true);
    expect(waiting.setCookie).toBeNull();

    await postWebhook(stripe.fake.completeSession(session.id));
    const paid = await openPage(placed.number, { search: `?session=${session.id}` });
    expect(paid.body.order.status).toBe("PAID");
    expect(paid.body.confirming).toBe(false);
    expect(paid.body.justPaid).toBe(true);
    expect(paid.body.pass?.code).toMatch(/^\d{6}$/);
    expect(paid.body.calendarUrl).toBe(
      `/orders/${placed.number}/calendar.ics?session=${session.id}`,
    );
    expect(paid.body.order.payments).toEqual([
      expect.objectContaining({ kind: "paid-card", amountRupiah: placed.totalRupiah }),
    ]);
    expect(paid.body.order.refundOnCancelRupiah).toBe(placed.totalRupiah);
    expect(paid.body.order.timeline.map((step) => [step.status, step.state])).toEqual([
      ["PENDING_PAYMENT", "done"],
      ["PAID", "current"],
      ["PREPARING", "upcoming"],
      ["IN_TRANSIT", "upcoming"],
      ["READY_FOR_PICKUP", "upcoming"],
      ["PICKED_UP", "upcoming"],
    ]);
  });

  it("refunds the card in full when a paid order is cancelled", async () => {
    const placed = await order({ paymentMethod: "STRIPE_CARD" });
    const visit = { search: `?key=${placed.key}` };
    await post(placed.number, { intent: "pay" }, visit);
    const session = sessionOf(stripe.fake, placed.id);
    await postWebhook(stripe.fake.completeSession(session.id));

    const answer = await post(placed.number, { intent: "cancel", confirm: "yes" }, visit);
    expect(answer.status).toBe(302);

    const page = await openPage(placed.number, visit);
    expect(page.body.order.refunds).toEqual([
      expect.objectContaining({ amountRupiah: placed.totalRupiah }),
    ]);
    expect(page.body.order.refundOnCancelRupiah).toBe(0);
  });

  it("keeps the order and says until when when Stripe cannot be reached", async () => {
    const placed = await order({ paymentMethod: "STRIPE_CARD" });
    const visit = { search: `?key=${placed.key}` };
    const { body } = await openPage(placed.number, visit);
    stripe.fake.setOutage(true);
    try {
      const pay = await post(placed.number, { intent: "pay" }, visit);
      expect(pay.status).toBe(503);
      expect(pay.body.errors.form).toBe(
        messages.id.pay.unavailable.replace("{{deadline}}", body.order.paymentDue?.text ?? "?"),
      );
    } finally {
      stripe.fake.setOutage(false);
    }
    expect(await statusOf(placed.id)).toBe("PENDING_PAYMENT");
    expect(await stockOf(placed.variantId)).toBe(STOCK - 2);
  });

  it("sends the buyer back to the page when the order does not wait for a card payment", async () => {
    const placed = await order();
    const answer = await post(placed.number, { intent: "pay" }, { search: `?key=${placed.key}` });
    expect(answer.status).toBe(302);
    expect(answer.location).toBe(`/orders/${placed.number}?key=${placed.key}`);
  });
});
