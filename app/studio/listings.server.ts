import type { ArtisanOwner } from "~/accounts/permissions.server";
import { productBySlug, type ProductDetail } from "~/catalog/product.server";
import { refreshProductSearchText } from "~/catalog/search-text.server";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import type { ProductStatus } from "~/generated/prisma/enums";
import type { Locale } from "~/i18n/config";
import { storedImageSelect, toPicture, type Picture } from "~/images/picture";
import { imageStorage } from "~/images/storage.server";
import { cleanForm } from "~/lib/form-body.server";
import {
  LISTING_LIMITS,
  type ListingDraft,
  type ListingInput,
  type ListingProblems,
  type VariantInput,
} from "./listing-form";
import { ownProduct } from "./own-product.server";

/**
 * An artisan's listings in the studio: what the list, the form and the preview show, and every
 * change to a product, its variants and its status. Every function takes the `ArtisanOwner` and
 * reaches the product through `ownProduct`, so another artisan's product is a 404.
 */

type Db = Prisma.TransactionClient;

const STATUSES: readonly ProductStatus[] = ["PUBLISHED", "DRAFT", "ARCHIVED"];

function inLocale(locale: Locale, id: string, en: string | null): string {
  return (locale === "en" && en) || id;
}

// ── reading ───────────────────────────────────────────────────────────────────────────────────

export type ListingCategory = { id: string; name: string };

export async function listingCategories(locale: Locale): Promise<ListingCategory[]> {
  const rows = await prisma.category.findMany({
    orderBy: [{ position: "asc" }, { nameId: "asc" }],
    select: { id: true, nameId: true, nameEn: true },
  });
  return rows.map((row) => ({ id: row.id, name: inLocale(locale, row.nameId, row.nameEn) }));
}

export type ListingCard = {
  slug: string;
  title: string;
  status: ProductStatus;
  cover: Picture | null;
  photoCount: number;
  variants: { sku: string; label: string; priceRupiah: number; stock: number; active: boolean }[];
};

export type ArtisanListings = {
  counts: Record<ProductStatus, number> & { all: number };
  products: ListingCard[];
};

/** The artisan's products, the ones of `status` only when given, last changed first. */
export async function artisanListings(
  owner: ArtisanOwner,
  locale: Locale,
  status: ProductStatus | null,
): Promise<ArtisanListings> {
  const [groups, rows] = await Promise.all([
    prisma.product.groupBy({
      by: ["status"],
      where: { artisanId: owner.artisanId },
      _count: { _all: true },
    }),
    prisma.product.findMany({
      where: { artisanId: owner.artisanId, ...(status ? { status } : {}) },
      orderBy: [{ updatedAt: "desc" }, { slug: "asc" }],
      select: {
        slug: true,
        status: true,
        titleId: true,
        titleEn: true,
        _count: { select: { images: true } },
        images: {
          orderBy: { position: "asc" },
          take: 1,
          select: { image: { select: storedImageSelect } },
        },
        variants: {
          orderBy: [{ position: "asc" }, { sku: "asc" }],
          select: {
            sku: true,
            labelId: true,
            labelEn: true,
            priceRupiah: true,
            stock: true,
            active: true,
          },
        },
      },
    }),
  ]);
  const counts = { PUBLISHED: 0, DRAFT: 0, ARCHIVED: 0, all: 0 };
  for (const group of groups) {
    counts[group.status] = group._count._all;
    counts.all += group._count._all;
  }
  return {
    counts,
    products: rows.map((row) => {
      const cover = row.images[0]?.image;
      return {
        slug: row.slug,
        title: inLocale(locale, row.titleId, row.titleEn),
        status: row.status,
        cover: cover ? toPicture(cover, locale, imageStorage.publicUrl) : null,
        photoCount: row._count.images,
        variants: row.variants.map((variant) => ({
          sku: variant.sku,
          label: inLocale(locale, variant.labelId, variant.labelEn),
          priceRupiah: variant.priceRupiah,
          stock: variant.stock,
          active: variant.active,
        })),
      };
    }),
  };
}

export function isListingStatus(value: string | null): value is ProductStatus {
  return STATUSES.some((status) => status === value);
}

