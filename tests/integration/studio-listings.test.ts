// The artisan's listings in the studio, against a real database and through the real routes:
// creating with prices as people type them, refusals that keep what was typed (a 12 MB story
// included), variant rows added without JavaScript, publishing only with a photo, archiving out
// of the catalogue, duplicating, stock changed by a buyer while the artisan edits, and nobody
// reaching another artisan's products.
import { beforeAll, describe, expect, it } from "vitest";
import { searchCatalog } from "~/catalog/catalog.server";
import { parseCatalogQuery } from "~/catalog/catalog-query";
import { productBySlug } from "~/catalog/product.server";
import { prisma } from "~/db.server";
import * as editRoute from "~/routes/studio.listings.$slug._index";
import * as previewRoute from "~/routes/studio.listings.$slug.preview";
import * as listRoute from "~/routes/studio.listings._index";
import * as newRoute from "~/routes/studio.listings.new";
import type { ListingAnswer } from "~/studio/listing-answer.server";
import { variantFieldName, type ListingDraft } from "~/studio/listing-form";
import messages from "~/studio/listing-messages";
import { makeUser, sessionCookieFor, siteRequest, testContext } from "../setup/accounts";
import {
  answered,
  makePiece,
  makeRestArea,
  openShop,
  placeGuestOrder,
  stockOf,
  type Piece,
  type TestRestArea,
} from "../setup/orders";

const texts = messages.id;

type Artisan = { artisanId: string; cookie: string };
type EditData = Awaited<ReturnType<typeof editRoute.loader>>;
type PreviewData = Awaited<ReturnType<typeof previewRoute.loader>>;
type ListData = Awaited<ReturnType<typeof listRoute.loader>>;
type EditAnswer =
  | ({ kind: "form" } & ListingAnswer)
  | { kind: "publish"; missingPhoto: boolean; missingVariant: boolean };

let ani: Artisan;
let budi: Artisan;
let buyerCookie: string;
let categoryId: string;
let restArea: TestRestArea;
let budisPiece: Piece;
let budisSlug: string;

async function artisanOf(artisanId: string, name: string): Promise<Artisan> {
  const user = await makeUser({ role: "ARTISAN", artisanId, name });
  return { artisanId, cookie: await sessionCookieFor(user.id) };
}

beforeAll(async () => {
  const shopAni = await openShop();
  const shopBudi = await openShop();
  await prisma.artisan.update({ where: { id: shopAni.artisanId }, data: { name: "Ani Suryani" } });
  categoryId = shopAni.categoryId;
  ani = await artisanOf(shopAni.artisanId, "Ani Suryani");
  budi = await artisanOf(shopBudi.artisanId, "Budi Santoso");
  const buyer = await makeUser({ role: "BUYER" });
  buyerCookie = await sessionCookieFor(buyer.id);
  restArea = await makeRestArea();
  budisPiece = await makePiece(shopBudi, { stock: 4, title: "Nampan perak Budi" });
  budisSlug = (
    await prisma.product.findUniqueOrThrow({
      where: { id: budisPiece.productId },
      select: { slug: true },
    })
  ).slug;
});

// ── helpers ───────────────────────────────────────────────────────────────────────────────────

type Row = Partial<Record<"labelId" | "metal" | "price" | "stock", string>>;

/** The new-product form as an artisan fills it in. */
function listingFields(fields: Record<string, string> = {}, rows: Row[] = [{}]) {
  const form: Record<string, string> = {
    titleId: "Tepak Sirih Motif Pucuk Rebung",
    descriptionId: "Tepak sirih tembaga, diukir tangan dengan motif pucuk rebung.",
    categoryId,
    metal: "COPPER",
    leadTimeDays: "0",
    weightGrams: "350",
    variantCount: String(rows.length),
    ...fields,
  };
  rows.forEach((row, index) => {
    form[variantFieldName(index, "labelId")] = row.labelId ?? `Polos ${index + 1}`;
    form[variantFieldName(index, "metal")] = row.metal ?? "COPPER";
    form[variantFieldName(index, "price")] = row.price ?? "Rp 200.000";
    form[variantFieldName(index, "stock")] = row.stock ?? "5";
    form[variantFieldName(index, "active")] = "on";
  });
  return form;
}

