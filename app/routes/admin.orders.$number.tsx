import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { notFound, requireAdmin } from "~/accounts/permissions.server";
import type { AdminCall } from "~/admin/admin-call.server";
import { Badge, cardClass, textLinkClass } from "~/admin/admin-ui";
import { formInput } from "~/admin/forms";
import {
  adminOrderDetail,
  cancelOrderAsAdmin,
  orderNumberParam,
  orderReasonForm,
  orderRef,
  refundOrderAsAdmin,
} from "~/admin/orders.server";
import { adminMeta, adminPageHeaders } from "~/admin/page";
import { adminTexts } from "~/admin/texts.server";
import { FieldError, FormMessage, inputClass, SubmitButton } from "~/components/ui/field";
import { Price } from "~/components/ui/price";
import { formatDateTime, formatTimeWindow } from "~/lib/dates";
import { refusal, type FormErrors, type FormRefusal } from "~/lib/forms";
import { formatRupiah } from "~/lib/money";
import { formatPhone } from "~/lib/phone";
import { isFinished } from "~/orders/order-status";
import { formatPickupDay } from "~/pickup/pickup-days";
import { readForm } from "~/lib/form-body.server";

/** What a successful change says, after the redirect back to the page. */
const DONE = ["cancelled", "refunded"] as const;

/** The kinds of actor an order event names; anything else is shown as it was recorded. */
const ACTOR_KINDS = ["buyer", "artisan", "operator", "admin", "system", "stripe"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const number = orderNumberParam(params.number);
  if (!number) throw notFound();
  const { locale, t } = await adminTexts(request);
  const order = await adminOrderDetail(number);
  if (!order) throw notFound();
  const when = (date: Date) => formatDateTime(date, locale);
  const done = new URL(request.url).searchParams.get("done");
  return {
    title: t("orders.detailMetaTitle", { number: order.number }),
    done: DONE.find((d) => d === done) ?? null,
    order: {
      number: order.number,
      status: order.status,
      finished: isFinished(order.status),
      placed: when(order.placedAt),
      paymentDue:
        order.status === "PENDING_PAYMENT" && order.paymentDueAt ? when(order.paymentDueAt) : null,
      buyer: {
        name: order.buyer.name,
        phone: order.buyer.phone ? formatPhone(order.buyer.phone) : null,
        email: order.buyer.email,
        locale: order.buyer.locale,
      },
      account: order.account,
      restArea: order.restArea,
      pickupDay: formatPickupDay(order.pickupDay, locale),
      pickupWindow: formatTimeWindow(order.pickupStartMinute, order.pickupEndMinute, locale),
      paymentMethod: order.paymentMethod,
      subtotalRupiah: order.subtotalRupiah,
      totalRupiah: order.totalRupiah,
      items: order.items.map((item) => ({
        id: item.id,
        title: (locale === "en" && item.titleEn) || item.titleId,
        variant: (locale === "en" && item.variantLabelEn) || item.variantLabelId,
        sku: item.sku,
        quantity: item.quantity,
        unitPriceRupiah: item.unitPriceRupiah,
        lineTotalRupiah: item.lineTotalRupiah,
        artisan: item.artisan,
      })),
      payments: order.payments.map((payment) => ({
        id: payment.id,
        provider: payment.provider,
        status: payment.status,
        amountRupiah: payment.amountRupiah,
        refundedRupiah: payment.refundedRupiah,
        paid: payment.paidAt ? when(payment.paidAt) : null,
        stripeCheckoutSessionId: payment.stripeCheckoutSessionId,
        stripePaymentIntentId: payment.stripePaymentIntentId,
      })),
      refunds: order.refunds.map((refund) => ({
        id: refund.id,
        amountRupiah: refund.amountRupiah,
        status: refund.status,
        reason: refund.reason,
        stripeRefundId: refund.stripeRefundId,
        created: when(refund.createdAt),
      })),
      events: order.events.map((event) => ({
        id: event.id,
        when: when(event.createdAt),
        fromStatus: event.fromStatus,
        toStatus: event.toStatus,
        actorKind: ACTOR_KINDS.find((kind) => kind === event.actorKind) ?? null,
        actorKindRecorded: event.actorKind,
        actor: event.actor,
        reason: event.reason,
      })),
      notifications: order.notifications.map((notification) => ({
        id: notification.id,
        template: notification.template,
        channel: notification.channel,
        status: notification.status,
        created: when(notification.createdAt),
        sent: notification.sentAt ? when(notification.sentAt) : null,
      })),
      cancellable: order.cancellable,
      refundable: order.refundableRupiah > 0 ? formatRupiah(order.refundableRupiah) : null,
    },
  };
}

