import { prisma } from "~/db.server";
import type { Locale } from "~/i18n/config";
import { toPicture, type Picture } from "~/images/picture";
import { imageStorage } from "~/images/storage.server";
import type { Metal } from "~/generated/prisma/enums";

export type ProductCard = {
  slug: string;
  title: string;
  artisanName: string;
  metal: Metal;
  /** The lowest price among the product's active variants, in rupiah. */
  fromPriceRupiah: number;
  hasPriceRange: boolean;
  inStock: boolean;
  madeToOrder: boolean;
  picture: Picture | null;
};

const cardSelect = {
  slug: true,
  titleId: true,
  titleEn: true,
  metal: true,
  madeToOrder: true,
  artisan: { select: { name: true } },
  variants: { where: { active: true }, select: { priceRupiah: true, stock: true } },
  images: {
    orderBy: { position: "asc" },
    take: 1,
    select: {
      image: {
        select: {
          width: true,
          height: true,
          placeholder: true,
          altId: true,
          altEn: true,
          renditions: { select: { format: true, width: true, key: true } },
        },
      },
    },
  },
} as const;

/** Published pieces the cooperative chose to show first, newest first. */
export async function featuredProducts(locale: Locale, limit = 8): Promise<ProductCard[]> {
  const rows = await prisma.product.findMany({
    where: { status: "PUBLISHED", featured: true },
    orderBy: [{ publishedAt: "desc" }, { slug: "asc" }],
    take: limit,
    select: cardSelect,
  });
  return rows.map((row) => {
    const prices = row.variants.map((v) => v.priceRupiah);
    const cover = row.images[0]?.image;
    return {
      slug: row.slug,
      title: (locale === "en" && row.titleEn) || row.titleId,
      artisanName: row.artisan.name,
      metal: row.metal,
      fromPriceRupiah: prices.length > 0 ? Math.min(...prices) : 0,
      hasPriceRange: new Set(prices).size > 1,
      inStock: row.variants.some((v) => v.stock > 0),
      madeToOrder: row.madeToOrder,
      picture: cover ? toPicture(cover, locale, imageStorage.publicUrl) : null,
    };
  });
}
