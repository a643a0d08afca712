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
import { MIN_PROJECTION_POINTS, PROJECTION_WINDOW, RATIO_TOLERANCE, STATUS_THRESHOLDS } from "./thresholds";

export type ProgressStatus =
  | "ACHIEVED"
  | "ON_TRACK"
  | "NEEDS_ACCELERATION"
  | "OFF_TRACK"
  | "REGRESSING"
  | "INSUFFICIENT_DATA"
  | "MISSED";

export const STATUS_LABELS: Readonly<Record<ProgressStatus, { vi: string; en: string }>> = Object.freeze({
  ACHIEVED: { vi: "Đã đạt", en: "Achieved" },
  ON_TRACK: { vi: "Đúng tiến độ", en: "On track" },
  NEEDS_ACCELERATION: { vi: "Cần tăng tốc", en: "Needs acceleration" },
  OFF_TRACK: { vi: "Chậm tiến độ", en: "Off track" },
  REGRESSING: { vi: "Đang đi lùi", en: "Regressing" },
  INSUFFICIENT_DATA: { vi: "Chưa đủ dữ liệu", en: "Insufficient data" },
  MISSED: { vi: "Không đạt", en: "Missed" },
});

export function statusLabel(status: ProgressStatus, locale: Locale): string {
  return STATUS_LABELS[status][locale];
}

export interface QuarterValue {
  quarter: Quarter;
  value: number;
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
export function classifyRatio(r: number): Exclude<ProgressStatus, "ACHIEVED" | "INSUFFICIENT_DATA" | "MISSED"> {
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
}

export interface ProgressAssessment {
  status: ProgressStatus;
  /** The value the verdict rests on: the latest ≤ asOf, or for a final verdict the latest ≤ Q4 of the target year. */
  latest: QuarterValue | null;
  /** Trend value at the due time; null without a trend or once the verdict is final. */
  projection: number | null;
  /** (projection − baseline) / (target − baseline); null without a projection or when target = baseline. */
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
  /** True once the target year is over: the verdict can no longer change. */
  final: boolean;
}

/**
 * Status of an indicator as of a quarter. See the module comment for the time
 * axis; the rules, in order:
 * 1. Only points at or before asOf count.
 * 2. After the target year the verdict is final: ACHIEVED or MISSED on the
 *    latest value at or before Q4 of the target year (INSUFFICIENT_DATA if none).
 * 3. ACHIEVED as soon as the latest value meets the target.
 * 4. INSUFFICIENT_DATA with fewer than MIN_PROJECTION_POINTS points.
 * 5. Otherwise r decides (classifyRatio). Without a recorded baseline the
 *    earliest value of the series (before asOf) stands in for it, so the
 *    measure is "progress since tracking began". If target = baseline there is
 *    no distance to cover: ON_TRACK when the projection meets the target, else OFF_TRACK.
 */
export function assessProgress(input: ProgressInput): ProgressAssessment {
  const { target, asOf } = input;
  const points = normaliseSeries(input.series).filter((p) => compareQuarters(p.quarter, asOf) <= 0);
  const lastTargetQuarter: Quarter = { year: target.year, quarter: 4 };
  const dueT = targetDueTime(target.year);

  const earliest = points[0] ?? null;
  const baselineValue = input.baseline?.value ?? earliest?.value ?? null;
  const baselineT = input.baseline ? timeOfDate(input.baseline.date) : earliest ? timeOfQuarter(earliest.quarter) : null;
  const paceAt = (p: QuarterValue | null): number | null =>
    p === null || baselineValue === null || baselineT === null
      ? null
      : paceAtTime(baselineValue, baselineT, target, timeOfQuarter(p.quarter));

  if (compareQuarters(asOf, lastTargetQuarter) > 0) {
    const eligible = points.filter((p) => compareQuarters(p.quarter, lastTargetQuarter) <= 0);
    const latest = eligible.at(-1) ?? null;
    let status: ProgressStatus = "INSUFFICIENT_DATA";
    if (latest !== null) status = meetsTarget(latest.value, target.comparator, target.value) ? "ACHIEVED" : "MISSED";
    return {
      status,
      latest,
      projection: null,
      r: null,
      pace: paceAt(latest),
      baselineValue,
      requiredQuarterlyGain: null,
      quartersRemaining: 0,
      final: true,
    };
  }

  const latest = points.at(-1) ?? null;
  const quartersRemaining = quartersLeftInTargetYear(latest?.quarter ?? asOf, target.year);
  const achieved = latest !== null && meetsTarget(latest.value, target.comparator, target.value);
  const requiredQuarterlyGain =
    latest === null || achieved || quartersRemaining === 0 ? null : (target.value - latest.value) / quartersRemaining;

  const fit = leastSquaresProjection(points, dueT);
  const projection = fit?.value ?? null;
  const noDistance = baselineValue !== null && compareWithTolerance(target.value, baselineValue) === 0;
  const r =
    projection === null || baselineValue === null || noDistance
      ? null
      : (projection - baselineValue) / (target.value - baselineValue);

  let status: ProgressStatus;
  if (achieved) status = "ACHIEVED";
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
  };
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
