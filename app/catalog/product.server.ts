import { prisma } from "~/db.server";
import type { Metal } from "~/generated/prisma/enums";
import type { Locale } from "~/i18n/config";
import { storedImageSelect, toPicture, type Picture } from "~/images/picture";
import { imageStorage } from "~/images/storage.server";

export type ProductVariantView = {
  id: string;
  sku: string;
  label: string;
  metal: Metal;
  finish: string | null;
  size: string | null;
  priceRupiah: number;
  stock: number;
};

export type ProductDetail = {
  slug: string;
  title: string;
  description: string;
  materials: string | null;
  care: string | null;
  metal: Metal;
  leadTimeDays: number;
  madeToOrder: boolean;
  weightGrams: number | null;
  category: { slug: string; name: string };
  artisan: { slug: string; name: string; village: string; portrait: Picture | null };
  pictures: Picture[];
  variants: ProductVariantView[];
};

/**
 * A published product as its page shows it, in the visitor's language (Indonesian fallback).
 * With `artisanId`: that artisan's own product in any status, for the studio's preview.
 */
export async function productBySlug(
  slug: string,
  locale: Locale,
  { artisanId }: { artisanId?: string } = {},
): Promise<ProductDetail | null> {
  const product = await prisma.product.findFirst({
    where: artisanId ? { slug, artisanId } : { slug, status: "PUBLISHED" },
    select: {
      slug: true,
      titleId: true,
      titleEn: true,
      descriptionId: true,
      descriptionEn: true,
      materialsId: true,
      materialsEn: true,
      careId: true,
      careEn: true,
      metal: true,
      leadTimeDays: true,
      madeToOrder: true,
      weightGrams: true,
      category: { select: { slug: true, nameId: true, nameEn: true } },
      artisan: {
        select: {
          slug: true,
          name: true,
          village: true,
          portraitImage: { select: storedImageSelect },
        },
      },
      images: { orderBy: { position: "asc" }, select: { image: { select: storedImageSelect } } },
      variants: {
        where: { active: true },
        orderBy: { position: "asc" },
        select: {
          id: true,
          sku: true,
          labelId: true,
          labelEn: true,
          metal: true,
          finish: true,
          size: true,
          priceRupiah: true,
          stock: true,
        },
      },
    },
  });
  if (!product || product.variants.length === 0) return null;
  const inLocale = (id: string, en: string | null) => (locale === "en" && en) || id;
  const picture = (image: Parameters<typeof toPicture>[0]) =>
    toPicture(image, locale, imageStorage.publicUrl);
  return {
    slug: product.slug,
    title: inLocale(product.titleId, product.titleEn),
    description: inLocale(product.descriptionId, product.descriptionEn),
    materials: product.materialsId ? inLocale(product.materialsId, product.materialsEn) : null,
    care: product.careId ? inLocale(product.careId, product.careEn) : null,
    metal: product.metal,
    leadTimeDays: product.leadTimeDays,
    madeToOrder: product.madeToOrder,
    weightGrams: product.weightGrams,
    category: {
      slug: product.category.slug,
      name: inLocale(product.category.nameId, product.category.nameEn),
    },
    artisan: {
      slug: product.artisan.slug,
      name: product.artisan.name,
      village: product.artisan.village,
      portrait: product.artisan.portraitImage ? picture(product.artisan.portraitImage) : null,
    },
    pictures: product.images.map(({ image }) => picture(image)),
    variants: product.variants.map((v) => ({
      id: v.id,
      sku: v.sku,
      label: inLocale(v.labelId, v.labelEn),
      metal: v.metal,
      finish: v.finish,
      size: v.size,
      priceRupiah: v.priceRupiah,
      stock: v.stock,
    })),
  };
}
