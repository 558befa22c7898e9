import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useHydrated } from "remix-utils/use-hydrated";
import { requireArtisan } from "~/accounts/permissions.server";
import { Field, FieldError, FormMessage, inputClass, SubmitButton } from "~/components/ui/field";
import { ResponsiveImage } from "~/components/ui/responsive-image";
import { getLocale, i18next } from "~/i18n/i18next.server";
import { MAX_UPLOAD_BYTES, PHOTO_ACCEPT } from "~/images/upload-messages";
import { refusal, type FormErrors, type FormRefusal } from "~/lib/forms";
import { ownProduct } from "~/studio/own-product.server";
import { PhotoDrop } from "~/studio/photo-drop";
import {
  ALT_MAX_LENGTH,
  MAX_FILES_PER_UPLOAD,
  MAX_PHOTOS_PER_PRODUCT,
  PHOTO_FIELD,
} from "~/studio/photo-messages";
import {
  altForm,
  deletePhoto,
  describePhoto,
  movePhoto,
  UnreadablePhotoForm,
  productPhotos,
  readPhotoSubmission,
  uploadPhotos,
  type PhotoChange,
  type PhotoSubmission,
  type ProductPhoto,
} from "~/studio/product-photos.server";

/** What a successful change says, after the redirect back to the page. */
const DONE = {
  uploaded: "done.uploaded",
  altSaved: "done.altSaved",
  moved: "done.moved",
  cover: "done.cover",
  deleted: "done.deleted",
} as const;
type Done = keyof typeof DONE;

function doneOf(value: string | null): Done | null {
  return value !== null && Object.hasOwn(DONE, value) ? (value as Done) : null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const owner = await requireArtisan(request);
  const product = await ownProduct(owner, params.slug);
  const locale = await getLocale(request);
  const [t, photos] = await Promise.all([
    i18next.getFixedT(locale, "photos"),
    productPhotos(owner, product.id, locale),
  ]);
  const url = new URL(request.url);
  const toDelete = url.searchParams.get("delete");
  const title = (locale === "en" && product.titleEn) || product.titleId;
  return {
    title: t("metaTitle", { title }),
    product: { slug: product.slug, title, published: product.status === "PUBLISHED" },
    photos,
    // The confirmation step of a delete is a page of its own (?delete=…), so it needs no script.
    confirmDelete: photos.some((photo) => photo.id === toDelete) ? toDelete : null,
    done: doneOf(url.searchParams.get("done")),
    doneCount: Math.max(1, Number(url.searchParams.get("count")) || 1),
    limits: {
      perProduct: MAX_PHOTOS_PER_PRODUCT,
      perUpload: MAX_FILES_PER_UPLOAD,
      maxBytes: MAX_UPLOAD_BYTES,
      altLength: ALT_MAX_LENGTH,
      accept: PHOTO_ACCEPT,
    },
  };
}

// One artisan's own product, drafts included: never kept by a browser or a proxy.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: "robots", content: "noindex" },
];

type Intent = "upload" | "alt" | "up" | "down" | "cover" | "delete";
const INTENTS: readonly Intent[] = ["upload", "alt", "up", "down", "cover", "delete"];

type PhotoAnswer = FormRefusal & { intent: Intent | null; photoId: string | null };

