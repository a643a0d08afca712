/**
 * Turns province-level aggregates of approved figures into the overview of
 * every target: the indicator's province series, its latest value and the
 * progress status against each goal year. Pure: the data layer loads the rows.
 */
import { coverageOf, judgedPoints, assessProgress, changeVsBaseline, PROGRESS_STATUSES, type ProgressAssessment, type ProgressStatus, type QuarterValue } from "@/lib/progress/progress";
import { compareQuarters, quarterEnd, type Quarter } from "@/lib/period/quarter";
import { compareWithTolerance, meetsTarget, type Comparator } from "@/lib/targets/comparator";
import { feasibleRange } from "./feasible-range";
import { FIRST_FIGURE_FROM } from "./thresholds";

export type IndicatorKind = "RATIO" | "COUNT" | "CHANGE_VS_BASELINE" | "RANK";
/** The level a target is set for (the schema's UnitLevel). */
export type TargetLevel = "PROVINCE" | "DISTRICT" | "COMMUNE";
export type IndicatorGroup = "DIGITAL_GOVERNMENT" | "DIGITAL_ECONOMY" | "DIGITAL_SOCIETY" | "INFRASTRUCTURE";

export interface IndicatorInfo {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string;
  group: IndicatorGroup;
  kind: IndicatorKind;
  unitVi: string;
  unitEn: string;
  sortOrder: number;
  /** A rate defined over a year: its series is rollingYear's (issue #14, item 10). Absent: false. */
  yearlyRate?: boolean;
}

export interface SectorInfo {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string;
}

export interface TargetInfo {
  id: number;
  indicatorId: number;
  sectorId: number | null;
  /** The level the target is set for: a district target ends with the districts. */
  level: TargetLevel;
  year: number;
  comparator: Comparator;
  /** null: a qualitative target, described in words. */
  value: number | null;
  descriptionVi: string | null;
  sourceClauseVi: string;
  sourceVi: string;
  /** The national target this one answers (issue #15): a reference line, never judged here. Absent or null: none. */
  national?: NationalLine | null;
}

/** A national programme's target, as the provincial target that answers it shows it. */
export interface NationalLine {
  programmeCode: string;
  comparator: Comparator;
  value: number | null;
}

export interface BaselineInfo {
  indicatorId: number;
  sectorId: number | null;
  /** The level it describes (absent: the province). One current baseline per indicator × level × sector (ADR 032). */
  level?: TargetLevel;
  value: number;
  date: Date;
  /** A recorded baseline whose day is assumed (the article is undated: "đến nay" → 31/12/2020). */
  dateAssumed?: boolean;
  /** Invented for the demo (the resolution gives no baseline count). */
  isDemo?: boolean;
}

/** Wider first: a province-wide baseline before a district's or a commune's. */
const LEVEL_WIDTH: Record<TargetLevel, number> = { PROVINCE: 0, DISTRICT: 1, COMMUNE: 2 };

/** Later than any quarter: the whole history. */
const LAST_QUARTER: Quarter = { year: 9999, quarter: 4 };

/** A target's starting point when none is recorded: its first judged published value (firstFigureBaselines). */
export interface FirstFigureBaseline {
  indicatorId: number;
  sectorId: number | null;
  value: number;
  /** The quarter of that value; its last day is the baseline's date. */
  quarter: Quarter;
}

/** The baseline a row's pace, progress and r rest on, and where it comes from. */
export type RowBaseline =
  | { origin: "RECORDED"; value: number; date: Date; dateAssumed: boolean; isDemo: boolean }
  | { origin: "FIRST_FIGURE"; value: number; date: Date; quarter: Quarter };

