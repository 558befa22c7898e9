import { randomBytes } from "node:crypto";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import type { ImageFormat } from "~/generated/prisma/enums";
import { contentTypes, extensions, processImage } from "./renditions.server";
import { imageStorage, type ImageStorage } from "./storage.server";

type Db = PrismaClient | Prisma.TransactionClient;

export type NewImage = {
  input: Buffer;
  altId: string;
  altEn?: string | null;
  /** Storage folder for this kind of image, e.g. "products" or "artisans". */
  folder: string;
};

/** Renditions written to storage but not yet recorded in the database. */
export type StoredImage = Awaited<ReturnType<typeof processImage>> & {
  storageKey: string;
  files: { format: ImageFormat; width: number; height: number; bytes: number; key: string }[];
};

/** Processes a picture and writes its renditions; on failure nothing is left in storage. */
export async function storeImage(
  input: Buffer,
  folder: string,
  { storage = imageStorage, quick = false }: { storage?: ImageStorage; quick?: boolean } = {},
): Promise<StoredImage> {
  const processed = await processImage(input, { quick });
  // The key is unique per upload, so every rendition URL can be cached as immutable.
  const storageKey = `${folder}/${randomBytes(9).toString("base64url")}`;
  const files = processed.renditions.map((r) => ({
    format: r.format,
    width: r.width,
    height: r.height,
    bytes: r.body.length,
    key: `${storageKey}/${r.width}.${extensions[r.format]}`,
    body: r.body,
  }));
  // Every write is let finish (or fail) before cleaning up: removing the folder while other
  // writes are still in flight would leave the files they write afterwards behind.
  const writes = await Promise.allSettled(
    files.map((f) => storage.put(f.key, f.body, contentTypes[f.format])),
  );
  const failed = writes.find((write) => write.status === "rejected");
  if (failed) {
    await storage.removePrefix(storageKey);
    throw failed.reason;
  }
  return { ...processed, storageKey, files: files.map(({ body: _body, ...file }) => file) };
}

export function imageRecord(stored: StoredImage, alt: { altId: string; altEn?: string | null }) {
  return {
    storageKey: stored.storageKey,
    width: stored.width,
    height: stored.height,
    placeholder: stored.placeholder,
    altId: alt.altId,
    altEn: alt.altEn ?? null,
    renditions: { create: stored.files },
  } satisfies Prisma.ImageCreateInput;
}

/**
 * Processes a picture, writes its renditions to storage and records them. If recording fails,
 * the files are removed again, so no orphaned files are left behind.
 */
export async function saveImage(
  db: Db,
  image: NewImage,
  storage: ImageStorage = imageStorage,
): Promise<{ id: string }> {
  const stored = await storeImage(image.input, image.folder, { storage });
  try {
    return await db.image.create({ data: imageRecord(stored, image), select: { id: true } });
  } catch (error) {
    await storage.removePrefix(stored.storageKey);
    throw error;
  }
}
