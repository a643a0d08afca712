/**
 * What the quarterly chart of an indicator draws, worked out on the server
 * from the same progress maths as the status (lib/progress): the approved
 * province series (broken at the territory change of 1 July 2025, never
 * joined across it), the baseline, the straight pace line from the baseline
 * to each goal, the goal levels and the trend projection.
 *
 * The result is plain data with every label already formatted, so the client
 * chart (series-chart.tsx) carries no formatting code and the data table
 * below the chart shows exactly these numbers.
 *
 * Time is the continuous quarter scale of lib/progress/progress.ts: a
 * quarter's value sits at the END of the quarter, a goal for year Y is due at
 * t = (Y + 1) · 4, and t = Y · 4 is 1 January of year Y.
 */
import { formatQuarter, type Quarter } from "@/lib/period/quarter";
import { clampToRange, feasibleRange } from "@/lib/progress/feasible-range";
import { leastSquaresProjection, paceValue, targetDueTime, timeOfDate, timeOfQuarter } from "@/lib/progress/progress";
import type { OverviewRow, SeriesPoint } from "@/lib/progress/target-overview";
import { meetsTarget } from "@/lib/targets/comparator";
import { getDictionary } from "@/lib/i18n/dictionary";
import { formatAxisValue, formatGoal, formatIndicatorValue } from "@/lib/i18n/indicator-format";
import type { Locale } from "@/lib/i18n/locales";

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 320;

export interface XY {
  t: number;
  v: number;
}

export interface LabelledPoint extends XY {
  /** "Quý III/2025: 63,63%" — the tooltip and the text alternative. */
  label: string;
}

export interface SeriesChartModel {
  /** Stable DOM id prefix: recharts' own ids would differ between server and browser. */
  id: string;
  width: number;
  height: number;
  /** Axis text, in the SVG's units (12 wide; 13 in the phone drawing, narrowChartModel). */
  fontSize?: number;
  /** Text alternative of the whole chart (the table under it has every number). */
  summary: string;
  xDomain: [number, number];
  xTicks: { t: number; label: string }[];
  yDomain: [number, number];
  yTicks: { v: number; label: string }[];
  /** Ranks: 1 is best and is drawn at the top. */
  yReversed: boolean;
  /** The approved series, one segment per territory (split at the merger). */
  actual: LabelledPoint[][];
  baseline: (XY & { label: string }) | null;
  paces: { year: number; points: XY[]; label: string }[];
  targets: { year: number; v: number; label: string }[];
  projection: { year: number; points: XY[]; label: string } | null;
  /** t of the territory break (the merger), if the series crosses it. */
  breakAt: number | null;
  breakLabel: string;
  labels: { actual: string; baseline: string; projection: string };
}

export interface BaselineInput {
  value: number;
  date: Date;
}

/**
 * The baseline the pace is drawn from: the row's (recorded, else its first
 * judged published value: one rule, lib/progress/target-overview.ts
 * firstFigureBaselines); a change is 0 at it. None: no pace line.
 */
export function chartBaseline(row: Pick<OverviewRow, "indicator">, baseline: BaselineInput | null): BaselineInput | null {
  if (!baseline) return null;
  return row.indicator.kind === "CHANGE_VS_BASELINE" ? { value: 0, date: baseline.date } : baseline;
}

/**
 * Goals with a pace line: numeric ones the baseline does not already meet
 * (from a baseline past the goal, a "pace" would run away from the goal).
 */
export function paceGoals(row: Pick<OverviewRow, "goals">, base: BaselineInput | null): OverviewRow["goals"] {
  if (base === null) return [];
  return row.goals.filter((g) => g.target.value !== null && !meetsTarget(base.value, g.target.comparator, g.target.value));
}

