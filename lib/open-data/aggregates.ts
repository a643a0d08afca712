/**
 * Aggregates of the open data (issue #14, item 12; ADR 028): published figures
 * rolled up to the province and (before 1 July 2025) the districts, per
 * indicator × sector × quarter, with their coverage; and yearly values. Pure:
 * the quarterly sums come from lib/data/open-data.ts.
 *
 * Rules, also stated in the OpenAPI document and on the methodology page:
 * - a rate is Σnumerator / Σdenominator of the units that reported, never a
 *   mean of their rates; a count (or the level behind a change against a
 *   baseline) is a sum; a rank is not summed: only the area's own figure;
 * - coverage = units reported / units expected at the indicator's levels in
 *   the area on the quarter's last day; under MIN_COVERAGE the value is
 *   published and `meets_min_coverage` is false (it is not judged);
 * - a year is made of the year's published quarters on one territory, by the
 *   period a quarter's figure describes (Indicator.periodBasis): a rate or a
 *   count of what happened in the quarter (QUARTER) adds its quarters up
 *   (rates Σnum/Σden; `complete` with all four; coverage of the least-covered
 *   quarter); anything else — a state on the quarter's last day, a sum from
 *   1 January, a rank — is the year's last published quarter (`last_quarter`;
 *   `complete` when it is Q4; that quarter's coverage).
 */
import { MIN_COVERAGE } from "@/lib/progress/thresholds";

export type IndicatorKindCode = "RATIO" | "COUNT" | "CHANGE_VS_BASELINE" | "RANK";
export type PeriodBasisCode = "QUARTER" | "QUARTER_END" | "YEAR_TO_DATE";
export type AreaLevel = "PROVINCE" | "DISTRICT";

/** The quarterly sums as read from the database: one per indicator × sector × area × quarter. */
export interface QuarterSum {
  indicator_code: string;
  kind: IndicatorKindCode;
  period_basis: PeriodBasisCode;
  sector_code: string | null;
  year: number;
  quarter: number;
  area_code: string;
  area_valid_from: string;
  area_valid_to: string | null;
  area_name: string;
  area_level: AreaLevel;
  numerator: number | null;
  denominator: number | null;
  /** For a count the sum, for a rank the area's own figure; a rate's is computed here. */
  value: number | null;
  reported: number;
  expected: number;
  is_demo: boolean;
}

/** One row of /api/v1/aggregates and of the aggregate downloads (fields documented in fields.ts). */
export interface AggregateRow extends Omit<QuarterSum, "quarter"> {
  period: string;
  quarter: number | null;
  coverage: number | null;
  meets_min_coverage: boolean;
  /** Yearly rows: quarters of the year published on this territory, the last of them, whether the year is complete. Quarterly rows: 1, the quarter, true. */
  quarters: number;
  last_quarter: string;
  complete: boolean;
}

export interface AggregateQuery {
  indicator: readonly string[] | null;
  level: AreaLevel | null;
  /** Area codes: the province (19: both of its territories) or districts. */
  unit: readonly string[] | null;
  sector: readonly string[] | null;
  year: number | null;
  /** Only with period=quarter. */
  quarter: number | null;
  period: "quarter" | "year";
}

export const ALL_AGGREGATES: Omit<AggregateQuery, "period"> = { indicator: null, level: null, unit: null, sector: null, year: null, quarter: null };

const round = (n: number) => Math.round(n * 1e6) / 1e6;

export function coverageOf(reported: number, expected: number): number | null {
  return expected > 0 ? round(reported / expected) : null;
}

function meets(coverage: number | null): boolean {
  return coverage === null || coverage >= MIN_COVERAGE;
}

function rateOf(numerator: number | null, denominator: number | null): number | null {
  return numerator !== null && denominator !== null && denominator > 0 ? round((numerator / denominator) * 100) : null;
}

/**
 * How a year is made of its quarters: SUM adds them up (a rate as Σnum/Σden),
 * LAST takes the last published one. Only what happened within each quarter
 * adds up; a state on the last day, a year-to-date sum, a change against a
 * baseline (its value is a level) and a rank do not.
 */
