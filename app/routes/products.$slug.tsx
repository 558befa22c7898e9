import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { AddToCartForm } from "~/cart/add-to-cart-form";
import { productBySlug, type ProductVariantView } from "~/catalog/product.server";
import { Price } from "~/components/ui/price";
import { ResponsiveImage } from "~/components/ui/responsive-image";
import { getLocale, i18next } from "~/i18n/i18next.server";
import { getMyRestArea } from "~/pickup/my-rest-area.server";
import { formatPickupDay, nextPickupDays } from "~/pickup/pickup-days";
import { personalPageHeaders } from "~/lib/page-headers";
import { absoluteUrl } from "~/seo/urls.server";

const slugParam = z.string().regex(/^[a-z0-9-]{1,100}$/);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = slugParam.safeParse(params.slug);
  if (!slug.success) throw new Response(null, { status: 404 });
  const locale = await getLocale(request);
  const [product, myRestArea, t] = await Promise.all([
    productBySlug(slug.data, locale),
    getMyRestArea(request, locale),
    i18next.getFixedT(locale, "common"),
  ]);
  if (!product) throw new Response(null, { status: 404 });

  const url = new URL(request.url);
  // The variant lives in the address (?variant=SKU): the picker works without JavaScript and a
  // link to one size can be shared.
  const requested = product.variants.find((v) => v.sku === url.searchParams.get("variant"));
  const selected = requested ?? product.variants.find((v) => v.stock > 0) ?? product.variants[0];
  const pickupDays = myRestArea
    ? nextPickupDays({
        now: new Date(),
        leadTimeDays: product.leadTimeDays,
        restArea: myRestArea,
        count: 3,
      }).map((day) => formatPickupDay(day, locale))
    : [];
  return {
    product,
    selectedSku: selected?.sku ?? "",
    myRestArea: myRestArea
      ? { slug: myRestArea.slug, name: myRestArea.name, direction: myRestArea.direction }
      : null,
    pickupDays,
    origin: absoluteUrl(""),
    siteName: t("meta.title"),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [];
  const { product, origin } = data;
  const description = product.description.slice(0, 155);
  const image = product.pictures[0]?.fallback;
  return [
    { title: `${product.title} — Karya Sungging` },
    { name: "description", content: description },
    { property: "og:type", content: "product" },
    { property: "og:title", content: product.title },
    { property: "og:description", content: description },
    ...(image ? [{ property: "og:image", content: `${origin}${image}` }] : []),
  ];
};

export const headers = personalPageHeaders;