/** About five round steps covering [min, max]: 1, 2, 2.5 or 5 × 10^k. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (min === max) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 1;
    return niceTicks(min - pad, max + pad, count);
  }
  const raw = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const start = Math.floor(min / step) * step;
  const ticks: number[] = [];
  // Rounded to the step's precision so ticks print as 0.1, not 0.30000000000000004.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  for (let v = start; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toFixed(digits)));
  if (ticks[ticks.length - 1]! < max) ticks.push(Number((ticks[ticks.length - 1]! + step).toFixed(digits)));
  return ticks;
}

function segments(series: readonly SeriesPoint[]): SeriesPoint[][] {
  const out: SeriesPoint[][] = [];
  for (const p of series) {
    if (p.territoryBreak || out.length === 0) out.push([]);
    out[out.length - 1]!.push(p);
  }
  return out;
}

export function buildSeriesChartModel(input: {
  id: string;
  row: OverviewRow;
  baseline: BaselineInput | null;
  asOf: Quarter;
  locale: Locale;
  name: string;
}): SeriesChartModel {
  const { row, locale } = input;
  const dict = getDictionary(locale);
  const kind = row.indicator.kind;
  const value = (v: number) => formatIndicatorValue(row.indicator, v, locale);
  const base = chartBaseline(row, input.baseline);
  const baseT = base ? timeOfDate(base.date) : null;

  const numericGoals = row.goals.filter((g) => g.target.value !== null);
  const paces = base
    ? paceGoals(row, base).map((g) => ({
        year: g.target.year,
        points: [
          { t: baseT!, v: base.value },
          { t: targetDueTime(g.target.year), v: g.target.value! },
        ],
        label: dict.chart.pace(String(g.target.year)),
      }))
    : [];
  const targets = numericGoals.map((g) => ({
    year: g.target.year,
    v: g.target.value!,
    label: `${dict.chart.target(String(g.target.year))}: ${formatGoal(row.indicator, g.target, locale, dict.card.qualitative)}`,
  }));

  // The trend towards the nearest goal whose verdict is still open.
  const open = numericGoals.find((g) => g.assessment && !g.assessment.final && g.assessment.projection !== null);
  let projection: SeriesChartModel["projection"] = null;
  const last = row.series.at(-1);
  if (open && last) {
    const lastT = timeOfQuarter(last.quarter);
    const dueT = targetDueTime(open.target.year);
    const fitted = leastSquaresProjection(row.series, lastT);
    if (fitted) {
      projection = {
        year: open.target.year,
        points: [
          // Both ends inside what the indicator can be: the end is the status's own (clamped) projection.
          { t: lastT, v: clampToRange(fitted.value, feasibleRange(kind)) },
          { t: dueT, v: open.assessment!.projection! },
        ],
        label: dict.indicator.projection(String(open.target.year), value(open.assessment!.projection!)),
      };
    }
  }

  const actual = segments(row.series).map((seg) =>
    seg.map((p) => ({ t: timeOfQuarter(p.quarter), v: p.value, label: `${formatQuarter(p.quarter, locale)}: ${value(p.value)}` })),
  );
  const breakPoint = row.series.find((p) => p.territoryBreak);
  // The break falls between the quarters: at the start of the first quarter of the new territory.
  const breakAt = breakPoint ? timeOfQuarter(breakPoint.quarter) - 1 : null;

  // Domains cover everything drawn.
  const ts = [
    ...actual.flat().map((p) => p.t),
    ...(baseT === null ? [] : [baseT]),
    ...paces.flatMap((p) => p.points.map((x) => x.t)),
    ...(projection?.points.map((p) => p.t) ?? []),
  ];
  const vs = [
    ...actual.flat().map((p) => p.v),
    ...(base ? [base.value] : []),
    ...targets.map((t) => t.v),
    ...(projection?.points.map((p) => p.v) ?? []),
  ];
  const fallbackT = timeOfQuarter(input.asOf);
  const xMin = Math.floor(Math.min(...ts, fallbackT) / 4) * 4;
  const xMax = Math.ceil(Math.max(...ts, fallbackT) / 4) * 4;
  const years = (xMax - xMin) / 4;
  const yearStep = years > 8 ? 2 : 1;
  const xTicks: SeriesChartModel["xTicks"] = [];
  for (let t = xMin; t <= xMax; t += 4 * yearStep) xTicks.push({ t, label: String(t / 4) });

  let yTicks = niceTicks(Math.min(...vs, ...(kind === "RATIO" || kind === "COUNT" ? [0] : [])), Math.max(...vs));
  if (kind === "RATIO") yTicks = yTicks.filter((v) => v >= 0 && v <= 100);
  if (kind === "RANK") yTicks = yTicks.filter((v) => v >= 1).length > 1 ? yTicks.filter((v) => v >= 1) : yTicks;
  const yDomain: [number, number] = [Math.min(...yTicks, ...vs), Math.max(...yTicks, ...vs)];

  const summaryParts = [];
  const first = row.series[0];
  if (first && last) {
    summaryParts.push(
      dict.chart.summary(`${formatQuarter(first.quarter, locale)} (${value(first.value)})`, `${formatQuarter(last.quarter, locale)} (${value(last.value)})`),
    );
  }
  if (targets.length > 0) summaryParts.push(dict.chart.summaryTargets(targets.map((t) => t.label).join("; ")));
  if (projection) summaryParts.push(dict.chart.summaryProjection(projection.label));
  summaryParts.push(dict.chart.tableHint);

  return {
    id: input.id,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    summary: `${dict.chart.caption(input.name)}. ${summaryParts.join(" ")}`,
    xDomain: [xMin, xMax],
    xTicks,
    yDomain,
    yTicks: yTicks.map((v) => ({ v, label: formatAxisValue(kind, v, locale) })),
    yReversed: kind === "RANK",
    actual,
    baseline: base && baseT !== null ? { t: baseT, v: base.value, label: `${dict.chart.baseline}: ${value(base.value)}` } : null,
    paces,
    targets,
    projection,
    breakAt,
    breakLabel: dict.chart.merger,
    labels: { actual: dict.chart.actual, baseline: dict.chart.baseline, projection: dict.chart.projection },
  };
}

/** The pace at a quarter on the line the chart draws (for the data table). */
export function paceAt(baseline: BaselineInput, target: { value: number; year: number }, quarter: Quarter): number {
  return paceValue(baseline, target, quarter);
}

/** The phone drawing (ADR 031): 340 × 260 units, drawn at most 384 px wide (max-w-sm), so a 390 px screen shows its text at ≥ 11 px. */
export const NARROW_CHART_WIDTH = 340;
export const NARROW_CHART_HEIGHT = 260;

/**
 * The same chart for a phone: a narrower drawing with larger text and at most
 * five year ticks, rather than the wide one scaled down to half its size
 * (issue #16, item 6). Same data, same labels; the page shows one per breakpoint.
 */
export function narrowChartModel(model: SeriesChartModel): SeriesChartModel {
  const step = Math.ceil(model.xTicks.length / 5);
  return {
    ...model,
    id: `${model.id}-hep`,
    width: NARROW_CHART_WIDTH,
    height: NARROW_CHART_HEIGHT,
    fontSize: 13,
    xTicks: model.xTicks.filter((_, i) => i % step === 0),
  };
}
