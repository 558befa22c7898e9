import { createEvent, type DateArray, type EventAttributes, type GeoCoordinates } from "ics";
import type { Locale } from "~/i18n/config";
import { formatTimeWindow } from "~/lib/dates";
import { formatPickupDay } from "~/pickup/pickup-days";

export type OrderCalendarInput = {
  orderNumber: string;
  pickupCode: string;
  locale: Locale;
  /** The pickup day, a WIB calendar day (YYYY-MM-DD). */
  pickupDayKey: string;
  /** The pickup window, minutes after midnight WIB. */
  startMinute: number;
  endMinute: number;
  restArea: {
    name: string;
    kmLabel: string;
    /** Already in the buyer's language, e.g. "arah Palembang (ke utara)". */
    direction: string;
    latitude: number | null;
    longitude: number | null;
    place: string;
    regency: string;
  };
  /** The order page, where the QR code is. */
  orderUrl: string;
  organizerEmail?: string;
};

const texts = {
  id: {
    title: (number: string, restArea: string) => `Ambil pesanan ${number} di ${restArea}`,
    code: "Kode ambil",
    when: "Waktu",
    where: "Tempat",
    show: "Tunjukkan kode ambil atau kode QR di halaman pesanan kepada petugas rest area.",
    order: "Pesanan Anda",
    reminder: (number: string) => `Satu jam lagi: ambil pesanan ${number}`,
  },
  en: {
    title: (number: string, restArea: string) => `Collect order ${number} at ${restArea}`,
    code: "Pickup code",
    when: "When",
    where: "Where",
    show: "Show the pickup code or the QR code on your order page to the rest-area staff.",
    order: "Your order",
    reminder: (number: string) => `In one hour: collect order ${number}`,
  },
} satisfies Record<Locale, unknown>;

const WIB_OFFSET_MINUTES = 7 * 60;
const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * An iCalendar file (.ics) with the pickup as one event, for the buyer's phone calendar. The UID
 * is the order's own, so downloading the file again updates the entry instead of adding one.
 */
export function orderCalendarFile(input: OrderCalendarInput): string {
  const { orderNumber, pickupCode, locale, pickupDayKey, startMinute, endMinute, restArea } = input;
  const t = texts[locale];
  if (endMinute <= startMinute) {
    throw new RangeError(`A pickup window ends after it starts: ${startMinute}–${endMinute}`);
  }
  // Both check their input: a day that does not exist or a minute outside the day throws here.
  const day = formatPickupDay(pickupDayKey, locale);
  const window = formatTimeWindow(startMinute, endMinute, locale);

  const place = restArea.name.includes(restArea.kmLabel)
    ? restArea.name
    : `${restArea.name} (${restArea.kmLabel})`;
  const title = t.title(orderNumber, restArea.name);
  const geo = coordinates(restArea.latitude, restArea.longitude);

  const event: EventAttributes = {
    uid: `${orderNumber}@karyasungging`,
    productId: "-//Karya Sungging//Pesanan//ID",
    title,
    start: wibToUtc(pickupDayKey, startMinute),
    end: wibToUtc(pickupDayKey, endMinute),
    startInputType: "utc",
    startOutputType: "utc",
    endInputType: "utc",
    endOutputType: "utc",
    description: [
      `${t.code}: ${pickupCode}`,
      `${t.when}: ${day}, ${window}`,
      `${t.where}: ${place}, ${restArea.direction}`,
      t.show,
      "",
      `${t.order}: ${input.orderUrl}`,
    ].join("\n"),
    location: [place, restArea.direction, restArea.place, restArea.regency].join(", "),
    ...(geo ? { geo } : {}),
    url: input.orderUrl,
    status: "CONFIRMED",
    ...(input.organizerEmail
      ? { organizer: { name: "Karya Sungging", email: input.organizerEmail } }
      : {}),
    alarms: [
      {
        action: "display",
        description: t.reminder(orderNumber),
        trigger: { hours: 1, before: true },
      },
    ],
  };

  const { error, value } = createEvent(event);
  if (error || value === null) {
    throw new Error(`Could not build the calendar file for order ${orderNumber}`, {
      cause: error,
    });
  }
  return value;
}

/** The UTC moment of `minute` after midnight WIB on `dayKey` (WIB is UTC+7, no daylight saving). */
function wibToUtc(dayKey: string, minute: number): DateArray {
  const match = DAY_KEY.exec(dayKey);
  if (!match) throw new RangeError(`Not a day key (YYYY-MM-DD): ${dayKey}`);
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const moment = new Date(Date.UTC(year, month - 1, day, 0, minute - WIB_OFFSET_MINUTES));
  return [
    moment.getUTCFullYear(),
    moment.getUTCMonth() + 1,
    moment.getUTCDate(),
    moment.getUTCHours(),
    moment.getUTCMinutes(),
  ];
}

function coordinates(latitude: number | null, longitude: number | null): GeoCoordinates | null {
  if (latitude === null || longitude === null) return null;
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
  return { lat: latitude, lon: longitude };
}
