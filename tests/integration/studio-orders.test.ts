// The artisan's orders to prepare, against a real database and orders placed through the real
// checkout: each artisan sees only their own pieces of a shared order, packing moves the order
// to PREPARING exactly once (also when two artisans pack at the same moment), a cancelled order
// cannot be packed, packing can be undone until dispatch, the slip names the buyer by first
// name only, and nobody reaches another artisan's order.
import { beforeAll, describe, expect, it } from "vitest";
import { requireArtisan, type ArtisanOwner } from "~/accounts/permissions.server";
import { prisma } from "~/db.server";
import { cancelOrder } from "~/orders/order-actions.server";
import * as listRoute from "~/routes/studio.orders._index";
import * as orderRoute from "~/routes/studio.orders.$number";
import * as slipRoute from "~/routes/studio.orders.$number_.slip";
import messages from "~/studio/packing-messages";
import { ordersToPrepare, recentlyPacked } from "~/studio/packing.server";
import { makeUser, sessionCookieFor, siteRequest, testContext } from "../setup/accounts";
import {
  answered,
  eventsOf,
  makePiece,
  makeRestArea,
  openShop,
  placeGuestOrder,
  statusOf,
  type Piece,
  type TestRestArea,
} from "../setup/orders";

const texts = messages.id;

type Artisan = { userId: string; artisanId: string; cookie: string; owner: ArtisanOwner };

let restArea: TestRestArea;
let teapot: Piece;
let betelBox: Piece;
let tray: Piece;
let ani: Artisan;
let budi: Artisan;
let citra: Artisan;

async function artisanOf(artisanId: string, name: string): Promise<Artisan> {
  const user = await makeUser({ role: "ARTISAN", artisanId, name });
  const cookie = await sessionCookieFor(user.id);
  const owner = await requireArtisan(siteRequest("/studio", { cookie }));
  return { userId: user.id, artisanId, cookie, owner };
}

beforeAll(async () => {
  const shopAni = await openShop();
  const shopBudi = await openShop();
  const shopCitra = await openShop();
  await prisma.artisan.update({ where: { id: shopAni.artisanId }, data: { name: "Ani Suryani" } });
  restArea = await makeRestArea({ transitDays: 2 });
  teapot = await makePiece(shopAni, { stock: 100, title: "Teko tembaga Ani" });
  betelBox = await makePiece(shopAni, { stock: 100, title: "Tepak sirih Ani" });
  tray = await makePiece(shopBudi, { stock: 100, title: "Nampan perak Budi" });
  await makePiece(shopCitra, { stock: 100, title: "Cawan Citra" });
  ani = await artisanOf(shopAni.artisanId, "Ani Suryani");
  budi = await artisanOf(shopBudi.artisanId, "Budi Santoso");
  citra = await artisanOf(shopCitra.artisanId, "Citra Lestari");
});

/** A pay-at-pickup order by Sari Wulandari holding Ani's two pieces and Budi's tray. */
function sharedOrder() {
  return placeGuestOrder({
    restArea,
    lines: [
      { variantId: teapot.variantId, quantity: 2 },
      { variantId: betelBox.variantId, quantity: 1 },
      { variantId: tray.variantId, quantity: 1 },
    ],
  });
}

type ListData = Awaited<ReturnType<typeof listRoute.loader>>;
type OrderData = Awaited<ReturnType<typeof orderRoute.loader>>;
type SlipData = Awaited<ReturnType<typeof slipRoute.loader>>;
type Refusal = { ok: false; errors: { form?: string } };

function openList(who: { cookie?: string }) {
  return answered<ListData>(
    listRoute.loader({
      request: siteRequest("/studio/orders", { cookie: who.cookie }),
      params: {},
      context: testContext,
    }),
  );
}

function openOrder(who: { cookie?: string }, number: string) {
  return answered<OrderData>(
    orderRoute.loader({
      request: siteRequest(`/studio/orders/${number}`, { cookie: who.cookie }),
      params: { number },
      context: testContext,
    }),
  );
}

