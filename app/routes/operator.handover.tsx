import {
  data,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useRef, useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { notFound, requireOperator } from "~/accounts/permissions.server";
import { FieldError, FormMessage, inputClass, SubmitButton } from "~/components/ui/field";
import { getLocale, i18next } from "~/i18n/i18next.server";
import { counterParcel, findParcel, waitingParcels } from "~/operator/counter.server";
import {
  blockedText,
  newClientId,
  notHandableText,
  shownParcel,
  submitHandover,
  wrongCodeText,
  type ShownParcel,
} from "~/operator/handover-form.server";
import { queueHandover } from "~/operator/handover-queue";
import { useOnline, useQueuedNumbers } from "~/operator/offline-console";
import { QrScanButton } from "~/operator/qr-scan";
import { retryAfterHeader } from "~/security/rate-limit.server";
import type { loader as consoleLoader } from "./operator";
import { readForm } from "~/lib/form-body.server";

/**
 * Handing parcels over at the counter: find the buyer's parcel by QR, code or order number, check
 * who it is for and what they still pay, record the payment and hand it over. The parcels waiting
 * at the operator's counters are listed below, each with its own handover form, so that the page
 * (kept by the service worker) still serves without signal: a handover made then is queued on the
 * phone and sent when the signal returns.
 */

export async function loader({ request }: LoaderFunctionArgs) {
  const owner = await requireOperator(request);
  const locale = await getLocale(request);
  const [t, waiting] = await Promise.all([
    i18next.getFixedT(locale, "operator"),
    waitingParcels(owner, new Date()),
  ]);
  const byRestArea = new Map<string, { name: string; parcels: ShownParcel[] }>();
  for (const parcel of waiting) {
    const group = byRestArea.get(parcel.restAreaId) ?? { name: parcel.restAreaName, parcels: [] };
    group.parcels.push(shownParcel(parcel, locale));
    byRestArea.set(parcel.restAreaId, group);
  }
  return {
    title: t("handover.metaTitle"),
    waiting: [...byRestArea.entries()].map(([id, group]) => ({ id, ...group })),
  };
}

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: "robots", content: "noindex" },
];

type Errors = Partial<Record<"query" | "number" | "code" | "method" | "amount" | "form", string>>;

type FindAnswer = { intent: "find"; query: string; found: ShownParcel[]; errors: Errors };
type HandoverAnswer =
  | { intent: "handover"; ok: true; message: string }
  | {
      intent: "handover";
      ok: false;
      number: string;
      errors: Errors;
      values: Record<string, string>;
      /** The parcel's card again, so the operator corrects the form where it was. */
      parcel: (ShownParcel & { code: string }) | null;
    };

/**
 * intent=find (query: QR text, six-digit code or order number) shows the parcel; intent=handover
 * (number, code, clientId, and for pay at pickup method + amount) hands it over. Another rest
 * area's order is 404, exactly as if it did not exist.
 */
