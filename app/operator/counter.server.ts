import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { OperatorOwner } from "~/accounts/permissions.server";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import type { ConsignmentStatus, OrderStatus, PaymentMethod } from "~/generated/prisma/enums";
import { wibDateKey } from "~/lib/dates";
import { logInfo } from "~/lib/log.server";
import { parseRupiah } from "~/lib/money";
import {
  notifyBuyer,
  orderContactSelect,
  orderPageUrl,
  pickupNotice,
  pickupNoticeSelect,
} from "~/orders/buyer-messages.server";
import { OrderTransitionError } from "~/orders/order-status";
import { lockOrderStatus, moveOrder, ORDER_NUMBER, releaseOrder } from "~/orders/orders.server";
import { parsePickupQr } from "~/orders/pickup-qr";
import { holdExpired, lastHoldDay } from "./counter-days";

/**
 * The rest-area counter's work: receiving consignments parcel by parcel, handing parcels over
 * (with the payment of a pay-at-pickup order) and returning the ones nobody collected. Every
 * function takes the operator and reads or changes only orders of the operator's own rest areas;
 * anything else is "not found", exactly like an order that does not exist.
 */

// ── what the counter shows about a parcel ─────────────────────────────────────────────────────

/** One order is one parcel; `pieces` is how many items are inside it. */
export type CounterParcel = {
  id: string;
  number: string;
  status: OrderStatus;
  /** Only the first name: the list lies on a counter in a public place. */
  buyerFirstName: string;
  pieces: number;
  paymentMethod: PaymentMethod;
  totalRupiah: number;
  /** What the buyer pays at the counter: the total for a pay-at-pickup order, else 0. */
  amountDueRupiah: number;
  restAreaId: string;
  restAreaName: string;
  /** YYYY-MM-DD, a WIB day. */
  pickupDay: string;
  pickupStartMinute: number;
  pickupEndMinute: number;
  /** The last day the parcel waits at the counter (YYYY-MM-DD). */
  lastDay: string;
};

const parcelSelect = {
  id: true,
  number: true,
  status: true,
  buyerName: true,
  paymentMethod: true,
  totalRupiah: true,
  restAreaId: true,
  pickupDate: true,
  pickupStartMinute: true,
  pickupEndMinute: true,
  restArea: { select: { name: true, holdDays: true } },
  items: { select: { quantity: true } },
} as const satisfies Prisma.OrderSelect;

type ParcelRow = Prisma.OrderGetPayload<{ select: typeof parcelSelect }>;

export function firstNameOf(name: string): string {
  return name.trim().split(/\s+/)[0] ?? "";
}

function dayKeyOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function toParcel(row: ParcelRow): CounterParcel {
  const pickupDay = dayKeyOf(row.pickupDate);
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    buyerFirstName: firstNameOf(row.buyerName),
    pieces: row.items.reduce((sum, item) => sum + item.quantity, 0),
    paymentMethod: row.paymentMethod,
    totalRupiah: row.totalRupiah,
    amountDueRupiah: row.paymentMethod === "PAY_AT_PICKUP" ? row.totalRupiah : 0,
    restAreaId: row.restAreaId,
    restAreaName: row.restArea.name,
    pickupDay,
    pickupStartMinute: row.pickupStartMinute,
    pickupEndMinute: row.pickupEndMinute,
    lastDay: lastHoldDay(pickupDay, row.restArea.holdDays),
  };
}

function mine(owner: OperatorOwner): Prisma.OrderWhereInput {
  return { restAreaId: { in: [...owner.restAreaIds] } };
}

// ── arrivals and check-in ─────────────────────────────────────────────────────────────────────

export type ArrivingConsignment = {
  number: string;
  status: ConsignmentStatus;
  restAreaName: string;
  pickupDay: string;
  dispatchedAt: Date | null;
  checkedInAt: Date | null;
  parcels: number;
  /** Parcels already checked in (READY_FOR_PICKUP or later). */
  received: number;
  pieces: number;
};

const consignmentSelect = {
  id: true,
  number: true,
  status: true,
  restAreaId: true,
  pickupDate: true,
  dispatchedAt: true,
  checkedInAt: true,
  restArea: { select: { name: true } },
  orders: {
    orderBy: [{ pickupStartMinute: "asc" }, { number: "asc" }],
    select: {
      number: true,
      status: true,
      buyerName: true,
      buyerPhone: true,
      paymentMethod: true,
      totalRupiah: true,
      pickupStartMinute: true,
      pickupEndMinute: true,
      items: { select: { quantity: true } },
    },
  },
} as const satisfies Prisma.ConsignmentSelect;

