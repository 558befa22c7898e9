import { useRevalidator } from "@remix-run/react";
import { useEffect, useId, useRef, useState, type DragEvent, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { FieldError, inputClass } from "~/components/ui/field";

/**
 * Adding photos once JavaScript runs: photos dropped on the zone or picked by tapping it are
 * listed with a preview and a description field each, then sent one at a time with a progress
 * bar (XMLHttpRequest, since fetch cannot report upload progress). The server judges each photo
 * as it does the plain form's; its refusals appear under that photo, in the artisan's language.
 * Photos that went through leave the list, and the page's photos are loaded again.
 */

type Errors = { photos?: string; altId?: string; altEn?: string; form?: string };

type Status = "ready" | "waiting" | "uploading" | "processing" | "refused";

type Chosen = {
  key: string;
  file: File;
  /** An object URL of the file, for the preview; revoked when the photo leaves the list. */
  preview: string;
  altId: string;
  altEn: string;
  status: Status;
  loaded: number;
  total: number;
  errors: Errors;
};

type Answer = { ok: true } | { ok: false; errors: Errors };

export function PhotoDrop({
  uploadUrl,
  accept,
  maxBytes,
  altLength,
  remaining,
}: {
  /** The resource route that takes one photo and its description and answers with JSON. */
  uploadUrl: string;
  accept: string;
  maxBytes: number;
  altLength: number;
  /** Photos the product can still take. */
  remaining: number;
}) {
  const { t } = useTranslation("photos");
  const { revalidate } = useRevalidator();
  const id = useId();
  const [chosen, setChosen] = useState<Chosen[]>([]);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [notice, setNotice] = useState("");
  const [announcement, setAnnouncement] = useState("");
  const dragDepth = useRef(0);
  const nextKey = useRef(0);

  // Previews still listed when the page is left are released with it.
  const previews = useRef<Chosen[]>([]);
  previews.current = chosen;
  useEffect(
    () => () => previews.current.forEach((photo) => URL.revokeObjectURL(photo.preview)),
    [],
  );

  const update = (key: string, change: Partial<Chosen>) =>
    setChosen((list) => list.map((photo) => (photo.key === key ? { ...photo, ...change } : photo)));

  function choose(files: FileList | null) {
    if (!files || files.length === 0) return;
    const free = Math.max(0, remaining - chosen.length);
    const taken = [...files].slice(0, free);
    setNotice(files.length > free ? t("drop.tooManyChosen", { remaining }) : "");
    setAnnouncement("");
    setChosen((list) => [
      ...list,
      ...taken.map((file) => {
        nextKey.current += 1;
        return {
          key: `${id}-${nextKey.current}`,
          file,
          preview: URL.createObjectURL(file),
          altId: "",
          altEn: "",
          status: "ready" as const,
          loaded: 0,
          total: file.size,
          errors: precheck(file, maxBytes, t),
        };
      }),
    ]);
  }

  function unchoose(key: string) {
    const photo = chosen.find((candidate) => candidate.key === key);
    if (photo) URL.revokeObjectURL(photo.preview);
    setChosen((list) => list.filter((candidate) => candidate.key !== key));
    setNotice("");
  }

  async function uploadAll(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    // Each photo needs its own description before anything is sent.
    const checked = chosen.map((photo) => {
      const errors = precheck(photo.file, maxBytes, t);
      if (photo.altId.trim() === "") errors.altId = t("errors.altRequired");
      return { ...photo, errors };
    });
    setChosen(checked);
    const sendable = checked.filter((photo) => Object.keys(photo.errors).length === 0);
    if (sendable.length === 0) {
      setAnnouncement(t("drop.refusedSome"));
      return;
    }
    setBusy(true);
    setAnnouncement("");
    for (const photo of sendable) update(photo.key, { status: "waiting" });
    const sent: Chosen[] = [];
    for (const photo of sendable) {
      update(photo.key, { status: "uploading", loaded: 0 });
      const answer = await send(uploadUrl, photo, {
        progress: (loaded, total) => update(photo.key, { loaded, total }),
        processing: () => update(photo.key, { status: "processing" }),
        texts: { network: t("errors.network"), failed: t("upload.failed") },
      });
      if (answer.ok) sent.push(photo);
      else update(photo.key, { status: "refused", errors: answer.errors });
    }
    const left = new Set(sent.map((photo) => photo.key));
    sent.forEach((photo) => URL.revokeObjectURL(photo.preview));
    setChosen((list) => list.filter((photo) => !left.has(photo.key)));
    setBusy(false);
    if (sent.length > 0) revalidate();
    const messages = [
      sent.length > 0 ? t("drop.uploaded", { count: sent.length }) : "",
      sent.length < checked.length ? t("drop.refusedSome") : "",
    ];
    setAnnouncement(messages.filter(Boolean).join(" "));
  }

  function onDrag(event: DragEvent, change: 1 | -1 | 0) {
    if (!event.dataTransfer.types.includes("Files")) return;
    event.preventDefault();
    dragDepth.current = Math.max(0, dragDepth.current + change);
    setDragging(dragDepth.current > 0);
  }

  function onDrop(event: DragEvent) {
    if (!event.dataTransfer.types.includes("Files")) return;
    event.preventDefault();
    dragDepth.current = 0;
    setDragging(false);
    if (!busy) choose(event.dataTransfer.files);
  }

  const inputId = `${id}-input`;
  const free = remaining - chosen.length;
  return (
    <form noValidate onSubmit={uploadAll} className="mt-3 grid gap-4">
      <div>
        <label
          htmlFor={inputId}
          onDragEnter={(event) => onDrag(event, 1)}
          onDragOver={(event) => onDrag(event, 0)}
          onDragLeave={(event) => onDrag(event, -1)}
          onDrop={onDrop}
          className={`flex min-h-36 cursor-pointer flex-col items-center justify-center gap-1 rounded-xl border-2 border-dashed p-4 text-center focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-copper-600 ${
            dragging ? "border-copper-600 bg-copper-50" : "border-line bg-paper hover:bg-linen"
          } ${busy || free <= 0 ? "cursor-not-allowed opacity-70" : ""}`}
        >
          <span aria-hidden className="text-3xl text-copper-700">
            +
          </span>
          <span className="font-semibold">{dragging ? t("drop.dropping") : t("drop.zone")}</span>
          <span className="text-sm text-muted">{t("drop.zoneDrag")}</span>
          <input
            id={inputId}
            type="file"
            multiple
            accept={accept}
            disabled={busy || free <= 0}
            aria-describedby={`${id}-hint`}
            onChange={(event) => {
              choose(event.currentTarget.files);
              // The same photo can be picked again after it was taken off the list.
              event.currentTarget.value = "";
            }}
            className="sr-only"
          />
        </label>
        <p id={`${id}-hint`} className="mt-1 text-sm text-muted">
          {t("upload.hint")}
        </p>
        {notice ? <FieldError>{notice}</FieldError> : null}
      </div>

      {chosen.length > 0 ? (
        <section aria-labelledby={`${id}-chosen`}>
          <h3 id={`${id}-chosen`} className="font-serif text-xl">
            {t("drop.chosen")}
          </h3>
          <ul className="mt-2 grid gap-3">
            {chosen.map((photo) => (
              <ChosenPhoto
                key={photo.key}
                photo={photo}
                busy={busy}
                altLength={altLength}
                onChange={(change) => update(photo.key, change)}
                onRemove={() => unchoose(photo.key)}
              />
            ))}
          </ul>
        </section>
      ) : null}

      <p role="status" aria-live="polite" className="font-medium empty:hidden">
        {announcement}
      </p>

      {chosen.length > 0 ? (
        <div>
          <button
            type="submit"
            disabled={busy}
            className="min-h-11 rounded-full bg-ink px-5 font-medium text-paper hover:bg-copper-700 disabled:opacity-70"
          >
            {busy ? t("add.submitting") : t("drop.upload", { count: chosen.length })}
          </button>
        </div>
      ) : null}
    </form>
  );
}

function ChosenPhoto({
  photo,
  busy,
  altLength,
  onChange,
  onRemove,
}: {
  photo: Chosen;
  busy: boolean;
  altLength: number;
  onChange: (change: Partial<Chosen>) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation("photos");
  const name = photo.file.name;
  const fieldId = (field: string) => `${photo.key}-${field}`;
  const fileError = photo.errors.photos ?? photo.errors.form;
  const sending = photo.status === "uploading" || photo.status === "processing";
  return (
    <li className="rounded-lg border border-line bg-white p-3">
      <div className="flex gap-3">
        <img
          src={photo.preview}
          alt={t("drop.preview", { name })}
          className="size-20 shrink-0 rounded-md bg-linen object-cover"
        />
        <div className="min-w-0 flex-1">
          <p id={fieldId("name")} className="font-medium break-words">
            {name}
          </p>
          <p className="text-sm text-muted">{megabytes(photo.file.size)}</p>
          {photo.status === "waiting" ? (
            <p className="text-sm text-muted">{t("drop.waiting")}</p>
          ) : null}
          {fileError ? (
            <FieldError id={fieldId("error")}>
              <span className="whitespace-pre-line">{fileError}</span>
            </FieldError>
          ) : null}
        </div>
      </div>
      {sending ? (
        <div className="mt-3">
          <label htmlFor={fieldId("progress")} className="block text-sm">
            {photo.status === "uploading"
              ? t("drop.progress", { name })
              : t("drop.processing", { name })}
          </label>
          <progress
            id={fieldId("progress")}
            max={photo.total || 1}
            // Without a value the bar moves on its own: the server is processing the photo.
            value={photo.status === "uploading" ? photo.loaded : undefined}
            className="mt-1 h-3 w-full accent-copper-600"
          />
        </div>
      ) : null}
      <div className="mt-3 grid gap-3">
        <AltInput
          id={fieldId("alt-id")}
          label={t("drop.altId", { name })}
          value={photo.altId}
          error={photo.errors.altId}
          disabled={busy}
          maxLength={altLength}
          required
          onChange={(altId) => onChange({ altId, errors: { ...photo.errors, altId: undefined } })}
        />
        <AltInput
          id={fieldId("alt-en")}
          label={t("drop.altEn", { name })}
          value={photo.altEn}
          error={photo.errors.altEn}
          disabled={busy}
          maxLength={altLength}
          lang="en"
          onChange={(altEn) => onChange({ altEn })}
        />
      </div>
      <button
        type="button"
        onClick={onRemove}
        disabled={busy}
        aria-label={t("drop.unchooseLabel", { name })}
        className="mt-3 inline-flex min-h-11 items-center rounded-full border border-line px-4 text-sm hover:border-copper-700 hover:text-copper-700 disabled:opacity-60"
      >
        {t("drop.unchoose")}
      </button>
    </li>
  );
}

function AltInput({
  id,
  label,
  value,
  error,
  disabled,
  maxLength,
  required = false,
  lang,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  error?: string;
  disabled: boolean;
  maxLength: number;
  required?: boolean;
  lang?: string;
  onChange: (value: string) => void;
}) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        type="text"
        value={value}
        lang={lang}
        disabled={disabled}
        maxLength={maxLength}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.currentTarget.value)}
        className={inputClass}
      />
      {error ? <FieldError id={`${id}-error`}>{error}</FieldError> : null}
    </div>
  );
}

