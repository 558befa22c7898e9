import type { AdminActor } from "~/accounts/permissions.server";
import type { AdminCall } from "~/admin/admin-call.server";
import { audit, type AuditAction } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import type {
  ConsignmentStatus,
  OrderStatus,
  PaymentMethod,
  Prisma,
} from "~/generated/prisma/client";
import { getLocale, i18next } from "~/i18n/i18next.server";
import { wibDateKey } from "~/lib/dates";
import { lockOrderStatus, moveOrder } from "~/orders/orders.server";

/**
 * Dispatch: the parcels that leave the workshops in Tanjung Batu for the rest areas. For a
 * dispatch day (the pickup day minus the rest area's transit days) the admin sees, per rest area,
 * the orders whose every piece is packed, builds them into a consignment with its manifest, and
 * marks it in transit when the van leaves. The operator console reads what arrives from here.
 *
 * A day is a WIB calendar day, YYYY-MM-DD; a pickup date is stored as that day at 00:00 UTC.
 */

// ── days ──────────────────────────────────────────────────────────────────────────────────────

const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day from an address or a form; null when it is not one (2026-02-31 included). */
export function dayParam(value: string | null | undefined): string | null {
  const text = value?.trim() ?? "";
  if (!DAY_KEY.test(text)) return null;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text) ? text : null;
}

/** The day `days` after (or before, when negative) `day`. */
export function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Today in WIB: the dispatch board's default day. */
export function todayInWib(now: Date = new Date()): string {
  return wibDateKey(now);
}

/** Noon WIB of a day: a moment to format as that day's date, whatever the formatter's offset. */
export function middayOf(day: string): Date {
  return new Date(`${day}T05:00:00Z`);
}

function dateOfDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function dayOfDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

// ── what people may read about a buyer ────────────────────────────────────────────────────────

/** Only the first name goes on a manifest: it travels in a van and lies on a counter. */
export function firstNameOf(name: string): string {
  return name.trim().split(/\s+/)[0] ?? "";
}

/** The last three digits of a phone number, enough for an operator to match a buyer. */
export function phoneTailOf(phone: string): string {
  return phone.replace(/\D/g, "").slice(-3);
}

// ── consignment numbers ───────────────────────────────────────────────────────────────────────

/** "KR-261205-KM56A-1": the pickup day, where it goes, and the day's count for that place. */
export const CONSIGNMENT_NUMBER = /^KR-\d{6}-[A-Z0-9]{1,8}-\d{1,4}$/;

/** A consignment number from an address, as stored; null when it cannot be one. */
export function consignmentNumberParam(param: string | undefined): string | null {
  const number = param?.trim().toUpperCase() ?? "";
  return CONSIGNMENT_NUMBER.test(number) ? number : null;
}

/**
 * The rest area as a consignment number names it: its signpost ("KM 56 A" → "KM56A",
 * "STA 71" → "STA71"); a signpost too long for that (the Bengkulu toll road has no kilometre
 * posts published) gives the initials of its slug instead.
 */
export function restAreaCode(restArea: { kmLabel: string; slug: string }): string {
  const signpost = restArea.kmLabel.toUpperCase().replace(/[^A-Z0-9]/g, "");
  if (signpost.length > 0 && signpost.length <= 8) return signpost;
  const initials = restArea.slug
    .split("-")
    .filter(Boolean)
    .map((word) => (/^\d+$/.test(word) ? word : word[0]))
    .join("")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "");
  return (initials || "RA").slice(0, 8);
}

function consignmentPrefix(pickupDay: string, restArea: { kmLabel: string; slug: string }) {
  return `KR-${pickupDay.slice(2).replaceAll("-", "")}-${restAreaCode(restArea)}-`;
}

// ── the dispatch board ────────────────────────────────────────────────────────────────────────

