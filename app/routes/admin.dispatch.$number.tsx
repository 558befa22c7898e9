import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { notFound, requireAdmin } from "~/accounts/permissions.server";
import type { AdminCall } from "~/admin/admin-call.server";
import { Badge, cardClass, textLinkClass } from "~/admin/admin-ui";
import { recordId } from "~/admin/forms";
import { adminMeta, adminPageHeaders } from "~/admin/page";
import { FormMessage, SubmitButton } from "~/components/ui/field";
import {
  consignmentExists,
  consignmentManifest,
  consignmentNumberParam,
  dispatchTexts,
  dissolveConsignment,
  markInTransit,
  middayOf,
  removeFromConsignment,
} from "~/dispatch/dispatch.server";
import type { ConsignmentStatus } from "~/generated/prisma/enums";
import { formatDate, formatDateTime, formatTimeWindow } from "~/lib/dates";
import { refusal, type FormErrors, type FormRefusal } from "~/lib/forms";
import { readForm } from "~/lib/form-body.server";

/** What a successful change says, after the redirect back to the page. */
const DONE = ["built", "dispatched", "removed"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireAdmin(request);
  const number = consignmentNumberParam(params.number);
  if (!number) throw notFound();
  const manifest = await consignmentManifest(actor, number);
  if (!manifest) throw notFound();
  const { locale, t } = await dispatchTexts(request);
  const done = new URL(request.url).searchParams.get("done");
  const when = (date: Date | null) => (date ? formatDateTime(date, locale) : null);
  // Only what the manifest prints leaves the server: first names, the phone's last three digits.
  return {
    title: t("manifest.metaTitle", { number: manifest.number }),
    done: DONE.find((d) => d === done) ?? null,
    consignment: {
      number: manifest.number,
      status: manifest.status,
      restArea: {
        name: manifest.restArea.name,
        kmLabel: manifest.restArea.kmLabel,
        segment: manifest.restArea.segment,
        direction: locale === "en" ? manifest.restArea.directionEn : manifest.restArea.directionId,
      },
      pickupDay: formatDate(middayOf(manifest.pickupDay), locale),
      dispatchDay: manifest.dispatchDay,
      dispatchDayLabel: formatDate(middayOf(manifest.dispatchDay), locale),
      dispatched: when(manifest.dispatchedAt),
      checkedIn: when(manifest.checkedInAt),
      createdBy: manifest.createdBy?.name ?? null,
      created: when(manifest.createdAt),
      orders: manifest.orders.map((order) => ({
        id: order.id,
        number: order.number,
        status: order.status,
        buyer: order.buyerFirstName,
        phoneTail: order.phoneTail,
        parcels: order.parcels,
        pieces: order.pieces,
        window: formatTimeWindow(order.pickupStartMinute, order.pickupEndMinute, locale),
        problem: order.problem,
      })),
      totals: manifest.totals,
    },
  };
}

export const headers = adminPageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => adminMeta(data?.title);

type Intent = "dispatch" | "remove" | "dissolve";
const INTENTS: Intent[] = ["dispatch", "remove", "dissolve"];

type ManifestAnswer = FormRefusal & { intent: Intent | null };

/**
 * intent=dispatch (the van leaves), intent=remove (orderId) and intent=dissolve while the
 * consignment is planned. Each is checked again under the consignment's lock: a refusal there
 * is a 409 and changes nothing.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireAdmin(request);
  const number = consignmentNumberParam(params.number);
  if (!number || !(await consignmentExists(number))) throw notFound();
  const { locale, t, orderProblems } = await dispatchTexts(request);
  const form = await readForm(request);
  const intent = INTENTS.find((i) => i === form.get("intent")) ?? null;
  const refuse = (errors: FormErrors, status: 400 | 409) =>
    data<ManifestAnswer>({ ...refusal(form, errors), intent }, { status });
  if (!intent) return refuse({ form: t("errors.badRequest") }, 400);
  const call: AdminCall = { actor, request, context };
  const back = (done: (typeof DONE)[number]) => redirect(`/admin/dispatch/${number}?done=${done}`);
  const toBoard = (day: string, done: "dissolved" | "emptied") =>
    redirect(`/admin/dispatch?${new URLSearchParams({ day, done, number })}`);

  if (intent === "dispatch") {
    const result = await markInTransit(call, number);
    if (result.ok) return back("dispatched");
    if (result.reason === "not-found") throw notFound();
    if (result.reason === "not-planned") {
      const message =
        result.status === "CHECKED_IN" || !result.dispatchedAt
          ? t("errors.alreadyCheckedIn")
          : t("errors.alreadyDispatched", { when: formatDateTime(result.dispatchedAt, locale) });
      return refuse({ form: message }, 409);
    }
    if (result.reason === "empty") return refuse({ form: t("errors.empty") }, 409);
    return refuse(
      { form: t("errors.cannotTravel", { orders: orderProblems(result.orders) }) },
      409,
    );
  }

  if (intent === "remove") {
    const orderId = recordId.safeParse(form.get("orderId"));
    if (!orderId.success) return refuse({ form: t("errors.badRequest") }, 400);
    const result = await removeFromConsignment(call, { number, orderId: orderId.data });
    if (result.ok)
      return result.dissolved ? toBoard(result.dispatchDay, "emptied") : back("removed");
    if (result.reason === "not-found") throw notFound();
    const message =
      result.reason === "not-planned" ? t("errors.notPlanned") : t("errors.notInConsignment");
    return refuse({ form: message }, 409);
  }

  const result = await dissolveConsignment(call, number);
  if (result.ok) return toBoard(result.dispatchDay, "dissolved");
  if (result.reason === "not-found") throw notFound();
  return refuse({ form: t("errors.notPlanned") }, 409);
}

type LoadedConsignment = ReturnType<typeof useLoaderData<typeof loader>>["consignment"];

/**
 * On paper only the manifest is printed: the site's header and footer and the admin's menu hide
 * themselves when printing, and so does every control here.
 */
