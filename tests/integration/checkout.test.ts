// Checkout against a real database and the real Stripe SDK talking to the local fake Stripe:
// what the buyer pays, what stock and pickup places are held, and what the cooperative is told.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pickupChoicesAt } from "~/checkout/checkout.server";
import messages from "~/checkout/messages";
import { prisma } from "~/db.server";
import { wibDateKey } from "~/lib/dates";
import { orderViewer } from "~/orders/order-access.server";
import { EXPIRY_GRACE_MS } from "~/orders/order-actions.server";
import { ORDER_ACCESS_KEY } from "~/orders/orders.server";
import { startCardPayment } from "~/payments/card-payments.server";
import { earliestArrivalDay } from "~/pickup/pickup-days";
import { loader } from "~/routes/checkout";
import { makeUser, sessionCookieFor, testContext } from "../setup/accounts";
import {
  answered,
  bookedIn,
  cartLines,
  checkoutFields,
  eventsOf,
  fillCart,
  guestWithCart,
  makePiece,
  makeRestArea,
  messagesOf,
  offeredSlot,
  openShop,
  orderNumberIn,
  orderPlacedWith,
  placeGuestOrder,
  sessionOf,
  slotOf,
  stockOf,
  submitCheckout,
  useFakeStripe,
  withoutStripe,
  type Shop,
  type StripeSetup,
  type TestRestArea,
} from "../setup/orders";

const texts = messages.id;

let shop: Shop;
let restArea: TestRestArea;
let stripe: StripeSetup;

beforeAll(async () => {
  shop = await openShop();
  restArea = await makeRestArea({ transitDays: 1 });
  stripe = await useFakeStripe();
});

afterAll(async () => {
  await stripe?.restore();
});

type CheckoutPage = {
  cart: { lines: { title: string; quantity: number }[]; subtotalRupiah: number };
  chosenSlug: string | null;
  pickup: {
    restAreaSlug: string;
    days: {
      dayKey: string;
      status: string;
      windows: { value: string; left: number }[];
    }[];
  } | null;
  contact: { name: string; phone: string; email: string };
  cardAvailable: boolean;
  checkoutKey: string;
};

function openCheckout(cookie: string, query = "") {
  const request = new Request(`http://localhost/checkout${query}`, { headers: { Cookie: cookie } });
  return answered<CheckoutPage>(loader({ request, params: {}, context: testContext }));
}

describe("the checkout page", () => {
  it("offers a guest with a cart the chosen rest area's days and windows", async () => {
    const piece = await makePiece(shop, { stock: 5 });
    const { cookie } = await guestWithCart([{ variantId: piece.variantId, quantity: 2 }]);

    const page = await openCheckout(cookie, `?restArea=${restArea.slug}`);
    expect(page.status).toBe(200);
    expect(page.body.cart.lines).toEqual([
      expect.objectContaining({ title: piece.title, quantity: 2 }),
    ]);
    expect(page.body.contact).toEqual({ name: "", phone: "", email: "" });
    expect(page.body.checkoutKey).toMatch(ORDER_ACCESS_KEY);
    expect(page.body.cardAvailable).toBe(true);

    const expected = await pickupChoicesAt({ restAreaSlug: restArea.slug, leadTimeDays: 0 });
    const pickup = page.body.pickup;
    expect(pickup?.restAreaSlug).toBe(restArea.slug);
    expect(pickup?.days.map((day) => [day.dayKey, day.status])).toEqual(
      expected?.choices.days.map((day) => [day.dayKey, day.status]),
    );
    expect(pickup?.days[0]?.dayKey).toBe(
      earliestArrivalDay({ now: new Date(), leadTimeDays: 0, transitDays: 1 }),
    );
    expect(pickup?.days[0]?.windows.map((window) => window.value)).toEqual(
      restArea.windowIds.map((windowId) => `${pickup?.days[0]?.dayKey}|${windowId}`),
    );
  });

  it("fills in a signed-in buyer's contact and counts the slowest piece's making time", async () => {
    const buyer = await makeUser({ name: "Dewi Lestari", phone: "+6281298765432" });
    const slow = await makePiece(shop, { stock: 3, leadTimeDays: 5 });
    const ready = await makePiece(shop, { stock: 3 });
    await fillCart({ userId: buyer.id }, [
      { variantId: ready.variantId, quantity: 1 },
      { variantId: slow.variantId, quantity: 1 },
    ]);

    const page = await openCheckout(await sessionCookieFor(buyer.id), `?restArea=${restArea.slug}`);
    expect(page.body.contact).toEqual({
      name: "Dewi Lestari",
      phone: "+6281298765432",
      email: buyer.email,
    });
    expect(page.body.pickup?.days[0]?.dayKey).toBe(
      earliestArrivalDay({ now: new Date(), leadTimeDays: 5, transitDays: 1 }),
    );
  });

  it("offers no days without a rest area, or for one that takes no pickups", async () => {
    const piece = await makePiece(shop, { stock: 5 });
    const { cookie } = await guestWithCart([{ variantId: piece.variantId, quantity: 1 }]);
    expect((await openCheckout(cookie)).body.pickup).toBeNull();
    const unknown = await openCheckout(cookie, "?restArea=rest-area-tidak-ada");
    expect(unknown.body.chosenSlug).toBe("rest-area-tidak-ada");
    expect(unknown.body.pickup).toBeNull();
  });
});

