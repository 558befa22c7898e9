import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ArtisanCard } from "~/artisans/artisan-card";
import { listArtisans } from "~/artisans/artisans.server";
import { getLocale, i18next } from "~/i18n/i18next.server";
import { personalPageHeaders } from "~/lib/page-headers";
import { pageMeta } from "~/seo/meta";
import { shareImageOf } from "~/seo/urls.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const t = await i18next.getFixedT(locale, "artisans");
  const artisans = await listArtisans(locale);
  return {
    title: t("metaTitle"),
    description: t("metaDescription"),
    shareImage: shareImageOf(artisans.find((artisan) => artisan.portrait)?.portrait),
    artisans,
  };
}

export const headers = personalPageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export default function Artisans() {
  const { artisans } = useLoaderData<typeof loader>();
  const { t } = useTranslation("artisans");
  return (
    <>
      <section className="mx-auto max-w-6xl px-4 pt-6 pb-6 md:pt-12">
        <h1 className="font-serif text-3xl leading-tight sm:text-4xl">{t("heading")}</h1>
        <p className="mt-3 max-w-prose text-muted">{t("intro")}</p>
      </section>
      <div className="mx-auto max-w-6xl px-4">
        {artisans.length > 0 ? (
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 lg:grid-cols-4">
            {artisans.map((artisan, index) => (
              <li key={artisan.slug} className="flex">
                <ArtisanCard artisan={artisan} priority={index < 2} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-muted">{t("none")}</p>
        )}
      </div>
    </>
  );
}
