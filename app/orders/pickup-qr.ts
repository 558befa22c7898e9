/**
 * What an order's pickup QR code says. The rest-area operator's phone scans it and looks the
 * order up by number and code, so the text carries both and nothing else: no link, no personal
 * data. "KS1" names this format (version 1), so a later format can be told apart.
 */
export const PICKUP_QR_PREFIX = "KS1";

const ORDER_NUMBER = String.raw`KS-\d{6}-[0-9A-Z]{4}`;
const PICKUP_CODE = String.raw`\d{6}`;

/** An order number as the shop writes it: KS-, the day it was placed (YYMMDD), 4 characters. */
export const ORDER_NUMBER_PATTERN = new RegExp(`^${ORDER_NUMBER}$`);

/** The six digits a buyer shows at the rest area. */
export const PICKUP_CODE_PATTERN = new RegExp(`^${PICKUP_CODE}$`);

/** The whole QR text, e.g. "KS1:KS-261128-7QX4:482913". */
export const PICKUP_QR_PATTERN = new RegExp(
  `^${PICKUP_QR_PREFIX}:(${ORDER_NUMBER}):(${PICKUP_CODE})$`,
);

export type PickupQrContent = { orderNumber: string; pickupCode: string };

/** "KS1:KS-261128-7QX4:482913". Throws when either part is not in the shop's format. */
export function pickupQrText(orderNumber: string, pickupCode: string): string {
  if (!ORDER_NUMBER_PATTERN.test(orderNumber)) {
    throw new RangeError(`Not an order number: ${JSON.stringify(orderNumber)}`);
  }
  // The code itself stays out of the message: errors end up in logs.
  if (!PICKUP_CODE_PATTERN.test(pickupCode)) throw new RangeError("A pickup code is six digits");
  return `${PICKUP_QR_PREFIX}:${orderNumber}:${pickupCode}`;
}

/**
 * The order number and pickup code in a scanned QR text, or null when the text is anything
 * other than a pickup QR of this shop. Only surrounding whitespace is forgiven.
 */
export function parsePickupQr(text: string): PickupQrContent | null {
  const match = PICKUP_QR_PATTERN.exec(text.trim());
  const orderNumber = match?.[1];
  const pickupCode = match?.[2];
  if (orderNumber === undefined || pickupCode === undefined) return null;
  return { orderNumber, pickupCode };
}