/** The edit form as the page draws it from `draft`, as a browser posts it. */
function formOf(draft: ListingDraft, intent = "save"): Record<string, string> {
  const form: Record<string, string> = {
    ...draft.fields,
    variantCount: String(draft.variants.length),
    intent,
  };
  draft.variants.forEach((row, index) => {
    for (const field of [
      "id",
      "labelId",
      "labelEn",
      "metal",
      "finish",
      "size",
      "price",
      "stock",
      "seenStock",
    ] as const) {
      form[variantFieldName(index, field)] = row[field];
    }
    if (row.active) form[variantFieldName(index, "active")] = "on";
    if (row.remove) form[variantFieldName(index, "remove")] = "1";
  });
  return form;
}

function create(who: { cookie?: string }, form: Record<string, string>) {
  return answered<ListingAnswer>(
    newRoute.action({
      request: siteRequest("/studio/listings/new", { cookie: who.cookie, form }),
      params: {},
      context: testContext,
    }),
  );
}

/** Creates a listing as Ani and answers its slug. */
async function created(fields: Record<string, string> = {}, rows: Row[] = [{}]) {
  const answer = await create(ani, listingFields(fields, rows));
  expect(answer.status, JSON.stringify(answer.body)).toBe(302);
  const slug = /^\/studio\/listings\/([a-z0-9-]+)\/photos\?created=1$/.exec(answer.location!)?.[1];
  expect(slug).toBeDefined();
  return slug!;
}

function openEdit(who: { cookie?: string }, slug: string) {
  return answered<EditData>(
    editRoute.loader({
      request: siteRequest(`/studio/listings/${slug}`, { cookie: who.cookie }),
      params: { slug },
      context: testContext,
    }),
  );
}

async function draftOf(slug: string): Promise<ListingDraft> {
  const page = await openEdit(ani, slug);
  expect(page.status).toBe(200);
  return page.body.draft;
}

function postEdit(who: { cookie?: string }, slug: string, form: Record<string, string>) {
  return answered<EditAnswer>(
    editRoute.action({
      request: siteRequest(`/studio/listings/${slug}`, { cookie: who.cookie, form }),
      params: { slug },
      context: testContext,
    }),
  );
}

function formAnswer(body: EditAnswer): ListingAnswer {
  if (body.kind !== "form") throw new Error(`expected the form back, got ${JSON.stringify(body)}`);
  return body;
}

function productNamed(slug: string) {
  return prisma.product.findUniqueOrThrow({
    where: { slug },
    include: { variants: { orderBy: { position: "asc" } }, images: true },
  });
}

let photoCounter = 0;

/** A processed photo, as the photos page leaves it: the image, one rendition, its place. */
async function addPhoto(productId: string) {
  photoCounter += 1;
  const image = await prisma.image.create({
    data: {
      storageKey: `products/uji-${photoCounter}-${Date.now()}`,
      width: 1200,
      height: 900,
      placeholder: "data:image/webp;base64,UklGRg==",
      altId: "Tepak sirih tembaga dilihat dari atas",
      renditions: {
        create: {
          format: "JPEG",
          width: 1200,
          height: 900,
          bytes: 120_000,
          key: `products/uji-${photoCounter}-${Date.now()}/1200.jpg`,
        },
      },
    },
  });
  await prisma.productImage.create({ data: { productId, imageId: image.id, position: 0 } });
}

function catalogueSlugs(q: string) {
  return searchCatalog(parseCatalogQuery(new URLSearchParams({ q })), "id").then((page) =>
    page.cards.map((card) => card.slug),
  );
}

// ── creating ──────────────────────────────────────────────────────────────────────────────────

