import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useHydrated } from "remix-utils/use-hydrated";
import { z } from "zod";
import type { CartActionData, CartIntent } from "~/cart/cart-action";
import { cartCookie } from "~/cart/cart-cookie.server";
import {
  addToCart,
  cartOwner,
  getCart,
  newVisitorKey,
  removeFromCart,
  setCartQuantity,
  type CartChangeResult,
  type CartError,
  type CartLine,
} from "~/cart/cart.server";
import { isLineQuantity, MAX_LINE_QUANTITY } from "~/cart/quantity";
import { Price } from "~/components/ui/price";
import { ResponsiveImage } from "~/components/ui/responsive-image";
import { getLocale, i18next } from "~/i18n/i18next.server";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { readForm } from "~/lib/form-body.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const [cart, t] = await Promise.all([
    getCart({ owner: await cartOwner(request), locale }),
    i18next.getFixedT(locale, "cart"),
  ]);
  return { title: t("metaTitle"), cart };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: "robots", content: "noindex" },
];

// One visitor's cart: never stored by a browser cache or a proxy.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

const recordId = z.string().trim().min(1).max(64);
// Digits only: "1.5", "-2" or "2e1" are not a number of pieces.
const quantity = z.string().trim().regex(/^\d+$/).transform(Number).refine(isLineQuantity);
const redirectTo = z.string().optional();

const cartForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("add"), variantId: recordId, quantity, redirectTo }),
  z.object({
    intent: z.literal("update"),
    lineId: recordId.optional(),
    variantId: recordId.optional(),
    quantity,
    redirectTo,
  }),
  z.object({ intent: z.literal("remove"), variantId: recordId, redirectTo }),
]);

/**
 * intent=add (variantId, quantity, optional redirectTo), intent=update (lineId or variantId,
 * quantity) and intent=remove (variantId). Prices and stock are never read from the form.
 */
export async function action({ request }: ActionFunctionArgs) {
  const locale = await getLocale(request);
  const [form, t, existingOwner] = await Promise.all([
    readForm(request),
    i18next.getFixedT(locale, "cart"),
    cartOwner(request),
  ]);
  const submitted = {
    intent: cartIntent(form.get("intent")),
    variantId: textOrNull(form.get("variantId")),
    quantity: textOrNull(form.get("quantity")),
  };
  const refuse = (error: string, field: "quantity" | "variantId") =>
    data<CartActionData>({ ok: false, error, field, ...submitted }, { status: 400 });

  const parsed = cartForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const quantityWrong = parsed.error.issues.some((issue) => issue.path[0] === "quantity");
    return quantityWrong
      ? refuse(t("errors.invalidQuantity"), "quantity")
      : refuse(t("errors.badRequest"), "variantId");
  }
  const fields = parsed.data;
  // Without JavaScript the browser posts the form itself: answer with a page, not data.
  const back =
    fields.redirectTo === undefined ? null : safeRedirectPath(fields.redirectTo, "/cart");

  if (fields.intent === "add") {
    // An anonymous visitor's key is made on the first add, and only kept (in the cookie) once it
    // holds a cart.
    const owner = existingOwner ?? { visitorKey: newVisitorKey() };
    const result = await addToCart({
      owner,
      variantId: fields.variantId,
      quantity: fields.quantity,
      locale,
    });
    if (!result.ok) return refuse(...describeCartError(result.error, t));
    const headers =
      existingOwner || !("visitorKey" in owner)
        ? undefined
        : { "Set-Cookie": await cartCookie.serialize(owner.visitorKey) };
    if (back) return redirect(back, { headers });
    return data<CartActionData>(
      { ok: true, added: { title: result.title, quantity: result.added }, count: result.count },
      { headers },
    );
  }

  let result: CartChangeResult;
  if (fields.intent === "update") {
    const line = fields.lineId
      ? { lineId: fields.lineId }
      : fields.variantId
        ? { variantId: fields.variantId }
        : null;
    if (!line) return refuse(t("errors.badRequest"), "variantId");
    // Without an owner there is no cart, so no line to change.
    if (!existingOwner) return refuse(t("errors.lineNotFound"), "variantId");
    result = await setCartQuantity({
      owner: existingOwner,
      line,
      quantity: fields.quantity,
      locale,
    });
  } else {
    result = existingOwner
      ? await removeFromCart({ owner: existingOwner, variantId: fields.variantId })
      : { ok: true, count: 0 };
  }
  if (!result.ok) return refuse(...describeCartError(result.error, t));
  if (back) return redirect(back);
  return data<CartActionData>({ ok: true, count: result.count });
}

