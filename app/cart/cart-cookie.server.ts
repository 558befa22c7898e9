import { createCookie } from "@remix-run/node";
import { appConfig } from "~/config.server";

/**
 * Holds only a random visitor key (never prices or quantities): the cart itself lives in the
 * database, so it survives a browser restart and any app process can serve it.
 */
export const cartCookie = createCookie("ks_cart", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: appConfig().secureCookies,
  maxAge: 60 * 60 * 24 * 60,
});

export async function readVisitorKey(request: Request): Promise<string | null> {
  const value: unknown = await cartCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && /^[A-Za-z0-9_-]{16,64}$/.test(value) ? value : null;
}
