import { idParamOrNotFound } from "~/admin/admin-call.server";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound, requireAdmin } from "~/accounts/permissions.server";
import type { AdminCall } from "~/admin/admin-call.server";
import { Badge, cardClass, checkboxClass, textLinkClass } from "~/admin/admin-ui";
import {
  formInput,
  ISO_WEEKDAYS,
  MAX_WINDOW_CAPACITY,
  pickupWindowForm,
  recordId,
  restAreaForm,
} from "~/admin/forms";
import { adminMeta, adminPageHeaders } from "~/admin/page";
import {
  addPickupWindow,
  restAreaExists,
  restAreaForAdmin,
  setPickupWindowActive,
  updatePickupWindow,
  updateRestArea,
  type WindowChange,
} from "~/admin/rest-areas.server";
import { adminTexts } from "~/admin/texts.server";
import { timeOfDayValue } from "~/admin/time-of-day";
import { Field, FieldError, FormMessage, SubmitButton } from "~/components/ui/field";
import { formatMinuteOfDay } from "~/lib/dates";
import { refusal, type FormErrors, type FormRefusal } from "~/lib/forms";
import { weekdayName } from "~/pickup/pickup-days";
import { readForm } from "~/lib/form-body.server";

/** What a successful change says, after the redirect back to the page. */
const DONE = {
  saved: "done.restAreaSaved",
  unchanged: "common.nothingChanged",
  windowAdded: "done.windowAdded",
  windowSaved: "done.windowSaved",
  windowDeactivated: "done.windowDeactivated",
  windowActivated: "done.windowActivated",
} as const;
type Done = keyof typeof DONE;

function doneOf(value: string | null): Done | null {
  return value !== null && Object.hasOwn(DONE, value) ? (value as Done) : null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const id = idParamOrNotFound(params.id);
  const { locale, t } = await adminTexts(request);
  const restArea = await restAreaForAdmin(id, locale);
  if (!restArea) throw notFound();
  const clock = (minute: number) => formatMinuteOfDay(minute, locale);
  return {
    title: t("restArea.metaTitle", { name: restArea.name }),
    done: doneOf(new URL(request.url).searchParams.get("done")),
    publicPath: restArea.active ? `/pickup-points/${restArea.slug}` : null,
    weekdays: ISO_WEEKDAYS.map((day) => ({ day, name: weekdayName(day, locale) })),
    restArea: {
      ...restArea,
      opensAt: timeOfDayValue(restArea.opensAtMinute),
      closesAt: timeOfDayValue(restArea.closesAtMinute),
      windows: restArea.windows.map((window) => ({
        ...window,
        start: timeOfDayValue(window.startMinute),
        end: timeOfDayValue(window.endMinute),
        label: t("restArea.window", {
          start: clock(window.startMinute),
          end: clock(window.endMinute),
        }),
      })),
    },
  };
}

export const headers = adminPageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => adminMeta(data?.title);

type Intent = "update" | "add-window" | "update-window" | "deactivate-window" | "activate-window";
const INTENTS: Intent[] = [
  "update",
  "add-window",
  "update-window",
  "deactivate-window",
  "activate-window",
];

type RestAreaAnswer = FormRefusal & {
  intent: Intent | null;
  windowId: string | null;
  openWeekdays: string[];
};

