import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireAdmin } from "~/accounts/permissions.server";
import { Badge, cardClass, Pagination } from "~/admin/admin-ui";
import { formInput } from "~/admin/forms";
import { adminMeta, adminPageHeaders } from "~/admin/page";
import { FormMessage, SubmitButton } from "~/components/ui/field";
import { appConfig } from "~/config.server";
import type { NotificationStatus } from "~/generated/prisma/enums";
import { getLocale, i18next } from "~/i18n/i18next.server";
import { formatDateTime } from "~/lib/dates";
import { refusal, type FormRefusal } from "~/lib/forms";
import { NOTIFICATION_STATUSES } from "~/notifications/delivery-rules";
import type messages from "~/notifications/messages";
import {
  listOutbox,
  outboxCounts,
  parseOutboxQuery,
  retryDeadNotifications,
  retryForm,
  type OutboxQuery,
} from "~/notifications/outbox-admin.server";
import { readForm } from "~/lib/form-body.server";

type TemplateKey = keyof typeof messages.id.templates;

async function texts(request: Request) {
  const locale = await getLocale(request);
  const t = await i18next.getFixedT(locale, "notifications");
  return { locale, t };
}

/** The list's address with its filter changed; any change starts again on the first page. */
function outboxHref(query: OutboxQuery, changes: Partial<OutboxQuery> = {}): string {
  const next = { ...query, page: 1, ...changes };
  const params = new URLSearchParams();
  if (next.status) params.set("status", next.status);
  if (next.page > 1) params.set("page", String(next.page));
  const search = params.toString();
  return search ? `/admin/notifications?${search}` : "/admin/notifications";
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const { locale, t } = await texts(request);
  const url = new URL(request.url);
  const query = parseOutboxQuery(url.searchParams);
  const [counts, list] = await Promise.all([outboxCounts(), listOutbox(query)]);
  const done = Number.parseInt(url.searchParams.get("done") ?? "", 10);
  const when = (date: Date) => formatDateTime(date, locale);
  return {
    title: t("metaTitle"),
    maxAttempts: appConfig().notify.maxAttempts,
    query: { ...query, page: list.page },
    counts,
    countAll: Object.values(counts).reduce((sum, count) => sum + count, 0),
    total: list.total,
    pageCount: list.pageCount,
    done: Number.isInteger(done) && done > 0 ? done : null,
    rows: list.rows.map((row) => ({
      id: row.id,
      template: row.template,
      channel: row.channel,
      recipient: row.recipient,
      status: row.status,
      locale: row.locale,
      attempts: row.attempts,
      lastError: row.lastError,
      created: when(row.createdAt),
      nextAttempt: row.status === "PENDING" ? when(row.nextAttemptAt) : null,
      sent: row.sentAt ? when(row.sentAt) : null,
      orderNumber: row.orderNumber,
    })),
  };
}

export const headers = adminPageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => adminMeta(data?.title);

