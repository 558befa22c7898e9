// The scheduled order jobs against a real database and the local fake Stripe: unpaid card orders
// expire once their time is up (and only then), and refunds Stripe missed are sent again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { cancelOrder, EXPIRY_GRACE_MS, expireOverdueOrders } from "~/orders/order-actions.server";
import { sendPendingRefunds } from "~/payments/refunds.server";
import {
  bookedIn,
  eventsOf,
  makePiece,
  makeRestArea,
  messagesOf,
  openShop,
  payByCard,
  placeCardOrder,
  placeGuestOrder,
  postWebhook,
  slotOf,
  statusOf,
  stockOf,
  useFakeStripe,
  type Shop,
  type StripeSetup,
  type TestRestArea,
} from "../setup/orders";

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

const minutes = (count: number) => count * 60_000;

/** A card order for `quantity` pieces (of a fresh stock of 6) waiting on its Checkout page. */
async function cardOrder(quantity = 1) {
  const piece = await makePiece(shop, { stock: 6, priceRupiah: 160_000 });
  const order = await placeCardOrder(stripe.fake, {
    restArea,
    lines: [{ variantId: piece.variantId, quantity }],
  });
  const { paymentDueAt } = await prisma.order.findUniqueOrThrow({
    where: { id: order.id },
    select: { paymentDueAt: true },
  });
  return { ...order, piece, slot: await slotOf(order.id), dueAt: paymentDueAt! };
}

function expiredEvents(orderId: string) {
  return prisma.orderEvent.findMany({
    where: { orderId, toStatus: "EXPIRED" },
    select: { fromStatus: true, actorKind: true },
  });
}

describe("expiring unpaid card orders", () => {
  it("leaves an order alone until its payment time and the grace period are over", async () => {
    const order = await cardOrder();
    await expireOverdueOrders(new Date());
    await expireOverdueOrders(new Date(order.dueAt.getTime() + EXPIRY_GRACE_MS - 1_000));
    expect(await statusOf(order.id)).toBe("PENDING_PAYMENT");
    expect(await stockOf(order.piece.variantId)).toBe(5);
    expect(stripe.fake.session(order.sessionId)?.status).toBe("open");

    // Paid in time, it is never expired.
    await payByCard(stripe.fake, order.sessionId);
    await expireOverdueOrders(new Date(Date.now() + minutes(40)));
    expect(await statusOf(order.id)).toBe("PAID");
  });

  it("expires overdue orders, gives back their pieces and places, closes their pages and tells the buyers", async () => {
    const first = await cardOrder(2);
    const second = await cardOrder(1);
    const bookedBefore = await bookedIn(first.slot);
    expect(await stockOf(first.piece.variantId)).toBe(4);

    const expired = await expireOverdueOrders(new Date(Date.now() + minutes(40)));
    expect(expired).toBeGreaterThanOrEqual(2);

    for (const order of [first, second]) {
      expect(await statusOf(order.id)).toBe("EXPIRED");
      expect(await stockOf(order.piece.variantId)).toBe(6);
      expect(await expiredEvents(order.id)).toEqual([
        { fromStatus: "PENDING_PAYMENT", actorKind: "system" },
      ]);
      expect(await messagesOf(order.id)).toEqual(["order.placed", "order.expired"]);
      // The buyer can no longer pay on the page.
      expect(stripe.fake.session(order.sessionId)?.status).toBe("expired");
      const pending = await prisma.payment.count({
        where: { orderId: order.id, status: "PENDING" },
      });
      expect(pending).toBe(0);
    }
    expect(await bookedIn(first.slot)).toBe(bookedBefore - 2);

    // Stripe's own expiry events, arriving afterwards, change nothing more.
    const answer = await postWebhook(stripe.fake.expireSession(first.sessionId));
    expect(answer.body.outcome).toBe("ignored");
    expect(await expiredEvents(first.id)).toHaveLength(1);
    expect(await stockOf(first.piece.variantId)).toBe(6);
  });

  it("does not expire an order its buyer paid at the last moment, before Stripe's event arrives", async () => {
    const order = await cardOrder();
    const completed = stripe.fake.completeSession(order.sessionId); // not delivered yet

    await expireOverdueOrders(new Date(Date.now() + minutes(40)));
    expect(await statusOf(order.id)).toBe("PENDING_PAYMENT");
    expect(await stockOf(order.piece.variantId)).toBe(5);
    expect(await expiredEvents(order.id)).toEqual([]);

    // The event arrives and the order is paid, with nothing to refund.
    expect((await postWebhook(completed)).status).toBe(200);
    expect(await statusOf(order.id)).toBe("PAID");
    expect(await prisma.refund.count({ where: { payment: { orderId: order.id } } })).toBe(0);
  });

  it("expires each order once when two runs overlap", async () => {
    const orders = await Promise.all([cardOrder(), cardOrder(), cardOrder()]);
    const later = new Date(Date.now() + minutes(40));

    await Promise.all([expireOverdueOrders(later), expireOverdueOrders(later)]);

    for (const order of orders) {
      expect(await statusOf(order.id)).toBe("EXPIRED");
      expect(await expiredEvents(order.id)).toHaveLength(1);
      // The piece went back to stock once, not twice.
      expect(await stockOf(order.piece.variantId)).toBe(6);
      expect((await messagesOf(order.id)).filter((name) => name === "order.expired")).toHaveLength(
        1,
      );
    }
  });

  it("never expires pay-at-pickup orders", async () => {
    const piece = await makePiece(shop, { stock: 3 });
    const order = await placeGuestOrder({
      restArea,
      lines: [{ variantId: piece.variantId, quantity: 1 }],
    });

    await expireOverdueOrders(new Date(Date.now() + 30 * 24 * 60 * minutes(1)));
    expect(await statusOf(order.id)).toBe("AWAITING_PICKUP_PAYMENT");
    expect(await stockOf(piece.variantId)).toBe(2);
    expect(await eventsOf(order.id)).toEqual(["→AWAITING_PICKUP_PAYMENT"]);
  });
});

