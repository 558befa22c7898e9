import { beforeAll, describe, expect, it } from "vitest";
import { artisanBySlug, listArtisans } from "~/artisans/artisans.server";
import { prisma } from "~/db.server";
import { seedIfEmpty } from "../../prisma/seed/seed";

/** Every key of an object and of everything nested in it. */
function keysDeep(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysDeep);
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, nested]) => [key, ...keysDeep(nested)]);
}

describe("the artisans pages", () => {
  beforeAll(async () => {
    await seedIfEmpty(prisma);
  }, 180_000);

  it("list the cooperative's twelve artisans, each with a portrait and their published pieces", async () => {
    const artisans = await listArtisans("id");
    expect(artisans).toHaveLength(12);
    for (const artisan of artisans) {
      expect(artisan.portrait?.fallback).toMatch(/^\/media\/artisans\/.+\.jpg$/);
      expect(artisan.portrait?.alt).toBe(`Potret ${artisan.name}`);
      expect(artisan.specialties.length).toBeGreaterThan(0);
      expect(artisan.craftingSince).toBeGreaterThan(1950);
      expect(artisan.publishedProductCount).toBe(
        await prisma.product.count({
          where: { artisan: { slug: artisan.slug }, status: "PUBLISHED" },
        }),
      );
    }
    const rosmawati = artisans.find((a) => a.slug === "rosmawati-saleh");
    expect(rosmawati).toMatchObject({
      name: "Rosmawati Saleh",
      village: "Tanjung Batu",
      specialties: ["SILVER"],
      craftingSince: 1991,
    });
    expect((await listArtisans("en"))[0]?.portrait?.alt).toMatch(/^Portrait of /);
  });

  it("leave out an artisan the cooperative has deactivated", async () => {
    await prisma.artisan.update({ where: { slug: "junaidi-ramli" }, data: { active: false } });
    try {
      const slugs = (await listArtisans("id")).map((a) => a.slug);
      expect(slugs).toHaveLength(11);
      expect(slugs).not.toContain("junaidi-ramli");
      expect(await artisanBySlug("junaidi-ramli", "id")).toBeNull();
    } finally {
      await prisma.artisan.update({ where: { slug: "junaidi-ramli" }, data: { active: true } });
    }
  });

  it("know no artisan by a slug nobody has", async () => {
    expect(await artisanBySlug("tidak-ada", "id")).toBeNull();
  });

  it("tell the story in English, and in Indonesian while the English text is missing", async () => {
    const english = await artisanBySlug("darmawan-hasbi", "en");
    expect(english?.storyLocale).toBe("en");
    expect(english?.story.join(" ")).toContain("betel boxes");
    const indonesian = await artisanBySlug("darmawan-hasbi", "id");
    expect(indonesian?.storyLocale).toBe("id");
    expect(indonesian?.story.join(" ")).toContain("tepak sirih");

    await prisma.artisan.update({ where: { slug: "darmawan-hasbi" }, data: { storyEn: null } });
    const fallback = await artisanBySlug("darmawan-hasbi", "en");
    expect(fallback?.storyLocale).toBe("id");
    expect(fallback?.story).toEqual(indonesian?.story);
    // The rest of the page still speaks the visitor's language.
    expect(fallback?.portrait?.alt).toBe("Portrait of Darmawan Hasbi");
  });

  it("split a story into the paragraphs the artisan typed", async () => {
    await prisma.artisan.update({
      where: { slug: "yulia-marlina" },
      data: { storyId: "Paragraf pertama.\n\nParagraf kedua.\r\nParagraf ketiga.\n" },
    });
    expect((await artisanBySlug("yulia-marlina", "id"))?.story).toEqual([
      "Paragraf pertama.",
      "Paragraf kedua.",
      "Paragraf ketiga.",
    ]);
  });

  it("show only the artisan's own published pieces, and drop one once it is archived", async () => {
    const own = await prisma.product.findMany({
      where: { artisan: { slug: "nurhasanah-effendi" }, status: "PUBLISHED" },
      select: { slug: true },
    });
    const before = await artisanBySlug("nurhasanah-effendi", "en");
    expect(before?.products.map((p) => p.slug).sort()).toEqual(own.map((p) => p.slug).sort());
    for (const card of before?.products ?? []) {
      expect(card.artisanName).toBe("Nurhasanah Effendi");
      expect(card.picture?.fallback).toMatch(/^\/media\/products\/.+\.jpg$/);
      const prices = await prisma.productVariant.findMany({
        where: { product: { slug: card.slug }, active: true },
        select: { priceRupiah: true },
      });
      expect(card.fromPriceRupiah).toBe(Math.min(...prices.map((v) => v.priceRupiah)));
    }

    const archived = own[0]?.slug ?? "";
    await prisma.product.update({ where: { slug: archived }, data: { status: "ARCHIVED" } });
    const after = await artisanBySlug("nurhasanah-effendi", "en");
    expect(after?.products.map((p) => p.slug)).not.toContain(archived);
    expect(after?.products).toHaveLength(own.length - 1);
    const listed = (await listArtisans("en")).find((a) => a.slug === "nurhasanah-effendi");
    expect(listed?.publishedProductCount).toBe(own.length - 1);
  });

  it("never hand out an artisan's payout bank details", async () => {
    const account = await prisma.artisan.findUniqueOrThrow({
      where: { slug: "rosmawati-saleh" },
      select: { bankAccountNumber: true },
    });
    expect(account.bankAccountNumber).toBeTruthy();
    const answers = [
      await listArtisans("id"),
      await listArtisans("en"),
      await artisanBySlug("rosmawati-saleh", "id"),
      await artisanBySlug("rosmawati-saleh", "en"),
    ];
    for (const answer of answers) {
      expect(answer).not.toBeNull();
      expect(keysDeep(answer).filter((key) => /bank/i.test(key))).toEqual([]);
      expect(JSON.stringify(answer)).not.toContain(account.bankAccountNumber);
    }
  });
});
