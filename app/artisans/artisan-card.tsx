import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ResponsiveImage } from "~/components/ui/responsive-image";
import type { Metal } from "~/generated/prisma/enums";
import type { ArtisanSummary } from "./artisans.server";
import { metalsInWords } from "./metals";

const metalTone: Record<Metal, string> = {
  SILVER: "bg-silver-300",
  COPPER: "bg-copper-500",
  ALUMINIUM: "bg-silver-600",
};

/** "Perajin perak dan tembaga", led by a small swatch of each metal. */
export function ArtisanMetals({ metals }: { metals: readonly Metal[] }) {
  const { t, i18n } = useTranslation("artisans");
  const words = metalsInWords(metals, i18n.language, (metal) => t(`metals.${metal}`));
  return (
    <p className="flex items-center gap-2">
      <span aria-hidden className="flex shrink-0 -space-x-1">
        {metals.map((metal) => (
          <span
            key={metal}
            className={`h-3 w-3 rounded-full ring-2 ring-white ${metalTone[metal]}`}
          />
        ))}
      </span>
      <span>{t("worksIn", { metals: words })}</span>
    </p>
  );
}

export function ArtisanCard({ artisan, priority }: { artisan: ArtisanSummary; priority: boolean }) {
  const { t } = useTranslation("artisans");
  return (
    <article className="group relative flex w-full flex-col overflow-hidden rounded-xl border border-line bg-white transition-colors hover:border-copper-500">
      <div className="aspect-square overflow-hidden bg-linen">
        {artisan.portrait ? (
          <ResponsiveImage
            picture={artisan.portrait}
            sizes="(min-width: 1024px) 280px, (min-width: 640px) 30vw, 50vw"
            priority={priority}
            className="h-full w-full object-cover transition-transform duration-300 group-hover:scale-105"
          />
        ) : null}
      </div>
      <div className="flex flex-1 flex-col gap-1 p-3 text-sm">
        <h2 className="font-serif text-lg leading-snug">
          {/* The whole card is the link's touch target; its name stays the artisan's name. */}
          <Link
            to={`/artisans/${artisan.slug}`}
            className="after:absolute after:inset-0 group-hover:text-copper-700"
          >
            {artisan.name}
          </Link>
        </h2>
        <p className="text-muted">{artisan.village}</p>
        <ArtisanMetals metals={artisan.specialties} />
        {artisan.craftingSince ? (
          <p className="text-muted">{t("since", { year: artisan.craftingSince })}</p>
        ) : null}
        <p className="mt-auto pt-2 font-semibold text-copper-700">
          {t("pieces", { count: artisan.publishedProductCount })}
        </p>
      </div>
    </article>
  );
}
