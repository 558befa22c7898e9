// Shared pieces of the drills (drill-checkout, drill-webhooks): a visitor with its own cookie jar
// that talks to the server over HTTP as a browser without JavaScript would, readers for the
// pages the drills look at, a small worker pool, percentiles and a plain table printer.
import pg from "pg";
import adminMessages from "../app/admin/messages";
import catalogMessages from "../app/catalog/messages";
import checkoutMessages from "../app/checkout/messages";

// ---------------------------------------------------------------------------------------------
// A visitor: cookies, same-origin form posts, no redirects followed
// ---------------------------------------------------------------------------------------------

export type Answer = {
  status: number;
  /** The Location header of a redirect, or null. */
  location: string | null;
  text: string;
  ms: number;
};

/** One browser: its own cookies; every POST says it comes from the shop's own pages. */
export class Visitor {
  private readonly cookies = new Map<string, string>();

  constructor(readonly base: string) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  get(path: string): Promise<Answer> {
    return this.send("GET", path);
  }

  post(path: string, form: Record<string, string>): Promise<Answer> {
    return this.send("POST", path, new URLSearchParams(form).toString());
  }

  private async send(method: string, path: string, body?: string): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0) {
      headers.Cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    }
    if (method === "POST") {
      headers.Origin = this.base;
      headers["Sec-Fetch-Site"] = "same-origin";
      headers["Content-Type"] = "application/x-www-form-urlencoded";
    }
    const started = performance.now();
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers,
      body,
      redirect: "manual",
    });
    const text = await response.text();
    const ms = performance.now() - started;
    for (const line of response.headers.getSetCookie()) this.keep(line);
    return { status: response.status, location: response.headers.get("Location"), text, ms };
  }

  private keep(setCookie: string) {
    const [pair = "", ...attributes] = setCookie.split(";");
    const equals = pair.indexOf("=");
    if (equals < 1) return;
    const name = pair.slice(0, equals).trim();
    const value = pair.slice(equals + 1).trim();
    const gone = attributes.some((attribute) => {
      const [key = "", setting = ""] = attribute.split("=").map((part) => part.trim());
      if (key.toLowerCase() === "max-age") return Number(setting) <= 0;
      if (key.toLowerCase() === "expires") return Date.parse(setting) <= Date.now();
      return false;
    });
    if (gone || value === "") this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}

// ---------------------------------------------------------------------------------------------
// Reading pages
// ---------------------------------------------------------------------------------------------

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
};

export function decodeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith("#x") || entity.startsWith("#X")) {
      return String.fromCodePoint(parseInt(entity.slice(2), 16));
    }
    if (entity.startsWith("#")) return String.fromCodePoint(Number(entity.slice(1)));
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

/** The visible text of a piece of HTML: tags and React's text separators gone, spaces folded. */
export function textOf(html: string): string {
  return decodeHtml(html.replace(/<!--[\s\S]*?-->/g, "").replace(/<[^>]+>/g, ""))
    .replace(/\s+/g, " ")
    .trim();
}

/** The value of the first `<input name=…>` with that name. */
export function inputValue(html: string, name: string): string | null {
  for (const tag of html.match(/<input\b[^>]*>/g) ?? []) {
    if (new RegExp(`\\sname="${name}"`).test(tag)) {
      return decodeHtml(/\svalue="([^"]*)"/.exec(tag)?.[1] ?? "");
    }
  }
  return null;
}

/** The pickup windows a checkout page offers: `YYYY-MM-DD|windowId` and the places left. */
export type SlotOption = { value: string; label: string; left: number };

const PLACES_LEFT = [checkoutMessages.id.when.left_other, checkoutMessages.en.when.left_other]
  .concat(checkoutMessages.en.when.left_one)
  .map((text) => new RegExp(text.replace("{{count}}", "(\\d+)")));

export function slotOptions(html: string): SlotOption[] {
  const select = /<select[^>]*name="slot"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? "";
  const options: SlotOption[] = [];
  for (const match of select.matchAll(/<option\b([^>]*)>([\s\S]*?)<\/option>/g)) {
    const value = decodeHtml(/value="([^"]*)"/.exec(match[1] ?? "")?.[1] ?? "");
    if (!/^\d{4}-\d{2}-\d{2}\|/.test(value) || /\sdisabled/.test(match[1] ?? "")) continue;
    const label = textOf(match[2] ?? "");
    const left = PLACES_LEFT.map((pattern) => pattern.exec(label)?.[1]).find(Boolean);
    options.push({ value, label, left: left ? Number(left) : Number.NaN });
  }
  return options;
}

