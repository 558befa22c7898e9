import type { Locale } from "~/i18n/config";

/**
 * A page's address in each language: Indonesian without a language parameter (the default),
 * English with ?lng=en. Other parameters (filters, page, variant) are kept as they are, except
 * the secrets that open a buyer's order (`key`, `session`), which never belong in a link.
 */
const SECRET_PARAMS = ["key", "session"];

export function languageAlternates(
  origin: string,
  location: { pathname: string; search: string },
): Record<Locale, string> {
  const params = new URLSearchParams(location.search);
  params.delete("lng");
  for (const secret of SECRET_PARAMS) params.delete(secret);
  const rest = params.toString();
  const id = `${origin}${location.pathname}${rest ? `?${rest}` : ""}`;
  params.set("lng", "en");
  return { id, en: `${origin}${location.pathname}?${params.toString()}` };
}
