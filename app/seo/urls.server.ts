import { featuredProducts } from "~/catalog/catalog.server";
import { appConfig } from "~/config.server";
import type { Locale } from "~/i18n/config";
import type { Picture } from "~/images/picture";

/**
 * Addresses that leave the site (sitemap, canonical and shared links, structured data) start
 * with PUBLIC_URL, whatever host or proxy the request came through.
 */
export function absoluteUrl(path: string): string {
  return `${appConfig().publicUrl}${path}`;
}

/** The JPEG of a picture, which every link preview understands, as an absolute address. */
export function shareImageOf(picture: Picture | null | undefined): string | null {
  return picture ? absoluteUrl(picture.fallback) : null;
}

/**
 * For pages without a picture of their own (the rest-area directory): the newest featured
 * piece's photo, so a shared link still shows the cooperative's craft.
 */
export async function defaultShareImage(locale: Locale): Promise<string | null> {
  const [first] = await featuredProducts(locale, 1);
  return shareImageOf(first?.picture);
}
