// npm run drill:webhooks: a storm of Stripe webhook deliveries — every event at least once, most
// of them many times, shuffled, 20 at a time — against the production build talking to a local
// fake Stripe, and then the same with the server killed (SIGKILL) in the middle of the storm.
// Every card order must end in the state its events mean, and no payment may count twice.
//
// Each phase: 50 buyers place card orders over HTTP (own cookie jar each; POST /checkout answers
// 303 to the fake's payment page). The fake then produces 100 events for them, with a known end
// state per order:
//   10 orders  completed                     → PAID
//   10 orders  payment failed, completed     → PAID
//   10 orders  failed, failed, completed     → PAID
//    5 orders  expired                       → EXPIRED
//   10 orders  payment failed, expired       → EXPIRED
//    5 orders  failed, failed, expired       → EXPIRED
// 1 000 deliveries (each event once, 900 duplicates), signed as Stripe signs them, are POSTed to
// /webhooks/stripe in random order; like Stripe, a delivery without a 2xx is sent again until it
// gets one. Phase 2 kills the server's process group with SIGKILL after ~400 accepted deliveries,
// starts it again on the same database while the storm keeps retrying, and then delivers the
// whole storm once more. The drill then reads every order as the cooperative's admin sees it
// (/admin/orders/<number>), or in PostgreSQL when DATABASE_URL is set.
//
//   npm run drill:webhooks                     embedded database in .cache/drill-webhooks
//   npm run drill:webhooks -- --no-build --seed 7 --deliveries 1000 --kill-after 400
//   DATABASE_URL=postgresql://… npm run drill:webhooks
//
// Exits 1 when an order ends in the wrong state, a payment (or an expiry) was applied twice,
// the stock does not add up, or a delivery never got a 2xx.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { products } from "../prisma/seed/catalog";
import {
  adminOrderView,
  buyerPhone,
  heading,
  inputValue,
  latencySummary,
  pool,
  printTable,
  productVariantOnPage,
  seededRandom,
  shuffle,
  signIn,
  slotOptions,
  sqlClient,
  variantPath,
  Visitor,
} from "./drill-support";
import { signEvent, startFakeStripe, type FakeEvent } from "./fake-stripe";
import { startMeasureServer, type MeasureServer } from "./measure-server";

const { values: options } = parseArgs({
  options: {
    deliveries: { type: "string", default: "1000" },
    concurrency: { type: "string", default: "20" },
    "kill-after": { type: "string", default: "400" },
    seed: { type: "string", default: "20261128" },
    "rest-area": { type: "string", default: "km-56-a-indralaya-prabumulih" },
    port: { type: "string", default: process.env.DRILL_PORT ?? "3420" },
    "no-build": { type: "boolean", default: false },
  },
});
const DELIVERIES = Number(options.deliveries);
const CONCURRENCY = Number(options.concurrency);
const KILL_AFTER = Number(options["kill-after"]);
const SEED = Number(options.seed);
const REST_AREA = options["rest-area"];
const ORDER_CONCURRENCY = 5;
/** A delivery that has not had a 2xx after this long is given up (Stripe tries for 3 days). */
const GIVE_UP_MS = 5 * 60_000;

type Step = "complete" | "fail" | "expire";
type Expected = "PAID" | "EXPIRED";
const PLAN: { count: number; steps: Step[]; expected: Expected }[] = [
  { count: 10, steps: ["complete"], expected: "PAID" },
  { count: 10, steps: ["fail", "complete"], expected: "PAID" },
  { count: 10, steps: ["fail", "fail", "complete"], expected: "PAID" },
  { count: 5, steps: ["expire"], expected: "EXPIRED" },
  { count: 10, steps: ["fail", "expire"], expected: "EXPIRED" },
  { count: 5, steps: ["fail", "fail", "expire"], expected: "EXPIRED" },
];
const ORDERS = PLAN.reduce((sum, group) => sum + group.count, 0);
const EVENTS = PLAN.reduce((sum, group) => sum + group.count * group.steps.length, 0);
if (DELIVERIES < EVENTS) throw new Error(`--deliveries must be at least ${EVENTS}`);