/** Σ of the approved figures of one indicator (× sector) × quarter over the home province of that quarter. */
export interface ProvinceAggregate {
  indicatorId: number;
  sectorId: number | null;
  year: number;
  quarter: number;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  reported: number;
  approvedAt: Date;
  isDemo: boolean;
  /** validFrom of the province unit the figures rolled up to: it changes where the territory did. */
  provinceValidFrom: Date;
  /** Of `reported`, figures awaiting approval (the dashboard's sums include them; the public's never do). Absent: 0. */
  pending?: number;
  /** Units expected at the indicator's levels in the province that quarter (coverage = reported / expected). Absent: unknown. */
  expected?: number;
  /** Set by referToEditions: the edition's reference year (then year/quarter are its Q4), the latest quarter reporting it, and, for a ranking, how many units it ranked. */
  referenceYear?: number;
  reportedIn?: Quarter;
  rankedUnits?: number | null;
}

/** An edition of a yearly index (IndicatorEdition): the year it describes, the day it was published, how many units a ranking ranked. */
export interface EditionInfo {
  indicatorId: number;
  referenceYear: number;
  publishedOn: Date;
  rankedUnits: number | null;
}

/** A level of administrative units that no longer exists in the province, and its last day (the districts: 30 June 2025). */
export interface LevelEnd {
  level: TargetLevel;
  lastDay: Date;
}

export interface SeriesPoint extends QuarterValue {
  numerator: number | null;
  denominator: number | null;
  reported: number;
  approvedAt: Date;
  isDemo: boolean;
  /** The province territory changed since the previous point (the 1 July 2025 merger). */
  territoryBreak: boolean;
  /** Figures awaiting approval in this point: shown, never judged (judgedPoints). */
  pending: number;
  /** Units expected (coverage = reported / expected); null when unknown. */
  expected: number | null;
  /** The year an edition of a yearly index describes (referToEditions); null: the quarter itself. */
  referenceYear: number | null;
  /** How many units a ranking ranked; null when not a ranking of recorded editions. */
  rankedUnits: number | null;
  /** The ranking's population changed since the previous point (63 provinces → 34): not one series. */
  rankBreak: boolean;
}

/**
 * The province as Resolution 01-NQ/TU knew it: the home province before its
 * territory changed (the merger with Bắc Kạn on 1 July 2025), with the quarters
 * after that rebuilt on it from the units lying wholly inside its border (every
 * predecessor of theirs was in it: the new communes, none of which crosses the
 * old border). Goals due by the end of its last year are judged on it
 * (issue #14, item 5): a 2025 target is the old province's, and a count of the
 * merged one (enterprises 598 → 650 at the merger) is not its progress.
 */
export interface ResolutionTerritory {
  /** validFrom of that province: its own figures are the aggregates with this provinceValidFrom. */
  validFrom: Date;
  /** Its last day (30 June 2025). */
  lastDay: Date;
  /** Later quarters rebuilt on it (Σ over the units inside; coverage against the units expected inside). */
  rebuilt: readonly ProvinceAggregate[];
}

/** The territory a goal is read on: the resolution's (with whether its verdict rests on a rebuilt value), or today's (with the quarter its trend starts from, when an earlier territory is left out). */
export type GoalTerritory =
  | { kind: "RESOLUTION"; lastDay: Date; judgedRebuilt: boolean }
  | { kind: "CURRENT"; trendFrom: Quarter | null };

export interface GoalStatus {
  target: TargetInfo;
  assessment: ProgressAssessment | null;
  /** Absent: today's territory, trend over every point (callers building a GoalStatus by hand). */
  territory?: GoalTerritory;
}

export interface OverviewRow {
  key: string;
  indicator: IndicatorInfo;
  sector: SectorInfo | null;
  series: SeriesPoint[];
  latest: SeriesPoint | null;
  goals: GoalStatus[];
  /** The recorded baseline, else the first judged published value (one rule, issue #14 item 6); null when there is neither. */
  baseline: RowBaseline | null;
}

export const GROUP_ORDER: readonly IndicatorGroup[] = ["DIGITAL_GOVERNMENT", "DIGITAL_ECONOMY", "DIGITAL_SOCIETY", "INFRASTRUCTURE"];

/**
 * The value a point shows, by kind: a ratio is Σnum/Σden in percent (never an
 * average of percentages), a change-vs-baseline indicator is the percent change
 * of the count against the baseline count.
 */
