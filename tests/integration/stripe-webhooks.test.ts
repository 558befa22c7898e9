// Stripe's webhook, posted signed to the real route, for card orders placed through checkout
// against the local fake Stripe: each event applied once, in whatever order it comes, and money
// that is not needed sent back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { cancelOrder, refundOrder } from "~/orders/order-actions.server";
import { startCardPayment } from "~/payments/card-payments.server";
import { makeUser } from "../setup/accounts";
import {
  bookedIn,
  eventsOf,
  makePiece,
  makeRestArea,
  messagesOf,
  openShop,
  payByCard,
  placeCardOrder,
  postWebhook,
  slotOf,
  statusOf,
  stockOf,
  TEST_WEBHOOK_SECRET,
  useFakeStripe,
  withoutStripe,
  type Shop,
  type StripeSetup,
  type TestRestArea,
} from "../setup/orders";
import { type FakeEventType, signEvent, signWebhook, stripeEvent } from "../../scripts/fake-stripe";

let shop: Shop;
let restArea: TestRestArea;
let stripe: StripeSetup;

beforeAll(async () => {
  shop = await openShop();
  restArea = await makeRestArea();
  stripe = await useFakeStripe();
});

afterAll(async () => {
  await stripe?.restore();
});

/** A card order for one piece (of a fresh stock of 5) waiting on its Checkout page. */
async function cardOrder(priceRupiah = 240_000) {
  const piece = await makePiece(shop, { stock: 5, priceRupiah });
  const order = await placeCardOrder(stripe.fake, {
    restArea,
    lines: [{ variantId: piece.variantId, quantity: 1 }],
  });
  return { ...order, piece, slot: await slotOf(order.id), totalRupiah: priceRupiah };
}

function paymentsOf(orderId: string) {
  return prisma.payment.findMany({
    where: { orderId },
    orderBy: { createdAt: "asc" },
    select: {
      status: true,
      amountRupiah: true,
      refundedRupiah: true,
      stripeCheckoutSessionId: true,
      stripePaymentIntentId: true,
      paidAt: true,
    },
  });
}

