/**
 * Goals by status, as badges with counts: the same summary on the home page
 * and the dashboard, from the same count (goalStatusCounts), so the two pages
 * never count different things under the same words.
 */
import { StatusBadge } from "@/components/status-badge";
import { formatNumber } from "@/lib/format/number";
import { getDictionary } from "@/lib/i18n/dictionary";
import type { Locale } from "@/lib/i18n/locales";
import { statusLabel, type ProgressStatus } from "@/lib/progress/progress";
import type { GoalStatusCounts } from "@/lib/progress/target-overview";

/**
 * `filterHref`: each badge becomes a link to it (the home page's filter by
 * status, statusFilterId); absent, the badges are text.
 */
export function GoalStatusSummary({
  counts,
  locale,
  testId,
  filterHref,
}: {
  counts: GoalStatusCounts;
  locale: Locale;
  testId: string;
  filterHref?: (status: ProgressStatus) => string;
}) {
  const t = getDictionary(locale).home;
  return (
    <>
      <p className="text-sm text-slate-700">{t.summary(formatNumber(counts.numeric, locale))}</p>
      <ul className="mt-2 flex flex-wrap gap-2" data-testid={testId}>
        {counts.byStatus.map((c) => {
          const content = (
            <>
              <StatusBadge status={c.status} locale={locale} />
              <span className="font-semibold tabular-nums">{formatNumber(c.count, locale)}</span>
            </>
          );
          return (
            <li key={c.status} className="flex items-center gap-1 text-sm">
              {filterHref ? (
                <a
                  href={filterHref(c.status)}
                  className="flex min-h-6 items-center gap-1 rounded underline-offset-2 hover:underline"
                  aria-label={t.filterOnly(statusLabel(c.status, locale), formatNumber(c.count, locale))}
                  data-status-filter={c.status}
                >
                  {content}
                </a>
              ) : (
                content
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