/** Statuses of an order that is paid for (or paid at pickup) and not dispatched yet. */
const AWAITING_DISPATCH: OrderStatus[] = ["PAID", "AWAITING_PICKUP_PAYMENT", "PREPARING"];

export type ReadyOrder = {
  id: string;
  number: string;
  buyerFirstName: string;
  pieces: number;
  paymentMethod: PaymentMethod;
  pickupStartMinute: number;
  pickupEndMinute: number;
};

export type PackingOrder = {
  id: string;
  number: string;
  status: OrderStatus;
  buyerFirstName: string;
  /** Order lines not packed yet, and the pieces on them. */
  linesLeft: number;
  piecesLeft: number;
  lines: number;
  /** Who still has pieces to pack, to chase them: artisans of the unpacked lines. */
  artisans: { id: string; name: string }[];
};

export type ConsignmentSummary = {
  id: string;
  number: string;
  status: ConsignmentStatus;
  parcels: number;
  pieces: number;
  dispatchedAt: Date | null;
  checkedInAt: Date | null;
};

export type DispatchRestArea = {
  id: string;
  name: string;
  kmLabel: string;
  segment: string;
  directionId: string;
  directionEn: string;
  transitDays: number;
};

export type DispatchBoardRow = {
  restArea: DispatchRestArea;
  /** The pickup day that a parcel dispatched on the board's day reaches this rest area for. */
  pickupDay: string;
  ready: ReadyOrder[];
  packing: PackingOrder[];
  consignments: ConsignmentSummary[];
};

export type DispatchBoard = { day: string; rows: DispatchBoardRow[] };

const restAreaSelect = {
  id: true,
  name: true,
  kmLabel: true,
  segment: true,
  directionId: true,
  directionEn: true,
  transitDays: true,
} satisfies Prisma.RestAreaSelect;

/**
 * For each rest area, the pickup day that a van leaving on `day` serves: a rest area two days
 * away receives on `day` + 2 what its buyers collect that day.
 */
function servedBy(
  restAreas: { id: string; transitDays: number }[],
  day: string,
): { restAreaId: string; pickupDate: Date }[] {
  return restAreas.map((restArea) => ({
    restAreaId: restArea.id,
    pickupDate: dateOfDay(shiftDay(day, restArea.transitDays)),
  }));
}

/**
 * What leaves on `day`, rest area by rest area: orders ready to go (every piece packed, status
 * PREPARING, in no consignment yet), orders for the same pickup day still being packed, and the
 * consignments already built. Rest areas with nothing for that day are left out.
 */
export async function dispatchBoard(_actor: AdminActor, day: string): Promise<DispatchBoard> {
  const restAreas = await prisma.restArea.findMany({
    orderBy: [{ region: "asc" }, { name: "asc" }],
    select: restAreaSelect,
  });
  const served = servedBy(restAreas, day);
  const [orders, consignments] = await Promise.all([
    prisma.order.findMany({
      where: {
        OR: served,
        status: { in: AWAITING_DISPATCH },
        consignmentId: null,
      },
      orderBy: [{ pickupStartMinute: "asc" }, { number: "asc" }],
      select: {
        id: true,
        number: true,
        status: true,
        restAreaId: true,
        buyerName: true,
        paymentMethod: true,
        pickupStartMinute: true,
        pickupEndMinute: true,
        items: {
          orderBy: { id: "asc" },
          select: {
            quantity: true,
            packedAt: true,
            artisan: { select: { id: true, name: true } },
          },
        },
      },
    }),
    prisma.consignment.findMany({
      where: { OR: served },
      orderBy: { number: "asc" },
      select: consignmentSummarySelect,
    }),
  ]);

  const rows = restAreas.map((restArea): DispatchBoardRow => {
    const mine = orders.filter((order) => order.restAreaId === restArea.id);
    const ready: ReadyOrder[] = [];
    const packing: PackingOrder[] = [];
    for (const order of mine) {
      const unpacked = order.items.filter((item) => item.packedAt === null);
      const buyerFirstName = firstNameOf(order.buyerName);
      if (order.status === "PREPARING" && unpacked.length === 0) {
        ready.push({
          id: order.id,
          number: order.number,
          buyerFirstName,
          pieces: piecesOf(order.items),
          paymentMethod: order.paymentMethod,
          pickupStartMinute: order.pickupStartMinute,
          pickupEndMinute: order.pickupEndMinute,
        });
      } else {
        const artisans = new Map(unpacked.map((item) => [item.artisan.id, item.artisan]));
        packing.push({
          id: order.id,
          number: order.number,
          status: order.status,
          buyerFirstName,
          linesLeft: unpacked.length,
          piecesLeft: piecesOf(unpacked),
          lines: order.items.length,
          artisans: [...artisans.values()],
        });
      }
    }
    return {
      restArea,
      pickupDay: shiftDay(day, restArea.transitDays),
      ready,
      packing,
      consignments: consignments
        .filter((consignment) => consignment.restAreaId === restArea.id)
        .map(toSummary),
    };
  });
  return {
    day,
    rows: rows.filter((row) => row.ready.length + row.packing.length + row.consignments.length > 0),
  };
}

