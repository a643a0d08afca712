/**
 * Aggregates of the open data (issue #14, item 12): published figures rolled
 * up to the province and (before 1 July 2025) the districts, per indicator ×
 * sector × quarter, with their coverage; and yearly values. Pure: the rows
 * come from lib/data/open-data.ts.
 *
 * Rules, also stated in the OpenAPI document and on the methodology page:
 * - a rate is Σnumerator / Σdenominator of the units that reported, never a
 *   mean of their rates; a count is a sum; a rank is not summed: only the
 *   province's own figure;
 * - coverage = units reported / units expected at the indicator's levels in
 *   the area on the quarter's last day; under MIN_COVERAGE the value is
 *   published and `meets_min_coverage` is false (it is not judged);
 * - a year: a rate is Σnum/Σden of the year's published quarters on one
 *   territory (`quarters` says how many; `complete` with all four); a count,
 *   a rank or a change against a baseline is the year's last published
 *   quarter (`last_quarter`; `complete` when it is Q4). Coverage of a year is
 *   that of its least-covered quarter.
 */
import { MIN_COVERAGE } from "@/lib/progress/thresholds";

export interface AggregateRow extends Omit<QuarterSum, "quarter"> {
  period: string;
  quarter: number | null;
  coverage: number | null;
  meets_min_coverage: boolean;
  /** Yearly rows: quarters in the year's value, the last of them, whether the year is complete. Quarterly rows: 1, the quarter, true. */
  quarters: number;
  last_quarter: string;
  complete: boolean;
}

/** The quarterly sums as read from the database. */
export interface QuarterSum {
  indicator_code: string;
  kind: "RATIO" | "COUNT" | "CHANGE_VS_BASELINE" | "RANK";
  sector_code: string | null;
  year: number;
  quarter: number;
  area_code: string;
  area_valid_from: string;
  area_name: string;
  area_level: "PROVINCE" | "DISTRICT";
  numerator: number | null;
  denominator: number | null;
  /** A rate in percent once in an AggregateRow; here, for a count the sum, for a rank the area's own figure. */
  value: number | null;
  reported: number;
  expected: number;
  is_demo: boolean;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

function coverageOf(reported: number, expected: number): number | null {
  return expected > 0 ? round(reported / expected) : null;
}

function valueOf(kind: AggregateRow["kind"], numerator: number | null, denominator: number | null, value: number | null): number | null {
  if (kind === "RATIO") return numerator !== null && denominator !== null && denominator > 0 ? round((numerator / denominator) * 100) : null;
  return value;
}

export function quarterRow(s: QuarterSum): AggregateRow {
  const coverage = coverageOf(s.reported, s.expected);
  return {
    ...s,
    period: `${s.year}-Q${s.quarter}`,
    numerator: s.kind === "RATIO" ? s.numerator : null,
    denominator: s.kind === "RATIO" ? s.denominator : null,
    value: valueOf(s.kind, s.numerator, s.denominator, s.value),
    coverage,
    meets_min_coverage: coverage === null || coverage >= MIN_COVERAGE,
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
    const weakest = g.reduce((w, s) => ((coverageOf(s.reported, s.expected) ?? 1) < (coverageOf(w.reported, w.expected) ?? 1) ? s : w));
    const ratio = last.kind === "RATIO";
    const sum = (pick: (s: QuarterSum) => number | null) => (g.every((s) => pick(s) !== null) ? round(g.reduce((t, s) => t + pick(s)!, 0)) : null);
    const numerator = ratio ? sum((s) => s.numerator) : null;
    const denominator = ratio ? sum((s) => s.denominator) : null;
    const coverage = coverageOf(weakest.reported, weakest.expected);
    out.push({
      indicator_code: last.indicator_code,
      kind: last.kind,
      sector_code: last.sector_code,
      period: String(last.year),
      year: last.year,
      quarter: null,
      area_code: last.area_code,
      area_valid_from: last.area_valid_from,
      area_name: last.area_name,
      area_level: last.area_level,
      numerator,
      denominator,
      value: ratio ? valueOf("RATIO", numerator, denominator, null) : last.value,
      reported: weakest.reported,
      expected: weakest.expected,
      coverage,
      meets_min_coverage: coverage === null || coverage >= MIN_COVERAGE,
      quarters: g.length,
      last_quarter: `${last.year}-Q${last.quarter}`,
      complete: ratio ? g.length === 4 : last.quarter === 4,
      is_demo: g.some((s) => s.is_demo),
    });
  }
  return out;
}

/** The order of the rows (a page's cursor is an offset in it): period, area, indicator, sector. */
export function compareAggregates(a: AggregateRow, b: AggregateRow): number {
  return (
    a.year - b.year ||
    (a.quarter ?? 0) - (b.quarter ?? 0) ||
    a.area_level.localeCompare(b.area_level) ||
    a.area_code.localeCompare(b.area_code) ||
    a.area_valid_from.localeCompare(b.area_valid_from) ||
    a.indicator_code.localeCompare(b.indicator_code) ||
    (a.sector_code ?? "").localeCompare(b.sector_code ?? "")
  );
}