export type ListingForEdit = {
  slug: string;
  status: ProductStatus;
  title: string;
  publishedAt: Date | null;
  photoCount: number;
  /** Saved variants that an order or a stock hold points at: taken off sale, never deleted. */
  orderedVariantIds: string[];
  /** The saved listing as the form shows it. */
  draft: ListingDraft;
};

const groupedNumber = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 0 });

export async function listingForEdit(
  owner: ArtisanOwner,
  slug: string | undefined,
  locale: Locale,
): Promise<ListingForEdit> {
  const own = await ownProduct(owner, slug);
  const product = await prisma.product.findUniqueOrThrow({
    where: { id: own.id },
    select: {
      slug: true,
      status: true,
      titleId: true,
      titleEn: true,
      descriptionId: true,
      descriptionEn: true,
      materialsId: true,
      materialsEn: true,
      careId: true,
      careEn: true,
      categoryId: true,
      metal: true,
      leadTimeDays: true,
      weightGrams: true,
      publishedAt: true,
      _count: { select: { images: true } },
      variants: {
        orderBy: [{ position: "asc" }, { sku: "asc" }],
        select: {
          id: true,
          labelId: true,
          labelEn: true,
          metal: true,
          finish: true,
          size: true,
          priceRupiah: true,
          stock: true,
          active: true,
          _count: { select: { orderItems: true, stockHolds: true } },
        },
      },
    },
  });
  return {
    slug: product.slug,
    status: product.status,
    title: inLocale(locale, product.titleId, product.titleEn),
    publishedAt: product.publishedAt,
    photoCount: product._count.images,
    orderedVariantIds: product.variants
      .filter((variant) => variant._count.orderItems + variant._count.stockHolds > 0)
      .map((variant) => variant.id),
    draft: {
      fields: {
        titleId: product.titleId,
        titleEn: product.titleEn ?? "",
        descriptionId: product.descriptionId,
        descriptionEn: product.descriptionEn ?? "",
        materialsId: product.materialsId ?? "",
        materialsEn: product.materialsEn ?? "",
        careId: product.careId ?? "",
        careEn: product.careEn ?? "",
        categoryId: product.categoryId,
        metal: product.metal,
        leadTimeDays: String(product.leadTimeDays),
        weightGrams: product.weightGrams === null ? "" : String(product.weightGrams),
      },
      variants: product.variants.map((variant) => ({
        id: variant.id,
        labelId: variant.labelId,
        labelEn: variant.labelEn ?? "",
        metal: variant.metal,
        finish: variant.finish ?? "",
        size: variant.size ?? "",
        price: groupedNumber.format(variant.priceRupiah),
        stock: String(variant.stock),
        seenStock: String(variant.stock),
        active: variant.active,
        remove: false,
      })),
    },
  };
}

export type ListingPreview = { status: ProductStatus; product: ProductDetail | null };

/** The product as its shop page will show it, whatever its status; null without an active variant. */
export async function listingPreview(
  owner: ArtisanOwner,
  slug: string | undefined,
  locale: Locale,
): Promise<ListingPreview> {
  const own = await ownProduct(owner, slug);
  const product = await productBySlug(own.slug, locale, { artisanId: owner.artisanId });
  return { status: own.status, product };
}

// ── the form's body ───────────────────────────────────────────────────────────────────────────

/**
 * Largest listing form read. A 12 MB description still arrives whole, so the artisan gets the
 * "too long" message next to the field with the rest of the form kept; anything bigger is not a
 * listing and is refused without reading it all.
 */
export const MAX_LISTING_FORM_BYTES = 16 * 1024 * 1024;

/** The posted form, or null when it is larger than MAX_LISTING_FORM_BYTES. */
export async function readListingForm(request: Request): Promise<FormData | null> {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > MAX_LISTING_FORM_BYTES) return null;
  if (!request.body) return new FormData();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_LISTING_FORM_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  const contentType = request.headers.get("Content-Type") ?? "application/x-www-form-urlencoded";
  try {
    return cleanForm(
      await new Response(body, { headers: { "Content-Type": contentType } }).formData(),
    );
  } catch {
    // Not a form at all (a broken multipart body): nothing the artisan typed can be kept.
    return new FormData();
  }
}

// ── names ─────────────────────────────────────────────────────────────────────────────────────

const SLUG_BASE_MAX = 80;

