import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import type { TFunction } from "i18next";
import { z } from "zod";
import type { ArtisanOwner } from "~/accounts/permissions.server";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import type { ProductStatus } from "~/generated/prisma/enums";
import type { Locale } from "~/i18n/config";
import { i18next } from "~/i18n/i18next.server";
import { imageRecord } from "~/images/images.server";
import { storedImageSelect, toPicture, type Picture } from "~/images/picture";
import { imageStorage, type ImageStorage } from "~/images/storage.server";
import { MAX_UPLOAD_BYTES } from "~/images/upload-messages";
import {
  inspectUpload,
  processUploads,
  recordUploads,
  type UploadFile,
  type UploadRefusal,
} from "~/images/upload.server";
import { cleanForm, withoutControlCharacters } from "~/lib/form-body.server";
import type { FormErrors } from "~/lib/forms";
import { logError } from "~/lib/log.server";
import {
  ALT_MAX_LENGTH,
  MAX_FILES_PER_UPLOAD,
  MAX_PHOTOS_PER_PRODUCT,
  PHOTO_FIELD,
} from "./photo-messages";

/**
 * An artisan's photos of one of their own products: listed in order (position 0 is the cover),
 * added, described, reordered and deleted. Every function takes the owner and narrows each query
 * to that artisan's products, so a photo of someone else's product is simply "not found".
 *
 * Changes to one product's photos run one at a time: each transaction first locks the product's
 * row, so two uploads at once cannot take the same position or pass the photo limit together.
 */

export type ProductPhoto = {
  id: string;
  position: number;
  altId: string;
  altEn: string | null;
  picture: Picture;
};

export async function productPhotos(
  owner: ArtisanOwner,
  productId: string,
  locale: Locale,
): Promise<ProductPhoto[]> {
  const rows = await prisma.productImage.findMany({
    where: { productId, product: { artisanId: owner.artisanId } },
    orderBy: { position: "asc" },
    select: { id: true, position: true, image: { select: storedImageSelect } },
  });
  return rows.map((row) => ({
    id: row.id,
    position: row.position,
    altId: row.image.altId,
    altEn: row.image.altEn,
    picture: toPicture(row.image, locale, imageStorage.publicUrl),
  }));
}

// ─────────────────────────── the form as sent ───────────────────────────

/** A photo the request carried beyond the limits: read to the end, but not kept. */
export type SkippedFile = { index: number; name: string };

export type PhotoSubmission = {
  /** The text fields; never a file. */
  form: FormData;
  /** The photos, in the order chosen, up to MAX_FILES_PER_UPLOAD. */
  files: UploadFile[];
  /** Photos larger than MAX_UPLOAD_BYTES (their bytes were not kept). */
  tooLarge: SkippedFile[];
  /** How many photos the request carried in all. */
  fileCount: number;
};

/** A text field longer than this is no alt text or id: the request is refused. */
const TEXT_PART_BYTES = 16 * 1024;

/** A body no page of ours sends: no form, a broken multipart body, a text field of kilobytes. */
export class UnreadablePhotoForm extends Error {
  override name = "UnreadablePhotoForm";
}

/**
 * Reads a photo form, multipart (with files) or not. The photos' bytes are kept in memory, each
 * at most MAX_UPLOAD_BYTES; a larger photo, or any beyond MAX_FILES_PER_UPLOAD, is still read to
 * its end (so the browser gets the answer rather than a broken connection) but only counted, so
 * the answer can say which one was too large and how many were sent.
 */
export async function readPhotoSubmission(request: Request): Promise<PhotoSubmission> {
  const files: UploadFile[] = [];
  const tooLarge: SkippedFile[] = [];
  let fileCount = 0;
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!contentType.startsWith("multipart/form-data")) {
    const form = cleanForm(
      await request.formData().catch((error: unknown) => {
        throw new UnreadablePhotoForm("The form could not be read", { cause: error });
      }),
    );
    for (const [name, value] of [...form]) if (typeof value !== "string") form.delete(name);
    return { form, files, tooLarge, fileCount };
  }
  const handler: UploadHandler = async ({ name, filename, contentType: type, data }) => {
    if (filename === undefined) {
      const text = await readAtMost(data, TEXT_PART_BYTES);
      if (text === null) throw new UnreadablePhotoForm(`Field ${name} is too long`);
      return withoutControlCharacters(Buffer.from(text).toString("utf8"));
    }
    // An empty file input still sends a part, without a name or a byte.
    if (name !== PHOTO_FIELD || filename === "") {
      await readAtMost(data, 0);
      return undefined;
    }
    const index = fileCount;
    fileCount += 1;
    if (index >= MAX_FILES_PER_UPLOAD) {
      await readAtMost(data, 0);
      return undefined;
    }
    const bytes = await readAtMost(data, MAX_UPLOAD_BYTES);
    if (bytes === null) tooLarge.push({ index, name: filename });
    else files.push({ name: filename, type, bytes });
    return undefined;
  };
  const form = await unstable_parseMultipartFormData(request, handler).catch((error: unknown) => {
    if (error instanceof UnreadablePhotoForm) throw error;
    throw new UnreadablePhotoForm("The multipart body could not be read", { cause: error });
  });
  return { form, files, tooLarge, fileCount };
}

