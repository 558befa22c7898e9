import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireAdmin } from "~/accounts/permissions.server";
import {
  Badge,
  cardClass,
  FilterActions,
  FilterField,
  Pagination,
  selectClass,
} from "~/admin/admin-ui";
import {
  listOrders,
  orderRestAreaChoices,
  orderStatusCounts,
  parseOrderListQuery,
  type OrderListQuery,
} from "~/admin/orders.server";
import { adminMeta, adminPageHeaders } from "~/admin/page";
import { adminTexts } from "~/admin/texts.server";
import { Price } from "~/components/ui/price";
import { OrderStatus, Region } from "~/generated/prisma/enums";
import { formatDateTime, formatTimeWindow } from "~/lib/dates";
import { isFinished } from "~/orders/order-status";
import { formatPickupDay } from "~/pickup/pickup-days";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const { locale, t } = await adminTexts(request);
  const restAreas = await orderRestAreaChoices();
  const query = parseOrderListQuery(
    new URL(request.url).searchParams,
    restAreas.map((restArea) => restArea.id),
  );
  const [list, counts] = await Promise.all([listOrders(query), orderStatusCounts(query)]);
  return {
    title: t("orders.metaTitle"),
    query: { ...query, page: list.page },
    total: list.total,
    pageCount: list.pageCount,
    counts: counts.filter((row) => row.count > 0),
    countAll: counts.reduce((sum, row) => sum + row.count, 0),
    restAreaGroups: Object.values(Region)
      .map((region) => ({
        region,
        restAreas: restAreas.filter((restArea) => restArea.region === region),
      }))
      .filter((group) => group.restAreas.length > 0),
    orders: list.orders.map((order) => ({
      id: order.id,
      number: order.number,
      status: order.status,
      placed: formatDateTime(order.placedAt, locale),
      buyer: order.buyerFirstName,
      restArea: order.restArea.name,
      pickupDay: formatPickupDay(order.pickupDay, locale),
      pickupWindow: formatTimeWindow(order.pickupStartMinute, order.pickupEndMinute, locale),
      totalRupiah: order.totalRupiah,
      paymentMethod: order.paymentMethod,
    })),
  };
}

export const headers = adminPageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => adminMeta(data?.title);

/** The list's address with some filters changed; any change starts again on the first page. */
function orderListHref(query: OrderListQuery, changes: Partial<OrderListQuery> = {}): string {
  const next = { ...query, page: 1, ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.status) params.set("status", next.status);
  if (next.restAreaId) params.set("restArea", next.restAreaId);
  if (next.day) params.set("day", next.day);
  if (next.page > 1) params.set("page", String(next.page));
  const search = params.toString();
  return search ? `/admin/orders?${search}` : "/admin/orders";
}

const STATUSES = Object.values(OrderStatus);

