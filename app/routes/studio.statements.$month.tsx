import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { requireArtisan } from "~/accounts/permissions.server";
import { Price } from "~/components/ui/price";
import { getLocale, i18next } from "~/i18n/i18next.server";
import { formatRupiah } from "~/lib/money";
import { exactFee, formatShortDate } from "~/studio/payouts";
import { DifferenceAmount, PayoutStateLabel } from "~/studio/statement-ui";
import { monthStatement, monthView, statementMonthOrNotFound } from "~/studio/statements.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const owner = await requireArtisan(request);
  const now = new Date();
  const key = statementMonthOrNotFound(params.month, now);
  const locale = await getLocale(request);
  const [t, statement] = await Promise.all([
    i18next.getFixedT(locale, "statements"),
    monthStatement(owner, key),
  ]);
  const month = monthView(statement, locale, now);
  const exact = exactFee(statement.grossRupiah, statement.feeBasisPoints);
  const decimals = String(exact.tenThousandths).padStart(4, "0").replace(/0+$/, "");
  return {
    title: t("month.metaTitle", { month: month.label }),
    month,
    // The fee before rounding, written as rupiah are written: "Rp 82.277,7"; null when whole.
    exactFee: decimals ? `${formatRupiah(exact.rupiah)},${decimals}` : null,
    // A paid month keeps the rate it was paid at, whatever the cooperative's rate is now.
    paidFeePercent: statement.payout ? month.feePercent : null,
    lines: statement.lines.map((line, index) => ({
      id: `${line.orderNumber}-${line.sku}-${index}`,
      date: formatShortDate(line.pickedUpAt, locale),
      orderNumber: line.orderNumber,
      title: (locale === "en" ? line.titleEn : null) ?? line.titleId,
      variant: (locale === "en" ? line.variantLabelEn : null) ?? line.variantLabelId,
      sku: line.sku,
      quantity: line.quantity,
      unitPriceRupiah: line.unitPriceRupiah,
      lineTotalRupiah: line.lineTotalRupiah,
    })),
  };
}

// One artisan's own money: never kept by a browser or a proxy.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: "robots", content: "noindex" },
];

const cardClass = "rounded-xl border border-line bg-white p-4 print:border-0 print:p-0";

