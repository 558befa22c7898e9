import { notFound, type ArtisanOwner } from "~/accounts/permissions.server";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import type { Locale } from "~/i18n/config";
import { wibDateKey } from "~/lib/dates";
import {
  formatFeePercent,
  formatMonthKey,
  formatShortDate,
  isFutureMonth,
  isMonthKey,
  monthKey,
  monthlyStatement,
  monthRange,
  paidFeeBasisPoints,
  payoutDifference,
  payoutMonthDate,
  payoutState,
  recentMonthKeys,
  type PayoutDifference,
  type PayoutState,
  type SoldLine,
  type StatementTotals,
} from "./payouts";

/**
 * An artisan's sales and payout statements. Every query an artisan's page makes is narrowed to
 * `owner.artisanId`: an artisan only ever reads their own lines of an order, never another
 * artisan's. (The admin's payouts module reads every artisan through `artisanMonthStatement` and
 * `soldLinesOfMonth`, which take the artisan's id instead of an owner.)
 *
 * When a sale counts: as on the studio's home (`salesThisMonth`), a line is sold when its order
 * was handed over to the buyer — the order is PICKED_UP — and it counts in the WIB month of the
 * order's PICKED_UP event, whatever day the pickup was due. An order refunded afterwards is no
 * longer PICKED_UP, so it drops out of a statement recomputed later.
 *
 * The fee rate: a month not paid out yet uses the cooperative's current `feeBasisPoints`, so a
 * new rate applies to every month not paid out. A paid month keeps the rate it was paid at (read
 * back from the Payout's own gross and fee, see `paidFeeBasisPoints`), and the Payout keeps the
 * figures that were transferred: a later change of the rate never rewrites a paid month, and a
 * refund afterwards shows as a difference between the Payout and the statement now
 * (`payoutDifference`), never as a silent change of what was paid.
 */

/** Prisma's client, or a transaction's (the admin computes a payout inside its transaction). */
type Db = Prisma.TransactionClient;

/** A payout the cooperative recorded for the month, with the figures it was paid with. */
export type RecordedPayout = {
  grossRupiah: number;
  feeRupiah: number;
  netRupiah: number;
  /** null while recorded but not transferred yet. */
  paidAt: Date | null;
  transferReference: string | null;
};

export type MonthSummary = StatementTotals & {
  /** "YYYY-MM", the WIB month. */
  month: string;
  /**
   * The fee rate the figures were computed with: the rate the month was paid at, or the
   * cooperative's current one for a month not paid out.
   */
  feeBasisPoints: number;
  payout: RecordedPayout | null;
  /** The statement now minus the payout, when they no longer agree; null otherwise. */
  payoutDifference: PayoutDifference | null;
};

const payoutSelect = {
  grossRupiah: true,
  feeRupiah: true,
  netRupiah: true,
  paidAt: true,
  transferReference: true,
} as const;

const MAX_MONTHS = 120;

/**
 * The artisan's last `months` WIB months up to the one of `now`, newest first: items sold,
 * gross, the cooperative's fee, net payable, and the Payout if one was recorded. Months without
 * sales are listed with zeros, so a statement page shows every month.
 */
export async function salesByMonth(
  owner: ArtisanOwner,
  { months = 12, now }: { months?: number; now: Date },
): Promise<MonthSummary[]> {
  if (!Number.isSafeInteger(months) || months < 1 || months > MAX_MONTHS) {
    throw new RangeError(`A statement covers 1 to ${MAX_MONTHS} months, not ${months}`);
  }
  const keys = recentMonthKeys(now, months);
  const start = monthRange(keys.at(-1)!).start;
  const end = monthRange(keys[0]!).end;
  const [feeBasisPoints, lines, payouts] = await Promise.all([
    currentFeeBasisPoints(prisma, owner.artisanId),
    soldLines(prisma, { artisanId: owner.artisanId }, start, end),
    prisma.payout.findMany({
      where: { artisanId: owner.artisanId, month: { in: keys.map(payoutMonthDate) } },
      select: { month: true, ...payoutSelect },
    }),
  ]);
  const linesByMonth = new Map<string, SoldRow[]>(keys.map((key) => [key, []]));
  for (const line of lines) linesByMonth.get(monthKey(line.pickedUpAt))?.push(line);
  const payoutByMonth = new Map<string, RecordedPayout>(
    payouts.map(({ month, ...payout }) => [month.toISOString().slice(0, 7), payout]),
  );
  return keys.map((key) =>
    summarize(key, linesByMonth.get(key) ?? [], feeBasisPoints, payoutByMonth.get(key) ?? null),
  );
}

