import type { Metal } from "~/generated/prisma/enums";

const metalWords: Record<Metal, string> = {
  SILVER: "perak silver",
  COPPER: "tembaga copper",
  ALUMINIUM: "aluminium aluminum",
};

export type SearchableProduct = {
  titleId: string;
  titleEn: string | null;
  descriptionId: string;
  descriptionEn: string | null;
  metal: Metal;
  artisanName: string;
  categoryNameId: string;
  categoryNameEn: string;
  variantLabels: string[];
};

/** Everything a buyer might type to find a product, in both languages, as one lower-cased text. */
export function productSearchText(product: SearchableProduct): string {
  return [
    product.titleId,
    product.titleEn,
    product.artisanName,
    product.categoryNameId,
    product.categoryNameEn,
    metalWords[product.metal],
    ...product.variantLabels,
    product.descriptionId,
    product.descriptionEn,
  ]
    .filter((part): part is string => Boolean(part))
    .join(" ")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** What a visitor typed, made safe to search with: trimmed, single-spaced, at most 100 characters. */
export function normaliseSearch(input: string): string {
  return input.replace(/\s+/g, " ").trim().toLowerCase().slice(0, 100).trim();
}
