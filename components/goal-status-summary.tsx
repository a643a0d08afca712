/**
 * Goals by status, as badges with counts: the same summary on the home page
 * and the dashboard, from the same count (goalStatusCounts), so the two pages
 * never count different things under the same words.
 */
import { StatusBadge } from "@/components/status-badge";
import { formatNumber } from "@/lib/format/number";
import { getDictionary } from "@/lib/i18n/dictionary";
import type { Locale } from "@/lib/i18n/locales";
import type { GoalStatusCounts } from "@/lib/progress/target-overview";

export function GoalStatusSummary({ counts, locale, testId }: { counts: GoalStatusCounts; locale: Locale; testId: string }) {
  return (
    <>
      <p className="text-sm text-slate-700">{getDictionary(locale).home.summary(formatNumber(counts.numeric, locale))}</p>
      <ul className="mt-2 flex flex-wrap gap-2" data-testid={testId}>
        {counts.byStatus.map((c) => (
          <li key={c.status} className="flex items-center gap-1 text-sm">
            <StatusBadge status={c.status} locale={locale} />
            <span className="font-semibold tabular-nums">{formatNumber(c.count, locale)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
