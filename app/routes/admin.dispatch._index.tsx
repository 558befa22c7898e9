import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireAdmin } from "~/accounts/permissions.server";
import { Badge, cardClass, checkboxClass, selectClass } from "~/admin/admin-ui";
import { formInput, recordId } from "~/admin/forms";
import { adminMeta, adminPageHeaders } from "~/admin/page";
import { FieldError, FormMessage, SubmitButton } from "~/components/ui/field";
import {
  buildConsignment,
  consignmentNumberParam,
  dayParam,
  dispatchBoard,
  dispatchTexts,
  middayOf,
  shiftDay,
  todayInWib,
} from "~/dispatch/dispatch.server";
import type { ConsignmentStatus } from "~/generated/prisma/enums";
import { formatDate, formatDateTime, formatTimeWindow } from "~/lib/dates";
import { fieldErrors, refusal, type FormRefusal } from "~/lib/forms";
import { formatPickupDay } from "~/pickup/pickup-days";
import { readForm } from "~/lib/form-body.server";

/** Messages after a consignment was dissolved on its own page and the admin came back here. */
const DONE = ["dissolved", "emptied"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireAdmin(request);
  const { locale, t } = await dispatchTexts(request);
  const params = new URL(request.url).searchParams;
  const today = todayInWib();
  const day = dayParam(params.get("day")) ?? today;
  const board = await dispatchBoard(actor, day);
  const done = DONE.find((d) => d === params.get("done")) ?? null;
  const doneNumber = consignmentNumberParam(params.get("number") ?? undefined);
  const when = (date: Date | null) => (date ? formatDateTime(date, locale) : null);
  const dayLabel = formatDate(middayOf(day), locale);
  return {
    title: t("metaTitle", { day: dayLabel }),
    day,
    dayLabel,
    today,
    previousDay: shiftDay(day, -1),
    nextDay: shiftDay(day, 1),
    done: done && doneNumber ? { kind: done, number: doneNumber } : null,
    rows: board.rows.map((row) => ({
      restArea: {
        id: row.restArea.id,
        name: row.restArea.name,
        kmLabel: row.restArea.kmLabel,
        segment: row.restArea.segment,
        direction: locale === "en" ? row.restArea.directionEn : row.restArea.directionId,
        transitDays: row.restArea.transitDays,
      },
      pickupDay: row.pickupDay,
      pickupDayLabel: formatPickupDay(row.pickupDay, locale),
      ready: row.ready.map((order) => ({
        id: order.id,
        number: order.number,
        buyer: order.buyerFirstName,
        pieces: order.pieces,
        window: formatTimeWindow(order.pickupStartMinute, order.pickupEndMinute, locale),
        paymentMethod: order.paymentMethod,
      })),
      packing: row.packing.map((order) => ({
        id: order.id,
        number: order.number,
        status: order.status,
        buyer: order.buyerFirstName,
        linesLeft: order.linesLeft,
        piecesLeft: order.piecesLeft,
        lines: order.lines,
        artisans: order.artisans,
      })),
      consignments: row.consignments.map((consignment) => ({
        number: consignment.number,
        status: consignment.status,
        parcels: consignment.parcels,
        pieces: consignment.pieces,
        dispatched: when(consignment.dispatchedAt),
        checkedIn: when(consignment.checkedInAt),
      })),
    })),
  };
}

export const headers = adminPageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => adminMeta(data?.title);

const buildForm = z.object({
  intent: z.literal("build", { message: "errors.badRequest" }),
  restAreaId: recordId,
  pickupDay: z.string().refine((value) => dayParam(value) !== null),
  orderIds: z.array(recordId).min(1, "errors.chooseOrders").max(500, "errors.badRequest"),
});

type BuildAnswer = FormRefusal & { restAreaId: string | null; orderIds: string[] };