export async function action({ request }: ActionFunctionArgs) {
  const owner = await requireOperator(request);
  const locale = await getLocale(request);
  const [t, tAccount] = await Promise.all([
    i18next.getFixedT(locale, "operator"),
    i18next.getFixedT(locale, "account"),
  ]);
  const form = await readForm(request);
  const intent = form.get("intent");

  if (intent === "handover") {
    const answer = await submitHandover(owner, form, { t, tAccount, locale });
    if (answer.status === 200) {
      return data<HandoverAnswer>({ intent: "handover", ok: true, message: answer.message });
    }
    if (answer.status === 404) throw notFound();
    const number = String(form.get("number") ?? "")
      .trim()
      .toUpperCase();
    const parcel = answer.errors.number ? null : await counterParcel(owner, number);
    const values: Record<string, string> = {};
    for (const name of ["code", "method", "amount", "clientId"]) {
      const value = form.get(name);
      if (typeof value === "string") values[name] = value.slice(0, 100);
    }
    return data<HandoverAnswer>(
      {
        intent: "handover",
        ok: false,
        number,
        errors: answer.errors,
        values,
        parcel: parcel
          ? {
              ...shownParcel(parcel, locale),
              clientId: values.clientId ?? newClientId(),
              code: values.code ?? "",
            }
          : null,
      },
      {
        status: answer.status,
        headers: answer.status === 429 ? retryAfterHeader(answer.retryAfterSeconds) : undefined,
      },
    );
  }

  const query = String(form.get("query") ?? "").slice(0, 200);
  const refuse = (errors: Errors, status: number, retryAfterSeconds?: number) =>
    data<FindAnswer>(
      { intent: "find", query, found: [], errors },
      {
        status,
        headers: retryAfterSeconds === undefined ? undefined : retryAfterHeader(retryAfterSeconds),
      },
    );
  if (intent !== "find") return refuse({ form: t("handover.errors.badRequest") }, 400);
  if (query.trim() === "") return refuse({ query: t("handover.errors.queryRequired") }, 400);
  const result = await findParcel(owner, query);
  if (result.ok) {
    return data<FindAnswer>({
      intent: "find",
      query,
      errors: {},
      found: result.parcels.map((parcel) => ({
        ...shownParcel(parcel, locale),
        code: parcel.code ?? "",
      })),
    });
  }
  switch (result.reason) {
    case "unreadable":
      return refuse({ query: t("handover.errors.unreadable") }, 400);
    case "no-such-number":
      return refuse({ query: t("handover.errors.noSuchNumber", { number: result.number }) }, 400);
    case "blocked":
      return refuse(
        { query: blockedText(t, result.retryAfterSeconds) },
        429,
        result.retryAfterSeconds,
      );
    case "wrong-code":
      return result.retryAfterSeconds !== null
        ? refuse({ query: wrongCodeText(t, result) }, 429, result.retryAfterSeconds)
        : refuse({ query: wrongCodeText(t, result) }, 400);
    default:
      return refuse({ query: notHandableText(t, tAccount, result) }, 409);
  }
}

