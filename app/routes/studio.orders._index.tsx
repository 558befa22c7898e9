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
import { requireArtisan } from "~/accounts/permissions.server";
import { FormMessage } from "~/components/ui/field";
import { getLocale, i18next } from "~/i18n/i18next.server";
import { refusal } from "~/lib/forms";
import {
  ordersToPrepare,
  packingOrderNumber,
  RECENTLY_PACKED_DAYS,
  recentlyPacked,
  submitPacking,
  type OrderToPrepare,
  type PackedOrder,
  type PreparationGroup,
} from "~/studio/packing.server";
import {
  cardClass,
  linkButtonClass,
  PackingButton,
  PaymentBadge,
  PieceState,
  WhenBadge,
} from "~/studio/packing-ui";
import { readForm } from "~/lib/form-body.server";

const DONE = ["packed", "unpacked"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const owner = await requireArtisan(request);
  const locale = await getLocale(request);
  const now = new Date();
  const [t, groups, recent] = await Promise.all([
    i18next.getFixedT(locale, "packing"),
    ordersToPrepare(owner, { now, locale }),
    recentlyPacked(owner, { now, locale }),
  ]);
  const url = new URL(request.url);
  const done = DONE.find((kind) => kind === url.searchParams.get("done")) ?? null;
  const doneNumber = packingOrderNumber(url.searchParams.get("order"));
  return {
    title: t("list.metaTitle"),
    groups,
    recent,
    recentDays: RECENTLY_PACKED_DAYS,
    done: done && doneNumber ? { kind: done, number: doneNumber } : null,
  };
}

// One artisan's own orders: never kept by a browser or a proxy.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: "robots", content: "noindex" },
];

/**
 * number + item ("all") + intent (pack | unpack): packs or unpacks all of the artisan's pieces of
 * one order from the list. Another artisan's order is a 404; a cancelled or dispatched one a 409.
 */
export async function action({ request }: ActionFunctionArgs) {
  const owner = await requireArtisan(request);
  const form = await readForm(request);
  const t = await i18next.getFixedT(await getLocale(request), "packing");
  const number = packingOrderNumber(String(form.get("number") ?? ""));
  if (!number) {
    return data(
      { ...refusal(form, { form: t("problems.badRequest") }), number: null },
      { status: 400 },
    );
  }
  const outcome = await submitPacking(owner, number, form);
  if (!outcome.ok) {
    return data(
      { ...refusal(form, { form: t(`problems.${outcome.problem}`) }), number },
      { status: outcome.status },
    );
  }
  const done = outcome.intent === "pack" ? "packed" : "unpacked";
  return redirect(`/studio/orders?${new URLSearchParams({ done, order: number })}#order-${number}`);
}

export default function StudioOrders() {
  const { groups, recent, recentDays, done } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation("packing");
  return (
    <div>
      <h1 className="font-serif text-3xl leading-tight">{t("title")}</h1>
      <p className="mt-1 text-muted">{t("list.intro")}</p>

      <div className="mt-4 grid gap-3 empty:hidden">
        {done ? (
          <FormMessage tone="success">
            {t(`done.${done.kind}`, { number: done.number })}
          </FormMessage>
        ) : null}
        {answer && !answer.number ? <FormMessage>{answer.errors.form}</FormMessage> : null}
      </div>

      {groups.length === 0 ? (
        <p className={`mt-4 ${cardClass} text-muted`}>{t("list.empty")}</p>
      ) : (
        <ul aria-label={t("list.groupsLabel")} className="mt-4 space-y-6">
          {groups.map((group) => (
            <li key={`${group.dispatchDay}|${group.restArea.name}`}>
              <GroupSection group={group} />
            </li>
          ))}
        </ul>
      )}

      <RecentSection recent={recent} days={recentDays} />
    </div>
  );
}

