import type { InitOptions } from "i18next";
import account from "~/account/messages";
import auth from "~/accounts/messages";
import admin from "~/admin/messages";
import artisans from "~/artisans/messages";
import cart from "~/cart/messages";
import catalog from "~/catalog/messages";
import operator from "~/operator/messages";
import pickup from "~/pickup/messages";
import studio from "~/studio/messages";
import en from "./locales/en";
import id from "./locales/id";

export const supportedLocales = ["id", "en"] as const;
export type Locale = (typeof supportedLocales)[number];
export const defaultLocale: Locale = "id";

export function isLocale(value: unknown): value is Locale {
  return supportedLocales.includes(value as Locale);
}

/**
 * Every text, by namespace: "common" for the shell (app/i18n/locales), and one namespace per
 * part of the business, kept in that part's folder (messages.ts).
 */
export const resources = {
  id: {
    common: id,
    catalog: catalog.id,
    pickup: pickup.id,
    cart: cart.id,
    artisans: artisans.id,
    auth: auth.id,
    account: account.id,
    admin: admin.id,
    studio: studio.id,
    operator: operator.id,
  },
  en: {
    common: en,
    catalog: catalog.en,
    pickup: pickup.en,
    cart: cart.en,
    artisans: artisans.en,
    auth: auth.en,
    account: account.en,
    admin: admin.en,
    studio: studio.en,
    operator: operator.en,
  },
};

/** Shared by the server and the browser; both languages are small enough to ship together. */
export const i18nOptions = {
  supportedLngs: [...supportedLocales],
  fallbackLng: defaultLocale,
  defaultNS: "common",
  ns: Object.keys(resources.id),
  resources,
  interpolation: { escapeValue: false },
} satisfies InitOptions;
