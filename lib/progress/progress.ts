/**
 * Progress of an indicator towards its Resolution target: the expected pace,
 * the trend projection and the resulting status ("Đúng tiến độ", "Cần tăng tốc"…).
 *
 * Time axis. Time is measured in quarters on a single continuous scale t:
 * - a quarterly value for quarter q is observed at the END of q, so
 *   t(q) = quarterIndex(q) + 1 (2025-Q1 → 8101, 2025-Q4 → 8104);
 * - a date d means "as of the end of that UTC day", so
 *   t(d) = quarterIndex(quarter of d) + (days of that quarter elapsed by the end of d) / (days in the quarter).
 *   Thus t(last day of q) = t(q), and t(31 Dec Y) = (Y + 1) · 4 exactly;
 * - a target for year Y is due at the end of Y: t = (Y + 1) · 4.
 *
 * Direction. Nothing here asks whether "higher is better": with
 * r = (projection − baseline) / (target − baseline), a reduction target
 * (procedures −30%) or a rank target (30th → top 10) has target < baseline,
 * and moving down gives a positive r just as moving up does for a growth target.
 */

import {
  compareQuarters,
  daysInQuarter,
  quarterIndex,
  quarterOfDate,
  quarterStart,
  utcDayNumber,
  type Quarter,
} from "@/lib/period/quarter";
import { compareWithTolerance, meetsTarget, type Comparator } from "@/lib/targets/comparator";
import type { Locale } from "@/lib/format/number";
import { clampToRange, UNBOUNDED, type FeasibleRange } from "./feasible-range";
import { MAX_FIGURE_AGE_QUARTERS, MIN_COVERAGE, MIN_PROJECTION_POINTS, PROJECTION_WINDOW, RATIO_TOLERANCE, STATUS_THRESHOLDS } from "./thresholds";

/** Every status, in the order pages list them (summaries, filters, the methodology's table). */
export const PROGRESS_STATUSES = [
  "ACHIEVED",
  "ON_TRACK",
  "NEEDS_ACCELERATION",
  "OFF_TRACK",
  "REGRESSING",
  "MISSED",
  "NO_LONGER_ASSESSABLE",
  "INSUFFICIENT_DATA",
] as const;

export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

/** Worst first, for sorting by status: what needs action leads, what is done or cannot be judged comes last. */
export const STATUS_SEVERITY: readonly ProgressStatus[] = ["REGRESSING", "MISSED", "OFF_TRACK", "NEEDS_ACCELERATION", "INSUFFICIENT_DATA", "NO_LONGER_ASSESSABLE", "ON_TRACK", "ACHIEVED"];

export const STATUS_LABELS: Readonly<Record<ProgressStatus, { vi: string; en: string }>> = Object.freeze({
  ACHIEVED: { vi: "Đã đạt", en: "Achieved" },
  ON_TRACK: { vi: "Đúng tiến độ", en: "On track" },
  NEEDS_ACCELERATION: { vi: "Cần tăng tốc", en: "Needs acceleration" },
  OFF_TRACK: { vi: "Chậm tiến độ", en: "Off track" },
  REGRESSING: { vi: "Đang đi lùi", en: "Regressing" },
  MISSED: { vi: "Không đạt", en: "Missed" },
  NO_LONGER_ASSESSABLE: { vi: "Không còn đánh giá được", en: "No longer assessable" },
  INSUFFICIENT_DATA: { vi: "Chưa đủ dữ liệu", en: "Insufficient data" },
});

/** Why a goal is NO_LONGER_ASSESSABLE. */
export type UnassessableReason =
  /** The goal's level (the districts) ceased to exist before the goal was due, and its last figure had not met it. */
  | { kind: "LEVEL_ENDED"; lastDay: Date }
  /** The latest figure is more than MAX_FIGURE_AGE_QUARTERS older than the quarter the verdict speaks of. */
  | { kind: "STALE"; reference: Quarter; quartersOld: number };

export function statusLabel(status: ProgressStatus, locale: Locale): string {
  return STATUS_LABELS[status][locale];
}

export interface QuarterValue {
  quarter: Quarter;
  value: number;
  /**
   * For a value placed at the year an edition of a yearly index describes
   * (the DTI of 2024, published in 2025): the latest quarter that reported it.
   * Its age is counted from there, as a figure's freshness is that of its
   * report, not of the year it describes. Absent: `quarter`.
   */
  reportedIn?: Quarter;
}

export interface Baseline {
  value: number;
  date: Date;
}

export interface Target {
  comparator: Comparator;
  value: number;
  year: number;
}

function isQuarter(at: Date | Quarter): at is Quarter {
  return !(at instanceof Date);
}

