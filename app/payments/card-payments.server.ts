import { appConfig } from "~/config.server";
import { prisma } from "~/db.server";
import { logError } from "~/lib/log.server";
import { paymentGateway } from "./stripe.server";

/** Stripe's shortest Checkout page life is 30 minutes; a minute more leaves room for the clock. */
const MIN_CHECKOUT_MINUTES = 31;

export type CardPaymentStart =
  | { ok: true; url: string }
  /** The order no longer waits for a card payment (paid, expired or cancelled meanwhile). */
  | { ok: false; reason: "not-awaiting-payment" }
  /** Stripe could not be reached or refused; the order stays pending and can be retried. */
  | { ok: false; reason: "stripe-unavailable" };

/**
 * Sends the buyer to Stripe Checkout for a card order. An open Checkout page is reused; otherwise
 * a new attempt (a Payment row) opens one, its id being Stripe's idempotency key, so a lost
 * response never opens a second page and a failed attempt never blocks the next.
 */
export async function startCardPayment(orderId: string): Promise<CardPaymentStart> {
  const gateway = paymentGateway();
  if (!gateway) return { ok: false, reason: "stripe-unavailable" };
  const order = await prisma.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      id: true,
      number: true,
      status: true,
      locale: true,
      buyerEmail: true,
      paymentDueAt: true,
      totalRupiah: true,
      items: {
        orderBy: { id: "asc" },
        select: {
          titleId: true,
          titleEn: true,
          variantLabelId: true,
          variantLabelEn: true,
          unitPriceRupiah: true,
          quantity: true,
        },
      },
      payments: {
        where: { provider: "STRIPE", status: "PENDING" },
        orderBy: { createdAt: "desc" },
        select: { id: true, stripeCheckoutSessionId: true },
      },
    },
  });
  if (order.status !== "PENDING_PAYMENT" || !order.paymentDueAt) {
    return { ok: false, reason: "not-awaiting-payment" };
  }
  if (order.paymentDueAt.getTime() - Date.now() < 60_000) {
    return { ok: false, reason: "not-awaiting-payment" };
  }
  try {
    const open = order.payments.find((payment) => payment.stripeCheckoutSessionId);
    if (open?.stripeCheckoutSessionId) {
      const url = await gateway.openCheckoutUrl(open.stripeCheckoutSessionId);
      if (url) return { ok: true, url };
    }
    const attempt = await prisma.$transaction(async (tx) => {
      // Attempts that never reached Stripe are given up; only the new one is pending.
      await tx.payment.updateMany({
        where: { orderId, provider: "STRIPE", status: "PENDING", stripeCheckoutSessionId: null },
        data: { status: "FAILED" },
      });
      return tx.payment.create({
        data: { orderId, provider: "STRIPE", amountRupiah: order.totalRupiah },
        select: { id: true },
      });
    });
    const base = appConfig().publicUrl;
    const en = order.locale === "en";
    const session = await gateway.startCheckout({
      attemptId: attempt.id,
      orderId: order.id,
      orderNumber: order.number,
      customerEmail: order.buyerEmail,
      locale: order.locale,
      // Stripe wants a Checkout page to live at least 30 minutes; one opened later than the
      // order itself outlives the order's deadline a little, and the expiry job closes it first.
      expiresAt: new Date(
        Math.max(order.paymentDueAt.getTime(), Date.now() + MIN_CHECKOUT_MINUTES * 60_000),
      ),
      lines: order.items.map((item) => ({
        name: `${(en && item.titleEn) || item.titleId} · ${(en && item.variantLabelEn) || item.variantLabelId}`,
        unitPriceRupiah: item.unitPriceRupiah,
        quantity: item.quantity,
      })),
      // Stripe fills in the session id, which also opens the order page in a browser that lost
      // the order cookie (the session id is as unguessable as the order link's key).
      successUrl: `${base}/orders/${order.number}?session={CHECKOUT_SESSION_ID}`,
      cancelUrl: `${base}/orders/${order.number}?payment=cancelled`,
    });
    await prisma.payment.update({
      where: { id: attempt.id },
      data: { stripeCheckoutSessionId: session.sessionId },
    });
    return { ok: true, url: session.url };
  } catch (error) {
    logError(error, { message: "Stripe Checkout could not be opened", orderId });
    return { ok: false, reason: "stripe-unavailable" };
  }
}
