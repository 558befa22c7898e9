// The photo page of an artisan's product: photos uploaded through the page's form (multipart,
// as a browser without JavaScript sends it) and through the drop zone's upload address, refused
// files and half-way failures that leave nothing behind, alt texts, order and cover, deleting,
// and another artisan's product, which does not exist for them.
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { requireArtisan, type ArtisanOwner } from "~/accounts/permissions.server";
import { prisma } from "~/db.server";
import { imageStorage, mediaRoot, type ImageStorage } from "~/images/storage.server";
import uploadMessages from "~/images/upload-messages";
import * as photosRoute from "~/routes/studio.listings.$slug.photos";
import * as uploadRoute from "~/routes/studio.listings.$slug.photos.upload";
import photoMessages from "~/studio/photo-messages";
import { readPhotoSubmission, uploadPhotos } from "~/studio/product-photos.server";
import { seedIfEmpty } from "../../prisma/seed/seed";
import { makeUser, sessionCookieFor, siteRequest, testContext } from "../setup/accounts";
import { oversizedJpeg, phonePhoto, plainPhoto, zipArchive } from "../setup/photos";

const texts = photoMessages.id;

type Outcome = { status: number; location: string | null; body: unknown };

/** What a loader or action answered: data (with its status), a redirect, or a thrown Response. */
async function outcome(run: Promise<unknown>): Promise<Outcome> {
  try {
    const result = await run;
    if (result instanceof Response) {
      const json = result.headers.get("Content-Type")?.includes("json");
      return {
        status: result.status,
        location: result.headers.get("Location"),
        body: json ? await result.json() : null,
      };
    }
    if (result && typeof result === "object" && "init" in result && "data" in result) {
      const init = result.init as ResponseInit | null;
      return { status: init?.status ?? 200, location: null, body: result.data };
    }
    return { status: 200, location: null, body: result };
  } catch (error) {
    if (error instanceof Response) {
      return { status: error.status, location: error.headers.get("Location"), body: null };
    }
    throw error;
  }
}

type PageData = Awaited<ReturnType<typeof photosRoute.loader>>;
type Refused = {
  ok: false;
  intent: string | null;
  photoId: string | null;
  errors: Record<string, string>;
  values: Record<string, string>;
};

type Photo = { name: string; bytes: Buffer; type?: string };

/** A multipart POST, as a browser sends a form with a file input. */
function multipart(
  url: string,
  cookie: string,
  fields: Record<string, string>,
  photos: Photo[],
): Request {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const photo of photos) {
    form.append(
      "photos",
      new File([new Uint8Array(photo.bytes)], photo.name, { type: photo.type ?? "image/jpeg" }),
    );
  }
  return new Request(new URL(url, "http://localhost"), {
    method: "POST",
    headers: { Cookie: cookie },
    body: form,
  });
}

function page(slug: string, cookie: string, search = ""): Promise<Outcome> {
  return outcome(
    photosRoute.loader({
      request: siteRequest(`/studio/listings/${slug}/photos${search}`, { cookie }),
      params: { slug },
      context: testContext,
    } as LoaderFunctionArgs),
  );
}

async function photosOf(slug: string, cookie: string): Promise<PageData["photos"]> {
  const answer = await page(slug, cookie);
  expect(answer.status).toBe(200);
  return (answer.body as PageData).photos;
}

function upload(
  slug: string,
  cookie: string,
  fields: Record<string, string>,
  photos: Photo[],
): Promise<Outcome> {
  const request = multipart(
    `/studio/listings/${slug}/photos`,
    cookie,
    { intent: "upload", ...fields },
    photos,
  );
  return outcome(
    photosRoute.action({ request, params: { slug }, context: testContext } as ActionFunctionArgs),
  );
}

function post(slug: string, cookie: string, form: Record<string, string>): Promise<Outcome> {
  return outcome(
    photosRoute.action({
      request: siteRequest(`/studio/listings/${slug}/photos`, { cookie, form }),
      params: { slug },
      context: testContext,
    } as ActionFunctionArgs),
  );
}

