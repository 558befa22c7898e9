// npm run drill:checkout: many buyers check out the last pieces of one variant at the same
// instant, over HTTP against the production build, and the drill counts what the shop did:
// orders placed, buyers refused with a clear message, errors, stock and pickup places before and
// after. Nothing may be oversold, no pickup window may take more parcels than its capacity, and
// no buyer may get a 5xx.
//
// Two bursts, each of N buyers (own cookie jar each: product page, add 1 piece to the cart, open
// the checkout page, then all POST /checkout together, paying at pickup):
//   1. stock:    one variant the seed gives 10 pieces, one pickup window with more places
//                than that, so the stock runs out first;
//   2. capacity: the variant's siblings (more pieces together than the window has places),
//                another window, so the window fills first.
//
//   npm run drill:checkout                          embedded database in .cache/drill-checkout
//   npm run drill:checkout -- --buyers 400 --no-build
//   DATABASE_URL=postgresql://… npm run drill:checkout
//       (on a PostgreSQL server the drill resets the variants' stock to the seed's first, and
//        reads stock and booked places there too)
//
// Exits 1 when something was oversold, a window took more than its capacity, a buyer got a 5xx
// or no answer, or a buyer was refused while stock and places were left.
import { parseArgs } from "node:util";
import checkoutMessages from "../app/checkout/messages";
import { products } from "../prisma/seed/catalog";
import type { SeedProduct, SeedVariant } from "../prisma/seed/types";
import {
  barrier,
  buyerPhone,
  heading,
  inputValue,
  latencySummary,
  pool,
  printTable,
  productVariantOnPage,
  slotOptions,
  sqlClient,
  textOf,
  variantPath,
  Visitor,
  type SlotOption,
} from "./drill-support";
import { startMeasureServer } from "./measure-server";

const { values: options } = parseArgs({
  options: {
    buyers: { type: "string" },
    "rest-area": { type: "string", default: "sta-71-palembang-betung" },
    port: { type: "string", default: process.env.DRILL_PORT ?? "3410" },
    "no-build": { type: "boolean", default: false },
  },
});
const REST_AREA = options["rest-area"];
const SETUP_CONCURRENCY = 8;

// -- the pieces: a variant with exactly 10 in the seed, and its siblings ------------------------

type Piece = { product: SeedProduct; variant: SeedVariant };
const tenPieces = products
  .flatMap((product) => product.variants.map((variant) => ({ product, variant })))
  .filter(({ variant }) => variant.stock === 10);
// Of those, the one whose siblings hold the most pieces, for the capacity burst.
const siblingsOf = ({ product, variant }: Piece): Piece[] =>
  product.variants
    .filter((other) => other.sku !== variant.sku && other.stock > 0)
    .map((other) => ({ product, variant: other }));
const stockOf = (pieces: Piece[]) => pieces.reduce((sum, piece) => sum + piece.variant.stock, 0);
const fallback = products
  .flatMap((product) => product.variants.map((variant) => ({ product, variant })))
  .sort((a, b) => b.variant.stock - a.variant.stock)[0];
const target: Piece | undefined =
  [...tenPieces].sort((a, b) => stockOf(siblingsOf(b)) - stockOf(siblingsOf(a)))[0] ?? fallback;
if (!target) throw new Error("The seed has no product variants");
const notes: string[] = [];
if (target.variant.stock !== 10) {
  notes.push(
    `No seeded variant has exactly 10 in stock; using ${target.variant.sku} with ${target.variant.stock}.`,
  );
}
const BUYERS = Number(
  options.buyers ?? (target.variant.stock === 10 ? 200 : 20 * target.variant.stock),
);
if (!Number.isInteger(BUYERS) || BUYERS < 1) throw new Error("--buyers must be a positive number");
const siblings = siblingsOf(target);

heading([
  "Checkout drill: concurrent buyers for the last pieces, over HTTP, production build",
  `${process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : "embedded PGlite"}, ${BUYERS} buyers per burst, all POST /checkout at once, pay at pickup`,
  `Burst 1 (stock): ${target.variant.sku} "${target.product.titleEn}" at ${REST_AREA}`,
  `Burst 2 (capacity): ${siblings.map((piece) => piece.variant.sku).join(" + ") || "(no siblings)"} in another window`,
]);

const server = await startMeasureServer({
  port: Number(options.port),
  name: "drill-checkout",
  env: {
    RATE_LIMIT_MUTATIONS_PER_MINUTE: "1000000",
    RATE_LIMIT_AUTH_PER_MINUTE: "1000000",
    // Pay at pickup only.
    STRIPE_SECRET_KEY: "",
    STRIPE_WEBHOOK_SECRET: "",
  },
});
const { base } = server;

