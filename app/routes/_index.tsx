import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { featuredProducts, type ProductCard as Card } from "~/catalog/catalog.server";
import { ProductCard } from "~/catalog/product-card";
import { ResponsiveImage } from "~/components/ui/responsive-image";
import { getLocale, i18next } from "~/i18n/i18next.server";
import { restAreasByRegion } from "~/pickup/rest-areas.server";
import { personalPageHeaders } from "~/lib/page-headers";
import { FormMessage } from "~/components/ui/field";
import { pageMeta } from "~/seo/meta";
import { shareImageOf } from "~/seo/urls.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const t = await i18next.getFixedT(locale);
  const [featured, regions] = await Promise.all([
    featuredProducts(locale, 8),
    restAreasByRegion(locale),
  ]);
  return {
    // Where deleting an account leads: the page says it is done.
    accountDeleted: new URL(request.url).searchParams.get("accountDeleted") === "1",
    title: t("meta.title"),
    description: t("meta.description"),
    shareImage: shareImageOf(heroOf(featured)?.picture),
    featured,
    regions,
  };
}

export const headers = personalPageHeaders;

/** The home page's one strong image: a copper piece, the cooperative's best-known craft. */
function heroOf(featured: Card[]): Card | undefined {
  return featured.find((p) => p.metal === "COPPER" && p.picture) ?? featured[0];
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

const metals = [
  {
    metal: "SILVER",
    name: "home.metalSilver",
    text: "home.metalSilverText",
    tone: "bg-silver-100",
  },
  { metal: "COPPER", name: "home.metalCopper", text: "home.metalCopperText", tone: "bg-copper-50" },
  {
    metal: "ALUMINIUM",
    name: "home.metalAluminium",
    text: "home.metalAluminiumText",
    tone: "bg-linen",
  },
] as const;

export default function Home() {
  const { featured, regions, accountDeleted } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const hero = heroOf(featured);
  return (
    <>
      {accountDeleted ? (
        <div className="mx-auto max-w-6xl px-4 pt-4">
          <FormMessage tone="success">{t("home.accountDeleted")}</FormMessage>
        </div>
      ) : null}
      <section className="mx-auto grid max-w-6xl items-center gap-6 px-4 pt-6 pb-10 md:grid-cols-2 md:pt-12">
        <div>
          <h1 className="font-serif text-3xl leading-tight sm:text-4xl">{t("home.heroTitle")}</h1>
          <p className="mt-4 max-w-prose text-muted">{t("home.heroText")}</p>
          <Link
            to="/products"
            className="mt-6 inline-flex min-h-11 items-center rounded-full bg-copper-600 px-6 font-semibold text-white hover:bg-copper-700"
          >
            {t("home.heroCta")}
          </Link>
        </div>
        {hero?.picture ? (
          <div className="overflow-hidden rounded-2xl border border-line">
            <ResponsiveImage
              picture={hero.picture}
              sizes="(min-width: 768px) 560px, 100vw"
              priority
              className="aspect-[4/3] h-auto w-full object-cover"
            />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="featured" className="mx-auto max-w-6xl px-4">
        <div className="flex items-baseline justify-between gap-4">
          <h2 id="featured" className="font-serif text-2xl">
            {t("home.featured")}
          </h2>
          <Link to="/products" className="text-sm underline underline-offset-4">
            {t("home.viewAll")}
          </Link>
        </div>
        {featured.length > 0 ? (
          <ul className="mt-4 grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
            {featured.map((product) => (
              <li key={product.slug} className="flex">
                <ProductCard product={product} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-4 text-muted">{t("home.noFeatured")}</p>
        )}
      </section>

      <section aria-labelledby="metals" className="render-when-near mx-auto mt-12 max-w-6xl px-4">
        <h2 id="metals" className="font-serif text-2xl">
          {t("home.byMetal")}
        </h2>
        <ul className="mt-4 grid gap-3 sm:grid-cols-3">
          {metals.map((m) => (
            <li key={m.metal}>
              <Link
                to={`/products?metal=${m.metal.toLowerCase()}`}
                className={`block min-h-11 rounded-xl border border-line p-4 hover:border-copper-500 ${m.tone}`}
              >
                <span className="font-serif text-lg">{t(m.name)}</span>
                <span className="mt-1 block text-sm text-muted">{t(m.text)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="how" className="render-when-near mx-auto mt-12 max-w-6xl px-4">
        <h2 id="how" className="font-serif text-2xl">
          {t("home.howTitle")}
        </h2>
        <ol className="mt-4 grid list-inside list-decimal gap-3 text-muted sm:grid-cols-3">
          <li>{t("home.howOrder")}</li>
          <li>{t("home.howPickup")}</li>
          <li>{t("home.howCollect")}</li>
        </ol>
      </section>

      <section aria-labelledby="regions" className="render-when-near mx-auto mt-12 max-w-6xl px-4">
        <h2 id="regions" className="font-serif text-2xl">
          {t("home.regionsTitle")}
        </h2>
        <div className="mt-4 grid gap-4 sm:grid-cols-3">
          {regions.map(({ region, restAreas }) => (
            <section
              key={region}
              aria-labelledby={`region-${region}`}
              className="rounded-xl border border-line bg-white p-4"
            >
              <h3 id={`region-${region}`} className="font-semibold">
                {t(`region.${region}`)}
              </h3>
              <ul className="mt-2 space-y-1 text-sm">
                {restAreas.map((area) => (
                  <li key={area.slug}>
                    <Link
                      to={`/pickup-points/${area.slug}`}
                      className="underline-offset-4 hover:underline"
                    >
                      {area.name}
                    </Link>{" "}
                    <span className="text-muted">· {area.direction}</span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      </section>
    </>
  );
}
