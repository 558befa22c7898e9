import type { LoaderFunctionArgs } from "@remix-run/node";
import { sitemapEntries, sitemapXml } from "~/seo/sitemap.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const origin = new URL(request.url).origin;
  return new Response(sitemapXml(origin, await sitemapEntries()), {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Cache-Control": "public, max-age=3600",
    },
  });
}
