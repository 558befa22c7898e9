import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireArtisan } from "~/accounts/permissions.server";
import { Price } from "~/components/ui/price";
import { getLocale, i18next } from "~/i18n/i18next.server";
import { LOW_STOCK } from "~/studio/stock";
import { ordersToPrepare, type PreparationGroup } from "~/studio/packing.server";
import { WhenBadge } from "~/studio/packing-ui";
import {
  salesThisMonth,
  studioListings,
  studioProfile,
  type StudioListings,
  type StudioProduct,
} from "~/studio/studio.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const owner = await requireArtisan(request);
  const locale = await getLocale(request);
  const now = new Date();
  const [t, profile, listings, toPack, sales] = await Promise.all([
    i18next.getFixedT(locale, "studio"),
    studioProfile(owner),
    studioListings(owner, locale),
    ordersToPrepare(owner, { now, locale }),
    salesThisMonth(owner, { now, locale }),
  ]);
  return { title: t("home.metaTitle"), profile, listings, toPack, sales };
}

// One artisan's own orders and sales: never kept by a browser or a proxy.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: "robots", content: "noindex" },
];

const cardClass = "rounded-xl border border-line bg-white p-4";
const badgeClass = "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold";

export default function StudioHome() {
  const { profile, listings, toPack, sales } = useLoaderData<typeof loader>();
  const { t } = useTranslation("studio");
  return (
    <div>
      <header>
        <p className="text-sm font-semibold text-copper-700">{t("title")}</p>
        <h1 className="font-serif text-3xl leading-tight">
          {t("home.greeting", { name: profile.name })}
        </h1>
        <p className="mt-1 text-muted">{t("home.village", { village: profile.village })}</p>
        {profile.active ? (
          <Link
            to={`/artisans/${profile.slug}`}
            className="mt-3 inline-flex min-h-11 items-center rounded-full border border-ink px-4 text-sm hover:bg-ink hover:text-paper"
          >
            {t("home.publicProfile")}
          </Link>
        ) : (
          <p className="mt-3 rounded-xl border border-copper-500 bg-copper-50 p-3 text-sm">
            {t("home.profileHidden")}
          </p>
        )}
      </header>

      <section aria-labelledby="to-prepare" className="mt-8">
        <h2 id="to-prepare" className="font-serif text-2xl">
          {t("prepare.title")}
        </h2>
        {toPack.length === 0 ? (
          <p className={`mt-3 ${cardClass} text-muted`}>{t("prepare.empty")}</p>
        ) : (
          <>
            <p className="mt-1 text-sm text-muted">{t("prepare.intro")}</p>
            <ul className="mt-3 space-y-3">
              {toPack.map((group) => (
                <li key={`${group.dispatchDay}-${group.pickupDay}-${group.restArea.name}`}>
                  <PreparationGroupCard group={group} />
                </li>
              ))}
            </ul>
            <Link
              to="/studio/orders"
              className="mt-3 inline-flex min-h-11 items-center text-sm font-medium underline underline-offset-4"
            >
              {t("prepare.all")}
            </Link>
          </>
        )}
      </section>

      <section aria-labelledby="sales" className="mt-8">
        <h2 id="sales" className="font-serif text-2xl">
          {t("sales.month", { month: sales.month })}
        </h2>
        <div className={`mt-3 ${cardClass}`}>
          {sales.orders === 0 ? (
            <p className="text-muted">{t("sales.none")}</p>
          ) : (
            <>
              <p className="text-sm text-muted">{t("sales.gross")}</p>
              <p className="font-serif text-3xl">
                <Price rupiah={sales.grossRupiah} />
              </p>
              <p className="mt-1 text-sm">
                {t("sales.piecesSold", { count: sales.pieces })} ·{" "}
                {t("sales.orders", { count: sales.orders })}
              </p>
            </>
          )}
          <p className="mt-2 text-xs text-muted">{t("sales.note")}</p>
        </div>
      </section>

      <ListingsSection listings={listings} />
    </div>
  );
}

