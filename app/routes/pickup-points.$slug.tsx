import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { getLocale, i18next } from "~/i18n/i18next.server";
import { formatMinuteOfDay } from "~/lib/dates";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { myRestAreaCookieHeader, readMyRestAreaSlug } from "~/pickup/my-rest-area.server";
import { ORDER_CUTOFF_HOUR, readyStockPickupDays } from "~/pickup/pickup-days";
import { PickupDayList } from "~/pickup/pickup-day-list";
import { OpeningHours, PlaceAndRegency, RestAreaIdentity } from "~/pickup/rest-area-facts";
import { activeRestAreaSummary, restAreaBySlug, restAreaSlug } from "~/pickup/rest-areas.server";
import { personalPageHeaders } from "~/lib/page-headers";
import { pageMeta } from "~/seo/meta";
import { defaultShareImage } from "~/seo/urls.server";
import { readForm } from "~/lib/form-body.server";

// A malformed address is as missing as an unknown one: 404, never a server error.
function slugOrNotFound(param: string | undefined): string {
  const slug = restAreaSlug.safeParse(param);
  if (!slug.success) throw new Response(null, { status: 404 });
  return slug.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = slugOrNotFound(params.slug);
  const locale = await getLocale(request);
  const [t, restArea, mySlug, shareImage] = await Promise.all([
    i18next.getFixedT(locale, "pickup"),
    restAreaBySlug(slug, locale),
    readMyRestAreaSlug(request),
    defaultShareImage(locale),
  ]);
  if (!restArea) throw new Response(null, { status: 404 });
  const here = `/pickup-points/${slug}`;
  const words = { name: restArea.name, direction: restArea.direction, segment: restArea.segment };
  return {
    shareImage,
    title: t("detail.metaTitle", words),
    description: t("detail.metaDescription", words),
    locale,
    restArea,
    isMine: mySlug === slug,
    pickupDays: readyStockPickupDays({ now: new Date(), restArea, count: 5, locale }),
    // A page that sent the visitor here to choose gets them back; otherwise they stay here.
    redirectTo: safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), here),
  };
}

const chooseForm = z.object({ redirectTo: z.string().optional() });

export async function action({ request, params }: ActionFunctionArgs) {
  const slug = slugOrNotFound(params.slug);
  const locale = await getLocale(request);
  if (!(await activeRestAreaSummary(slug, locale))) throw new Response(null, { status: 404 });
  const form = chooseForm.safeParse(Object.fromEntries(await readForm(request)));
  const back = safeRedirectPath(
    form.success ? form.data.redirectTo : null,
    `/pickup-points/${slug}`,
  );
  return redirect(back, { headers: { "Set-Cookie": await myRestAreaCookieHeader(slug) } });
}

export const headers = personalPageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

const cardClass = "mt-4 rounded-xl border border-line bg-white p-4";

export default function PickupPoint() {
  const { locale, restArea, isMine, pickupDays, redirectTo } = useLoaderData<typeof loader>();
  const { t } = useTranslation("pickup");
  const { coordinates } = restArea;
  return (
    <div className="mx-auto max-w-3xl px-4 pt-2 pb-4">
      <Link
        to="/pickup-points"
        className="inline-flex min-h-11 items-center gap-1 text-sm underline-offset-4 hover:underline"
      >
        <span aria-hidden>←</span> {t("detail.back")}
      </Link>

      <p className="mt-2 text-sm font-semibold text-copper-700">
        {t(`region.${restArea.region}`, { ns: "common" })}
      </p>
      <h1 className="font-serif text-3xl leading-tight">{restArea.name}</h1>
      <RestAreaIdentity restArea={restArea} size="page" />

      {isMine ? (
        <p
          role="status"
          className="mt-5 flex gap-2 rounded-xl border border-copper-500 bg-copper-50 p-4 text-sm"
        >
          <span aria-hidden className="font-semibold text-copper-700">
            ✓
          </span>
          {t("detail.chosen")}
        </p>
      ) : (
        <Form method="post" className="mt-5">
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <button
            type="submit"
            className="min-h-11 w-full rounded-full bg-copper-600 px-6 font-semibold text-white hover:bg-copper-700 sm:w-auto"
          >
            {t("detail.choose")}
          </button>
        </Form>
      )}

      <section aria-labelledby="next-days" className={cardClass}>
        <h2 id="next-days" className="font-serif text-xl">
          {t("detail.nextDaysTitle")}
        </h2>
        <div className="mt-3">
          <PickupDayList days={pickupDays} />
        </div>
        <p className="mt-3 text-sm text-muted">
          {t("detail.nextDaysNote", { cutoff: formatMinuteOfDay(ORDER_CUTOFF_HOUR * 60, locale) })}
        </p>
      </section>

      <section aria-labelledby="pickup-times" className={cardClass}>
        <h2 id="pickup-times" className="font-serif text-xl">
          {t("detail.windowsTitle")}
        </h2>
        <p className="mt-1 text-sm">
          <OpeningHours restArea={restArea} locale={locale} />
        </p>
        {restArea.pickupWindows.length > 0 ? (
          <ul className="mt-3 grid grid-cols-2 gap-2">
            {restArea.pickupWindows.map((window) => (
              <li
                key={window.startMinute}
                className="rounded-md bg-linen px-3 py-2 text-center text-sm tabular-nums"
              >
                {t("detail.window", {
                  start: formatMinuteOfDay(window.startMinute, locale),
                  end: formatMinuteOfDay(window.endMinute, locale),
                })}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-3 text-sm">{t("detail.noWindows")}</p>
        )}
        <p className="mt-3 text-sm text-muted">{t("detail.windowsNote")}</p>
        <p className="mt-2 text-sm font-medium">
          {t("detail.holdDays", { count: restArea.holdDays })}
        </p>
      </section>

      <section aria-labelledby="location" className={cardClass}>
        <h2 id="location" className="font-serif text-xl">
          {t("detail.locationTitle")}
        </h2>
        <p className="mt-1 text-sm">
          {t("restArea.segment", { segment: restArea.segment })}
          <br />
          <PlaceAndRegency restArea={restArea} />
        </p>
        {coordinates ? (
          <>
            <a
              href={`https://www.google.com/maps/search/?api=1&query=${coordinates.latitude},${coordinates.longitude}`}
              className="mt-3 inline-flex min-h-11 items-center rounded-full border border-ink px-4 text-sm hover:bg-ink hover:text-paper"
            >
              {t("detail.openInMaps")}
            </a>
            {coordinates.approximate ? (
              <p className="mt-2 text-xs text-muted">{t("detail.approximate")}</p>
            ) : null}
          </>
        ) : null}
      </section>

      {restArea.facilities.length > 0 ? (
        <section aria-labelledby="facilities" className={cardClass}>
          <h2 id="facilities" className="font-serif text-xl">
            {t("detail.facilitiesTitle")}
          </h2>
          <ul className="mt-2 flex flex-wrap gap-2 text-sm">
            {restArea.facilities.map((facility) => (
              <li key={facility} className="rounded-full bg-linen px-3 py-1">
                {facility}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {restArea.notes ? (
        <section aria-labelledby="notes" className={cardClass}>
          <h2 id="notes" className="font-serif text-xl">
            {t("detail.notesTitle")}
          </h2>
          <p className="mt-1 text-sm">{restArea.notes}</p>
        </section>
      ) : null}
    </div>
  );
}
