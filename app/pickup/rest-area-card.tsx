import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Locale } from "~/i18n/config";
import { PickupDayList } from "./pickup-day-list";
import type { PickupDay } from "./pickup-days";
import { OpeningHours, RestAreaIdentity } from "./rest-area-facts";
import type { DirectoryRestArea } from "./rest-areas.server";

type Props = {
  restArea: DirectoryRestArea;
  pickupDays: PickupDay[];
  isMine: boolean;
  /** Where the rest area's page sends the visitor once they choose it. */
  redirectTo: string | null;
  locale: Locale;
};

/** One rest area in the directory; the whole card leads to its page. */
export function RestAreaCard({ restArea, pickupDays, isMine, redirectTo, locale }: Props) {
  const { t } = useTranslation("pickup");
  const headingId = `rest-area-${restArea.slug}`;
  const href = redirectTo
    ? `/pickup-points/${restArea.slug}?${new URLSearchParams({ redirectTo })}`
    : `/pickup-points/${restArea.slug}`;
  return (
    <article
      aria-labelledby={headingId}
      className={`relative rounded-xl border bg-white p-4 ${isMine ? "border-copper-500 ring-1 ring-copper-500" : "border-line hover:border-copper-500"}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
        <h4 id={headingId} className="font-serif text-lg leading-snug">
          <Link
            to={href}
            className="underline-offset-4 after:absolute after:inset-0 after:rounded-xl hover:underline"
          >
            {restArea.name}
          </Link>
        </h4>
        {isMine ? (
          <span className="rounded-full bg-copper-600 px-3 py-0.5 text-xs font-semibold text-white">
            {t("restArea.yours")}
          </span>
        ) : null}
      </div>
      <RestAreaIdentity restArea={restArea} size="card" />
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-muted">{t("restArea.hoursLabel")}</dt>
        <dd>
          <OpeningHours restArea={restArea} locale={locale} />
        </dd>
        <dt className="text-muted">{t("restArea.facilitiesLabel")}</dt>
        <dd>{restArea.facilities.join(" · ")}</dd>
        <dt className="col-span-2 mt-2 text-muted">{t("restArea.earliestLabel")}</dt>
        <dd className="col-span-2">
          <PickupDayList days={pickupDays} />
        </dd>
      </dl>
    </article>
  );
}
