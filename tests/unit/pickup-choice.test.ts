import { describe, expect, it } from "vitest";
import {
  isOffered,
  PICKUP_DAYS_OFFERED,
  pickupChoices,
  slotKey,
  type PickupWindowCapacity,
} from "~/checkout/pickup-choice";

// WIB is UTC+7: these instants are named by their time in Jakarta. 27 November 2026 is a Friday.
const friday27At1159 = new Date("2026-11-27T04:59:00Z");
const friday27AtNoon = new Date("2026-11-27T05:00:00Z");
const friday27At1000 = new Date("2026-11-27T03:00:00Z");

const everyDay = [1, 2, 3, 4, 5, 6, 7];
const morning: PickupWindowCapacity = {
  id: "pagi",
  startMinute: 8 * 60,
  endMinute: 11 * 60,
  capacity: 4,
};
const midday: PickupWindowCapacity = {
  id: "siang",
  startMinute: 11 * 60,
  endMinute: 14 * 60,
  capacity: 4,
};
const afternoon: PickupWindowCapacity = {
  id: "sore",
  startMinute: 14 * 60,
  endMinute: 17 * 60,
  capacity: 2,
};
const windows = [afternoon, morning, midday];

function choices(
  overrides: Partial<Parameters<typeof pickupChoices>[0]> & {
    openWeekdays?: number[];
    transitDays?: number;
  } = {},
) {
  const { openWeekdays = everyDay, transitDays = 1, ...input } = overrides;
  return pickupChoices({
    now: friday27At1159,
    leadTimeDays: 0,
    restArea: { openWeekdays, transitDays },
    windows,
    booked: new Map(),
    ...input,
  });
}

describe("the earliest pickup day", () => {
  it("adds the slowest piece's lead time and the transit to the day work starts (before 12:00 WIB: today)", () => {
    const offered = choices({ leadTimeDays: 3, transitDays: 2 });
    // Work starts Friday the 27th, the piece is ready on the 30th, two days on the road.
    expect(offered.earliestDayKey).toBe("2026-12-02");
    expect(offered.days[0]?.dayKey).toBe("2026-12-02");
  });

  it("starts work the next day from 12:00 WIB on", () => {
    expect(choices({ now: friday27AtNoon, leadTimeDays: 3, transitDays: 2 }).earliestDayKey).toBe(
      "2026-12-03",
    );
    expect(choices({ now: friday27AtNoon }).earliestDayKey).toBe("2026-11-29");
    expect(choices().earliestDayKey).toBe("2026-11-28");
  });

  it("offers two weeks of consecutive days from it", () => {
    const offered = choices();
    expect(PICKUP_DAYS_OFFERED).toBe(14);
    expect(offered.days.map((day) => day.dayKey)).toEqual([
      "2026-11-28",
      "2026-11-29",
      "2026-11-30",
      "2026-12-01",
      "2026-12-02",
      "2026-12-03",
      "2026-12-04",
      "2026-12-05",
      "2026-12-06",
      "2026-12-07",
      "2026-12-08",
      "2026-12-09",
      "2026-12-10",
      "2026-12-11",
    ]);
    expect(choices({ count: 3 }).days).toHaveLength(3);
  });
});

