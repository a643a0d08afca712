/**
 * Target comparators: whether a value meets a target such as "trên 90%"
 * (more than 90%) or "tối đa 10" (at most 10), and how a target is worded.
 *
 * The comparator strings are also the Postgres enum values, so they are
 * persisted data, not just labels: never rename them.
 *
 * Resolution targets are worded precisely ("trên" is strictly more than,
 * "tối thiểu" is at least), so GT/LT are strict: 90.0 does not meet "trên 90%".
 */

import { formatNumber, type Locale } from "@/lib/format/number";

export type Comparator = "GT" | "GTE" | "EQ" | "LTE" | "LT";

export const COMPARATORS: readonly Comparator[] = ["GT", "GTE", "EQ", "LTE", "LT"];

export function isComparator(x: unknown): x is Comparator {
  return typeof x === "string" && (COMPARATORS as readonly string[]).includes(x);
}

/**
 * Relative tolerance for "equal". Values reach us through float arithmetic
 * (sums, 0.1 + 0.2 style decimals), and a 1-ulp error must not flip EQ or GTE.
 * 1e-9 is far above accumulated double error (~1e-15 relative) and far below
 * any meaningful difference in a published indicator (at most 2–3 decimals).
 * The tolerance scales with the larger magnitude but never drops below 1e-9
 * absolute, so comparisons against a target of 0 are not exact-only.
 */
export const TARGET_EPSILON = 1e-9;

/** -1, 0 or 1 with TARGET_EPSILON applied; null if either side is not a finite number. */
export function compareWithTolerance(value: number, target: number): -1 | 0 | 1 | null {
  if (!Number.isFinite(value) || !Number.isFinite(target)) return null;
  const tolerance = TARGET_EPSILON * Math.max(1, Math.abs(value), Math.abs(target));
  const diff = value - target;
  if (Math.abs(diff) <= tolerance) return 0;
  return diff > 0 ? 1 : -1;
}

function satisfies(order: -1 | 0 | 1, comparator: Comparator): boolean {
  switch (comparator) {
    case "GT":
      return order > 0;
    case "GTE":
      return order >= 0;
    case "EQ":
      return order === 0;
    case "LTE":
      return order <= 0;
    case "LT":
      return order < 0;
  }
}

/**
 * Values within TARGET_EPSILON of the target count as equal to it: GT and LT
 * fail, GTE, EQ and LTE pass. A value that is not finite never meets a target
 * (it is a data error, and Infinity would otherwise "exceed" anything).
 */
export function meetsTarget(value: number, comparator: Comparator, target: number): boolean {
  const order = compareWithTolerance(value, target);
  return order !== null && satisfies(order, comparator);
}

interface ExactDecimal {
  digits: bigint;
  /** value = digits / 10^scale, scale >= 0 */
  scale: number;
}

// The shortest round-trip string of a double is the decimal the user typed ("34.87"), so it is the exact value intended.
function toExactDecimal(x: number): ExactDecimal | null {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!m || m[2] === undefined) return null;
  const frac = m[3] ?? "";
  let digits = BigInt(`${m[1]}${m[2]}${frac}`);
  let scale = frac.length - Number(m[4] ?? "0");
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { digits, scale };
}

/**
 * Whether numerator/denominator, as a percentage, meets the target percent.
 *
 * When numerator and denominator are integers (counts: the normal case) the
 * comparison numerator·100 vs target·denominator is done exactly in BigInt,
 * with the target taken as the decimal it is written as. So 90/100 is exactly
 * 90% and fails "GT 90"; 100/100 meets "EQ 100"; 1/3 never equals 33.33%.
 * Non-integer inputs fall back to meetsTarget on the percentage (with its
 * tolerance). A zero or negative denominator has no percentage and meets nothing.
 */
export function meetsRatioTarget(
  numerator: number,
  denominator: number,
  comparator: Comparator,
  targetPercent: number,
): boolean {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || !Number.isFinite(targetPercent)) return false;
  if (denominator <= 0) return false;

  const target = toExactDecimal(targetPercent);
  if (Number.isSafeInteger(numerator) && Number.isSafeInteger(denominator) && target !== null) {
    const lhs = BigInt(numerator) * 100n * 10n ** BigInt(target.scale);
    const rhs = target.digits * BigInt(denominator);
    const order = lhs === rhs ? 0 : lhs > rhs ? 1 : -1;
    return satisfies(order, comparator);
  }
  return meetsTarget((numerator * 100) / denominator, comparator, targetPercent);
}

const SYMBOLS: Record<Comparator, string> = { GT: ">", GTE: "≥", EQ: "=", LTE: "≤", LT: "<" };

export function comparatorSymbol(c: Comparator): string {
  return SYMBOLS[c];
}

// Wording follows the Resolution's own phrasing ("trên 90%", "tối thiểu 10%", "đạt 100%").
const WORDS: Record<Locale, Record<Comparator, string>> = {
  vi: { GT: "trên", GTE: "tối thiểu", EQ: "đạt", LTE: "tối đa", LT: "dưới" },
  en: { GT: "more than", GTE: "at least", EQ: "exactly", LTE: "at most", LT: "less than" },
};

export function comparatorWords(c: Comparator, locale: Locale): string {
  return WORDS[locale][c];
}

/**
 * "trên 90%", "tối thiểu 1.650 doanh nghiệp", "at most 10 days".
 * "%" is attached to the number; any other unit follows after a space; an
 * empty unit is omitted. Up to 6 fraction digits so a target is never rounded
 * into a different promise.
 */
export function formatTargetText(c: Comparator, value: number, unit: string, locale: Locale): string {
  return `${comparatorWords(c, locale)} ${formatAmount(value, unit, locale)}`;
}

/** "90%", "1.650 doanh nghiệp": a target's or a baseline's value with its unit, as formatTargetText writes it. */
export function formatAmount(value: number, unit: string, locale: Locale): string {
  const number = formatNumber(value, locale, { maximumFractionDigits: 6 });
  const trimmedUnit = unit.trim();
  const suffix = trimmedUnit === "" ? "" : trimmedUnit === "%" ? "%" : ` ${trimmedUnit}`;
  return `${number}${suffix}`;
}