function openSlip(who: { cookie?: string }, number: string) {
  return answered<SlipData>(
    slipRoute.loader({
      request: siteRequest(`/studio/orders/${number}/slip`, { cookie: who.cookie }),
      params: { number },
      context: testContext,
    }),
  );
}

/** The order page's form: one piece (its id) or "all", pack or unpack. */
function postOrder(who: Artisan, number: string, form: { intent: string; item: string }) {
  return answered<Refusal>(
    orderRoute.action({
      request: siteRequest(`/studio/orders/${number}`, { cookie: who.cookie, form }),
      params: { number },
      context: testContext,
    }),
  );
}

/** The list page's form: all of the artisan's pieces of one order. */
function postList(who: Artisan, number: string, intent: "pack" | "unpack") {
  return answered<Refusal>(
    listRoute.action({
      request: siteRequest("/studio/orders", {
        cookie: who.cookie,
        form: { number, item: "all", intent },
      }),
      params: {},
      context: testContext,
    }),
  );
}

function itemsOf(orderId: string, artisanId: string) {
  return prisma.orderItem.findMany({
    where: { orderId, artisanId },
    orderBy: { sku: "asc" },
    select: { id: true, sku: true, titleId: true, packedAt: true },
  });
}

function listedOrder(list: ListData, number: string) {
  return list.groups.flatMap((group) => group.orders).find((order) => order.number === number);
}

