/** Money is an integer number of rupiah everywhere in this app: no floats, no cents. */

const rupiahFormat = new Intl.NumberFormat("id-ID", {
  style: "currency",
  currency: "IDR",
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});

/** "Rp 200.000" (with a non-breaking space, so a price never wraps), the Indonesian way. */
export function formatRupiah(rupiah: number): string {
  assertRupiah(rupiah);
  return rupiahFormat.format(rupiah);
}

export function assertRupiah(value: number): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`An amount of rupiah must be a whole number, got ${value}`);
  }
}

export function lineTotal(unitPriceRupiah: number, quantity: number): number {
  assertRupiah(unitPriceRupiah);
  if (!Number.isInteger(quantity) || quantity < 0) {
    throw new RangeError(`A quantity must be a whole number of items, got ${quantity}`);
  }
  return unitPriceRupiah * quantity;
}

/**
 * A price as people type it — "200.000", "200000", "Rp 200.000", "Rp200.000,-" — in whole
 * rupiah, or null when it is not one. Dots and spaces group thousands; a ",-" or ",00" ending
 * (no sen) is allowed, any other decimals are not.
 */
export function parseRupiah(input: string): number | null {
  const text = input
    .trim()
    .replace(/^rp\.?\s*/i, "")
    .replace(/,(-|00?)$/, "");
  if (!/^\d{1,3}([.\s]?\d{3})*$/.test(text)) return null;
  const value = Number(text.replace(/[.\s]/g, ""));
  return Number.isSafeInteger(value) ? value : null;
}
