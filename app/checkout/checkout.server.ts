import { prisma } from "~/db.server";
import type { PaymentMethod, Prisma } from "~/generated/prisma/client";
import type { Locale } from "~/i18n/config";
import type { CartOwner } from "~/cart/cart.server";
import { isUniqueViolation } from "~/db/errors.server";
import { appConfig } from "~/config.server";
import { logError } from "~/lib/log.server";
import { lineTotal } from "~/lib/money";
import { notifyBuyer } from "~/orders/buyer-messages.server";
import { formatTimeWindow } from "~/lib/dates";
import { newOrderNumber, newPickupCode, orderAccessHash } from "~/orders/orders.server";
import { isOffered, pickupChoices, slotKey, type PickupChoices } from "./pickup-choice";

/** What the slowest piece in the cart needs before it can travel, and which piece that is. */
export type CartLeadTime = { leadTimeDays: number; slowestTitle: string | null };

type CartLineForOrder = {
  variantId: string;
  quantity: number;
  variant: {
    id: string;
    sku: string;
    labelId: string;
    labelEn: string | null;
    priceRupiah: number;
    active: boolean;
    product: {
      id: string;
      artisanId: string;
      status: string;
      titleId: string;
      titleEn: string | null;
      leadTimeDays: number;
    };
  };
};

const cartLineSelect = {
  variantId: true,
  quantity: true,
  variant: {
    select: {
      id: true,
      sku: true,
      labelId: true,
      labelEn: true,
      priceRupiah: true,
      active: true,
      product: {
        select: {
          id: true,
          artisanId: true,
          status: true,
          titleId: true,
          titleEn: true,
          leadTimeDays: true,
        },
      },
    },
  },
} as const satisfies Prisma.CartItemSelect;

function title(product: { titleId: string; titleEn: string | null }, locale: Locale): string {
  return (locale === "en" && product.titleEn) || product.titleId;
}

function slowest(lines: readonly CartLineForOrder[], locale: Locale): CartLeadTime {
  let result: CartLeadTime = { leadTimeDays: 0, slowestTitle: null };
  for (const line of lines) {
    if (line.variant.product.leadTimeDays > result.leadTimeDays) {
      result = {
        leadTimeDays: line.variant.product.leadTimeDays,
        slowestTitle: title(line.variant.product, locale),
      };
    }
  }
  return result;
}

export async function cartLeadTime(owner: CartOwner | null, locale: Locale): Promise<CartLeadTime> {
  if (!owner) return { leadTimeDays: 0, slowestTitle: null };
  const lines = await prisma.cartItem.findMany({ where: { cart: owner }, select: cartLineSelect });
  return slowest(lines, locale);
}

const restAreaForPickupSelect = {
  id: true,
  slug: true,
  name: true,
  openWeekdays: true,
  transitDays: true,
  pickupWindows: {
    where: { active: true },
    select: { id: true, startMinute: true, endMinute: true, capacity: true },
  },
} as const satisfies Prisma.RestAreaSelect;

type RestAreaForPickup = Prisma.RestAreaGetPayload<{ select: typeof restAreaForPickupSelect }>;

async function choicesFor(
  db: Prisma.TransactionClient,
  restArea: RestAreaForPickup,
  leadTimeDays: number,
  now: Date,
): Promise<PickupChoices> {
  const empty = pickupChoices({
    now,
    leadTimeDays,
    restArea,
    windows: restArea.pickupWindows,
    booked: new Map(),
  });
  const first = empty.days[0]?.dayKey;
  const last = empty.days.at(-1)?.dayKey;
  if (!first || !last) return empty;
  const slots = await db.pickupSlot.findMany({
    where: {
      windowId: { in: restArea.pickupWindows.map((window) => window.id) },
      date: { gte: new Date(`${first}T00:00:00Z`), lte: new Date(`${last}T00:00:00Z`) },
    },
    select: { windowId: true, date: true, booked: true },
  });
  const booked = new Map(
    slots.map((slot) => [
      slotKey(slot.windowId, slot.date.toISOString().slice(0, 10)),
      slot.booked,
    ]),
  );
  return pickupChoices({ now, leadTimeDays, restArea, windows: restArea.pickupWindows, booked });
}

