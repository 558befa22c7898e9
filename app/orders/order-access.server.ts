import { createCookie } from "@remix-run/node";
import { currentUser } from "~/accounts/session.server";
import { appConfig } from "~/config.server";
import { prisma } from "~/db.server";
import { ORDER_ACCESS_KEY, ORDER_NUMBER, orderAccessHash } from "./orders.server";

/**
 * Who may open an order's page: the signed-in buyer who placed it, or anyone holding its secret —
 * the key in the link the buyer was sent, the same key remembered in this browser's cookie, or
 * the Stripe Checkout session id Stripe hands back after paying. Anyone else gets a 404, so an
 * order number alone reveals nothing.
 */
const orderKeysCookie = createCookie("ks_orders", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: appConfig().secureCookies,
  maxAge: 60 * 60 * 24 * 180,
});

/** A guest who orders often keeps the links of their recent orders; older ones drop off. */
const KEYS_REMEMBERED = 20;

async function rememberedKeys(request: Request): Promise<string[]> {
  const value: unknown = await orderKeysCookie.parse(request.headers.get("Cookie"));
  return Array.isArray(value)
    ? value.filter((key): key is string => typeof key === "string" && ORDER_ACCESS_KEY.test(key))
    : [];
}

/** A Set-Cookie header that lets this browser open the order with `key` from now on. */
export async function rememberOrderKey(request: Request, key: string): Promise<string> {
  const keys = [key, ...(await rememberedKeys(request)).filter((known) => known !== key)];
  return orderKeysCookie.serialize(keys.slice(0, KEYS_REMEMBERED));
}

export type OrderViewer =
  { kind: "owner"; userId: string } | { kind: "key"; key: string } | { kind: "stripe-session" };

/**
 * The order's id if this request may see it, with how, or null. `key` and `session` come from
 * the address (`?key=`, `?session=`).
 */
export async function orderViewer(
  request: Request,
  number: string,
): Promise<{ orderId: string; viewer: OrderViewer } | null> {
  if (!ORDER_NUMBER.test(number)) return null;
  const order = await prisma.order.findUnique({
    where: { number },
    select: {
      id: true,
      userId: true,
      accessTokenHash: true,
      payments: { select: { stripeCheckoutSessionId: true } },
    },
  });
  if (!order) return null;
  const user = await currentUser(request);
  if (user && order.userId === user.id) {
    return { orderId: order.id, viewer: { kind: "owner", userId: user.id } };
  }
  const url = new URL(request.url);
  const keys = [url.searchParams.get("key") ?? "", ...(await rememberedKeys(request))];
  const key = keys.find(
    (candidate) =>
      ORDER_ACCESS_KEY.test(candidate) && orderAccessHash(candidate) === order.accessTokenHash,
  );
  if (key) return { orderId: order.id, viewer: { kind: "key", key } };
  const session = url.searchParams.get("session");
  if (
    session &&
    /^cs_[A-Za-z0-9_]{10,200}$/.test(session) &&
    order.payments.some((payment) => payment.stripeCheckoutSessionId === session)
  ) {
    return { orderId: order.id, viewer: { kind: "stripe-session" } };
  }
  return null;
}
