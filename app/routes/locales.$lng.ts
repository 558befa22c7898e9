import type { LoaderFunctionArgs } from "@remix-run/node";
import { isLocale, namespacesOf } from "~/i18n/config";
import { resources, translationsVersion } from "~/i18n/resources.server";

/**
 * One language's texts as JSON: what a browser needs to render pages itself after the server's
 * first one. `?set=shop` gives the shop's namespaces only, anything else every namespace (see
 * namespacesOf). Asked for with the current version, it never changes, so browsers and shared
 * caches keep it for a year.
 */
export function loader({ request, params }: LoaderFunctionArgs) {
  if (!isLocale(params.lng)) throw new Response(null, { status: 404 });
  const query = new URL(request.url).searchParams;
  const texts = resources[params.lng];
  const wanted = namespacesOf(query.get("set") === "shop" ? "shop" : "all");
  const current = query.get("v") === translationsVersion;
  return Response.json(
    Object.fromEntries(
      wanted.map((namespace) => [namespace, texts[namespace as keyof typeof texts]]),
    ),
    {
      headers: {
        "Cache-Control": current
          ? "public, max-age=31536000, immutable"
          : "public, max-age=60, must-revalidate",
      },
    },
  );
}
