import { TZDate, tz } from "@date-fns/tz";
import { format } from "date-fns";
import type { Locale } from "~/i18n/config";
import { TIME_ZONE } from "~/lib/dates";

/**
 * Payout arithmetic for artisans' monthly statements. Pure and safe to import in the browser:
 * every amount is a whole number of rupiah and no step goes through a floating-point fraction.
 */

/** 10 000 basis points are 100 %: the cooperative never takes more than the whole sale. */
export const MAX_FEE_BASIS_POINTS = 10_000;

/**
 * The cooperative's fee on an artisan's month, in whole rupiah.
 *
 * Rounding rule: the fee is computed once, on the month's gross total (never line by line), as
 * gross × basis points / 10 000, rounded half up to the whole rupiah: a remainder of half a
 * rupiah or more rounds up, less than half rounds down. So the artisan never loses more than
 * half a rupiah to rounding, and a statement recomputed later from the same sales gives the same
 * figure. The computation is exact integer arithmetic (BigInt, (gross × bp + 5 000) div 10 000),
 * so even the largest gross a safe integer can hold is rounded correctly.
 *
 * Refuses (RangeError) a gross that is negative or not a safe whole number, and basis points
 * that are not a whole number from 0 to 10 000.
 */
export function cooperativeFee(grossRupiah: number, feeBasisPoints: number): number {
  requireWholeRupiah("The gross", grossRupiah);
  requireBasisPoints(feeBasisPoints);
  const fee =
    (BigInt(grossRupiah) * BigInt(feeBasisPoints) + BigInt(MAX_FEE_BASIS_POINTS / 2)) /
    BigInt(MAX_FEE_BASIS_POINTS);
  // fee ≤ gross, and gross is a safe integer, so the conversion back is exact.
  return Number(fee);
}

/** One sold line as the order snapshot recorded it. */
export type SoldLine = { unitPriceRupiah: number; quantity: number; lineTotalRupiah: number };

export type StatementTotals = {
  /** Pieces handed over to buyers. */
  itemsSold: number;
  /** Sum of the line totals, before the cooperative's fee. */
  grossRupiah: number;
  /** The cooperative's fee on the gross (see `cooperativeFee` for the rounding rule). */
  feeRupiah: number;
  /** What the cooperative pays the artisan: gross − fee. */
  netRupiah: number;
};

/** A line whose snapshot does not add up: it is never paid out, whatever it claims. */
export class CorruptedLineError extends Error {
  override name = "CorruptedLineError";
  constructor(
    readonly line: SoldLine,
    reason: string,
  ) {
    super(`A sold line cannot be paid out: ${reason} (${JSON.stringify(line)})`);
  }
}

/**
 * A month's totals from its sold lines: items sold, gross, the cooperative's fee on the gross,
 * and the net payable (gross − fee).
 *
 * Every line must be a whole quantity of at least one piece at a whole unit price, and its total
 * must be exactly unit price × quantity; otherwise the snapshot is corrupted and the whole
 * statement is refused (CorruptedLineError). A gross too large to be added exactly is refused
 * (RangeError) instead of being rounded by floating point.
 */
export function monthlyStatement(
  lines: readonly SoldLine[],
  feeBasisPoints: number,
): StatementTotals {
  requireBasisPoints(feeBasisPoints);
  let itemsSold = 0;
  let grossRupiah = 0;
  for (const line of lines) {
    const { unitPriceRupiah, quantity, lineTotalRupiah } = line;
    if (!Number.isSafeInteger(unitPriceRupiah) || unitPriceRupiah < 0) {
      throw new CorruptedLineError(line, "the unit price is not a whole number of rupiah");
    }
    if (!Number.isSafeInteger(quantity) || quantity < 1) {
      throw new CorruptedLineError(line, "the quantity is not a whole number of pieces");
    }
    if (!Number.isSafeInteger(lineTotalRupiah) || lineTotalRupiah < 0) {
      throw new CorruptedLineError(line, "the line total is not a whole number of rupiah");
    }
    const expected = unitPriceRupiah * quantity;
    if (!Number.isSafeInteger(expected) || expected !== lineTotalRupiah) {
      throw new CorruptedLineError(line, "the line total is not unit price × quantity");
    }
    itemsSold += quantity;
    grossRupiah += lineTotalRupiah;
    if (!Number.isSafeInteger(grossRupiah) || !Number.isSafeInteger(itemsSold)) {
      throw new RangeError("The month's sales are too large to add up exactly");
    }
  }
  const feeRupiah = cooperativeFee(grossRupiah, feeBasisPoints);
  return { itemsSold, grossRupiah, feeRupiah, netRupiah: grossRupiah - feeRupiah };
}