describe("creating a listing", () => {
  it("saves a draft with prices as people type them and goes on to the photos", async () => {
    const slug = await created({ leadTimeDays: "14" }, [
      { labelId: "Polos", price: "Rp 200.000", stock: "3" },
      { labelId: "Ukir penuh", price: "350000", stock: "0" },
      { labelId: "Mini", price: "75.000", stock: "12" },
    ]);
    expect(slug).toBe("tepak-sirih-motif-pucuk-rebung");
    const product = await productNamed(slug);
    expect(product.status).toBe("DRAFT");
    expect(product.publishedAt).toBeNull();
    expect(product.artisanId).toBe(ani.artisanId);
    expect(product.leadTimeDays).toBe(14);
    expect(product.madeToOrder).toBe(true);
    expect(product.weightGrams).toBe(350);
    expect(product.titleEn).toBeNull();
    expect(product.variants.map((v) => [v.labelId, v.priceRupiah, v.stock])).toEqual([
      ["Polos", 200_000, 3],
      ["Ukir penuh", 350_000, 0],
      ["Mini", 75_000, 12],
    ]);
    // Readable and unique: the artisan's initials, the product, a number.
    expect(product.variants.map((v) => v.sku)).toEqual([
      "AS-TEPAK-SIRIH-01",
      "AS-TEPAK-SIRIH-02",
      "AS-TEPAK-SIRIH-03",
    ]);
    expect(product.searchText).toContain("pucuk rebung");
  });

  it("gives a second product with the same title its own link and SKUs", async () => {
    const slug = await created();
    expect(slug).toBe("tepak-sirih-motif-pucuk-rebung-2");
    const product = await productNamed(slug);
    expect(product.variants[0]!.sku).toBe("AS-TEPAK-SIRIH-04");
    expect(product.madeToOrder).toBe(false);
  });

  it("refuses a price of 0, negative stock and a missing title, keeping every typed value", async () => {
    const before = await prisma.product.count();
    const answer = await create(
      ani,
      listingFields({ titleId: "", titleEn: "Betel box" }, [
        { labelId: "Polos", price: "0", stock: "4" },
        { labelId: "Ukir", price: "Rp 250.000", stock: "-2" },
        { labelId: "Besar", price: "-50.000", stock: "1" },
      ]),
    );
    expect(answer.status).toBe(400);
    const { errors, draft } = answer.body;
    expect(errors.form).toBe(texts.errors.form);
    expect(errors.titleId).toBe(texts.errors.titleIdRequired);
    expect(errors["variants.0.price"]).toBe(texts.errors.pricePositive);
    expect(errors["variants.1.stock"]).toBe(texts.errors.stockNegative);
    expect(errors["variants.2.price"]).toBe(texts.errors.pricePositive);
    expect(errors["variants.1.price"]).toBeUndefined();
    expect(draft.fields.titleEn).toBe("Betel box");
    expect(draft.fields.descriptionId).toContain("pucuk rebung");
    expect(draft.variants.map((row) => [row.labelId, row.price, row.stock])).toEqual([
      ["Polos", "0", "4"],
      ["Ukir", "Rp 250.000", "-2"],
      ["Besar", "-50.000", "1"],
    ]);
    expect(await prisma.product.count()).toBe(before);
  });

  it("refuses a price that cannot be read, is too high, and a title too short", async () => {
    const answer = await create(
      ani,
      listingFields({ titleId: "Ab" }, [
        { price: "dua ratus ribu" },
        { price: "Rp 100.000.001" },
        { stock: "10000" },
      ]),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toMatchObject({
      titleId: texts.errors.titleTooShort,
      "variants.0.price": texts.errors.priceInvalid,
      "variants.1.price": texts.errors.priceTooHigh,
      "variants.2.stock": texts.errors.stockTooHigh,
    });
  });

  it("refuses a 12 MB description with a message next to it, not a server error", async () => {
    const before = await prisma.product.count();
    const body = new URLSearchParams(
      listingFields({ descriptionId: "a".repeat(12 * 1024 * 1024), titleEn: "Betel box" }),
    );
    const request = new Request("http://localhost/studio/listings/new", {
      method: "POST",
      headers: { Cookie: ani.cookie },
      body,
    });
    const answer = await answered<ListingAnswer>(
      newRoute.action({ request, params: {}, context: testContext }),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors.descriptionId).toBe(texts.errors.descriptionTooLong);
    // What was typed comes back, the story cut to what its field holds.
    expect(answer.body.draft.fields.titleId).toBe("Tepak Sirih Motif Pucuk Rebung");
    expect(answer.body.draft.fields.titleEn).toBe("Betel box");
    expect(answer.body.draft.fields.descriptionId).toHaveLength(5000);
    expect(answer.body.draft.variants[0]!.price).toBe("Rp 200.000");
    expect(await prisma.product.count()).toBe(before);
  });

  it("answers a form over 16 MB with a message instead of reading it", async () => {
    const request = new Request("http://localhost/studio/listings/new", {
      method: "POST",
      headers: { Cookie: ani.cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: `descriptionId=${"a".repeat(17 * 1024 * 1024)}`,
    });
    const answer = await answered<ListingAnswer>(
      newRoute.action({ request, params: {}, context: testContext }),
    );
    expect(answer.status).toBe(413);
    expect(answer.body.errors.form).toBe(texts.errors.tooLarge);
  });

  it("adds and removes variant rows without JavaScript, keeping what was typed", async () => {
    const before = await prisma.product.count();
    const added = await create(ani, {
      ...listingFields({ titleId: "Cawan tembaga" }, [{ labelId: "Kecil", price: "90.000" }]),
      intent: "add-variant",
    });
    expect(added.status).toBe(200);
    expect(added.body.errors).toEqual({});
    expect(added.body.draft.fields.titleId).toBe("Cawan tembaga");
    expect(added.body.draft.variants).toHaveLength(2);
    expect(added.body.draft.variants[0]).toMatchObject({ labelId: "Kecil", price: "90.000" });
    // The new row starts empty, for sale, in the metal of the row above.
    expect(added.body.draft.variants[1]).toMatchObject({
      id: "",
      labelId: "",
      price: "",
      stock: "0",
      metal: "COPPER",
      active: true,
    });

    const removed = await create(ani, {
      ...formOf(added.body.draft),
      intent: "remove-variant-0",
    });
    expect(removed.status).toBe(200);
    expect(removed.body.draft.variants).toHaveLength(1);
    expect(removed.body.draft.variants[0]!.labelId).toBe("");
    expect(await prisma.product.count()).toBe(before);
  });
});

// ── who may open what ─────────────────────────────────────────────────────────────────────────

describe("another artisan's product", () => {
  it("is a 404 for the edit page, its actions and the preview, like a product that does not exist", async () => {
    const before = await prisma.product.findUniqueOrThrow({
      where: { id: budisPiece.productId },
      include: { variants: true },
    });
    const products = await prisma.product.count();
    // Its own artisan opens it: the 404 below is about whose product it is.
    expect((await openEdit(budi, budisSlug)).status).toBe(200);
    for (const slug of [budisSlug, "tidak-ada-produk-ini"]) {
      expect((await openEdit(ani, slug)).status).toBe(404);
      const preview = await answered(
        previewRoute.loader({
          request: siteRequest(`/studio/listings/${slug}/preview`, { cookie: ani.cookie }),
          params: { slug },
          context: testContext,
        }),
      );
      expect(preview.status).toBe(404);
      for (const intent of ["save", "add-variant", "publish", "archive", "draft", "duplicate"]) {
        const answer = await postEdit(ani, slug, { ...listingFields(), intent });
        expect(answer.status, intent).toBe(404);
      }
    }
    const after = await prisma.product.findUniqueOrThrow({
      where: { id: budisPiece.productId },
      include: { variants: true },
    });
    expect(after).toEqual(before);
    expect(await prisma.product.count()).toBe(products);
  });

  it("never shows in the artisan's own list", async () => {
    const list = await answered<ListData>(
      listRoute.loader({
        request: siteRequest("/studio/listings", { cookie: ani.cookie }),
        params: {},
        context: testContext,
      }),
    );
    expect(list.status).toBe(200);
    expect(list.body.listings.products.map((p) => p.slug)).not.toContain(budisSlug);
    expect(list.body.listings.products.length).toBe(list.body.listings.counts.all);
  });

  it("keeps buyers and visitors out of the studio", async () => {
    const buyer = await openEdit({ cookie: buyerCookie }, budisSlug);
    expect(buyer.status).toBe(403);
    const visitor = await openEdit({}, budisSlug);
    expect(visitor.status).toBe(302);
    expect(visitor.location).toMatch(/^\/sign-in\?next=/);
    const post = await create({ cookie: buyerCookie }, listingFields());
    expect(post.status).toBe(403);
  });
});

// ── status ────────────────────────────────────────────────────────────────────────────────────

describe("publishing, archiving and back to draft", () => {
  it("refuses to publish without a photo, publishes with one, and the shop shows it", async () => {
    const slug = await created({ titleId: "Gelang perak bunga tanjung", metal: "SILVER" }, [
      // Left empty, a variant's metal is the product's.
      { labelId: "Ukuran 16", metal: "", price: "450.000", stock: "2" },
    ]);
    expect((await productNamed(slug)).variants[0]!.metal).toBe("SILVER");
    const refused = await postEdit(ani, slug, { intent: "publish" });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ kind: "publish", missingPhoto: true, missingVariant: false });
    expect((await productNamed(slug)).status).toBe("DRAFT");

    const product = await productNamed(slug);
    await addPhoto(product.id);
    const published = await postEdit(ani, slug, { intent: "publish" });
    expect(published.status).toBe(302);
    expect(published.location).toBe(`/studio/listings/${slug}?done=published`);
    const onSale = await productNamed(slug);
    expect(onSale.status).toBe("PUBLISHED");
    expect(onSale.publishedAt).toBeInstanceOf(Date);
    expect(await catalogueSlugs("gelang bunga tanjung")).toContain(slug);
    expect(await productBySlug(slug, "id")).not.toBeNull();

    const archived = await postEdit(ani, slug, { intent: "archive" });
    expect(archived.location).toBe(`/studio/listings/${slug}?done=archived`);
    expect((await productNamed(slug)).status).toBe("ARCHIVED");
    expect(await catalogueSlugs("gelang bunga tanjung")).not.toContain(slug);
    expect(await productBySlug(slug, "id")).toBeNull();

    const drafted = await postEdit(ani, slug, { intent: "draft" });
    expect(drafted.location).toBe(`/studio/listings/${slug}?done=drafted`);
    expect((await productNamed(slug)).status).toBe("DRAFT");
    expect(await catalogueSlugs("gelang bunga tanjung")).not.toContain(slug);

    // Publishing again keeps the date of the first publication.
    await postEdit(ani, slug, { intent: "publish" });
    const again = await productNamed(slug);
    expect(again.status).toBe("PUBLISHED");
    expect(again.publishedAt).toEqual(onSale.publishedAt);
  });

  it("refuses to publish with no variant for sale, naming both missing things", async () => {
    const slug = await created({ titleId: "Nampan aluminium" });
    const draft = await draftOf(slug);
    draft.variants[0]!.active = false;
    expect((await postEdit(ani, slug, formOf(draft))).status).toBe(302);
    const refused = await postEdit(ani, slug, { intent: "publish" });
    expect(refused.body).toEqual({ kind: "publish", missingPhoto: true, missingVariant: true });
  });

  it("lists the artisan's products by status with their counts", async () => {
    const list = await answered<ListData>(
      listRoute.loader({
        request: siteRequest("/studio/listings?status=DRAFT", { cookie: ani.cookie }),
        params: {},
        context: testContext,
      }),
    );
    const { counts, products } = list.body.listings;
    expect(products.length).toBe(counts.DRAFT);
    expect(products.every((product) => product.status === "DRAFT")).toBe(true);
    expect(counts.all).toBe(counts.DRAFT + counts.PUBLISHED + counts.ARCHIVED);
    expect(counts.PUBLISHED).toBeGreaterThanOrEqual(1);
  });

  it("previews a draft as the shop page would show it, with a noindex", async () => {
    const slug = await created({
      titleId: "Kotak perhiasan tembaga",
      titleEn: "Copper jewellery box",
    });
    const preview = await answered<PreviewData>(
      previewRoute.loader({
        request: siteRequest(`/studio/listings/${slug}/preview`, { cookie: ani.cookie }),
        params: { slug },
        context: testContext,
      }),
    );
    expect(preview.status).toBe(200);
    expect(preview.body.status).toBe("DRAFT");
    expect(preview.body.shown && preview.body.product.title).toBe("Kotak perhiasan tembaga");
    expect(preview.body.shown && preview.body.product.variants[0]!.priceRupiah).toBe(200_000);
    const meta = previewRoute.meta({ data: preview.body } as Parameters<
      typeof previewRoute.meta
    >[0]);
    expect(meta).toContainEqual({ name: "robots", content: "noindex" });
    // Buyers still cannot open it.
    expect(await productBySlug(slug, "id")).toBeNull();
  });
});

