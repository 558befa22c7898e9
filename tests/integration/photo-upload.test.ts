// An artisan's photo upload: what the shop keeps of a phone photo (upright, every width and
// format, no location), which files it refuses and why, and that a refusal or a failure half-way
// leaves no file behind in storage.
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { imageRecord } from "~/images/images.server";
import { localDiskStorage, type ImageStorage } from "~/images/storage.server";
import uploadMessages, { MAX_UPLOAD_BYTES } from "~/images/upload-messages";
import {
  inspectUpload,
  processUpload,
  processUploads,
  recordUploads,
  type UploadedImage,
  type UploadRefusal,
} from "~/images/upload.server";
import {
  hasGpsDirectory,
  htmlPage,
  oversizedJpeg,
  pdfDocument,
  phonePhoto,
  plainPhoto,
  pngBomb,
  svgWithScript,
  truncatedJpeg,
  zipArchive,
} from "../setup/photos";

let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "ks-photo-upload-"));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A local-disk storage of its own, so each test sees only the files it wrote. */
async function freshStorage(): Promise<{ storage: ImageStorage; dir: string }> {
  const dir = await mkdtemp(path.join(root, "media-"));
  return { storage: localDiskStorage(dir), dir };
}

async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** A storage that fails on its `failOn`-th write, as a full disk or a dropped connection would. */
function failingStorage(inner: ImageStorage, failOn: number) {
  const counts = { calls: 0, written: 0 };
  const storage: ImageStorage = {
    ...inner,
    async put(key, body, contentType) {
      counts.calls += 1;
      if (counts.calls === failOn) throw new Error("disk full");
      await inner.put(key, body, contentType);
      counts.written += 1;
    },
  };
  return { storage, counts };
}

const jpegFile = { name: "IMG_20261004_094127.jpg", type: "image/jpeg" };

describe("a 12-megapixel phone photo, taken upright with the location on", () => {
  let input: Buffer;
  let image: UploadedImage;
  let dir: string;

  beforeAll(async () => {
    input = await phonePhoto({ width: 4000, height: 3000, orientation: 6 });
    const target = await freshStorage();
    dir = target.dir;
    const result = await processUpload(input, jpegFile, {
      folder: "products",
      storage: target.storage,
    });
    if (!result.ok) throw new Error(`refused: ${result.reason}`);
    image = result.image;
  });

  it("really carries a GPS position, an orientation, an ICC profile and XMP", async () => {
    const original = await sharp(input).metadata();
    expect(original).toMatchObject({ width: 4000, height: 3000, orientation: 6 });
    expect(hasGpsDirectory(original.exif)).toBe(true);
    expect(original.icc).toBeDefined();
    expect(original.xmp).toBeDefined();
  });

  it("is kept upright, at 480, 960 and 1440 px wide in AVIF, WebP and JPEG, sizes recorded", async () => {
    expect(image).toMatchObject({ format: "jpeg", width: 3000, height: 4000 });
    expect(image.storageKey).toMatch(/^products\/[\w-]+$/);
    expect(image.files.map((file) => `${file.format} ${file.width}×${file.height}`).sort()).toEqual(
      [
        "AVIF 1440×1920",
        "AVIF 480×640",
        "AVIF 960×1280",
        "JPEG 1440×1920",
        "JPEG 480×640",
        "JPEG 960×1280",
        "WEBP 1440×1920",
        "WEBP 480×640",
        "WEBP 960×1280",
      ],
    );
    // Storage holds exactly these nine files, each as recorded.
    expect(await filesIn(dir)).toEqual(image.files.map((file) => file.key).sort());
    for (const file of image.files) {
      const body = await readFile(path.join(dir, file.key));
      const stored = await sharp(body).metadata();
      expect(stored.format).toBe({ AVIF: "heif", WEBP: "webp", JPEG: "jpeg" }[file.format]);
      expect([stored.width, stored.height]).toEqual([file.width, file.height]);
      expect(file.bytes).toBe(body.length);
    }
  });

  it("keeps no location, camera or any other metadata in any rendition", async () => {
    for (const file of image.files) {
      const body = await readFile(path.join(dir, file.key));
      const stored = await sharp(body).metadata();
      expect(stored.exif, file.key).toBeUndefined();
      expect(stored.xmp, file.key).toBeUndefined();
      expect(stored.iptc, file.key).toBeUndefined();
      expect(stored.icc, file.key).toBeUndefined();
      expect(stored.orientation, file.key).toBeUndefined();
      expect(body.includes("Galaxy A15"), file.key).toBe(false);
      expect(body.includes("GPSLatitude"), file.key).toBe(false);
    }
  });

  it("turns the picture the right way: the sensor's top-left corner ends up top-right", async () => {
    const small = image.files.find((file) => file.format === "JPEG" && file.width === 480)!;
    const body = await readFile(path.join(dir, small.key));
    const corner = async (left: number) => {
      // stats() reads its input as it is, so the corner is cut out first.
      const patch = await sharp(body).extract({ left, top: 10, width: 40, height: 40 }).toBuffer();
      const { channels } = await sharp(patch).stats();
      return channels.map((channel) => Math.round(channel.mean));
    };
    const [red, green, blue] = await corner(480 - 50);
    expect(red).toBeGreaterThan(200);
    expect(green).toBeLessThan(80);
    expect(blue).toBeLessThan(80);
    const [leftRed, leftGreen] = await corner(10);
    expect(leftRed! - leftGreen!).toBeLessThan(120);
  });

  it("has a small blurred placeholder as a data URI", async () => {
    expect(image.placeholder).toMatch(/^data:image\/webp;base64,[A-Za-z0-9+/=]+$/);
    expect(image.placeholder.length).toBeLessThan(1000);
    const tiny = Buffer.from(image.placeholder.split(",")[1]!, "base64");
    expect(await sharp(tiny).metadata()).toMatchObject({ format: "webp", width: 16 });
  });
});

