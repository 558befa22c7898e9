import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { translationsUrl, type Locale } from "./config";

/**
 * Keeps the browser's texts in the page's language. The first page arrives with its language's
 * texts already loaded (entry.client); when the visitor switches language, the other language's
 * texts are fetched once, then the page re-renders in it.
 */
export function useLanguage(locale: Locale, version: string | undefined): void {
  const { i18n } = useTranslation();
  useEffect(() => {
    if (i18n.language === locale) return;
    if (i18n.hasResourceBundle(locale, "common")) {
      void i18n.changeLanguage(locale);
      return;
    }
    let cancelled = false;
    void fetch(version ? translationsUrl(locale, version) : `/locales/${locale}`)
      .then((response) => response.json() as Promise<Record<string, object>>)
      .then((texts) => {
        if (cancelled) return;
        for (const [namespace, bundle] of Object.entries(texts)) {
          i18n.addResourceBundle(locale, namespace, bundle, true, true);
        }
        void i18n.changeLanguage(locale);
      });
    return () => {
      cancelled = true;
    };
  }, [i18n, locale, version]);
}