export function pointValue(kind: IndicatorKind, agg: ProvinceAggregate, baselineCount: number | null): number | null {
  switch (kind) {
    case "RATIO":
      return agg.numerator !== null && agg.denominator ? (agg.numerator / agg.denominator) * 100 : null;
    case "CHANGE_VS_BASELINE":
      return agg.value === null || baselineCount === null ? null : changeVsBaseline(agg.value, baselineCount);
    default:
      return agg.value;
  }
}

export function buildSeries(kind: IndicatorKind, rows: readonly ProvinceAggregate[], baselineCount: number | null): SeriesPoint[] {
  const sorted = [...rows].sort((a, b) => a.year - b.year || a.quarter - b.quarter);
  const out: SeriesPoint[] = [];
  let previousTerritory: number | null = null;
  let previousRanked: number | null = null;
  for (const row of sorted) {
    const value = pointValue(kind, row, baselineCount);
    if (value === null) continue;
    const territory = row.provinceValidFrom.getTime();
    const ranked = row.rankedUnits ?? null;
    out.push({
      quarter: { year: row.year, quarter: row.quarter as Quarter["quarter"] },
      value,
      numerator: row.numerator,
      denominator: row.denominator,
      reported: row.reported,
      approvedAt: row.approvedAt,
      isDemo: row.isDemo,
      territoryBreak: previousTerritory !== null && previousTerritory !== territory,
      pending: row.pending ?? 0,
      expected: row.expected ?? null,
      referenceYear: row.referenceYear ?? null,
      ...(row.reportedIn ? { reportedIn: row.reportedIn } : {}),
      rankedUnits: ranked,
      rankBreak: previousRanked !== null && ranked !== null && previousRanked !== ranked,
    });
    previousTerritory = territory;
    previousRanked = ranked ?? previousRanked;
  }
  return out;
}

/**
 * For an indicator whose rate is defined over a year (the satisfaction
 * survey: "tỷ lệ năm = Σ tử số / Σ mẫu số của bốn quý"), each quarter's value
 * is the four quarters ending with it — the calendar year at Q4 — so a
 * target for a year is judged on that year's rate, and the status between
 * Q4s on the latest twelve months, never on one quarter's few ratings
 * (issue #14, item 10). Σnum/Σden of the four, never a mean of four rates;
 * only where all four quarters were reported on one territory. Pending
 * figures are summed (a window with any is not judged); units reported and
 * expected are those of the window's least-covered quarter, so the coverage
 * rule holds for every quarter in it and "47/92 đơn vị" still counts units.
 */
export function rollingYear(rows: readonly ProvinceAggregate[]): ProvinceAggregate[] {
  const key = (year: number, quarter: number, territory: Date) => `${year * 4 + quarter - 1}|${territory.getTime()}`;
  const byQuarter = new Map(rows.map((r) => [key(r.year, r.quarter, r.provinceValidFrom), r]));
  const out: ProvinceAggregate[] = [];
  for (const row of rows) {
    const index = row.year * 4 + row.quarter - 1;
    const window = [0, 1, 2, 3].map((back) => byQuarter.get(key(Math.floor((index - back) / 4), ((index - back) % 4) + 1, row.provinceValidFrom)));
    if (window.some((w) => w === undefined)) continue;
    const four = window as ProvinceAggregate[];
    const weakest = four.reduce((w, a) => ((coverageOf(a) ?? 1) < (coverageOf(w) ?? 1) ? a : w));
    const sum = (pick: (a: ProvinceAggregate) => number | null | undefined) =>
      four.every((a) => pick(a) !== null && pick(a) !== undefined) ? four.reduce((s, a) => s + (pick(a) as number), 0) : null;
    out.push({
      ...row,
      numerator: sum((a) => a.numerator),
      denominator: sum((a) => a.denominator),
      value: null,
      reported: weakest.reported,
      approvedAt: new Date(Math.max(...four.map((a) => a.approvedAt.getTime()))),
      isDemo: four.some((a) => a.isDemo),
      pending: four.reduce((s, a) => s + (a.pending ?? 0), 0),
      expected: weakest.expected,
    });
  }
  return out;
}

