/**
 * How the figures are computed. The numbers in the text (status thresholds,
 * projection window, the age after which a figure no longer assesses a goal)
 * are read from lib/progress/thresholds.ts, and the feasible ranges from
 * lib/progress/feasible-range.ts, so the page cannot drift from the maths it describes.
 */
import { publicMetadata, type PublicMetadata } from "@/lib/i18n/metadata";
import { StatusBadge } from "@/components/status-badge";
import { formatNumber, formatPercent } from "@/lib/format/number";
import { getDictionary } from "@/lib/i18n/dictionary";
import type { Locale } from "@/lib/i18n/locales";
import { pathFor } from "@/lib/i18n/routes";
import { feasibleRange } from "@/lib/progress/feasible-range";
import type { ProgressStatus } from "@/lib/progress/progress";
import { MAX_FIGURE_AGE_QUARTERS, MIN_COVERAGE, MIN_PROJECTION_POINTS, PROJECTION_WINDOW, STATUS_THRESHOLDS } from "@/lib/progress/thresholds";

export interface MethodologyIndicator {
  code: string;
  nameVi: string;
  nameEn: string;
  methodologyVi: string;
  methodologyEn: string;
}

function Paragraphs({ items }: { items: readonly string[] }) {
  return (
    <>
      {items.map((p) => (
        <p key={p} className="mt-2 max-w-3xl text-slate-800">
          {p}
        </p>
      ))}
    </>
  );
}