// The server has migrated and seeded the database by now.
const sql = await sqlClient();
if (sql) {
  // A PostgreSQL server keeps earlier runs' orders: the pieces start again from the seed's stock.
  for (const piece of [target, ...siblings]) {
    await sql.query(`UPDATE "ProductVariant" SET stock = $1 WHERE sku = $2`, [
      piece.variant.stock,
      piece.variant.sku,
    ]);
  }
}

// -- page readers -------------------------------------------------------------------------------

async function stockOnPage(visitor: Visitor, piece: Piece): Promise<number> {
  const page = await visitor.get(variantPath(piece.product.slug, piece.variant.sku));
  if (page.status !== 200) throw new Error(`Product page answered ${page.status}`);
  return productVariantOnPage(page.text).stock;
}

async function checkoutPage(visitor: Visitor) {
  const page = await visitor.get(`/checkout?restArea=${encodeURIComponent(REST_AREA)}`);
  if (page.status !== 200) throw new Error(`/checkout answered ${page.status}`);
  return { checkoutKey: inputValue(page.text, "checkoutKey"), slots: slotOptions(page.text) };
}

/** Places left in a window, as a buyer's checkout page offers it; a full window is not offered. */
function placesLeft(slots: SlotOption[], value: string): number {
  return slots.find((slot) => slot.value === value)?.left ?? 0;
}

async function addToCart(visitor: Visitor, piece: Piece): Promise<void> {
  const page = await visitor.get(variantPath(piece.product.slug, piece.variant.sku));
  const { variantId } = productVariantOnPage(page.text);
  const added = await visitor.post("/cart", { intent: "add", variantId, quantity: "1" });
  if (added.status !== 200) throw new Error(`Adding to the cart answered ${added.status}`);
}

/** Capacity and booked places of a window on a day, straight from PostgreSQL. */
async function slotInDatabase(value: string): Promise<{ capacity: number; booked: number } | null> {
  if (!sql) return null;
  const [day, windowId] = value.split("|");
  const result = await sql.query<{ capacity: number; booked: number | null }>(
    `SELECT w.capacity, s.booked FROM "PickupWindow" w
       LEFT JOIN "PickupSlot" s ON s."windowId" = w.id AND s.date = $2::date
      WHERE w.id = $1`,
    [windowId, day],
  );
  const row = result.rows[0];
  return row ? { capacity: row.capacity, booked: row.booked ?? 0 } : null;
}

async function stockInDatabase(piece: Piece): Promise<number | null> {
  if (!sql) return null;
  const result = await sql.query<{ stock: number }>(
    `SELECT stock FROM "ProductVariant" WHERE sku = $1`,
    [piece.variant.sku],
  );
  return result.rows[0]?.stock ?? null;
}

// -- one burst ----------------------------------------------------------------------------------

const CLEAR_REFUSALS = {
  "out of stock": [checkoutMessages.id.errors.shortStock, checkoutMessages.en.errors.shortStock],
  "window full": [checkoutMessages.id.errors.windowFull, checkoutMessages.en.errors.windowFull],
} as const;
type RefusalKind = keyof typeof CLEAR_REFUSALS;

type BurstResult = {
  name: string;
  slot: SlotOption;
  buyers: number;
  created: number;
  createdByPiece: Map<string, number>;
  refused: Record<RefusalKind | "unclear", number>;
  otherAnswers: number;
  errors: number;
  errorSamples: string[];
  stockBefore: Map<string, number>;
  stockAfter: Map<string, number>;
  stockAfterSql: number | null;
  capacity: number;
  capacityFromDatabase: boolean;
  bookedAfter: number;
  bookedAfterSql: number | null;
  expectedOrders: number;
  latencies: number[];
  wallSeconds: number;
};

// The observer keeps a piece of the same product in its cart (same lead time, so the same days
// on offer) and never checks out: its checkout page shows the places left in every window.
const observer = new Visitor(base);
await addToCart(observer, siblings[0] ?? target);

