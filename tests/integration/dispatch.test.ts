// Dispatch: the admin's board of what leaves for each rest area on a day, consignments built from
// fully packed orders, marked in transit, edited and dissolved, their printable manifest, and the
// arrivals the operator console reads — on orders placed through the real checkout.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import {
  arrivals,
  buildConsignment,
  markInTransit,
  shiftDay,
  todayInWib,
} from "~/dispatch/dispatch.server";
import { prisma } from "~/db.server";
import { cancelOrder } from "~/orders/order-actions.server";
import { moveOrder } from "~/orders/orders.server";
import * as consignmentRoute from "~/routes/admin.dispatch.$number";
import * as boardRoute from "~/routes/admin.dispatch._index";
import { makeUser, sessionCookieFor, siteRequest, testContext } from "../setup/accounts";
import {
  answered,
  checkoutFields,
  eventsOf,
  guestWithCart,
  makePiece,
  makeRestArea,
  offeredSlot,
  openShop,
  orderPlacedWith,
  statusOf,
  submitCheckout,
  type Answer,
  type Piece,
  type TestRestArea,
} from "../setup/orders";

type BoardData = Awaited<ReturnType<typeof boardRoute.loader>>;
type ManifestData = Awaited<ReturnType<typeof consignmentRoute.loader>>;
type Refused = { ok: false; errors: Record<string, string>; orderIds?: string[] };

let adminId: string;
let adminCookie: string;
let cookies: { buyer: string; artisan: string; operator: string };
let piece: Piece;
let otherArtisanPiece: Piece;

beforeAll(async () => {
  const shop = await openShop();
  const otherShop = await openShop();
  piece = await makePiece(shop, { stock: 500, title: "Tepak sirih kiriman" });
  otherArtisanPiece = await makePiece(otherShop, { stock: 500, title: "Cepu kiriman" });
  const admin = await makeUser({ role: "ADMIN", name: "Admin Kiriman" });
  adminId = admin.id;
  adminCookie = await sessionCookieFor(admin.id);
  const restArea = await makeRestArea();
  const buyer = await makeUser({ role: "BUYER" });
  const artisan = await makeUser({ role: "ARTISAN" });
  const operator = await makeUser({ role: "OPERATOR", restAreaIds: [restArea.id] });
  cookies = {
    buyer: await sessionCookieFor(buyer.id),
    artisan: await sessionCookieFor(artisan.id),
    operator: await sessionCookieFor(operator.id),
  };
});

// ── placing and preparing orders ──────────────────────────────────────────────────────────────

type TestOrder = { id: string; number: string; pickupDay: string };

let buyers = 0;

/** A guest orders at the rest area for the slot ("YYYY-MM-DD|windowId"), paying at pickup. */
async function placeOrder(
  restArea: TestRestArea,
  slot: string,
  options: { name?: string; phone?: string; pieces?: Piece[] } = {},
): Promise<TestOrder> {
  buyers += 1;
  const lines = (options.pieces ?? [piece]).map((p) => ({ variantId: p.variantId, quantity: 2 }));
  const { cookie } = await guestWithCart(lines);
  const fields = checkoutFields(restArea, slot, {
    name: options.name ?? `Pembeli${buyers} Uji`,
    phone: options.phone ?? `0813 5555 ${String(1000 + buyers).slice(-4)}`,
  });
  const answer = await submitCheckout(cookie, fields);
  if (answer.status !== 303) throw new Error(`Checkout refused: ${JSON.stringify(answer.body)}`);
  const order = await orderPlacedWith(fields.checkoutKey!);
  if (!order) throw new Error("No order placed");
  return { ...order, pickupDay: slot.split("|")[0]! };
}