/**
 * intent=update (opensAt, closesAt, openWeekdays, holdDays, transitDays, active),
 * add-window (start, end, capacity), update-window (windowId, start, end, capacity),
 * deactivate-window and activate-window (windowId).
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireAdmin(request);
  const id = idParamOrNotFound(params.id);
  const { locale, text, errorsOf } = await adminTexts(request);
  if (!(await restAreaExists(id))) throw notFound();
  const form = await readForm(request);
  const intent = INTENTS.find((i) => i === form.get("intent")) ?? null;
  const windowIdInput = recordId.safeParse(form.get("windowId"));
  const windowId = windowIdInput.success ? windowIdInput.data : null;
  const call: AdminCall = { actor, request, context };
  const clock = (minute: number) => formatMinuteOfDay(minute, locale);
  const refuse = (errors: FormErrors) =>
    data<RestAreaAnswer>(
      {
        ...refusal(form, errors),
        intent,
        windowId,
        openWeekdays: form.getAll("openWeekdays").filter((value) => typeof value === "string"),
      },
      { status: 400 },
    );
  const back = (done: Done) => redirect(`/admin/rest-areas/${id}?done=${done}`);
  const windowAnswer = (result: WindowChange, done: Done) => {
    if (result.ok) return back(done);
    switch (result.problem) {
      case "not-found":
        return refuse({ form: text("errors.windowNotFound") });
      case "outside-hours":
        return refuse({
          start: text("errors.windowOutsideHours", {
            opens: clock(result.opensAtMinute),
            closes: clock(result.closesAtMinute),
          }),
        });
      case "overlaps":
        return refuse({
          start: text("errors.windowOverlaps", {
            start: clock(result.window.startMinute),
            end: clock(result.window.endMinute),
          }),
        });
      case "start-taken":
        return refuse({ start: text("errors.windowStartTaken") });
      case "times-booked":
        return refuse({ start: text("errors.windowTimesBooked", { count: result.bookings }) });
      case "below-booked":
        return refuse({ capacity: text("errors.windowBelowBooked", { count: result.busiestDay }) });
    }
  };

  switch (intent) {
    case "update": {
      const parsed = restAreaForm.safeParse(formInput(form, ["openWeekdays"]));
      if (!parsed.success) return refuse(errorsOf(parsed.error));
      const result = await updateRestArea(call, id, parsed.data);
      if (result.ok) return back(result.changed.length > 0 ? "saved" : "unchanged");
      if (result.problem === "not-found") throw notFound();
      const windows = result.windows
        .map((window) => `${clock(window.startMinute)}–${clock(window.endMinute)}`)
        .join(", ");
      return refuse({ form: text("errors.windowsOutsideHours", { windows }) });
    }
    case "add-window": {
      const parsed = pickupWindowForm.safeParse(formInput(form));
      if (!parsed.success) return refuse(errorsOf(parsed.error));
      return windowAnswer(await addPickupWindow(call, id, parsed.data), "windowAdded");
    }
    case "update-window": {
      if (!windowId) return refuse({ form: text("errors.windowNotFound") });
      const parsed = pickupWindowForm.safeParse(formInput(form));
      if (!parsed.success) return refuse(errorsOf(parsed.error));
      return windowAnswer(await updatePickupWindow(call, id, windowId, parsed.data), "windowSaved");
    }
    case "deactivate-window":
    case "activate-window": {
      if (!windowId) return refuse({ form: text("errors.windowNotFound") });
      const active = intent === "activate-window";
      return windowAnswer(
        await setPickupWindowActive(call, id, windowId, active),
        active ? "windowActivated" : "windowDeactivated",
      );
    }
    default:
      return refuse({ form: text("errors.badRequest") });
  }
}

export default function AdminRestArea() {
  const { restArea, done, publicPath } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  const topMessage = answer && answer.intent === null ? answer.errors.form : null;
  return (
    <div className="max-w-3xl">
      <Link to="/admin/rest-areas" className={`${textLinkClass} gap-1 text-sm`}>
        <span aria-hidden>←</span> {t("restArea.back")}
      </Link>
      <p className="text-sm font-semibold text-copper-700">
        {t(`region.${restArea.region}`, { ns: "common" })}
      </p>
      <h1 className="font-serif text-3xl">{restArea.name}</h1>
      <p className="mt-1 text-muted">
        {restArea.segment} · {restArea.direction}
      </p>
      <p className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1">
        <Badge tone={restArea.active ? "good" : "off"}>
          {restArea.active ? t("restAreas.active") : t("restAreas.inactive")}
        </Badge>
        {publicPath ? (
          <Link to={publicPath} className={`${textLinkClass} text-sm`}>
            {t("restArea.publicPage")}
          </Link>
        ) : null}
      </p>
      <p className="mt-1 text-sm">
        <span className="text-muted">{t("restArea.operators")}: </span>
        {restArea.operators.length > 0
          ? restArea.operators.map((operator, index) => (
              <span key={operator.id}>
                {index > 0 ? ", " : null}
                <Link
                  to={`/admin/users/${operator.id}`}
                  className="underline underline-offset-4 hover:text-copper-700"
                >
                  {operator.name}
                </Link>
              </span>
            ))
          : t("restArea.noOperators")}
      </p>

      <div className="mt-4 grid gap-3 empty:hidden">
        {done ? <FormMessage tone="success">{t(DONE[done])}</FormMessage> : null}
        {topMessage ? <FormMessage>{topMessage}</FormMessage> : null}
      </div>

      <RulesSection />
      <WindowsSection />
    </div>
  );
}

/** The refusal of the form with this intent (and window), if the last answer was one. */
function useRefusal(intent: Intent, windowId: string | null = null) {
  const answer = useActionData<typeof action>();
  return answer && answer.intent === intent && answer.windowId === windowId ? answer : null;
}

