// The e2e server talks to a local fake Stripe (scripts/fake-stripe.ts) started next to it by
// playwright.config.ts. Tests play Stripe's part in the webhook: they ask the fake for the event a
// real payment would produce, sign it with the SDK's own helper and post it to the shop.
import type { APIRequestContext } from "@playwright/test";
import { signEvent, type FakeEvent } from "../../scripts/fake-stripe";

const appPort = Number(process.env.E2E_PORT ?? 3100);

export const FAKE_STRIPE_PORT = appPort + 1000;
export const FAKE_STRIPE_URL = `http://127.0.0.1:${FAKE_STRIPE_PORT}`;
export const STRIPE_WEBHOOK_SECRET = "whsec_e2e_karya_sungging_webhook";
export const STRIPE_SECRET_KEY = "sk_test_e2e_karya_sungging";

/** Asks the fake Stripe to complete, expire or fail a Checkout session; returns the event. */
export async function fakeStripeEvent(
  request: APIRequestContext,
  sessionId: string,
  action: "complete" | "expire" | "fail",
): Promise<FakeEvent> {
  const response = await request.post(`${FAKE_STRIPE_URL}/_fake/sessions/${sessionId}/${action}`, {
    data: {},
  });
  if (!response.ok()) throw new Error(`fake Stripe: ${response.status()} ${await response.text()}`);
  return (await response.json()) as FakeEvent;
}

/** The refunds the fake Stripe has made, newest last. */
export async function fakeStripeRefunds(
  request: APIRequestContext,
): Promise<{ id: string; amount: number; payment_intent: string }[]> {
  return (await (await request.get(`${FAKE_STRIPE_URL}/_fake/refunds`)).json()) as {
    id: string;
    amount: number;
    payment_intent: string;
  }[];
}

/** Posts an event to the shop's webhook the way Stripe does: raw JSON with its signature. */
export async function deliverWebhook(request: APIRequestContext, event: FakeEvent) {
  const { payload, signature } = signEvent(event, STRIPE_WEBHOOK_SECRET);
  return request.post("/webhooks/stripe", {
    data: payload,
    headers: { "Content-Type": "application/json", "Stripe-Signature": signature },
  });
}
