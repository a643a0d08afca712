import { describe, expect, it } from "vitest";
import { deadlineOf, lastCompletedQuarter, planReportingPeriods, quarterInVietnam } from "./periods";

describe("planReportingPeriods", () => {
  const now = new Date("2026-11-28T08:00:00Z");
  const periods = planReportingPeriods(now);

  it("runs from 2021 Q1 to the current quarter", () => {
    expect(periods).toHaveLength(24);
    expect(periods[0]).toMatchObject({ year: 2021, quarter: 1 });
    expect(periods.at(-1)).toMatchObject({ year: 2026, quarter: 4 });
  });

  it("leaves the current and the last completed quarter open and locks everything older", () => {
    const open = periods.filter((p) => p.status === "OPEN").map((p) => `${p.year}-Q${p.quarter}`);
    expect(open).toEqual(["2026-Q3", "2026-Q4"]);
    for (const p of periods.filter((x) => x.status === "LOCKED")) {
      expect(p.lockedAt!.getTime()).toBeGreaterThan(p.deadline.getTime());
      expect(p.lockedAt!.getTime()).toBeLessThan(now.getTime());
    }
    expect(periods.filter((p) => p.status === "OPEN").every((p) => p.lockedAt === null)).toBe(true);
  });

  it("sets the deadline at 23:59:59 Vietnam time on the 20th day after the quarter", () => {
    expect(deadlineOf({ year: 2026, quarter: 3 }).toISOString()).toBe("2026-10-20T16:59:59.000Z");
    expect(deadlineOf({ year: 2024, quarter: 4 }).toISOString()).toBe("2025-01-20T16:59:59.000Z");
    expect(deadlineOf({ year: 2024, quarter: 1 }).toISOString()).toBe("2024-04-20T16:59:59.000Z");
  });
});

describe("quarters on the Vietnamese calendar", () => {
  it("already counts the evening of 31 December UTC as the new year in Vietnam", () => {
    expect(quarterInVietnam(new Date("2026-12-31T16:59:59Z"))).toEqual({ year: 2026, quarter: 4 });
    expect(quarterInVietnam(new Date("2026-12-31T17:00:00Z"))).toEqual({ year: 2027, quarter: 1 });
    expect(lastCompletedQuarter(new Date("2026-12-31T17:00:00Z"))).toEqual({ year: 2026, quarter: 4 });
    expect(lastCompletedQuarter(new Date("2026-11-28T00:00:00Z"))).toEqual({ year: 2026, quarter: 3 });
  });
});