/** t of a quarterly observation: the end of the quarter. */
export function timeOfQuarter(q: Quarter): number {
  return quarterIndex(q) + 1;
}

/** t at the end of the UTC day containing d. */
export function timeOfDate(d: Date): number {
  const q = quarterOfDate(d);
  const daysElapsed = utcDayNumber(d) - utcDayNumber(quarterStart(q)) + 1;
  return quarterIndex(q) + daysElapsed / daysInQuarter(q);
}

export function timeOf(at: Date | Quarter): number {
  return isQuarter(at) ? timeOfQuarter(at) : timeOfDate(at);
}

/** A target for year Y is due at the end of Y. */
export function targetDueTime(year: number): number {
  return (year + 1) * 4;
}

function paceAtTime(baselineValue: number, baselineT: number, target: Pick<Target, "value" | "year">, t: number): number {
  const dueT = targetDueTime(target.year);
  // A baseline dated at or after the due time leaves no time to progress: the target itself is the pace.
  if (dueT <= baselineT) return target.value;
  // Clamped: before the baseline the expectation is the baseline, after the due date it is the target.
  const progress = Math.min(1, Math.max(0, (t - baselineT) / (dueT - baselineT)));
  return baselineValue + (target.value - baselineValue) * progress;
}

/**
 * Where the indicator should be at `at` if it moved in a straight line from
 * the baseline to the target, reaching the target at the end of its year.
 */
export function paceValue(baseline: Baseline, target: Pick<Target, "value" | "year">, at: Date | Quarter): number {
  return paceAtTime(baseline.value, timeOfDate(baseline.date), target, timeOf(at));
}

export interface Projection {
  /** Fitted value at the requested t. */
  value: number;
  /** Fitted change per quarter. */
  slope: number;
  /** Number of points the fit used (≤ PROJECTION_WINDOW). */
  pointsUsed: number;
}

/** Sorted by quarter, one point per quarter (for a repeated quarter the later entry in the input wins). */
function normaliseSeries(points: readonly QuarterValue[]): QuarterValue[] {
  const byIndex = new Map<number, QuarterValue>();
  for (const p of points) {
    if (!Number.isFinite(p.value)) throw new RangeError(`Value for ${p.quarter.year}-Q${p.quarter.quarter} must be finite`);
    byIndex.set(quarterIndex(p.quarter), p);
  }
  return [...byIndex.values()].sort((a, b) => compareQuarters(a.quarter, b.quarter));
}

/**
 * Ordinary least squares over the latest PROJECTION_WINDOW points (by
 * quarter; older points are ignored), evaluated at atT. Null with fewer than
 * MIN_PROJECTION_POINTS points.
 */
export function leastSquaresProjection(points: readonly QuarterValue[], atT: number): Projection | null {
  const window = normaliseSeries(points).slice(-PROJECTION_WINDOW);
  if (window.length < MIN_PROJECTION_POINTS) return null;

  const n = window.length;
  const xs = window.map((p) => timeOfQuarter(p.quarter));
  const ys = window.map((p) => p.value);
  const meanX = xs.reduce((s, x) => s + x, 0) / n;
  const meanY = ys.reduce((s, y) => s + y, 0) / n;
  // Centred sums: t is in the thousands, so raw Σx² would lose the digits that matter.
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - meanX;
    sxy += dx * ((ys[i] as number) - meanY);
    sxx += dx * dx;
  }
  const slope = sxy / sxx; // sxx > 0: at least 3 distinct quarters
  return { value: meanY + slope * (atT - meanX), slope, pointsUsed: n };
}

/** Maps r to a status using STATUS_THRESHOLDS, allowing RATIO_TOLERANCE below each bound. */
export function classifyRatio(r: number): Exclude<ProgressStatus, "ACHIEVED" | "INSUFFICIENT_DATA" | "MISSED" | "NO_LONGER_ASSESSABLE"> {
  if (r >= STATUS_THRESHOLDS.onTrack - RATIO_TOLERANCE) return "ON_TRACK";
  if (r >= STATUS_THRESHOLDS.needsAcceleration - RATIO_TOLERANCE) return "NEEDS_ACCELERATION";
  if (r >= STATUS_THRESHOLDS.offTrack - RATIO_TOLERANCE) return "OFF_TRACK";
  return "REGRESSING";
}

export interface ProgressInput {
  series: readonly QuarterValue[];
  baseline: Baseline | null;
  target: Target;
  asOf: Quarter;
  /** The values the indicator can take (feasibleRange of its kind); the projection is clamped to them. Default: unbounded. */
  range?: FeasibleRange;
  /** The last day the goal's level existed, if it no longer does (the districts: 30 June 2025); null or absent: it still exists. */
  levelLastDay?: Date | null;
  /**
   * The first quarter the trend may be fitted from: the first on the territory
   * of the latest figure (trendStart). A line through quarters of two
   * territories measures the merger, not progress (issue #14, item 5). Earlier
   * points still count as the latest value and the baseline. Null or absent: every point.
   */
  trendFrom?: Quarter | null;
}