/**
 * intent=build (restAreaId, pickupDay, orderIds…): a consignment from the ticked orders. Checked
 * again under the orders' locks; orders no longer ready refuse the whole build with a 409.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireAdmin(request);
  const { t, orderProblems } = await dispatchTexts(request);
  const form = await readForm(request);
  const orderIds = form.getAll("orderIds").filter((id) => typeof id === "string");
  const restAreaId = form.get("restAreaId");
  const refuse = (errors: FormRefusal["errors"], status: 400 | 409) =>
    data<BuildAnswer>(
      {
        ...refusal(form, errors),
        restAreaId: typeof restAreaId === "string" ? restAreaId : null,
        orderIds,
      },
      { status },
    );
  const parsed = buildForm.safeParse(formInput(form, ["orderIds"]));
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error, t);
    // Only the ticks are the admin's to fix; anything else was not typed by them.
    return refuse(
      errors.orderIds ? { orderIds: errors.orderIds } : { form: t("errors.badRequest") },
      400,
    );
  }
  const result = await buildConsignment(
    { actor, request, context },
    {
      restAreaId: parsed.data.restAreaId,
      pickupDay: parsed.data.pickupDay,
      orderIds: parsed.data.orderIds,
    },
  );
  if (result.ok) {
    const params = new URLSearchParams({ done: "built" });
    return redirect(`/admin/dispatch/${result.consignment.number}?${params}`);
  }
  if (result.reason === "no-rest-area") return refuse({ form: t("errors.noRestArea") }, 409);
  if (result.reason === "no-orders") return refuse({ orderIds: t("errors.chooseOrders") }, 400);
  return refuse({ form: t("errors.notReady", { orders: orderProblems(result.orders) }) }, 409);
}

type BoardRow = ReturnType<typeof useLoaderData<typeof loader>>["rows"][number];

const pillLink =
  "inline-flex min-h-11 items-center justify-center rounded-full border border-line bg-white px-4 hover:border-copper-700";

export default function DispatchBoard() {
  const { day, dayLabel, today, previousDay, nextDay, done, rows } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation("dispatch");
  // A refusal about one rest area's form is shown in that form; anything else at the top.
  const answeredRow = answer && rows.some((row) => row.restArea.id === answer.restAreaId);
  return (
    <div>
      <h1 className="font-serif text-3xl">{t("title")}</h1>
      <p className="mt-1 max-w-3xl text-muted">{t("intro")}</p>

      <nav aria-label={t("dayNav.label")} className={`${cardClass} mt-4`}>
        <div className="flex flex-wrap items-end gap-3">
          <Link to={`/admin/dispatch?day=${previousDay}`} rel="prev" className={pillLink}>
            <span aria-hidden>←&nbsp;</span>
            {t("dayNav.previous")}
          </Link>
          {day !== today ? (
            <Link to={`/admin/dispatch?day=${today}`} className={pillLink}>
              {t("dayNav.today")}
            </Link>
          ) : null}
          <Link to={`/admin/dispatch?day=${nextDay}`} rel="next" className={pillLink}>
            {t("dayNav.next")}
            <span aria-hidden>&nbsp;→</span>
          </Link>
          <Form method="get" action="/admin/dispatch" className="flex flex-wrap items-end gap-2">
            <div>
              <label htmlFor="dispatch-day" className="mb-1 block font-medium">
                {t("dayNav.dayLabel")}
              </label>
              <input
                id="dispatch-day"
                key={day}
                type="date"
                name="day"
                defaultValue={day}
                required
                className={selectClass}
              />
            </div>
            <button
              type="submit"
              className="min-h-11 rounded-full bg-ink px-5 font-medium text-paper hover:bg-copper-700"
            >
              {t("dayNav.show")}
            </button>
          </Form>
        </div>
      </nav>

      <h2 className="mt-6 font-serif text-2xl">{t("dayNav.showing", { day: dayLabel })}</h2>

      <div className="mt-3 grid gap-3 empty:hidden">
        {done ? (
          <FormMessage tone="success">
            {t(`done.${done.kind}`, { number: done.number })}
          </FormMessage>
        ) : null}
        {answer && !answeredRow && (answer.errors.form ?? answer.errors.orderIds) ? (
          <FormMessage>{answer.errors.form ?? answer.errors.orderIds}</FormMessage>
        ) : null}
      </div>

      {rows.length === 0 ? (
        <p className="mt-3 rounded-lg border border-line bg-white p-4">{t("empty")}</p>
      ) : (
        <div className="mt-3 grid gap-6">
          {rows.map((row) => (
            <RestAreaSection key={row.restArea.id} row={row} />
          ))}
        </div>
      )}
    </div>
  );
}

function RestAreaSection({ row }: { row: BoardRow }) {
  const { t } = useTranslation("dispatch");
  const headingId = `rest-area-${row.restArea.id}`;
  return (
    <section aria-labelledby={headingId} className={cardClass}>
      <h3 id={headingId} className="font-serif text-xl">
        {row.restArea.name}
      </h3>
      <p className="text-sm text-muted">
        {row.restArea.kmLabel} · {row.restArea.direction} · {row.restArea.segment}
      </p>
      <p className="mt-1 font-medium">
        {t("restArea.pickupDay", { day: row.pickupDayLabel })}{" "}
        <span className="font-normal text-muted">
          (
          {row.restArea.transitDays === 0
            ? t("restArea.sameDay")
            : t("restArea.transit", { count: row.restArea.transitDays })}
          )
        </span>
      </p>

      <ReadySection row={row} />
      {row.packing.length > 0 ? <PackingSection row={row} /> : null}
      {row.consignments.length > 0 ? <ConsignmentsSection row={row} /> : null}
    </section>
  );
}

function ReadySection({ row }: { row: BoardRow }) {
  const answer = useActionData<typeof action>();
  const { t } = useTranslation("dispatch");
  const refused = answer?.restAreaId === row.restArea.id ? answer : null;
  const id = `ready-${row.restArea.id}`;
  const errorId = `${id}-error`;
  const error = refused?.errors.orderIds;
  const ticked = (orderId: string) => (refused ? refused.orderIds.includes(orderId) : true);
  return (
    <section aria-labelledby={id} className="mt-4">
      <h4 id={id} className="font-semibold">
        {t("ready.heading")}{" "}
        <span className="font-normal text-muted">
          ({t("ready.count", { count: row.ready.length })})
        </span>
      </h4>
      {row.ready.length === 0 ? (
        <p className="mt-1 text-sm text-muted">{t("ready.none")}</p>
      ) : (
        // Keyed by the answer, so a refused form shows the ticks that were sent.
        <Form method="post" noValidate className="mt-2 grid gap-3" key={refused ? "sent" : "new"}>
          <input type="hidden" name="intent" value="build" />
          <input type="hidden" name="restAreaId" value={row.restArea.id} />
          <input type="hidden" name="pickupDay" value={row.pickupDay} />
          {refused?.errors.form ? <FormMessage>{refused.errors.form}</FormMessage> : null}
          <fieldset
            aria-describedby={[`${id}-hint`, error ? errorId : null].filter(Boolean).join(" ")}
          >
            <legend className="sr-only">{t("ready.legend")}</legend>
            <p id={`${id}-hint`} className="text-sm text-muted">
              {t("ready.hint")}
            </p>
            {error ? <FieldError id={errorId}>{error}</FieldError> : null}
            <ul className="mt-1 grid gap-1">
              {row.ready.map((order) => (
                <li key={order.id}>
                  <label className="flex min-h-11 items-center gap-3 rounded-lg px-1 hover:bg-linen">
                    <input
                      type="checkbox"
                      name="orderIds"
                      value={order.id}
                      defaultChecked={ticked(order.id)}
                      className={checkboxClass}
                    />
                    <span className="flex flex-wrap gap-x-3">
                      <span className="font-mono font-semibold">{order.number}</span>
                      <span>{order.buyer}</span>
                      <span className="text-muted">
                        {t("ready.pieces", { count: order.pieces })} ·{" "}
                        {t("ready.window", { window: order.window })}
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <SubmitButton
            name="intent"
            value="build"
            pendingText={t("ready.building")}
            className="justify-self-start"
          >
            {t("ready.build")}
          </SubmitButton>
        </Form>
      )}
    </section>
  );
}

function PackingSection({ row }: { row: BoardRow }) {
  const { t } = useTranslation("dispatch");
  const { t: admin } = useTranslation("admin");
  const id = `packing-${row.restArea.id}`;
  return (
    <section aria-labelledby={id} className="mt-4">
      <h4 id={id} className="font-semibold">
        {t("packing.heading")}{" "}
        <span className="font-normal text-muted">({row.packing.length})</span>
      </h4>
      <p className="text-sm text-muted">{t("packing.intro")}</p>
      <ul className="mt-2 grid gap-2">
        {row.packing.map((order) => (
          <li key={order.id} className="rounded-lg border border-line p-3">
            <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <Link
                to={`/admin/orders/${order.number}`}
                className="inline-flex min-h-11 items-center font-mono font-semibold underline-offset-4 hover:text-copper-700 hover:underline"
              >
                {order.number}
              </Link>
              <span>{order.buyer}</span>
              <Badge tone="warn">{admin(`orderStatus.${order.status}`)}</Badge>
            </p>
            <p className="text-sm">
              {order.linesLeft === 0
                ? t("packing.allPackedNotPreparing")
                : t("packing.left", {
                    lines: order.linesLeft,
                    total: order.lines,
                    pieces: order.piecesLeft,
                  })}
            </p>
            {order.artisans.length > 0 ? (
              <p className="text-sm text-muted">
                {t("packing.artisans")}{" "}
                {order.artisans.map((artisan, index) => (
                  <span key={artisan.id}>
                    {index > 0 ? ", " : null}
                    <Link
                      to={`/admin/artisans/${artisan.id}`}
                      className="underline underline-offset-4 hover:text-copper-700"
                    >
                      {artisan.name}
                    </Link>
                  </span>
                ))}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ConsignmentsSection({ row }: { row: BoardRow }) {
  const { t } = useTranslation("dispatch");
  const id = `consignments-${row.restArea.id}`;
  return (
    <section aria-labelledby={id} className="mt-4">
      <h4 id={id} className="font-semibold">
        {t("consignments.heading")}
      </h4>
      <ul className="mt-2 grid gap-2">
        {row.consignments.map((consignment) => (
          <li
            key={consignment.number}
            className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 rounded-lg border border-line p-3"
          >
            <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <Link
                to={`/admin/dispatch/${consignment.number}`}
                aria-label={t("consignments.open", { number: consignment.number })}
                className="inline-flex min-h-11 items-center font-mono font-semibold underline underline-offset-4 hover:text-copper-700"
              >
                {consignment.number}
              </Link>
              <ConsignmentBadge status={consignment.status} />
            </span>
            <span className="text-sm text-muted">
              {t("consignments.parcels", { count: consignment.parcels })} ·{" "}
              {t("consignments.pieces", { count: consignment.pieces })}
              {consignment.dispatched
                ? ` · ${t("consignments.dispatchedAt", { when: consignment.dispatched })}`
                : null}
              {consignment.checkedIn
                ? ` · ${t("consignments.checkedInAt", { when: consignment.checkedIn })}`
                : null}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ConsignmentBadge({ status }: { status: ConsignmentStatus }) {
  const { t } = useTranslation("dispatch");
  const tone = status === "PLANNED" ? "warn" : status === "IN_TRANSIT" ? "neutral" : "good";
  return <Badge tone={tone}>{t(`status.${status}`)}</Badge>;
}