/**
 * intent=upload (multipart: photos, altId, altEn), alt (photoId, altId, altEn), up, down, cover
 * and delete (photoId). The photo must be one of this product's; the product one of the
 * artisan's own (404 otherwise).
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const owner = await requireArtisan(request);
  const product = await ownProduct(owner, params.slug);
  const locale = await getLocale(request);
  const t = await i18next.getFixedT(locale, "photos");
  const page = `/studio/listings/${product.slug}/photos`;

  let submission: PhotoSubmission;
  try {
    submission = await readPhotoSubmission(request);
  } catch (error) {
    if (!(error instanceof UnreadablePhotoForm)) throw error;
    return data<PhotoAnswer>(
      {
        ok: false,
        values: {},
        errors: { form: t("errors.badRequest") },
        intent: null,
        photoId: null,
      },
      { status: 400 },
    );
  }
  const { form } = submission;
  const intent = INTENTS.find((candidate) => candidate === form.get("intent")) ?? null;
  const photoInput = form.get("photoId");
  const photoId = typeof photoInput === "string" && photoInput.length <= 64 ? photoInput : null;
  const refuse = (errors: FormErrors, status = 400) =>
    data<PhotoAnswer>({ ...refusal(form, errors), intent, photoId }, { status });
  const back = (done: Done, hash: string) => redirect(`${page}?done=${done}${hash}`);
  const afterChange = (result: PhotoChange, done: Done, hash: string) => {
    if (result.ok) return back(done, hash);
    if (result.problem === "last-photo") return refuse({ form: t("errors.lastPhoto") });
    return refuse({ form: t("errors.photoNotFound") }, 404);
  };

  if (intent === "upload") {
    const answer = await uploadPhotos(owner, product.id, submission, { locale });
    if (!answer.ok) return refuse(answer.errors, answer.status);
    return redirect(`${page}?done=uploaded&count=${answer.count}#photos`);
  }
  if (intent === null || photoId === null) return refuse({ form: t("errors.badRequest") });
  switch (intent) {
    case "alt": {
      const parsed = altForm.safeParse({
        altId: form.get("altId") ?? "",
        altEn: form.get("altEn") ?? "",
      });
      if (!parsed.success) {
        const errors: FormErrors = {};
        for (const issue of parsed.error.issues) {
          errors[String(issue.path[0])] ??= t(issue.message as "errors.altRequired");
        }
        return refuse(errors);
      }
      const result = await describePhoto(owner, product.id, photoId, parsed.data);
      return afterChange(result, "altSaved", `#photo-${photoId}`);
    }
    case "up":
    case "down":
    case "cover": {
      const result = await movePhoto(owner, product.id, photoId, intent);
      return afterChange(result, intent === "cover" ? "cover" : "moved", `#photo-${photoId}`);
    }
    case "delete":
      return afterChange(await deletePhoto(owner, product.id, photoId), "deleted", "#photos");
  }
}

const cardClass = "rounded-xl border border-line bg-white p-4";
const smallButtonBase =
  "inline-flex min-h-11 items-center justify-center rounded-full border bg-white px-4 font-medium";
const smallButtonClass = `${smallButtonBase} border-ink text-ink hover:border-copper-700 hover:text-copper-700 disabled:border-line disabled:text-muted disabled:hover:border-line disabled:hover:text-muted`;
const dangerButtonClass = `${smallButtonBase} border-red-800 text-red-800 hover:bg-red-50`;
const textLinkClass =
  "inline-flex min-h-11 items-center underline underline-offset-4 hover:text-copper-700";

/** The refusal of the form with this intent (and photo), if the last answer was one. */
function useRefusal(intent: Intent | null, photoId: string | null = null) {
  const answer = useActionData<typeof action>();
  return answer && answer.intent === intent && answer.photoId === photoId ? answer : null;
}