describe("a completed Checkout session", () => {
  it("marks the order paid, records the payment and tells the buyer", async () => {
    const order = await cardOrder(240_000);
    const event = stripe.fake.completeSession(order.sessionId);
    const paymentIntentId = event.data.object.payment_intent;
    expect(paymentIntentId).toMatch(/^pi_/);

    const answer = await postWebhook(event);
    expect(answer).toEqual({ status: 200, body: { received: true, outcome: "applied" } });

    expect(await statusOf(order.id)).toBe("PAID");
    const payments = await paymentsOf(order.id);
    expect(payments.filter((payment) => payment.status === "SUCCEEDED")).toEqual([
      {
        status: "SUCCEEDED",
        amountRupiah: 240_000,
        refundedRupiah: 0,
        stripeCheckoutSessionId: order.sessionId,
        stripePaymentIntentId: paymentIntentId,
        paidAt: new Date(event.created * 1000),
      },
    ]);
    expect(await eventsOf(order.id)).toEqual(["→PENDING_PAYMENT", "PENDING_PAYMENT→PAID"]);
    expect(await messagesOf(order.id)).toEqual(["order.placed", "order.paid"]);
    const stored = await prisma.stripeEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(stored).toMatchObject({ type: "checkout.session.completed" });
    expect(stored.processedAt).not.toBeNull();
    // The piece stays sold and the place booked.
    expect(await stockOf(order.piece.variantId)).toBe(4);
  });

  it("applies the same event once, delivered again and five times at once", async () => {
    const order = await cardOrder();
    const event = stripe.fake.completeSession(order.sessionId);
    await postWebhook(event);

    const again = await postWebhook(event);
    expect(again).toEqual({ status: 200, body: { received: true, outcome: "duplicate" } });
    const storm = await Promise.all(Array.from({ length: 5 }, () => postWebhook(event)));
    expect(storm.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);

    // Stripe may also send the same payment again as a new event (a retried delivery).
    const redelivered = await postWebhook({ ...event, id: `${event.id}_bis` });
    expect(redelivered.status).toBe(200);

    expect(await statusOf(order.id)).toBe("PAID");
    expect((await eventsOf(order.id)).filter((step) => step.endsWith("→PAID"))).toHaveLength(1);
    const payments = await paymentsOf(order.id);
    expect(payments.filter((payment) => payment.status === "SUCCEEDED")).toHaveLength(1);
    expect(await prisma.stripeEvent.count({ where: { id: event.id } })).toBe(1);
    expect(await messagesOf(order.id)).toEqual(["order.placed", "order.paid"]);
    expect(await prisma.refund.count({ where: { payment: { orderId: order.id } } })).toBe(0);
    expect(await stockOf(order.piece.variantId)).toBe(4);
  });

  it("refuses forged, altered, wrongly signed and stale deliveries and changes nothing", async () => {
    const order = await cardOrder();
    const event = stripe.fake.completeSession(order.sessionId);
    const { payload, signature } = signEvent(event, TEST_WEBHOOK_SECRET);
    const now = Math.floor(Date.now() / 1000);

    const deliveries = {
      forged: await postWebhook(event, { signature: `t=${now},v1=${"0".repeat(64)}` }),
      unsigned: await postWebhook(event, { signature: "" }),
      altered: await postWebhook(event, {
        payload: payload.replace(`"amount_total": ${240_000 * 100}`, `"amount_total": 100`),
        signature,
      }),
      otherSecret: await postWebhook(event, { secret: "whsec_somebody_else" }),
      stale: await postWebhook(event, { timestamp: now - 301 }),
    };
    expect(payload).toContain(`"amount_total": ${240_000 * 100}`);
    for (const [name, answer] of Object.entries(deliveries)) {
      expect(answer.status, name).toBe(400);
    }

    expect(await statusOf(order.id)).toBe("PENDING_PAYMENT");
    expect(await prisma.stripeEvent.count({ where: { id: event.id } })).toBe(0);
    expect((await paymentsOf(order.id)).some((payment) => payment.status === "SUCCEEDED")).toBe(
      false,
    );
    expect(await messagesOf(order.id)).toEqual(["order.placed"]);

    // The genuine delivery still goes through afterwards.
    expect((await postWebhook(event)).status).toBe(200);
    expect(await statusOf(order.id)).toBe("PAID");
  });

  it("refuses a delivery signed more than 5 minutes in the future, as it refuses a stale one", async () => {
    const order = await cardOrder();
    const event = stripe.fake.completeSession(order.sessionId);
    const now = Math.floor(Date.now() / 1000);
    // Signed with the real secret by the SDK's own helper (generateTestHeaderString).
    const ahead = await postWebhook(event, { timestamp: now + 301 });
    const tomorrow = await postWebhook(event, { timestamp: now + 24 * 60 * 60 });
    expect(ahead.status).toBe(400);
    expect(tomorrow.status).toBe(400);
    expect(await statusOf(order.id)).toBe("PENDING_PAYMENT");
    expect(await prisma.stripeEvent.count({ where: { id: event.id } })).toBe(0);

    // A clock a little ahead of ours is within the tolerance.
    const skewed = await postWebhook(event, { timestamp: now + 240 });
    expect(skewed.status).toBe(200);
    expect(await statusOf(order.id)).toBe("PAID");
  });

  it("still accepts a delivery signed a little while ago (within Stripe's 5 minutes)", async () => {
    const order = await cardOrder();
    const event = stripe.fake.completeSession(order.sessionId);
    const answer = await postWebhook(event, { timestamp: Math.floor(Date.now() / 1000) - 240 });
    expect(answer.status).toBe(200);
    expect(await statusOf(order.id)).toBe("PAID");
  });
});

