import { prisma } from "~/db.server";
import { Prisma, type Region, type RoadSide } from "~/generated/prisma/client";
import type { Locale } from "~/i18n/config";
import { wibDateKey } from "~/lib/dates";
import { recordAdminAction, type AdminCall } from "./admin-call.server";
import type { PickupWindowForm, RestAreaForm } from "./forms";

/**
 * Rest areas as the admin runs them: opening hours and days, how long parcels wait, transit
 * time, and the pickup windows with their capacity. Windows already booked for coming days keep
 * their promise: their times do not move and their capacity does not drop below the bookings.
 */

type RestAreaBasics = {
  id: string;
  slug: string;
  name: string;
  kmLabel: string;
  segment: string;
  side: RoadSide | null;
  direction: string;
  active: boolean;
  opensAtMinute: number;
  closesAtMinute: number;
  openWeekdays: number[];
  holdDays: number;
  transitDays: number;
};

export type AdminRestAreaRow = RestAreaBasics & { activeWindows: number; operatorCount: number };

const basicsSelect = {
  id: true,
  slug: true,
  name: true,
  kmLabel: true,
  segment: true,
  side: true,
  region: true,
  directionId: true,
  directionEn: true,
  active: true,
  opensAtMinute: true,
  closesAtMinute: true,
  openWeekdays: true,
  holdDays: true,
  transitDays: true,
} as const;

const regionOrder: Region[] = ["PALEMBANG", "LAMPUNG", "BENGKULU"];

export async function listRestAreasForAdmin(
  locale: Locale,
): Promise<{ region: Region; restAreas: AdminRestAreaRow[] }[]> {
  const rows = await prisma.restArea.findMany({
    orderBy: [{ segment: "asc" }, { km: "asc" }, { side: "asc" }, { name: "asc" }],
    select: {
      ...basicsSelect,
      _count: { select: { pickupWindows: { where: { active: true } }, operators: true } },
    },
  });
  return regionOrder
    .map((region) => ({
      region,
      restAreas: rows
        .filter((row) => row.region === region)
        .map(({ _count, region: _region, directionId, directionEn, ...row }) => ({
          ...row,
          direction: locale === "en" ? directionEn : directionId,
          activeWindows: _count.pickupWindows,
          operatorCount: _count.operators,
        })),
    }))
    .filter((group) => group.restAreas.length > 0);
}

export async function restAreaExists(id: string): Promise<boolean> {
  return (await prisma.restArea.count({ where: { id } })) > 0;
}

export type AdminPickupWindow = {
  id: string;
  startMinute: number;
  endMinute: number;
  capacity: number;
  active: boolean;
  /** Parcels booked in this window from today on, and the most on any one day. */
  upcomingBookings: number;
  busiestDayBookings: number;
};

export type AdminRestArea = RestAreaBasics & {
  region: Region;
  windows: AdminPickupWindow[];
  operators: { id: string; name: string }[];
};

/** Today in WIB, as the calendar date a pickup slot is stored under. */
function todayWib(): Date {
  return new Date(`${wibDateKey(new Date())}T00:00:00Z`);
}

async function upcomingBookings(
  db: Prisma.TransactionClient,
  where: Prisma.PickupSlotWhereInput,
): Promise<Map<string, { total: number; busiest: number }>> {
  const slots = await db.pickupSlot.findMany({
    where: { ...where, date: { gte: todayWib() }, booked: { gt: 0 } },
    select: { windowId: true, booked: true },
  });
  const byWindow = new Map<string, { total: number; busiest: number }>();
  for (const slot of slots) {
    const seen = byWindow.get(slot.windowId) ?? { total: 0, busiest: 0 };
    byWindow.set(slot.windowId, {
      total: seen.total + slot.booked,
      busiest: Math.max(seen.busiest, slot.booked),
    });
  }
  return byWindow;
}

export async function restAreaForAdmin(id: string, locale: Locale): Promise<AdminRestArea | null> {
  const row = await prisma.restArea.findUnique({
    where: { id },
    select: {
      ...basicsSelect,
      pickupWindows: {
        orderBy: { startMinute: "asc" },
        select: { id: true, startMinute: true, endMinute: true, capacity: true, active: true },
      },
      operators: {
        orderBy: { user: { name: "asc" } },
        select: { user: { select: { id: true, name: true } } },
      },
    },
  });
  if (!row) return null;
  const bookings = await upcomingBookings(prisma, { window: { restAreaId: id } });
  const { pickupWindows, operators, directionId, directionEn, ...restArea } = row;
  return {
    ...restArea,
    direction: locale === "en" ? directionEn : directionId,
    windows: pickupWindows.map((window) => ({
      ...window,
      upcomingBookings: bookings.get(window.id)?.total ?? 0,
      busiestDayBookings: bookings.get(window.id)?.busiest ?? 0,
    })),
    operators: operators.map((assignment) => assignment.user),
  };
}

