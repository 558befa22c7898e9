import { prisma } from "~/db.server";
import { keptFor } from "~/lib/kept.server";
import { Prisma } from "~/generated/prisma/client";
import type { Metal } from "~/generated/prisma/enums";
import type { Locale } from "~/i18n/config";
import { storedImageSelect, toPicture, type Picture } from "~/images/picture";
import { imageStorage } from "~/images/storage.server";
import { PAGE_SIZE, type CatalogQuery } from "./catalog-query";

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
    select: { image: { select: storedImageSelect } },
  },
} as const;

/** Published pieces the cooperative chose to show first, newest first. */
export function featuredProducts(locale: Locale, limit = 8): Promise<ProductCard[]> {
  return productCards({
    where: { featured: true },
    orderBy: [{ publishedAt: "desc" }, { slug: "asc" }],
    take: limit,
    locale,
  });
}

/** Cards of the published products matching `where`, in the given order. */
export async function productCards(options: {
  where: Prisma.ProductWhereInput;
  orderBy: Prisma.ProductOrderByWithRelationInput[];
  take?: number;
  locale: Locale;
}): Promise<ProductCard[]> {
  const rows = await prisma.product.findMany({
    where: { ...options.where, status: "PUBLISHED" },
    orderBy: options.orderBy,
    take: options.take,
    select: cardSelect,
  });
  return toCards(rows, options.locale);
}

/** Cards for products by id, in the order of `ids`. */
async function cardsFor(ids: string[], locale: Locale): Promise<ProductCard[]> {
  if (ids.length === 0) return [];
  const rows = await prisma.product.findMany({
    where: { id: { in: ids } },
    select: { id: true, ...cardSelect },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return toCards(
    ids.flatMap((id) => byId.get(id) ?? []),
    locale,
  );
}

type CardRow = Prisma.ProductGetPayload<{ select: typeof cardSelect }>;

function toCards(rows: CardRow[], locale: Locale): ProductCard[] {
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

export type CatalogPage = {
  cards: ProductCard[];
  total: number;
  page: number;
  pageCount: number;
  /** When nothing matched: the closest pieces by spelling ("similar"), or else featured ones. */
  suggestions: ProductCard[];
  suggestionKind: "similar" | "featured" | null;
};

// A word of the search must share this much of its trigrams with a word of the product to count
// as a typo of it ("gelng" → "gelang" scores 0.67); lower lets in noise.
const TYPO_SIMILARITY = 0.5;

/** One page of the catalogue: published products matching the filters and search, sorted. */
export async function searchCatalog(query: CatalogQuery, locale: Locale): Promise<CatalogPage> {
  const conditions: Prisma.Sql[] = [Prisma.sql`p.status = 'PUBLISHED'`];
  if (query.metal) conditions.push(Prisma.sql`p.metal = ${query.metal}::"Metal"`);
  if (query.category) conditions.push(Prisma.sql`c.slug = ${query.category}`);
  if (query.artisan) conditions.push(Prisma.sql`a.slug = ${query.artisan}`);
  const tsquery = Prisma.sql`websearch_to_tsquery('simple', ${query.q})`;
  const titles = Prisma.sql`lower(p."titleId" || ' ' || coalesce(p."titleEn", ''))`;
  if (query.q) {
    conditions.push(
      Prisma.sql`(to_tsvector('simple', p."searchText") @@ ${tsquery}
        OR word_similarity(${query.q}, p."searchText") >= ${TYPO_SIMILARITY})`,
    );
  }
  const having: Prisma.Sql[] = [Prisma.sql`count(v.id) > 0`];
  if (query.minPrice !== null) having.push(Prisma.sql`min(v."priceRupiah") >= ${query.minPrice}`);
  if (query.maxPrice !== null) having.push(Prisma.sql`min(v."priceRupiah") <= ${query.maxPrice}`);
  if (query.inStock) having.push(Prisma.sql`sum(v.stock) > 0`);
  // Titles weigh most, then full-text matches anywhere, then closeness of spelling.
  const rank = query.q
    ? Prisma.sql`2 * word_similarity(${query.q}, ${titles})
        + ts_rank(to_tsvector('simple', p."searchText"), ${tsquery})
        + word_similarity(${query.q}, p."searchText")`
    : Prisma.sql`0`;
  const order = {
    relevance: Prisma.sql`${rank} DESC, p."soldCount" DESC`,
    newest: Prisma.sql`p."publishedAt" DESC NULLS LAST`,
    "price-asc": Prisma.sql`min(v."priceRupiah") ASC`,
    "price-desc": Prisma.sql`min(v."priceRupiah") DESC`,
    popular: Prisma.sql`p."soldCount" DESC, p."publishedAt" DESC NULLS LAST`,
  }[query.sort];

  const rows = await prisma.$queryRaw<{ id: string; total: bigint }[]>`
    SELECT p.id, count(*) OVER () AS total
    FROM "Product" p
    JOIN "Artisan" a ON a.id = p."artisanId"
    JOIN "Category" c ON c.id = p."categoryId"
    LEFT JOIN "ProductVariant" v ON v."productId" = p.id AND v.active
    WHERE ${Prisma.join(conditions, " AND ")}
    GROUP BY p.id
    HAVING ${Prisma.join(having, " AND ")}
    ORDER BY ${order}, p.slug ASC
    LIMIT ${PAGE_SIZE} OFFSET ${(query.page - 1) * PAGE_SIZE}`;

  const total = Number(rows[0]?.total ?? (query.page > 1 ? await countMatches(query, locale) : 0));
  const cards = await cardsFor(
    rows.map((row) => row.id),
    locale,
  );
  const similar = total === 0 && query.q ? await similarProducts(query.q, locale) : [];
  const suggestions =
    total === 0 ? (similar.length > 0 ? similar : await featuredProducts(locale, 4)) : [];
  return {
    cards,
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    suggestions,
    suggestionKind: total > 0 ? null : similar.length > 0 ? "similar" : "featured",
  };
}

/** A page past the end returns no rows, so its total comes from the first page. */
async function countMatches(query: CatalogQuery, locale: Locale): Promise<number> {
  return (await searchCatalog({ ...query, page: 1 }, locale)).total;
}

async function similarProducts(q: string, locale: Locale): Promise<ProductCard[]> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT p.id FROM "Product" p
    WHERE p.status = 'PUBLISHED' AND word_similarity(${q}, p."searchText") > 0.25
    ORDER BY word_similarity(${q}, p."searchText") DESC, p.slug
    LIMIT 4`;
  return cardsFor(
    rows.map((row) => row.id),
    locale,
  );
}

export type CatalogFacets = {
  categories: { slug: string; name: string; metal: Metal | null }[];
  artisans: { slug: string; name: string }[];
};

// The filter choices change when an artisan publishes in a new category: a minute late is fine.
const facetRows = keptFor(60_000, () =>
  Promise.all([
    prisma.category.findMany({
      where: { products: { some: { status: "PUBLISHED" } } },
      orderBy: { position: "asc" },
      select: { slug: true, nameId: true, nameEn: true, metal: true },
    }),
    prisma.artisan.findMany({
      where: { active: true, products: { some: { status: "PUBLISHED" } } },
      orderBy: { name: "asc" },
      select: { slug: true, name: true },
    }),
  ]),
);

/** The choices offered by the catalogue's filters. */
export async function catalogFacets(locale: Locale): Promise<CatalogFacets> {
  const [categories, artisans] = await facetRows();
  return {
    categories: categories.map((c) => ({
      slug: c.slug,
      name: locale === "en" ? c.nameEn : c.nameId,
      metal: c.metal,
    })),
    artisans,
  };
}