describe("an expired Checkout session", () => {
  it("expires the order and gives back its piece and its pickup place", async () => {
    const order = await cardOrder();
    expect(await stockOf(order.piece.variantId)).toBe(4);
    const bookedBefore = await bookedIn(order.slot);

    const answer = await postWebhook(stripe.fake.expireSession(order.sessionId));
    expect(answer).toEqual({ status: 200, body: { received: true, outcome: "applied" } });

    expect(await statusOf(order.id)).toBe("EXPIRED");
    expect(await stockOf(order.piece.variantId)).toBe(5);
    expect(await bookedIn(order.slot)).toBe(bookedBefore - 1);
    expect(await eventsOf(order.id)).toEqual(["→PENDING_PAYMENT", "PENDING_PAYMENT→EXPIRED"]);
    expect(await messagesOf(order.id)).toEqual(["order.placed", "order.expired"]);
    const payments = await paymentsOf(order.id);
    expect(payments.filter((payment) => payment.status === "PENDING")).toEqual([]);
    expect(payments.find((payment) => payment.stripeCheckoutSessionId)?.status).toBe("EXPIRED");
    const holds = await prisma.stockHold.findMany({ where: { orderId: order.id } });
    expect(holds.map((hold) => hold.status)).toEqual(["RELEASED"]);
  });

  it("refunds a payment that arrives after the order expired (events out of order), never marking it paid", async () => {
    const order = await cardOrder(180_000);
    // Stripe's expiry reaches the shop first…
    const open = stripe.fake.session(order.sessionId);
    const expired = stripeEvent("checkout.session.expired", {
      ...open,
      status: "expired",
      url: null,
    });
    expect((await postWebhook(expired)).status).toBe(200);
    expect(await statusOf(order.id)).toBe("EXPIRED");
    expect(await stockOf(order.piece.variantId)).toBe(5);

    // …then the payment the buyer made on the same page at the last moment.
    const completed = stripe.fake.completeSession(order.sessionId);
    const paymentIntentId = completed.data.object.payment_intent;
    expect((await postWebhook(completed)).status).toBe(200);

    const refunds = stripe.fake
      .refunds()
      .filter((refund) => refund.payment_intent === paymentIntentId);
    expect(refunds.map((refund) => refund.amount)).toEqual([180_000 * 100]);
    const refund = await prisma.refund.findFirstOrThrow({
      where: { payment: { orderId: order.id } },
    });
    expect(refund).toMatchObject({ amountRupiah: 180_000, stripeRefundId: refunds[0]?.id });
    const payment = (await paymentsOf(order.id)).find(
      (candidate) => candidate.stripePaymentIntentId === paymentIntentId,
    );
    expect(payment).toMatchObject({ amountRupiah: 180_000 });

    const history = await eventsOf(order.id);
    expect(history.some((step) => step.endsWith("→PAID"))).toBe(false);
    expect(await statusOf(order.id)).not.toBe("PAID");
    expect(await messagesOf(order.id)).not.toContain("order.paid");
    // The piece went back to stock once and is not taken again.
    expect(await stockOf(order.piece.variantId)).toBe(5);
  });

  it("keeps the order while a newer Checkout page is open when an older one expires", async () => {
    const order = await cardOrder();
    const firstPage = order.sessionId;
    const expiredFirst = stripe.fake.expireSession(firstPage); // delivered later
    // The buyer comes back to pay: the first page is gone, a new one opens.
    const again = await startCardPayment(order.id);
    const sessions = stripe.fake.sessions({ orderId: order.id });
    expect(sessions).toHaveLength(2);
    const secondPage = sessions.find((session) => session.id !== firstPage);
    expect(again).toEqual({ ok: true, url: secondPage?.url });

    const answer = await postWebhook(expiredFirst);
    expect(answer.body.outcome).toBe("ignored");
    expect(await statusOf(order.id)).toBe("PENDING_PAYMENT");
    expect(await stockOf(order.piece.variantId)).toBe(4);

    await payByCard(stripe.fake, secondPage?.id ?? "");
    expect(await statusOf(order.id)).toBe("PAID");
    const payments = await paymentsOf(order.id);
    expect(
      payments
        .filter((payment) => payment.stripeCheckoutSessionId)
        .map((payment) => [payment.stripeCheckoutSessionId, payment.status]),
    ).toEqual([
      [firstPage, "EXPIRED"],
      [secondPage?.id, "SUCCEEDED"],
    ]);
  });

  it("ignores an expiry that comes after the payment", async () => {
    const order = await cardOrder();
    await payByCard(stripe.fake, order.sessionId);
    const open = stripe.fake.session(order.sessionId);
    const late = stripeEvent("checkout.session.expired", { ...open, status: "expired" });
    const answer = await postWebhook(late);
    expect(answer).toEqual({ status: 200, body: { received: true, outcome: "ignored" } });
    expect(await statusOf(order.id)).toBe("PAID");
    expect(await stockOf(order.piece.variantId)).toBe(4);
  });
});