/**
 * A month's figures from its lines: at the rate its payout was paid at when there is one (so an
 * unchanged month agrees with its payout to the rupiah), else at the current rate.
 */
export function summarize(
  month: string,
  lines: readonly SoldLine[],
  currentFeeBasisPoints: number,
  payout: RecordedPayout | null,
): MonthSummary {
  const feeBasisPoints = payout
    ? (paidFeeBasisPoints(payout, currentFeeBasisPoints) ?? currentFeeBasisPoints)
    : currentFeeBasisPoints;
  const totals = monthlyStatement(lines, feeBasisPoints);
  return {
    month,
    feeBasisPoints,
    ...totals,
    payout,
    payoutDifference: payout ? payoutDifference(payout, totals) : null,
  };
}

/** A statement page's month from its address: "YYYY-MM", not after the current WIB month; else 404. */
export function statementMonthOrNotFound(param: string | undefined, now: Date): string {
  if (param === undefined || !isMonthKey(param) || isFutureMonth(param, now)) throw notFound();
  return param;
}

/** A month as the statement pages show it: figures, the fee and the payout, in words. */
export type MonthView = StatementTotals & {
  key: string;
  /** "November 2026". */
  label: string;
  /** "Nov", under the chart's bar. */
  shortLabel: string;
  feePercent: string;
  state: PayoutState;
  paidOn: string | null;
  transferReference: string | null;
  paid: { grossRupiah: number; feeRupiah: number; netRupiah: number } | null;
  difference: PayoutDifference | null;
};

export function monthView(summary: MonthSummary, locale: Locale, now: Date): MonthView {
  const { payout } = summary;
  return {
    key: summary.month,
    label: formatMonthKey(summary.month, locale, "long"),
    shortLabel: formatMonthKey(summary.month, locale, "short"),
    itemsSold: summary.itemsSold,
    grossRupiah: summary.grossRupiah,
    feeRupiah: summary.feeRupiah,
    netRupiah: summary.netRupiah,
    feePercent: formatFeePercent(summary.feeBasisPoints, locale),
    state: payoutState(summary, now),
    paidOn: payout?.paidAt ? formatShortDate(payout.paidAt, locale) : null,
    transferReference: payout?.transferReference ?? null,
    paid: payout
      ? {
          grossRupiah: payout.grossRupiah,
          feeRupiah: payout.feeRupiah,
          netRupiah: payout.netRupiah,
        }
      : null,
    difference: summary.payoutDifference,
  };
}

/** One sold line of a statement, as the order snapshot recorded it. */
export type StatementLine = {
  orderNumber: string;
  /** When the buyer collected the order (its PICKED_UP event). */
  pickedUpAt: Date;
  titleId: string;
  titleEn: string | null;
  variantLabelId: string;
  variantLabelEn: string | null;
  sku: string;
  quantity: number;
  unitPriceRupiah: number;
  lineTotalRupiah: number;
};

export type MonthStatement = MonthSummary & { lines: StatementLine[] };

/**
 * The artisan's statement for one WIB month ("YYYY-MM"): every line sold, in the order the
 * buyers collected them, with the month's totals and the Payout if one was recorded. Throws a
 * RangeError for a malformed month key (a route answers 404), and a CorruptedLineError when a
 * line's total is not unit price × quantity.
 */