type ConsignmentRow = Prisma.ConsignmentGetPayload<{ select: typeof consignmentSelect }>;

function summary(row: ConsignmentRow): ArrivingConsignment {
  return {
    number: row.number,
    status: row.status,
    restAreaName: row.restArea.name,
    pickupDay: dayKeyOf(row.pickupDate),
    dispatchedAt: row.dispatchedAt,
    checkedInAt: row.checkedInAt,
    parcels: row.orders.length,
    received: row.orders.filter((order) => order.status !== "IN_TRANSIT").length,
    pieces: row.orders.reduce(
      (sum, order) => sum + order.items.reduce((inner, item) => inner + item.quantity, 0),
      0,
    ),
  };
}

/**
 * What is on its way to the operator's counters (every consignment in transit, whatever its
 * pickup day: a late one is still expected) and what was received there today.
 */
export async function arrivalsAtCounter(
  owner: OperatorOwner,
  now: Date,
): Promise<{ expected: ArrivingConsignment[]; receivedToday: ArrivingConsignment[] }> {
  if (owner.restAreaIds.length === 0) return { expected: [], receivedToday: [] };
  const restAreaId = { in: [...owner.restAreaIds] };
  const [expected, received] = await Promise.all([
    prisma.consignment.findMany({
      where: { restAreaId, status: "IN_TRANSIT" },
      orderBy: [{ pickupDate: "asc" }, { number: "asc" }],
      select: consignmentSelect,
    }),
    prisma.consignment.findMany({
      where: {
        restAreaId,
        status: "CHECKED_IN",
        checkedInAt: { gte: new Date(now.getTime() - 36 * 60 * 60 * 1000) },
      },
      orderBy: [{ checkedInAt: "desc" }],
      select: consignmentSelect,
    }),
  ]);
  const today = wibDateKey(now);
  return {
    expected: expected.map(summary),
    receivedToday: received
      .filter((row) => row.checkedInAt && wibDateKey(row.checkedInAt) === today)
      .map(summary),
  };
}

export type ManifestParcel = {
  number: string;
  status: OrderStatus;
  buyerFirstName: string;
  /** The last three digits of the buyer's phone number, to tell two namesakes apart. */
  phoneTail: string;
  pieces: number;
  amountDueRupiah: number;
  pickupStartMinute: number;
  pickupEndMinute: number;
};

export type CounterConsignment = ArrivingConsignment & { orders: ManifestParcel[] };

/**
 * A consignment travelling to, or received at, one of the operator's rest areas, with its
 * manifest; null for a consignment elsewhere, one still being planned, or none at all.
 */
export async function consignmentAtCounter(
  owner: OperatorOwner,
  number: string,
): Promise<CounterConsignment | null> {
  const row = await prisma.consignment.findFirst({
    where: {
      number,
      restAreaId: { in: [...owner.restAreaIds] },
      status: { in: ["IN_TRANSIT", "CHECKED_IN"] },
    },
    select: consignmentSelect,
  });
  if (!row) return null;
  return {
    ...summary(row),
    orders: row.orders.map((order) => ({
      number: order.number,
      status: order.status,
      buyerFirstName: firstNameOf(order.buyerName),
      phoneTail: order.buyerPhone.replace(/\D/g, "").slice(-3),
      pieces: order.items.reduce((sum, item) => sum + item.quantity, 0),
      amountDueRupiah: order.paymentMethod === "PAY_AT_PICKUP" ? order.totalRupiah : 0,
      pickupStartMinute: order.pickupStartMinute,
      pickupEndMinute: order.pickupEndMinute,
    })),
  };
}

/** A consignment number as an address may carry it, e.g. KR-261205-KM56A-1; null otherwise. */
export function consignmentNumberParam(param: string | undefined): string | null {
  const number = param?.trim().toUpperCase() ?? "";
  return /^KR-[A-Z0-9-]{3,40}$/.test(number) ? number : null;
}

