import { beforeAll, describe, expect, it } from "vitest";
import { requireArtisan, requireOperator } from "~/accounts/permissions.server";
import { prisma } from "~/db.server";
import type { OrderStatus, ProductStatus } from "~/generated/prisma/enums";
import { wibDateKey } from "~/lib/dates";
import { addDaysToKey } from "~/operator/counter-days";
import { operatorRestAreas } from "~/operator/operator.server";
import { headers as operatorHeaders, loader as operatorLoader } from "~/routes/operator._index";
import { headers as studioHeaders, loader as studioLoader } from "~/routes/studio._index";
import { salesThisMonth } from "~/studio/studio.server";
import { seedIfEmpty } from "../../prisma/seed/seed";
import { makeUser, sessionCookieFor, siteRequest, testContext } from "../setup/accounts";

const KM_56_A = "km-56-a-indralaya-prabumulih";
const KM_56_B = "km-56-b-indralaya-prabumulih";
const KM_87_A = "km-87-a-bakauheni-terbanggi-besar";

beforeAll(async () => {
  await seedIfEmpty(prisma);
}, 180_000);

let sequence = 0;

async function restAreaId(slug: string): Promise<string> {
  return (await prisma.restArea.findUniqueOrThrow({ where: { slug } })).id;
}

/** A product of `artisanId` with one variant per stock figure. */
async function listProduct(
  artisanId: string,
  title: string,
  { status = "PUBLISHED", stocks = [5] }: { status?: ProductStatus; stocks?: number[] } = {},
) {
  sequence += 1;
  const category = await prisma.category.findFirstOrThrow({ where: { slug: "trays" } });
  return prisma.product.create({
    data: {
      slug: `uji-produk-${sequence}-${Date.now()}`,
      artisanId,
      categoryId: category.id,
      status,
      metal: "COPPER",
      titleId: title,
      titleEn: `${title} (EN)`,
      descriptionId: "Produk uji.",
      variants: {
        create: stocks.map((stock, position) => ({
          sku: `UJI-${sequence}-${position}-${Date.now()}`,
          labelId: `Ukuran ${position + 1}`,
          labelEn: `Size ${position + 1}`,
          metal: "COPPER" as const,
          priceRupiah: 150_000,
          stock,
          position,
        })),
      },
    },
    include: { variants: { orderBy: { position: "asc" } } },
  });
}

type Line = { variantId: string; quantity: number; packed?: boolean };

/** An order as checkout would leave it, with its lines' snapshots and, when given, its handover. */
async function placeOrder(input: {
  status: OrderStatus;
  restAreaSlug: string;
  pickupDay: string;
  lines: Line[];
  pickedUpAt?: Date;
}) {
  sequence += 1;
  const restArea = await prisma.restArea.findUniqueOrThrow({
    where: { slug: input.restAreaSlug },
    include: { pickupWindows: { orderBy: { startMinute: "asc" }, take: 1 } },
  });
  const window = restArea.pickupWindows[0]!;
  const items = await Promise.all(
    input.lines.map(async (line) => {
      const variant = await prisma.productVariant.findUniqueOrThrow({
        where: { id: line.variantId },
        include: { product: true },
      });
      return {
        variantId: variant.id,
        productId: variant.productId,
        artisanId: variant.product.artisanId,
        titleId: variant.product.titleId,
        titleEn: variant.product.titleEn,
        variantLabelId: variant.labelId,
        variantLabelEn: variant.labelEn,
        sku: variant.sku,
        unitPriceRupiah: variant.priceRupiah,
        quantity: line.quantity,
        lineTotalRupiah: variant.priceRupiah * line.quantity,
        leadTimeDays: variant.product.leadTimeDays,
        packedAt: line.packed ? new Date() : null,
      };
    }),
  );
  const subtotal = items.reduce((sum, item) => sum + item.lineTotalRupiah, 0);
  return prisma.order.create({
    data: {
      number: `KS-UJI-${sequence}`,
      status: input.status,
      buyerName: "Pembeli Uji",
      buyerPhone: "+6281234500000",
      accessTokenHash: `uji-${sequence}-${Date.now()}`,
      pickupCode: "123456",
      restAreaId: restArea.id,
      pickupWindowId: window.id,
      pickupDate: new Date(`${input.pickupDay}T00:00:00.000Z`),
      pickupStartMinute: window.startMinute,
      pickupEndMinute: window.endMinute,
      paymentMethod: "PAY_AT_PICKUP",
      subtotalRupiah: subtotal,
      totalRupiah: subtotal,
      items: { create: items },
      events: input.pickedUpAt
        ? {
            create: {
              fromStatus: "READY_FOR_PICKUP",
              toStatus: "PICKED_UP",
              actorKind: "operator",
              createdAt: input.pickedUpAt,
            },
          }
        : undefined,
    },
  });
}

