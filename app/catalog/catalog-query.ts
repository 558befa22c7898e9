import type { Metal } from "~/generated/prisma/enums";
import { parseRupiah } from "~/lib/money";
import { normaliseSearch } from "./search-text";

export const SORTS = ["relevance", "newest", "price-asc", "price-desc", "popular"] as const;
export type CatalogSort = (typeof SORTS)[number];
export const PAGE_SIZE = 24;
const MAX_PAGE = 500;

export type CatalogQuery = {
  q: string;
  metal: Metal | null;
  category: string | null;
  artisan: string | null;
  minPrice: number | null;
  maxPrice: number | null;
  inStock: boolean;
  sort: CatalogSort;
  page: number;
};

// A Map, not an object: `?metal=__proto__` must find nothing rather than Object.prototype.
const metals = new Map<string, Metal>([
  ["silver", "SILVER"],
  ["copper", "COPPER"],
  ["aluminium", "ALUMINIUM"],
]);
// Plain checks rather than a schema library: this module also ships to the browser (catalogHref).
const slugOrNull = (value: string) => (/^[a-z0-9-]{1,100}$/.test(value) ? value : null);

/**
 * The catalogue's filters, read from the address so a filtered page can be shared on WhatsApp.
 * Anything malformed (`price=abc`, `page=-1`, `sort=drop`) is ignored or clamped, never an error.
 */
export function parseCatalogQuery(params: URLSearchParams): CatalogQuery {
  const text = (name: string) => params.get(name) ?? "";
  const price = (name: string) => {
    const value = parseRupiah(text(name));
    return value !== null && value > 0 ? value : null;
  };
  const q = normaliseSearch(text("q"));
  let minPrice = price("min");
  let maxPrice = price("max");
  if (minPrice !== null && maxPrice !== null && minPrice > maxPrice) {
    [minPrice, maxPrice] = [maxPrice, minPrice];
  }
  const page = Number.parseInt(text("page"), 10);
  const sort = SORTS.find((s) => s === text("sort"));
  return {
    q,
    metal: metals.get(text("metal")) ?? null,
    category: slugOrNull(text("category")),
    artisan: slugOrNull(text("artisan")),
    minPrice,
    maxPrice,
    inStock: text("stock") === "1",
    // Relevance only means something for a search; without one the newest pieces come first.
    sort: sort && (sort !== "relevance" || q) ? sort : q ? "relevance" : "newest",
    page: Number.isFinite(page) ? Math.min(Math.max(page, 1), MAX_PAGE) : 1,
  };
}

/** The address of the catalogue with these filters, leaving defaults out so links stay short. */
export function catalogHref(query: CatalogQuery, changes: Partial<CatalogQuery> = {}): string {
  const next = { ...query, page: 1, ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.metal) params.set("metal", next.metal.toLowerCase());
  if (next.category) params.set("category", next.category);
  if (next.artisan) params.set("artisan", next.artisan);
  if (next.minPrice !== null) params.set("min", String(next.minPrice));
  if (next.maxPrice !== null) params.set("max", String(next.maxPrice));
  if (next.inStock) params.set("stock", "1");
  if (next.sort !== (next.q ? "relevance" : "newest")) params.set("sort", next.sort);
  if (next.page > 1) params.set("page", String(next.page));
  const search = params.toString();
  return search ? `/products?${search}` : "/products";
}