/** Every file under the media folder, as storage keys. */
async function mediaFiles(): Promise<string[]> {
  const root = mediaRoot();
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

async function imageRowCount(): Promise<number> {
  return prisma.image.count();
}

let categoryId: string;
let sequence = 0;

async function makeProduct(
  artisanId: string,
  status: "DRAFT" | "PUBLISHED" = "DRAFT",
): Promise<{ id: string; slug: string }> {
  sequence += 1;
  return prisma.product.create({
    data: {
      slug: `foto-uji-${sequence}`,
      artisanId,
      categoryId,
      status,
      publishedAt: status === "PUBLISHED" ? new Date() : null,
      metal: "COPPER",
      titleId: `Mangkuk uji ${sequence}`,
      titleEn: `Test bowl ${sequence}`,
      descriptionId: "Mangkuk tembaga untuk uji foto.",
    },
    select: { id: true, slug: true },
  });
}

/** Photo rows without files, for tests about order and limits rather than pictures. */
async function addPhotoRows(productId: string, count: number): Promise<string[]> {
  const existing = await prisma.productImage.count({ where: { productId } });
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    sequence += 1;
    const row = await prisma.productImage.create({
      data: {
        product: { connect: { id: productId } },
        position: existing + index,
        image: {
          create: {
            storageKey: `products/baris-uji-${sequence}`,
            width: 1200,
            height: 900,
            placeholder: "data:image/webp;base64,AAAA",
            altId: `Foto uji ${existing + index + 1}`,
          },
        },
      },
      select: { id: true },
    });
    ids.push(row.id);
  }
  return ids;
}

async function order(productId: string): Promise<string[]> {
  const rows = await prisma.productImage.findMany({
    where: { productId },
    orderBy: { position: "asc" },
    select: { id: true, position: true },
  });
  // Positions stay 0, 1, 2… whatever happened before.
  expect(rows.map((row) => row.position)).toEqual(rows.map((_, index) => index));
  return rows.map((row) => row.id);
}

let artisanCookie: string;
let owner: ArtisanOwner;
let otherCookie: string;
let otherArtisanId: string;
let phone: Buffer;
let png: Buffer;

beforeAll(async () => {
  await seedIfEmpty(prisma);
  categoryId = (await prisma.category.findFirstOrThrow()).id;
  const artisan = await makeUser({ role: "ARTISAN" });
  artisanCookie = await sessionCookieFor(artisan.id);
  owner = await requireArtisan(siteRequest("/studio", { cookie: artisanCookie }));
  const other = await makeUser({ role: "ARTISAN" });
  otherCookie = await sessionCookieFor(other.id);
  otherArtisanId = other.artisanId!;
  phone = await phonePhoto({ width: 1600, height: 1200, orientation: 6 });
  png = await plainPhoto("png", 1200, 900);
});

