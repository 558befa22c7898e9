// Helpers for integration tests about artisans' sales: a cooperative, orders written row by row
// as checkout and the rest-area counter would have left them (collected at a chosen instant),
// and instants inside a WIB month.
import { prisma } from "~/db.server";
import type { OrderStatus } from "~/generated/prisma/enums";
import { monthRange } from "~/studio/payouts";

let sequence = 0;

export type SalesShop = {
  cooperativeId: string;
  categoryId: string;
  restAreaId: string;
  windowId: string;
};

/** The cooperative (made when the database has none), a category and a rest area. */
export async function openSalesShop(): Promise<SalesShop> {
  sequence += 1;
  const cooperative =
    (await prisma.cooperative.findFirst({ orderBy: { createdAt: "asc" } })) ??
    (await prisma.cooperative.create({
      data: {
        slug: "kub-penjualan-uji",
        name: "KUB Penjualan Uji",
        shortName: "KUB Uji",
        foundedYear: 2023,
        village: "Tanjung Batu",
        district: "Tanjung Batu",
        regency: "Ogan Ilir",
        province: "Sumatera Selatan",
        aboutId: "Koperasi uji.",
        aboutEn: "A test cooperative.",
        phone: "+6281100000000",
        email: "koperasi-penjualan@example.test",
      },
    }));
  const category = await prisma.category.create({
    data: { slug: `penjualan-uji-${sequence}`, nameId: "Kerajinan", nameEn: "Crafts" },
  });
  const restArea = await prisma.restArea.create({
    data: {
      slug: `rest-area-penjualan-uji-${sequence}`,
      name: "Rest Area KM 56 A (uji)",
      region: "PALEMBANG",
      segment: "Indralaya–Prabumulih",
      kmLabel: "KM 56 A",
      towardsCity: "Prabumulih",
      directionId: "arah Prabumulih",
      directionEn: "towards Prabumulih",
      place: "Indralaya",
      regency: "Ogan Ilir",
      facilitiesId: [],
      facilitiesEn: [],
      opensAtMinute: 8 * 60,
      closesAtMinute: 20 * 60,
      openWeekdays: [1, 2, 3, 4, 5, 6, 7],
      pickupWindows: { create: { startMinute: 8 * 60, endMinute: 11 * 60, capacity: 50 } },
    },
    select: { id: true, pickupWindows: { select: { id: true } } },
  });
  return {
    cooperativeId: cooperative.id,
    categoryId: category.id,
    restAreaId: restArea.id,
    windowId: restArea.pickupWindows[0]!.id,
  };
}

export type SoldLineInput = {
  artisanId: string;
  title: string;
  titleEn?: string;
  label?: string;
  unit: number;
  quantity: number;
};

/**
 * An order collected by its buyer at `pickedUpAt` (its PICKED_UP event), holding `lines`; each
 * line is a piece of its own artisan. Returns the order's id.
 */
export async function collectedOrder(
  shop: SalesShop,
  number: string,
  lines: SoldLineInput[],
  pickedUpAt: Date,
): Promise<string> {
  const items = [];
  for (const [index, line] of lines.entries()) {
    sequence += 1;
    const product = await prisma.product.create({
      data: {
        slug: `penjualan-uji-${sequence}`,
        artisanId: line.artisanId,
        categoryId: shop.categoryId,
        status: "PUBLISHED",
        metal: "COPPER",
        titleId: line.title,
        descriptionId: "Produk uji.",
        variants: {
          create: {
            sku: `PJL-${sequence}`,
            labelId: line.label ?? "Polos",
            metal: "COPPER",
            priceRupiah: line.unit,
            stock: 10,
          },
        },
      },
      select: { id: true, variants: { select: { id: true } } },
    });
    items.push({
      variantId: product.variants[0]!.id,
      productId: product.id,
      artisanId: line.artisanId,
      titleId: line.title,
      titleEn: line.titleEn ?? null,
      variantLabelId: line.label ?? "Polos",
      variantLabelEn: null,
      sku: `${number}-${index}`,
      unitPriceRupiah: line.unit,
      quantity: line.quantity,
      lineTotalRupiah: line.unit * line.quantity,
      leadTimeDays: 0,
    });
  }
  const subtotal = items.reduce((sum, item) => sum + item.lineTotalRupiah, 0);
  const ready = new Date(pickedUpAt.getTime() - 24 * 60 * 60 * 1000);
  const history: { fromStatus: OrderStatus | null; toStatus: OrderStatus; createdAt: Date }[] = [
    { fromStatus: null, toStatus: "AWAITING_PICKUP_PAYMENT", createdAt: ready },
    { fromStatus: "AWAITING_PICKUP_PAYMENT", toStatus: "READY_FOR_PICKUP", createdAt: ready },
    { fromStatus: "READY_FOR_PICKUP", toStatus: "PICKED_UP", createdAt: pickedUpAt },
  ];
  const order = await prisma.order.create({
    data: {
      number,
      status: "PICKED_UP",
      buyerName: "Pembeli Uji",
      buyerPhone: "+6281234500000",
      accessTokenHash: `penjualan-${number}`,
      pickupCode: "123456",
      restAreaId: shop.restAreaId,
      pickupWindowId: shop.windowId,
      pickupDate: new Date(`${pickedUpAt.toISOString().slice(0, 10)}T00:00:00Z`),
      pickupStartMinute: 8 * 60,
      pickupEndMinute: 11 * 60,
      paymentMethod: "PAY_AT_PICKUP",
      subtotalRupiah: subtotal,
      totalRupiah: subtotal,
      items: { create: items },
      events: {
        create: history.map((event) => ({
          ...event,
          actorKind: event.toStatus === "PICKED_UP" ? "operator" : "system",
        })),
      },
    },
    select: { id: true },
  });
  return order.id;
}

/** An instant `days` days and `hours` hours after the start of the WIB month `key`. */
export function inMonth(key: string, days: number, hours = 3): Date {
  return new Date(monthRange(key).start.getTime() + (days * 24 + hours) * 60 * 60 * 1000);
}
