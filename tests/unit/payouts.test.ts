import { describe, expect, it } from "vitest";
import {
  CorruptedLineError,
  cooperativeFee,
  formatFeePercent,
  isMonthKey,
  monthKey,
  monthlyStatement,
  monthRange,
  payoutMonthDate,
  recentMonthKeys,
  shiftMonthKey,
} from "~/studio/payouts";

const TEN_PERCENT = 1000;

describe("cooperativeFee: gross × bp / 10 000, rounded half up to the whole rupiah", () => {
  it("rounds exactly half a rupiah up and less than half down", () => {
    expect(cooperativeFee(5, TEN_PERCENT)).toBe(1); // 0.5 → 1
    expect(cooperativeFee(4, TEN_PERCENT)).toBe(0); // 0.4 → 0
    expect(cooperativeFee(15, TEN_PERCENT)).toBe(2); // 1.5 → 2
    expect(cooperativeFee(14, TEN_PERCENT)).toBe(1); // 1.4 → 1
    expect(cooperativeFee(45_005, TEN_PERCENT)).toBe(4_501); // 4 500.5 → 4 501
    expect(cooperativeFee(45_004, TEN_PERCENT)).toBe(4_500); // 4 500.4 → 4 500
    expect(cooperativeFee(1, 4_999)).toBe(0); // 0.4999 → 0
    expect(cooperativeFee(1, 5_000)).toBe(1); // 0.5 → 1
  });

  it("takes 10 % of an ordinary month exactly", () => {
    expect(cooperativeFee(1_950_000, TEN_PERCENT)).toBe(195_000);
    expect(cooperativeFee(702_777, TEN_PERCENT)).toBe(70_278); // 70 277.7
    expect(cooperativeFee(325_000, 1_250)).toBe(40_625); // 12.5 %
  });

  it("takes nothing at 0 % and everything at 100 %", () => {
    expect(cooperativeFee(1_234_567, 0)).toBe(0);
    expect(cooperativeFee(1_234_567, 10_000)).toBe(1_234_567);
    expect(cooperativeFee(0, TEN_PERCENT)).toBe(0);
  });

  it("stays exact for the largest sums a safe integer holds", () => {
    const gross = Number.MAX_SAFE_INTEGER; // 9 007 199 254 740 991
    expect(cooperativeFee(gross, TEN_PERCENT)).toBe(900_719_925_474_099); // …099.1
    expect(cooperativeFee(gross, 5_000)).toBe(4_503_599_627_370_496); // …495.5 → up
    expect(cooperativeFee(gross, 10_000)).toBe(gross);
    expect(cooperativeFee(gross, 1)).toBe(900_719_925_474); // …474.0991
  });

  it("is within half a rupiah of the exact fee, a half going up (to the cooperative)", () => {
    for (let gross = 0; gross < 2_000_000; gross += 7_919) {
      for (const bp of [0, 1, 333, 999, 1_000, 1_250, 4_999, 5_000, 7_777, 10_000]) {
        const fee = cooperativeFee(gross, bp);
        // fee − exact fee, in ten-thousandths of a rupiah: more than −½, at most +½.
        const difference = BigInt(fee) * 10_000n - BigInt(gross) * BigInt(bp);
        expect(difference > -5_000n && difference <= 5_000n, `${gross} at ${bp} bp`).toBe(true);
      }
    }
  });

  it("refuses what is not a whole, non-negative amount or a fee from 0 to 100 %", () => {
    expect(() => cooperativeFee(-1, TEN_PERCENT)).toThrow(RangeError);
    expect(() => cooperativeFee(100.5, TEN_PERCENT)).toThrow(RangeError);
    expect(() => cooperativeFee(Number.NaN, TEN_PERCENT)).toThrow(RangeError);
    expect(() => cooperativeFee(1_000, -1)).toThrow(RangeError);
    expect(() => cooperativeFee(1_000, 10_001)).toThrow(RangeError);
    expect(() => cooperativeFee(1_000, 12.5)).toThrow(RangeError);
  });

  it("refuses a gross beyond what a number holds exactly instead of rounding it", () => {
    expect(() => cooperativeFee(Number.MAX_SAFE_INTEGER + 1, TEN_PERCENT)).toThrow(RangeError);
    expect(() => cooperativeFee(1e20, TEN_PERCENT)).toThrow(RangeError);
    expect(() => cooperativeFee(Number.POSITIVE_INFINITY, TEN_PERCENT)).toThrow(RangeError);
  });
});