heading([
  "Webhook drill: duplicated, shuffled Stripe events against the production build",
  `${process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : "embedded PGlite"}, local fake Stripe, ${ORDERS} card orders and ${EVENTS} events per phase`,
  `${DELIVERIES} deliveries per storm, ${CONCURRENCY} at a time, non-2xx redelivered until 2xx, seed ${SEED}`,
  `Phase 1: one storm. Phase 2: SIGKILL after ${KILL_AFTER} accepted deliveries, restart, then the whole storm again`,
]);

const fake = await startFakeStripe({ port: 0 });
const WEBHOOK_SECRET = `whsec_drill${randomBytes(16).toString("hex")}`;
const serverOptions = {
  port: Number(options.port),
  name: "drill-webhooks",
  env: {
    STRIPE_SECRET_KEY: "sk_test_drill",
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_URL: fake.url,
    // The expiry job would expire orders on its own; the drill wants only the events to act.
    JOBS_INTERVAL_SECONDS: "3600",
    RATE_LIMIT_MUTATIONS_PER_MINUTE: "1000000",
    RATE_LIMIT_AUTH_PER_MINUTE: "1000000",
  },
};
let server: MeasureServer = await startMeasureServer(serverOptions);
const { base } = server;
const sql = await sqlClient();
const random = seededRandom(SEED);

// -- placing card orders ------------------------------------------------------------------------

type Piece = { productSlug: string; sku: string };
type PlacedOrder = {
  number: string;
  sessionId: string;
  piece: Piece;
  steps: Step[];
  expected: Expected;
};

const candidates: Piece[] = products
  .flatMap((product) =>
    product.variants
      .filter((variant) => variant.stock > 0)
      .map((variant) => ({ productSlug: product.slug, sku: variant.sku, seeded: variant.stock })),
  )
  .sort((a, b) => b.seeded - a.seeded)
  .map(({ productSlug, sku }) => ({ productSlug, sku }));

/** Pieces for `count` one-piece orders, and the stock each showed before. */
async function choosePieces(
  count: number,
): Promise<{ pieces: Piece[]; stock: Map<string, number> }> {
  const reader = new Visitor(base);
  const stock = new Map<string, number>();
  const pieces: Piece[] = [];
  for (const candidate of candidates) {
    if (pieces.length >= count) break;
    const page = await reader.get(variantPath(candidate.productSlug, candidate.sku));
    if (page.status !== 200) continue;
    const shown = productVariantOnPage(page.text).stock;
    stock.set(candidate.sku, shown);
    // At most half of what is left, so that the pieces spread over several products.
    const take = Math.min(Math.ceil(shown / 2), count - pieces.length);
    for (let i = 0; i < take; i++) pieces.push(candidate);
  }
  if (pieces.length < count)
    throw new Error(`Only ${pieces.length} pieces in stock for ${count} orders`);
  return { pieces, stock };
}

async function stockOf(skus: Piece[]): Promise<Map<string, number>> {
  const reader = new Visitor(base);
  const stock = new Map<string, number>();
  for (const piece of skus) {
    if (stock.has(piece.sku)) continue;
    const page = await reader.get(variantPath(piece.productSlug, piece.sku));
    stock.set(piece.sku, productVariantOnPage(page.text).stock);
  }
  return stock;
}