describe("uploading photos without JavaScript", () => {
  let product: { id: string; slug: string };

  beforeAll(async () => {
    product = await makeProduct(owner.artisanId);
  });

  it("adds two photos with renditions on disk, the first as the cover", async () => {
    const answer = await upload(
      product.slug,
      artisanCookie,
      { altId: "Mangkuk tembaga ukir", altEn: "Engraved copper bowl" },
      [
        { name: "IMG_0412.jpg", bytes: phone },
        { name: "samping.png", bytes: png, type: "image/png" },
      ],
    );
    expect(answer.status).toBe(302);
    expect(answer.location).toBe(
      `/studio/listings/${product.slug}/photos?done=uploaded&count=2#photos`,
    );

    const rows = await prisma.productImage.findMany({
      where: { productId: product.id },
      orderBy: { position: "asc" },
      include: { image: { include: { renditions: true } } },
    });
    expect(rows.map((row) => row.position)).toEqual([0, 1]);
    // One description for the whole upload; the second photo is numbered in each language.
    expect(rows.map((row) => [row.image.altId, row.image.altEn])).toEqual([
      ["Mangkuk tembaga ukir", "Engraved copper bowl"],
      ["Mangkuk tembaga ukir, foto 2", "Engraved copper bowl, photo 2"],
    ]);
    // The phone held upright: stored as the upright picture.
    expect([rows[0]!.image.width, rows[0]!.image.height]).toEqual([1200, 1600]);
    const files = await mediaFiles();
    for (const row of rows) {
      expect(row.image.renditions.length).toBeGreaterThanOrEqual(6);
      expect(new Set(row.image.renditions.map((r) => r.format))).toEqual(
        new Set(["AVIF", "WEBP", "JPEG"]),
      );
      for (const rendition of row.image.renditions) expect(files).toContain(rendition.key);
    }

    const shown = await page(product.slug, artisanCookie, "?done=uploaded&count=2");
    const data = shown.body as PageData;
    expect(data.done).toBe("uploaded");
    expect(data.doneCount).toBe(2);
    expect(data.photos.map((photo) => photo.altId)).toEqual([
      "Mangkuk tembaga ukir",
      "Mangkuk tembaga ukir, foto 2",
    ]);
    expect(data.photos[0]!.picture.fallback).toMatch(/^\/media\/products\/.+\.jpg$/);
  });

  it("refuses an upload without a description and writes nothing", async () => {
    const [rowsBefore, filesBefore] = [await imageRowCount(), await mediaFiles()];
    const answer = await upload(product.slug, artisanCookie, { altId: "  ", altEn: "Bowl" }, [
      { name: "IMG_0413.jpg", bytes: phone },
    ]);
    expect(answer.status).toBe(400);
    const body = answer.body as Refused;
    expect(body.intent).toBe("upload");
    expect(body.errors.altId).toBe(texts.errors.altRequired);
    expect(body.values.altEn).toBe("Bowl");
    expect(await imageRowCount()).toBe(rowsBefore);
    expect(await mediaFiles()).toEqual(filesBefore);
  });

  it("refuses a ZIP named .jpg with its reason, and keeps the good photo sent with it out too", async () => {
    const [rowsBefore, filesBefore] = [await imageRowCount(), await mediaFiles()];
    const alone = await upload(product.slug, artisanCookie, { altId: "Katalog" }, [
      { name: "mangkuk.jpg", bytes: zipArchive() },
    ]);
    expect(alone.status).toBe(400);
    expect((alone.body as Refused).errors.photos).toBe(uploadMessages.id.refusal["not-an-image"]);

    const together = await upload(product.slug, artisanCookie, { altId: "Mangkuk" }, [
      { name: "IMG_0414.jpg", bytes: png, type: "image/png" },
      { name: "katalog.jpg", bytes: zipArchive() },
    ]);
    expect(together.status).toBe(400);
    expect((together.body as Refused).errors.photos).toBe(
      `Foto 2 (katalog.jpg): ${uploadMessages.id.refusal["not-an-image"]}`,
    );
    expect(await imageRowCount()).toBe(rowsBefore);
    expect(await mediaFiles()).toEqual(filesBefore);
  });

  it("names a photo over 15 MB and every other refused photo of the same upload", async () => {
    const filesBefore = await mediaFiles();
    const answer = await upload(product.slug, artisanCookie, { altId: "Mangkuk" }, [
      { name: "besar.jpg", bytes: oversizedJpeg() },
      { name: "IMG_0415.jpg", bytes: png, type: "image/png" },
      { name: "katalog.jpg", bytes: zipArchive() },
    ]);
    expect(answer.status).toBe(400);
    expect((answer.body as Refused).errors.photos).toBe(
      [
        `Foto 1 (besar.jpg): ${uploadMessages.id.refusal["too-large"]}`,
        `Foto 3 (katalog.jpg): ${uploadMessages.id.refusal["not-an-image"]}`,
      ].join("\n"),
    );
    expect(await mediaFiles()).toEqual(filesBefore);
  });

  it("answers in English when the artisan chose English", async () => {
    const request = multipart(
      `/studio/listings/${product.slug}/photos?lng=en`,
      artisanCookie,
      { intent: "upload", altId: "Mangkuk" },
      [{ name: "mangkuk.jpg", bytes: zipArchive() }],
    );
    const answer = await outcome(
      photosRoute.action({
        request,
        params: { slug: product.slug },
        context: testContext,
      } as ActionFunctionArgs),
    );
    expect((answer.body as Refused).errors.photos).toBe(uploadMessages.en.refusal["not-an-image"]);
  });

  it("refuses a form no page sends (a description of 20 kB) without reading it as one", async () => {
    const answer = await upload(product.slug, artisanCookie, { altId: "x".repeat(20_000) }, [
      { name: "a.png", bytes: png, type: "image/png" },
    ]);
    expect(answer.status).toBe(400);
    expect((answer.body as Refused).errors.form).toBe(texts.errors.badRequest);
  });

  it("refuses a description longer than 200 characters next to its field", async () => {
    const answer = await upload(product.slug, artisanCookie, { altId: "x".repeat(201) }, [
      { name: "a.png", bytes: png, type: "image/png" },
    ]);
    expect(answer.status).toBe(400);
    expect((answer.body as Refused).errors.altId).toBe(texts.errors.altTooLong);
  });

  it("asks for a photo when none was chosen", async () => {
    const answer = await upload(product.slug, artisanCookie, { altId: "Mangkuk" }, []);
    expect(answer.status).toBe(400);
    expect((answer.body as Refused).errors.photos).toBe(texts.errors.filesRequired);
  });

  it("takes at most 8 photos per upload and 12 per product", async () => {
    const nine = Array.from({ length: 9 }, (_, n) => ({ name: `f${n}.jpg`, bytes: png }));
    const tooMany = await upload(product.slug, artisanCookie, { altId: "Mangkuk" }, nine);
    expect(tooMany.status).toBe(400);
    expect((tooMany.body as Refused).errors.photos).toBe(
      "Paling banyak 8 foto sekali unggah; Anda memilih 9. Unggah sisanya sesudah ini.",
    );

    const nearlyFull = await makeProduct(owner.artisanId);
    await addPhotoRows(nearlyFull.id, 11);
    const rowsBefore = await imageRowCount();
    const two = await upload(nearlyFull.slug, artisanCookie, { altId: "Mangkuk" }, [
      { name: "a.png", bytes: png },
      { name: "b.png", bytes: png },
    ]);
    expect(two.status).toBe(400);
    expect((two.body as Refused).errors.photos).toBe(
      "Produk ini hanya bisa menerima 1 foto lagi (paling banyak 12), sedangkan Anda memilih 2.",
    );
    expect(await imageRowCount()).toBe(rowsBefore);

    await addPhotoRows(nearlyFull.id, 1);
    const full = await upload(nearlyFull.slug, artisanCookie, { altId: "Mangkuk" }, [
      { name: "a.png", bytes: png },
    ]);
    expect((full.body as Refused).errors.photos).toBe(
      "Produk ini sudah punya 12 foto dari paling banyak 12. Hapus foto lain dulu.",
    );
  });
});

