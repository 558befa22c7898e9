import type { MetaDescriptor } from "@remix-run/node";

/** Title, description and their Open Graph twins, for a page's `meta` export. */
export function pageMeta(
  page: { title?: string; description?: string } | undefined,
): MetaDescriptor[] {
  if (!page) return [];
  return [
    { title: page.title },
    { name: "description", content: page.description },
    { property: "og:title", content: page.title },
    { property: "og:description", content: page.description },
  ];
}