async function placeCardOrder(
  piece: Piece,
  index: number,
): Promise<{ number: string; sessionId: string }> {
  const buyer = new Visitor(base);
  const product = await buyer.get(variantPath(piece.productSlug, piece.sku));
  const { variantId } = productVariantOnPage(product.text);
  const added = await buyer.post("/cart", { intent: "add", variantId, quantity: "1" });
  if (added.status !== 200)
    throw new Error(`Adding ${piece.sku} to the cart answered ${added.status}`);
  const page = await buyer.get(`/checkout?restArea=${encodeURIComponent(REST_AREA)}`);
  const checkoutKey = inputValue(page.text, "checkoutKey");
  const slots = slotOptions(page.text);
  const slot = slots[index % Math.max(slots.length, 1)];
  if (!checkoutKey || !slot)
    throw new Error(`The checkout page offers no pickup window at ${REST_AREA}`);
  const answer = await buyer.post("/checkout", {
    restArea: REST_AREA,
    slot: slot.value,
    name: `Pembeli Kartu ${index + 1}`,
    phone: buyerPhone(5000 + index),
    email: `card${index + 1}@drill.test`,
    paymentMethod: "STRIPE_CARD",
    checkoutKey,
  });
  const sessionId = answer.location?.startsWith(fake.url)
    ? /\/pay\/([^/?#]+)/.exec(answer.location)?.[1]
    : undefined;
  if (answer.status !== 303 || !sessionId) {
    throw new Error(`A card checkout answered ${answer.status} ${answer.location ?? ""}`);
  }
  const number = fake.session(decodeURIComponent(sessionId))?.metadata.order_number;
  if (!number) throw new Error(`The fake has no order number for ${sessionId}`);
  return { number, sessionId: decodeURIComponent(sessionId) };
}

async function placeOrders(
  phase: number,
): Promise<{ orders: PlacedOrder[]; stockBefore: Map<string, number> }> {
  const { pieces, stock } = await choosePieces(ORDERS);
  const plan = PLAN.flatMap((group) =>
    Array.from({ length: group.count }, () => ({ steps: group.steps, expected: group.expected })),
  );
  console.log(`Phase ${phase}: placing ${ORDERS} card orders…`);
  const placed = await pool(pieces, ORDER_CONCURRENCY, (piece, i) =>
    placeCardOrder(piece, phase * 1000 + i),
  );
  const orders = placed.map((order, i) => ({
    ...order,
    piece: pieces[i] as Piece,
    ...(plan[i] as { steps: Step[]; expected: Expected }),
  }));
  return { orders, stockBefore: stock };
}

/** What the buyers do on the fake's pages, as the events Stripe would send about it. */
function eventsFor(orders: PlacedOrder[]): FakeEvent[] {
  const events: FakeEvent[] = [];
  for (const order of orders) {
    for (const step of order.steps) {
      events.push(
        step === "complete"
          ? fake.completeSession(order.sessionId)
          : step === "expire"
            ? fake.expireSession(order.sessionId)
            : fake.failPayment(order.sessionId),
      );
    }
  }
  return events;
}

// -- the storm ----------------------------------------------------------------------------------

type StormStats = {
  deliveries: number;
  attempts: number;
  accepted: number;
  non2xx: Map<number, number>;
  noAnswer: number;
  gaveUp: number;
  outcomes: Map<string, number>;
  latencies: number[];
  seconds: number;
};

function newStats(): StormStats {
  return {
    deliveries: 0,
    attempts: 0,
    accepted: 0,
    non2xx: new Map(),
    noAnswer: 0,
    gaveUp: 0,
    outcomes: new Map(),
    latencies: [],
    seconds: 0,
  };
}

function stormOf(events: FakeEvent[]): FakeEvent[] {
  const extra = Array.from(
    { length: DELIVERIES - events.length },
    () => events[Math.floor(random() * events.length)] as FakeEvent,
  );
  return shuffle([...events, ...extra], random);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Delivers every event in `storm`, each until it gets a 2xx; `onAccepted` sees the running count. */
async function deliver(
  storm: FakeEvent[],
  stats: StormStats,
  onAccepted?: (accepted: number) => void,
): Promise<void> {
  const started = performance.now();
  await pool(storm, CONCURRENCY, async (event) => {
    stats.deliveries += 1;
    const firstTry = Date.now();
    for (let attempt = 0; ; attempt++) {
      // Signed anew for every attempt, with its own time stamp, as Stripe does.
      const { payload, signature } = signEvent(event, WEBHOOK_SECRET);
      const sent = performance.now();
      stats.attempts += 1;
      try {
        const response = await fetch(`${base}/webhooks/stripe`, {
          method: "POST",
          headers: { "Content-Type": "application/json", "Stripe-Signature": signature },
          body: payload,
        });
        const text = await response.text();
        stats.latencies.push(performance.now() - sent);
        if (response.ok) {
          let outcome = "?";
          try {
            outcome = String((JSON.parse(text) as { outcome?: unknown }).outcome);
          } catch {
            // not JSON: counted as "?"
          }
          stats.outcomes.set(outcome, (stats.outcomes.get(outcome) ?? 0) + 1);
          stats.accepted += 1;
          onAccepted?.(stats.accepted);
          return;
        }
        stats.non2xx.set(response.status, (stats.non2xx.get(response.status) ?? 0) + 1);
      } catch {
        stats.noAnswer += 1;
      }
      if (Date.now() - firstTry > GIVE_UP_MS) {
        stats.gaveUp += 1;
        return;
      }
      await sleep(Math.min(2000, 100 * 2 ** attempt));
    }
  });
  stats.seconds += (performance.now() - started) / 1000;
}

// -- reading the orders -------------------------------------------------------------------------

type OrderFacts = {
  status: string;
  paidMoves: number;
  expiredMoves: number;
  /** History rows that kept the status: the payment failures the order recorded. */
  failuresRecorded: number;
  succeededPayments: number;
  refunds: number;
};

async function readOrders(numbers: string[]): Promise<Map<string, OrderFacts>> {
  const facts = new Map<string, OrderFacts>();
  if (sql) {
    const result = await sql.query<OrderFacts & { number: string }>(
      `SELECT o.number, o.status::text AS status,
         (SELECT count(*)::int FROM "OrderEvent" e WHERE e."orderId" = o.id AND e."toStatus" = 'PAID'
            AND e."fromStatus" IS DISTINCT FROM e."toStatus") AS "paidMoves",
         (SELECT count(*)::int FROM "OrderEvent" e WHERE e."orderId" = o.id AND e."toStatus" = 'EXPIRED'
            AND e."fromStatus" IS DISTINCT FROM e."toStatus") AS "expiredMoves",
         (SELECT count(*)::int FROM "OrderEvent" e WHERE e."orderId" = o.id
            AND e."fromStatus" = e."toStatus") AS "failuresRecorded",
         (SELECT count(*)::int FROM "Payment" p WHERE p."orderId" = o.id
            AND p.status = 'SUCCEEDED') AS "succeededPayments",
         (SELECT count(*)::int FROM "Refund" r JOIN "Payment" p ON p.id = r."paymentId"
            WHERE p."orderId" = o.id) AS refunds
       FROM "Order" o WHERE o.number = ANY($1)`,
      [numbers],
    );
    for (const { number, ...row } of result.rows) facts.set(number, row);
    return facts;
  }
  const admin = new Visitor(base);
  await signIn(admin);
  await pool(numbers, 4, async (number) => {
    const page = await admin.get(`/admin/orders/${encodeURIComponent(number)}`);
    if (page.status !== 200) throw new Error(`/admin/orders/${number} answered ${page.status}`);
    const view = adminOrderView(page.text);
    facts.set(number, {
      status: view.status,
      paidMoves: view.movesInto.PAID ?? 0,
      expiredMoves: view.movesInto.EXPIRED ?? 0,
      failuresRecorded: view.unchanged,
      succeededPayments: view.payments.filter((status) => status === "SUCCEEDED").length,
      refunds: view.refunds,
    });
  });
  return facts;
}

// -- one phase ----------------------------------------------------------------------------------

type PhaseResult = {
  name: string;
  orders: number;
  events: number;
  storms: StormStats;
  rightState: number;
  wrongStates: string[];
  paidTwice: number;
  expiredTwice: number;
  failuresOverCounted: number;
  refunds: number;
  stockMismatches: string[];
  crash?: { killedAfter: number; downSeconds: number };
};

async function phase(number: number, crash: boolean): Promise<PhaseResult> {
  const name = crash ? `Phase ${number} (SIGKILL mid-storm)` : `Phase ${number}`;
  const { orders, stockBefore } = await placeOrders(number);
  const events = eventsFor(orders);
  const storm = stormOf(events);
  const stats = newStats();
  let crashInfo: PhaseResult["crash"];
  console.log(`${name}: delivering ${storm.length} webhooks…`);
  if (!crash) {
    await deliver(storm, stats);
  } else {
    let restarted: Promise<void> | null = null;
    await deliver(storm, stats, (accepted) => {
      if (accepted < KILL_AFTER || restarted) return;
      restarted = (async () => {
        const killedAt = performance.now();
        await server.kill();
        console.log(`${name}: server killed (SIGKILL) after ${accepted} accepted deliveries`);
        server = await startMeasureServer({ ...serverOptions, build: false, keepData: true });
        crashInfo = { killedAfter: accepted, downSeconds: (performance.now() - killedAt) / 1000 };
        console.log(`${name}: server back after ${crashInfo.downSeconds.toFixed(1)} s`);
      })();
    });
    if (restarted) await restarted;
    console.log(`${name}: delivering the whole storm again…`);
    await deliver(storm, stats);
  }

  const facts = await readOrders(orders.map((order) => order.number));
  const result: PhaseResult = {
    name,
    orders: orders.length,
    events: events.length,
    storms: stats,
    rightState: 0,
    wrongStates: [],
    paidTwice: 0,
    expiredTwice: 0,
    failuresOverCounted: 0,
    refunds: 0,
    stockMismatches: [],
    crash: crashInfo,
  };
  for (const order of orders) {
    const fact = facts.get(order.number);
    if (!fact) {
      result.wrongStates.push(`${order.number}: not found`);
      continue;
    }
    const paidRight =
      order.expected === "PAID"
        ? fact.paidMoves === 1 && fact.succeededPayments === 1
        : fact.paidMoves === 0 && fact.succeededPayments === 0 && fact.expiredMoves === 1;
    if (fact.status === order.expected && paidRight) result.rightState += 1;
    else {
      result.wrongStates.push(
        `${order.number} [${order.steps.join(", ")}] expected ${order.expected}, is ${fact.status} (moves into PAID ${fact.paidMoves}, EXPIRED ${fact.expiredMoves}, succeeded payments ${fact.succeededPayments})`,
      );
    }
    if (fact.paidMoves > 1 || fact.succeededPayments > 1) result.paidTwice += 1;
    if (fact.expiredMoves > 1) result.expiredTwice += 1;
    const fails = order.steps.filter((step) => step === "fail").length;
    if (fact.failuresRecorded > fails) result.failuresOverCounted += 1;
    result.refunds += fact.refunds;
  }
  // Paid pieces stay sold; an expired order gives its piece back, once.
  const stockAfter = await stockOf(orders.map((order) => order.piece));
  for (const [sku, before] of stockBefore) {
    if (!stockAfter.has(sku)) continue;
    const paid = orders.filter(
      (order) => order.piece.sku === sku && order.expected === "PAID",
    ).length;
    const after = stockAfter.get(sku) as number;
    if (after !== before - paid)
      result.stockMismatches.push(`${sku}: ${before} − ${paid} paid ≠ ${after}`);
  }
  return result;
}

const results = [await phase(1, false), await phase(2, true)];
server.stop();
await fake.close();
await sql?.end();

// -- the figures --------------------------------------------------------------------------------

const count = (map: Map<string | number, number>) =>
  [...map].map(([key, value]) => `${key}: ${value}`).join(", ") || "0";
console.log("");
printTable([
  ["", ...results.map((result) => result.name)],
  ["card orders placed over HTTP", ...results.map((result) => String(result.orders))],
  ["distinct events", ...results.map((result) => String(result.events))],
  ["deliveries (events sent, with duplicates)", ...results.map((r) => String(r.storms.deliveries))],
  ["POST attempts (with redeliveries)", ...results.map((r) => String(r.storms.attempts))],
  ["accepted (2xx)", ...results.map((r) => String(r.storms.accepted))],
  ["non-2xx answers (redelivered)", ...results.map((r) => count(r.storms.non2xx))],
  ["no answer (redelivered)", ...results.map((r) => String(r.storms.noAnswer))],
  ["given up (never 2xx)", ...results.map((r) => String(r.storms.gaveUp))],
  ["outcome: applied", ...results.map((r) => String(r.storms.outcomes.get("applied") ?? 0))],
  ["outcome: ignored", ...results.map((r) => String(r.storms.outcomes.get("ignored") ?? 0))],
  ["outcome: duplicate", ...results.map((r) => String(r.storms.outcomes.get("duplicate") ?? 0))],
  [
    "orders in the right final state",
    ...results.map((result) => `${result.rightState} / ${result.orders}`),
  ],
  ["payments applied twice", ...results.map((result) => String(result.paidTwice))],
  ["expiries applied twice", ...results.map((result) => String(result.expiredTwice))],
  [
    "orders with more failures recorded than sent",
    ...results.map((result) => String(result.failuresOverCounted)),
  ],
  ["refunds issued (none expected)", ...results.map((result) => String(result.refunds))],
  ["stock not adding up (variants)", ...results.map((r) => String(r.stockMismatches.length))],
  ["webhook p50 / p95 / max ms", ...results.map((r) => latencySummary(r.storms.latencies))],
  ["storm wall time s", ...results.map((r) => r.storms.seconds.toFixed(1))],
  [
    "killed after accepted / down for s",
    ...results.map((r) =>
      r.crash ? `${r.crash.killedAfter} / ${r.crash.downSeconds.toFixed(1)}` : "–",
    ),
  ],
]);
for (const result of results) {
  for (const line of [...result.wrongStates, ...result.stockMismatches].slice(0, 10)) {
    console.log(`${result.name}: ${line}`);
  }
}

const failures = results.flatMap((result) => [
  ...(result.wrongStates.length > 0
    ? [`${result.name}: ${result.wrongStates.length} orders in the wrong state`]
    : []),
  ...(result.paidTwice > 0 ? [`${result.name}: ${result.paidTwice} orders paid twice`] : []),
  ...(result.expiredTwice > 0
    ? [`${result.name}: ${result.expiredTwice} orders expired twice`]
    : []),
  ...(result.failuresOverCounted > 0
    ? [`${result.name}: ${result.failuresOverCounted} orders recorded a failure twice`]
    : []),
  ...(result.refunds > 0 ? [`${result.name}: ${result.refunds} unexpected refunds`] : []),
  ...(result.stockMismatches.length > 0 ? [`${result.name}: stock does not add up`] : []),
  ...(result.storms.gaveUp > 0
    ? [`${result.name}: ${result.storms.gaveUp} deliveries never got a 2xx`]
    : []),
  ...(result.crash === undefined && result.name.includes("SIGKILL")
    ? [`${result.name}: the storm ended before ${KILL_AFTER} accepted deliveries; no crash`]
    : []),
]);
console.log(
  failures.length === 0 ? "\nPASS" : `\nFAIL\n${failures.map((f) => `- ${f}`).join("\n")}`,
);
process.exit(failures.length === 0 ? 0 : 1);
