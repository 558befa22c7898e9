import { createCookie } from "@remix-run/node";
import { appConfig } from "~/config.server";
import { RemixI18Next } from "remix-i18next/server";
import { defaultLocale, i18nOptions, isLocale, supportedLocales, type Locale } from "./config";
import { resources } from "./resources.server";

/** The visitor's language choice, remembered for a year. */
export const localeCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: appConfig().secureCookies,
  maxAge: 60 * 60 * 24 * 365,
});

// Indonesian unless the visitor chose English: the browser's language is not asked, because
// the shop's buyers are Indonesian whatever their phone's settings say.
export const i18next = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLocales],
    fallbackLanguage: defaultLocale,
    cookie: localeCookie,
    order: ["searchParams", "cookie"],
  },
  i18next: { ...i18nOptions, resources },
});

/** The language of this request: ?lng=, then the cookie, then Indonesian. */
export async function getLocale(request: Request): Promise<Locale> {
  const locale = await i18next.getLocale(request);
  return isLocale(locale) ? locale : defaultLocale;
}