// ── duplicating ───────────────────────────────────────────────────────────────────────────────

describe("duplicating", () => {
  it("makes a draft with the texts and variants, no stock, new SKUs and no photos", async () => {
    const slug = await created(
      { titleId: "Teko tembaga ukir", titleEn: "Carved copper teapot", careId: "Lap kering." },
      [
        { labelId: "1 liter", price: "300.000", stock: "4" },
        { labelId: "2 liter", price: "420.000", stock: "2" },
      ],
    );
    const original = await productNamed(slug);
    await addPhoto(original.id);
    await postEdit(ani, slug, { intent: "publish" });

    const answer = await postEdit(ani, slug, { intent: "duplicate" });
    expect(answer.status).toBe(302);
    const copySlug = /^\/studio\/listings\/([a-z0-9-]+)\?done=duplicated$/.exec(
      answer.location!,
    )?.[1];
    expect(copySlug).toBe("teko-tembaga-ukir-salinan");
    const copy = await productNamed(copySlug!);
    expect(copy).toMatchObject({
      status: "DRAFT",
      publishedAt: null,
      titleId: "Teko tembaga ukir (salinan)",
      titleEn: "Carved copper teapot (copy)",
      careId: "Lap kering.",
      descriptionId: original.descriptionId,
      categoryId: original.categoryId,
      artisanId: ani.artisanId,
    });
    expect(copy.images).toHaveLength(0);
    expect(copy.variants.map((v) => [v.labelId, v.priceRupiah, v.stock])).toEqual([
      ["1 liter", 300_000, 0],
      ["2 liter", 420_000, 0],
    ]);
    const originalSkus = original.variants.map((v) => v.sku);
    for (const variant of copy.variants) expect(originalSkus).not.toContain(variant.sku);
    // The original is untouched.
    expect((await productNamed(slug)).variants.map((v) => v.stock)).toEqual([4, 2]);

    const page = await openEdit(ani, copySlug!);
    expect(page.status).toBe(200);
    expect(page.body.listing.photoCount).toBe(0);
  });
});