export type CheckInResult =
  | {
      ok: true;
      /** Orders checked in by this request. */
      checkedIn: string[];
      /** Whether the whole consignment is now received. */
      complete: boolean;
    }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "consignment-already-checked-in"; checkedInAt: Date | null }
  | { ok: false; reason: "parcel-already-checked-in"; number: string }
  | { ok: false; reason: "parcel-not-in-consignment"; number: string };

/**
 * Checks parcels of a consignment in at the counter: each becomes READY_FOR_PICKUP and its buyer
 * gets the "ready" message, in the same transaction. `parcels` is one order number (the operator
 * ticks the parcel they just unloaded) or "all" (every parcel not yet received). When the last
 * parcel is in, the consignment is CHECKED_IN. The consignment's row is locked meanwhile, so two
 * phones ticking parcels of one consignment never miss its completion or check a parcel in twice.
 */
export async function checkInParcels(
  owner: OperatorOwner,
  input: { consignmentNumber: string; parcels: string | "all" },
  now: Date = new Date(),
): Promise<CheckInResult> {
  return prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<
      { id: string; status: ConsignmentStatus; restAreaId: string }[]
    >`
      SELECT id, status, "restAreaId" FROM "Consignment"
      WHERE number = ${input.consignmentNumber} FOR UPDATE`;
    const consignment = locked[0];
    if (!consignment || !owner.restAreaIds.includes(consignment.restAreaId)) {
      return { ok: false, reason: "not-found" } as const;
    }
    if (consignment.status === "PLANNED") return { ok: false, reason: "not-found" } as const;
    if (consignment.status === "CHECKED_IN") {
      const row = await tx.consignment.findUniqueOrThrow({
        where: { id: consignment.id },
        select: { checkedInAt: true },
      });
      return {
        ok: false,
        reason: "consignment-already-checked-in",
        checkedInAt: row.checkedInAt,
      } as const;
    }
    const orders = await tx.order.findMany({
      where: { consignmentId: consignment.id },
      orderBy: { number: "asc" },
      select: pickupNoticeSelect,
    });
    let chosen = orders.filter((order) => order.status === "IN_TRANSIT");
    if (input.parcels !== "all") {
      const parcel = orders.find((order) => order.number === input.parcels);
      if (!parcel) {
        return { ok: false, reason: "parcel-not-in-consignment", number: input.parcels } as const;
      }
      if (parcel.status !== "IN_TRANSIT") {
        return { ok: false, reason: "parcel-already-checked-in", number: parcel.number } as const;
      }
      chosen = [parcel];
    }
    const checkedIn: string[] = [];
    for (const order of chosen) {
      try {
        await moveOrder(tx, {
          orderId: order.id,
          to: "READY_FOR_PICKUP",
          actor: "operator",
          actorUserId: owner.userId,
          reason: `check-in ${input.consignmentNumber}`,
        });
      } catch (error) {
        // Moved meanwhile (by an admin, outside the consignment's lock): it is no longer ours to
        // check in, and the rest of the consignment still is.
        if (error instanceof OrderTransitionError) continue;
        throw error;
      }
      await notifyBuyer(tx, order, "order.ready", "checked-in", pickupNotice(order));
      checkedIn.push(order.number);
    }
    const stillTravelling = await tx.order.count({
      where: { consignmentId: consignment.id, status: "IN_TRANSIT" },
    });
    const complete = stillTravelling === 0;
    if (complete) {
      await tx.consignment.update({
        where: { id: consignment.id },
        data: { status: "CHECKED_IN", checkedInAt: now, checkedInById: owner.userId },
      });
    }
    return { ok: true, checkedIn, complete } as const;
  });
}

// ── parcels waiting at the counter ────────────────────────────────────────────────────────────

async function readyParcels(owner: OperatorOwner): Promise<CounterParcel[]> {
  if (owner.restAreaIds.length === 0) return [];
  const rows = await prisma.order.findMany({
    where: { ...mine(owner), status: "READY_FOR_PICKUP" },
    orderBy: [{ pickupDate: "asc" }, { pickupStartMinute: "asc" }, { number: "asc" }],
    select: parcelSelect,
  });
  return rows.map(toParcel);
}

/** One of the operator's orders by number, as the counter shows it; null when not theirs. */
export async function counterParcel(
  owner: OperatorOwner,
  number: string,
): Promise<CounterParcel | null> {
  const row = await prisma.order.findFirst({
    where: { ...mine(owner), number },
    select: parcelSelect,
  });
  return row ? toParcel(row) : null;
}