/** The artisan starts work on the order; with `packed`, every piece of it is packed. */
async function prepare(order: TestOrder, packed: "all" | "some" | "none"): Promise<void> {
  await prisma.$transaction((tx) =>
    moveOrder(tx, { orderId: order.id, to: "PREPARING", actor: "artisan" }),
  );
  const items = await prisma.orderItem.findMany({
    where: { orderId: order.id },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  const toPack = packed === "all" ? items : packed === "some" ? items.slice(0, 1) : [];
  await prisma.orderItem.updateMany({
    where: { id: { in: toPack.map((item) => item.id) } },
    data: { packedAt: new Date() },
  });
}

async function readyOrders(restArea: TestRestArea, slot: string, count: number) {
  const orders: TestOrder[] = [];
  for (let i = 0; i < count; i += 1) {
    const order = await placeOrder(restArea, slot);
    await prepare(order, "all");
    orders.push(order);
  }
  return orders;
}

/** The day a parcel for `pickupDay` leaves for a rest area `transitDays` away. */
function dispatchDayOf(pickupDay: string, transitDays: number): string {
  return shiftDay(pickupDay, -transitDays);
}

// ── calling the routes ────────────────────────────────────────────────────────────────────────

function boardLoader(day: string | null, cookie: string | undefined = adminCookie) {
  const path = day ? `/admin/dispatch?day=${day}` : "/admin/dispatch";
  return answered<BoardData>(
    boardRoute.loader({
      request: siteRequest(path, { cookie }),
      params: {},
      context: testContext,
    } as LoaderFunctionArgs),
  );
}

async function board(day: string): Promise<BoardData> {
  const answer = await boardLoader(day);
  expect(answer.status).toBe(200);
  return answer.body;
}

function rowOf(data: BoardData, restArea: TestRestArea) {
  return data.rows.find((row) => row.restArea.id === restArea.id);
}

function formRequest(path: string, cookie: string | undefined, fields: [string, string][]) {
  return new Request(new URL(path, "http://localhost"), {
    method: "POST",
    headers: { "User-Agent": "dispatch-test", ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(fields),
  });
}

function buildThroughPage(
  restArea: TestRestArea,
  pickupDay: string,
  orderIds: string[],
  cookie: string | undefined = adminCookie,
): Promise<Answer<Refused>> {
  const request = formRequest("/admin/dispatch", cookie, [
    ["intent", "build"],
    ["restAreaId", restArea.id],
    ["pickupDay", pickupDay],
    ...orderIds.map((id): [string, string] => ["orderIds", id]),
  ]);
  return answered(
    boardRoute.action({ request, params: {}, context: testContext } as ActionFunctionArgs),
  );
}

function manifestLoader(number: string, cookie: string | undefined = adminCookie) {
  return answered<ManifestData>(
    consignmentRoute.loader({
      request: siteRequest(`/admin/dispatch/${number}`, { cookie }),
      params: { number },
      context: testContext,
    } as LoaderFunctionArgs),
  );
}

function consignmentAction(
  number: string,
  fields: [string, string][],
  cookie: string | undefined = adminCookie,
): Promise<Answer<Refused>> {
  const request = formRequest(`/admin/dispatch/${number}`, cookie, fields);
  return answered(
    consignmentRoute.action({
      request,
      params: { number },
      context: testContext,
    } as ActionFunctionArgs),
  );
}

/** Builds through the page and returns the new consignment's number. */
async function built(restArea: TestRestArea, pickupDay: string, orders: TestOrder[]) {
  const answer = await buildThroughPage(
    restArea,
    pickupDay,
    orders.map((order) => order.id),
  );
  expect(answer.status).toBe(302);
  const number = /\/admin\/dispatch\/(KR-[^?]+)\?done=built$/.exec(answer.location ?? "")?.[1];
  expect(number).toBeDefined();
  return number!;
}

async function consignmentOf(orderId: string): Promise<string | null> {
  const order = await prisma.order.findUniqueOrThrow({
    where: { id: orderId },
    select: { consignment: { select: { number: true } } },
  });
  return order.consignment?.number ?? null;
}

async function auditActions(number: string): Promise<string[]> {
  const rows = await prisma.auditLog.findMany({
    where: { entityType: "Consignment", details: { path: ["number"], equals: number } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { action: true, actorUserId: true },
  });
  expect(rows.every((row) => row.actorUserId === adminId)).toBe(true);
  return rows.map((row) => row.action);
}

// ── the board ─────────────────────────────────────────────────────────────────────────────────

describe("the dispatch board", () => {
  it("lists as ready only the PREPARING orders whose every piece is packed, and the rest as still being packed", async () => {
    const restArea = await makeRestArea({ transitDays: 2 });
    const slot = await offeredSlot(restArea);
    const pickupDay = slot.split("|")[0]!;
    const day = dispatchDayOf(pickupDay, 2);

    const ready = await placeOrder(restArea, slot);
    await prepare(ready, "all");
    const halfPacked = await placeOrder(restArea, slot, { pieces: [piece, otherArtisanPiece] });
    await prepare(halfPacked, "some");
    const notStarted = await placeOrder(restArea, slot);
    const cancelled = await placeOrder(restArea, slot);
    await prepare(cancelled, "all");
    await cancelOrder({ orderId: cancelled.id, actor: "buyer", actorUserId: null, reason: "x" });
    const laterSlot = await offeredSlot(restArea, { skipDays: 1 });
    const nextDayOrder = await placeOrder(restArea, laterSlot);
    await prepare(nextDayOrder, "all");

    const data = await board(day);
    const row = rowOf(data, restArea)!;
    expect(row.pickupDay).toBe(pickupDay);
    expect(row.ready.map((order) => order.number)).toEqual([ready.number]);
    expect(row.ready[0]).toMatchObject({ buyer: expect.stringMatching(/^Pembeli\d+$/), pieces: 2 });

    const packing = new Map(row.packing.map((order) => [order.number, order]));
    expect([...packing.keys()].sort()).toEqual([halfPacked.number, notStarted.number].sort());
    // One of two lines is packed: the other artisan still has two pieces to pack.
    expect(packing.get(halfPacked.number)).toMatchObject({
      status: "PREPARING",
      linesLeft: 1,
      lines: 2,
      piecesLeft: 2,
    });
    expect(packing.get(halfPacked.number)!.artisans).toHaveLength(1);
    expect(packing.get(notStarted.number)).toMatchObject({
      status: "AWAITING_PICKUP_PAYMENT",
      linesLeft: 1,
    });
    const everyNumber = JSON.stringify(data);
    expect(everyNumber).not.toContain(cancelled.number);
    expect(everyNumber).not.toContain(nextDayOrder.number);

    // The next pickup day's order is on the next dispatch day.
    const nextRow = rowOf(await board(shiftDay(day, 1)), restArea)!;
    expect(nextRow.ready.map((order) => order.number)).toContain(nextDayOrder.number);
  });

  it("shows today (WIB) by default, with the days either side, and ignores a malformed day", async () => {
    const today = todayInWib();
    for (const path of [null, "2026-02-31"]) {
      const answer = await boardLoader(path);
      expect(answer.status).toBe(200);
      expect(answer.body.day).toBe(today);
      expect(answer.body.previousDay).toBe(shiftDay(today, -1));
      expect(answer.body.nextDay).toBe(shiftDay(today, 1));
    }
  });
});

// ── building ──────────────────────────────────────────────────────────────────────────────────

describe("building a consignment", () => {
  it("puts the ticked ready orders into a new consignment with a readable number, audited", async () => {
    const restArea = await makeRestArea({ transitDays: 1 });
    const slot = await offeredSlot(restArea);
    const pickupDay = slot.split("|")[0]!;
    const [first, second, third] = await readyOrders(restArea, slot, 3);

    const number = await built(restArea, pickupDay, [first!, second!]);
    const label = (await prisma.restArea.findUniqueOrThrow({ where: { id: restArea.id } })).kmLabel;
    expect(number).toBe(
      `KR-${pickupDay.slice(2).replaceAll("-", "")}-${label.replace(/\s/g, "")}-1`,
    );
    expect(await consignmentOf(first!.id)).toBe(number);
    expect(await consignmentOf(second!.id)).toBe(number);
    expect(await consignmentOf(third!.id)).toBeNull();
    // Building changes no order's status: they leave when the van does.
    expect(await statusOf(first!.id)).toBe("PREPARING");
    expect(await auditActions(number)).toEqual(["admin.consignment_built"]);

    const row = rowOf(await board(dispatchDayOf(pickupDay, 1)), restArea)!;
    expect(row.ready.map((order) => order.number)).toEqual([third!.number]);
    expect(row.consignments).toEqual([
      expect.objectContaining({ number, status: "PLANNED", parcels: 2, pieces: 4 }),
    ]);

    const next = await built(restArea, pickupDay, [third!]);
    expect(next).toBe(number.replace(/-1$/, "-2"));
  });

  it("refuses, changing nothing, when an order was cancelled or unpacked meanwhile", async () => {
    const restArea = await makeRestArea();
    const slot = await offeredSlot(restArea);
    const pickupDay = slot.split("|")[0]!;
    const [kept, cancelled, unpacked] = await readyOrders(restArea, slot, 3);
    await cancelOrder({
      orderId: cancelled!.id,
      actor: "admin",
      actorUserId: adminId,
      reason: "x",
    });
    await prisma.orderItem.updateMany({
      where: { orderId: unpacked!.id },
      data: { packedAt: null },
    });

    const answer = await buildThroughPage(restArea, pickupDay, [
      kept!.id,
      cancelled!.id,
      unpacked!.id,
    ]);
    expect(answer.status).toBe(409);
    expect(answer.body.errors.form).toContain(cancelled!.number);
    expect(answer.body.errors.form).toContain("Dibatalkan");
    expect(answer.body.errors.form).toContain(unpacked!.number);
    expect(answer.body.errors.form).not.toContain(kept!.number);
    // The ticks are kept for the form shown again.
    expect(answer.body.orderIds).toHaveLength(3);
    expect(await prisma.consignment.count({ where: { restAreaId: restArea.id } })).toBe(0);
    expect(await consignmentOf(kept!.id)).toBeNull();
  });

  it("asks for at least one order, and refuses orders of another rest area or day", async () => {
    const restArea = await makeRestArea();
    const elsewhere = await makeRestArea();
    const slot = await offeredSlot(restArea);
    const pickupDay = slot.split("|")[0]!;
    const [order] = await readyOrders(elsewhere, await offeredSlot(elsewhere), 1);

    const none = await buildThroughPage(restArea, pickupDay, []);
    expect(none.status).toBe(400);
    expect(none.body.errors.orderIds).toBe("Centang paling sedikit satu pesanan.");

    const wrong = await buildThroughPage(restArea, pickupDay, [order!.id]);
    expect(wrong.status).toBe(409);
    expect(wrong.body.errors.form).toContain(order!.number);
    expect(await consignmentOf(order!.id)).toBeNull();

    const forged = await buildThroughPage(restArea, "2026-13-45", [order!.id]);
    expect(forged.status).toBe(400);
  });

  it("puts each order into exactly one consignment when two admins build at once", async () => {
    const restArea = await makeRestArea();
    const slot = await offeredSlot(restArea);
    const pickupDay = slot.split("|")[0]!;
    const orders = await readyOrders(restArea, slot, 4);
    const ids = orders.map((order) => order.id);
    const otherAdmin = await makeUser({ role: "ADMIN" });
    const call = (userId: string) => ({
      actor: { userId, user: {} as never },
      request: new Request("http://localhost/admin/dispatch", { method: "POST" }),
      context: testContext,
    });

    const results = await Promise.all([
      buildConsignment(call(adminId), { restAreaId: restArea.id, pickupDay, orderIds: ids }),
      buildConsignment(call(otherAdmin.id), {
        restAreaId: restArea.id,
        pickupDay,
        orderIds: ids.slice(1, 3),
      }),
      buildConsignment(call(otherAdmin.id), { restAreaId: restArea.id, pickupDay, orderIds: ids }),
    ]);
    const succeeded = results.filter((result) => result.ok);
    expect(succeeded).toHaveLength(1);
    for (const result of results.filter((r) => !r.ok)) {
      expect(result).toMatchObject({ ok: false, reason: "not-ready" });
    }
    const consignments = await prisma.consignment.findMany({
      where: { restAreaId: restArea.id },
      select: { id: true, orders: { select: { id: true } } },
    });
    const attached = consignments.flatMap((consignment) =>
      consignment.orders.map((order) => order.id),
    );
    // Every consignment that exists has orders, and no order is in two.
    expect(consignments.every((consignment) => consignment.orders.length > 0)).toBe(true);
    expect(new Set(attached).size).toBe(attached.length);
  });
});

// ── in transit ────────────────────────────────────────────────────────────────────────────────

describe("marking a consignment in transit", () => {
  it("moves every order to IN_TRANSIT with one event each, once; a second time changes nothing", async () => {
    const restArea = await makeRestArea();
    const slot = await offeredSlot(restArea);
    const pickupDay = slot.split("|")[0]!;
    const orders = await readyOrders(restArea, slot, 3);
    const number = await built(restArea, pickupDay, orders);

    const answer = await consignmentAction(number, [["intent", "dispatch"]]);
    expect(answer.status).toBe(302);
    expect(answer.location).toBe(`/admin/dispatch/${number}?done=dispatched`);
    for (const order of orders) {
      expect(await statusOf(order.id)).toBe("IN_TRANSIT");
      const history = await eventsOf(order.id);
      expect(history.filter((event) => event === "PREPARING→IN_TRANSIT")).toHaveLength(1);
      const event = await prisma.orderEvent.findFirstOrThrow({
        where: { orderId: order.id, toStatus: "IN_TRANSIT" },
      });
      expect(event).toMatchObject({ actorKind: "admin", actorUserId: adminId, reason: number });
    }
    const consignment = await prisma.consignment.findUniqueOrThrow({ where: { number } });
    expect(consignment.status).toBe("IN_TRANSIT");
    expect(consignment.dispatchedAt).toBeInstanceOf(Date);

    const again = await consignmentAction(number, [["intent", "dispatch"]]);
    expect(again.status).toBe(409);
    expect(again.body.errors.form).toMatch(/sudah ditandai dalam perjalanan/);
    const after = await prisma.consignment.findUniqueOrThrow({ where: { number } });
    expect(after.dispatchedAt).toEqual(consignment.dispatchedAt);
    for (const order of orders) {
      expect((await eventsOf(order.id)).filter((e) => e.endsWith("→IN_TRANSIT"))).toHaveLength(1);
    }
    expect(await auditActions(number)).toEqual([
      "admin.consignment_built",
      "admin.consignment_dispatched",
    ]);

    // Gone from the van, the consignment can no longer be edited or dissolved.
    const remove = await consignmentAction(number, [
      ["intent", "remove"],
      ["orderId", orders[0]!.id],
    ]);
    expect(remove.status).toBe(409);
    const dissolve = await consignmentAction(number, [["intent", "dissolve"]]);
    expect(dissolve.status).toBe(409);
    expect(await consignmentOf(orders[0]!.id)).toBe(number);
  });

  it("refuses the whole departure while an order in it was cancelled, until it is taken off", async () => {
    const restArea = await makeRestArea();
    const slot = await offeredSlot(restArea);
    const pickupDay = slot.split("|")[0]!;
    const [going, cancelled] = await readyOrders(restArea, slot, 2);
    const number = await built(restArea, pickupDay, [going!, cancelled!]);
    await cancelOrder({ orderId: cancelled!.id, actor: "buyer", actorUserId: null, reason: "x" });

    const manifest = (await manifestLoader(number)).body.consignment;
    expect(manifest.orders.find((order) => order.number === cancelled!.number)?.problem).toBe(
      "not-preparing",
    );

    const refused = await consignmentAction(number, [["intent", "dispatch"]]);
    expect(refused.status).toBe(409);
    expect(refused.body.errors.form).toContain(cancelled!.number);
    expect(await statusOf(going!.id)).toBe("PREPARING");
    expect((await prisma.consignment.findUniqueOrThrow({ where: { number } })).status).toBe(
      "PLANNED",
    );

    const removed = await consignmentAction(number, [
      ["intent", "remove"],
      ["orderId", cancelled!.id],
    ]);
    expect(removed.location).toBe(`/admin/dispatch/${number}?done=removed`);
    expect(await consignmentOf(cancelled!.id)).toBeNull();

    const result = await markInTransit(
      {
        actor: { userId: adminId, user: {} as never },
        request: new Request("http://localhost/"),
        context: testContext,
      },
      number,
    );
    expect(result).toEqual({ ok: true, moved: 1 });
    expect(await statusOf(going!.id)).toBe("IN_TRANSIT");
    expect(await statusOf(cancelled!.id)).toBe("CANCELLED");
  });
});

// ── editing and dissolving ────────────────────────────────────────────────────────────────────

describe("a planned consignment", () => {
  it("can lose an order, and be dissolved; its number is never issued again", async () => {
    const restArea = await makeRestArea({ transitDays: 1 });
    const slot = await offeredSlot(restArea);
    const pickupDay = slot.split("|")[0]!;
    const day = dispatchDayOf(pickupDay, 1);
    const [first, second] = await readyOrders(restArea, slot, 2);
    const number = await built(restArea, pickupDay, [first!, second!]);

    await consignmentAction(number, [
      ["intent", "remove"],
      ["orderId", first!.id],
    ]);
    let row = rowOf(await board(day), restArea)!;
    expect(row.ready.map((order) => order.number)).toEqual([first!.number]);
    expect(row.consignments[0]).toMatchObject({ number, parcels: 1 });

    const dissolved = await consignmentAction(number, [["intent", "dissolve"]]);
    expect(dissolved.status).toBe(302);
    expect(dissolved.location).toBe(`/admin/dispatch?day=${day}&done=dissolved&number=${number}`);
    expect(await prisma.consignment.findUnique({ where: { number } })).toBeNull();
    row = rowOf(await board(day), restArea)!;
    expect(row.ready.map((order) => order.number).sort()).toEqual(
      [first!.number, second!.number].sort(),
    );
    expect(row.consignments).toEqual([]);
    expect(await auditActions(number)).toEqual([
      "admin.consignment_built",
      "admin.consignment_order_removed",
      "admin.consignment_dissolved",
    ]);

    const again = await built(restArea, pickupDay, [first!]);
    expect(again).toBe(number.replace(/-1$/, "-2"));
    // Taking off the last order dissolves it, back on the board.
    const emptied = await consignmentAction(again, [
      ["intent", "remove"],
      ["orderId", first!.id],
    ]);
    expect(emptied.location).toBe(`/admin/dispatch?day=${day}&done=emptied&number=${again}`);
    expect(await prisma.consignment.findUnique({ where: { number: again } })).toBeNull();

    expect((await manifestLoader(number)).status).toBe(404);
  });
});

// ── the manifest ──────────────────────────────────────────────────────────────────────────────

describe("the manifest", () => {
  it("shows the rest area, days, totals, and of each buyer only the first name and the last three digits", async () => {
    const restArea = await makeRestArea({ transitDays: 1 });
    const slot = await offeredSlot(restArea);
    const pickupDay = slot.split("|")[0]!;
    const order = await placeOrder(restArea, slot, {
      name: "Rahmawati Kusuma Dewi",
      phone: "0812 9876 5789",
      pieces: [piece, otherArtisanPiece],
    });
    await prepare(order, "all");
    const [other] = await readyOrders(restArea, slot, 1);
    const number = await built(restArea, pickupDay, [order, other!]);
    const stored = await prisma.order.findUniqueOrThrow({
      where: { id: order.id },
      select: { pickupCode: true, buyerPhone: true },
    });
    expect(stored.buyerPhone).toBe("+6281298765789");

    const answer = await manifestLoader(number);
    expect(answer.status).toBe(200);
    const { consignment } = answer.body;
    expect(consignment.number).toBe(number);
    expect(consignment.restArea).toMatchObject({
      name: restArea.name,
      kmLabel: expect.stringMatching(/^KM \d+ A$/),
      direction: "arah Prabumulih",
      segment: "Indralaya–Prabumulih",
    });
    expect(consignment.dispatchDay).toBe(dispatchDayOf(pickupDay, 1));
    expect(consignment.status).toBe("PLANNED");
    const line = consignment.orders.find((o) => o.number === order.number)!;
    expect(line).toMatchObject({ buyer: "Rahmawati", phoneTail: "789", parcels: 1, pieces: 4 });
    expect(consignment.totals).toEqual({ parcels: 2, pieces: 6 });

    const sent = JSON.stringify(answer.body);
    for (const secret of [
      stored.buyerPhone,
      "6281298765789",
      "0812 9876 5789",
      "98765789",
      "Kusuma",
      "Dewi",
      stored.pickupCode,
    ]) {
      expect(sent).not.toContain(secret);
    }
  });

  it("is a 404 for a consignment that does not exist or a malformed number", async () => {
    expect((await manifestLoader("KR-000101-KM1A-9")).status).toBe(404);
    expect((await manifestLoader("not-a-consignment")).status).toBe(404);
    expect((await consignmentAction("KR-000101-KM1A-9", [["intent", "dispatch"]])).status).toBe(
      404,
    );
    expect((await consignmentAction("KR-000101-KM1A-9", [])).status).toBe(404);
  });
});

// ── who may ───────────────────────────────────────────────────────────────────────────────────

describe("who may dispatch", () => {
  it("refuses every other role (403) and sends anonymous visitors to sign in", async () => {
    const restArea = await makeRestArea();
    const slot = await offeredSlot(restArea);
    const pickupDay = slot.split("|")[0]!;
    const [order] = await readyOrders(restArea, slot, 1);
    const number = await built(restArea, pickupDay, [order!]);

    for (const cookie of [cookies.buyer, cookies.artisan, cookies.operator]) {
      expect((await boardLoader(null, cookie)).status).toBe(403);
      expect((await buildThroughPage(restArea, pickupDay, [order!.id], cookie)).status).toBe(403);
      expect((await manifestLoader(number, cookie)).status).toBe(403);
      expect((await consignmentAction(number, [["intent", "dispatch"]], cookie)).status).toBe(403);
      expect((await consignmentAction(number, [["intent", "dissolve"]], cookie)).status).toBe(403);
    }
    // No cookie at all: an anonymous visitor.
    const anonymous = await manifestLoader(number, "");
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/sign-in\?next=/);
    expect((await consignmentAction(number, [["intent", "dispatch"]], "")).status).toBe(302);
    expect((await boardLoader(null, "")).status).toBe(302);
    expect((await buildThroughPage(restArea, pickupDay, [order!.id], "")).status).toBe(302);

    const consignment = await prisma.consignment.findUniqueOrThrow({ where: { number } });
    expect(consignment.status).toBe("PLANNED");
    expect(await statusOf(order!.id)).toBe("PREPARING");
  });
});

// ── arrivals for the operator console ─────────────────────────────────────────────────────────

describe("arrivals", () => {
  it("lists the consignments on their way to the given rest areas for a day, with their orders", async () => {
    const restArea = await makeRestArea({ transitDays: 1 });
    const otherRestArea = await makeRestArea({ transitDays: 1 });
    const slot = await offeredSlot(restArea);
    const pickupDay = slot.split("|")[0]!;
    const [first, second, planned] = await readyOrders(restArea, slot, 3);
    const travelling = await built(restArea, pickupDay, [first!, second!]);
    const stillPlanned = await built(restArea, pickupDay, [planned!]);
    const [elsewhere] = await readyOrders(otherRestArea, await offeredSlot(otherRestArea), 1);
    const otherNumber = await built(otherRestArea, pickupDay, [elsewhere!]);
    for (const number of [travelling, otherNumber]) {
      expect((await consignmentAction(number, [["intent", "dispatch"]])).status).toBe(302);
    }

    const arriving = await arrivals([restArea.id], pickupDay);
    expect(arriving.map((arrival) => arrival.number)).toEqual([travelling]);
    expect(arriving.map((arrival) => arrival.number)).not.toContain(stillPlanned);
    const [arrival] = arriving;
    expect(arrival).toMatchObject({
      status: "IN_TRANSIT",
      pickupDay,
      restArea: { id: restArea.id, name: restArea.name },
      parcels: 2,
      pieces: 4,
    });
    expect(arrival!.dispatchedAt).toBeInstanceOf(Date);
    expect(arrival!.orders.map((order) => order.number).sort()).toEqual(
      [first!.number, second!.number].sort(),
    );
    expect(arrival!.orders[0]).toMatchObject({
      status: "IN_TRANSIT",
      buyerFirstName: expect.stringMatching(/^Pembeli\d+$/),
      phoneTail: expect.stringMatching(/^\d{3}$/),
      paymentMethod: "PAY_AT_PICKUP",
    });
    expect(JSON.stringify(arriving)).not.toMatch(/\+62/);

    const both = await arrivals([restArea.id, otherRestArea.id], pickupDay);
    expect(both.map((a) => a.number).sort()).toEqual([travelling, otherNumber].sort());
    expect(await arrivals([restArea.id], shiftDay(pickupDay, 1))).toEqual([]);
    expect(await arrivals([], pickupDay)).toEqual([]);
  });
});
