import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireArtisan } from "~/accounts/permissions.server";
import { Price } from "~/components/ui/price";
import { getLocale, i18next } from "~/i18n/i18next.server";
import { formatRupiah } from "~/lib/money";
import { formatPhone } from "~/lib/phone";
import { SalesChart } from "~/studio/sales-chart";
import { DifferenceAmount, PayoutStateLabel } from "~/studio/statement-ui";
import {
  monthView,
  ownBankDetails,
  salesByMonth,
  type MonthView,
} from "~/studio/statements.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const owner = await requireArtisan(request);
  const locale = await getLocale(request);
  const now = new Date();
  const [t, summaries, { bank, cooperative }] = await Promise.all([
    i18next.getFixedT(locale, "statements"),
    salesByMonth(owner, { months: 12, now }),
    ownBankDetails(owner),
  ]);
  const months = summaries.map((summary) => monthView(summary, locale, now));
  const oldestFirst = [...months].reverse();
  const total = months.reduce((sum, month) => sum + month.grossRupiah, 0);
  const best = months.reduce((top, month) => (month.grossRupiah > top.grossRupiah ? month : top));
  return {
    title: t("index.metaTitle"),
    // The current month is never paid out yet: its rate is the cooperative's current one.
    feePercent: months[0]!.feePercent,
    months,
    chart: {
      bars: oldestFirst.map((month) => ({
        key: month.key,
        label: month.shortLabel,
        valueRupiah: month.grossRupiah,
      })),
      summary:
        total === 0
          ? t("index.chartEmpty")
          : t("index.chartSummary", {
              total: formatRupiah(total),
              best: best.label,
              bestAmount: formatRupiah(best.grossRupiah),
            }),
    },
    bank,
    cooperative: { name: cooperative.name, phone: formatPhone(cooperative.phone) },
  };
}

// One artisan's own money and bank account: never kept by a browser or a proxy.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: "robots", content: "noindex" },
];

const cardClass = "rounded-xl border border-line bg-white p-4";
const linkClass =
  "inline-flex min-h-11 items-center font-semibold underline underline-offset-4 hover:text-copper-700";

