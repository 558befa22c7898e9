import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { logError } from "~/lib/log.server";
import { notifyBuyer, orderContactSelect, orderPageUrl } from "~/orders/buyer-messages.server";
import { canMove } from "~/orders/order-status";
import { lockOrderStatus, moveOrder } from "~/orders/orders.server";
import { paymentGateway } from "./stripe.server";

/**
 * Refunds: a Refund row is written (PENDING) in the transaction that decides the money goes
 * back — a cancellation, an admin's refund, a payment that came after its order had expired —
 * and sent to Stripe after that transaction commits, with the row's id as the idempotency key.
 * A refund Stripe could not be reached for stays PENDING and is sent again by the scheduled job.
 */

/**
 * Asks for the order's card payments that still hold money (or just `paymentId`) to be paid back
 * in full; returns the rupiah asked for.
 */
export async function requestRefunds(
  tx: Prisma.TransactionClient,
  orderId: string,
  input: { reason: string; createdById: string | null; paymentId?: string },
): Promise<number> {
  const payments = await tx.payment.findMany({
    where: {
      orderId,
      ...(input.paymentId && { id: input.paymentId }),
      provider: "STRIPE",
      status: { in: ["SUCCEEDED", "PARTIALLY_REFUNDED"] },
      stripePaymentIntentId: { not: null },
    },
    select: { id: true, amountRupiah: true, refundedRupiah: true, refunds: true },
  });
  let requested = 0;
  for (const payment of payments) {
    const pending = payment.refunds
      .filter((refund) => refund.status === "PENDING")
      .reduce((sum, refund) => sum + refund.amountRupiah, 0);
    const left = payment.amountRupiah - payment.refundedRupiah - pending;
    if (left <= 0) continue;
    await tx.refund.create({
      data: {
        paymentId: payment.id,
        amountRupiah: left,
        reason: input.reason,
        createdById: input.createdById,
      },
    });
    requested += left;
  }
  return requested;
}

/** Sends the order's pending refunds to Stripe (all pending refunds when no order is given). */
export async function sendPendingRefunds(orderId?: string): Promise<void> {
  const gateway = paymentGateway();
  if (!gateway) return;
  const refunds = await prisma.refund.findMany({
    where: {
      status: "PENDING",
      stripeRefundId: null,
      ...(orderId && { payment: { orderId } }),
    },
    orderBy: { createdAt: "asc" },
    take: 100,
    select: {
      id: true,
      amountRupiah: true,
      payment: { select: { id: true, orderId: true, stripePaymentIntentId: true } },
    },
  });
  for (const refund of refunds) {
    const paymentIntentId = refund.payment.stripePaymentIntentId;
    if (!paymentIntentId) continue;
    try {
      const sent = await gateway.refund({
        refundId: refund.id,
        paymentIntentId,
        amountRupiah: refund.amountRupiah,
        orderId: refund.payment.orderId,
      });
      await prisma.$transaction(async (tx) => {
        // Order, then payment: the order the webhook takes its locks in, so the two never
        // wait on each other.
        await lockOrderStatus(tx, refund.payment.orderId);
        await lockPayment(tx, refund.payment.id);
        await tx.refund.update({
          where: { id: refund.id },
          data: {
            stripeRefundId: sent.stripeRefundId,
            ...(sent.status === "failed" && { status: "FAILED" }),
          },
        });
        if (sent.status === "succeeded") await settleRefund(tx, refund.id);
      });
    } catch (error) {
      logError(error, { message: "A refund could not be sent to Stripe", refundId: refund.id });
    }
  }
}

export async function lockPayment(tx: Prisma.TransactionClient, paymentId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Payment" WHERE id = ${paymentId} FOR UPDATE`;
}

/**
 * Marks a pending refund as done and counts it on its payment (the payment's row must be locked
 * by the caller). Done twice, the second time changes nothing.
 */
export async function settleRefund(tx: Prisma.TransactionClient, refundId: string): Promise<void> {
  const settled = await tx.refund.updateMany({
    where: { id: refundId, status: "PENDING" },
    data: { status: "SUCCEEDED" },
  });
  if (settled.count === 0) return;
  const refund = await tx.refund.findUniqueOrThrow({
    where: { id: refundId },
    select: { amountRupiah: true, paymentId: true },
  });
  await tx.payment.update({
    where: { id: refund.paymentId },
    data: { refundedRupiah: { increment: refund.amountRupiah } },
  });
  await afterRefund(tx, refund.paymentId);
}

/**
 * Stripe reports the total refunded on a payment (`charge.refunded`). Whatever that total adds to
 * what is already counted settles our pending refunds, oldest first; a refund made outside the
 * shop (in Stripe's dashboard) is recorded as such. A smaller or equal total is old news.
 */
export async function applyRefundedTotal(
  tx: Prisma.TransactionClient,
  paymentId: string,
  totalRefundedRupiah: number,
): Promise<void> {
  await lockPayment(tx, paymentId);
  const payment = await tx.payment.findUniqueOrThrow({
    where: { id: paymentId },
    select: { refundedRupiah: true },
  });
  let news = totalRefundedRupiah - payment.refundedRupiah;
  if (news <= 0) return;
  const pending = await tx.refund.findMany({
    where: { paymentId, status: "PENDING" },
    orderBy: { createdAt: "asc" },
    select: { id: true, amountRupiah: true },
  });
  for (const refund of pending) {
    if (refund.amountRupiah > news) break;
    await tx.refund.update({ where: { id: refund.id }, data: { status: "SUCCEEDED" } });
    news -= refund.amountRupiah;
  }
  if (news > 0) {
    await tx.refund.create({
      data: { paymentId, amountRupiah: news, status: "SUCCEEDED", reason: "refunded in Stripe" },
    });
  }
  await tx.payment.update({
    where: { id: paymentId },
    data: { refundedRupiah: totalRefundedRupiah },
  });
  await afterRefund(tx, paymentId);
}

/** A payment paid back in full is REFUNDED, and so is its order once nothing paid is kept. */
async function afterRefund(tx: Prisma.TransactionClient, paymentId: string): Promise<void> {
  const payment = await tx.payment.findUniqueOrThrow({
    where: { id: paymentId },
    select: {
      amountRupiah: true,
      refundedRupiah: true,
      order: { select: { ...orderContactSelect, status: true } },
    },
  });
  const full = payment.refundedRupiah >= payment.amountRupiah;
  await tx.payment.update({
    where: { id: paymentId },
    data: { status: full ? "REFUNDED" : "PARTIALLY_REFUNDED" },
  });
  if (!full) return;
  const stillPaid = await tx.payment.count({
    where: { orderId: payment.order.id, status: { in: ["SUCCEEDED", "PARTIALLY_REFUNDED"] } },
  });
  if (stillPaid > 0 || !canMove(payment.order.status, "REFUNDED", "stripe")) return;
  await moveOrder(tx, {
    orderId: payment.order.id,
    to: "REFUNDED",
    actor: "stripe",
    reason: "payment refunded",
  });
  const refunded = await tx.payment.aggregate({
    where: { orderId: payment.order.id },
    _sum: { refundedRupiah: true },
  });
  await notifyBuyer(tx, payment.order, "order.refunded", "refunded", {
    name: payment.order.buyerName,
    number: payment.order.number,
    url: orderPageUrl(payment.order.number),
    refundRupiah: refunded._sum.refundedRupiah ?? 0,
  });
}
