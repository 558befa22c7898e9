// A local stand-in for the Stripe API, for tests, e2e runs and drills. The real `stripe` SDK talks
// to it (`new Stripe(key, { host, port, protocol: "http" })`), so requests go through the SDK's
// own encoding, retries and idempotency keys. It models only what checkout needs: Checkout
// Sessions in payment mode, their PaymentIntents and charges, refunds, events and the hosted page.
//
//   tsx scripts/fake-stripe.ts --port 12111 [--host 127.0.0.1]
//                              [--webhook-url http://127.0.0.1:3000/webhooks/stripe --webhook-secret whsec_…]
//
// Control endpoints for tests in another process live under /_fake (see handleControl).
import { randomBytes } from "node:crypto";
import http from "node:http";
import { type AddressInfo } from "node:net";
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import Stripe from "stripe";

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

export type Metadata = Record<string, string>;

export interface FakeCheckoutSession {
  id: string;
  object: "checkout.session";
  amount_subtotal: number;
  amount_total: number;
  cancel_url: string | null;
  client_reference_id: string | null;
  created: number;
  currency: string;
  customer: null;
  customer_details: {
    email: string | null;
    name: null;
    phone: null;
    address: null;
    tax_exempt: "none";
    tax_ids: [];
  } | null;
  customer_email: string | null;
  expires_at: number;
  livemode: false;
  locale: string | null;
  metadata: Metadata;
  mode: "payment";
  payment_intent: string | null;
  payment_method_types: string[];
  payment_status: "unpaid" | "paid";
  status: "open" | "complete" | "expired";
  success_url: string;
  total_details: { amount_discount: number; amount_shipping: number; amount_tax: number };
  ui_mode: "hosted";
  url: string | null;
}

export interface FakeLineItem {
  id: string;
  object: "item";
  amount_discount: number;
  amount_subtotal: number;
  amount_tax: number;
  amount_total: number;
  currency: string;
  description: string;
  price: {
    id: string;
    object: "price";
    active: false;
    currency: string;
    product: string;
    type: "one_time";
    unit_amount: number;
  };
  quantity: number;
}

export interface FakePaymentError {
  type: "card_error";
  code: "card_declined";
  decline_code: "generic_decline";
  doc_url: string;
  message: string;
  payment_method: { id: string; object: "payment_method"; type: "card"; card: FakeCard };
}

interface FakeCard {
  brand: "visa";
  last4: string;
  exp_month: number;
  exp_year: number;
  country: "US";
}

export interface FakePaymentIntent {
  id: string;
  object: "payment_intent";
  amount: number;
  amount_capturable: 0;
  amount_received: number;
  canceled_at: number | null;
  cancellation_reason: "abandoned" | null;
  capture_method: "automatic_async";
  created: number;
  currency: string;
  customer: null;
  description: string | null;
  last_payment_error: FakePaymentError | null;
  latest_charge: string | null;
  livemode: false;
  metadata: Metadata;
  payment_method: string | null;
  payment_method_types: string[];
  receipt_email: string | null;
  status: "requires_payment_method" | "succeeded" | "canceled";
}

export interface FakeRefund {
  id: string;
  object: "refund";
  amount: number;
  balance_transaction: string;
  charge: string;
  created: number;
  currency: string;
  metadata: Metadata;
  payment_intent: string;
  reason: RefundReason | null;
  receipt_number: null;
  status: "succeeded";
}

type RefundReason = "duplicate" | "fraudulent" | "requested_by_customer";

export interface FakeCharge {
  id: string;
  object: "charge";
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  balance_transaction: string | null;
  captured: boolean;
  created: number;
  currency: string;
  failure_code: string | null;
  failure_message: string | null;
  livemode: false;
  metadata: Metadata;
  paid: boolean;
  payment_intent: string;
  payment_method: string;
  payment_method_details: { type: "card"; card: FakeCard };
  receipt_email: string | null;
  refunded: boolean;
  refunds: {
    object: "list";
    data: FakeRefund[];
    has_more: false;
    total_count: number;
    url: string;
  };
  status: "succeeded" | "failed";
}

export type FakeEventType =
  | "checkout.session.completed"
  | "checkout.session.expired"
  | "payment_intent.payment_failed"
  | "charge.refunded";

export interface FakeEvent<T = unknown> {
  id: string;
  object: "event";
  api_version: string;
  created: number;
  data: { object: T };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: FakeEventType;
}

export interface FakeStripeStats {
  /** Every request to /v1, including refused, replayed and outage-failed ones. */
  requests: number;
  /** Requests answered from the idempotency store. */
  replays: number;
  /** Requests refused because their Idempotency-Key was used with other parameters. */
  idempotencyConflicts: number;
  /** Requests failed on purpose while the outage switch was on. */
  outageFailures: number;
}

export interface FakeRequestLogEntry {
  method: string;
  path: string;
  status: number;
  idempotencyKey: string | null;
  replayed: boolean;
  stripeVersion: string | null;
}

export interface FakeWebhookDelivery {
  eventId: string;
  type: FakeEventType;
  /** HTTP status from the webhook endpoint, or null when it could not be reached. */
  status: number | null;
  error: string | null;
}

export type OutageKind = "error" | "drop";

export interface FakeStripeOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** When set (with webhookSecret), every event is also POSTed there, signed, as Stripe does. */
  webhookUrl?: string;
  webhookSecret?: string;
}

export interface FakeStripe {
  /** Base URL, e.g. http://127.0.0.1:12345 */
  url: string;
  host: string;
  port: number;
  close(): Promise<void>;
  /** Options for `new Stripe(key, …)` that point the real SDK at this fake. */
  sdkConfig(): { host: string; port: number; protocol: "http" };

  completeSession(sessionId: string, options?: { email?: string }): FakeEvent<FakeCheckoutSession>;
  expireSession(sessionId: string): FakeEvent<FakeCheckoutSession>;
  failPayment(sessionId: string, message?: string): FakeEvent<FakePaymentIntent>;
  refundEvent(refundId: string): FakeEvent<FakeCharge>;

  sessions(filter?: { orderId?: string }): FakeCheckoutSession[];
  session(sessionId: string): FakeCheckoutSession | undefined;
  lineItems(sessionId: string): FakeLineItem[];
  paymentIntent(paymentIntentId: string): FakePaymentIntent | undefined;
  charge(chargeId: string): FakeCharge | undefined;
  refunds(): FakeRefund[];
  events(): FakeEvent[];
  deliveries(): FakeWebhookDelivery[];
  stats(): FakeStripeStats;
  requestLog(): FakeRequestLogEntry[];

  /** While on, every /v1 request fails: "error" answers 500 api_error, "drop" cuts the socket. */
  setOutage(on: boolean, kind?: OutageKind): void;
  /** Forgets every object, event, key and counter; switches the outage off. */
  reset(): void;
}

// ---------------------------------------------------------------------------------------------
// Pure helpers: ids, form parsing, events, signatures
// ---------------------------------------------------------------------------------------------

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** A Stripe-looking id: `cs_test_a1B2…` (58 random chars) for sessions, 24 for the rest. */
export function stripeId(prefix: string, length = 24): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const byte of bytes) out += BASE62[byte % 62];
  return `${prefix}_${out}`;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

