import { beforeAll, describe, expect, it } from "vitest";
import { parseCatalogQuery } from "~/catalog/catalog-query";
import { searchCatalog } from "~/catalog/catalog.server";
import { productBySlug } from "~/catalog/product.server";
import { prisma } from "~/db.server";
import { seedIfEmpty } from "../../prisma/seed/seed";

const search = (params: string, locale: "id" | "en" = "id") =>
  searchCatalog(parseCatalogQuery(new URLSearchParams(params)), locale);

describe("the catalogue", () => {
  beforeAll(async () => {
    await seedIfEmpty(prisma);
  }, 180_000);

  it("lists every published product, 24 to a page, newest first", async () => {
    const published = await prisma.product.count({ where: { status: "PUBLISHED" } });
    const first = await search("");
    expect(first.total).toBe(published);
    expect(first.cards).toHaveLength(24);
    const slugs = new Set<string>();
    for (let page = 1; page <= first.pageCount; page++) {
      for (const card of (await search(`page=${page}`)).cards) slugs.add(card.slug);
    }
    expect(slugs.size).toBe(published);
    const newest = await prisma.product.findFirstOrThrow({
      where: { status: "PUBLISHED" },
      orderBy: { publishedAt: "desc" },
    });
    expect(first.cards[0]?.slug).toBe(newest.slug);
  });

  it("filters by metal, category and artisan", async () => {
    const copper = await search("metal=copper");
    expect(copper.total).toBe(
      await prisma.product.count({ where: { status: "PUBLISHED", metal: "COPPER" } }),
    );
    expect(copper.cards.every((card) => card.metal === "COPPER")).toBe(true);

    const trays = await search("category=trays");
    const trayCount = await prisma.product.count({
      where: { status: "PUBLISHED", category: { slug: "trays" } },
    });
    expect(trays.total).toBe(trayCount);
    expect(trayCount).toBeGreaterThan(0);

    const artisan = await prisma.artisan.findFirstOrThrow({ where: { products: { some: {} } } });
    const theirs = await search(`artisan=${artisan.slug}`);
    expect(theirs.cards.every((card) => card.artisanName === artisan.name)).toBe(true);
    expect(theirs.total).toBe(
      await prisma.product.count({ where: { artisanId: artisan.id, status: "PUBLISHED" } }),
    );
  });

  it("filters by price range and sorts by price", async () => {
    const range = await search("min=100.000&max=Rp 500.000&sort=price-asc");
    const prices = range.cards.map((card) => card.fromPriceRupiah);
    expect(prices.length).toBeGreaterThan(0);
    expect(prices.every((price) => price >= 100_000 && price <= 500_000)).toBe(true);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    const descending = (await search("sort=price-desc")).cards.map((card) => card.fromPriceRupiah);
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
  });

  it("hides sold-out pieces when asked for what is in stock", async () => {
    const soldOut = await prisma.product.findFirstOrThrow({
      where: { status: "PUBLISHED" },
      include: { artisan: true, variants: true },
    });
    await prisma.productVariant.updateMany({
      where: { productId: soldOut.id },
      data: { stock: 0 },
    });
    try {
      const all = await search(`artisan=${soldOut.artisan.slug}`);
      const inStock = await search(`stock=1&artisan=${soldOut.artisan.slug}`);
      expect(all.cards.find((c) => c.slug === soldOut.slug)?.inStock).toBe(false);
      expect(inStock.cards.map((c) => c.slug)).not.toContain(soldOut.slug);
      expect(inStock.cards.every((card) => card.inStock)).toBe(true);
    } finally {
      for (const variant of soldOut.variants) {
        await prisma.productVariant.update({
          where: { id: variant.id },
          data: { stock: variant.stock },
        });
      }
    }
  });

  it("finds products by Indonesian or English words, titles first", async () => {
    const gelang = await search("q=gelang");
    expect(gelang.total).toBeGreaterThan(0);
    expect(gelang.cards[0]?.title).toMatch(/gelang/i);
    const bracelet = await search("q=bracelet", "en");
    expect(bracelet.cards[0]?.title).toMatch(/bracelet/i);
    const tepak = await search("q=tepak sirih");
    expect(tepak.cards.slice(0, 3).every((card) => /tepak/i.test(card.title))).toBe(true);
  });

  it("tolerates a typo", async () => {
    const typo = await search("q=gelng");
    expect(typo.total).toBeGreaterThan(0);
    expect(typo.cards[0]?.title).toMatch(/gelang/i);
    const nampan = await search("q=nampn tembga");
    expect(nampan.cards.some((card) => /nampan/i.test(card.title))).toBe(true);
  });

  it("finds an artisan's pieces by the artisan's name", async () => {
    const artisan = await prisma.artisan.findFirstOrThrow({ where: { products: { some: {} } } });
    const result = await search(`q=${encodeURIComponent(artisan.name)}`);
    expect(result.cards[0]?.artisanName).toBe(artisan.name);
  });

  it("suggests something when nothing matches", async () => {
    const none = await search("q=xqzv wkkj");
    expect(none.total).toBe(0);
    expect(none.cards).toEqual([]);
    expect(none.suggestions.length).toBeGreaterThan(0);
    expect(none.suggestionKind).toBe("featured");
    const close = await search("q=gelang&metal=aluminium");
    expect(close.total).toBe(0);
    expect(close.suggestionKind).toBe("similar");
    expect(close.suggestions[0]?.title).toMatch(/gelang/i);
  });

  it("treats quotes, SQL and regex characters and very long text as plain words", async () => {
    const before = await prisma.product.count();
    for (const q of [
      `'; DROP TABLE "Product"; --`,
      `"gelang" OR 1=1`,
      `.*(a+)+$ \\ % _`,
      "gelang ".repeat(1500),
    ]) {
      const result = await search(`q=${encodeURIComponent(q)}`);
      expect(result.total).toBeGreaterThanOrEqual(0);
    }
    expect(await prisma.product.count()).toBe(before);
    expect((await search(`q=${encodeURIComponent("gelang ".repeat(1500))}`)).total).toBeGreaterThan(
      0,
    );
  });

  it("never lists a product that is not published", async () => {
    const product = await prisma.product.findFirstOrThrow({
      where: { status: "PUBLISHED", titleId: { contains: "Gelang" } },
    });
    await prisma.product.update({ where: { id: product.id }, data: { status: "ARCHIVED" } });
    try {
      const result = await search(`q=${encodeURIComponent(product.titleId)}`);
      expect(result.cards.map((card) => card.slug)).not.toContain(product.slug);
    } finally {
      await prisma.product.update({ where: { id: product.id }, data: { status: "PUBLISHED" } });
    }
  });

  it("shows a product page in the visitor's language, falling back to Indonesian", async () => {
    const product = await prisma.product.findFirstOrThrow({
      where: { status: "PUBLISHED", images: { some: {} } },
      include: { variants: { orderBy: { position: "asc" } } },
    });
    const en = await productBySlug(product.slug, "en");
    expect(en?.title).toBe(product.titleEn);
    expect(en?.variants.map((v) => v.priceRupiah)).toEqual(
      product.variants.map((v) => v.priceRupiah),
    );
    expect(en?.pictures.length).toBeGreaterThan(0);
    await prisma.product.update({ where: { id: product.id }, data: { titleEn: null } });
    try {
      expect((await productBySlug(product.slug, "en"))?.title).toBe(product.titleId);
      await prisma.product.update({ where: { id: product.id }, data: { status: "DRAFT" } });
      expect(await productBySlug(product.slug, "id")).toBeNull();
    } finally {
      await prisma.product.update({
        where: { id: product.id },
        data: { titleEn: product.titleEn, status: "PUBLISHED" },
      });
    }
    expect(await productBySlug("no-such-piece", "id")).toBeNull();
  });

  it("answers many buyers at once, each with their own results", async () => {
    const queries = [
      "",
      "metal=copper",
      "q=gelang",
      "q=tepak&sort=price-asc",
      "category=trays&min=100000&max=900000",
      "metal=silver&stock=1&sort=popular",
      "q=rantng&metal=aluminium",
      "page=2",
    ];
    const expected = await Promise.all(queries.map(async (q) => JSON.stringify(await search(q))));
    const concurrent = await Promise.all(
      Array.from({ length: 80 }, (_, i) => i % queries.length).map(async (i) => ({
        i,
        result: JSON.stringify(await search(queries[i] ?? "")),
      })),
    );
    for (const { i, result } of concurrent) expect(result).toBe(expected[i]);
  });
});