export default function ProductPhotosPage() {
  const { product, photos, done, doneCount, limits } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation("photos");
  const hydrated = useHydrated();
  // A refusal that belongs to no photo shown (it may just have been deleted) and to no field of
  // the upload form shows at the top.
  const topMessage =
    answer &&
    (answer.intent === null ||
      (answer.intent !== "upload" && !photos.some((photo) => photo.id === answer.photoId)))
      ? answer.errors.form
      : null;
  const remaining = limits.perProduct - photos.length;

  return (
    <div>
      <Link to={`/studio/listings/${product.slug}`} className={`${textLinkClass} gap-1 text-sm`}>
        <span aria-hidden>←</span> {t("backToProduct")}
      </Link>
      <p className="text-sm font-semibold text-copper-700">{product.title}</p>
      <h1 className="font-serif text-3xl leading-tight">{t("title")}</h1>

      <div className="mt-4 grid gap-3 empty:hidden">
        {done && !answer ? (
          <FormMessage tone="success">{t(DONE[done], { count: doneCount }) as string}</FormMessage>
        ) : null}
        {topMessage ? <FormMessage>{topMessage}</FormMessage> : null}
      </div>

      <section id="photos" aria-labelledby="photos-heading" className="mt-6">
        <div className="flex flex-wrap items-baseline justify-between gap-x-4">
          <h2 id="photos-heading" className="font-serif text-2xl">
            {t("listLabel")}
          </h2>
          <p className="text-sm text-muted">
            {t("count", { count: photos.length, max: limits.perProduct })}
          </p>
        </div>
        <p className="mt-1 text-muted">{t("intro")}</p>
        {product.published ? <p className="mt-1 text-sm">{t("publishedNeedsPhoto")}</p> : null}
        {photos.length === 0 ? (
          <p className={`mt-3 ${cardClass} text-muted`}>{t("empty")}</p>
        ) : (
          <ol className="mt-4 grid gap-4">
            {photos.map((photo, index) => (
              <PhotoCard
                key={photo.id}
                photo={photo}
                number={index + 1}
                last={index === photos.length - 1}
              />
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="add-heading" className={`mt-8 ${cardClass}`}>
        <h2 id="add-heading" className="font-serif text-2xl">
          {t("add.title")}
        </h2>
        {remaining <= 0 ? (
          <p className="mt-2">{t("add.full", { max: limits.perProduct })}</p>
        ) : hydrated ? (
          <PhotoDrop
            uploadUrl={`/studio/listings/${product.slug}/photos/upload`}
            accept={limits.accept}
            maxBytes={limits.maxBytes}
            altLength={limits.altLength}
            remaining={remaining}
          />
        ) : (
          <PlainUpload />
        )}
      </section>
    </div>
  );
}

function PhotoCard({
  photo,
  number,
  last,
}: {
  photo: ProductPhoto;
  number: number;
  last: boolean;
}) {
  const { confirmDelete } = useLoaderData<typeof loader>();
  const { t } = useTranslation("photos");
  const altRefused = useRefusal("alt", photo.id);
  const deleteRefused = useRefusal("delete", photo.id);
  const refused = [
    useRefusal("up", photo.id),
    useRefusal("down", photo.id),
    useRefusal("cover", photo.id),
    // Shown in the confirmation when it is open.
    confirmDelete === photo.id ? null : deleteRefused,
  ].find(Boolean);
  const moveMessage = refused?.errors.form;
  const cover = photo.position === 0;
  const headingId = `photo-${photo.id}-heading`;
  return (
    <li id={`photo-${photo.id}`} aria-labelledby={headingId} className={cardClass}>
      <div className="grid gap-4 sm:grid-cols-[12rem_1fr]">
        <div>
          <div className="overflow-hidden rounded-lg bg-linen">
            <ResponsiveImage
              picture={photo.picture}
              sizes="(min-width: 640px) 12rem, calc(100vw - 4rem)"
              className="h-auto w-full object-contain"
            />
          </div>
        </div>
        <div>
          <h3 id={headingId} className="flex flex-wrap items-center gap-2 font-serif text-xl">
            {t("photoNumber", { position: number })}
            {cover ? (
              <span className="inline-flex items-center rounded-full bg-copper-100 px-2 py-0.5 font-sans text-sm font-semibold text-copper-700">
                {t("cover")}
              </span>
            ) : null}
          </h3>
          <Form method="post" preventScrollReset className="mt-2 flex flex-wrap gap-2">
            <input type="hidden" name="photoId" value={photo.id} />
            <button
              type="submit"
              name="intent"
              value="up"
              disabled={cover}
              aria-label={t("move.upLabel", { position: number })}
              className={smallButtonClass}
            >
              <span aria-hidden className="mr-1">
                ↑
              </span>
              {t("move.up")}
            </button>
            <button
              type="submit"
              name="intent"
              value="down"
              disabled={last}
              aria-label={t("move.downLabel", { position: number })}
              className={smallButtonClass}
            >
              <span aria-hidden className="mr-1">
                ↓
              </span>
              {t("move.down")}
            </button>
            {cover ? null : (
              <button
                type="submit"
                name="intent"
                value="cover"
                aria-label={t("move.coverLabel", { position: number })}
                className={smallButtonClass}
              >
                {t("move.cover")}
              </button>
            )}
            <Link
              to={`?delete=${photo.id}#photo-${photo.id}`}
              preventScrollReset
              aria-label={t("remove.buttonLabel", { position: number })}
              className={dangerButtonClass}
            >
              {t("remove.button")}
            </Link>
          </Form>
          {moveMessage ? <FieldError>{moveMessage}</FieldError> : null}
          {confirmDelete === photo.id ? <ConfirmDelete photo={photo} number={number} /> : null}
          <AltForm photo={photo} number={number} refused={altRefused} />
        </div>
      </div>
    </li>
  );
}

/** The second step of a delete: says what happens, and asks once more. */
function ConfirmDelete({ photo, number }: { photo: ProductPhoto; number: number }) {
  const { t } = useTranslation("photos");
  const refused = useRefusal("delete", photo.id);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div
      role="group"
      aria-labelledby={`confirm-${photo.id}`}
      className="mt-3 rounded-lg border-l-4 border-red-800 bg-red-50 p-3"
    >
      <h4 id={`confirm-${photo.id}`} ref={heading} tabIndex={-1} className="font-semibold">
        {t("remove.heading", { position: number })}
      </h4>
      <p className="mt-1">{t("remove.text")}</p>
      {refused?.errors.form ? <FieldError>{refused.errors.form}</FieldError> : null}
      <Form method="post" className="mt-3 flex flex-wrap items-center gap-3">
        <input type="hidden" name="photoId" value={photo.id} />
        <SubmitButton name="intent" value="delete" tone="danger" pendingText={t("remove.deleting")}>
          {t("remove.confirm")}
        </SubmitButton>
        <Link to={`.#photo-${photo.id}`} preventScrollReset className={textLinkClass}>
          {t("remove.cancel")}
        </Link>
      </Form>
    </div>
  );
}

function AltForm({
  photo,
  number,
  refused,
}: {
  photo: ProductPhoto;
  number: number;
  refused: PhotoAnswer | null;
}) {
  const { limits } = useLoaderData<typeof loader>();
  const { t } = useTranslation("photos");
  const values = refused?.values;
  const errors = refused?.errors ?? {};
  return (
    <Form method="post" preventScrollReset className="mt-4">
      <fieldset className="grid gap-3">
        <legend className="sr-only">{t("alt.legend", { position: number })}</legend>
        <input type="hidden" name="photoId" value={photo.id} />
        <Field
          id={`alt-id-${photo.id}`}
          name="altId"
          label={t("alt.id")}
          hint={t("alt.hint")}
          defaultValue={values ? values.altId : photo.altId}
          error={errors.altId ?? errors.form}
          maxLength={limits.altLength}
          required
        />
        <Field
          id={`alt-en-${photo.id}`}
          name="altEn"
          lang="en"
          label={t("alt.en")}
          defaultValue={values ? values.altEn : (photo.altEn ?? "")}
          error={errors.altEn}
          maxLength={limits.altLength}
        />
        <div>
          <SubmitButton name="intent" value="alt" tone="secondary" pendingText={t("alt.saving")}>
            {t("alt.save")}
          </SubmitButton>
        </div>
      </fieldset>
    </Form>
  );
}

/** The upload without JavaScript: a file input taking several photos, one description for all. */
function PlainUpload() {
  const { limits } = useLoaderData<typeof loader>();
  const { t } = useTranslation("photos");
  const refused = useRefusal("upload");
  const values = refused?.values;
  const errors = refused?.errors ?? {};
  const filesError = errors[PHOTO_FIELD];
  const described = ["photos-hint", filesError ? "photos-error" : null].filter(Boolean).join(" ");
  return (
    <Form method="post" encType="multipart/form-data" className="mt-3 grid gap-4">
      {errors.form ? <FormMessage>{errors.form}</FormMessage> : null}
      <div>
        <label htmlFor="photos" className="mb-1 block font-medium">
          {t("add.files")}
        </label>
        <input
          id="photos"
          name={PHOTO_FIELD}
          type="file"
          multiple
          accept={limits.accept}
          required
          aria-invalid={filesError ? true : undefined}
          aria-describedby={described}
          className={`${inputClass} py-2 file:mr-3 file:min-h-9 file:rounded-full file:border-0 file:bg-linen file:px-4 file:font-medium`}
        />
        <p id="photos-hint" className="mt-1 text-sm text-muted">
          {t("add.filesHint", { count: limits.perUpload })} {t("upload.hint")}
        </p>
        {filesError ? (
          <FieldError id="photos-error">
            <span className="whitespace-pre-line">{filesError}</span>
          </FieldError>
        ) : null}
      </div>
      <Field
        id="upload-alt-id"
        name="altId"
        label={t("add.altId")}
        hint={t("add.altIdHint")}
        defaultValue={values?.altId ?? ""}
        error={errors.altId}
        maxLength={limits.altLength}
        required
      />
      <Field
        id="upload-alt-en"
        name="altEn"
        lang="en"
        label={t("add.altEn")}
        defaultValue={values?.altEn ?? ""}
        error={errors.altEn}
        maxLength={limits.altLength}
      />
      <div>
        <SubmitButton name="intent" value="upload" pendingText={t("add.submitting")}>
          {t("add.submit")}
        </SubmitButton>
      </div>
    </Form>
  );
}