export default function Handover() {
  const { waiting } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation("operator");
  const find = answer?.intent === "find" ? answer : null;
  const handover = answer?.intent === "handover" ? answer : null;
  const refused = handover && !handover.ok ? handover : null;
  const active: (ShownParcel & { code?: string })[] = find
    ? find.found.map((parcel) => ({ ...parcel }))
    : refused?.parcel
      ? [refused.parcel]
      : [];
  const total = waiting.reduce((sum, group) => sum + group.parcels.length, 0);
  return (
    <div className="mx-auto max-w-3xl px-4 pt-4 pb-8">
      <p className="text-sm font-semibold text-copper-700">{t("title")}</p>
      <h1 className="font-serif text-3xl leading-tight">{t("handover.heading")}</h1>

      {handover?.ok ? (
        <div className="mt-4">
          <FormMessage tone="success">{handover.message}</FormMessage>
        </div>
      ) : null}
      {refused && !refused.parcel ? (
        <div className="mt-4">
          <FormMessage>{Object.values(refused.errors)[0]}</FormMessage>
        </div>
      ) : null}

      <FindForm query={find?.query ?? ""} error={find?.errors.query ?? find?.errors.form} />

      {active.length > 0 ? (
        <section aria-labelledby="found" className="mt-6">
          <h2 id="found" className="font-serif text-2xl">
            {active.length === 1 ? t("handover.foundOne") : t("handover.foundMany")}
          </h2>
          <ul className="mt-3 space-y-4">
            {active.map((parcel) => (
              <li key={parcel.number}>
                <ParcelCard parcel={parcel} highlighted>
                  <HandoverForm
                    parcel={parcel}
                    code={
                      refused?.number === parcel.number
                        ? (refused.values.code ?? "")
                        : (parcel.code ?? "")
                    }
                    refused={refused?.number === parcel.number ? refused : null}
                  />
                </ParcelCard>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="waiting" className="mt-8">
        <h2 id="waiting" className="font-serif text-2xl">
          {t("handover.waitingTitle", { count: total })}
        </h2>
        <p className="text-sm text-muted">{t("handover.waitingHint")}</p>
        {total === 0 ? (
          <p className="mt-3 rounded-xl bg-linen p-4">{t("handover.waitingNone")}</p>
        ) : null}
        {waiting.map((group) => (
          <div key={group.id} className="mt-4">
            {waiting.length > 1 ? <h3 className="font-serif text-xl">{group.name}</h3> : null}
            <ul className="mt-2 space-y-3">
              {group.parcels.map((parcel) => (
                <li key={parcel.number}>
                  <ParcelCard parcel={parcel}>
                    <details className="mt-3 group">
                      <summary className="flex min-h-12 cursor-pointer items-center justify-center rounded-full bg-ink px-5 font-semibold text-paper marker:content-none">
                        {t("handover.handOverThis", { number: parcel.number })}
                      </summary>
                      <HandoverForm parcel={parcel} code="" refused={null} />
                    </details>
                  </ParcelCard>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
    </div>
  );
}

function FindForm({ query, error }: { query: string; error: string | undefined }) {
  const { t } = useTranslation("operator");
  const online = useOnline();
  const form = useRef<HTMLFormElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [offlineNote, setOfflineNote] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (navigator.onLine) return;
    // Without signal nothing can be looked up: the list below (kept on the phone) still works.
    event.preventDefault();
    setOfflineNote(true);
  };
  return (
    <section
      aria-labelledby="find"
      className="mt-4 rounded-2xl border border-line bg-white p-4 shadow-sm"
    >
      <h2 id="find" className="font-serif text-2xl">
        {t("handover.findTitle")}
      </h2>
      <Form method="post" ref={form} onSubmit={onSubmit} className="mt-3">
        <input type="hidden" name="intent" value="find" />
        <label htmlFor="query" className="block text-lg font-medium">
          {t("handover.queryLabel")}
        </label>
        <input
          ref={input}
          id="query"
          name="query"
          defaultValue={query}
          key={query}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          enterKeyHint="search"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "query-error query-hint" : "query-hint"}
          className={`${inputClass} min-h-14 text-2xl tracking-widest`}
        />
        <p id="query-hint" className="mt-1 text-sm text-muted">
          {t("handover.queryHint")}
        </p>
        {error ? <FieldError id="query-error">{error}</FieldError> : null}
        <SubmitButton
          name="intent"
          value="find"
          pendingText={t("handover.finding")}
          className="mt-3 min-h-14 w-full text-lg"
        >
          {t("handover.find")}
        </SubmitButton>
      </Form>
      <QrScanButton
        onScan={(text) => {
          if (!input.current || !form.current) return;
          input.current.value = text;
          form.current.requestSubmit();
        }}
      />
      {offlineNote && !online ? (
        <p role="alert" className="mt-3 rounded-xl border-2 border-ink bg-silver-100 p-3">
          {t("handover.findOffline")}
        </p>
      ) : null}
    </section>
  );
}

function ParcelCard({
  parcel,
  highlighted = false,
  children,
}: {
  parcel: ShownParcel;
  highlighted?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation("operator");
  return (
    <article
      aria-label={t("handover.parcelLabel", { number: parcel.number, name: parcel.buyerFirstName })}
      className={`rounded-2xl p-4 ${highlighted ? "border-2 border-copper-600 bg-copper-50" : "border border-line bg-white shadow-sm"}`}
    >
      <p className="text-2xl font-semibold">{parcel.buyerFirstName}</p>
      <p className="font-mono text-lg tracking-wide">{parcel.number}</p>
      <p className="mt-1 text-lg">{t("handover.parcelCount", { count: parcel.pieces })}</p>
      <p
        className={`mt-2 rounded-lg px-3 py-2 text-lg font-semibold ${parcel.paysAtPickup ? "bg-ink text-paper" : "bg-silver-100"}`}
      >
        {parcel.amountDue
          ? t("parcel.toPay", { amount: parcel.amountDue })
          : t("parcel.paidByCard")}
      </p>
      <p className="mt-2 text-sm text-muted">
        {parcel.restAreaName} ·{" "}
        {t("handover.pickupDay", { day: parcel.pickupDay, window: parcel.window })}
      </p>
      <p className="text-sm text-muted">{t("handover.lastDay", { day: parcel.lastDay })}</p>
      {children}
    </article>
  );
}

function HandoverForm({
  parcel,
  code,
  refused,
}: {
  parcel: ShownParcel;
  code: string;
  refused: Extract<HandoverAnswer, { ok: false }> | null;
}) {
  const { t } = useTranslation("operator");
  const operatorId = useRouteLoaderData<typeof consoleLoader>("routes/operator")?.operatorId;
  const queuedNumbers = useQueuedNumbers(operatorId);
  const [queuedHere, setQueuedHere] = useState(false);
  const errors = refused?.errors ?? {};
  const values = refused?.values ?? {};
  const id = (field: string) => `${field}-${parcel.number}`;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    if (navigator.onLine || !operatorId) return;
    event.preventDefault();
    const fields: Record<string, string> = {};
    for (const [name, value] of new FormData(event.currentTarget)) {
      if (typeof value === "string") fields[name] = value;
    }
    await queueHandover(operatorId, {
      clientId: parcel.clientId,
      number: parcel.number,
      label: `${parcel.number} · ${parcel.buyerFirstName}`,
      fields,
      queuedAt: Date.now(),
    });
    setQueuedHere(true);
  };

  if (queuedHere || queuedNumbers.has(parcel.number)) {
    return (
      <p
        role="status"
        className="mt-3 rounded-xl border-2 border-copper-600 bg-white p-3 font-semibold"
      >
        <span aria-hidden>⏳ </span>
        {t("handover.queued", { number: parcel.number })}
      </p>
    );
  }
  return (
    <Form
      method="post"
      onSubmit={onSubmit}
      className="mt-3 space-y-4"
      aria-label={t("handover.formLabel", { number: parcel.number })}
    >
      <input type="hidden" name="intent" value="handover" />
      <input type="hidden" name="number" value={parcel.number} />
      <input type="hidden" name="clientId" value={parcel.clientId} />
      {errors.form ? <FormMessage>{errors.form}</FormMessage> : null}
      <div>
        <label htmlFor={id("code")} className="block text-lg font-medium">
          {t("handover.codeLabel")}
        </label>
        <input
          id={id("code")}
          name="code"
          defaultValue={code}
          required
          inputMode="numeric"
          pattern="[0-9 ]{6,7}"
          maxLength={7}
          autoComplete="off"
          aria-invalid={errors.code ? true : undefined}
          aria-describedby={errors.code ? `${id("code")}-error` : `${id("code")}-hint`}
          className={`${inputClass} min-h-14 text-2xl tracking-[0.3em]`}
        />
        {errors.code ? (
          <FieldError id={`${id("code")}-error`}>{errors.code}</FieldError>
        ) : (
          <p id={`${id("code")}-hint`} className="mt-1 text-sm text-muted">
            {t("handover.codeHint")}
          </p>
        )}
      </div>
      {parcel.paysAtPickup ? (
        <>
          <fieldset
            aria-describedby={errors.method ? `${id("method")}-error` : undefined}
            aria-invalid={errors.method ? true : undefined}
          >
            <legend className="text-lg font-medium">{t("handover.methodLegend")}</legend>
            <div className="mt-2 grid grid-cols-2 gap-2">
              {(["CASH", "QRIS"] as const).map((method) => (
                <label
                  key={method}
                  className="flex min-h-14 cursor-pointer items-center gap-3 rounded-xl border-2 border-line bg-white px-4 text-lg font-semibold has-[:checked]:border-ink has-[:checked]:bg-silver-100"
                >
                  <input
                    type="radio"
                    name="method"
                    value={method}
                    required
                    defaultChecked={values.method === method}
                    className="size-6"
                  />
                  {t(`handover.method.${method}`)}
                </label>
              ))}
            </div>
            {errors.method ? (
              <FieldError id={`${id("method")}-error`}>{errors.method}</FieldError>
            ) : null}
          </fieldset>
          <div>
            <label htmlFor={id("amount")} className="block text-lg font-medium">
              {t("handover.amountLabel")}
            </label>
            <input
              id={id("amount")}
              name="amount"
              defaultValue={values.amount ?? ""}
              required
              inputMode="numeric"
              autoComplete="off"
              aria-invalid={errors.amount ? true : undefined}
              aria-describedby={errors.amount ? `${id("amount")}-error` : `${id("amount")}-hint`}
              className={`${inputClass} min-h-14 text-2xl`}
            />
            {errors.amount ? (
              <FieldError id={`${id("amount")}-error`}>{errors.amount}</FieldError>
            ) : (
              <p id={`${id("amount")}-hint`} className="mt-1 text-sm text-muted">
                {t("handover.amountHint", { amount: parcel.amountDue ?? "" })}
              </p>
            )}
          </div>
        </>
      ) : (
        <p className="rounded-lg bg-silver-100 p-3">{t("handover.noPayment")}</p>
      )}
      <SubmitButton
        name="number"
        value={parcel.number}
        pendingText={t("handover.handingOver")}
        className="min-h-14 w-full text-lg"
      >
        {parcel.paysAtPickup ? t("handover.submitWithPayment") : t("handover.submit")}
      </SubmitButton>
    </Form>
  );
}
