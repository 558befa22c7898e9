// The fake Stripe server, driven by the real `stripe` SDK: if these pass, the app's Stripe code
// meets the same encoding, idempotency, errors, retries and webhook signatures as in production.
import { spawn } from "node:child_process";
import http from "node:http";
import { type AddressInfo } from "node:net";
import { createInterface } from "node:readline";
import Stripe from "stripe";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  type FakeStripe,
  parseStripeForm,
  signEvent,
  signWebhook,
  startFakeStripe,
} from "../../scripts/fake-stripe";

const WEBHOOK_SECRET = "whsec_test_fake_stripe";
const RUPIAH = 100; // IDR is a two-decimal currency in Stripe

let fake: FakeStripe;
let stripe: Stripe;

beforeAll(async () => {
  fake = await startFakeStripe();
  stripe = new Stripe("sk_test_karya_sungging", {
    ...fake.sdkConfig(),
    maxNetworkRetries: 2,
    timeout: 5_000,
  });
});

afterEach(() => fake.reset());
afterAll(() => fake.close());

const inOneHour = () => Math.floor(Date.now() / 1000) + 3600;

function checkoutParams(
  overrides: Partial<Stripe.Checkout.SessionCreateParams> = {},
): Stripe.Checkout.SessionCreateParams {
  return {
    mode: "payment",
    currency: "idr",
    line_items: [
      {
        price_data: {
          currency: "idr",
          unit_amount: 150_000 * RUPIAH,
          product_data: { name: "Gong kuningan kecil" },
        },
        quantity: 2,
      },
      {
        price_data: {
          currency: "idr",
          unit_amount: 75_000 * RUPIAH,
          product_data: { name: "Tepak sirih tembaga" },
        },
        quantity: 1,
      },
    ],
    metadata: { order_id: "ord_123" },
    client_reference_id: "ord_123",
    customer_email: "sari@example.com",
    success_url: "http://localhost:3000/orders/ord_123/paid?session_id={CHECKOUT_SESSION_ID}",
    cancel_url: "http://localhost:3000/orders/ord_123",
    expires_at: inOneHour(),
    payment_intent_data: { metadata: { order_id: "ord_123" } },
    locale: "id",
    ...overrides,
  };
}

async function paidSession() {
  const session = await stripe.checkout.sessions.create(checkoutParams());
  fake.completeSession(session.id);
  return stripe.checkout.sessions.retrieve(session.id);
}

async function stripeError(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Stripe.errors.StripeError);
  return error as Stripe.errors.StripeError;
}

describe("form parsing", () => {
  it("turns the SDK's bracket keys into nested objects and indexed keys into arrays", () => {
    expect(
      parseStripeForm(
        "line_items[0][price_data][unit_amount]=500&line_items[0][quantity]=2&line_items[1][quantity]=1" +
          "&metadata[order_id]=o%261&metadata[0]=zero&expand[0]=payment_intent&note=a%20b+c",
      ),
    ).toEqual({
      line_items: [{ price_data: { unit_amount: "500" }, quantity: "2" }, { quantity: "1" }],
      metadata: { order_id: "o&1", "0": "zero" },
      expand: ["payment_intent"],
      note: "a b c",
    });
  });
});