/**
 * intent=retry (id): one failed message is sent again; intent=retry-all: every failed one.
 * A message that is no longer failed (another admin was quicker) is a 409 and changes nothing.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireAdmin(request);
  const { t } = await texts(request);
  const form = await readForm(request);
  const parsed = retryForm.safeParse(formInput(form));
  if (!parsed.success) {
    return data<FormRefusal>(refusal(form, { form: t("errors.badRequest") }), { status: 400 });
  }
  const target = parsed.data.intent === "retry" ? { id: parsed.data.id } : "all";
  const result = await retryDeadNotifications({ actor, request, context }, target);
  if (!result.ok) {
    const message = target === "all" ? t("errors.noneDead") : t("errors.notDead");
    return data<FormRefusal>(refusal(form, { form: message }), { status: 409 });
  }
  const query = parseOutboxQuery(new URL(request.url).searchParams);
  const back = new URL(outboxHref(query), "http://localhost");
  back.searchParams.set("done", String(result.count));
  return redirect(`${back.pathname}${back.search}`);
}

function statusTone(status: NotificationStatus) {
  if (status === "DEAD") return "warn" as const;
  if (status === "SENT") return "good" as const;
  return "neutral" as const;
}

export default function AdminNotifications() {
  const { maxAttempts, query, counts, countAll, total, pageCount, done, rows } =
    useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, i18n } = useTranslation("notifications");
  const templateLabel = (template: string) =>
    i18n.exists(`notifications:templates.${template}`)
      ? t(`templates.${template as TemplateKey}`)
      : template;
  const countLink = (active: boolean) =>
    `inline-flex min-h-11 items-center gap-1.5 rounded-full border px-4 ${
      active ? "border-ink bg-ink text-paper" : "border-line bg-white hover:border-copper-700"
    }`;
  return (
    <div className="max-w-5xl">
      <h1 className="font-serif text-3xl">{t("title")}</h1>
      <p className="mt-1 max-w-prose text-muted">{t("intro", { max: maxAttempts })}</p>

      <div className="mt-4 grid gap-3 empty:hidden">
        {done ? <FormMessage tone="success">{t("done", { count: done })}</FormMessage> : null}
        {answer?.errors.form ? <FormMessage>{answer.errors.form}</FormMessage> : null}
      </div>

      <nav aria-label={t("countsLabel")} className="mt-4">
        <ul className="flex flex-wrap gap-2">
          <li>
            <Link
              to={outboxHref(query, { status: null })}
              aria-current={query.status === null ? "page" : undefined}
              className={countLink(query.status === null)}
            >
              {t("all")} <span className="font-semibold tabular-nums">{countAll}</span>
            </Link>
          </li>
          {NOTIFICATION_STATUSES.map((status) => (
            <li key={status}>
              <Link
                to={outboxHref(query, { status })}
                aria-current={query.status === status ? "page" : undefined}
                className={countLink(query.status === status)}
              >
                {t(`status.${status}`)}{" "}
                <span className="font-semibold tabular-nums">{counts[status]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {counts.DEAD > 0 ? (
        <section aria-labelledby="dead-heading" className={`${cardClass} mt-4 border-copper-500`}>
          <h2 id="dead-heading" className="font-serif text-xl">
            {t("deadHeading")}
          </h2>
          <p className="mt-1 max-w-prose">{t("deadIntro", { count: counts.DEAD })}</p>
          <Form method="post" className="mt-3">
            <input type="hidden" name="intent" value="retry-all" />
            <SubmitButton pendingText={t("retryAll", { count: counts.DEAD })}>
              {t("retryAll", { count: counts.DEAD })}
            </SubmitButton>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="outbox-list-heading" className="mt-4">
        <h2 id="outbox-list-heading" className="sr-only">
          {t("listLabel")}
        </h2>
        <p className="text-sm text-muted" role="status">
          {t("results", { count: total })}
        </p>
        {rows.length > 0 ? (
          <ul aria-labelledby="outbox-list-heading" className="mt-2 grid gap-2">
            {rows.map((row) => (
              <li key={row.id} className="rounded-lg border border-line bg-white p-3">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="font-semibold">
                    {templateLabel(row.template)}{" "}
                    <code className="font-mono text-xs font-normal text-muted">{row.template}</code>
                  </p>
                  <Badge tone={statusTone(row.status)}>{t(`status.${row.status}`)}</Badge>
                </div>
                <dl className="mt-1 grid gap-x-3 text-sm sm:grid-cols-[auto_1fr]">
                  <dt className="text-muted">{t("recipient")}</dt>
                  <dd>
                    {t(`channel.${row.channel as "EMAIL" | "WHATSAPP" | "LOG"}`)} ·{" "}
                    <span className="font-mono">{row.recipient}</span> ·{" "}
                    {row.locale === "en" || row.locale === "id"
                      ? t(`languages.${row.locale}`)
                      : row.locale}
                  </dd>
                  {row.orderNumber ? (
                    <>
                      <dt className="text-muted">{t("order")}</dt>
                      <dd>
                        <Link
                          to={`/admin/orders/${row.orderNumber}`}
                          className="inline-flex min-h-11 items-center font-mono underline underline-offset-4 hover:text-copper-700"
                        >
                          {row.orderNumber}
                        </Link>
                      </dd>
                    </>
                  ) : null}
                  <dt className="text-muted">{t("attempts")}</dt>
                  <dd className="tabular-nums">
                    {t("attemptsOf", { count: row.attempts, max: maxAttempts })}
                  </dd>
                  <dt className="text-muted">{t("created")}</dt>
                  <dd className="tabular-nums">{row.created}</dd>
                  {row.nextAttempt ? (
                    <>
                      <dt className="text-muted">{t("nextAttempt")}</dt>
                      <dd className="tabular-nums">{row.nextAttempt}</dd>
                    </>
                  ) : null}
                  {row.sent ? (
                    <>
                      <dt className="text-muted">{t("sent")}</dt>
                      <dd className="tabular-nums">{row.sent}</dd>
                    </>
                  ) : null}
                  {row.lastError ? (
                    <>
                      <dt className="text-muted">{t("lastError")}</dt>
                      <dd className="min-w-0 break-words">{row.lastError}</dd>
                    </>
                  ) : null}
                </dl>
                {row.status === "DEAD" ? (
                  <Form method="post" className="mt-2">
                    <input type="hidden" name="intent" value="retry" />
                    <input type="hidden" name="id" value={row.id} />
                    <button
                      type="submit"
                      aria-label={t("retryLabel", {
                        message: templateLabel(row.template),
                        recipient: row.recipient,
                      })}
                      className="min-h-11 rounded-full border border-ink bg-white px-5 font-medium text-ink hover:border-copper-700 hover:text-copper-700"
                    >
                      {t("retry")}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 rounded-lg border border-line bg-white p-4">
            {query.status ? t("none") : t("noneYet")}
          </p>
        )}
        <Pagination
          page={query.page}
          pageCount={pageCount}
          hrefFor={(page) => outboxHref(query, { page })}
        />
      </section>
    </div>
  );
}
