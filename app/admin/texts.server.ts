import { fieldErrors, type FormErrors } from "~/lib/forms";
import { getLocale, i18next } from "~/i18n/i18next.server";
import type { ZodError } from "zod";

/**
 * The "admin" texts for a loader or action, in the request's language. `text` takes a key made
 * at run time (a schema's message, a problem's name), which the typed `t` does not.
 */
export async function adminTexts(request: Request) {
  const locale = await getLocale(request);
  const t = await i18next.getFixedT(locale, "admin");
  const text = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  return {
    locale,
    t,
    text,
    /** A schema's complaints, one sentence per field. */
    errorsOf: (error: ZodError): FormErrors => fieldErrors(error, t),
  };
}
