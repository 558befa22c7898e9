import type Stripe from "stripe";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { formatTimeWindow } from "~/lib/dates";
import { logInfo } from "~/lib/log.server";
import { notifyBuyer, orderContactSelect, orderPageUrl } from "~/orders/buyer-messages.server";
import { expireOrder } from "~/orders/order-actions.server";
import { lockOrderStatus, moveOrder } from "~/orders/orders.server";
import { applyRefundedTotal, requestRefunds, sendPendingRefunds } from "./refunds.server";
import { fromStripeAmount } from "./stripe.server";

/**
 * Applies one verified Stripe event, exactly once: the event's id is stored in the same
 * transaction as its effect, so a redelivery finds it and changes nothing, and an effect that
 * failed half-way is rolled back with the record, so Stripe's retry applies it whole.
 *
 * Every handler looks at the order's current state rather than the order events arrive in: a
 * payment for an order that already expired is refunded, an expiry after a payment is ignored.
 */
export type WebhookOutcome = "applied" | "duplicate" | "ignored";

// Each event locks one order and writes a handful of rows; the queue of deliveries on the
// embedded database's single connection is what needs the room.
const webhookTransaction = { maxWait: 20_000, timeout: 20_000 } as const;

export async function receiveStripeEvent(event: Stripe.Event): Promise<WebhookOutcome> {
  const result = await prisma.$transaction(async (tx) => {
    const stored = await tx.stripeEvent.createMany({
      data: [
        {
          id: event.id,
          type: event.type,
          createdAt: new Date(event.created * 1000),
          payload: event as unknown as Prisma.InputJsonValue,
        },
      ],
      skipDuplicates: true,
    });
    if (stored.count === 0) return { outcome: "duplicate" as const, refundOrderId: null };
    const effect = await applyEvent(tx, event);
    await tx.stripeEvent.update({ where: { id: event.id }, data: { processedAt: new Date() } });
    return effect;
  }, webhookTransaction);
  if (result.refundOrderId) await sendPendingRefunds(result.refundOrderId);
  return result.outcome;
}

type Effect = { outcome: WebhookOutcome; refundOrderId: string | null };

const ignored: Effect = { outcome: "ignored", refundOrderId: null };
const applied: Effect = { outcome: "applied", refundOrderId: null };

function applyEvent(tx: Prisma.TransactionClient, event: Stripe.Event): Promise<Effect> {
  switch (event.type) {
    case "checkout.session.completed":
      return sessionCompleted(tx, event.data.object, new Date(event.created * 1000));
    case "checkout.session.expired":
      return sessionExpired(tx, event.data.object);
    case "payment_intent.payment_failed":
      return paymentFailed(tx, event.data.object);
    case "charge.refunded":
      return chargeRefunded(tx, event.data.object);
    default:
      return Promise.resolve(ignored);
  }
}

function idOf(value: string | { id: string } | null): string | null {
  return typeof value === "string" ? value : (value?.id ?? null);
}

const orderForPaymentSelect = {
  ...orderContactSelect,
  status: true,
  pickupWindowId: true,
  pickupDate: true,
  pickupStartMinute: true,
  pickupEndMinute: true,
  pickupCode: true,
  totalRupiah: true,
  restArea: { select: { name: true } },
} as const satisfies Prisma.OrderSelect;

async function orderOfSession(tx: Prisma.TransactionClient, session: Stripe.Checkout.Session) {
  const orderId = session.metadata?.order_id ?? session.client_reference_id;
  if (!orderId) return null;
  const found = await tx.order.findUnique({ where: { id: orderId }, select: { id: true } });
  if (!found) return null;
  // The lock comes first, then the read: what is read cannot change until the event is applied.
  await lockOrderStatus(tx, orderId);
  return tx.order.findUniqueOrThrow({ where: { id: orderId }, select: orderForPaymentSelect });
}