describe("files that are not a photo the shop can take", () => {
  const cases: [string, () => Buffer | Promise<Buffer>, { name: string; type: string }, string][] =
    [
      ["an empty file", () => Buffer.alloc(0), jpegFile, "empty"],
      ["16 MB starting like a JPEG", () => oversizedJpeg(), jpegFile, "too-large"],
      // Its IDAT holds only four rows: decoding it would fail as "corrupt", so "too-many-pixels"
      // shows the header was judged before a single pixel was decoded.
      [
        "a PNG of 429 bytes declaring 30000×30000 pixels",
        () => pngBomb(30_000),
        { name: "mangkuk.png", type: "image/png" },
        "too-many-pixels",
      ],
      ["a ZIP archive renamed mangkuk.jpg", zipArchive, jpegFile, "not-an-image"],
      ["a PDF named foto.jpg", pdfDocument, jpegFile, "not-an-image"],
      ["an HTML page named foto.jpg", htmlPage, jpegFile, "not-an-image"],
      [
        "an SVG carrying a script",
        svgWithScript,
        { name: "logo.svg", type: "image/svg+xml" },
        "unsupported-type",
      ],
      [
        "a GIF",
        () => plainPhoto("gif", 300, 200),
        { name: "foto.gif", type: "image/gif" },
        "unsupported-type",
      ],
      ["a JPEG cut off part-way through its upload", truncatedJpeg, jpegFile, "corrupt"],
    ];

  it.each(cases)("refuses %s, writing nothing", async (_label, build, declared, reason) => {
    const bytes = await build();
    const { storage, dir } = await freshStorage();
    expect(await inspectUpload(bytes, declared)).toEqual({ ok: false, reason });
    expect(await processUpload(bytes, declared, { folder: "products", storage })).toEqual({
      ok: false,
      reason,
    });
    expect(await filesIn(dir)).toEqual([]);
  });

  it("the bomb is a few hundred bytes and the oversized file just over the limit", async () => {
    expect(pngBomb(30_000).length).toBeLessThan(4096);
    expect(oversizedJpeg().length).toBeGreaterThan(MAX_UPLOAD_BYTES);
    expect(MAX_UPLOAD_BYTES).toBe(15 * 1024 * 1024);
  });

  it("has a sentence for each refusal in Indonesian and English", () => {
    const reasons = cases.map((entry) => entry[3] as UploadRefusal);
    for (const reason of reasons) {
      expect(uploadMessages.id.refusal[reason]).toBeTruthy();
      expect(uploadMessages.en.refusal[reason]).toBeTruthy();
      expect(uploadMessages.id.refusal[reason]).not.toBe(uploadMessages.en.refusal[reason]);
    }
    expect(uploadMessages.id.refusal["too-large"]).toBe("Foto terlalu besar: paling besar 15 MB.");
    expect(uploadMessages.en.refusal["too-large"]).toBe("The photo is too large: 15 MB at most.");
  });
});

