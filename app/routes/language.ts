import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { supportedLocales } from "~/i18n/config";
import { localeCookie } from "~/i18n/i18next.server";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { readForm } from "~/lib/form-body.server";

const form = z.object({
  locale: z.enum(supportedLocales),
  redirectTo: z.string().optional(),
});

/** The header's language switch: a plain form post, so it works without JavaScript. */
export async function action({ request }: ActionFunctionArgs) {
  const parsed = form.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return new Response("Unsupported language", { status: 400 });
  // A ?lng= in the address would override the choice just made.
  const back = new URL(safeRedirectPath(parsed.data.redirectTo), "http://localhost");
  back.searchParams.delete("lng");
  return redirect(back.pathname + back.search, {
    headers: { "Set-Cookie": await localeCookie.serialize(parsed.data.locale) },
  });
}

export function loader() {
  return redirect("/");
}
