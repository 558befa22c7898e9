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
