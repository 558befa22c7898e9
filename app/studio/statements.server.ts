import type { ArtisanOwner } from "~/accounts/permissions.server";
import { prisma } from "~/db.server";
import type { Locale } from "~/i18n/config";
import { wibDateKey } from "~/lib/dates";
import {
  formatFeePercent,
  monthKey,
  monthlyStatement,
  monthRange,
  payoutMonthDate,
  recentMonthKeys,
  type StatementTotals,
} from "./payouts";

/**
 * An artisan's sales and payout statements. Every query is narrowed to `owner.artisanId`: an
 * artisan only ever reads their own lines of an order, never another artisan's.
 *
 * When a sale counts: as on the studio's home (`salesThisMonth`), a line is sold when its order
 * was handed over to the buyer — the order is PICKED_UP — and it counts in the WIB month of the
 * order's PICKED_UP event, whatever day the pickup was due. An order refunded afterwards is no
 * longer PICKED_UP, so it drops out of a statement recomputed later.
 *
 * The fee uses the cooperative's current `feeBasisPoints`. A recorded Payout keeps the figures it
 * was paid with (its own gross, fee and net), so a later change of the fee, or a refund, never
 * rewrites what was already transferred; a month shows both, and the Payout's figures are the
 * ones that were paid.
 */

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
  /** The fee rate the figures were computed with (the cooperative's current one). */
  feeBasisPoints: number;
  payout: RecordedPayout | null;
};

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
    currentFeeBasisPoints(owner),
    soldLines(owner, start, end),
    prisma.payout.findMany({
      where: { artisanId: owner.artisanId, month: { in: keys.map(payoutMonthDate) } },
      select: {
        month: true,
        grossRupiah: true,
        feeRupiah: true,
        netRupiah: true,
        paidAt: true,
        transferReference: true,
      },
    }),
  ]);
  const linesByMonth = new Map<string, SoldRow[]>(keys.map((key) => [key, []]));
  for (const line of lines) linesByMonth.get(monthKey(line.pickedUpAt))?.push(line);
  const payoutByMonth = new Map<string, RecordedPayout>(
    payouts.map(({ month, ...payout }) => [month.toISOString().slice(0, 7), payout]),
  );
  return keys.map((key) => ({
    month: key,
    feeBasisPoints,
    ...monthlyStatement(linesByMonth.get(key) ?? [], feeBasisPoints),
    payout: payoutByMonth.get(key) ?? null,
  }));
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
  const { start, end } = monthRange(key);
  const [feeBasisPoints, rows, payout] = await Promise.all([
    currentFeeBasisPoints(owner),
    soldLines(owner, start, end),
    prisma.payout.findUnique({
      where: { artisanId_month: { artisanId: owner.artisanId, month: payoutMonthDate(key) } },
      select: {
        grossRupiah: true,
        feeRupiah: true,
        netRupiah: true,
        paidAt: true,
        transferReference: true,
      },
    }),
  ]);
  const lines = rows.filter((row) => monthKey(row.pickedUpAt) === key);
  return {
    month: key,
    feeBasisPoints,
    ...monthlyStatement(lines, feeBasisPoints),
    payout,
    lines: lines.map(({ orderId: _orderId, ...line }) => line),
  };
}

type SoldRow = StatementLine & { orderId: string };

async function currentFeeBasisPoints(owner: ArtisanOwner): Promise<number> {
  const artisan = await prisma.artisan.findUniqueOrThrow({
    where: { id: owner.artisanId },
    select: { cooperative: { select: { feeBasisPoints: true } } },
  });
  return artisan.cooperative.feeBasisPoints;
}

/**
 * The owner's lines of orders collected between `start` (included) and `end` (excluded),
 * oldest handover first, each with the moment of its order's first PICKED_UP event.
 */
async function soldLines(owner: ArtisanOwner, start: Date, end: Date): Promise<SoldRow[]> {
  const rows = await prisma.orderItem.findMany({
    where: {
      artisanId: owner.artisanId,
      order: {
        status: "PICKED_UP",
        events: { some: { toStatus: "PICKED_UP", createdAt: { gte: start, lt: end } } },
      },
    },
    select: {
      id: true,
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