export type FormValue = string | FormValue[] | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Parses Stripe's form encoding (`line_items[0][price_data][unit_amount]=…`, `expand[0]=…`,
 * `metadata[order_id]=…`) into nested objects; containers whose keys are 0…n-1 become arrays,
 * except inside `metadata`, whose keys are free text. Values stay strings, as on the wire.
 */
export function parseStripeForm(encoded: string): FormObject {
  const root: FormObject = {};
  for (const [rawKey, value] of new URLSearchParams(encoded)) {
    const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(rawKey);
    if (!match) throw invalidRequest(`Invalid parameter name: ${rawKey}`, { param: rawKey });
    const segments = [
      match[1] as string,
      ...[...(match[2] ?? "").matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] as string),
    ];
    let container: FormObject = root;
    segments.forEach((segment, index) => {
      const key = segment === "" ? String(Object.keys(container).length) : segment; // `a[]=` appends
      if (FORBIDDEN_KEYS.has(key)) {
        throw invalidRequest(`Invalid parameter name: ${rawKey}`, { param: rawKey });
      }
      if (index === segments.length - 1) {
        container[key] = value;
        return;
      }
      const next = container[key];
      if (next === undefined || typeof next === "string" || Array.isArray(next)) {
        const fresh: FormObject = {};
        container[key] = fresh;
        container = fresh;
      } else {
        container = next;
      }
    });
  }
  return arraysFromIndexedObjects(root, false) as FormObject;
}

function arraysFromIndexedObjects(value: FormValue, insideMetadata: boolean): FormValue {
  if (typeof value === "string" || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const converted: FormObject = {};
  for (const key of keys) {
    converted[key] = insideMetadata
      ? (value[key] as FormValue)
      : arraysFromIndexedObjects(value[key] as FormValue, key === "metadata");
  }
  const indexed = keys.length > 0 && keys.every((key, i) => key === String(i));
  return indexed && !insideMetadata ? keys.map((key) => converted[key] as FormValue) : converted;
}

/** A Stripe Event envelope around an object snapshot. */
export function stripeEvent<T>(
  type: FakeEventType,
  object: T,
  request: { id: string | null; idempotency_key: string | null } = {
    id: null,
    idempotency_key: null,
  },
): FakeEvent<T> {
  return {
    id: stripeId("evt"),
    object: "event",
    api_version: Stripe.API_VERSION,
    created: nowSeconds(),
    data: { object: structuredClone(object) },
    livemode: false,
    pending_webhooks: 1,
    request,
    type,
  };
}

/** The `Stripe-Signature` header for a payload, computed by the SDK itself. */
export function signWebhook(payload: string, secret: string, timestamp?: number): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
}

/** The exact body and `Stripe-Signature` header Stripe would POST for an event. */
export function signEvent(
  event: FakeEvent,
  secret: string,
  timestamp?: number,
): { payload: string; signature: string } {
  const payload = JSON.stringify(event, null, 2);
  return { payload, signature: signWebhook(payload, secret, timestamp) };
}

// ---------------------------------------------------------------------------------------------
// Errors in Stripe's shape
// ---------------------------------------------------------------------------------------------

type StripeErrorType = "invalid_request_error" | "idempotency_error" | "api_error";

class StripeRequestError extends Error {
  constructor(
    readonly status: number,
    readonly type: StripeErrorType,
    message: string,
    readonly param?: string,
    readonly code?: string,
  ) {
    super(message);
  }

  toJSON() {
    return {
      error: {
        type: this.type,
        message: this.message,
        ...(this.code
          ? {
              code: this.code,
              doc_url: `https://stripe.com/docs/error-codes/${this.code.replace(/_/g, "-")}`,
            }
          : {}),
        ...(this.param ? { param: this.param } : {}),
      },
    };
  }
}

function invalidRequest(
  message: string,
  options: { param?: string; code?: string; status?: number } = {},
) {
  return new StripeRequestError(
    options.status ?? 400,
    "invalid_request_error",
    message,
    options.param,
    options.code,
  );
}

function noSuch(kind: string, id: string, param = "id") {
  return invalidRequest(`No such ${kind}: '${id}'`, {
    param,
    code: "resource_missing",
    status: 404,
  });
}

/** A control call that the object's state does not allow (e.g. completing an expired session). */
class FakeStateError extends Error {}

// ---------------------------------------------------------------------------------------------
// Reading request parameters, with Stripe's messages
// ---------------------------------------------------------------------------------------------

function refuseUnknown(params: FormObject, allowed: readonly string[], prefix = "") {
  for (const key of Object.keys(params)) {
    if (!allowed.includes(key)) {
      const name = prefix ? `${prefix}[${key}]` : key;
      throw invalidRequest(
        `Received unknown parameter: ${name} (the fake Stripe in scripts/fake-stripe.ts does not model it)`,
        { param: name, code: "parameter_unknown" },
      );
    }
  }
}

function optionalString(params: FormObject, key: string, param = key): string | undefined {
  const value = params[key];
  if (value === undefined || value === "") return undefined;
  if (typeof value !== "string") throw invalidRequest(`Invalid string: ${param}`, { param });
  return value;
}

function requiredString(params: FormObject, key: string, param = key): string {
  const value = optionalString(params, key, param);
  if (value === undefined) {
    throw invalidRequest(`Missing required param: ${param}.`, { param, code: "parameter_missing" });
  }
  return value;
}

function optionalInteger(params: FormObject, key: string, param = key): number | undefined {
  const value = optionalString(params, key, param);
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw invalidRequest(`Invalid integer: ${value}`, { param, code: "parameter_invalid_integer" });
  }
  return Number(value);
}

function optionalObject(params: FormObject, key: string, param = key): FormObject | undefined {
  const value = params[key];
  if (value === undefined || value === "") return undefined;
  if (typeof value === "string" || Array.isArray(value)) {
    throw invalidRequest(`Invalid object: ${param}`, { param });
  }
  return value;
}

function optionalArray(params: FormObject, key: string, param = key): FormValue[] | undefined {
  const value = params[key];
  if (value === undefined || value === "") return undefined;
  if (!Array.isArray(value)) throw invalidRequest(`Invalid array: ${param}`, { param });
  return value;
}

/** Stripe's limits: 50 keys, keys up to 40 characters, values up to 500. Empty values unset. */
function readMetadata(params: FormObject, key: string, param = key): Metadata {
  const raw = optionalObject(params, key, param) ?? {};
  const metadata: Metadata = {};
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value !== "string") {
      throw invalidRequest(`Invalid string: ${param}[${name}]`, { param: `${param}[${name}]` });
    }
    if (name.length > 40) {
      throw invalidRequest(
        `Metadata keys can have up to 40 characters; ${name} has ${name.length}.`,
        { param: `${param}[${name}]` },
      );
    }
    if (value.length > 500) {
      throw invalidRequest(
        `Metadata values can have up to 500 characters, but you passed in a value that is ${value.length} characters.`,
        { param: `${param}[${name}]` },
      );
    }
    if (value !== "") metadata[name] = value;
  }
  if (Object.keys(metadata).length > 50) {
    throw invalidRequest("You can have up to 50 metadata keys.", { param });
  }
  return metadata;
}

