/**
 * The most pieces of one variant a cart line may hold. Artisans make a handful of each piece;
 * an order beyond this is a wholesale enquiry for the cooperative, not a cart.
 */
export const MAX_LINE_QUANTITY = 99;

/** Whether a number of pieces can stand on one cart line: a whole number from 1 to 99. */
export function isLineQuantity(quantity: number): boolean {
  return Number.isInteger(quantity) && quantity >= 1 && quantity <= MAX_LINE_QUANTITY;
}
