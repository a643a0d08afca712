/**
 * One target on the home page: the latest approved province figure, and for
 * each goal year the goal in the resolution's words, the status with the lines
 * that explain it (lib/i18n/goal-lines.ts: whether the latest figure meets
 * it; once the year is over, the figure of the final verdict and any later one
 * apart; for a goal no longer assessable, why) and how far along the way from
 * the baseline it is.
 */
import { goalLines } from "@/lib/i18n/goal-lines";
import { StatusBadge } from "@/components/status-badge";
import { getDictionary } from "@/lib/i18n/dictionary";
import { formatGoal, formatIndicatorValue, formatShare, yearlyWindowText } from "@/lib/i18n/indicator-format";
import type { Locale } from "@/lib/i18n/locales";
import { pathFor } from "@/lib/i18n/routes";
import { formatQuarter } from "@/lib/period/quarter";
import { formatVietnamDay } from "@/lib/period/vietnam-time";
import { goalProgressShare, type GoalStatus, type OverviewRow, type SeriesPoint } from "@/lib/progress/target-overview";
import { coverageOf, unjudgedReason } from "@/lib/progress/progress";
import { MIN_COVERAGE } from "@/lib/progress/thresholds";
import { formatNumber, formatPercent } from "@/lib/format/number";
import { Sparkline } from "@/components/sparkline";

/** Points in the card's sparkline: two years. */
const TREND_QUARTERS = 8;

/**
 * The goal whose path the card's marker shows: the nearest goal still open
 * with a pace at the latest judged figure (the one whose status the card leads with).
 */
function openPace(row: OverviewRow): { year: number; pace: number; quarter: SeriesPoint["quarter"] } | null {
  for (const g of row.goals) {
    const a = g.assessment;
    if (a && !a.final && a.pace !== null && a.latest) return { year: g.target.year, pace: a.pace, quarter: a.latest.quarter };
  }
  return null;
}

/** The sparkline of the latest quarters, with where the path to the open goal says the latest should be. */
function Trend({ row, locale }: { row: OverviewRow; locale: Locale }) {
  const t = getDictionary(locale).card;
  const points = row.series.slice(-TREND_QUARTERS);
  if (points.length < 2) return null;
  const value = (v: number) => formatIndicatorValue(row.indicator, v, locale);
  const expected = openPace(row);
  const expectedText = expected ? t.expectedByNow(value(expected.pace), formatQuarter(expected.quarter, locale), String(expected.year)) : null;
  // Short: the first and the last point (every quarter is in the indicator page's table); the cached home page stays small.
  const point = (p: SeriesPoint) => `${value(p.value)} (${formatQuarter(p.quarter, locale)})`;
  const label = `${t.trend(String(points.length), point(points[0]!), point(points.at(-1)!))}${expectedText ? `. ${expectedText}.` : ""}`;
  return (
    <div className="flex items-center gap-2" data-trend="">
      <Sparkline values={points.map((p) => p.value)} label={label} expected={expected?.pace ?? null} />
      {expectedText && (
        <p className="hidden text-xs text-slate-700 sm:block print:block" data-expected-by-now="">
          <span aria-hidden="true" className="text-amber-800">◇ </span>
          {expectedText}
        </p>
      )}
    </div>
  );
}

export function indicatorName(row: Pick<OverviewRow, "indicator">, locale: Locale): string {
  return locale === "vi" ? row.indicator.nameVi : row.indicator.nameEn;
}

function GoalBlock({ row, goal, locale }: { row: OverviewRow; goal: GoalStatus; locale: Locale }) {
  const t = getDictionary(locale).card;
  const a = goal.assessment;
  const share = goalProgressShare(goal);
  const lines = goalLines(row, goal, locale);
  return (
    <div className="border-t border-slate-200 pt-2" data-goal-year={goal.target.year}>
      <dt className="text-sm">
        <span className="font-semibold">{t.goal(String(goal.target.year))}:</span>{" "}
        <span>{formatGoal(row.indicator, goal.target, locale, t.qualitative)}</span>
      </dt>
      <dd className="mt-1 space-y-1 text-sm">
        {a === null ? (
          <p className="text-slate-700">{t.qualitative}</p>
        ) : (
          <>
            <StatusBadge status={a.status} locale={locale} />
            {lines.map((l) => (
              <p key={l.kind} className="hidden text-slate-700 sm:block print:block" data-line={l.kind}>
                {l.text}
              </p>
            ))}
            {!a.final && share !== null && (
              <div className="hidden items-center gap-2 sm:flex print:flex">
                <div className="progress-track h-2 w-24 shrink-0 overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
                  <div className="h-full rounded-full bg-brand-700" style={{ width: `${Math.round(Math.min(1, Math.max(0, share)) * 100)}%` }} />
                </div>
                <p className="text-slate-700">{share < 0 ? t.progressBehind : t.progress(formatShare(Math.min(share, 1), locale))}</p>
              </div>
            )}
          </>
        )}
      </dd>
    </div>
  );
}

