/**
 * A target's baseline in words, for every page that shows one (issue #14,
 * item 6): the recorded baseline with its date, said to be assumed where it is
 * (the article is undated) and to be a demo value where it is; else the first
 * judged published value and its quarter, said to be fixed; else why there is none.
 */
import { formatDate } from "@/lib/format/number";
import { getDictionary } from "@/lib/i18n/dictionary";
import type { Locale } from "@/lib/i18n/locales";
import { formatQuarter } from "@/lib/period/quarter";
import type { RowBaseline } from "@/lib/progress/target-overview";

export function baselineText(baseline: RowBaseline | null, value: (v: number) => string, locale: Locale): string {
  const t = getDictionary(locale).indicator;
  if (!baseline) return t.noBaseline;
  if (baseline.origin === "FIRST_FIGURE") return t.firstFigureBaseline(value(baseline.value), formatQuarter(baseline.quarter, locale));
  const notes = [baseline.dateAssumed ? t.assumedBaselineDate : null, baseline.isDemo ? t.demoBaseline : null].filter((n) => n !== null);
  return `${t.baseline(value(baseline.value), formatDate(baseline.date, locale))}${notes.length ? ` (${notes.join("; ")})` : ""}.`;
}
