import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Price } from "~/components/ui/price";
import type { OrderStatus } from "~/generated/prisma/enums";
import { sectionClass } from "./profile-section";

export type OrderRow = {
  number: string;
  status: OrderStatus;
  /** Already in WIB and the visitor's language. */
  placed: string;
  restAreaName: string;
  pickup: string;
  totalRupiah: number;
};

export function OrdersSection({ orders, total }: { orders: OrderRow[]; total: number }) {
  const { t } = useTranslation("account");
  return (
    <section aria-labelledby="orders-heading" className={sectionClass}>
      <h2 id="orders-heading" className="font-serif text-2xl">
        {t("orders.heading")}
      </h2>
      {orders.length === 0 ? (
        <div className="mt-3">
          <p className="text-muted">{t("orders.empty")}</p>
          <Link
            to="/products"
            className="mt-4 inline-flex min-h-11 items-center rounded-full bg-copper-600 px-6 font-semibold text-white hover:bg-copper-700"
          >
            {t("orders.emptyLink")}
          </Link>
        </div>
      ) : (
        <>
          <ul className="mt-3 divide-y divide-line border-y border-line">
            {orders.map((order) => (
              <li key={order.number} className="py-4">
                <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                  <h3 className="font-mono text-lg font-semibold">
                    <Link
                      to={`/orders/${order.number}`}
                      aria-label={t("orders.view", { number: order.number })}
                      className="inline-flex min-h-11 items-center underline underline-offset-4 hover:text-copper-700"
                    >
                      {order.number}
                    </Link>
                  </h3>
                  <p className="rounded-full bg-linen px-3 py-1 text-sm font-medium">
                    <span className="sr-only">{t("orders.status")}: </span>
                    {t(`orderStatus.${order.status}`)}
                  </p>
                </div>
                <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                  <dt className="text-muted">{t("orders.placed")}</dt>
                  <dd>{order.placed}</dd>
                  <dt className="text-muted">{t("orders.restArea")}</dt>
                  <dd>{order.restAreaName}</dd>
                  <dt className="text-muted">{t("orders.pickup")}</dt>
                  <dd>{order.pickup}</dd>
                  <dt className="text-muted">{t("orders.total")}</dt>
                  <dd className="font-semibold">
                    <Price rupiah={order.totalRupiah} />
                  </dd>
                </dl>
              </li>
            ))}
          </ul>
          {total > orders.length ? (
            <p className="mt-3 text-sm text-muted">
              {t("orders.more", { shown: orders.length, total })}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
