import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireOperator } from "~/accounts/permissions.server";
import { getCooperativeIdentity } from "~/cooperative/cooperative.server";
import type { Locale } from "~/i18n/config";
import { getLocale, i18next } from "~/i18n/i18next.server";
import { formatDate, formatMinuteOfDay, formatTime } from "~/lib/dates";
import { formatPhone } from "~/lib/phone";
import { ConsoleLink } from "~/operator/offline-console";
import { operatorRestAreas, type OperatorRestArea } from "~/operator/operator.server";
import { OpeningHours, SideAndDirection } from "~/pickup/rest-area-facts";

export async function loader({ request }: LoaderFunctionArgs) {
  const owner = await requireOperator(request);
  const locale = await getLocale(request);
  const now = new Date();
  const [t, restAreas] = await Promise.all([
    i18next.getFixedT(locale, "operator"),
    operatorRestAreas(owner, { now, locale }),
  ]);
  // Without a rest area there is nothing to do here but ask the cooperative for one.
  const cooperative = restAreas.length === 0 ? await getCooperativeIdentity(locale) : null;
  return {
    title: t("home.metaTitle"),
    locale,
    operatorName: owner.user.name,
    // Said by the server, so the page shows the same moment its counts were taken at.
    now: t("home.now", { date: formatDate(now, locale), time: formatTime(now, locale) }),
    restAreas,
    adminWhatsApp: cooperative
      ? {
          href: `https://wa.me/${cooperative.phone.replace(/\D/g, "")}`,
          number: formatPhone(cooperative.phone),
        }
      : null,
  };
}

// One operator's own counter: never kept by a browser or a proxy.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: "robots", content: "noindex" },
];