async function burst(name: string, pieces: Piece[], slot: SlotOption): Promise<BurstResult> {
  const stockBefore = new Map<string, number>();
  for (const piece of pieces)
    stockBefore.set(piece.variant.sku, await stockOnPage(observer, piece));
  const inDatabase = await slotInDatabase(slot.value);
  const capacity = inDatabase?.capacity ?? slot.left;
  const bookedBefore = inDatabase?.booked ?? 0;
  const roomBefore = capacity - bookedBefore;

  console.log(`${name}: preparing ${BUYERS} buyers (product page, add to cart, checkout page)…`);
  const gate = barrier();
  const buyers = await pool(
    Array.from({ length: BUYERS }, (_, i) => i),
    SETUP_CONCURRENCY,
    async (i) => {
      const piece = pieces[i % pieces.length] as Piece;
      const visitor = new Visitor(base);
      await addToCart(visitor, piece);
      const page = await checkoutPage(visitor);
      if (!page.checkoutKey) throw new Error("The checkout page has no checkoutKey");
      if (!page.slots.some((offered) => offered.value === slot.value)) {
        throw new Error(`Buyer ${i}'s checkout page does not offer ${slot.value}`);
      }
      const form = {
        restArea: REST_AREA,
        slot: slot.value,
        name: `Pembeli Latihan ${i + 1}`,
        phone: buyerPhone(i),
        email: `buyer${i + 1}@drill.test`,
        paymentMethod: "PAY_AT_PICKUP",
        checkoutKey: page.checkoutKey,
      };
      return { visitor, piece, form };
    },
  );

  console.log(`${name}: ${BUYERS} buyers POST /checkout at once…`);
  const pending = buyers.map(async ({ visitor, piece, form }) => {
    await gate.wait;
    try {
      return { piece, answer: await visitor.post("/checkout", form), error: null };
    } catch (error) {
      return { piece, answer: null, error: error instanceof Error ? error.message : String(error) };
    }
  });
  const started = performance.now();
  gate.release();
  const answers = await Promise.all(pending);
  const wallSeconds = (performance.now() - started) / 1000;

  const result: BurstResult = {
    name,
    slot,
    buyers: BUYERS,
    created: 0,
    createdByPiece: new Map(),
    refused: { "out of stock": 0, "window full": 0, unclear: 0 },
    otherAnswers: 0,
    errors: 0,
    errorSamples: [],
    stockBefore,
    stockAfter: new Map(),
    stockAfterSql: null,
    capacity,
    capacityFromDatabase: inDatabase !== null,
    bookedAfter: 0,
    bookedAfterSql: null,
    expectedOrders: 0,
    latencies: [],
    wallSeconds,
  };
  for (const { piece, answer, error } of answers) {
    if (!answer) {
      result.errors += 1;
      if (result.errorSamples.length < 3) result.errorSamples.push(`no answer: ${error}`);
      continue;
    }
    result.latencies.push(answer.ms);
    if (answer.status === 303 && answer.location?.startsWith("/orders/")) {
      result.created += 1;
      const sku = piece.variant.sku;
      result.createdByPiece.set(sku, (result.createdByPiece.get(sku) ?? 0) + 1);
    } else if (answer.status === 409) {
      const kind = (Object.keys(CLEAR_REFUSALS) as RefusalKind[]).find((key) =>
        CLEAR_REFUSALS[key].some((message) => answer.text.includes(message)),
      );
      result.refused[kind ?? "unclear"] += 1;
    } else if (answer.status >= 500) {
      result.errors += 1;
      if (result.errorSamples.length < 3) {
        const shown = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(answer.text)?.[1] ?? answer.text;
        result.errorSamples.push(`${answer.status}: ${textOf(shown).slice(0, 160)}`);
      }
    } else {
      result.otherAnswers += 1;
      if (result.errorSamples.length < 3) {
        result.errorSamples.push(`${answer.status} ${answer.location ?? ""}`.trim());
      }
    }
  }

  for (const piece of pieces)
    result.stockAfter.set(piece.variant.sku, await stockOnPage(observer, piece));
  if (sql) {
    let total = 0;
    for (const piece of pieces) total += (await stockInDatabase(piece)) ?? 0;
    result.stockAfterSql = total;
  }
  const after = await checkoutPage(observer);
  result.bookedAfter = capacity - placesLeft(after.slots, slot.value);
  result.bookedAfterSql = (await slotInDatabase(slot.value))?.booked ?? null;
  // What a correct shop places: every buyer served while both a piece and a place are left.
  const servable = pieces.reduce((sum, piece) => {
    const wanting = buyers.filter((buyer) => buyer.piece === piece).length;
    return sum + Math.min(stockBefore.get(piece.variant.sku) ?? 0, wanting);
  }, 0);
  result.expectedOrders = Math.min(servable, roomBefore);
  return result;
}

// -- choosing the windows -----------------------------------------------------------------------

const before = await checkoutPage(observer);
if (before.slots.length < 2)
  throw new Error(`${REST_AREA} offers fewer than two pickup windows (is it active?)`);
// A window nobody has booked yet, so its capacity is what the page says is left.
async function untouched(slots: SlotOption[], skip: string[]): Promise<SlotOption> {
  for (const slot of slots) {
    if (skip.includes(slot.value)) continue;
    const inDatabase = await slotInDatabase(slot.value);
    if (!inDatabase || inDatabase.booked === 0) return slot;
  }
  throw new Error("No untouched pickup window is on offer");
}
const stockSlot = await untouched(before.slots, []);
const capacitySlot = await untouched(
  before.slots.filter((slot) => slot.value.split("|")[0] === stockSlot.value.split("|")[0]),
  [stockSlot.value],
).catch(() => untouched(before.slots, [stockSlot.value]));