function dayBefore(dayKey: string, days: number): string {
  return new Date(Date.parse(`${dayKey}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

describe("orders to prepare", () => {
  it("shows each artisan only their own pieces of a shared order, by dispatch day and rest area", async () => {
    const placed = await sharedOrder();
    const order = await prisma.order.findUniqueOrThrow({
      where: { id: placed.id },
      select: { pickupDate: true, status: true },
    });
    expect(order.status).toBe("AWAITING_PICKUP_PAYMENT");
    const pickupDay = order.pickupDate.toISOString().slice(0, 10);

    const aniList = await openList(ani);
    expect(aniList.status).toBe(200);
    const group = aniList.body.groups.find((candidate) =>
      candidate.orders.some((o) => o.number === placed.number),
    )!;
    // Two days on the road: the parcel must leave two days before the pickup day.
    expect(group.dispatchDay).toBe(dayBefore(pickupDay, 2));
    expect(group.pickupDay).toBe(pickupDay);
    expect(group.restArea.name).toBe(restArea.name);
    const seenByAni = listedOrder(aniList.body, placed.number)!;
    expect(seenByAni.items.map((item) => item.title).sort()).toEqual([
      "Teko tembaga Ani",
      "Tepak sirih Ani",
    ]);
    expect(seenByAni).toMatchObject({
      pieces: 3,
      piecesToPack: 3,
      payment: "atPickup",
      buyerFirstName: "Sari",
      sharedWithOthers: true,
      canPack: true,
      canUnpack: false,
    });
    const aniPage = JSON.stringify(aniList.body);
    expect(aniPage).not.toContain("Nampan perak Budi");
    expect(aniPage).not.toContain("Wulandari");
    expect(aniPage).not.toContain("3456");

    const budiList = await openList(budi);
    const seenByBudi = listedOrder(budiList.body, placed.number)!;
    expect(seenByBudi.items.map((item) => item.title)).toEqual(["Nampan perak Budi"]);
    expect(JSON.stringify(budiList.body)).not.toContain("Teko tembaga Ani");

    const detail = await openOrder(ani, placed.number);
    expect(detail.status).toBe(200);
    expect(detail.body.order.items).toHaveLength(2);
    expect(JSON.stringify(detail.body)).not.toContain("Nampan perak Budi");

    // An artisan with no piece in the order does not see it at all.
    const citraList = await openList(citra);
    expect(listedOrder(citraList.body, placed.number)).toBeUndefined();
  });

  it("marks a piece packed: the order moves to PREPARING once, by the artisan", async () => {
    const placed = await sharedOrder();
    const [first, second] = await itemsOf(placed.id, ani.artisanId);

    const packed = await postOrder(ani, placed.number, { intent: "pack", item: first!.id });
    expect(packed.status).toBe(302);
    expect(packed.location).toBe(`/studio/orders/${placed.number}?done=packed`);
    let items = await itemsOf(placed.id, ani.artisanId);
    expect(items.find((item) => item.id === first!.id)!.packedAt).toBeInstanceOf(Date);
    expect(items.find((item) => item.id === second!.id)!.packedAt).toBeNull();
    expect(await statusOf(placed.id)).toBe("PREPARING");
    expect(await eventsOf(placed.id)).toEqual([
      "→AWAITING_PICKUP_PAYMENT",
      "AWAITING_PICKUP_PAYMENT→PREPARING",
    ]);
    const event = await prisma.orderEvent.findFirstOrThrow({
      where: { orderId: placed.id, toStatus: "PREPARING" },
    });
    expect(event).toMatchObject({ actorKind: "artisan", actorUserId: ani.userId });

    // The rest from the list: all of Ani's pieces packed, no second move.
    const rest = await postList(ani, placed.number, "pack");
    expect(rest.status).toBe(302);
    expect(rest.location).toBe(
      `/studio/orders?done=packed&order=${placed.number}#order-${placed.number}`,
    );
    items = await itemsOf(placed.id, ani.artisanId);
    expect(items.every((item) => item.packedAt !== null)).toBe(true);
    expect(await eventsOf(placed.id)).toHaveLength(2);

    // Ani's list moves it to "recently packed"; Budi still has his tray to pack.
    const aniList = await openList(ani);
    expect(listedOrder(aniList.body, placed.number)).toBeUndefined();
    const recent = aniList.body.recent.find((order) => order.number === placed.number);
    expect(recent).toMatchObject({ piecesToPack: 0, canUnpack: true, status: "PREPARING" });
    const budiList = await openList(budi);
    expect(listedOrder(budiList.body, placed.number)).toMatchObject({
      piecesToPack: 1,
      status: "PREPARING",
    });

    // The page confirms what happened.
    const page = await answered<OrderData>(
      orderRoute.loader({
        request: siteRequest(`/studio/orders/${placed.number}?done=packed`, {
          cookie: ani.cookie,
        }),
        params: { number: placed.number },
        context: testContext,
      }),
    );
    expect(page.body.done).toBe("packed");
    expect(page.body.order.piecesToPack).toBe(0);
  });

  it("lets two artisans pack the same order at the same moment: one PREPARING event", async () => {
    const placed = await sharedOrder();
    const answers = await Promise.all([
      postList(ani, placed.number, "pack"),
      postList(budi, placed.number, "pack"),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([302, 302]);
    const items = await prisma.orderItem.findMany({ where: { orderId: placed.id } });
    expect(items).toHaveLength(3);
    expect(items.every((item) => item.packedAt !== null)).toBe(true);
    expect(await statusOf(placed.id)).toBe("PREPARING");
    expect(await eventsOf(placed.id)).toEqual([
      "→AWAITING_PICKUP_PAYMENT",
      "AWAITING_PICKUP_PAYMENT→PREPARING",
    ]);
  });

  it("refuses to pack an order cancelled meanwhile, and changes nothing", async () => {
    const placed = await sharedOrder();
    const [piece] = await itemsOf(placed.id, ani.artisanId);
    const cancelled = await cancelOrder({
      orderId: placed.id,
      actor: "buyer",
      actorUserId: null,
      reason: "changed my mind",
    });
    expect(cancelled.ok).toBe(true);
    const events = await eventsOf(placed.id);

    const one = await postOrder(ani, placed.number, { intent: "pack", item: piece!.id });
    expect(one.status).toBe(409);
    expect(one.body.errors.form).toBe(texts.problems.cancelled);
    const all = await postList(ani, placed.number, "pack");
    expect(all.status).toBe(409);
    expect(all.body.errors.form).toBe(texts.problems.cancelled);

    expect((await itemsOf(placed.id, ani.artisanId)).every((item) => !item.packedAt)).toBe(true);
    expect(await statusOf(placed.id)).toBe("CANCELLED");
    expect(await eventsOf(placed.id)).toEqual(events);

    // It leaves the list; its page says there is nothing to pack and offers no button.
    expect(listedOrder((await openList(ani)).body, placed.number)).toBeUndefined();
    const page = await openOrder(ani, placed.number);
    expect(page.body.order).toMatchObject({ status: "CANCELLED", canPack: false });
    const slip = await openSlip(ani, placed.number);
    expect(slip.body.slip.voided).toBe(true);
  });

  it("undoes packing while the order is prepared; the order stays PREPARING", async () => {
    const placed = await sharedOrder();
    expect((await postList(ani, placed.number, "pack")).status).toBe(302);
    const [first, second] = await itemsOf(placed.id, ani.artisanId);

    const undone = await postOrder(ani, placed.number, { intent: "unpack", item: first!.id });
    expect(undone.status).toBe(302);
    expect(undone.location).toBe(`/studio/orders/${placed.number}?done=unpacked`);
    const items = await itemsOf(placed.id, ani.artisanId);
    expect(items.find((item) => item.id === first!.id)!.packedAt).toBeNull();
    expect(items.find((item) => item.id === second!.id)!.packedAt).toBeInstanceOf(Date);
    expect(await statusOf(placed.id)).toBe("PREPARING");
    expect(await eventsOf(placed.id)).toHaveLength(2);
    // Back among the orders to prepare.
    expect(listedOrder((await openList(ani)).body, placed.number)).toMatchObject({
      piecesToPack: 2,
    });

    // Packing again does not move the order a second time.
    expect((await postList(ani, placed.number, "pack")).status).toBe(302);
    expect(await eventsOf(placed.id)).toHaveLength(2);

    // Undo all from the list.
    expect((await postList(ani, placed.number, "unpack")).status).toBe(302);
    expect((await itemsOf(placed.id, ani.artisanId)).every((item) => !item.packedAt)).toBe(true);
    expect(await statusOf(placed.id)).toBe("PREPARING");
  });

  it("keeps packing as it is once the order is on a consignment list", async () => {
    const placed = await sharedOrder();
    expect((await postList(ani, placed.number, "pack")).status).toBe(302);
    const order = await prisma.order.findUniqueOrThrow({
      where: { id: placed.id },
      select: { pickupDate: true },
    });
    const consignment = await prisma.consignment.create({
      data: {
        number: `CN-UJI-${placed.number}`,
        restAreaId: restArea.id,
        pickupDate: order.pickupDate,
      },
    });
    await prisma.order.update({
      where: { id: placed.id },
      data: { consignmentId: consignment.id },
    });

    const undone = await postList(ani, placed.number, "unpack");
    expect(undone.status).toBe(409);
    expect(undone.body.errors.form).toBe(texts.problems.inConsignment);
    expect((await itemsOf(placed.id, ani.artisanId)).every((item) => item.packedAt)).toBe(true);
    const page = await openOrder(ani, placed.number);
    expect(page.body.order).toMatchObject({ inConsignment: true, canUnpack: false });
  });

  it("flags orders whose dispatch day has passed, and forgets packed ones after 14 days", async () => {
    const placed = await sharedOrder();
    const order = await prisma.order.findUniqueOrThrow({
      where: { id: placed.id },
      select: { pickupDate: true },
    });
    const pickup = order.pickupDate.getTime();
    const find = (groups: Awaited<ReturnType<typeof ordersToPrepare>>) =>
      groups.find((group) => group.orders.some((o) => o.number === placed.number));

    const dispatchDayNoonWib = new Date(pickup - 2 * 86_400_000 + 5 * 3_600_000);
    expect(
      find(await ordersToPrepare(ani.owner, { now: dispatchDayNoonWib, locale: "id" })),
    ).toMatchObject({ dispatchWhen: "today" });
    const dayAfter = new Date(dispatchDayNoonWib.getTime() + 86_400_000);
    const late = find(await ordersToPrepare(ani.owner, { now: dayAfter, locale: "en" }))!;
    expect(late.dispatchWhen).toBe("late");
    expect(late.orders.find((o) => o.number === placed.number)!.dispatchWhen).toBe("late");

    expect((await postList(ani, placed.number, "pack")).status).toBe(302);
    const now = new Date();
    const listed = (packed: Awaited<ReturnType<typeof recentlyPacked>>) =>
      packed.some((o) => o.number === placed.number);
    expect(listed(await recentlyPacked(ani.owner, { now, locale: "id" }))).toBe(true);
    const later = new Date(now.getTime() + 15 * 86_400_000);
    expect(listed(await recentlyPacked(ani.owner, { now: later, locale: "id" }))).toBe(false);
  });
});