export interface ProgressAssessment {
  status: ProgressStatus;
  /** The value the verdict rests on: the latest ≤ asOf, or for a final verdict the latest ≤ Q4 of the target year. */
  latest: QuarterValue | null;
  /**
   * Trend value at the due time, clamped to the indicator's feasible range;
   * null without a trend, once the verdict is final, or when the goal is no longer assessable.
   */
  projection: number | null;
  /** (projection − baseline) / (target − baseline), on the clamped projection; null without a projection or when target = baseline. */
  r: number | null;
  /** Expected value at the latest quarter on the straight line from baseline to target. */
  pace: number | null;
  /** The baseline value actually used: the given one, else the earliest value of the series. */
  baselineValue: number | null;
  /**
   * Change per quarter still needed to land on the target (negative for
   * reductions); null when achieved, without data, or when no quarters remain.
   */
  requiredQuarterlyGain: number | null;
  /** Quarters after the latest one (or asOf, without data) up to Q4 of the target year. */
  quartersRemaining: number;
  /** True once the verdict can no longer change: the target year is over, or the goal's level ended before it. */
  final: boolean;
  /** Why the status is NO_LONGER_ASSESSABLE; null for every other status. */
  unassessable: UnassessableReason | null;
  /**
   * The last day of the goal's level when it ended before the goal was due
   * (and by asOf): the verdict rests on that level's last figure, whatever it
   * is (ACHIEVED or NO_LONGER_ASSESSABLE). Null otherwise.
   */
  levelEnded: Date | null;
}

/**
 * Status of an indicator as of a quarter. See the module comment for the time
 * axis; the rules, in order:
 * 1. Only points at or before asOf count. The verdict speaks of asOf, or of
 *    Q4 of the target year once that year is over (a final verdict), and rests
 *    on the latest value at or before that quarter.
 * 2. If the goal's level ceased to exist before the goal was due (and by
 *    asOf), no figure can ever come: ACHIEVED if the last one met the target,
 *    otherwise NO_LONGER_ASSESSABLE (LEVEL_ENDED). Either way final.
 * 3. NO_LONGER_ASSESSABLE (STALE) when the value the verdict would rest on is
 *    more than MAX_FIGURE_AGE_QUARTERS before the quarter it speaks of (for an
 *    edition of a yearly index, counted from the quarter that last reported it).
 * 4. After the target year the verdict is final: ACHIEVED or MISSED on that
 *    value (INSUFFICIENT_DATA if there is none).
 * 5. ACHIEVED as soon as the latest value meets the target.
 * 6. INSUFFICIENT_DATA with fewer than MIN_PROJECTION_POINTS points.
 * 7. Otherwise r decides (classifyRatio), computed on the projection (a line
 *    through the points from `trendFrom` on: one territory) clamped
 *    to the indicator's feasible range. Without a recorded baseline the
 *    earliest value of the series (before asOf) stands in for it, so the
 *    measure is "progress since tracking began". If target = baseline there is
 *    no distance to cover: ON_TRACK when the projection meets the target, else OFF_TRACK.
 */