export function yearlyMethod(kind: IndicatorKindCode, basis: PeriodBasisCode): "SUM" | "LAST" {
  return basis === "QUARTER" && (kind === "RATIO" || kind === "COUNT") ? "SUM" : "LAST";
}

export function quarterRow(s: QuarterSum): AggregateRow {
  const ratio = s.kind === "RATIO";
  const coverage = coverageOf(s.reported, s.expected);
  return {
    ...s,
    period: `${s.year}-Q${s.quarter}`,
    numerator: ratio ? s.numerator : null,
    denominator: ratio ? s.denominator : null,
    value: ratio ? rateOf(s.numerator, s.denominator) : s.value,
    coverage,
    meets_min_coverage: meets(coverage),
    quarters: 1,
    last_quarter: `${s.year}-Q${s.quarter}`,
    complete: true,
  };
}

/** Yearly values from the quarterly sums: one row per indicator × sector × area (one territory) × year. */
export function yearlyRows(sums: readonly QuarterSum[]): AggregateRow[] {
  const groups = new Map<string, QuarterSum[]>();
  for (const s of sums) {
    const key = [s.indicator_code, s.sector_code ?? "", s.area_code, s.area_valid_from, s.year].join("|");
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(s);
  }
  const out: AggregateRow[] = [];
  for (const g of groups.values()) {
    g.sort((a, b) => a.quarter - b.quarter);
    const last = g.at(-1)!;
    const lastRow = quarterRow(last);
    const year = { period: String(last.year), quarter: null, quarters: g.length, is_demo: g.some((s) => s.is_demo) };
    if (yearlyMethod(last.kind, last.period_basis) === "LAST") {
      out.push({ ...lastRow, ...year, complete: last.quarter === 4 });
      continue;
    }
    // A sum is as covered as its least-covered quarter.
    const weakest = g.reduce((w, s) => ((coverageOf(s.reported, s.expected) ?? 1) < (coverageOf(w.reported, w.expected) ?? 1) ? s : w));
    const total = (pick: (s: QuarterSum) => number | null) => (g.every((s) => pick(s) !== null) ? round(g.reduce((t, s) => t + pick(s)!, 0)) : null);
    const ratio = last.kind === "RATIO";
    const numerator = ratio ? total((s) => s.numerator) : null;
    const denominator = ratio ? total((s) => s.denominator) : null;
    const coverage = coverageOf(weakest.reported, weakest.expected);
    out.push({
      ...lastRow,
      ...year,
      numerator,
      denominator,
      value: ratio ? rateOf(numerator, denominator) : total((s) => s.value),
      reported: weakest.reported,
      expected: weakest.expected,
      coverage,
      meets_min_coverage: meets(coverage),
      complete: g.length === 4,
    });
  }
  return out;
}

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const LEVEL_ORDER: Record<AreaLevel, number> = { PROVINCE: 0, DISTRICT: 1 };

/** The order of the rows (a page's cursor is an offset in it): period, area (the province first), indicator, sector. */
export function compareAggregates(a: AggregateRow, b: AggregateRow): number {
  return (
    a.year - b.year ||
    (a.quarter ?? 0) - (b.quarter ?? 0) ||
    LEVEL_ORDER[a.area_level] - LEVEL_ORDER[b.area_level] ||
    text(a.area_code, b.area_code) ||
    text(a.area_valid_from, b.area_valid_from) ||
    text(a.indicator_code, b.indicator_code) ||
    text(a.sector_code ?? "", b.sector_code ?? "")
  );
}

/** The rows a query asks for, in their order: filtered sums, by quarter or made into years. */
export function aggregateRows(sums: readonly QuarterSum[], q: AggregateQuery): AggregateRow[] {
  const kept = sums.filter(
    (s) =>
      (q.indicator === null || q.indicator.includes(s.indicator_code)) &&
      (q.level === null || s.area_level === q.level) &&
      (q.unit === null || q.unit.includes(s.area_code)) &&
      (q.sector === null || (s.sector_code !== null && q.sector.includes(s.sector_code))) &&
      (q.year === null || s.year === q.year) &&
      (q.quarter === null || s.quarter === q.quarter),
  );
  return (q.period === "year" ? yearlyRows(kept) : kept.map(quarterRow)).sort(compareAggregates);
}
