// The rest-area operator's console: receiving a consignment parcel by parcel, handing parcels
// over by code, QR or number (recording a pay-at-pickup payment), the wrong-code limit, the
// offline queue's replays, and parcels nobody collected. Only the operator's own rest areas.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { wibDateKey } from "~/lib/dates";
import { formatRupiah } from "~/lib/money";
import { addDaysToKey } from "~/operator/counter-days";
import { WRONG_CODE_LIMIT } from "~/operator/counter.server";
import { moveOrder } from "~/orders/orders.server";
import { pickupQrText } from "~/orders/pickup-qr";
import type { ComponentType } from "react";
import ManifestPage, {
  action as manifestAction,
  loader as manifestLoader,
} from "~/routes/operator.arrivals.$number";
import ArrivalsPage, { loader as arrivalsLoader } from "~/routes/operator.arrivals._index";
import HandoverPage, {
  action as handoverAction,
  loader as handoverLoader,
} from "~/routes/operator.handover";
import { action as queueAction } from "~/routes/operator.handover-queue";
import UncollectedPage, {
  action as uncollectedAction,
  loader as uncollectedLoader,
} from "~/routes/operator.uncollected";
import { makeUser, sessionCookieFor, siteRequest, testContext } from "../setup/accounts";
import { renderPage, textOf } from "../setup/render";
import {
  answered,
  eventsOf,
  makePiece,
  makeRestArea,
  messagesOf,
  openShop,
  payByCard,
  placeCardOrder,
  placeGuestOrder,
  statusOf,
  stockOf,
  useFakeStripe,
  type Piece,
  type Shop,
  type StripeSetup,
  type TestRestArea,
} from "../setup/orders";

let shop: Shop;
let here: TestRestArea;
let elsewhere: TestRestArea;
let operatorCookie: string;
let operatorId: string;
let otherOperatorCookie: string;

beforeAll(async () => {
  shop = await openShop();
  here = await makeRestArea();
  elsewhere = await makeRestArea();
  const operator = await makeUser({ role: "OPERATOR", restAreaIds: [here.id] });
  operatorId = operator.id;
  operatorCookie = await sessionCookieFor(operator.id);
  const other = await makeUser({ role: "OPERATOR", restAreaIds: [elsewhere.id] });
  otherOperatorCookie = await sessionCookieFor(other.id);
});

let consignments = 0;

type Parcel = { id: string; number: string; code: string; piece: Piece; quantity: number };

/** A pay-at-pickup order of `quantity` pieces of a fresh piece, placed through checkout. */
async function placeParcel(
  restArea: TestRestArea,
  { quantity = 2, priceRupiah = 150_000 }: { quantity?: number; priceRupiah?: number } = {},
): Promise<Parcel> {
  const piece = await makePiece(shop, { stock: 5, priceRupiah });
  const placed = await placeGuestOrder({
    restArea,
    lines: [{ variantId: piece.variantId, quantity }],
  });
  const order = await prisma.order.findUniqueOrThrow({
    where: { id: placed.id },
    select: { pickupCode: true },
  });
  return { id: placed.id, number: placed.number, code: order.pickupCode, piece, quantity };
}

/** The cooperative prepares the orders and sends them together: a consignment in transit. */
async function dispatch(restArea: TestRestArea, parcels: { id: string }[]): Promise<string> {
  consignments += 1;
  const number = `KR-260101-UJI-${consignments}`;
  const order = await prisma.order.findUniqueOrThrow({
    where: { id: parcels[0]!.id },
    select: { pickupDate: true },
  });
  await prisma.$transaction(async (tx) => {
    const consignment = await tx.consignment.create({
      data: {
        number,
        restAreaId: restArea.id,
        pickupDate: order.pickupDate,
        status: "IN_TRANSIT",
        dispatchedAt: new Date(),
      },
    });
    for (const parcel of parcels) {
      await moveOrder(tx, { orderId: parcel.id, to: "PREPARING", actor: "admin" });
      await moveOrder(tx, { orderId: parcel.id, to: "IN_TRANSIT", actor: "admin" });
      await tx.order.update({ where: { id: parcel.id }, data: { consignmentId: consignment.id } });
    }
  });
  return number;
}