describe("Checkout Sessions", () => {
  it("creates an open session whose total is the rupiah amounts × 100", async () => {
    const session = await stripe.checkout.sessions.create(checkoutParams());

    expect(session.id).toMatch(/^cs_test_\w{58}$/);
    expect(session).toMatchObject({
      object: "checkout.session",
      status: "open",
      payment_status: "unpaid",
      amount_total: 375_000 * RUPIAH,
      amount_subtotal: 375_000 * RUPIAH,
      currency: "idr",
      payment_intent: null,
      livemode: false,
      metadata: { order_id: "ord_123" },
      client_reference_id: "ord_123",
      customer_email: "sari@example.com",
      url: `${fake.url}/pay/${session.id}`,
    });
    expect(await stripe.checkout.sessions.retrieve(session.id)).toEqual(session);
    const items = await stripe.checkout.sessions.listLineItems(session.id);
    expect(items.data.map((item) => [item.description, item.quantity, item.amount_total])).toEqual([
      ["Gong kuningan kecil", 2, 300_000 * RUPIAH],
      ["Tepak sirih tembaga", 1, 75_000 * RUPIAH],
    ]);
  });

  it("refuses what Stripe refuses, naming the parameter", async () => {
    const missingUrl = await stripeError(
      stripe.checkout.sessions.create(checkoutParams({ success_url: undefined })),
    );
    expect(missingUrl).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(missingUrl.param).toBe("success_url");

    const noAmount = await stripeError(
      stripe.checkout.sessions.create(
        checkoutParams({
          line_items: [
            { price_data: { currency: "idr", product_data: { name: "Keris" } }, quantity: 1 },
          ],
        }),
      ),
    );
    expect(noAmount.param).toBe("line_items[0][price_data][unit_amount]");

    const now = Math.floor(Date.now() / 1000);
    const tooSoon = await stripeError(
      stripe.checkout.sessions.create(checkoutParams({ expires_at: now + 10 * 60 })),
    );
    expect(tooSoon.param).toBe("expires_at");
    const tooLate = await stripeError(
      stripe.checkout.sessions.create(checkoutParams({ expires_at: now + 25 * 3600 })),
    );
    expect(tooLate.message).toContain("less than 24 hours");

    const unknown = await stripeError(
      stripe.checkout.sessions.create({
        ...checkoutParams(),
        shipping_adress: "typo",
      } as Stripe.Checkout.SessionCreateParams),
    );
    expect(unknown.param).toBe("shipping_adress");
    expect(fake.sessions()).toHaveLength(0);
  });

  it("asks for a secret test key", async () => {
    const anonymous = new Stripe("pk_test_public", { ...fake.sdkConfig(), maxNetworkRetries: 0 });
    const error = await stripeError(anonymous.checkout.sessions.create(checkoutParams()));
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(error.statusCode).toBe(401);
  });

  it("expires an open session once, as Stripe does", async () => {
    const session = await stripe.checkout.sessions.create(checkoutParams());
    const expired = await stripe.checkout.sessions.expire(session.id);
    expect(expired).toMatchObject({ status: "expired", url: null });

    const again = await stripeError(stripe.checkout.sessions.expire(session.id));
    expect(again).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(fake.expireSession(session.id)).toMatchObject({
      type: "checkout.session.expired",
      data: { object: { id: session.id, status: "expired" } },
    });

    const missing = await stripeError(stripe.checkout.sessions.retrieve("cs_test_nope"));
    expect(missing.statusCode).toBe(404);
    expect(missing.code).toBe("resource_missing");
  });

  it("answers unknown routes with Stripe's 404", async () => {
    const error = await stripeError(stripe.rawRequest("GET", "/v1/no_such_thing", {}));
    expect(error.statusCode).toBe(404);
    expect(error.message).toContain("Unrecognized request URL");
  });
});