/** The part's bytes, or null once it is longer than `limit` (the rest is read and dropped). */
async function readAtMost(data: AsyncIterable<Uint8Array>, limit: number): Promise<Buffer | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of data) {
    size += chunk.byteLength;
    if (size <= limit) chunks.push(chunk);
    else chunks.length = 0;
  }
  return size <= limit ? Buffer.concat(chunks) : null;
}

// ─────────────────────────── adding photos ───────────────────────────

const altText = z
  .string()
  .trim()
  .max(ALT_MAX_LENGTH, "errors.altTooLong")
  .transform((text) => text.replace(/\s+/g, " "));

export const altForm = z.object({
  altId: altText.pipe(z.string().min(1, "errors.altRequired")),
  altEn: z
    .string()
    .optional()
    .default("")
    .pipe(altText)
    .transform((text) => text || null),
});

export type Alt = z.infer<typeof altForm>;

export type UploadAnswer =
  | { ok: true; count: number; photoIds: string[] }
  | { ok: false; status: 400 | 500; errors: FormErrors };

/**
 * Adds the submitted photos to the end of the product's photos, all with the same description:
 * the 2nd, 3rd… get a number after it ("…, foto 2"). Refusals (a missing description, too many
 * photos, a file that is no photo) come back as sentences for the form's fields; nothing is
 * written for a refused upload, and a failure half-way leaves no file and no row behind.
 */
export async function uploadPhotos(
  owner: ArtisanOwner,
  productId: string,
  submission: PhotoSubmission,
  { locale, storage = imageStorage }: { locale: Locale; storage?: ImageStorage },
): Promise<UploadAnswer> {
  const t = await i18next.getFixedT(locale, "photos");
  const refuse = (errors: FormErrors): UploadAnswer => ({ ok: false, status: 400, errors });
  const { form, files, tooLarge, fileCount } = submission;

  const alt = altForm.safeParse({ altId: form.get("altId") ?? "", altEn: form.get("altEn") ?? "" });
  const errors: FormErrors = {};
  if (!alt.success) {
    for (const issue of alt.error.issues) {
      const field = String(issue.path[0]);
      errors[field] ??= t(issue.message as "errors.altRequired" | "errors.altTooLong");
    }
  }
  const existing = await prisma.productImage.count({
    where: { productId, product: { artisanId: owner.artisanId } },
  });
  const remaining = MAX_PHOTOS_PER_PRODUCT - existing;
  if (fileCount === 0) errors[PHOTO_FIELD] = t("errors.filesRequired");
  else if (fileCount > MAX_FILES_PER_UPLOAD) {
    errors[PHOTO_FIELD] = t("errors.tooManyFiles", { max: MAX_FILES_PER_UPLOAD, count: fileCount });
  } else if (remaining <= 0) {
    errors[PHOTO_FIELD] = t("errors.productFull", {
      count: existing,
      max: MAX_PHOTOS_PER_PRODUCT,
    });
  } else if (fileCount > remaining) {
    errors[PHOTO_FIELD] = t("errors.tooManyForProduct", {
      remaining,
      max: MAX_PHOTOS_PER_PRODUCT,
      count: fileCount,
    });
  }
  // The photos themselves are judged even when the description is missing, so the artisan
  // learns of every problem at once; they are stored only once nothing is wrong.
  if (!errors[PHOTO_FIELD] && (!alt.success || tooLarge.length > 0)) {
    const refusals = await judgeWithoutStoring(files, tooLarge);
    if (refusals.length > 0) errors[PHOTO_FIELD] = describeRefusals(refusals, fileCount, t);
  }
  if (!alt.success || Object.keys(errors).length > 0) return refuse(errors);

  const result = await processUploadsOrFail(files, storage);
  if (result === "failed") return { ok: false, status: 500, errors: { form: t("upload.failed") } };
  if (!result.ok) {
    return refuse({ [PHOTO_FIELD]: describeRefusals(result.refusals, fileCount, t) });
  }

  const alts = await numberedAlts(alt.data, result.images.length);
  try {
    const photoIds = await recordUploads(
      result.images,
      () =>
        prisma.$transaction(async (tx) => {
          const product = await lockProduct(tx, owner, productId);
          if (!product) throw new PhotoChangeRefused("not-found");
          const taken = await tx.productImage.aggregate({
            where: { productId },
            _count: true,
            _max: { position: true },
          });
          if (taken._count + result.images.length > MAX_PHOTOS_PER_PRODUCT) {
            throw new PhotoChangeRefused("full");
          }
          const next = (taken._max.position ?? -1) + 1;
          const ids: string[] = [];
          for (const [index, image] of result.images.entries()) {
            const { id } = await tx.productImage.create({
              data: {
                product: { connect: { id: productId } },
                position: next + index,
                image: { create: imageRecord(image, alts[index]!) },
              },
              select: { id: true },
            });
            ids.push(id);
          }
          return ids;
        }),
      storage,
    );
    return { ok: true, count: photoIds.length, photoIds };
  } catch (error) {
    if (error instanceof PhotoChangeRefused && error.problem === "not-found") {
      return refuse({ form: t("errors.badRequest") });
    }
    if (error instanceof PhotoChangeRefused) {
      // Another upload filled the product meanwhile: say how it stands now.
      const count = await prisma.productImage.count({ where: { productId } });
      return refuse({
        [PHOTO_FIELD]: t("errors.productFull", { count, max: MAX_PHOTOS_PER_PRODUCT }),
      });
    }
    logError(error, { where: "uploadPhotos", productId });
    return { ok: false, status: 500, errors: { form: t("upload.failed") } };
  }
}