/** The fee as people read it: 1000 → "10%", 1250 → "12,5%" (id) or "12.5%" (en). */
export function formatFeePercent(feeBasisPoints: number, locale: Locale): string {
  requireBasisPoints(feeBasisPoints);
  const whole = Math.trunc(feeBasisPoints / 100);
  const hundredths = String(feeBasisPoints % 100)
    .padStart(2, "0")
    .replace(/0+$/, "");
  return hundredths ? `${whole}${locale === "id" ? "," : "."}${hundredths}%` : `${whole}%`;
}

/**
 * A fee as an admin types it, in percent: "10", "7,5", "7.5", "12,25 %" → basis points (1000,
 * 750, 750, 1225). At most two decimals (a basis point is 0.01 %), from 0 to 100 %; anything
 * else → null.
 */
export function parseFeePercent(input: string): number | null {
  const text = input.trim().replace(/\s*%$/, "");
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(text);
  if (!match) return null;
  const basisPoints = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return basisPoints <= MAX_FEE_BASIS_POINTS ? basisPoints : null;
}

/**
 * The fee before rounding, exactly: gross × basis points / 10 000 as whole rupiah and the
 * ten-thousandths of a rupiah after them. 822 777 at 10 % → { rupiah: 82 277, tenThousandths:
 * 7 000 } (82 277.7). For writing the rounding out on a statement.
 */
export function exactFee(
  grossRupiah: number,
  feeBasisPoints: number,
): { rupiah: number; tenThousandths: number } {
  requireWholeRupiah("The gross", grossRupiah);
  requireBasisPoints(feeBasisPoints);
  const product = BigInt(grossRupiah) * BigInt(feeBasisPoints);
  const whole = BigInt(MAX_FEE_BASIS_POINTS);
  return { rupiah: Number(product / whole), tenThousandths: Number(product % whole) };
}

/**
 * The fee rate a recorded payout was paid at, read back from its own gross and fee: the basis
 * points whose fee on that gross is exactly the recorded fee. From a gross of Rp 10 000 up only
 * one rate gives a fee; on a smaller gross several may, and the one closest to `near` (the
 * current rate) is taken — each gives the same fee on the gross that was paid. Null when no rate
 * gives the recorded figures (a payout not made with this arithmetic).
 */
export function paidFeeBasisPoints(
  payout: { grossRupiah: number; feeRupiah: number },
  near: number,
): number | null {
  requireBasisPoints(near);
  const { grossRupiah, feeRupiah } = payout;
  if (!Number.isSafeInteger(grossRupiah) || grossRupiah < 0) return null;
  if (!Number.isSafeInteger(feeRupiah) || feeRupiah < 0 || feeRupiah > grossRupiah) return null;
  if (grossRupiah === 0) return near;
  // cooperativeFee = ⌊(g × bp + 5 000) / 10 000⌋ = fee  ⟺  fee × 10 000 − 5 000 ≤ g × bp ≤
  // fee × 10 000 + 4 999.
  const gross = BigInt(grossRupiah);
  const low = BigInt(feeRupiah) * 10_000n - 5_000n;
  const high = BigInt(feeRupiah) * 10_000n + 4_999n;
  const ceilDiv = (a: bigint, b: bigint) => (a <= 0n ? 0n : (a + b - 1n) / b);
  const from = Math.max(0, Number(ceilDiv(low, gross)));
  const to = Math.min(MAX_FEE_BASIS_POINTS, Number(high / gross));
  if (from > to) return null;
  return Math.min(Math.max(near, from), to);
}

/** What changed between a recorded payout and the month's statement now (now − paid). */
export type PayoutDifference = { grossRupiah: number; feeRupiah: number; netRupiah: number };

/**
 * How far the month's statement now is from what was paid — e.g. after an order collected that
 * month was refunded — or null when they agree. Positive: the artisan is owed more; negative:
 * they were paid more than the sales now give.
 */
export function payoutDifference(
  paid: { grossRupiah: number; feeRupiah: number; netRupiah: number },
  now: StatementTotals,
): PayoutDifference | null {
  const difference = {
    grossRupiah: now.grossRupiah - paid.grossRupiah,
    feeRupiah: now.feeRupiah - paid.feeRupiah,
    netRupiah: now.netRupiah - paid.netRupiah,
  };
  return Object.values(difference).every((value) => value === 0) ? null : difference;
}

// ── months ────────────────────────────────────────────────────────────────────────────────────