function piecesOf(items: { quantity: number }[]): number {
  return items.reduce((sum, item) => sum + item.quantity, 0);
}

const consignmentSummarySelect = {
  id: true,
  number: true,
  status: true,
  restAreaId: true,
  dispatchedAt: true,
  checkedInAt: true,
  orders: { select: { items: { select: { quantity: true } } } },
} satisfies Prisma.ConsignmentSelect;

function toSummary(consignment: {
  id: string;
  number: string;
  status: ConsignmentStatus;
  dispatchedAt: Date | null;
  checkedInAt: Date | null;
  orders: { items: { quantity: number }[] }[];
}): ConsignmentSummary {
  return {
    id: consignment.id,
    number: consignment.number,
    status: consignment.status,
    parcels: consignment.orders.length,
    pieces: consignment.orders.reduce((sum, order) => sum + piecesOf(order.items), 0),
    dispatchedAt: consignment.dispatchedAt,
    checkedInAt: consignment.checkedInAt,
  };
}

// ── one consignment and its manifest ──────────────────────────────────────────────────────────

export type ManifestOrder = {
  id: string;
  number: string;
  status: OrderStatus;
  buyerFirstName: string;
  /** The last three digits of the buyer's phone number; never the whole number. */
  phoneTail: string;
  /** One parcel per order. */
  parcels: 1;
  pieces: number;
  pickupStartMinute: number;
  pickupEndMinute: number;
  /** While the consignment is planned: why this order cannot travel (null when it can). */
  problem: "not-preparing" | "not-packed" | null;
};

export type ConsignmentManifest = {
  id: string;
  number: string;
  status: ConsignmentStatus;
  restArea: DispatchRestArea & { towardsCity: string };
  pickupDay: string;
  /** The day the van is meant to leave: the pickup day minus the rest area's transit days. */
  dispatchDay: string;
  createdAt: Date;
  createdBy: { id: string; name: string } | null;
  dispatchedAt: Date | null;
  checkedInAt: Date | null;
  orders: ManifestOrder[];
  totals: { parcels: number; pieces: number };
};

/** Whether a consignment with this number exists, for an action about it. */
export async function consignmentExists(number: string): Promise<boolean> {
  const row = await prisma.consignment.findUnique({ where: { number }, select: { id: true } });
  return row !== null;
}

