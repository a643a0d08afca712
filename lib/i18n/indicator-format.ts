/**
 * How an indicator's values and goals read, by kind and language:
 * "34,87%", "giảm 12,3% so với gốc", "hạng 13", "1.650 điểm thu phát sóng";
 * goals in the resolution's own words ("trên 90%", "giảm ít nhất 30%",
 * "trong nhóm 15 tỉnh dẫn đầu"). Pure: numbers go through lib/format,
 * comparator words through lib/targets/comparator.
 */
import { formatNumber, formatPercent } from "@/lib/format/number";
import { addQuarters, formatQuarter, type Quarter } from "@/lib/period/quarter";
import type { IndicatorKind } from "@/lib/progress/target-overview";
import { formatTargetText, type Comparator } from "@/lib/targets/comparator";
import { getDictionary } from "./dictionary";
import type { Locale } from "./locales";

export type { IndicatorKind };

export interface IndicatorUnit {
  kind: IndicatorKind;
  unitVi: string;
  unitEn: string;
  /** A rate defined over a year: each value is the four quarters ending with its quarter (rollingYear). */
  yearlyRate?: boolean;
}

/** "Tỷ lệ năm: 4 quý từ Quý IV/2025 đến Quý III/2026", for a value of a yearly rate; null for any other indicator. */
export function yearlyWindowText(indicator: IndicatorUnit, quarter: Quarter, locale: Locale): string | null {
  if (indicator.yearlyRate !== true || indicator.kind !== "RATIO") return null;
  return getDictionary(locale).card.yearlyWindow(formatQuarter(addQuarters(quarter, -3), locale), formatQuarter(quarter, locale));
}

export interface GoalLike {
  comparator: Comparator;
  /** null: a qualitative goal. */
  value: number | null;
  descriptionVi: string | null;
}

export function unitOf(indicator: Pick<IndicatorUnit, "unitVi" | "unitEn">, locale: Locale): string {
  return locale === "vi" ? indicator.unitVi : indicator.unitEn;
}

/** A value as a sentence fragment: what the home card and the table show. */
export function formatIndicatorValue(indicator: IndicatorUnit, value: number, locale: Locale): string {
  const words = getDictionary(locale).values;
  switch (indicator.kind) {
    case "RATIO":
      return formatPercent(value, locale);
    case "CHANGE_VS_BASELINE": {
      const percent = formatPercent(Math.abs(value), locale, 1);
      return value < 0 ? words.changeDown(percent) : words.changeUp(percent);
    }
    case "RANK":
      return words.rank(formatNumber(value, locale));
    case "COUNT":
      return `${formatNumber(value, locale)} ${unitOf(indicator, locale)}`;
  }
}

/** U+2212: a gap reads "−4,23 điểm %", with a real minus sign (lib/format writes the ASCII hyphen of a plain number). */
const MINUS = "\u2212";

/**
 * A difference in the indicator's unit, signed: a gap to a goal, a required
 * gain per quarter, a change between quarters. "+4,23 điểm %" for rates and
 * changes (percentage points), "−2 hạng" for ranks, "+297 doanh nghiệp" for
 * counts. No sign when it shows as zero.
 */
export function formatGap(indicator: IndicatorUnit, delta: number, locale: Locale): string {
  const words = getDictionary(locale).values;
  const points = indicator.kind === "RATIO" || indicator.kind === "CHANGE_VS_BASELINE";
  const number = formatNumber(Math.abs(delta), locale, points ? { minimumFractionDigits: 2, maximumFractionDigits: 2 } : { maximumFractionDigits: 2 });
  const unit = points ? words.gapPoints : indicator.kind === "RANK" ? words.gapPlaces : unitOf(indicator, locale);
  const sign = /[1-9]/.test(number) ? (delta > 0 ? "+" : MINUS) : "";
  return `${sign}${number} ${unit}`;
}

/** A value for a chart axis or a compact cell: "34,9%", "-12%", "13", "1.650". */
export function formatAxisValue(kind: IndicatorKind, value: number, locale: Locale): string {
  if (kind === "RATIO" || kind === "CHANGE_VS_BASELINE") return `${formatNumber(value, locale, { maximumFractionDigits: 1 })}%`;
  return formatNumber(value, locale, { maximumFractionDigits: 1 });
}

/**
 * A goal in the resolution's terms. `qualitativeFallback` names a goal the
 * resolution sets without a number, when no description in the page's
 * language exists (descriptions are written in Vietnamese).
 */
export function formatGoal(indicator: IndicatorUnit, goal: GoalLike, locale: Locale, qualitativeFallback: string): string {
  const words = getDictionary(locale).values;
  if (goal.value === null) return (locale === "vi" ? goal.descriptionVi : null) ?? qualitativeFallback;
  if (indicator.kind === "RANK" && goal.comparator === "LTE") return words.goalTop(formatNumber(goal.value, locale));
  // The resolution says "giảm 30%" / "tăng 30%": a change of at most −30% / at least +30%.
  if (indicator.kind === "CHANGE_VS_BASELINE" && (goal.comparator === "LTE" || goal.comparator === "GTE") && goal.value !== 0) {
    const percent = formatPercent(Math.abs(goal.value), locale, 0);
    return goal.value < 0 ? words.goalChangeDown(percent) : words.goalChangeUp(percent);
  }
  const unit = indicator.kind === "RATIO" || indicator.kind === "CHANGE_VS_BASELINE" ? "%" : unitOf(indicator, locale);
  return formatTargetText(goal.comparator, goal.value, indicator.kind === "RANK" ? "" : unit, locale);
}

/** "87%" of the way from the baseline; whole percent, the precision the home card needs. */
export function formatShare(share: number, locale: Locale): string {
  return formatPercent(share * 100, locale, 0);
}