function describeCartError(
  error: CartError,
  t: TFunction<"cart">,
): [message: string, field: "quantity" | "variantId"] {
  switch (error.code) {
    case "invalid-quantity":
      return [t("errors.invalidQuantity"), "quantity"];
    case "variant-not-found":
      return [t("errors.variantNotFound"), "variantId"];
    case "product-unavailable":
      return [t("errors.productUnavailable", { title: error.title }), "variantId"];
    case "sold-out":
      return [t("errors.soldOut", { title: error.title }), "variantId"];
    case "insufficient-stock":
      return [
        error.inCart > 0
          ? t("errors.insufficientStockInCart", {
              title: error.title,
              count: error.available,
              inCart: error.inCart,
            })
          : t("errors.insufficientStock", { title: error.title, count: error.available }),
        "quantity",
      ];
    case "quantity-limit":
      return [t("errors.quantityLimit", { limit: error.limit, inCart: error.inCart }), "quantity"];
    case "line-not-found":
      return [t("errors.lineNotFound"), "variantId"];
  }
}

function cartIntent(value: FormDataEntryValue | null): CartIntent | null {
  return value === "add" || value === "update" || value === "remove" ? value : null;
}

function textOrNull(value: FormDataEntryValue | null): string | null {
  return typeof value === "string" ? value : null;
}

type Refusal = Extract<CartActionData, { ok: false }>;

export default function CartPage() {
  const { cart } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation("cart");
  // Without JavaScript a refused change comes back as the page's action data: next to its line
  // when it changed one, otherwise (a refused add from a product page) at the top.
  const refusal = answer && !answer.ok ? answer : null;
  const lineRefusal =
    refusal &&
    (refusal.intent === "update" || refusal.intent === "remove") &&
    cart.lines.some((line) => line.variantId === refusal.variantId)
      ? refusal
      : null;
  const topRefusal = refusal && !lineRefusal ? refusal : null;

  return (
    <div className="mx-auto max-w-6xl px-4 pt-6">
      <h1 className="font-serif text-3xl">{t("title")}</h1>
      {topRefusal ? (
        <p
          role="alert"
          className="mt-4 rounded-lg border border-copper-500 bg-copper-50 p-3 font-medium text-copper-700"
        >
          {topRefusal.error}
        </p>
      ) : null}

      {cart.lines.length === 0 ? (
        <div className="mt-6 rounded-xl border border-line bg-white px-4 py-10 text-center">
          <h2 className="font-serif text-xl">{t("empty.title")}</h2>
          <p className="mx-auto mt-2 max-w-prose text-muted">{t("empty.text")}</p>
          <Link
            to="/products"
            className="mt-6 inline-flex min-h-11 items-center rounded-full bg-copper-600 px-6 font-semibold text-white hover:bg-copper-700"
          >
            {t("empty.browse")}
          </Link>
        </div>
      ) : (
        <div className="mt-4 gap-8 lg:grid lg:grid-cols-[1fr_20rem]">
          <ul aria-label={t("title")} className="divide-y divide-line border-y border-line">
            {cart.lines.map((line) => (
              <CartLineItem
                key={line.id}
                line={line}
                refusal={lineRefusal?.variantId === line.variantId ? lineRefusal : null}
              />
            ))}
          </ul>
          <section
            aria-labelledby="cart-summary"
            className="mt-6 rounded-xl border border-line bg-white p-4 lg:mt-0 lg:self-start"
          >
            <h2 id="cart-summary" className="font-serif text-xl">
              {t("summary.heading")}
            </h2>
            <dl className="mt-3 flex items-baseline justify-between gap-4">
              <dt>
                {t("summary.subtotal")}
                <span className="block text-sm text-muted">
                  {t("summary.pieces", { count: cart.count })}
                </span>
              </dt>
              <dd className="text-lg font-semibold">
                <Price rupiah={cart.subtotalRupiah} />
              </dd>
            </dl>
            <p className="mt-1 text-sm text-muted">{t("summary.pricesNote")}</p>
            <Link
              to="/checkout"
              className="mt-4 flex min-h-11 items-center justify-center rounded-full bg-copper-600 px-6 font-semibold text-white hover:bg-copper-700"
            >
              {t("summary.checkout")}
            </Link>
            <p className="mt-2 text-sm text-muted">{t("summary.checkoutNext")}</p>
          </section>
        </div>
      )}
    </div>
  );
}

