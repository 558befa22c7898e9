// The demo orders a fresh `npm start` adds to the catalogue: each workspace has something real to
// show, and the numbers they show agree with each other (stock, holds, sales, payments).
import { beforeAll, describe, expect, it } from "vitest";
import { requireArtisan, requireOperator } from "~/accounts/permissions.server";
import { prisma } from "~/db.server";
import { wibDateKey } from "~/lib/dates";
import { uncollectedParcels } from "~/operator/counter.server";
import { ordersToPrepare } from "~/studio/packing.server";
import { monthKey, shiftMonthKey } from "~/studio/payouts";
import { salesByMonth } from "~/studio/statements.server";
import { seedIfEmpty } from "../../prisma/seed/seed";
import { sessionCookieFor, siteRequest } from "../setup/accounts";

const now = new Date();

/** A demo account as the permission module hands it to the pages: signed in, with its role. */
async function signedIn(email: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { email } });
  return siteRequest("/", { cookie: await sessionCookieFor(user.id) });
}

describe("the demo orders", () => {
  beforeAll(async () => {
    expect(await seedIfEmpty(prisma, { demoOrders: true })).toBe(true);
  }, 180_000);

  it("gives the KM 56 operator a parcel past its hold days to mark returned", async () => {
    const operator = await requireOperator(await signedIn("operator.km56@karyasungging.test"));
    const parcels = await uncollectedParcels(operator, now);
    expect(parcels).toHaveLength(1);
    expect(parcels[0]).toMatchObject({ buyerFirstName: "Dewi", status: "READY_FOR_PICKUP" });
    expect(parcels[0]!.lastDay < wibDateKey(now)).toBe(true);
    // The other operator's counters have none of it.
    const other = await requireOperator(await signedIn("operator.km87@karyasungging.test"));
    expect(await uncollectedParcels(other, now)).toEqual([]);
  });

  it("gives Rosmawati an order to pack and last month's sale on her statement", async () => {
    const artisan = await requireArtisan(await signedIn("rosmawati-saleh@karyasungging.test"));
    const groups = await ordersToPrepare(artisan, { now, locale: "id" });
    expect(groups.flatMap((group) => group.orders.map((order) => order.piecesToPack))).toEqual([1]);

    const lastMonth = shiftMonthKey(monthKey(now), -1);
    const months = await salesByMonth(artisan, { now, months: 2 });
    const sold = months.find((month) => month.month === lastMonth);
    const ring = await prisma.productVariant.findFirstOrThrow({
      where: { product: { slug: "bunga-tanjung-filigree-ring" } },
      orderBy: { position: "asc" },
    });
    expect(sold).toMatchObject({ itemsSold: 1, grossRupiah: ring.priceRupiah });
    expect(sold!.netRupiah + sold!.feeRupiah).toBe(ring.priceRupiah);
  });

  it("keeps stock, holds and payments consistent: what was taken is held or sold, once", async () => {
    const orders = await prisma.order.findMany({
      include: { stockHolds: true, payments: true, items: true, events: true },
    });
    expect(orders.map((order) => order.status).sort()).toEqual([
      "AWAITING_PICKUP_PAYMENT",
      "PICKED_UP",
      "READY_FOR_PICKUP",
    ]);
    for (const order of orders) {
      const collected = order.status === "PICKED_UP";
      expect(order.stockHolds.map((hold) => hold.status)).toEqual([collected ? "SOLD" : "HELD"]);
      expect(order.payments.map((payment) => payment.amountRupiah)).toEqual(
        collected ? [order.totalRupiah] : [],
      );
      expect(order.items.reduce((sum, item) => sum + item.lineTotalRupiah, 0)).toBe(
        order.totalRupiah,
      );
      // Its history ends where it is.
      const last = [...order.events].sort((a, b) => +a.createdAt - +b.createdAt).at(-1);
      expect(last?.toStatus).toBe(order.status);
    }
    const ring = await prisma.product.findUniqueOrThrow({
      where: { slug: "bunga-tanjung-filigree-ring" },
    });
    expect(ring.soldCount).toBeGreaterThanOrEqual(1);
  });
});
