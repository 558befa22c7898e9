import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Price } from "~/components/ui/price";
import { ResponsiveImage } from "~/components/ui/responsive-image";
import type { ProductCard as Card } from "./catalog.server";

export function ProductCard({ product, priority = false }: { product: Card; priority?: boolean }) {
  const { t } = useTranslation();
  return (
    <article className="group flex flex-col overflow-hidden rounded-xl border border-line bg-white">
      <Link to={`/products/${product.slug}`} className="flex flex-1 flex-col">
        <div className="aspect-[4/3] overflow-hidden bg-linen">
          {product.picture ? (
            <ResponsiveImage
              picture={product.picture}
              sizes="(min-width: 1024px) 280px, (min-width: 640px) 45vw, 50vw"
              priority={priority}
              className="h-full w-full object-cover transition-transform duration-300 group-hover:scale-105"
            />
          ) : null}
        </div>
        <div className="flex flex-1 flex-col gap-1 p-3">
          <h3 className="font-serif text-base leading-snug">{product.title}</h3>
          <p className="text-xs text-muted">{t("product.by", { name: product.artisanName })}</p>
          <p className="mt-auto pt-2 text-sm font-semibold">
            {product.hasPriceRange ? (
              <span className="font-normal text-muted">{t("product.from")} </span>
            ) : null}
            <Price rupiah={product.fromPriceRupiah} />
          </p>
          {!product.inStock ? (
            <p className="text-xs text-copper-700">
              {product.madeToOrder ? t("product.madeToOrder") : t("product.soldOut")}
            </p>
          ) : null}
        </div>
      </Link>
    </article>
  );
}