function readExpand(params: FormObject): string[] {
  return (optionalArray(params, "expand") ?? []).map((value, i) => {
    if (typeof value !== "string") {
      throw invalidRequest(`Invalid string: expand[${i}]`, { param: `expand[${i}]` });
    }
    return value;
  });
}

/** Stripe allows up to 8 digits for amounts, 12 for IDR. */
function maxAmount(currency: string) {
  return currency === "idr" ? 999_999_999_999 : 99_999_999;
}

function formatMinor(amount: number, currency: string) {
  return `${currency.toUpperCase()} ${(amount / 100).toFixed(2)}`;
}

// ---------------------------------------------------------------------------------------------
// The fake account: objects and what can happen to them
// ---------------------------------------------------------------------------------------------

interface SessionRecord {
  session: FakeCheckoutSession;
  lineItems: FakeLineItem[];
  paymentIntentData: {
    metadata: Metadata;
    description: string | null;
    receiptEmail: string | null;
  };
  completedEvent?: FakeEvent<FakeCheckoutSession>;
  expiredEvent?: FakeEvent<FakeCheckoutSession>;
}

interface RefundRecord {
  refund: FakeRefund;
  request: { id: string | null; idempotency_key: string | null };
  event?: FakeEvent<FakeCharge>;
}

interface RequestContext {
  requestId: string;
  idempotencyKey: string | null;
}

const SESSION_PARAMS = [
  "mode",
  "currency",
  "line_items",
  "metadata",
  "client_reference_id",
  "customer_email",
  "success_url",
  "cancel_url",
  "expires_at",
  "payment_intent_data",
  "payment_method_types",
  "locale",
  "submit_type",
  "ui_mode",
  "expand",
] as const;
const LINE_ITEM_PARAMS = ["price_data", "quantity"] as const;
const PRICE_DATA_PARAMS = ["currency", "unit_amount", "product_data", "tax_behavior"] as const;
const PRODUCT_DATA_PARAMS = ["name", "description", "images", "metadata"] as const;
const PAYMENT_INTENT_DATA_PARAMS = [
  "metadata",
  "description",
  "receipt_email",
  "statement_descriptor_suffix",
] as const;
const REFUND_PARAMS = [
  "payment_intent",
  "charge",
  "amount",
  "metadata",
  "reason",
  "expand",
] as const;
const REFUND_REASONS: readonly RefundReason[] = [
  "duplicate",
  "fraudulent",
  "requested_by_customer",
];

class FakeAccount {
  readonly sessionsById = new Map<string, SessionRecord>();
  readonly paymentIntents = new Map<string, FakePaymentIntent>();
  readonly charges = new Map<string, FakeCharge>();
  readonly refundsById = new Map<string, RefundRecord>();
  readonly eventLog: FakeEvent[] = [];

  constructor(
    private readonly baseUrl: () => string,
    private readonly onEvent: (event: FakeEvent) => void,
  ) {}

  private record(event: FakeEvent) {
    this.eventLog.push(event);
    this.onEvent(event);
  }

  // -- Checkout Sessions ------------------------------------------------------------------------

  createSession(params: FormObject): FakeCheckoutSession {
    refuseUnknown(params, SESSION_PARAMS);
    const mode = requiredString(params, "mode");
    if (mode !== "payment") {
      throw invalidRequest(`The fake Stripe only models mode=payment, not ${mode}.`, {
        param: "mode",
      });
    }
    const uiMode = optionalString(params, "ui_mode") ?? "hosted";
    if (uiMode !== "hosted") {
      throw invalidRequest(`The fake Stripe only models ui_mode=hosted.`, { param: "ui_mode" });
    }
    const successUrl = requiredString(params, "success_url");
    const cancelUrl = optionalString(params, "cancel_url") ?? null;
    for (const [param, url] of [
      ["success_url", successUrl],
      ["cancel_url", cancelUrl],
    ] as const) {
      if (url !== null && !/^https?:\/\/[^\s]+$/.test(url)) {
        throw invalidRequest(`Not a valid URL`, { param, code: "url_invalid" });
      }
    }

    const created = nowSeconds();
    const expiresAt = optionalInteger(params, "expires_at") ?? created + 24 * 3600;
    if (expiresAt < created + 30 * 60) {
      throw invalidRequest(
        "The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.",
        { param: "expires_at" },
      );
    }
    if (expiresAt > created + 24 * 3600) {
      throw invalidRequest(
        "The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.",
        { param: "expires_at" },
      );
    }

    const rawItems = optionalArray(params, "line_items");
    if (!rawItems || rawItems.length === 0) {
      throw invalidRequest("`line_items` is required in `payment` mode.", {
        param: "line_items",
        code: "parameter_missing",
      });
    }
    const topCurrency = optionalString(params, "currency")?.toLowerCase();
    const lineItems = rawItems.map((raw, index) => this.readLineItem(raw, index));
    const currency = topCurrency ?? (lineItems[0] as FakeLineItem).currency;
    lineItems.forEach((item, index) => {
      if (item.currency !== currency) {
        throw invalidRequest(
          `All line items must use the same currency as the Checkout Session (${currency}).`,
          {
            param: `line_items[${index}][price_data][currency]`,
          },
        );
      }
    });
    const amountTotal = lineItems.reduce((sum, item) => sum + item.amount_total, 0);
    if (amountTotal > maxAmount(currency)) {
      throw invalidRequest(
        `The Checkout Session's total amount due must be no more than ${formatMinor(maxAmount(currency), currency)}.`,
        {
          param: "line_items",
          code: "amount_too_large",
        },
      );
    }

    const pid = optionalObject(params, "payment_intent_data") ?? {};
    refuseUnknown(pid, PAYMENT_INTENT_DATA_PARAMS, "payment_intent_data");
    const customerEmail = optionalString(params, "customer_email") ?? null;
    const paymentMethodTypes = (optionalArray(params, "payment_method_types") ?? ["card"]).map(
      (value, i) => {
        if (typeof value !== "string") {
          throw invalidRequest("Invalid string", { param: `payment_method_types[${i}]` });
        }
        return value;
      },
    );

    const session: FakeCheckoutSession = {
      id: stripeId("cs_test", 58),
      object: "checkout.session",
      amount_subtotal: amountTotal,
      amount_total: amountTotal,
      cancel_url: cancelUrl,
      client_reference_id: optionalString(params, "client_reference_id") ?? null,
      created,
      currency,
      customer: null,
      customer_details: null,
      customer_email: customerEmail,
      expires_at: expiresAt,
      livemode: false,
      locale: optionalString(params, "locale") ?? null,
      metadata: readMetadata(params, "metadata"),
      mode: "payment",
      payment_intent: null,
      payment_method_types: paymentMethodTypes,
      payment_status: "unpaid",
      status: "open",
      success_url: successUrl,
      total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
      ui_mode: "hosted",
      url: null,
    };
    session.url = `${this.baseUrl()}/pay/${session.id}`;
    this.sessionsById.set(session.id, {
      session,
      lineItems,
      paymentIntentData: {
        metadata: readMetadata(pid, "metadata", "payment_intent_data[metadata]"),
        description: optionalString(pid, "description") ?? null,
        receiptEmail: optionalString(pid, "receipt_email") ?? customerEmail,
      },
    });
    return session;
  }