const IN_STOCK = [
  catalogMessages.id.product.inStock_other,
  catalogMessages.en.product.inStock_other,
]
  .concat(catalogMessages.en.product.inStock_one)
  .map((text) => new RegExp(text.replace("{{count}}", "(\\d+)")));
const SOLD_OUT = [catalogMessages.id.product.soldOut, catalogMessages.en.product.soldOut];

/** The selected variant on a product page: the id the cart form posts, and the stock shown. */
export function productVariantOnPage(html: string): { variantId: string; stock: number } {
  const variantId = inputValue(html, "variantId");
  const status = textOf(/<p[^>]*role="status"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? "");
  const count = IN_STOCK.map((pattern) => pattern.exec(status)?.[1]).find(Boolean);
  const stock = count ? Number(count) : SOLD_OUT.some((text) => status.includes(text)) ? 0 : NaN;
  if (!variantId || Number.isNaN(stock)) {
    throw new Error(`The product page shows no variant to buy or no stock ("${status}")`);
  }
  return { variantId, stock };
}

/** The product page of one SKU, as the variant picker links it. */
export function variantPath(productSlug: string, sku: string): string {
  return `/products/${productSlug}?variant=${encodeURIComponent(sku)}`;
}

export async function readVariant(
  visitor: Visitor,
  productSlug: string,
  sku: string,
): Promise<{ variantId: string; stock: number }> {
  const page = await visitor.get(variantPath(productSlug, sku));
  if (page.status !== 200)
    throw new Error(`${variantPath(productSlug, sku)} answered ${page.status}`);
  return productVariantOnPage(page.text);
}

// ---------------------------------------------------------------------------------------------
// The admin's view of an order
// ---------------------------------------------------------------------------------------------

export const DEMO_ADMIN = { email: "admin@karyasungging.test", password: "sungging-demo-2026" };

/** Signs a visitor in through the sign-in form, honeypot field left empty as a person leaves it. */
export async function signIn(
  visitor: Visitor,
  account: { email: string; password: string } = DEMO_ADMIN,
): Promise<void> {
  const page = await visitor.get("/sign-in");
  const form: Record<string, string> = {};
  for (const tag of /<form[^>]*method="post"[^>]*action="\/sign-in"[^>]*>([\s\S]*?)<\/form>/
    .exec(page.text)?.[1]
    ?.match(/<input\b[^>]*>/g) ?? []) {
    const name = /\sname="([^"]*)"/.exec(tag)?.[1];
    if (name) form[name] = decodeHtml(/\svalue="([^"]*)"/.exec(tag)?.[1] ?? "");
  }
  form.identifier = account.email;
  form.password = account.password;
  const answer = await visitor.post("/sign-in", form);
  if (answer.status < 300 || answer.status >= 400) {
    throw new Error(`Signing in as ${account.email} failed: ${answer.status}`);
  }
}

export type AdminOrderView = {
  status: string;
  /** Each payment row's status, e.g. SUCCEEDED. */
  payments: string[];
  /** How many times the history shows the order moving into each status. */
  movesInto: Record<string, number>;
  /** History rows that kept the status (a failed card payment is recorded so). */
  unchanged: number;
  refunds: number;
};

function reverse(labels: Record<string, string>[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const set of labels) for (const [key, label] of Object.entries(set)) map.set(label, key);
  return map;
}

const STATUS_BY_LABEL = reverse([adminMessages.id.orderStatus, adminMessages.en.orderStatus]);
const PAYMENT_BY_LABEL = reverse([
  adminMessages.id.orders.paymentStatuses,
  adminMessages.en.orders.paymentStatuses,
]);

function sectionOf(html: string, labelledBy: string): string {
  const start = html.indexOf(`aria-labelledby="${labelledBy}"`);
  if (start < 0) return "";
  const end = html.indexOf("</section>", start);
  return html.slice(start, end < 0 ? undefined : end);
}

