import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { notFound } from "~/accounts/permissions.server";
import { currentUser } from "~/accounts/session.server";
import { FieldError, FormMessage, SubmitButton } from "~/components/ui/field";
import { Price } from "~/components/ui/price";
import { defaultLocale, type Locale } from "~/i18n/config";
import { getLocale, i18next } from "~/i18n/i18next.server";
import { fieldErrors, refusal, type FormRefusal } from "~/lib/forms";
import { formatRupiah } from "~/lib/money";
import { cancelOrder } from "~/orders/order-actions.server";
import { rememberOrderKey, orderViewer, type OrderViewer } from "~/orders/order-access.server";
import { orderPage, type OrderPage, type PaymentLine } from "~/orders/order-page.server";
import { OrderTimeline } from "~/orders/order-timeline";
import { pickupQrSvg } from "~/orders/pickup-pass.server";
import { startCardPayment } from "~/payments/card-payments.server";
import { OpeningHours, PlaceAndRegency, SideAndDirection } from "~/pickup/rest-area-facts";
import { readForm } from "~/lib/form-body.server";

/**
 * The buyer's order page, from placing the order to collecting it: status, payment, the pickup
 * pass (code and QR), the history, where and when to collect, the pieces, and cancelling while
 * that is still possible. Open to the signed-in buyer who placed it and to anyone with the
 * order's secret (see order-access.server.ts); everyone else gets a 404.
 */

/**
 * What the address that opened the page carries and a redirect back to it must keep: the secret
 * that opens it, and the language asked for.
 */
function keptParams(request: Request): URLSearchParams {
  const url = new URL(request.url);
  const kept = new URLSearchParams();
  for (const name of ["key", "session", "lng"]) {
    const value = url.searchParams.get(name);
    if (value) kept.set(name, value);
  }
  return kept;
}

function pageAddress(number: string, request: Request, extra: Record<string, string> = {}) {
  const params = keptParams(request);
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  const search = params.toString();
  return `/orders/${number}${search ? `?${search}` : ""}`;
}

/**
 * The calendar file opens in another app (the phone's calendar), which has no session and no
 * language cookie: the secret that opened this page and its language go along.
 */
function calendarAddress(
  number: string,
  viewer: OrderViewer,
  request: Request,
  locale: Locale,
): string {
  const params = new URLSearchParams();
  if (viewer.kind === "key") params.set("key", viewer.key);
  const session = new URL(request.url).searchParams.get("session");
  if (viewer.kind === "stripe-session" && session) params.set("session", session);
  if (locale !== defaultLocale) params.set("lng", locale);
  const search = params.toString();
  return `/orders/${number}/calendar.ics${search ? `?${search}` : ""}`;
}

/** Why a card order came back unpaid: the buyer left Stripe's page, or it could not be opened. */
type PaymentProblem = "cancelled" | "unavailable";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await orderViewer(request, params.number ?? "");
  if (!found) throw notFound();
  const locale = await getLocale(request);
  const [order, t] = await Promise.all([
    orderPage(found.orderId, locale),
    i18next.getFixedT(locale, "orders"),
  ]);
  const url = new URL(request.url);
  const pass = order.pickupCode
    ? {
        code: order.pickupCode,
        qrSvg: await pickupQrSvg(
          order.number,
          order.pickupCode,
          t("pass.qrLabel", { number: order.number }),
        ),
      }
    : null;
  const pending = order.status === "PENDING_PAYMENT";
  const cameWithSession = url.searchParams.has("session");
  const payment = url.searchParams.get("payment");
  const paymentProblem: PaymentProblem | null =
    payment === "cancelled" || payment === "unavailable" ? payment : null;

  // A guest who opened the link from a message can come back later from this browser alone.
  const key = url.searchParams.get("key");
  const headers =
    found.viewer.kind === "key" && key === found.viewer.key
      ? { "Set-Cookie": await rememberOrderKey(request, key) }
      : undefined;

  return data(
    {
      title: t("metaTitle", { number: order.number }),
      locale,
      order,
      pass,
      isOwner: found.viewer.kind === "owner",
      calendarUrl: pass ? calendarAddress(order.number, found.viewer, request, locale) : null,
      here: `${url.pathname}${url.search}`,
      confirming: pending && cameWithSession,
      justPaid:
        cameWithSession && order.payments.some((line) => line.kind === "paid-card") && !pending,
      paymentProblem: pending && !cameWithSession ? paymentProblem : null,
      cancelled: url.searchParams.get("cancelled") === "1" && order.status === "CANCELLED",
    },
    { headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: "robots", content: "noindex" },
];