describe("sending refunds again", () => {
  it("sends a refund that Stripe could not take during an outage, once it is back", async () => {
    const order = await cardOrder();
    const paid = await payByCard(stripe.fake, order.sessionId);
    const paymentIntentId = paid.data.object.payment_intent;
    const refundsAtStripe = () =>
      stripe.fake.refunds().filter((refund) => refund.payment_intent === paymentIntentId);

    stripe.fake.setOutage(true);
    let cancelled;
    try {
      cancelled = await cancelOrder({
        orderId: order.id,
        actor: "buyer",
        actorUserId: null,
        reason: "berubah pikiran",
      });
    } finally {
      stripe.fake.setOutage(false);
    }
    // The cancellation stands; the money is owed and recorded as such.
    expect(cancelled).toEqual({ ok: true, refundRupiah: 160_000 });
    expect(await statusOf(order.id)).toBe("CANCELLED");
    expect(await stockOf(order.piece.variantId)).toBe(6);
    expect(refundsAtStripe()).toEqual([]);
    const owed = await prisma.refund.findFirstOrThrow({
      where: { payment: { orderId: order.id } },
    });
    expect(owed).toMatchObject({ status: "PENDING", stripeRefundId: null, amountRupiah: 160_000 });

    await sendPendingRefunds();

    expect(refundsAtStripe().map((refund) => refund.amount)).toEqual([160_000 * 100]);
    const sent = await prisma.refund.findUniqueOrThrow({ where: { id: owed.id } });
    expect(sent).toMatchObject({ status: "SUCCEEDED", stripeRefundId: refundsAtStripe()[0]?.id });
    expect(await statusOf(order.id)).toBe("REFUNDED");
    expect(await messagesOf(order.id)).toContain("order.refunded");
    // Every attempt carried the refund's own key, so Stripe could never pay it twice.
    const keys = stripe.fake
      .requestLog()
      .filter((entry) => entry.method === "POST" && entry.path === "/v1/refunds")
      .map((entry) => entry.idempotencyKey);
    expect(keys).toContain(`refund:${owed.id}`);
    expect(new Set(keys.filter((key) => key?.endsWith(owed.id)))).toEqual(
      new Set([`refund:${owed.id}`]),
    );

    // Running the job again sends nothing more.
    await sendPendingRefunds();
    expect(refundsAtStripe()).toHaveLength(1);
  });
});
