import { createCookie } from "@remix-run/node";
import { appConfig } from "~/config.server";
import type { Locale } from "~/i18n/config";
import {
  activeRestAreaSummary,
  restAreaSlug,
  type RestAreaPickupSummary,
} from "./rest-areas.server";

/**
 * The rest area a visitor chose to collect at, remembered for a year so that product pages can
 * say when a piece could be collected there. Only the slug is kept; it names nothing personal.
 */
const myRestAreaCookie = createCookie("ks_rest_area", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: appConfig().secureCookies,
  maxAge: 60 * 60 * 24 * 365,
});

/** The slug in the visitor's cookie, if it has the shape of one. */
export async function readMyRestAreaSlug(request: Request): Promise<string | null> {
  const value: unknown = await myRestAreaCookie.parse(request.headers.get("Cookie"));
  const slug = restAreaSlug.safeParse(value);
  return slug.success ? slug.data : null;
}

/** A Set-Cookie header that makes `slug` the visitor's rest area. */
export async function myRestAreaCookieHeader(slug: string): Promise<string> {
  return myRestAreaCookie.serialize(restAreaSlug.parse(slug));
}

/** The visitor's chosen rest area, or null when none is chosen or it no longer takes pickups. */
export async function getMyRestArea(
  request: Request,
  locale: Locale,
): Promise<RestAreaPickupSummary | null> {
  const slug = await readMyRestAreaSlug(request);
  return slug ? activeRestAreaSummary(slug, locale) : null;
}
