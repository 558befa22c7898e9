import type { HeadersFunction } from "@remix-run/node";

/**
 * Cache rule for the shop's pages. The header shows the visitor's own cart count and language
 * (both in cookies), so a page may be kept by the browser but never by a shared cache, and must
 * be checked again before reuse.
 */
export const personalPageHeaders: HeadersFunction = () => ({
  "Cache-Control": "private, max-age=0, must-revalidate",
  Vary: "Cookie",
});
