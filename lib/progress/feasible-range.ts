/**
 * The values an indicator can take, by kind, and the clamp that keeps a trend
 * projection inside them. A straight line knows nothing of "a rate cannot pass
 * 100%" or "there is no 1.2th place": carried to 2030 it promised 108,36% of
 * dossiers, 100,30% satisfaction, "hạng 1,214" and 1.140,94 enterprises.
 * The projection is clamped before r is computed, so the status rests on a
 * value that could happen.
 */
import type { IndicatorKind } from "./target-overview";

export interface FeasibleRange {
  /** Lowest possible value; null: none. */
  min: number | null;
  /** Highest possible value; null: none. */
  max: number | null;
  /** Only whole numbers (a count, a rank): rounded to the nearest one. */
  whole: boolean;
}

/** No bound: what the maths assumes when it is not told the kind. */
export const UNBOUNDED: FeasibleRange = Object.freeze({ min: null, max: null, whole: false });

const RANGES: Readonly<Record<IndicatorKind, FeasibleRange>> = Object.freeze({
  // A share of a whole: Σnum/Σden × 100 with 0 ≤ num ≤ den.
  RATIO: Object.freeze({ min: 0, max: 100, whole: false }),
  // A number of things on the last day of a quarter.
  COUNT: Object.freeze({ min: 0, max: null, whole: true }),
  // A place among the provinces: 1st is the best there is.
  RANK: Object.freeze({ min: 1, max: null, whole: true }),
  // The percent change of a count: the count can fall to 0 (−100%), not below.
  CHANGE_VS_BASELINE: Object.freeze({ min: -100, max: null, whole: false }),
});

export function feasibleRange(kind: IndicatorKind): FeasibleRange {
  return RANGES[kind];
}

/** The nearest value inside the range (rounded first when only whole values exist; the bounds are whole). */
export function clampToRange(value: number, range: FeasibleRange): number {
  let v = range.whole ? Math.round(value) : value;
  if (range.min !== null && v < range.min) v = range.min;
  if (range.max !== null && v > range.max) v = range.max;
  // Math.round(-0.4) is -0: a projection reads "0", never "-0".
  return Object.is(v, -0) ? 0 : v;
}