async function signedIn(userId: string, path: string): Promise<Request> {
  return siteRequest(path, { cookie: await sessionCookieFor(userId) });
}

/** The Response a loader throws (a redirect, 403 or 404). */
async function refusal(loading: Promise<unknown>): Promise<Response> {
  try {
    await loading;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
  throw new Error("the loader answered instead of refusing");
}

const loadStudio = async (request: Request) =>
  studioLoader({ request, params: {}, context: testContext });
const loadOperator = async (request: Request) =>
  operatorLoader({ request, params: {}, context: testContext });

function titlesOf(page: Awaited<ReturnType<typeof loadStudio>>): string[] {
  return page.listings.products.map((product) => product.title);
}

const today = () => wibDateKey(new Date());

describe("the artisan's studio", () => {
  it("shows an artisan their own products, never another artisan's", async () => {
    const ani = await makeUser({ role: "ARTISAN", name: "Ani Tembaga" });
    const budi = await makeUser({ role: "ARTISAN", name: "Budi Perak" });
    await listProduct(ani.artisanId!, "Nampan Ani");
    await listProduct(ani.artisanId!, "Draf Ani", { status: "DRAFT" });
    await listProduct(budi.artisanId!, "Nampan Budi");

    const anisPage = await loadStudio(await signedIn(ani.id, "/studio"));
    expect(anisPage.profile).toMatchObject({ name: "Ani Tembaga", village: "Tanjung Batu" });
    expect(titlesOf(anisPage)).toEqual(["Nampan Ani", "Draf Ani"]);
    expect(anisPage.listings.counts).toEqual({ PUBLISHED: 1, DRAFT: 1, ARCHIVED: 0 });

    const budisPage = await loadStudio(await signedIn(budi.id, "/studio"));
    expect(titlesOf(budisPage)).toEqual(["Nampan Budi"]);
    expect(JSON.stringify(budisPage)).not.toMatch(/Nampan Ani|Draf Ani/);
  });

  it("shows a seeded artisan exactly their own catalogue and links their public profile", async () => {
    const nurhasanah = await prisma.artisan.findUniqueOrThrow({
      where: { slug: "nurhasanah-effendi" },
      include: { products: { select: { titleId: true } } },
    });
    const user = await makeUser({ role: "ARTISAN", artisanId: nurhasanah.id });
    const page = await loadStudio(await signedIn(user.id, "/studio"));
    expect(page.profile).toMatchObject({ slug: "nurhasanah-effendi", active: true });
    expect(titlesOf(page).sort()).toEqual(nurhasanah.products.map((p) => p.titleId).sort());
    const others = await prisma.product.findMany({
      where: { artisanId: { not: nurhasanah.id } },
      select: { titleId: true },
    });
    for (const { titleId } of others) expect(titlesOf(page)).not.toContain(titleId);
  });

  it("flags variants with two pieces or fewer left, when they are on sale", async () => {
    const artisan = await makeUser({ role: "ARTISAN" });
    await listProduct(artisan.artisanId!, "Tepak Sirih", { stocks: [1, 0, 9, 2] });
    await listProduct(artisan.artisanId!, "Nampan Lama", { status: "ARCHIVED", stocks: [0] });
    const page = await loadStudio(await signedIn(artisan.id, "/studio"));

    const tepak = page.listings.products.find((p) => p.title === "Tepak Sirih");
    expect(tepak?.variants.map((v) => [v.label, v.stock, v.lowStock])).toEqual([
      ["Ukuran 1", 1, true],
      ["Ukuran 2", 0, true],
      ["Ukuran 3", 9, false],
      ["Ukuran 4", 2, true],
    ]);
    // An archived piece is not for sale: its empty stock is nothing to act on.
    const archived = page.listings.products.find((p) => p.title === "Nampan Lama");
    expect(archived?.variants[0]?.lowStock).toBe(false);
    expect(page.listings.lowStockVariants).toBe(3);
    expect(page.listings.counts).toEqual({ PUBLISHED: 1, DRAFT: 0, ARCHIVED: 1 });
  });

  it("has nothing to prepare and no sales before any order", async () => {
    const artisan = await makeUser({ role: "ARTISAN" });
    const page = await loadStudio(await signedIn(artisan.id, "/studio"));
    expect(page.toPack).toEqual([]);
    expect(page.sales).toMatchObject({ grossRupiah: 0, pieces: 0, orders: 0 });
    expect(page.listings.products).toEqual([]);
  });

  it("lists the open orders still to pack by dispatch day and rest area", async () => {
    const ani = await makeUser({ role: "ARTISAN" });
    const budi = await makeUser({ role: "ARTISAN" });
    const tray = await listProduct(ani.artisanId!, "Nampan Ukir");
    const bowl = await listProduct(ani.artisanId!, "Mangkuk Tembaga");
    const ring = await listProduct(budi.artisanId!, "Cincin Budi");
    const soon = addDaysToKey(today(), 2);
    const later = addDaysToKey(today(), 4);

    const first = await placeOrder({
      status: "PAID",
      restAreaSlug: KM_56_A,
      pickupDay: soon,
      lines: [
        { variantId: tray.variants[0]!.id, quantity: 2 },
        { variantId: ring.variants[0]!.id, quantity: 1 },
      ],
    });
    const second = await placeOrder({
      status: "AWAITING_PICKUP_PAYMENT",
      restAreaSlug: KM_56_A,
      pickupDay: soon,
      lines: [{ variantId: bowl.variants[0]!.id, quantity: 1 }],
    });
    const third = await placeOrder({
      status: "PREPARING",
      restAreaSlug: KM_87_A,
      pickupDay: later,
      lines: [
        { variantId: bowl.variants[0]!.id, quantity: 3 },
        { variantId: tray.variants[0]!.id, quantity: 1, packed: true },
      ],
    });
    // Not paid yet, already on the road, or cancelled: nothing to pack.
    for (const status of ["PENDING_PAYMENT", "IN_TRANSIT", "CANCELLED"] as const) {
      await placeOrder({
        status,
        restAreaSlug: KM_56_A,
        pickupDay: soon,
        lines: [{ variantId: tray.variants[0]!.id, quantity: 5 }],
      });
    }

    const page = await loadStudio(await signedIn(ani.id, "/studio"));
    const km56 = await prisma.restArea.findUniqueOrThrow({ where: { slug: KM_56_A } });
    const km87 = await prisma.restArea.findUniqueOrThrow({ where: { slug: KM_87_A } });
    expect(
      page.toPack.map((group) => ({
        dispatchDay: group.dispatchDay,
        pickupDay: group.pickupDay,
        restArea: group.restArea.name,
        piecesToPack: group.piecesToPack,
        orders: group.orders.map((order) => [
          order.number,
          order.items.map((item) => [item.title, item.quantity, item.packedAt !== null]),
        ]),
      })),
    ).toEqual([
      {
        // Sent off the rest area's transit days before the buyer comes.
        dispatchDay: addDaysToKey(soon, -km56.transitDays),
        pickupDay: soon,
        restArea: "Rest Area KM 56 A",
        piecesToPack: 3,
        orders: [
          [first.number, [["Nampan Ukir", 2, false]]],
          [second.number, [["Mangkuk Tembaga", 1, false]]],
        ],
      },
      {
        dispatchDay: addDaysToKey(later, -km87.transitDays),
        pickupDay: later,
        restArea: "Rest Area KM 87 A",
        piecesToPack: 3,
        orders: [
          [
            third.number,
            [
              ["Mangkuk Tembaga", 3, false],
              ["Nampan Ukir", 1, true],
            ],
          ],
        ],
      },
    ]);

    const budisPage = await loadStudio(await signedIn(budi.id, "/studio"));
    expect(
      budisPage.toPack.flatMap((g) => g.orders.flatMap((o) => o.items.map((i) => i.title))),
    ).toEqual(["Cincin Budi"]);
  });

  it("adds up this month's sales from the artisan's lines of orders handed over this month", async () => {
    const ani = await makeUser({ role: "ARTISAN" });
    const budi = await makeUser({ role: "ARTISAN" });
    const tray = await listProduct(ani.artisanId!, "Nampan Jual");
    const ring = await listProduct(budi.artisanId!, "Cincin Jual");
    const lines = [
      { variantId: tray.variants[0]!.id, quantity: 2 },
      { variantId: ring.variants[0]!.id, quantity: 1 },
    ];
    const day = today();
    await placeOrder({
      status: "PICKED_UP",
      restAreaSlug: KM_56_B,
      pickupDay: day,
      lines,
      pickedUpAt: new Date(),
    });
    await placeOrder({
      status: "PICKED_UP",
      restAreaSlug: KM_56_B,
      pickupDay: day,
      lines: [{ variantId: tray.variants[0]!.id, quantity: 1 }],
      pickedUpAt: new Date(),
    });
    // Handed over two months ago, or refunded since: not this month's sales.
    await placeOrder({
      status: "PICKED_UP",
      restAreaSlug: KM_56_B,
      pickupDay: day,
      lines,
      pickedUpAt: new Date(Date.now() - 62 * 24 * 60 * 60 * 1000),
    });
    await placeOrder({
      status: "REFUNDED",
      restAreaSlug: KM_56_B,
      pickupDay: day,
      lines,
      pickedUpAt: new Date(),
    });
    // Ready but not collected yet.
    await placeOrder({ status: "READY_FOR_PICKUP", restAreaSlug: KM_56_B, pickupDay: day, lines });

    const page = await loadStudio(await signedIn(ani.id, "/studio"));
    expect(page.sales).toMatchObject({ grossRupiah: 3 * 150_000, pieces: 3, orders: 2 });
    const budisPage = await loadStudio(await signedIn(budi.id, "/studio"));
    expect(budisPage.sales).toMatchObject({ grossRupiah: 150_000, pieces: 1, orders: 1 });
  });

  it("counts a handover by its WIB month, not the server's", async () => {
    const artisan = await makeUser({ role: "ARTISAN" });
    const owner = await requireArtisan(await signedIn(artisan.id, "/studio"));
    const tray = await listProduct(artisan.artisanId!, "Nampan Akhir Bulan");
    // 30 November 17:30 UTC is already 1 December, 00:30 in WIB.
    await placeOrder({
      status: "PICKED_UP",
      restAreaSlug: KM_56_A,
      pickupDay: "2026-11-30",
      lines: [{ variantId: tray.variants[0]!.id, quantity: 1 }],
      pickedUpAt: new Date("2026-11-30T17:30:00Z"),
    });
    const november = await salesThisMonth(owner, {
      now: new Date("2026-11-20T05:00:00Z"),
      locale: "id",
    });
    const december = await salesThisMonth(owner, {
      now: new Date("2026-12-10T05:00:00Z"),
      locale: "en",
    });
    expect(november).toEqual({ month: "November 2026", grossRupiah: 0, pieces: 0, orders: 0 });
    expect(december).toEqual({
      month: "December 2026",
      grossRupiah: 150_000,
      pieces: 1,
      orders: 1,
    });
  });

  it("is for the artisan only, and never cached", async () => {
    const response = await refusal(loadStudio(siteRequest("/studio")));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/sign-in?next=%2Fstudio");
    for (const role of ["BUYER", "ADMIN", "OPERATOR"] as const) {
      const user = await makeUser({ role });
      const refused = await refusal(loadStudio(await signedIn(user.id, "/studio")));
      expect(refused.status, role).toBe(403);
    }
    expect(cacheControl(studioHeaders)).toBe("private, no-store");
  });
});

describe("the operator's counter", () => {
  it("shows an operator only the rest areas assigned to them", async () => {
    const km56a = await restAreaId(KM_56_A);
    const km56b = await restAreaId(KM_56_B);
    const yusuf = await makeUser({ role: "OPERATOR", restAreaIds: [km56b, km56a] });
    const ratna = await makeUser({ role: "OPERATOR", restAreaIds: [await restAreaId(KM_87_A)] });

    const yusufsPage = await loadOperator(await signedIn(yusuf.id, "/operator"));
    expect(yusufsPage.restAreas.map((area) => area.slug)).toEqual([KM_56_A, KM_56_B]);
    expect(yusufsPage.restAreas[0]).toMatchObject({
      name: "Rest Area KM 56 A",
      kmLabel: "KM 56 A",
      side: "A",
      holdDays: 3,
      active: true,
    });
    expect(yusufsPage.restAreas[0]?.direction).toMatch(/^arah /);

    const ratnasPage = await loadOperator(await signedIn(ratna.id, "/operator"));
    expect(ratnasPage.restAreas.map((area) => area.slug)).toEqual([KM_87_A]);
  });

  it("tells an operator without a rest area that there is none", async () => {
    const operator = await makeUser({ role: "OPERATOR", restAreaIds: [] });
    const page = await loadOperator(await signedIn(operator.id, "/operator"));
    expect(page.restAreas).toEqual([]);
    // …and how to reach the cooperative's admin about it.
    expect(page.adminWhatsApp).toEqual({
      href: "https://wa.me/6281100002023",
      number: "+62 811 0000 2023",
    });
  });

  it("counts today's parcels: waiting, arriving and past their hold", async () => {
    const artisan = await makeUser({ role: "ARTISAN" });
    const bowl = await listProduct(artisan.artisanId!, "Mangkuk Loket", { stocks: [50] });
    const lines = [{ variantId: bowl.variants[0]!.id, quantity: 1 }];
    const slug = "km-20-a-bakauheni-terbanggi-besar";
    const operator = await makeUser({ role: "OPERATOR", restAreaIds: [await restAreaId(slug)] });
    const day = today();

    const before = await loadOperator(await signedIn(operator.id, "/operator"));
    expect(before.restAreas[0]?.parcels).toEqual({
      readyToday: 0,
      readyOtherDays: 0,
      arriving: 0,
      pastHold: 0,
    });

    const at = (status: OrderStatus, pickupDay: string) =>
      placeOrder({ status, restAreaSlug: slug, pickupDay, lines });
    await at("READY_FOR_PICKUP", day);
    await at("READY_FOR_PICKUP", day);
    await at("IN_TRANSIT", day);
    await at("IN_TRANSIT", addDaysToKey(day, 1));
    // Hold of three days: due two days ago still waits today, three days ago has outstayed it.
    await at("READY_FOR_PICKUP", addDaysToKey(day, -2));
    await at("READY_FOR_PICKUP", addDaysToKey(day, -3));
    await at("READY_FOR_PICKUP", addDaysToKey(day, -9));
    // Handed over, or at another rest area: not this counter's work.
    await at("PICKED_UP", day);
    await placeOrder({ status: "READY_FOR_PICKUP", restAreaSlug: KM_56_A, pickupDay: day, lines });

    const page = await loadOperator(await signedIn(operator.id, "/operator"));
    expect(page.restAreas[0]?.parcels).toEqual({
      readyToday: 2,
      readyOtherDays: 1,
      arriving: 2,
      pastHold: 2,
    });
  });

  it("says whether the counter is open now and which windows it hands over in today", async () => {
    const slug = "km-33-a-bakauheni-terbanggi-besar";
    const id = await restAreaId(slug);
    const operator = await makeUser({ role: "OPERATOR", restAreaIds: [id] });
    const owner = await requireOperator(await signedIn(operator.id, "/operator"));
    const saturday = "2026-11-28";
    const window = await prisma.pickupWindow.findFirstOrThrow({
      where: { restAreaId: id, startMinute: 8 * 60 },
    });
    await prisma.pickupSlot.create({
      data: { windowId: window.id, date: new Date(`${saturday}T00:00:00Z`), booked: 5 },
    });

    // 09:30 WIB on a Saturday, open 08.00–20.00 every day.
    const morning = await operatorRestAreas(owner, {
      now: new Date(`${saturday}T02:30:00Z`),
      locale: "id",
    });
    expect(morning[0]).toMatchObject({ openNow: true, handsOverToday: true });
    expect(morning[0]?.windowsToday.map((w) => [w.startMinute, w.booked, w.current])).toEqual([
      [480, 5, true],
      [660, 0, false],
      [840, 0, false],
      [1020, 0, false],
    ]);

    // 20:00 WIB: the counter has just closed.
    const evening = await operatorRestAreas(owner, {
      now: new Date(`${saturday}T13:00:00Z`),
      locale: "en",
    });
    expect(evening[0]).toMatchObject({ openNow: false, handsOverToday: true });
    expect(evening[0]?.direction).toBe("towards Palembang (northbound)");

    // Closed on Saturdays: no handover all day.
    await prisma.restArea.update({ where: { id }, data: { openWeekdays: [1, 2, 3, 4, 5] } });
    const weekend = await operatorRestAreas(owner, {
      now: new Date(`${saturday}T02:30:00Z`),
      locale: "id",
    });
    expect(weekend[0]).toMatchObject({ openNow: false, handsOverToday: false, windowsToday: [] });
  });

  it("is for operators only, and never cached", async () => {
    const response = await refusal(loadOperator(siteRequest("/operator")));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/sign-in?next=%2Foperator");
    for (const role of ["BUYER", "ADMIN", "ARTISAN"] as const) {
      const user = await makeUser({ role });
      const refused = await refusal(loadOperator(await signedIn(user.id, "/operator")));
      expect(refused.status, role).toBe(403);
    }
    expect(cacheControl(operatorHeaders)).toBe("private, no-store");
  });
});

function cacheControl(headers: typeof studioHeaders): string | null {
  const init = headers({
    loaderHeaders: new Headers(),
    parentHeaders: new Headers(),
    actionHeaders: new Headers(),
    errorHeaders: undefined,
  });
  return new Headers(init).get("Cache-Control");
}