describe("a failure half-way leaves no file and no row", () => {
  /** A storage that fails on its `failOn`-th write, and runs `beforeWrite` before the first. */
  function troubledStorage(failOn: number, beforeWrite?: () => Promise<void>) {
    const counts = { written: 0 };
    let calls = 0;
    const storage: ImageStorage = {
      ...imageStorage,
      async put(key, body, contentType) {
        calls += 1;
        if (calls === 1) await beforeWrite?.();
        if (calls === failOn) throw new Error("disk full");
        await imageStorage.put(key, body, contentType);
        counts.written += 1;
      },
    };
    return { storage, counts };
  }

  async function submission(photos: Photo[]) {
    return readPhotoSubmission(multipart("/x", artisanCookie, { altId: "Mangkuk" }, photos));
  }

  it("when storage fails on the second photo, the first one's files go as well", async () => {
    const product = await makeProduct(owner.artisanId);
    const [rowsBefore, filesBefore] = [await imageRowCount(), await mediaFiles()];
    // Each photo is nine files (480, 960 and 1200 px in three formats): the 12th is the second's.
    const { storage, counts } = troubledStorage(12);
    const answer = await uploadPhotos(
      owner,
      product.id,
      await submission([
        { name: "a.png", bytes: png },
        { name: "b.png", bytes: png },
      ]),
      { locale: "id", storage },
    );
    expect(counts.written).toBe(17);
    expect(answer).toEqual({
      ok: false,
      status: 500,
      errors: { form: uploadMessages.id.failed },
    });
    expect(await imageRowCount()).toBe(rowsBefore);
    expect(await mediaFiles()).toEqual(filesBefore);
  });

  it("when the product is deleted while its photos are processed, their files are removed", async () => {
    const product = await makeProduct(owner.artisanId);
    const filesBefore = await mediaFiles();
    const answer = await uploadPhotos(
      owner,
      product.id,
      await submission([{ name: "a.png", bytes: png }]),
      {
        locale: "id",
        storage: troubledStorage(Number.POSITIVE_INFINITY, async () => {
          await prisma.product.delete({ where: { id: product.id } });
        }).storage,
      },
    );
    expect(answer.ok).toBe(false);
    expect(await prisma.productImage.count({ where: { productId: product.id } })).toBe(0);
    expect(await mediaFiles()).toEqual(filesBefore);
  });
});

