import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound, requireArtisan } from "~/accounts/permissions.server";
import { FormMessage } from "~/components/ui/field";
import { getLocale, i18next } from "~/i18n/i18next.server";
import { refusal } from "~/lib/forms";
import { ownOrder, packingOrderNumber, submitPacking } from "~/studio/packing.server";
import {
  badgeClass,
  cardClass,
  linkButtonClass,
  PackingButton,
  PaymentBadge,
  PieceState,
  WhenBadge,
} from "~/studio/packing-ui";
import { readForm } from "~/lib/form-body.server";

const DONE = ["packed", "unpacked"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const owner = await requireArtisan(request);
  const number = packingOrderNumber(params.number);
  if (!number) throw notFound();
  const locale = await getLocale(request);
  const [t, order] = await Promise.all([
    i18next.getFixedT(locale, "packing"),
    ownOrder(owner, number, { now: new Date(), locale }),
  ]);
  const done = new URL(request.url).searchParams.get("done");
  return {
    title: t("order.metaTitle", { number: order.number }),
    order,
    done: DONE.find((kind) => kind === done) ?? null,
  };
}

// One artisan's own order: never kept by a browser or a proxy.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: "robots", content: "noindex" },
];

/**
 * item (a piece's id, or "all") + intent (pack | unpack). Another artisan's order or piece is a
 * 404; an order cancelled, expired or dispatched meanwhile is a 409 and nothing changes.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const owner = await requireArtisan(request);
  const number = packingOrderNumber(params.number);
  if (!number) throw notFound();
  const form = await readForm(request);
  const outcome = await submitPacking(owner, number, form);
  if (!outcome.ok) {
    const t = await i18next.getFixedT(await getLocale(request), "packing");
    return data(refusal(form, { form: t(`problems.${outcome.problem}`) }), {
      status: outcome.status,
    });
  }
  const done = outcome.intent === "pack" ? "packed" : "unpacked";
  return redirect(`/studio/orders/${number}?done=${done}`);
}

export default function StudioOrder() {
  const { order, done } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation("packing");
  const { t: tAccount } = useTranslation("account");
  const preparing = order.inPreparation;
  const toPack = order.items.filter((item) => !item.packedAt).length;
  const packed = order.items.length - toPack;
  return (
    <div>
      <Link
        to="/studio/orders"
        className="inline-flex min-h-11 items-center gap-1 text-sm underline underline-offset-4 hover:text-copper-700"
      >
        <span aria-hidden>←</span> {t("order.back")}
      </Link>
      <h1 className="font-serif text-3xl leading-tight break-words">
        {t("order.heading", { number: order.number })}
      </h1>
      <p className="mt-2 flex flex-wrap items-center gap-2">
        <span className={`${badgeClass} bg-ink text-paper`}>
          {tAccount(`orderStatus.${order.status}`)}
        </span>
        <PaymentBadge payment={order.payment} />
      </p>

      <div className="mt-4 grid gap-3 empty:hidden">
        {done ? (
          <FormMessage tone="success">{t(`done.${done}`, { number: order.number })}</FormMessage>
        ) : null}
        {answer?.errors.form ? <FormMessage>{answer.errors.form}</FormMessage> : null}
      </div>

      <section aria-labelledby="order-details" className={`mt-4 ${cardClass}`}>
        <h2 id="order-details" className="sr-only">
          {t("order.details")}
        </h2>
        <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[10rem_1fr]">
          <dt className="text-sm text-muted">{t("order.buyer")}</dt>
          <dd className="font-medium">{order.buyerFirstName}</dd>
          <dt className="text-sm text-muted">{t("order.restArea")}</dt>
          <dd>
            <span className="font-medium">{order.restArea.name}</span>
            <span className="block text-sm">
              {order.restArea.kmLabel} · {order.restArea.direction}
            </span>
          </dd>
          <dt className="text-sm text-muted">{t("order.pickupDay")}</dt>
          <dd>
            {order.pickupDayLabel}{" "}
            <span className="text-sm tabular-nums">{order.pickupWindow}</span>
          </dd>
          <dt className="text-sm text-muted">{t("order.dispatchDay")}</dt>
          <dd className="flex flex-wrap items-center gap-2 font-semibold">
            {order.dispatchDayLabel}
            {order.canPack ? <WhenBadge when={order.dispatchWhen} /> : null}
          </dd>
        </dl>
      </section>

      <div className="mt-4 grid gap-3 empty:hidden">
        {order.status === "PENDING_PAYMENT" ? (
          <FormMessage>{t("order.notPaidYet")}</FormMessage>
        ) : !preparing ? (
          <FormMessage>
            {t("order.notPreparing", { status: tAccount(`orderStatus.${order.status}`) })}
          </FormMessage>
        ) : null}
        {order.sharedWithOthers ? (
          <p className="rounded-lg bg-linen p-3 text-sm">{t("order.sharedWithOthers")}</p>
        ) : null}
        {order.inConsignment && preparing ? (
          <p className="rounded-lg bg-linen p-3 text-sm">{t("order.inConsignment")}</p>
        ) : null}
      </div>

      <section aria-labelledby="order-items" className="mt-6">
        <h2 id="order-items" className="font-serif text-2xl">
          {t("order.itemsHeading")}
        </h2>
        {preparing && toPack === 0 ? (
          <p className="mt-1 text-sm font-semibold text-emerald-800">{t("order.allPacked")}</p>
        ) : null}
        <ul className="mt-3 space-y-3">
          {order.items.map((item) => (
            <li key={item.id} className={cardClass}>
              <p className="text-lg font-medium">{item.title}</p>
              <p>
                {item.variantLabel} ·{" "}
                <span className="font-semibold">
                  {t("item.quantity", { count: item.quantity })}
                </span>
              </p>
              <p className="text-sm text-muted">{t("item.sku", { sku: item.sku })}</p>
              {item.madeToOrder ? (
                <span className={`${badgeClass} mt-1 bg-linen`}>{t("item.madeToOrder")}</span>
              ) : null}
              <p className="mt-2">
                <PieceState packedAt={item.packedAt} />
              </p>
              <div className="mt-2">
                {!item.packedAt && order.canPack ? (
                  <PackingButton
                    number={order.number}
                    item={item.id}
                    intent="pack"
                    tone="primary"
                    pendingText={t("actions.packing")}
                    accessibleContext={item.title}
                  >
                    {t("actions.pack")}
                  </PackingButton>
                ) : null}
                {item.packedAt && order.canUnpack ? (
                  <PackingButton
                    number={order.number}
                    item={item.id}
                    intent="unpack"
                    tone="secondary"
                    pendingText={t("actions.unpacking")}
                    accessibleContext={item.title}
                  >
                    {t("actions.unpack")}
                  </PackingButton>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
        <div className="mt-4 flex flex-col gap-2 sm:flex-row sm:flex-wrap">
          {order.canPack && toPack > 1 ? (
            <PackingButton
              number={order.number}
              item="all"
              intent="pack"
              tone="primary"
              pendingText={t("actions.packing")}
            >
              {t("actions.packAll")}
            </PackingButton>
          ) : null}
          {order.canUnpack && packed > 1 ? (
            <PackingButton
              number={order.number}
              item="all"
              intent="unpack"
              tone="secondary"
              pendingText={t("actions.unpacking")}
            >
              {t("actions.unpackAll")}
            </PackingButton>
          ) : null}
          <Link to={`/studio/orders/${order.number}/slip`} className={linkButtonClass}>
            {t("actions.slip")}
          </Link>
        </div>
      </section>
    </div>
  );
}
