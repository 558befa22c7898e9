import { describe, expect, it } from "vitest";
import { sitemapXml } from "~/seo/sitemap.server";

describe("sitemapXml", () => {
  it("lists each page with its Indonesian and English addresses", () => {
    const xml = sitemapXml("https://karyasungging.test", [
      { path: "/", lastModified: null },
      { path: "/products/tepak-sirih-&-co", lastModified: new Date("2026-11-20T10:00:00Z") },
    ]);
    expect(xml).toContain("<loc>https://karyasungging.test/</loc>");
    expect(xml).toContain("<loc>https://karyasungging.test/products/tepak-sirih-&amp;-co</loc>");
    expect(xml).toContain("<lastmod>2026-11-20</lastmod>");
    expect(xml).toContain(
      '<xhtml:link rel="alternate" hreflang="en" href="https://karyasungging.test/?lng=en"/>',
    );
    expect(xml.match(/<url>/g)).toHaveLength(2);
  });
});