  private readLineItem(raw: FormValue, index: number): FakeLineItem {
    const at = `line_items[${index}]`;
    if (typeof raw === "string" || Array.isArray(raw)) {
      throw invalidRequest(`Invalid object: ${at}`, { param: at });
    }
    refuseUnknown(raw, LINE_ITEM_PARAMS, at);
    const priceData = optionalObject(raw, "price_data", `${at}[price_data]`);
    if (!priceData) {
      throw invalidRequest(`You must specify either \`price\` or \`price_data\` in ${at}.`, {
        param: `${at}[price_data]`,
        code: "parameter_missing",
      });
    }
    refuseUnknown(priceData, PRICE_DATA_PARAMS, `${at}[price_data]`);
    const currency = requiredString(
      priceData,
      "currency",
      `${at}[price_data][currency]`,
    ).toLowerCase();
    const unitAmount = optionalInteger(priceData, "unit_amount", `${at}[price_data][unit_amount]`);
    if (unitAmount === undefined) {
      throw invalidRequest(
        `You must specify either \`unit_amount\` or \`unit_amount_decimal\` in ${at}[price_data].`,
        {
          param: `${at}[price_data][unit_amount]`,
          code: "parameter_missing",
        },
      );
    }
    if (unitAmount < 0) {
      throw invalidRequest("This value must be greater than or equal to 0.", {
        param: `${at}[price_data][unit_amount]`,
      });
    }
    const productData = optionalObject(
      priceData,
      "product_data",
      `${at}[price_data][product_data]`,
    );
    if (!productData) {
      throw invalidRequest(
        `You must specify either \`product\` or \`product_data\` in ${at}[price_data].`,
        {
          param: `${at}[price_data][product_data]`,
          code: "parameter_missing",
        },
      );
    }
    refuseUnknown(productData, PRODUCT_DATA_PARAMS, `${at}[price_data][product_data]`);
    const name = requiredString(productData, "name", `${at}[price_data][product_data][name]`);
    const quantity = optionalInteger(raw, "quantity", `${at}[quantity]`);
    if (quantity === undefined) {
      throw invalidRequest(`Quantity is required. Add \`quantity\` to \`${at}\`.`, {
        param: `${at}[quantity]`,
        code: "parameter_missing",
      });
    }
    if (quantity < 1) {
      throw invalidRequest("This value must be greater than or equal to 1.", {
        param: `${at}[quantity]`,
      });
    }
    const amount = unitAmount * quantity;
    return {
      id: stripeId("li"),
      object: "item",
      amount_discount: 0,
      amount_subtotal: amount,
      amount_tax: 0,
      amount_total: amount,
      currency,
      description: name,
      price: {
        id: stripeId("price"),
        object: "price",
        active: false,
        currency,
        product: stripeId("prod", 14),
        type: "one_time",
        unit_amount: unitAmount,
      },
      quantity,
    };
  }

  /** The record, after noticing that its time ran out (Stripe expires sessions on its own). */
  sessionRecord(id: string): SessionRecord | undefined {
    const record = this.sessionsById.get(id);
    if (record && record.session.status === "open" && nowSeconds() >= record.session.expires_at) {
      this.markExpired(record);
    }
    return record;
  }

  requireSession(id: string, param = "session"): SessionRecord {
    const record = this.sessionRecord(id);
    if (!record) throw noSuch("checkout.session", id, param);
    return record;
  }

  sweepExpired() {
    for (const id of this.sessionsById.keys()) this.sessionRecord(id);
  }

  expireViaApi(id: string): FakeCheckoutSession {
    const record = this.requireSession(id);
    if (record.session.status !== "open") {
      throw invalidRequest(
        `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${record.session.status}".`,
        { param: "session" },
      );
    }
    this.markExpired(record);
    return record.session;
  }

  private markExpired(record: SessionRecord) {
    const { session } = record;
    session.status = "expired";
    session.url = null;
    const intent = session.payment_intent
      ? this.paymentIntents.get(session.payment_intent)
      : undefined;
    if (intent && intent.status === "requires_payment_method") {
      intent.status = "canceled";
      intent.canceled_at = nowSeconds();
      intent.cancellation_reason = "abandoned";
    }
    record.expiredEvent = stripeEvent("checkout.session.expired", session);
    this.record(record.expiredEvent);
  }

  /** The buyer pays. Calling it again for a paid session returns the same event (a redelivery). */
  complete(id: string, email?: string): FakeEvent<FakeCheckoutSession> {
    const record = this.sessionRecord(id);
    if (!record) throw new FakeStateError(`No such checkout.session: '${id}'`);
    if (record.completedEvent) return record.completedEvent;
    if (record.session.status !== "open") {
      throw new FakeStateError(
        `Checkout Session ${id} is ${record.session.status}; only an open session can be paid.`,
      );
    }
    const { session } = record;
    const intent = this.intentFor(record);
    const card = testCard("4242");
    const charge = this.newCharge(intent, card, "succeeded");
    intent.status = "succeeded";
    intent.amount_received = intent.amount;
    intent.last_payment_error = null;
    intent.latest_charge = charge.id;
    intent.payment_method = charge.payment_method;
    session.status = "complete";
    session.payment_status = "paid";
    session.url = null;
    session.customer_details = {
      email: session.customer_email ?? email ?? null,
      name: null,
      phone: null,
      address: null,
      tax_exempt: "none",
      tax_ids: [],
    };
    record.completedEvent = stripeEvent("checkout.session.completed", session);
    this.record(record.completedEvent);
    return record.completedEvent;
  }

  /** The buyer's card is declined; the session stays open so they can try again. */
  fail(id: string, message = "Your card was declined."): FakeEvent<FakePaymentIntent> {
    const record = this.sessionRecord(id);
    if (!record) throw new FakeStateError(`No such checkout.session: '${id}'`);
    if (record.session.status !== "open") {
      throw new FakeStateError(
        `Checkout Session ${id} is ${record.session.status}; only an open session can take a payment attempt.`,
      );
    }
    const intent = this.intentFor(record);
    const card = testCard("0002");
    const charge = this.newCharge(intent, card, "failed", message);
    intent.status = "requires_payment_method";
    intent.latest_charge = charge.id;
    intent.payment_method = null;
    intent.last_payment_error = {
      type: "card_error",
      code: "card_declined",
      decline_code: "generic_decline",
      doc_url: "https://stripe.com/docs/error-codes/card-declined",
      message,
      payment_method: { id: charge.payment_method, object: "payment_method", type: "card", card },
    };
    const event = stripeEvent("payment_intent.payment_failed", intent);
    this.record(event);
    return event;
  }

