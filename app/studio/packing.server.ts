import { z } from "zod";
import { notFound, type ArtisanOwner } from "~/accounts/permissions.server";
import { prisma } from "~/db.server";
import type { OrderStatus, PaymentStatus, Prisma } from "~/generated/prisma/client";
import type { Locale } from "~/i18n/config";
import { formatDateTime, formatTimeWindow, wibDateKey } from "~/lib/dates";
import { lockOrderStatus, moveOrder, ORDER_NUMBER } from "~/orders/orders.server";
import { formatPickupDay } from "~/pickup/pickup-days";

/**
 * The artisan's side of an order: what to pack, for which rest area, by which day. Every query is
 * narrowed to `owner.artisanId`: an artisan reaches only orders holding one of their own pieces,
 * and sees only those pieces, never another artisan's, and of the buyer only the first name.
 */

/** Orders whose pieces are being prepared: paid, or to be paid at pickup, and not dispatched. */
export const PREPARATION_STATUSES = [
  "PAID",
  "AWAITING_PICKUP_PAYMENT",
  "PREPARING",
] as const satisfies readonly OrderStatus[];

function inPreparation(status: OrderStatus): boolean {
  return (PREPARATION_STATUSES as readonly OrderStatus[]).includes(status);
}

/**
 * Orders ready to travel: being prepared, with every piece of every artisan packed. Dispatch
 * (admin) reads this; a packed order may still be unpacked until it joins a consignment.
 */
export const FULLY_PACKED_ORDER = {
  status: "PREPARING",
  items: { every: { packedAt: { not: null } } },
} satisfies Prisma.OrderWhereInput;

/** How long a packed order stays listed under "recently packed", so a mistake can be undone. */
export const RECENTLY_PACKED_DAYS = 14;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The last WIB day (YYYY-MM-DD) the parcel can leave the workshops and still reach the rest area
 * on the pickup day: the pickup day minus the rest area's transit days.
 */
export function dispatchDayKey(pickupDay: string, transitDays: number): string {
  const pickup = new Date(`${pickupDay}T00:00:00Z`);
  return new Date(pickup.getTime() - transitDays * DAY_MS).toISOString().slice(0, 10);
}

/** An order number from the URL, or null when it cannot be one. */
export function packingOrderNumber(param: string | null | undefined): string | null {
  const number = param?.trim().toUpperCase() ?? "";
  return ORDER_NUMBER.test(number) ? number : null;
}

export type PackingItem = {
  id: string;
  title: string;
  variantLabel: string;
  sku: string;
  quantity: number;
  /** Made to order (a lead time): the piece may still be in the making. */
  madeToOrder: boolean;
  /** When it was marked packed, as people read it; null while still to pack. */
  packedAt: string | null;
};

/** Whether the buyer has paid, pays at the counter, or has not paid yet (a card order). */
export type PaymentState = "paid" | "atPickup" | "unpaid";

/** One order as the artisan sees it: their own pieces only. */
export type OrderToPrepare = {
  number: string;
  status: OrderStatus;
  payment: PaymentState;
  /** The buyer's first name only: the slip is taped on a parcel others handle. */
  buyerFirstName: string;
  restArea: { name: string; kmLabel: string; direction: string };
  pickupDay: string;
  pickupDayLabel: string;
  pickupWindow: string;
  dispatchDay: string;
  /** "Sabtu, 5 Des": the last day the parcel may leave. */
  dispatchDayLabel: string;
  /** Whether that day is already past (late), today, or still ahead, in WIB. */
  dispatchWhen: DispatchWhen;
  items: PackingItem[];
  /** The artisan's pieces in the order, and how many of them are still to pack. */
  pieces: number;
  piecesToPack: number;
  /** The order also holds other artisans' pieces (never shown); the cooperative joins them. */
  sharedWithOthers: boolean;
  /** Paid (or paid at pickup) and not dispatched: its pieces are to be packed. */
  inPreparation: boolean;
  /** On a consignment list already: packing is settled, ask the cooperative to change it. */
  inConsignment: boolean;
  canPack: boolean;
  canUnpack: boolean;
};

export type DispatchWhen = "late" | "today" | "ahead";

/** The orders that leave for one rest area on one day. */
export type PreparationGroup = {
  dispatchDay: string;
  dispatchDayLabel: string;
  dispatchWhen: DispatchWhen;
  pickupDay: string;
  pickupDayLabel: string;
  restArea: { name: string; kmLabel: string; direction: string };
  orders: OrderToPrepare[];
  orderCount: number;
  pieces: number;
  piecesToPack: number;
};