function RulesSection() {
  const { restArea, weekdays } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const refused = useRefusal("update");
  const values = refused?.values;
  const errors = refused?.errors ?? {};
  const openWeekdays = refused
    ? refused.openWeekdays
    : restArea.openWeekdays.map((day) => String(day));
  return (
    <section aria-labelledby="rest-area-rules" className={`${cardClass} mt-4`}>
      <h2 id="rest-area-rules" className="font-serif text-xl">
        {t("restArea.rulesTitle")}
      </h2>
      <Form method="post" noValidate className="mt-3 grid gap-4">
        {errors.form ? <FormMessage>{errors.form}</FormMessage> : null}
        <div className="grid grid-cols-2 gap-3">
          <Field
            name="opensAt"
            type="time"
            step={60}
            label={t("restArea.opensAt")}
            defaultValue={values ? values.opensAt : restArea.opensAt}
            error={errors.opensAt}
            required
          />
          <Field
            name="closesAt"
            type="time"
            step={60}
            label={t("restArea.closesAt")}
            defaultValue={values ? values.closesAt : restArea.closesAt}
            error={errors.closesAt}
            required
          />
        </div>
        <fieldset aria-describedby={errors.openWeekdays ? "rest-area-weekdays-error" : undefined}>
          <legend className="font-medium">{t("restArea.weekdays")}</legend>
          <div className="grid grid-cols-2 gap-x-4 sm:grid-cols-4">
            {weekdays.map(({ day, name }) => (
              <label key={day} className="flex min-h-11 items-center gap-2">
                <input
                  type="checkbox"
                  name="openWeekdays"
                  value={day}
                  defaultChecked={openWeekdays.includes(String(day))}
                  className={checkboxClass}
                />
                {name}
              </label>
            ))}
          </div>
          {errors.openWeekdays ? (
            <FieldError id="rest-area-weekdays-error">{errors.openWeekdays}</FieldError>
          ) : null}
        </fieldset>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field
            name="holdDays"
            type="number"
            inputMode="numeric"
            min={1}
            max={14}
            step={1}
            label={t("restArea.holdDays")}
            hint={t("restArea.holdDaysHint")}
            defaultValue={values ? values.holdDays : restArea.holdDays}
            error={errors.holdDays}
            required
          />
          <Field
            name="transitDays"
            type="number"
            inputMode="numeric"
            min={0}
            max={7}
            step={1}
            label={t("restArea.transitDays")}
            hint={t("restArea.transitDaysHint")}
            defaultValue={values ? values.transitDays : restArea.transitDays}
            error={errors.transitDays}
            required
          />
        </div>
        <label className="flex min-h-11 items-center gap-3">
          <input
            type="checkbox"
            name="active"
            defaultChecked={values ? values.active === "on" : restArea.active}
            className={checkboxClass}
          />
          {t("restArea.active")}
        </label>
        <SubmitButton
          name="intent"
          value="update"
          pendingText={t("common.saving")}
          className="justify-self-start"
        >
          {t("restArea.save")}
        </SubmitButton>
      </Form>
    </section>
  );
}

function WindowsSection() {
  const { restArea } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  return (
    <section aria-labelledby="rest-area-windows" className="mt-6">
      <h2 id="rest-area-windows" className="font-serif text-2xl">
        {t("restArea.windowsTitle")}
      </h2>
      <p className="mt-1 text-sm text-muted">{t("restArea.windowsIntro")}</p>
      {restArea.windows.length > 0 ? (
        <ul aria-labelledby="rest-area-windows" className="mt-3 grid gap-3">
          {restArea.windows.map((window) => (
            <PickupWindowItem key={window.id} window={window} />
          ))}
        </ul>
      ) : (
        <p className="mt-3 rounded-lg border border-line bg-white p-4">{t("restArea.noWindows")}</p>
      )}
      <AddWindow />
    </section>
  );
}

type LoadedWindow = ReturnType<typeof useLoaderData<typeof loader>>["restArea"]["windows"][number];