/** The aggregates a row's series is built from: rollingYear's for a yearly rate, else as given. */
function rowAggregates(indicator: Pick<IndicatorInfo, "kind" | "yearlyRate">, rows: readonly ProvinceAggregate[]): readonly ProvinceAggregate[] {
  return indicator.yearlyRate === true && indicator.kind === "RATIO" ? rollingYear(rows) : rows;
}

/**
 * The first quarter on the territory of a series' latest point: the point
 * after its last territory break; null when the series never changed
 * territory. A trend is fitted from it (issue #14, item 5): before it the
 * province was another territory, and a line through both measures the merger
 * (counts jump, rates shift with the added units) rather than progress.
 */
export function trendStart(series: readonly (Pick<SeriesPoint, "quarter" | "territoryBreak"> & { rankBreak?: boolean })[]): Quarter | null {
  for (let i = series.length - 1; i > 0; i--) if (series[i]!.territoryBreak || series[i]!.rankBreak === true) return series[i]!.quarter;
  return null;
}

/**
 * For an index published once a year about an earlier year (the DTI), each
 * quarter's figure is the latest edition published by the quarter's last day:
 * it is placed at its edition's reference year (as that year's Q4, a value
 * for the year), one point per edition (a later quarter's entry of the same
 * edition wins, being a correction), with the edition's ranked population
 * (issue #14, item 9). An edition describing a year the province ended before
 * the end of (the old province, before 1 July 2025) is on the old territory,
 * whoever reported it. Quarters after `asOf` and quarters before the first
 * recorded edition are left out: a page of a quarter shows only what was
 * published by then, and a figure whose edition is unknown cannot be placed.
 * Without editions, the rows as given.
 */
export function referToEditions(
  rows: readonly ProvinceAggregate[],
  editions: readonly EditionInfo[],
  asOf: Quarter,
  resolution: Pick<ResolutionTerritory, "validFrom" | "lastDay"> | null,
): readonly ProvinceAggregate[] {
  if (editions.length === 0) return rows;
  const published = [...editions].sort((a, b) => a.publishedOn.getTime() - b.publishedOn.getTime());
  const byYear = new Map<number, ProvinceAggregate>();
  for (const row of [...rows].sort((a, b) => a.year - b.year || a.quarter - b.quarter)) {
    const quarter = { year: row.year, quarter: row.quarter as Quarter["quarter"] };
    if (compareQuarters(quarter, asOf) > 0) continue;
    const end = quarterEnd(quarter).getTime();
    const edition = published.filter((e) => e.publishedOn.getTime() <= end).at(-1);
    if (!edition) continue;
    const onOld = resolution !== null && Date.UTC(edition.referenceYear, 11, 31) <= resolution.lastDay.getTime();
    byYear.set(edition.referenceYear, {
      ...row,
      year: edition.referenceYear,
      quarter: 4,
      referenceYear: edition.referenceYear,
      reportedIn: quarter,
      rankedUnits: edition.rankedUnits,
      provinceValidFrom: onOld ? resolution.validFrom : row.provinceValidFrom,
    });
  }
  return [...byYear.values()];
}

/**
 * One baseline rule for every page (issue #14, item 6). A target's baseline is
 * the recorded one; without one, the first judged published value of its
 * series (approved, coverage at least MIN_COVERAGE) from FIRST_FIGURE_FROM on.
 * It is found here, from the whole published history, and handed to every
 * page: a page that reads only recent quarters (the dashboard reads a window)
 * would otherwise start from whatever its window begins with, a baseline that
 * moves every quarter and disagrees with the public page on r. A change
 * against a baseline has no first-figure stand-in: without a recorded count
 * there is no change to compute.
 *
 * `aggregates` must be published (approved) values only.
 */