describe("what the bytes are decides, not the name or the declared type", () => {
  it.each([
    ["png", { name: "foto.jpg", type: "image/jpeg" }],
    ["webp", { name: "foto.png", type: "image/png" }],
    ["avif", { name: "foto", type: "application/octet-stream" }],
    ["jpeg", { name: "foto.gif", type: "image/gif" }],
  ] as const)("takes a %s photo named %o", async (format, declared) => {
    const bytes = await plainPhoto(format, 1200, 900);
    expect(await inspectUpload(bytes, declared)).toEqual({
      ok: true,
      format,
      width: 1200,
      height: 900,
    });
  });
});

describe("a failure half-way leaves nothing behind", () => {
  let photo: Buffer;

  beforeAll(async () => {
    // 1600 px wide: nine renditions (480, 960 and 1440 in three formats), quickly.
    photo = await phonePhoto({ width: 1600, height: 1200, orientation: 1 });
  });

  it("removes every file written when storage fails on the fifth", async () => {
    const { storage: disk, dir } = await freshStorage();
    const { storage, counts } = failingStorage(disk, 5);
    await expect(processUpload(photo, jpegFile, { folder: "products", storage })).rejects.toThrow(
      "disk full",
    );
    expect(counts.calls).toBe(9);
    expect(counts.written).toBe(8);
    expect(await filesIn(dir)).toEqual([]);
  });

  it("removes the photos already stored when a later one of the same product fails", async () => {
    const { storage: disk, dir } = await freshStorage();
    // The first photo's nine files go through; the second photo's third write fails.
    const { storage, counts } = failingStorage(disk, 12);
    const files = [0, 1, 2].map((n) => ({ ...jpegFile, name: `mangkuk-${n}.jpg`, bytes: photo }));
    await expect(processUploads(files, { folder: "products", storage })).rejects.toThrow(
      "disk full",
    );
    expect(counts.written).toBe(17);
    expect(await filesIn(dir)).toEqual([]);
  });

  it("refuses a product's photos before processing any, naming each refused file", async () => {
    const { storage: disk, dir } = await freshStorage();
    const { storage, counts } = failingStorage(disk, Number.POSITIVE_INFINITY);
    const result = await processUploads(
      [
        { ...jpegFile, bytes: photo },
        { name: "katalog.jpg", type: "image/jpeg", bytes: zipArchive() },
        { name: "besar.jpg", type: "image/jpeg", bytes: oversizedJpeg() },
      ],
      { folder: "products", storage },
    );
    expect(result).toEqual({
      ok: false,
      refusals: [
        { index: 1, name: "katalog.jpg", reason: "not-an-image" },
        { index: 2, name: "besar.jpg", reason: "too-large" },
      ],
    });
    expect(counts.calls).toBe(0);
    expect(await filesIn(dir)).toEqual([]);
  });

  it("removes the files when the transaction that records the photo fails", async () => {
    const { storage, dir } = await freshStorage();
    const result = await processUpload(photo, jpegFile, { folder: "products", storage });
    if (!result.ok) throw new Error(`refused: ${result.reason}`);
    expect(await filesIn(dir)).toHaveLength(9);

    await expect(
      recordUploads(
        [result.image],
        () =>
          prisma.$transaction(async (tx) => {
            const { id } = await tx.image.create({
              data: imageRecord(result.image, { altId: "Mangkuk tembaga" }),
            });
            // The product was deleted meanwhile: the photo cannot be attached to it.
            await tx.productImage.create({
              data: { productId: "no-such-product", imageId: id, position: 0 },
            });
          }),
        storage,
      ),
    ).rejects.toThrow();
    expect(await prisma.image.count({ where: { storageKey: result.image.storageKey } })).toBe(0);
    expect(await filesIn(dir)).toEqual([]);
  });

  it("keeps the files and records every rendition when the transaction succeeds", async () => {
    const { storage, dir } = await freshStorage();
    const result = await processUpload(photo, jpegFile, { folder: "products", storage });
    if (!result.ok) throw new Error(`refused: ${result.reason}`);
    const { id } = await recordUploads(
      [result.image],
      () =>
        prisma.$transaction((tx) =>
          tx.image.create({
            data: imageRecord(result.image, { altId: "Mangkuk tembaga", altEn: "Copper bowl" }),
          }),
        ),
      storage,
    );
    const row = await prisma.image.findUniqueOrThrow({
      where: { id },
      include: { renditions: true },
    });
    expect(row).toMatchObject({ width: 1600, height: 1200, placeholder: result.image.placeholder });
    expect(row.renditions.map((rendition) => rendition.key).sort()).toEqual(await filesIn(dir));
  });
});