describe("placing a pay-at-pickup order", () => {
  it("charges the catalogue's prices whatever the form says, holds stock and a place, tells the buyer and empties the cart", async () => {
    const gong = await makePiece(shop, { stock: 5, priceRupiah: 185_000 });
    const tray = await makePiece(shop, { stock: 4, priceRupiah: 72_500 });
    const { visitorKey, cookie } = await guestWithCart([
      { variantId: gong.variantId, quantity: 2 },
      { variantId: tray.variantId, quantity: 1 },
    ]);
    const slot = await offeredSlot(restArea);
    const fields = checkoutFields(restArea, slot, {
      // Nothing about money or quantities is read from the form.
      price: "1",
      unitPriceRupiah: "1",
      quantity: "50",
      totalRupiah: "1",
      subtotalRupiah: "1",
    });

    const answer = await submitCheckout(cookie, fields);
    expect(answer.status).toBe(303);
    const number = orderNumberIn(answer.location);
    expect(answer.location).toBe(`/orders/${number}`);
    expect(answer.setCookie).toMatch(/^ks_orders=/);

    const order = await prisma.order.findUniqueOrThrow({
      where: { number: number ?? "" },
      include: {
        items: { orderBy: { unitPriceRupiah: "desc" } },
        stockHolds: true,
        payments: true,
      },
    });
    expect(order).toMatchObject({
      status: "AWAITING_PICKUP_PAYMENT",
      paymentMethod: "PAY_AT_PICKUP",
      subtotalRupiah: 442_500,
      totalRupiah: 442_500,
      paymentDueAt: null,
      buyerName: "Sari Wulandari",
      buyerPhone: "+6281234567890",
      buyerEmail: "sari@example.test",
      restAreaId: restArea.id,
      userId: null,
    });
    expect(order.pickupCode).toMatch(/^\d{6}$/);
    expect(
      order.items.map((item) => [item.unitPriceRupiah, item.quantity, item.lineTotalRupiah]),
    ).toEqual([
      [185_000, 2, 370_000],
      [72_500, 1, 72_500],
    ]);
    expect(order.payments).toEqual([]);
    expect(
      order.stockHolds.map((hold) => [hold.variantId, hold.quantity, hold.status]).sort(),
    ).toEqual(
      [
        [gong.variantId, 2, "HELD"],
        [tray.variantId, 1, "HELD"],
      ].sort(),
    );

    expect(await stockOf(gong.variantId)).toBe(3);
    expect(await stockOf(tray.variantId)).toBe(3);
    expect(await slotOf(order.id)).toBe(slot);
    expect(await bookedIn(slot)).toBe(1);
    expect(await eventsOf(order.id)).toEqual(["→AWAITING_PICKUP_PAYMENT"]);
    expect(await messagesOf(order.id)).toEqual(["order.placed"]);
    const message = await prisma.notification.findFirstOrThrow({ where: { orderId: order.id } });
    expect(message).toMatchObject({
      recipient: "+6281234567890",
      payload: expect.objectContaining({
        number,
        totalRupiah: 442_500,
        paymentMethod: "PAY_AT_PICKUP",
        pickupDay: slot.split("|")[0],
        pickupCode: order.pickupCode,
      }),
    });
    expect(await cartLines({ visitorKey })).toEqual([]);

    // The browser that ordered opens the order page with the remembered key.
    const remembered = answer.setCookie?.split(";")[0] ?? "";
    const viewer = await orderViewer(
      new Request(`http://localhost/orders/${number}`, { headers: { Cookie: remembered } }),
      number ?? "",
    );
    expect(viewer).toMatchObject({ orderId: order.id, viewer: { kind: "key" } });
  });

  it("places one order for a checkout page submitted twice, and sends the second answer to it", async () => {
    const piece = await makePiece(shop, { stock: 5 });
    const { cookie } = await guestWithCart([{ variantId: piece.variantId, quantity: 1 }]);
    const fields = checkoutFields(restArea, await offeredSlot(restArea));

    const first = await submitCheckout(cookie, fields);
    const second = await submitCheckout(cookie, fields);
    expect(first.status).toBe(303);
    expect(second.status).toBe(303);
    expect(second.location).toBe(first.location);
    expect(
      await prisma.order.count({ where: { items: { some: { variantId: piece.variantId } } } }),
    ).toBe(1);
    expect(await stockOf(piece.variantId)).toBe(4);
  });

  it("places one order for a double click (the same page submitted twice at once), and both answers lead to it", async () => {
    const piece = await makePiece(shop, { stock: 5 });
    const { cookie } = await guestWithCart([{ variantId: piece.variantId, quantity: 1 }]);
    const fields = checkoutFields(restArea, await offeredSlot(restArea));

    const answers = await Promise.all([
      submitCheckout(cookie, fields),
      submitCheckout(cookie, fields),
    ]);
    expect(
      await prisma.order.count({ where: { items: { some: { variantId: piece.variantId } } } }),
    ).toBe(1);
    expect(await stockOf(piece.variantId)).toBe(4);
    const order = await orderPlacedWith(fields.checkoutKey!);
    // The browser shows whichever answer came last: both must take the buyer to the order.
    expect(answers.map((answer) => [answer.status, answer.location])).toEqual([
      [303, `/orders/${order?.number}`],
      [303, `/orders/${order?.number}`],
    ]);
  });

  it("refuses a phone number it cannot reach, shows an accepted form and keeps what was typed", async () => {
    const piece = await makePiece(shop, { stock: 5 });
    const { visitorKey, cookie } = await guestWithCart([
      { variantId: piece.variantId, quantity: 1 },
    ]);
    const fields = checkoutFields(restArea, await offeredSlot(restArea), {
      phone: "12345",
      name: "Budi Santoso",
    });

    const answer = await submitCheckout(cookie, fields);
    expect(answer.status).toBe(400);
    expect(answer.body.errors.phone).toBe(texts.errors.phone);
    expect(answer.body.errors.phone).toContain("0812");
    expect(answer.body.values).toMatchObject({
      name: "Budi Santoso",
      phone: "12345",
      email: "sari@example.test",
      slot: fields.slot,
    });
    expect(await orderPlacedWith(fields.checkoutKey!)).toBeNull();
    expect(await stockOf(piece.variantId)).toBe(5);
    expect(await cartLines({ visitorKey })).toHaveLength(1);
  });

  it("asks for a pickup day and window when none was chosen", async () => {
    const piece = await makePiece(shop, { stock: 5 });
    const { cookie } = await guestWithCart([{ variantId: piece.variantId, quantity: 1 }]);
    const fields = checkoutFields(restArea, "");
    delete fields.slot;

    const answer = await submitCheckout(cookie, fields);
    expect(answer.status).toBe(400);
    expect(answer.body.errors.slot).toBe(texts.errors.slot);
    expect(await orderPlacedWith(fields.checkoutKey!)).toBeNull();
  });
});

