import { addDaysToKey, wibClock } from "~/operator/counter-days";
import { earliestArrivalDay, isoWeekdayOfDay, type PickupCalendar } from "~/pickup/pickup-days";

/** Calendar days offered from the earliest possible one: two weeks to choose from. */
export const PICKUP_DAYS_OFFERED = 14;

export type PickupWindowCapacity = {
  id: string;
  startMinute: number;
  endMinute: number;
  capacity: number;
};

export type WindowChoice = {
  windowId: string;
  startMinute: number;
  endMinute: number;
  left: number;
};

/**
 * One calendar day at the chosen rest area: "open" with the windows that still have room,
 * "closed" when the counter does not hand over on that weekday, "full" when every window is
 * booked (or, today, already over).
 */
export type DayChoice = {
  dayKey: string;
  status: "open" | "closed" | "full";
  windows: WindowChoice[];
};

export type PickupChoices = {
  /** The first day the slowest piece can be at the rest area, open or not. */
  earliestDayKey: string;
  days: DayChoice[];
};

/** Key of the booked-count map: a window on a day. */
export function slotKey(windowId: string, dayKey: string): string {
  return `${windowId}|${dayKey}`;
}

/**
 * The days and windows a buyer may choose for a cart whose slowest piece needs `leadTimeDays`,
 * ordered at `now`: from the day it can reach the rest area, for two weeks, each day with why it
 * cannot be chosen when it cannot.
 */
export function pickupChoices(input: {
  now: Date;
  leadTimeDays: number;
  restArea: PickupCalendar;
  windows: readonly PickupWindowCapacity[];
  /** Places already booked, by `slotKey(windowId, dayKey)`. */
  booked: ReadonlyMap<string, number>;
  count?: number;
}): PickupChoices {
  const { now, leadTimeDays, restArea, windows, booked } = input;
  const earliestDayKey = earliestArrivalDay({
    now,
    leadTimeDays,
    transitDays: restArea.transitDays,
  });
  const { dayKey: todayKey, minute: nowMinute } = wibClock(now);
  const sortedWindows = [...windows].sort((a, b) => a.startMinute - b.startMinute);
  const days: DayChoice[] = [];
  for (let offset = 0; offset < (input.count ?? PICKUP_DAYS_OFFERED); offset += 1) {
    const dayKey = addDaysToKey(earliestDayKey, offset);
    if (!restArea.openWeekdays.includes(isoWeekdayOfDay(dayKey)) || sortedWindows.length === 0) {
      days.push({ dayKey, status: "closed", windows: [] });
      continue;
    }
    const open = sortedWindows
      .filter((window) => dayKey !== todayKey || window.endMinute > nowMinute)
      .map((window) => ({
        windowId: window.id,
        startMinute: window.startMinute,
        endMinute: window.endMinute,
        left: Math.max(window.capacity - (booked.get(slotKey(window.id, dayKey)) ?? 0), 0),
      }))
      .filter((window) => window.left > 0);
    days.push({ dayKey, status: open.length > 0 ? "open" : "full", windows: open });
  }
  return { earliestDayKey, days };
}

/** Whether the buyer's day and window are among those offered. */
export function isOffered(choices: PickupChoices, dayKey: string, windowId: string): boolean {
  return choices.days.some(
    (day) =>
      day.dayKey === dayKey &&
      day.status === "open" &&
      day.windows.some((window) => window.windowId === windowId),
  );
}