export const headers = adminPageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => adminMeta(data?.title);

type Intent = "cancel" | "refund";
const INTENTS: Intent[] = ["cancel", "refund"];

type OrderAnswer = FormRefusal & { intent: Intent | null };

/**
 * intent=cancel (reason) while the order is not yet dispatched; intent=refund (reason) once it is
 * finished and a card payment still holds money. Both are checked again under the order's lock:
 * a refusal there is a 409.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireAdmin(request);
  const number = orderNumberParam(params.number);
  if (!number) throw notFound();
  const order = await orderRef(number);
  if (!order) throw notFound();
  const { text, errorsOf } = await adminTexts(request);
  const form = await readForm(request);
  const intent = INTENTS.find((i) => i === form.get("intent")) ?? null;
  const refuse = (errors: FormErrors, status: 400 | 409) =>
    data<OrderAnswer>({ ...refusal(form, errors), intent }, { status });
  if (!intent) return refuse({ form: text("errors.badRequest") }, 400);
  const parsed = orderReasonForm.safeParse(formInput(form));
  if (!parsed.success) return refuse(errorsOf(parsed.error), 400);
  const call: AdminCall = { actor, request, context };
  const back = (done: (typeof DONE)[number]) =>
    redirect(`/admin/orders/${order.number}?done=${done}`);

  if (intent === "cancel") {
    const result = await cancelOrderAsAdmin(call, order, parsed.data.reason);
    if (!result.ok) return refuse({ form: text("orders.errors.notCancellable") }, 409);
    return back("cancelled");
  }
  const result = await refundOrderAsAdmin(call, order, parsed.data.reason);
  if (!result.ok) {
    const message =
      result.reason === "not-refundable"
        ? "orders.errors.notRefundable"
        : "orders.errors.nothingToRefund";
    return refuse({ form: text(message) }, 409);
  }
  return back("refunded");
}

type LoadedOrder = ReturnType<typeof useLoaderData<typeof loader>>["order"];

export default function AdminOrder() {
  const { order, done } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  return (
    <div className="max-w-5xl">
      <Link to="/admin/orders" className={`${textLinkClass} gap-1 text-sm`}>
        <span aria-hidden>←</span> {t("orders.back")}
      </Link>
      <h1 className="font-serif text-3xl break-words">
        {t("orders.heading", { number: order.number })}
      </h1>
      <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1">
        <Badge tone={order.finished ? "off" : "neutral"}>{t(`orderStatus.${order.status}`)}</Badge>
        <span className="text-sm text-muted">{t("orders.placedAt", { date: order.placed })}</span>
      </p>
      <p className="mt-1">
        {t("orders.total")}:{" "}
        <span className="font-semibold tabular-nums">
          <Price rupiah={order.totalRupiah} />
        </span>{" "}
        · {t(`orders.paymentMethods.${order.paymentMethod}`)}
      </p>

      <div className="mt-4 grid gap-3 empty:hidden">
        {done ? <FormMessage tone="success">{t(`orders.done.${done}`)}</FormMessage> : null}
        {answer?.errors.form ? <FormMessage>{answer.errors.form}</FormMessage> : null}
      </div>

      <div className="mt-4 grid gap-4 md:grid-cols-2">
        <BuyerSection order={order} />
        <PickupSection order={order} />
      </div>
      <ItemsSection order={order} />
      <PaymentsSection order={order} />
      <HistorySection order={order} />
      <NotificationsSection order={order} />
      {order.cancellable ? <CancelSection /> : null}
      {order.refundable ? <RefundSection amount={order.refundable} /> : null}
    </div>
  );
}

function BuyerSection({ order }: { order: LoadedOrder }) {
  const { t } = useTranslation("admin");
  return (
    <section aria-labelledby="order-buyer" className={cardClass}>
      <h2 id="order-buyer" className="font-serif text-xl">
        {t("orders.buyerTitle")}
      </h2>
      <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[9rem_1fr]">
        <dt className="text-muted">{t("orders.buyerName")}</dt>
        <dd className="break-words">{order.buyer.name || t("common.none")}</dd>
        <dt className="text-muted">{t("orders.phone")}</dt>
        <dd className="tabular-nums">{order.buyer.phone ?? t("common.none")}</dd>
        <dt className="text-muted">{t("orders.email")}</dt>
        <dd className="break-words">{order.buyer.email ?? t("common.none")}</dd>
        <dt className="text-muted">{t("orders.language")}</dt>
        <dd>{t(order.buyer.locale === "en" ? "invite.languageEn" : "invite.languageId")}</dd>
        <dt className="text-muted">{t("orders.account")}</dt>
        <dd className="break-words">
          {order.account ? (
            <Link
              to={`/admin/users/${order.account.id}`}
              className="underline underline-offset-4 hover:text-copper-700"
            >
              {order.account.name}
            </Link>
          ) : (
            t("orders.guest")
          )}
        </dd>
      </dl>
    </section>
  );
}

function PickupSection({ order }: { order: LoadedOrder }) {
  const { t } = useTranslation("admin");
  return (
    <section aria-labelledby="order-pickup" className={cardClass}>
      <h2 id="order-pickup" className="font-serif text-xl">
        {t("orders.pickupTitle")}
      </h2>
      <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[9rem_1fr]">
        <dt className="text-muted">{t("orders.restArea")}</dt>
        <dd>
          <Link
            to={`/admin/rest-areas/${order.restArea.id}`}
            className="underline underline-offset-4 hover:text-copper-700"
          >
            {order.restArea.name}
          </Link>
        </dd>
        <dt className="text-muted">{t("orders.pickupDay")}</dt>
        <dd>{order.pickupDay}</dd>
        <dt className="text-muted">{t("orders.pickupWindow")}</dt>
        <dd className="tabular-nums">{order.pickupWindow}</dd>
        <dt className="text-muted">{t("orders.paymentMethod")}</dt>
        <dd>{t(`orders.paymentMethods.${order.paymentMethod}`)}</dd>
        {order.paymentDue ? (
          <>
            <dt className="text-muted">{t("orders.paymentDue")}</dt>
            <dd>{order.paymentDue}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

/** A table that scrolls sideways on a narrow phone, reachable from the keyboard. */
function TableRegion({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-labelledby={labelledBy}
      tabIndex={0}
      className="mt-3 overflow-x-auto rounded-lg border border-line bg-white"
    >
      <table className="w-full text-left text-sm">{children}</table>
    </div>
  );
}

