import { z } from "zod";
import { audit } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import type {
  NotificationChannel,
  NotificationStatus,
  PaymentMethod,
  PaymentProvider,
  PaymentStatus,
  Prisma,
  RefundStatus,
  Region,
} from "~/generated/prisma/client";
import { OrderStatus } from "~/generated/prisma/enums";
import type { Locale } from "~/i18n/config";
import {
  cancelOrder,
  refundOrder,
  type CancelResult,
  type RefundResult,
} from "~/orders/order-actions.server";
import { canMove, isCancellable } from "~/orders/order-status";
import { ORDER_NUMBER } from "~/orders/orders.server";
import type { AdminCall } from "./admin-call.server";
import { recordId } from "./forms";
import { clampPage, readPage } from "./list-query";

/**
 * Every order as the cooperative's admin sees it: a list filtered from the address, the counts
 * per status, and one order with everything that happened to it. Changes to an order (cancel,
 * refund) go through the order's own actions in `~/orders/order-actions.server`.
 */

export const ORDERS_PAGE_SIZE = 50;

export type OrderListQuery = {
  status: OrderStatus | null;
  restAreaId: string | null;
  /** The pickup day, a WIB calendar day YYYY-MM-DD. */
  day: string | null;
  /** An order number (or part of it), a buyer's name or the digits of their phone number. */
  q: string;
  page: number;
};

const STATUSES = Object.values(OrderStatus);

function calendarDay(value: string | null): string | null {
  const text = value?.trim() ?? "";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const date = new Date(`${text}T00:00:00Z`);
  // 2026-02-31 parses as a day in March: not the day that was asked for.
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text) ? text : null;
}

/**
 * The list's filters from the address. Anything malformed — an unknown status, a rest area that
 * does not exist, `day=tomorrow`, `page=-3` — is ignored or clamped, never an error.
 */
export function parseOrderListQuery(
  params: URLSearchParams,
  restAreaIds: readonly string[],
): OrderListQuery {
  const status = params.get("status");
  const restArea = recordId.safeParse(params.get("restArea"));
  return {
    status: STATUSES.find((s) => s === status) ?? null,
    restAreaId: restArea.success && restAreaIds.includes(restArea.data) ? restArea.data : null,
    day: calendarDay(params.get("day")),
    q: (params.get("q") ?? "").trim().replace(/\s+/g, " ").slice(0, 100),
    page: readPage(params.get("page")),
  };
}

type OrderFilters = Pick<OrderListQuery, "restAreaId" | "day" | "q">;

function textWhere(q: string): Prisma.OrderWhereInput | null {
  if (!q) return null;
  const any: Prisma.OrderWhereInput[] = [
    { number: { contains: q.toUpperCase() } },
    { buyerName: { contains: q, mode: "insensitive" } },
  ];
  // Numbers are stored as +62…: "0812 345" is looked for as "62812345".
  const digits = q.replace(/\D/g, "");
  if (digits.length >= 4 && /^[\d\s+().-]+$/.test(q)) {
    any.push({
      buyerPhone: { contains: digits.startsWith("0") ? `62${digits.slice(1)}` : digits },
    });
  }
  return { OR: any };
}

function ordersWhere(filters: OrderFilters, status: OrderStatus | null): Prisma.OrderWhereInput {
  const and: Prisma.OrderWhereInput[] = [];
  if (status) and.push({ status });
  if (filters.restAreaId) and.push({ restAreaId: filters.restAreaId });
  if (filters.day) and.push({ pickupDate: new Date(`${filters.day}T00:00:00Z`) });
  const text = textWhere(filters.q);
  if (text) and.push(text);
  return { AND: and };
}

export type OrderListRow = {
  id: string;
  number: string;
  status: OrderStatus;
  placedAt: Date;
  /** Only the first name: the list is read over shoulders at the cooperative's office. */
  buyerFirstName: string;
  restArea: { id: string; name: string };
  /** YYYY-MM-DD, the WIB pickup day. */
  pickupDay: string;
  pickupStartMinute: number;
  pickupEndMinute: number;
  totalRupiah: number;
  paymentMethod: PaymentMethod;
};

export async function listOrders(query: OrderListQuery): Promise<{
  orders: OrderListRow[];
  total: number;
  page: number;
  pageCount: number;
}> {
  const where = ordersWhere(query, query.status);
  const total = await prisma.order.count({ where });
  const { page, pageCount, skip } = clampPage(query.page, total, ORDERS_PAGE_SIZE);
  const rows = await prisma.order.findMany({
    where,
    orderBy: [{ placedAt: "desc" }, { id: "desc" }],
    skip,
    take: ORDERS_PAGE_SIZE,
    select: {
      id: true,
      number: true,
      status: true,
      placedAt: true,
      buyerName: true,
      restArea: { select: { id: true, name: true } },
      pickupDate: true,
      pickupStartMinute: true,
      pickupEndMinute: true,
      totalRupiah: true,
      paymentMethod: true,
    },
  });
  const orders = rows.map(({ buyerName, pickupDate, ...order }) => ({
    ...order,
    buyerFirstName: buyerName.trim().split(/\s+/)[0] ?? "",
    pickupDay: pickupDate.toISOString().slice(0, 10),
  }));
  return { orders, total, page, pageCount };
}

