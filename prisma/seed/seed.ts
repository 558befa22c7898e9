// The demo cooperative: its identity, artisans, catalogue with generated photos, every rest area,
// and one account per role. `npm run db:seed` loads it; `npm start` loads it into an empty database.
import { writeDemoOrders } from "./demo-orders";
import sharp from "sharp";
import { hashPassword } from "~/accounts/password.server";
import { refreshProductSearchText } from "~/catalog/search-text.server";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { imageRecord, storeImage, type StoredImage } from "~/images/images.server";
import { imageStorage } from "~/images/storage.server";
import { artisans, categories, products } from "./catalog";
import { portraitSvg } from "./portrait-art";
import { productArtSvg } from "./product-art";
import { restAreas } from "./rest-areas";
import type { SeedProduct } from "./types";

/** Every demo account's password; printed in the README. */
export const DEMO_PASSWORD = "sungging-demo-2026";

export const demoAccounts = [
  {
    email: "admin@karyasungging.test",
    name: "Admin Koperasi",
    role: "ADMIN",
    phone: "+6281100000001",
  },
  {
    email: "operator.km56@karyasungging.test",
    name: "Yusuf Operator KM 56",
    role: "OPERATOR",
    phone: "+6281100000002",
    restAreas: ["km-56-a-indralaya-prabumulih", "km-56-b-indralaya-prabumulih"],
  },
  {
    email: "operator.km87@karyasungging.test",
    name: "Ratna Operator KM 87",
    role: "OPERATOR",
    phone: "+6281100000003",
    restAreas: ["km-87-a-bakauheni-terbanggi-besar", "km-87-b-bakauheni-terbanggi-besar"],
  },
  {
    email: "pembeli@karyasungging.test",
    name: "Dewi Pembeli",
    role: "BUYER",
    phone: "+6281234567890",
  },
] as const;

/** Artisans (by position in the catalogue) who get a demo sign-in. */
const ARTISANS_WITH_ACCOUNTS = 2;

// Any fixed number: two app processes starting on one empty PostgreSQL server seed it once.
const SEED_LOCK_KEY = 72707370;

export type SeedOptions = {
  /**
   * Also a few orders of the demo buyer (collected last month, waiting past its hold, to pack),
   * so every workspace has something to show. The app's own start and `db:seed`/`db:reset` add
   * them; tests start from the catalogue alone and make the orders they need.
   */
  demoOrders?: boolean;
};

export async function seedIfEmpty(
  prisma: PrismaClient,
  options: SeedOptions = {},
): Promise<boolean> {
  if ((await prisma.cooperative.count()) > 0) return false;
  await seed(prisma, options);
  return true;
}

