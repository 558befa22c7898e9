import i18next from "i18next";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import {
  defaultLocale,
  isLocale,
  namespacesOf,
  translationsUrl,
  type Locale,
  type TextSet,
} from "./config";

function hasTexts(locale: Locale, set: TextSet): boolean {
  return namespacesOf(set).every((namespace) => i18next.hasResourceBundle(locale, namespace));
}

/** Fetches a language's texts and adds them to the browser's i18next. */
async function loadTexts(locale: Locale, version: string | undefined, set: TextSet) {
  const url = version ? translationsUrl(locale, version, set) : `/locales/${locale}?set=${set}`;
  const texts = (await (await fetch(url)).json()) as Record<string, object>;
  for (const [namespace, bundle] of Object.entries(texts)) {
    i18next.addResourceBundle(locale, namespace, bundle, true, true);
  }
}

/**
 * Keeps the browser's texts in the page's language. The first page arrives with its texts
 * already loaded (entry.client); when the visitor switches language, that language's texts are
 * fetched once, then the page re-renders in it.
 */
export function useLanguage(
  locale: Locale,
  version: string | undefined,
  set: TextSet = "shop",
): void {
  const { i18n } = useTranslation();
  useEffect(() => {
    if (i18n.language === locale && hasTexts(locale, set)) return;
    let cancelled = false;
    void (hasTexts(locale, set) ? Promise.resolve() : loadTexts(locale, version, set)).then(() => {
      if (!cancelled) void i18n.changeLanguage(locale);
    });
    return () => {
      cancelled = true;
    };
  }, [i18n, locale, version, set]);
}

/**
 * The client loader of the studio, the admin and the operator console: a shop page has only the
 * shop's texts, so on the way into a workspace the rest are loaded before it renders. The
 * version is the one the page was served with (the root layout's preload link).
 */
export async function workspaceClientLoader<T>({
  serverLoader,
}: {
  serverLoader: () => Promise<T>;
}) {
  const lang = document.documentElement.lang;
  const locale = isLocale(lang) ? lang : defaultLocale;
  const link = document.querySelector<HTMLLinkElement>("link[data-translations]");
  const version = link ? (new URL(link.href).searchParams.get("v") ?? undefined) : undefined;
  const [data] = await Promise.all([
    serverLoader(),
    hasTexts(locale, "all") ? null : loadTexts(locale, version, "all"),
  ]);
  return data;
}
