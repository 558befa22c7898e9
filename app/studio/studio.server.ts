import { TZDate } from "@date-fns/tz";
import type { ArtisanOwner } from "~/accounts/permissions.server";
import { prisma } from "~/db.server";
import type { ProductStatus } from "~/generated/prisma/enums";
import type { Locale } from "~/i18n/config";
import { TIME_ZONE, wibDateKey } from "~/lib/dates";
import { LOW_STOCK } from "./stock";

/**
 * What an artisan's home shows. Every query here is narrowed to `owner.artisanId`, so an artisan
 * can never read another artisan's listings, orders or sales.
 */

export type StudioProfile = { name: string; village: string; slug: string; active: boolean };

export async function studioProfile(owner: ArtisanOwner): Promise<StudioProfile> {
  return prisma.artisan.findUniqueOrThrow({
    where: { id: owner.artisanId },
    select: { name: true, village: true, slug: true, active: true },
  });
}

export type StudioVariant = {
  sku: string;
  label: string;
  stock: number;
  active: boolean;
  /** On sale and down to LOW_STOCK pieces or fewer. */
  lowStock: boolean;
};

export type StudioProduct = {
  slug: string;
  title: string;
  status: ProductStatus;
  variants: StudioVariant[];
};

export type StudioListings = {
  counts: Record<ProductStatus, number>;
  lowStockVariants: number;
  products: StudioProduct[];
};

// What the artisan acts on first: what is for sale, then what is being prepared, then the past.
const statusOrder: Record<ProductStatus, number> = { PUBLISHED: 0, DRAFT: 1, ARCHIVED: 2 };

/** The artisan's products with each variant's stock; low stock only counts what is on sale. */
export async function studioListings(owner: ArtisanOwner, locale: Locale): Promise<StudioListings> {
  const rows = await prisma.product.findMany({
    where: { artisanId: owner.artisanId },
    select: {
      slug: true,
      status: true,
      titleId: true,
      titleEn: true,
      variants: {
        orderBy: [{ position: "asc" }, { sku: "asc" }],
        select: { sku: true, labelId: true, labelEn: true, stock: true, active: true },
      },
    },
  });
  const counts: Record<ProductStatus, number> = { PUBLISHED: 0, DRAFT: 0, ARCHIVED: 0 };
  let lowStockVariants = 0;
  const products = rows.map((row): StudioProduct => {
    counts[row.status] += 1;
    const variants = row.variants.map((variant) => {
      const lowStock = row.status !== "ARCHIVED" && variant.active && variant.stock <= LOW_STOCK;
      if (lowStock) lowStockVariants += 1;
      return {
        sku: variant.sku,
        label: (locale === "en" ? variant.labelEn : null) ?? variant.labelId,
        stock: variant.stock,
        active: variant.active,
        lowStock,
      };
    });
    return {
      slug: row.slug,
      title: (locale === "en" ? row.titleEn : null) ?? row.titleId,
      status: row.status,
      variants,
    };
  });
  products.sort(
    (a, b) =>
      statusOrder[a.status] - statusOrder[b.status] || a.title.localeCompare(b.title, locale),
  );
  return { counts, lowStockVariants, products };
}

/** The WIB calendar month around `now`, as the instants where it starts and where the next one does. */
export function wibMonth(now: Date): { start: Date; end: Date } {
  const [year, month] = wibDateKey(now).split("-").map(Number) as [number, number];
  return {
    start: new Date(new TZDate(year, month - 1, 1, TIME_ZONE).getTime()),
    end: new Date(new TZDate(year, month, 1, TIME_ZONE).getTime()),
  };
}

export type MonthSales = {
  /** "November 2026", in the reader's language. */
  month: string;
  /** Sum of the artisan's line totals, before the cooperative's fee. */
  grossRupiah: number;
  pieces: number;
  orders: number;
};

/**
 * What the artisan sold this WIB month: their lines of the orders handed over to buyers this
 * month. The handover's moment is the order's PICKED_UP event, so an order collected late on
 * the 31st counts in that month, whatever day it was due.
 */
export async function salesThisMonth(
  owner: ArtisanOwner,
  { now, locale }: { now: Date; locale: Locale },
): Promise<MonthSales> {
  const { start, end } = wibMonth(now);
  const perOrder = await prisma.orderItem.groupBy({
    by: ["orderId"],
    where: {
      artisanId: owner.artisanId,
      order: {
        status: "PICKED_UP",
        events: { some: { toStatus: "PICKED_UP", createdAt: { gte: start, lt: end } } },
      },
    },
    _sum: { lineTotalRupiah: true, quantity: true },
  });
  return {
    month: new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "id-ID", {
      timeZone: TIME_ZONE,
      month: "long",
      year: "numeric",
    }).format(start),
    grossRupiah: perOrder.reduce((sum, order) => sum + (order._sum.lineTotalRupiah ?? 0), 0),
    pieces: perOrder.reduce((sum, order) => sum + (order._sum.quantity ?? 0), 0),
    orders: perOrder.length,
  };
}