// ── editing ───────────────────────────────────────────────────────────────────────────────────

describe("editing", () => {
  it("keeps the link when the title changes and saves the other fields", async () => {
    const slug = await created({ titleId: "Cincin perak polos" });
    const draft = await draftOf(slug);
    draft.fields.titleId = "Cincin perak ukir halus";
    draft.fields.titleEn = "Finely carved silver ring";
    draft.fields.leadTimeDays = "7";
    draft.fields.weightGrams = "";
    draft.variants[0]!.price = "Rp 225.000";
    const answer = await postEdit(ani, slug, formOf(draft));
    expect(answer.status).toBe(302);
    expect(answer.location).toBe(`/studio/listings/${slug}?done=saved`);
    const product = await productNamed(slug);
    expect(product.slug).toBe("cincin-perak-polos");
    expect(product.titleId).toBe("Cincin perak ukir halus");
    expect(product.madeToOrder).toBe(true);
    expect(product.weightGrams).toBeNull();
    expect(product.variants[0]!.priceRupiah).toBe(225_000);
    expect(product.searchText).toContain("ukir halus");
  });

  it("refuses bad input on save, keeping the typed values and changing nothing", async () => {
    const slug = await created({ titleId: "Bros tembaga" });
    const draft = await draftOf(slug);
    draft.fields.titleId = "Bros tembaga motif bunga";
    draft.variants[0]!.price = "0";
    const answer = await postEdit(ani, slug, formOf(draft));
    expect(answer.status).toBe(400);
    const refused = formAnswer(answer.body);
    expect(refused.errors["variants.0.price"]).toBe(texts.errors.pricePositive);
    expect(refused.draft.fields.titleId).toBe("Bros tembaga motif bunga");
    expect((await productNamed(slug)).titleId).toBe("Bros tembaga");
  });

  it("applies the difference in stock when a buyer ordered meanwhile, and refuses to go below zero", async () => {
    const slug = await created({ titleId: "Cepu perak kecil" }, [{ stock: "5" }]);
    const product = await productNamed(slug);
    await addPhoto(product.id);
    await postEdit(ani, slug, { intent: "publish" });
    const variantId = product.variants[0]!.id;

    // The artisan opens the page (5 in stock), a buyer orders 2, the artisan adds 3 made today.
    const seen = await draftOf(slug);
    expect(seen.variants[0]!.seenStock).toBe("5");
    await placeGuestOrder({ restArea, lines: [{ variantId, quantity: 2 }] });
    expect(await stockOf(variantId)).toBe(3);
    seen.variants[0]!.stock = "8";
    const saved = await postEdit(ani, slug, formOf(seen));
    expect(saved.status).toBe(302);
    // 3 left + 3 added: the 2 sold are not sold twice.
    expect(await stockOf(variantId)).toBe(6);

    // Opened at 6; a buyer takes 5; the artisan, not knowing, lowers to 2 (-4): refused.
    const stale = await draftOf(slug);
    await placeGuestOrder({ restArea, lines: [{ variantId, quantity: 5 }] });
    expect(await stockOf(variantId)).toBe(1);
    stale.fields.careId = "Simpan di kotak kering.";
    stale.variants[0]!.stock = "2";
    const conflict = await postEdit(ani, slug, formOf(stale));
    expect(conflict.status).toBe(409);
    const refused = formAnswer(conflict.body);
    expect(refused.errors["variants.0.stock"]).toBe(
      texts.errors.stockChanged_one.replace("{{count}}", "1"),
    );
    expect(refused.draft.variants[0]!.stock).toBe("2");
    expect(refused.draft.fields.careId).toBe("Simpan di kotak kering.");
    expect(await stockOf(variantId)).toBe(1);
    expect((await productNamed(slug)).careId).toBeNull();

    // Saving again from the answer, now that the page says 1 is left, sets the artisan's 2.
    expect(refused.draft.variants[0]!.seenStock).toBe("1");
    const again = await postEdit(ani, slug, formOf(refused.draft));
    expect(again.status).toBe(302);
    expect(await stockOf(variantId)).toBe(2);
    expect((await productNamed(slug)).careId).toBe("Simpan di kotak kering.");
  });

  it("takes an ordered variant off sale instead of deleting it, and deletes one never ordered", async () => {
    const slug = await created({ titleId: "Anting perak" }, [
      { labelId: "Polos", stock: "5" },
      { labelId: "Ukir", stock: "5" },
      { labelId: "Batu", stock: "5" },
    ]);
    const product = await productNamed(slug);
    await addPhoto(product.id);
    await postEdit(ani, slug, { intent: "publish" });
    const [ordered, neverOrdered] = product.variants;
    await placeGuestOrder({ restArea, lines: [{ variantId: ordered!.id, quantity: 1 }] });

    const page = await openEdit(ani, slug);
    expect(page.body.listing.orderedVariantIds).toEqual([ordered!.id]);
    let draft = page.body.draft;
    for (const index of [0, 1]) {
      const marked = await postEdit(ani, slug, formOf(draft, `remove-variant-${index}`));
      expect(marked.status).toBe(200);
      draft = formAnswer(marked.body).draft;
    }
    expect(draft.variants.map((row) => row.remove)).toEqual([true, true, false]);
    // A new row in the same save gets a fresh SKU.
    const added = formAnswer((await postEdit(ani, slug, formOf(draft, "add-variant"))).body).draft;
    added.variants[3] = { ...added.variants[3]!, labelId: "Emas", price: "500.000", stock: "1" };

    const saved = await postEdit(ani, slug, formOf(added));
    expect(saved.status).toBe(302);
    expect(saved.location).toBe(`/studio/listings/${slug}?done=saved&deactivated=1`);
    const after = await productNamed(slug);
    expect(after.variants.find((v) => v.id === ordered!.id)?.active).toBe(false);
    expect(after.variants.find((v) => v.id === neverOrdered!.id)).toBeUndefined();
    expect(after.variants.filter((v) => v.active).map((v) => v.labelId)).toEqual(["Batu", "Emas"]);
    const skus = after.variants.map((v) => v.sku);
    expect(new Set(skus).size).toBe(skus.length);
  });

  it("refuses a variant row of another product", async () => {
    const slug = await created({ titleId: "Sendok perak" });
    const draft = await draftOf(slug);
    draft.variants[0]!.id = budisPiece.variantId;
    const answer = await postEdit(ani, slug, formOf(draft));
    expect(answer.status).toBe(400);
    expect(formAnswer(answer.body).errors.variants).toBe(texts.errors.variantUnknown);
    expect(await stockOf(budisPiece.variantId)).toBe(4);
  });
});
