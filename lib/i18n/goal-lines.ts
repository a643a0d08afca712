/**
 * The lines under a goal's status badge, worded once for every page that
 * shows a status (the home card, the indicator page, the dashboard table and
 * its indicator page) from the figure the status rests on (readGoal in
 * lib/progress/target-overview.ts), so a line never contradicts its badge:
 * - a goal no longer assessable: the reason, with its last figure;
 * - a goal met by the last figure of a level that then ended: that verdict, and a note saying so;
 * - a goal whose year is over: the verdict's figure ("Kết luận cuối cùng, theo
 *   số liệu Quý IV/2025: 9,44%"), its gap, and any later figure on a separate
 *   "Sau đó" line that says the verdict stands;
 * - an open goal: whether the latest figure meets it, and its gap.
 * Pure: each page (and the Excel export) lays the lines out in its own way.
 */
import { formatDate, formatNumber } from "@/lib/format/number";
import { getDictionary } from "@/lib/i18n/dictionary";
import { formatGap, formatIndicatorValue, unitOf, type IndicatorUnit } from "@/lib/i18n/indicator-format";
import { formatTargetText, meetsTarget } from "@/lib/targets/comparator";
import type { Locale } from "@/lib/i18n/locales";
import { formatQuarter, quarterEnd } from "@/lib/period/quarter";
import type { QuarterValue, UnassessableReason } from "@/lib/progress/progress";
import { readGoal, type GoalStatus } from "@/lib/progress/target-overview";
import { MAX_FIGURE_AGE_QUARTERS } from "@/lib/progress/thresholds";

export type GoalLineKind = "reason" | "verdict" | "note" | "now" | "gap" | "since";

export interface GoalLine {
  kind: GoalLineKind;
  text: string;
}

const DAY_MS = 86_400_000;

/** The day a level or unit was gone: the one after its last. */
const goneOn = (lastDay: Date, locale: Locale) => formatDate(new Date(lastDay.getTime() + DAY_MS), locale);

/** Why one unit of a breakdown (or its row in the export) is no longer assessable, in a short sentence. */
export function unitUnassessableText(reason: UnassessableReason, locale: Locale): string {
  const t = getDictionary(locale).card;
  return reason.kind === "LEVEL_ENDED"
    ? t.unitEnded(goneOn(reason.lastDay, locale))
    : t.unitStale(formatNumber(reason.quartersOld, locale), formatQuarter(reason.reference, locale));
}

/**
 * Which territory a goal was read on, when it matters (issue #14, item 5): a
 * goal judged on the province the resolution covered, saying whether later
 * quarters were rebuilt on it or the verdict rests on its last figure; a trend
 * fitted only to the quarters of today's territory. Null otherwise.
 */
export function territoryLine(goal: GoalStatus, latest: QuarterValue | null, locale: Locale): string | null {
  const a = goal.assessment;
  const territory = goal.territory;
  if (a === null || territory === undefined) return null;
  const t = getDictionary(locale).card;
  if (territory.kind === "RESOLUTION") {
    if (a.latest === null) return null;
    const gone = goneOn(territory.lastDay, locale);
    if (territory.judgedRebuilt) return t.resolutionTerritoryRebuilt(gone);
    // Figures after the old territory's last day exist, on the new one only: the verdict rests on the old one's last.
    const laterOnNew = latest !== null && quarterEnd(latest.quarter) > territory.lastDay;
    // Before the change (a page of an earlier quarter) there is only one territory: nothing to say.
    return laterOnNew ? t.resolutionTerritoryLast(gone) : null;
  }
  const trendBased = !a.final && a.status !== "ACHIEVED" && a.status !== "NO_LONGER_ASSESSABLE";
  return territory.trendFrom !== null && trendBased ? t.trendFrom(formatQuarter(territory.trendFrom, locale)) : null;
}

/** The year an edition-placed value describes (SeriesPoint.referenceYear); null for a quarter's own value. */
const yearOf = (p: QuarterValue): number | null => ("referenceYear" in p && typeof p.referenceYear === "number" ? p.referenceYear : null);
/** How many units the ranking of an edition-placed value ranked; null when not recorded. */
const rankedOf = (p: QuarterValue): number | null => ("rankedUnits" in p && typeof p.rankedUnits === "number" ? p.rankedUnits : null);

export function goalLines(
  row: { indicator: IndicatorUnit; latest: QuarterValue | null },
  goal: GoalStatus,
  locale: Locale,
  options: { gap?: boolean } = {},
): GoalLine[] {
  const a = goal.assessment;
  if (a === null) return [];
  const t = getDictionary(locale);
  const value = (v: number) => formatIndicatorValue(row.indicator, v, locale);
  // An edition of a yearly index is named by the year it describes, and a rank by how many it ranked (issue #14, item 9).
  const period = (p: QuarterValue) => (yearOf(p) === null ? formatQuarter(p.quarter, locale) : t.card.referenceYear(String(yearOf(p))));
  const valueOf = (p: QuarterValue) => (rankedOf(p) === null ? value(p.value) : t.card.rankOf(value(p.value), formatNumber(rankedOf(p)!, locale)));
  const figure = (p: QuarterValue) => `${valueOf(p)} (${period(p)})`;
  const reading = readGoal(goal, row.latest);
  const { judged } = reading;
  const lines: GoalLine[] = [];

  if (a.unassessable?.kind === "LEVEL_ENDED") {
    const level = t.levels[goal.target.level];
    const gone = goneOn(a.unassessable.lastDay, locale);
    lines.push({ kind: "reason", text: judged ? t.card.levelEnded(level, gone, figure(judged)) : t.card.levelEndedNoFigure(level, gone) });
  } else if (a.unassessable?.kind === "STALE" && judged) {
    const text = t.card.stale(figure(judged), formatQuarter(a.unassessable.reference, locale), formatNumber(MAX_FIGURE_AGE_QUARTERS, locale));
    lines.push({ kind: "reason", text });
  } else if (judged) {
    if (a.final) lines.push({ kind: "verdict", text: t.card.finalVerdict(period(judged), valueOf(judged)) });
    else lines.push({ kind: "now", text: reading.meets ? t.card.meetsNow : t.card.notMeetsNow });
    if (a.levelEnded) lines.push({ kind: "note", text: t.card.levelEndedMet(t.levels[goal.target.level], goneOn(a.levelEnded, locale)) });
    if (options.gap && reading.meets === false && reading.gap !== null) {
      lines.push({ kind: "gap", text: t.card.gap(formatGap(row.indicator, reading.gap, locale)) });
    }
  }
  if (reading.sinceThen) {
    lines.push({ kind: "since", text: t.card.sinceThen(period(reading.sinceThen), valueOf(reading.sinceThen)) });
  }
  const territory = territoryLine(goal, row.latest, locale);
  if (territory) lines.push({ kind: "note", text: territory });
  const national = goal.target.national;
  if (national && national.value !== null) {
    // The national programme's line (issue #15): shown beside the province's goal, never a verdict of its own.
    const text = formatTargetText(national.comparator, national.value, unitOf(row.indicator, locale), locale);
    const meets = judged ? meetsTarget(judged.value, national.comparator, national.value) : null;
    lines.push({ kind: "note", text: t.card.nationalLine(national.programmeCode, text) + (meets === null ? "." : meets ? t.card.nationalMeets : t.card.nationalNotMeets) });
  }
  if (row.indicator.yearlyRate === true && row.indicator.kind === "RATIO") lines.push({ kind: "note", text: t.card.yearlyRule });
  return lines;
}
