import type { OperatorOwner } from "~/accounts/permissions.server";
import { prisma } from "~/db.server";
import type { OrderStatus } from "~/generated/prisma/enums";
import type { Locale } from "~/i18n/config";
import type { RestAreaPickupSummary } from "~/pickup/rest-areas.server";
import { counterOpenAt, handsOverToday, holdExpired, wibClock } from "./counter-days";

/** Today's handover times at a counter, with how many parcels are booked into each. */
export type CounterWindow = {
  startMinute: number;
  endMinute: number;
  capacity: number;
  booked: number;
  /** The window the counter is in right now. */
  current: boolean;
};

/** The parcels an operator deals with today at one rest area. */
export type CounterParcels = {
  /** Checked in, due today: waiting for their buyers. */
  readyToday: number;
  /** Checked in for another pickup day and still within its hold period. */
  readyOtherDays: number;
  /** Dispatched from the workshops, not yet checked in here. */
  arriving: number;
  /** Checked in, not collected, the hold period over: to be marked uncollected and returned. */
  pastHold: number;
};

export type OperatorRestArea = RestAreaPickupSummary & {
  id: string;
  holdDays: number;
  /** Whether the rest area takes new pickups; an inactive one still holds its parcels. */
  active: boolean;
  openNow: boolean;
  handsOverToday: boolean;
  windowsToday: CounterWindow[];
  parcels: CounterParcels;
};

// The statuses of parcels that are on their way to, or sitting at, a rest-area counter.
const AT_OR_TOWARDS_COUNTER: OrderStatus[] = ["IN_TRANSIT", "READY_FOR_PICKUP"];

/** A `@db.Date` column's value for a WIB calendar day: midnight UTC of that date. */
function dateColumn(dayKey: string): Date {
  return new Date(`${dayKey}T00:00:00.000Z`);
}

/**
 * The operator's rest areas as the counter sees them at `now`: open or not, today's windows
 * and today's parcels. Only the rest areas assigned to this operator are ever read.
 */
export async function operatorRestAreas(
  owner: OperatorOwner,
  { now, locale }: { now: Date; locale: Locale },
): Promise<OperatorRestArea[]> {
  const restAreaIds = [...owner.restAreaIds];
  if (restAreaIds.length === 0) return [];
  const clock = wibClock(now);
  const [rows, parcelGroups] = await Promise.all([
    prisma.restArea.findMany({
      where: { id: { in: restAreaIds } },
      select: {
        id: true,
        slug: true,
        name: true,
        kmLabel: true,
        km: true,
        region: true,
        segment: true,
        side: true,
        directionId: true,
        directionEn: true,
        openWeekdays: true,
        transitDays: true,
        opensAtMinute: true,
        closesAtMinute: true,
        holdDays: true,
        active: true,
        pickupWindows: {
          where: { active: true },
          orderBy: { startMinute: "asc" },
          select: {
            startMinute: true,
            endMinute: true,
            capacity: true,
            slots: { where: { date: dateColumn(clock.dayKey) }, select: { booked: true } },
          },
        },
      },
    }),
    prisma.order.groupBy({
      by: ["restAreaId", "status", "pickupDate"],
      where: { restAreaId: { in: restAreaIds }, status: { in: AT_OR_TOWARDS_COUNTER } },
      _count: { _all: true },
    }),
  ]);

  // Along the road: by segment, then by KM post, then A before B.
  const inRoadOrder = rows.sort(
    (a, b) =>
      a.segment.localeCompare(b.segment, "id") ||
      (a.km ?? 0) - (b.km ?? 0) ||
      a.name.localeCompare(b.name, "id", { numeric: true }),
  );
  return inRoadOrder.map((row) => {
    const handsOver = handsOverToday(row, now);
    const parcels: CounterParcels = { readyToday: 0, readyOtherDays: 0, arriving: 0, pastHold: 0 };
    for (const group of parcelGroups) {
      if (group.restAreaId !== row.id) continue;
      const count = group._count._all;
      if (group.status === "IN_TRANSIT") {
        parcels.arriving += count;
        continue;
      }
      const pickupDay = group.pickupDate.toISOString().slice(0, 10);
      if (pickupDay === clock.dayKey) parcels.readyToday += count;
      else if (holdExpired(pickupDay, row.holdDays, clock.dayKey)) parcels.pastHold += count;
      else parcels.readyOtherDays += count;
    }
    return {
      id: row.id,
      slug: row.slug,
      name: row.name,
      kmLabel: row.kmLabel,
      region: row.region,
      segment: row.segment,
      side: row.side,
      direction: locale === "en" ? row.directionEn : row.directionId,
      openWeekdays: row.openWeekdays,
      transitDays: row.transitDays,
      opensAtMinute: row.opensAtMinute,
      closesAtMinute: row.closesAtMinute,
      holdDays: row.holdDays,
      active: row.active,
      openNow: counterOpenAt(row, now),
      handsOverToday: handsOver,
      windowsToday: handsOver
        ? row.pickupWindows.map((window) => ({
            startMinute: window.startMinute,
            endMinute: window.endMinute,
            capacity: window.capacity,
            booked: window.slots[0]?.booked ?? 0,
            current: clock.minute >= window.startMinute && clock.minute < window.endMinute,
          }))
        : [],
      parcels,
    };
  });
}
