import type { Locale } from "~/i18n/config";

/** Every date and time a person reads is in WIB (Asia/Jakarta, UTC+7, no daylight saving). */
export const TIME_ZONE = "Asia/Jakarta";

const intlLocale = { id: "id-ID", en: "en-GB" } as const;

/** "Sabtu, 28 November 2026" / "Saturday, 28 November 2026". */
export function formatDate(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], {
    timeZone: TIME_ZONE,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(date);
}

/** "14.30 WIB" / "14:30 WIB". */
export function formatTime(date: Date, locale: Locale): string {
  const time = new Intl.DateTimeFormat(intlLocale[locale], {
    timeZone: TIME_ZONE,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(date);
  return `${time} WIB`;
}

/** "28 Nov 2026, 14.30 WIB". */
export function formatDateTime(date: Date, locale: Locale): string {
  const day = new Intl.DateTimeFormat(intlLocale[locale], {
    timeZone: TIME_ZONE,
    day: "numeric",
    month: "short",
    year: "numeric",
  }).format(date);
  return `${day}, ${formatTime(date, locale)}`;
}

/** A time of day stored as minutes after midnight WIB, e.g. 510 → "08.30" (id) or "08:30" (en). */
export function formatMinuteOfDay(minutes: number, locale: Locale): string {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > 24 * 60) {
    throw new RangeError(`Not a minute of the day: ${minutes}`);
  }
  const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
  const mm = String(minutes % 60).padStart(2, "0");
  return `${hh}${locale === "id" ? "." : ":"}${mm}`;
}

/** The calendar day in WIB as YYYY-MM-DD, whatever the server's own time zone. */
export function wibDateKey(date: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE }).format(date);
}

/** A pickup window as people read it: "09.00–12.00 WIB" / "09:00–12:00 WIB". */
export function formatTimeWindow(startMinute: number, endMinute: number, locale: Locale): string {
  return `${formatMinuteOfDay(startMinute, locale)}–${formatMinuteOfDay(endMinute, locale)} WIB`;
}