export function MethodologyView({ indicators, locale }: { indicators: readonly MethodologyIndicator[]; locale: Locale }) {
  const t = getDictionary(locale).methodology;
  const pct = (x: number) => formatPercent(x * 100, locale, 0);
  const min = formatNumber(MIN_PROJECTION_POINTS, locale);
  const maxAge = formatNumber(MAX_FIGURE_AGE_QUARTERS, locale);
  const ratio = feasibleRange("RATIO");
  const rank = feasibleRange("RANK");
  const change = feasibleRange("CHANGE_VS_BASELINE");
  // The ranges are whole numbers: written without decimals; the minus of "−100%" is a real one.
  const bound = (x: number | null, suffix = "") => (x === null ? "—" : `${formatNumber(x, locale).replace("-", "\u2212")}${suffix}`);
  const rules: { status: ProgressStatus; rule: string }[] = [
    { status: "NO_LONGER_ASSESSABLE", rule: t.ruleUnassessable(maxAge) },
    { status: "ACHIEVED", rule: t.ruleAchieved },
    { status: "INSUFFICIENT_DATA", rule: t.ruleInsufficient(min) },
    { status: "ON_TRACK", rule: t.ruleOnTrack(pct(STATUS_THRESHOLDS.onTrack)) },
    { status: "NEEDS_ACCELERATION", rule: t.ruleNeedsAcceleration(pct(STATUS_THRESHOLDS.needsAcceleration), pct(STATUS_THRESHOLDS.onTrack)) },
    { status: "OFF_TRACK", rule: t.ruleOffTrack(pct(STATUS_THRESHOLDS.offTrack), pct(STATUS_THRESHOLDS.needsAcceleration)) },
    { status: "REGRESSING", rule: t.ruleRegressing(pct(STATUS_THRESHOLDS.offTrack)) },
    { status: "MISSED", rule: t.ruleMissed },
  ];
  const sections = [
    { id: "da-duyet", heading: t.approvedHeading, body: <Paragraphs items={t.approved} /> },
    {
      id: "ty-le",
      heading: t.ratesHeading,
      body: (
        <>
          <Paragraphs items={t.rates} />
          <p className="mt-2 max-w-3xl text-slate-800" data-rule="yearly-values">
            {t.yearlyValues}
          </p>
        </>
      ),
    },
    {
      id: "trang-thai",
      heading: t.statusHeading,
      body: (
        <>
          <Paragraphs items={t.status} />
          <p className="mt-2 max-w-3xl text-slate-800">{t.projection(formatNumber(PROJECTION_WINDOW, locale), min)}</p>
          <p className="mt-2 max-w-3xl text-slate-800" data-rule="feasible">
            {t.feasible(`${bound(ratio.min, "%")}–${bound(ratio.max, "%")}`, bound(rank.min), bound(change.min, "%"))}
          </p>
          <div className="table-scroll mt-3 max-w-3xl overflow-x-auto rounded-lg border border-slate-200 bg-white" role="region" aria-labelledby="nguong" tabIndex={0}>
            <table className="w-full border-collapse text-left text-sm" data-thresholds>
              <caption id="nguong" className="px-3 py-2 text-left font-medium">
                {t.thresholdsCaption}
              </caption>
              <thead>
                <tr className="border-b border-slate-300 text-slate-700">
                  <th scope="col" className="px-3 py-2">{t.statusColumn}</th>
                  <th scope="col" className="px-3 py-2">{t.ruleColumn}</th>
                </tr>
              </thead>
              <tbody>
                {rules.map((r) => (
                  <tr key={r.status} className="border-b border-slate-100">
                    <th scope="row" className="px-3 py-1.5 font-normal">
                      <StatusBadge status={r.status} locale={locale} />
                    </th>
                    <td className="px-3 py-1.5">{r.rule}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="mt-3 max-w-3xl text-slate-800">{t.final}</p>
          <p className="mt-2 max-w-3xl text-slate-800" data-rule="unassessable">
            {t.unassessable(maxAge)}
          </p>
          <p className="mt-2 max-w-3xl text-slate-800">{t.finished}</p>
          <p className="mt-2 max-w-3xl text-slate-800">{t.progressShare}</p>
          <p className="mt-2 max-w-3xl text-slate-800" data-rule="coverage">
            {t.coverageRule(pct(MIN_COVERAGE))}
          </p>
          <p className="mt-2 max-w-3xl text-slate-800" data-rule="pending">
            {t.pending}
          </p>
          <p className="mt-2 max-w-3xl text-slate-800" data-rule="yearly-rate">
            {t.yearlyRate}
          </p>
          <p className="mt-2 max-w-3xl text-slate-800" data-rule="editions">
            {t.editions}
          </p>
          <p className="mt-2 max-w-3xl text-slate-800" data-rule="comparison">
            {t.comparison(pct(STATUS_THRESHOLDS.onTrack), pct(STATUS_THRESHOLDS.needsAcceleration))}
          </p>
          <p className="mt-2 max-w-3xl text-slate-800">{t.counting}</p>
        </>
      ),
    },
    { id: "cai-cach-2025", heading: t.reformHeading, body: <Paragraphs items={t.reform} /> },
    { id: "du-lieu-minh-hoa", heading: t.demoHeading, body: <Paragraphs items={t.demo} /> },
  ];
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-800">{t.heading}</h1>
      {sections.map((s) => (
        <section key={s.id} aria-labelledby={s.id} className="mt-8">
          <h2 id={s.id} className="text-xl font-semibold">
            {s.heading}
          </h2>
          {s.body}
        </section>
      ))}
      <section aria-labelledby="tung-chi-tieu" className="mt-8">
        <h2 id="tung-chi-tieu" className="text-xl font-semibold">
          {t.indicatorsHeading}
        </h2>
        <dl className="mt-3 max-w-3xl space-y-4">
          {indicators.map((i) => (
            <div key={i.code} data-indicator={i.code}>
              <dt className="font-semibold">
                <a href={pathFor(locale, { page: "indicator", code: i.code })} className="text-brand-800 underline underline-offset-2">
                  {locale === "vi" ? i.nameVi : i.nameEn}
                </a>
              </dt>
              <dd className="mt-1 text-slate-800">{locale === "vi" ? i.methodologyVi : i.methodologyEn}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}

export function methodologyMetadata(locale: Locale): PublicMetadata {
  const t = getDictionary(locale).meta;
  return publicMetadata(locale, { page: "methodology" }, t.methodologyTitle, t.methodologyDescription);
}