/**
 * How many orders are in each status, in the state machine's order, under the list's other
 * filters (rest area, day, text) when given.
 */
export async function orderStatusCounts(
  filters: OrderFilters = { restAreaId: null, day: null, q: "" },
): Promise<{ status: OrderStatus; count: number }[]> {
  const rows = await prisma.order.groupBy({
    by: ["status"],
    where: ordersWhere(filters, null),
    _count: { _all: true },
  });
  const counts = new Map(rows.map((row) => [row.status, row._count._all]));
  return STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 }));
}

export type OrderRestAreaChoice = { id: string; name: string; region: Region; active: boolean };

/** Every rest area, active or not: old orders keep the rest area they were placed for. */
export async function orderRestAreaChoices(): Promise<OrderRestAreaChoice[]> {
  return prisma.restArea.findMany({
    orderBy: [{ region: "asc" }, { name: "asc" }],
    select: { id: true, name: true, region: true, active: true },
  });
}

/** An order number from an address, as stored; null when it cannot be one. */
export function orderNumberParam(param: string | undefined): string | null {
  const number = param?.trim().toUpperCase() ?? "";
  return ORDER_NUMBER.test(number) ? number : null;
}

export type AdminOrderDetail = {
  id: string;
  number: string;
  status: OrderStatus;
  placedAt: Date;
  paymentDueAt: Date | null;
  buyer: { name: string; phone: string; email: string | null; locale: Locale };
  account: { id: string; name: string } | null;
  restArea: { id: string; name: string };
  pickupDay: string;
  pickupStartMinute: number;
  pickupEndMinute: number;
  paymentMethod: PaymentMethod;
  subtotalRupiah: number;
  totalRupiah: number;
  items: {
    id: string;
    titleId: string;
    titleEn: string | null;
    variantLabelId: string;
    variantLabelEn: string | null;
    sku: string;
    quantity: number;
    unitPriceRupiah: number;
    lineTotalRupiah: number;
    artisan: { id: string; name: string };
  }[];
  payments: {
    id: string;
    provider: PaymentProvider;
    status: PaymentStatus;
    amountRupiah: number;
    refundedRupiah: number;
    paidAt: Date | null;
    createdAt: Date;
    stripeCheckoutSessionId: string | null;
    stripePaymentIntentId: string | null;
  }[];
  refunds: {
    id: string;
    amountRupiah: number;
    status: RefundStatus;
    reason: string;
    stripeRefundId: string | null;
    createdAt: Date;
  }[];
  /** Oldest first. */
  events: {
    id: string;
    createdAt: Date;
    fromStatus: OrderStatus | null;
    toStatus: OrderStatus;
    actorKind: string;
    actor: { id: string; name: string } | null;
    reason: string | null;
  }[];
  notifications: {
    id: string;
    template: string;
    channel: NotificationChannel;
    status: NotificationStatus;
    createdAt: Date;
    sentAt: Date | null;
  }[];
  /** Whether the admin may cancel it now (the action checks again under the order's lock). */
  cancellable: boolean;
  /** What a refund would pay back now: card payments still holding money, pending refunds apart. */
  refundableRupiah: number;
};

/** Card money still held on a payment: paid, minus refunded, minus refunds on their way. */
function heldRupiah(payment: {
  provider: PaymentProvider;
  status: PaymentStatus;
  amountRupiah: number;
  refundedRupiah: number;
  stripePaymentIntentId: string | null;
  refunds: { status: RefundStatus; amountRupiah: number }[];
}): number {
  if (payment.provider !== "STRIPE" || !payment.stripePaymentIntentId) return 0;
  if (payment.status !== "SUCCEEDED" && payment.status !== "PARTIALLY_REFUNDED") return 0;
  const pending = payment.refunds
    .filter((refund) => refund.status === "PENDING")
    .reduce((sum, refund) => sum + refund.amountRupiah, 0);
  return Math.max(payment.amountRupiah - payment.refundedRupiah - pending, 0);
}