export function firstFigureBaselines(input: {
  indicators: readonly IndicatorInfo[];
  baselines: readonly Pick<BaselineInfo, "indicatorId" | "sectorId">[];
  aggregates: readonly ProvinceAggregate[];
  editions?: readonly EditionInfo[];
}): FirstFigureBaseline[] {
  const kinds = new Map(input.indicators.map((i) => [i.id, i.kind]));
  const byId = new Map(input.indicators.map((i) => [i.id, i]));
  const recorded = new Set(input.baselines.map((b) => `${b.indicatorId}:${b.sectorId ?? ""}`));
  const groups = new Map<string, ProvinceAggregate[]>();
  for (const a of input.aggregates) {
    const key = `${a.indicatorId}:${a.sectorId ?? ""}`;
    const kind = kinds.get(a.indicatorId);
    if (kind === undefined || kind === "CHANGE_VS_BASELINE" || recorded.has(key)) continue;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(a);
  }
  const out: FirstFigureBaseline[] = [];
  for (const rows of groups.values()) {
    const { indicatorId, sectorId } = rows[0]!;
    const editions = (input.editions ?? []).filter((e) => e.indicatorId === indicatorId);
    const placed = referToEditions(rows, editions, LAST_QUARTER, null);
    const first = judgedPoints(buildSeries(kinds.get(indicatorId)!, rowAggregates(byId.get(indicatorId)!, placed), null)).find((p) => compareQuarters(p.quarter, FIRST_FIGURE_FROM) >= 0);
    if (first) out.push({ indicatorId, sectorId, value: first.value, quarter: first.quarter });
  }
  return out;
}

/** The baseline of one indicator × sector under the rule of firstFigureBaselines. */
export function rowBaseline(
  recorded: readonly BaselineInfo[],
  firstFigures: readonly FirstFigureBaseline[],
  indicatorId: number,
  sectorId: number | null,
): RowBaseline | null {
  // An overview row is the province's figure: its province-wide baseline first, else the widest level's
  // (an indicator entered only by communes has its baseline at that level). Readers pass current ones only.
  const b = recorded
    .filter((x) => x.indicatorId === indicatorId && x.sectorId === sectorId)
    .reduce<BaselineInfo | undefined>((best, x) => (best === undefined || LEVEL_WIDTH[x.level ?? "PROVINCE"] < LEVEL_WIDTH[best.level ?? "PROVINCE"] ? x : best), undefined);
  if (b) return { origin: "RECORDED", value: b.value, date: b.date, dateAssumed: b.dateAssumed === true, isDemo: b.isDemo === true };
  const f = firstFigures.find((x) => x.indicatorId === indicatorId && x.sectorId === sectorId);
  return f ? { origin: "FIRST_FIGURE", value: f.value, date: quarterEnd(f.quarter), quarter: f.quarter } : null;
}

