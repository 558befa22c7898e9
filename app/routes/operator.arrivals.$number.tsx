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
import { formatDateTime, formatTimeWindow } from "~/lib/dates";
import { formatRupiah } from "~/lib/money";
import { ORDER_NUMBER } from "~/orders/orders.server";
import {
  checkInParcels,
  consignmentAtCounter,
  consignmentNumberParam,
} from "~/operator/counter.server";
import { ConsoleLink } from "~/operator/offline-console";
import { formatPickupDay } from "~/pickup/pickup-days";
import { readForm } from "~/lib/form-body.server";

/**
 * One consignment's manifest at the counter: the operator ticks each parcel as it comes off the
 * van (or all that are left at once). A checked-in parcel is ready for its buyer, who is told.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const owner = await requireOperator(request);
  const number = consignmentNumberParam(params.number);
  if (!number) throw notFound();
  const consignment = await consignmentAtCounter(owner, number);
  if (!consignment) throw notFound();
  const locale = await getLocale(request);
  const t = await i18next.getFixedT(locale, "operator");
  return {
    title: t("manifest.metaTitle", { number }),
    consignment: {
      number: consignment.number,
      status: consignment.status,
      restAreaName: consignment.restAreaName,
      pickupDay: formatPickupDay(consignment.pickupDay, locale),
      dispatchedAt: consignment.dispatchedAt
        ? formatDateTime(consignment.dispatchedAt, locale)
        : null,
      checkedInAt: consignment.checkedInAt ? formatDateTime(consignment.checkedInAt, locale) : null,
      parcels: consignment.parcels,
      received: consignment.received,
      pieces: consignment.pieces,
      orders: consignment.orders.map((order) => ({
        number: order.number,
        received: order.status !== "IN_TRANSIT",
        buyerFirstName: order.buyerFirstName,
        phoneTail: order.phoneTail,
        pieces: order.pieces,
        amountDue: order.amountDueRupiah > 0 ? formatRupiah(order.amountDueRupiah) : null,
        window: formatTimeWindow(order.pickupStartMinute, order.pickupEndMinute, locale),
      })),
    },
  };
}

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: "robots", content: "noindex" },
];

type CheckInAnswer = { ok: boolean; message: string };

/** intent=parcel (parcel = an order number) or intent=all. */
export async function action({ request, params }: ActionFunctionArgs) {
  const owner = await requireOperator(request);
  const number = consignmentNumberParam(params.number);
  if (!number) throw notFound();
  const locale = await getLocale(request);
  const t = await i18next.getFixedT(locale, "operator");
  const form = await readForm(request);
  const intent = form.get("intent");
  const parcel = String(form.get("parcel") ?? "")
    .trim()
    .toUpperCase();
  const answer = (ok: boolean, message: string, status: number) =>
    data<CheckInAnswer>({ ok, message }, { status });
  if (intent !== "all" && !(intent === "parcel" && ORDER_NUMBER.test(parcel))) {
    // Refused before anything is read: but never tell another counter's consignment apart.
    if (!(await consignmentAtCounter(owner, number))) throw notFound();
    return answer(false, t("manifest.errors.badRequest"), 400);
  }
  const result = await checkInParcels(owner, {
    consignmentNumber: number,
    parcels: intent === "all" ? "all" : parcel,
  });
  if (result.ok) {
    const done =
      result.checkedIn.length === 1
        ? t("manifest.done.one", { number: result.checkedIn[0] })
        : t("manifest.done.many", { count: result.checkedIn.length });
    const message = result.complete ? `${done} ${t("manifest.done.complete")}` : done;
    return answer(true, message, 200);
  }
  switch (result.reason) {
    case "not-found":
      throw notFound();
    case "consignment-already-checked-in":
      return answer(
        false,
        t("manifest.errors.consignmentAlready", {
          when: result.checkedInAt ? formatDateTime(result.checkedInAt, locale) : "",
        }),
        409,
      );
    case "parcel-already-checked-in":
      return answer(false, t("manifest.errors.parcelAlready", { number: result.number }), 409);
    case "parcel-not-in-consignment":
      return answer(false, t("manifest.errors.notInConsignment", { number: result.number }), 409);
  }
}

