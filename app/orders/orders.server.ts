import { randomBytes, randomInt } from "node:crypto";
import { hashSecret } from "~/accounts/session.server";
import type { OrderStatus, Prisma } from "~/generated/prisma/client";
import { wibDateKey } from "~/lib/dates";
import {
  canMove,
  FINISHED_ORDER_STATUSES,
  OrderTransitionError,
  type OrderActor,
} from "./order-status";

/** No 0/O, 1/I: an order number is read aloud at a busy counter and typed on a phone. */
const NUMBER_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/** "KS-261128-7QX4": the day it was placed (WIB) and four random characters. */
export function newOrderNumber(now: Date): string {
  const day = wibDateKey(now).slice(2).replaceAll("-", "");
  let suffix = "";
  for (let i = 0; i < 4; i += 1) suffix += NUMBER_ALPHABET[randomInt(NUMBER_ALPHABET.length)];
  return `KS-${day}-${suffix}`;
}

export const ORDER_NUMBER = /^KS-\d{6}-[2-9A-HJ-NP-Z]{4}$/;

/** The secret in a guest's order link: 24 random bytes, URL-safe. Only its hash is stored. */
export function newOrderAccessKey(): string {
  return randomBytes(24).toString("base64url");
}

export const ORDER_ACCESS_KEY = /^[A-Za-z0-9_-]{32}$/;

export function orderAccessHash(key: string): string {
  return hashSecret(key);
}

/**
 * Six digits the buyer shows at the counter, unlike any other code waiting at the same rest
 * area, so a typed code finds exactly one parcel there.
 */
export async function newPickupCode(
  tx: Prisma.TransactionClient,
  restAreaId: string,
): Promise<string> {
  for (;;) {
    const code = String(randomInt(1_000_000)).padStart(6, "0");
    const clash = await tx.order.findFirst({
      where: {
        restAreaId,
        pickupCode: code,
        status: { notIn: [...FINISHED_ORDER_STATUSES] },
      },
      select: { id: true },
    });
    if (!clash) return code;
  }
}

export type OrderMove = {
  orderId: string;
  to: OrderStatus;
  actor: OrderActor;
  actorUserId?: string | null;
  reason?: string | null;
};

/**
 * Moves an order to another status, checked against the state machine and recorded as an order
 * event, under a lock on the order's row so that two moves never interleave. Returns the status
 * it came from; throws OrderTransitionError when the move is not allowed.
 */
export async function moveOrder(
  tx: Prisma.TransactionClient,
  move: OrderMove,
): Promise<OrderStatus> {
  const from = await lockOrderStatus(tx, move.orderId);
  if (!canMove(from, move.to, move.actor))
    throw new OrderTransitionError(from, move.to, move.actor);
  await tx.order.update({ where: { id: move.orderId }, data: { status: move.to } });
  await tx.orderEvent.create({
    data: {
      orderId: move.orderId,
      fromStatus: from,
      toStatus: move.to,
      actorKind: move.actor,
      actorUserId: move.actorUserId ?? null,
      reason: move.reason ?? null,
    },
  });
  return from;
}

/** Locks the order's row for the rest of the transaction and reads its status. */
export async function lockOrderStatus(
  tx: Prisma.TransactionClient,
  orderId: string,
): Promise<OrderStatus> {
  const rows = await tx.$queryRaw<{ status: OrderStatus }[]>`
    SELECT status FROM "Order" WHERE id = ${orderId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new Error(`No order ${orderId}`);
  return row.status;
}

/**
 * Gives back what an order held: its pieces return to stock and, while the pickup day is still
 * ahead, its place in the pickup window is freed. Releasing twice does nothing the second time.
 */
export async function releaseOrder(
  tx: Prisma.TransactionClient,
  order: { id: string; pickupWindowId: string; pickupDate: Date },
  options: { freeWindow: boolean },
): Promise<void> {
  const holds = await tx.stockHold.findMany({
    where: { orderId: order.id, status: "HELD" },
    orderBy: { variantId: "asc" },
    select: { id: true, variantId: true, quantity: true },
  });
  for (const hold of holds) {
    await tx.productVariant.update({
      where: { id: hold.variantId },
      data: { stock: { increment: hold.quantity } },
    });
    await tx.stockHold.update({
      where: { id: hold.id },
      data: { status: "RELEASED", releasedAt: new Date() },
    });
  }
  if (options.freeWindow && holds.length > 0) {
    await tx.pickupSlot.updateMany({
      where: { windowId: order.pickupWindowId, date: order.pickupDate, booked: { gt: 0 } },
      data: { booked: { decrement: 1 } },
    });
  }
}