const SETTLED_PAYMENTS: PaymentStatus[] = ["SUCCEEDED", "PARTIALLY_REFUNDED", "REFUNDED"];

function orderSelect(artisanId: string) {
  return {
    id: true,
    number: true,
    status: true,
    paymentMethod: true,
    buyerName: true,
    pickupDate: true,
    pickupStartMinute: true,
    pickupEndMinute: true,
    consignmentId: true,
    placedAt: true,
    restArea: {
      select: {
        id: true,
        name: true,
        kmLabel: true,
        directionId: true,
        directionEn: true,
        transitDays: true,
      },
    },
    payments: { where: { status: { in: SETTLED_PAYMENTS } }, select: { id: true }, take: 1 },
    items: {
      where: { artisanId },
      orderBy: [{ titleId: "asc" }, { sku: "asc" }, { id: "asc" }],
      select: {
        id: true,
        titleId: true,
        titleEn: true,
        variantLabelId: true,
        variantLabelEn: true,
        sku: true,
        quantity: true,
        leadTimeDays: true,
        packedAt: true,
      },
    },
    _count: { select: { items: { where: { artisanId: { not: artisanId } } } } },
  } satisfies Prisma.OrderSelect;
}

type OrderRow = Prisma.OrderGetPayload<{ select: ReturnType<typeof orderSelect> }>;

function firstName(fullName: string): string {
  return fullName.trim().split(/\s+/)[0] ?? "";
}

function whenIs(day: string, today: string): DispatchWhen {
  return day < today ? "late" : day === today ? "today" : "ahead";
}

function paymentState(row: OrderRow): PaymentState {
  if (row.payments.length > 0) return "paid";
  return row.paymentMethod === "PAY_AT_PICKUP" ? "atPickup" : "unpaid";
}

function toOrder(row: OrderRow, { now, locale }: { now: Date; locale: Locale }): OrderToPrepare {
  const pickupDay = row.pickupDate.toISOString().slice(0, 10);
  const dispatchDay = dispatchDayKey(pickupDay, row.restArea.transitDays);
  const items = row.items.map((item): PackingItem => ({
    id: item.id,
    title: (locale === "en" ? item.titleEn : null) ?? item.titleId,
    variantLabel: (locale === "en" ? item.variantLabelEn : null) ?? item.variantLabelId,
    sku: item.sku,
    quantity: item.quantity,
    madeToOrder: item.leadTimeDays > 0,
    packedAt: item.packedAt ? formatDateTime(item.packedAt, locale) : null,
  }));
  const pieces = row.items.reduce((sum, item) => sum + item.quantity, 0);
  const piecesToPack = row.items.reduce(
    (sum, item) => sum + (item.packedAt ? 0 : item.quantity),
    0,
  );
  const preparing = inPreparation(row.status);
  const inConsignment = row.consignmentId !== null;
  return {
    number: row.number,
    status: row.status,
    payment: paymentState(row),
    buyerFirstName: firstName(row.buyerName),
    restArea: {
      name: row.restArea.name,
      kmLabel: row.restArea.kmLabel,
      direction: locale === "en" ? row.restArea.directionEn : row.restArea.directionId,
    },
    pickupDay,
    pickupDayLabel: formatPickupDay(pickupDay, locale),
    pickupWindow: formatTimeWindow(row.pickupStartMinute, row.pickupEndMinute, locale),
    dispatchDay,
    dispatchDayLabel: formatPickupDay(dispatchDay, locale),
    dispatchWhen: whenIs(dispatchDay, wibDateKey(now)),
    items,
    pieces,
    piecesToPack,
    sharedWithOthers: row._count.items > 0,
    inPreparation: preparing,
    inConsignment,
    canPack: preparing && piecesToPack > 0,
    canUnpack: row.status === "PREPARING" && !inConsignment && piecesToPack < pieces,
  };
}

type View = { now: Date; locale: Locale };

/**
 * The artisan's orders with pieces still to pack, grouped by the day they must leave (soonest
 * first, late ones on top) and the rest area they go to; within a group, by pickup day then the
 * order they were placed in. The studio's home shows the same groups.
 */
