import { describe, expect, it } from "vitest";
import {
  formatPickupDay,
  nextPickupDays,
  ORDER_CUTOFF_HOUR,
  readyStockPickupDays,
  weekdayName,
  type PickupCalendar,
} from "~/pickup/pickup-days";

const everyDay = [1, 2, 3, 4, 5, 6, 7];
const nextDoor: PickupCalendar = { openWeekdays: everyDay, transitDays: 1 };
const lampung: PickupCalendar = { openWeekdays: everyDay, transitDays: 2 };

// WIB is UTC+7: these instants are named by their time in Jakarta.
const friday27At1159 = new Date("2026-11-27T04:59:00Z");
const friday27AtNoon = new Date("2026-11-27T05:00:00Z");

describe("the next pickup days", () => {
  it("starts work the same day for an order placed before the cut-off", () => {
    expect(ORDER_CUTOFF_HOUR).toBe(12);
    expect(
      nextPickupDays({ now: friday27At1159, leadTimeDays: 0, restArea: nextDoor, count: 3 }),
    ).toEqual(["2026-11-28", "2026-11-29", "2026-11-30"]);
  });

  it("starts work the next day from 12:00 WIB on", () => {
    expect(
      nextPickupDays({ now: friday27AtNoon, leadTimeDays: 0, restArea: nextDoor, count: 2 }),
    ).toEqual(["2026-11-29", "2026-11-30"]);
  });

  it("reads the cut-off on the Jakarta clock, not the server's UTC one", () => {
    // 06:00 UTC is already 13:00 WIB: past the cut-off.
    const saturday28At1300 = new Date("2026-11-28T06:00:00Z");
    expect(
      nextPickupDays({ now: saturday28At1300, leadTimeDays: 0, restArea: nextDoor, count: 1 }),
    ).toEqual(["2026-11-30"]);
  });

  it("counts from the WIB calendar day after midnight in Jakarta, while UTC is still on the day before", () => {
    // 17:30 UTC on Saturday the 28th is 00:30 WIB on Sunday the 29th: before the cut-off.
    const sunday29At0030 = new Date("2026-11-28T17:30:00Z");
    expect(
      nextPickupDays({
        now: sunday29At0030,
        leadTimeDays: 0,
        restArea: { openWeekdays: everyDay, transitDays: 0 },
        count: 1,
      }),
    ).toEqual(["2026-11-29"]);
    expect(
      nextPickupDays({ now: sunday29At0030, leadTimeDays: 0, restArea: nextDoor, count: 1 }),
    ).toEqual(["2026-11-30"]);
  });

  it("adds the artisan's lead time and the transit to the rest area", () => {
    const monday30At0900 = new Date("2026-11-30T02:00:00Z");
    // Work starts Monday the 30th, the piece is ready five days later, two more days to Lampung.
    expect(
      nextPickupDays({ now: monday30At0900, leadTimeDays: 5, restArea: lampung, count: 2 }),
    ).toEqual(["2026-12-07", "2026-12-08"]);
  });

  it("waits for the rest area's next open weekday", () => {
    const mondayWednesdayFriday: PickupCalendar = { openWeekdays: [1, 3, 5], transitDays: 1 };
    // Arrives on Saturday the 28th: the counter is closed until Monday.
    expect(
      nextPickupDays({
        now: friday27At1159,
        leadTimeDays: 0,
        restArea: mondayWednesdayFriday,
        count: 3,
      }),
    ).toEqual(["2026-11-30", "2026-12-02", "2026-12-04"]);
    const sundaysOnly: PickupCalendar = { openWeekdays: [7], transitDays: 1 };
    expect(
      nextPickupDays({ now: friday27At1159, leadTimeDays: 0, restArea: sundaysOnly, count: 2 }),
    ).toEqual(["2026-11-29", "2026-12-06"]);
  });

  it("crosses month and year ends", () => {
    const wednesday30DecAt1700 = new Date("2026-12-30T10:00:00Z");
    expect(
      nextPickupDays({ now: wednesday30DecAt1700, leadTimeDays: 0, restArea: nextDoor, count: 3 }),
    ).toEqual(["2027-01-01", "2027-01-02", "2027-01-03"]);
    const saturday28NovAt0800 = new Date("2026-11-28T01:00:00Z");
    expect(
      nextPickupDays({ now: saturday28NovAt0800, leadTimeDays: 3, restArea: lampung, count: 1 }),
    ).toEqual(["2026-12-03"]);
  });

  it("offers no day at a rest area that opens on no weekday", () => {
    for (const openWeekdays of [[], [0, 8]]) {
      expect(
        nextPickupDays({
          now: friday27At1159,
          leadTimeDays: 0,
          restArea: { openWeekdays, transitDays: 1 },
          count: 3,
        }),
      ).toEqual([]);
    }
  });

  it("refuses negative or fractional day counts", () => {
    const now = friday27At1159;
    expect(() => nextPickupDays({ now, leadTimeDays: -1, restArea: nextDoor, count: 1 })).toThrow(
      RangeError,
    );
    expect(() =>
      nextPickupDays({
        now,
        leadTimeDays: 0,
        restArea: { openWeekdays: everyDay, transitDays: 1.5 },
        count: 1,
      }),
    ).toThrow(RangeError);
    expect(nextPickupDays({ now, leadTimeDays: 0, restArea: nextDoor, count: 0 })).toEqual([]);
  });
});

describe("pickup days for people", () => {
  it("names the weekday and the date in the visitor's language", () => {
    expect(formatPickupDay("2026-12-05", "id")).toBe("Sabtu, 5 Des");
    expect(formatPickupDay("2026-12-05", "en")).toBe("Sat 5 Dec");
    expect(formatPickupDay("2027-01-01", "id")).toBe("Jumat, 1 Jan");
  });

  it("labels the days a piece in stock can be collected", () => {
    expect(
      readyStockPickupDays({ now: friday27AtNoon, restArea: lampung, count: 2, locale: "en" }),
    ).toEqual([
      { dayKey: "2026-11-30", label: "Mon 30 Nov" },
      { dayKey: "2026-12-01", label: "Tue 1 Dec" },
    ]);
  });

  it("refuses anything that is not a calendar day", () => {
    expect(() => formatPickupDay("5 Dec", "en")).toThrow(RangeError);
    expect(() => formatPickupDay("2026-02-30", "id")).toThrow(RangeError);
  });

  it("names ISO weekdays", () => {
    expect(weekdayName(1, "id")).toBe("Senin");
    expect(weekdayName(7, "en")).toBe("Sunday");
    expect(() => weekdayName(0, "id")).toThrow(RangeError);
  });
});
