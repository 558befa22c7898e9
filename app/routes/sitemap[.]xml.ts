import { sitemapEntries, sitemapXml } from "~/seo/sitemap.server";
import { absoluteUrl } from "~/seo/urls.server";

export async function loader() {
  const origin = absoluteUrl("");
  return new Response(sitemapXml(origin, await sitemapEntries()), {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Cache-Control": "public, max-age=3600",
    },
  });
}