/** A consignment as its manifest shows it, or null when there is no such consignment. */
export async function consignmentManifest(
  _actor: AdminActor,
  number: string,
): Promise<ConsignmentManifest | null> {
  const consignment = await prisma.consignment.findUnique({
    where: { number },
    select: {
      id: true,
      number: true,
      status: true,
      pickupDate: true,
      createdAt: true,
      createdById: true,
      dispatchedAt: true,
      checkedInAt: true,
      restArea: { select: { ...restAreaSelect, towardsCity: true } },
      orders: {
        orderBy: [{ pickupStartMinute: "asc" }, { number: "asc" }],
        select: {
          id: true,
          number: true,
          status: true,
          buyerName: true,
          buyerPhone: true,
          pickupStartMinute: true,
          pickupEndMinute: true,
          items: { select: { quantity: true, packedAt: true } },
        },
      },
    },
  });
  if (!consignment) return null;
  const createdBy = consignment.createdById
    ? await prisma.user.findUnique({
        where: { id: consignment.createdById },
        select: { id: true, name: true },
      })
    : null;
  const planned = consignment.status === "PLANNED";
  const orders = consignment.orders.map((order): ManifestOrder => ({
    id: order.id,
    number: order.number,
    status: order.status,
    buyerFirstName: firstNameOf(order.buyerName),
    phoneTail: phoneTailOf(order.buyerPhone),
    parcels: 1,
    pieces: piecesOf(order.items),
    pickupStartMinute: order.pickupStartMinute,
    pickupEndMinute: order.pickupEndMinute,
    problem: !planned
      ? null
      : order.status !== "PREPARING"
        ? "not-preparing"
        : order.items.some((item) => item.packedAt === null)
          ? "not-packed"
          : null,
  }));
  const pickupDay = dayOfDate(consignment.pickupDate);
  return {
    id: consignment.id,
    number: consignment.number,
    status: consignment.status,
    restArea: consignment.restArea,
    pickupDay,
    dispatchDay: shiftDay(pickupDay, -consignment.restArea.transitDays),
    createdAt: consignment.createdAt,
    createdBy,
    dispatchedAt: consignment.dispatchedAt,
    checkedInAt: consignment.checkedInAt,
    orders,
    totals: {
      parcels: orders.length,
      pieces: orders.reduce((sum, order) => sum + order.pieces, 0),
    },
  };
}

// ── arrivals, for the operator console ────────────────────────────────────────────────────────

export type ArrivalOrder = {
  id: string;
  number: string;
  status: OrderStatus;
  buyerFirstName: string;
  phoneTail: string;
  pieces: number;
  paymentMethod: PaymentMethod;
  pickupStartMinute: number;
  pickupEndMinute: number;
};

export type Arrival = {
  id: string;
  number: string;
  /** IN_TRANSIT (on its way, to be checked in) or CHECKED_IN. */
  status: ConsignmentStatus;
  restArea: { id: string; name: string; kmLabel: string };
  pickupDay: string;
  dispatchedAt: Date | null;
  checkedInAt: Date | null;
  orders: ArrivalOrder[];
  parcels: number;
  pieces: number;
};

/**
 * The consignments on their way to (or already checked in at) the given rest areas for pickup
 * days `fromDay` to `toDay`, with their orders: what an operator of those rest areas receives.
 * A planned consignment has not left the workshops and is not listed. Pass the operator's own
 * rest areas (`OperatorOwner.restAreaIds`): nothing outside them is ever read.
 */