describe("idempotency", () => {
  it("replays the first answer for the same key and body, and stores one session", async () => {
    const params = checkoutParams();
    const first = await stripe.checkout.sessions.create(params, {
      idempotencyKey: "order-ord_123",
    });
    const second = await stripe.checkout.sessions.create(params, {
      idempotencyKey: "order-ord_123",
    });

    expect(second.id).toBe(first.id);
    expect(second.lastResponse.headers["idempotent-replayed"]).toBe("true");
    expect(fake.sessions()).toHaveLength(1);
    expect(fake.stats()).toMatchObject({ requests: 2, replays: 1 });
  });

  it("refuses the same key with a different body", async () => {
    await stripe.checkout.sessions.create(checkoutParams(), { idempotencyKey: "order-ord_123" });
    const error = await stripeError(
      stripe.checkout.sessions.create(checkoutParams({ metadata: { order_id: "ord_999" } }), {
        idempotencyKey: "order-ord_123",
      }),
    );

    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(error.type).toBe("StripeIdempotencyError");
    expect(error.rawType).toBe("idempotency_error");
    expect(fake.sessions()).toHaveLength(1);
    expect(fake.stats().idempotencyConflicts).toBe(1);
  });

  it("keys every POST from the SDK even without an explicit key", async () => {
    await stripe.checkout.sessions.create(checkoutParams());
    expect(fake.requestLog()[0]?.idempotencyKey).toMatch(/^stripe-node-retry-/);
  });
});

describe("paying on the hosted page", () => {
  it("shows the amount, then completes the session and redirects to success_url", async () => {
    const session = await stripe.checkout.sessions.create(checkoutParams());
    const page = await fetch(session.url ?? "");
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain("Fake Stripe Checkout");
    expect(html).toMatch(/Rp\s375\.000/);
    expect(html).toContain(`action="/pay/${session.id}"`);
    expect(html).toContain('href="http://localhost:3000/orders/ord_123">Cancel</a>');

    const paid = await fetch(`${fake.url}/pay/${session.id}`, {
      method: "POST",
      body: new URLSearchParams({ card: "success" }),
      redirect: "manual",
    });
    expect(paid.status).toBe(303);
    expect(paid.headers.get("location")).toBe(
      `http://localhost:3000/orders/ord_123/paid?session_id=${session.id}`,
    );

    const after = await stripe.checkout.sessions.retrieve(session.id, {
      expand: ["payment_intent.latest_charge"],
    });
    expect(after).toMatchObject({ status: "complete", payment_status: "paid", url: null });
    const intent = after.payment_intent as Stripe.PaymentIntent;
    expect(intent).toMatchObject({
      status: "succeeded",
      amount: 375_000 * RUPIAH,
      metadata: { order_id: "ord_123" },
    });
    expect(intent.id).toMatch(/^pi_/);
    expect((intent.latest_charge as Stripe.Charge).id).toMatch(/^ch_/);

    const closed = await fetch(`${fake.url}/pay/${session.id}`);
    expect(closed.status).toBe(410);
  });

  it("declines the test card 4000…0002 and keeps the session open", async () => {
    const session = await stripe.checkout.sessions.create(checkoutParams());
    const declined = await fetch(`${fake.url}/pay/${session.id}`, {
      method: "POST",
      body: new URLSearchParams({ card: "decline" }),
      redirect: "manual",
    });
    expect(declined.status).toBe(200);
    expect(await declined.text()).toContain("Your card was declined");
    expect(fake.session(session.id)).toMatchObject({ status: "open", payment_status: "unpaid" });
    expect(fake.events().map((event) => event.type)).toEqual(["payment_intent.payment_failed"]);
  });
});

