/**
 * The quarterly series of one target (one sector of an indicator): its goals
 * with the resolution's words, the chart (server-rendered SVG) with an HTML
 * legend and a text alternative, and a data table with the same numbers.
 */
import { CHART_STYLE } from "@/components/charts/chart-style";
import { ServerChart } from "@/components/charts/server-chart";
import { buildSeriesChartModel, chartBaseline, paceAt, paceGoals, type SeriesChartModel } from "@/components/charts/series-chart-model";
import { goalLines } from "@/lib/i18n/goal-lines";
import { unjudgedReason } from "@/lib/progress/progress";
import { StatusBadge } from "@/components/status-badge";
import { formatDate, formatNumber } from "@/lib/format/number";
import { getDictionary } from "@/lib/i18n/dictionary";
import { formatGoal, formatIndicatorValue, formatShare } from "@/lib/i18n/indicator-format";
import type { Locale } from "@/lib/i18n/locales";
import { formatQuarter, quarterKey, type Quarter } from "@/lib/period/quarter";
import { formatVietnamDay } from "@/lib/period/vietnam-time";
import { goalProgressShare, type OverviewRow } from "@/lib/progress/target-overview";
import { baselineText } from "@/lib/i18n/baseline-text";

type HeadingLevel = 2 | 3;


function Heading({ level, id, children }: { level: HeadingLevel; id: string; children: React.ReactNode }) {
  const className = level === 2 ? "text-xl font-semibold" : "text-lg font-semibold";
  return level === 2 ? (
    <h2 id={id} className={className}>
      {children}
    </h2>
  ) : (
    <h3 id={id} className={className}>
      {children}
    </h3>
  );
}

function LegendSwatch({ stroke, dash, width = 2.5, dot = false }: { stroke: string; dash?: string; width?: number; dot?: boolean }) {
  return (
    <svg width="28" height="12" viewBox="0 0 28 12" aria-hidden="true" focusable="false" className="shrink-0">
      <line x1="1" y1="6" x2="27" y2="6" stroke={stroke} strokeWidth={width} strokeDasharray={dash || undefined} />
      {dot && <circle cx="14" cy="6" r="3" fill={stroke} />}
    </svg>
  );
}

function ChartLegend({ model, label }: { model: SeriesChartModel; label: string }) {
  return (
    <ul aria-label={label} className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-800">
      <li className="flex items-center gap-1.5">
        <LegendSwatch stroke={CHART_STYLE.actual} dot />
        {model.labels.actual}
      </li>
      {model.baseline && (
        <li className="flex items-center gap-1.5">
          <svg width="28" height="12" viewBox="0 0 28 12" aria-hidden="true" focusable="false">
            <circle cx="14" cy="6" r="4" fill="#ffffff" stroke={CHART_STYLE.actual} strokeWidth="2" />
          </svg>
          {model.baseline.label}
        </li>
      )}
      {model.paces.map((p) => (
        <li key={`pace-${p.year}`} className="flex items-center gap-1.5">
          <LegendSwatch stroke={CHART_STYLE.pace(p.year)} dash={CHART_STYLE.paceDash} width={1.5} />
          {p.label}
        </li>
      ))}
      {model.targets.map((t) => (
        <li key={`target-${t.year}`} className="flex items-center gap-1.5">
          <LegendSwatch stroke={CHART_STYLE.target(t.year)} width={1.5} />
          {t.label}
        </li>
      ))}
      {model.projection && (
        <li className="flex items-center gap-1.5">
          <LegendSwatch stroke={CHART_STYLE.projection} dash={CHART_STYLE.projectionDash} width={2} />
          {model.projection.label}
        </li>
      )}
      {model.breakAt !== null && (
        <li className="flex items-center gap-1.5">
          <svg width="28" height="12" viewBox="0 0 28 12" aria-hidden="true" focusable="false">
            <line x1="14" y1="0" x2="14" y2="12" stroke={CHART_STYLE.axis} strokeWidth="1.5" strokeDasharray="1 3" />
          </svg>
          {model.breakLabel}
        </li>
      )}
    </ul>
  );
}