/** "Tepak Sirih Motif Pucuk Rebung" → "tepak-sirih-motif-pucuk-rebung": lowercase ASCII words. */
export function listingSlug(title: string): string {
  const words = title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  let slug = words.slice(0, SLUG_BASE_MAX);
  // Cut at a word boundary rather than mid-word.
  if (words.length > SLUG_BASE_MAX && slug.includes("-"))
    slug = slug.slice(0, slug.lastIndexOf("-"));
  return slug || "produk";
}

/** `base`, or `base-2`, `base-3`… whichever no product has yet. */
async function freeSlug(db: Db, base: string): Promise<string> {
  const taken = new Set(
    (
      await db.product.findMany({
        where: { slug: { startsWith: base } },
        select: { slug: true },
      })
    ).map((row) => row.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }
}

function asciiWords(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
}

/**
 * The readable start of a product's SKUs: the artisan's initials and the first words of the
 * product's link, e.g. "RS-TEPAK-SIRIH" for Rosmawati Saleh's tepak-sirih-motif-pucuk-rebung.
 */
export function skuStem(artisanName: string, productSlug: string): string {
  const initials =
    asciiWords(artisanName)
      .slice(0, 3)
      .map((word) => word[0])
      .join("") || "KS";
  const product = asciiWords(productSlug)
    .filter((word) => !/^\d+$/.test(word))
    .slice(0, 2)
    .map((word) => word.slice(0, 8));
  return [initials, ...(product.length > 0 ? product : ["PRODUK"])].join("-");
}

/** `count` SKUs no variant has: the stem with the next free two-digit numbers. */
async function nextSkus(db: Db, stem: string, count: number): Promise<string[]> {
  const rows = await db.productVariant.findMany({
    where: { sku: { startsWith: `${stem}-` } },
    select: { sku: true },
  });
  let highest = 0;
  for (const { sku } of rows) {
    const number = /^(\d+)$/.exec(sku.slice(stem.length + 1))?.[1];
    if (number) highest = Math.max(highest, Number(number));
  }
  return Array.from(
    { length: count },
    (_, i) => `${stem}-${String(highest + i + 1).padStart(2, "0")}`,
  );
}

async function skusFor(db: Db, owner: ArtisanOwner, productSlug: string, count: number) {
  if (count === 0) return [];
  const artisan = await db.artisan.findUniqueOrThrow({
    where: { id: owner.artisanId },
    select: { name: true },
  });
  return nextSkus(db, skuStem(artisan.name, productSlug), count);
}

/** A title with a suffix, shortened so the whole still fits the title's limit. */
function withSuffix(title: string, suffix: string): string {
  return `${title.slice(0, LISTING_LIMITS.titleMax - suffix.length).trimEnd()}${suffix}`;
}

// ── writing ───────────────────────────────────────────────────────────────────────────────────

/** Why a change was refused inside its transaction; thrown so the transaction rolls back. */
class ListingRefused extends Error {
  constructor(
    readonly problems: ListingProblems,
    /** Variant id → its stock now, for rows whose typed stock would go below zero. */
    readonly stockNow: Record<string, number> = {},
  ) {
    super("listing refused");
  }
}

export type ListingRefusal = {
  ok: false;
  problems: ListingProblems;
  stockNow: Record<string, number>;
};

function errorCode(error: unknown): unknown {
  return typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
}

/**
 * Runs a change again when it lost a race it can win on a second try: a slug or SKU taken at the
 * same moment (P2002), or a variant ordered just as it was being deleted (P2003).
 */
async function retryingRaces<T>(change: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await change();
    } catch (error) {
      const code = errorCode(error);
      if (attempt >= 3 || (code !== "P2002" && code !== "P2003")) throw error;
    }
  }
}

async function refused<T>(change: () => Promise<T>): Promise<T | ListingRefusal> {
  try {
    return await retryingRaces(change);
  } catch (error) {
    if (error instanceof ListingRefused) {
      return { ok: false, problems: error.problems, stockNow: error.stockNow };
    }
    throw error;
  }
}

async function requireCategory(db: Db, categoryId: string): Promise<void> {
  const category = await db.category.findUnique({
    where: { id: categoryId },
    select: { id: true },
  });
  if (!category) throw new ListingRefused({ categoryId: "errors.categoryRequired" });
}