async function checkIn(cookie: string, consignment: string, form: Record<string, string>) {
  const request = siteRequest(`/operator/arrivals/${consignment}`, { cookie, form });
  return answered<{ ok: boolean; message: string }>(
    manifestAction({ request, params: { number: consignment }, context: testContext }),
  );
}

/** A parcel checked in and waiting at the counter. */
async function readyParcel(restArea: TestRestArea = here, options = {}): Promise<Parcel> {
  const parcel = await placeParcel(restArea, options);
  const consignment = await dispatch(restArea, [parcel]);
  const cookie = restArea === here ? operatorCookie : otherOperatorCookie;
  const answer = await checkIn(cookie, consignment, { intent: "parcel", parcel: parcel.number });
  expect(answer.status).toBe(200);
  return parcel;
}

type HandoverBody = {
  intent: string;
  ok?: boolean;
  message?: string;
  found?: { number: string; buyerFirstName: string; pieces: number; amountDue: string | null }[];
  errors?: Record<string, string | undefined>;
};

function handover(form: Record<string, string>, cookie = operatorCookie) {
  const request = siteRequest("/operator/handover", { cookie, form });
  return answered<HandoverBody>(handoverAction({ request, params: {}, context: testContext }));
}

function handoverForm(parcel: Parcel, overrides: Record<string, string> = {}) {
  return {
    intent: "handover",
    number: parcel.number,
    code: parcel.code,
    clientId: randomUUID(),
    method: "CASH",
    amount: "Rp 300.000",
    ...overrides,
  };
}

async function paymentsOf(orderId: string) {
  return prisma.payment.findMany({
    where: { orderId },
    select: { provider: true, status: true, amountRupiah: true, receivedById: true },
  });
}