if (target.variant.stock >= stockSlot.left) {
  notes.push(
    `The stock window has ${stockSlot.left} places for ${target.variant.stock} pieces: it may fill before the stock runs out.`,
  );
}
if (stockOf(siblings) <= capacitySlot.left) {
  notes.push(
    `The siblings hold ${stockOf(siblings)} pieces for ${capacitySlot.left} places: the capacity burst is bound by stock.`,
  );
}

const results = [
  await burst("Burst 1 (stock)", [target], stockSlot),
  await burst("Burst 2 (capacity)", siblings.length > 0 ? siblings : [target], capacitySlot),
];
server.stop();
await sql?.end();

// -- the figures --------------------------------------------------------------------------------

const sum = (map: Map<string, number>) => [...map.values()].reduce((a, b) => a + b, 0);
const oversoldOf = (result: BurstResult) =>
  [...result.createdByPiece].reduce(
    (total, [sku, created]) => total + Math.max(0, created - (result.stockBefore.get(sku) ?? 0)),
    0,
  );
const stockMismatch = (result: BurstResult) =>
  sum(result.stockBefore) - sum(result.stockAfter) !== result.created;

console.log("");
printTable([
  ["", ...results.map((result) => result.name)],
  ["pickup window (day|window id)", ...results.map((result) => result.slot.value)],
  ["buyers", ...results.map((result) => String(result.buyers))],
  ["orders created (303 → /orders/…)", ...results.map((result) => String(result.created))],
  [
    "  expected (pieces and places left)",
    ...results.map((result) => String(result.expectedOrders)),
  ],
  ["refused 409: out of stock", ...results.map((result) => String(result.refused["out of stock"]))],
  ["refused 409: window full", ...results.map((result) => String(result.refused["window full"]))],
  ["refused 409: no clear message", ...results.map((result) => String(result.refused.unclear))],
  ["other answers (4xx, odd redirects)", ...results.map((result) => String(result.otherAnswers))],
  ["errors (5xx or no answer)", ...results.map((result) => String(result.errors))],
  [
    "stock before → after (product page)",
    ...results.map((result) => `${sum(result.stockBefore)} → ${sum(result.stockAfter)}`),
  ],
  ...(sql
    ? [["stock after (PostgreSQL)", ...results.map((result) => String(result.stockAfterSql))]]
    : []),
  ["oversold", ...results.map((result) => String(oversoldOf(result)))],
  [
    "stock accounting (before − after = orders)",
    ...results.map((result) => (stockMismatch(result) ? "MISMATCH" : "ok")),
  ],
  [
    `window capacity${results.some((result) => result.capacityFromDatabase) ? "" : " (places left before)"}`,
    ...results.map((result) => String(result.capacity)),
  ],
  ["places booked after (checkout page)", ...results.map((result) => String(result.bookedAfter))],
  ...(sql
    ? [
        [
          "places booked after (PostgreSQL)",
          ...results.map((result) => String(result.bookedAfterSql)),
        ],
      ]
    : []),
  [
    "capacity exceeded",
    ...results.map((result) =>
      Math.max(result.bookedAfter, result.bookedAfterSql ?? 0) > result.capacity ? "YES" : "no",
    ),
  ],
  [
    "POST /checkout p50 / p95 / max ms",
    ...results.map((result) => latencySummary(result.latencies)),
  ],
  ["burst wall time s", ...results.map((result) => result.wallSeconds.toFixed(1))],
]);
for (const result of results) {
  for (const sample of result.errorSamples) console.log(`${result.name}: ${sample}`);
}
for (const note of notes) console.log(`Note: ${note}`);

const failures = results.flatMap((result) => [
  ...(oversoldOf(result) > 0 ? [`${result.name}: oversold ${oversoldOf(result)}`] : []),
  ...(Math.max(result.bookedAfter, result.bookedAfterSql ?? 0) > result.capacity
    ? [`${result.name}: window capacity exceeded`]
    : []),
  ...(result.errors > 0 ? [`${result.name}: ${result.errors} errors`] : []),
  ...(result.otherAnswers > 0 ? [`${result.name}: ${result.otherAnswers} unexpected answers`] : []),
  ...(result.refused.unclear > 0 ? [`${result.name}: refusals without a clear message`] : []),
  ...(result.created < result.expectedOrders
    ? [
        `${result.name}: ${result.expectedOrders - result.created} buyers refused while stock and places were left`,
      ]
    : []),
  ...(stockMismatch(result) ? [`${result.name}: stock does not add up`] : []),
]);
console.log(
  failures.length === 0 ? "\nPASS" : `\nFAIL\n${failures.map((f) => `- ${f}`).join("\n")}`,
);
process.exit(failures.length === 0 ? 0 : 1);
