import type { InitOptions } from "i18next";

export const supportedLocales = ["id", "en"] as const;
export type Locale = (typeof supportedLocales)[number];
export const defaultLocale: Locale = "id";

export function isLocale(value: unknown): value is Locale {
  return supportedLocales.includes(value as Locale);
}

/**
 * Every text, by namespace: "common" for the shell (app/i18n/locales), and one namespace per
 * part of the business, kept in that part's folder (messages.ts). The texts themselves are in
 * resources.server.ts: the server has both languages; a browser fetches only its own language
 * as JSON (routes/locales.$lng.ts), so no text is in the JavaScript bundle.
 */
export const namespaces = [
  "common",
  "catalog",
  "pickup",
  "cart",
  "artisans",
  "auth",
  "account",
  "admin",
  "studio",
  "operator",
  "checkout",
  "orders",
  "listings",
  "photos",
  "packing",
  "statements",
  "notifications",
  "dispatch",
] as const;

/**
 * What a browser downloads: a shop page can need only the shop's texts (about a third of them);
 * the studio, the admin and the operator console get every namespace. Links from the shop into a
 * workspace load the rest before the page changes (workspaceClientLoader).
 */
export const shopNamespaces = [
  "common",
  "catalog",
  "pickup",
  "cart",
  "artisans",
  "auth",
  "account",
  "checkout",
  "orders",
] as const satisfies readonly (typeof namespaces)[number][];
export type TextSet = "shop" | "all";

export function textSetFor(pathname: string): TextSet {
  return /^\/(admin|studio|operator)(\/|$)/.test(pathname) ? "all" : "shop";
}

export function namespacesOf(set: TextSet): readonly string[] {
  return set === "shop" ? shopNamespaces : namespaces;
}

/** Shared by the server and the browser. */
export const i18nOptions = {
  supportedLngs: [...supportedLocales],
  fallbackLng: defaultLocale,
  defaultNS: "common",
  ns: [...namespaces],
  interpolation: { escapeValue: false },
} satisfies InitOptions;

/** Where a browser fetches its language's texts; `version` changes whenever a text does. */
export function translationsUrl(locale: Locale, version: string, set: TextSet): string {
  return `/locales/${locale}?set=${set}&v=${version}`;
}