function WindowFields({
  idPrefix,
  values,
  errors,
}: {
  idPrefix: string;
  values: { start: string; end: string; capacity: string | number };
  errors: FormErrors;
}) {
  const { t } = useTranslation("admin");
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
      <Field
        id={`${idPrefix}-start`}
        name="start"
        type="time"
        step={60}
        label={t("restArea.start")}
        defaultValue={values.start}
        error={errors.start}
        required
      />
      <Field
        id={`${idPrefix}-end`}
        name="end"
        type="time"
        step={60}
        label={t("restArea.end")}
        defaultValue={values.end}
        error={errors.end}
        required
      />
      <Field
        id={`${idPrefix}-capacity`}
        name="capacity"
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_WINDOW_CAPACITY}
        step={1}
        label={t("restArea.capacity")}
        defaultValue={values.capacity}
        error={errors.capacity}
        required
        className="col-span-2 sm:col-span-1"
      />
    </div>
  );
}

function PickupWindowItem({ window }: { window: LoadedWindow }) {
  const { t } = useTranslation("admin");
  const refusedEdit = useRefusal("update-window", window.id);
  const refusedDeactivate = useRefusal("deactivate-window", window.id);
  const refusedActivate = useRefusal("activate-window", window.id);
  const refusedToggle = refusedDeactivate ?? refusedActivate;
  const errors = refusedEdit?.errors ?? {};
  const headingId = `window-${window.id}`;
  return (
    <li className="rounded-xl border border-line bg-white p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="font-semibold tabular-nums">
          {window.label}
        </h3>
        <span className="flex flex-wrap gap-1">
          <Badge>{t("restArea.capacityShort", { count: window.capacity })}</Badge>
          {window.active ? null : <Badge tone="off">{t("common.inactive")}</Badge>}
        </span>
      </div>
      {window.upcomingBookings > 0 ? (
        <p className="mt-1 text-sm">
          {t("restArea.upcoming", {
            count: window.upcomingBookings,
            busiest: window.busiestDayBookings,
          })}
        </p>
      ) : null}
      {window.active ? null : <p className="mt-1 text-sm">{t("restArea.windowInactive")}</p>}
      <Form method="post" noValidate className="mt-3 grid gap-3">
        <input type="hidden" name="windowId" value={window.id} />
        {errors.form ? <FormMessage>{errors.form}</FormMessage> : null}
        <WindowFields
          idPrefix={`window-${window.id}`}
          values={
            refusedEdit
              ? {
                  start: refusedEdit.values.start ?? "",
                  end: refusedEdit.values.end ?? "",
                  capacity: refusedEdit.values.capacity ?? "",
                }
              : window
          }
          errors={errors}
        />
        <SubmitButton
          name="intent"
          value="update-window"
          tone="secondary"
          pendingText={t("common.saving")}
          className="justify-self-start"
        >
          {t("restArea.saveWindow")}
          <span className="sr-only"> {window.label}</span>
        </SubmitButton>
      </Form>
      <Form method="post" className="mt-3 border-t border-line pt-3">
        <input type="hidden" name="windowId" value={window.id} />
        {refusedToggle?.errors ? (
          <div className="mb-2">
            <FormMessage>
              {refusedToggle.errors.form ??
                refusedToggle.errors.start ??
                refusedToggle.errors.capacity}
            </FormMessage>
          </div>
        ) : null}
        {window.active ? (
          <SubmitButton
            name="intent"
            value="deactivate-window"
            tone="danger"
            pendingText={t("common.saving")}
          >
            {t("restArea.deactivateWindow")}
            <span className="sr-only"> {window.label}</span>
          </SubmitButton>
        ) : (
          <SubmitButton
            name="intent"
            value="activate-window"
            tone="secondary"
            pendingText={t("common.saving")}
          >
            {t("restArea.activateWindow")}
            <span className="sr-only"> {window.label}</span>
          </SubmitButton>
        )}
      </Form>
    </li>
  );
}

function AddWindow() {
  const { t } = useTranslation("admin");
  const refused = useRefusal("add-window");
  const errors = refused?.errors ?? {};
  return (
    <section aria-labelledby="add-window" className={`${cardClass} mt-4`}>
      <h3 id="add-window" className="font-serif text-xl">
        {t("restArea.addTitle")}
      </h3>
      <Form method="post" noValidate className="mt-3 grid gap-3">
        {errors.form ? <FormMessage>{errors.form}</FormMessage> : null}
        <WindowFields
          idPrefix="new-window"
          values={{
            start: refused?.values.start ?? "",
            end: refused?.values.end ?? "",
            capacity: refused?.values.capacity ?? "",
          }}
          errors={errors}
        />
        <SubmitButton
          name="intent"
          value="add-window"
          pendingText={t("common.saving")}
          className="justify-self-start"
        >
          {t("restArea.add")}
        </SubmitButton>
      </Form>
    </section>
  );
}
