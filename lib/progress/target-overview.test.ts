import { describe, expect, it } from "vitest";
import { buildSeries, buildTargetOverview, goalProgressShare, meetsGoal, type IndicatorInfo, type ProvinceAggregate } from "./target-overview";

const OLD = new Date("2019-01-01T00:00:00Z");
const NEW = new Date("2025-07-01T00:00:00Z");

function agg(partial: Partial<ProvinceAggregate> & Pick<ProvinceAggregate, "year" | "quarter">): ProvinceAggregate {
  return {
    indicatorId: 1,
    sectorId: null,
    numerator: null,
    denominator: null,
    value: null,
    reported: 1,
    approvedAt: new Date("2025-01-01T00:00:00Z"),
    isDemo: false,
    provinceValidFrom: OLD,
    ...partial,
  };
}

const ratio: IndicatorInfo = {
  id: 1,
  code: "DVC_L4_SHARE",
  nameVi: "Tỷ lệ DVC mức độ 4",
  nameEn: "Level-4 share",
  group: "DIGITAL_GOVERNMENT",
  kind: "RATIO",
  unitVi: "%",
  unitEn: "%",
  sortOrder: 1,
};

describe("buildSeries", () => {
  it("computes a ratio from Σnum/Σden, orders quarters and marks the territory break of the merger", () => {
    const series = buildSeries(
      "RATIO",
      [
        agg({ year: 2025, quarter: 3, numerator: 900, denominator: 1000, provinceValidFrom: NEW }),
        agg({ year: 2025, quarter: 2, numerator: 100, denominator: 102 }),
        agg({ year: 2025, quarter: 1, numerator: 50, denominator: 100 }),
      ],
      null,
    );
    expect(series.map((p) => `${p.quarter.year}Q${p.quarter.quarter}`)).toEqual(["2025Q1", "2025Q2", "2025Q3"]);
    expect(series[1]!.value).toBeCloseTo(98.0392, 3);
    expect(series.map((p) => p.territoryBreak)).toEqual([false, false, true]);
  });

  it("expresses a change-vs-baseline indicator as percent change of the count", () => {
    const series = buildSeries("CHANGE_VS_BASELINE", [agg({ year: 2026, quarter: 1, value: 1400 })], 2000);
    expect(series[0]!.value).toBeCloseTo(-30, 9);
    expect(buildSeries("CHANGE_VS_BASELINE", [agg({ year: 2026, quarter: 1, value: 1400 })], null)).toEqual([]);
  });
});

describe("buildTargetOverview", () => {
  const targets = [
    { id: 10, indicatorId: 1, sectorId: null, year: 2025, comparator: "GT" as const, value: 90, descriptionVi: null, sourceClauseVi: "trên 90%", sourceVi: "NQ 01" },
    { id: 11, indicatorId: 1, sectorId: null, year: 2030, comparator: "EQ" as const, value: 100, descriptionVi: null, sourceClauseVi: "100%", sourceVi: "NQ 01" },
  ];

  it("gives a final verdict for a goal year that is over: exactly 90% does not meet 'trên 90%'", () => {
    const rows = buildTargetOverview({
      indicators: [ratio],
      sectors: [],
      targets,
      baselines: [{ indicatorId: 1, sectorId: null, value: 34.87, date: new Date("2020-12-31T00:00:00Z") }],
      aggregates: [
        agg({ year: 2025, quarter: 3, numerator: 85, denominator: 100 }),
        agg({ year: 2025, quarter: 4, numerator: 90, denominator: 100 }),
        agg({ year: 2026, quarter: 1, numerator: 95, denominator: 100 }),
      ],
      asOf: { year: 2026, quarter: 2 },
    });
    expect(rows).toHaveLength(1);
    const [g2025, g2030] = rows[0]!.goals;
    expect(g2025!.assessment!.final).toBe(true);
    expect(g2025!.assessment!.latest!.value).toBe(90);
    expect(g2025!.assessment!.status).toBe("MISSED");
    expect(g2030!.assessment!.final).toBe(false);
    expect(rows[0]!.latest!.value).toBe(95);
  });

  it("ignores figures after the as-of quarter and skips indicators without targets", () => {
    const rows = buildTargetOverview({
      indicators: [ratio, { ...ratio, id: 2, code: "NO_TARGET" }],
      sectors: [],
      targets,
      baselines: [],
      aggregates: [agg({ year: 2024, quarter: 4, numerator: 50, denominator: 100 }), agg({ year: 2026, quarter: 1, numerator: 99, denominator: 100 })],
      asOf: { year: 2025, quarter: 4 },
    });
    expect(rows.map((r) => r.key)).toEqual(["DVC_L4_SHARE"]);
    expect(rows[0]!.latest!.value).toBe(50);
    expect(rows[0]!.goals[0]!.assessment!.status).toBe("INSUFFICIENT_DATA");
  });

  it("keeps one row per sector for a sector-broken-down indicator, and no assessment for a qualitative goal", () => {
    const sectorTargets = [
      { ...targets[0]!, id: 20, sectorId: 7, comparator: "GTE" as const, value: 10 },
      { ...targets[0]!, id: 21, sectorId: 8, comparator: "GTE" as const, value: 10 },
      { ...targets[1]!, id: 22, sectorId: 8, value: null, descriptionVi: "định tính" },
    ];
    const rows = buildTargetOverview({
      indicators: [{ ...ratio, code: "DIGITAL_ECONOMY_SECTOR" }],
      sectors: [
        { id: 7, code: "INDUSTRY", nameVi: "Công nghiệp", nameEn: "Industry" },
        { id: 8, code: "HEALTH", nameVi: "Y tế", nameEn: "Health" },
      ],
      targets: sectorTargets,
      baselines: [],
      aggregates: [agg({ year: 2025, quarter: 4, sectorId: 7, numerator: 12, denominator: 100 })],
      asOf: { year: 2026, quarter: 1 },
    });
    expect(rows.map((r) => r.key)).toEqual(["DIGITAL_ECONOMY_SECTOR:INDUSTRY", "DIGITAL_ECONOMY_SECTOR:HEALTH"]);
    expect(rows[0]!.goals[0]!.assessment!.status).toBe("ACHIEVED");
    expect(rows[1]!.goals[0]!.assessment!.status).toBe("INSUFFICIENT_DATA");
    expect(rows[1]!.goals[1]!.assessment).toBeNull();
  });
});