describe("a declined card", () => {
  it("keeps the order waiting and puts the failed attempt on its history", async () => {
    const order = await cardOrder();
    const failed = stripe.fake.failPayment(order.sessionId, "Kartu Anda ditolak.");

    const answer = await postWebhook(failed);
    expect(answer.status).toBe(200);
    expect(await statusOf(order.id)).toBe("PENDING_PAYMENT");
    const events = await prisma.orderEvent.findMany({
      where: { orderId: order.id },
      orderBy: { createdAt: "asc" },
    });
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({
      fromStatus: "PENDING_PAYMENT",
      toStatus: "PENDING_PAYMENT",
      actorKind: "stripe",
    });
    expect(events[1]?.reason).toMatch(/^card payment failed/);
    expect(events[1]?.reason).toContain("Kartu Anda ditolak.");
    expect(await stockOf(order.piece.variantId)).toBe(4);

    // The buyer tries another card on the same page and pays.
    await payByCard(stripe.fake, order.sessionId);
    expect(await statusOf(order.id)).toBe("PAID");
  });

  it("changes nothing when the failure arrives after the payment", async () => {
    const order = await cardOrder();
    const failed = stripe.fake.failPayment(order.sessionId);
    await payByCard(stripe.fake, order.sessionId);
    const historyBefore = await eventsOf(order.id);

    const answer = await postWebhook(failed);
    expect(answer).toEqual({ status: 200, body: { received: true, outcome: "ignored" } });
    expect(await statusOf(order.id)).toBe("PAID");
    expect(await eventsOf(order.id)).toEqual(historyBefore);
  });
});

describe("cancelling a paid order", () => {
  it("gives the stock back, refunds in full through Stripe, and ends REFUNDED once", async () => {
    const order = await cardOrder(275_000);
    const paid = await payByCard(stripe.fake, order.sessionId);
    const paymentIntentId = paid.data.object.payment_intent;
    const bookedBefore = await bookedIn(order.slot);

    const result = await cancelOrder({
      orderId: order.id,
      actor: "buyer",
      actorUserId: null,
      reason: "salah pilih ukuran",
    });
    expect(result).toEqual({ ok: true, refundRupiah: 275_000 });
    expect(await eventsOf(order.id)).toContain("PAID→CANCELLED");
    expect(await stockOf(order.piece.variantId)).toBe(5);
    expect(await bookedIn(order.slot)).toBe(bookedBefore - 1);

    const refund = await prisma.refund.findFirstOrThrow({
      where: { payment: { orderId: order.id } },
    });
    expect(refund).toMatchObject({ amountRupiah: 275_000 });
    expect(refund.stripeRefundId).toMatch(/^re_/);
    const atStripe = stripe.fake
      .refunds()
      .filter((candidate) => candidate.payment_intent === paymentIntentId);
    expect(atStripe.map((candidate) => [candidate.id, candidate.amount])).toEqual([
      [refund.stripeRefundId, 275_000 * 100],
    ]);
    const sent = stripe.fake
      .requestLog()
      .filter((entry) => entry.method === "POST" && entry.path === "/v1/refunds");
    expect(sent.map((entry) => entry.idempotencyKey)).toContain(`refund:${refund.id}`);

    // Stripe confirms the refund, and says so twice.
    const refunded = stripe.fake.refundEvent(refund.stripeRefundId ?? "");
    expect((await postWebhook(refunded)).status).toBe(200);
    expect((await postWebhook(refunded)).status).toBe(200);
    expect((await postWebhook({ ...refunded, id: `${refunded.id}_bis` })).status).toBe(200);

    expect(await statusOf(order.id)).toBe("REFUNDED");
    const history = await eventsOf(order.id);
    expect(history.filter((step) => step.endsWith("→REFUNDED"))).toEqual(["CANCELLED→REFUNDED"]);
    expect(await messagesOf(order.id)).toEqual([
      "order.placed",
      "order.paid",
      "order.cancelled",
      "order.refunded",
    ]);
    const payment = (await paymentsOf(order.id)).find(
      (candidate) => candidate.stripePaymentIntentId === paymentIntentId,
    );
    expect(payment).toMatchObject({ status: "REFUNDED", refundedRupiah: 275_000 });
    expect(await prisma.refund.findUniqueOrThrow({ where: { id: refund.id } })).toMatchObject({
      status: "SUCCEEDED",
    });

    // Nothing is left to pay back: asking again sends nothing to Stripe.
    const admin = await makeUser({ role: "ADMIN" });
    const again = await refundOrder({ orderId: order.id, actorUserId: admin.id, reason: "lagi" });
    expect(again.ok).toBe(false);
    expect(
      await cancelOrder({
        orderId: order.id,
        actor: "admin",
        actorUserId: admin.id,
        reason: "lagi",
      }),
    ).toEqual({ ok: false, reason: "not-cancellable" });
    expect(await prisma.refund.count({ where: { payment: { orderId: order.id } } })).toBe(1);
    expect(
      stripe.fake.refunds().filter((candidate) => candidate.payment_intent === paymentIntentId),
    ).toHaveLength(1);
    expect(await stockOf(order.piece.variantId)).toBe(5);
  });

  it("refunds a payment made on the page while the buyer was cancelling the order", async () => {
    const order = await cardOrder(125_000);
    // The buyer pays in one tab; Stripe's event is still on its way…
    const completed = stripe.fake.completeSession(order.sessionId);
    const paymentIntentId = completed.data.object.payment_intent;
    // …while they cancel the unpaid-looking order in another.
    const cancelled = await cancelOrder({
      orderId: order.id,
      actor: "buyer",
      actorUserId: null,
      reason: "tidak jadi",
    });
    expect(cancelled).toEqual({ ok: true, refundRupiah: 0 });
    expect(await stockOf(order.piece.variantId)).toBe(5);

    expect((await postWebhook(completed)).status).toBe(200);
    // The money is not the shop's to keep: it goes back in full.
    const atStripe = stripe.fake
      .refunds()
      .filter((refund) => refund.payment_intent === paymentIntentId);
    expect(atStripe.map((refund) => refund.amount)).toEqual([125_000 * 100]);
    expect(await statusOf(order.id)).not.toBe("PAID");
    expect(await stockOf(order.piece.variantId)).toBe(5);
  });

  it("closes the open Checkout page of an unpaid order the buyer cancels", async () => {
    const order = await cardOrder();
    const result = await cancelOrder({
      orderId: order.id,
      actor: "buyer",
      actorUserId: null,
      reason: "tidak jadi",
    });
    expect(result).toEqual({ ok: true, refundRupiah: 0 });
    expect(stripe.fake.session(order.sessionId)?.status).toBe("expired");
    expect(await stockOf(order.piece.variantId)).toBe(5);
    // Stripe's expiry event for that page changes nothing more.
    const answer = await postWebhook(stripe.fake.expireSession(order.sessionId));
    expect(answer.body.outcome).toBe("ignored");
    expect(await statusOf(order.id)).toBe("CANCELLED");
  });
});