export async function monthStatement(owner: ArtisanOwner, key: string): Promise<MonthStatement> {
  return artisanMonthStatement(prisma, owner.artisanId, key);
}

/**
 * One artisan's statement for a month, read with `db`: for the admin's payouts, which compute
 * the amounts of a payout inside the transaction that records it. A page of the studio calls
 * `monthStatement` with the signed-in owner instead.
 */
export async function artisanMonthStatement(
  db: Db,
  artisanId: string,
  key: string,
): Promise<MonthStatement> {
  const { start, end } = monthRange(key);
  // One after the other: inside a transaction a client runs one query at a time.
  const feeBasisPoints = await currentFeeBasisPoints(db, artisanId);
  const rows = await soldLines(db, { artisanId }, start, end);
  const payout = await db.payout.findUnique({
    where: { artisanId_month: { artisanId, month: payoutMonthDate(key) } },
    select: payoutSelect,
  });
  const lines = rows.filter((row) => monthKey(row.pickedUpAt) === key);
  return {
    ...summarize(key, lines, feeBasisPoints, payout),
    lines: lines.map(({ orderId: _orderId, artisanId: _artisanId, ...line }) => line),
  };
}

/**
 * Every artisan's sold lines of a WIB month, by artisan id: for the admin's payouts overview.
 * Each line carries what `monthlyStatement` needs.
 */
export async function soldLinesOfMonth(key: string): Promise<Map<string, SoldLine[]>> {
  const { start, end } = monthRange(key);
  const byArtisan = new Map<string, SoldLine[]>();
  for (const row of await soldLines(prisma, {}, start, end)) {
    const lines = byArtisan.get(row.artisanId) ?? [];
    lines.push(row);
    byArtisan.set(row.artisanId, lines);
  }
  return byArtisan;
}

/** Where the cooperative pays an artisan: their own bank details, or null while not given. */
export type BankDetails = { bankName: string; accountNumber: string; accountName: string };

export function bankDetailsOf(artisan: {
  bankName: string | null;
  bankAccountNumber: string | null;
  bankAccountName: string | null;
}): BankDetails | null {
  const { bankName, bankAccountNumber, bankAccountName } = artisan;
  return bankName && bankAccountNumber && bankAccountName
    ? { bankName, accountNumber: bankAccountNumber, accountName: bankAccountName }
    : null;
}

/**
 * The signed-in artisan's own bank details, for them to check, and how to reach the cooperative
 * to change them. Only the artisan's own row is read.
 */
export async function ownBankDetails(
  owner: ArtisanOwner,
): Promise<{ bank: BankDetails | null; cooperative: { name: string; phone: string } }> {
  const artisan = await prisma.artisan.findUniqueOrThrow({
    where: { id: owner.artisanId },
    select: {
      bankName: true,
      bankAccountNumber: true,
      bankAccountName: true,
      cooperative: { select: { shortName: true, phone: true } },
    },
  });
  return {
    bank: bankDetailsOf(artisan),
    cooperative: { name: artisan.cooperative.shortName, phone: artisan.cooperative.phone },
  };
}

type SoldRow = StatementLine & { orderId: string; artisanId: string };

async function currentFeeBasisPoints(db: Db, artisanId: string): Promise<number> {
  const artisan = await db.artisan.findUniqueOrThrow({
    where: { id: artisanId },
    select: { cooperative: { select: { feeBasisPoints: true } } },
  });
  return artisan.cooperative.feeBasisPoints;
}

/**
 * The lines of orders collected between `start` (included) and `end` (excluded) — the one
 * artisan's when `artisanId` is given, everyone's otherwise — oldest handover first, each with
 * the moment of its order's first PICKED_UP event.
 */
