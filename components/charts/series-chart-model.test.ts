import { describe, expect, it } from "vitest";
import { buildTargetOverview, type IndicatorInfo, type ProvinceAggregate } from "@/lib/progress/target-overview";
import { leastSquaresProjection, timeOfQuarter } from "@/lib/progress/progress";
import { buildSeriesChartModel, NARROW_CHART_HEIGHT, NARROW_CHART_WIDTH, narrowChartModel, niceTicks, paceAt } from "./series-chart-model";

const OLD = new Date("2019-01-01T00:00:00Z");
const NEW = new Date("2025-07-01T00:00:00Z");
const ratio: IndicatorInfo = {
  id: 1,
  code: "WORK_DOSSIER_ONLINE_COMMUNE",
  nameVi: "Tỷ lệ hồ sơ công việc cấp xã",
  nameEn: "Commune work dossiers",
  group: "DIGITAL_GOVERNMENT",
  kind: "RATIO",
  unitVi: "%",
  unitEn: "%",
  sortOrder: 1,
};

function agg(year: number, quarter: number, numerator: number, territory = OLD): ProvinceAggregate {
  return {
    indicatorId: 1,
    sectorId: null,
    year,
    quarter,
    numerator,
    denominator: 100,
    value: null,
    reported: 1,
    approvedAt: new Date("2025-01-01T00:00:00Z"),
    isDemo: true,
    provinceValidFrom: territory,
  };
}

const target = (id: number, year: number, comparator: "GT" | "EQ", value: number) => ({
  id,
  indicatorId: 1,
  sectorId: null,
  level: "PROVINCE" as const,
  year,
  comparator,
  value,
  descriptionVi: null,
  sourceClauseVi: "trên 60%",
  sourceVi: "NQ 01",
});

const baseline = { value: 20, date: new Date("2020-12-31T00:00:00Z") };
const [row] = buildTargetOverview({
  indicators: [ratio],
  sectors: [],
  targets: [target(1, 2025, "GT", 60), target(2, 2030, "GT", 70)],
  baselines: [{ indicatorId: 1, sectorId: null, ...baseline }],
  aggregates: [agg(2025, 1, 50), agg(2025, 2, 55), agg(2025, 3, 52, NEW), agg(2025, 4, 58, NEW), agg(2026, 1, 61, NEW), agg(2026, 2, 62, NEW)],
  asOf: { year: 2026, quarter: 4 },
});
const model = buildSeriesChartModel({ id: "c", row: row!, baseline, asOf: { year: 2026, quarter: 4 }, locale: "vi", name: "Hồ sơ cấp xã" });

describe("buildSeriesChartModel", () => {
  it("never joins the series across the territory change of the merger, and marks it", () => {
    expect(model.actual.map((s) => s.length)).toEqual([2, 4]);
    expect(model.breakAt).toBe(timeOfQuarter({ year: 2025, quarter: 3 }) - 1);
    expect(model.actual[1]![0]!.label).toBe("Quý III/2025: 52,00%");
  });

  it("draws the pace from the baseline to each goal at the end of its year, and the goal levels", () => {
    expect(model.paces.map((p) => p.points)).toEqual([
      [
        { t: timeOfQuarter({ year: 2020, quarter: 4 }), v: 20 },
        { t: timeOfQuarter({ year: 2025, quarter: 4 }), v: 60 },
      ],
      [
        { t: timeOfQuarter({ year: 2020, quarter: 4 }), v: 20 },
        { t: timeOfQuarter({ year: 2030, quarter: 4 }), v: 70 },
      ],
    ]);
    expect(model.targets.map((t) => t.label)).toEqual(["Mục tiêu 2025: trên 60%", "Mục tiêu 2030: trên 70%"]);
    // The table's pace column lies on the same line.
    expect(paceAt(baseline, { value: 70, year: 2030 }, { year: 2025, quarter: 4 })).toBeCloseTo(20 + (50 * 20) / 40, 9);
  });

  it("projects towards the goal still open, with the trend the status uses", () => {
    const goal2030 = row!.goals.find((g) => g.target.year === 2030)!;
    expect(model.projection!.year).toBe(2030);
    expect(model.projection!.points[1]!.v).toBe(goal2030.assessment!.projection);
    const lastT = timeOfQuarter({ year: 2026, quarter: 2 });
    expect(model.projection!.points[0]).toEqual({ t: lastT, v: leastSquaresProjection(row!.series, lastT)!.value });
  });

  it("covers everything drawn, clamps a percentage axis to 0–100 and says it all in the text alternative", () => {
    expect(model.xDomain[0]).toBeLessThanOrEqual(model.paces[0]!.points[0]!.t);
    expect(model.xDomain[1]).toBeGreaterThanOrEqual(timeOfQuarter({ year: 2030, quarter: 4 }));
    expect(model.yTicks.every((t) => t.v >= 0 && t.v <= 100)).toBe(true);
    expect(model.yTicks[0]!.label).toBe("0%");
    expect(model.summary).toContain("Quý I/2025 (50,00%)");
    expect(model.summary).toContain("Quý II/2026 (62,00%)");
    expect(model.summary).toContain("trên 70%");
  });

  it("draws no pace line for a goal the baseline already meets", () => {
    const m = buildSeriesChartModel({
      id: "c",
      row: row!,
      baseline: { value: 65, date: baseline.date },
      asOf: { year: 2026, quarter: 4 },
      locale: "en",
      name: "x",
    });
    expect(m.paces.map((p) => p.year)).toEqual([2030]);
  });
});

describe("niceTicks", () => {
  it.each([
    [0, 100, [0, 20, 40, 60, 80, 100]],
    [0, 63, [0, 20, 40, 60, 80]],
    [-30, 0, [-30, -20, -10, 0]],
    [0.1, 0.4, [0.1, 0.2, 0.3, 0.4]],
  ])("[%s, %s] → %j", (min, max, ticks) => {
    expect(niceTicks(min, max)).toEqual(ticks);
  });
});

describe("narrowChartModel (the phone drawing, ADR 031)", () => {
  const wide = buildSeriesChartModel({ id: "c", row: row!, baseline, asOf: { year: 2026, quarter: 4 }, locale: "vi", name: "Hồ sơ cấp xã" });
  const narrow = narrowChartModel(wide);

  it("draws the same data in 340 × 260 units with 13-unit text, so a 390 px screen shows it at ≥ 11 px", () => {
    expect([narrow.width, narrow.height, narrow.fontSize]).toEqual([NARROW_CHART_WIDTH, NARROW_CHART_HEIGHT, 13]);
    // Drawn in a box of at most 24rem (384 px) and at least the 332 px a 390 px screen leaves it.
    expect((13 * 332) / NARROW_CHART_WIDTH).toBeGreaterThanOrEqual(11);
    expect(narrow.actual).toEqual(wide.actual);
    expect(narrow.yTicks).toEqual(wide.yTicks);
    expect(narrow.summary).toBe(wide.summary);
    expect(narrow.id).not.toBe(wide.id);
  });

  it("keeps at most five year ticks, starting from the first", () => {
    expect(wide.xTicks.length).toBeGreaterThan(5);
    expect(narrow.xTicks.length).toBeLessThanOrEqual(5);
    expect(narrow.xTicks[0]).toEqual(wide.xTicks[0]);
    for (const tick of narrow.xTicks) expect(wide.xTicks).toContainEqual(tick);
  });
});
