/**
 * A path on this site to send someone back to after a form, or `fallback` for anything else.
 *
 * One rule for every redirect target: it is resolved against the shop's own origin, must stay on
 * it and be a path, and must come out of the URL parser exactly as it went in. That refuses an
 * absolute URL, a protocol-relative `//host`, a backslash (`/\host`, which browsers read as
 * `//host`), control characters (browsers drop TAB, CR and LF inside a URL, so `/\t/host` would
 * become `//host`; CR/LF would also split the Location header), dot segments, and characters the
 * parser would percent-encode (a Location header carries only Latin-1).
 */
const SHOP = "https://shop.invalid";

export function safeRedirectPath(target: string | null | undefined, fallback = "/"): string {
  if (!target || !target.startsWith("/") || target.startsWith("//")) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(target)) return fallback;
  let url: URL;
  try {
    url = new URL(target, SHOP);
  } catch {
    return fallback;
  }
  const path = url.pathname + url.search + url.hash;
  if (url.origin !== SHOP || path !== target || path.startsWith("//")) return fallback;
  return path;
}
