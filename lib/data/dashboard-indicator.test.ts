import { describe, expect, it } from "vitest";
import { breakdownLevelFor, searchAndSortUnits, unitStatusPoints, unitTarget, type BreakdownUnitRow } from "./dashboard-indicator";
import { completenessState } from "./dashboard-completeness";

const row = (code: string, name: string, value: number | null, delta: number | null = null, reported = 1, expected = 1): BreakdownUnitRow => ({
  id: Number(code),
  code,
  name,
  type: "Xã",
  level: "COMMUNE",
  parentId: null,
  parentName: null,
  predecessors: 0,
  hasPartialPredecessor: false,
  current: { numerator: null, denominator: null, value, reported, expected, submitted: 0, partial: false },
  previous: null,
  delta,
  status: null,
  unassessable: null,
  target: null,
  series: [],
});

describe("the breakdown table", () => {
  const rows = [row("3", "Xã Đồng Hỷ", 40, 5), row("1", "Phường Ba Hàng", 70, -2), row("2", "Xã An Khánh", null), row("4", "Xã Bình Sơn", 55, 12, 0, 1)];

  it("sorts by value either way with units without a value last, and by name in Vietnamese order", () => {
    expect(searchAndSortUnits(rows, { sort: "gia-tri" }).map((r) => r.code)).toEqual(["3", "4", "1", "2"]);
    expect(searchAndSortUnits(rows, { sort: "gia-tri", descending: true }).map((r) => r.code)).toEqual(["1", "4", "3", "2"]);
    expect(searchAndSortUnits(rows, { sort: "thay-doi", descending: true }).map((r) => r.code)).toEqual(["4", "3", "1", "2"]);
    expect(searchAndSortUnits(rows, {}).map((r) => r.name)).toEqual(["Phường Ba Hàng", "Xã An Khánh", "Xã Bình Sơn", "Xã Đồng Hỷ"]);
  });

  it("finds units without accents or case", () => {
    expect(searchAndSortUnits(rows, { search: "dong hy" }).map((r) => r.code)).toEqual(["3"]);
    expect(searchAndSortUnits(rows, { search: "XÃ" }).length).toBe(3);
  });

  it("holds each unit to the target of its level, else the level figures are entered at, else the province's; the nearest year not over", () => {
    const targets = [
      { level: "COMMUNE" as const, year: 2025, comparator: "GT" as const, value: 60, sectorId: null },
      { level: "COMMUNE" as const, year: 2030, comparator: "GT" as const, value: 90, sectorId: null },
      { level: "PROVINCE" as const, year: 2025, comparator: "GT" as const, value: 80, sectorId: null },
    ];
    expect(unitTarget(targets, "COMMUNE", ["COMMUNE"], { year: 2025, quarter: 2 }, null)).toEqual({ year: 2025, level: "COMMUNE", comparator: "GT", value: 60 });
    expect(unitTarget(targets, "COMMUNE", ["COMMUNE"], { year: 2026, quarter: 1 }, null)?.year).toBe(2030);
    expect(unitTarget(targets, "DISTRICT", ["COMMUNE"], { year: 2025, quarter: 2 }, null)?.level).toBe("COMMUNE");
    expect(unitTarget(targets.slice(2), "DISTRICT", ["DISTRICT"], { year: 2025, quarter: 2 }, null)?.level).toBe("PROVINCE");
    expect(unitTarget(targets, "COMMUNE", ["COMMUNE"], { year: 2025, quarter: 2 }, 7)).toBeNull();
  });

  it("lists districts before the reform (communes once a district is chosen) and communes after", () => {
    expect(breakdownLevelFor("2025-06-30", null)).toBe("DISTRICT");
    expect(breakdownLevelFor("2025-06-30", 12)).toBe("COMMUNE");
    expect(breakdownLevelFor("2025-07-01", null)).toBe("COMMUNE");
  });

  it("names completeness in words", () => {
    expect(completenessState({ reported: 0, expected: 0 })).toBe("NONE_EXPECTED");
    expect(completenessState({ reported: 3, expected: 3 })).toBe("COMPLETE");
    expect(completenessState({ reported: 1, expected: 3 })).toBe("PARTIAL");
    expect(completenessState({ reported: 0, expected: 3 })).toBe("MISSING");
  });
});

describe("a unit's status (issue #14, item 7)", () => {
  it("never rests on a quarter rebuilt from a predecessor only partly merged into the unit, nor on one awaiting approval", () => {
    const q = (quarter: 1 | 2 | 3 | 4) => ({ year: 2025, quarter });
    const points = unitStatusPoints([
      { quarter: q(1), value: 44, partial: true, submitted: 0 },
      { quarter: q(2), value: 61, partial: true, submitted: 0 },
      { quarter: q(3), value: 70, partial: false, submitted: 1 },
      { quarter: q(4), value: 80, partial: false, submitted: 0 },
    ]);
    expect(points.map((p) => [p.quarter, p.value])).toEqual([[q(4), 80]]);
  });
});