export function buildTargetOverview(input: {
  indicators: readonly IndicatorInfo[];
  sectors: readonly SectorInfo[];
  targets: readonly TargetInfo[];
  baselines: readonly BaselineInfo[];
  /**
   * firstFigureBaselines of the whole published history. Absent: derived from
   * `aggregates`, which must then be that history (the public pages); a caller
   * reading a window of quarters (the dashboard) passes them.
   */
  firstFigures?: readonly FirstFigureBaseline[];
  aggregates: readonly ProvinceAggregate[];
  asOf: Quarter;
  /** Levels that ended (absent: every level still exists). */
  levelEnds?: readonly LevelEnd[];
  /** The province before its territory changed (absent or null: it never did). */
  resolutionTerritory?: ResolutionTerritory | null;
  /** Editions of yearly indices (referToEditions); absent: none. */
  editions?: readonly EditionInfo[];
}): OverviewRow[] {
  const sectors = new Map(input.sectors.map((s) => [s.id, s]));
  const levelLastDay = new Map((input.levelEnds ?? []).map((l) => [l.level, l.lastDay]));
  const rows: OverviewRow[] = [];
  const firstFigures = input.firstFigures ?? firstFigureBaselines(input);
  const indicators = [...input.indicators].sort((a, b) => GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group) || a.sortOrder - b.sortOrder);
  for (const indicator of indicators) {
    const targets = input.targets.filter((t) => t.indicatorId === indicator.id);
    // An indicator without a target (the e-dossier rate, the infrastructure baselines) is tracked
    // all the same: one row with its series and no goal, so no status (issue #14, item 8).
    const sectorIds = targets.length === 0 ? [null] : [...new Set(targets.map((t) => t.sectorId))];
    for (const sectorId of sectorIds) {
      const baseline = rowBaseline(input.baselines, firstFigures, indicator.id, sectorId);
      const own = referToEditions(
        input.aggregates.filter((a) => a.indicatorId === indicator.id && a.sectorId === sectorId),
        (input.editions ?? []).filter((e) => e.indicatorId === indicator.id),
        input.asOf,
        input.resolutionTerritory ?? null,
      );
      const aggregates = rowAggregates(indicator, own);
      const baselineCount = indicator.kind === "CHANGE_VS_BASELINE" ? (baseline?.value ?? null) : null;
      const series = buildSeries(indicator.kind, aggregates, baselineCount);
      const visible = series.filter((p) => compareQuarters(p.quarter, input.asOf) <= 0);
      // A change is measured from the baseline itself, where it is 0 by definition. A first
      // figure after the quarter viewed is not a baseline yet (a page of an earlier quarter).
      const usable = baseline && (baseline.origin === "RECORDED" || compareQuarters(baseline.quarter, input.asOf) <= 0) ? baseline : null;
      const progressBaseline = usable && (indicator.kind === "CHANGE_VS_BASELINE" ? { value: 0, date: usable.date } : usable);
      // From the judged points: a figure awaiting approval after a break does not move the trend until it is approved.
      const current: GoalTerritory = { kind: "CURRENT", trendFrom: trendStart(judgedPoints(visible)) };
      // Built once per row, and only when a goal is due within the resolution's territory.
      let onResolution: SeriesPoint[] | null = null;
      const resolutionSeries = (territory: ResolutionTerritory) =>
        (onResolution ??= buildSeries(
          indicator.kind,
          rowAggregates(indicator, [
            ...own.filter((a) => a.provinceValidFrom.getTime() === territory.validFrom.getTime()),
            ...territory.rebuilt.filter((a) => a.indicatorId === indicator.id && a.sectorId === sectorId).map((a) => ({ ...a, provinceValidFrom: territory.validFrom })),
          ]),
          baselineCount,
        ).filter((p) => compareQuarters(p.quarter, input.asOf) <= 0));
      const goals = targets
        .filter((t) => t.sectorId === sectorId)
        .sort((a, b) => a.year - b.year)
        .map((target): GoalStatus => {
          const territory = input.resolutionTerritory ?? null;
          const onOld = territory !== null && target.year <= territory.lastDay.getUTCFullYear();
          const points = onOld ? resolutionSeries(territory) : visible;
          const assessment =
            target.value === null
              ? null
              : assessProgress({
                  series: judgedPoints(points),
                  baseline: progressBaseline ? { value: progressBaseline.value, date: progressBaseline.date } : null,
                  target: { comparator: target.comparator, value: target.value, year: target.year },
                  asOf: input.asOf,
                  range: feasibleRange(indicator.kind),
                  levelLastDay: levelLastDay.get(target.level) ?? null,
                  trendFrom: onOld ? null : current.trendFrom,
                });
          return {
            target,
            assessment,
            territory: onOld
              ? { kind: "RESOLUTION", lastDay: territory.lastDay, judgedRebuilt: assessment?.latest != null && quarterEnd(assessment.latest.quarter) > territory.lastDay }
              : current,
          };
        });
      rows.push({
        key: sectorId === null ? indicator.code : `${indicator.code}:${sectors.get(sectorId)?.code ?? sectorId}`,
        indicator,
        sector: sectorId === null ? null : (sectors.get(sectorId) ?? null),
        series: visible,
        latest: visible.at(-1) ?? null,
        goals,
        baseline: usable,
      });
    }
  }
  return rows;
}