/** Parcels checked in and still within their hold: the ones buyers come for. */
export async function waitingParcels(owner: OperatorOwner, now: Date): Promise<CounterParcel[]> {
  const today = wibDateKey(now);
  return (await readyParcels(owner)).filter((parcel) => today <= parcel.lastDay);
}

/** Parcels whose hold is over and that nobody collected: to be marked returned. */
export async function uncollectedParcels(
  owner: OperatorOwner,
  now: Date,
): Promise<CounterParcel[]> {
  const today = wibDateKey(now);
  return (await readyParcels(owner)).filter((parcel) => today > parcel.lastDay);
}

// ── wrong pickup codes ────────────────────────────────────────────────────────────────────────

/** Wrong codes an operator may type in a quarter of an hour before the search is blocked. */
export const WRONG_CODE_LIMIT = 10;
const WRONG_CODE_WINDOW_SECONDS = 15 * 60;

let wrongCodeLimiter: RateLimiterPrisma | null = null;

function wrongCodes(): RateLimiterPrisma {
  wrongCodeLimiter ??= new RateLimiterPrisma({
    storeClient: prisma,
    tableName: "rateLimiterFlexible",
    keyPrefix: "pickup-code",
    points: WRONG_CODE_LIMIT,
    duration: WRONG_CODE_WINDOW_SECONDS,
  });
  return wrongCodeLimiter;
}

/**
 * Every code the operator types spends one attempt *before* it is compared, and a code that
 * matches gives it back: the store's atomic increment, not a read of the count, decides whether
 * a code may be compared at all, so a burst of simultaneous guesses gets no more comparisons than
 * the budget, and only wrong codes stay counted.
 */
type CodeAttempt =
  | { allowed: true; spentInWindow: number; msBeforeNext: number }
  | { allowed: false; retryAfterSeconds: number };

async function spendCodeAttempt(owner: OperatorOwner): Promise<CodeAttempt> {
  try {
    const spent = await wrongCodes().consume(owner.userId);
    return { allowed: true, spentInWindow: spent.consumedPoints, msBeforeNext: spent.msBeforeNext };
  } catch (result) {
    if (!(result instanceof RateLimiterRes)) throw result;
    return { allowed: false, retryAfterSeconds: retryAfterSeconds(result.msBeforeNext) };
  }
}

/** A code that matched was not a wrong one: its attempt goes back to the budget. */
async function giveCodeAttemptBack(owner: OperatorOwner): Promise<void> {
  await wrongCodes().reward(owner.userId);
}

function retryAfterSeconds(msBeforeNext: number): number {
  return Math.max(1, Math.ceil(msBeforeNext / 1000));
}

type WrongCode = {
  ok: false;
  reason: "wrong-code";
  attemptsLeft: number;
  retryAfterSeconds: number | null;
};

/** Answers and logs a wrong code (never the code itself); its attempt is already spent. */
function wrongCode(
  owner: OperatorOwner,
  attempt: { spentInWindow: number; msBeforeNext: number },
  where: { restAreaId: string | null; via: "search" | "handover" },
): WrongCode {
  const attemptsLeft = Math.max(0, WRONG_CODE_LIMIT - attempt.spentInWindow);
  logInfo("wrong pickup code", {
    operatorId: owner.userId,
    restAreaId: where.restAreaId,
    restAreaIds: where.restAreaId ? undefined : owner.restAreaIds,
    via: where.via,
    wrongCodesInWindow: attempt.spentInWindow,
    blocked: attemptsLeft === 0,
  });
  return {
    ok: false,
    reason: "wrong-code",
    attemptsLeft,
    retryAfterSeconds: attemptsLeft === 0 ? retryAfterSeconds(attempt.msBeforeNext) : null,
  };
}

// ── finding a parcel at the counter ───────────────────────────────────────────────────────────

/** Why an order found by the operator cannot be handed over (yet, or any more). */
export type NotHandable =
  | { ok: false; reason: "not-checked-in"; number: string }
  | { ok: false; reason: "not-arrived"; number: string; status: OrderStatus }
  | { ok: false; reason: "already-handed-over"; number: string }
  | { ok: false; reason: "not-at-counter"; number: string; status: OrderStatus };