describe("what the order is made of", () => {
  it("places a signed-in buyer's order on their account from their own cart", async () => {
    const buyer = await makeUser({ name: "Rahmat Hidayat", phone: "+6281377788899" });
    const piece = await makePiece(shop, { stock: 4, priceRupiah: 120_000 });
    await fillCart({ userId: buyer.id }, [{ variantId: piece.variantId, quantity: 2 }]);
    const fields = checkoutFields(restArea, await offeredSlot(restArea), {
      name: "Rahmat Hidayat",
      phone: "+62 813-7778-8899",
      email: "",
    });

    const answer = await submitCheckout(await sessionCookieFor(buyer.id), fields);
    expect(answer.status).toBe(303);
    const order = await prisma.order.findUniqueOrThrow({
      where: { number: orderNumberIn(answer.location) ?? "" },
    });
    expect(order).toMatchObject({
      userId: buyer.id,
      buyerPhone: "+6281377788899",
      buyerEmail: null,
      totalRupiah: 240_000,
    });
    expect(await cartLines({ userId: buyer.id })).toEqual([]);
  });

  it("charges the price the catalogue says at checkout, not the one seen when adding to the cart", async () => {
    const piece = await makePiece(shop, { stock: 4, priceRupiah: 100_000 });
    const { cookie } = await guestWithCart([{ variantId: piece.variantId, quantity: 2 }]);
    await prisma.productVariant.update({
      where: { id: piece.variantId },
      data: { priceRupiah: 110_000 },
    });

    const fields = checkoutFields(restArea, await offeredSlot(restArea));
    expect((await submitCheckout(cookie, fields)).status).toBe(303);
    const placed = await orderPlacedWith(fields.checkoutKey!);
    const order = await prisma.order.findUniqueOrThrow({
      where: { id: placed?.id ?? "" },
      include: { items: true },
    });
    expect(order.totalRupiah).toBe(220_000);
    expect(order.items[0]).toMatchObject({ unitPriceRupiah: 110_000, lineTotalRupiah: 220_000 });

    // The order keeps that price whatever the listing says later.
    await prisma.productVariant.update({
      where: { id: piece.variantId },
      data: { priceRupiah: 1 },
    });
    const later = await prisma.orderItem.findFirstOrThrow({ where: { orderId: order.id } });
    expect(later.unitPriceRupiah).toBe(110_000);
  });

  it("cuts the cart to what is left when stock ran short, and orders nothing", async () => {
    const scarce = await makePiece(shop, { stock: 3, title: "Cepuk perak" });
    const plenty = await makePiece(shop, { stock: 9 });
    const { visitorKey, cookie } = await guestWithCart([
      { variantId: scarce.variantId, quantity: 3 },
      { variantId: plenty.variantId, quantity: 1 },
    ]);
    // Someone else bought one meanwhile.
    await prisma.productVariant.update({ where: { id: scarce.variantId }, data: { stock: 2 } });

    const fields = checkoutFields(restArea, await offeredSlot(restArea));
    const answer = await submitCheckout(cookie, fields);
    expect(answer.status).toBe(409);
    expect(answer.body.problem).toEqual({
      message: texts.errors.shortStock,
      lines: ["Cepuk perak: tinggal 2"],
    });
    expect(await orderPlacedWith(fields.checkoutKey!)).toBeNull();
    expect(await stockOf(scarce.variantId)).toBe(2);
    expect(await stockOf(plenty.variantId)).toBe(9);
    expect(await cartLines({ visitorKey })).toEqual(
      [
        { variantId: scarce.variantId, quantity: 2 },
        { variantId: plenty.variantId, quantity: 1 },
      ].sort((a, b) => a.variantId.localeCompare(b.variantId)),
    );

    // The adjusted cart goes through on the next try.
    expect((await submitCheckout(cookie, checkoutFields(restArea, fields.slot!))).status).toBe(303);
    expect(await stockOf(scarce.variantId)).toBe(0);
  });

  it("refuses a piece withdrawn from sale since it was put in the cart, and takes it out", async () => {
    const withdrawn = await makePiece(shop, { stock: 3, title: "Kotak perhiasan ditarik" });
    const kept = await makePiece(shop, { stock: 3 });
    const { visitorKey, cookie } = await guestWithCart([
      { variantId: withdrawn.variantId, quantity: 1 },
      { variantId: kept.variantId, quantity: 1 },
    ]);
    await prisma.product.update({ where: { id: withdrawn.productId }, data: { status: "DRAFT" } });

    const answer = await submitCheckout(
      cookie,
      checkoutFields(restArea, await offeredSlot(restArea)),
    );
    expect(answer.status).toBe(409);
    expect(answer.body.problem?.message).toContain("Kotak perhiasan ditarik");
    expect(await stockOf(withdrawn.variantId)).toBe(3);
    expect(await stockOf(kept.variantId)).toBe(3);
    expect(await cartLines({ visitorKey })).toEqual([{ variantId: kept.variantId, quantity: 1 }]);
  });
});

