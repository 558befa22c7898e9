import { describe, expect, it } from "vitest";
import { OrderStatus } from "~/generated/prisma/enums";
import {
  canMove,
  FINISHED_ORDER_STATUSES,
  HOLDING_STATUSES,
  isCancellable,
  isFinished,
  nextStatuses,
  orderPath,
  type OrderActor,
} from "~/orders/order-status";

const statuses = Object.values(OrderStatus);
const actors: OrderActor[] = ["buyer", "artisan", "operator", "admin", "system", "stripe"];

/** Who may make a move, in the order `actors` lists them. */
function movers(from: OrderStatus, to: OrderStatus): OrderActor[] {
  return actors.filter((actor) => canMove(from, to, actor));
}

describe("who may move an order where", () => {
  it("lets only Stripe mark a card order paid, never the buyer or the cooperative", () => {
    expect(movers("PENDING_PAYMENT", "PAID")).toEqual(["stripe"]);
    // A pay-at-pickup order is paid at the counter: it never passes through PAID.
    expect(movers("AWAITING_PICKUP_PAYMENT", "PAID")).toEqual([]);
  });

  it("lets the buyer and the cooperative cancel, never Stripe, the system or the workshop", () => {
    for (const from of [
      "PENDING_PAYMENT",
      "PAID",
      "AWAITING_PICKUP_PAYMENT",
      "PREPARING",
    ] as const) {
      expect(movers(from, "CANCELLED"), from).toEqual(["buyer", "admin"]);
    }
  });

  it("refuses a cancellation once the parcel is on its way or later", () => {
    for (const from of [
      "IN_TRANSIT",
      "READY_FOR_PICKUP",
      "PICKED_UP",
      "UNCOLLECTED",
      "EXPIRED",
      "CANCELLED",
      "REFUNDED",
    ] as const) {
      expect(movers(from, "CANCELLED"), from).toEqual([]);
    }
  });

  it("lets nothing leave REFUNDED", () => {
    expect(nextStatuses("REFUNDED")).toEqual([]);
    for (const to of statuses) expect(movers("REFUNDED", to), to).toEqual([]);
  });

  it("expires only an unpaid card order, by the job or by Stripe", () => {
    for (const from of statuses) {
      expect(movers(from, "EXPIRED"), from).toEqual(
        from === "PENDING_PAYMENT" ? ["system", "stripe"] : [],
      );
    }
  });

  it("refunds only orders that are over, by the cooperative or by Stripe", () => {
    for (const from of statuses) {
      const over = ["PICKED_UP", "CANCELLED", "EXPIRED", "UNCOLLECTED"].includes(from);
      expect(movers(from, "REFUNDED"), from).toEqual(over ? ["admin", "stripe"] : []);
    }
  });

  it("follows the road: the workshop prepares, the cooperative dispatches, the counter hands over", () => {
    expect(movers("PAID", "PREPARING")).toEqual(["artisan", "admin"]);
    expect(movers("AWAITING_PICKUP_PAYMENT", "PREPARING")).toEqual(["artisan", "admin"]);
    expect(movers("PREPARING", "IN_TRANSIT")).toEqual(["admin"]);
    expect(movers("IN_TRANSIT", "READY_FOR_PICKUP")).toEqual(["operator", "admin"]);
    expect(movers("READY_FOR_PICKUP", "PICKED_UP")).toEqual(["operator"]);
    expect(movers("READY_FOR_PICKUP", "UNCOLLECTED")).toEqual(["operator", "admin"]);
    // No step is skipped: a parcel is not handed over before it reached the counter.
    expect(movers("IN_TRANSIT", "PICKED_UP")).toEqual([]);
    expect(movers("PAID", "IN_TRANSIT")).toEqual([]);
    expect(movers("PENDING_PAYMENT", "PREPARING")).toEqual([]);
  });

  it("never moves an order to the status it already has, nor back to an unpaid one", () => {
    for (const from of statuses) {
      expect(movers(from, from), from).toEqual([]);
      expect(movers(from, "PENDING_PAYMENT"), from).toEqual([]);
      expect(movers(from, "AWAITING_PICKUP_PAYMENT"), from).toEqual([]);
    }
  });

  it("has rules for every status in the schema", () => {
    for (const from of statuses) expect(() => nextStatuses(from)).not.toThrow();
  });
});

describe("isCancellable", () => {
  it("is true until the parcel is dispatched, false after and for finished orders", () => {
    expect(statuses.filter(isCancellable)).toEqual([
      "PENDING_PAYMENT",
      "PAID",
      "AWAITING_PICKUP_PAYMENT",
      "PREPARING",
    ]);
  });

  it("holds stock exactly while an order can still be cancelled", () => {
    expect([...HOLDING_STATUSES].sort()).toEqual(statuses.filter(isCancellable).sort());
  });
});

describe("finished orders", () => {
  it("are the ones nobody acts on again, except to refund them", () => {
    expect(statuses.filter(isFinished)).toEqual([...FINISHED_ORDER_STATUSES]);
    for (const status of FINISHED_ORDER_STATUSES) {
      expect(
        nextStatuses(status).filter((to) => to !== "REFUNDED"),
        status,
      ).toEqual([]);
    }
    for (const status of statuses.filter((status) => !isFinished(status))) {
      expect(nextStatuses(status).length, status).toBeGreaterThan(0);
    }
  });
});

describe("orderPath", () => {
  it("shows a card buyer payment, preparation, the road and the pickup", () => {
    expect(orderPath("STRIPE_CARD")).toEqual([
      "PENDING_PAYMENT",
      "PAID",
      "PREPARING",
      "IN_TRANSIT",
      "READY_FOR_PICKUP",
      "PICKED_UP",
    ]);
  });

  it("shows a pay-at-pickup buyer no payment step before the pickup", () => {
    expect(orderPath("PAY_AT_PICKUP")).toEqual([
      "AWAITING_PICKUP_PAYMENT",
      "PREPARING",
      "IN_TRANSIT",
      "READY_FOR_PICKUP",
      "PICKED_UP",
    ]);
  });

  it("is a path the state machine allows, step by step", () => {
    for (const method of ["STRIPE_CARD", "PAY_AT_PICKUP"] as const) {
      const path = orderPath(method);
      for (let i = 1; i < path.length; i += 1) {
        const [from, to] = [path[i - 1]!, path[i]!];
        expect(movers(from, to).length, `${method}: ${from} → ${to}`).toBeGreaterThan(0);
      }
    }
  });
});
