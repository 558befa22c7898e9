import { Link, useFetcher } from "@remix-run/react";
import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useHydrated } from "remix-utils/use-hydrated";
import type { CartActionData } from "./cart-action";
import { isLineQuantity, MAX_LINE_QUANTITY } from "./quantity";

type Props = {
  variantId: string;
  /** Pieces of this variant free to sell now; below 1 the variant shows as sold out. */
  maxQuantity: number;
  /** The product's title in the visitor's language, to name it in a message. */
  productTitle: string;
};

/**
 * The product page's "add to cart": with JavaScript it adds without leaving the page; without,
 * it posts to /cart and the buyer lands on their cart.
 */
export function AddToCartForm(props: Props) {
  // One form per variant: a message about one size must not linger after choosing another.
  return <VariantAddToCartForm key={props.variantId} {...props} />;
}

function VariantAddToCartForm({ variantId, maxQuantity, productTitle }: Props) {
  const { t } = useTranslation("cart");
  const fetcher = useFetcher<CartActionData>();
  const hydrated = useHydrated();
  const [typedError, setTypedError] = useState<string | null>(null);
  const id = useId();
  const quantityId = `${id}-quantity`;
  const statusId = `${id}-status`;

  const busy = fetcher.state !== "idle";
  const soldOut = maxQuantity < 1;
  const answer = busy ? null : fetcher.data;
  const refused = answer && !answer.ok ? answer : null;
  const error = typedError ?? refused?.error ?? null;
  const quantityInvalid = typedError !== null || refused?.field === "quantity";

  // Said at once, without a round trip on a slow connection; the server checks again, counting
  // what is already in the cart.
  function checkTypedQuantity(event: FormEvent<HTMLFormElement>) {
    const typed = Number(new FormData(event.currentTarget).get("quantity"));
    const problem = !isLineQuantity(typed)
      ? t("errors.invalidQuantity")
      : typed > maxQuantity
        ? t("errors.insufficientStock", { title: productTitle, count: maxQuantity })
        : null;
    setTypedError(problem);
    if (problem) event.preventDefault();
  }

  return (
    <fetcher.Form
      method="post"
      action="/cart"
      noValidate
      onSubmit={checkTypedQuantity}
      className="flex flex-wrap items-end gap-3"
    >
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" name="variantId" value={variantId} />
      {/* Before hydration the form is a plain post: send the buyer to their cart afterwards. */}
      {hydrated ? null : <input type="hidden" name="redirectTo" value="/cart" />}
      <div>
        <label htmlFor={quantityId} className="block text-sm font-medium">
          {t("add.quantity")}
        </label>
        <input
          id={quantityId}
          type="number"
          name="quantity"
          inputMode="numeric"
          min={1}
          max={Math.max(1, Math.min(maxQuantity, MAX_LINE_QUANTITY))}
          step={1}
          defaultValue={1}
          required
          disabled={soldOut}
          aria-invalid={quantityInvalid || undefined}
          aria-describedby={statusId}
          className="mt-1 min-h-11 w-20 rounded-lg border border-line bg-white px-3 text-base aria-invalid:border-copper-700"
        />
      </div>
      <button
        type="submit"
        disabled={busy || soldOut}
        className="min-h-11 flex-1 rounded-full bg-copper-600 px-6 font-semibold whitespace-nowrap text-white hover:bg-copper-700 disabled:cursor-not-allowed disabled:opacity-60 sm:flex-none"
      >
        {busy ? t("add.submitting") : t("add.submit")}
      </button>
      <div id={statusId} aria-live="polite" className="basis-full text-sm">
        {soldOut ? (
          <p className="text-muted">{t("add.soldOut")}</p>
        ) : error ? (
          <p className="font-medium text-copper-700">{error}</p>
        ) : answer?.ok && answer.added ? (
          <p className="flex flex-wrap items-center gap-x-2">
            <svg
              aria-hidden
              viewBox="0 0 24 24"
              className="h-5 w-5 text-copper-600"
              fill="none"
              stroke="currentColor"
              strokeWidth="2.5"
            >
              <path d="m5 12 5 5 9-10" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            <span className="font-semibold">{t("add.added")}</span>
            <span aria-hidden className="text-muted">
              ·
            </span>
            <Link
              to="/cart"
              className="inline-flex min-h-11 items-center underline underline-offset-4"
            >
              {t("add.viewCart")}
            </Link>
          </p>
        ) : null}
      </div>
    </fetcher.Form>
  );
}