/** One dispatch day and rest area: how much is left to pack, and the orders to open. */
function PreparationGroupCard({ group }: { group: PreparationGroup }) {
  const { t } = useTranslation("studio");
  const { t: tp } = useTranslation("packing");
  return (
    <article className={cardClass}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-serif text-lg">
          {tp("when.dispatchBy", { day: group.dispatchDayLabel })}
        </h3>
        <WhenBadge when={group.dispatchWhen} />
      </div>
      <p className="mt-1 text-sm">
        <span className="font-medium">{group.restArea.name}</span> · {group.restArea.direction}
      </p>
      <p className="text-sm text-muted">{tp("when.pickup", { day: group.pickupDayLabel })}</p>
      <p className="mt-1 text-sm font-semibold">
        {t("prepare.toPack", { count: group.piecesToPack })}
      </p>
      <ul className="mt-2 flex flex-wrap gap-2">
        {group.orders.map((order) => (
          <li key={order.number}>
            <Link
              to={`/studio/orders/${order.number}`}
              className="inline-flex min-h-11 items-center rounded-full border border-line px-4 text-sm tabular-nums hover:border-copper-700 hover:text-copper-700"
            >
              {order.number}
              <span className="sr-only">
                {" "}
                · {t("prepare.toPack", { count: order.piecesToPack })}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </article>
  );
}

function ListingsSection({ listings }: { listings: StudioListings }) {
  const { t } = useTranslation("studio");
  const statuses = ["PUBLISHED", "DRAFT", "ARCHIVED"] as const;
  return (
    <section aria-labelledby="listings" className="mt-8">
      <h2 id="listings" className="font-serif text-2xl">
        {t("listings.title")}
      </h2>
      <dl aria-label={t("listings.summary")} className="mt-3 grid grid-cols-3 gap-2">
        {statuses.map((status) => (
          <div key={status} className="rounded-xl bg-linen p-3 text-center">
            <dt className="text-sm">{t(`listings.status.${status}`)}</dt>
            <dd className="font-serif text-2xl tabular-nums">{listings.counts[status]}</dd>
          </div>
        ))}
      </dl>
      {listings.lowStockVariants > 0 ? (
        <p className="mt-3 flex gap-2 rounded-xl border border-copper-500 bg-copper-50 p-3 text-sm">
          <span aria-hidden className="font-semibold text-copper-700">
            !
          </span>
          {t("listings.lowStock", { count: listings.lowStockVariants, limit: LOW_STOCK })}
        </p>
      ) : null}
      {listings.products.length === 0 ? (
        <p className={`mt-3 ${cardClass} text-muted`}>{t("listings.empty")}</p>
      ) : (
        <ul className="mt-3 space-y-3">
          {listings.products.map((product) => (
            <li key={product.slug}>
              <ProductCard product={product} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ProductCard({ product }: { product: StudioProduct }) {
  const { t } = useTranslation("studio");
  return (
    <article className={cardClass}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-serif text-lg leading-snug">{product.title}</h3>
        <span
          className={`${badgeClass} ${product.status === "PUBLISHED" ? "bg-silver-100" : "bg-linen text-muted"}`}
        >
          {t(`listings.status.${product.status}`)}
        </span>
      </div>
      <ul
        aria-label={t("listings.variants", { title: product.title })}
        className="mt-2 divide-y divide-line"
      >
        {product.variants.map((variant) => (
          <li
            key={variant.sku}
            className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-2 text-sm"
          >
            <span>
              {variant.label} <span className="text-xs text-muted">{variant.sku}</span>
            </span>
            <span className="flex items-center gap-2">
              {!variant.active ? (
                <span className={`${badgeClass} bg-linen text-muted`}>
                  {t("listings.notForSale")}
                </span>
              ) : variant.lowStock ? (
                <span className={`${badgeClass} bg-copper-100 text-copper-700`}>
                  {variant.stock <= 0 ? t("listings.soldOutBadge") : t("listings.lowStockBadge")}
                </span>
              ) : null}
              <span className="tabular-nums">{t("listings.stock", { count: variant.stock })}</span>
            </span>
          </li>
        ))}
      </ul>
      {product.status === "PUBLISHED" ? (
        <Link
          to={`/products/${product.slug}`}
          className="mt-2 inline-flex min-h-11 items-center text-sm underline underline-offset-4"
        >
          {t("listings.viewInShop")}
          <span className="sr-only">: {product.title}</span>
        </Link>
      ) : null}
    </article>
  );
}