export default function AdminOrders() {
  const { query, total, pageCount, counts, countAll, restAreaGroups, orders } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const filtered = Boolean(query.q || query.status || query.restAreaId || query.day);
  const countLink = (active: boolean) =>
    `inline-flex min-h-11 items-center gap-1.5 rounded-full border px-4 ${
      active ? "border-ink bg-ink text-paper" : "border-line bg-white hover:border-copper-700"
    }`;
  return (
    <div>
      <h1 className="font-serif text-3xl">{t("orders.title")}</h1>
      <p className="mt-1 text-muted">{t("orders.intro")}</p>

      <nav aria-label={t("orders.countsLabel")} className="mt-4">
        <ul className="flex flex-wrap gap-2">
          <li>
            <Link
              to={orderListHref(query, { status: null })}
              aria-current={query.status === null ? "page" : undefined}
              className={countLink(query.status === null)}
            >
              {t("orders.all")} <span className="font-semibold tabular-nums">{countAll}</span>
            </Link>
          </li>
          {counts.map((row) => (
            <li key={row.status}>
              <Link
                to={orderListHref(query, { status: row.status })}
                aria-current={query.status === row.status ? "page" : undefined}
                className={countLink(query.status === row.status)}
              >
                {t(`orderStatus.${row.status}`)}{" "}
                <span className="font-semibold tabular-nums">{row.count}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <Form
        method="get"
        className={`${cardClass} mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4`}
        key={orderListHref(query)}
      >
        <FilterField
          id="orders-q"
          label={t("orders.searchLabel")}
          className="sm:col-span-2 lg:col-span-4"
        >
          <input
            id="orders-q"
            type="search"
            name="q"
            defaultValue={query.q}
            maxLength={100}
            autoComplete="off"
            className={selectClass}
          />
        </FilterField>
        <FilterField id="orders-status" label={t("orders.status")}>
          <select
            id="orders-status"
            name="status"
            defaultValue={query.status ?? ""}
            className={selectClass}
          >
            <option value="">{t("orders.anyStatus")}</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`orderStatus.${status}`)}
              </option>
            ))}
          </select>
        </FilterField>
        <FilterField id="orders-rest-area" label={t("orders.restArea")}>
          <select
            id="orders-rest-area"
            name="restArea"
            defaultValue={query.restAreaId ?? ""}
            className={selectClass}
          >
            <option value="">{t("orders.anyRestArea")}</option>
            {restAreaGroups.map((group) => (
              <optgroup key={group.region} label={t(`region.${group.region}`, { ns: "common" })}>
                {group.restAreas.map((restArea) => (
                  <option key={restArea.id} value={restArea.id}>
                    {restArea.name}
                    {restArea.active ? "" : ` (${t("common.inactive")})`}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </FilterField>
        <FilterField id="orders-day" label={t("orders.day")}>
          <input
            id="orders-day"
            type="date"
            name="day"
            defaultValue={query.day ?? ""}
            className={selectClass}
          />
        </FilterField>
        <FilterActions filtered={filtered} clearTo="/admin/orders" />
      </Form>

      <section aria-labelledby="orders-list-heading" className="mt-4">
        <h2 id="orders-list-heading" className="sr-only">
          {t("orders.listLabel")}
        </h2>
        <p className="text-sm text-muted" role="status">
          {t("orders.results", { count: total })}
        </p>
        {orders.length > 0 ? (
          <>
            {/* On a phone one card per order; from a laptop's width, a table. */}
            <ul aria-labelledby="orders-list-heading" className="mt-2 grid gap-2 lg:hidden">
              {orders.map((order) => (
                <li key={order.id} className="rounded-lg border border-line bg-white p-3">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <Link
                      to={`/admin/orders/${order.number}`}
                      className="inline-flex min-h-11 items-center font-mono font-semibold underline-offset-4 hover:text-copper-700 hover:underline"
                    >
                      {order.number}
                    </Link>
                    <StatusBadge status={order.status} />
                  </div>
                  <p className="flex flex-wrap justify-between gap-x-3">
                    <span>
                      {order.buyer} · {order.restArea}
                    </span>
                    <span className="font-semibold tabular-nums">
                      <Price rupiah={order.totalRupiah} />
                    </span>
                  </p>
                  <p className="text-sm text-muted">
                    {t("orders.columns.pickup")}: {order.pickupDay}, {order.pickupWindow}
                  </p>
                  <p className="text-sm text-muted">
                    {t("orders.columns.placed")}: {order.placed} ·{" "}
                    {t(`orders.paymentMethods.${order.paymentMethod}`)}
                  </p>
                </li>
              ))}
            </ul>
            {/* Focusable, so that it scrolls from the keyboard on a narrow laptop. */}
            <div
              role="region"
              aria-labelledby="orders-list-heading"
              tabIndex={0}
              className="mt-2 hidden overflow-x-auto rounded-lg border border-line bg-white lg:block"
            >
              <table className="w-full text-left text-sm">
                <thead className="bg-linen">
                  <tr>
                    {(
                      [
                        "number",
                        "placed",
                        "buyer",
                        "restArea",
                        "pickup",
                        "status",
                        "total",
                        "payment",
                      ] as const
                    ).map((column) => (
                      <th
                        key={column}
                        scope="col"
                        className={`px-3 py-2 font-semibold ${column === "total" ? "text-right" : ""}`}
                      >
                        {t(`orders.columns.${column}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {orders.map((order) => (
                    <tr key={order.id} className="border-t border-line align-top">
                      <th scope="row" className="px-3 font-normal">
                        <Link
                          to={`/admin/orders/${order.number}`}
                          className="inline-flex min-h-11 items-center font-mono font-semibold whitespace-nowrap underline-offset-4 hover:text-copper-700 hover:underline"
                        >
                          {order.number}
                        </Link>
                      </th>
                      <td className="px-3 py-3 tabular-nums">{order.placed}</td>
                      <td className="px-3 py-3">{order.buyer}</td>
                      <td className="px-3 py-3">{order.restArea}</td>
                      <td className="px-3 py-3">
                        <span className="block whitespace-nowrap">{order.pickupDay}</span>
                        <span className="block whitespace-nowrap text-muted tabular-nums">
                          {order.pickupWindow}
                        </span>
                      </td>
                      <td className="px-3 py-3">
                        <StatusBadge status={order.status} />
                      </td>
                      <td className="px-3 py-3 text-right whitespace-nowrap tabular-nums">
                        <Price rupiah={order.totalRupiah} />
                      </td>
                      <td className="px-3 py-3">
                        {t(`orders.paymentMethods.${order.paymentMethod}`)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : (
          <p className="mt-2 rounded-lg border border-line bg-white p-4">
            {filtered ? t("orders.none") : t("orders.noneYet")}
          </p>
        )}
        <Pagination
          page={query.page}
          pageCount={pageCount}
          hrefFor={(page) => orderListHref(query, { page })}
        />
      </section>
    </div>
  );
}

function StatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useTranslation("admin");
  return (
    <span className="whitespace-nowrap">
      <Badge tone={isFinished(status) ? "off" : "neutral"}>{t(`orderStatus.${status}`)}</Badge>
    </span>
  );
}
