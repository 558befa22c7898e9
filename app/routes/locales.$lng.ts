import type { LoaderFunctionArgs } from "@remix-run/node";
import { isLocale } from "~/i18n/config";
import { resources, translationsVersion } from "~/i18n/resources.server";

/**
 * One language's texts, every namespace, as JSON: what a browser needs to render the pages
 * itself after the server's first one. Asked for with the current version, it never changes, so
 * browsers and shared caches keep it for a year.
 */
export function loader({ request, params }: LoaderFunctionArgs) {
  if (!isLocale(params.lng)) throw new Response(null, { status: 404 });
  const current = new URL(request.url).searchParams.get("v") === translationsVersion;
  return Response.json(resources[params.lng], {
    headers: {
      "Cache-Control": current
        ? "public, max-age=31536000, immutable"
        : "public, max-age=60, must-revalidate",
    },
  });
}