type Refusal = { index: number; name: string; reason: UploadRefusal };

/** Every refusal of the files without processing or storing any: size, type, pixels, damage. */
async function judgeWithoutStoring(
  files: readonly UploadFile[],
  tooLarge: readonly SkippedFile[],
): Promise<Refusal[]> {
  const refusals: Refusal[] = tooLarge.map((file) => ({ ...file, reason: "too-large" }));
  // The files kept are, in order, every index not skipped as too large.
  const skipped = new Set(tooLarge.map((file) => file.index));
  let index = 0;
  for (const file of files) {
    while (skipped.has(index)) index += 1;
    const inspection = await inspectUpload(file.bytes, file);
    if (!inspection.ok) refusals.push({ index, name: file.name, reason: inspection.reason });
    index += 1;
  }
  return refusals.sort((a, b) => a.index - b.index);
}

async function processUploadsOrFail(files: UploadFile[], storage: ImageStorage) {
  try {
    return await processUploads(files, { folder: "products", storage });
  } catch (error) {
    logError(error, { where: "processUploads", files: files.length });
    return "failed" as const;
  }
}

/** One sentence per refused photo; with several photos, each says which one it is about. */
function describeRefusals(
  refusals: readonly Refusal[],
  fileCount: number,
  t: TFunction<"photos">,
): string {
  return refusals
    .map((refusal) => {
      const message = t(`upload.refusal.${refusal.reason}`);
      return fileCount === 1
        ? message
        : t("upload.refusalOf", { position: refusal.index + 1, name: refusal.name, message });
    })
    .join("\n");
}

/** The same description for each photo of one upload, numbered from the second on. */
async function numberedAlts(alt: Alt, count: number): Promise<Alt[]> {
  const [inIndonesian, inEnglish] = await Promise.all([
    i18next.getFixedT("id", "photos"),
    i18next.getFixedT("en", "photos"),
  ]);
  return Array.from({ length: count }, (_, index) =>
    index === 0
      ? alt
      : {
          altId: inIndonesian("numberedAlt", { alt: alt.altId, number: index + 1 }),
          altEn: alt.altEn && inEnglish("numberedAlt", { alt: alt.altEn, number: index + 1 }),
        },
  );
}

// ─────────────────────────── changing photos ───────────────────────────

export type PhotoProblem = "not-found" | "last-photo" | "full";

class PhotoChangeRefused extends Error {
  constructor(readonly problem: PhotoProblem) {
    super(problem);
  }
}

export type PhotoChange = { ok: true } | { ok: false; problem: PhotoProblem };