describe("the last pieces and the last places", () => {
  it("sells 3 pieces to exactly 3 of 10 buyers ordering at once, and tells the others it sold out", async () => {
    const piece = await makePiece(shop, { stock: 3, title: "Gong kuningan terakhir" });
    const slot = await offeredSlot(restArea);
    const buyers = await Promise.all(
      Array.from({ length: 10 }, () =>
        guestWithCart([{ variantId: piece.variantId, quantity: 1 }]),
      ),
    );

    const answers = await Promise.all(
      buyers.map((buyer) => submitCheckout(buyer.cookie, checkoutFields(restArea, slot))),
    );

    const placed = answers.filter((answer) => answer.status === 303);
    const refused = answers.filter((answer) => answer.status !== 303);
    expect(placed).toHaveLength(3);
    expect(refused).toHaveLength(7);
    for (const answer of refused) {
      expect(answer.status).toBe(409);
      expect(answer.body.problem).toEqual({
        message: texts.errors.shortStock,
        lines: ["Gong kuningan terakhir: habis"],
      });
    }
    expect(await stockOf(piece.variantId)).toBe(0);
    expect(
      await prisma.order.count({ where: { items: { some: { variantId: piece.variantId } } } }),
    ).toBe(3);
    const held = await prisma.stockHold.aggregate({
      where: { variantId: piece.variantId, status: "HELD" },
      _sum: { quantity: true },
    });
    expect(held._sum.quantity).toBe(3);
    expect(await bookedIn(slot)).toBeGreaterThanOrEqual(3);

    // Every cart is empty now: the winners' because they ordered, the others' because the piece
    // they wanted is gone.
    for (const buyer of buyers) {
      expect(await cartLines({ visitorKey: buyer.visitorKey })).toEqual([]);
    }
  });

  it("refuses a third order for a window with two places, holding nothing for it", async () => {
    const small = await makeRestArea({
      windows: [{ startMinute: 9 * 60, endMinute: 12 * 60, capacity: 2 }],
    });
    const piece = await makePiece(shop, { stock: 10 });
    const slot = await offeredSlot(small);

    await placeGuestOrder({
      restArea: small,
      lines: [{ variantId: piece.variantId, quantity: 1 }],
      slot,
    });
    await placeGuestOrder({
      restArea: small,
      lines: [{ variantId: piece.variantId, quantity: 1 }],
      slot,
    });
    expect(await bookedIn(slot)).toBe(2);

    const third = await guestWithCart([{ variantId: piece.variantId, quantity: 1 }]);
    const fields = checkoutFields(small, slot);
    const answer = await submitCheckout(third.cookie, fields);
    expect(answer.status).toBe(409);
    expect(answer.body.errors.slot).toBe(texts.errors.windowFull);
    expect(await orderPlacedWith(fields.checkoutKey!)).toBeNull();
    expect(await bookedIn(slot)).toBe(2);
    expect(await stockOf(piece.variantId)).toBe(8);
    expect(await cartLines({ visitorKey: third.visitorKey })).toHaveLength(1);

    // The page no longer offers that window on that day.
    const offered = await pickupChoicesAt({ restAreaSlug: small.slug, leadTimeDays: 0 });
    const day = offered?.choices.days.find((candidate) => candidate.dayKey === slot.split("|")[0]);
    expect(day?.status).toBe("full");
  });
});

