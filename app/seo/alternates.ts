import type { Locale } from "~/i18n/config";

/**
 * A page's address in each language: Indonesian without a language parameter (the default),
 * English with ?lng=en. Other parameters (filters, page, variant) are kept as they are.
 */
export function languageAlternates(
  origin: string,
  location: { pathname: string; search: string },
): Record<Locale, string> {
  const params = new URLSearchParams(location.search);
  params.delete("lng");
  const rest = params.toString();
  const id = `${origin}${location.pathname}${rest ? `?${rest}` : ""}`;
  params.set("lng", "en");
  return { id, en: `${origin}${location.pathname}?${params.toString()}` };
}