async function sessionCompleted(
  tx: Prisma.TransactionClient,
  session: Stripe.Checkout.Session,
  paidAt: Date,
): Promise<Effect> {
  // Card payments complete at once; delayed methods are not offered, so "unpaid" never pays.
  if (session.payment_status !== "paid") return ignored;
  const order = await orderOfSession(tx, session);
  if (!order) {
    logInfo("Stripe payment for no order of this shop", { sessionId: session.id });
    return ignored;
  }
  const amountRupiah = fromStripeAmount(session.amount_total ?? 0);
  const paymentIntentId = idOf(session.payment_intent);
  const existing = await tx.payment.findUnique({
    where: { stripeCheckoutSessionId: session.id },
    select: { id: true, status: true },
  });
  // Applied already. A payment marked EXPIRED (its order expired or was cancelled) that Stripe
  // says went through is not: it is recorded and refunded below.
  if (existing && ["SUCCEEDED", "PARTIALLY_REFUNDED", "REFUNDED"].includes(existing.status)) {
    return ignored;
  }
  const payment = existing
    ? await tx.payment.update({
        where: { id: existing.id },
        data: { status: "SUCCEEDED", amountRupiah, paidAt, stripePaymentIntentId: paymentIntentId },
        select: { id: true },
      })
    : await tx.payment.create({
        data: {
          orderId: order.id,
          provider: "STRIPE",
          status: "SUCCEEDED",
          amountRupiah,
          paidAt,
          stripeCheckoutSessionId: session.id,
          stripePaymentIntentId: paymentIntentId,
        },
        select: { id: true },
      });

  if (order.status === "PENDING_PAYMENT" && amountRupiah === order.totalRupiah) {
    await moveOrder(tx, { orderId: order.id, to: "PAID", actor: "stripe", reason: "card payment" });
    await notifyBuyer(tx, order, "order.paid", "paid", {
      name: order.buyerName,
      number: order.number,
      url: orderPageUrl(order.number),
      restArea: order.restArea.name,
      pickupDay: order.pickupDate.toISOString().slice(0, 10),
      window: formatTimeWindow(order.pickupStartMinute, order.pickupEndMinute, order.locale),
      totalRupiah: order.totalRupiah,
      pickupCode: order.pickupCode,
    });
    return applied;
  }
  // Money the order does not need — it expired or was cancelled first, another attempt paid it
  // already, or the amount is not the order's — goes back to the buyer in full.
  const reason =
    order.status === "PENDING_PAYMENT"
      ? `paid ${amountRupiah} for an order of ${order.totalRupiah}`
      : `paid while the order was ${order.status}`;
  await requestRefunds(tx, order.id, { reason, createdById: null, paymentId: payment.id });
  logInfo("Stripe payment not needed, refunding it", { orderId: order.id, reason });
  return { outcome: "applied", refundOrderId: order.id };
}

async function sessionExpired(
  tx: Prisma.TransactionClient,
  session: Stripe.Checkout.Session,
): Promise<Effect> {
  const order = await orderOfSession(tx, session);
  if (!order) return ignored;
  await tx.payment.updateMany({
    where: { stripeCheckoutSessionId: session.id, status: "PENDING" },
    data: { status: "EXPIRED" },
  });
  // A newer Checkout page for the same order may still be open: the order waits for it.
  const stillOpen = await tx.payment.count({
    where: { orderId: order.id, status: "PENDING", stripeCheckoutSessionId: { not: null } },
  });
  if (order.status !== "PENDING_PAYMENT" || stillOpen > 0) return ignored;
  await expireOrder(tx, order, "stripe");
  return applied;
}

async function paymentFailed(
  tx: Prisma.TransactionClient,
  intent: Stripe.PaymentIntent,
): Promise<Effect> {
  const orderId = intent.metadata?.order_id;
  if (!orderId) return ignored;
  const order = await tx.order.findUnique({ where: { id: orderId }, select: { id: true } });
  if (!order) return ignored;
  const status = await lockOrderStatus(tx, orderId);
  // The buyer is still on Stripe's page and may try another card; the attempt goes on the
  // order's timeline so that the buyer and the cooperative can see what happened.
  if (status !== "PENDING_PAYMENT") return ignored;
  const message = intent.last_payment_error?.message ?? intent.last_payment_error?.code ?? "";
  await tx.orderEvent.create({
    data: {
      orderId,
      fromStatus: status,
      toStatus: status,
      actorKind: "stripe",
      reason: `card payment failed${message ? `: ${message.slice(0, 200)}` : ""}`,
    },
  });
  return applied;
}

async function chargeRefunded(
  tx: Prisma.TransactionClient,
  charge: Stripe.Charge,
): Promise<Effect> {
  const paymentIntentId = idOf(charge.payment_intent);
  if (!paymentIntentId) return ignored;
  const payment = await tx.payment.findUnique({
    where: { stripePaymentIntentId: paymentIntentId },
    select: { id: true, orderId: true },
  });
  if (!payment) {
    logInfo("Stripe refund for no payment of this shop", { paymentIntentId });
    return ignored;
  }
  await lockOrderStatus(tx, payment.orderId);
  await applyRefundedTotal(tx, payment.id, fromStripeAmount(charge.amount_refunded));
  return applied;
}