export async function seed(prisma: PrismaClient, options: SeedOptions = {}): Promise<void> {
  // Pictures go to storage first; the rows that point at them are written in one transaction.
  const pictures = await renderPictures();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  try {
    await prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`;
        if ((await tx.cooperative.count()) > 0) throw new AlreadySeeded();
        await writeCatalogue(tx, pictures, passwordHash);
        if (options.demoOrders) await writeDemoOrders(tx, new Date());
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
  } catch (error) {
    await Promise.all(
      [...pictures.products.values(), ...pictures.portraits.values()]
        .flat()
        .map((stored) => imageStorage.removePrefix(stored.storageKey)),
    );
    if (!(error instanceof AlreadySeeded)) throw error;
  }
}

class AlreadySeeded extends Error {}

// Handover windows, minutes after midnight WIB, with how many parcels an operator can hand over.
const WINDOWS = [
  { startMinute: 8 * 60, endMinute: 11 * 60, capacity: 12 },
  { startMinute: 11 * 60, endMinute: 14 * 60, capacity: 12 },
  { startMinute: 14 * 60, endMinute: 17 * 60, capacity: 12 },
  { startMinute: 17 * 60, endMinute: 20 * 60, capacity: 12 },
];
// KM 56, next to the workshops, is where most buyers collect.
const BUSY_WINDOWS = WINDOWS.map((window) => ({ ...window, capacity: 25 }));

type Pictures = {
  products: Map<string, StoredImage[]>;
  portraits: Map<string, StoredImage>;
};

// Featured pieces get a gallery; every other piece one photo, which keeps a cold start short.
function photoCount(product: SeedProduct): number {
  return product.featured ? 3 : 1;
}

// Generated at 960 px wide: enough for a phone at 2× density, and quick to encode.
const PHOTO_WIDTH = 960;
const PHOTO_HEIGHT = 720;

async function renderPictures(): Promise<Pictures> {
  const jobs: (() => Promise<void>)[] = [];
  const result: Pictures = { products: new Map(), portraits: new Map() };
  for (const product of products) {
    const photos: StoredImage[] = [];
    result.products.set(product.slug, photos);
    for (let variant = 0; variant < photoCount(product); variant++) {
      jobs.push(async () => {
        const svg = productArtSvg({
          art: product.art,
          metal: product.variants[0]?.metal ?? "SILVER",
          variant,
          seed: product.slug,
          width: PHOTO_WIDTH,
          height: PHOTO_HEIGHT,
        });
        photos[variant] = await storeImage(await rasterise(svg), "products", { quick: true });
      });
    }
  }
  for (const artisan of artisans) {
    jobs.push(async () => {
      const svg = portraitSvg({ name: artisan.name, seed: artisan.slug });
      const stored = await storeImage(await rasterise(svg), "artisans", { quick: true });
      result.portraits.set(artisan.slug, stored);
    });
  }
  await runPool(jobs, 3);
  return result;
}

function rasterise(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg)).png({ compressionLevel: 0 }).toBuffer();
}

async function runPool(jobs: (() => Promise<void>)[], concurrency: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      if (job) await job();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

async function writeCatalogue(
  tx: Prisma.TransactionClient,
  pictures: Pictures,
  passwordHash: string,
) {
  const cooperative = await tx.cooperative.create({
    data: {
      slug: "usang-sungging",
      name: "KUB Karya Usang Sungging",
      shortName: "Karya Sungging",
      foundedYear: 2023,
      village: "Tanjung Atap",
      district: "Tanjung Batu",
      regency: "Ogan Ilir",
      province: "Sumatera Selatan",
      aboutId:
        "Kelompok Usaha Bersama 30 perajin logam perak, tembaga dan aluminium dari Desa Tanjung Atap dan Tanjung Batu Timur, Ogan Ilir — sentra perajin logam terbesar di Sumatera Selatan. Berdiri 2023 dengan dukungan program TJSL Hutama Karya, kami menjual ke Palembang, Bengkulu dan Lampung lewat rest area Tol Trans-Sumatera.",
      aboutEn:
        "A joint business group of 30 silver, copper and aluminium smiths from Tanjung Atap and Tanjung Batu Timur, Ogan Ilir — the largest metalcraft centre in South Sumatra. Founded in 2023 with support from Hutama Karya's CSR programme, we sell to Palembang, Bengkulu and Lampung through the rest areas of the Trans-Sumatra toll road.",
      phone: "+6281100002023",
      email: "halo@karyasungging.test",
      feeBasisPoints: 1000,
    },
  });

  for (const area of restAreas) {
    const windows = area.slug.startsWith("km-56-") ? BUSY_WINDOWS : WINDOWS;
    await tx.restArea.create({
      data: {
        ...area,
        opensAtMinute: 8 * 60,
        closesAtMinute: 20 * 60,
        openWeekdays: [1, 2, 3, 4, 5, 6, 7],
        holdDays: 3,
        pickupWindows: { create: windows },
      },
    });
  }

  // Operators are assigned to rest areas, so these come after them.
  for (const account of demoAccounts) {
    await tx.user.create({
      data: {
        email: account.email,
        phone: account.phone,
        name: account.name,
        role: account.role,
        passwordHash,
        emailVerifiedAt: new Date(),
        phoneVerifiedAt: new Date(),
        operatorAssignments:
          "restAreas" in account
            ? { create: account.restAreas.map((slug) => ({ restArea: { connect: { slug } } })) }
            : undefined,
      },
    });
  }

  const categoryIds = new Map<string, string>();
  for (const [position, category] of categories.entries()) {
    const row = await tx.category.create({ data: { ...category, position } });
    categoryIds.set(category.slug, row.id);
  }

  const artisanIds = new Map<string, string>();
  for (const [index, artisan] of artisans.entries()) {
    const portrait = pictures.portraits.get(artisan.slug);
    const account =
      index < ARTISANS_WITH_ACCOUNTS
        ? {
            create: {
              email: `${artisan.slug}@karyasungging.test`,
              phone: `+628110000010${index}`,
              name: artisan.name,
              role: "ARTISAN" as const,
              passwordHash,
              emailVerifiedAt: new Date(),
            },
          }
        : undefined;
    const row = await tx.artisan.create({
      data: {
        ...artisan,
        cooperative: { connect: { id: cooperative.id } },
        user: account,
        portraitImage: portrait
          ? {
              create: imageRecord(portrait, {
                altId: `Potret ${artisan.name}`,
                altEn: `Portrait of ${artisan.name}`,
              }),
            }
          : undefined,
      },
    });
    artisanIds.set(artisan.slug, row.id);
  }

  const now = Date.now();
  for (const [index, product] of products.entries()) {
    const artisanId = artisanIds.get(product.artisan);
    const categoryId = categoryIds.get(product.category);
    if (!artisanId || !categoryId) {
      throw new Error(`Seed product ${product.slug} names an unknown artisan or category`);
    }
    const { variants, artisan: _artisan, category: _category, art: _art, ...fields } = product;
    const photos = pictures.products.get(product.slug) ?? [];
    await tx.product.create({
      data: {
        ...fields,
        status: "PUBLISHED",
        metal: variants[0]?.metal ?? "SILVER",
        artisanId,
        categoryId,
        // Spread over the past weeks with the metals mixed (7 and 64 share no factor, so this
        // permutes the positions), so "newest" and "popular" sort into a believable order.
        publishedAt: new Date(now - ((index * 7) % products.length) * 9 * 60 * 60 * 1000),
        soldCount: (index * 37) % 23,
        variants: { create: variants.map((variant, position) => ({ ...variant, position })) },
        images: {
          create: photos.map((stored, position) => ({
            position,
            image: {
              create: imageRecord(stored, {
                altId:
                  position === 0 ? product.titleId : `${product.titleId} — foto ${position + 1}`,
                altEn:
                  position === 0 ? product.titleEn : `${product.titleEn} — photo ${position + 1}`,
              }),
            },
          })),
        },
      },
    });
  }
  await refreshProductSearchText(tx, {});
}