describe("monthlyStatement", () => {
  const line = (unitPriceRupiah: number, quantity: number) => ({
    unitPriceRupiah,
    quantity,
    lineTotalRupiah: unitPriceRupiah * quantity,
  });

  it("adds the month's lines and takes the fee once, on the gross", () => {
    // Per line, 10 % of 5 would round to 1 each (3 in all); on the gross 15 it is 1.5 → 2.
    expect(monthlyStatement([line(5, 1), line(5, 1), line(5, 1)], TEN_PERCENT)).toEqual({
      itemsSold: 3,
      grossRupiah: 15,
      feeRupiah: 2,
      netRupiah: 13,
    });
    expect(
      monthlyStatement([line(150_000, 2), line(325_000, 1), line(77_777, 1)], TEN_PERCENT),
    ).toEqual({ itemsSold: 4, grossRupiah: 702_777, feeRupiah: 70_278, netRupiah: 632_499 });
  });

  it("gives a month without sales zeros", () => {
    expect(monthlyStatement([], TEN_PERCENT)).toEqual({
      itemsSold: 0,
      grossRupiah: 0,
      feeRupiah: 0,
      netRupiah: 0,
    });
  });

  it("always pays out gross − fee, to the rupiah", () => {
    const totals = monthlyStatement([line(1_999_999, 3), line(45_005, 1)], 777);
    expect(totals.grossRupiah).toBe(6_045_002);
    expect(totals.feeRupiah + totals.netRupiah).toBe(totals.grossRupiah);
    expect(totals.feeRupiah).toBe(469_697); // 469 696.6554 → 469 697
  });

  it("refuses a corrupted snapshot instead of paying it out", () => {
    const corrupted = { unitPriceRupiah: 150_000, quantity: 2, lineTotalRupiah: 3_000_000 };
    expect(() => monthlyStatement([line(65_000, 1), corrupted], TEN_PERCENT)).toThrow(
      CorruptedLineError,
    );
    for (const bad of [
      { unitPriceRupiah: 150_000.5, quantity: 2, lineTotalRupiah: 300_001 },
      { unitPriceRupiah: 150_000, quantity: 0, lineTotalRupiah: 0 },
      { unitPriceRupiah: 150_000, quantity: -1, lineTotalRupiah: -150_000 },
      { unitPriceRupiah: 150_000, quantity: 1.5, lineTotalRupiah: 225_000 },
      { unitPriceRupiah: -150_000, quantity: 1, lineTotalRupiah: -150_000 },
    ]) {
      expect(() => monthlyStatement([bad], TEN_PERCENT)).toThrow(CorruptedLineError);
    }
  });

  it("refuses a month too large to add up exactly, and a fee out of range", () => {
    const huge = line(4_000_000_000_000_000, 1);
    expect(() => monthlyStatement([huge, huge, huge], TEN_PERCENT)).toThrow(RangeError);
    expect(() =>
      monthlyStatement(
        [{ unitPriceRupiah: 4_000_000_000_000_000, quantity: 3, lineTotalRupiah: 1.2e16 }],
        TEN_PERCENT,
      ),
    ).toThrow(CorruptedLineError);
    expect(() => monthlyStatement([line(1_000, 1)], 10_001)).toThrow(RangeError);
  });
});

describe("formatFeePercent", () => {
  it("writes basis points as a percentage in the reader's language", () => {
    expect(formatFeePercent(1_000, "id")).toBe("10%");
    expect(formatFeePercent(1_250, "id")).toBe("12,5%");
    expect(formatFeePercent(1_250, "en")).toBe("12.5%");
    expect(formatFeePercent(5, "en")).toBe("0.05%");
    expect(formatFeePercent(0, "id")).toBe("0%");
    expect(formatFeePercent(10_000, "id")).toBe("100%");
  });
});

describe("months in WIB", () => {
  it("puts an instant in its Jakarta month, not the server's", () => {
    expect(monthKey(new Date("2026-11-30T17:30:00Z"))).toBe("2026-12"); // 00:30 on 1 December
    expect(monthKey(new Date("2026-11-30T16:30:00Z"))).toBe("2026-11"); // 23:30 on 30 November
    expect(monthKey(new Date("2026-12-31T17:00:00Z"))).toBe("2027-01"); // midnight, New Year
    expect(monthKey(new Date("2026-12-31T16:59:59.999Z"))).toBe("2026-12");
  });

  it("gives the UTC instants where a WIB month starts and the next one starts", () => {
    expect(monthRange("2026-12")).toEqual({
      start: new Date("2026-11-30T17:00:00Z"),
      end: new Date("2026-12-31T17:00:00Z"),
    });
    expect(monthRange("2027-02")).toEqual({
      start: new Date("2027-01-31T17:00:00Z"),
      end: new Date("2027-02-28T17:00:00Z"),
    });
    expect(monthRange("2028-02").end).toEqual(new Date("2028-02-29T17:00:00Z")); // leap year
  });

  it("has every instant of a month inside its own range", () => {
    for (const iso of ["2026-11-30T17:30:00Z", "2026-11-30T16:30:00Z", "2026-12-31T17:00:00Z"]) {
      const instant = new Date(iso);
      const { start, end } = monthRange(monthKey(instant));
      expect(start <= instant && instant < end).toBe(true);
    }
  });

  it("counts months back across the year's end, newest first", () => {
    expect(recentMonthKeys(new Date("2027-01-31T16:59:00Z"), 3)).toEqual([
      "2027-01",
      "2026-12",
      "2026-11",
    ]);
    // 00:30 on 1 January WIB is still 31 December in UTC.
    expect(recentMonthKeys(new Date("2026-12-31T17:30:00Z"), 2)).toEqual(["2027-01", "2026-12"]);
    expect(shiftMonthKey("2026-01", -1)).toBe("2025-12");
    expect(shiftMonthKey("2026-12", 1)).toBe("2027-01");
    expect(shiftMonthKey("2026-03", -27)).toBe("2023-12");
  });

  it("stores a payout's month as its first day", () => {
    expect(payoutMonthDate("2026-11")).toEqual(new Date("2026-11-01T00:00:00Z"));
  });

  it("refuses what is not a month", () => {
    for (const key of ["2026-13", "2026-00", "2026-1", "26-11", "2026-11-01", ""]) {
      expect(isMonthKey(key)).toBe(false);
      expect(() => monthRange(key)).toThrow(RangeError);
    }
    expect(isMonthKey("2026-11")).toBe(true);
    expect(() => monthKey(new Date("not a date"))).toThrow(RangeError);
    expect(() => recentMonthKeys(new Date(), 0)).toThrow(RangeError);
  });
});
