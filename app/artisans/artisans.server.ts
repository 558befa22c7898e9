import { productCards, type ProductCard } from "~/catalog/catalog.server";
import { prisma } from "~/db.server";
import type { Metal } from "~/generated/prisma/enums";
import type { Locale } from "~/i18n/config";
import { storedImageSelect, toPicture, type Picture } from "~/images/picture";
import { imageStorage } from "~/images/storage.server";

/** An artisan as the public sees them on the artisans page. */
export type ArtisanSummary = {
  slug: string;
  name: string;
  village: string;
  specialties: Metal[];
  craftingSince: number | null;
  portrait: Picture | null;
  publishedProductCount: number;
};

/** An artisan's own page: who they are, their story and what they sell now. */
export type ArtisanProfile = Omit<ArtisanSummary, "publishedProductCount"> & {
  /** Where the village lies, e.g. "Ogan Ilir": the cooperative's regency. */
  regency: string;
  /** The story's paragraphs. */
  story: string[];
  /** The language the story is written in: Indonesian while the English text is missing. */
  storyLocale: Locale;
  products: ProductCard[];
};

// Fields are named one by one: the artisan row also holds payout bank details, which only the
// artisan and the admin may see.
const publicArtisanSelect = {
  slug: true,
  name: true,
  village: true,
  specialties: true,
  craftingSince: true,
  portraitImage: { select: storedImageSelect },
} as const;

const published = { status: "PUBLISHED" } as const;

/** Every active artisan of the cooperative, by name. */
export async function listArtisans(locale: Locale): Promise<ArtisanSummary[]> {
  const rows = await prisma.artisan.findMany({
    where: { active: true },
    orderBy: [{ name: "asc" }, { slug: "asc" }],
    select: {
      ...publicArtisanSelect,
      _count: { select: { products: { where: published } } },
    },
  });
  return rows.map(({ portraitImage, _count, ...artisan }) => ({
    ...artisan,
    portrait: portraitImage ? toPicture(portraitImage, locale, imageStorage.publicUrl) : null,
    publishedProductCount: _count.products,
  }));
}

/** An active artisan's page, or null when no active artisan has this slug. */
export async function artisanBySlug(slug: string, locale: Locale): Promise<ArtisanProfile | null> {
  const row = await prisma.artisan.findFirst({
    where: { slug, active: true },
    select: {
      ...publicArtisanSelect,
      storyId: true,
      storyEn: true,
      cooperative: { select: { regency: true } },
    },
  });
  if (!row) return null;
  const { portraitImage, storyId, storyEn, cooperative, ...artisan } = row;
  const products = await productCards({
    where: { artisan: { slug } },
    orderBy: [{ featured: "desc" }, { publishedAt: "desc" }, { slug: "asc" }],
    locale,
  });
  const englishStory = locale === "en" ? storyEn?.trim() : undefined;
  return {
    ...artisan,
    regency: cooperative.regency,
    portrait: portraitImage ? toPicture(portraitImage, locale, imageStorage.publicUrl) : null,
    story: paragraphs(englishStory || storyId),
    storyLocale: englishStory ? "en" : "id",
    products,
  };
}

// A story is plain text: each line break the artisan typed starts a new paragraph.
function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== "");
}