describe("arrivals and check-in", () => {
  it("lists the consignments on their way to my rest areas, and not another's", async () => {
    const mine = await placeParcel(here);
    const theirs = await placeParcel(elsewhere);
    const myConsignment = await dispatch(here, [mine]);
    const theirConsignment = await dispatch(elsewhere, [theirs]);
    const request = siteRequest("/operator/arrivals", { cookie: operatorCookie });
    const page = await arrivalsLoader({ request, params: {}, context: testContext });
    const listed = [...page.dueNow, ...page.upcoming].map((c) => c.number);
    expect(listed).toContain(myConsignment);
    expect(listed).not.toContain(theirConsignment);
  });

  it("checks parcels in one by one: each is ready and its buyer gets the code; the last completes the consignment", async () => {
    const first = await placeParcel(here);
    const second = await placeParcel(here);
    const consignment = await dispatch(here, [first, second]);

    const manifest = await manifestLoader({
      request: siteRequest(`/operator/arrivals/${consignment}`, { cookie: operatorCookie }),
      params: { number: consignment },
      context: testContext,
    });
    expect(manifest.consignment.orders.map((order) => order.number).sort()).toEqual(
      [first.number, second.number].sort(),
    );
    expect(manifest.consignment.orders.every((order) => !order.received)).toBe(true);

    const one = await checkIn(operatorCookie, consignment, {
      intent: "parcel",
      parcel: first.number,
    });
    expect(one.status).toBe(200);
    expect(one.body.message).toContain(first.number);
    expect(await statusOf(first.id)).toBe("READY_FOR_PICKUP");
    expect(await statusOf(second.id)).toBe("IN_TRANSIT");
    const ready = await prisma.notification.findFirstOrThrow({
      where: { orderId: first.id, template: "order.ready" },
    });
    const payload = ready.payload as Record<string, unknown>;
    expect(payload.pickupCode).toBe(first.code);
    expect(payload.restArea).toBe(here.name);
    expect(payload.amountDueRupiah).toBe(300_000);
    const pickupDay = payload.pickupDay as string;
    expect(payload.lastDay).toBe(addDaysToKey(pickupDay, 2));
    expect(payload.hours).toBe("08.00–20.00 WIB");
    expect(String(payload.url)).toContain(`/orders/${first.number}`);
    expect(
      (await prisma.consignment.findUniqueOrThrow({ where: { number: consignment } })).status,
    ).toBe("IN_TRANSIT");

    const rest = await checkIn(operatorCookie, consignment, { intent: "all" });
    expect(rest.status).toBe(200);
    expect(await statusOf(second.id)).toBe("READY_FOR_PICKUP");
    const done = await prisma.consignment.findUniqueOrThrow({ where: { number: consignment } });
    expect(done.status).toBe("CHECKED_IN");
    expect(done.checkedInById).toBe(operatorId);
    expect(done.checkedInAt).not.toBeNull();
  });

  it("refuses to check the same parcel or consignment in twice, and changes nothing", async () => {
    const first = await placeParcel(here);
    const second = await placeParcel(here);
    const consignment = await dispatch(here, [first, second]);
    await checkIn(operatorCookie, consignment, { intent: "parcel", parcel: first.number });
    const events = await eventsOf(first.id);
    const messages = await messagesOf(first.id);

    const again = await checkIn(operatorCookie, consignment, {
      intent: "parcel",
      parcel: first.number,
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe(
      `Paket ${first.number} sudah diterima sebelumnya. Tidak ada yang berubah.`,
    );
    expect(await eventsOf(first.id)).toEqual(events);
    expect(await messagesOf(first.id)).toEqual(messages);

    await checkIn(operatorCookie, consignment, { intent: "all" });
    const twice = await checkIn(operatorCookie, consignment, { intent: "all" });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toContain("sudah diterima seluruhnya");
    expect(await messagesOf(second.id)).toEqual(["order.placed", "order.ready"]);
  });

  it("does not show or take another rest area's consignment: 404 for the page and the form", async () => {
    const theirs = await placeParcel(elsewhere);
    const consignment = await dispatch(elsewhere, [theirs]);
    const loaded = await answered(
      manifestLoader({
        request: siteRequest(`/operator/arrivals/${consignment}`, { cookie: operatorCookie }),
        params: { number: consignment },
        context: testContext,
      }),
    );
    expect(loaded.status).toBe(404);
    const posted = await checkIn(operatorCookie, consignment, { intent: "all" });
    expect(posted.status).toBe(404);
    const bad = await checkIn(operatorCookie, consignment, { intent: "nonsense" });
    expect(bad.status).toBe(404);
    expect(await statusOf(theirs.id)).toBe("IN_TRANSIT");
  });
});

describe("handover", () => {
  it("finds a parcel by its code, records the cash payment and hands it over", async () => {
    const parcel = await readyParcel();
    const soldBefore = (
      await prisma.product.findUniqueOrThrow({ where: { id: parcel.piece.productId } })
    ).soldCount;
    const stockBefore = await stockOf(parcel.piece.variantId);

    const found = await handover({ intent: "find", query: parcel.code });
    expect(found.status).toBe(200);
    expect(found.body.found).toEqual([
      expect.objectContaining({
        number: parcel.number,
        buyerFirstName: "Sari",
        pieces: 2,
        amountDue: formatRupiah(300_000),
      }),
    ]);

    const done = await handover(handoverForm(parcel));
    expect(done.status).toBe(200);
    expect(done.body.message).toContain(`Paket ${parcel.number} diserahkan kepada Sari`);
    expect(done.body.message).toContain("tunai");
    expect(await statusOf(parcel.id)).toBe("PICKED_UP");
    expect(await paymentsOf(parcel.id)).toEqual([
      { provider: "CASH", status: "SUCCEEDED", amountRupiah: 300_000, receivedById: operatorId },
    ]);
    const holds = await prisma.stockHold.findMany({ where: { orderId: parcel.id } });
    expect(holds.map((hold) => hold.status)).toEqual(["SOLD"]);
    const product = await prisma.product.findUniqueOrThrow({
      where: { id: parcel.piece.productId },
    });
    expect(product.soldCount).toBe(soldBefore + 2);
    // Sold pieces were taken from stock when the order was placed; the handover takes none.
    expect(await stockOf(parcel.piece.variantId)).toBe(stockBefore);
    expect(await messagesOf(parcel.id)).toContain("order.picked_up");

    // Handed over: its code finds nothing to hand over any more, and says why.
    const afterwards = await handover({ intent: "find", query: parcel.code });
    expect(afterwards.status).toBe(409);
    expect(afterwards.body.errors?.query).toContain("sudah diserahkan");
  });

  it("finds a parcel by the QR on the buyer's order page and by its order number, and takes QRIS", async () => {
    const parcel = await readyParcel();
    const scanned = await handover({
      intent: "find",
      query: pickupQrText(parcel.number, parcel.code),
    });
    expect(scanned.body.found?.map((p) => p.number)).toEqual([parcel.number]);
    const typed = await handover({ intent: "find", query: parcel.number.toLowerCase() });
    expect(typed.body.found?.map((p) => p.number)).toEqual([parcel.number]);

    const done = await handover(handoverForm(parcel, { method: "QRIS", amount: "300000" }));
    expect(done.status).toBe(200);
    expect((await paymentsOf(parcel.id))[0]?.provider).toBe("QRIS");
  });

  it("refuses a payment that is not the order's total, or without its method, and changes nothing", async () => {
    const parcel = await readyParcel();
    const short = await handover(handoverForm(parcel, { amount: "250.000" }));
    expect(short.status).toBe(400);
    expect(short.body.errors?.amount).toBe(
      `Jumlah harus sama dengan total pesanan, ${formatRupiah(300_000)}. Kembalian tidak dicatat di sini.`,
    );
    const noMethod = await handover(handoverForm(parcel, { method: "" }));
    expect(noMethod.status).toBe(400);
    expect(noMethod.body.errors?.method).toContain("tunai atau QRIS");
    expect(await statusOf(parcel.id)).toBe("READY_FOR_PICKUP");
    expect(await paymentsOf(parcel.id)).toEqual([]);
  });

  it("hands a card-paid parcel over without taking any payment", async () => {
    const stripe: StripeSetup = await useFakeStripe();
    try {
      const piece = await makePiece(shop, { stock: 3, priceRupiah: 90_000 });
      const placed = await placeCardOrder(stripe.fake, {
        restArea: here,
        lines: [{ variantId: piece.variantId, quantity: 1 }],
      });
      await payByCard(stripe.fake, placed.sessionId);
      const consignment = await dispatch(here, [placed]);
      await checkIn(operatorCookie, consignment, { intent: "all" });
      const order = await prisma.order.findUniqueOrThrow({ where: { id: placed.id } });
      const done = await handover({
        intent: "handover",
        number: order.number,
        code: order.pickupCode,
        clientId: randomUUID(),
      });
      expect(done.status).toBe(200);
      expect(done.body.message).toContain("Sudah dibayar dengan kartu");
      expect(await statusOf(placed.id)).toBe("PICKED_UP");
      expect((await paymentsOf(placed.id)).map((payment) => payment.provider)).toEqual(["STRIPE"]);
    } finally {
      await stripe.restore();
    }
  });

  it("refuses a handover before check-in, and says so", async () => {
    const parcel = await placeParcel(here);
    await dispatch(here, [parcel]);
    const found = await handover({ intent: "find", query: parcel.code });
    expect(found.status).toBe(409);
    expect(found.body.errors?.query).toContain("masih dalam perjalanan");
    const attempt = await handover(handoverForm(parcel));
    expect(attempt.status).toBe(409);
    expect(attempt.body.errors?.form).toContain("masih dalam perjalanan");
    expect(await statusOf(parcel.id)).toBe("IN_TRANSIT");
    expect(await paymentsOf(parcel.id)).toEqual([]);
  });

  it("does not show or hand over another rest area's parcel: 404", async () => {
    const theirs = await readyParcel(elsewhere);
    const byNumber = await handover({ intent: "find", query: theirs.number });
    expect(byNumber.status).toBe(400);
    expect(byNumber.body.errors?.query).toContain("Tidak ada pesanan");
    const attempt = await handover(handoverForm(theirs));
    expect(attempt.status).toBe(404);
    const queued = await answered(
      queueAction({
        request: siteRequest("/operator/handover-queue", {
          cookie: operatorCookie,
          form: handoverForm(theirs),
        }),
        params: {},
        context: testContext,
      }),
    );
    expect(queued.status).toBe(404);
    expect(await statusOf(theirs.id)).toBe("READY_FOR_PICKUP");
    const page = await handoverLoader({
      request: siteRequest("/operator/handover", { cookie: operatorCookie }),
      params: {},
      context: testContext,
    });
    const listed = page.waiting.flatMap((group) => group.parcels.map((p) => p.number));
    expect(listed).not.toContain(theirs.number);
  });

  it("hands a parcel over exactly once when two phones try at the same moment", async () => {
    const parcel = await readyParcel();
    const answers = await Promise.all([
      handover(handoverForm(parcel)),
      handover(handoverForm(parcel, { method: "QRIS", amount: "300000" })),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const refused = answers.find((answer) => answer.status === 409)!;
    expect(refused.body.errors?.form).toBe(
      `Paket ${parcel.number} sudah diserahkan. Tidak ada yang berubah.`,
    );
    expect(await paymentsOf(parcel.id)).toHaveLength(1);
    expect((await eventsOf(parcel.id)).filter((e) => e.endsWith("→PICKED_UP"))).toHaveLength(1);
  });

  it("applies a handover sent twice by the offline queue once, and answers the replay with success", async () => {
    const parcel = await readyParcel();
    const form = handoverForm(parcel);
    const send = () =>
      answered<{ ok: boolean; outcome?: string; message: string }>(
        queueAction({
          request: siteRequest("/operator/handover-queue", { cookie: operatorCookie, form }),
          params: {},
          context: testContext,
        }),
      );
    const first = await send();
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ ok: true, outcome: "handed-over" });
    const replay = await send();
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ ok: true, outcome: "already-applied" });
    expect(replay.body.message).toContain("sudah tercatat sebelumnya");
    // Two tabs replaying at once: still once.
    const twins = await Promise.all([send(), send()]);
    expect(twins.map((answer) => answer.body.ok)).toEqual([true, true]);
    expect(await paymentsOf(parcel.id)).toHaveLength(1);
    expect((await eventsOf(parcel.id)).filter((e) => e.endsWith("→PICKED_UP"))).toHaveLength(1);
    expect((await messagesOf(parcel.id)).filter((m) => m === "order.picked_up")).toHaveLength(1);

    // The same parcel from another submission (another phone's queue): already handed over.
    const other = await answered<{ ok: boolean; message: string }>(
      queueAction({
        request: siteRequest("/operator/handover-queue", {
          cookie: operatorCookie,
          form: handoverForm(parcel),
        }),
        params: {},
        context: testContext,
      }),
    );
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ ok: false });
    expect(other.body.message).toContain("sudah diserahkan");
  });

  it("limits wrong codes per operator and says how many are left, then blocks", async () => {
    const restArea = await makeRestArea();
    const operator = await makeUser({ role: "OPERATOR", restAreaIds: [restArea.id] });
    const cookie = await sessionCookieFor(operator.id);
    const parcel = await placeParcel(restArea);
    const consignment = await dispatch(restArea, [parcel]);
    expect((await checkIn(cookie, consignment, { intent: "all" })).status).toBe(200);
    const wrong = parcel.code === "000000" ? "000001" : "000000";

    const first = await handover({ intent: "find", query: wrong }, cookie);
    expect(first.status).toBe(400);
    expect(first.body.errors?.query).toBe(
      `Kode ambil salah. Minta pembeli menunjukkan halaman pesanannya. Sisa ${WRONG_CODE_LIMIT - 1} percobaan.`,
    );
    for (let attempt = 2; attempt < WRONG_CODE_LIMIT; attempt += 1) {
      expect((await handover({ intent: "find", query: wrong }, cookie)).status).toBe(400);
    }
    // A wrong code in the handover form counts too: the last one allowed.
    const last = await handover(handoverForm(parcel, { code: wrong }), cookie);
    expect(last.status).toBe(429);
    expect(last.body.errors?.code).toContain("dikunci");

    // Blocked: even the right code waits, and nothing is handed over.
    const blocked = await handover({ intent: "find", query: parcel.code }, cookie);
    expect(blocked.status).toBe(429);
    expect(blocked.body.errors?.query).toMatch(
      /^Terlalu banyak kode salah. Coba lagi dalam \d+ menit/,
    );
    const refused = await handover(handoverForm(parcel), cookie);
    expect(refused.status).toBe(429);
    // The phone's offline queue is told the same, and when to send again.
    const queued = await answered<{ ok: boolean }>(
      queueAction({
        request: siteRequest("/operator/handover-queue", { cookie, form: handoverForm(parcel) }),
        params: {},
        context: testContext,
      }),
    );
    expect(queued.status).toBe(429);
    for (const answer of [last, blocked, refused, queued]) {
      expect(Number(answer.headers.get("Retry-After"))).toBeGreaterThan(0);
    }
    expect(await statusOf(parcel.id)).toBe("READY_FOR_PICKUP");

    // Another operator is not blocked by this one's mistakes.
    const mine = await readyParcel();
    expect((await handover({ intent: "find", query: mine.code })).status).toBe(200);
  });
});

