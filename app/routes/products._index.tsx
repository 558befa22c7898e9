import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { catalogHref, parseCatalogQuery, SORTS, type CatalogQuery } from "~/catalog/catalog-query";
import { catalogFacets, searchCatalog } from "~/catalog/catalog.server";
import { ProductCard } from "~/catalog/product-card";
import { pageMeta } from "~/seo/meta";
import { shareImageOf } from "~/seo/urls.server";
import type { Metal } from "~/generated/prisma/enums";
import { getLocale, i18next } from "~/i18n/i18next.server";
import { formatRupiah } from "~/lib/money";
import { personalPageHeaders } from "~/lib/page-headers";

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const query = parseCatalogQuery(new URL(request.url).searchParams);
  const [result, facets, t] = await Promise.all([
    searchCatalog(query, locale),
    catalogFacets(locale),
    i18next.getFixedT(locale, "catalog"),
  ]);
  if (result.total > 0 && query.page > result.pageCount) {
    throw redirect(catalogHref(query, { page: result.pageCount }));
  }
  return {
    query,
    result,
    facets,
    title: query.q ? t("searchTitle", { q: query.q }) : t("metaTitle"),
    description: t("metaDescription"),
    shareImage: shareImageOf(result.cards.find((card) => card.picture)?.picture),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  ...pageMeta(data),
  // A search result page is not worth indexing; the filtered catalogue pages are.
  ...(data?.query.q ? [{ name: "robots", content: "noindex, follow" }] : []),
];

export const headers = personalPageHeaders;

const METALS: Metal[] = ["SILVER", "COPPER", "ALUMINIUM"];

function isFiltered(query: CatalogQuery): boolean {
  return Boolean(
    query.metal ||
    query.category ||
    query.artisan ||
    query.minPrice !== null ||
    query.maxPrice !== null ||
    query.inStock,
  );
}

