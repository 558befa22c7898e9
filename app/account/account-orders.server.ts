import type { AccountOwner } from "~/accounts/permissions.server";
import { prisma } from "~/db.server";
import type { OrderStatus } from "~/generated/prisma/client";

/** Enough for years of a buyer's orders on one page; the data download has every one. */
export const ACCOUNT_ORDERS_SHOWN = 50;

export type AccountOrder = {
  number: string;
  status: OrderStatus;
  placedAt: Date;
  restAreaName: string;
  /** The pickup day in WIB, YYYY-MM-DD. */
  pickupDayKey: string;
  pickupStartMinute: number;
  pickupEndMinute: number;
  totalRupiah: number;
};

/** The account's own orders, newest first. */
export async function listAccountOrders(
  owner: AccountOwner,
): Promise<{ orders: AccountOrder[]; total: number }> {
  const where = { userId: owner.userId };
  const [rows, total] = await Promise.all([
    prisma.order.findMany({
      where,
      orderBy: [{ placedAt: "desc" }, { number: "desc" }],
      take: ACCOUNT_ORDERS_SHOWN,
      select: {
        number: true,
        status: true,
        placedAt: true,
        pickupDate: true,
        pickupStartMinute: true,
        pickupEndMinute: true,
        totalRupiah: true,
        restArea: { select: { name: true } },
      },
    }),
    prisma.order.count({ where }),
  ]);
  return {
    total,
    orders: rows.map((row) => ({
      number: row.number,
      status: row.status,
      placedAt: row.placedAt,
      restAreaName: row.restArea.name,
      // A DATE column arrives as midnight UTC of that calendar day.
      pickupDayKey: row.pickupDate.toISOString().slice(0, 10),
      pickupStartMinute: row.pickupStartMinute,
      pickupEndMinute: row.pickupEndMinute,
      totalRupiah: row.totalRupiah,
    })),
  };
}