  /** Checkout creates the PaymentIntent when the buyer first submits the page. */
  private intentFor(record: SessionRecord): FakePaymentIntent {
    const { session, paymentIntentData } = record;
    const existing = session.payment_intent
      ? this.paymentIntents.get(session.payment_intent)
      : undefined;
    if (existing) return existing;
    const intent: FakePaymentIntent = {
      id: stripeId("pi"),
      object: "payment_intent",
      amount: session.amount_total,
      amount_capturable: 0,
      amount_received: 0,
      canceled_at: null,
      cancellation_reason: null,
      capture_method: "automatic_async",
      created: nowSeconds(),
      currency: session.currency,
      customer: null,
      description: paymentIntentData.description,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata: { ...paymentIntentData.metadata },
      payment_method: null,
      payment_method_types: [...session.payment_method_types],
      receipt_email: paymentIntentData.receiptEmail,
      status: "requires_payment_method",
    };
    this.paymentIntents.set(intent.id, intent);
    session.payment_intent = intent.id;
    return intent;
  }

  private newCharge(
    intent: FakePaymentIntent,
    card: FakeCard,
    status: "succeeded" | "failed",
    failure?: string,
  ): FakeCharge {
    const id = stripeId("ch");
    const paid = status === "succeeded";
    const charge: FakeCharge = {
      id,
      object: "charge",
      amount: intent.amount,
      amount_captured: paid ? intent.amount : 0,
      amount_refunded: 0,
      balance_transaction: paid ? stripeId("txn") : null,
      captured: paid,
      created: nowSeconds(),
      currency: intent.currency,
      failure_code: paid ? null : "card_declined",
      failure_message: paid ? null : (failure ?? null),
      livemode: false,
      metadata: { ...intent.metadata },
      paid,
      payment_intent: intent.id,
      payment_method: stripeId("pm"),
      payment_method_details: { type: "card", card },
      receipt_email: intent.receipt_email,
      refunded: false,
      refunds: {
        object: "list",
        data: [],
        has_more: false,
        total_count: 0,
        url: `/v1/charges/${id}/refunds`,
      },
      status,
    };
    this.charges.set(id, charge);
    return charge;
  }

  expire(id: string): FakeEvent<FakeCheckoutSession> {
    const record = this.sessionRecord(id);
    if (!record) throw new FakeStateError(`No such checkout.session: '${id}'`);
    if (record.session.status === "open") this.markExpired(record);
    if (!record.expiredEvent) {
      throw new FakeStateError(
        `Checkout Session ${id} is ${record.session.status}; a paid session cannot expire.`,
      );
    }
    return record.expiredEvent;
  }

  // -- Refunds ----------------------------------------------------------------------------------

  createRefund(params: FormObject, context: RequestContext): FakeRefund {
    refuseUnknown(params, REFUND_PARAMS);
    const charge = this.refundableCharge(params);
    const remaining = charge.amount - charge.amount_refunded;
    if (remaining === 0) {
      throw invalidRequest(`Charge ${charge.id} has already been refunded.`, {
        code: "charge_already_refunded",
      });
    }
    const amount = optionalInteger(params, "amount") ?? remaining;
    if (amount < 1) {
      throw invalidRequest("This value must be greater than or equal to 1.", { param: "amount" });
    }
    if (amount > remaining) {
      throw invalidRequest(
        `Refund amount (${formatMinor(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatMinor(remaining, charge.currency)})`,
        { param: "amount", code: "amount_too_large" },
      );
    }
    const reason = optionalString(params, "reason");
    if (reason !== undefined && !REFUND_REASONS.includes(reason as RefundReason)) {
      throw invalidRequest(
        "Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer",
        { param: "reason" },
      );
    }
    const refund: FakeRefund = {
      id: stripeId("re"),
      object: "refund",
      amount,
      balance_transaction: stripeId("txn"),
      charge: charge.id,
      created: nowSeconds(),
      currency: charge.currency,
      metadata: readMetadata(params, "metadata"),
      payment_intent: charge.payment_intent,
      reason: (reason as RefundReason | undefined) ?? null,
      receipt_number: null,
      status: "succeeded",
    };
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    charge.refunds.data.unshift(refund); // Stripe lists newest first
    charge.refunds.total_count += 1;
    const record: RefundRecord = {
      refund,
      request: { id: context.requestId, idempotency_key: context.idempotencyKey },
    };
    this.refundsById.set(refund.id, record);
    record.event = stripeEvent("charge.refunded", charge, record.request);
    this.record(record.event);
    return refund;
  }

  private refundableCharge(params: FormObject): FakeCharge {
    const intentId = optionalString(params, "payment_intent");
    const chargeId = optionalString(params, "charge");
    if (!intentId && !chargeId) {
      throw invalidRequest(
        "One of the following params should be provided for this request: payment_intent or charge.",
        {
          code: "parameter_missing",
        },
      );
    }
    if (chargeId) {
      const charge = this.charges.get(chargeId);
      if (!charge) throw noSuch("charge", chargeId, "charge");
      if (charge.status !== "succeeded") {
        throw invalidRequest(`Charge ${chargeId} did not succeed and cannot be refunded.`, {
          param: "charge",
        });
      }
      return charge;
    }
    const intent = this.paymentIntents.get(intentId as string);
    if (!intent) throw noSuch("payment_intent", intentId as string, "payment_intent");
    const charge = intent.latest_charge ? this.charges.get(intent.latest_charge) : undefined;
    if (intent.status !== "succeeded" || !charge) {
      throw invalidRequest(
        `This PaymentIntent (${intent.id}) does not have a successful charge to refund.`,
        { param: "payment_intent" },
      );
    }
    return charge;
  }

  refundEvent(refundId: string): FakeEvent<FakeCharge> {
    const record = this.refundsById.get(refundId);
    if (!record?.event) throw new FakeStateError(`No such refund: '${refundId}'`);
    return record.event;
  }

  // -- Expansion --------------------------------------------------------------------------------

  /** Replaces ids on the given dotted paths by the objects (Stripe's `expand[]`). */
  expand<T extends object>(object: T, paths: string[]): T {
    const copy = structuredClone(object) as Record<string, unknown>;
    for (const path of paths) {
      let target: Record<string, unknown> = copy;
      const segments = path.split(".");
      segments.forEach((segment, index) => {
        const value = target[segment];
        const expanded =
          segment === "line_items" && target.object === "checkout.session"
            ? this.lineItemList(target.id as string)
            : typeof value === "string"
              ? this.lookup(value)
              : value;
        if (expanded === undefined || (expanded !== null && typeof expanded !== "object")) {
          throw invalidRequest(
            `This property cannot be expanded (${segments.slice(0, index + 1).join(".")}).`,
            { param: "expand" },
          );
        }
        target[segment] = expanded;
        if (expanded === null) return;
        target = expanded as Record<string, unknown>;
      });
    }
    return copy as T;
  }

  private lookup(id: string): object | undefined {
    if (id.startsWith("pi_")) return structuredClone(this.paymentIntents.get(id));
    if (id.startsWith("ch_")) return structuredClone(this.charges.get(id));
    if (id.startsWith("re_")) return structuredClone(this.refundsById.get(id)?.refund);
    if (id.startsWith("cs_")) return structuredClone(this.sessionsById.get(id)?.session);
    return undefined;
  }