function productData(input: ListingInput) {
  return {
    titleId: input.titleId,
    titleEn: input.titleEn,
    descriptionId: input.descriptionId,
    descriptionEn: input.descriptionEn,
    materialsId: input.materialsId,
    materialsEn: input.materialsEn,
    careId: input.careId,
    careEn: input.careEn,
    categoryId: input.categoryId,
    metal: input.metal,
    leadTimeDays: input.leadTimeDays,
    madeToOrder: input.madeToOrder,
    weightGrams: input.weightGrams,
  };
}

function variantData(variant: VariantInput) {
  return {
    labelId: variant.labelId,
    labelEn: variant.labelEn,
    metal: variant.metal,
    finish: variant.finish,
    size: variant.size,
    priceRupiah: variant.price,
    active: variant.active,
  };
}

/** A new draft listing with its variants; its link comes from the Indonesian title, for good. */
export async function createListing(
  owner: ArtisanOwner,
  input: ListingInput,
): Promise<{ ok: true; slug: string } | ListingRefusal> {
  return refused(() =>
    prisma.$transaction(async (tx) => {
      await requireCategory(tx, input.categoryId);
      const slug = await freeSlug(tx, listingSlug(input.titleId));
      const product = await tx.product.create({
        data: { slug, artisanId: owner.artisanId, status: "DRAFT", ...productData(input) },
        select: { id: true },
      });
      const skus = await skusFor(tx, owner, slug, input.variants.length);
      await tx.productVariant.createMany({
        data: input.variants.map((variant, position) => ({
          ...variantData(variant),
          productId: product.id,
          sku: skus[position]!,
          stock: variant.stock,
          position,
        })),
      });
      await refreshProductSearchText(tx, { id: product.id });
      return { ok: true as const, slug };
    }),
  );
}

/**
 * Saves the form over the listing. Stock is changed by what the artisan typed minus what they
 * saw, in one conditional statement per variant, so pieces bought meanwhile are never sold twice;
 * a change that would take stock below zero refuses the whole save. A removed variant that was
 * ever ordered is taken off sale instead (orders keep pointing at it).
 */
export async function updateListing(
  owner: ArtisanOwner,
  slug: string | undefined,
  input: ListingInput,
): Promise<{ ok: true; deactivated: number } | ListingRefusal> {
  const own = await ownProduct(owner, slug);
  return refused(() =>
    prisma.$transaction(async (tx) => {
      await requireCategory(tx, input.categoryId);
      const saved = await tx.productVariant.findMany({
        where: { productId: own.id },
        select: {
          id: true,
          _count: { select: { orderItems: true, stockHolds: true } },
        },
      });
      const savedIds = new Set(saved.map((variant) => variant.id));
      const named = [
        ...input.variants.flatMap((variant) => (variant.id ? [variant.id] : [])),
        ...input.removeVariantIds,
      ];
      // A row of a variant that is gone (removed in another tab) or was never this product's.
      if (named.some((id) => !savedIds.has(id))) {
        throw new ListingRefused({ variants: "errors.variantUnknown" });
      }

      await tx.product.update({ where: { id: own.id }, data: productData(input) });

      const stockNow: Record<string, number> = {};
      const fresh: { variant: VariantInput; position: number }[] = [];
      for (const [position, variant] of input.variants.entries()) {
        if (!variant.id) {
          fresh.push({ variant, position });
          continue;
        }
        const difference = variant.stock - variant.seenStock;
        const { count } = await tx.productVariant.updateMany({
          where: {
            id: variant.id,
            productId: own.id,
            ...(difference < 0 ? { stock: { gte: -difference } } : {}),
          },
          data: {
            ...variantData(variant),
            position,
            ...(difference !== 0 ? { stock: { increment: difference } } : {}),
          },
        });
        if (count === 0) {
          const now = await tx.productVariant.findUniqueOrThrow({
            where: { id: variant.id },
            select: { stock: true },
          });
          stockNow[variant.id] = now.stock;
        }
      }
      if (Object.keys(stockNow).length > 0) throw new ListingRefused({}, stockNow);

      let deactivated = 0;
      for (const id of input.removeVariantIds) {
        const variant = saved.find((row) => row.id === id)!;
        if (variant._count.orderItems + variant._count.stockHolds > 0) {
          await tx.productVariant.update({ where: { id }, data: { active: false } });
          deactivated += 1;
        } else {
          await tx.productVariant.delete({ where: { id } });
        }
      }

      const skus = await skusFor(tx, owner, own.slug, fresh.length);
      await tx.productVariant.createMany({
        data: fresh.map(({ variant, position }, i) => ({
          ...variantData(variant),
          productId: own.id,
          sku: skus[i]!,
          stock: variant.stock,
          position,
        })),
      });

      if (own.status === "PUBLISHED") {
        const onSale = await tx.productVariant.count({
          where: { productId: own.id, active: true },
        });
        if (onSale === 0) throw new ListingRefused({ variants: "errors.publishedNeedsVariant" });
      }
      await refreshProductSearchText(tx, { id: own.id });
      return { ok: true as const, deactivated };
    }),
  );
}

