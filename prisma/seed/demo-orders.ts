import type { Prisma } from "~/generated/prisma/client";
import type { OrderStatus } from "~/generated/prisma/enums";
import { wibDateKey } from "~/lib/dates";
import { lineTotal } from "~/lib/money";
import { addDaysToKey } from "~/operator/counter-days";
import {
  newOrderAccessKey,
  newOrderNumber,
  newPickupCode,
  orderAccessHash,
} from "~/orders/orders.server";
import { shiftMonthKey, monthKey } from "~/studio/payouts";

/**
 * A few orders of the demo buyer, so every workspace has something to show on a fresh start:
 * one collected last month (the artisan's statement, the admin's payouts), one waiting at the
 * counter past its hold days (the operator's "uncollected"), and one still to pack (the studio).
 * Dates are relative to the moment the database is seeded.
 */

type DemoOrder = {
  productSlug: string;
  restAreaSlug: string;
  /** The WIB day the buyer was to collect it. */
  pickupDay: string;
  /** The statuses it went through after being placed, in order. */
  path: OrderStatus[];
};

const BUYER_EMAIL = "pembeli@karyasungging.test";
const OPERATOR_EMAIL = "operator.km56@karyasungging.test";
const ADMIN_EMAIL = "admin@karyasungging.test";

export function demoOrders(now: Date, holdDays: number): DemoOrder[] {
  const today = wibDateKey(now);
  const lastMonth = shiftMonthKey(monthKey(now), -1);
  return [
    {
      productSlug: "bunga-tanjung-filigree-ring",
      restAreaSlug: "km-56-a-indralaya-prabumulih",
      pickupDay: `${lastMonth}-12`,
      path: ["PREPARING", "IN_TRANSIT", "READY_FOR_PICKUP", "PICKED_UP"],
    },
    {
      productSlug: "bunga-tanjung-filigree-pendant",
      restAreaSlug: "km-56-a-indralaya-prabumulih",
      pickupDay: addDaysToKey(today, -(holdDays + 2)),
      path: ["PREPARING", "IN_TRANSIT", "READY_FOR_PICKUP"],
    },
    {
      productSlug: "bunga-tanjung-filigree-pendant",
      restAreaSlug: "km-56-b-indralaya-prabumulih",
      pickupDay: addDaysToKey(today, 4),
      path: [],
    },
  ];
}

/** 10.00 WIB on a day, `days` before or after it. */
function wibMorning(dayKey: string, days = 0): Date {
  return new Date(`${addDaysToKey(dayKey, days)}T03:00:00.000Z`);
}

export async function writeDemoOrders(tx: Prisma.TransactionClient, now: Date): Promise<void> {
  const buyer = await tx.user.findUniqueOrThrow({ where: { email: BUYER_EMAIL } });
  const operator = await tx.user.findUniqueOrThrow({ where: { email: OPERATOR_EMAIL } });
  const admin = await tx.user.findUniqueOrThrow({ where: { email: ADMIN_EMAIL } });
  const anyRestArea = await tx.restArea.findFirstOrThrow({
    where: { slug: "km-56-a-indralaya-prabumulih" },
  });
  for (const demo of demoOrders(now, anyRestArea.holdDays)) {
    const variant = await tx.productVariant.findFirstOrThrow({
      where: { product: { slug: demo.productSlug }, active: true },
      orderBy: { position: "asc" },
      include: { product: { include: { artisan: { select: { userId: true } } } } },
    });
    // Who moved the order to each status: the artisan packs, the admin dispatches, the
    // operator checks in and hands over.
    const actors: Partial<Record<OrderStatus, { kind: string; userId: string | null }>> = {
      PREPARING: { kind: "artisan", userId: variant.product.artisan.userId },
      IN_TRANSIT: { kind: "admin", userId: admin.id },
      READY_FOR_PICKUP: { kind: "operator", userId: operator.id },
      PICKED_UP: { kind: "operator", userId: operator.id },
    };
    const restArea = await tx.restArea.findUniqueOrThrow({
      where: { slug: demo.restAreaSlug },
      include: { pickupWindows: { orderBy: { startMinute: "asc" }, take: 1 } },
    });
    const window = restArea.pickupWindows[0]!;
    const placedAt = wibMorning(demo.pickupDay, -restArea.transitDays - 3);
    const total = lineTotal(variant.priceRupiah, 1);
    const status = demo.path.at(-1) ?? "AWAITING_PICKUP_PAYMENT";
    const pickupDate = new Date(`${demo.pickupDay}T00:00:00.000Z`);

    // The piece left the shelf when it was ordered; it stays held until it is handed over.
    await tx.productVariant.update({
      where: { id: variant.id },
      data: { stock: { decrement: 1 } },
    });
    if (status === "PICKED_UP") {
      await tx.product.update({
        where: { id: variant.productId },
        data: { soldCount: { increment: 1 } },
      });
    }
    await tx.pickupSlot.upsert({
      where: { windowId_date: { windowId: window.id, date: pickupDate } },
      create: { windowId: window.id, date: pickupDate, booked: 1 },
      update: { booked: { increment: 1 } },
    });

    const order = await tx.order.create({
      data: {
        number: newOrderNumber(placedAt),
        status,
        userId: buyer.id,
        buyerName: buyer.name,
        buyerPhone: buyer.phone!,
        buyerEmail: buyer.email,
        accessTokenHash: orderAccessHash(newOrderAccessKey()),
        pickupCode: await newPickupCode(tx, restArea.id),
        restAreaId: restArea.id,
        pickupWindowId: window.id,
        pickupDate,
        pickupStartMinute: window.startMinute,
        pickupEndMinute: window.endMinute,
        paymentMethod: "PAY_AT_PICKUP",
        subtotalRupiah: total,
        totalRupiah: total,
        placedAt,
        items: {
          create: {
            variantId: variant.id,
            productId: variant.productId,
            artisanId: variant.product.artisanId,
            titleId: variant.product.titleId,
            titleEn: variant.product.titleEn,
            variantLabelId: variant.labelId,
            variantLabelEn: variant.labelEn,
            sku: variant.sku,
            unitPriceRupiah: variant.priceRupiah,
            quantity: 1,
            lineTotalRupiah: total,
            leadTimeDays: variant.product.leadTimeDays,
            packedAt: demo.path.includes("PREPARING") ? wibMorning(demo.pickupDay, -2) : null,
          },
        },
        stockHolds: {
          create: {
            variantId: variant.id,
            quantity: 1,
            status: status === "PICKED_UP" ? "SOLD" : "HELD",
          },
        },
        events: {
          create: [
            {
              fromStatus: null,
              toStatus: "AWAITING_PICKUP_PAYMENT",
              actorKind: "buyer",
              actorUserId: buyer.id,
              createdAt: placedAt,
            },
            ...demo.path.map((to, index) => ({
              fromStatus: index === 0 ? "AWAITING_PICKUP_PAYMENT" : demo.path[index - 1]!,
              toStatus: to,
              actorKind: actors[to]?.kind ?? "system",
              actorUserId: actors[to]?.userId ?? null,
              createdAt: wibMorning(demo.pickupDay, index - demo.path.length + 1),
            })),
          ] as Prisma.OrderEventCreateWithoutOrderInput[],
        },
      },
    });
    if (status === "PICKED_UP") {
      await tx.payment.create({
        data: {
          orderId: order.id,
          provider: "CASH",
          status: "SUCCEEDED",
          amountRupiah: total,
          receivedById: operator.id,
          paidAt: wibMorning(demo.pickupDay),
        },
      });
    }
  }
}