describe("the wrong-code limit under a burst of codes", () => {
  /** An operator of their own with one parcel waiting: their budget is untouched. */
  async function freshCounter() {
    const restArea = await makeRestArea();
    const operator = await makeUser({ role: "OPERATOR", restAreaIds: [restArea.id] });
    const cookie = await sessionCookieFor(operator.id);
    const parcel = await placeParcel(restArea);
    const consignment = await dispatch(restArea, [parcel]);
    expect((await checkIn(cookie, consignment, { intent: "all" })).status).toBe(200);
    const wrongCodes = Array.from({ length: 60 }, (_, i) => String(100_000 + i * 7_919)).filter(
      (code) => code !== parcel.code,
    );
    return { cookie, parcel, wrongCodes };
  }

  /** Refused before any comparison: the lock's own answer, with when to come back. */
  function refusedUncompared(answer: { status: number; body: HandoverBody; headers: Headers }) {
    const message = answer.body.errors?.query ?? answer.body.errors?.form ?? "";
    return answer.status === 429 && message.startsWith("Terlalu banyak kode salah.");
  }

  it("compares at most the limit of codes searched at once, and the lock says when to come back", async () => {
    const { cookie, parcel, wrongCodes } = await freshCounter();
    const answers = await Promise.all([
      ...wrongCodes.map((code) => handover({ intent: "find", query: code }, cookie)),
      handover({ intent: "find", query: parcel.code }, cookie),
    ]);
    const compared = answers.filter((answer) => !refusedUncompared(answer));
    expect(compared.length).toBeLessThanOrEqual(WRONG_CODE_LIMIT);
    expect(answers.length - compared.length).toBeGreaterThanOrEqual(
      answers.length - WRONG_CODE_LIMIT,
    );
    for (const answer of answers.filter((a) => a.status === 429)) {
      expect(Number(answer.headers.get("Retry-After"))).toBeGreaterThan(0);
      expect(Number(answer.headers.get("Retry-After"))).toBeLessThanOrEqual(15 * 60);
    }
  });

  it("hands nothing over with a right code that arrives in a burst past the limit", async () => {
    const { cookie, parcel, wrongCodes } = await freshCounter();
    const right = handoverForm(parcel);
    const answers = await Promise.all([
      ...wrongCodes.map((code) => handover(handoverForm(parcel, { code }), cookie)),
      handover(right, cookie),
    ]);
    const compared = answers.filter((answer) => !refusedUncompared(answer));
    expect(compared.length).toBeLessThanOrEqual(WRONG_CODE_LIMIT);
    const rightAnswer = answers.at(-1)!;
    const handedOver = (await statusOf(parcel.id)) === "PICKED_UP";
    // Only a right code that was among the few compared may hand the parcel over.
    expect(handedOver).toBe(rightAnswer.body.ok === true);
    if (handedOver) expect(compared).toContain(rightAnswer);
    else expect(await paymentsOf(parcel.id)).toEqual([]);
    for (const answer of answers.filter((a) => a.status === 429)) {
      expect(Number(answer.headers.get("Retry-After"))).toBeGreaterThan(0);
    }
  });

  it("counts only wrong codes: a right one costs no attempt", async () => {
    const { cookie, parcel, wrongCodes } = await freshCounter();
    const left = async (code: string) =>
      (await handover({ intent: "find", query: code }, cookie)).body.errors?.query;
    expect(await left(wrongCodes[0]!)).toContain(`Sisa ${WRONG_CODE_LIMIT - 1} percobaan`);
    expect((await handover({ intent: "find", query: parcel.code }, cookie)).status).toBe(200);
    expect(
      (await handover({ intent: "find", query: pickupQrText(parcel.number, parcel.code) }, cookie))
        .status,
    ).toBe(200);
    expect(await left(wrongCodes[1]!)).toContain(`Sisa ${WRONG_CODE_LIMIT - 2} percobaan`);
  });
});