export default function ConsignmentAtCounter() {
  const { consignment } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation("operator");
  const left = consignment.parcels - consignment.received;
  return (
    <div className="mx-auto max-w-3xl px-4 pt-4 pb-8">
      <ConsoleLink
        to="/operator/arrivals"
        className="inline-flex min-h-12 items-center font-medium text-copper-700 underline"
      >
        ← {t("manifest.back")}
      </ConsoleLink>
      <h1 className="mt-2 font-serif text-3xl leading-tight">
        {t("manifest.heading", { number: consignment.number })}
      </h1>
      <p className="mt-1 text-lg font-semibold">{consignment.restAreaName}</p>
      <p className="text-muted">{t("arrivals.pickupDay", { day: consignment.pickupDay })}</p>
      {consignment.dispatchedAt ? (
        <p className="text-sm text-muted">
          {t("arrivals.dispatchedAt", { when: consignment.dispatchedAt })}
        </p>
      ) : null}

      <p
        className={`mt-4 rounded-xl p-4 text-lg font-semibold ${left === 0 ? "border-2 border-emerald-700 bg-emerald-50" : "bg-linen"}`}
      >
        {left === 0
          ? t("manifest.allReceived", { when: consignment.checkedInAt ?? "" })
          : t("arrivals.progress", { received: consignment.received, count: consignment.parcels })}
      </p>

      {answer ? (
        <div className="mt-4">
          <FormMessage tone={answer.ok ? "success" : "error"}>{answer.message}</FormMessage>
        </div>
      ) : null}

      <h2 className="mt-6 font-serif text-2xl">{t("manifest.parcels")}</h2>
      <p className="text-sm text-muted">{t("manifest.tickHint")}</p>
      <ul className="mt-3 space-y-3">
        {consignment.orders.map((order) => (
          <li
            key={order.number}
            className={`rounded-2xl border p-4 ${order.received ? "border-emerald-700 bg-emerald-50" : "border-line bg-white shadow-sm"}`}
          >
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <p className="font-mono text-lg font-semibold tracking-wide">{order.number}</p>
              <p className="font-semibold">
                {order.received ? `✓ ${t("manifest.received")}` : t("manifest.onTheWay")}
              </p>
            </div>
            <p className="text-lg">
              {order.buyerFirstName}{" "}
              <span className="text-muted">
                ({t("manifest.phoneTail", { digits: order.phoneTail })})
              </span>
            </p>
            <p>
              {t("arrivals.pieces", { count: order.pieces })} · {order.window}
            </p>
            <p className="text-sm">
              {order.amountDue
                ? t("parcel.toPay", { amount: order.amountDue })
                : t("parcel.paidByCard")}
            </p>
            {order.received ? null : (
              <Form method="post" className="mt-3">
                <input type="hidden" name="intent" value="parcel" />
                <SubmitButton
                  name="parcel"
                  value={order.number}
                  pendingText={t("manifest.receiving")}
                  className="min-h-12 w-full text-lg"
                >
                  <span aria-hidden>✓ </span>
                  {t("manifest.receive")}
                  <span className="sr-only"> {order.number}</span>
                </SubmitButton>
              </Form>
            )}
          </li>
        ))}
      </ul>

      {left > 1 ? (
        <Form method="post" className="mt-6">
          <input type="hidden" name="intent" value="all" />
          <SubmitButton
            tone="secondary"
            pendingText={t("manifest.receiving")}
            className="min-h-12 w-full text-lg"
          >
            {t("manifest.receiveAll", { count: left })}
          </SubmitButton>
        </Form>
      ) : null}
    </div>
  );
}
