import { absoluteUrl } from "~/seo/urls.server";

/** Crawlers may read the shop, not the workspaces; the sitemap needs this site's own address. */
export function loader() {
  const origin = absoluteUrl("");
  const body = [
    "User-agent: *",
    "Allow: /",
    "Disallow: /account",
    "Disallow: /admin",
    "Disallow: /studio",
    "Disallow: /operator",
    "Disallow: /cart",
    "Disallow: /checkout",
    "",
    `Sitemap: ${origin}/sitemap.xml`,
    "",
  ].join("\n");
  return new Response(body, {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "public, max-age=86400",
    },
  });
}