export default function StudioStatements() {
  const { feePercent, months, chart, bank, cooperative } = useLoaderData<typeof loader>();
  const { t } = useTranslation("statements");
  return (
    <div>
      <h1 className="font-serif text-3xl leading-tight">{t("index.title")}</h1>
      <p className="mt-1 text-muted">{t("index.intro", { percent: feePercent })}</p>

      <section aria-labelledby="sales-chart" className={`mt-6 ${cardClass}`}>
        <h2 id="sales-chart" className="font-serif text-xl">
          {t("index.chartTitle")}
        </h2>
        <div className="mt-3">
          <SalesChart bars={chart.bars} title={t("index.chartTitle")} summary={chart.summary} />
        </div>
        <p className="mt-2 text-sm">{chart.summary}</p>
        <p className="text-sm text-muted">{t("index.chartNote")}</p>
      </section>

      <section aria-labelledby="statement-months" className="mt-8">
        <h2 id="statement-months" className="font-serif text-2xl">
          {t("index.monthsTitle")}
        </h2>
        {/* On a phone one card per month; from a tablet's width, a table. */}
        <ul aria-labelledby="statement-months" className="mt-3 grid gap-3 sm:hidden">
          {months.map((month) => (
            <li key={month.key}>
              <MonthCard month={month} />
            </li>
          ))}
        </ul>
        <div
          role="region"
          aria-labelledby="statement-months"
          tabIndex={0}
          className="mt-3 hidden overflow-x-auto rounded-xl border border-line bg-white sm:block"
        >
          <table className="w-full text-left text-sm">
            <thead className="bg-linen">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold">
                  {t("columns.month")}
                </th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">
                  {t("columns.items")}
                </th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">
                  {t("columns.gross")}
                </th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">
                  {t("columns.fee")}
                </th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">
                  {t("columns.net")}
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  {t("columns.payout")}
                </th>
              </tr>
            </thead>
            <tbody>
              {months.map((month) => (
                <tr key={month.key} className="border-t border-line align-top">
                  <th scope="row" className="px-3 font-normal">
                    <Link
                      to={`/studio/statements/${month.key}`}
                      className={`${linkClass} whitespace-nowrap`}
                    >
                      {month.label}
                    </Link>
                  </th>
                  <td className="px-3 py-3 text-right tabular-nums">{month.itemsSold}</td>
                  <td className="px-3 py-3 text-right whitespace-nowrap tabular-nums">
                    <Price rupiah={month.grossRupiah} />
                  </td>
                  <td className="px-3 py-3 text-right whitespace-nowrap tabular-nums">
                    <Price rupiah={month.feeRupiah} />
                  </td>
                  <td className="px-3 py-3 text-right font-semibold whitespace-nowrap tabular-nums">
                    <Price rupiah={month.netRupiah} />
                  </td>
                  <td className="px-3 py-3">
                    <PayoutStateLabel
                      state={month.state}
                      paidOn={month.paidOn}
                      transferReference={month.transferReference}
                    />
                    {month.difference ? (
                      <span className="mt-1 block text-xs">
                        {t("difference.short")}: <DifferenceAmount difference={month.difference} />
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="bank-account" className={`mt-8 ${cardClass}`}>
        <h2 id="bank-account" className="font-serif text-xl">
          {t("bank.title")}
        </h2>
        {bank ? (
          <>
            <p className="mt-1 text-sm text-muted">{t("bank.intro")}</p>
            <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
              <dt className="text-muted">{t("bank.bankName")}</dt>
              <dd className="font-medium break-words">{bank.bankName}</dd>
              <dt className="text-muted">{t("bank.accountNumber")}</dt>
              <dd className="font-mono font-medium break-all">{bank.accountNumber}</dd>
              <dt className="text-muted">{t("bank.accountName")}</dt>
              <dd className="font-medium break-words">{bank.accountName}</dd>
            </dl>
          </>
        ) : (
          <p className="mt-2 rounded-lg border border-copper-500 bg-copper-50 p-3 text-sm">
            {t("bank.missing")}
          </p>
        )}
        <p className="mt-3 text-sm">
          {t("bank.change", { cooperative: cooperative.name, phone: cooperative.phone })}
        </p>
        <p className="mt-1 text-xs text-muted">{t("bank.private")}</p>
      </section>
    </div>
  );
}

function MonthCard({ month }: { month: MonthView }) {
  const { t } = useTranslation("statements");
  return (
    <article className={cardClass}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="font-serif text-lg">{month.label}</h3>
        <PayoutStateLabel
          state={month.state}
          paidOn={month.paidOn}
          transferReference={month.transferReference}
        />
      </div>
      <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-3 text-sm">
        <dt>{t("columns.items")}</dt>
        <dd className="text-right tabular-nums">{month.itemsSold}</dd>
        <dt>{t("columns.gross")}</dt>
        <dd className="text-right tabular-nums">
          <Price rupiah={month.grossRupiah} />
        </dd>
        <dt>
          {t("columns.fee")} ({month.feePercent})
        </dt>
        <dd className="text-right tabular-nums">
          <Price rupiah={month.feeRupiah} />
        </dd>
        <dt className="font-semibold">{t("columns.net")}</dt>
        <dd className="text-right font-semibold tabular-nums">
          <Price rupiah={month.netRupiah} />
        </dd>
      </dl>
      {month.difference ? (
        <p className="mt-2 text-sm">
          {t("difference.short")}: <DifferenceAmount difference={month.difference} />
        </p>
      ) : null}
      <Link to={`/studio/statements/${month.key}`} className={`${linkClass} mt-1 text-sm`}>
        {t("index.open")}
        <span className="sr-only">: {month.label}</span>
      </Link>
    </article>
  );
}