const printOnlyTheManifest = "print:max-w-none print:text-[10pt]";

export default function ConsignmentPage() {
  const { consignment, done } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation("dispatch");
  const planned = consignment.status === "PLANNED";
  const problems = consignment.orders.filter((order) => order.problem !== null);
  return (
    <div className={`max-w-4xl ${printOnlyTheManifest}`}>
      <div className="print:hidden">
        <Link
          to={`/admin/dispatch?day=${consignment.dispatchDay}`}
          className={`${textLinkClass} gap-1 text-sm`}
        >
          <span aria-hidden>←</span> {t("manifest.back")}
        </Link>
        <div className="mb-4 grid gap-3 empty:hidden">
          {done ? (
            <FormMessage tone="success">
              {t(`done.${done}`, { number: consignment.number })}
            </FormMessage>
          ) : null}
          {answer?.errors.form ? <FormMessage>{answer.errors.form}</FormMessage> : null}
        </div>
      </div>

      <Manifest consignment={consignment} />

      <div className="mt-6 grid gap-4 print:hidden">
        <div className="flex flex-wrap items-center gap-3">
          <PrintButton />
          <p className="text-sm text-muted">{t("manifest.printHint")}</p>
        </div>
        {planned && problems.length > 0 ? (
          <section
            aria-labelledby="manifest-problems"
            className="rounded-xl border-2 border-red-700 bg-red-50 p-4"
          >
            <h2 id="manifest-problems" className="font-serif text-xl text-red-800">
              {t("manifest.problemsHeading")}
            </h2>
            <p className="mt-1">{t("manifest.problemsText")}</p>
            <ul className="mt-2 list-disc pl-5">
              {problems.map((order) => (
                <li key={order.id}>
                  <span className="font-mono font-semibold">{order.number}</span>:{" "}
                  <ProblemText order={order} />
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {planned ? (
          <>
            <section aria-labelledby="manifest-dispatch" className={cardClass}>
              <h2 id="manifest-dispatch" className="font-serif text-xl">
                {t("manifest.dispatchHeading")}
              </h2>
              <p className="mt-1 text-sm">{t("manifest.dispatchText")}</p>
              <Form method="post" className="mt-3">
                <SubmitButton
                  name="intent"
                  value="dispatch"
                  pendingText={t("manifest.dispatching")}
                >
                  {t("manifest.dispatch")}
                </SubmitButton>
              </Form>
            </section>
            <section aria-labelledby="manifest-dissolve" className={cardClass}>
              <h2 id="manifest-dissolve" className="font-serif text-xl">
                {t("manifest.dissolveHeading")}
              </h2>
              <p className="mt-1 text-sm">{t("manifest.dissolveText")}</p>
              <Form method="post" className="mt-3">
                <SubmitButton
                  name="intent"
                  value="dissolve"
                  tone="danger"
                  pendingText={t("manifest.dissolving")}
                >
                  {t("manifest.dissolve")}
                </SubmitButton>
              </Form>
            </section>
          </>
        ) : (
          <p className="text-sm text-muted">{t("manifest.inTransitNote")}</p>
        )}
      </div>
    </div>
  );
}

function ProblemText({ order }: { order: LoadedConsignment["orders"][number] }) {
  const { t } = useTranslation("dispatch");
  const { t: admin } = useTranslation("admin");
  if (order.problem === "not-preparing") {
    return (
      <>{t("manifest.problem.not-preparing", { status: admin(`orderStatus.${order.status}`) })}</>
    );
  }
  if (order.problem === "not-packed") return <>{t("manifest.problem.not-packed")}</>;
  return null;
}

function ConsignmentBadge({ status }: { status: ConsignmentStatus }) {
  const { t } = useTranslation("dispatch");
  const tone = status === "PLANNED" ? "warn" : status === "IN_TRANSIT" ? "neutral" : "good";
  return <Badge tone={tone}>{t(`status.${status}`)}</Badge>;
}

const th = "px-3 py-2 font-semibold print:px-2 print:py-1";
const td = "px-3 py-2 print:px-2 print:py-1";

function Manifest({ consignment }: { consignment: LoadedConsignment }) {
  const { t } = useTranslation("dispatch");
  const planned = consignment.status === "PLANNED";
  return (
    <article
      aria-labelledby="manifest-heading"
      className="rounded-xl border border-line bg-white p-4 sm:p-6 print:rounded-none print:border-0 print:p-0"
    >
      <header className="flex flex-wrap items-start justify-between gap-3 border-b border-line pb-3 print:border-ink">
        <div>
          <p className="text-sm text-muted print:text-ink">{t("manifest.sender")}</p>
          <h1 id="manifest-heading" className="font-serif text-3xl print:text-2xl">
            {t("manifest.heading")}{" "}
            <span className="block font-mono text-2xl font-semibold break-all print:text-xl">
              {consignment.number}
            </span>
          </h1>
        </div>
        <ConsignmentBadge status={consignment.status} />
      </header>

      <dl className="mt-3 grid gap-x-6 gap-y-1 sm:grid-cols-2 print:grid-cols-2">
        <Fact label={t("manifest.restArea")}>
          <span className="font-semibold">{consignment.restArea.name}</span>
        </Fact>
        <Fact label={t("manifest.kmLabel")}>{consignment.restArea.kmLabel}</Fact>
        <Fact label={t("manifest.direction")}>{consignment.restArea.direction}</Fact>
        <Fact label={t("manifest.segment")}>{consignment.restArea.segment}</Fact>
        <Fact label={t("manifest.pickupDay")}>
          <span className="font-semibold">{consignment.pickupDay}</span>
        </Fact>
        {consignment.dispatched ? (
          <Fact label={t("manifest.dispatchedAt")}>{consignment.dispatched}</Fact>
        ) : (
          <Fact label={t("manifest.dispatchDay")}>
            {t("manifest.dispatchPlanned", { day: consignment.dispatchDayLabel })}
          </Fact>
        )}
        {consignment.checkedIn ? (
          <Fact label={t("manifest.checkedInAt")}>{consignment.checkedIn}</Fact>
        ) : null}
        {consignment.createdBy ? (
          <Fact label={t("manifest.createdBy")}>
            {consignment.createdBy}
            {consignment.created ? `, ${consignment.created}` : null}
          </Fact>
        ) : null}
      </dl>

      <section aria-labelledby="manifest-orders" className="mt-4">
        <h2 id="manifest-orders" className="font-serif text-xl">
          {t("manifest.ordersHeading")}
        </h2>
        <div
          role="region"
          aria-labelledby="manifest-orders"
          tabIndex={0}
          className="relative mt-2 overflow-x-auto rounded-lg border border-line print:overflow-visible print:rounded-none print:border-ink"
        >
          <table className="w-full text-left text-sm print:text-[10pt]">
            <thead className="bg-linen print:bg-transparent">
              <tr className="print:border-b print:border-ink">
                <th scope="col" className={`${th} text-right`}>
                  {t("manifest.columns.index")}
                </th>
                <th scope="col" className={th}>
                  {t("manifest.columns.number")}
                </th>
                <th scope="col" className={th}>
                  {t("manifest.columns.buyer")}
                </th>
                <th scope="col" className={th}>
                  {t("manifest.columns.phone")}
                </th>
                <th scope="col" className={th}>
                  {t("manifest.columns.window")}
                </th>
                <th scope="col" className={`${th} text-right`}>
                  {t("manifest.columns.pieces")}
                </th>
                <th scope="col" className={`${th} text-right`}>
                  {t("manifest.columns.parcels")}
                </th>
                <th scope="col" className={`${th} hidden print:table-cell`}>
                  {t("manifest.columns.received")}
                </th>
                {planned ? (
                  <th scope="col" className={`${th} print:hidden`}>
                    {t("manifest.columns.actions")}
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {consignment.orders.map((order, index) => (
                <tr
                  key={order.id}
                  className={`border-t border-line align-top break-inside-avoid print:border-ink ${
                    order.problem ? "bg-red-50" : ""
                  }`}
                >
                  <td className={`${td} text-right tabular-nums`}>{index + 1}</td>
                  <th scope="row" className={`${td} font-normal`}>
                    <span className="font-mono font-semibold whitespace-nowrap">
                      {order.number}
                    </span>
                    {order.problem ? (
                      <span className="block text-xs font-medium text-red-800 print:hidden">
                        <ProblemText order={order} />
                      </span>
                    ) : null}
                  </th>
                  <td className={td}>{order.buyer}</td>
                  <td className={`${td} whitespace-nowrap tabular-nums`}>
                    <span aria-hidden>{t("manifest.phoneTail", { digits: order.phoneTail })}</span>
                    <span className="sr-only">
                      {t("manifest.phoneTailLabel", { digits: order.phoneTail })}
                    </span>
                  </td>
                  <td className={`${td} whitespace-nowrap tabular-nums`}>{order.window}</td>
                  <td className={`${td} text-right tabular-nums`}>{order.pieces}</td>
                  <td className={`${td} text-right tabular-nums`}>{order.parcels}</td>
                  <td className={`${td} hidden print:table-cell`}>
                    <span className="inline-block size-4 border border-ink" aria-hidden />
                  </td>
                  {planned ? (
                    <td className={`${td} print:hidden`}>
                      <Form method="post">
                        <input type="hidden" name="orderId" value={order.id} />
                        <SubmitButton
                          name="intent"
                          value="remove"
                          tone="secondary"
                          pendingText={t("manifest.removing")}
                          className="whitespace-nowrap"
                        >
                          <span aria-hidden>{t("manifest.remove")}</span>
                          <span className="sr-only">
                            {t("manifest.removeLabel", { number: order.number })}
                          </span>
                        </SubmitButton>
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="border-t-2 border-ink">
                <th scope="row" colSpan={5} className={`${td} text-right`}>
                  {t("manifest.total")}
                </th>
                <td className={`${td} text-right font-semibold tabular-nums`}>
                  <span aria-hidden>{consignment.totals.pieces}</span>
                  <span className="sr-only">
                    {t("manifest.totalPieces", { count: consignment.totals.pieces })}
                  </span>
                </td>
                <td className={`${td} text-right font-semibold tabular-nums`}>
                  <span aria-hidden>{consignment.totals.parcels}</span>
                  <span className="sr-only">
                    {t("manifest.totalParcels", { count: consignment.totals.parcels })}
                  </span>
                </td>
                <td className="hidden print:table-cell" />
                {planned ? <td className="print:hidden" /> : null}
              </tr>
            </tfoot>
          </table>
        </div>
        <p className="mt-2 text-sm font-semibold">
          {t("manifest.totalParcels", { count: consignment.totals.parcels })} ·{" "}
          {t("manifest.totalPieces", { count: consignment.totals.pieces })}
        </p>
        <p className="mt-1 text-xs text-muted print:text-ink">{t("manifest.privacy")}</p>
      </section>

      <section aria-labelledby="manifest-signatures" className="mt-6 break-inside-avoid">
        <h2 id="manifest-signatures" className="font-serif text-xl">
          {t("manifest.signatures")}
        </h2>
        <div className="mt-3 grid gap-6 sm:grid-cols-2 print:grid-cols-2">
          <SignatureBox title={t("manifest.sentBy")} />
          <SignatureBox title={t("manifest.receivedBy")} />
        </div>
      </section>
    </article>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-wrap gap-x-2">
      <dt className="text-muted print:text-ink">{label}:</dt>
      <dd>{children}</dd>
    </div>
  );
}

function SignatureBox({ title }: { title: string }) {
  const { t } = useTranslation("dispatch");
  return (
    <div className="rounded-lg border border-line p-3 print:rounded-none print:border-ink">
      <p className="font-semibold">{title}</p>
      <p className="mt-10 border-t border-ink pt-1 text-xs text-muted print:text-ink">
        {t("manifest.signName")}
      </p>
      <p className="mt-8 border-t border-ink pt-1 text-xs text-muted print:text-ink">
        {t("manifest.signWhen")}
      </p>
    </div>
  );
}

/** Printing needs the browser's print dialog, which only a script can open: without one, the
 * browser's own menu prints the page the same way. */
function PrintButton() {
  const { t } = useTranslation("dispatch");
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(typeof window.print === "function"), []);
  if (!canPrint) return null;
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="min-h-11 rounded-full bg-ink px-5 font-medium text-paper hover:bg-copper-700"
    >
      {t("manifest.print")}
    </button>
  );
}