describe("the last places, ordered at once", () => {
  it("gives a window with two places to exactly two of five buyers ordering at once", async () => {
    const small = await makeRestArea({
      windows: [{ startMinute: 15 * 60, endMinute: 18 * 60, capacity: 2 }],
    });
    const piece = await makePiece(shop, { stock: 10 });
    const slot = await offeredSlot(small);
    const buyers = await Promise.all(
      Array.from({ length: 5 }, () => guestWithCart([{ variantId: piece.variantId, quantity: 1 }])),
    );

    const answers = await Promise.all(
      buyers.map((buyer) => submitCheckout(buyer.cookie, checkoutFields(small, slot))),
    );
    expect(answers.filter((answer) => answer.status === 303)).toHaveLength(2);
    const refused = answers.filter((answer) => answer.status !== 303);
    expect(refused.map((answer) => [answer.status, answer.body.errors.slot])).toEqual(
      Array.from({ length: 3 }, () => [409, texts.errors.windowFull]),
    );
    expect(await bookedIn(slot)).toBe(2);
    expect(await stockOf(piece.variantId)).toBe(8);
    expect(await prisma.order.count({ where: { restAreaId: small.id } })).toBe(2);
  });
});

describe("choices that cannot be honoured", () => {
  it("refuses a day before the earliest one, and a day the counter is closed", async () => {
    const weekdaysOnly = await makeRestArea({ openWeekdays: [1, 2, 3, 4, 5] });
    const piece = await makePiece(shop, { stock: 5 });
    const { visitorKey, cookie } = await guestWithCart([
      { variantId: piece.variantId, quantity: 1 },
    ]);
    const windowId = weekdaysOnly.windowIds[0]!;

    // Today: a parcel needs a day on the road.
    const today = await submitCheckout(
      cookie,
      checkoutFields(weekdaysOnly, `${wibDateKey(new Date())}|${windowId}`),
    );
    expect(today.status).toBe(409);
    expect(today.body.errors.slot).toBe(texts.errors.dayUnavailable);

    const offered = await pickupChoicesAt({ restAreaSlug: weekdaysOnly.slug, leadTimeDays: 0 });
    const closed = offered?.choices.days.find((day) => day.status === "closed");
    expect(closed).toBeDefined();
    const weekend = await submitCheckout(
      cookie,
      checkoutFields(weekdaysOnly, `${closed?.dayKey}|${windowId}`),
    );
    expect(weekend.status).toBe(409);
    expect(weekend.body.errors.slot).toBe(texts.errors.dayUnavailable);

    // A window of another rest area is no window here.
    const elsewhere = await submitCheckout(
      cookie,
      checkoutFields(
        weekdaysOnly,
        `${(await offeredSlot(weekdaysOnly)).split("|")[0]}|${restArea.windowIds[0]}`,
      ),
    );
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body.errors.slot).toBe(texts.errors.dayUnavailable);

    expect(await stockOf(piece.variantId)).toBe(5);
    expect(await cartLines({ visitorKey })).toHaveLength(1);
  });

  it("refuses a rest area that does not exist or no longer takes pickups", async () => {
    const closing = await makeRestArea();
    const piece = await makePiece(shop, { stock: 5 });
    const { cookie } = await guestWithCart([{ variantId: piece.variantId, quantity: 1 }]);
    const slot = await offeredSlot(closing);
    await prisma.restArea.update({ where: { id: closing.id }, data: { active: false } });

    for (const slug of ["rest-area-tidak-ada", closing.slug]) {
      const answer = await submitCheckout(cookie, checkoutFields({ slug }, slot));
      expect(answer.status, slug).toBe(409);
      expect(answer.body.errors.restArea, slug).toBe(texts.errors.restAreaUnavailable);
    }
    expect(await stockOf(piece.variantId)).toBe(5);
  });

  it("refuses card payment when Stripe is not configured, and places nothing", async () => {
    const piece = await makePiece(shop, { stock: 5 });
    const { visitorKey, cookie } = await guestWithCart([
      { variantId: piece.variantId, quantity: 1 },
    ]);
    const fields = checkoutFields(restArea, await offeredSlot(restArea), {
      paymentMethod: "STRIPE_CARD",
    });

    const answer = await withoutStripe(() => submitCheckout(cookie, fields));
    expect(answer.status).toBe(409);
    expect(answer.body.errors.paymentMethod).toBe(texts.errors.cardUnavailable);
    expect(await orderPlacedWith(fields.checkoutKey!)).toBeNull();
    expect(await stockOf(piece.variantId)).toBe(5);
    expect(await cartLines({ visitorKey })).toHaveLength(1);
  });

  it("tells a visitor without a cart that there is nothing to order", async () => {
    const answer = await submitCheckout(
      undefined,
      checkoutFields(restArea, await offeredSlot(restArea)),
    );
    expect(answer.status).toBe(409);
    expect(answer.body.problem?.message).toBe(texts.errors.emptyCart);
  });
});

