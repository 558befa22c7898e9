import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireArtisan } from "~/accounts/permissions.server";
import { Price } from "~/components/ui/price";
import { ResponsiveImage } from "~/components/ui/responsive-image";
import type { ProductStatus } from "~/generated/prisma/enums";
import { getLocale, i18next } from "~/i18n/i18next.server";
import {
  artisanListings,
  isListingStatus,
  type ArtisanListings,
  type ListingCard,
} from "~/studio/listings.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const owner = await requireArtisan(request);
  const locale = await getLocale(request);
  const asked = new URL(request.url).searchParams.get("status");
  const status = isListingStatus(asked) ? asked : null;
  const [t, listings] = await Promise.all([
    i18next.getFixedT(locale, "listings"),
    artisanListings(owner, locale, status),
  ]);
  return { title: t("list.metaTitle"), status, listings };
}

// One artisan's own listings, drafts included: never kept by a browser or a proxy.
export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: "robots", content: "noindex" },
];

const STATUSES: readonly ProductStatus[] = ["PUBLISHED", "DRAFT", "ARCHIVED"];
const badgeClass = "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold";

export default function StudioListings() {
  const { status, listings } = useLoaderData<typeof loader>();
  const { t } = useTranslation("listings");
  return (
    <div>
      <h1 className="font-serif text-3xl leading-tight">{t("list.title")}</h1>
      <p className="mt-1 text-muted">{t("list.intro")}</p>
      <Link
        to="/studio/listings/new"
        className="mt-4 flex min-h-14 w-full items-center justify-center gap-2 rounded-full bg-ink px-6 text-lg font-semibold text-paper hover:bg-copper-700 sm:w-auto sm:inline-flex"
      >
        <span aria-hidden className="text-2xl leading-none">
          +
        </span>
        {t("list.add")}
      </Link>

      <StatusFilter status={status} counts={listings.counts} />

      {listings.products.length === 0 ? (
        <p className="mt-4 rounded-xl border border-line bg-white p-4 text-muted">
          {listings.counts.all === 0 ? t("list.empty") : t("list.emptyStatus")}
        </p>
      ) : (
        <ul className="mt-4 grid gap-3">
          {listings.products.map((product) => (
            <li key={product.slug}>
              <ListingCardView product={product} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function StatusFilter({
  status,
  counts,
}: {
  status: ProductStatus | null;
  counts: ArtisanListings["counts"];
}) {
  const { t } = useTranslation("listings");
  const choices = [
    { key: "all", to: "/studio/listings", label: t("list.all"), count: counts.all, on: !status },
    ...STATUSES.map((value) => ({
      key: value,
      to: `/studio/listings?status=${value}`,
      label: t(`status.${value}`),
      count: counts[value],
      on: status === value,
    })),
  ];
  return (
    <nav aria-label={t("list.filter")} className="mt-6">
      <ul className="flex flex-wrap gap-2">
        {choices.map((choice) => (
          <li key={choice.key}>
            <Link
              to={choice.to}
              aria-current={choice.on ? "page" : undefined}
              className={`inline-flex min-h-11 items-center gap-2 rounded-full border px-4 text-sm font-medium ${
                choice.on
                  ? "border-ink bg-ink text-paper"
                  : "border-line bg-white hover:border-copper-500"
              }`}
            >
              {choice.label}
              <span className="tabular-nums">({choice.count})</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function ListingCardView({ product }: { product: ListingCard }) {
  const { t } = useTranslation("listings");
  const base = `/studio/listings/${product.slug}`;
  const linkClass =
    "inline-flex min-h-11 items-center rounded-full border border-line px-4 text-sm hover:border-copper-500";
  return (
    <article className="rounded-xl border border-line bg-white p-3">
      <div className="flex gap-3">
        <div className="h-20 w-20 shrink-0 overflow-hidden rounded-lg bg-linen">
          {product.cover ? (
            <ResponsiveImage
              picture={product.cover}
              sizes="80px"
              className="h-full w-full object-cover"
            />
          ) : (
            <p className="flex h-full items-center justify-center p-1 text-center text-xs text-muted">
              {t("list.noPhoto")}
            </p>
          )}
        </div>
        <div className="min-w-0 flex-1">
          <h2 className="font-serif text-lg leading-snug break-words">
            <Link to={base} className="underline-offset-4 hover:underline">
              {product.title}
            </Link>
          </h2>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm">
            <span
              className={`${badgeClass} ${
                product.status === "PUBLISHED"
                  ? "bg-copper-100 text-copper-700"
                  : "bg-linen text-muted"
              }`}
            >
              {t(`status.${product.status}`)}
            </span>
            <span className="text-muted">{t("list.photos", { count: product.photoCount })}</span>
          </p>
        </div>
      </div>
      <ul
        aria-label={t("list.variants", { title: product.title })}
        className="mt-2 divide-y divide-line border-t border-line"
      >
        {product.variants.map((variant) => (
          <li
            key={variant.sku}
            className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-2 text-sm"
          >
            <span className="min-w-0">
              {variant.label} <span className="text-xs text-muted">{variant.sku}</span>
            </span>
            <span className="flex flex-wrap items-center gap-2">
              <Price rupiah={variant.priceRupiah} />
              {!variant.active ? (
                <span className={`${badgeClass} bg-linen text-muted`}>{t("list.notForSale")}</span>
              ) : variant.stock <= 0 ? (
                <span className={`${badgeClass} bg-copper-100 text-copper-700`}>
                  {t("list.soldOut")}
                </span>
              ) : null}
              <span className="tabular-nums">{t("list.stock", { count: variant.stock })}</span>
            </span>
          </li>
        ))}
      </ul>
      <p className="mt-2 flex flex-wrap gap-2">
        <Link to={base} className={linkClass}>
          {t("list.edit")}
          <span className="sr-only">: {product.title}</span>
        </Link>
        <Link to={`${base}/photos`} className={linkClass}>
          {t("list.photosLink")}
          <span className="sr-only">: {product.title}</span>
        </Link>
        <Link to={`${base}/preview`} className={linkClass}>
          {t("list.preview")}
          <span className="sr-only">: {product.title}</span>
        </Link>
      </p>
    </article>
  );
}