describe("uncollected parcels", () => {
  let setup: { past: Parcel; recent: Parcel };

  beforeAll(async () => {
    const past = await readyParcel(here, { quantity: 3 });
    const recent = await readyParcel();
    // The buyer never came: the pickup day was a week ago and the hold is three days.
    const weekAgo = addDaysToKey(wibDateKey(new Date()), -7);
    await prisma.order.update({
      where: { id: past.id },
      data: { pickupDate: new Date(`${weekAgo}T00:00:00.000Z`) },
    });
    setup = { past, recent };
  });

  it("lists the parcels past their hold at my rest areas, not those still waiting", async () => {
    const page = await uncollectedLoader({
      request: siteRequest("/operator/uncollected", { cookie: operatorCookie }),
      params: {},
      context: testContext,
    });
    const numbers = page.parcels.map((parcel) => parcel.number);
    expect(numbers).toContain(setup.past.number);
    expect(numbers).not.toContain(setup.recent.number);
    // The handover list no longer offers it.
    const handoverPage = await handoverLoader({
      request: siteRequest("/operator/handover", { cookie: operatorCookie }),
      params: {},
      context: testContext,
    });
    const waiting = handoverPage.waiting.flatMap((group) => group.parcels.map((p) => p.number));
    expect(waiting).not.toContain(setup.past.number);
    expect(waiting).toContain(setup.recent.number);
  });

  it("marks a parcel returned: UNCOLLECTED, its pieces back in stock, the buyer told", async () => {
    const { past } = setup;
    const stockBefore = await stockOf(past.piece.variantId);
    const mark = (number: string, cookie = operatorCookie) =>
      answered<{ ok: boolean; message: string }>(
        uncollectedAction({
          request: siteRequest("/operator/uncollected", {
            cookie,
            form: { intent: "return", number },
          }),
          params: {},
          context: testContext,
        }),
      );

    // Another operator cannot touch it.
    expect((await mark(past.number, otherOperatorCookie)).status).toBe(404);

    const done = await mark(past.number);
    expect(done.status).toBe(200);
    expect(await statusOf(past.id)).toBe("UNCOLLECTED");
    expect(await stockOf(past.piece.variantId)).toBe(stockBefore + 3);
    const holds = await prisma.stockHold.findMany({ where: { orderId: past.id } });
    expect(holds.map((hold) => hold.status)).toEqual(["RELEASED"]);
    const message = await prisma.notification.findFirstOrThrow({
      where: { orderId: past.id, template: "order.uncollected" },
    });
    expect(message.payload).toMatchObject({ number: past.number, paidByCard: false });

    const twice = await mark(past.number);
    expect(twice.status).toBe(409);
    expect(await stockOf(past.piece.variantId)).toBe(stockBefore + 3);

    // A parcel still within its hold is not returned.
    const early = await mark(setup.recent.number);
    expect(early.status).toBe(409);
    expect(early.body.message).toContain("masih dalam masa tunggu");
    expect(await statusOf(setup.recent.id)).toBe("READY_FOR_PICKUP");
  });
});

