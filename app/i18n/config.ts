import type { InitOptions } from "i18next";
import en from "./locales/en";
import id from "./locales/id";

export const supportedLocales = ["id", "en"] as const;
export type Locale = (typeof supportedLocales)[number];
export const defaultLocale: Locale = "id";

export function isLocale(value: unknown): value is Locale {
  return supportedLocales.includes(value as Locale);
}

/** Shared by the server and the browser; both languages are small enough to ship together. */
export const i18nOptions = {
  supportedLngs: [...supportedLocales],
  fallbackLng: defaultLocale,
  defaultNS: "common",
  ns: ["common"],
  resources: { id: { common: id }, en: { common: en } },
  interpolation: { escapeValue: false },
} satisfies InitOptions;