const wib = tz(TIME_ZONE);
const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Whether `value` is a month key, "YYYY-MM". */
export function isMonthKey(value: string): boolean {
  return MONTH_KEY.test(value);
}

/** The WIB calendar month of an instant, as "YYYY-MM": 2026-11-30T17:30Z → "2026-12". */
export function monthKey(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError("Not a date");
  return format(date, "yyyy-MM", { in: wib });
}

function parseMonthKey(key: string): { year: number; month: number } {
  const match = MONTH_KEY.exec(key);
  if (!match) throw new RangeError(`Not a month key (YYYY-MM): ${key}`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

/**
 * The instants (UTC) where a WIB month starts and where the next one starts: a sale at `t`
 * belongs to the month when start ≤ t < end. "2026-12" → 2026-11-30T17:00Z … 2026-12-31T17:00Z.
 */
export function monthRange(key: string): { start: Date; end: Date } {
  const { year, month } = parseMonthKey(key);
  return {
    start: new Date(new TZDate(year, month - 1, 1, TIME_ZONE).getTime()),
    end: new Date(new TZDate(year, month, 1, TIME_ZONE).getTime()),
  };
}

/** The month `delta` months after `key` (before it when negative): ("2026-01", -1) → "2025-12". */
export function shiftMonthKey(key: string, delta: number): string {
  if (!Number.isSafeInteger(delta)) throw new RangeError(`Not a whole number of months: ${delta}`);
  const { year, month } = parseMonthKey(key);
  const index = year * 12 + (month - 1) + delta;
  const shiftedYear = Math.floor(index / 12);
  if (shiftedYear < 0 || shiftedYear > 9999) throw new RangeError("No such month");
  return `${String(shiftedYear).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The `count` WIB months up to and including the one of `now`, newest first. */
export function recentMonthKeys(now: Date, count: number): string[] {
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new RangeError(`Not a number of months: ${count}`);
  }
  const current = monthKey(now);
  return Array.from({ length: count }, (_, back) => shiftMonthKey(current, -back));
}

/** Whether the WIB month `key` is over at `now`: only a finished month can be paid out. */
export function isFinishedMonth(key: string, now: Date): boolean {
  parseMonthKey(key);
  return key < monthKey(now);
}

/** Whether the WIB month `key` has not started yet at `now`. */
export function isFutureMonth(key: string, now: Date): boolean {
  parseMonthKey(key);
  return key > monthKey(now);
}

const intlLocale = { id: "id-ID", en: "en-GB" } as const;

/** "November 2026" (long) or "Nov" (short), in the reader's language. */
export function formatMonthKey(key: string, locale: Locale, style: "long" | "short"): string {
  const { year, month } = parseMonthKey(key);
  return new Intl.DateTimeFormat(
    intlLocale[locale],
    style === "long"
      ? { timeZone: "UTC", month: "long", year: "numeric" }
      : { timeZone: "UTC", month: "short" },
  ).format(new Date(Date.UTC(year, month - 1, 1)));
}

/** "28 Nov 2026": the WIB day of an instant, short, in the reader's language. */
export function formatShortDate(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], {
    timeZone: TIME_ZONE,
    day: "numeric",
    month: "short",
    year: "numeric",
  }).format(date);
}

/**
 * Where a month stands for the artisan: paid (transferred), recorded but not transferred, still
 * running (the current month), not paid yet, or nothing to pay (no net sales).
 */
export type PayoutState = "paid" | "recorded" | "running" | "unpaid" | "nothing";

export function payoutState(
  summary: { month: string; netRupiah: number; payout: { paidAt: Date | null } | null },
  now: Date,
): PayoutState {
  if (summary.payout) return summary.payout.paidAt ? "paid" : "recorded";
  if (!isFinishedMonth(summary.month, now)) return "running";
  return summary.netRupiah > 0 ? "unpaid" : "nothing";
}

/** How a Payout row stores its month: the first day, as a date (midnight UTC) — "2026-11" → 2026-11-01. */
export function payoutMonthDate(key: string): Date {
  const { year, month } = parseMonthKey(key);
  return new Date(Date.UTC(year, month - 1, 1));
}

// ── checks ────────────────────────────────────────────────────────────────────────────────────

function requireWholeRupiah(what: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a whole number of rupiah, 0 or more, not ${value}`);
  }
}

function requireBasisPoints(value: number): void {
  if (!Number.isInteger(value) || value < 0 || value > MAX_FEE_BASIS_POINTS) {
    throw new RangeError(`A fee must be 0 to ${MAX_FEE_BASIS_POINTS} basis points, not ${value}`);
  }
}