/** The product's row, locked until the transaction ends; null when it is not the owner's. */
async function lockProduct(
  tx: Prisma.TransactionClient,
  owner: ArtisanOwner,
  productId: string,
): Promise<{ status: ProductStatus } | null> {
  const rows = await tx.$queryRaw<{ status: ProductStatus }[]>`
    SELECT status FROM "Product"
    WHERE id = ${productId} AND "artisanId" = ${owner.artisanId}
    FOR UPDATE`;
  return rows[0] ?? null;
}

/** The product's photo ids in order, with the product locked; throws when not the owner's. */
async function lockedOrder(
  tx: Prisma.TransactionClient,
  owner: ArtisanOwner,
  productId: string,
): Promise<{ status: ProductStatus; ids: string[] }> {
  const product = await lockProduct(tx, owner, productId);
  if (!product) throw new PhotoChangeRefused("not-found");
  const photos = await tx.productImage.findMany({
    where: { productId },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  return { status: product.status, ids: photos.map((photo) => photo.id) };
}

/**
 * Gives the photos the positions 0, 1, 2… in this order. Positions are unique per product, so
 * each photo first steps aside to a negative position, where it cannot meet another.
 */
async function applyOrder(
  tx: Prisma.TransactionClient,
  productId: string,
  ids: readonly string[],
): Promise<void> {
  await tx.$executeRaw`
    UPDATE "ProductImage" SET position = -position - 1 WHERE "productId" = ${productId}`;
  for (const [position, id] of ids.entries()) {
    await tx.productImage.update({ where: { id }, data: { position } });
  }
}

async function change(work: () => Promise<void>): Promise<PhotoChange> {
  try {
    await work();
    return { ok: true };
  } catch (error) {
    if (error instanceof PhotoChangeRefused) return { ok: false, problem: error.problem };
    throw error;
  }
}

export type Move = "up" | "down" | "cover";

/** Moves a photo one place up or down, or to the front (the cover). */
export async function movePhoto(
  owner: ArtisanOwner,
  productId: string,
  photoId: string,
  move: Move,
): Promise<PhotoChange> {
  return change(() =>
    prisma.$transaction(async (tx) => {
      const { ids } = await lockedOrder(tx, owner, productId);
      const from = ids.indexOf(photoId);
      if (from === -1) throw new PhotoChangeRefused("not-found");
      const to =
        move === "cover"
          ? 0
          : Math.max(0, Math.min(ids.length - 1, from + (move === "up" ? -1 : 1)));
      if (to === from) return;
      const order = ids.filter((id) => id !== photoId);
      order.splice(to, 0, photoId);
      await applyOrder(tx, productId, order);
    }),
  );
}

export async function describePhoto(
  owner: ArtisanOwner,
  productId: string,
  photoId: string,
  alt: Alt,
): Promise<PhotoChange> {
  const photo = await prisma.productImage.findFirst({
    where: { id: photoId, productId, product: { artisanId: owner.artisanId } },
    select: { imageId: true },
  });
  if (!photo) return { ok: false, problem: "not-found" };
  await prisma.image.update({
    where: { id: photo.imageId },
    data: { altId: alt.altId, altEn: alt.altEn },
  });
  return { ok: true };
}

/**
 * Deletes a photo: its rows in one transaction (the photos after it move up), then its files.
 * A product on sale keeps at least one photo, so its last one is refused.
 */
export async function deletePhoto(
  owner: ArtisanOwner,
  productId: string,
  photoId: string,
  storage: ImageStorage = imageStorage,
): Promise<PhotoChange> {
  let storageKey: string;
  try {
    storageKey = await prisma.$transaction(async (tx) => {
      const { status, ids } = await lockedOrder(tx, owner, productId);
      if (!ids.includes(photoId)) throw new PhotoChangeRefused("not-found");
      if (status === "PUBLISHED" && ids.length === 1) throw new PhotoChangeRefused("last-photo");
      const { image } = await tx.productImage.findUniqueOrThrow({
        where: { id: photoId },
        select: { image: { select: { id: true, storageKey: true } } },
      });
      // The image's renditions and its place among the product's photos go with it.
      await tx.image.delete({ where: { id: image.id } });
      await applyOrder(
        tx,
        productId,
        ids.filter((id) => id !== photoId),
      );
      return image.storageKey;
    });
  } catch (error) {
    if (error instanceof PhotoChangeRefused) return { ok: false, problem: error.problem };
    throw error;
  }
  try {
    await storage.removePrefix(storageKey);
  } catch (error) {
    // The photo is gone from the shop; only its files are left, which no page links to.
    logError(error, { where: "deletePhoto", storageKey });
  }
  return { ok: true };
}