function CartLineItem({ line, refusal }: { line: CartLine; refusal: Refusal | null }) {
  const { t } = useTranslation("cart");
  const hydrated = useHydrated();
  const update = useFetcher<CartActionData>();
  const remove = useFetcher<CartActionData>();
  const fieldId = useId();
  const quantityId = `${fieldId}-quantity`;
  const statusId = `${fieldId}-status`;

  const updating = update.state !== "idle";
  const removing = remove.state !== "idle";
  const updateAnswer = updating ? null : update.data;
  const removeAnswer = removing ? null : remove.data;
  const refused =
    (updateAnswer && !updateAnswer.ok ? updateAnswer : null) ??
    (removeAnswer && !removeAnswer.ok ? removeAnswer : null) ??
    refusal;
  // Without JavaScript the page is drawn anew: show the quantity as the buyer typed it.
  const typedQuantity = refusal?.intent === "update" ? refusal.quantity : null;
  const buyable = line.warning !== "unavailable" && line.warning !== "sold-out";
  const name = `${line.title}, ${line.variantLabel}`;
  const warning =
    line.warning === "unavailable"
      ? t("warning.unavailable")
      : line.warning === "sold-out"
        ? t("warning.soldOut")
        : line.warning === "exceeds-stock"
          ? t("warning.exceedsStock", { count: line.stock })
          : null;
  // Before hydration the forms are plain posts: come back to this page afterwards.
  const backHere = hydrated ? null : <input type="hidden" name="redirectTo" value="/cart" />;

  return (
    <li
      className={`grid grid-cols-[5rem_1fr] gap-x-3 gap-y-3 py-4 sm:grid-cols-[7rem_1fr] ${removing ? "opacity-50" : ""}`}
    >
      <div className="aspect-[4/3] overflow-hidden rounded-lg bg-linen">
        {line.picture ? (
          <ResponsiveImage
            // The title beside it already names the piece.
            picture={{ ...line.picture, alt: "" }}
            sizes="(min-width: 640px) 112px, 80px"
            className="h-full w-full object-cover"
          />
        ) : null}
      </div>
      <div className="flex min-w-0 items-start gap-2">
        <div className="min-w-0 flex-1">
          <h2 className="font-serif text-lg leading-snug">
            {line.warning === "unavailable" ? (
              line.title
            ) : (
              <Link
                to={`/products/${line.productSlug}`}
                className="underline-offset-4 hover:underline"
              >
                {line.title}
              </Link>
            )}
          </h2>
          <p className="text-sm text-muted">{line.variantLabel}</p>
          <p className="mt-1 text-sm">
            <span className="text-muted">{t("line.unitPrice")}: </span>
            <Price rupiah={line.unitPriceRupiah} />
          </p>
          {warning ? <p className="mt-1 text-sm font-medium text-copper-700">{warning}</p> : null}
        </div>
        {/* Away from the quantity field, so a thumb aiming at "Perbarui" never removes a line. */}
        <remove.Form method="post" action="/cart" className="-mt-2 -mr-3">
          <input type="hidden" name="intent" value="remove" />
          <input type="hidden" name="variantId" value={line.variantId} />
          {backHere}
          <button
            type="submit"
            disabled={removing}
            className="min-h-11 min-w-11 rounded-full px-3 text-sm text-muted underline underline-offset-4 hover:text-copper-700 disabled:opacity-60"
          >
            {removing ? t("line.removing") : t("line.remove")}
            <span className="sr-only"> {name}</span>
          </button>
        </remove.Form>
      </div>

      <div className="col-span-2 sm:col-start-2">
        {buyable ? (
          <div className="flex flex-wrap items-end justify-between gap-x-3 gap-y-2">
            <update.Form method="post" action="/cart" noValidate className="flex items-end gap-2">
              <input type="hidden" name="intent" value="update" />
              <input type="hidden" name="variantId" value={line.variantId} />
              {backHere}
              <div>
                <label htmlFor={quantityId} className="block text-sm">
                  {t("line.quantity")}
                  <span className="sr-only"> {name}</span>
                </label>
                <input
                  // Redrawn when the saved quantity changes (here or in another tab).
                  key={line.quantity}
                  id={quantityId}
                  type="number"
                  name="quantity"
                  inputMode="numeric"
                  min={1}
                  max={Math.max(1, Math.min(line.stock, MAX_LINE_QUANTITY))}
                  step={1}
                  required
                  defaultValue={typedQuantity ?? line.quantity}
                  aria-invalid={refused?.field === "quantity" || undefined}
                  aria-describedby={statusId}
                  className="mt-1 min-h-11 w-18 rounded-lg border border-line bg-white px-3 text-base aria-invalid:border-copper-700"
                />
              </div>
              <button
                type="submit"
                disabled={updating}
                className="min-h-11 rounded-full border border-ink px-4 text-sm hover:bg-ink hover:text-paper disabled:opacity-60"
              >
                {updating ? t("line.updating") : t("line.update")}
                <span className="sr-only"> {name}</span>
              </button>
            </update.Form>
            <p className="text-right">
              <span className="block text-xs text-muted">{t("line.lineTotal")}</span>
              <span className="font-semibold">
                <Price rupiah={line.lineTotalRupiah} />
              </span>
            </p>
          </div>
        ) : null}
        <p
          id={statusId}
          aria-live="polite"
          className="mt-2 text-sm font-medium text-copper-700 empty:mt-0"
        >
          {refused?.error}
        </p>
      </div>
    </li>
  );
}