const NOT_ARRIVED: OrderStatus[] = [
  "PENDING_PAYMENT",
  "PAID",
  "AWAITING_PICKUP_PAYMENT",
  "PREPARING",
];

function notHandable(order: { number: string; status: OrderStatus }): NotHandable {
  if (order.status === "IN_TRANSIT")
    return { ok: false, reason: "not-checked-in", number: order.number };
  if (NOT_ARRIVED.includes(order.status)) {
    return { ok: false, reason: "not-arrived", number: order.number, status: order.status };
  }
  if (order.status === "PICKED_UP") {
    return { ok: false, reason: "already-handed-over", number: order.number };
  }
  return { ok: false, reason: "not-at-counter", number: order.number, status: order.status };
}

export type FoundParcel = CounterParcel & {
  /** The code the operator typed or scanned, carried into the handover form; null when found by number. */
  code: string | null;
};

export type FindResult =
  | { ok: true; parcels: FoundParcel[] }
  | { ok: false; reason: "unreadable" }
  | { ok: false; reason: "no-such-number"; number: string }
  | { ok: false; reason: "blocked"; retryAfterSeconds: number }
  | WrongCode
  | NotHandable;

/** What the operator typed or scanned: a pickup QR text, a six-digit code or an order number. */
export function readCounterQuery(
  query: string,
): { number: string | null; code: string | null } | null {
  const qr = parsePickupQr(query);
  if (qr) return { number: qr.orderNumber, code: qr.pickupCode };
  const digits = query.replace(/[\s.-]/g, "");
  if (/^\d{6}$/.test(digits)) return { number: null, code: digits };
  const number = query.trim().toUpperCase();
  if (ORDER_NUMBER.test(number)) return { number, code: null };
  return null;
}

/**
 * Finds the parcel a buyer asks for at one of the operator's counters: by the QR on their order
 * page, by its six-digit code (among parcels waiting there), or by order number. A code is only
 * compared once it has spent an attempt of the operator's wrong-code budget; one that matches
 * nothing keeps it spent.
 */
export async function findParcel(owner: OperatorOwner, query: string): Promise<FindResult> {
  const read = readCounterQuery(query);
  if (!read) return { ok: false, reason: "unreadable" };
  if (read.code === null) {
    const row = await prisma.order.findFirst({
      where: { ...mine(owner), number: read.number! },
      select: parcelSelect,
    });
    if (!row) return { ok: false, reason: "no-such-number", number: read.number! };
    if (row.status !== "READY_FOR_PICKUP") return notHandable(row);
    return { ok: true, parcels: [{ ...toParcel(row), code: null }] };
  }
  const attempt = await spendCodeAttempt(owner);
  if (!attempt.allowed) {
    return { ok: false, reason: "blocked", retryAfterSeconds: attempt.retryAfterSeconds };
  }
  const found = await findByCode(owner, { number: read.number, code: read.code });
  if (found.ok || found.reason !== "wrong-code") {
    // The code matched (or the order number did not exist): not a wrong code.
    await giveCodeAttemptBack(owner);
    return found;
  }
  return wrongCode(owner, attempt, { restAreaId: found.restAreaId, via: "search" });
}

/** The parcel a code (with the order number of a QR, or alone) points to, once its attempt is spent. */
async function findByCode(
  owner: OperatorOwner,
  read: { number: string | null; code: string },
): Promise<
  Exclude<FindResult, WrongCode> | { ok: false; reason: "wrong-code"; restAreaId: string | null }
> {
  const { code } = read;
  if (read.number !== null) {
    const row = await prisma.order.findFirst({
      where: { ...mine(owner), number: read.number },
      select: { ...parcelSelect, pickupCode: true },
    });
    if (!row) return { ok: false, reason: "no-such-number", number: read.number };
    if (row.pickupCode !== code) {
      return { ok: false, reason: "wrong-code", restAreaId: row.restAreaId };
    }
    if (row.status !== "READY_FOR_PICKUP") return notHandable(row);
    return { ok: true, parcels: [{ ...toParcel(row), code }] };
  }
  const ready = await prisma.order.findMany({
    where: { ...mine(owner), pickupCode: code, status: "READY_FOR_PICKUP" },
    orderBy: { number: "asc" },
    select: parcelSelect,
  });
  if (ready.length > 0) {
    return { ok: true, parcels: ready.map((row) => ({ ...toParcel(row), code })) };
  }
  // Not waiting here: say why when the code is one of ours, so a buyer who came early (or twice)
  // hears the reason rather than "wrong code".
  const other = await prisma.order.findFirst({
    where: {
      ...mine(owner),
      pickupCode: code,
      OR: [
        { status: { in: ["IN_TRANSIT", ...NOT_ARRIVED] } },
        {
          status: "PICKED_UP",
          updatedAt: { gte: new Date(Date.now() - 7 * 24 * 60 * 60 * 1000) },
        },
      ],
    },
    orderBy: { updatedAt: "desc" },
    select: { number: true, status: true },
  });
  if (other) return notHandable(other);
  return { ok: false, reason: "wrong-code", restAreaId: null };
}