export type PublishRefusal = { ok: false; missingPhoto: boolean; missingVariant: boolean };

/** On sale in the shop: needs a photo and a variant on sale. The first publication is dated. */
export async function publishListing(
  owner: ArtisanOwner,
  slug: string | undefined,
  now = new Date(),
): Promise<{ ok: true } | PublishRefusal> {
  const own = await ownProduct(owner, slug);
  return prisma.$transaction(async (tx) => {
    const photos = await tx.productImage.count({ where: { productId: own.id } });
    const onSale = await tx.productVariant.count({ where: { productId: own.id, active: true } });
    if (photos === 0 || onSale === 0) {
      return { ok: false as const, missingPhoto: photos === 0, missingVariant: onSale === 0 };
    }
    const product = await tx.product.findUniqueOrThrow({
      where: { id: own.id },
      select: { publishedAt: true },
    });
    await tx.product.update({
      where: { id: own.id },
      data: { status: "PUBLISHED", publishedAt: product.publishedAt ?? now },
    });
    await refreshProductSearchText(tx, { id: own.id });
    return { ok: true as const };
  });
}

/** Archived (gone from the shop, kept for its orders) or back to draft (hidden, to be reworked). */
export async function setListingStatus(
  owner: ArtisanOwner,
  slug: string | undefined,
  status: "ARCHIVED" | "DRAFT",
): Promise<void> {
  const own = await ownProduct(owner, slug);
  await prisma.$transaction(async (tx) => {
    await tx.product.update({ where: { id: own.id }, data: { status } });
    await refreshProductSearchText(tx, { id: own.id });
  });
}

/**
 * A new draft with the listing's texts and variants (no stock, new SKUs), titled "… (salinan)".
 * Photos stay with the original: each photo belongs to one product.
 */
export async function duplicateListing(
  owner: ArtisanOwner,
  slug: string | undefined,
): Promise<{ slug: string }> {
  const own = await ownProduct(owner, slug);
  return retryingRaces(() =>
    prisma.$transaction(async (tx) => {
      const source = await tx.product.findUniqueOrThrow({
        where: { id: own.id },
        select: {
          titleId: true,
          titleEn: true,
          descriptionId: true,
          descriptionEn: true,
          materialsId: true,
          materialsEn: true,
          careId: true,
          careEn: true,
          categoryId: true,
          metal: true,
          leadTimeDays: true,
          madeToOrder: true,
          weightGrams: true,
          variants: {
            orderBy: [{ position: "asc" }, { sku: "asc" }],
            select: {
              labelId: true,
              labelEn: true,
              metal: true,
              finish: true,
              size: true,
              priceRupiah: true,
              active: true,
            },
          },
        },
      });
      const { variants, ...texts } = source;
      const titleId = withSuffix(source.titleId, " (salinan)");
      const copySlug = await freeSlug(tx, listingSlug(titleId));
      const copy = await tx.product.create({
        data: {
          ...texts,
          titleId,
          titleEn: source.titleEn ? withSuffix(source.titleEn, " (copy)") : null,
          slug: copySlug,
          artisanId: owner.artisanId,
          status: "DRAFT",
        },
        select: { id: true },
      });
      const skus = await skusFor(tx, owner, copySlug, variants.length);
      await tx.productVariant.createMany({
        data: variants.map((variant, position) => ({
          ...variant,
          productId: copy.id,
          sku: skus[position]!,
          stock: 0,
          position,
        })),
      });
      await refreshProductSearchText(tx, { id: copy.id });
      return { slug: copySlug };
    }),
  );
}
