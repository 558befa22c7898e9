import type { AppLoadContext } from "@remix-run/node";
import type { AccountOwner } from "~/accounts/permissions.server";
import { audit } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import type { OrderStatus, Prisma } from "~/generated/prisma/client";
import { FINISHED_ORDER_STATUSES } from "~/orders/order-status";
import { confirmPassword } from "./security.server";

/** What a deleted account's orders show as the buyer, in the cooperative's books. */
export const DELETED_BUYER_NAME = "Akun dihapus";

export type OpenOrder = { number: string; status: OrderStatus };

/**
 * Why this account cannot be deleted by its owner, or null. Staff accounts are named in payouts,
 * handovers and consignments, so the cooperative closes them; a buyer waits until every order is
 * finished, because the operator needs their name and number to hand the parcel over.
 */
export type DeletionBlocker = { kind: "staff" } | { kind: "open-orders"; orders: OpenOrder[] };

async function findBlocker(
  db: Prisma.TransactionClient,
  userId: string,
): Promise<DeletionBlocker | null> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true } });
  if (user.role !== "BUYER") return { kind: "staff" };
  const orders = await db.order.findMany({
    where: { userId, status: { notIn: [...FINISHED_ORDER_STATUSES] } },
    orderBy: { placedAt: "desc" },
    select: { number: true, status: true },
  });
  return orders.length > 0 ? { kind: "open-orders", orders } : null;
}

export function deletionBlocker(owner: AccountOwner): Promise<DeletionBlocker | null> {
  return findBlocker(prisma, owner.userId);
}

export type AccountDeletion =
  | { ok: true }
  | { ok: false; reason: "wrong-password" }
  | { ok: false; reason: "rate-limited"; waitSeconds: number }
  | { ok: false; reason: "blocked"; blocker: DeletionBlocker };

/**
 * Deletes the account and the personal data held with it (UU PDP art. 8). Orders stay for
 * the cooperative's bookkeeping, without the buyer's name or contact; sessions, links, the cart
 * and operator assignments go with the user row; messages sent to the person are deleted.
 */
export async function deleteAccount(
  owner: AccountOwner,
  password: string,
  request: Request,
  context: Pick<AppLoadContext, "clientIp">,
): Promise<AccountDeletion> {
  const userId = owner.userId;
  const checked = await confirmPassword(userId, password, context);
  if (!checked.ok) {
    return checked.waitSeconds === null
      ? { ok: false, reason: "wrong-password" }
      : { ok: false, reason: "rate-limited", waitSeconds: checked.waitSeconds };
  }
  return prisma.$transaction(async (tx): Promise<AccountDeletion> => {
    // Locks the account: an order being placed for it (its foreign key) or a role change waits
    // for this transaction, so the checks below cannot be overtaken.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
    const blocker = await findBlocker(tx, userId);
    if (blocker) return { ok: false, reason: "blocked", blocker };

    const orderIds = (await tx.order.findMany({ where: { userId }, select: { id: true } })).map(
      (order) => order.id,
    );
    const messages = await tx.notification.deleteMany({
      where: { OR: [{ userId }, { orderId: { in: orderIds } }] },
    });
    const anonymised = await tx.order.updateMany({
      where: { userId },
      data: { userId: null, buyerName: DELETED_BUYER_NAME, buyerPhone: "", buyerEmail: null },
    });
    // Not the person's id as actor: the row must outlive the user it would point to.
    await audit(tx, request, context, {
      actorUserId: null,
      action: "account.deleted",
      entityType: "User",
      entityId: userId,
      details: { ordersAnonymised: anonymised.count, messagesDeleted: messages.count },
    });
    await tx.user.delete({ where: { id: userId } });
    return { ok: true };
  });
}