export default function OperatorHome() {
  const { locale, operatorName, now, restAreas, adminWhatsApp } = useLoaderData<typeof loader>();
  const { t } = useTranslation("operator");
  return (
    <div className="mx-auto max-w-3xl px-4 pt-4 pb-8">
      <header>
        <p className="text-sm font-semibold text-copper-700">{t("title")}</p>
        <h1 className="font-serif text-3xl leading-tight">
          {t("home.greeting", { name: operatorName })}
        </h1>
        <p className="mt-1 text-muted">{now}</p>
      </header>
      {restAreas.length === 0 ? (
        <NoRestArea adminWhatsApp={adminWhatsApp} />
      ) : (
        <ul className="mt-6 space-y-6">
          {restAreas.map((restArea) => (
            <li key={restArea.id}>
              <RestAreaCounter restArea={restArea} locale={locale} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function NoRestArea({ adminWhatsApp }: { adminWhatsApp: { href: string; number: string } | null }) {
  const { t } = useTranslation("operator");
  return (
    <section
      aria-labelledby="no-rest-area"
      className="mt-6 rounded-xl border border-copper-500 bg-copper-50 p-4"
    >
      <h2 id="no-rest-area" className="font-serif text-xl">
        {t("home.noRestAreasTitle")}
      </h2>
      <p className="mt-2">{t("home.noRestAreasText")}</p>
      {adminWhatsApp ? (
        <a
          href={adminWhatsApp.href}
          className="mt-4 flex min-h-12 w-full items-center justify-center rounded-full bg-copper-600 px-6 text-center font-semibold text-white hover:bg-copper-700 sm:w-auto sm:inline-flex"
        >
          {t("home.contactAdmin")} · {adminWhatsApp.number}
        </a>
      ) : null}
    </section>
  );
}

function RestAreaCounter({ restArea, locale }: { restArea: OperatorRestArea; locale: Locale }) {
  const { t } = useTranslation("operator");
  const headingId = `rest-area-${restArea.id}`;
  const { parcels } = restArea;
  const noParcels =
    parcels.readyToday + parcels.readyOtherDays + parcels.arriving + parcels.pastHold === 0;
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-2xl border border-line bg-white p-4 shadow-sm"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id={headingId} className="font-serif text-2xl leading-tight">
          {restArea.name}
        </h2>
        <p
          className={`inline-flex min-h-9 items-center gap-2 rounded-full px-3 text-sm font-semibold ${restArea.openNow ? "bg-silver-100 text-ink" : "bg-ink text-paper"}`}
        >
          <span aria-hidden>{restArea.openNow ? "●" : "○"}</span>
          {restArea.openNow ? t("restArea.openNow") : t("restArea.closedNow")}
        </p>
      </div>
      {restArea.name.includes(restArea.kmLabel) ? null : (
        <p className="text-muted">{restArea.kmLabel}</p>
      )}
      <p className="mt-1 text-lg font-medium first-letter:uppercase">
        <SideAndDirection restArea={restArea} />
      </p>
      <p className="text-sm text-muted">
        {t("restArea.segment", { ns: "pickup", segment: restArea.segment })}
      </p>
      <p className="mt-2 text-sm">
        <span className="font-semibold">{t("restArea.hoursLabel")}:</span>{" "}
        <OpeningHours restArea={restArea} locale={locale} />
      </p>
      <p className="text-sm text-muted">{t("restArea.holdDays", { count: restArea.holdDays })}</p>
      {restArea.active ? null : (
        <p className="mt-3 rounded-xl border border-copper-500 bg-copper-50 p-3 text-sm">
          {t("restArea.inactive")}
        </p>
      )}

      <h3 className="mt-5 font-serif text-xl">{t("parcels.title")}</h3>
      {noParcels ? (
        <p className="mt-2 rounded-xl bg-linen p-4">{t("parcels.none")}</p>
      ) : (
        <>
          <dl className="mt-2 grid grid-cols-2 gap-2">
            <ParcelCount label={t("parcels.readyToday")} count={parcels.readyToday} />
            <ParcelCount label={t("parcels.arriving")} count={parcels.arriving} />
            <ParcelCount label={t("parcels.pastHold")} count={parcels.pastHold} urgent />
            <ParcelCount label={t("parcels.readyOtherDays")} count={parcels.readyOtherDays} />
          </dl>
          {parcels.pastHold > 0 ? (
            <p className="mt-2 text-sm text-muted">{t("parcels.pastHoldNote")}</p>
          ) : null}
        </>
      )}

      <CounterLinks restArea={restArea} />

      <h3 className="mt-5 font-serif text-xl">{t("windows.title")}</h3>
      {!restArea.handsOverToday ? (
        <p className="mt-2 text-sm">{t("windows.closedToday")}</p>
      ) : restArea.windowsToday.length === 0 ? (
        <p className="mt-2 text-sm">{t("windows.none")}</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {restArea.windowsToday.map((window) => (
            <li
              key={window.startMinute}
              className={`flex min-h-12 flex-wrap items-center justify-between gap-x-3 rounded-xl px-3 py-2 ${window.current ? "border-2 border-copper-500 bg-copper-50" : "bg-linen"}`}
            >
              <span className="font-semibold tabular-nums">
                {t("windows.window", {
                  start: formatMinuteOfDay(window.startMinute, locale),
                  end: formatMinuteOfDay(window.endMinute, locale),
                })}
                {window.current ? (
                  <span className="ml-2 text-sm font-normal text-copper-700">
                    ({t("windows.current")})
                  </span>
                ) : null}
              </span>
              <span className="text-sm tabular-nums">
                {t("windows.booked", { booked: window.booked, capacity: window.capacity })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Into the counter's work: receiving, handing over, returning. */
function CounterLinks({ restArea }: { restArea: OperatorRestArea }) {
  const { t } = useTranslation("operator");
  const { parcels } = restArea;
  const links = [
    { to: "/operator/arrivals", label: t("home.toArrivals", { count: parcels.arriving }) },
    {
      to: "/operator/handover",
      label: t("home.toHandover", { count: parcels.readyToday + parcels.readyOtherDays }),
    },
    { to: "/operator/uncollected", label: t("home.toUncollected", { count: parcels.pastHold }) },
  ];
  return (
    <nav aria-label={t("home.linksLabel", { name: restArea.name })} className="mt-4">
      <ul className="grid gap-2 sm:grid-cols-3">
        {links.map((link) => (
          <li key={link.to}>
            <ConsoleLink
              to={link.to}
              className="flex min-h-12 items-center justify-center rounded-full border-2 border-ink bg-white px-4 text-center font-semibold hover:border-copper-700 hover:text-copper-700"
            >
              {link.label}
            </ConsoleLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function ParcelCount({
  label,
  count,
  urgent = false,
}: {
  label: string;
  count: number;
  urgent?: boolean;
}) {
  const highlighted = urgent && count > 0;
  return (
    <div
      className={`flex min-h-20 flex-col justify-between rounded-xl p-3 ${highlighted ? "border-2 border-copper-600 bg-copper-50" : "bg-linen"}`}
    >
      <dt className="text-sm leading-snug">{label}</dt>
      <dd className="font-serif text-3xl tabular-nums">{count}</dd>
    </div>
  );
}
