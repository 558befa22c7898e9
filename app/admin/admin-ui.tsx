import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FieldError } from "~/components/ui/field";
import type { Region } from "~/generated/prisma/enums";
import type messages from "./messages";

/** Pieces shared by the admin pages. */

export const cardClass = "rounded-xl border border-line bg-white p-4";
export const selectClass =
  "min-h-11 w-full rounded-lg border border-line bg-white px-3 text-base aria-[invalid=true]:border-red-700";
export const textLinkClass =
  "inline-flex min-h-11 items-center underline underline-offset-4 hover:text-copper-700";
export const checkboxClass = "size-5 shrink-0 accent-copper-600";

/** A short word about a state, in text (never colour alone). */
export function Badge({
  children,
  tone = "neutral",
}: {
  children: ReactNode;
  tone?: "neutral" | "good" | "warn" | "off";
}) {
  const tones = {
    neutral: "border-line bg-linen text-ink",
    good: "border-emerald-700 bg-emerald-50 text-emerald-900",
    warn: "border-copper-500 bg-copper-50 text-copper-700",
    off: "border-silver-300 bg-silver-100 text-silver-600",
  };
  return (
    <span
      className={`inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium ${tones[tone]}`}
    >
      {children}
    </span>
  );
}

/** One labelled control of a list page's filter form. */
export function FilterField({
  id,
  label,
  className,
  children,
}: {
  id: string;
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}

/** A filter form's buttons: apply, and (once something is filtered) back to the whole list. */
export function FilterActions({
  filtered,
  clearTo,
  className = "flex flex-wrap items-end gap-3",
}: {
  filtered: boolean;
  clearTo: string;
  className?: string;
}) {
  const { t } = useTranslation("admin");
  return (
    <div className={className}>
      <button
        type="submit"
        className="min-h-11 rounded-full bg-ink px-5 font-medium text-paper hover:bg-copper-700"
      >
        {t("common.filter")}
      </button>
      {filtered ? (
        <Link
          to={clearTo}
          className="inline-flex min-h-11 items-center underline underline-offset-4"
        >
          {t("common.clearFilters")}
        </Link>
      ) : null}
    </div>
  );
}

export function Pagination({
  page,
  pageCount,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) {
  const { t } = useTranslation("admin");
  if (pageCount <= 1) return null;
  const link =
    "inline-flex min-h-11 items-center justify-center rounded-full border border-line bg-white px-4 hover:border-copper-700";
  return (
    <nav
      aria-label={t("common.pagination")}
      className="mt-6 flex flex-wrap items-center justify-center gap-3"
    >
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} rel="prev" className={link}>
          {t("common.previous")}
        </Link>
      ) : null}
      <span aria-current="page">{t("common.pageOf", { page, pageCount })}</span>
      {page < pageCount ? (
        <Link to={hrefFor(page + 1)} rel="next" className={link}>
          {t("common.next")}
        </Link>
      ) : null}
    </nav>
  );
}

type ActionKey = keyof typeof messages.id.actions;

/** "admin.user_invited" → "Pengguna diundang"; an action without a text shows as it is. */
export function useAuditActionLabel(): (action: string) => string {
  const { t, i18n } = useTranslation("admin");
  return (action) => {
    const key = action.replace(".", "_") as ActionKey;
    return i18n.exists(`admin:actions.${key}`) ? t(`actions.${key}`) : action;
  };
}

export type AuditEntryItem = {
  id: string;
  when: string;
  action: string;
  entityType: string;
  entityId: string | null;
  entityName: string | null;
  entityHref: string | null;
  actor: { id: string; name: string; email: string | null } | null;
  ip: string | null;
  userAgent: string | null;
  userAgentShort: string | null;
  details: string | null;
};

/** Audit entries, newest first, readable on a phone: one card per entry. */
const entityTypes = {
  User: true,
  Artisan: true,
  RestArea: true,
  Order: true,
  Cooperative: true,
  Consignment: true,
} as const;

