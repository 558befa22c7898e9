import type { OrderStatus, PaymentMethod } from "~/generated/prisma/enums";
import { orderPath } from "./order-status";

/** A moment as the page shows it: machine-readable for `<time>`, and in the reader's words. */
export type TimelineMoment = { iso: string; text: string };

export type TimelineStepState = "done" | "current" | "upcoming";

export type TimelineStep = {
  status: OrderStatus;
  state: TimelineStepState;
  /** When the order reached this step; null for steps still ahead. */
  at: TimelineMoment | null;
  /** An exit from the happy path (cancelled, expired, not collected, refunded). */
  exit: boolean;
  /** Things that happened while the order was at this step, e.g. a card that was declined. */
  notes: { kind: "payment-failed"; at: TimelineMoment }[];
};

export type TimelineEvent = {
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus;
  reason: string | null;
  createdAt: Date;
};

const EXITS: readonly OrderStatus[] = ["CANCELLED", "EXPIRED", "UNCOLLECTED", "REFUNDED"];

/** Stripe's declined-card events are recorded without a status change, with this reason. */
const PAYMENT_FAILED_REASON = "card payment failed";

/**
 * What a buyer reads as the order's history: the happy path for their payment method, each step
 * done (with its time), current or still ahead. An order that left the path (cancelled,
 * expired, not collected, refunded) shows the steps it did reach and then how it ended; steps it
 * will never reach are left out.
 */
export function orderTimeline(input: {
  status: OrderStatus;
  paymentMethod: PaymentMethod;
  events: readonly TimelineEvent[];
  formatTime: (date: Date) => string;
}): TimelineStep[] {
  const { status, formatTime } = input;
  const events = [...input.events].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const moment = (date: Date): TimelineMoment => ({
    iso: date.toISOString(),
    text: formatTime(date),
  });

  const reached = new Map<OrderStatus, Date>();
  const exits: { status: OrderStatus; at: Date | null }[] = [];
  for (const event of events) {
    if (event.fromStatus === event.toStatus) continue;
    if (!reached.has(event.toStatus)) reached.set(event.toStatus, event.createdAt);
    if (EXITS.includes(event.toStatus)) exits.push({ status: event.toStatus, at: event.createdAt });
  }

  const path = orderPath(input.paymentMethod);
  const position = path.indexOf(status);
  const step = (stepStatus: OrderStatus, state: TimelineStepState, exit: boolean) => {
    const at = state === "upcoming" ? undefined : reached.get(stepStatus);
    return {
      status: stepStatus,
      state,
      at: at ? moment(at) : null,
      exit,
      notes: [] as TimelineStep["notes"],
    } satisfies TimelineStep;
  };

  let steps: TimelineStep[];
  if (position >= 0) {
    steps = path.map((stepStatus, index) =>
      step(
        stepStatus,
        index < position ? "done" : index === position ? "current" : "upcoming",
        false,
      ),
    );
  } else {
    steps = path.filter((stepStatus) => reached.has(stepStatus)).map((s) => step(s, "done", false));
    if (!exits.some((exit) => exit.status === status)) exits.push({ status, at: null });
    for (const exit of exits) {
      const final = exit.status === status;
      steps.push({
        status: exit.status,
        state: final ? "current" : "done",
        at: exit.at ? moment(exit.at) : null,
        exit: true,
        notes: [],
      });
      if (final) break;
    }
  }

  for (const event of events) {
    if (event.fromStatus !== event.toStatus) continue;
    if (!event.reason?.startsWith(PAYMENT_FAILED_REASON)) continue;
    const host = steps.find((s) => s.status === event.fromStatus) ?? steps[0];
    host?.notes.push({ kind: "payment-failed", at: moment(event.createdAt) });
  }
  return steps;
}
