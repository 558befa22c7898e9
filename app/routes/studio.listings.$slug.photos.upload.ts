import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { requireArtisan } from "~/accounts/permissions.server";
import { getLocale, i18next } from "~/i18n/i18next.server";
import { ownProduct } from "~/studio/own-product.server";
import {
  UnreadablePhotoForm,
  readPhotoSubmission,
  uploadPhotos,
} from "~/studio/product-photos.server";

/**
 * The drop zone's upload (app/studio/photo-drop.tsx): one photo and its description per request,
 * answered with JSON { ok: true, count, photoIds } or { ok: false, errors } (sentences in the
 * artisan's language, by field). The same checks and writes as the photo page's plain form.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const owner = await requireArtisan(request);
  const product = await ownProduct(owner, params.slug);
  const locale = await getLocale(request);
  const answer = (body: unknown, status = 200) =>
    Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
  try {
    const submission = await readPhotoSubmission(request);
    const result = await uploadPhotos(owner, product.id, submission, { locale });
    return result.ok ? answer(result) : answer({ ok: false, errors: result.errors }, result.status);
  } catch (error) {
    if (!(error instanceof UnreadablePhotoForm)) throw error;
    const t = await i18next.getFixedT(locale, "photos");
    return answer({ ok: false, errors: { form: t("errors.badRequest") } }, 400);
  }
}

/** Opened in a browser, the address leads to the photo page itself. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const owner = await requireArtisan(request);
  const product = await ownProduct(owner, params.slug);
  return redirect(`/studio/listings/${product.slug}/photos`);
}
