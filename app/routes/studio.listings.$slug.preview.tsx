import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireArtisan } from "~/accounts/permissions.server";
import { getLocale, i18next } from "~/i18n/i18next.server";
import { getMyRestArea } from "~/pickup/my-rest-area.server";
import { formatPickupDay, nextPickupDays } from "~/pickup/pickup-days";
import ProductPage, { type loader as shopLoader } from "~/routes/products.$slug";
import { absoluteUrl } from "~/seo/urls.server";
import { listingTexts } from "~/studio/listing-answer.server";
import { listingPreview } from "~/studio/listings.server";

/**
 * The artisan's product drawn by the shop's own product page, drafts included. The page reads
 * its data with `useLoaderData`, so this loader answers in the shop loader's shape (checked by
 * `satisfies` below): the preview can never drift from what buyers see.
 */
type ShopPageData = Awaited<ReturnType<typeof shopLoader>>;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const owner = await requireArtisan(request);
  const locale = await getLocale(request);
  const { status, product } = await listingPreview(owner, params.slug, locale);
  const [t, common, myRestArea] = await Promise.all([
    listingTexts(request),
    i18next.getFixedT(locale, "common"),
    getMyRestArea(request, locale),
  ]);
  const slug = params.slug ?? "";
  if (!product) {
    return { status, slug, title: t("preview.metaTitle", { title: slug }), shown: false as const };
  }
  const requested = product.variants.find(
    (variant) => variant.sku === new URL(request.url).searchParams.get("variant"),
  );
  const selected = requested ?? product.variants.find((v) => v.stock > 0) ?? product.variants[0];
  const shop = {
    product,
    selectedSku: selected?.sku ?? "",
    myRestArea: myRestArea
      ? { slug: myRestArea.slug, name: myRestArea.name, direction: myRestArea.direction }
      : null,
    pickupDays: myRestArea
      ? nextPickupDays({
          now: new Date(),
          leadTimeDays: product.leadTimeDays,
          restArea: myRestArea,
          count: 3,
        }).map((day) => formatPickupDay(day, locale))
      : [],
    origin: absoluteUrl(""),
    siteName: common("meta.title"),
  } satisfies ShopPageData;
  return {
    status,
    slug,
    title: t("preview.metaTitle", { title: product.title }),
    shown: true as const,
    ...shop,
  };
}

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: "robots", content: "noindex" },
];

export default function ListingPreview() {
  const data = useLoaderData<typeof loader>();
  const { status, slug, shown } = data;
  const photoless = data.shown && data.product.pictures.length === 0;
  const { t } = useTranslation("listings");
  const onSale = status === "PUBLISHED";
  return (
    <div>
      <div
        className={`rounded-xl border-2 p-4 ${
          onSale ? "border-line bg-white" : "border-copper-600 bg-copper-50"
        }`}
      >
        <p className="font-serif text-2xl leading-tight">
          {onSale ? t("preview.bannerPublished") : t("preview.banner")}
        </p>
        <p className="mt-1">{t(`preview.${status}`)}</p>
        {onSale ? null : <p className="mt-1 text-sm text-muted">{t("preview.buyLater")}</p>}
        {photoless ? (
          <p className="mt-1 text-sm">
            {t("preview.noPhoto")}{" "}
            <Link
              to={`/studio/listings/${slug}/photos`}
              className="font-semibold underline underline-offset-4"
            >
              {t("state.addPhotos")}
            </Link>
          </p>
        ) : null}
        <Link
          to={`/studio/listings/${slug}`}
          className="mt-2 inline-flex min-h-11 items-center gap-1 font-medium underline underline-offset-4"
        >
          <span aria-hidden>←</span> {t("preview.back")}
        </Link>
      </div>
      {shown ? (
        // The shop page brings its own side margins; the buy form only exists once on sale.
        <div className={`-mx-4 ${onSale ? "" : "[&_form]:hidden"}`}>
          <ProductPage />
        </div>
      ) : (
        <p className="mt-4 rounded-xl border border-line bg-white p-4">{t("preview.noVariant")}</p>
      )}
    </div>
  );
}