type WindowTimes = { startMinute: number; endMinute: number };

export type RestAreaProblem =
  | { problem: "not-found" }
  /** Narrower hours would leave these active windows outside them. */
  | { problem: "windows-outside-hours"; windows: WindowTimes[] };

export type RestAreaUpdate = { ok: true; changed: string[] } | ({ ok: false } & RestAreaProblem);

const RULES = [
  "opensAtMinute",
  "closesAtMinute",
  "openWeekdays",
  "holdDays",
  "transitDays",
  "active",
] as const;

export async function updateRestArea(
  call: AdminCall,
  id: string,
  form: RestAreaForm,
): Promise<RestAreaUpdate> {
  return prisma.$transaction(async (tx) => {
    const current = await tx.restArea.findUnique({
      where: { id },
      select: {
        opensAtMinute: true,
        closesAtMinute: true,
        openWeekdays: true,
        holdDays: true,
        transitDays: true,
        active: true,
        pickupWindows: {
          where: { active: true },
          orderBy: { startMinute: "asc" },
          select: { startMinute: true, endMinute: true },
        },
      },
    });
    if (!current) return { ok: false, problem: "not-found" } as const;
    const next = {
      opensAtMinute: form.opensAt,
      closesAtMinute: form.closesAt,
      openWeekdays: form.openWeekdays,
      holdDays: form.holdDays,
      transitDays: form.transitDays,
      active: form.active,
    };
    const outside = current.pickupWindows.filter(
      (window) => window.startMinute < next.opensAtMinute || window.endMinute > next.closesAtMinute,
    );
    if (outside.length > 0) {
      return { ok: false, problem: "windows-outside-hours", windows: outside } as const;
    }
    const changes = Object.fromEntries(
      RULES.filter((field) => JSON.stringify(current[field]) !== JSON.stringify(next[field])).map(
        (field) => [field, { from: current[field], to: next[field] }],
      ),
    );
    const changed = Object.keys(changes);
    if (changed.length === 0) return { ok: true, changed };
    await tx.restArea.update({ where: { id }, data: next });
    await recordAdminAction(tx, call, {
      action: "admin.rest_area_updated",
      entityType: "RestArea",
      entityId: id,
      details: { changes },
    });
    return { ok: true, changed };
  });
}

export type WindowProblem =
  | { problem: "not-found" }
  | { problem: "outside-hours"; opensAtMinute: number; closesAtMinute: number }
  | { problem: "overlaps"; window: WindowTimes }
  | { problem: "start-taken" }
  /** Parcels are booked for coming days at the window's present times. */
  | { problem: "times-booked"; bookings: number }
  | { problem: "below-booked"; busiestDay: number };

export type WindowChange = { ok: true } | ({ ok: false } & WindowProblem);