// ── handing a parcel over ─────────────────────────────────────────────────────────────────────

/** A handover submission's id, made by the form (or the phone's offline queue). */
export const CLIENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The order event's reason that records which submission handed the parcel over: a replay of
 * that submission finds it and answers "already applied", and nothing is applied twice.
 */
export function handoverReason(clientId: string): string {
  return `handover ${clientId.toLowerCase()}`;
}

export type HandoverInput = {
  number: string;
  code: string;
  clientId: string;
  /** CASH or QRIS, for a pay-at-pickup order. */
  method: string | null;
  /** As typed: "150000", "Rp 150.000". */
  amount: string | null;
};

export type HandoverDone = {
  ok: true;
  /** "already-applied": this very submission was applied before (a replay). */
  outcome: "handed-over" | "already-applied";
  number: string;
  buyerFirstName: string;
  pieces: number;
  paidRupiah: number;
  paidWith: "CASH" | "QRIS" | null;
};

export type HandoverResult =
  | HandoverDone
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "blocked"; retryAfterSeconds: number }
  | WrongCode
  | { ok: false; reason: "payment-method"; totalRupiah: number }
  | { ok: false; reason: "payment-amount"; totalRupiah: number }
  | NotHandable;

/**
 * Hands a parcel over: checks the buyer's code, records the payment of a pay-at-pickup order
 * (cash or QRIS, the exact total, received by this operator), moves the order to PICKED_UP,
 * sells its held stock, counts the pieces sold and thanks the buyer, all in one transaction
 * under the order's lock: of two phones handing the same parcel over, exactly one succeeds.
 */