describe("the drop zone's upload address", () => {
  it("takes one photo with its description and answers with JSON", async () => {
    const product = await makeProduct(owner.artisanId);
    const request = multipart(
      `/studio/listings/${product.slug}/photos/upload`,
      artisanCookie,
      { altId: "Tepak sirih, tampak atas", altEn: "" },
      [{ name: "atas.png", bytes: png, type: "image/png" }],
    );
    const answer = await outcome(
      uploadRoute.action({
        request,
        params: { slug: product.slug },
        context: testContext,
      } as ActionFunctionArgs),
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ ok: true, count: 1 });
    const [photo] = await photosOf(product.slug, artisanCookie);
    expect(photo).toMatchObject({ position: 0, altId: "Tepak sirih, tampak atas", altEn: null });
  });

  it("answers a refused photo with its reason by field", async () => {
    const product = await makeProduct(owner.artisanId);
    const request = multipart(
      `/studio/listings/${product.slug}/photos/upload`,
      artisanCookie,
      { altId: "" },
      [{ name: "katalog.jpg", bytes: zipArchive() }],
    );
    const answer = await outcome(
      uploadRoute.action({
        request,
        params: { slug: product.slug },
        context: testContext,
      } as ActionFunctionArgs),
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      ok: false,
      errors: {
        altId: texts.errors.altRequired,
        photos: uploadMessages.id.refusal["not-an-image"],
      },
    });
  });
});

