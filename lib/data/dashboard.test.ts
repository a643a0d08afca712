import { describe, expect, it } from "vitest";
import { PROGRESS_STATUSES, type ProgressStatus } from "@/lib/progress/progress";
import { defaultDashboardQuarter, filterOverviewRows, statusCounts, type DashboardOverviewRow } from "./dashboard";

/** A row with goals in the given statuses (null: a qualitative goal). */
const row = (key: string, statuses: (ProgressStatus | null)[]): DashboardOverviewRow =>
  ({
    key,
    indicator: { group: "DIGITAL_GOVERNMENT" },
    status: statuses.at(-1) ?? null,
    goals: statuses.map((s, i) => ({ year: 2025 + 5 * i, goal: { assessment: s === null ? null : { status: s } } })),
  }) as unknown as DashboardOverviewRow;

describe("the status filter's counts", () => {
  // Digital enterprises: 2025 missed, 2030 off track; Y tế: 2025 missed; the district dossiers: 2025 achieved, 2030 no longer assessable.
  const rows = [row("ENTERPRISES", ["MISSED", "OFF_TRACK"]), row("HEALTH", ["MISSED"]), row("DISTRICT", ["ACHIEVED", "NO_LONGER_ASSESSABLE"]), row("OPEN_DATA", [null])];

  it("are the number of rows the filter shows, for every status", () => {
    const counts = statusCounts(rows);
    for (const s of PROGRESS_STATUSES) expect(counts[s], s).toBe(filterOverviewRows(rows, { status: s }).length);
    // A row whose headline is its open 2030 goal still counts under its missed 2025 goal.
    expect(counts.MISSED).toBe(2);
    expect(counts.OFF_TRACK).toBe(1);
    expect(counts.NO_LONGER_ASSESSABLE).toBe(1);
  });
});

describe("defaultDashboardQuarter", () => {
  const quarters = ["2026-Q2", "2026-Q3", "2026-Q4"];
  it("opens on the latest quarter with approved figures, not on the quarter just opened", () => {
    expect(defaultDashboardQuarter(quarters, "2026-Q3")).toBe("2026-Q3");
  });
  it("keeps a quarter asked for, if it is a reporting quarter", () => {
    expect(defaultDashboardQuarter(quarters, "2026-Q3", "2026-Q4")).toBe("2026-Q4");
    expect(defaultDashboardQuarter(quarters, "2026-Q3", "2031-Q1")).toBe("2026-Q3");
  });
  it("falls back to the latest reporting quarter before any approval, and to nothing without periods", () => {
    expect(defaultDashboardQuarter(quarters, null)).toBe("2026-Q4");
    expect(defaultDashboardQuarter([], null)).toBeNull();
  });
});