// One buyer's order with its pickup code: never stored by any cache; and the address may hold
// the order's secret, so it is never sent on as a referrer (to Google Maps, say).
export const headers: HeadersFunction = () => ({
  "Cache-Control": "private, no-store",
  Vary: "Cookie",
  "Referrer-Policy": "no-referrer",
});

type OrderIntent = "pay" | "cancel";
type OrderRefusal = FormRefusal & { intent: OrderIntent | null };

const cancelForm = z.object({
  intent: z.literal("cancel"),
  confirm: z.literal("yes", { message: "errors.confirmCancel" }),
});

/** intent=pay (open Stripe Checkout for a card order) and intent=cancel (confirm=yes). */
export async function action({ request, params }: ActionFunctionArgs) {
  const found = await orderViewer(request, params.number ?? "");
  if (!found) throw notFound();
  const number = params.number ?? "";
  const locale = await getLocale(request);
  const [form, t, tAccount] = await Promise.all([
    readForm(request),
    i18next.getFixedT(locale, "orders"),
    i18next.getFixedT(locale, "account"),
  ]);
  const refuse = (intent: OrderIntent | null, errors: FormRefusal["errors"], status: number) =>
    data<OrderRefusal>({ ...refusal(form, errors), intent }, { status });

  const intent = form.get("intent");
  if (intent === "pay") {
    const payment = await startCardPayment(found.orderId);
    if (payment.ok) return redirect(payment.url, 303);
    if (payment.reason === "not-awaiting-payment") return redirect(pageAddress(number, request));
    // Stripe cannot be reached: the order stays as it is, and the buyer is told until when.
    const order = await orderPage(found.orderId, locale);
    return refuse(
      "pay",
      { form: t("pay.unavailable", { deadline: order.paymentDue?.text ?? "" }) },
      503,
    );
  }
  if (intent === "cancel") {
    const parsed = cancelForm.safeParse(Object.fromEntries(form));
    if (!parsed.success) return refuse("cancel", fieldErrors(parsed.error, t), 400);
    const user = await currentUser(request);
    const result = await cancelOrder({
      orderId: found.orderId,
      actor: "buyer",
      actorUserId: user?.id ?? null,
      reason: "cancelled by the buyer",
    });
    if (!result.ok) {
      const order = await orderPage(found.orderId, locale);
      const onItsWay = order.status === "IN_TRANSIT" || order.status === "READY_FOR_PICKUP";
      const status = tAccount(`orderStatus.${order.status}`);
      return refuse(
        "cancel",
        { form: onItsWay ? t("errors.notCancellable") : t("errors.alreadyFinished", { status }) },
        409,
      );
    }
    return redirect(pageAddress(number, request, { cancelled: "1" }));
  }
  return refuse(null, { form: t("errors.badRequest") }, 400);
}

const sectionClass = "rounded-xl border border-line bg-white p-4 sm:p-6";
const headingClass = "font-serif text-2xl";
const linkButtonClass =
  "inline-flex min-h-11 items-center rounded-full border border-ink bg-white px-5 font-medium hover:border-copper-700 hover:text-copper-700";

