import { describe, expect, it } from "vitest";
import { formatVietnamDate, formatVietnamDay, formatVietnamDateTime, vietnamClock, vietnamDay, vietnamTimeOn, vietnamTimestamp } from "./vietnam-time";
import { deadlineOf, quarterInVietnam, vietnamTimeAfterQuarter } from "./reporting";

describe("Vietnam time (UTC+7)", () => {
  it("reads the day and the clock in Vietnam, not on the server", () => {
    // 17:30 UTC on 2 December is 00:30 on 3 December in Vietnam.
    const instant = new Date("2026-12-02T17:30:00.000Z");
    expect(vietnamDay(instant)).toBe("2026-12-03");
    expect(vietnamClock(instant).getUTCHours()).toBe(0);
    expect(formatVietnamDateTime(instant)).toBe("03/12/2026 00:30");
    expect(formatVietnamDate(instant)).toBe("03/12/2026");
    expect(vietnamTimestamp(instant)).toBe("2026-12-03 00:30:00.000 +07:00");
    expect(formatVietnamDateTime(null)).toBe(formatVietnamDate("not a date"));
  });

  it("turns a day and a time in Vietnam into the instant", () => {
    expect(vietnamTimeOn("2026-10-20", 23, 59, 59).toISOString()).toBe("2026-10-20T16:59:59.000Z");
    expect(vietnamTimeOn("2026-10-20").toISOString()).toBe("2026-10-19T17:00:00.000Z");
    expect(vietnamTimeOn(new Date("2026-10-20T00:00:00Z"), 8).toISOString()).toBe("2026-10-20T01:00:00.000Z");
  });

  it("dates the reporting calendar in Vietnam", () => {
    expect(deadlineOf({ year: 2026, quarter: 3 }).toISOString()).toBe("2026-10-20T16:59:59.000Z");
    expect(vietnamTimeAfterQuarter({ year: 2025, quarter: 4 }, 45, 17).toISOString()).toBe("2026-02-14T10:00:00.000Z");
    // New Year's Eve, 18:00 UTC: already the first quarter of 2027 in Vietnam.
    expect(quarterInVietnam(new Date("2026-12-31T18:00:00Z"))).toEqual({ year: 2027, quarter: 1 });
    expect(quarterInVietnam(new Date("2026-12-31T16:59:59Z"))).toEqual({ year: 2026, quarter: 4 });
  });
});

describe("formatVietnamDay", () => {
  it("reads an instant's calendar day in Vietnam: an approval at 01:00 on 3 December there is the 3rd, not the 2nd", () => {
    const approved = new Date("2026-12-02T18:00:00Z"); // 03/12/2026 01:00 +07:00
    expect(formatVietnamDay(approved, "vi")).toBe("03/12/2026");
    expect(formatVietnamDay(approved.toISOString(), "en")).toBe("3 Dec 2026");
    expect(formatVietnamDay(new Date("2026-12-02T16:59:59Z"), "vi")).toBe("02/12/2026");
  });
});
