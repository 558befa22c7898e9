import { describe, expect, it } from "vitest";
import { orderCalendarFile, type OrderCalendarInput } from "~/orders/calendar.server";

const order: OrderCalendarInput = {
  orderNumber: "KS-261128-7QX4",
  pickupCode: "482913",
  locale: "id",
  pickupDayKey: "2026-12-05",
  startMinute: 9 * 60,
  endMinute: 12 * 60,
  restArea: {
    name: "Rest Area KM 234 A",
    kmLabel: "KM 234 A",
    direction: "arah Palembang (ke utara)",
    latitude: -3.218437,
    longitude: 104.654019,
    place: "Ruas Kayu Agung–Palembang",
    regency: "Ogan Ilir",
  },
  orderUrl: "https://karyasungging.id/orders/KS-261128-7QX4?t=abc123",
};

/** The file's content lines, long lines unfolded as a calendar app reads them. */
function lines(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, "").split("\r\n");
}

/** The value of the first property called `name` in the event (before any alarm). */
function property(ics: string, name: string): string | undefined {
  const event = lines(ics);
  const line = event.find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
  return line?.slice(line.indexOf(":") + 1);
}

/** An iCalendar TEXT value as people read it. */
function text(value: string | undefined): string {
  return (value ?? "").replace(/\\n/g, "\n").replace(/\\([,;\\])/g, "$1");
}

describe("the pickup calendar file", () => {
  it("is one event at the right moment: 09.00–12.00 WIB is 02.00–05.00 UTC", () => {
    const ics = orderCalendarFile(order);
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(property(ics, "DTSTART")).toBe("20261205T020000Z");
    expect(property(ics, "DTEND")).toBe("20261205T050000Z");
  });

  it("puts a window early in the WIB morning on the previous UTC day", () => {
    const early = orderCalendarFile({ ...order, startMinute: 6 * 60, endMinute: 24 * 60 });
    expect(property(early, "DTSTART")).toBe("20261204T230000Z");
    expect(property(early, "DTEND")).toBe("20261205T170000Z");
  });

  it("keeps one identity per order, so downloading it again updates the same entry", () => {
    const first = orderCalendarFile(order);
    const moved = orderCalendarFile({ ...order, pickupDayKey: "2026-12-06", locale: "en" });
    expect(property(first, "UID")).toBe("KS-261128-7QX4@karyasungging");
    expect(property(moved, "UID")).toBe("KS-261128-7QX4@karyasungging");
    expect(property(orderCalendarFile({ ...order, orderNumber: "KS-261128-8ZZ1" }), "UID")).toBe(
      "KS-261128-8ZZ1@karyasungging",
    );
  });

  it("tells the buyer in Indonesian where to go, with the code and the link", () => {
    const ics = orderCalendarFile(order);
    expect(text(property(ics, "SUMMARY"))).toBe(
      "Ambil pesanan KS-261128-7QX4 di Rest Area KM 234 A",
    );
    const description = text(property(ics, "DESCRIPTION"));
    expect(description).toContain("Kode ambil: 482913");
    expect(description).toContain("Sabtu, 5 Des, 09.00–12.00 WIB");
    expect(description).toContain(order.orderUrl);
    expect(text(property(ics, "LOCATION"))).toBe(
      "Rest Area KM 234 A, arah Palembang (ke utara), Ruas Kayu Agung–Palembang, Ogan Ilir",
    );
    expect(property(ics, "URL")).toBe(order.orderUrl);
    expect(property(ics, "GEO")).toBe("-3.218437;104.654019");
  });

  it("speaks English to an English-speaking buyer", () => {
    const ics = orderCalendarFile({
      ...order,
      locale: "en",
      restArea: { ...order.restArea, direction: "towards Palembang (northbound)" },
    });
    expect(text(property(ics, "SUMMARY"))).toBe(
      "Collect order KS-261128-7QX4 at Rest Area KM 234 A",
    );
    const description = text(property(ics, "DESCRIPTION"));
    expect(description).toContain("Pickup code: 482913");
    expect(description).toContain("Sat 5 Dec, 09:00–12:00 WIB");
    expect(description).toContain(order.orderUrl);
    expect(text(property(ics, "LOCATION"))).toContain("towards Palembang (northbound)");
  });

  it("reminds the buyer an hour before the window opens", () => {
    const ics = orderCalendarFile(order);
    const alarm = ics.slice(ics.indexOf("BEGIN:VALARM"), ics.indexOf("END:VALARM"));
    expect(alarm).toContain("ACTION:DISPLAY");
    expect(alarm).toContain("TRIGGER:-PT1H");
    expect(alarm).toContain("KS-261128-7QX4");
  });

  it("leaves the position out when the rest area's coordinates are not known", () => {
    const ics = orderCalendarFile({
      ...order,
      restArea: { ...order.restArea, latitude: null, longitude: null },
    });
    expect(property(ics, "GEO")).toBeUndefined();
    expect(property(ics, "LOCATION")).toBeDefined();
  });

  it("names the KM post when the rest area's name does not", () => {
    const ics = orderCalendarFile({
      ...order,
      restArea: { ...order.restArea, name: "Rest Area Gandus", kmLabel: "STA 12" },
    });
    expect(text(property(ics, "LOCATION"))).toMatch(/^Rest Area Gandus \(STA 12\), /);
  });

  it("names the cooperative as organiser when an address is given", () => {
    const ics = orderCalendarFile({ ...order, organizerEmail: "pesanan@karyasungging.id" });
    expect(property(ics, "ORGANIZER")).toBe("MAILTO:pesanan@karyasungging.id");
    expect(lines(ics).find((l) => l.startsWith("ORGANIZER"))).toContain('CN="Karya Sungging"');
    expect(property(orderCalendarFile(order), "ORGANIZER")).toBeUndefined();
  });

  it("refuses a day that does not exist or a window that ends before it starts", () => {
    expect(() => orderCalendarFile({ ...order, pickupDayKey: "2026-02-30" })).toThrow(RangeError);
    expect(() => orderCalendarFile({ ...order, startMinute: 720, endMinute: 540 })).toThrow(
      RangeError,
    );
  });

  it("reports a file the calendar library will not build", () => {
    expect(() => orderCalendarFile({ ...order, organizerEmail: "not an address" })).toThrow(
      /calendar file for order KS-261128-7QX4/,
    );
  });
});