export async function arrivalsBetween(
  restAreaIds: readonly string[],
  fromDay: string,
  toDay: string,
): Promise<Arrival[]> {
  if (restAreaIds.length === 0) return [];
  const consignments = await prisma.consignment.findMany({
    where: {
      restAreaId: { in: [...restAreaIds] },
      pickupDate: { gte: dateOfDay(fromDay), lte: dateOfDay(toDay) },
      status: { in: ["IN_TRANSIT", "CHECKED_IN"] },
    },
    orderBy: [{ pickupDate: "asc" }, { number: "asc" }],
    select: {
      id: true,
      number: true,
      status: true,
      pickupDate: true,
      dispatchedAt: true,
      checkedInAt: true,
      restArea: { select: { id: true, name: true, kmLabel: true } },
      orders: {
        orderBy: [{ pickupStartMinute: "asc" }, { number: "asc" }],
        select: {
          id: true,
          number: true,
          status: true,
          buyerName: true,
          buyerPhone: true,
          paymentMethod: true,
          pickupStartMinute: true,
          pickupEndMinute: true,
          items: { select: { quantity: true } },
        },
      },
    },
  });
  return consignments.map((consignment) => {
    const orders = consignment.orders.map((order): ArrivalOrder => ({
      id: order.id,
      number: order.number,
      status: order.status,
      buyerFirstName: firstNameOf(order.buyerName),
      phoneTail: phoneTailOf(order.buyerPhone),
      pieces: piecesOf(order.items),
      paymentMethod: order.paymentMethod,
      pickupStartMinute: order.pickupStartMinute,
      pickupEndMinute: order.pickupEndMinute,
    }));
    return {
      id: consignment.id,
      number: consignment.number,
      status: consignment.status,
      restArea: consignment.restArea,
      pickupDay: dayOfDate(consignment.pickupDate),
      dispatchedAt: consignment.dispatchedAt,
      checkedInAt: consignment.checkedInAt,
      orders,
      parcels: orders.length,
      pieces: orders.reduce((sum, order) => sum + order.pieces, 0),
    };
  });
}

/** The consignments arriving at the given rest areas for one pickup day (see `arrivalsBetween`). */
export function arrivals(restAreaIds: readonly string[], day: string): Promise<Arrival[]> {
  return arrivalsBetween(restAreaIds, day, day);
}

// ── texts ─────────────────────────────────────────────────────────────────────────────────────

/** The "dispatch" texts for a loader or action, in the request's language. */
export async function dispatchTexts(request: Request) {
  const locale = await getLocale(request);
  const t = await i18next.getFixedT(locale, "dispatch");
  const admin = await i18next.getFixedT(locale, "admin");
  return {
    locale,
    t,
    /** Orders that refused a command, one by one with the reason: "KS-…-7QX4 (Dibatalkan), …". */
    orderProblems(problems: readonly OrderProblem[]): string {
      return problems
        .map((problem) =>
          problem.problem === "not-preparing"
            ? t("errors.problems.not-preparing", {
                number: problem.number,
                status: admin(`orderStatus.${problem.status}`),
              })
            : t(`errors.problems.${problem.problem}`, { number: problem.number }),
        )
        .join(", ");
    },
  };
}

// ── commands ──────────────────────────────────────────────────────────────────────────────────

function recordConsignmentAction(
  tx: Prisma.TransactionClient,
  call: AdminCall,
  action: AuditAction,
  consignmentId: string,
  details: Prisma.InputJsonValue,
): Promise<void> {
  return audit(tx, call.request, call.context, {
    actorUserId: call.actor.userId,
    action,
    entityType: "Consignment",
    entityId: consignmentId,
    details,
  });
}

/** Orders of a request that could not go, by number, and why. */
export type OrderProblem =
  | { number: string; problem: "not-found" | "elsewhere" | "not-packed" | "in-consignment" }
  | { number: string; problem: "not-preparing"; status: OrderStatus };

export type BuildResult =
  | { ok: true; consignment: { id: string; number: string } }
  | { ok: false; reason: "no-rest-area" }
  | { ok: false; reason: "no-orders" }
  | { ok: false; reason: "not-ready"; orders: OrderProblem[] };

type LockedOrder = {
  id: string;
  number: string;
  status: OrderStatus;
  restAreaId: string;
  pickupDate: Date;
  consignmentId: string | null;
};

/**
 * Builds a consignment for a rest area and pickup day from the chosen orders. Under a lock on the
 * rest area (one build at a time per rest area, so numbers do not clash) and on each order's row,
 * every order is checked again: still PREPARING, every piece still packed, for this rest area and
 * day, and in no other consignment. If any is not, nothing is built and the answer names them.
 */
