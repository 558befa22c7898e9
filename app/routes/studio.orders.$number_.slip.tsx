import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { notFound, requireArtisan } from "~/accounts/permissions.server";
import { getLocale, i18next } from "~/i18n/i18next.server";
import { packingOrderNumber, packingSlip } from "~/studio/packing.server";
import { linkButtonClass } from "~/studio/packing-ui";

/**
 * The packing slip the artisan tapes on their parcel: order number (large), rest area, pickup
 * and dispatch days, the buyer's first name and the artisan's pieces. Sized for A6, fine on A4.
 * Never the pickup code: that is the buyer's secret, shown only to them.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const owner = await requireArtisan(request);
  const number = packingOrderNumber(params.number);
  if (!number) throw notFound();
  const locale = await getLocale(request);
  const [t, slip] = await Promise.all([
    i18next.getFixedT(locale, "packing"),
    packingSlip(owner, number, { now: new Date(), locale }),
  ]);
  return { title: t("slip.metaTitle", { number: slip.order.number }), slip };
}

// One artisan's own order: never kept by a browser or a proxy.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: "robots", content: "noindex" },
];

/** Shown once JavaScript runs: without it, the browser's own Print menu does the same. */
function PrintButton({ children }: { children: string }) {
  const [scripted, setScripted] = useState(false);
  useEffect(() => setScripted(true), []);
  if (!scripted) return null;
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="min-h-11 rounded-full bg-ink px-6 font-medium text-paper hover:bg-copper-700"
    >
      {children}
    </button>
  );
}

const labelClass = "text-xs font-semibold tracking-wide text-muted uppercase print:text-black";

export default function PackingSlipPage() {
  const { slip } = useLoaderData<typeof loader>();
  const { order } = slip;
  const { t } = useTranslation("packing");
  const { t: tAccount } = useTranslation("account");
  return (
    // The site's header and footer, and the studio's menu, hide themselves on paper.
    <div>
      <div className="mb-4 flex flex-col gap-2 sm:flex-row sm:items-center print:hidden">
        <Link to={`/studio/orders/${order.number}`} className={linkButtonClass}>
          <span aria-hidden className="mr-1">
            ←
          </span>
          {t("slip.back")}
        </Link>
        <PrintButton>{t("slip.print")}</PrintButton>
      </div>
      <p className="mb-4 text-sm text-muted print:hidden">{t("slip.printHint")}</p>

      <article className="mx-auto max-w-sm rounded-xl border-2 border-ink bg-white p-5 text-ink print:max-w-[100mm] print:rounded-none print:border print:border-black print:p-4 print:text-black">
        {slip.voided ? (
          <p
            role="alert"
            className="mb-3 border-4 border-red-800 p-2 text-center font-bold text-red-800 print:border-black print:text-black"
          >
            {t("slip.voided", { status: tAccount(`orderStatus.${order.status}`) })}
          </p>
        ) : null}
        <h1>
          <span className={`block ${labelClass}`}>
            {t("slip.label")} · {t("slip.number")}
          </span>
          <span className="mt-1 block font-mono text-4xl leading-tight font-bold tracking-tight break-all">
            {order.number}
          </span>
        </h1>

        <dl className="mt-4 grid grid-cols-2 gap-x-4 gap-y-3">
          <div className="col-span-2">
            <dt className={labelClass}>{t("slip.for")}</dt>
            <dd className="text-2xl font-bold">{order.buyerFirstName}</dd>
          </div>
          <div className="col-span-2">
            <dt className={labelClass}>{t("slip.restArea")}</dt>
            <dd>
              <span className="block text-xl leading-snug font-bold">{order.restArea.name}</span>
              <span className="block">
                {order.restArea.kmLabel} · {order.restArea.direction}
              </span>
            </dd>
          </div>
          <div>
            <dt className={labelClass}>{t("slip.pickupDay")}</dt>
            <dd>
              <span className="block">{order.pickupDayLabel}</span>
              <span className="block text-sm tabular-nums">{order.pickupWindow}</span>
            </dd>
          </div>
          <div>
            <dt className={labelClass}>{t("slip.dispatchDay")}</dt>
            <dd className="font-semibold">{order.dispatchDayLabel}</dd>
          </div>
        </dl>

        <h2 className="mt-4 border-t-2 border-ink pt-3 font-semibold print:border-black">
          {t("slip.items")} · {t("slip.pieces", { count: order.pieces })}
        </h2>
        <table className="mt-2 w-full text-left text-sm">
          <thead>
            <tr className="border-b border-line print:border-black">
              <th scope="col" className="py-1 pr-2 font-semibold">
                {t("slip.quantity")}
              </th>
              <th scope="col" className="py-1 pr-2 font-semibold">
                {t("slip.item")}
              </th>
              <th scope="col" className="py-1 font-semibold">
                {t("slip.sku")}
              </th>
            </tr>
          </thead>
          <tbody>
            {order.items.map((item) => (
              <tr key={item.id} className="border-b border-line align-top print:border-black">
                <td className="py-1.5 pr-2 text-lg font-bold tabular-nums">{item.quantity}×</td>
                <th scope="row" className="py-1.5 pr-2 font-normal">
                  <span className="block font-semibold">{item.title}</span>
                  <span className="block">{item.variantLabel}</span>
                </th>
                <td className="py-1.5 font-mono text-xs break-all">{item.sku}</td>
              </tr>
            ))}
          </tbody>
        </table>

        {order.sharedWithOthers ? (
          <p className="mt-3 border border-dashed border-ink p-2 text-sm print:border-black">
            {t("slip.partOfOrder")}
          </p>
        ) : null}

        <p className="mt-4">
          <span className={`block ${labelClass}`}>{t("slip.from")}</span>
          <span className="font-semibold">{slip.artisanName}</span>
        </p>
        <p className="mt-2 text-xs text-muted print:text-black">{t("slip.cooperative")}</p>
      </article>
    </div>
  );
}
