import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { Prisma as PrismaSql } from "~/generated/prisma/client";
import { logError, logInfo } from "~/lib/log.server";
import { requestRefunds, sendPendingRefunds } from "~/payments/refunds.server";
import { paymentGateway } from "~/payments/stripe.server";
import {
  notifyBuyer,
  orderContactSelect,
  orderPageUrl,
  type OrderContact,
} from "./buyer-messages.server";
import { canMove, type OrderActor } from "./order-status";
import { lockOrderStatus, moveOrder, releaseOrder } from "./orders.server";

export type CancelResult =
  { ok: true; refundRupiah: number } | { ok: false; reason: "not-cancellable" };

/**
 * Cancels an order that has not been dispatched: its pieces go back to stock, its pickup place is
 * freed, a card payment is refunded in full, and the buyer is told — one transaction, then the
 * refund is sent to Stripe (and retried by the scheduled job if Stripe cannot be reached).
 */
export async function cancelOrder(input: {
  orderId: string;
  actor: Extract<OrderActor, "buyer" | "admin">;
  actorUserId: string | null;
  reason: string;
}): Promise<CancelResult> {
  const result = await prisma.$transaction(async (tx) => {
    const status = await lockOrderStatus(tx, input.orderId);
    if (!canMove(status, "CANCELLED", input.actor)) {
      return { ok: false as const, reason: "not-cancellable" as const, openSession: null };
    }
    const order = await tx.order.findUniqueOrThrow({
      where: { id: input.orderId },
      select: { ...orderContactSelect, pickupWindowId: true, pickupDate: true },
    });
    await moveOrder(tx, {
      orderId: order.id,
      to: "CANCELLED",
      actor: input.actor,
      actorUserId: input.actorUserId,
      reason: input.reason,
    });
    await releaseOrder(tx, order, { freeWindow: true });
    const refundRupiah = await requestRefunds(tx, order.id, {
      reason: `cancelled: ${input.reason}`,
      createdById: input.actorUserId,
    });
    // An unpaid Checkout page is closed after the commit, so the buyer cannot pay for an order
    // that no longer exists; a payment that slips through is refunded by the webhook.
    const open = await tx.payment.findFirst({
      where: { orderId: order.id, status: "PENDING", stripeCheckoutSessionId: { not: null } },
      select: { stripeCheckoutSessionId: true },
    });
    await tx.payment.updateMany({
      where: { orderId: order.id, status: "PENDING" },
      data: { status: "EXPIRED" },
    });
    await notifyBuyer(tx, order, "order.cancelled", "cancelled", {
      name: order.buyerName,
      number: order.number,
      url: orderPageUrl(order.number),
      refundRupiah,
      byShop: input.actor === "admin",
    });
    return { ok: true as const, refundRupiah, openSession: open?.stripeCheckoutSessionId ?? null };
  });
  if (!result.ok) return { ok: false, reason: result.reason };
  if (result.openSession) await closeCheckoutQuietly(result.openSession, input.orderId);
  if (result.refundRupiah > 0) await sendPendingRefunds(input.orderId);
  return { ok: true, refundRupiah: result.refundRupiah };
}

async function closeCheckoutQuietly(sessionId: string, orderId: string): Promise<void> {
  try {
    await paymentGateway()?.closeCheckout(sessionId);
  } catch (error) {
    logError(error, { message: "Could not close a Stripe Checkout page", orderId, sessionId });
  }
}

/** Ends an unpaid card order: its pieces and pickup place go back, and the buyer is told. */
export async function expireOrder(
  tx: Prisma.TransactionClient,
  order: OrderContact & { pickupWindowId: string; pickupDate: Date },
  actor: "system" | "stripe",
): Promise<void> {
  await moveOrder(tx, {
    orderId: order.id,
    to: "EXPIRED",
    actor,
    reason: "payment not completed in time",
  });
  await releaseOrder(tx, order, { freeWindow: true });
  await tx.payment.updateMany({
    where: { orderId: order.id, status: "PENDING" },
    data: { status: "EXPIRED" },
  });
  await notifyBuyer(tx, order, "order.expired", "expired", {
    name: order.buyerName,
    number: order.number,
    url: orderPageUrl(order.number),
  });
}