/** Thrown inside a transaction to roll it back with what was wrong. */
class WindowRefused extends Error {
  constructor(readonly reason: WindowProblem) {
    super("refused");
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** A window must lie within the opening hours and not overlap another active window. */
async function checkWindowFits(
  tx: Prisma.TransactionClient,
  restAreaId: string,
  times: WindowTimes,
  exceptWindowId: string | null,
): Promise<void> {
  const restArea = await tx.restArea.findUnique({
    where: { id: restAreaId },
    select: {
      opensAtMinute: true,
      closesAtMinute: true,
      pickupWindows: {
        where: { active: true, ...(exceptWindowId ? { id: { not: exceptWindowId } } : {}) },
        orderBy: { startMinute: "asc" },
        select: { startMinute: true, endMinute: true },
      },
    },
  });
  if (!restArea) throw new WindowRefused({ problem: "not-found" });
  const { opensAtMinute, closesAtMinute } = restArea;
  if (times.startMinute < opensAtMinute || times.endMinute > closesAtMinute) {
    throw new WindowRefused({ problem: "outside-hours", opensAtMinute, closesAtMinute });
  }
  const overlapping = restArea.pickupWindows.find(
    (other) => times.startMinute < other.endMinute && other.startMinute < times.endMinute,
  );
  if (overlapping) throw new WindowRefused({ problem: "overlaps", window: overlapping });
}

async function windowChange(run: () => Promise<void>): Promise<WindowChange> {
  try {
    await run();
    return { ok: true };
  } catch (error) {
    if (error instanceof WindowRefused) return { ok: false, ...error.reason };
    // Another window (perhaps a deactivated one) already starts at that time.
    if (isUniqueViolation(error)) return { ok: false, problem: "start-taken" };
    throw error;
  }
}

export function addPickupWindow(
  call: AdminCall,
  restAreaId: string,
  form: PickupWindowForm,
): Promise<WindowChange> {
  const times = { startMinute: form.start, endMinute: form.end };
  return windowChange(() =>
    prisma.$transaction(async (tx) => {
      await checkWindowFits(tx, restAreaId, times, null);
      const taken = await tx.pickupWindow.findUnique({
        where: { restAreaId_startMinute: { restAreaId, startMinute: times.startMinute } },
        select: { id: true },
      });
      if (taken) throw new WindowRefused({ problem: "start-taken" });
      const window = await tx.pickupWindow.create({
        data: { restAreaId, ...times, capacity: form.capacity },
        select: { id: true },
      });
      await recordAdminAction(tx, call, {
        action: "admin.rest_area_updated",
        entityType: "RestArea",
        entityId: restAreaId,
        details: { pickupWindow: { id: window.id, added: { ...times, capacity: form.capacity } } },
      });
    }),
  );
}

async function windowOf(tx: Prisma.TransactionClient, restAreaId: string, windowId: string) {
  const window = await tx.pickupWindow.findFirst({
    where: { id: windowId, restAreaId },
    select: { id: true, startMinute: true, endMinute: true, capacity: true, active: true },
  });
  if (!window) throw new WindowRefused({ problem: "not-found" });
  return window;
}

export function updatePickupWindow(
  call: AdminCall,
  restAreaId: string,
  windowId: string,
  form: PickupWindowForm,
): Promise<WindowChange> {
  const next = { startMinute: form.start, endMinute: form.end, capacity: form.capacity };
  return windowChange(() =>
    prisma.$transaction(async (tx) => {
      const current = await windowOf(tx, restAreaId, windowId);
      const booked = (await upcomingBookings(tx, { windowId })).get(windowId);
      const timesChanged =
        current.startMinute !== next.startMinute || current.endMinute !== next.endMinute;
      if (timesChanged && booked) {
        throw new WindowRefused({ problem: "times-booked", bookings: booked.total });
      }
      if (booked && next.capacity < booked.busiest) {
        throw new WindowRefused({ problem: "below-booked", busiestDay: booked.busiest });
      }
      if (timesChanged && current.active) {
        await checkWindowFits(tx, restAreaId, next, windowId);
      }
      const fields = ["startMinute", "endMinute", "capacity"] as const;
      const changes = Object.fromEntries(
        fields
          .filter((field) => current[field] !== next[field])
          .map((field) => [field, { from: current[field], to: next[field] }]),
      );
      if (Object.keys(changes).length === 0) return;
      await tx.pickupWindow.update({ where: { id: windowId }, data: next });
      await recordAdminAction(tx, call, {
        action: "admin.rest_area_updated",
        entityType: "RestArea",
        entityId: restAreaId,
        details: { pickupWindow: { id: windowId, changes } },
      });
    }),
  );
}

/**
 * Stops (or resumes) offering a window to new orders. Orders already booked in it keep their
 * time; a window brought back must fit the opening hours and the other windows again.
 */
export function setPickupWindowActive(
  call: AdminCall,
  restAreaId: string,
  windowId: string,
  active: boolean,
): Promise<WindowChange> {
  return windowChange(() =>
    prisma.$transaction(async (tx) => {
      const current = await windowOf(tx, restAreaId, windowId);
      if (current.active === active) return;
      if (active) await checkWindowFits(tx, restAreaId, current, windowId);
      await tx.pickupWindow.update({ where: { id: windowId }, data: { active } });
      await recordAdminAction(tx, call, {
        action: "admin.rest_area_updated",
        entityType: "RestArea",
        entityId: restAreaId,
        details: {
          pickupWindow: {
            id: windowId,
            startMinute: current.startMinute,
            endMinute: current.endMinute,
            ...(active ? { activated: true } : { deactivated: true }),
          },
        },
      });
    }),
  );
}