describe("what the operator reads on the phone", () => {
  it("shows the manifest, the found parcel with its payment, the waiting list and the uncollected list", async () => {
    const parcel = await placeParcel(here);
    const consignment = await dispatch(here, [parcel]);
    const get = (path: string) => siteRequest(path, { cookie: operatorCookie });

    const arrivals = textOf(
      await renderPage(ArrivalsPage as ComponentType, {
        url: "/operator/arrivals",
        loaderData: await arrivalsLoader({
          request: get("/operator/arrivals"),
          params: {},
          context: testContext,
        }),
      }),
    );
    expect(arrivals).toContain(`Terima paket ${consignment}`);
    expect(arrivals).toContain("0 dari 1 paket diterima");

    const manifest = textOf(
      await renderPage(ManifestPage as ComponentType, {
        url: `/operator/arrivals/${consignment}`,
        loaderData: await manifestLoader({
          request: get(`/operator/arrivals/${consignment}`),
          params: { number: consignment },
          context: testContext,
        }),
      }),
    );
    expect(manifest).toContain(`Konsinyasi ${consignment}`);
    expect(manifest).toContain("Sari (WA berakhiran 890)");
    expect(manifest).toContain(`Terima ${parcel.number}`);
    expect(manifest).toContain(`Bayar di loket: ${formatRupiah(300_000)}`.replace(/\u00a0/g, " "));

    await checkIn(operatorCookie, consignment, { intent: "all" });
    const found = await handover({ intent: "find", query: parcel.code });
    const handoverHtml = await renderPage(HandoverPage as ComponentType, {
      url: "/operator/handover",
      loaderData: await handoverLoader({
        request: get("/operator/handover"),
        params: {},
        context: testContext,
      }),
      actionData: found.body,
    });
    const handoverText = textOf(handoverHtml);
    expect(handoverText).toContain("Paket ditemukan");
    expect(handoverText).toContain("Sari");
    expect(handoverText).toContain("1 paket · 2 barang");
    expect(handoverText).toContain("Catat pembayaran dan serahkan");
    expect(handoverText).toContain(`Serahkan ${parcel.number}`);
    // The found card's form carries the code typed, and a client id for the offline queue.
    expect(handoverHtml).toContain(`value="${parcel.code}"`);
    expect(handoverHtml).toMatch(/name="clientId" value="[0-9a-f-]{36}"/);

    const uncollected = textOf(
      await renderPage(UncollectedPage as ComponentType, {
        url: "/operator/uncollected",
        loaderData: await uncollectedLoader({
          request: get("/operator/uncollected"),
          params: {},
          context: testContext,
        }),
      }),
    );
    expect(uncollected).toContain("Tidak diambil");
  });
});