export async function buildConsignment(
  call: AdminCall,
  input: { restAreaId: string; pickupDay: string; orderIds: readonly string[] },
): Promise<BuildResult> {
  const orderIds = [...new Set(input.orderIds)].sort();
  // Two rest areas with the same signpost building at the very same moment could pick the
  // same number; the loser's transaction is retried and takes the next one.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await prisma.$transaction((tx) => build(tx, call, { ...input, orderIds }));
    } catch (error) {
      if (attempt >= 3 || !isUniqueViolation(error)) throw error;
    }
  }
}

async function build(
  tx: Prisma.TransactionClient,
  call: AdminCall,
  input: { restAreaId: string; pickupDay: string; orderIds: string[] },
): Promise<BuildResult> {
  if (input.orderIds.length === 0) return { ok: false, reason: "no-orders" };
  const restAreas = await tx.$queryRaw<{ id: string; kmLabel: string; slug: string }[]>`
    SELECT id, "kmLabel", slug FROM "RestArea" WHERE id = ${input.restAreaId} FOR UPDATE`;
  const restArea = restAreas[0];
  if (!restArea) return { ok: false, reason: "no-rest-area" };

  const locked = await tx.$queryRaw<LockedOrder[]>`
    SELECT id, number, status, "restAreaId", "pickupDate", "consignmentId"
    FROM "Order" WHERE id = ANY(${input.orderIds}) ORDER BY id FOR UPDATE`;
  const unpackedOrders = await lockUnpacked(
    tx,
    locked.map((order) => order.id),
  );

  const problems: OrderProblem[] = [];
  const found = new Map(locked.map((order) => [order.id, order]));
  for (const id of input.orderIds) {
    const order = found.get(id);
    if (!order) {
      problems.push({ number: id, problem: "not-found" });
    } else if (
      order.restAreaId !== restArea.id ||
      dayOfDate(order.pickupDate) !== input.pickupDay
    ) {
      problems.push({ number: order.number, problem: "elsewhere" });
    } else if (order.consignmentId !== null) {
      problems.push({ number: order.number, problem: "in-consignment" });
    } else if (order.status !== "PREPARING") {
      problems.push({ number: order.number, problem: "not-preparing", status: order.status });
    } else if (unpackedOrders.has(order.id)) {
      problems.push({ number: order.number, problem: "not-packed" });
    }
  }
  if (problems.length > 0) return { ok: false, reason: "not-ready", orders: problems };

  const prefix = consignmentPrefix(input.pickupDay, restArea);
  const next = (await lastIssued(tx, prefix)) + 1;
  const consignment = await tx.consignment.create({
    data: {
      number: `${prefix}${next}`,
      restAreaId: restArea.id,
      pickupDate: dateOfDay(input.pickupDay),
      createdById: call.actor.userId,
    },
    select: { id: true, number: true },
  });
  await tx.order.updateMany({
    where: { id: { in: input.orderIds } },
    data: { consignmentId: consignment.id },
  });
  await recordConsignmentAction(tx, call, "admin.consignment_built", consignment.id, {
    number: consignment.number,
    pickupDay: input.pickupDay,
    orders: input.orderIds.map((id) => found.get(id)!.number),
  });
  return { ok: true, consignment };
}

/**
 * The highest count issued under a number's prefix, dissolved consignments included (their
 * builds are in the audit log): a number printed on a manifest never comes back on another.
 */
async function lastIssued(tx: Prisma.TransactionClient, prefix: string): Promise<number> {
  const existing = await tx.consignment.findMany({
    where: { number: { startsWith: prefix } },
    select: { number: true },
  });
  const built = await tx.auditLog.findMany({
    where: {
      action: "admin.consignment_built",
      entityType: "Consignment",
      details: { path: ["number"], string_starts_with: prefix },
    },
    select: { details: true },
  });
  const numbers = [
    ...existing.map((row) => row.number),
    ...built.map((row) => (row.details as { number?: unknown } | null)?.number),
  ];
  return numbers.reduce<number>((max, number) => {
    const count = typeof number === "string" ? Number(number.slice(prefix.length)) : NaN;
    return Number.isSafeInteger(count) ? Math.max(max, count) : max;
  }, 0);
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    "code" in error &&
    (error as { code: unknown }).code === "P2002"
  );
}

