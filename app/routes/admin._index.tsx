import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireAdmin } from "~/accounts/permissions.server";
import { AuditEntryList, cardClass, textLinkClass } from "~/admin/admin-ui";
import { presentAuditEntries } from "~/admin/audit-log.server";
import { adminDashboard } from "~/admin/dashboard.server";
import { adminMeta, adminPageHeaders } from "~/admin/page";
import { getLocale, i18next } from "~/i18n/i18next.server";
import { formatDateTime } from "~/lib/dates";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const locale = await getLocale(request);
  const [dashboard, t] = await Promise.all([adminDashboard(), i18next.getFixedT(locale, "admin")]);
  const { latestAudit, ...counts } = dashboard;
  return {
    title: t("dashboard.metaTitle"),
    ...counts,
    latestAudit: await presentAuditEntries(latestAudit, (date) => formatDateTime(date, locale)),
  };
}

export const headers = adminPageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => adminMeta(data?.title);

export default function AdminDashboard() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const orders = data.ordersByStatus.filter((row) => row.count > 0);
  return (
    <div>
      <h1 className="font-serif text-3xl">{t("dashboard.title")}</h1>
      <p className="mt-1 text-muted">{t("dashboard.intro")}</p>

      <div className="mt-6 grid gap-4 md:grid-cols-3">
        <section aria-labelledby="dashboard-users" className={cardClass}>
          <h2 id="dashboard-users" className="font-serif text-xl">
            {t("dashboard.usersTitle")}
          </h2>
          <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-3 gap-y-1">
            {data.usersByRole.map((row) => (
              <div key={row.role} className="contents">
                <dt>
                  <Link
                    to={`/admin/users?role=${row.role}`}
                    className="underline-offset-4 hover:underline"
                  >
                    {t(`roles.${row.role}`)}
                  </Link>
                </dt>
                <dd className="text-right font-semibold tabular-nums">{row.count}</dd>
              </div>
            ))}
          </dl>
          <ul className="mt-3 grid gap-1 text-sm">
            <li>
              <Link to="/admin/users?state=invited" className={textLinkClass}>
                {t("dashboard.pendingInvitations", { count: data.pendingInvitations })}
              </Link>
            </li>
            <li>
              <Link to="/admin/users?state=deactivated" className={textLinkClass}>
                {t("dashboard.deactivatedUsers", { count: data.deactivatedUsers })}
              </Link>
            </li>
          </ul>
          <Link to="/admin/users" className={`${textLinkClass} font-medium`}>
            {t("dashboard.manageUsers")}
          </Link>
        </section>

        <section aria-labelledby="dashboard-rest-areas" className={cardClass}>
          <h2 id="dashboard-rest-areas" className="font-serif text-xl">
            {t("dashboard.restAreasTitle")}
          </h2>
          <p className="mt-2">{t("dashboard.activeRestAreas", { count: data.activeRestAreas })}</p>
          <ul>
            <li>
              <Link to="/admin/rest-areas" className={`${textLinkClass} font-medium`}>
                {t("dashboard.manageRestAreas")}
              </Link>
            </li>
            <li>
              <Link to="/admin/artisans" className={`${textLinkClass} font-medium`}>
                {t("dashboard.manageArtisans")}
              </Link>
            </li>
          </ul>
        </section>

        <section aria-labelledby="dashboard-orders" className={cardClass}>
          <h2 id="dashboard-orders" className="font-serif text-xl">
            {t("dashboard.ordersTitle")}
          </h2>
          {orders.length > 0 ? (
            <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-3 gap-y-1">
              {orders.map((row) => (
                <div key={row.status} className="contents">
                  <dt>{t(`orderStatus.${row.status}`)}</dt>
                  <dd className="text-right font-semibold tabular-nums">{row.count}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="mt-2 text-muted">{t("dashboard.noOrders")}</p>
          )}
        </section>
      </div>

      <section aria-labelledby="dashboard-audit" className="mt-8">
        <h2 id="dashboard-audit" className="font-serif text-2xl">
          {t("dashboard.auditTitle")}
        </h2>
        {data.latestAudit.length > 0 ? (
          <AuditEntryList entries={data.latestAudit} labelledBy="dashboard-audit" />
        ) : (
          <p className="mt-2 text-muted">{t("dashboard.noAudit")}</p>
        )}
        <Link to="/admin/audit" className={`${textLinkClass} mt-2 font-medium`}>
          {t("dashboard.seeAllAudit")}
        </Link>
      </section>
    </div>
  );
}