describe("events the shop has nothing to do with", () => {
  it("answers 200 to an event type it does not handle", async () => {
    const event = stripeEvent("customer.created" as FakeEventType, {
      id: "cus_test_1",
      object: "customer",
    });
    expect(await postWebhook(event)).toEqual({
      status: 200,
      body: { received: true, outcome: "ignored" },
    });
  });

  it("answers 200 to a payment for an order that does not exist, and records no payment", async () => {
    const order = await cardOrder();
    const session = stripe.fake.session(order.sessionId);
    const stranger = stripeEvent("checkout.session.completed", {
      ...session,
      id: "cs_test_not_ours_0123456789",
      status: "complete",
      payment_status: "paid",
      payment_intent: "pi_not_ours_0123456789",
      client_reference_id: "order-tidak-ada",
      metadata: { order_id: "order-tidak-ada" },
    });
    expect(await postWebhook(stranger)).toEqual({
      status: 200,
      body: { received: true, outcome: "ignored" },
    });
    expect(
      await prisma.payment.count({
        where: { stripeCheckoutSessionId: "cs_test_not_ours_0123456789" },
      }),
    ).toBe(0);
    expect(await statusOf(order.id)).toBe("PENDING_PAYMENT");
  });

  it("answers 404 while card payments are not configured", async () => {
    const event = stripeEvent("customer.created" as FakeEventType, { id: "cus_test_3" });
    const answer = await withoutStripe(() => postWebhook(event));
    expect(answer.status).toBe(404);
    expect(await prisma.stripeEvent.count({ where: { id: event.id } })).toBe(0);
  });

  it("refuses a delivery signed for another shop even with a valid-looking header", async () => {
    const event = stripeEvent("customer.created" as FakeEventType, { id: "cus_test_2" });
    const payload = JSON.stringify(event);
    const answer = await postWebhook(event, {
      payload,
      signature: signWebhook(payload, "whsec_another_shop"),
    });
    expect(answer.status).toBe(400);
    expect(await prisma.stripeEvent.count({ where: { id: event.id } })).toBe(0);
  });
});
