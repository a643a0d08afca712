import { describe, expect, it } from "vitest";
import { PROGRESS_STATUSES, type ProgressStatus } from "@/lib/progress/progress";
import { BEHIND_STATUSES, defaultDashboardQuarter, filterOverviewRows, groupByDepartment, sortOverviewByStatus, statusCounts, type DashboardOverviewRow } from "./dashboard";
import { dashboardParamsSchema, statusList } from "@/lib/validations/dashboard";

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

describe("who answers for what is behind (issue #16, item 2)", () => {
  const ktcn = { id: 2, code: "SO_KHCN", nameVi: "Sở Khoa học và Công nghệ" };
  const vp = { id: 3, code: "VP_UBND", nameVi: "Văn phòng UBND tỉnh" };
  const withDept = (r: DashboardOverviewRow, department: typeof ktcn | null) => ({ ...r, department }) as DashboardOverviewRow;
  const rows = [
    withDept(row("A_DONE", ["ACHIEVED"]), vp),
    withDept(row("B_SLOW", ["ACHIEVED", "NEEDS_ACCELERATION"]), ktcn),
    withDept(row("C_WORSE", ["REGRESSING"]), vp),
    withDept(row("D_QUAL", [null]), null),
    withDept(row("E_OFF", ["OFF_TRACK"]), ktcn),
  ];

  it("filters on several statuses at once and on a department", () => {
    expect(filterOverviewRows(rows, { status: [...BEHIND_STATUSES] }).map((r) => r.key)).toEqual(["B_SLOW", "C_WORSE", "E_OFF"]);
    expect(filterOverviewRows(rows, { status: [...BEHIND_STATUSES], department: 2 }).map((r) => r.key)).toEqual(["B_SLOW", "E_OFF"]);
    expect(filterOverviewRows(rows, { status: [] }).length).toBe(5);
  });

  it("sorts by the worst status of a row's goals, rows without one last; descending reverses the statuses only", () => {
    expect(sortOverviewByStatus(rows).map((r) => r.key)).toEqual(["C_WORSE", "E_OFF", "B_SLOW", "A_DONE", "D_QUAL"]);
    expect(sortOverviewByStatus(rows, true).map((r) => r.key)).toEqual(["A_DONE", "B_SLOW", "E_OFF", "C_WORSE", "D_QUAL"]);
  });

  it("groups by department, by name, keeping the order inside; rows without one last", () => {
    expect(groupByDepartment(sortOverviewByStatus(rows)).map((g) => [g.department?.code ?? null, g.rows.map((r) => r.key)])).toEqual([
      ["SO_KHCN", ["E_OFF", "B_SLOW"]],
      ["VP_UBND", ["C_WORSE", "A_DONE"]],
      [null, ["D_QUAL"]],
    ]);
  });

  it("reads statuses repeated or comma-separated, in a fixed order, dropping unknown ones", () => {
    const parsed = dashboardParamsSchema.parse({ "trang-thai": ["OFF_TRACK,REGRESSING", "NOPE", "MISSED"], "co-quan": "3", "nhom-theo": "co-quan", "sap-xep": "trang-thai" });
    expect(parsed["trang-thai"]).toBe("OFF_TRACK,REGRESSING,MISSED");
    expect(statusList(parsed["trang-thai"])).toEqual(["OFF_TRACK", "REGRESSING", "MISSED"]);
    expect([parsed["co-quan"], parsed["nhom-theo"], parsed["sap-xep"]]).toEqual([3, "co-quan", "trang-thai"]);
    expect(dashboardParamsSchema.parse({ "trang-thai": "NOPE" })["trang-thai"]).toBeUndefined();
  });
});