describe("order, cover and descriptions", () => {
  let product: { id: string; slug: string };
  let ids: string[];

  beforeAll(async () => {
    product = await makeProduct(owner.artisanId);
    ids = await addPhotoRows(product.id, 3);
  });

  it("moves a photo down and up, and makes another the cover", async () => {
    const [a, b, c] = ids as [string, string, string];
    const down = await post(product.slug, artisanCookie, { intent: "down", photoId: a });
    expect(down.location).toBe(`/studio/listings/${product.slug}/photos?done=moved#photo-${a}`);
    expect(await order(product.id)).toEqual([b, a, c]);

    await post(product.slug, artisanCookie, { intent: "up", photoId: c });
    expect(await order(product.id)).toEqual([b, c, a]);

    const cover = await post(product.slug, artisanCookie, { intent: "cover", photoId: a });
    expect(cover.location).toBe(`/studio/listings/${product.slug}/photos?done=cover#photo-${a}`);
    expect(await order(product.id)).toEqual([a, b, c]);

    // The first cannot go higher, nor the last lower: nothing changes.
    await post(product.slug, artisanCookie, { intent: "up", photoId: a });
    await post(product.slug, artisanCookie, { intent: "down", photoId: c });
    expect(await order(product.id)).toEqual([a, b, c]);
    const shown = await photosOf(product.slug, artisanCookie);
    expect(shown.map((photo) => photo.id)).toEqual([a, b, c]);
  });

  it("saves a photo's description, and refuses an empty one next to the field", async () => {
    const photoId = ids[1]!;
    const saved = await post(product.slug, artisanCookie, {
      intent: "alt",
      photoId,
      altId: "  Gagang  mangkuk,   dekat ",
      altEn: "",
    });
    expect(saved.location).toBe(
      `/studio/listings/${product.slug}/photos?done=altSaved#photo-${photoId}`,
    );
    const image = await prisma.productImage.findUniqueOrThrow({
      where: { id: photoId },
      select: { image: { select: { altId: true, altEn: true } } },
    });
    expect(image.image).toEqual({ altId: "Gagang mangkuk, dekat", altEn: null });

    const refused = await post(product.slug, artisanCookie, {
      intent: "alt",
      photoId,
      altId: "",
      altEn: "Handle",
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      intent: "alt",
      photoId,
      errors: { altId: texts.errors.altRequired },
      values: { altEn: "Handle" },
    });
  });

  it("asks for confirmation before a delete with a page of its own", async () => {
    const shown = await page(product.slug, artisanCookie, `?delete=${ids[2]}`);
    expect((shown.body as PageData).confirmDelete).toBe(ids[2]);
    const unknown = await page(product.slug, artisanCookie, "?delete=not-a-photo");
    expect((unknown.body as PageData).confirmDelete).toBeNull();
  });
});

describe("deleting photos", () => {
  it("removes the photo's rows and files, and the next photo becomes the cover", async () => {
    const product = await makeProduct(owner.artisanId);
    const added = await upload(product.slug, artisanCookie, { altId: "Cerek kuningan" }, [
      { name: "depan.png", bytes: png, type: "image/png" },
      { name: "samping.png", bytes: png, type: "image/png" },
    ]);
    expect(added.status).toBe(302);
    const [first, second] = await photosOf(product.slug, artisanCookie);
    const image = await prisma.productImage.findUniqueOrThrow({
      where: { id: first!.id },
      select: { image: { select: { id: true, storageKey: true } } },
    });
    const before = await mediaFiles();
    expect(before.some((file) => file.startsWith(`${image.image.storageKey}/`))).toBe(true);

    const answer = await post(product.slug, artisanCookie, {
      intent: "delete",
      photoId: first!.id,
    });
    expect(answer.location).toBe(`/studio/listings/${product.slug}/photos?done=deleted#photos`);
    expect(await prisma.image.count({ where: { id: image.image.id } })).toBe(0);
    expect(await prisma.imageRendition.count({ where: { imageId: image.image.id } })).toBe(0);
    const after = await mediaFiles();
    expect(after.some((file) => file.startsWith(`${image.image.storageKey}/`))).toBe(false);
    expect(after.length).toBeLessThan(before.length);
    const left = await photosOf(product.slug, artisanCookie);
    expect(left.map((photo) => [photo.id, photo.position])).toEqual([[second!.id, 0]]);
  });

  it("refuses to delete the last photo of a product on sale, and keeps it", async () => {
    const product = await makeProduct(owner.artisanId, "PUBLISHED");
    const [only] = await addPhotoRows(product.id, 1);
    const answer = await post(product.slug, artisanCookie, { intent: "delete", photoId: only! });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      intent: "delete",
      photoId: only,
      errors: { form: texts.errors.lastPhoto },
    });
    expect(await order(product.id)).toEqual([only]);

    // With a second photo, either can go.
    const [extra] = await addPhotoRows(product.id, 1);
    expect(
      (await post(product.slug, artisanCookie, { intent: "delete", photoId: only! })).status,
    ).toBe(302);
    expect(await order(product.id)).toEqual([extra]);
  });

  it("lets a draft lose its last photo", async () => {
    const product = await makeProduct(owner.artisanId);
    const [only] = await addPhotoRows(product.id, 1);
    const answer = await post(product.slug, artisanCookie, { intent: "delete", photoId: only! });
    expect(answer.status).toBe(302);
    expect(await order(product.id)).toEqual([]);
  });
});

