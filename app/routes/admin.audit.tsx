import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireAdmin } from "~/accounts/permissions.server";
import {
  AuditEntryList,
  cardClass,
  FilterActions,
  FilterField,
  Pagination,
  selectClass,
  useAuditActionLabel,
} from "~/admin/admin-ui";
import {
  listAuditEntries,
  presentAuditEntries,
  recordedAuditActions,
} from "~/admin/audit-log.server";
import { auditHref, parseAuditQuery } from "~/admin/list-query";
import { adminMeta, adminPageHeaders } from "~/admin/page";
import { adminTexts } from "~/admin/texts.server";
import { formatDateTime } from "~/lib/dates";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const { locale, t } = await adminTexts(request);
  const query = parseAuditQuery(new URL(request.url).searchParams);
  const [log, actions] = await Promise.all([listAuditEntries(query), recordedAuditActions()]);
  return {
    title: t("audit.metaTitle"),
    query: { ...query, page: log.page },
    total: log.total,
    pageCount: log.pageCount,
    entries: await presentAuditEntries(log.entries, (date) => formatDateTime(date, locale)),
    actions,
  };
}

export const headers = adminPageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => adminMeta(data?.title);

export default function AdminAudit() {
  const { query, total, pageCount, entries, actions } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const actionLabel = useAuditActionLabel();
  const filtered = Boolean(query.action || query.actor || query.from || query.to);
  return (
    <div>
      <h1 className="font-serif text-3xl">{t("audit.title")}</h1>
      <p className="mt-1 text-muted">{t("audit.intro")}</p>

      <Form method="get" className={`${cardClass} mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4`}>
        <FilterField id="audit-action" label={t("audit.action")}>
          <select
            id="audit-action"
            name="action"
            defaultValue={query.action ?? ""}
            className={selectClass}
          >
            <option value="">{t("audit.anyAction")}</option>
            {actions.map((action) => (
              <option key={action} value={action}>
                {actionLabel(action)}
              </option>
            ))}
          </select>
        </FilterField>
        <FilterField id="audit-actor" label={t("audit.actor")}>
          <input
            id="audit-actor"
            type="search"
            name="actor"
            defaultValue={query.actor}
            maxLength={254}
            autoComplete="off"
            className={selectClass}
          />
        </FilterField>
        <FilterField id="audit-from" label={t("audit.from")}>
          <input
            id="audit-from"
            type="date"
            name="from"
            defaultValue={query.from ?? ""}
            className={selectClass}
          />
        </FilterField>
        <FilterField id="audit-to" label={t("audit.to")}>
          <input
            id="audit-to"
            type="date"
            name="to"
            defaultValue={query.to ?? ""}
            className={selectClass}
          />
        </FilterField>
        <FilterActions
          filtered={filtered}
          clearTo="/admin/audit"
          className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-4"
        />
      </Form>

      <h2 id="audit-entries" className="sr-only">
        {t("audit.listLabel")}
      </h2>
      <p className="mt-4 text-sm text-muted" role="status">
        {t("audit.results", { count: total })}
      </p>
      {entries.length > 0 ? (
        <AuditEntryList entries={entries} labelledBy="audit-entries" />
      ) : (
        <p className="mt-2 rounded-lg border border-line bg-white p-4">{t("audit.none")}</p>
      )}
      <Pagination
        page={query.page}
        pageCount={pageCount}
        hrefFor={(page) => auditHref(query, { page })}
      />
    </div>
  );
}