export async function ordersToPrepare(
  owner: ArtisanOwner,
  view: View,
): Promise<PreparationGroup[]> {
  const rows = await prisma.order.findMany({
    where: {
      status: { in: [...PREPARATION_STATUSES] },
      items: { some: { artisanId: owner.artisanId, packedAt: null } },
    },
    orderBy: [{ pickupDate: "asc" }, { placedAt: "asc" }, { id: "asc" }],
    select: orderSelect(owner.artisanId),
  });
  const groups = new Map<string, PreparationGroup>();
  for (const row of rows) {
    const order = toOrder(row, view);
    const key = `${order.dispatchDay}|${row.restArea.id}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        dispatchDay: order.dispatchDay,
        dispatchDayLabel: order.dispatchDayLabel,
        dispatchWhen: order.dispatchWhen,
        pickupDay: order.pickupDay,
        pickupDayLabel: order.pickupDayLabel,
        restArea: order.restArea,
        orders: [],
        orderCount: 0,
        pieces: 0,
        piecesToPack: 0,
      };
      groups.set(key, group);
    }
    group.orders.push(order);
    group.orderCount += 1;
    group.pieces += order.pieces;
    group.piecesToPack += order.piecesToPack;
  }
  return [...groups.values()].sort(
    (a, b) =>
      a.dispatchDay.localeCompare(b.dispatchDay) ||
      a.restArea.name.localeCompare(b.restArea.name, "id"),
  );
}

export type PackedOrder = OrderToPrepare & { lastPackedAt: string };

/**
 * Orders whose pieces the artisan has all packed in the last RECENTLY_PACKED_DAYS days and that
 * have not left yet, the most recently packed first: where a packing mistake is undone.
 */
export async function recentlyPacked(owner: ArtisanOwner, view: View): Promise<PackedOrder[]> {
  const since = new Date(view.now.getTime() - RECENTLY_PACKED_DAYS * DAY_MS);
  const rows = await prisma.order.findMany({
    where: {
      status: { in: [...PREPARATION_STATUSES] },
      items: {
        some: { artisanId: owner.artisanId, packedAt: { gte: since } },
        none: { artisanId: owner.artisanId, packedAt: null },
      },
    },
    select: orderSelect(owner.artisanId),
  });
  const lastPacked = (row: OrderRow) =>
    Math.max(...row.items.map((item) => item.packedAt?.getTime() ?? 0));
  return rows
    .sort((a, b) => lastPacked(b) - lastPacked(a) || a.number.localeCompare(b.number))
    .map((row) => ({
      ...toOrder(row, view),
      lastPackedAt: formatDateTime(new Date(lastPacked(row)), view.locale),
    }));
}

function ownOrderWhere(owner: ArtisanOwner, number: string): Prisma.OrderWhereInput {
  return { number, items: { some: { artisanId: owner.artisanId } } };
}

/** One of the artisan's orders, whatever its status; another order is a 404. */
export async function ownOrder(
  owner: ArtisanOwner,
  number: string,
  view: View,
): Promise<OrderToPrepare> {
  const row = await prisma.order.findFirst({
    where: ownOrderWhere(owner, number),
    select: orderSelect(owner.artisanId),
  });
  if (!row) throw notFound();
  return toOrder(row, view);
}

export type PackingSlip = {
  order: OrderToPrepare;
  artisanName: string;
  /** Cancelled, expired or refunded: the slip says not to send the parcel. */
  voided: boolean;
};

/** What the printed slip carries. Never the pickup code: that is the buyer's secret. */
export async function packingSlip(
  owner: ArtisanOwner,
  number: string,
  view: View,
): Promise<PackingSlip> {
  const [order, artisan] = await Promise.all([
    ownOrder(owner, number, view),
    prisma.artisan.findUniqueOrThrow({ where: { id: owner.artisanId }, select: { name: true } }),
  ]);
  const ended: OrderStatus[] = ["CANCELLED", "EXPIRED", "REFUNDED"];
  return { order, artisanName: artisan.name, voided: ended.includes(order.status) };
}

// ── marking pieces packed ─────────────────────────────────────────────────────────────────────

/** Why packing (or undoing it) was refused; nothing changed. */
export type PackingProblem =
  "badRequest" | "notPaid" | "cancelled" | "expired" | "dispatched" | "inConsignment";

export type PackingOutcome =
  { ok: true; changed: number } | { ok: false; problem: Exclude<PackingProblem, "badRequest"> };

function refusalFor(status: OrderStatus): Exclude<PackingProblem, "badRequest" | "inConsignment"> {
  switch (status) {
    case "PENDING_PAYMENT":
      return "notPaid";
    case "EXPIRED":
      return "expired";
    case "CANCELLED":
    case "REFUNDED":
      return "cancelled";
    default:
      return "dispatched";
  }
}

/** One piece by its id, or "all": every one of the artisan's pieces in the order. */
export type PieceChoice = { item: string };

function piecesWhere(owner: ArtisanOwner, orderId: string, choice: PieceChoice) {
  return {
    orderId,
    artisanId: owner.artisanId,
    ...(choice.item === "all" ? {} : { id: choice.item }),
  } satisfies Prisma.OrderItemWhereInput;
}

/**
 * Marks the artisan's piece(s) packed. The first packing of a paid (or pay-at-pickup) order moves
 * it to PREPARING, under the order's row lock, so two artisans packing the same order at once
 * both succeed and the order records exactly one move. An order cancelled or expired meanwhile
 * is refused and nothing changes.
 */
export async function markPacked(
  owner: ArtisanOwner,
  orderId: string,
  choice: PieceChoice,
  now = new Date(),
): Promise<PackingOutcome> {
  return prisma.$transaction(async (tx) => {
    const status = await lockOrderStatus(tx, orderId);
    if (!inPreparation(status)) return { ok: false, problem: refusalFor(status) };
    const { count } = await tx.orderItem.updateMany({
      where: { ...piecesWhere(owner, orderId, choice), packedAt: null },
      data: { packedAt: now },
    });
    if (count > 0 && status !== "PREPARING") {
      await moveOrder(tx, {
        orderId,
        to: "PREPARING",
        actor: "artisan",
        actorUserId: owner.userId,
        reason: "packing started",
      });
    }
    return { ok: true, changed: count };
  });
}

/**
 * Undoes packing while the order is still being prepared and not yet on a consignment list; the
 * order stays PREPARING (its other pieces may be packed, and its place in the queue is kept).
 */
export async function markUnpacked(
  owner: ArtisanOwner,
  orderId: string,
  choice: PieceChoice,
): Promise<PackingOutcome> {
  return prisma.$transaction(async (tx) => {
    const status = await lockOrderStatus(tx, orderId);
    if (!inPreparation(status)) return { ok: false, problem: refusalFor(status) };
    const order = await tx.order.findUniqueOrThrow({
      where: { id: orderId },
      select: { consignmentId: true },
    });
    if (order.consignmentId !== null) return { ok: false, problem: "inConsignment" };
    const { count } = await tx.orderItem.updateMany({
      where: { ...piecesWhere(owner, orderId, choice), packedAt: { not: null } },
      data: { packedAt: null },
    });
    return { ok: true, changed: count };
  });
}

/** The packing forms: a piece's id or "all", and whether to pack or undo. */
export const packingForm = z.object({
  intent: z.enum(["pack", "unpack"]),
  item: z.union([z.literal("all"), z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)]),
});

export type PackingIntent = z.infer<typeof packingForm>["intent"];

export type PackingSubmission =
  | { ok: true; number: string; intent: PackingIntent; changed: number }
  | { ok: false; number: string; status: 400 | 409; problem: PackingProblem };

/**
 * A packing form sent about one of the artisan's orders. Another artisan's order, or a piece
 * that is not the artisan's in this order, is a 404 thrown before anything is read or changed.
 */
export async function submitPacking(
  owner: ArtisanOwner,
  number: string,
  form: FormData,
): Promise<PackingSubmission> {
  const order = await prisma.order.findFirst({
    where: ownOrderWhere(owner, number),
    select: { id: true },
  });
  if (!order) throw notFound();
  const parsed = packingForm.safeParse({ intent: form.get("intent"), item: form.get("item") });
  if (!parsed.success) return { ok: false, number, status: 400, problem: "badRequest" };
  const { intent, item } = parsed.data;
  if (item !== "all") {
    const own = await prisma.orderItem.findFirst({
      where: piecesWhere(owner, order.id, { item }),
      select: { id: true },
    });
    if (!own) throw notFound();
  }
  const outcome =
    intent === "pack"
      ? await markPacked(owner, order.id, { item })
      : await markUnpacked(owner, order.id, { item });
  if (!outcome.ok) return { ok: false, number, status: 409, problem: outcome.problem };
  return { ok: true, number, intent, changed: outcome.changed };
}