export async function handOver(
  owner: OperatorOwner,
  input: HandoverInput,
  now: Date = new Date(),
): Promise<HandoverResult> {
  const order = await prisma.order.findFirst({
    where: { ...mine(owner), number: input.number },
    select: { ...parcelSelect, pickupCode: true },
  });
  if (!order) return { ok: false, reason: "not-found" };
  const reason = handoverReason(input.clientId);
  const parcel = toParcel(order);
  const done = async (
    outcome: HandoverDone["outcome"],
    tx: Prisma.TransactionClient = prisma,
  ): Promise<HandoverDone> => {
    const payment = await tx.payment.findFirst({
      where: { orderId: order.id, provider: { in: ["CASH", "QRIS"] }, status: "SUCCEEDED" },
      select: { provider: true, amountRupiah: true },
    });
    return {
      ok: true,
      outcome,
      number: order.number,
      buyerFirstName: parcel.buyerFirstName,
      pieces: parcel.pieces,
      paidRupiah: payment?.amountRupiah ?? 0,
      paidWith: payment && payment.provider !== "STRIPE" ? payment.provider : null,
    };
  };
  // A replay of a submission already applied: the same answer, whatever has happened since.
  if (
    await prisma.orderEvent.findFirst({
      where: { orderId: order.id, reason },
      select: { id: true },
    })
  ) {
    return done("already-applied");
  }
  const attempt = await spendCodeAttempt(owner);
  if (!attempt.allowed) {
    return { ok: false, reason: "blocked", retryAfterSeconds: attempt.retryAfterSeconds };
  }
  if (order.pickupCode !== input.code) {
    return wrongCode(owner, attempt, { restAreaId: order.restAreaId, via: "handover" });
  }
  await giveCodeAttemptBack(owner);

  let method: "CASH" | "QRIS" | null = null;
  if (order.paymentMethod === "PAY_AT_PICKUP") {
    if (input.method !== "CASH" && input.method !== "QRIS") {
      return { ok: false, reason: "payment-method", totalRupiah: order.totalRupiah };
    }
    method = input.method;
    if (parseRupiah(input.amount ?? "") !== order.totalRupiah) {
      return { ok: false, reason: "payment-amount", totalRupiah: order.totalRupiah };
    }
  }

  return prisma.$transaction(async (tx): Promise<HandoverResult> => {
    const status = await lockOrderStatus(tx, order.id);
    // Under the lock: the same submission may have been applied by a twin request meanwhile.
    if (
      await tx.orderEvent.findFirst({ where: { orderId: order.id, reason }, select: { id: true } })
    ) {
      return done("already-applied", tx);
    }
    if (status !== "READY_FOR_PICKUP") return notHandable({ number: order.number, status });
    if (method) {
      await tx.payment.create({
        data: {
          orderId: order.id,
          provider: method,
          status: "SUCCEEDED",
          amountRupiah: order.totalRupiah,
          receivedById: owner.userId,
          paidAt: now,
        },
      });
    }
    await moveOrder(tx, {
      orderId: order.id,
      to: "PICKED_UP",
      actor: "operator",
      actorUserId: owner.userId,
      reason,
    });
    await tx.stockHold.updateMany({
      where: { orderId: order.id, status: "HELD" },
      data: { status: "SOLD" },
    });
    const items = await tx.orderItem.groupBy({
      by: ["productId"],
      where: { orderId: order.id },
      _sum: { quantity: true },
    });
    for (const item of items) {
      await tx.product.update({
        where: { id: item.productId },
        data: { soldCount: { increment: item._sum.quantity ?? 0 } },
      });
    }
    const contact = await tx.order.findUniqueOrThrow({
      where: { id: order.id },
      select: orderContactSelect,
    });
    await notifyBuyer(tx, contact, "order.picked_up", "picked-up", {
      name: contact.buyerName,
      number: order.number,
      url: orderPageUrl(order.number),
      restArea: order.restArea.name,
      paidRupiah: method ? order.totalRupiah : 0,
      paidWith: method,
    });
    return done("handed-over", tx);
  });
}

// ── parcels nobody collected ──────────────────────────────────────────────────────────────────

export type ReturnResult =
  | { ok: true; number: string }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "still-waiting"; number: string; lastDay: string }
  | { ok: false; reason: "already-returned"; number: string }
  | NotHandable;

/**
 * Marks a parcel whose hold is over as not collected: UNCOLLECTED, its pieces back in stock (its
 * pickup day is past, so no window place is freed), and the buyer told that the cooperative will
 * contact them. A card payment is refunded by an admin from the order's admin page.
 */
export async function markUncollected(
  owner: OperatorOwner,
  number: string,
  now: Date = new Date(),
): Promise<ReturnResult> {
  const order = await prisma.order.findFirst({
    where: { ...mine(owner), number },
    select: {
      ...orderContactSelect,
      pickupWindowId: true,
      pickupDate: true,
      paymentMethod: true,
      restArea: { select: { name: true, holdDays: true } },
    },
  });
  if (!order) return { ok: false, reason: "not-found" };
  const pickupDay = dayKeyOf(order.pickupDate);
  const lastDay = lastHoldDay(pickupDay, order.restArea.holdDays);
  return prisma.$transaction(async (tx): Promise<ReturnResult> => {
    const status = await lockOrderStatus(tx, order.id);
    if (status === "UNCOLLECTED") return { ok: false, reason: "already-returned", number };
    if (status !== "READY_FOR_PICKUP") return notHandable({ number, status });
    if (!holdExpired(pickupDay, order.restArea.holdDays, wibDateKey(now))) {
      return { ok: false, reason: "still-waiting", number, lastDay };
    }
    await moveOrder(tx, {
      orderId: order.id,
      to: "UNCOLLECTED",
      actor: "operator",
      actorUserId: owner.userId,
      reason: "hold period over",
    });
    await releaseOrder(tx, order, { freeWindow: false });
    await notifyBuyer(tx, order, "order.uncollected", "uncollected", {
      name: order.buyerName,
      number: order.number,
      url: orderPageUrl(order.number),
      restArea: order.restArea.name,
      lastDay,
      paidByCard: order.paymentMethod === "STRIPE_CARD",
    });
    return { ok: true, number };
  });
}