export default function StudioStatementMonth() {
  const { month, exactFee, paidFeePercent, lines } = useLoaderData<typeof loader>();
  const { t } = useTranslation("statements");
  const hydrated = useHydrated();
  const gross = formatRupiah(month.grossRupiah);
  const fee = formatRupiah(month.feeRupiah);
  return (
    <div>
      <Link
        to="/studio/statements"
        className="inline-flex min-h-11 items-center gap-1 text-sm underline underline-offset-4 hover:text-copper-700 print:hidden"
      >
        <span aria-hidden>←</span> {t("month.back")}
      </Link>
      <h1 className="font-serif text-3xl leading-tight">
        {t("month.title", { month: month.label })}
      </h1>
      {month.state === "running" ? <p className="mt-1 text-muted">{t("month.running")}</p> : null}

      <div className="mt-3 flex flex-wrap gap-3 print:hidden">
        <a
          href={`/studio/statements/${month.key}.csv`}
          download
          className="inline-flex min-h-11 items-center rounded-full bg-ink px-5 font-medium text-paper hover:bg-copper-700"
        >
          {t("month.download")}
        </a>
        {hydrated ? (
          <button
            type="button"
            onClick={() => window.print()}
            className="min-h-11 rounded-full border border-ink bg-white px-5 font-medium hover:border-copper-700 hover:text-copper-700"
          >
            {t("month.print")}
          </button>
        ) : null}
      </div>

      <section aria-labelledby="statement-totals" className={`mt-6 ${cardClass}`}>
        <h2 id="statement-totals" className="font-serif text-xl">
          {t("month.totalsTitle")}
        </h2>
        <dl className="mt-3 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
          <dt>{t("columns.items")}</dt>
          <dd className="text-right tabular-nums">{month.itemsSold}</dd>
          <dt>{t("columns.gross")}</dt>
          <dd className="text-right tabular-nums">
            <Price rupiah={month.grossRupiah} />
          </dd>
          <dt>{t("month.feeWithPercent", { percent: month.feePercent })}</dt>
          <dd className="text-right tabular-nums">
            − <Price rupiah={month.feeRupiah} />
          </dd>
          <dt className="border-t border-line pt-1 font-semibold">{t("columns.net")}</dt>
          <dd className="border-t border-line pt-1 text-right text-lg font-semibold tabular-nums">
            <Price rupiah={month.netRupiah} />
          </dd>
        </dl>

        <h3 className="mt-5 font-semibold">{t("month.ruleTitle")}</h3>
        <p className="mt-1 text-sm">{t("month.rule", { percent: month.feePercent })}</p>
        <p className="mt-1 text-sm">
          {exactFee
            ? t("month.ruleWorked", {
                percent: month.feePercent,
                gross,
                exact: exactFee,
                fee,
                net: formatRupiah(month.netRupiah),
              })
            : t("month.ruleWorkedExact", {
                percent: month.feePercent,
                gross,
                fee,
                net: formatRupiah(month.netRupiah),
              })}
        </p>
        {paidFeePercent ? (
          <p className="mt-1 text-sm text-muted">
            {t("month.paidRate", { percent: paidFeePercent })}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="statement-payout" className={`mt-4 ${cardClass}`}>
        <h2 id="statement-payout" className="font-serif text-xl">
          {t("month.payoutTitle")}
        </h2>
        <div className="mt-2">
          <PayoutStateLabel
            state={month.state}
            paidOn={month.paidOn}
            transferReference={month.transferReference}
          />
        </div>
        {month.paid ? (
          <p className="mt-2">
            {t("month.paidAmount", { amount: formatRupiah(month.paid.netRupiah) })}
          </p>
        ) : month.state === "unpaid" || month.state === "running" ? (
          <p className="mt-2 text-sm text-muted">{t("month.unpaidNote")}</p>
        ) : null}
        {month.difference && month.paid ? (
          <div className="mt-3 rounded-lg border-l-4 border-copper-500 bg-copper-50 p-3 text-sm">
            <h3 className="font-semibold">{t("difference.title")}</h3>
            <p className="mt-1">{t("difference.artisan")}</p>
            <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-3">
              <dt>{t("difference.paid")}</dt>
              <dd className="text-right tabular-nums">
                <Price rupiah={month.paid.netRupiah} />
              </dd>
              <dt>{t("difference.now")}</dt>
              <dd className="text-right tabular-nums">
                <Price rupiah={month.netRupiah} />
              </dd>
            </dl>
            <p className="mt-2">
              <DifferenceAmount difference={month.difference} />. {t("difference.artisanNext")}
            </p>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="statement-lines" className="mt-6">
        <h2 id="statement-lines" className="font-serif text-2xl">
          {t("month.linesTitle")}
        </h2>
        {lines.length === 0 ? (
          <p className={`mt-3 ${cardClass} text-muted`}>{t("month.none")}</p>
        ) : (
          <>
            <ul
              aria-labelledby="statement-lines"
              className="mt-3 divide-y divide-line rounded-xl border border-line bg-white sm:hidden print:hidden"
            >
              {lines.map((line) => (
                <li key={line.id} className="p-3">
                  <p className="font-medium">{line.title}</p>
                  <p className="text-sm">{line.variant}</p>
                  <p className="flex flex-wrap justify-between gap-x-3 text-sm">
                    <span className="tabular-nums">
                      {t("month.lineQuantity", {
                        quantity: line.quantity,
                        price: formatRupiah(line.unitPriceRupiah),
                      })}
                    </span>
                    <span className="font-semibold tabular-nums">
                      <Price rupiah={line.lineTotalRupiah} />
                    </span>
                  </p>
                  <p className="text-sm text-muted">
                    {line.date} · {line.orderNumber}
                  </p>
                </li>
              ))}
            </ul>
            <div
              role="region"
              aria-labelledby="statement-lines"
              tabIndex={0}
              className="mt-3 hidden overflow-x-auto rounded-xl border border-line bg-white sm:block print:block print:overflow-visible"
            >
              <table className="w-full text-left text-sm">
                <thead className="bg-linen">
                  <tr>
                    <th scope="col" className="px-3 py-2 font-semibold">
                      {t("month.lineColumns.date")}
                    </th>
                    <th scope="col" className="px-3 py-2 font-semibold">
                      {t("month.lineColumns.order")}
                    </th>
                    <th scope="col" className="px-3 py-2 font-semibold">
                      {t("month.lineColumns.piece")}
                    </th>
                    <th scope="col" className="px-3 py-2 font-semibold">
                      {t("month.lineColumns.variant")}
                    </th>
                    <th scope="col" className="px-3 py-2 text-right font-semibold">
                      {t("month.lineColumns.quantity")}
                    </th>
                    <th scope="col" className="px-3 py-2 text-right font-semibold">
                      {t("month.lineColumns.unitPrice")}
                    </th>
                    <th scope="col" className="px-3 py-2 text-right font-semibold">
                      {t("month.lineColumns.lineTotal")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {lines.map((line) => (
                    <tr key={line.id} className="border-t border-line align-top">
                      <td className="px-3 py-2 whitespace-nowrap">{line.date}</td>
                      <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">
                        {line.orderNumber}
                      </td>
                      <td className="px-3 py-2">{line.title}</td>
                      <td className="px-3 py-2">{line.variant}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{line.quantity}</td>
                      <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
                        <Price rupiah={line.unitPriceRupiah} />
                      </td>
                      <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
                        <Price rupiah={line.lineTotalRupiah} />
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr className="border-t-2 border-ink font-semibold">
                    <th scope="row" colSpan={4} className="px-3 py-2">
                      {t("columns.gross")}
                    </th>
                    <td className="px-3 py-2 text-right tabular-nums">{month.itemsSold}</td>
                    <td />
                    <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
                      <Price rupiah={month.grossRupiah} />
                    </td>
                  </tr>
                </tfoot>
              </table>
            </div>
          </>
        )}
      </section>
    </div>
  );
}

/** False on the server and in the first render; true once JavaScript runs (printing needs it). */
function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
