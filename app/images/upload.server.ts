import sharp, { type Metadata } from "sharp";
import { storeImage, type StoredImage } from "./images.server";
import { imageStorage, type ImageStorage } from "./storage.server";
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_PIXELS, type UploadMessages } from "./upload-messages";

/**
 * What an artisan's photo goes through before it becomes an Image: the bytes are judged for what
 * they are (never by the file's name or the type the browser declared), refused with a reason the
 * studio can show next to the field, and only then processed (processImage: upright, no
 * metadata, AVIF/WebP/JPEG at each width) and written to storage. Nothing is written for a
 * refused photo, and a failure half-way removes every file already written.
 *
 * The database write stays with the caller, in its own `prisma.$transaction` with the product:
 *
 *   const result = await processUploads(files, { folder: "products" });
 *   if (!result.ok) → show uploadMessages.refusal[reason] next to the field
 *   await recordUploads(result.images, () =>
 *     prisma.$transaction(async (tx) => { … tx.image.create({ data: imageRecord(image, alt) }) … }),
 *   );
 */

export type PhotoFormat = "jpeg" | "png" | "webp" | "avif" | "heif";

/** Why a photo is refused; each has a text in upload-messages.ts. */
export type UploadRefusal = keyof UploadMessages["refusal"];

export type Inspection =
  | { ok: true; format: PhotoFormat; width: number; height: number }
  | { ok: false; reason: UploadRefusal };

/** What the browser said about the file. Kept for the caller's logs; never trusted. */
export type DeclaredFile = { name: string; type: string };

export type UploadFile = DeclaredFile & { bytes: Buffer };

export type UploadedImage = StoredImage & { format: PhotoFormat };

export type UploadOptions = {
  /** Storage folder for this kind of picture, e.g. "products" or "artisans". */
  folder: string;
  storage?: ImageStorage;
};

/**
 * Judges an upload from its bytes: size first, then the magic number, then the header as sharp
 * reads it (width × height checked before any pixel is decoded, so a decompression bomb costs
 * nothing), and last a decode at reduced size, which finds a truncated or damaged file. Width and
 * height are the upright ones (EXIF orientation applied).
 */
export async function inspectUpload(bytes: Buffer, _declared: DeclaredFile): Promise<Inspection> {
  if (bytes.length === 0) return refuse("empty");
  if (bytes.length > MAX_UPLOAD_BYTES) return refuse("too-large");

  const sniffed = sniff(bytes);
  if (sniffed.kind !== "photo") {
    return refuse(sniffed.kind === "other-image" ? "unsupported-type" : "not-an-image");
  }

  let header: Metadata;
  try {
    // Reads the header only; the pixel limit is checked below, with the right reason.
    header = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return refuse("corrupt");
  }
  if (header.format !== sniffed.format) return refuse("corrupt");
  const { width, height } = header;
  if (!(width > 0 && height > 0)) return refuse("corrupt");
  if (width * height > MAX_UPLOAD_PIXELS) return refuse("too-many-pixels");

  // An HEIF file is AVIF when its pictures are AV1; HEIC (HEVC, from iPhones) needs a decoder
  // that sharp's prebuilt binaries do not have, so it is accepted only where it decodes.
  const format: PhotoFormat =
    sniffed.format === "heif" ? (header.compression === "av1" ? "avif" : "heif") : sniffed.format;

  try {
    // JPEG and WebP decode straight to a smaller size (shrink-on-load), yet every byte of the
    // compressed data is read, so truncation and damage show up here, before any file is written.
    await sharp(bytes, { failOn: "error", limitInputPixels: MAX_UPLOAD_PIXELS })
      .resize(VERIFY_SIZE, VERIFY_SIZE, { fit: "inside" })
      .raw()
      .toBuffer();
  } catch {
    return refuse(format === "heif" ? "unsupported-type" : "corrupt");
  }
  return { ok: true, format, width: header.autoOrient.width, height: header.autoOrient.height };
}

const VERIFY_SIZE = 256;

/**
 * One photo: inspected, processed and stored. A refused photo writes nothing; an error while
 * processing or storing removes what was written and is thrown (a server fault, not the photo's).
 */
export async function processUpload(
  bytes: Buffer,
  declared: DeclaredFile,
  options: UploadOptions,
): Promise<{ ok: true; image: UploadedImage } | { ok: false; reason: UploadRefusal }> {
  const result = await processUploads([{ ...declared, bytes }], options);
  if (result.ok) return { ok: true, image: result.images[0]! };
  return { ok: false, reason: result.refusals[0]!.reason };
}

export type UploadsResult =
  | { ok: true; images: UploadedImage[] }
  | { ok: false; refusals: { index: number; name: string; reason: UploadRefusal }[] };

/**
 * Several photos of one product. All are inspected before any is processed, so every refusal is
 * reported at once and a refused third photo costs no work on the first two. Then they are
 * processed one after another; if any fails, the photos already stored are removed as well.
 */