/** The days and windows on offer at an active rest area for a cart's slowest piece. */
export async function pickupChoicesAt(input: {
  restAreaSlug: string;
  leadTimeDays: number;
  now?: Date;
}): Promise<{
  restArea: { id: string; slug: string; name: string };
  choices: PickupChoices;
} | null> {
  const restArea = await prisma.restArea.findFirst({
    where: { slug: input.restAreaSlug, active: true },
    select: restAreaForPickupSelect,
  });
  if (!restArea) return null;
  const choices = await choicesFor(prisma, restArea, input.leadTimeDays, input.now ?? new Date());
  return { restArea: { id: restArea.id, slug: restArea.slug, name: restArea.name }, choices };
}

export type OrderRequest = {
  owner: CartOwner;
  userId: string | null;
  locale: Locale;
  contact: { name: string; phone: string; email: string | null };
  restAreaSlug: string;
  dayKey: string;
  windowId: string;
  paymentMethod: PaymentMethod;
  /** The random key the checkout page was rendered with; it becomes the order link's secret. */
  checkoutKey: string;
  now?: Date;
};

/** A line that could not be reserved as the buyer asked, and what is left of it. */
export type ShortLine = { title: string; wanted: number; available: number };

export type CheckoutProblem =
  | { code: "empty-cart" }
  | { code: "unavailable"; titles: string[] }
  | { code: "short-stock"; lines: ShortLine[] }
  | { code: "rest-area-unavailable" }
  | { code: "day-unavailable" }
  | { code: "window-full" }
  | { code: "card-unavailable" };

export type PlacedOrder = { id: string; number: string; paymentMethod: PaymentMethod };

export type PlaceOrderResult =
  | { ok: true; order: PlacedOrder; alreadyPlaced: boolean }
  | { ok: false; problem: CheckoutProblem };

/** Thrown inside the transaction to roll it back, carrying the reason to the buyer. */
class CheckoutRefused extends Error {
  constructor(readonly problem: CheckoutProblem) {
    super(problem.code);
  }
}

// An order reserves each piece and a place in its window one after another under row locks;
// a large cart on the embedded database needs more than Prisma's five seconds when busy.
const orderTransaction = { maxWait: 20_000, timeout: 30_000 } as const;

/**
 * Places an order from the buyer's cart: every price and lead time read again from the database,
 * the stock of every piece and one place in the chosen pickup window reserved, the order with
 * its snapshot lines, holds, first event and "order placed" message written, and the cart
 * emptied — all in one transaction, so either all of it happens or none.
 *
 * The same checkout page submitted twice gives the same order back (`alreadyPlaced`).
 */
export async function placeOrder(request: OrderRequest): Promise<PlaceOrderResult> {
  const now = request.now ?? new Date();
  if (request.paymentMethod === "STRIPE_CARD" && !appConfig().stripe) {
    return { ok: false, problem: { code: "card-unavailable" } };
  }
  const accessTokenHash = orderAccessHash(request.checkoutKey);
  for (let attempt = 1; ; attempt += 1) {
    try {
      const earlier = await prisma.order.findUnique({
        where: { accessTokenHash },
        select: { id: true, number: true, paymentMethod: true, userId: true },
      });
      if (earlier) {
        // A key seen before belongs to whoever placed that order, never to someone else.
        if (earlier.userId !== request.userId)
          return { ok: false, problem: { code: "empty-cart" } };
        return { ok: true, order: earlier, alreadyPlaced: true };
      }
      await refuseWhatIsAlreadyGone(request);
      const order = await prisma.$transaction(
        (tx) => createOrder(tx, request, accessTokenHash, now),
        orderTransaction,
      );
      return { ok: true, order, alreadyPlaced: false };
    } catch (error) {
      if (error instanceof CheckoutRefused) {
        // The same page submitted twice at once: the second waited for the first, which placed
        // the order and emptied the cart. It leads to that order too.
        if (error.problem.code === "empty-cart") {
          const placed = await prisma.order.findUnique({
            where: { accessTokenHash },
            select: { id: true, number: true, paymentMethod: true, userId: true },
          });
          if (placed && placed.userId === request.userId) {
            return { ok: true, order: placed, alreadyPlaced: true };
          }
        }
        if (error.problem.code === "short-stock" || error.problem.code === "unavailable") {
          await fitCartToStock(request.owner);
        }
        return { ok: false, problem: error.problem };
      }
      // Two orders drew the same number, or one checkout page was submitted twice at once:
      // the next attempt draws again, or finds the order the other submission placed.
      if (isUniqueViolation(error) && attempt < 3) continue;
      throw error;
    }
  }
}

