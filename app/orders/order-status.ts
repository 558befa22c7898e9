import type { OrderStatus } from "~/generated/prisma/enums";

/**
 * The order state machine: every status an order can move to, and who may move it there. It is
 * the one place these rules live; `moveOrder` (orders.server.ts) refuses anything not listed.
 *
 * PENDING_PAYMENT ──stripe──▶ PAID ─┐
 * (pay at pickup) AWAITING_PICKUP_PAYMENT ─┴─artisan─▶ PREPARING ─admin─▶ IN_TRANSIT
 *   ─operator─▶ READY_FOR_PICKUP ─operator─▶ PICKED_UP
 * Exits: CANCELLED (before dispatch), EXPIRED (card payment not made in time), UNCOLLECTED
 * (hold days ran out), REFUNDED (the money went back).
 */
export type OrderActor = "buyer" | "artisan" | "operator" | "admin" | "system" | "stripe";

type Rule = { to: OrderStatus; by: readonly OrderActor[] };

const RULES: Record<OrderStatus, readonly Rule[]> = {
  PENDING_PAYMENT: [
    { to: "PAID", by: ["stripe"] },
    { to: "CANCELLED", by: ["buyer", "admin"] },
    { to: "EXPIRED", by: ["system", "stripe"] },
  ],
  PAID: [
    { to: "PREPARING", by: ["artisan", "admin"] },
    { to: "CANCELLED", by: ["buyer", "admin"] },
  ],
  AWAITING_PICKUP_PAYMENT: [
    { to: "PREPARING", by: ["artisan", "admin"] },
    { to: "CANCELLED", by: ["buyer", "admin"] },
  ],
  PREPARING: [
    { to: "IN_TRANSIT", by: ["admin"] },
    { to: "CANCELLED", by: ["buyer", "admin"] },
  ],
  IN_TRANSIT: [{ to: "READY_FOR_PICKUP", by: ["operator", "admin"] }],
  READY_FOR_PICKUP: [
    { to: "PICKED_UP", by: ["operator"] },
    { to: "UNCOLLECTED", by: ["operator", "admin"] },
  ],
  PICKED_UP: [{ to: "REFUNDED", by: ["admin", "stripe"] }],
  // A paid order that was cancelled, expired or not collected ends as REFUNDED once the money is
  // back; "stripe" covers a payment that arrived after the order had already expired.
  CANCELLED: [{ to: "REFUNDED", by: ["admin", "stripe"] }],
  EXPIRED: [{ to: "REFUNDED", by: ["admin", "stripe"] }],
  UNCOLLECTED: [{ to: "REFUNDED", by: ["admin", "stripe"] }],
  REFUNDED: [],
};

/** Whether `actor` may move an order from `from` to `to`. */
export function canMove(from: OrderStatus, to: OrderStatus, actor: OrderActor): boolean {
  return RULES[from].some((rule) => rule.to === to && rule.by.includes(actor));
}

/** Statuses reachable from `from`, whoever moves it. */
export function nextStatuses(from: OrderStatus): OrderStatus[] {
  return RULES[from].map((rule) => rule.to);
}

/** Orders that nobody will act on again. */
export const FINISHED_ORDER_STATUSES = [
  "PICKED_UP",
  "CANCELLED",
  "EXPIRED",
  "UNCOLLECTED",
  "REFUNDED",
] as const satisfies readonly OrderStatus[];

export function isFinished(status: OrderStatus): boolean {
  return (FINISHED_ORDER_STATUSES as readonly OrderStatus[]).includes(status);
}

/** The buyer (or the cooperative on their behalf) may cancel until the parcel is dispatched. */
export function isCancellable(status: OrderStatus): boolean {
  return canMove(status, "CANCELLED", "buyer");
}

/** Statuses in which the order holds stock and a place in its pickup window. */
export const HOLDING_STATUSES = [
  "PENDING_PAYMENT",
  "PAID",
  "AWAITING_PICKUP_PAYMENT",
  "PREPARING",
] as const satisfies readonly OrderStatus[];

/**
 * Statuses in which the buyer holds a valid pickup pass (code and QR): the order is paid or is
 * paid at the counter, and the parcel has not been handed over yet. A card order waiting for its
 * payment has no pass, and a finished order's code must never work again.
 */
export const PICKUP_PASS_STATUSES = [
  "AWAITING_PICKUP_PAYMENT",
  "PAID",
  "PREPARING",
  "IN_TRANSIT",
  "READY_FOR_PICKUP",
] as const satisfies readonly OrderStatus[];

export function hasPickupPass(status: OrderStatus): boolean {
  return (PICKUP_PASS_STATUSES as readonly OrderStatus[]).includes(status);
}

/** The path a buyer reads on the order page, for the payment method chosen. */
export function orderPath(paymentMethod: "STRIPE_CARD" | "PAY_AT_PICKUP"): OrderStatus[] {
  return paymentMethod === "STRIPE_CARD"
    ? ["PENDING_PAYMENT", "PAID", "PREPARING", "IN_TRANSIT", "READY_FOR_PICKUP", "PICKED_UP"]
    : ["AWAITING_PICKUP_PAYMENT", "PREPARING", "IN_TRANSIT", "READY_FOR_PICKUP", "PICKED_UP"];
}

export class OrderTransitionError extends Error {
  override name = "OrderTransitionError";
  constructor(
    readonly from: OrderStatus,
    readonly to: OrderStatus,
    readonly actor: OrderActor,
  ) {
    super(`An order cannot go from ${from} to ${to} (by ${actor})`);
  }
}