export async function processUploads(
  files: readonly UploadFile[],
  { folder, storage = imageStorage }: UploadOptions,
): Promise<UploadsResult> {
  const refusals: { index: number; name: string; reason: UploadRefusal }[] = [];
  const formats: PhotoFormat[] = [];
  for (const [index, file] of files.entries()) {
    const inspection = await inSlot(() => inspectUpload(file.bytes, file));
    if (inspection.ok) formats.push(inspection.format);
    else refusals.push({ index, name: file.name, reason: inspection.reason });
  }
  if (refusals.length > 0) return { ok: false, refusals };

  const images: UploadedImage[] = [];
  try {
    for (const [index, file] of files.entries()) {
      const stored = await inSlot(() => storeImage(file.bytes, folder, { storage }));
      images.push({ ...stored, format: formats[index]! });
    }
  } catch (error) {
    await discardUploads(images, storage);
    throw error;
  }
  return { ok: true, images };
}

/**
 * Runs the caller's database write for stored photos (the transaction that creates their Image
 * rows) and removes the photos' files if that write fails, so no file is left without a row.
 */
export async function recordUploads<T>(
  images: readonly StoredImage[],
  write: () => Promise<T>,
  storage: ImageStorage = imageStorage,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    await discardUploads(images, storage);
    throw error;
  }
}

/** Removes the files of photos that will not be recorded after all. */
export async function discardUploads(
  images: readonly StoredImage[],
  storage: ImageStorage = imageStorage,
): Promise<void> {
  await Promise.all(images.map((image) => storage.removePrefix(image.storageKey)));
}

function refuse(reason: UploadRefusal): { ok: false; reason: UploadRefusal } {
  return { ok: false, reason };
}

// ─────────────────────────── what the bytes are ───────────────────────────

type Sniffed =
  | { kind: "photo"; format: "jpeg" | "png" | "webp" | "heif" }
  /** A picture format photos are not taken in (GIF, TIFF, BMP, SVG, …). */
  | { kind: "other-image" }
  | { kind: "not-an-image" };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** ISO-BMFF brands of HEIF still images: AVIF (AV1) and HEIC (HEVC) and the generic ones. */
const HEIF_BRANDS = new Set([
  "avif",
  "avis",
  "heic",
  "heix",
  "heim",
  "heis",
  "hevc",
  "hevx",
  "mif1",
  "mif2",
  "msf1",
]);

function sniff(bytes: Buffer): Sniffed {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: "photo", format: "jpeg" };
  if (startsWith(bytes, PNG_SIGNATURE)) return { kind: "photo", format: "png" };
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") {
    return { kind: "photo", format: "webp" };
  }
  if (ascii(bytes, 4, 8) === "ftyp") {
    // Also MP4 and MOV videos (a Live Photo's movie, say): only HEIF brands are pictures.
    return heifBrands(bytes).some((brand) => HEIF_BRANDS.has(brand))
      ? { kind: "photo", format: "heif" }
      : { kind: "not-an-image" };
  }
  if (isOtherImage(bytes)) return { kind: "other-image" };
  return { kind: "not-an-image" };
}

function heifBrands(bytes: Buffer): string[] {
  const boxSize = bytes.length >= 4 ? bytes.readUInt32BE(0) : 0;
  const end = Math.min(boxSize, bytes.length, 256);
  const brands = [ascii(bytes, 8, 12)];
  for (let offset = 16; offset + 4 <= end; offset += 4)
    brands.push(ascii(bytes, offset, offset + 4));
  return brands;
}

function isOtherImage(bytes: Buffer): boolean {
  const head = ascii(bytes, 0, 8);
  if (head.startsWith("GIF87a") || head.startsWith("GIF89a")) return true;
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) {
    return true; // TIFF (and camera raw files built on it)
  }
  if (head.startsWith("BM") && bytes.length > 18) {
    // BMP: the size of the header that follows is one of a few fixed values.
    if ([12, 40, 52, 56, 64, 108, 124].includes(bytes.readUInt32LE(14))) return true;
  }
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0x00])) return true; // ICO
  if (head.startsWith("8BPS")) return true; // Photoshop
  if (startsWith(bytes, [0xff, 0x0a])) return true; // JPEG XL codestream
  if (ascii(bytes, 4, 8) === "JXL ") return true; // JPEG XL container
  return isSvg(bytes);
}

/** SVG is a picture but never a photo: it can carry scripts and links. */
function isSvg(bytes: Buffer): boolean {
  const text = bytes
    .subarray(0, 4096)
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trimStart();
  return text.startsWith("<") && /<svg[\s>]/i.test(text);
}

function startsWith(bytes: Buffer, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte);
}

function ascii(bytes: Buffer, start: number, end: number): string {
  return bytes.length >= end ? bytes.toString("latin1", start, end) : "";
}

// ─────────────────────────── how many at once ───────────────────────────

/**
 * Photos processed at the same time, across all requests. One 12 MP photo already keeps both
 * cores of a small server busy (nine encodes run side by side) and takes the process from ~95 MB
 * to ~380 MB at its peak (two at once: ~460 MB); a third or fourth at once would add no
 * throughput, only memory, and push buyers' pages aside. Others wait their turn.
 */
export const PROCESSING_SLOTS = 2;

let busySlots = 0;
const waiting: (() => void)[] = [];

async function inSlot<T>(work: () => Promise<T>): Promise<T> {
  if (busySlots < PROCESSING_SLOTS) busySlots += 1;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await work();
  } finally {
    // The slot passes straight to the next waiting photo, or is given back.
    const next = waiting.shift();
    if (next) next();
    else busySlots -= 1;
  }
}
