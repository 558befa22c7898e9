import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireAdmin } from "~/accounts/permissions.server";
import { Badge } from "~/admin/admin-ui";
import { adminMeta, adminPageHeaders } from "~/admin/page";
import { listRestAreasForAdmin } from "~/admin/rest-areas.server";
import { adminTexts } from "~/admin/texts.server";
import { formatMinuteOfDay } from "~/lib/dates";
import { weekdayName } from "~/pickup/pickup-days";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const { locale, t } = await adminTexts(request);
  const regions = await listRestAreasForAdmin(locale);
  return {
    title: t("restAreas.metaTitle"),
    regions: regions.map(({ region, restAreas }) => ({
      region,
      restAreas: restAreas.map(({ opensAtMinute, closesAtMinute, openWeekdays, ...restArea }) => ({
        ...restArea,
        hours: t("restAreas.hours", {
          opens: formatMinuteOfDay(opensAtMinute, locale),
          closes: formatMinuteOfDay(closesAtMinute, locale),
        }),
        days:
          openWeekdays.length === 7
            ? null
            : openWeekdays.map((day) => weekdayName(day, locale)).join(", "),
      })),
    })),
  };
}

export const headers = adminPageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => adminMeta(data?.title);

export default function AdminRestAreas() {
  const { regions } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  return (
    <div>
      <h1 className="font-serif text-3xl">{t("restAreas.title")}</h1>
      <p className="mt-1 text-muted">{t("restAreas.intro")}</p>
      {regions.length === 0 ? (
        <p className="mt-4 rounded-lg border border-line bg-white p-4">{t("restAreas.none")}</p>
      ) : null}
      {regions.map(({ region, restAreas }) => (
        <section key={region} aria-labelledby={`region-${region}`} className="mt-6">
          <h2 id={`region-${region}`} className="font-serif text-2xl">
            {t(`region.${region}`, { ns: "common" })}
          </h2>
          <ul aria-labelledby={`region-${region}`} className="mt-2 grid gap-2 md:grid-cols-2">
            {restAreas.map((restArea) => (
              <li key={restArea.id} className="rounded-lg border border-line bg-white p-3">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <Link
                    to={`/admin/rest-areas/${restArea.id}`}
                    className="inline-flex min-h-11 items-center font-semibold underline-offset-4 hover:underline"
                  >
                    {restArea.name}
                  </Link>
                  <Badge tone={restArea.active ? "good" : "off"}>
                    {restArea.active ? t("restAreas.active") : t("restAreas.inactive")}
                  </Badge>
                </div>
                <p className="text-sm text-muted">
                  {restArea.segment} · {restArea.direction}
                </p>
                <p className="text-sm">
                  {restArea.days ? `${restArea.days}, ` : null}
                  {restArea.hours}
                </p>
                <p className="text-sm text-muted">
                  {t("restAreas.windows", { count: restArea.activeWindows })} ·{" "}
                  {t("restAreas.operators", { count: restArea.operatorCount })}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