/** What can be told before sending: an empty file, or one over the size limit. */
function precheck(
  file: File,
  maxBytes: number,
  t: ReturnType<typeof useTranslation<"photos">>["t"],
): Errors {
  if (file.size === 0) return { photos: t("upload.refusal.empty") };
  if (file.size > maxBytes) return { photos: t("upload.refusal.too-large") };
  return {};
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toLocaleString(undefined, { maximumFractionDigits: 1 })} MB`;
}

/** Sends one photo and its description; resolves with the server's answer, never rejects. */
function send(
  url: string,
  photo: Chosen,
  on: {
    progress: (loaded: number, total: number) => void;
    processing: () => void;
    texts: { network: string; failed: string };
  },
): Promise<Answer> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.responseType = "json";
    request.setRequestHeader("Accept", "application/json");
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) on.progress(event.loaded, event.total);
    };
    // Every byte is sent; the server now checks and resizes the photo.
    request.upload.onload = () => on.processing();
    request.onload = () => {
      const body: unknown = request.response;
      if (body && typeof body === "object" && "ok" in body) resolve(body as Answer);
      else resolve({ ok: false, errors: { form: on.texts.failed } });
    };
    request.onerror = () => resolve({ ok: false, errors: { form: on.texts.network } });
    request.ontimeout = request.onerror;
    request.onabort = request.onerror;
    const body = new FormData();
    body.append("photos", photo.file, photo.file.name);
    body.append("altId", photo.altId);
    body.append("altEn", photo.altEn);
    request.send(body);
  });
}