describe("the packing slip", () => {
  it("names the buyer by first name only, with the artisan's own pieces and never the code", async () => {
    const placed = await sharedOrder();
    const order = await prisma.order.findUniqueOrThrow({
      where: { id: placed.id },
      select: { pickupCode: true, buyerName: true, buyerPhone: true, buyerEmail: true },
    });
    expect(order.buyerName).toBe("Sari Wulandari");

    const slip = await openSlip(ani, placed.number);
    expect(slip.status).toBe(200);
    const { slip: shown } = slip.body;
    expect(shown.order.number).toBe(placed.number);
    expect(shown.order.buyerFirstName).toBe("Sari");
    expect(shown.artisanName).toBe("Ani Suryani");
    expect(shown.order.restArea).toMatchObject({
      name: restArea.name,
      direction: "arah Prabumulih",
    });
    expect(shown.order.restArea.kmLabel).toMatch(/^KM \d+ A$/);
    expect(shown.order.items.map((item) => item.quantity).sort()).toEqual([1, 2]);
    expect(shown.voided).toBe(false);

    const text = JSON.stringify(slip.body);
    expect(text).not.toContain("Wulandari");
    expect(text).not.toContain(order.buyerPhone);
    expect(text).not.toContain("3456");
    expect(text).not.toContain(order.buyerEmail!);
    expect(text).not.toContain(`"${order.pickupCode}"`);
    expect(text).not.toContain("Nampan perak Budi");
  });
});

