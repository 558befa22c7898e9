import { TZDate, tz } from "@date-fns/tz";
import { addDays, format, getHours, getISODay, startOfDay } from "date-fns";
import type { Locale } from "~/i18n/config";
import { TIME_ZONE } from "~/lib/dates";

/** When a rest area hands parcels over, and how far it is from the workshops. */
export type PickupCalendar = {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  openWeekdays: number[];
  /** Days from the workshops in Tanjung Batu to the rest area. */
  transitDays: number;
};

/** Orders placed before this hour (WIB) are started the same day. */
export const ORDER_CUTOFF_HOUR = 12;

const wib = tz(TIME_ZONE);

/**
 * The first `count` WIB calendar days (YYYY-MM-DD) on which a parcel ordered at `now` can be
 * collected.
 *
 * The rule, every date in WIB: work starts today if the order comes before 12:00, else
 * tomorrow. The piece is ready `leadTimeDays` after work starts (0 for ready stock) and reaches
 * the rest area `transitDays` after that. The first pickup day is the first open weekday on or
 * after arrival, followed by the next open days. A rest area open on no weekday has no days.
 */
export function nextPickupDays(input: {
  now: Date;
  leadTimeDays: number;
  restArea: PickupCalendar;
  count: number;
}): string[] {
  const { now, leadTimeDays, restArea, count } = input;
  requireWholeNumber("leadTimeDays", leadTimeDays);
  requireWholeNumber("transitDays", restArea.transitDays);
  requireWholeNumber("count", count);
  const openWeekdays = new Set(restArea.openWeekdays);
  if (![1, 2, 3, 4, 5, 6, 7].some((weekday) => openWeekdays.has(weekday))) return [];

  let day = middayInWib(
    earliestArrivalDay({ now, leadTimeDays, transitDays: restArea.transitDays }),
  );
  const days: string[] = [];
  while (days.length < count) {
    if (openWeekdays.has(getISODay(day))) days.push(format(day, "yyyy-MM-dd"));
    day = addDays(day, 1);
  }
  return days;
}

/**
 * The WIB calendar day (YYYY-MM-DD) a parcel ordered at `now` reaches the rest area, before its
 * opening days are taken into account: work starts today before 12:00 (else tomorrow), takes
 * `leadTimeDays`, then `transitDays` on the road.
 */
export function earliestArrivalDay(input: {
  now: Date;
  leadTimeDays: number;
  transitDays: number;
}): string {
  const { now, leadTimeDays, transitDays } = input;
  requireWholeNumber("leadTimeDays", leadTimeDays);
  requireWholeNumber("transitDays", transitDays);
  const today = startOfDay(now, { in: wib });
  const workStarts = getHours(now, { in: wib }) < ORDER_CUTOFF_HOUR ? today : addDays(today, 1);
  return format(addDays(workStarts, leadTimeDays + transitDays), "yyyy-MM-dd");
}

/** A pickup day as the page shows it: the key for machines, the label for people. */
export type PickupDay = { dayKey: string; label: string };

/** The first `count` days a piece in stock, ordered at `now`, can be collected at `restArea`. */
export function readyStockPickupDays(input: {
  now: Date;
  restArea: PickupCalendar;
  count: number;
  locale: Locale;
}): PickupDay[] {
  const { now, restArea, count, locale } = input;
  return nextPickupDays({ now, leadTimeDays: 0, restArea, count }).map((dayKey) => ({
    dayKey,
    label: formatPickupDay(dayKey, locale),
  }));
}

function requireWholeNumber(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number, 0 or more, not ${value}`);
  }
}

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The ISO weekday (1 = Monday … 7 = Sunday) of a WIB calendar day. */
export function isoWeekdayOfDay(dayKey: string): number {
  return getISODay(middayInWib(dayKey));
}

// Noon keeps the day the same whatever offset a formatter might apply.
function middayInWib(dayKey: string): TZDate {
  const match = DAY_KEY.exec(dayKey);
  if (!match) throw new RangeError(`Not a day key (YYYY-MM-DD): ${dayKey}`);
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new TZDate(year, month - 1, day, 12, TIME_ZONE);
  if (format(date, "yyyy-MM-dd") !== dayKey) throw new RangeError(`No such day: ${dayKey}`);
  return date;
}

// Indonesian names the weekday in full ("Sabtu"); English reads better short ("Sat").
const pickupDayFormats = {
  id: new Intl.DateTimeFormat("id-ID", {
    timeZone: TIME_ZONE,
    weekday: "long",
    day: "numeric",
    month: "short",
  }),
  en: new Intl.DateTimeFormat("en-GB", {
    timeZone: TIME_ZONE,
    weekday: "short",
    day: "numeric",
    month: "short",
  }),
} satisfies Record<Locale, Intl.DateTimeFormat>;

/** A pickup day for people: "2026-12-05" → "Sabtu, 5 Des" (id) or "Sat 5 Dec" (en). */
export function formatPickupDay(dayKey: string, locale: Locale): string {
  return pickupDayFormats[locale].format(middayInWib(dayKey));
}

const weekdayFormats = {
  id: new Intl.DateTimeFormat("id-ID", { timeZone: TIME_ZONE, weekday: "long" }),
  en: new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, weekday: "long" }),
} satisfies Record<Locale, Intl.DateTimeFormat>;

// 23 November 2026 is a Monday: ISO weekday n falls n - 1 days later.
const A_MONDAY = "2026-11-23";

/** The name of an ISO weekday: 1 → "Senin" (id) or "Monday" (en). */
export function weekdayName(isoWeekday: number, locale: Locale): string {
  if (!Number.isInteger(isoWeekday) || isoWeekday < 1 || isoWeekday > 7) {
    throw new RangeError(`Not an ISO weekday: ${isoWeekday}`);
  }
  return weekdayFormats[locale].format(addDays(middayInWib(A_MONDAY), isoWeekday - 1));
}