describe("each day", () => {
  it("is open with every window, earliest first, and the places left in each", () => {
    const [saturday] = choices().days;
    expect(saturday).toEqual({
      dayKey: "2026-11-28",
      status: "open",
      windows: [
        { windowId: "pagi", startMinute: 480, endMinute: 660, left: 4 },
        { windowId: "siang", startMinute: 660, endMinute: 840, left: 4 },
        { windowId: "sore", startMinute: 840, endMinute: 1020, left: 2 },
      ],
    });
  });

  it("is closed on the weekdays the counter does not hand over", () => {
    const weekdaysOnly = choices({ openWeekdays: [1, 2, 3, 4, 5] });
    const byDay = new Map(weekdaysOnly.days.map((day) => [day.dayKey, day]));
    // Saturday 28th and Sunday 29th: closed; Monday 30th open.
    expect(byDay.get("2026-11-28")).toEqual({
      dayKey: "2026-11-28",
      status: "closed",
      windows: [],
    });
    expect(byDay.get("2026-11-29")).toEqual({
      dayKey: "2026-11-29",
      status: "closed",
      windows: [],
    });
    expect(byDay.get("2026-11-30")?.status).toBe("open");
    expect(weekdaysOnly.days.filter((day) => day.status === "closed")).toHaveLength(4);
    // The earliest day is still the arrival day, even though it is closed.
    expect(weekdaysOnly.earliestDayKey).toBe("2026-11-28");
  });

  it("is closed everywhere at a rest area without pickup windows", () => {
    const none = choices({ windows: [] });
    expect(none.days.every((day) => day.status === "closed" && day.windows.length === 0)).toBe(
      true,
    );
  });

  it("drops a window that is fully booked and counts down the others", () => {
    const booked = new Map([
      [slotKey("sore", "2026-11-28"), 2],
      [slotKey("pagi", "2026-11-28"), 3],
    ]);
    const [saturday, sunday] = choices({ booked }).days;
    expect(saturday?.status).toBe("open");
    expect(saturday?.windows.map((window) => [window.windowId, window.left])).toEqual([
      ["pagi", 1],
      ["siang", 4],
    ]);
    // Bookings on one day take nothing from the next.
    expect(sunday?.windows.map((window) => window.left)).toEqual([4, 4, 2]);
  });

  it("is full when every window is booked, even beyond its capacity", () => {
    const booked = new Map([
      [slotKey("pagi", "2026-11-29"), 4],
      [slotKey("siang", "2026-11-29"), 4],
      [slotKey("sore", "2026-11-29"), 5],
    ]);
    const sunday = choices({ booked }).days[1];
    expect(sunday).toEqual({ dayKey: "2026-11-29", status: "full", windows: [] });
  });

  it("today, drops the windows that are over and keeps the one still running", () => {
    // Transit 0: a piece in stock ordered before noon can be collected today.
    const today = choices({ transitDays: 0 }).days[0];
    expect(today?.dayKey).toBe("2026-11-27");
    // 11:59 WIB: the 08–11 window is over, 11–14 is still running.
    expect(today?.windows.map((window) => window.windowId)).toEqual(["siang", "sore"]);
    const tomorrow = choices({ transitDays: 0 }).days[1];
    expect(tomorrow?.windows.map((window) => window.windowId)).toEqual(["pagi", "siang", "sore"]);
  });

  it("today, is full once every window is over", () => {
    const onlyMorning = choices({
      now: friday27At1000,
      transitDays: 0,
      windows: [{ ...morning, endMinute: 10 * 60 }],
    });
    // At 10:00 a window ending at 10:00 is over.
    expect(onlyMorning.days[0]).toEqual({ dayKey: "2026-11-27", status: "full", windows: [] });
    expect(onlyMorning.days[1]?.status).toBe("open");
  });
});

describe("isOffered", () => {
  const booked = new Map([[slotKey("sore", "2026-11-28"), 2]]);
  const offered = choices({ openWeekdays: [1, 2, 3, 4, 5, 6], booked });

  it("accepts an open window on an open day", () => {
    expect(isOffered(offered, "2026-11-28", "pagi")).toBe(true);
    expect(isOffered(offered, "2026-11-30", "sore")).toBe(true);
  });

  it("refuses a full window, a closed day, an unknown window and a day outside the two weeks", () => {
    expect(isOffered(offered, "2026-11-28", "sore")).toBe(false);
    expect(isOffered(offered, "2026-11-29", "pagi")).toBe(false); // Sunday, closed
    expect(isOffered(offered, "2026-11-28", "malam")).toBe(false);
    expect(isOffered(offered, "2026-11-27", "pagi")).toBe(false); // before the earliest day
    expect(isOffered(offered, "2026-12-12", "pagi")).toBe(false); // after the two weeks
  });
});
