import { describe, expect, it } from "vitest";
import { assessProgress } from "./progress";
import { buildSeries, buildTargetOverview, firstFigureBaselines, goalProgressShare, goalStatusCounts, meetsGoal, readGoal, referToEditions, rollingYear, trendStart, type IndicatorInfo, type ProvinceAggregate, type TargetInfo } from "./target-overview";

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
    { id: 10, indicatorId: 1, sectorId: null, level: "PROVINCE" as const, year: 2025, comparator: "GT" as const, value: 90, descriptionVi: null, sourceClauseVi: "trên 90%", sourceVi: "NQ 01" },
    { id: 11, indicatorId: 1, sectorId: null, level: "PROVINCE" as const, year: 2030, comparator: "EQ" as const, value: 100, descriptionVi: null, sourceClauseVi: "100%", sourceVi: "NQ 01" },
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

  it("never rests a verdict on figures awaiting approval: the pending quarter is shown, the status keeps to approved ones", () => {
    const input = {
      indicators: [ratio],
      sectors: [],
      targets: [targets[1]!],
      baselines: [{ indicatorId: 1, sectorId: null, value: 34.87, date: new Date("2020-12-31T00:00:00Z") }],
      aggregates: [
        agg({ year: 2026, quarter: 1, numerator: 80, denominator: 100 }),
        agg({ year: 2026, quarter: 2, numerator: 82, denominator: 100 }),
        agg({ year: 2026, quarter: 3, numerator: 84, denominator: 100 }),
        // A submitted figure would meet "100%" at once.
        agg({ year: 2026, quarter: 4, numerator: 100, denominator: 100, pending: 1 }),
      ],
      asOf: { year: 2026, quarter: 4 } as const,
    };
    const [row] = buildTargetOverview(input);
    expect(row!.latest).toMatchObject({ value: 100, pending: 1 });
    const a = row!.goals[0]!.assessment!;
    expect(a.status).not.toBe("ACHIEVED");
    expect(a.latest).toMatchObject({ quarter: { year: 2026, quarter: 3 }, value: 84 });
    // Approved, the same figure is judged.
    const approved = buildTargetOverview({ ...input, aggregates: input.aggregates.map((x) => ({ ...x, pending: 0 })) });
    expect(approved[0]!.goals[0]!.assessment!.status).toBe("ACHIEVED");
  });

  it("ignores figures after the as-of quarter and keeps an indicator without targets as a row with no goal (tracked, no status)", () => {
    const rows = buildTargetOverview({
      indicators: [ratio, { ...ratio, id: 2, code: "NO_TARGET" }],
      sectors: [],
      targets,
      baselines: [],
      aggregates: [agg({ year: 2024, quarter: 4, numerator: 50, denominator: 100 }), agg({ year: 2026, quarter: 1, numerator: 99, denominator: 100 })],
      asOf: { year: 2025, quarter: 4 },
    });
    expect(rows.map((r) => r.key)).toEqual(["DVC_L4_SHARE", "NO_TARGET"]);
    expect(rows[1]!.goals).toEqual([]);
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
  const base = { id: 30, indicatorId: 1, sectorId: null, level: "PROVINCE" as const, descriptionVi: null, sourceClauseVi: "x", sourceVi: "NQ 01" };

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

describe("the district level and the feasible range reach the assessment (issue #14)", () => {
  const goal = (id: number, level: TargetInfo["level"], year: number, comparator: TargetInfo["comparator"], value: number): TargetInfo => ({
    id,
    indicatorId: 1,
    sectorId: null,
    level,
    year,
    comparator,
    value,
    descriptionVi: null,
    sourceClauseVi: "x",
    sourceVi: "NQ 01",
  });
  // District dossiers: 2024-Q1..2025-Q2 (the districts' last quarter), rising 6 points a quarter.
  const districtFigures = [60, 66, 72, 78, 80, 83.5].map((v, i) =>
    agg({ year: 2024 + Math.floor(i / 4), quarter: (i % 4) + 1, numerator: v, denominator: 100 }),
  );
  const build = (levelEnds: { level: TargetInfo["level"]; lastDay: Date }[] | undefined) =>
    buildTargetOverview({
      indicators: [ratio],
      sectors: [],
      targets: [goal(1, "DISTRICT", 2025, "GT", 80), goal(2, "DISTRICT", 2030, "GT", 90)],
      baselines: [],
      aggregates: districtFigures,
      asOf: { year: 2025, quarter: 4 },
      levelEnds,
    })[0]!;

  it("marks the 2030 district goal No longer assessable once the districts are gone, and keeps the 2025 one met before", () => {
    const row = build([{ level: "DISTRICT", lastDay: new Date("2025-06-30T00:00:00Z") }]);
    expect(row.goals.map((g) => g.assessment!.status)).toEqual(["ACHIEVED", "NO_LONGER_ASSESSABLE"]);
    expect(row.goals[1]!.assessment!.unassessable).toEqual({ kind: "LEVEL_ENDED", lastDay: new Date("2025-06-30T00:00:00Z") });
    expect(row.goals[1]!.assessment!.projection).toBeNull();
  });

  it("holds only the goals of the level that ended", () => {
    const row = build([{ level: "COMMUNE", lastDay: new Date("2025-06-30T00:00:00Z") }]);
    expect(row.goals[1]!.assessment!.status).toBe("ON_TRACK");
  });

  it("clamps a rate's projection to 100% by the indicator's kind", () => {
    const row = build(undefined);
    const a = row.goals[1]!.assessment!;
    expect(a.projection).toBe(100); // the straight line reaches far beyond 100% by 2030
    expect(a.r).toBeCloseTo((100 - 60) / (90 - 60), 12);
  });

  it("projects a count in whole things", () => {
    const count: IndicatorInfo = { ...ratio, kind: "COUNT", code: "DIGITAL_ENTERPRISES", unitVi: "doanh nghiệp", unitEn: "enterprises" };
    const [row] = buildTargetOverview({
      indicators: [count],
      sectors: [],
      targets: [goal(1, "PROVINCE", 2030, "GT", 3000)],
      baselines: [],
      aggregates: [agg({ year: 2026, quarter: 1, value: 610 }), agg({ year: 2026, quarter: 2, value: 640.5 }), agg({ year: 2026, quarter: 3, value: 672 })],
      asOf: { year: 2026, quarter: 4 },
    });
    expect(Number.isInteger(row!.goals[0]!.assessment!.projection)).toBe(true);
  });
});

describe("readGoal: the words under a badge rest on the figure the badge does (issue #14)", () => {
  const health = (asOf: { year: number; quarter: 1 | 2 | 3 | 4 }) =>
    buildTargetOverview({
      indicators: [{ ...ratio, code: "DIGITAL_ECONOMY_SECTOR" }],
      sectors: [],
      targets: [
        { id: 40, indicatorId: 1, sectorId: null, level: "PROVINCE", year: 2025, comparator: "GTE", value: 10, descriptionVi: null, sourceClauseVi: "x", sourceVi: "NQ 01" },
        { id: 41, indicatorId: 1, sectorId: null, level: "PROVINCE", year: 2030, comparator: "GTE", value: 20, descriptionVi: null, sourceClauseVi: "x", sourceVi: "NQ 01" },
      ],
      baselines: [{ indicatorId: 1, sectorId: null, value: 5, date: new Date("2020-12-31T00:00:00Z") }],
      aggregates: [
        agg({ year: 2025, quarter: 3, numerator: 91, denominator: 1000 }),
        agg({ year: 2025, quarter: 4, numerator: 9444, denominator: 100000 }),
        agg({ year: 2026, quarter: 1, numerator: 99, denominator: 1000 }),
        agg({ year: 2026, quarter: 2, numerator: 10234, denominator: 100000 }),
      ],
      asOf,
    })[0]!;

  it("reads a finished goal on the value it was judged on, and a later figure apart", () => {
    const row = health({ year: 2026, quarter: 4 });
    const g2025 = row.goals[0]!;
    expect(g2025.assessment!.status).toBe("MISSED");
    const reading = readGoal(g2025, row.latest);
    expect(reading.judged).toMatchObject({ quarter: { year: 2025, quarter: 4 }, value: expect.closeTo(9.444, 9) });
    expect(reading.meets).toBe(false); // the badge's own figure, not 2026's 10,23%
    expect(reading.gap).toBeCloseTo(10 - 9.444, 9);
    expect(reading.sinceThen!.quarter).toEqual({ year: 2026, quarter: 2 });
    expect(reading.sinceThen!.value).toBeCloseTo(10.234, 9);
    // The latest figure alone would have said the opposite of the badge.
    expect(meetsGoal(g2025.target, row.latest!.value)).toBe(true);
  });

  it("reads an open goal on the latest figure, with nothing 'since then'", () => {
    const row = health({ year: 2026, quarter: 4 });
    const reading = readGoal(row.goals[1]!, row.latest);
    expect(reading.judged!.quarter).toEqual({ year: 2026, quarter: 2 });
    expect(reading.gap).toBeCloseTo(20 - 10.234, 9);
    expect(reading.sinceThen).toBeNull();
  });

  it("has no 'since then' while the judged figure is the latest", () => {
    const row = health({ year: 2026, quarter: 1 });
    expect(readGoal(row.goals[0]!, row.latest).sinceThen!.quarter).toEqual({ year: 2026, quarter: 1 });
    const inYear = health({ year: 2025, quarter: 4 });
    expect(readGoal(inYear.goals[0]!, inYear.latest).sinceThen).toBeNull();
  });

  it("gives no gap for a goal no longer assessable, and no progress share", () => {
    const row = buildTargetOverview({
      indicators: [ratio],
      sectors: [],
      targets: [{ id: 50, indicatorId: 1, sectorId: null, level: "DISTRICT", year: 2030, comparator: "GT", value: 90, descriptionVi: null, sourceClauseVi: "x", sourceVi: "NQ 01" }],
      baselines: [{ indicatorId: 1, sectorId: null, value: 40, date: new Date("2020-12-31T00:00:00Z") }],
      aggregates: [agg({ year: 2025, quarter: 1, numerator: 80, denominator: 100 }), agg({ year: 2025, quarter: 2, numerator: 83, denominator: 100 })],
      asOf: { year: 2026, quarter: 4 },
      levelEnds: [{ level: "DISTRICT", lastDay: new Date("2025-06-30T00:00:00Z") }],
    })[0]!;
    const reading = readGoal(row.goals[0]!, row.latest);
    expect(row.goals[0]!.assessment!.status).toBe("NO_LONGER_ASSESSABLE");
    expect(reading.judged!.value).toBe(83);
    expect(reading.gap).toBeNull();
    expect(goalProgressShare(row.goals[0]!)).toBeNull();
  });
});

describe("goalStatusCounts: the home page and the dashboard count goals alike", () => {
  it("counts goals (not rows) by status in the statuses' order, qualitative goals apart", () => {
    const g = (status: string | null) => ({ target: {} as TargetInfo, assessment: status === null ? null : ({ status } as never) });
    const counts = goalStatusCounts([
      { goals: [g("MISSED"), g("OFF_TRACK")] },
      { goals: [g("ACHIEVED")] },
      { goals: [g("ACHIEVED"), g(null)] },
    ]);
    expect(counts.numeric).toBe(4);
    expect(counts.qualitative).toBe(1);
    expect(counts.byStatus).toEqual([
      { status: "ACHIEVED", count: 2 },
      { status: "OFF_TRACK", count: 1 },
      { status: "MISSED", count: 1 },
    ]);
  });
});

describe("one baseline rule (issue #14, item 6)", () => {
  const target2030: TargetInfo = { id: 20, indicatorId: 1, sectorId: null, level: "PROVINCE", year: 2030, comparator: "GTE", value: 100, descriptionVi: null, sourceClauseVi: "100%", sourceVi: "NQ 01" };
  // 2020 Q4 (before the programme), 2021 Q1 with 1 unit of 4 (under MIN_COVERAGE), then one point a quarter.
  const history: ProvinceAggregate[] = [
    agg({ year: 2020, quarter: 4, numerator: 10, denominator: 100, reported: 4, expected: 4 }),
    agg({ year: 2021, quarter: 1, numerator: 5, denominator: 100, reported: 1, expected: 4 }),
    ...Array.from({ length: 20 }, (_, i) => agg({ year: 2021 + Math.floor((i + 1) / 4), quarter: ((i + 1) % 4) + 1, numerator: 20 + 2 * i, denominator: 100, reported: 4, expected: 4 })),
  ];

  it("without a recorded baseline, takes the first judged published value from 2021 Q1 on: not an earlier quarter, not a low-coverage one", () => {
    const first = firstFigureBaselines({ indicators: [ratio], baselines: [], aggregates: history });
    expect(first).toEqual([{ indicatorId: 1, sectorId: null, value: 20, quarter: { year: 2021, quarter: 2 } }]);
  });

  it("yields to a recorded baseline, and gives none to a change against a baseline", () => {
    expect(firstFigureBaselines({ indicators: [ratio], baselines: [{ indicatorId: 1, sectorId: null }], aggregates: history })).toEqual([]);
    expect(firstFigureBaselines({ indicators: [{ ...ratio, kind: "CHANGE_VS_BASELINE" }], baselines: [], aggregates: history })).toEqual([]);
  });

  it("a page reading only recent quarters gets the same baseline, pace and r as the whole history, given the first figures", () => {
    const asOf = { year: 2026, quarter: 1 } as const;
    const common = { indicators: [ratio], sectors: [], targets: [target2030], baselines: [], asOf };
    const whole = buildTargetOverview({ ...common, aggregates: history })[0]!;
    const windowOnly = history.slice(-8);
    const dashboard = buildTargetOverview({ ...common, aggregates: windowOnly, firstFigures: firstFigureBaselines({ indicators: [ratio], baselines: [], aggregates: history }) })[0]!;
    expect(whole.baseline).toMatchObject({ origin: "FIRST_FIGURE", value: 20, quarter: { year: 2021, quarter: 2 } });
    expect(dashboard.baseline).toEqual(whole.baseline);
    const [a, b] = [whole.goals[0]!.assessment!, dashboard.goals[0]!.assessment!];
    expect(b.baselineValue).toBe(20);
    expect(b.r).toBeCloseTo(a.r!, 12);
    expect(b.pace).toBeCloseTo(a.pace!, 12);
    // Without them the window's first quarter would stand in: the baseline that moved every quarter.
    const moving = buildTargetOverview({ ...common, aggregates: windowOnly })[0]!;
    expect(moving.goals[0]!.assessment!.baselineValue).not.toBe(20);
  });

  it("a recorded baseline says whether its date is assumed and whether it is a demo value", () => {
    const date = new Date("2020-12-31T00:00:00Z");
    const row = buildTargetOverview({
      indicators: [ratio],
      sectors: [],
      targets: [target2030],
      baselines: [{ indicatorId: 1, sectorId: null, value: 15, date, dateAssumed: true }],
      aggregates: history,
      asOf: { year: 2026, quarter: 1 },
    })[0]!;
    expect(row.baseline).toEqual({ origin: "RECORDED", value: 15, date, dateAssumed: true, isDemo: false });
    expect(row.goals[0]!.assessment!.baselineValue).toBe(15);
  });

  it("an overview row (the province's figure) takes the province-wide baseline whatever the order, else the widest level's (ADR 032)", () => {
    const date = new Date("2025-12-31T00:00:00Z");
    const common = { indicators: [ratio], sectors: [], targets: [target2030], aggregates: history, asOf: { year: 2026, quarter: 1 } as const };
    const commune = { indicatorId: 1, sectorId: null, level: "COMMUNE" as const, value: 11, date };
    const district = { indicatorId: 1, sectorId: null, level: "DISTRICT" as const, value: 12, date };
    const province = { indicatorId: 1, sectorId: null, level: "PROVINCE" as const, value: 13, date };
    expect(buildTargetOverview({ ...common, baselines: [commune, district, province] })[0]!.baseline).toMatchObject({ origin: "RECORDED", value: 13 });
    expect(buildTargetOverview({ ...common, baselines: [commune, district] })[0]!.baseline).toMatchObject({ origin: "RECORDED", value: 12 });
    expect(buildTargetOverview({ ...common, baselines: [commune] })[0]!.baseline).toMatchObject({ origin: "RECORDED", value: 11 });
  });

  it("a first figure after the quarter viewed is not yet a baseline", () => {
    const row = buildTargetOverview({ indicators: [ratio], sectors: [], targets: [target2030], baselines: [], aggregates: history, asOf: { year: 2021, quarter: 1 } })[0]!;
    expect(row.baseline).toBeNull();
  });
});

describe("like-for-like territory (issue #14, item 5)", () => {
  const LAST_DAY = new Date("2025-06-30T00:00:00Z");
  const count: IndicatorInfo = { ...ratio, id: 2, code: "DIGITAL_ENTERPRISES", kind: "COUNT", unitVi: "doanh nghiệp", unitEn: "enterprises" };
  const goal = (indicatorId: number, year: number, comparator: TargetInfo["comparator"], value: number): TargetInfo => ({
    id: indicatorId * 100 + year,
    indicatorId,
    sectorId: null,
    level: "PROVINCE",
    year,
    comparator,
    value,
    descriptionVi: null,
    sourceClauseVi: "",
    sourceVi: "",
  });
  // Enterprises: the old province grows by 10 a quarter to 598 in 2025 Q2; the merged one starts at 650 and grows by 10.
  const enterprises = [
    // 2024 Q1 … 2025 Q2
    ...[548, 558, 568, 578, 588, 598].map((value, i) => agg({ indicatorId: 2, year: 2024 + Math.floor(i / 4), quarter: ((i % 4) + 1) as 1 | 2 | 3 | 4, value })),
    // 2025 Q3 … 2026 Q3
    ...[650, 660, 670, 680, 690].map((value, i) => agg({ indicatorId: 2, year: 2025 + Math.floor((i + 2) / 4), quarter: (((i + 2) % 4) + 1) as 1 | 2 | 3 | 4, value, provinceValidFrom: NEW })),
  ];

  it("finds where the latest territory starts", () => {
    const series = buildSeries("COUNT", enterprises, null);
    expect(trendStart(series)).toEqual({ year: 2025, quarter: 3 });
    expect(trendStart(series.slice(0, 6))).toBeNull();
  });

  it("fits the trend to today's territory only: the merger's jump is not progress", () => {
    const input = {
      indicators: [count],
      sectors: [],
      targets: [goal(2, 2030, "GT", 3000)],
      baselines: [{ indicatorId: 2, sectorId: null, value: 500, date: new Date("2020-12-31T00:00:00Z") }],
      aggregates: enterprises,
      asOf: { year: 2026, quarter: 3 } as const,
    };
    const [g2030] = buildTargetOverview(input)[0]!.goals;
    // 2026 Q3 = t 8107 at 690, +10 a quarter to the end of 2030 (t 8124): 690 + 17 × 10 = 860.
    expect(g2030!.assessment!.projection).toBe(860);
    expect(g2030!.territory).toEqual({ kind: "CURRENT", trendFrom: { year: 2025, quarter: 3 } });
    // Without the rule, the line through both territories runs steeper (the jump of 52 counted as growth).
    const mixed = assessProgress({ series: buildSeries("COUNT", enterprises, null), baseline: null, target: { comparator: "GT", value: 3000, year: 2030 }, asOf: { year: 2026, quarter: 3 } });
    expect(mixed.projection!).toBeGreaterThan(900);
  });

  it("judges a 2025 goal on the resolution's territory: a province-entered count on the old province's last figure", () => {
    const rows = buildTargetOverview({
      indicators: [count],
      sectors: [],
      targets: [goal(2, 2025, "GT", 600)],
      baselines: [],
      aggregates: enterprises,
      asOf: { year: 2026, quarter: 3 },
      resolutionTerritory: { validFrom: OLD, lastDay: LAST_DAY, rebuilt: [] },
    });
    const [g2025] = rows[0]!.goals;
    // 650 (Q3) and 660 (Q4) are the merged province's: the old one ended at 598, under "trên 600".
    expect(g2025!.assessment!.latest).toMatchObject({ quarter: { year: 2025, quarter: 2 }, value: 598 });
    expect(g2025!.assessment!.status).toBe("MISSED");
    expect(g2025!.territory).toEqual({ kind: "RESOLUTION", lastDay: LAST_DAY, judgedRebuilt: false });
    // Without the territory, the merged province's 660 would have "met" it.
    const [plain] = buildTargetOverview({ indicators: [count], sectors: [], targets: [goal(2, 2025, "GT", 600)], baselines: [], aggregates: enterprises, asOf: { year: 2026, quarter: 3 } })[0]!.goals;
    expect(plain!.assessment!.status).toBe("ACHIEVED");
  });

  it("judges a commune-level rate's 2025 goal on the communes inside the old border, Σnum/Σden, with their coverage", () => {
    const commune: IndicatorInfo = { ...ratio, id: 3, code: "COMMUNE_DOSSIERS" };
    const aggregates = [
      agg({ indicatorId: 3, year: 2025, quarter: 2, numerator: 600, denominator: 1000, reported: 172, expected: 172 }),
      // The merged province, Bắc Kạn's lower rates included.
      agg({ indicatorId: 3, year: 2025, quarter: 4, numerator: 5800, denominator: 10_000, reported: 92, expected: 92, provinceValidFrom: NEW }),
    ];
    const rebuilt = [agg({ indicatorId: 3, year: 2025, quarter: 4, numerator: 37_723, denominator: 60_750, reported: 60, expected: 60, provinceValidFrom: NEW })];
    const rows = buildTargetOverview({
      indicators: [commune],
      sectors: [],
      targets: [goal(3, 2025, "GTE", 62)],
      baselines: [],
      aggregates,
      asOf: { year: 2026, quarter: 1 },
      resolutionTerritory: { validFrom: OLD, lastDay: LAST_DAY, rebuilt },
    });
    const [g2025] = rows[0]!.goals;
    expect(g2025!.assessment!.latest!.quarter).toEqual({ year: 2025, quarter: 4 });
    expect(g2025!.assessment!.latest!.value).toBeCloseTo(62.0955, 3);
    expect(g2025!.assessment!.status).toBe("ACHIEVED");
    expect(g2025!.territory).toEqual({ kind: "RESOLUTION", lastDay: LAST_DAY, judgedRebuilt: true });
    // The row's own series stays on each quarter's territory: 58 % is what the merged province reported.
    expect(rows[0]!.latest!.value).toBeCloseTo(58, 9);
    // A rebuilt quarter under the coverage rule is not judged: the verdict falls back to the old province's 60 %.
    const thin = buildTargetOverview({
      indicators: [commune],
      sectors: [],
      targets: [goal(3, 2025, "GTE", 62)],
      baselines: [],
      aggregates,
      asOf: { year: 2026, quarter: 1 },
      resolutionTerritory: { validFrom: OLD, lastDay: LAST_DAY, rebuilt: [{ ...rebuilt[0]!, reported: 30 }] },
    });
    expect(thin[0]!.goals[0]!.assessment!.latest).toMatchObject({ quarter: { year: 2025, quarter: 2 }, value: 60 });
  });
});

describe("a yearly rate is judged on its year (issue #14, item 10)", () => {
  const satisfaction: IndicatorInfo = { ...ratio, id: 4, code: "ONLINE_SERVICE_SATISFACTION", yearlyRate: true };
  // Quarters of very different sizes: the year's rate is not the mean of the four rates.
  const year2025 = [
    agg({ indicatorId: 4, year: 2025, quarter: 1, numerator: 90, denominator: 100 }),
    agg({ indicatorId: 4, year: 2025, quarter: 2, numerator: 900, denominator: 1000 }),
    agg({ indicatorId: 4, year: 2025, quarter: 3, numerator: 960, denominator: 1000 }),
    agg({ indicatorId: 4, year: 2025, quarter: 4, numerator: 99, denominator: 100 }),
  ];

  it("sums the four quarters ending with each quarter, only when all four are there on one territory", () => {
    const rolled = rollingYear(year2025);
    expect(rolled).toHaveLength(1);
    expect(rolled[0]).toMatchObject({ year: 2025, quarter: 4, numerator: 2049, denominator: 2200 });
    // 93,14 %, where the mean of the four rates would be 93,75 %.
    expect(buildSeries("RATIO", rolled, null)[0]!.value).toBeCloseTo(93.136, 3);
    // A quarter of another territory breaks the window.
    expect(rollingYear([...year2025.slice(0, 3), { ...year2025[3]!, provinceValidFrom: NEW }])).toEqual([]);
  });

  it("takes the window's least-covered quarter for its coverage, so a thin quarter keeps the window from being judged", () => {
    const withCoverage = year2025.map((a, i) => ({ ...a, reported: i === 1 ? 40 : 90, expected: 92 }));
    expect(rollingYear(withCoverage)[0]).toMatchObject({ reported: 40, expected: 92 });
  });

  it("judges the 2025 goal on the year 2025, where the fourth quarter alone would have met it", () => {
    const target = { id: 40, indicatorId: 4, sectorId: null, level: "PROVINCE" as const, year: 2025, comparator: "GT" as const, value: 95, descriptionVi: null, sourceClauseVi: "trên 95%", sourceVi: "NQ 01" };
    const input = { indicators: [satisfaction], sectors: [], targets: [target], baselines: [], aggregates: year2025, asOf: { year: 2026, quarter: 2 } as const };
    const [g] = buildTargetOverview(input)[0]!.goals;
    expect(g!.assessment!.status).toBe("MISSED");
    expect(g!.assessment!.latest!.value).toBeCloseTo(93.136, 3);
    // The same figures read quarter by quarter: Q4's 99 % "meets" it.
    const [quarterly] = buildTargetOverview({ ...input, indicators: [{ ...satisfaction, yearlyRate: false }] })[0]!.goals;
    expect(quarterly!.assessment!.status).toBe("ACHIEVED");
  });
});

describe("editions of a yearly index: the reference period apart from the reporting quarter (issue #14, item 9)", () => {
  const dti: IndicatorInfo = { ...ratio, id: 5, code: "DTI_RANK", kind: "RANK", unitVi: "hạng", unitEn: "rank" };
  const LAST_DAY = new Date("2025-06-30T00:00:00Z");
  const edition = (referenceYear: number, rankedUnits: number) => ({ indicatorId: 5, referenceYear, publishedOn: new Date(Date.UTC(referenceYear + 1, 6, 1)), rankedUnits });
  const editions = [edition(2022, 63), edition(2023, 63), edition(2024, 63), edition(2025, 34)];
  // Each quarter repeats the latest published rank: Q3 brings the edition of the year before.
  const rank = (year: number, quarter: 1 | 2 | 3 | 4, value: number) => agg({ indicatorId: 5, year, quarter, value, provinceValidFrom: year * 4 + quarter > 2025 * 4 + 2 ? NEW : OLD });
  const rows = [
    rank(2023, 2, 30), // before the first recorded edition was published: cannot be placed
    rank(2023, 3, 20), rank(2023, 4, 20), rank(2024, 1, 20), rank(2024, 2, 20),
    rank(2024, 3, 15), rank(2024, 4, 15), rank(2025, 1, 15), rank(2025, 2, 15),
    rank(2025, 3, 12), rank(2025, 4, 12), rank(2026, 1, 12), rank(2026, 2, 11), // a correction of the same edition
    rank(2026, 3, 9),
  ];
  const territory = { validFrom: OLD, lastDay: LAST_DAY };

  it("places each quarter's figure at the year its edition describes, one point per edition, the latest report winning", () => {
    const placed = referToEditions(rows, editions, { year: 2026, quarter: 3 }, territory);
    expect(placed.map((a) => [a.year, a.quarter, a.value, a.rankedUnits, a.reportedIn])).toEqual([
      [2022, 4, 20, 63, { year: 2024, quarter: 2 }],
      [2023, 4, 15, 63, { year: 2025, quarter: 2 }],
      [2024, 4, 11, 63, { year: 2026, quarter: 2 }],
      [2025, 4, 9, 34, { year: 2026, quarter: 3 }],
    ]);
    // DTI 2024 was reported by the merged province, but describes the old one.
    expect(placed[2]!.provinceValidFrom).toBe(OLD);
    expect(placed[3]!.provinceValidFrom).toBe(NEW);
    // A page of an earlier quarter has only the editions published by then.
    expect(referToEditions(rows, editions, { year: 2025, quarter: 2 }, territory).map((a) => a.year)).toEqual([2022, 2023]);
    // Without editions, the figures stay on their quarters.
    expect(referToEditions(rows, [], { year: 2026, quarter: 3 }, territory)).toBe(rows);
  });

  it("judges the 2025 goal on the last edition ranking the old province among 63, and starts the 2030 trend where the ranking's population changes", () => {
    const targets: TargetInfo[] = [
      { id: 51, indicatorId: 5, sectorId: null, level: "PROVINCE", year: 2025, comparator: "LTE", value: 15, descriptionVi: null, sourceClauseVi: "top 15", sourceVi: "" },
      { id: 52, indicatorId: 5, sectorId: null, level: "PROVINCE", year: 2030, comparator: "LTE", value: 10, descriptionVi: null, sourceClauseVi: "top 10", sourceVi: "" },
    ];
    const [row] = buildTargetOverview({ indicators: [dti], sectors: [], targets, baselines: [], aggregates: rows, asOf: { year: 2026, quarter: 3 }, resolutionTerritory: { ...territory, rebuilt: [] }, editions });
    const [g2025, g2030] = row!.goals;
    expect(g2025!.assessment!.latest).toMatchObject({ quarter: { year: 2024, quarter: 4 }, value: 11, referenceYear: 2024, rankedUnits: 63 });
    expect(g2025!.assessment!.status).toBe("ACHIEVED");
    expect(row!.series.at(-1)).toMatchObject({ referenceYear: 2025, rankedUnits: 34, rankBreak: true });
    expect(g2030!.territory).toEqual({ kind: "CURRENT", trendFrom: { year: 2025, quarter: 4 } });
    expect(g2030!.assessment!.status).toBe("ACHIEVED");
  });

  it("counts a placed value's age from the quarter that last reported it: DTI 2024 reported in 2026 Q2 is not stale", () => {
    const target: TargetInfo = { id: 52, indicatorId: 5, sectorId: null, level: "PROVINCE", year: 2030, comparator: "LTE", value: 5, descriptionVi: null, sourceClauseVi: "top 5", sourceVi: "" };
    const [row] = buildTargetOverview({ indicators: [dti], sectors: [], targets: [target], baselines: [], aggregates: rows.slice(0, -1), asOf: { year: 2026, quarter: 2 }, editions });
    // 2024 Q4 is six quarters before 2026 Q2, but it was reported in 2026 Q2.
    expect(row!.goals[0]!.assessment!.status).not.toBe("NO_LONGER_ASSESSABLE");
  });
});
