import { prisma } from "~/db.server";

export type SitemapEntry = { path: string; lastModified: Date | null };

/** Every public page worth finding: the catalogue, each product, artisan and rest area. */
export async function sitemapEntries(): Promise<SitemapEntry[]> {
  const [products, artisans, restAreas] = await Promise.all([
    prisma.product.findMany({
      where: { status: "PUBLISHED" },
      orderBy: { slug: "asc" },
      select: { slug: true, updatedAt: true },
    }),
    prisma.artisan.findMany({
      where: { active: true },
      orderBy: { slug: "asc" },
      select: { slug: true, updatedAt: true },
    }),
    prisma.restArea.findMany({
      where: { active: true },
      orderBy: { slug: "asc" },
      select: { slug: true, updatedAt: true },
    }),
  ]);
  return [
    { path: "/", lastModified: null },
    { path: "/products", lastModified: null },
    { path: "/artisans", lastModified: null },
    { path: "/pickup-points", lastModified: null },
    ...products.map((p) => ({ path: `/products/${p.slug}`, lastModified: p.updatedAt })),
    ...artisans.map((a) => ({ path: `/artisans/${a.slug}`, lastModified: a.updatedAt })),
    ...restAreas.map((r) => ({ path: `/pickup-points/${r.slug}`, lastModified: r.updatedAt })),
  ];
}

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The sitemap protocol's XML, with each page's Indonesian and English addresses. */
export function sitemapXml(origin: string, entries: SitemapEntry[]): string {
  const urls = entries.map(({ path, lastModified }) => {
    const id = escapeXml(`${origin}${path}`);
    const en = escapeXml(`${origin}${path}?lng=en`);
    return [
      "  <url>",
      `    <loc>${id}</loc>`,
      lastModified ? `    <lastmod>${lastModified.toISOString().slice(0, 10)}</lastmod>` : null,
      `    <xhtml:link rel="alternate" hreflang="id" href="${id}"/>`,
      `    <xhtml:link rel="alternate" hreflang="en" href="${en}"/>`,
      "  </url>",
    ]
      .filter(Boolean)
      .join("\n");
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls,
    "</urlset>",
    "",
  ].join("\n");
}
