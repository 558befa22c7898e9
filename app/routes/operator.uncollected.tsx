import {
  data,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound, requireOperator } from "~/accounts/permissions.server";
import { FormMessage, SubmitButton } from "~/components/ui/field";
import { getLocale, i18next } from "~/i18n/i18next.server";
import { formatRupiah } from "~/lib/money";
import { ORDER_NUMBER } from "~/orders/orders.server";
import { markUncollected, uncollectedParcels } from "~/operator/counter.server";
import { notHandableText } from "~/operator/handover-form.server";
import { formatPickupDay } from "~/pickup/pickup-days";
import { readForm } from "~/lib/form-body.server";

/**
 * Parcels whose hold is over and that nobody collected. Marking one returned makes the order
 * UNCOLLECTED, puts its pieces back in stock and tells the buyer; a card payment is refunded by
 * the cooperative's admin, as its refund policy says.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const owner = await requireOperator(request);
  const locale = await getLocale(request);
  const [t, parcels] = await Promise.all([
    i18next.getFixedT(locale, "operator"),
    uncollectedParcels(owner, new Date()),
  ]);
  return {
    title: t("uncollected.metaTitle"),
    parcels: parcels.map((parcel) => ({
      number: parcel.number,
      buyerFirstName: parcel.buyerFirstName,
      pieces: parcel.pieces,
      restAreaName: parcel.restAreaName,
      pickupDay: formatPickupDay(parcel.pickupDay, locale),
      lastDay: formatPickupDay(parcel.lastDay, locale),
      paidByCard: parcel.paymentMethod === "STRIPE_CARD",
      total: formatRupiah(parcel.totalRupiah),
    })),
  };
}

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: "robots", content: "noindex" },
];

type ReturnAnswer = { ok: boolean; message: string };

/** intent=return with the order number. */
export async function action({ request }: ActionFunctionArgs) {
  const owner = await requireOperator(request);
  const locale = await getLocale(request);
  const [t, tAccount] = await Promise.all([
    i18next.getFixedT(locale, "operator"),
    i18next.getFixedT(locale, "account"),
  ]);
  const form = await readForm(request);
  const number = String(form.get("number") ?? "")
    .trim()
    .toUpperCase();
  const answer = (ok: boolean, message: string, status: number) =>
    data<ReturnAnswer>({ ok, message }, { status });
  if (form.get("intent") !== "return" || !ORDER_NUMBER.test(number)) {
    return answer(false, t("uncollected.errors.badRequest"), 400);
  }
  const result = await markUncollected(owner, number);
  if (result.ok) return answer(true, t("uncollected.done", { number }), 200);
  switch (result.reason) {
    case "not-found":
      throw notFound();
    case "still-waiting":
      return answer(
        false,
        t("uncollected.errors.stillWaiting", {
          number,
          day: formatPickupDay(result.lastDay, locale),
        }),
        409,
      );
    case "already-returned":
      return answer(false, t("uncollected.errors.alreadyReturned", { number }), 409);
    default:
      return answer(false, notHandableText(t, tAccount, result), 409);
  }
}

export default function Uncollected() {
  const { parcels } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation("operator");
  return (
    <div className="mx-auto max-w-3xl px-4 pt-4 pb-8">
      <p className="text-sm font-semibold text-copper-700">{t("title")}</p>
      <h1 className="font-serif text-3xl leading-tight">{t("uncollected.heading")}</h1>
      <p className="mt-1 text-muted">{t("uncollected.intro")}</p>
      {answer ? (
        <div className="mt-4">
          <FormMessage tone={answer.ok ? "success" : "error"}>{answer.message}</FormMessage>
        </div>
      ) : null}
      {parcels.length === 0 ? (
        <p className="mt-6 rounded-xl bg-linen p-4">{t("uncollected.none")}</p>
      ) : (
        <ul className="mt-6 space-y-3">
          {parcels.map((parcel) => (
            <li
              key={parcel.number}
              className="rounded-2xl border-2 border-copper-600 bg-copper-50 p-4"
            >
              <p className="text-2xl font-semibold">{parcel.buyerFirstName}</p>
              <p className="font-mono text-lg tracking-wide">{parcel.number}</p>
              <p className="text-lg">{t("handover.parcelCount", { count: parcel.pieces })}</p>
              <p className="mt-1 text-sm">{parcel.restAreaName}</p>
              <p className="text-sm">
                {t("uncollected.waitedUntil", {
                  pickupDay: parcel.pickupDay,
                  lastDay: parcel.lastDay,
                })}
              </p>
              <p className="mt-2 text-sm">
                {parcel.paidByCard
                  ? t("uncollected.paidByCard", { total: parcel.total })
                  : t("uncollected.unpaid")}
              </p>
              <Form method="post" className="mt-3">
                <input type="hidden" name="intent" value="return" />
                <SubmitButton
                  name="number"
                  value={parcel.number}
                  tone="danger"
                  pendingText={t("uncollected.marking")}
                  className="min-h-12 w-full text-lg"
                >
                  {t("uncollected.mark")}
                  <span className="sr-only"> {parcel.number}</span>
                </SubmitButton>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