export function TargetCard({ row, locale }: { row: OverviewRow; locale: Locale }) {
  const t = getDictionary(locale).card;
  const name = indicatorName(row, locale);
  const headingId = `chi-tieu-${row.key.replace(/[^A-Za-z0-9_-]/g, "-")}`;
  return (
    <article
      aria-labelledby={headingId}
      data-indicator={row.key}
      className="target-card flex h-full flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:gap-3 sm:p-4"
    >
      <header>
        <h3 id={headingId} className="font-semibold leading-snug">
          <a href={pathFor(locale, { page: "indicator", code: row.indicator.code })} className="text-brand-800 underline-offset-2 hover:underline">
            {name}
          </a>
        </h3>
        {row.sector && <p className="mt-0.5 text-sm text-slate-700">{t.sector(locale === "vi" ? row.sector.nameVi : row.sector.nameEn)}</p>}
      </header>
      <div>
        <p className="text-xs font-medium uppercase tracking-wide text-slate-600">{t.latest}</p>
        {row.latest ? (
          <>
            <p className="text-xl font-semibold tabular-nums" data-latest>
              {formatIndicatorValue(row.indicator, row.latest.value, locale)}
            </p>
            <p className="text-sm text-slate-700">
              {formatQuarter(row.latest.quarter, locale)}
              {/* On a phone the card is compact (ADR 031): the approval date is on the indicator's page. */}
              <span className="hidden sm:inline print:inline"> · {t.approvedOn(formatVietnamDay(row.latest.approvedAt, locale))}</span>
            </p>
            {yearlyWindowText(row.indicator, row.latest.quarter, locale) && (
              <p className="text-sm text-slate-700" data-yearly-window="">
                {yearlyWindowText(row.indicator, row.latest.quarter, locale)}
              </p>
            )}
            <CoverageLine point={row.latest} locale={locale} />
            <Trend row={row} locale={locale} />
          </>
        ) : (
          <p className="text-slate-700">{t.noFigure}</p>
        )}
      </div>
      {row.goals.length === 0 ? (
        <p className="mt-auto text-sm text-slate-700" data-no-target="">
          {t.noTarget}
        </p>
      ) : (
        <dl className="mt-auto space-y-2">
          {row.goals.map((goal) => (
            <GoalBlock key={goal.target.id} row={row} goal={goal} locale={locale} />
          ))}
        </dl>
      )}
    </article>
  );
}

/**
 * Coverage beside a value rolled up from several units (issue #14, item 4):
 * "47/92 đơn vị đã báo cáo (51%)", and under MIN_COVERAGE the note that the
 * value is not judged. A province-level figure (one unit) has no such line.
 */
export function CoverageLine({ point, locale }: { point: SeriesPoint; locale: Locale }) {
  const t = getDictionary(locale).card;
  const coverage = coverageOf(point);
  if (coverage === null || point.expected === null || point.expected <= 1) return null;
  return (
    <>
      <p className="text-sm text-slate-700" data-coverage={`${point.reported}/${point.expected}`}>
        {t.coverage(formatNumber(point.reported, locale), formatNumber(point.expected, locale), formatPercent(coverage * 100, locale, 0))}
      </p>
      {unjudgedReason(point) === "LOW_COVERAGE" && (
        <p className="text-sm text-amber-900" data-unjudged="LOW_COVERAGE">
          <span aria-hidden="true">⚠ </span>
          {t.lowCoverage(formatPercent(MIN_COVERAGE * 100, locale, 0))}
        </p>
      )}
    </>
  );
}