async function soldLines(
  db: Db,
  { artisanId }: { artisanId?: string },
  start: Date,
  end: Date,
): Promise<SoldRow[]> {
  const rows = await db.orderItem.findMany({
    where: {
      ...(artisanId === undefined ? {} : { artisanId }),
      order: {
        status: "PICKED_UP",
        events: { some: { toStatus: "PICKED_UP", createdAt: { gte: start, lt: end } } },
      },
    },
    select: {
      id: true,
      artisanId: true,
      titleId: true,
      titleEn: true,
      variantLabelId: true,
      variantLabelEn: true,
      sku: true,
      quantity: true,
      unitPriceRupiah: true,
      lineTotalRupiah: true,
      order: {
        select: {
          id: true,
          number: true,
          events: {
            where: { toStatus: "PICKED_UP" },
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
            take: 1,
            select: { createdAt: true },
          },
        },
      },
    },
  });
  const sold: (SoldRow & { id: string })[] = [];
  for (const { order, ...item } of rows) {
    const pickedUpAt = order.events[0]?.createdAt;
    // The handover is the order's first PICKED_UP event; one outside the period is not counted.
    if (!pickedUpAt || pickedUpAt < start || pickedUpAt >= end) continue;
    sold.push({ ...item, orderId: order.id, orderNumber: order.number, pickedUpAt });
  }
  sold.sort(
    (a, b) =>
      a.pickedUpAt.getTime() - b.pickedUpAt.getTime() ||
      a.orderNumber.localeCompare(b.orderNumber) ||
      a.id.localeCompare(b.id),
  );
  return sold.map(({ id: _id, ...line }) => line);
}

// ── CSV ───────────────────────────────────────────────────────────────────────────────────────

const csvTexts = {
  id: {
    header: [
      "Nomor pesanan",
      "Tanggal diambil",
      "Barang",
      "Varian",
      "Jumlah",
      "Harga satuan (Rp)",
      "Total baris (Rp)",
    ],
    gross: "Total penjualan",
    fee: "Potongan koperasi ({{percent}})",
    net: "Bersih dibayarkan",
  },
  en: {
    header: [
      "Order number",
      "Picked up on",
      "Item",
      "Variant",
      "Quantity",
      "Unit price (IDR)",
      "Line total (IDR)",
    ],
    gross: "Total sales",
    fee: "Cooperative's fee ({{percent}})",
    net: "Net payable",
  },
} satisfies Record<Locale, { header: string[]; gross: string; fee: string; net: string }>;

/** Excel on Windows reads a CSV as UTF-8 only when it starts with a byte order mark. */
const BOM = "\uFEFF";

/**
 * The statement as a CSV file (RFC 4180: commas, CRLF line ends, fields with a comma, a quote or
 * a line break quoted, quotes doubled), headed in the reader's language, with a UTF-8 BOM.
 * One row per line sold (picked-up date as YYYY-MM-DD in WIB, amounts as plain integers of
 * rupiah), then the totals: items sold and gross, the cooperative's fee, and the net payable,
 * each in the line-total column.
 */
export function statementCsv(statement: MonthStatement, locale: Locale): string {
  const texts = csvTexts[locale];
  const rows: (string | number)[][] = [texts.header];
  for (const line of statement.lines) {
    rows.push([
      line.orderNumber,
      wibDateKey(line.pickedUpAt),
      (locale === "en" ? line.titleEn : null) ?? line.titleId,
      (locale === "en" ? line.variantLabelEn : null) ?? line.variantLabelId,
      line.quantity,
      line.unitPriceRupiah,
      line.lineTotalRupiah,
    ]);
  }
  const percent = formatFeePercent(statement.feeBasisPoints, locale);
  rows.push(
    [texts.gross, "", "", "", statement.itemsSold, "", statement.grossRupiah],
    [texts.fee.replace("{{percent}}", percent), "", "", "", "", "", statement.feeRupiah],
    [texts.net, "", "", "", "", "", statement.netRupiah],
  );
  return BOM + rows.map((row) => row.map(csvField).join(",") + "\r\n").join("");
}

function csvField(value: string | number): string {
  if (typeof value === "number") return String(value);
  // A spreadsheet runs a cell starting with = + - @ as a formula; a leading ' keeps it text.
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