async function lockCartLines(
  tx: Prisma.TransactionClient,
  owner: CartOwner,
): Promise<{ cartId: string; lines: CartLineForOrder[] } | null> {
  const cart = await tx.cart.findUnique({ where: owner, select: { id: true } });
  if (!cart) return null;
  await tx.$queryRaw`SELECT id FROM "Cart" WHERE id = ${cart.id} FOR UPDATE`;
  const lines = await tx.cartItem.findMany({
    where: { cartId: cart.id },
    orderBy: { variantId: "asc" },
    select: cartLineSelect,
  });
  return { cartId: cart.id, lines };
}

async function createOrder(
  tx: Prisma.TransactionClient,
  request: OrderRequest,
  accessTokenHash: string,
  now: Date,
): Promise<PlacedOrder> {
  const cart = await lockCartLines(tx, request.owner);
  if (!cart || cart.lines.length === 0) throw new CheckoutRefused({ code: "empty-cart" });
  const { lines } = cart;

  const unavailable = lines.filter(
    (line) => !line.variant.active || line.variant.product.status !== "PUBLISHED",
  );
  if (unavailable.length > 0) {
    throw new CheckoutRefused({
      code: "unavailable",
      titles: unavailable.map((line) => title(line.variant.product, request.locale)),
    });
  }

  const restArea = await tx.restArea.findFirst({
    where: { slug: request.restAreaSlug, active: true },
    select: restAreaForPickupSelect,
  });
  if (!restArea) throw new CheckoutRefused({ code: "rest-area-unavailable" });
  const { leadTimeDays } = slowest(lines, request.locale);
  const choices = await choicesFor(tx, restArea, leadTimeDays, now);
  if (!isOffered(choices, request.dayKey, request.windowId)) {
    const day = choices.days.find((candidate) => candidate.dayKey === request.dayKey);
    const windowExists = restArea.pickupWindows.some((window) => window.id === request.windowId);
    throw new CheckoutRefused({
      code:
        day?.status === "full" || (day?.status === "open" && windowExists)
          ? "window-full"
          : "day-unavailable",
    });
  }
  const window = restArea.pickupWindows.find((candidate) => candidate.id === request.windowId);
  if (!window) throw new CheckoutRefused({ code: "day-unavailable" });

  // Stock: a conditional decrement per piece, in variant order so concurrent orders lock rows in
  // the same order. A row that no longer has enough is reported, never driven below zero.
  const short: ShortLine[] = [];
  for (const line of lines) {
    const reserved = await tx.productVariant.updateMany({
      where: { id: line.variantId, stock: { gte: line.quantity } },
      data: { stock: { decrement: line.quantity } },
    });
    if (reserved.count === 0) {
      const variant = await tx.productVariant.findUniqueOrThrow({
        where: { id: line.variantId },
        select: { stock: true },
      });
      short.push({
        title: title(line.variant.product, request.locale),
        wanted: line.quantity,
        available: Math.max(variant.stock, 0),
      });
    }
  }
  if (short.length > 0) throw new CheckoutRefused({ code: "short-stock", lines: short });

  // Capacity: one place in the window on that day, taken only while one is left.
  const pickupDate = new Date(`${request.dayKey}T00:00:00Z`);
  await tx.pickupSlot.upsert({
    where: { windowId_date: { windowId: window.id, date: pickupDate } },
    create: { windowId: window.id, date: pickupDate, booked: 0 },
    update: {},
  });
  const booked = await tx.pickupSlot.updateMany({
    where: { windowId: window.id, date: pickupDate, booked: { lt: window.capacity } },
    data: { booked: { increment: 1 } },
  });
  if (booked.count === 0) throw new CheckoutRefused({ code: "window-full" });

  const subtotalRupiah = lines.reduce(
    (sum, line) => sum + lineTotal(line.variant.priceRupiah, line.quantity),
    0,
  );
  const card = request.paymentMethod === "STRIPE_CARD";
  const status = card ? "PENDING_PAYMENT" : "AWAITING_PICKUP_PAYMENT";
  const paymentDueAt = card ? new Date(now.getTime() + appConfig().PAYMENT_MINUTES * 60_000) : null;
  const pickupCode = await newPickupCode(tx, restArea.id);
  const order = await tx.order.create({
    data: {
      number: newOrderNumber(now),
      status,
      userId: request.userId,
      buyerName: request.contact.name,
      buyerPhone: request.contact.phone,
      buyerEmail: request.contact.email,
      locale: request.locale,
      accessTokenHash,
      pickupCode,
      restAreaId: restArea.id,
      pickupWindowId: window.id,
      pickupDate,
      pickupStartMinute: window.startMinute,
      pickupEndMinute: window.endMinute,
      paymentMethod: request.paymentMethod,
      subtotalRupiah,
      totalRupiah: subtotalRupiah,
      paymentDueAt,
      placedAt: now,
      items: {
        create: lines.map((line) => ({
          variantId: line.variantId,
          productId: line.variant.product.id,
          artisanId: line.variant.product.artisanId,
          titleId: line.variant.product.titleId,
          titleEn: line.variant.product.titleEn,
          variantLabelId: line.variant.labelId,
          variantLabelEn: line.variant.labelEn,
          sku: line.variant.sku,
          unitPriceRupiah: line.variant.priceRupiah,
          quantity: line.quantity,
          lineTotalRupiah: lineTotal(line.variant.priceRupiah, line.quantity),
          leadTimeDays: line.variant.product.leadTimeDays,
        })),
      },
      stockHolds: {
        create: lines.map((line) => ({ variantId: line.variantId, quantity: line.quantity })),
      },
      events: {
        create: {
          fromStatus: null,
          toStatus: status,
          actorKind: "buyer",
          actorUserId: request.userId,
          reason: "placed",
        },
      },
    },
    select: { id: true, number: true, paymentMethod: true },
  });
  await tx.cartItem.deleteMany({ where: { cartId: cart.cartId } });

  await notifyBuyer(
    tx,
    {
      id: order.id,
      number: order.number,
      userId: request.userId,
      buyerName: request.contact.name,
      buyerPhone: request.contact.phone,
      buyerEmail: request.contact.email,
      locale: request.locale,
    },
    "order.placed",
    "placed",
    {
      name: request.contact.name,
      number: order.number,
      url: orderUrl(order.number, request.checkoutKey),
      restArea: restArea.name,
      pickupDay: request.dayKey,
      window: formatTimeWindow(window.startMinute, window.endMinute, request.locale),
      totalRupiah: subtotalRupiah,
      paymentMethod: request.paymentMethod,
      pickupCode,
      paymentDueAt: paymentDueAt?.toISOString() ?? null,
    },
  );
  return order;
}