export async function adminOrderDetail(number: string): Promise<AdminOrderDetail | null> {
  const order = await prisma.order.findUnique({
    where: { number },
    select: {
      id: true,
      number: true,
      status: true,
      placedAt: true,
      paymentDueAt: true,
      buyerName: true,
      buyerPhone: true,
      buyerEmail: true,
      locale: true,
      user: { select: { id: true, name: true } },
      restArea: { select: { id: true, name: true } },
      pickupDate: true,
      pickupStartMinute: true,
      pickupEndMinute: true,
      paymentMethod: true,
      subtotalRupiah: true,
      totalRupiah: true,
      items: {
        orderBy: [{ titleId: "asc" }, { sku: "asc" }],
        select: {
          id: true,
          titleId: true,
          titleEn: true,
          variantLabelId: true,
          variantLabelEn: true,
          sku: true,
          quantity: true,
          unitPriceRupiah: true,
          lineTotalRupiah: true,
          artisan: { select: { id: true, name: true } },
        },
      },
      payments: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          provider: true,
          status: true,
          amountRupiah: true,
          refundedRupiah: true,
          paidAt: true,
          createdAt: true,
          stripeCheckoutSessionId: true,
          stripePaymentIntentId: true,
          refunds: {
            orderBy: { createdAt: "asc" },
            select: {
              id: true,
              amountRupiah: true,
              status: true,
              reason: true,
              stripeRefundId: true,
              createdAt: true,
            },
          },
        },
      },
      events: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          createdAt: true,
          fromStatus: true,
          toStatus: true,
          actorKind: true,
          actorUser: { select: { id: true, name: true } },
          reason: true,
        },
      },
    },
  });
  if (!order) return null;
  const notifications = await prisma.notification.findMany({
    where: { orderId: order.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      template: true,
      channel: true,
      status: true,
      createdAt: true,
      sentAt: true,
    },
  });
  const refundableRupiah = canMove(order.status, "REFUNDED", "admin")
    ? order.payments.reduce((sum, payment) => sum + heldRupiah(payment), 0)
    : 0;
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    placedAt: order.placedAt,
    paymentDueAt: order.paymentDueAt,
    buyer: {
      name: order.buyerName,
      phone: order.buyerPhone,
      email: order.buyerEmail,
      locale: order.locale,
    },
    account: order.user,
    restArea: order.restArea,
    pickupDay: order.pickupDate.toISOString().slice(0, 10),
    pickupStartMinute: order.pickupStartMinute,
    pickupEndMinute: order.pickupEndMinute,
    paymentMethod: order.paymentMethod,
    subtotalRupiah: order.subtotalRupiah,
    totalRupiah: order.totalRupiah,
    items: order.items,
    payments: order.payments.map(({ refunds: _refunds, ...payment }) => payment),
    refunds: order.payments
      .flatMap((payment) => payment.refunds)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
    events: order.events.map(({ actorUser, ...event }) => ({ ...event, actor: actorUser })),
    notifications,
    cancellable: isCancellable(order.status),
    refundableRupiah,
  };
}

export type OrderRef = { id: string; number: string };

/** The order's id and number, for an action about it. */
export async function orderRef(number: string): Promise<OrderRef | null> {
  return prisma.order.findUnique({ where: { number }, select: { id: true, number: true } });
}

/** Why the admin cancels or refunds: written into the order's history and shown to the team. */
export const orderReasonForm = z.object({
  reason: z
    .string({ required_error: "orders.errors.reasonRequired" })
    .trim()
    .min(1, "orders.errors.reasonRequired")
    .min(3, "orders.errors.reasonTooShort")
    .max(500, "orders.errors.reasonTooLong"),
});

/**
 * The cooperative cancels an order for the buyer: stock and pickup place go back, a card payment
 * is refunded, the buyer is told (all by `cancelOrder`, in its own transaction), then the audit
 * log records who did it and why.
 */
export async function cancelOrderAsAdmin(
  call: AdminCall,
  order: OrderRef,
  reason: string,
): Promise<CancelResult> {
  const result = await cancelOrder({
    orderId: order.id,
    actor: "admin",
    actorUserId: call.actor.userId,
    reason,
  });
  if (result.ok) {
    await recordOrderAction(call, order, "admin.order_cancelled", {
      reason,
      refundRupiah: result.refundRupiah,
    });
  }
  return result;
}

/** The cooperative pays a finished order's card payment back; recorded like a cancellation. */
export async function refundOrderAsAdmin(
  call: AdminCall,
  order: OrderRef,
  reason: string,
): Promise<RefundResult> {
  const result = await refundOrder({ orderId: order.id, actorUserId: call.actor.userId, reason });
  if (result.ok) {
    await recordOrderAction(call, order, "admin.order_refunded", {
      reason,
      refundRupiah: result.refundRupiah,
    });
  }
  return result;
}

/** The order's change has committed already: its audit row follows in a transaction of its own. */
function recordOrderAction(
  call: AdminCall,
  order: OrderRef,
  action: "admin.order_cancelled" | "admin.order_refunded",
  details: { reason: string; refundRupiah: number },
): Promise<void> {
  return prisma.$transaction((tx) =>
    audit(tx, call.request, call.context, {
      actorUserId: call.actor.userId,
      action,
      entityType: "Order",
      entityId: order.id,
      details: { number: order.number, ...details },
    }),
  );
}