export default function OrderPageRoute() {
  const loaded = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation("orders");
  const { t: tAccount } = useTranslation("account");
  const { order, pass } = loaded;
  const refused = answer && !answer.ok ? answer : null;

  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 pt-4 pb-10">
      <div>
        {loaded.isOwner ? (
          <Link
            to="/account"
            className="inline-flex min-h-11 items-center gap-1 text-sm underline-offset-4 hover:underline"
          >
            <span aria-hidden>←</span> {t("backToAccount")}
          </Link>
        ) : null}
        <h1 className="font-serif text-3xl leading-tight">
          {t("heading")} <span className="font-mono font-semibold break-all">{order.number}</span>
        </h1>
        <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1">
          <span className="rounded-full bg-linen px-3 py-1 font-medium">
            <span className="sr-only">{t("status")}: </span>
            {tAccount(`orderStatus.${order.status}`)}
          </span>
          <span className="text-sm text-muted">{t("placed", { date: order.placedAt.text })}</span>
        </p>
      </div>

      {loaded.cancelled && !refused ? (
        <FormMessage tone="success">{t("notice.cancelled")}</FormMessage>
      ) : null}
      {loaded.justPaid ? <FormMessage tone="success">{t("notice.paid")}</FormMessage> : null}
      {refused?.intent !== "cancel" && refused?.errors.form ? (
        <FormMessage>{refused.errors.form}</FormMessage>
      ) : null}

      {loaded.confirming ? <ConfirmingPayment here={loaded.here} /> : null}
      {order.paymentDue && !loaded.confirming ? (
        <PaymentDue
          due={order.paymentDue}
          totalRupiah={order.totalRupiah}
          problem={loaded.paymentProblem}
        />
      ) : null}

      {pass ? (
        <PickupPass order={order} pass={pass} />
      ) : order.status === "PENDING_PAYMENT" ? (
        <section aria-labelledby="pass-heading" className={sectionClass}>
          <h2 id="pass-heading" className={headingClass}>
            {t("pass.heading")}
          </h2>
          <p className="mt-2 text-muted">{t("pass.pending")}</p>
        </section>
      ) : null}

      <section aria-labelledby="timeline-heading" className={sectionClass}>
        <h2 id="timeline-heading" className={headingClass}>
          {t("timeline.heading")}
        </h2>
        <div className="mt-4">
          <OrderTimeline steps={order.timeline} />
        </div>
      </section>

      <PickupPlace order={order} locale={loaded.locale} calendarUrl={loaded.calendarUrl} />
      <ItemsAndPayment order={order} />

      {order.cancellable || refused?.intent === "cancel" ? (
        <CancelOrder order={order} refusal={refused?.intent === "cancel" ? refused : null} />
      ) : null}
    </div>
  );
}

/** Checking the payment lasts this long; the bank's answer normally comes in seconds. */
const CONFIRMING_FOR_MS = 2 * 60_000;
const CONFIRMING_EVERY_MS = 3_000;

/**
 * Back from Stripe, before its confirmation has reached the shop: the page asks again every few
 * seconds and the banner goes as soon as the status changes. Without JavaScript, a link reloads.
 */