const th = "px-3 py-2 font-semibold";
const td = "px-3 py-2";

function ItemsSection({ order }: { order: LoadedOrder }) {
  const { t } = useTranslation("admin");
  return (
    <section aria-labelledby="order-items" className="mt-6">
      <h2 id="order-items" className="font-serif text-2xl">
        {t("orders.itemsTitle")}
      </h2>
      <TableRegion labelledBy="order-items">
        <thead className="bg-linen">
          <tr>
            <th scope="col" className={th}>
              {t("orders.item")}
            </th>
            <th scope="col" className={th}>
              {t("orders.sku")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("orders.quantity")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("orders.unitPrice")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("orders.lineTotal")}
            </th>
            <th scope="col" className={th}>
              {t("orders.artisan")}
            </th>
          </tr>
        </thead>
        <tbody>
          {order.items.map((item) => (
            <tr key={item.id} className="border-t border-line align-top">
              <th scope="row" className={`${td} min-w-48 font-normal`}>
                <span className="block font-medium">{item.title}</span>
                <span className="block text-muted">{item.variant}</span>
              </th>
              <td className={`${td} font-mono text-xs whitespace-nowrap`}>{item.sku}</td>
              <td className={`${td} text-right tabular-nums`}>{item.quantity}</td>
              <td className={`${td} text-right whitespace-nowrap tabular-nums`}>
                <Price rupiah={item.unitPriceRupiah} />
              </td>
              <td className={`${td} text-right whitespace-nowrap tabular-nums`}>
                <Price rupiah={item.lineTotalRupiah} />
              </td>
              <td className={td}>
                <Link
                  to={`/admin/artisans/${item.artisan.id}`}
                  className="underline underline-offset-4 hover:text-copper-700"
                >
                  {item.artisan.name}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          {order.subtotalRupiah !== order.totalRupiah ? (
            <tr className="border-t border-line">
              <th scope="row" colSpan={4} className={`${td} text-right font-normal`}>
                {t("orders.subtotal")}
              </th>
              <td className={`${td} text-right whitespace-nowrap tabular-nums`}>
                <Price rupiah={order.subtotalRupiah} />
              </td>
              <td />
            </tr>
          ) : null}
          <tr className="border-t border-line">
            <th scope="row" colSpan={4} className={`${td} text-right`}>
              {t("orders.total")}
            </th>
            <td className={`${td} text-right font-semibold whitespace-nowrap tabular-nums`}>
              <Price rupiah={order.totalRupiah} />
            </td>
            <td />
          </tr>
        </tfoot>
      </TableRegion>
    </section>
  );
}

function StripeId({ label, id }: { label: string; id: string | null }) {
  if (!id) return null;
  return (
    <span className="block text-xs text-muted">
      {label}: <code className="font-mono break-all">{id}</code>
    </span>
  );
}

function PaymentsSection({ order }: { order: LoadedOrder }) {
  const { t } = useTranslation("admin");
  const pendingRefund = order.refunds.some((refund) => refund.status === "PENDING");
  return (
    <section aria-labelledby="order-payments" className="mt-6">
      <h2 id="order-payments" className="font-serif text-2xl">
        {t("orders.paymentsTitle")}
      </h2>
      {order.payments.length > 0 ? (
        <TableRegion labelledBy="order-payments">
          <thead className="bg-linen">
            <tr>
              <th scope="col" className={th}>
                {t("orders.provider")}
              </th>
              <th scope="col" className={th}>
                {t("orders.paymentStatus")}
              </th>
              <th scope="col" className={`${th} text-right`}>
                {t("orders.amount")}
              </th>
              <th scope="col" className={`${th} text-right`}>
                {t("orders.refunded")}
              </th>
              <th scope="col" className={th}>
                {t("orders.paidAt")}
              </th>
            </tr>
          </thead>
          <tbody>
            {order.payments.map((payment) => (
              <tr key={payment.id} className="border-t border-line align-top">
                <th scope="row" className={`${td} min-w-48 font-normal`}>
                  {t(`orders.providers.${payment.provider}`)}
                  <StripeId
                    label={t("orders.stripeSession")}
                    id={payment.stripeCheckoutSessionId}
                  />
                  <StripeId label={t("orders.stripeIntent")} id={payment.stripePaymentIntentId} />
                </th>
                <td className={td}>{t(`orders.paymentStatuses.${payment.status}`)}</td>
                <td className={`${td} text-right whitespace-nowrap tabular-nums`}>
                  <Price rupiah={payment.amountRupiah} />
                </td>
                <td className={`${td} text-right whitespace-nowrap tabular-nums`}>
                  <Price rupiah={payment.refundedRupiah} />
                </td>
                <td className={`${td} whitespace-nowrap`}>{payment.paid ?? t("orders.notPaid")}</td>
              </tr>
            ))}
          </tbody>
        </TableRegion>
      ) : (
        <p className="mt-2 rounded-lg border border-line bg-white p-4">{t("orders.noPayments")}</p>
      )}

      <h3 id="order-refunds" className="mt-4 font-serif text-xl">
        {t("orders.refundsTitle")}
      </h3>
      {order.refunds.length > 0 ? (
        <>
          <TableRegion labelledBy="order-refunds">
            <thead className="bg-linen">
              <tr>
                <th scope="col" className={th}>
                  {t("orders.created")}
                </th>
                <th scope="col" className={`${th} text-right`}>
                  {t("orders.amount")}
                </th>
                <th scope="col" className={th}>
                  {t("orders.paymentStatus")}
                </th>
                <th scope="col" className={th}>
                  {t("orders.reason")}
                </th>
              </tr>
            </thead>
            <tbody>
              {order.refunds.map((refund) => (
                <tr key={refund.id} className="border-t border-line align-top">
                  <th scope="row" className={`${td} font-normal whitespace-nowrap`}>
                    {refund.created}
                  </th>
                  <td className={`${td} text-right whitespace-nowrap tabular-nums`}>
                    <Price rupiah={refund.amountRupiah} />
                  </td>
                  <td className={td}>
                    <Badge tone={refund.status === "PENDING" ? "warn" : "neutral"}>
                      {t(`orders.refundStatuses.${refund.status}`)}
                    </Badge>
                  </td>
                  <td className={`${td} min-w-48 break-words`}>
                    {refund.reason}
                    <StripeId label={t("orders.stripeRefund")} id={refund.stripeRefundId} />
                  </td>
                </tr>
              ))}
            </tbody>
          </TableRegion>
          {pendingRefund ? (
            <p className="mt-2 text-sm text-muted">{t("orders.pendingRefundNote")}</p>
          ) : null}
        </>
      ) : (
        <p className="mt-2 rounded-lg border border-line bg-white p-4">{t("orders.noRefunds")}</p>
      )}
    </section>
  );
}

function HistorySection({ order }: { order: LoadedOrder }) {
  const { t } = useTranslation("admin");
  return (
    <section aria-labelledby="order-history" className="mt-6">
      <h2 id="order-history" className="font-serif text-2xl">
        {t("orders.historyTitle")}
      </h2>
      <TableRegion labelledBy="order-history">
        <thead className="bg-linen">
          <tr>
            <th scope="col" className={th}>
              {t("orders.when")}
            </th>
            <th scope="col" className={th}>
              {t("orders.change")}
            </th>
            <th scope="col" className={th}>
              {t("orders.actorKind")}
            </th>
            <th scope="col" className={th}>
              {t("orders.actorName")}
            </th>
            <th scope="col" className={th}>
              {t("orders.reason")}
            </th>
          </tr>
        </thead>
        <tbody>
          {order.events.map((event) => (
            <tr key={event.id} className="border-t border-line align-top">
              <th scope="row" className={`${td} font-normal whitespace-nowrap tabular-nums`}>
                {event.when}
              </th>
              <td className={`${td} min-w-48`}>
                {event.fromStatus === event.toStatus ? (
                  <>
                    {t(`orderStatus.${event.toStatus}`)}{" "}
                    <span className="text-muted">({t("orders.unchanged")})</span>
                  </>
                ) : (
                  <>
                    {event.fromStatus ? t(`orderStatus.${event.fromStatus}`) : t("orders.newOrder")}
                    <span aria-hidden> → </span>
                    <span className="sr-only">, </span>
                    {t(`orderStatus.${event.toStatus}`)}
                  </>
                )}
              </td>
              <td className={td}>
                {event.actorKind
                  ? t(`orders.actorKinds.${event.actorKind}`)
                  : event.actorKindRecorded}
              </td>
              <td className={td}>
                {event.actor ? (
                  <Link
                    to={`/admin/users/${event.actor.id}`}
                    className="underline underline-offset-4 hover:text-copper-700"
                  >
                    {event.actor.name}
                  </Link>
                ) : (
                  t("common.none")
                )}
              </td>
              <td className={`${td} min-w-48 break-words`}>{event.reason ?? t("common.none")}</td>
            </tr>
          ))}
        </tbody>
      </TableRegion>
    </section>
  );
}

function NotificationsSection({ order }: { order: LoadedOrder }) {
  const { t } = useTranslation("admin");
  return (
    <section aria-labelledby="order-notifications" className="mt-6">
      <h2 id="order-notifications" className="font-serif text-2xl">
        {t("orders.notificationsTitle")}
      </h2>
      {order.notifications.length > 0 ? (
        <TableRegion labelledBy="order-notifications">
          <thead className="bg-linen">
            <tr>
              <th scope="col" className={th}>
                {t("orders.created")}
              </th>
              <th scope="col" className={th}>
                {t("orders.template")}
              </th>
              <th scope="col" className={th}>
                {t("orders.channel")}
              </th>
              <th scope="col" className={th}>
                {t("orders.notificationStatus")}
              </th>
            </tr>
          </thead>
          <tbody>
            {order.notifications.map((notification) => (
              <tr key={notification.id} className="border-t border-line align-top">
                <th scope="row" className={`${td} font-normal whitespace-nowrap tabular-nums`}>
                  {notification.created}
                </th>
                <td className={td}>
                  <code className="font-mono text-xs">{notification.template}</code>
                </td>
                <td className={td}>{t(`orders.channels.${notification.channel}`)}</td>
                <td className={td}>
                  {t(`orders.notificationStatuses.${notification.status}`)}
                  {notification.sent ? (
                    <span className="block text-xs text-muted">{notification.sent}</span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </TableRegion>
      ) : (
        <p className="mt-2 rounded-lg border border-line bg-white p-4">
          {t("orders.noNotifications")}
        </p>
      )}
    </section>
  );
}

/** The reason typed into one of the two forms, with its error, if the last answer refused it. */
function ReasonField({ intent, label }: { intent: Intent; label: string }) {
  const answer = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  const refused = answer?.intent === intent ? answer : null;
  const id = `${intent}-reason`;
  const error = refused?.errors.reason;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-medium">
        {label}
      </label>
      <textarea
        id={id}
        name="reason"
        rows={3}
        required
        minLength={3}
        maxLength={500}
        defaultValue={refused?.values.reason ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ")}
        className={`${inputClass} py-2`}
      />
      <p id={`${id}-hint`} className="mt-1 text-sm text-muted">
        {t("orders.reasonHint")}
      </p>
      {error ? <FieldError id={`${id}-error`}>{error}</FieldError> : null}
    </div>
  );
}

function CancelSection() {
  const { t } = useTranslation("admin");
  return (
    <section aria-labelledby="order-cancel" className={`${cardClass} mt-6`}>
      <h2 id="order-cancel" className="font-serif text-xl">
        {t("orders.cancelTitle")}
      </h2>
      <p className="mt-1 text-sm">{t("orders.cancelIntro")}</p>
      <Form method="post" noValidate className="mt-3 grid gap-3">
        <ReasonField intent="cancel" label={t("orders.cancelReason")} />
        <SubmitButton
          name="intent"
          value="cancel"
          tone="danger"
          pendingText={t("orders.cancelling")}
          className="justify-self-start"
        >
          {t("orders.cancel")}
        </SubmitButton>
      </Form>
    </section>
  );
}

function RefundSection({ amount }: { amount: string }) {
  const { t } = useTranslation("admin");
  return (
    <section aria-labelledby="order-refund" className={`${cardClass} mt-6`}>
      <h2 id="order-refund" className="font-serif text-xl">
        {t("orders.refundTitle")}
      </h2>
      <p className="mt-1 text-sm">{t("orders.refundIntro", { amount })}</p>
      <Form method="post" noValidate className="mt-3 grid gap-3">
        <ReasonField intent="refund" label={t("orders.refundReason")} />
        <SubmitButton
          name="intent"
          value="refund"
          tone="danger"
          pendingText={t("orders.refunding")}
          className="justify-self-start"
        >
          {t("orders.refund")}
        </SubmitButton>
      </Form>
    </section>
  );
}