describe("paying by card", () => {
  it("sends the buyer to Stripe Checkout for the order's total, due in 30 minutes", async () => {
    const { fake } = stripe;
    const bowl = await makePiece(shop, { stock: 4, priceRupiah: 210_000, title: "Mangkuk perak" });
    const spoon = await makePiece(shop, { stock: 9, priceRupiah: 35_000, title: "Sendok tembaga" });
    const { cookie } = await guestWithCart([
      { variantId: bowl.variantId, quantity: 1 },
      { variantId: spoon.variantId, quantity: 3 },
    ]);
    const fields = checkoutFields(restArea, await offeredSlot(restArea), {
      paymentMethod: "STRIPE_CARD",
      totalRupiah: "1",
    });

    const answer = await submitCheckout(cookie, fields);
    expect(answer.status).toBe(303);
    expect(answer.location).toMatch(new RegExp(`^${fake.url}/pay/cs_test_[A-Za-z0-9]+$`));
    expect(answer.setCookie).toMatch(/^ks_orders=/);

    const placed = await orderPlacedWith(fields.checkoutKey!);
    const order = await prisma.order.findUniqueOrThrow({
      where: { id: placed?.id ?? "" },
      include: { payments: { where: { status: "PENDING" } } },
    });
    expect(order.status).toBe("PENDING_PAYMENT");
    expect(order.totalRupiah).toBe(315_000);
    expect(order.paymentDueAt?.getTime()).toBe(order.placedAt.getTime() + 30 * 60_000);

    const session = sessionOf(fake, order.id);
    expect(answer.location).toBe(session.url);
    expect(session).toMatchObject({
      status: "open",
      currency: "idr",
      amount_total: 315_000 * 100,
      metadata: { order_id: order.id, order_number: order.number },
      client_reference_id: order.id,
      customer_email: "sari@example.test",
    });
    // The page takes payment until the order's deadline (Stripe wants 30 minutes at least, so it
    // may run a little longer), and closes before the expiry job would end the order.
    const dueAt = Math.floor((order.paymentDueAt?.getTime() ?? 0) / 1000);
    expect(session.expires_at).toBeGreaterThanOrEqual(dueAt);
    expect(session.expires_at).toBeGreaterThanOrEqual(session.created + 30 * 60);
    expect(session.expires_at).toBeLessThanOrEqual(dueAt + EXPIRY_GRACE_MS / 1000);
    expect(
      fake
        .lineItems(session.id)
        .map((item) => [item.description, item.quantity, item.price.unit_amount]),
    ).toEqual([
      ["Mangkuk perak · Tembaga polos", 1, 210_000 * 100],
      ["Sendok tembaga · Tembaga polos", 3, 35_000 * 100],
    ]);

    expect(order.payments).toHaveLength(1);
    const payment = order.payments[0]!;
    expect(payment).toMatchObject({
      provider: "STRIPE",
      status: "PENDING",
      amountRupiah: 315_000,
      stripeCheckoutSessionId: session.id,
    });
    const created = fake
      .requestLog()
      .filter((entry) => entry.method === "POST" && entry.path === "/v1/checkout/sessions");
    expect(created.map((entry) => entry.idempotencyKey)).toContain(
      `checkout-session:${payment.id}`,
    );

    expect(await stockOf(bowl.variantId)).toBe(3);
    expect(await stockOf(spoon.variantId)).toBe(6);
    expect(await eventsOf(order.id)).toEqual(["→PENDING_PAYMENT"]);
    expect(await messagesOf(order.id)).toEqual(["order.placed"]);
  });

  it("keeps one payment on a card order that went straight to Stripe, with no failed attempt", async () => {
    const piece = await makePiece(shop, { stock: 4 });
    const placed = await placeGuestOrder({
      restArea,
      lines: [{ variantId: piece.variantId, quantity: 1 }],
      paymentMethod: "STRIPE_CARD",
    });
    expect(placed.answer.location).toMatch(/\/pay\/cs_test_/);
    // The cooperative's payment list must not show a FAILED card payment the buyer never made.
    const payments = await prisma.payment.findMany({
      where: { orderId: placed.id },
      select: { status: true, stripeCheckoutSessionId: true },
    });
    expect(payments).toEqual([
      { status: "PENDING", stripeCheckoutSessionId: expect.stringMatching(/^cs_test_/) },
    ]);
  });

  it("keeps the order when Stripe cannot be reached, and opens the page on the next try", async () => {
    const { fake } = stripe;
    const piece = await makePiece(shop, { stock: 4, priceRupiah: 99_000 });
    const { cookie } = await guestWithCart([{ variantId: piece.variantId, quantity: 2 }]);
    const fields = checkoutFields(restArea, await offeredSlot(restArea), {
      paymentMethod: "STRIPE_CARD",
    });

    fake.setOutage(true);
    let answer;
    try {
      answer = await submitCheckout(cookie, fields);
    } finally {
      fake.setOutage(false);
    }
    const placed = await orderPlacedWith(fields.checkoutKey!);
    expect(answer.status).toBe(303);
    expect(answer.location).toBe(`/orders/${placed?.number}?payment=unavailable`);
    expect(answer.setCookie).toMatch(/^ks_orders=/);
    const orderId = placed?.id ?? "";
    expect(await prisma.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({
      status: "PENDING_PAYMENT",
      totalRupiah: 198_000,
    });
    expect(await stockOf(piece.variantId)).toBe(2);
    expect(fake.sessions({ orderId })).toEqual([]);

    const retry = await startCardPayment(orderId);
    const session = sessionOf(fake, orderId);
    expect(retry).toEqual({ ok: true, url: session.url });
    expect(session.amount_total).toBe(198_000 * 100);

    const payments = await prisma.payment.findMany({
      where: { orderId },
      orderBy: { createdAt: "asc" },
      select: { status: true, stripeCheckoutSessionId: true },
    });
    // The attempt Stripe never answered is given up; the new one waits on its page.
    expect(payments.at(-1)).toEqual({ status: "PENDING", stripeCheckoutSessionId: session.id });
    expect(payments.slice(0, -1).length).toBeGreaterThan(0);
    expect(payments.slice(0, -1).every((payment) => payment.status === "FAILED")).toBe(true);

    // Asked again, the same open page is given, not a second one.
    expect(await startCardPayment(orderId)).toEqual({ ok: true, url: session.url });
    expect(fake.sessions({ orderId })).toHaveLength(1);
  });
});
