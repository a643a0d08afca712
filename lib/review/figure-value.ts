/**
 * The one number a figure stands for, and how reviewers read it: a ratio is
 * its rate in percent (numerator / denominator · 100), anything else its value.
 */
import { formatNumber, formatPercent, PLACEHOLDER } from "@/lib/format/number";
import type { FigureKind } from "@/lib/validations/figure";

export interface FigureAmounts {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

/** Rate in percent for a ratio, the value otherwise; null when the figure has no usable number. */
export function figureNumber(kind: FigureKind, f: FigureAmounts): number | null {
  if (kind === "RATIO") {
    if (f.numerator === null || f.denominator === null || f.denominator <= 0) return null;
    return (f.numerator / f.denominator) * 100;
  }
  return f.value;
}

/** "95,15%", "720 doanh nghiệp", "hạng 10". */
export function formatFigureNumber(kind: FigureKind, unitVi: string, n: number | null): string {
  if (n === null || !Number.isFinite(n)) return PLACEHOLDER;
  if (kind === "RATIO") return formatPercent(n, "vi");
  if (kind === "RANK") return `hạng ${formatNumber(n, "vi")}`;
  return `${formatNumber(n, "vi", { maximumFractionDigits: 2 })} ${unitVi}`;
}

/** "1.512 / 1.589" for a ratio's parts; null otherwise. */
export function formatRatioParts(f: FigureAmounts): string | null {
  if (f.numerator === null || f.denominator === null) return null;
  return `${formatNumber(f.numerator, "vi", { maximumFractionDigits: 4 })} / ${formatNumber(f.denominator, "vi", { maximumFractionDigits: 4 })}`;
}

/**
 * The change from the previous quarter, as reviewers compare: a rate in
 * percentage points ("+1,07 điểm %"), anything else in percent of the earlier
 * value ("+3,2%"), a rank in places ("lên 2 bậc": a lower rank is better).
 */
export function formatChange(kind: FigureKind, from: number | null, to: number | null): string | null {
  if (from === null || to === null || !Number.isFinite(from) || !Number.isFinite(to)) return null;
  const signed = (n: number, digits: number) => {
    const text = formatNumber(Math.abs(n), "vi", { minimumFractionDigits: digits, maximumFractionDigits: digits });
    return `${n > 0 ? "+" : n < 0 ? "-" : "±"}${text}`;
  };
  if (kind === "RATIO") return `${signed(to - from, 2)} điểm %`;
  if (kind === "RANK") {
    if (to === from) return "giữ nguyên hạng";
    return to < from ? `lên ${formatNumber(from - to, "vi")} bậc` : `xuống ${formatNumber(to - from, "vi")} bậc`;
  }
  if (from === 0) return to === 0 ? "±0" : null;
  return `${signed(((to - from) / Math.abs(from)) * 100, 1)}%`;
}