function GroupSection({ group }: { group: PreparationGroup }) {
  const { t } = useTranslation("packing");
  const headingId = `group-${group.dispatchDay}-${group.restArea.kmLabel.replace(/\W+/g, "-")}`;
  return (
    <section aria-labelledby={headingId}>
      <div className="rounded-xl bg-linen p-3">
        <div className="flex flex-wrap items-center gap-2">
          <h2 id={headingId} className="font-serif text-xl leading-snug">
            {t("when.dispatchBy", { day: group.dispatchDayLabel })}
          </h2>
          <WhenBadge when={group.dispatchWhen} />
        </div>
        <p className="mt-1 font-medium">
          {group.restArea.name}{" "}
          <span className="font-normal text-muted">
            · {group.restArea.kmLabel} · {group.restArea.direction}
          </span>
        </p>
        <p className="text-sm">{t("when.pickup", { day: group.pickupDayLabel })}</p>
        <p className="text-sm text-muted">
          {t("list.orders", { count: group.orderCount })} ·{" "}
          {t("list.toPack", { count: group.piecesToPack })}
        </p>
      </div>
      <ul className="mt-3 space-y-3">
        {group.orders.map((order) => (
          <li key={order.number}>
            <OrderCard order={order} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The answer's message, when it was about this order. */
function OrderProblem({ number }: { number: string }) {
  const answer = useActionData<typeof action>();
  if (!answer || answer.number !== number) return null;
  return (
    <div className="mt-3">
      <FormMessage>{answer.errors.form}</FormMessage>
    </div>
  );
}

function OrderCard({ order }: { order: OrderToPrepare }) {
  const { t } = useTranslation("packing");
  return (
    <article id={`order-${order.number}`} className={`${cardClass} scroll-mt-4`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-mono text-lg font-semibold">
          <Link
            to={`/studio/orders/${order.number}`}
            className="inline-flex min-h-11 items-center underline underline-offset-4 hover:text-copper-700"
          >
            {order.number}
          </Link>
        </h3>
        <PaymentBadge payment={order.payment} />
      </div>
      <p className="text-sm">
        {t("order.buyer")}: <span className="font-medium">{order.buyerFirstName}</span>
      </p>
      <ul className="mt-2 divide-y divide-line border-t border-line">
        {order.items.map((item) => (
          <li key={item.id} className="py-2">
            <p className="font-medium">{item.title}</p>
            <p className="text-sm">
              {item.variantLabel} ·{" "}
              <span className="font-semibold">{t("item.quantity", { count: item.quantity })}</span>
            </p>
            <p className="text-xs text-muted">{t("item.sku", { sku: item.sku })}</p>
            <PieceState packedAt={item.packedAt} />
          </li>
        ))}
      </ul>
      <OrderProblem number={order.number} />
      <div className="mt-3 flex flex-col gap-2 sm:flex-row sm:flex-wrap">
        {order.canPack ? (
          <PackingButton
            number={order.number}
            item="all"
            intent="pack"
            tone="primary"
            pendingText={t("actions.packing")}
            accessibleContext={order.number}
          >
            {t("actions.packAll")}
          </PackingButton>
        ) : null}
        <Link to={`/studio/orders/${order.number}/slip`} className={linkButtonClass}>
          {t("actions.slip")}
          <span className="sr-only">: {order.number}</span>
        </Link>
        <Link to={`/studio/orders/${order.number}`} className={linkButtonClass}>
          {t("list.open")}
          <span className="sr-only">: {order.number}</span>
        </Link>
      </div>
    </article>
  );
}

function RecentSection({ recent, days }: { recent: PackedOrder[]; days: number }) {
  const { t } = useTranslation("packing");
  return (
    <section aria-labelledby="recently-packed" className="mt-10">
      <h2 id="recently-packed" className="font-serif text-2xl">
        {t("recent.heading")}
      </h2>
      <p className="mt-1 text-sm text-muted">{t("recent.intro", { days })}</p>
      {recent.length === 0 ? (
        <p className={`mt-3 ${cardClass} text-muted`}>{t("recent.empty", { days })}</p>
      ) : (
        <ul className="mt-3 space-y-3">
          {recent.map((order) => (
            <li key={order.number}>
              <article id={`order-${order.number}`} className={`${cardClass} scroll-mt-4`}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h3 className="font-mono text-lg font-semibold">
                    <Link
                      to={`/studio/orders/${order.number}`}
                      className="inline-flex min-h-11 items-center underline underline-offset-4 hover:text-copper-700"
                    >
                      {order.number}
                    </Link>
                  </h3>
                  <PaymentBadge payment={order.payment} />
                </div>
                <p className="text-sm">
                  <span className="font-medium">{order.restArea.name}</span> ·{" "}
                  {t("when.dispatchBy", { day: order.dispatchDayLabel })}
                </p>
                <p className="text-sm">
                  {t("order.buyer")}: <span className="font-medium">{order.buyerFirstName}</span> ·{" "}
                  {t("item.quantity", { count: order.pieces })}
                </p>
                <p className="text-sm text-muted">
                  <span aria-hidden className="text-emerald-800">
                    ✓{" "}
                  </span>
                  {t("recent.packedAt", { when: order.lastPackedAt })}
                </p>
                {order.inConsignment ? (
                  <p className="mt-2 text-sm">{t("order.inConsignment")}</p>
                ) : null}
                <OrderProblem number={order.number} />
                <div className="mt-3 flex flex-col gap-2 sm:flex-row sm:flex-wrap">
                  {order.canUnpack ? (
                    <PackingButton
                      number={order.number}
                      item="all"
                      intent="unpack"
                      tone="secondary"
                      pendingText={t("actions.unpacking")}
                      accessibleContext={order.number}
                    >
                      {t("actions.unpackAll")}
                    </PackingButton>
                  ) : null}
                  <Link to={`/studio/orders/${order.number}/slip`} className={linkButtonClass}>
                    {t("actions.slip")}
                    <span className="sr-only">: {order.number}</span>
                  </Link>
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