/**
 * Whether a value meets a goal, in the resolution's terms ("trên 90%" is
 * strict): the same test the progress maths applies, so the words on a card
 * never disagree with its status. Null for a qualitative goal.
 */
export function meetsGoal(target: Pick<TargetInfo, "comparator" | "value">, value: number): boolean | null {
  return target.value === null ? null : meetsTarget(value, target.comparator, target.value);
}

/**
 * Share of the way from the baseline to the goal that the value the verdict
 * rests on has covered: 0 at the baseline, 1 at the goal, negative when it
 * moved away. Null without a value, a baseline or a distance to cover.
 */
export function goalProgressShare(goal: GoalStatus): number | null {
  const a = goal.assessment;
  if (a === null || a.latest === null || a.baselineValue === null || goal.target.value === null) return null;
  // No verdict, no progress to report: the last figure is shown with the reason instead.
  if (a.status === "NO_LONGER_ASSESSABLE") return null;
  const distance = goal.target.value - a.baselineValue;
  if (compareWithTolerance(goal.target.value, a.baselineValue) === 0) return null;
  return (a.latest.value - a.baselineValue) / distance;
}

/**
 * What the words under a goal's status say, from the figure the status rests
 * on, so the line never contradicts the badge: a goal whose year is over is
 * read on the value it was judged on (the latest up to Q4 of its year), and a
 * later figure is "since then", apart; an open goal is read on the latest.
 */
export interface GoalReading {
  /** The figure the status rests on (for a goal no longer assessable: its last figure); null without one. */
  judged: QuarterValue | null;
  /** Whether `judged` meets the goal; null for a qualitative goal or without a figure. */
  meets: boolean | null;
  /**
   * Goal − judged value, in the indicator's unit (percentage points for rates
   * and changes): what was still missing (negative: a reduction or a rank to go
   * down). Null for a qualitative goal, without a figure, or when the goal is no
   * longer assessable (there is no verdict to measure a gap against).
   */
  gap: number | null;
  /** Once the verdict is final, the latest figure if it came after the one judged: it does not change the verdict. */
  sinceThen: QuarterValue | null;
}

export function readGoal(goal: GoalStatus, latest: QuarterValue | null): GoalReading {
  const a = goal.assessment;
  const value = goal.target.value;
  if (a === null || value === null) return { judged: latest, meets: null, gap: null, sinceThen: null };
  const judged = a.latest;
  if (judged === null) return { judged: null, meets: null, gap: null, sinceThen: null };
  const later = a.final && latest !== null && compareQuarters(latest.quarter, judged.quarter) > 0 ? latest : null;
  return {
    judged,
    meets: meetsTarget(judged.value, goal.target.comparator, value),
    gap: a.status === "NO_LONGER_ASSESSABLE" ? null : value - judged.value,
    sinceThen: later,
  };
}

export interface GoalStatusCounts {
  /** Goals with a numeric threshold (each has a status). */
  numeric: number;
  /** Goals set in words only (no status). */
  qualitative: number;
  /** Goals per status, in PROGRESS_STATUSES order, statuses with none left out. */
  byStatus: { status: ProgressStatus; count: number }[];
}

/**
 * Goals by status over rows of the overview: what the home page and the
 * dashboard both count (a row is an indicator, or one sector of it, and holds
 * up to two goals, 2025 and 2030).
 */
export function goalStatusCounts(rows: readonly { goals: readonly GoalStatus[] }[]): GoalStatusCounts {
  const goals = rows.flatMap((r) => r.goals);
  const statuses = goals.flatMap((g) => (g.assessment ? [g.assessment.status] : []));
  return {
    numeric: statuses.length,
    qualitative: goals.length - statuses.length,
    byStatus: PROGRESS_STATUSES.map((status) => ({ status, count: statuses.filter((s) => s === status).length })).filter((c) => c.count > 0),
  };
}
