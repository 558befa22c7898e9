import { describe, expect, it } from "vitest";
import { formatRupiah, lineTotal, parseRupiah } from "~/lib/money";

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

describe("parseRupiah", () => {
  it.each([
    ["200.000", 200_000],
    ["200000", 200_000],
    ["Rp 200.000", 200_000],
    ["Rp200.000,-", 200_000],
    ["rp 1.950.000,00", 1_950_000],
    ["65 000", 65_000],
    ["0", 0],
  ])("reads %j as %i rupiah", (typed, rupiah) => {
    expect(parseRupiah(typed)).toBe(rupiah);
  });

  it.each(["", "abc", "200,5", "20.00", "-5000", "1e6", "200.000.0", "Rp"])(
    "refuses %j",
    (typed) => {
      expect(parseRupiah(typed)).toBeNull();
    },
  );
});