/**
 * Stripe's own expiry event is the first to end an unpaid card order; this job is the safety net
 * for an event that never comes (or an order whose Checkout page never opened). It waits a grace
 * period past the deadline so that a payment made in the last seconds is applied rather than
 * refunded, closes the Checkout page at Stripe, then expires the order. Rows are claimed with
 * FOR UPDATE SKIP LOCKED, so several app processes can run the job at once.
 */
export const EXPIRY_GRACE_MS = 2 * 60_000;

export async function expireOverdueOrders(now = new Date(), batchSize = 50): Promise<number> {
  const cutoff = new Date(now.getTime() - EXPIRY_GRACE_MS);
  const candidates = await prisma.order.findMany({
    where: { status: "PENDING_PAYMENT", paymentDueAt: { lt: cutoff } },
    orderBy: { paymentDueAt: "asc" },
    take: batchSize,
    select: {
      id: true,
      payments: {
        where: { status: "PENDING", stripeCheckoutSessionId: { not: null } },
        select: { stripeCheckoutSessionId: true },
      },
    },
  });
  const expirable: string[] = [];
  for (const candidate of candidates) {
    const sessions = candidate.payments.flatMap((payment) =>
      payment.stripeCheckoutSessionId ? [payment.stripeCheckoutSessionId] : [],
    );
    try {
      const gateway = paymentGateway();
      const states = gateway
        ? await Promise.all(sessions.map((session) => gateway.closeCheckout(session)))
        : [];
      // Paid at the last moment: the completed event is on its way and will mark it PAID.
      if (states.includes("paid")) continue;
      expirable.push(candidate.id);
    } catch (error) {
      logError(error, { message: "Could not close a Stripe Checkout page", orderId: candidate.id });
    }
  }
  if (expirable.length === 0) return 0;
  const expired = await prisma.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Order"
      WHERE id IN (${PrismaSql.join(expirable)}) AND status = 'PENDING_PAYMENT'
      FOR UPDATE SKIP LOCKED`;
    for (const { id } of claimed) {
      const order = await tx.order.findUniqueOrThrow({
        where: { id },
        select: { ...orderContactSelect, pickupWindowId: true, pickupDate: true },
      });
      await expireOrder(tx, order, "system");
    }
    return claimed.length;
  });
  if (expired > 0) logInfo("Expired unpaid orders", { count: expired });
  return expired;
}

/** The scheduled work of the app process: expire overdue orders, resend refunds Stripe missed. */
export async function runOrderJobs(now = new Date()): Promise<void> {
  await expireOverdueOrders(now);
  await sendPendingRefunds();
}

export type RefundResult =
  | { ok: true; refundRupiah: number }
  /** Still on its way to the buyer: cancel it instead, which also refunds. */
  | { ok: false; reason: "not-refundable" }
  | { ok: false; reason: "nothing-to-refund" };

/**
 * The cooperative pays a finished order's card payment back in full (a returned piece, an
 * uncollected parcel): the refund is recorded with the admin's reason, then sent to Stripe.
 */
export async function refundOrder(input: {
  orderId: string;
  actorUserId: string;
  reason: string;
}): Promise<RefundResult> {
  const result = await prisma.$transaction(async (tx): Promise<RefundResult> => {
    const status = await lockOrderStatus(tx, input.orderId);
    if (!canMove(status, "REFUNDED", "admin")) return { ok: false, reason: "not-refundable" };
    const refundRupiah = await requestRefunds(tx, input.orderId, {
      reason: input.reason,
      createdById: input.actorUserId,
    });
    return refundRupiah > 0
      ? { ok: true, refundRupiah }
      : { ok: false, reason: "nothing-to-refund" };
  });
  if (result.ok) await sendPendingRefunds(input.orderId);
  return result;
}