function bodyRows(html: string): string[] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? "";
  return body.match(/<tr\b[\s\S]*?<\/tr>/g) ?? [];
}

function cells(row: string): string[] {
  return [...row.matchAll(/<td\b[^>]*>([\s\S]*?)<\/td>/g)].map((match) => match[1] ?? "");
}

/** Reads /admin/orders/<number>: the status badge, the payments, the history and the refunds. */
export function adminOrderView(html: string): AdminOrderView {
  const afterHeading = html.slice(html.indexOf("</h1>"));
  const badge = textOf(/<span\b[^>]*>([\s\S]*?)<\/span>/.exec(afterHeading)?.[1] ?? "");
  const status = STATUS_BY_LABEL.get(badge);
  if (!status) throw new Error(`Unknown order status badge "${badge}"`);

  const paymentsSection = sectionOf(html, "order-payments");
  const refundsAt = paymentsSection.indexOf('id="order-refunds"');
  const paymentsHtml = refundsAt < 0 ? paymentsSection : paymentsSection.slice(0, refundsAt);
  const refundsHtml = refundsAt < 0 ? "" : paymentsSection.slice(refundsAt);
  const payments = bodyRows(paymentsHtml).map((row) => {
    const label = textOf(cells(row)[0] ?? "");
    return PAYMENT_BY_LABEL.get(label) ?? `?${label}`;
  });

  const movesInto: Record<string, number> = {};
  let unchanged = 0;
  for (const row of bodyRows(sectionOf(html, "order-history"))) {
    // "From → To": the new status is the text after the arrow's spans; an unchanged status
    // ("Paid (unchanged)") ends inside a span and so has none.
    const change = (cells(row)[0] ?? "").replace(/<!--[\s\S]*?-->/g, "").trim();
    const into = /<\/span>([^<]+)$/.exec(change)?.[1];
    if (!into) {
      unchanged += 1;
      continue;
    }
    const key = STATUS_BY_LABEL.get(decodeHtml(into).trim());
    if (key) movesInto[key] = (movesInto[key] ?? 0) + 1;
  }
  return { status, payments, movesInto, unchanged, refunds: bodyRows(refundsHtml).length };
}

// ---------------------------------------------------------------------------------------------
// Direct database access, only against a PostgreSQL server the caller named
// ---------------------------------------------------------------------------------------------

/** A connection to DATABASE_URL's server, or null on the embedded database (the app holds it). */
export async function sqlClient(): Promise<pg.Client | null> {
  const url = process.env.DATABASE_URL;
  if (!url) return null;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

// ---------------------------------------------------------------------------------------------
// Running and counting
// ---------------------------------------------------------------------------------------------

/** Runs `work` over `items`, at most `concurrency` at a time, keeping the order of the results. */
export async function pool<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/** A promise that many tasks wait on and one call releases: they then start together. */
export function barrier(): { wait: Promise<void>; release: () => void } {
  let release = () => {};
  const wait = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { wait, release };
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(Math.max(rank, 0), sorted.length - 1)] as number;
}

export function latencySummary(values: readonly number[]): string {
  if (values.length === 0) return "–";
  const ms = (value: number) => `${Math.round(value)}`;
  return `${ms(percentile(values, 50))} / ${ms(percentile(values, 95))} / ${ms(Math.max(...values))}`;
}

/** A small deterministic random source (mulberry32), so a drill can be replayed with its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/** A WhatsApp number that normalizePhone accepts, different for every buyer. */
export function buyerPhone(index: number): string {
  return `0812${String(10_000_000 + index).slice(-8)}`;
}

/** Prints rows as aligned columns; the first row is the header. */
export function printTable(rows: string[][]): void {
  const widths = rows[0]?.map((_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? "").length)),
  );
  if (!widths) return;
  rows.forEach((row, index) => {
    console.log(
      row
        .map((cell, column) =>
          column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
        )
        .join("   "),
    );
    if (index === 0) console.log(widths.map((width) => "-".repeat(width)).join("   "));
  });
}

export function heading(lines: string[]): void {
  const width = Math.max(...lines.map((line) => line.length));
  console.log(`\n${"=".repeat(width)}\n${lines.join("\n")}\n${"=".repeat(width)}\n`);
}