function ConfirmingPayment({ here }: { here: string }) {
  const { t } = useTranslation("orders");
  const { revalidate } = useRevalidator();
  const [checking, setChecking] = useState(false);
  const [gaveUp, setGaveUp] = useState(false);

  useEffect(() => {
    const started = Date.now();
    setChecking(true);
    const timer = window.setInterval(() => {
      if (Date.now() - started >= CONFIRMING_FOR_MS) {
        window.clearInterval(timer);
        setChecking(false);
        setGaveUp(true);
        return;
      }
      void revalidate();
    }, CONFIRMING_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [revalidate]);

  return (
    <section
      aria-labelledby="confirming-heading"
      className="rounded-xl border border-copper-500 bg-copper-50 p-4 sm:p-6"
    >
      <h2 id="confirming-heading" className="font-serif text-xl">
        {t("confirming.heading")}
      </h2>
      <p className="mt-2">{t("confirming.text")}</p>
      <p role="status" className="mt-2 text-sm text-muted">
        {gaveUp ? t("confirming.stopped") : checking ? t("confirming.auto") : null}
      </p>
      <a href={here} className={`mt-3 ${linkButtonClass}`}>
        {t("confirming.refresh")}
      </a>
    </section>
  );
}

function PaymentDue({
  due,
  totalRupiah,
  problem,
}: {
  due: NonNullable<OrderPage["paymentDue"]>;
  totalRupiah: number;
  problem: PaymentProblem | null;
}) {
  const { t } = useTranslation("orders");
  return (
    <section
      aria-labelledby="pay-heading"
      className="rounded-xl border border-copper-500 bg-white p-4 sm:p-6"
    >
      <h2 id="pay-heading" className={headingClass}>
        {problem === "cancelled" ? t("pay.cancelledHeading") : t("pay.heading")}
      </h2>
      {problem === "cancelled" ? <p className="mt-2">{t("pay.cancelledText")}</p> : null}
      {problem === "unavailable" ? (
        <p className="mt-2 font-medium text-copper-700">
          {t("pay.unavailable", { deadline: due.text })}
        </p>
      ) : null}
      <p className="mt-2 text-2xl font-semibold">
        <Price rupiah={totalRupiah} />
      </p>
      {due.passed ? (
        <p className="mt-2">{t("pay.overdue", { deadline: due.text })}</p>
      ) : (
        <>
          <p className="mt-2">{t("pay.due", { deadline: due.text })}</p>
          <Form method="post" className="mt-4">
            <SubmitButton
              name="intent"
              value="pay"
              pendingText={t("pay.submitting")}
              className="w-full sm:w-auto"
            >
              {t("pay.submit")}
            </SubmitButton>
          </Form>
          <p className="mt-2 text-sm text-muted">{t("pay.secure")}</p>
        </>
      )}
    </section>
  );
}

function PickupPass({ order, pass }: { order: OrderPage; pass: { code: string; qrSvg: string } }) {
  const { t } = useTranslation("orders");
  const payAtCounter = order.payments.find((line) => line.kind === "pay-at-pickup");
  return (
    <section aria-labelledby="pass-heading" className={sectionClass}>
      <h2 id="pass-heading" className={headingClass}>
        {t("pass.heading")}
      </h2>
      <div className="mt-4 flex flex-col items-center gap-4 sm:flex-row sm:items-start sm:gap-8">
        <div className="text-center sm:text-left">
          <p className="text-sm font-medium text-muted">{t("pass.codeLabel")}</p>
          <p className="pl-[0.3em] font-mono text-5xl font-bold tracking-[0.3em] tabular-nums sm:pl-0">
            {pass.code}
          </p>
          <p className="mt-3 max-w-prose">{t("pass.show")}</p>
          {payAtCounter ? (
            <p className="mt-2 font-medium">
              {t("pass.payAtPickup", { amount: formatRupiah(payAtCounter.amountRupiah) })}
            </p>
          ) : null}
          <p className="mt-2 text-sm">
            {order.pickup.day}, {order.pickup.window} · {order.pickup.restArea.name}
          </p>
        </div>
        <figure className="shrink-0">
          <div
            className="size-[200px] rounded-lg border border-line bg-white [&>svg]:block [&>svg]:size-full"
            // A bare <svg> made on the server from the order number and code (no user input).
            dangerouslySetInnerHTML={{ __html: pass.qrSvg }}
          />
          <figcaption className="sr-only">{t("pass.qrLabel", { number: order.number })}</figcaption>
        </figure>
      </div>
    </section>
  );
}

function PickupPlace({
  order,
  locale,
  calendarUrl,
}: {
  order: OrderPage;
  locale: Locale;
  calendarUrl: string | null;
}) {
  const { t } = useTranslation("orders");
  const { restArea } = order.pickup;
  return (
    <section aria-labelledby="place-heading" className={sectionClass}>
      <h2 id="place-heading" className={headingClass}>
        {t("place.heading")}
      </h2>
      <dl className="mt-3 grid gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
        <dt className="text-sm text-muted">{t("place.restArea")}</dt>
        <dd className="font-medium">
          {restArea.name}
          {restArea.name.includes(restArea.kmLabel) ? null : ` (${restArea.kmLabel})`}
        </dd>
        <dt className="text-sm text-muted">{t("place.direction")}</dt>
        <dd className="first-letter:uppercase">
          <SideAndDirection restArea={restArea} />
        </dd>
        <dt className="text-sm text-muted">{t("place.location")}</dt>
        <dd>
          {t("restArea.segment", { ns: "pickup", segment: restArea.segment })}
          <br />
          <PlaceAndRegency restArea={restArea} />
        </dd>
        <dt className="text-sm text-muted">{t("place.hours")}</dt>
        <dd>
          <OpeningHours restArea={restArea} locale={locale} />
        </dd>
        <dt className="text-sm text-muted">{t("place.when")}</dt>
        <dd className="font-medium">
          {order.pickup.day}, {order.pickup.window}
        </dd>
        <dt className="text-sm text-muted">{t("place.lastDay")}</dt>
        <dd>
          {order.pickup.lastDay}
          <span className="block text-sm text-muted">{t("place.lastDayNote")}</span>
        </dd>
      </dl>
      <div className="mt-4 flex flex-wrap gap-3">
        {restArea.mapsUrl ? (
          <a href={restArea.mapsUrl} rel="noreferrer" className={linkButtonClass}>
            {t("place.maps")}
          </a>
        ) : null}
        {calendarUrl ? (
          <a href={calendarUrl} download className={linkButtonClass}>
            {t("place.calendar")}
          </a>
        ) : null}
      </div>
      {restArea.coordinates?.approximate ? (
        <p className="mt-2 text-xs text-muted">{t("place.approximate")}</p>
      ) : null}
    </section>
  );
}

function PaymentLineText({ line }: { line: PaymentLine }) {
  const { t } = useTranslation("orders");
  switch (line.kind) {
    case "paid-card":
      return t("payment.paidCard", {
        date: line.at.text,
        amount: formatRupiah(line.amountRupiah),
      });
    case "paid-at-counter":
      return t(line.provider === "CASH" ? "payment.paidCash" : "payment.paidQris", {
        date: line.at.text,
        amount: formatRupiah(line.amountRupiah),
      });
    case "card-due":
      return t("payment.cardDue", { amount: formatRupiah(line.amountRupiah) });
    case "pay-at-pickup":
      return t("payment.payAtPickup", { amount: formatRupiah(line.amountRupiah) });
    case "unpaid":
      return t("payment.unpaid");
  }
}

function ItemsAndPayment({ order }: { order: OrderPage }) {
  const { t } = useTranslation("orders");
  return (
    <section aria-labelledby="items-heading" className={sectionClass}>
      <h2 id="items-heading" className={headingClass}>
        {t("items.heading")}
      </h2>
      <ul className="mt-3 divide-y divide-line border-y border-line">
        {order.items.map((item) => (
          <li key={item.id} className="flex items-start justify-between gap-4 py-3">
            <div className="min-w-0">
              <p className="font-medium">{item.title}</p>
              <p className="text-sm text-muted">{item.variantLabel}</p>
              <p className="text-sm">
                {t("items.quantity", { count: item.quantity })} · {t("items.unitPrice")}{" "}
                <Price rupiah={item.unitPriceRupiah} />
              </p>
            </div>
            <p className="shrink-0 text-right">
              <span className="block text-xs text-muted">{t("items.lineTotal")}</span>
              <span className="font-semibold">
                <Price rupiah={item.lineTotalRupiah} />
              </span>
            </p>
          </li>
        ))}
      </ul>
      <p className="mt-3 flex items-baseline justify-between text-lg font-semibold">
        <span>{t("items.total")}</span>
        <Price rupiah={order.totalRupiah} />
      </p>

      <h3 className="mt-6 font-serif text-xl">{t("payment.heading")}</h3>
      <dl className="mt-2 grid gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
        <dt className="text-sm text-muted">{t("payment.method")}</dt>
        <dd>{t(`payment.methods.${order.paymentMethod}`)}</dd>
        <dt className="text-sm text-muted">{t("payment.state")}</dt>
        <dd>
          <ul className="space-y-1">
            {order.payments.map((line, index) => (
              <li key={index}>
                <PaymentLineText line={line} />
              </li>
            ))}
            {order.refunds.map((refund, index) => (
              <li key={`refund-${index}`} className="font-medium">
                {refund.status === "SUCCEEDED"
                  ? t("payment.refunded", {
                      amount: formatRupiah(refund.amountRupiah),
                      date: refund.at.text,
                    })
                  : t("payment.refundPending", { amount: formatRupiah(refund.amountRupiah) })}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
    </section>
  );
}

function CancelOrder({ order, refusal }: { order: OrderPage; refusal: OrderRefusal | null }) {
  const { t } = useTranslation("orders");
  const error = refusal?.errors.confirm;
  return (
    <section aria-labelledby="cancel-heading" className={sectionClass}>
      <h2 id="cancel-heading" className={headingClass}>
        {t("cancel.heading")}
      </h2>
      {refusal?.errors.form ? (
        <div className="mt-3">
          <FormMessage>{refusal.errors.form}</FormMessage>
        </div>
      ) : null}
      {order.cancellable ? (
        <>
          <p className="mt-2 max-w-prose">{t("cancel.explain")}</p>
          {order.refundOnCancelRupiah > 0 ? (
            <p className="mt-2 max-w-prose font-medium">
              {t("cancel.refund", { amount: formatRupiah(order.refundOnCancelRupiah) })}
            </p>
          ) : null}
          <Form method="post" className="mt-4 space-y-3">
            <div>
              <label className="flex min-h-11 items-center gap-3">
                <input
                  type="checkbox"
                  name="confirm"
                  value="yes"
                  required
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? "confirm-cancel-error" : undefined}
                  className="size-5 shrink-0 accent-red-800"
                />
                <span>{t("cancel.confirm")}</span>
              </label>
              {error ? <FieldError id="confirm-cancel-error">{error}</FieldError> : null}
            </div>
            <SubmitButton
              name="intent"
              value="cancel"
              tone="danger"
              pendingText={t("cancel.submitting")}
            >
              {t("cancel.submit")}
            </SubmitButton>
          </Form>
        </>
      ) : null}
    </section>
  );
}
