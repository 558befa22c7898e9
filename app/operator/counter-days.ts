import { tz } from "@date-fns/tz";
import { getHours, getISODay, getMinutes } from "date-fns";
import { TIME_ZONE, wibDateKey } from "~/lib/dates";

/** When a rest area's handover counter is staffed: weekdays and hours, in WIB. */
export type CounterHours = {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  openWeekdays: readonly number[];
  /** Minutes after midnight WIB. */
  opensAtMinute: number;
  closesAtMinute: number;
};

const wib = tz(TIME_ZONE);

/** Where `now` falls on a WIB wall clock: the calendar day, its ISO weekday and the minute. */
export function wibClock(now: Date): { dayKey: string; isoWeekday: number; minute: number } {
  return {
    dayKey: wibDateKey(now),
    isoWeekday: getISODay(now, { in: wib }),
    minute: getHours(now, { in: wib }) * 60 + getMinutes(now, { in: wib }),
  };
}

/** Whether parcels are handed over on the WIB day of `now` at all. */
export function handsOverToday(hours: CounterHours, now: Date): boolean {
  return hours.openWeekdays.includes(wibClock(now).isoWeekday);
}

/** Whether the counter is open at `now`: an open weekday, from opening until (not at) closing. */
export function counterOpenAt(hours: CounterHours, now: Date): boolean {
  const { isoWeekday, minute } = wibClock(now);
  return (
    hours.openWeekdays.includes(isoWeekday) &&
    minute >= hours.opensAtMinute &&
    minute < hours.closesAtMinute
  );
}

const DAY_MS = 24 * 60 * 60 * 1000;
const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day (YYYY-MM-DD) `days` later (or earlier, when negative). */
export function addDaysToKey(dayKey: string, days: number): string {
  if (!DAY_KEY.test(dayKey)) throw new RangeError(`Not a day key (YYYY-MM-DD): ${dayKey}`);
  const midnight = Date.parse(`${dayKey}T00:00:00Z`);
  if (Number.isNaN(midnight)) throw new RangeError(`No such day: ${dayKey}`);
  return new Date(midnight + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The last day a parcel due on `pickupDayKey` waits at the counter: it waits `holdDays` days,
 * the pickup day being the first ("Paket menunggu 3 hari": pickup day and the two after it).
 */
export function lastHoldDay(pickupDayKey: string, holdDays: number): string {
  return addDaysToKey(pickupDayKey, Math.max(holdDays, 1) - 1);
}

/** Whether a parcel due on `pickupDayKey` has outstayed its hold on the day `todayKey`. */
export function holdExpired(pickupDayKey: string, holdDays: number, todayKey: string): boolean {
  return todayKey > lastHoldDay(pickupDayKey, holdDays);
}