/**
 * The orders among `orderIds` with a piece not packed. Their lines are held as they are until
 * the transaction ends: an artisan unpacking a piece meanwhile waits, and whoever goes second
 * sees it.
 */
async function lockUnpacked(
  tx: Prisma.TransactionClient,
  orderIds: string[],
): Promise<Set<string>> {
  if (orderIds.length === 0) return new Set();
  const lines = await tx.$queryRaw<{ orderId: string; packedAt: Date | null }[]>`
    SELECT "orderId", "packedAt" FROM "OrderItem"
    WHERE "orderId" = ANY(${orderIds}) ORDER BY id FOR SHARE`;
  return new Set(lines.filter((line) => line.packedAt === null).map((line) => line.orderId));
}

type LockedConsignment = {
  id: string;
  number: string;
  status: ConsignmentStatus;
  dispatchedAt: Date | null;
  /** The day it is meant to leave: its pickup day minus its rest area's transit days. */
  dispatchDay: string;
};

/** Locks a consignment's row for the rest of the transaction and reads it. */
async function lockConsignment(
  tx: Prisma.TransactionClient,
  number: string,
): Promise<LockedConsignment | null> {
  const rows = await tx.$queryRaw<
    { id: string; number: string; status: ConsignmentStatus; dispatchedAt: Date | null }[]
  >`SELECT id, number, status, "dispatchedAt" FROM "Consignment" WHERE number = ${number} FOR UPDATE`;
  const row = rows[0];
  if (!row) return null;
  const { pickupDate, restArea } = await tx.consignment.findUniqueOrThrow({
    where: { id: row.id },
    select: { pickupDate: true, restArea: { select: { transitDays: true } } },
  });
  return { ...row, dispatchDay: shiftDay(dayOfDate(pickupDate), -restArea.transitDays) };
}

export type DispatchResult =
  | { ok: true; moved: number }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "not-planned"; status: ConsignmentStatus; dispatchedAt: Date | null }
  | { ok: false; reason: "empty" }
  | { ok: false; reason: "not-ready"; orders: OrderProblem[] };

/**
 * The van leaves: the consignment goes IN_TRANSIT and each of its orders PREPARING → IN_TRANSIT,
 * all in one transaction. The manifest that travels with the parcels must match them, so an
 * order that can no longer travel (cancelled, or a piece unpacked since the consignment was
 * built) refuses the whole dispatch: the admin takes that parcel off, removes it from the
 * consignment, prints the manifest again and marks it in transit. A consignment already in
 * transit (or checked in) is refused too and nothing changes.
 */