export function SeriesSection({
  row,
  rawValues,
  asOf,
  locale,
  headingLevel,
  idPrefix,
  title,
}: {
  row: OverviewRow;
  /** The count behind each point of a change-vs-baseline indicator, by quarter key. */
  rawValues: ReadonlyMap<string, number>;
  asOf: Quarter;
  locale: Locale;
  headingLevel: HeadingLevel;
  idPrefix: string;
  title: string;
}) {
  const t = getDictionary(locale);
  const kind = row.indicator.kind;
  const value = (v: number) => formatIndicatorValue(row.indicator, v, locale);
  const numericGoals = row.goals.filter((g) => g.target.value !== null);
  const baseline = row.baseline;
  const model = buildSeriesChartModel({ id: `${idPrefix}-chart`, row, baseline, asOf, locale, name: title });
  const paceBase = chartBaseline(row, baseline);
  const isRatio = kind === "RATIO";
  const isChange = kind === "CHANGE_VS_BASELINE";
  const withPace = paceGoals(row, paceBase);
  const columns = 4 + (isRatio ? 2 : 0) + (isChange ? 1 : 0) + withPace.length;

  return (
    <>
      <section aria-labelledby={`${idPrefix}-goals`} className="mt-8">
        <Heading level={headingLevel} id={`${idPrefix}-goals`}>
          {t.indicator.goalsHeading}
        </Heading>
        <ul className="mt-3 grid gap-4 md:grid-cols-2">
          {row.goals.map((goal) => {
            const a = goal.assessment;
            const share = goalProgressShare(goal);
            const lines = goalLines(row, goal, locale);
            return (
              <li key={goal.target.id} className="rounded-lg border border-slate-200 bg-white p-4" data-goal-year={goal.target.year}>
                <p className="font-semibold">
                  {t.card.goal(String(goal.target.year))}: {formatGoal(row.indicator, goal.target, locale, locale === "vi" ? t.card.qualitative : row.indicator.nameEn)}
                </p>
                {a && (
                  <div className="mt-2 space-y-1 text-sm">
                    <p className="flex flex-wrap items-center gap-2">
                      <span className="text-slate-700">{t.indicator.status(String(goal.target.year))}:</span>
                      <StatusBadge status={a.status} locale={locale} />
                    </p>
                    {lines.map((l) => (
                      <p key={l.kind} className="text-slate-700" data-line={l.kind}>
                        {l.text}
                      </p>
                    ))}
                    {!a.final && share !== null && (
                      <p className="text-slate-700">{share < 0 ? t.card.progressBehind : t.card.progress(formatShare(Math.min(share, 1), locale))}</p>
                    )}
                    {!a.final && a.projection !== null && (
                      <p className="text-slate-700">{t.indicator.projection(String(goal.target.year), value(a.projection))}</p>
                    )}
                  </div>
                )}
                <figure className="mt-3 border-l-4 border-slate-300 pl-3">
                  <blockquote lang="vi" className="text-sm italic text-slate-800">
                    “{goal.target.sourceClauseVi}”
                  </blockquote>
                  <figcaption className="mt-1 text-xs text-slate-700" data-testid="target-source">
                    {t.indicator.clauseSourceLabel}: <span lang="vi">{goal.target.sourceVi}</span>
                  </figcaption>
                </figure>
              </li>
            );
          })}
        </ul>
        <p className="mt-3 text-sm text-slate-700" data-baseline={baseline?.origin ?? "NONE"}>
          {baselineText(baseline, isChange ? (v) => formatNumber(v, locale) : value, locale)}
        </p>
      </section>

      <section aria-labelledby={`${idPrefix}-series`} className="mt-8">
        <Heading level={headingLevel} id={`${idPrefix}-series`}>
          {t.indicator.seriesHeading}
        </Heading>
        {row.series.length === 0 ? (
          <p className="mt-2 text-slate-700">{t.indicator.noData}</p>
        ) : (
          <>
            <figure className="chart-figure mt-3 rounded-lg border border-slate-200 bg-white p-3">
              <figcaption id={`${idPrefix}-chart-caption`} className="text-sm font-medium text-slate-800">
                {t.chart.caption(title)}
              </figcaption>
              <div role="img" aria-label={model.summary} className="chart-frame mt-2 max-w-3xl" data-chart={row.key}>
                <ServerChart model={model} />
              </div>
              <ChartLegend model={model} label={t.chart.legend} />
            </figure>
            <div
              className="table-scroll mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white"
              role="region"
              aria-labelledby={`${idPrefix}-table-caption`}
              tabIndex={0}
            >
              <table className="w-full border-collapse text-left text-sm" data-series-table={row.key}>
                <caption id={`${idPrefix}-table-caption`} className="px-3 py-2 text-left font-medium text-slate-800">
                  {t.indicator.tableCaption(title)}
                </caption>
                <thead>
                  <tr className="border-b border-slate-300 text-slate-700">
                    <th scope="col" className="px-3 py-2">{t.indicator.quarter}</th>
                    <th scope="col" className="px-3 py-2">{t.indicator.value}</th>
                    {isRatio && <th scope="col" className="px-3 py-2">{t.indicator.numerator}</th>}
                    {isRatio && <th scope="col" className="px-3 py-2">{t.indicator.denominator}</th>}
                    {isChange && <th scope="col" className="px-3 py-2">{row.indicator[locale === "vi" ? "unitVi" : "unitEn"]}</th>}
                    <th scope="col" className="px-3 py-2">{t.indicator.reported}</th>
                    {withPace.map((g) => (
                        <th key={g.target.year} scope="col" className="px-3 py-2">
                          {t.indicator.pace(String(g.target.year))}
                        </th>
                      ))}
                    <th scope="col" className="px-3 py-2">{t.indicator.approvedOn}</th>
                  </tr>
                </thead>
                <tbody>
                  {row.series.map((p) => (
                    <tr key={quarterKey(p.quarter)} className="border-b border-slate-100" data-quarter={quarterKey(p.quarter)}>
                      <th scope="row" className="px-3 py-1.5 font-normal whitespace-nowrap">
                        {formatQuarter(p.quarter, locale)}
                        {p.territoryBreak && <span className="block min-w-32 text-xs whitespace-normal text-slate-700">{t.indicator.territoryBreak}</span>}
                      </th>
                      <td className="px-3 py-1.5 font-medium tabular-nums whitespace-nowrap">{value(p.value)}</td>
                      {isRatio && <td className="px-3 py-1.5 tabular-nums">{p.numerator === null ? "—" : formatNumber(p.numerator, locale)}</td>}
                      {isRatio && <td className="px-3 py-1.5 tabular-nums">{p.denominator === null ? "—" : formatNumber(p.denominator, locale)}</td>}
                      {isChange && (
                        <td className="px-3 py-1.5 tabular-nums">
                          {rawValues.has(quarterKey(p.quarter)) ? formatNumber(rawValues.get(quarterKey(p.quarter))!, locale) : "—"}
                        </td>
                      )}
                      <td className="px-3 py-1.5 tabular-nums" data-coverage={p.expected === null ? undefined : `${p.reported}/${p.expected}`}>
                        {formatNumber(p.reported, locale)}
                        {p.expected !== null && p.expected > 1 && `/${formatNumber(p.expected, locale)}`}
                        {unjudgedReason(p) === "LOW_COVERAGE" && (
                          <span className="block text-xs text-amber-900" data-unjudged="LOW_COVERAGE">
                            <span aria-hidden="true">⚠ </span>
                            {t.indicator.lowCoverage}
                          </span>
                        )}
                      </td>
                      {withPace.map((g) => (
                          <td key={g.target.year} className="px-3 py-1.5 tabular-nums whitespace-nowrap text-slate-700">
                            {value(paceAt(paceBase!, { value: g.target.value!, year: g.target.year }, p.quarter))}
                          </td>
                        ))}
                      <td className="px-3 py-1.5 tabular-nums whitespace-nowrap">{formatVietnamDay(p.approvedAt, locale)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot className="border-t-2 border-slate-300">
                  {paceBase && (
                    <tr>
                      <th scope="row" className="px-3 py-1.5 text-left font-medium">
                        {t.chart.baseline}
                      </th>
                      <td colSpan={columns - 1} className="px-3 py-1.5">
                        {value(paceBase.value)} · {formatDate(paceBase.date, locale)}
                      </td>
                    </tr>
                  )}
                  {numericGoals.map((g) => (
                    <tr key={g.target.year}>
                      <th scope="row" className="px-3 py-1.5 text-left font-medium">
                        {t.chart.target(String(g.target.year))}
                      </th>
                      <td colSpan={columns - 1} className="px-3 py-1.5">
                        {formatGoal(row.indicator, g.target, locale, t.card.qualitative)}
                      </td>
                    </tr>
                  ))}
                  {model.projection && (
                    <tr>
                      <th scope="row" className="px-3 py-1.5 text-left font-medium">
                        {t.indicator.projectionRow(String(model.projection.year))}
                      </th>
                      <td colSpan={columns - 1} className="px-3 py-1.5">
                        {value(model.projection.points[1]!.v)}
                      </td>
                    </tr>
                  )}
                </tfoot>
              </table>
            </div>
          </>
        )}
      </section>
    </>
  );
}