export function AuditEntryList({
  entries,
  labelledBy,
}: {
  entries: AuditEntryItem[];
  labelledBy: string;
}) {
  const { t } = useTranslation("admin");
  const actionLabel = useAuditActionLabel();
  const entityTypeLabel = (type: string) =>
    type in entityTypes ? t(`entityTypes.${type as keyof typeof entityTypes}`) : type;
  return (
    <ol aria-labelledby={labelledBy} className="mt-3 grid gap-2">
      {entries.map((entry) => (
        <li key={entry.id} className="rounded-lg border border-line bg-white p-3 text-sm">
          <div className="flex flex-wrap items-baseline justify-between gap-x-3">
            <p className="font-semibold">
              {actionLabel(entry.action)}{" "}
              <code className="font-mono text-xs font-normal text-muted">{entry.action}</code>
            </p>
            <p className="text-muted tabular-nums">{entry.when}</p>
          </div>
          <dl className="mt-1 grid gap-x-3 sm:grid-cols-[auto_1fr]">
            <dt className="text-muted">{t("audit.who")}</dt>
            <dd className="min-w-0 break-words">
              {entry.actor ? (
                <Link
                  to={`/admin/users/${entry.actor.id}`}
                  className="underline underline-offset-4 hover:text-copper-700"
                >
                  {entry.actor.name}
                  {entry.actor.email ? ` (${entry.actor.email})` : ""}
                </Link>
              ) : (
                t("common.none")
              )}
            </dd>
            <dt className="text-muted">{t("audit.entity")}</dt>
            <dd className="min-w-0 break-words">
              {entityTypeLabel(entry.entityType)}
              {entry.entityName ? ": " : null}
              {entry.entityHref ? (
                <Link
                  to={entry.entityHref}
                  className="underline underline-offset-4 hover:text-copper-700"
                >
                  {entry.entityName}
                </Link>
              ) : (
                entry.entityName
              )}
              {entry.entityName === null && entry.entityId ? (
                <code className="ml-1 font-mono text-xs break-all">{entry.entityId}</code>
              ) : null}
            </dd>
            <dt className="text-muted">{t("audit.where")}</dt>
            <dd className="min-w-0 break-words">
              {entry.ip ?? t("common.none")}
              {entry.userAgentShort ? (
                <span title={entry.userAgent ?? undefined} className="text-muted">
                  {" · "}
                  {entry.userAgentShort}
                </span>
              ) : null}
            </dd>
            {entry.details ? (
              <>
                <dt className="text-muted">{t("audit.details")}</dt>
                <dd className="min-w-0">
                  <code className="font-mono text-xs break-all">{entry.details}</code>
                </dd>
              </>
            ) : null}
          </dl>
        </li>
      ))}
    </ol>
  );
}

export type RestAreaGroup = {
  region: Region;
  restAreas: { id: string; name: string; segment: string; active: boolean }[];
};

/** Checkboxes for choosing an operator's rest areas, grouped by region. */
export function RestAreaPicker({
  groups,
  checked,
  legend,
  hint,
  error,
  idPrefix,
}: {
  groups: RestAreaGroup[];
  checked: readonly string[];
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  idPrefix: string;
}) {
  const { t } = useTranslation("admin");
  const errorId = `${idPrefix}-rest-areas-error`;
  const hintId = `${idPrefix}-rest-areas-hint`;
  return (
    <fieldset
      aria-describedby={[hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ")}
    >
      <legend className="font-medium">{legend}</legend>
      {hint ? (
        <p id={hintId} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {error ? <FieldError id={errorId}>{error}</FieldError> : null}
      <div className="mt-2 grid gap-3 sm:grid-cols-2">
        {groups.map((group) => (
          <fieldset key={group.region} className="rounded-lg border border-line p-3">
            <legend className="px-1 text-sm font-semibold text-copper-700">
              {t(`region.${group.region}`, { ns: "common" })}
            </legend>
            {group.restAreas.map((restArea) => (
              <label key={restArea.id} className="flex min-h-11 items-center gap-3">
                <input
                  type="checkbox"
                  name="restAreaIds"
                  value={restArea.id}
                  defaultChecked={checked.includes(restArea.id)}
                  className={checkboxClass}
                />
                <span>
                  {restArea.name}
                  <span className="block text-xs text-muted">
                    {restArea.segment}
                    {restArea.active ? "" : ` · ${t("common.inactive")}`}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
        ))}
      </div>
    </fieldset>
  );
}
