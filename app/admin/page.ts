import type { HeadersFunction, MetaDescriptor } from "@remix-run/node";

/** Admin pages show personal data: never stored by a browser cache or a proxy. */
export const adminPageHeaders: HeadersFunction = () => ({
  "Cache-Control": "private, no-store",
  Vary: "Cookie",
});

/** An admin page's title; none of them belongs in a search engine. */
export function adminMeta(title: string | undefined): MetaDescriptor[] {
  return [{ title }, { name: "robots", content: "noindex, nofollow" }];
}
