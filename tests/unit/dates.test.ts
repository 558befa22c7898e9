import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatMinuteOfDay, formatTime, wibDateKey } from "~/lib/dates";

// 17:30 UTC on the 28th is already 00:30 on the 29th in Jakarta (UTC+7).
const lateEvening = new Date("2026-11-28T17:30:00Z");

describe("WIB dates and times", () => {
  it("shows the calendar day in Jakarta, not the server's", () => {
    expect(formatDate(lateEvening, "id")).toBe("Minggu, 29 November 2026");
    expect(formatDate(lateEvening, "en")).toBe("Sunday, 29 November 2026");
    expect(wibDateKey(lateEvening)).toBe("2026-11-29");
  });

  it("shows the time in WIB, labelled", () => {
    expect(formatTime(lateEvening, "id")).toBe("00.30 WIB");
    expect(formatTime(lateEvening, "en")).toBe("00:30 WIB");
    expect(formatDateTime(new Date("2026-11-28T07:05:00Z"), "id")).toBe("28 Nov 2026, 14.05 WIB");
  });

  it("shows minutes after midnight as a time of day", () => {
    expect(formatMinuteOfDay(8 * 60, "id")).toBe("08.00");
    expect(formatMinuteOfDay(17 * 60 + 30, "en")).toBe("17:30");
    expect(() => formatMinuteOfDay(-5, "id")).toThrow(RangeError);
  });
});
