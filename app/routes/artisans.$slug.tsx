import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ArtisanMetals } from "~/artisans/artisan-card";
import { artisanBySlug } from "~/artisans/artisans.server";
import { metalsInWords } from "~/artisans/metals";
import { ProductCard } from "~/catalog/product-card";
import { shareImageOf } from "~/seo/urls.server";
import { ResponsiveImage } from "~/components/ui/responsive-image";
import { getLocale, i18next } from "~/i18n/i18next.server";
import { personalPageHeaders } from "~/lib/page-headers";

const artisanSlug = z
  .string()
  .max(100)
  .regex(/^[a-z0-9-]+$/);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = artisanSlug.safeParse(params.slug);
  if (!slug.success) throw new Response(null, { status: 404 });
  const locale = await getLocale(request);
  const artisan = await artisanBySlug(slug.data, locale);
  if (!artisan) throw new Response(null, { status: 404 });
  const t = await i18next.getFixedT(locale, "artisans");
  const metals = metalsInWords(artisan.specialties, locale, (metal) => t(`metals.${metal}`));
  return {
    artisan,
    title: t("profile.metaTitle", { name: artisan.name, metals }),
    description: t("profile.metaDescription", {
      name: artisan.name,
      metals,
      village: artisan.village,
      regency: artisan.regency,
    }),
    // Link previews (WhatsApp, Facebook) only fetch absolute image addresses.
    shareImage: shareImageOf(artisan.portrait),
  };
}

export const headers = personalPageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: "description", content: data?.description },
  { property: "og:type", content: "profile" },
  { property: "og:title", content: data?.title },
  { property: "og:description", content: data?.description },
  ...(data?.shareImage ? [{ property: "og:image", content: data.shareImage }] : []),
];

export default function ArtisanPage() {
  const { artisan } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("artisans");
  // An English visitor still reads the story in Indonesian until the artisan translates it.
  const storyIsUntranslated = artisan.storyLocale !== i18n.language;
  return (
    <>
      <div className="mx-auto max-w-6xl px-4 pt-2">
        <Link
          to="/artisans"
          className="inline-flex min-h-11 items-center gap-2 text-sm text-muted hover:text-copper-700"
        >
          <span aria-hidden>←</span>
          {t("profile.allArtisans")}
        </Link>
      </div>

      <div className="mx-auto grid max-w-6xl items-start gap-6 px-4 pt-2 md:grid-cols-[15rem_1fr] md:gap-10 md:pt-6">
        <section aria-labelledby="artisan-name" className="flex items-center gap-4 md:block">
          {artisan.portrait ? (
            <div className="w-28 shrink-0 overflow-hidden rounded-full border-4 border-white shadow-sm ring-1 ring-line sm:w-36 md:w-full">
              <ResponsiveImage
                picture={artisan.portrait}
                sizes="(min-width: 768px) 240px, 144px"
                priority
                className="aspect-square h-auto w-full object-cover"
              />
            </div>
          ) : null}
          <div className="min-w-0 md:mt-6">
            <h1 id="artisan-name" className="font-serif text-2xl leading-tight sm:text-4xl">
              {artisan.name}
            </h1>
            <div className="mt-2 space-y-1 text-sm text-muted">
              <p>
                {artisan.village}, {artisan.regency}
              </p>
              <ArtisanMetals metals={artisan.specialties} />
              {artisan.craftingSince ? <p>{t("since", { year: artisan.craftingSince })}</p> : null}
            </div>
          </div>
        </section>

        <section
          aria-labelledby="artisan-story"
          className="rounded-2xl border border-line bg-linen px-5 py-6 sm:px-8 sm:py-8"
        >
          <h2 id="artisan-story" className="font-serif text-2xl">
            {t("profile.storyHeading", { name: artisan.name })}
          </h2>
          {storyIsUntranslated ? (
            <p className="mt-2 text-sm text-muted italic">{t("profile.storyNotTranslated")}</p>
          ) : null}
          <div lang={artisan.storyLocale} className="mt-4 max-w-prose space-y-4 leading-relaxed">
            {artisan.story.map((paragraph, index) => (
              <p
                key={index}
                className="first:first-letter:float-left first:first-letter:mr-2 first:first-letter:font-serif first:first-letter:text-5xl first:first-letter:leading-none first:first-letter:text-copper-600"
              >
                {paragraph}
              </p>
            ))}
          </div>
        </section>
      </div>

      <section aria-labelledby="artisan-products" className="mx-auto mt-10 max-w-6xl px-4">
        <h2 id="artisan-products" className="font-serif text-2xl">
          {t("profile.productsHeading", { name: artisan.name })}
        </h2>
        {artisan.products.length > 0 ? (
          <ul className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 lg:grid-cols-4">
            {artisan.products.map((product) => (
              <li key={product.slug} className="flex">
                <ProductCard product={product} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-4 text-muted">
            {t("profile.noProducts")}{" "}
            <Link to="/products" className="underline underline-offset-4">
              {t("profile.browseCatalogue")}
            </Link>
          </p>
        )}
      </section>
    </>
  );
}