export default function ProductPage() {
  const { product, selectedSku, myRestArea, pickupDays, origin } = useLoaderData<typeof loader>();
  const { t } = useTranslation("catalog");
  const selected = product.variants.find((v) => v.sku === selectedSku) ?? product.variants[0];
  return (
    <article className="mx-auto max-w-6xl px-4 pt-4 md:grid md:grid-cols-2 md:gap-10 md:pt-8">
      <ProductJsonLd origin={origin} />
      <Gallery />

      <div className="mt-4 md:mt-0">
        <p className="text-sm text-muted">
          <Link
            to={`/products?category=${product.category.slug}`}
            className="underline-offset-4 hover:underline"
          >
            {product.category.name}
          </Link>
        </p>
        <h1 className="mt-1 font-serif text-3xl leading-tight">{product.title}</h1>
        <p className="mt-1 text-sm">
          <Link to={`/artisans/${product.artisan.slug}`} className="underline underline-offset-4">
            {t("product.by", { name: product.artisan.name })}
          </Link>{" "}
          <span className="text-muted">
            {t("product.fromVillage", { village: product.artisan.village })}
          </span>
        </p>

        {selected ? (
          <>
            <p className="mt-4 text-2xl font-semibold">
              <Price rupiah={selected.priceRupiah} />
            </p>
            <p className="mt-1 text-sm" role="status">
              {selected.stock > 0 ? (
                <span className="text-ink">{t("product.inStock", { count: selected.stock })}</span>
              ) : (
                <span className="font-semibold text-copper-700">{t("product.soldOut")}</span>
              )}
              {" · "}
              <LeadTime days={product.leadTimeDays} madeToOrder={product.madeToOrder} />
            </p>
          </>
        ) : null}

        {product.variants.length > 1 ? (
          <VariantPicker variants={product.variants} selectedSku={selectedSku} />
        ) : null}

        {selected ? (
          <div className="mt-4">
            <AddToCartForm
              variantId={selected.id}
              maxQuantity={selected.stock}
              productTitle={product.title}
            />
          </div>
        ) : null}

        <section
          aria-labelledby="pickup"
          className="mt-6 rounded-xl border border-line bg-white p-4"
        >
          <h2 id="pickup" className="font-semibold">
            {t("product.pickupTitle")}
          </h2>
          {myRestArea ? (
            <>
              <p className="mt-1 text-sm text-muted">
                {t("product.pickupAt", { name: myRestArea.name, direction: myRestArea.direction })}
              </p>
              {pickupDays.length > 0 ? (
                <ul className="mt-2 flex flex-wrap gap-2">
                  {pickupDays.map((day) => (
                    <li key={day} className="rounded-full bg-copper-50 px-3 py-1 text-sm">
                      {day}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="mt-2 text-sm">{t("product.pickupNone")}</p>
              )}
              <p className="mt-2 text-xs text-muted">{t("product.pickupNote")}</p>
              <Link
                to={`/pickup-points?redirectTo=/products/${product.slug}`}
                className="mt-2 inline-flex min-h-11 items-center text-sm underline underline-offset-4"
              >
                {t("product.pickupChange")}
              </Link>
            </>
          ) : (
            <Link
              to={`/pickup-points?redirectTo=/products/${product.slug}`}
              className="mt-1 inline-flex min-h-11 items-center text-sm underline underline-offset-4"
            >
              {t("product.pickupChoose")}
            </Link>
          )}
        </section>

        <section aria-labelledby="about" className="mt-6">
          <h2 id="about" className="font-serif text-xl">
            {t("product.description")}
          </h2>
          <p className="mt-2 whitespace-pre-line leading-relaxed">{product.description}</p>
          <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            {product.materials ? (
              <>
                <dt className="font-semibold">{t("product.materials")}</dt>
                <dd>{product.materials}</dd>
              </>
            ) : null}
            {product.care ? (
              <>
                <dt className="font-semibold">{t("product.care")}</dt>
                <dd>{product.care}</dd>
              </>
            ) : null}
            {product.weightGrams ? (
              <>
                <dt className="font-semibold">{t("product.weight")}</dt>
                <dd>{t("product.grams", { count: product.weightGrams })}</dd>
              </>
            ) : null}
          </dl>
        </section>

        <section
          aria-labelledby="artisan"
          className="mt-6 flex items-center gap-4 rounded-xl border border-line bg-linen p-4"
        >
          {product.artisan.portrait ? (
            <div className="h-16 w-16 shrink-0 overflow-hidden rounded-full">
              <ResponsiveImage
                picture={product.artisan.portrait}
                sizes="64px"
                className="h-full w-full object-cover"
              />
            </div>
          ) : null}
          <div>
            <h2 id="artisan" className="text-sm text-muted">
              {t("product.meetArtisan")}
            </h2>
            <Link
              to={`/artisans/${product.artisan.slug}`}
              className="font-serif text-lg underline-offset-4 hover:underline"
            >
              {product.artisan.name}
            </Link>
            <p className="text-sm text-muted">{product.artisan.village}</p>
          </div>
        </section>
      </div>
    </article>
  );
}

function LeadTime({ days, madeToOrder }: { days: number; madeToOrder: boolean }) {
  const { t } = useTranslation("catalog");
  if (madeToOrder && days > 0) return <>{t("product.madeToOrder", { count: days })}</>;
  if (days > 0) return <>{t("product.preparation", { count: days })}</>;
  return <>{t("product.readyToShip")}</>;
}

function VariantPicker({
  variants,
  selectedSku,
}: {
  variants: ProductVariantView[];
  selectedSku: string;
}) {
  const { t } = useTranslation("catalog");
  return (
    <nav aria-labelledby="variants" className="mt-4">
      <h2 id="variants" className="text-sm font-semibold">
        {t("product.chooseVariant")}
      </h2>
      <ul className="mt-2 flex flex-wrap gap-2">
        {variants.map((variant) => {
          const current = variant.sku === selectedSku;
          return (
            <li key={variant.sku}>
              <Link
                to={`?variant=${encodeURIComponent(variant.sku)}`}
                replace
                preventScrollReset
                aria-current={current ? "true" : undefined}
                className={`inline-flex min-h-11 items-center rounded-full border px-4 text-sm ${
                  current
                    ? "border-ink bg-ink text-paper"
                    : "border-line bg-white hover:border-copper-500"
                } ${variant.stock > 0 ? "" : "line-through decoration-1 opacity-70"}`}
              >
                {variant.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function Gallery() {
  const { product } = useLoaderData<typeof loader>();
  const { t } = useTranslation("catalog");
  return (
    <section aria-label={t("product.photos")}>
      {/* Scroll-snapping strip: swipeable on a phone, and the thumbnails jump by anchor links,
          so it needs no JavaScript. */}
      <ul
        // Scrollable by keyboard too, hence focusable and named.
        tabIndex={0}
        aria-label={t("product.photos")}
        className="flex snap-x snap-mandatory overflow-x-auto rounded-2xl border border-line bg-linen"
      >
        {product.pictures.map((picture, index) => (
          <li
            key={picture.fallback}
            id={`photo-${index + 1}`}
            className="w-full shrink-0 snap-center"
          >
            <ResponsiveImage
              picture={picture}
              sizes="(min-width: 768px) 560px, 100vw"
              priority={index === 0}
              className="aspect-[4/3] h-auto w-full object-cover"
            />
          </li>
        ))}
      </ul>
      {product.pictures.length > 1 ? (
        <ul className="mt-2 flex gap-2">
          {product.pictures.map((picture, index) => (
            <li key={picture.fallback}>
              <a
                href={`#photo-${index + 1}`}
                aria-label={t("product.showPhoto", { n: index + 1 })}
                className="block h-16 w-20 overflow-hidden rounded-lg border border-line"
              >
                <ResponsiveImage
                  picture={picture}
                  sizes="80px"
                  className="h-full w-full object-cover"
                />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function ProductJsonLd({ origin }: { origin: string }) {
  const { product } = useLoaderData<typeof loader>();
  const prices = product.variants.map((v) => v.priceRupiah);
  const data = {
    "@context": "https://schema.org",
    "@type": "Product",
    name: product.title,
    description: product.description,
    image: product.pictures.map((p) => `${origin}${p.fallback}`),
    sku: product.variants[0]?.sku,
    category: product.category.name,
    brand: { "@type": "Brand", name: "Karya Sungging" },
    offers: {
      "@type": "AggregateOffer",
      priceCurrency: "IDR",
      lowPrice: Math.min(...prices),
      highPrice: Math.max(...prices),
      offerCount: product.variants.length,
      availability: product.variants.some((v) => v.stock > 0)
        ? "https://schema.org/InStock"
        : "https://schema.org/OutOfStock",
      url: `${origin}/products/${product.slug}`,
    },
  };
  return (
    <script
      type="application/ld+json"
      // JSON inside a script tag: "<" is escaped so no text can close the tag early.
      dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, "\\u003c") }}
    />
  );
}