/** The order page's address with its secret, as sent to the buyer (works without signing in). */
export function orderUrl(number: string, accessKey: string): string {
  return `${appConfig().publicUrl}/orders/${number}?key=${accessKey}`;
}

/**
 * After stock ran short at checkout, the cart is brought in line with what is left: lines cut to
 * the stock, sold-out and withdrawn lines removed, so the buyer sees what they can still order.
 */
/**
 * When a piece sells out, every buyer still queued for it would otherwise wait for the locks of
 * the order transaction only to be refused there. A plain read first turns them away at once;
 * the transaction still decides for everyone who gets past it.
 */
async function refuseWhatIsAlreadyGone(request: OrderRequest): Promise<void> {
  const lines = await prisma.cartItem.findMany({
    where: { cart: request.owner },
    select: {
      quantity: true,
      variant: {
        select: { stock: true, product: { select: { titleId: true, titleEn: true } } },
      },
    },
  });
  const short = lines
    .filter((line) => line.variant.stock < line.quantity)
    .map((line) => ({
      title: title(line.variant.product, request.locale),
      wanted: line.quantity,
      available: Math.max(line.variant.stock, 0),
    }));
  if (short.length > 0) throw new CheckoutRefused({ code: "short-stock", lines: short });
}

/**
 * Tidying the cart after a refusal is a courtesy: when the database is too busy for it, the
 * buyer still gets the refusal, and the cart page shows what is short.
 */
async function fitCartToStock(owner: CartOwner): Promise<void> {
  try {
    await trimCart(owner);
  } catch (error) {
    logError(error, { message: "Could not fit the cart to the stock left" });
  }
}

async function trimCart(owner: CartOwner): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const cart = await lockCartLines(tx, owner);
    if (!cart) return;
    for (const line of cart.lines) {
      const variant = await tx.productVariant.findUniqueOrThrow({
        where: { id: line.variantId },
        select: { stock: true, active: true, product: { select: { status: true } } },
      });
      const buyable = variant.active && variant.product.status === "PUBLISHED";
      if (!buyable || variant.stock <= 0) {
        await tx.cartItem.deleteMany({ where: { cartId: cart.cartId, variantId: line.variantId } });
      } else if (line.quantity > variant.stock) {
        await tx.cartItem.updateMany({
          where: { cartId: cart.cartId, variantId: line.variantId },
          data: { quantity: variant.stock },
        });
      }
    }
  }, orderTransaction);
}
