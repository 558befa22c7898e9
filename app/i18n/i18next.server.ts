import { createCookie } from "@remix-run/node";
import { createInstance, type i18n, type Resources, type TFunction } from "i18next";
import { initReactI18next } from "react-i18next";
import { RemixI18Next } from "remix-i18next/server";
import { appConfig } from "~/config.server";
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
const detector = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLocales],
    fallbackLanguage: defaultLocale,
    cookie: localeCookie,
    order: ["searchParams", "cookie"],
  },
});

/** The language of this request: ?lng=, then the cookie, then Indonesian. */
export async function getLocale(request: Request): Promise<Locale> {
  const locale = await detector.getLocale(request);
  return isLocale(locale) ? locale : defaultLocale;
}

// One i18next instance per language, made once: a server never changes an instance's language,
// so every request (and every streamed render) can share them without making its own.
function instanceFor(lng: Locale): i18n {
  const instance = createInstance({ ...i18nOptions, resources, lng, initImmediate: false });
  void instance.use(initReactI18next).init();
  return instance;
}
const instances: Record<Locale, i18n> = { id: instanceFor("id"), en: instanceFor("en") };

/** The i18next instance that renders pages in `locale`. */
export function translationsFor(locale: Locale): i18n {
  return instances[locale];
}

export const i18next = {
  /** A `t` for one language and namespace, e.g. for a page title in a loader. */
  async getFixedT<const Namespace extends keyof Resources = "common">(
    locale: Locale,
    namespace?: Namespace,
  ): Promise<TFunction<Namespace>> {
    return instances[locale].getFixedT(locale, namespace ?? "common") as TFunction<Namespace>;
  },
};
