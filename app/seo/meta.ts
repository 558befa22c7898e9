import type { MetaDescriptor } from "@remix-run/node";

export type PageMeta = {
  title?: string;
  description?: string;
  /** The picture a link shows when shared (WhatsApp, Facebook): an absolute JPEG address. */
  shareImage?: string | null;
};

/** Title, description and their Open Graph twins, for a page's `meta` export. */
export function pageMeta(page: PageMeta | undefined): MetaDescriptor[] {
  if (!page) return [];
  return [
    { title: page.title },
    { name: "description", content: page.description },
    { property: "og:site_name", content: "Karya Sungging" },
    { property: "og:title", content: page.title },
    { property: "og:description", content: page.description },
    ...(page.shareImage
      ? [
          { property: "og:image", content: page.shareImage },
          { name: "twitter:card", content: "summary_large_image" },
        ]
      : []),
  ];
}