export async function markInTransit(call: AdminCall, number: string): Promise<DispatchResult> {
  return prisma.$transaction(async (tx): Promise<DispatchResult> => {
    const consignment = await lockConsignment(tx, number);
    if (!consignment) return { ok: false, reason: "not-found" };
    if (consignment.status !== "PLANNED") {
      return {
        ok: false,
        reason: "not-planned",
        status: consignment.status,
        dispatchedAt: consignment.dispatchedAt,
      };
    }
    const orders = await tx.order.findMany({
      where: { consignmentId: consignment.id },
      orderBy: { id: "asc" },
      select: { id: true, number: true },
    });
    if (orders.length === 0) return { ok: false, reason: "empty" };
    const problems: OrderProblem[] = [];
    for (const order of orders) {
      const status = await lockOrderStatus(tx, order.id);
      if (status !== "PREPARING") {
        problems.push({ number: order.number, problem: "not-preparing", status });
      }
    }
    const unpacked = await lockUnpacked(
      tx,
      orders.map((order) => order.id),
    );
    for (const order of orders) {
      if (unpacked.has(order.id) && !problems.some((problem) => problem.number === order.number)) {
        problems.push({ number: order.number, problem: "not-packed" });
      }
    }
    if (problems.length > 0) return { ok: false, reason: "not-ready", orders: problems };

    const dispatchedAt = new Date();
    await tx.consignment.update({
      where: { id: consignment.id },
      data: { status: "IN_TRANSIT", dispatchedAt },
    });
    for (const order of orders) {
      await moveOrder(tx, {
        orderId: order.id,
        to: "IN_TRANSIT",
        actor: "admin",
        actorUserId: call.actor.userId,
        reason: consignment.number,
      });
    }
    await recordConsignmentAction(tx, call, "admin.consignment_dispatched", consignment.id, {
      number: consignment.number,
      orders: orders.map((order) => order.number),
    });
    return { ok: true, moved: orders.length };
  });
}

export type PlannedChangeResult =
  | { ok: true; dissolved: false }
  | { ok: true; dissolved: true; dispatchDay: string }
  | { ok: false; reason: "not-found" | "not-planned" | "not-in-consignment" };

/**
 * Takes an order off a planned consignment; it is ready to go again with another one. Taking off
 * the last order dissolves the consignment: an empty manifest has nothing to carry.
 */
export async function removeFromConsignment(
  call: AdminCall,
  input: { number: string; orderId: string },
): Promise<PlannedChangeResult> {
  return prisma.$transaction(async (tx): Promise<PlannedChangeResult> => {
    const consignment = await lockConsignment(tx, input.number);
    if (!consignment) return { ok: false, reason: "not-found" };
    if (consignment.status !== "PLANNED") return { ok: false, reason: "not-planned" };
    const order = await tx.order.findFirst({
      where: { id: input.orderId, consignmentId: consignment.id },
      select: { id: true, number: true },
    });
    if (!order) return { ok: false, reason: "not-in-consignment" };
    await lockOrderStatus(tx, order.id);
    await tx.order.update({ where: { id: order.id }, data: { consignmentId: null } });
    const left = await tx.order.count({ where: { consignmentId: consignment.id } });
    if (left === 0) await tx.consignment.delete({ where: { id: consignment.id } });
    await recordConsignmentAction(tx, call, "admin.consignment_order_removed", consignment.id, {
      number: consignment.number,
      order: order.number,
      dissolved: left === 0,
    });
    return left === 0
      ? { ok: true, dissolved: true, dispatchDay: consignment.dispatchDay }
      : { ok: true, dissolved: false };
  });
}

export type DissolveResult =
  { ok: true; dispatchDay: string } | { ok: false; reason: "not-found" | "not-planned" };

/** Undoes a planned consignment: its orders are ready to go again, the number is not reused. */
export async function dissolveConsignment(
  call: AdminCall,
  number: string,
): Promise<DissolveResult> {
  return prisma.$transaction(async (tx): Promise<DissolveResult> => {
    const consignment = await lockConsignment(tx, number);
    if (!consignment) return { ok: false, reason: "not-found" };
    if (consignment.status !== "PLANNED") return { ok: false, reason: "not-planned" };
    const orders = await tx.order.findMany({
      where: { consignmentId: consignment.id },
      orderBy: { number: "asc" },
      select: { number: true },
    });
    await tx.order.updateMany({
      where: { consignmentId: consignment.id },
      data: { consignmentId: null },
    });
    await tx.consignment.delete({ where: { id: consignment.id } });
    await recordConsignmentAction(tx, call, "admin.consignment_dissolved", consignment.id, {
      number: consignment.number,
      orders: orders.map((order) => order.number),
    });
    return { ok: true, dispatchDay: consignment.dispatchDay };
  });
}
