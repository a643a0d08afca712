/**
 * The home page: the targets of the province's programme in force, grouped as
 * the resolution groups them, with a count of goals by status at the top, and
 * the other programmes listed at the foot (issue #15, item 5). A programme's
 * own page (/chuong-trinh/<slug>) is the same view of that programme.
 */
import { publicMetadata, type PublicMetadata } from "@/lib/i18n/metadata";
import { GoalStatusSummary } from "@/components/goal-status-summary";
import type { TargetOverview } from "@/lib/data/overview-model";
import type { ProgrammeSummary } from "@/lib/data/programmes";
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

function programmeTitle(p: ProgrammeSummary, locale: Locale): string {
  return locale === "vi" ? p.titleVi : p.titleEn;
}

/** "đang có hiệu lực", "đã kết thúc", or "được thay thế bởi 05-NQ/TU". */
function programmeStatus(p: ProgrammeSummary, locale: Locale): string {
  const t = getDictionary(locale).programmes;
  return p.status === "SUPERSEDED" && p.supersededByCode ? t.supersededBy(p.supersededByCode) : t.status[p.status];
}

/** "giai đoạn 2021–2025, tầm nhìn 2030 · đang có hiệu lực". */
function programmeFacts(p: ProgrammeSummary, locale: Locale): string {
  const t = getDictionary(locale).programmes;
  return `${t.period(String(p.startYear), String(p.endYear), p.visionYear === null ? null : String(p.visionYear))} · ${programmeStatus(p, locale)}`;
}

/** The programmes other than the one shown: the province's (each its page) and the national ones (reference only). */
function OtherProgrammes({ programmes, shownId, locale, view }: { programmes: readonly ProgrammeSummary[]; shownId: number | null; locale: Locale; view: "home" | "programme" }) {
  const t = getDictionary(locale).programmes;
  const own = programmes.filter((p) => p.scope === "PROVINCE" && p.id !== shownId);
  const national = programmes.filter((p) => p.scope === "NATIONAL");
  if (own.length === 0 && national.length === 0 && view === "home") return null;
  return (
    <section aria-labelledby="chuong-trinh-khac" className="mt-8 border-t border-slate-200 pt-6" data-testid="other-programmes">
      <h2 id="chuong-trinh-khac" className="text-lg font-semibold">
        {t.others}
      </h2>
      {view === "programme" && (
        <p className="mt-2">
          <a href={pathFor(locale, { page: "home" })} className="text-brand-700 underline underline-offset-2">
            {t.backHome}
          </a>
        </p>
      )}
      {own.length > 0 && (
        <>
          <ul className="mt-2 space-y-1">
            {own.map((p) => (
              <li key={p.id}>
                <a href={pathFor(locale, { page: "programme", slug: p.slug })} className="font-medium text-brand-700 underline underline-offset-2">
                  {p.code}
                </a>{" "}
                — {programmeTitle(p, locale)} <span className="text-sm text-slate-700">({programmeFacts(p, locale)}; {t.targets(formatNumber(p.targets, locale))})</span>
              </li>
            ))}
          </ul>
          <p className="mt-1 text-sm text-slate-700">{t.othersNote}</p>
        </>
      )}
      {national.length > 0 && (
        <>
          <h3 className="mt-4 font-semibold">{t.national}</h3>
          <ul className="mt-1 space-y-1">
            {national.map((p) => (
              <li key={p.id}>
                <span className="font-medium">{p.code}</span> — {programmeTitle(p, locale)}{" "}
                <span className="text-sm text-slate-700">({programmeFacts(p, locale)})</span>
              </li>
            ))}
          </ul>
          <p className="mt-1 text-sm text-slate-700">{t.nationalNote}</p>
        </>
      )}
    </section>
  );
}

/** The home page's content (and a programme page's); pages/_p/[locale]/index.tsx and programme/[slug].tsx frame it in PublicShell. */
export function HomeView({
  overview,
  locale,
  programmes,
  programmeId,
  view,
}: {
  overview: TargetOverview;
  locale: Locale;
  programmes: readonly ProgrammeSummary[];
  /** The programme shown; null when none is in force (every judged target). */
  programmeId: number | null;
  view: "home" | "programme";
}) {
  const t = getDictionary(locale);
  const counts = goalStatusCounts(overview.rows);
  const shown = programmes.find((p) => p.id === programmeId) ?? null;
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-800">{view === "programme" && shown ? `${shown.code}: ${programmeTitle(shown, locale)}` : t.home.heading}</h1>
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
      {shown ? (
        <p className="mt-4 max-w-3xl text-slate-700" data-testid="programme-shown">
          {/* The title usually names the period already: the home line gives the status, the programme's page the period too. */}
          {t.programmes.shown} <strong>{shown.code}</strong>
          {view === "home" && <> — {programmeTitle(shown, locale)}</>} ({shown.issuerVi}; {view === "home" ? programmeStatus(shown, locale) : programmeFacts(shown, locale)}).
        </p>
      ) : (
        <p className="mt-4 max-w-3xl text-slate-700">{t.home.intro}</p>
      )}
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
      <OtherProgrammes programmes={programmes} shownId={programmeId} locale={locale} view={view} />
    </>
  );
}

export function programmeMetadata(locale: Locale, p: ProgrammeSummary): PublicMetadata {
  return publicMetadata(locale, { page: "programme", slug: p.slug }, p.code, getDictionary(locale).programmes.metaDescription(p.code, programmeTitle(p, locale)));
}

export function homeMetadata(locale: Locale): PublicMetadata {
  return publicMetadata(locale, { page: "home" }, null, getDictionary(locale).meta.homeDescription);
}