export function assessProgress(input: ProgressInput): ProgressAssessment {
  const { target, asOf } = input;
  const points = normaliseSeries(input.series).filter((p) => compareQuarters(p.quarter, asOf) <= 0);
  const lastTargetQuarter: Quarter = { year: target.year, quarter: 4 };
  const dueT = targetDueTime(target.year);
  const yearOver = compareQuarters(asOf, lastTargetQuarter) > 0;
  const reference = yearOver ? lastTargetQuarter : asOf;

  const earliest = points[0] ?? null;
  const baselineValue = input.baseline?.value ?? earliest?.value ?? null;
  const baselineT = input.baseline ? timeOfDate(input.baseline.date) : earliest ? timeOfQuarter(earliest.quarter) : null;
  const paceAt = (p: QuarterValue | null): number | null =>
    p === null || baselineValue === null || baselineT === null
      ? null
      : paceAtTime(baselineValue, baselineT, target, timeOfQuarter(p.quarter));

  const latest = points.filter((p) => compareQuarters(p.quarter, reference) <= 0).at(-1) ?? null;
  const meets = latest !== null && meetsTarget(latest.value, target.comparator, target.value);
  const quartersRemaining = yearOver ? 0 : quartersLeftInTargetYear(latest?.quarter ?? asOf, target.year);
  const settled = (status: ProgressStatus, unassessable: UnassessableReason | null, final: boolean): ProgressAssessment => ({
    status,
    latest,
    projection: null,
    r: null,
    pace: paceAt(latest),
    baselineValue,
    requiredQuarterlyGain: null,
    quartersRemaining: final ? 0 : quartersRemaining,
    final,
    unassessable,
    levelEnded: null,
  });

  // The level's last day counts whole: the districts (last day 30 June 2025) still answer for 2025-Q2.
  const levelLastDay = input.levelLastDay ?? null;
  if (levelLastDay !== null && timeOfDate(levelLastDay) < Math.min(dueT, timeOfQuarter(asOf))) {
    const verdict = meets
      ? settled("ACHIEVED", null, true)
      : settled("NO_LONGER_ASSESSABLE", { kind: "LEVEL_ENDED", lastDay: levelLastDay }, true);
    return { ...verdict, levelEnded: levelLastDay };
  }

  if (latest !== null) {
    const age = quarterIndex(reference) - quarterIndex(latest.reportedIn ?? latest.quarter);
    if (age > MAX_FIGURE_AGE_QUARTERS) return settled("NO_LONGER_ASSESSABLE", { kind: "STALE", reference, quartersOld: age }, yearOver);
  }

  if (yearOver) return settled(latest === null ? "INSUFFICIENT_DATA" : meets ? "ACHIEVED" : "MISSED", null, true);

  const requiredQuarterlyGain =
    latest === null || meets || quartersRemaining === 0 ? null : (target.value - latest.value) / quartersRemaining;

  const trendFrom = input.trendFrom ?? null;
  const fit = leastSquaresProjection(trendFrom === null ? points : points.filter((p) => compareQuarters(p.quarter, trendFrom) >= 0), dueT);
  // A straight line can run past what the indicator can be (108% of dossiers, the 1.2th place): r is judged on a value that can happen.
  const projection = fit === null ? null : clampToRange(fit.value, input.range ?? UNBOUNDED);
  const noDistance = baselineValue !== null && compareWithTolerance(target.value, baselineValue) === 0;
  const r =
    projection === null || baselineValue === null || noDistance
      ? null
      : (projection - baselineValue) / (target.value - baselineValue);

  let status: ProgressStatus;
  if (meets) status = "ACHIEVED";
  else if (projection === null) status = "INSUFFICIENT_DATA";
  else if (r === null) status = meetsTarget(projection, target.comparator, target.value) ? "ON_TRACK" : "OFF_TRACK";
  else status = classifyRatio(r);

  return {
    status,
    latest,
    projection,
    r,
    pace: paceAt(latest),
    baselineValue,
    requiredQuarterlyGain,
    quartersRemaining,
    final: false,
    unassessable: null,
    levelEnded: null,
  };
}

/** Coverage of a rolled-up value: units reporting / units expected; null when the expected count is unknown or 0. */
export function coverageOf(point: { reported?: number; expected?: number | null }): number | null {
  return point.reported === undefined || point.expected === undefined || point.expected === null || point.expected === 0
    ? null
    : point.reported / point.expected;
}

/** Why a point is shown but not judged; null when it may be judged. */
export function unjudgedReason(point: { pending?: number; reported?: number; expected?: number | null }): "PENDING" | "LOW_COVERAGE" | null {
  if (point.pending !== undefined && point.pending > 0) return "PENDING";
  const coverage = coverageOf(point);
  if (coverage !== null && coverage < MIN_COVERAGE) return "LOW_COVERAGE";
  return null;
}

/**
 * The points a verdict may rest on (status, projection, required gain): not a
 * point that includes figures still awaiting approval (the officials'
 * dashboard shows them, marked; issue #14, item 10), nor one whose coverage is
 * under MIN_COVERAGE (issue #14, item 4). Both are shown, marked, never judged.
 */
export function judgedPoints<T extends { pending?: number; reported?: number; expected?: number | null }>(points: readonly T[]): T[] {
  return points.filter((p) => unjudgedReason(p) === null);
}

/** Percent change from the baseline; null when the baseline is 0 (no meaningful percentage). */
export function changeVsBaseline(value: number, baselineValue: number): number | null {
  if (baselineValue === 0 || !Number.isFinite(value) || !Number.isFinite(baselineValue)) return null;
  // |base| keeps the sign meaning "went up"/"went down" should a baseline ever be negative.
  return ((value - baselineValue) / Math.abs(baselineValue)) * 100;
}

/** Quarters from `from` (exclusive) to Q4 of `year` (inclusive); 0 if already there or past. */
export function quartersLeftInTargetYear(from: Quarter, year: number): number {
  return Math.max(0, quarterIndex({ year, quarter: 4 }) - quarterIndex(from));
}
