import { describe, expect, it } from "vitest";
import { formatRupiah, lineTotal } from "~/lib/money";

const nbsp = "\u00a0";

describe("formatRupiah", () => {
  it("writes rupiah the Indonesian way: dots for thousands, no decimals", () => {
    expect(formatRupiah(200_000)).toBe(`Rp${nbsp}200.000`);
    expect(formatRupiah(1_950_000)).toBe(`Rp${nbsp}1.950.000`);
    expect(formatRupiah(65_000)).toBe(`Rp${nbsp}65.000`);
    expect(formatRupiah(0)).toBe(`Rp${nbsp}0`);
  });

  it("refuses fractions of a rupiah instead of rounding them away", () => {
    expect(() => formatRupiah(1999.5)).toThrow(RangeError);
    expect(() => formatRupiah(Number.NaN)).toThrow(RangeError);
  });
});

describe("lineTotal", () => {
  it("multiplies a unit price by a whole quantity", () => {
    expect(lineTotal(325_000, 3)).toBe(975_000);
  });

  it("refuses fractional quantities and prices", () => {
    expect(() => lineTotal(325_000, 1.5)).toThrow(RangeError);
    expect(() => lineTotal(325_000.5, 1)).toThrow(RangeError);
    expect(() => lineTotal(325_000, -1)).toThrow(RangeError);
  });
});