  lineItemList(sessionId: string) {
    const record = this.requireSession(sessionId);
    return {
      object: "list" as const,
      data: structuredClone(record.lineItems),
      has_more: false,
      url: `/v1/checkout/sessions/${sessionId}/line_items`,
    };
  }
}

function testCard(last4: string): FakeCard {
  return {
    brand: "visa",
    last4,
    exp_month: 12,
    exp_year: new Date().getFullYear() + 3,
    country: "US",
  };
}

// ---------------------------------------------------------------------------------------------
// HTTP plumbing
// ---------------------------------------------------------------------------------------------

interface ApiResult {
  status: number;
  body: unknown;
}

interface StoredIdempotentResult extends ApiResult {
  method: string;
  path: string;
  fingerprint: string;
  requestId: string;
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function sendJson(
  response: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = JSON.stringify(body, null, 2);
  response.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

function sendHtml(response: http.ServerResponse, status: number, html: string) {
  response.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(html),
    "Cache-Control": "no-store",
  });
  response.end(html);
}

/** Same parameters in any key order give the same fingerprint. */
function fingerprint(value: FormValue): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(fingerprint).join(",")}]`;
  return `{${Object.keys(value)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${fingerprint(value[key] as FormValue)}`)
    .join(",")}}`;
}

function header(request: http.IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return typeof value === "string" ? value : null;
}

// ---------------------------------------------------------------------------------------------
// The hosted checkout page
// ---------------------------------------------------------------------------------------------

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** IDR is two-decimal in Stripe: 20000000 is Rp 200.000. */
export function formatAmount(amount: number, currency: string): string {
  return new Intl.NumberFormat(currency === "idr" ? "id-ID" : "en-US", {
    style: "currency",
    currency: currency.toUpperCase(),
    minimumFractionDigits: currency === "idr" ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(amount / 100);
}

function pageShell(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; background: #f6f9fc; color: #1a1f36; }
  main { max-width: 32rem; margin: 2rem auto; padding: 1.5rem; background: #fff; border-radius: 8px; }
  table { width: 100%; border-collapse: collapse; margin: 1rem 0; }
  th, td { text-align: left; padding: .5rem 0; border-bottom: 1px solid #e3e8ee; }
  td.amount, th.amount { text-align: right; }
  label { display: block; margin-top: 1rem; font-weight: 600; }
  input, select { display: block; width: 100%; min-height: 44px; margin-top: .25rem; font: inherit; box-sizing: border-box; }
  button { min-height: 44px; min-width: 44px; width: 100%; margin-top: 1.5rem; font: inherit; font-weight: 600; background: #635bff; color: #fff; border: 0; border-radius: 6px; }
  a { display: inline-block; min-height: 44px; line-height: 44px; color: #3c32d6; }
  .badge { display: inline-block; padding: 0 .5rem; background: #ffde92; color: #5c3b00; border-radius: 4px; font-size: .875rem; }
  [role="alert"] { background: #fde8e8; color: #7a1010; padding: .75rem; border-radius: 6px; }
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

function checkoutPage(record: SessionRecord, problem?: string): string {
  const { session, lineItems } = record;
  const rows = lineItems
    .map(
      (item) =>
        `<tr><td>${escapeHtml(item.description)}</td><td>${item.quantity}</td><td class="amount">${escapeHtml(formatAmount(item.amount_total, item.currency))}</td></tr>`,
    )
    .join("\n");
  const total = formatAmount(session.amount_total, session.currency);
  const email = session.customer_email
    ? `<p>Receipt to <strong>${escapeHtml(session.customer_email)}</strong></p>`
    : `<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="email" required>`;
  const cancel = session.cancel_url
    ? `<p><a href="${escapeHtml(session.cancel_url)}">Cancel</a></p>`
    : "";
  return pageShell(
    "Fake Stripe Checkout",
    `<h1>Fake Stripe Checkout</h1>
<p><span class="badge">Test mode</span></p>
${problem ? `<p role="alert">${escapeHtml(problem)}</p>` : ""}
<table>
<caption>Order summary</caption>
<thead><tr><th scope="col">Item</th><th scope="col">Qty</th><th scope="col" class="amount">Amount</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><th scope="row" colspan="2">Total due</th><td class="amount"><strong>${escapeHtml(total)}</strong></td></tr></tfoot>
</table>
<form method="post" action="/pay/${escapeHtml(session.id)}">
${email}
<label for="card">Test card</label>
<select id="card" name="card">
<option value="success">4242 4242 4242 4242 (payment succeeds)</option>
<option value="decline">4000 0000 0000 0002 (card declined)</option>
</select>
<button type="submit">Pay ${escapeHtml(total)}</button>
</form>
${cancel}`,
  );
}

function closedPage(record: SessionRecord): string {
  const { session } = record;
  const back =
    session.status === "complete"
      ? session.success_url.replaceAll("{CHECKOUT_SESSION_ID}", session.id)
      : session.cancel_url;
  const message =
    session.status === "complete"
      ? "This checkout session has already been paid."
      : "This checkout session has expired.";
  return pageShell(
    "Fake Stripe Checkout",
    `<h1>Fake Stripe Checkout</h1>
<p>${escapeHtml(message)}</p>
${back ? `<p><a href="${escapeHtml(back)}">Return to the shop</a></p>` : ""}`,
  );
}

// ---------------------------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------------------------

export async function startFakeStripe(options: FakeStripeOptions = {}): Promise<FakeStripe> {
  const host = options.host ?? "127.0.0.1";
  let baseUrl = "";
  let stats: FakeStripeStats = {
    requests: 0,
    replays: 0,
    idempotencyConflicts: 0,
    outageFailures: 0,
  };
  let log: FakeRequestLogEntry[] = [];
  let idempotency = new Map<string, StoredIdempotentResult>();
  let outage: OutageKind | null = null;
  let deliveries: FakeWebhookDelivery[] = [];
  const pendingDeliveries = new Set<Promise<void>>();

  function deliver(event: FakeEvent) {
    const { webhookUrl, webhookSecret } = options;
    if (!webhookUrl || !webhookSecret) return;
    const { payload, signature } = signEvent(event, webhookSecret);
    const delivery: FakeWebhookDelivery = {
      eventId: event.id,
      type: event.type,
      status: null,
      error: null,
    };
    deliveries.push(delivery);
    const sending = fetch(webhookUrl, {
      method: "POST",
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Stripe-Signature": signature,
        "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
      },
      body: payload,
    })
      .then(async (response) => {
        delivery.status = response.status;
        await response.arrayBuffer();
      })
      .catch((error: unknown) => {
        delivery.error = error instanceof Error ? error.message : String(error);
      })
      .finally(() => pendingDeliveries.delete(sending));
    pendingDeliveries.add(sending);
  }

  let account = new FakeAccount(() => baseUrl, deliver);

  // -- /v1 --------------------------------------------------------------------------------------

  function route(
    method: string,
    path: string,
    params: FormObject,
    context: RequestContext,
  ): ApiResult {
    const ok = (body: unknown) => ({ status: 200, body });
    let match: RegExpExecArray | null;
    if (method === "POST" && path === "/v1/checkout/sessions") {
      const session = account.createSession(params);
      return ok(account.expand(session, readExpand(params)));
    }
    if (method === "GET" && path === "/v1/checkout/sessions") {
      const intent = optionalString(params, "payment_intent");
      const limit = optionalInteger(params, "limit") ?? 10;
      const data = [...account.sessionsById.keys()]
        .map((id) => account.requireSession(id).session)
        .filter((session) => !intent || session.payment_intent === intent)
        .reverse()
        .slice(0, limit);
      return ok({
        object: "list",
        data: structuredClone(data),
        has_more: false,
        url: "/v1/checkout/sessions",
      });
    }
    if ((match = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path)) && method === "GET") {
      return ok(
        account.expand(account.requireSession(match[1] as string).session, readExpand(params)),
      );
    }
    if (
      (match = /^\/v1\/checkout\/sessions\/([^/]+)\/line_items$/.exec(path)) &&
      method === "GET"
    ) {
      return ok(account.lineItemList(match[1] as string));
    }
    if ((match = /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/.exec(path)) && method === "POST") {
      return ok(account.expand(account.expireViaApi(match[1] as string), readExpand(params)));
    }
    if ((match = /^\/v1\/payment_intents\/([^/]+)$/.exec(path)) && method === "GET") {
      const intent = account.paymentIntents.get(match[1] as string);
      if (!intent) throw noSuch("payment_intent", match[1] as string, "intent");
      return ok(account.expand(intent, readExpand(params)));
    }
    if ((match = /^\/v1\/charges\/([^/]+)$/.exec(path)) && method === "GET") {
      const charge = account.charges.get(match[1] as string);
      if (!charge) throw noSuch("charge", match[1] as string, "charge");
      return ok(account.expand(charge, readExpand(params)));
    }
    if (method === "POST" && path === "/v1/refunds") {
      return ok(account.expand(account.createRefund(params, context), readExpand(params)));
    }
    if ((match = /^\/v1\/refunds\/([^/]+)$/.exec(path)) && method === "GET") {
      const record = account.refundsById.get(match[1] as string);
      if (!record) throw noSuch("refund", match[1] as string, "refund");
      return ok(account.expand(record.refund, readExpand(params)));
    }
    throw invalidRequest(
      `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
      { status: 404 },
    );
  }

  async function handleApi(request: http.IncomingMessage, response: http.ServerResponse, url: URL) {
    const method = request.method ?? "GET";
    const path = url.pathname;
    const requestId = stripeId("req", 14);
    const stripeVersion = header(request, "stripe-version");
    const idempotencyKey = method === "POST" ? header(request, "idempotency-key") : null; // Stripe ignores keys on GET
    stats.requests += 1;
    const body = await readBody(request);

    const answer = (result: ApiResult, replayed = false, extra: Record<string, string> = {}) => {
      log.push({ method, path, status: result.status, idempotencyKey, replayed, stripeVersion });
      sendJson(response, result.status, result.body, {
        "Request-Id": requestId,
        "Stripe-Version": stripeVersion ?? Stripe.API_VERSION,
        ...(idempotencyKey ? { "Idempotency-Key": idempotencyKey } : {}),
        ...extra,
      });
    };
    const fail = (error: StripeRequestError) =>
      answer({ status: error.status, body: error.toJSON() });

    if (outage) {
      stats.outageFailures += 1;
      if (outage === "drop") {
        log.push({ method, path, status: 0, idempotencyKey, replayed: false, stripeVersion });
        request.socket.destroy();
        return;
      }
      return fail(
        new StripeRequestError(
          500,
          "api_error",
          "An unknown error occurred (the fake Stripe outage switch is on).",
        ),
      );
    }

    const authorization = header(request, "authorization") ?? "";
    const apiKey = /^Bearer (\S+)$/.exec(authorization)?.[1];
    if (!apiKey) {
      return fail(
        new StripeRequestError(
          401,
          "invalid_request_error",
          "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
        ),
      );
    }
    if (!/^sk_test_\w+$/.test(apiKey)) {
      return fail(
        new StripeRequestError(
          401,
          "invalid_request_error",
          `Invalid API Key provided: ${apiKey.slice(0, 8)}****${apiKey.slice(-4)}`,
        ),
      );
    }

    let params: FormObject;
    try {
      params = parseStripeForm(method === "GET" ? url.search.slice(1) : body);
    } catch (error) {
      if (error instanceof StripeRequestError) return fail(error);
      throw error;
    }

    const storeKey = idempotencyKey ? `${apiKey}\n${idempotencyKey}` : null;
    const print = fingerprint(params);
    const stored = storeKey ? idempotency.get(storeKey) : undefined;
    if (stored) {
      if (stored.method !== method || stored.path !== path) {
        stats.idempotencyConflicts += 1;
        return fail(
          new StripeRequestError(
            400,
            "idempotency_error",
            `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${stored.method} ${stored.path}' vs '${method} ${path}'). Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
          ),
        );
      }
      if (stored.fingerprint !== print) {
        stats.idempotencyConflicts += 1;
        return fail(
          new StripeRequestError(
            400,
            "idempotency_error",
            `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
          ),
        );
      }
      stats.replays += 1;
      return answer(stored, true, {
        "Idempotent-Replayed": "true",
        "Original-Request": stored.requestId,
      });
    }

    let result: ApiResult;
    try {
      result = route(method, path, params, { requestId, idempotencyKey });
    } catch (error) {
      if (error instanceof StripeRequestError) return fail(error);
      throw error;
    }
    // Like Stripe, only requests that ran are stored: a refused parameter check can be retried.
    if (storeKey && result.status < 400) {
      idempotency.set(storeKey, {
        ...result,
        body: structuredClone(result.body),
        method,
        path,
        fingerprint: print,
        requestId,
      });
    }
    answer(result);
  }

  // -- /pay (the hosted page) -------------------------------------------------------------------

  async function handlePage(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    sessionId: string,
  ) {
    const record = account.sessionRecord(sessionId);
    if (!record) {
      return sendHtml(
        response,
        404,
        pageShell(
          "Fake Stripe Checkout",
          "<h1>Fake Stripe Checkout</h1><p>This checkout session does not exist.</p>",
        ),
      );
    }
    if (request.method === "GET") {
      return record.session.status === "open"
        ? sendHtml(response, 200, checkoutPage(record))
        : sendHtml(response, 410, closedPage(record));
    }
    if (request.method !== "POST") {
      response.writeHead(405, { Allow: "GET, POST" }).end();
      return;
    }
    const form = new URLSearchParams(await readBody(request));
    if (record.session.status === "complete") {
      return redirect(response, successUrl(record.session)); // a second click on Pay lands on the receipt too
    }
    if (record.session.status !== "open") return sendHtml(response, 410, closedPage(record));
    if (form.get("card") === "decline") {
      account.fail(sessionId);
      return sendHtml(
        response,
        200,
        checkoutPage(record, "Your card was declined. Try another card."),
      );
    }
    // The browser form requires an email when the session has none; scripts may leave it out.
    account.complete(sessionId, form.get("email")?.trim() || undefined);
    redirect(response, successUrl(record.session));
  }

  function successUrl(session: FakeCheckoutSession) {
    return session.success_url.replaceAll("{CHECKOUT_SESSION_ID}", session.id);
  }

  function redirect(response: http.ServerResponse, location: string) {
    response.writeHead(303, { Location: location, "Content-Length": 0 }).end();
  }

  // -- /_fake (control for tests in another process) --------------------------------------------

  async function handleControl(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    url: URL,
  ) {
    const method = request.method ?? "GET";
    const path = url.pathname;
    const body = await readBody(request);
    const json = (): Record<string, unknown> => {
      if (!body.trim()) return {};
      const parsed: unknown = JSON.parse(body);
      return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
    };
    let match: RegExpExecArray | null;
    try {
      if (
        (match = /^\/_fake\/sessions\/([^/]+)\/(complete|expire|fail)$/.exec(path)) &&
        method === "POST"
      ) {
        const [, id, action] = match as unknown as [string, string, string];
        const input = json();
        const event =
          action === "complete"
            ? account.complete(id, typeof input.email === "string" ? input.email : undefined)
            : action === "expire"
              ? account.expire(id)
              : account.fail(id, typeof input.message === "string" ? input.message : undefined);
        return sendJson(response, 200, event);
      }
      if ((match = /^\/_fake\/refunds\/([^/]+)\/event$/.exec(path)) && method === "POST") {
        return sendJson(response, 200, account.refundEvent(match[1] as string));
      }
      if (path === "/_fake/sessions" && method === "GET") {
        return sendJson(
          response,
          200,
          fake.sessions({ orderId: url.searchParams.get("order_id") ?? undefined }),
        );
      }
      if ((match = /^\/_fake\/sessions\/([^/]+)$/.exec(path)) && method === "GET") {
        const session = fake.session(match[1] as string);
        return session
          ? sendJson(response, 200, session)
          : sendJson(response, 404, {
              error: { message: `No such checkout.session: '${match[1]}'` },
            });
      }
      if (path === "/_fake/refunds" && method === "GET")
        return sendJson(response, 200, fake.refunds());
      if (path === "/_fake/events" && method === "GET")
        return sendJson(response, 200, fake.events());
      if (path === "/_fake/deliveries" && method === "GET")
        return sendJson(response, 200, fake.deliveries());
      if (path === "/_fake/stats" && method === "GET")
        return sendJson(response, 200, { ...fake.stats(), outage });
      if (path === "/_fake/requests" && method === "GET")
        return sendJson(response, 200, fake.requestLog());
      if (path === "/_fake/outage" && method === "POST") {
        const input = json();
        fake.setOutage(input.on === true, input.kind === "drop" ? "drop" : "error");
        return sendJson(response, 200, { outage });
      }
      if (path === "/_fake/reset" && method === "POST") {
        fake.reset();
        return sendJson(response, 200, { reset: true });
      }
    } catch (error) {
      if (error instanceof FakeStateError)
        return sendJson(response, 409, { error: { message: error.message } });
      if (error instanceof SyntaxError)
        return sendJson(response, 400, {
          error: { message: `Invalid JSON body: ${error.message}` },
        });
      throw error;
    }
    sendJson(response, 404, { error: { message: `No fake control endpoint ${method} ${path}` } });
  }

  // -- wiring -----------------------------------------------------------------------------------

  async function handle(request: http.IncomingMessage, response: http.ServerResponse) {
    const url = new URL(request.url ?? "/", "http://fake-stripe.invalid");
    const pay = /^\/pay\/([^/]+)$/.exec(url.pathname);
    if (url.pathname.startsWith("/v1/")) return handleApi(request, response, url);
    if (pay) return handlePage(request, response, decodeURIComponent(pay[1] as string));
    if (url.pathname.startsWith("/_fake/")) return handleControl(request, response, url);
    const error = invalidRequest(`Unrecognized request URL (${request.method}: ${url.pathname}).`, {
      status: 404,
    });
    sendJson(response, 404, error.toJSON());
  }

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error("fake Stripe: unexpected error", error);
      if (response.headersSent) return response.destroy();
      const failure = new StripeRequestError(
        500,
        "api_error",
        "The fake Stripe failed; see its log.",
      );
      sendJson(response, 500, failure.toJSON());
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  // Stripe expires sessions on its own a little after expires_at; a sweep does the same here.
  const sweeper = setInterval(() => account.sweepExpired(), 1000);
  sweeper.unref();

  const clone = <T>(value: T): T => structuredClone(value);

  const fake: FakeStripe = {
    url: baseUrl,
    host,
    port,
    sdkConfig: () => ({ host, port, protocol: "http" }),
    async close() {
      clearInterval(sweeper);
      await Promise.allSettled([...pendingDeliveries]);
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections(); // the SDK keeps sockets alive
      });
    },
    completeSession: (id, opts) => clone(account.complete(id, opts?.email)),
    expireSession: (id) => clone(account.expire(id)),
    failPayment: (id, message) => clone(account.fail(id, message)),
    refundEvent: (id) => clone(account.refundEvent(id)),
    sessions(filter = {}) {
      account.sweepExpired();
      return [...account.sessionsById.values()]
        .map((record) => record.session)
        .filter((session) => !filter.orderId || session.metadata.order_id === filter.orderId)
        .map(clone);
    },
    session: (id) => {
      const record = account.sessionRecord(id);
      return record ? clone(record.session) : undefined;
    },
    lineItems: (id) => clone(account.sessionRecord(id)?.lineItems ?? []),
    paymentIntent: (id) => clone(account.paymentIntents.get(id)),
    charge: (id) => clone(account.charges.get(id)),
    refunds: () => [...account.refundsById.values()].map((record) => clone(record.refund)),
    events: () => clone(account.eventLog),
    deliveries: () => clone(deliveries),
    stats: () => ({ ...stats }),
    requestLog: () => clone(log),
    setOutage(on, kind = "error") {
      outage = on ? kind : null;
    },
    reset() {
      account = new FakeAccount(() => baseUrl, deliver);
      stats = { requests: 0, replays: 0, idempotencyConflicts: 0, outageFailures: 0 };
      log = [];
      idempotency = new Map();
      deliveries = [];
      outage = null;
    },
  };
  return fake;
}

// ---------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------

function isMainModule(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMainModule()) {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "12111" },
      host: { type: "string", default: "127.0.0.1" },
      "webhook-url": { type: "string" },
      "webhook-secret": { type: "string" },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Error: --port must be a port number, not ${values.port}`);
    process.exit(1);
  }
  if (Boolean(values["webhook-url"]) !== Boolean(values["webhook-secret"])) {
    console.error("Error: --webhook-url and --webhook-secret go together.");
    process.exit(1);
  }
  const fake = await startFakeStripe({
    port,
    host: values.host,
    webhookUrl: values["webhook-url"],
    webhookSecret: values["webhook-secret"],
  }).catch((error: unknown) => {
    console.error(
      `Error: the fake Stripe could not start: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  });
  console.log(`fake Stripe on ${fake.url}`);
  const stop = () => {
    fake.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
