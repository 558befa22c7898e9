import Stripe from "stripe";
import { appConfig } from "~/config.server";
import type { Locale } from "~/i18n/config";
import { assertRupiah } from "~/lib/money";

/**
 * The port to Stripe: the only module that talks to its API. Callers speak rupiah and order ids;
 * Stripe's amounts, idempotency keys and objects stay in here.
 */

/**
 * Stripe does not treat IDR as a zero-decimal currency: Rp 200.000 is sent as 20000000. This
 * is the one place rupiah become Stripe amounts and back.
 */
export function toStripeAmount(rupiah: number): number {
  assertRupiah(rupiah);
  return rupiah * 100;
}

export function fromStripeAmount(amount: number): number {
  if (!Number.isSafeInteger(amount) || amount % 100 !== 0) {
    throw new RangeError(`A Stripe IDR amount is whole rupiah × 100, got ${amount}`);
  }
  return amount / 100;
}

export type CardCheckout = {
  /** One payment attempt: Stripe's idempotency key, so a retried request opens one page. */
  attemptId: string;
  orderId: string;
  orderNumber: string;
  lines: { name: string; unitPriceRupiah: number; quantity: number }[];
  customerEmail: string | null;
  locale: Locale;
  /** When the session stops accepting payment: the order's payment deadline. */
  expiresAt: Date;
  successUrl: string;
  cancelUrl: string;
};

export type PaymentGateway = {
  /** Opens a Stripe Checkout page for a payment attempt; one attempt gets one page. */
  startCheckout(checkout: CardCheckout): Promise<{ sessionId: string; url: string }>;
  /** The address of a Checkout page that still takes payment, or null. */
  openCheckoutUrl(sessionId: string): Promise<string | null>;
  /**
   * Closes an open Checkout page so that it can no longer take money. "paid" when the buyer
   * completed it first (the webhook will say so).
   */
  closeCheckout(sessionId: string): Promise<"closed" | "paid">;
  /** Sends money back; the refund's own id makes a retry safe. */
  refund(input: {
    refundId: string;
    paymentIntentId: string;
    amountRupiah: number;
    orderId: string;
  }): Promise<{ stripeRefundId: string; status: "succeeded" | "pending" | "failed" }>;
  /** The event in a webhook delivery, or a thrown error when its signature does not hold. */
  verifyWebhook(rawBody: string, signature: string): Promise<Stripe.Event>;
};

let client: { key: string; stripe: Stripe } | undefined;

function stripeClient(secretKey: string, apiUrl: string | null): Stripe {
  if (client?.key === `${secretKey}|${apiUrl}`) return client.stripe;
  const url = apiUrl ? new URL(apiUrl) : null;
  const stripe = new Stripe(secretKey, {
    maxNetworkRetries: 2,
    timeout: 15_000,
    ...(url && {
      host: url.hostname,
      port: Number(url.port || (url.protocol === "https:" ? 443 : 80)),
      protocol: url.protocol === "https:" ? "https" : "http",
    }),
  });
  client = { key: `${secretKey}|${apiUrl}`, stripe };
  return stripe;
}

/** The Stripe gateway, or null when card payments are not configured (pay at pickup only). */
export function paymentGateway(): PaymentGateway | null {
  const config = appConfig().stripe;
  if (!config) return null;
  const stripe = stripeClient(config.secretKey, config.apiUrl);
  return {
    async startCheckout(checkout) {
      const session = await stripe.checkout.sessions.create(
        {
          mode: "payment",
          currency: "idr",
          locale: checkout.locale,
          client_reference_id: checkout.orderId,
          ...(checkout.customerEmail && { customer_email: checkout.customerEmail }),
          line_items: checkout.lines.map((line) => ({
            quantity: line.quantity,
            price_data: {
              currency: "idr",
              unit_amount: toStripeAmount(line.unitPriceRupiah),
              product_data: { name: line.name },
            },
          })),
          metadata: {
            order_id: checkout.orderId,
            order_number: checkout.orderNumber,
            payment_id: checkout.attemptId,
          },
          payment_intent_data: {
            metadata: {
              order_id: checkout.orderId,
              order_number: checkout.orderNumber,
              payment_id: checkout.attemptId,
            },
          },
          expires_at: Math.floor(checkout.expiresAt.getTime() / 1000),
          success_url: checkout.successUrl,
          cancel_url: checkout.cancelUrl,
        },
        { idempotencyKey: `checkout-session:${checkout.attemptId}` },
      );
      if (!session.url) throw new Error(`Stripe returned no URL for session ${session.id}`);
      return { sessionId: session.id, url: session.url };
    },

    async openCheckoutUrl(sessionId) {
      const session = await stripe.checkout.sessions.retrieve(sessionId);
      return session.status === "open" ? session.url : null;
    },

    async closeCheckout(sessionId) {
      const session = await stripe.checkout.sessions.retrieve(sessionId);
      if (session.status === "complete") return "paid";
      if (session.status === "open") {
        const closed = await stripe.checkout.sessions.expire(sessionId);
        if (closed.status === "complete") return "paid";
      }
      return "closed";
    },

    async refund({ refundId, paymentIntentId, amountRupiah, orderId }) {
      const refund = await stripe.refunds.create(
        {
          payment_intent: paymentIntentId,
          amount: toStripeAmount(amountRupiah),
          metadata: { order_id: orderId, refund_id: refundId },
        },
        { idempotencyKey: `refund:${refundId}` },
      );
      const status =
        refund.status === "succeeded"
          ? "succeeded"
          : refund.status === "failed"
            ? "failed"
            : "pending";
      return { stripeRefundId: refund.id, status };
    },

    verifyWebhook(rawBody, signature) {
      assertNotSignedInTheFuture(signature);
      return stripe.webhooks.constructEventAsync(
        rawBody,
        signature,
        config.webhookSecret,
        WEBHOOK_TOLERANCE_SECONDS,
      );
    },
  };
}

/** How far a delivery's signature time may be from ours, either way: Stripe's own default. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/**
 * The SDK refuses a delivery signed more than the tolerance ago but not one "signed" later than
 * now: a signature made with a clock (or a leaked secret) set ahead would be replayable until that
 * time came. Reads `t=` as the SDK does (the last one counts).
 */
export function assertNotSignedInTheFuture(signature: string, now: number = Date.now()): void {
  let signedAt = Number.NaN;
  for (const item of signature.split(",")) {
    const [key, value] = item.split("=");
    if (key === "t") signedAt = Number.parseInt(value ?? "", 10);
  }
  if (Number.isFinite(signedAt) && signedAt - Math.floor(now / 1000) > WEBHOOK_TOLERANCE_SECONDS) {
    throw new Error("Timestamp outside the tolerance zone (signed in the future)");
  }
}

/** The buyer-facing reason a Stripe call failed is always the same: try again shortly. */
export function isStripeError(error: unknown): error is Stripe.errors.StripeError {
  return error instanceof Stripe.errors.StripeError;
}