describe("another artisan's product", () => {
  let theirs: { id: string; slug: string };
  let theirPhoto: string;

  beforeAll(async () => {
    theirs = await makeProduct(otherArtisanId, "PUBLISHED");
    [theirPhoto] = (await addPhotoRows(theirs.id, 2)) as [string];
  });

  it("does not exist: the page, each change and the upload address answer 404", async () => {
    expect((await page(theirs.slug, artisanCookie)).status).toBe(404);
    expect((await page("no-such-product", artisanCookie)).status).toBe(404);
    for (const intent of ["alt", "up", "down", "cover", "delete"]) {
      const answer = await post(theirs.slug, artisanCookie, {
        intent,
        photoId: theirPhoto,
        altId: "Diganti",
      });
      expect(answer.status, intent).toBe(404);
    }
    const rowsBefore = await imageRowCount();
    const uploaded = await upload(theirs.slug, artisanCookie, { altId: "Milik saya" }, [
      { name: "a.png", bytes: png, type: "image/png" },
    ]);
    expect(uploaded.status).toBe(404);
    const viaDropZone = await outcome(
      uploadRoute.action({
        request: multipart(
          `/studio/listings/${theirs.slug}/photos/upload`,
          artisanCookie,
          { altId: "Milik saya" },
          [{ name: "a.png", bytes: png, type: "image/png" }],
        ),
        params: { slug: theirs.slug },
        context: testContext,
      } as ActionFunctionArgs),
    );
    expect(viaDropZone.status).toBe(404);
    const opened = await outcome(
      uploadRoute.loader({
        request: siteRequest(`/studio/listings/${theirs.slug}/photos/upload`, {
          cookie: artisanCookie,
        }),
        params: { slug: theirs.slug },
        context: testContext,
      } as LoaderFunctionArgs),
    );
    expect(opened.status).toBe(404);
    expect(await imageRowCount()).toBe(rowsBefore);
  });

  it("cannot be reached through the artisan's own product either", async () => {
    const mine = await makeProduct(owner.artisanId);
    await addPhotoRows(mine.id, 1);
    for (const intent of ["alt", "cover", "delete"]) {
      const answer = await post(mine.slug, artisanCookie, {
        intent,
        photoId: theirPhoto,
        altId: "Diganti",
      });
      expect(answer.status, intent).toBe(404);
      expect((answer.body as Refused).errors.form).toBe(texts.errors.photoNotFound);
    }
    const theirImage = await prisma.productImage.findUniqueOrThrow({
      where: { id: theirPhoto },
      select: { position: true, image: { select: { altId: true } } },
    });
    expect(theirImage).toEqual({ position: 0, image: { altId: "Foto uji 1" } });
  });

  it("is theirs to change", async () => {
    const shown = await photosOf(theirs.slug, otherCookie);
    expect(shown.map((photo) => photo.id)[0]).toBe(theirPhoto);
  });

  it("keeps visitors who are not artisans out", async () => {
    expect((await page(theirs.slug, "")).status).toBe(302);
    const buyer = await makeUser({ role: "BUYER" });
    expect((await page(theirs.slug, await sessionCookieFor(buyer.id))).status).toBe(403);
  });
});
