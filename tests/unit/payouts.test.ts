import { describe, expect, it } from "vitest";
import {
  CorruptedLineError,
  cooperativeFee,
  exactFee,
  formatFeePercent,
  formatMonthKey,
  isFinishedMonth,
  isFutureMonth,
  isMonthKey,
  monthKey,
  monthlyStatement,
  monthRange,
  paidFeeBasisPoints,
  parseFeePercent,
  payoutDifference,
  payoutMonthDate,
  payoutState,
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

describe("parseFeePercent: what an admin types, in basis points", () => {
  it("reads whole percentages and up to two decimals, with a comma or a point", () => {
    expect(parseFeePercent("10")).toBe(1_000);
    expect(parseFeePercent("7,5")).toBe(750);
    expect(parseFeePercent("7.5")).toBe(750);
    expect(parseFeePercent(" 12,25 % ")).toBe(1_225);
    expect(parseFeePercent("0")).toBe(0);
    expect(parseFeePercent("0,05")).toBe(5);
    expect(parseFeePercent("100")).toBe(10_000);
    expect(parseFeePercent("100,00")).toBe(10_000);
  });

  it("refuses more than 100 %, a third decimal, negatives and words", () => {
    for (const input of ["100,5", "101", "7,555", "-1", "", "%", "sepuluh", "1e2", "7,", ",5"]) {
      expect(parseFeePercent(input), input).toBeNull();
    }
  });

  it("gives back what formatFeePercent wrote", () => {
    for (const bp of [0, 5, 750, 1_000, 1_225, 9_999, 10_000]) {
      expect(parseFeePercent(formatFeePercent(bp, "id"))).toBe(bp);
      expect(parseFeePercent(formatFeePercent(bp, "en"))).toBe(bp);
    }
  });
});

describe("exactFee: the fee before rounding, for writing the rule out", () => {
  it("keeps the fraction of a rupiah in ten-thousandths", () => {
    expect(exactFee(822_777, TEN_PERCENT)).toEqual({ rupiah: 82_277, tenThousandths: 7_000 });
    expect(exactFee(45_005, TEN_PERCENT)).toEqual({ rupiah: 4_500, tenThousandths: 5_000 });
    expect(exactFee(822_777, 1_250)).toEqual({ rupiah: 102_847, tenThousandths: 1_250 });
    expect(exactFee(300_000, TEN_PERCENT)).toEqual({ rupiah: 30_000, tenThousandths: 0 });
  });

  it("rounds to cooperativeFee: half a rupiah or more up", () => {
    for (const [gross, bp] of [
      [822_777, 1_000],
      [45_005, 1_000],
      [45_004, 1_000],
      [6_045_002, 777],
    ] as const) {
      const { rupiah, tenThousandths } = exactFee(gross, bp);
      expect(cooperativeFee(gross, bp)).toBe(rupiah + (tenThousandths >= 5_000 ? 1 : 0));
    }
  });
});

describe("paidFeeBasisPoints: the rate a payout was paid at", () => {
  it("reads the one rate back from a payout of Rp 10 000 or more", () => {
    expect(paidFeeBasisPoints({ grossRupiah: 300_000, feeRupiah: 36_000 }, 1_000)).toBe(1_200);
    expect(paidFeeBasisPoints({ grossRupiah: 822_777, feeRupiah: 82_278 }, 1_250)).toBe(1_000);
    expect(paidFeeBasisPoints({ grossRupiah: 822_777, feeRupiah: 102_847 }, 0)).toBe(1_250);
    for (let gross = 10_000; gross < 3_000_000; gross += 104_729) {
      for (const bp of [0, 1, 750, 1_000, 1_225, 9_999, 10_000]) {
        const fee = cooperativeFee(gross, bp);
        expect(paidFeeBasisPoints({ grossRupiah: gross, feeRupiah: fee }, 500)).toBe(bp);
      }
    }
  });

  it("on a small gross, takes the rate closest to the current one that gives the same fee", () => {
    // 10 % and 10.5 % of Rp 100 are both Rp 10.
    expect(paidFeeBasisPoints({ grossRupiah: 100, feeRupiah: 10 }, 1_000)).toBe(1_000);
    expect(paidFeeBasisPoints({ grossRupiah: 100, feeRupiah: 10 }, 2_000)).toBe(1_049);
    expect(paidFeeBasisPoints({ grossRupiah: 0, feeRupiah: 0 }, 750)).toBe(750);
  });

  it("finds none for figures this arithmetic never gives", () => {
    expect(paidFeeBasisPoints({ grossRupiah: 300_000, feeRupiah: 400_000 }, 1_000)).toBeNull();
    expect(paidFeeBasisPoints({ grossRupiah: 0, feeRupiah: 5 }, 1_000)).toBeNull();
    expect(paidFeeBasisPoints({ grossRupiah: 300_000, feeRupiah: -1 }, 1_000)).toBeNull();
  });
});

describe("payoutDifference", () => {
  const paid = { grossRupiah: 375_005, feeRupiah: 37_501, netRupiah: 337_504 };

  it("is null while the statement agrees with what was paid", () => {
    expect(payoutDifference(paid, { itemsSold: 2, ...paid })).toBeNull();
  });

  it("gives now − paid, negative when the artisan was paid more", () => {
    expect(
      payoutDifference(paid, {
        itemsSold: 1,
        grossRupiah: 250_000,
        feeRupiah: 25_000,
        netRupiah: 225_000,
      }),
    ).toEqual({ grossRupiah: -125_005, feeRupiah: -12_501, netRupiah: -112_504 });
  });
});

describe("finished months and payout states", () => {
  // 23:30 WIB on 30 November 2026.
  const now = new Date("2026-11-30T16:30:00Z");

  it("knows which months are over, running, or still to come in WIB", () => {
    expect(isFinishedMonth("2026-10", now)).toBe(true);
    expect(isFinishedMonth("2026-11", now)).toBe(false);
    expect(isFinishedMonth("2026-11", new Date("2026-11-30T17:00:00Z"))).toBe(true);
    expect(isFutureMonth("2026-12", now)).toBe(true);
    expect(isFutureMonth("2026-11", now)).toBe(false);
    expect(() => isFinishedMonth("2026-13", now)).toThrow(RangeError);
  });

  it("says where a month stands", () => {
    const paidAt = new Date("2026-11-05T03:00:00Z");
    const month = (key: string, netRupiah: number, payout: { paidAt: Date | null } | null) =>
      payoutState({ month: key, netRupiah, payout }, now);
    expect(month("2026-10", 264_000, { paidAt })).toBe("paid");
    expect(month("2026-10", 264_000, { paidAt: null })).toBe("recorded");
    expect(month("2026-11", 740_499, null)).toBe("running");
    expect(month("2026-10", 270_000, null)).toBe("unpaid");
    expect(month("2026-09", 0, null)).toBe("nothing");
  });

  it("names months in the reader's language", () => {
    expect(formatMonthKey("2026-08", "id", "long")).toBe("Agustus 2026");
    expect(formatMonthKey("2026-08", "en", "long")).toBe("August 2026");
    expect(formatMonthKey("2026-08", "id", "short")).toBe("Agu");
    expect(formatMonthKey("2026-12", "en", "short")).toBe("Dec");
  });
});
