// The cooperative admin's orders: the list and its filters, one order with its history, and the
// admin's cancel and refund — on orders placed through the real checkout.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { addToCart, type CartOwner } from "~/cart/cart.server";
import { placeOrder, pickupChoicesAt } from "~/checkout/checkout.server";
import { prisma } from "~/db.server";
import { formatPhone } from "~/lib/phone";
import { newOrderAccessKey } from "~/orders/orders.server";
import * as orderRoute from "~/routes/admin.orders.$number";
import * as ordersRoute from "~/routes/admin.orders._index";
import { seedIfEmpty } from "../../prisma/seed/seed";
import { makeUser, sessionCookieFor, siteRequest, testContext } from "../setup/accounts";

type Outcome = { status: number; location: string | null; body: unknown };

/** What a loader or action answered: data (with its status), a redirect, or a thrown Response. */
async function outcome(run: Promise<unknown>): Promise<Outcome> {
  try {
    const result = await run;
    if (result instanceof Response) {
      return { status: result.status, location: result.headers.get("Location"), body: null };
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

type ListData = Awaited<ReturnType<typeof ordersRoute.loader>>;
type DetailData = Awaited<ReturnType<typeof orderRoute.loader>>;
type Refused = {
  ok: false;
  intent: string | null;
  values: Record<string, string>;
  errors: Record<string, string>;
};

function list(path: string, cookie: string | undefined): Promise<Outcome> {
  return outcome(
    ordersRoute.loader({
      request: siteRequest(path, { cookie }),
      params: {},
      context: testContext,
    }),
  );
}

async function listed(path: string): Promise<ListData> {
  const answer = await list(path, adminCookie);
  expect(answer.status).toBe(200);
  return answer.body as ListData;
}

function detail(number: string, cookie: string | undefined): Promise<Outcome> {
  return outcome(
    orderRoute.loader({
      request: siteRequest(`/admin/orders/${number}`, { cookie }),
      params: { number },
      context: testContext,
    } as LoaderFunctionArgs),
  );
}

async function shown(number: string): Promise<DetailData["order"]> {
  const answer = await detail(number, adminCookie);
  expect(answer.status).toBe(200);
  return (answer.body as DetailData).order;
}

function post(number: string, cookie: string | undefined, fields: Record<string, string>) {
  const request = new Request(new URL(`/admin/orders/${number}`, "http://localhost"), {
    method: "POST",
    headers: {
      "User-Agent": "admin-orders-test",
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: new URLSearchParams(fields),
  });
  return outcome(
    orderRoute.action({ request, params: { number }, context: testContext } as ActionFunctionArgs),
  );
}

let adminId: string;
let adminCookie: string;
let buyerId: string;
let buyerCookie: string;
let operatorCookie: string;
let restAreas: { id: string; slug: string; name: string }[];
let variant: { id: string; sku: string; leadTimeDays: number };
let carts = 0;

beforeAll(async () => {
  await seedIfEmpty(prisma);
  restAreas = await prisma.restArea.findMany({
    where: { active: true, pickupWindows: { some: { active: true } } },
    orderBy: { name: "asc" },
    take: 2,
    select: { id: true, slug: true, name: true },
  });
  const admin = await makeUser({ role: "ADMIN", name: "Admin Pesanan" });
  const buyer = await makeUser({ role: "BUYER", name: "Rina Pembeli" });
  const operator = await makeUser({ role: "OPERATOR", restAreaIds: [restAreas[0]!.id] });
  adminId = admin.id;
  buyerId = buyer.id;
  adminCookie = await sessionCookieFor(admin.id);
  buyerCookie = await sessionCookieFor(buyer.id);
  operatorCookie = await sessionCookieFor(operator.id);
  const row = await prisma.productVariant.findFirstOrThrow({
    where: { active: true, stock: { gte: 8 }, product: { status: "PUBLISHED" } },
    orderBy: { stock: "desc" },
    select: { id: true, sku: true, product: { select: { leadTimeDays: true } } },
  });
  variant = { id: row.id, sku: row.sku, leadTimeDays: row.product.leadTimeDays };
}, 180_000);

async function stockOf(variantId: string): Promise<number> {
  const row = await prisma.productVariant.findUniqueOrThrow({
    where: { id: variantId },
    select: { stock: true },
  });
  return row.stock;
}

/** An order placed as a buyer places it: a cart, a pickup day and window, pay at pickup. */
async function placeTestOrder(input: {
  name: string;
  phone: string;
  restArea?: { slug: string };
  /** Which of the open pickup days: 0 is the first. */
  dayIndex?: number;
  userId?: string;
}): Promise<{ id: string; number: string; dayKey: string }> {
  carts += 1;
  const owner: CartOwner = input.userId
    ? { userId: input.userId }
    : { visitorKey: `admin-orders-${carts}` };
  const added = await addToCart({ owner, variantId: variant.id, quantity: 1, locale: "id" });
  expect(added.ok).toBe(true);
  const restAreaSlug = (input.restArea ?? restAreas[0]!).slug;
  const pickup = await pickupChoicesAt({ restAreaSlug, leadTimeDays: variant.leadTimeDays });
  const day = pickup!.choices.days.filter((d) => d.status === "open")[input.dayIndex ?? 0]!;
  const placed = await placeOrder({
    owner,
    userId: input.userId ?? null,
    locale: "id",
    contact: { name: input.name, phone: input.phone, email: null },
    restAreaSlug,
    dayKey: day.dayKey,
    windowId: day.windows[0]!.windowId,
    paymentMethod: "PAY_AT_PICKUP",
    checkoutKey: newOrderAccessKey(),
  });
  if (!placed.ok) throw new Error(`Order refused: ${JSON.stringify(placed.problem)}`);
  return { id: placed.order.id, number: placed.order.number, dayKey: day.dayKey };
}

describe("the orders list", () => {
  let sari: { id: string; number: string; dayKey: string };
  let bambang: { id: string; number: string; dayKey: string };
  let citra: { id: string; number: string; dayKey: string };

  beforeAll(async () => {
    sari = await placeTestOrder({ name: "Sari Wulandari", phone: "+6281270001001" });
    bambang = await placeTestOrder({
      name: "Bambang Hartono",
      phone: "+6281370002002",
      dayIndex: 1,
    });
    citra = await placeTestOrder({
      name: "Citra Lestari",
      phone: "+6285270003003",
      restArea: restAreas[1]!,
    });
    const cancelled = await post(citra.number, adminCookie, {
      intent: "cancel",
      reason: "Pembeli minta dibatalkan lewat telepon",
    });
    expect(cancelled.status).toBe(302);
  });

  const numbers = (data: ListData) => data.orders.map((order) => order.number);

  it("shows every order, newest first, with the buyer's first name only", async () => {
    const data = await listed("/admin/orders");
    expect(numbers(data).slice(0, 3)).toEqual([citra.number, bambang.number, sari.number]);
    const row = data.orders.find((order) => order.number === sari.number)!;
    expect(row.buyer).toBe("Sari");
    expect(row.restArea).toBe(restAreas[0]!.name);
    expect(row.paymentMethod).toBe("PAY_AT_PICKUP");
    expect(row.pickupWindow).toMatch(/WIB$/);
  });

  it("counts the orders per status, as links that set the status filter", async () => {
    const data = await listed("/admin/orders");
    const counts = Object.fromEntries(data.counts.map((row) => [row.status, row.count]));
    expect(counts.CANCELLED).toBeGreaterThanOrEqual(1);
    expect(counts.AWAITING_PICKUP_PAYMENT).toBeGreaterThanOrEqual(2);
    expect(data.countAll).toBe(data.total);
  });

  it("narrows the list by status", async () => {
    const data = await listed("/admin/orders?status=CANCELLED");
    expect(numbers(data)).toContain(citra.number);
    expect(numbers(data)).not.toContain(sari.number);
    expect(data.orders.every((order) => order.status === "CANCELLED")).toBe(true);
  });

  it("narrows the list by rest area", async () => {
    const data = await listed(`/admin/orders?restArea=${restAreas[1]!.id}`);
    expect(numbers(data)).toContain(citra.number);
    expect(numbers(data)).not.toContain(sari.number);
    expect(numbers(data)).not.toContain(bambang.number);
  });

  it("narrows the list by pickup day", async () => {
    const data = await listed(`/admin/orders?day=${bambang.dayKey}&restArea=${restAreas[0]!.id}`);
    expect(numbers(data)).toEqual([bambang.number]);
  });

  it("finds an order by its number, the buyer's name or the digits of their phone", async () => {
    // "-7qx4": the random part, typed in lower case.
    const bySuffix = await listed(`/admin/orders?q=${bambang.number.slice(-5).toLowerCase()}`);
    expect(numbers(bySuffix)).toContain(bambang.number);
    expect(numbers(bySuffix)).not.toContain(sari.number);

    const byName = await listed("/admin/orders?q=wulandari");
    expect(numbers(byName)).toEqual([sari.number]);

    const byPhone = await listed(`/admin/orders?q=${encodeURIComponent("0813-7000-2002")}`);
    expect(numbers(byPhone)).toEqual([bambang.number]);

    const nobody = await listed("/admin/orders?q=tidak-ada-pembeli-ini");
    expect(nobody.orders).toEqual([]);
    expect(nobody.total).toBe(0);
  });

  it("ignores malformed filters instead of failing", async () => {
    const all = await listed("/admin/orders");
    const data = await listed(
      "/admin/orders?status=KING&restArea=..%2Fetc&day=2026-02-31&page=-4&q=" + "x".repeat(300),
    );
    expect(data.query).toMatchObject({ status: null, restAreaId: null, day: null, page: 1 });
    expect(data.query.q).toHaveLength(100);
    const unfiltered = await listed("/admin/orders?status=&restArea=nope&day=tomorrow&page=999");
    expect(unfiltered.total).toBe(all.total);
    expect(unfiltered.query.page).toBe(1);
    expect(numbers(unfiltered)).toEqual(numbers(all));
  });
});

describe("one order", () => {
  it("answers 404 for an unknown or malformed number", async () => {
    expect((await detail("KS-000101-ZZZZ", adminCookie)).status).toBe(404);
    expect((await detail("not-an-order", adminCookie)).status).toBe(404);
    expect((await post("KS-000101-ZZZZ", adminCookie, { intent: "cancel" })).status).toBe(404);
  });

  it("shows the buyer, the account, the items, the history and the messages sent", async () => {
    const order = await placeTestOrder({
      name: "Rina Pembeli",
      phone: "+6281270004004",
      userId: buyerId,
    });
    const view = await shown(order.number);
    expect(view.status).toBe("AWAITING_PICKUP_PAYMENT");
    expect(view.buyer).toMatchObject({
      name: "Rina Pembeli",
      phone: formatPhone("+6281270004004"),
    });
    expect(view.account).toEqual({ id: buyerId, name: "Rina Pembeli" });
    expect(view.items).toHaveLength(1);
    expect(view.items[0]).toMatchObject({ sku: variant.sku, quantity: 1 });
    expect(view.events).toEqual([
      expect.objectContaining({
        fromStatus: null,
        toStatus: "AWAITING_PICKUP_PAYMENT",
        actorKind: "buyer",
        reason: "placed",
      }),
    ]);
    expect(view.notifications.map((n) => n.template)).toContain("order.placed");
    expect(view.cancellable).toBe(true);
    expect(view.refundable).toBeNull();
  });
});

describe("the admin cancels an order", () => {
  it("refuses without a reason, and nothing changes", async () => {
    const order = await placeTestOrder({ name: "Dewi Anggraini", phone: "+6281270005005" });
    const stock = await stockOf(variant.id);
    const events = await prisma.orderEvent.count({ where: { orderId: order.id } });

    const blank = await post(order.number, adminCookie, { intent: "cancel", reason: "   " });
    expect(blank.status).toBe(400);
    expect((blank.body as Refused).errors.reason).toBe("Tulis alasannya.");
    expect((blank.body as Refused).intent).toBe("cancel");

    const short = await post(order.number, adminCookie, { intent: "cancel", reason: " ok " });
    expect(short.status).toBe(400);
    expect((short.body as Refused).errors.reason).toMatch(/terlalu pendek/);
    expect((short.body as Refused).values.reason).toBe(" ok ");

    const missing = await post(order.number, adminCookie, { intent: "cancel" });
    expect(missing.status).toBe(400);

    const row = await prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(row.status).toBe("AWAITING_PICKUP_PAYMENT");
    expect(await stockOf(variant.id)).toBe(stock);
    expect(await prisma.orderEvent.count({ where: { orderId: order.id } })).toBe(events);
    expect(
      await prisma.auditLog.count({ where: { entityType: "Order", entityId: order.id } }),
    ).toBe(0);
  });

  it("cancels with a reason: stock back, the event and the audit row name the admin", async () => {
    const order = await placeTestOrder({ name: "Eko Saputra", phone: "+6281270006006" });
    const stock = await stockOf(variant.id);
    const reason = "Perajin tidak bisa menyelesaikan tepat waktu";

    const answer = await post(order.number, adminCookie, { intent: "cancel", reason });
    expect(answer.status).toBe(302);
    expect(answer.location).toBe(`/admin/orders/${order.number}?done=cancelled`);

    expect(await stockOf(variant.id)).toBe(stock + 1);
    const event = await prisma.orderEvent.findFirstOrThrow({
      where: { orderId: order.id, toStatus: "CANCELLED" },
    });
    expect(event).toMatchObject({
      fromStatus: "AWAITING_PICKUP_PAYMENT",
      actorKind: "admin",
      actorUserId: adminId,
      reason,
    });
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { entityType: "Order", entityId: order.id },
    });
    expect(audit).toMatchObject({
      action: "admin.order_cancelled",
      actorUserId: adminId,
      ip: testContext.clientIp,
      userAgent: "admin-orders-test",
    });
    expect(audit.details).toMatchObject({ number: order.number, reason, refundRupiah: 0 });
    const told = await prisma.notification.findMany({
      where: { orderId: order.id, template: "order.cancelled" },
    });
    expect(told.length).toBeGreaterThan(0);

    const page = await outcome(
      orderRoute.loader({
        request: siteRequest(`/admin/orders/${order.number}?done=cancelled`, {
          cookie: adminCookie,
        }),
        params: { number: order.number },
        context: testContext,
      } as LoaderFunctionArgs),
    );
    const view = page.body as DetailData;
    expect(view.done).toBe("cancelled");
    expect(view.order.status).toBe("CANCELLED");
    expect(view.order.cancellable).toBe(false);
    expect(view.order.events.at(-1)).toMatchObject({
      fromStatus: "AWAITING_PICKUP_PAYMENT",
      toStatus: "CANCELLED",
      actorKind: "admin",
      actor: { id: adminId, name: "Admin Pesanan" },
      reason,
    });
  });

  it("answers 409 when the order can no longer be cancelled", async () => {
    const order = await placeTestOrder({ name: "Fajar Nugroho", phone: "+6281270007007" });
    const first = await post(order.number, adminCookie, {
      intent: "cancel",
      reason: "Stok rusak saat dikemas",
    });
    expect(first.status).toBe(302);
    const stock = await stockOf(variant.id);

    const again = await post(order.number, adminCookie, {
      intent: "cancel",
      reason: "Stok rusak saat dikemas",
    });
    expect(again.status).toBe(409);
    expect((again.body as Refused).errors.form).toMatch(/tidak bisa dibatalkan/);
    expect(await stockOf(variant.id)).toBe(stock);
    expect(
      await prisma.orderEvent.count({ where: { orderId: order.id, toStatus: "CANCELLED" } }),
    ).toBe(1);
    expect(
      await prisma.auditLog.count({ where: { entityType: "Order", entityId: order.id } }),
    ).toBe(1);
  });
});

describe("the admin refunds an order", () => {
  it("answers 409 for an order still under way, and for one without a card payment", async () => {
    const open = await placeTestOrder({ name: "Gita Permata", phone: "+6281270008008" });
    const underWay = await post(open.number, adminCookie, {
      intent: "refund",
      reason: "Pembeli mengembalikan barang",
    });
    expect(underWay.status).toBe(409);
    expect((underWay.body as Refused).errors.form).toMatch(/Batalkan pesanannya/);

    await post(open.number, adminCookie, { intent: "cancel", reason: "Dibatalkan pembeli" });
    const unpaid = await post(open.number, adminCookie, {
      intent: "refund",
      reason: "Pembeli mengembalikan barang",
    });
    expect(unpaid.status).toBe(409);
    expect((unpaid.body as Refused).errors.form).toMatch(/Tidak ada pembayaran kartu/);

    expect(await prisma.refund.count({ where: { payment: { orderId: open.id } } })).toBe(0);
    expect(
      await prisma.auditLog.count({
        where: { entityId: open.id, action: "admin.order_refunded" },
      }),
    ).toBe(0);
  });

  it("refunds a collected card order; the refund waits for Stripe and says so", async () => {
    const order = await placeTestOrder({ name: "Hendra Wijaya", phone: "+6281270009009" });
    // Stripe is not configured in the tests: the order is written as the payment webhook and
    // the operator's handover would have left it.
    const placed = await prisma.order.update({
      where: { id: order.id },
      data: { paymentMethod: "STRIPE_CARD", status: "PICKED_UP" },
    });
    await prisma.payment.create({
      data: {
        orderId: order.id,
        provider: "STRIPE",
        status: "SUCCEEDED",
        amountRupiah: placed.totalRupiah,
        stripeCheckoutSessionId: `cs_test_${order.id}`,
        stripePaymentIntentId: `pi_test_${order.id}`,
        paidAt: new Date(),
      },
    });
    const before = await shown(order.number);
    expect(before.cancellable).toBe(false);
    expect(before.refundable).not.toBeNull();

    const blank = await post(order.number, adminCookie, { intent: "refund", reason: "" });
    expect(blank.status).toBe(400);
    expect((blank.body as Refused).errors.reason).toBe("Tulis alasannya.");

    const reason = "Gelang penyok, pembeli mengembalikannya";
    const answer = await post(order.number, adminCookie, { intent: "refund", reason });
    expect(answer.status).toBe(302);
    expect(answer.location).toBe(`/admin/orders/${order.number}?done=refunded`);

    const refund = await prisma.refund.findFirstOrThrow({
      where: { payment: { orderId: order.id } },
    });
    expect(refund).toMatchObject({
      amountRupiah: placed.totalRupiah,
      status: "PENDING",
      reason,
      createdById: adminId,
    });
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { entityId: order.id, action: "admin.order_refunded" },
    });
    expect(audit.actorUserId).toBe(adminId);
    expect(audit.details).toMatchObject({ reason, refundRupiah: placed.totalRupiah });

    const after = await shown(order.number);
    expect(after.refunds).toEqual([
      expect.objectContaining({ amountRupiah: placed.totalRupiah, status: "PENDING", reason }),
    ]);
    // Nothing is left to refund while the first refund is on its way.
    expect(after.refundable).toBeNull();
    const twice = await post(order.number, adminCookie, { intent: "refund", reason });
    expect(twice.status).toBe(409);
    expect(await prisma.refund.count({ where: { payment: { orderId: order.id } } })).toBe(1);
  });
});

describe("who may open the orders", () => {
  it("turns away buyers and operators with 403, and sends anonymous visitors to sign in", async () => {
    const order = await placeTestOrder({ name: "Indah Sari", phone: "+6281270010010" });
    for (const cookie of [buyerCookie, operatorCookie]) {
      expect((await list("/admin/orders", cookie)).status).toBe(403);
      expect((await detail(order.number, cookie)).status).toBe(403);
      const cancel = await post(order.number, cookie, {
        intent: "cancel",
        reason: "Saya ingin membatalkan",
      });
      expect(cancel.status).toBe(403);
    }
    expect((await list("/admin/orders", undefined)).status).toBe(302);
    expect((await detail(order.number, undefined)).status).toBe(302);
    expect(
      (await post(order.number, undefined, { intent: "cancel", reason: "Tanpa akun" })).status,
    ).toBe(302);
    const row = await prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(row.status).toBe("AWAITING_PICKUP_PAYMENT");
  });
});
