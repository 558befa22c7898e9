import { stat } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "~/accounts/password.server";
import { featuredProducts } from "~/catalog/catalog.server";
import { getCooperativeIdentity } from "~/cooperative/cooperative.server";
import { prisma } from "~/db.server";
import { mediaRoot } from "~/images/storage.server";
import { restAreasByRegion } from "~/pickup/rest-areas.server";
import { DEMO_PASSWORD, demoAccounts, seedIfEmpty } from "../../prisma/seed/seed";
import { restAreas } from "../../prisma/seed/rest-areas";

describe("the demo seed", () => {
  beforeAll(async () => {
    expect(await seedIfEmpty(prisma)).toBe(true);
  }, 180_000);

  it("loads once: a second run on a seeded database changes nothing", async () => {
    const before = await prisma.product.count();
    expect(await seedIfEmpty(prisma)).toBe(false);
    expect(await prisma.product.count()).toBe(before);
  });

  it("names the cooperative in both languages", async () => {
    const id = await getCooperativeIdentity("id");
    const en = await getCooperativeIdentity("en");
    expect(id?.name).toBe("KUB Karya Usang Sungging");
    expect(id?.address).toContain("Ogan Ilir");
    expect(id?.about).toContain("perajin");
    expect(en?.about).toContain("smiths");
  });

  it("has a dozen artisans from Tanjung Batu and Tanjung Atap, each with a story and a portrait", async () => {
    const artisans = await prisma.artisan.findMany({ include: { portraitImage: true } });
    expect(artisans.length).toBeGreaterThanOrEqual(12);
    for (const artisan of artisans) {
      expect(artisan.village).toMatch(/^Tanjung (Atap|Batu)/);
      expect(artisan.storyId.length).toBeGreaterThan(80);
      expect(artisan.storyEn?.length ?? 0).toBeGreaterThan(80);
      expect(artisan.portraitImage).not.toBeNull();
    }
  });

  it("sells at least 60 published products in all three metals, priced in whole rupiah", async () => {
    const products = await prisma.product.findMany({
      where: { status: "PUBLISHED" },
      include: { variants: true, category: true, images: true },
    });
    expect(products.length).toBeGreaterThanOrEqual(60);
    const metals = new Set(products.map((p) => p.metal));
    expect([...metals].sort()).toEqual(["ALUMINIUM", "COPPER", "SILVER"]);
    const categories = new Set(products.map((p) => p.category.slug));
    for (const slug of [
      "betel-boxes",
      "trays",
      "tissue-boxes",
      "wall-hangings",
      "rings",
      "bracelets",
    ]) {
      expect(categories).toContain(slug);
    }
    for (const product of products) {
      expect(product.variants.length).toBeGreaterThan(0);
      expect(product.images.length).toBeGreaterThan(0);
      for (const variant of product.variants) {
        expect(Number.isSafeInteger(variant.priceRupiah)).toBe(true);
        expect(variant.priceRupiah).toBeGreaterThanOrEqual(50_000);
        expect(variant.stock).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it("writes every photo rendition as a real image file on disk", async () => {
    const renditions = await prisma.imageRendition.findMany();
    const formats = new Set(renditions.map((r) => r.format));
    expect([...formats].sort()).toEqual(["AVIF", "JPEG", "WEBP"]);
    const root = mediaRoot();
    for (const rendition of renditions.slice(0, 60)) {
      const file = await stat(path.join(root, rendition.key));
      expect(file.size).toBe(rendition.bytes);
    }
  });

  it("lists every rest area from REST_AREAS.md with its direction in words", async () => {
    const rows = await prisma.restArea.findMany({ include: { pickupWindows: true } });
    expect(rows.map((r) => r.slug).sort()).toEqual(restAreas.map((r) => r.slug).sort());
    const km87a = rows.find((r) => r.slug === "km-87-a-bakauheni-terbanggi-besar");
    expect(km87a?.directionEn).toBe("towards Palembang (northbound)");
    const km87b = rows.find((r) => r.slug === "km-87-b-bakauheni-terbanggi-besar");
    expect(km87b?.directionId).toBe("arah Lampung (ke selatan)");
    for (const row of rows) expect(row.pickupWindows.length).toBeGreaterThan(0);
    const regions = await restAreasByRegion("en");
    expect(regions.map((r) => r.region)).toEqual(["PALEMBANG", "LAMPUNG", "BENGKULU"]);
    expect(regions.every((r) => r.restAreas.length > 0)).toBe(true);
    // The seasonal Palindra rest area is listed only while an admin has it active.
    expect(regions.flatMap((r) => r.restAreas).map((a) => a.slug)).not.toContain(
      "km-20-palembang-indralaya",
    );
  });

  it("has a demo account for every role that signs in with the README's password", async () => {
    for (const account of demoAccounts) {
      const user = await prisma.user.findUniqueOrThrow({ where: { email: account.email } });
      expect(user.role).toBe(account.role);
      expect(await verifyPassword(DEMO_PASSWORD, user.passwordHash ?? "")).toBe(true);
      expect(await verifyPassword("wrong password", user.passwordHash ?? "")).toBe(false);
    }
    const artisanUsers = await prisma.user.findMany({
      where: { role: "ARTISAN" },
      include: { artisan: true },
    });
    expect(artisanUsers.length).toBeGreaterThan(0);
    for (const user of artisanUsers) expect(user.artisan).not.toBeNull();
    const operator = await prisma.user.findUniqueOrThrow({
      where: { email: "operator.km56@karyasungging.test" },
      include: { operatorAssignments: { include: { restArea: true } } },
    });
    expect(operator.operatorAssignments.map((a) => a.restArea.kmLabel).sort()).toEqual([
      "KM 56 A",
      "KM 56 B",
    ]);
  });

  it("features products on the home page with their lowest price and a cover photo", async () => {
    const featured = await featuredProducts("en", 8);
    expect(featured).toHaveLength(8);
    for (const card of featured) {
      expect(card.picture?.sources.map((s) => s.type)).toEqual([
        "image/avif",
        "image/webp",
        "image/jpeg",
      ]);
      expect(card.picture?.fallback).toMatch(/^\/media\/products\/.+\.jpg$/);
      const variants = await prisma.productVariant.findMany({
        where: { product: { slug: card.slug } },
      });
      expect(card.fromPriceRupiah).toBe(Math.min(...variants.map((v) => v.priceRupiah)));
    }
  });
});