describe("meetsGoal and goalProgressShare (the home card's words)", () => {
  const base = { id: 30, indicatorId: 1, sectorId: null, descriptionVi: null, sourceClauseVi: "x", sourceVi: "NQ 01" };

  it("reads 'trên 90%' strictly: 90 does not meet it, 90.01 does; a qualitative goal has no answer", () => {
    expect(meetsGoal({ comparator: "GT", value: 90 }, 90)).toBe(false);
    expect(meetsGoal({ comparator: "GT", value: 90 }, (9 / 10) * 100)).toBe(false); // 90.00000000000001 in floating point
    expect(meetsGoal({ comparator: "GT", value: 90 }, 90.01)).toBe(true);
    expect(meetsGoal({ comparator: "GTE", value: 10 }, 10)).toBe(true);
    expect(meetsGoal({ comparator: "LTE", value: -30 }, -30.5)).toBe(true);
    expect(meetsGoal({ comparator: "GTE", value: null }, 12)).toBeNull();
  });

  it("measures the share of the way from the baseline to the goal covered by the latest figure", () => {
    const rows = buildTargetOverview({
      indicators: [ratio],
      sectors: [],
      targets: [{ ...base, year: 2030, comparator: "EQ", value: 100 }],
      baselines: [{ indicatorId: 1, sectorId: null, value: 60, date: new Date("2020-12-31T00:00:00Z") }],
      aggregates: [
        agg({ year: 2026, quarter: 1, numerator: 70, denominator: 100 }),
        agg({ year: 2026, quarter: 2, numerator: 80, denominator: 100 }),
      ],
      asOf: { year: 2026, quarter: 4 },
    });
    expect(goalProgressShare(rows[0]!.goals[0]!)).toBeCloseTo(0.5, 12); // (80 − 60) / (100 − 60)
  });

  it("is negative when the figure moved away from the goal, and null without a distance to cover", () => {
    const rows = buildTargetOverview({
      indicators: [ratio],
      sectors: [],
      targets: [
        { ...base, id: 31, year: 2030, comparator: "GT", value: 90 },
        { ...base, id: 32, year: 2031, comparator: "GTE", value: 60 },
      ],
      baselines: [{ indicatorId: 1, sectorId: null, value: 60, date: new Date("2020-12-31T00:00:00Z") }],
      aggregates: [agg({ year: 2026, quarter: 1, numerator: 45, denominator: 100 })],
      asOf: { year: 2026, quarter: 4 },
    });
    expect(goalProgressShare(rows[0]!.goals[0]!)).toBeCloseTo(-0.5, 12);
    expect(goalProgressShare(rows[0]!.goals[1]!)).toBeNull();
  });
});
