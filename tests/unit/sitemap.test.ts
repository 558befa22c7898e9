import { languageAlternates } from "~/seo/alternates";
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

describe("languageAlternates", () => {
  it("gives each page's Indonesian and English address, keeping its other parameters", () => {
    expect(
      languageAlternates("https://karyasungging.id", {
        pathname: "/products",
        search: "?metal=copper&lng=en&page=2",
      }),
    ).toEqual({
      id: "https://karyasungging.id/products?metal=copper&page=2",
      en: "https://karyasungging.id/products?metal=copper&page=2&lng=en",
    });
    expect(languageAlternates("https://karyasungging.id", { pathname: "/", search: "" })).toEqual({
      id: "https://karyasungging.id/",
      en: "https://karyasungging.id/?lng=en",
    });
  });

  it("never repeats the secret that opens a buyer's order", () => {
    const links = languageAlternates("https://karyasungging.id", {
      pathname: "/orders/KS-261128-7QX4",
      search: "?key=c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0&session=cs_test_abc&payment=cancelled",
    });
    expect(links).toEqual({
      id: "https://karyasungging.id/orders/KS-261128-7QX4?payment=cancelled",
      en: "https://karyasungging.id/orders/KS-261128-7QX4?payment=cancelled&lng=en",
    });
  });
});
