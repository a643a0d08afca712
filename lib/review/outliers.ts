/**
 * Flags a submitted figure that looks wrong against its unit's approved
 * history, so the approver looks twice before publishing it. Pure: the caller
 * passes the history (the unit's own approved values, one per quarter).
 *
 * Two rules:
 * - deviation: the value lies more than OUTLIER_THRESHOLDS.stdDevs sample
 *   standard deviations from the mean of the previous (up to) historyLength
 *   quarterly values; needs at least minHistory of them;
 * - rate fall: for a rate, a fall of more than rateFallPoints percentage
 *   points against the immediately previous quarter.
 *
 * A flag is a question for the approver, never a refusal.
 */
import { formatNumber, formatPercent } from "@/lib/format/number";
import { addQuarters, compareQuarters, quarterEquals, quarterIndex, type Quarter } from "@/lib/period/quarter";

export const OUTLIER_THRESHOLDS = {
  /** "More than 3 standard deviations": exactly 3 is not flagged. */
  stdDevs: 3,
  /** How many previous quarterly values the mean and deviation are taken over. */
  historyLength: 8,
  /** Fewer previous values than this say too little about ordinary variation. */
  minHistory: 4,
  /** A rate falling by more than this many percentage points in one quarter. */
  rateFallPoints: 10,
  /**
   * Floor of the standard deviation, as a share of |mean|: a flat history
   * (13, 13, 13, 13) has a deviation of 0, which would make any change
   * infinitely unusual and divide by zero.
   */
  minRelativeStdDev: 0.01,
} as const;

export type OutlierThresholds = { [K in keyof typeof OUTLIER_THRESHOLDS]: number };

export interface HistoryPoint {
  quarter: Quarter;
  value: number;
}

export type OutlierRule = "DEVIATION" | "RATE_FALL";

export interface OutlierFlag {
  rule: OutlierRule;
  direction: "UP" | "DOWN";
  /** Vietnamese, shown to the approver as is. */
  message: string;
}

export interface OutlierInput {
  quarter: Quarter;
  /** For a rate: the rate in percent (95.15 means 95,15%). */
  value: number;
  isRate: boolean;
  /** Approved values of the same indicator, unit (and sector) in other quarters. */
  history: readonly HistoryPoint[];
}

// Float noise of num/den·100 must not decide a comparison at the threshold.
const EPSILON = 1e-9;

function show(value: number, isRate: boolean): string {
  return isRate ? formatPercent(value, "vi") : formatNumber(value, "vi", { maximumFractionDigits: 2 });
}

function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** Sample standard deviation (n − 1): the history is a sample of the unit's ordinary variation. */
function sampleStdDev(values: readonly number[], m: number): number {
  if (values.length < 2) return 0;
  return Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1));
}

/** The previous values, most recent last: only quarters before the figure's, one per quarter, finite. */
function previousPoints(input: OutlierInput, limit: number): HistoryPoint[] {
  const seen = new Set<number>();
  return [...input.history]
    .filter((p) => Number.isFinite(p.value) && compareQuarters(p.quarter, input.quarter) < 0)
    .sort((a, b) => compareQuarters(b.quarter, a.quarter))
    .filter((p) => {
      const key = quarterIndex(p.quarter);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, limit)
    .reverse();
}

export function detectOutliers(input: OutlierInput, thresholds: OutlierThresholds = OUTLIER_THRESHOLDS): OutlierFlag[] {
  if (!Number.isFinite(input.value)) return [];
  const flags: OutlierFlag[] = [];
  const previous = previousPoints(input, thresholds.historyLength);

  if (previous.length >= thresholds.minHistory) {
    const values = previous.map((p) => p.value);
    const m = mean(values);
    const sd = Math.max(sampleStdDev(values, m), thresholds.minRelativeStdDev * Math.abs(m));
    const deviation = input.value - m;
    const up = deviation > 0;
    const word = up ? "Tăng bất thường" : "Giảm bất thường";
    const n = previous.length;
    if (sd === 0) {
      // Every previous value was 0: any other value is a break in the series.
      if (Math.abs(deviation) > EPSILON) {
        flags.push({
          rule: "DEVIATION",
          direction: up ? "UP" : "DOWN",
          message: `${word}: ${show(input.value, input.isRate)} trong khi ${n} quý trước đều là ${show(m, input.isRate)}.`,
        });
      }
    } else {
      const z = Math.abs(deviation) / sd;
      if (z > thresholds.stdDevs + EPSILON) {
        flags.push({
          rule: "DEVIATION",
          direction: up ? "UP" : "DOWN",
          message:
            `${word}: ${show(input.value, input.isRate)} so với trung bình ${show(m, input.isRate)} của ${n} quý trước ` +
            `(lệch ${formatNumber(z, "vi", { maximumFractionDigits: 1 })} lần độ lệch chuẩn; ngưỡng ${formatNumber(thresholds.stdDevs, "vi")}).`,
        });
      }
    }
  }

  if (input.isRate) {
    const before = addQuarters(input.quarter, -1);
    const last = previous.length > 0 ? previous[previous.length - 1] : undefined;
    if (last && quarterEquals(last.quarter, before)) {
      const fall = last.value - input.value;
      if (fall > thresholds.rateFallPoints + EPSILON) {
        flags.push({
          rule: "RATE_FALL",
          direction: "DOWN",
          message:
            `Tỷ lệ giảm mạnh: ${formatNumber(fall, "vi", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} điểm % ` +
            `so với quý trước (từ ${show(last.value, true)} xuống ${show(input.value, true)}).`,
        });
      }
    }
  }
  return flags;
}
