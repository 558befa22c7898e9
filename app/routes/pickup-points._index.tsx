import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getLocale, i18next } from "~/i18n/i18next.server";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { getMyRestArea } from "~/pickup/my-rest-area.server";
import { readyStockPickupDays } from "~/pickup/pickup-days";
import { RestAreaCard } from "~/pickup/rest-area-card";
import { SideAndDirection } from "~/pickup/rest-area-facts";
import { restAreaDirectory } from "~/pickup/rest-areas.server";
import { personalPageHeaders } from "~/lib/page-headers";
import { pageMeta } from "~/seo/meta";
import { defaultShareImage } from "~/seo/urls.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const [t, directory, myRestArea, shareImage] = await Promise.all([
    i18next.getFixedT(locale, "pickup"),
    restAreaDirectory(locale),
    getMyRestArea(request, locale),
    defaultShareImage(locale),
  ]);
  const now = new Date();
  // A page that sent the visitor here to choose a rest area gets them back after the choice.
  const requested = new URL(request.url).searchParams.get("redirectTo");
  return {
    shareImage,
    title: t("directory.metaTitle"),
    description: t("directory.metaDescription"),
    locale,
    myRestArea,
    redirectTo: requested && safeRedirectPath(requested) === requested ? requested : null,
    regions: directory.map(({ region, directions }) => ({
      region,
      directions: directions.map(({ towardsCity, restAreas }) => ({
        towardsCity,
        restAreas: restAreas.map((restArea) => ({
          restArea,
          pickupDays: readyStockPickupDays({ now, restArea, count: 3, locale }),
        })),
      })),
    })),
  };
}

export const headers = personalPageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export default function PickupPoints() {
  const { locale, myRestArea, redirectTo, regions } = useLoaderData<typeof loader>();
  const { t } = useTranslation("pickup");
  return (
    <div className="mx-auto max-w-6xl px-4 pt-6 pb-4">
      <h1 className="font-serif text-3xl">{t("title")}</h1>
      <p className="mt-3 max-w-prose text-muted">{t("directory.intro")}</p>

      {myRestArea ? (
        <p className="mt-4 rounded-xl border border-copper-500 bg-white p-4">
          <span className="text-sm text-muted">{t("directory.yours")}</span>{" "}
          <Link
            to={`/pickup-points/${myRestArea.slug}`}
            className="font-semibold underline underline-offset-4"
          >
            {myRestArea.name}
          </Link>
          <span className="block text-sm first-letter:uppercase">
            <SideAndDirection restArea={myRestArea} />
          </span>
        </p>
      ) : null}

      <section
        aria-labelledby="sides"
        className="mt-4 max-w-prose rounded-xl border border-line bg-linen p-4"
      >
        <h2 id="sides" className="font-semibold">
          {t("directory.sidesTitle")}
        </h2>
        <p className="mt-1 text-sm">{t("directory.sidesText")}</p>
      </section>

      <nav aria-label={t("directory.regionsNav")} className="mt-6">
        <ul className="flex flex-wrap gap-2">
          {regions.map(({ region }) => (
            <li key={region}>
              <a
                href={`#region-${region}`}
                className="inline-flex min-h-11 items-center rounded-full border border-line bg-white px-4 text-sm hover:border-copper-500"
              >
                {t(`region.${region}`, { ns: "common" })}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p className="mt-4 text-sm text-muted">{t("directory.earliestNote")}</p>

      {regions.map(({ region, directions }) => (
        <section key={region} aria-labelledby={`region-${region}`} className="mt-10">
          <h2 id={`region-${region}`} className="scroll-mt-4 font-serif text-2xl">
            {t(`region.${region}`, { ns: "common" })}
          </h2>
          {directions.length === 0 ? (
            <p className="mt-3 text-muted">{t("directory.noRestAreas")}</p>
          ) : null}
          {directions.map(({ towardsCity, restAreas }) => {
            const headingId = `towards-${region}-${towardsCity.replace(/\W+/g, "-")}`;
            return (
              <section key={towardsCity} aria-labelledby={headingId} className="mt-5">
                <h3 id={headingId} className="text-lg font-semibold text-copper-700">
                  {t("directory.towards", { city: towardsCity })}
                </h3>
                <ul className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
                  {restAreas.map(({ restArea, pickupDays }) => (
                    <li key={restArea.slug} className="flex flex-col [&>article]:flex-1">
                      <RestAreaCard
                        restArea={restArea}
                        pickupDays={pickupDays}
                        isMine={restArea.slug === myRestArea?.slug}
                        redirectTo={redirectTo}
                        locale={locale}
                      />
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </section>
      ))}
    </div>
  );
}
