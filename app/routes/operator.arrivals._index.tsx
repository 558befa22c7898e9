import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireOperator } from "~/accounts/permissions.server";
import { getLocale, i18next } from "~/i18n/i18next.server";
import { formatDateTime, formatTime, wibDateKey } from "~/lib/dates";
import { arrivalsAtCounter, type ArrivingConsignment } from "~/operator/counter.server";
import { ConsoleLink } from "~/operator/offline-console";
import { formatPickupDay } from "~/pickup/pickup-days";

/** Consignments on their way to the operator's rest areas, and those received today. */
export async function loader({ request }: LoaderFunctionArgs) {
  const owner = await requireOperator(request);
  const locale = await getLocale(request);
  const now = new Date();
  const [t, arrivals] = await Promise.all([
    i18next.getFixedT(locale, "operator"),
    arrivalsAtCounter(owner, now),
  ]);
  const today = wibDateKey(now);
  const shown = (consignment: ArrivingConsignment) => ({
    number: consignment.number,
    restAreaName: consignment.restAreaName,
    pickupDay: formatPickupDay(consignment.pickupDay, locale),
    late: consignment.pickupDay < today,
    parcels: consignment.parcels,
    received: consignment.received,
    pieces: consignment.pieces,
    dispatchedAt: consignment.dispatchedAt
      ? formatDateTime(consignment.dispatchedAt, locale)
      : null,
    checkedInAt: consignment.checkedInAt ? formatTime(consignment.checkedInAt, locale) : null,
  });
  return {
    title: t("arrivals.metaTitle"),
    // Today's (and late ones) first, then those due on later days.
    dueNow: arrivals.expected.filter((c) => c.pickupDay <= today).map(shown),
    upcoming: arrivals.expected.filter((c) => c.pickupDay > today).map(shown),
    receivedToday: arrivals.receivedToday.map(shown),
  };
}

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: "robots", content: "noindex" },
];

type Shown = ReturnType<typeof useLoaderData<typeof loader>>["dueNow"][number];

export default function Arrivals() {
  const { dueNow, upcoming, receivedToday } = useLoaderData<typeof loader>();
  const { t } = useTranslation("operator");
  const nothing = dueNow.length + upcoming.length + receivedToday.length === 0;
  return (
    <div className="mx-auto max-w-3xl px-4 pt-4 pb-8">
      <p className="text-sm font-semibold text-copper-700">{t("title")}</p>
      <h1 className="font-serif text-3xl leading-tight">{t("arrivals.heading")}</h1>
      <p className="mt-1 text-muted">{t("arrivals.intro")}</p>
      {nothing ? <p className="mt-6 rounded-xl bg-linen p-4">{t("arrivals.none")}</p> : null}
      <ConsignmentList id="due-now" title={t("arrivals.dueNow")} consignments={dueNow} />
      <ConsignmentList id="upcoming" title={t("arrivals.upcoming")} consignments={upcoming} />
      <ConsignmentList
        id="received-today"
        title={t("arrivals.receivedToday")}
        consignments={receivedToday}
      />
    </div>
  );
}

function ConsignmentList({
  id,
  title,
  consignments,
}: {
  id: string;
  title: string;
  consignments: Shown[];
}) {
  const { t } = useTranslation("operator");
  if (consignments.length === 0) return null;
  return (
    <section aria-labelledby={id} className="mt-6">
      <h2 id={id} className="font-serif text-2xl">
        {title}
      </h2>
      <ul className="mt-3 space-y-3">
        {consignments.map((consignment) => {
          const complete = consignment.received === consignment.parcels;
          return (
            <li
              key={consignment.number}
              className="rounded-2xl border border-line bg-white p-4 shadow-sm"
            >
              <p className="font-mono text-lg font-semibold tracking-wide">{consignment.number}</p>
              <p className="font-semibold">{consignment.restAreaName}</p>
              <p className="text-muted">
                {t("arrivals.pickupDay", { day: consignment.pickupDay })}
                {consignment.late ? (
                  <span className="ml-2 font-semibold text-red-800">{t("arrivals.late")}</span>
                ) : null}
              </p>
              <p className="mt-2 text-lg">
                {t("arrivals.progress", {
                  received: consignment.received,
                  count: consignment.parcels,
                })}{" "}
                · {t("arrivals.pieces", { count: consignment.pieces })}
              </p>
              {consignment.checkedInAt ? (
                <p className="text-sm text-muted">
                  {t("arrivals.checkedInAt", { time: consignment.checkedInAt })}
                </p>
              ) : consignment.dispatchedAt ? (
                <p className="text-sm text-muted">
                  {t("arrivals.dispatchedAt", { when: consignment.dispatchedAt })}
                </p>
              ) : null}
              <ConsoleLink
                to={`/operator/arrivals/${consignment.number}`}
                className={`mt-3 flex min-h-12 items-center justify-center rounded-full px-5 text-center font-semibold ${complete ? "border-2 border-ink bg-white text-ink" : "bg-ink text-paper hover:bg-copper-700"}`}
              >
                {complete
                  ? t("arrivals.openManifest", { number: consignment.number })
                  : t("arrivals.checkIn", { number: consignment.number })}
              </ConsoleLink>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
