/**
 * The home page: every target of the resolution, grouped as the resolution
 * groups them, with a count of goals by status at the top.
 */
import { publicMetadata, type PublicMetadata } from "@/lib/i18n/metadata";
import { GoalStatusSummary } from "@/components/goal-status-summary";
import type { TargetOverview } from "@/lib/data/overview-model";
import { getDictionary } from "@/lib/i18n/dictionary";
import { formatNumber } from "@/lib/format/number";
import type { Locale } from "@/lib/i18n/locales";
import { pathFor } from "@/lib/i18n/routes";
import { formatQuarter } from "@/lib/period/quarter";
import { statusLabel, type ProgressStatus } from "@/lib/progress/progress";
import { GROUP_ORDER, goalStatusCounts } from "@/lib/progress/target-overview";
import { TargetCard } from "./target-card";

/** The id of the anchor that filters the home page's cards to a status ("loc" = filter). */
export const statusFilterId = (status: ProgressStatus) => `loc-${status}`;

/** The home page's content; pages/_p/[gen]/[locale]/index.tsx frames it in PublicShell. */
export function HomeView({ overview, locale }: { overview: TargetOverview; locale: Locale }) {
  const t = getDictionary(locale);
  const counts = goalStatusCounts(overview.rows);
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-800">{t.home.heading}</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        {t.home.asOf(formatQuarter(overview.asOf, locale))}{" "}
        <a href={pathFor(locale, { page: "methodology" })} className="text-brand-700 underline underline-offset-2">
          {t.home.readStatus}
        </a>
      </p>
      {/* The summary first (issue #16, item 6): on a phone it is the first screen; the introduction follows it. */}
      <section aria-labelledby="tom-tat" className="mt-4 sm:mt-6">
        <h2 id="tom-tat" className="sr-only">
          {t.home.summaryHeading}
        </h2>
        <GoalStatusSummary counts={counts} locale={locale} testId="status-summary" filterHref={(status) => `#${statusFilterId(status)}`} />
        <p className="mt-2 max-w-3xl text-sm text-slate-700">
          {t.home.summaryNote(formatNumber(counts.numeric + counts.qualitative, locale), formatNumber(overview.rows.length, locale))}
        </p>
      </section>
      <p className="mt-4 max-w-3xl text-slate-700">{t.home.intro}</p>
      {/* The badges filter without script (issue #16, item 7): each links to one of these empty anchors, and
          while it is the page's :target, app/globals.css hides the cards with no goal in that status. */}
      {counts.byStatus.map((c) => (
        <span key={c.status} id={statusFilterId(c.status)} className="status-filter-anchor" />
      ))}
      <div className="status-filter-notes">
        {counts.byStatus.map((c) => (
          <p key={c.status} className="status-filter-note mt-4 text-sm text-slate-800" data-filter-note={c.status}>
            {t.home.filterShowing(statusLabel(c.status, locale))}{" "}
            <a href="#tom-tat" className="text-brand-700 underline underline-offset-2">
              {t.home.filterAll}
            </a>
          </p>
        ))}
      </div>
      <div className="status-filter-groups">
        {GROUP_ORDER.map((group) => {
          const rows = overview.rows.filter((r) => r.indicator.group === group);
          if (rows.length === 0) return null;
          return (
            <section key={group} className="deferred-section mt-6 sm:mt-8" aria-labelledby={`nhom-${group}`}>
              <h2 id={`nhom-${group}`} className="mb-3 text-lg font-semibold">
                {t.groups[group]}
              </h2>
              <ul className="grid gap-3 sm:grid-cols-2 sm:gap-4 lg:grid-cols-3" aria-label={t.home.groupTargets(t.groups[group])}>
                {rows.map((row) => (
                  <li key={row.key} data-statuses={row.goals.flatMap((g) => (g.assessment ? [g.assessment.status] : [])).join(" ")}>
                    <TargetCard row={row} locale={locale} />
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </>
  );
}

export function homeMetadata(locale: Locale): PublicMetadata {
  return publicMetadata(locale, { page: "home" }, null, getDictionary(locale).meta.homeDescription);
}
