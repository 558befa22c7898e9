import { prisma } from "~/db.server";
import type { OrderStatus, PaymentMethod } from "~/generated/prisma/enums";
import type { Locale } from "~/i18n/config";
import { formatDateTime, formatTimeWindow } from "~/lib/dates";
import { lastHoldDay } from "~/operator/counter-days";
import { formatPickupDay } from "~/pickup/pickup-days";
import type { DirectoryRestArea } from "~/pickup/rest-areas.server";
import { orderPageUrl } from "./buyer-messages.server";
import { orderCalendarFile } from "./calendar.server";
import { hasPickupPass, isCancellable } from "./order-status";
import { orderTimeline, type TimelineMoment, type TimelineStep } from "./timeline";

export type OrderPageItem = {
  id: string;
  title: string;
  variantLabel: string;
  quantity: number;
  unitPriceRupiah: number;
  lineTotalRupiah: number;
};

/** How the order was (or is to be) paid, one line each. */
export type PaymentLine =
  | { kind: "paid-card"; amountRupiah: number; at: TimelineMoment }
  | { kind: "paid-at-counter"; provider: "CASH" | "QRIS"; amountRupiah: number; at: TimelineMoment }
  | { kind: "card-due"; amountRupiah: number }
  | { kind: "pay-at-pickup"; amountRupiah: number }
  | { kind: "unpaid" };

/** Money going back to the buyer: sent (with when), or on its way. */
export type RefundLine =
  | { status: "SUCCEEDED"; amountRupiah: number; at: TimelineMoment }
  | { status: "PENDING"; amountRupiah: number };

export type OrderPagePlace = DirectoryRestArea & {
  holdDays: number;
  coordinates: { latitude: number; longitude: number; approximate: boolean } | null;
  mapsUrl: string | null;
};

/** Everything the buyer's order page shows, as plain data in the page's language. */
export type OrderPage = {
  number: string;
  status: OrderStatus;
  paymentMethod: PaymentMethod;
  placedAt: TimelineMoment;
  /** While a card payment is awaited: its deadline, and whether it has passed. */
  paymentDue: (TimelineMoment & { passed: boolean }) | null;
  /** Only while the order has a pickup pass (see PICKUP_PASS_STATUSES). */
  pickupCode: string | null;
  cancellable: boolean;
  /** What a cancellation would pay back to the buyer's card. */
  refundOnCancelRupiah: number;
  pickup: {
    dayKey: string;
    day: string;
    window: string;
    /** The last day the parcel waits at the counter. */
    lastDay: string;
    restArea: OrderPagePlace;
  };
  items: OrderPageItem[];
  subtotalRupiah: number;
  totalRupiah: number;
  payments: PaymentLine[];
  refunds: RefundLine[];
  timeline: TimelineStep[];
};

const PAID_STATUSES = new Set(["SUCCEEDED", "PARTIALLY_REFUNDED", "REFUNDED"]);

async function loadOrder(orderId: string) {
  return prisma.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      number: true,
      status: true,
      paymentMethod: true,
      placedAt: true,
      paymentDueAt: true,
      pickupCode: true,
      pickupDate: true,
      pickupStartMinute: true,
      pickupEndMinute: true,
      subtotalRupiah: true,
      totalRupiah: true,
      restArea: {
        select: {
          slug: true,
          name: true,
          kmLabel: true,
          region: true,
          segment: true,
          side: true,
          directionId: true,
          directionEn: true,
          place: true,
          regency: true,
          facilitiesId: true,
          facilitiesEn: true,
          latitude: true,
          longitude: true,
          coordinatesApproximate: true,
          opensAtMinute: true,
          closesAtMinute: true,
          openWeekdays: true,
          transitDays: true,
          holdDays: true,
        },
      },
      items: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          titleId: true,
          titleEn: true,
          variantLabelId: true,
          variantLabelEn: true,
          quantity: true,
          unitPriceRupiah: true,
          lineTotalRupiah: true,
        },
      },
      events: {
        orderBy: { createdAt: "asc" },
        select: { fromStatus: true, toStatus: true, reason: true, createdAt: true },
      },
      payments: {
        orderBy: { createdAt: "asc" },
        select: {
          provider: true,
          status: true,
          amountRupiah: true,
          refundedRupiah: true,
          paidAt: true,
          refunds: {
            where: { status: { in: ["SUCCEEDED", "PENDING"] } },
            orderBy: { createdAt: "asc" },
            select: { status: true, amountRupiah: true, updatedAt: true },
          },
        },
      },
    },
  });
}

type LoadedOrder = Awaited<ReturnType<typeof loadOrder>>;

function inLocale(locale: Locale, indonesian: string, english: string | null): string {
  return (locale === "en" && english) || indonesian;
}

