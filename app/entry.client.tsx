import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { defaultLocale, i18nOptions, isLocale } from "./i18n/config";

async function hydrate() {
  const lang = document.documentElement.lang;
  const lng = isLocale(lang) ? lang : defaultLocale;
  // The page's own language only, as JSON; the root layout preloads it next to the scripts.
  const preloaded = document.querySelector<HTMLLinkElement>("link[data-translations]");
  const texts = (await (await fetch(preloaded?.href ?? `/locales/${lng}`)).json()) as Record<
    string,
    object
  >;
  await i18next.use(initReactI18next).init({ ...i18nOptions, lng, resources: { [lng]: texts } });
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
