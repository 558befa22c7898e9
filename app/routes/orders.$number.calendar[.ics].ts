import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/accounts/permissions.server";
import { getLocale } from "~/i18n/i18next.server";
import { orderViewer } from "~/orders/order-access.server";
import { orderCalendar } from "~/orders/order-page.server";

/**
 * "Add to calendar" on the order page: the pickup as an .ics file, for whoever may open the order
 * (the page passes its key on, since a phone's calendar app has no session). It carries the
 * pickup code, so an order without a pickup ahead has none.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await orderViewer(request, params.number ?? "");
  if (!found) throw notFound();
  const file = await orderCalendar(found.orderId, await getLocale(request));
  if (!file) throw notFound();
  return new Response(file, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${params.number}.ics"`,
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
}