export default function Catalogue() {
  const { query, result, facets } = useLoaderData<typeof loader>();
  const { t } = useTranslation("catalog");
  const hasFilters = isFiltered(query);
  return (
    <div className="mx-auto max-w-6xl px-4 pt-6">
      <h1 className="font-serif text-3xl">
        {query.q ? t("searchTitle", { q: query.q }) : t("title")}
      </h1>
      <p className="mt-1 text-sm text-muted" role="status">
        {t("results", { count: result.total })}
      </p>

      <div className="mt-4 lg:grid lg:grid-cols-[260px_1fr] lg:gap-8">
        <CatalogueFilters query={query} facets={facets} />

        <div>
          {hasFilters ? <ActiveFilters query={query} facets={facets} /> : null}

          <h2 className="sr-only">{t("resultsHeading")}</h2>
          {result.cards.length > 0 ? (
            <ul className="mt-4 grid grid-cols-2 gap-3 sm:gap-4 md:grid-cols-3">
              {result.cards.map((product, index) => (
                <li key={product.slug} className={index < 4 ? "flex" : "render-when-near flex"}>
                  <ProductCard product={product} priority={index < 2} />
                </li>
              ))}
            </ul>
          ) : (
            <div className="mt-6 rounded-xl border border-line bg-white p-4">
              <p className="font-semibold">
                {query.q ? t("noResultsSearch", { q: query.q }) : t("noResults")}
              </p>
              <p className="mt-1 text-sm text-muted">{t("noResultsHint")}</p>
              {hasFilters ? (
                <Link
                  to={catalogHref({
                    ...query,
                    metal: null,
                    category: null,
                    artisan: null,
                    minPrice: null,
                    maxPrice: null,
                    inStock: false,
                  })}
                  className="mt-3 inline-flex min-h-11 items-center underline underline-offset-4"
                >
                  {t("clearAll")}
                </Link>
              ) : null}
            </div>
          )}

          {result.suggestions.length > 0 ? (
            <section aria-labelledby="suggestions" className="mt-8">
              <h2 id="suggestions" className="font-serif text-xl">
                {result.suggestionKind === "similar" ? t("didYouMean") : t("youMayLike")}
              </h2>
              <ul className="mt-3 grid grid-cols-2 gap-3 sm:gap-4 md:grid-cols-4">
                {result.suggestions.map((product) => (
                  <li key={product.slug} className="flex">
                    <ProductCard product={product} />
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {result.pageCount > 1 ? <Pagination query={query} pageCount={result.pageCount} /> : null}
        </div>
      </div>
    </div>
  );
}

type Facets = ReturnType<typeof useLoaderData<typeof loader>>["facets"];

function CatalogueFilters({ query, facets }: { query: CatalogQuery; facets: Facets }) {
  const { t } = useTranslation("catalog");
  const field = "mt-1 block min-h-11 w-full rounded-lg border border-line bg-white px-3 text-base";
  return (
    // A plain GET form: the filters land in the address, work without JavaScript and can be shared.
    <Form method="get" action="/products" className="lg:sticky lg:top-4 lg:self-start">
      {/* Closed at first, so that on a phone the results come right under the heading; the
          active filters show as chips above them. */}
      <details className="group rounded-xl border border-line bg-white">
        <summary className="flex min-h-11 cursor-pointer items-center justify-between px-4 font-semibold">
          {t("filters")}
          <span aria-hidden className="transition-transform group-open:rotate-180">
            ▾
          </span>
        </summary>
        <div className="grid gap-4 border-t border-line p-4">
          <label className="block text-sm font-medium">
            {t("searchLabel")}
            <input
              type="search"
              name="q"
              defaultValue={query.q}
              maxLength={100}
              placeholder={t("searchPlaceholder")}
              className={field}
            />
          </label>
          <fieldset>
            <legend className="text-sm font-medium">{t("metal")}</legend>
            <div className="mt-1 grid gap-1">
              {[null, ...METALS].map((metal) => (
                <label key={metal ?? "any"} className="flex min-h-11 items-center gap-2">
                  <input
                    type="radio"
                    name="metal"
                    value={metal?.toLowerCase() ?? ""}
                    defaultChecked={query.metal === metal}
                    className="h-5 w-5 accent-copper-600"
                  />
                  {metal ? t(`metals.${metal}`) : t("anyMetal")}
                </label>
              ))}
            </div>
          </fieldset>
          <label className="block text-sm font-medium">
            {t("category")}
            <select name="category" defaultValue={query.category ?? ""} className={field}>
              <option value="">{t("anyCategory")}</option>
              {facets.categories.map((c) => (
                <option key={c.slug} value={c.slug}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm font-medium">
            {t("artisan")}
            <select name="artisan" defaultValue={query.artisan ?? ""} className={field}>
              <option value="">{t("anyArtisan")}</option>
              {facets.artisans.map((a) => (
                <option key={a.slug} value={a.slug}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
          <fieldset>
            <legend className="text-sm font-medium">{t("priceRange")}</legend>
            <div className="mt-1 grid grid-cols-2 gap-2">
              <label className="text-xs text-muted">
                {t("minPrice")}
                <input
                  name="min"
                  inputMode="numeric"
                  defaultValue={query.minPrice ?? ""}
                  placeholder={t("pricePlaceholderMin")}
                  className={field}
                />
              </label>
              <label className="text-xs text-muted">
                {t("maxPrice")}
                <input
                  name="max"
                  inputMode="numeric"
                  defaultValue={query.maxPrice ?? ""}
                  placeholder={t("pricePlaceholderMax")}
                  className={field}
                />
              </label>
            </div>
          </fieldset>
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="stock"
              value="1"
              defaultChecked={query.inStock}
              className="h-5 w-5 accent-copper-600"
            />
            {t("inStock")}
          </label>
          <label className="block text-sm font-medium">
            {t("sort")}
            <select name="sort" defaultValue={query.sort} className={field}>
              {SORTS.filter((sort) => sort !== "relevance" || query.q).map((sort) => (
                <option key={sort} value={sort}>
                  {t(`sorts.${sort}`)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="submit"
            className="min-h-11 rounded-full bg-ink px-6 font-semibold text-paper hover:bg-copper-700"
          >
            {t("apply")}
          </button>
        </div>
      </details>
    </Form>
  );
}

function ActiveFilters({ query, facets }: { query: CatalogQuery; facets: Facets }) {
  const { t } = useTranslation("catalog");
  const chips: { name: string; href: string }[] = [];
  if (query.metal)
    chips.push({ name: t(`metals.${query.metal}`), href: catalogHref(query, { metal: null }) });
  if (query.category) {
    const name = facets.categories.find((c) => c.slug === query.category)?.name ?? query.category;
    chips.push({ name, href: catalogHref(query, { category: null }) });
  }
  if (query.artisan) {
    const name = facets.artisans.find((a) => a.slug === query.artisan)?.name ?? query.artisan;
    chips.push({ name, href: catalogHref(query, { artisan: null }) });
  }
  if (query.minPrice !== null) {
    chips.push({
      name: t("priceFrom", { price: formatRupiah(query.minPrice) }),
      href: catalogHref(query, { minPrice: null }),
    });
  }
  if (query.maxPrice !== null) {
    chips.push({
      name: t("priceTo", { price: formatRupiah(query.maxPrice) }),
      href: catalogHref(query, { maxPrice: null }),
    });
  }
  if (query.inStock)
    chips.push({ name: t("inStock"), href: catalogHref(query, { inStock: false }) });
  return (
    <nav aria-label={t("activeFilters")} className="mt-4 lg:mt-0">
      <ul className="flex flex-wrap gap-2">
        {chips.map((chip) => (
          <li key={chip.href}>
            <Link
              to={chip.href}
              aria-label={t("removeFilter", { name: chip.name })}
              className="inline-flex min-h-11 items-center gap-2 rounded-full border border-copper-500 bg-copper-50 px-4 text-sm"
            >
              {chip.name} <span aria-hidden>×</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Pagination({ query, pageCount }: { query: CatalogQuery; pageCount: number }) {
  const { t } = useTranslation("catalog");
  const link =
    "inline-flex min-h-11 min-w-11 items-center justify-center rounded-full border border-line px-3";
  return (
    <nav
      aria-label={t("pagination")}
      className="mt-8 flex flex-wrap items-center justify-center gap-2"
    >
      {query.page > 1 ? (
        <Link to={catalogHref(query, { page: query.page - 1 })} rel="prev" className={link}>
          {t("previous")}
        </Link>
      ) : null}
      {Array.from({ length: pageCount }, (_, i) => i + 1).map((page) =>
        page === query.page ? (
          <span key={page} aria-current="page" className={`${link} border-ink bg-ink text-paper`}>
            {page}
          </span>
        ) : (
          <Link
            key={page}
            to={catalogHref(query, { page })}
            aria-label={t("goToPage", { page })}
            className={link}
          >
            {page}
          </Link>
        ),
      )}
      {query.page < pageCount ? (
        <Link to={catalogHref(query, { page: query.page + 1 })} rel="next" className={link}>
          {t("next")}
        </Link>
      ) : null}
    </nav>
  );
}