describe("another artisan's order", () => {
  it("is a 404 for pages and forms alike, and nothing changes", async () => {
    const placed = await sharedOrder();
    const [aniPiece] = await itemsOf(placed.id, ani.artisanId);

    expect((await openOrder(citra, placed.number)).status).toBe(404);
    expect((await openSlip(citra, placed.number)).status).toBe(404);
    expect((await postOrder(citra, placed.number, { intent: "pack", item: "all" })).status).toBe(
      404,
    );
    expect(
      (await postOrder(citra, placed.number, { intent: "pack", item: aniPiece!.id })).status,
    ).toBe(404);
    expect((await postList(citra, placed.number, "pack")).status).toBe(404);

    // Budi shares the order, but Ani's piece is not his to pack.
    expect(
      (await postOrder(budi, placed.number, { intent: "pack", item: aniPiece!.id })).status,
    ).toBe(404);

    // Numbers that are not orders at all.
    expect((await openOrder(ani, "KS-000000-ZZZZ")).status).toBe(404);
    expect((await openOrder(ani, "not-an-order")).status).toBe(404);
    expect((await openSlip(ani, "../admin")).status).toBe(404);

    const items = await prisma.orderItem.findMany({ where: { orderId: placed.id } });
    expect(items.every((item) => item.packedAt === null)).toBe(true);
    expect(await statusOf(placed.id)).toBe("AWAITING_PICKUP_PAYMENT");
  });

  it("keeps the pages to artisans: anonymous visitors sign in, others are forbidden", async () => {
    const buyer = await makeUser({ role: "BUYER" });
    const buyerCookie = await sessionCookieFor(buyer.id);
    const placed = await sharedOrder();
    expect((await openList({})).status).toBe(302);
    expect((await openList({ cookie: buyerCookie })).status).toBe(403);
    expect((await openOrder({ cookie: buyerCookie }, placed.number)).status).toBe(403);
    expect((await openSlip({}, placed.number)).status).toBe(302);
  });
});