/** The buyer's order page for `orderId`, whose access the caller has already checked. */
export async function orderPage(
  orderId: string,
  locale: Locale,
  now = new Date(),
): Promise<OrderPage> {
  const order = await loadOrder(orderId);
  const moment = (date: Date): TimelineMoment => ({
    iso: date.toISOString(),
    text: formatDateTime(date, locale),
  });
  const dayKey = order.pickupDate.toISOString().slice(0, 10);
  const area = order.restArea;
  const latitude = area.latitude?.toNumber() ?? null;
  const longitude = area.longitude?.toNumber() ?? null;
  const coordinates =
    latitude !== null && longitude !== null
      ? { latitude, longitude, approximate: area.coordinatesApproximate }
      : null;

  return {
    number: order.number,
    status: order.status,
    paymentMethod: order.paymentMethod,
    placedAt: moment(order.placedAt),
    paymentDue:
      order.status === "PENDING_PAYMENT" && order.paymentDueAt
        ? { ...moment(order.paymentDueAt), passed: order.paymentDueAt <= now }
        : null,
    pickupCode: hasPickupPass(order.status) ? order.pickupCode : null,
    cancellable: isCancellable(order.status),
    refundOnCancelRupiah: cardMoneyHeld(order),
    pickup: {
      dayKey,
      day: formatPickupDay(dayKey, locale),
      window: formatTimeWindow(order.pickupStartMinute, order.pickupEndMinute, locale),
      lastDay: formatPickupDay(lastHoldDay(dayKey, area.holdDays), locale),
      restArea: {
        slug: area.slug,
        name: area.name,
        kmLabel: area.kmLabel,
        region: area.region,
        segment: area.segment,
        side: area.side,
        direction: locale === "en" ? area.directionEn : area.directionId,
        place: area.place,
        regency: area.regency,
        facilities: locale === "en" ? area.facilitiesEn : area.facilitiesId,
        opensAtMinute: area.opensAtMinute,
        closesAtMinute: area.closesAtMinute,
        openWeekdays: area.openWeekdays,
        transitDays: area.transitDays,
        holdDays: area.holdDays,
        coordinates,
        mapsUrl: coordinates
          ? `https://www.google.com/maps/search/?api=1&query=${coordinates.latitude},${coordinates.longitude}`
          : null,
      },
    },
    items: order.items.map((item) => ({
      id: item.id,
      title: inLocale(locale, item.titleId, item.titleEn),
      variantLabel: inLocale(locale, item.variantLabelId, item.variantLabelEn),
      quantity: item.quantity,
      unitPriceRupiah: item.unitPriceRupiah,
      lineTotalRupiah: item.lineTotalRupiah,
    })),
    subtotalRupiah: order.subtotalRupiah,
    totalRupiah: order.totalRupiah,
    payments: paymentLines(order, moment),
    refunds: order.payments.flatMap((payment) =>
      payment.refunds.map((refund): RefundLine =>
        refund.status === "SUCCEEDED"
          ? { status: "SUCCEEDED", amountRupiah: refund.amountRupiah, at: moment(refund.updatedAt) }
          : { status: "PENDING", amountRupiah: refund.amountRupiah },
      ),
    ),
    timeline: orderTimeline({
      status: order.status,
      paymentMethod: order.paymentMethod,
      events: order.events,
      formatTime: (date) => formatDateTime(date, locale),
    }),
  };
}

/** Card money the shop still holds for the order: what cancelling it pays back. */
function cardMoneyHeld(order: LoadedOrder): number {
  return order.payments
    .filter(
      (payment) =>
        payment.provider === "STRIPE" &&
        (payment.status === "SUCCEEDED" || payment.status === "PARTIALLY_REFUNDED"),
    )
    .reduce((sum, payment) => {
      const pending = payment.refunds
        .filter((refund) => refund.status === "PENDING")
        .reduce((total, refund) => total + refund.amountRupiah, 0);
      return sum + Math.max(payment.amountRupiah - payment.refundedRupiah - pending, 0);
    }, 0);
}

function paymentLines(order: LoadedOrder, moment: (date: Date) => TimelineMoment): PaymentLine[] {
  const lines: PaymentLine[] = [];
  for (const payment of order.payments) {
    if (!PAID_STATUSES.has(payment.status) || !payment.paidAt) continue;
    const at = moment(payment.paidAt);
    lines.push(
      payment.provider === "STRIPE"
        ? { kind: "paid-card", amountRupiah: payment.amountRupiah, at }
        : {
            kind: "paid-at-counter",
            provider: payment.provider,
            amountRupiah: payment.amountRupiah,
            at,
          },
    );
  }
  if (lines.length > 0) return lines;
  if (order.status === "PENDING_PAYMENT") {
    return [{ kind: "card-due", amountRupiah: order.totalRupiah }];
  }
  if (order.paymentMethod === "PAY_AT_PICKUP" && hasPickupPass(order.status)) {
    return [{ kind: "pay-at-pickup", amountRupiah: order.totalRupiah }];
  }
  return [{ kind: "unpaid" }];
}

/**
 * The pickup as an iCalendar file in `locale`, or null when the order has no pickup ahead (a
 * card order not yet paid, or a finished one): the file carries the pickup code.
 */
export async function orderCalendar(orderId: string, locale: Locale): Promise<string | null> {
  const order = await prisma.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      number: true,
      status: true,
      pickupCode: true,
      pickupDate: true,
      pickupStartMinute: true,
      pickupEndMinute: true,
      restArea: {
        select: {
          name: true,
          kmLabel: true,
          directionId: true,
          directionEn: true,
          latitude: true,
          longitude: true,
          place: true,
          regency: true,
        },
      },
    },
  });
  if (!hasPickupPass(order.status)) return null;
  const area = order.restArea;
  return orderCalendarFile({
    orderNumber: order.number,
    pickupCode: order.pickupCode,
    locale,
    pickupDayKey: order.pickupDate.toISOString().slice(0, 10),
    startMinute: order.pickupStartMinute,
    endMinute: order.pickupEndMinute,
    restArea: {
      name: area.name,
      kmLabel: area.kmLabel,
      direction: locale === "en" ? area.directionEn : area.directionId,
      latitude: area.latitude?.toNumber() ?? null,
      longitude: area.longitude?.toNumber() ?? null,
      place: area.place,
      regency: area.regency,
    },
    orderUrl: orderPageUrl(order.number),
  });
}