describe("webhook events", () => {
  it("builds a checkout.session.completed event that the SDK verifies, and refuses a tampered one", async () => {
    const session = await stripe.checkout.sessions.create(checkoutParams());
    const event = fake.completeSession(session.id);
    expect(event).toMatchObject({
      object: "event",
      type: "checkout.session.completed",
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: {
        object: { id: session.id, payment_status: "paid", metadata: { order_id: "ord_123" } },
      },
    });
    expect(event.id).toMatch(/^evt_/);
    expect(fake.completeSession(session.id).id).toBe(event.id); // a redelivery, not a new payment

    const payload = JSON.stringify(event);
    const header = signWebhook(payload, WEBHOOK_SECRET);
    const verified = stripe.webhooks.constructEvent(payload, header, WEBHOOK_SECRET);
    expect(verified.type).toBe("checkout.session.completed");

    const tampered = payload.replace(String(375_000 * RUPIAH), String(1 * RUPIAH));
    expect(() => stripe.webhooks.constructEvent(tampered, header, WEBHOOK_SECRET)).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
    const stale = signEvent(event, WEBHOOK_SECRET, Math.floor(Date.now() / 1000) - 600);
    expect(() =>
      stripe.webhooks.constructEvent(stale.payload, stale.signature, WEBHOOK_SECRET),
    ).toThrow(Stripe.errors.StripeSignatureVerificationError);
  });

  it("builds payment_intent.payment_failed with the order's metadata and the decline", async () => {
    const session = await stripe.checkout.sessions.create(checkoutParams());
    const event = fake.failPayment(session.id, "Kartu Anda ditolak.");
    expect(event).toMatchObject({
      type: "payment_intent.payment_failed",
      data: {
        object: {
          object: "payment_intent",
          status: "requires_payment_method",
          metadata: { order_id: "ord_123" },
          last_payment_error: { code: "card_declined", message: "Kartu Anda ditolak." },
        },
      },
    });
    // The buyer tries another card: the same PaymentIntent succeeds.
    const completed = fake.completeSession(session.id);
    expect(completed.data.object.payment_intent).toBe(event.data.object.id);
  });

  it("serves the same events over HTTP for tests in another process", async () => {
    const session = await stripe.checkout.sessions.create(checkoutParams());
    await stripe.checkout.sessions.create(checkoutParams({ metadata: { order_id: "ord_456" } }));

    const listed = await fetch(`${fake.url}/_fake/sessions?order_id=ord_123`);
    expect(((await listed.json()) as { id: string }[]).map((s) => s.id)).toEqual([session.id]);

    const response = await fetch(`${fake.url}/_fake/sessions/${session.id}/complete`, {
      method: "POST",
    });
    const event = (await response.json()) as { type: string; data: { object: { id: string } } };
    expect(event).toMatchObject({ type: "checkout.session.completed" });
    expect(event.data.object.id).toBe(session.id);

    const refused = await fetch(`${fake.url}/_fake/sessions/${session.id}/expire`, {
      method: "POST",
    });
    expect(refused.status).toBe(409);
  });

  it("delivers signed events to a configured webhook endpoint", async () => {
    const received: { body: string; signature: string }[] = [];
    const receiver = http.createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      request.on("end", () => {
        received.push({ body, signature: String(request.headers["stripe-signature"]) });
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const { port } = receiver.address() as AddressInfo;
    const delivering = await startFakeStripe({
      webhookUrl: `http://127.0.0.1:${port}/webhooks/stripe`,
      webhookSecret: WEBHOOK_SECRET,
    });
    try {
      const client = new Stripe("sk_test_karya_sungging", delivering.sdkConfig());
      const session = await client.checkout.sessions.create(checkoutParams());
      await fetch(`${delivering.url}/pay/${session.id}`, {
        method: "POST",
        body: new URLSearchParams({ card: "success" }),
        redirect: "manual",
      });
      await expect.poll(() => delivering.deliveries()[0]?.status).toBe(200);
      const [first] = received;
      const event = client.webhooks.constructEvent(
        first?.body ?? "",
        first?.signature ?? "",
        WEBHOOK_SECRET,
      );
      expect(event.type).toBe("checkout.session.completed");
    } finally {
      await delivering.close();
      await new Promise((resolve) => receiver.close(resolve));
    }
  });
});

describe("refunds", () => {
  it("refunds part, then the rest, and refuses to refund more than was paid", async () => {
    const session = await paidSession();
    const paymentIntent = session.payment_intent as string;

    const part = await stripe.refunds.create(
      {
        payment_intent: paymentIntent,
        amount: 75_000 * RUPIAH,
        reason: "requested_by_customer",
        metadata: { order_id: "ord_123" },
      },
      { idempotencyKey: "refund-ord_123-1" },
    );
    expect(part).toMatchObject({
      object: "refund",
      status: "succeeded",
      amount: 75_000 * RUPIAH,
      payment_intent: paymentIntent,
      metadata: { order_id: "ord_123" },
    });
    expect(part.id).toMatch(/^re_/);
    expect(await stripe.refunds.retrieve(part.id)).toEqual(part);

    const tooMuch = await stripeError(
      stripe.refunds.create({ payment_intent: paymentIntent, amount: 300_001 * RUPIAH }),
    );
    expect(tooMuch).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(tooMuch.param).toBe("amount");

    const rest = await stripe.refunds.create({ payment_intent: paymentIntent });
    expect(rest.amount).toBe(300_000 * RUPIAH);

    const event = fake.refundEvent(rest.id);
    expect(event).toMatchObject({
      type: "charge.refunded",
      data: {
        object: {
          object: "charge",
          amount: 375_000 * RUPIAH,
          amount_refunded: 375_000 * RUPIAH,
          refunded: true,
          payment_intent: paymentIntent,
          refunds: { object: "list", total_count: 2 },
        },
      },
    });
    expect(event.data.object.refunds.data.map((refund) => refund.id)).toEqual([rest.id, part.id]);
    expect(fake.refundEvent(part.id)).toMatchObject({
      data: { object: { amount_refunded: 75_000 * RUPIAH, refunded: false } },
      request: { idempotency_key: "refund-ord_123-1" },
    });

    const nothingLeft = await stripeError(stripe.refunds.create({ payment_intent: paymentIntent }));
    expect(nothingLeft.code).toBe("charge_already_refunded");
    expect(fake.refunds()).toHaveLength(2);
  });

  it("refuses a refund for an unknown or unpaid PaymentIntent", async () => {
    const unknown = await stripeError(stripe.refunds.create({ payment_intent: "pi_unknown" }));
    expect(unknown.param).toBe("payment_intent");

    const session = await stripe.checkout.sessions.create(checkoutParams());
    const failed = fake.failPayment(session.id);
    const unpaid = await stripeError(
      stripe.refunds.create({ payment_intent: failed.data.object.id }),
    );
    expect(unpaid.param).toBe("payment_intent");
  });
});

describe("outage", () => {
  it("fails every request with a 500 after the SDK's retries, until switched off", async () => {
    const switched = await fetch(`${fake.url}/_fake/outage`, {
      method: "POST",
      body: JSON.stringify({ on: true }),
    });
    expect(switched.status).toBe(200);

    const error = await stripeError(stripe.checkout.sessions.create(checkoutParams()));
    expect(error).toBeInstanceOf(Stripe.errors.StripeAPIError);
    // One request and two retries, all with the same Idempotency-Key.
    expect(fake.stats()).toMatchObject({ requests: 3, outageFailures: 3 });
    expect(new Set(fake.requestLog().map((entry) => entry.idempotencyKey)).size).toBe(1);

    fake.setOutage(false);
    const session = await stripe.checkout.sessions.create(checkoutParams());
    expect(session.status).toBe("open");
  });

  it("can drop connections instead, which the SDK reports as a connection error", async () => {
    fake.setOutage(true, "drop");
    const error = await stripeError(stripe.checkout.sessions.retrieve("cs_test_any"));
    expect(error).toBeInstanceOf(Stripe.errors.StripeConnectionError);
  });
});

describe("command line", () => {
  it("prints its URL, serves, and stops on SIGTERM", async () => {
    const child = spawn("node_modules/.bin/tsx", ["scripts/fake-stripe.ts", "--port", "0"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
      const { value: line } = await lines.next();
      const url = /^fake Stripe on (http:\/\/127\.0\.0\.1:\d+)$/.exec(String(line))?.[1];
      expect(url).toBeDefined();
      const stats = await fetch(`${url}/_fake/stats`);
      expect(await stats.json()).toMatchObject({ requests: 0 });
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    }
  });
});
