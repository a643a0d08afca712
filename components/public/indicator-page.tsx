/**
 * One indicator: its goals and quarterly series (one block per sector where
 * the indicator has sectors), the breakdown by district and commune, how it
 * is computed, where it comes from, and the history of its publications.
 */
import { publicMetadata, type PublicMetadata } from "@/lib/i18n/metadata";
import type { TargetOverview } from "@/lib/data/overview-model";
import type { BreakdownJson, IndicatorDetailJson } from "@/lib/data/public-indicator";
import { formatNumber } from "@/lib/format/number";
import { getDictionary } from "@/lib/i18n/dictionary";
import { formatIndicatorValue } from "@/lib/i18n/indicator-format";
import type { Locale } from "@/lib/i18n/locales";
import { pathFor, indicatorDownloadPath } from "@/lib/i18n/routes";
import { formatQuarter, makeQuarter, parseQuarter, quarterKey, type Quarter } from "@/lib/period/quarter";
import { BreakdownSection } from "./breakdown-section";
import { formatVietnamDay } from "@/lib/period/vietnam-time";
import { SeriesSection } from "./series-section";

function History({ detail, locale }: { detail: IndicatorDetailJson; locale: Locale }) {
  const t = getDictionary(locale);
  const { history, indicator } = detail;
  const value = (r: { numerator: number | null; denominator: number | null; value: number | null }) => {
    if (indicator.kind === "RATIO") {
      return r.numerator !== null && r.denominator ? `${formatIndicatorValue(indicator, (r.numerator / r.denominator) * 100, locale)} (${formatNumber(r.numerator, locale)}/${formatNumber(r.denominator, locale)})` : "—";
    }
    return r.value === null ? "—" : formatNumber(r.value, locale);
  };
  return (
    <section aria-labelledby="lich-su" className="mt-10">
      <h2 id="lich-su" className="text-xl font-semibold">
        {t.revisions.heading}
      </h2>
      <p className="mt-2 text-sm text-slate-700">
        {t.revisions.summary(formatNumber(history.published, locale), formatNumber(history.revisedFigures, locale))}
      </p>
      {history.revisions.length === 0 ? (
        <p className="mt-1 text-sm text-slate-700">{t.revisions.none}</p>
      ) : (
        <div className="table-scroll mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white" role="region" aria-labelledby="lich-su-bang" tabIndex={0}>
          <table className="w-full border-collapse text-left text-sm" data-revisions>
            <caption id="lich-su-bang" className="px-3 py-2 text-left font-medium">
              {t.revisions.caption}
            </caption>
            <thead>
              <tr className="border-b border-slate-300 text-slate-700">
                <th scope="col" className="px-3 py-2">{t.indicator.quarter}</th>
                <th scope="col" className="px-3 py-2">{t.revisions.unit}</th>
                <th scope="col" className="px-3 py-2">{t.revisions.revision}</th>
                <th scope="col" className="px-3 py-2">{t.indicator.value}</th>
                <th scope="col" className="px-3 py-2">{t.indicator.approvedOn}</th>
                <th scope="col" className="px-3 py-2">{t.revisions.supersededOn}</th>
              </tr>
            </thead>
            <tbody>
              {history.revisions.map((r) => (
                <tr key={`${r.figureId}-${r.revision}`} className="border-b border-slate-100">
                  <th scope="row" className="px-3 py-1 font-normal whitespace-nowrap">
                    {formatQuarter(parseQuarter(r.quarter)!, locale)}
                  </th>
                  <td className="px-3 py-1">{r.unitName}{r.sectorCode ? ` (${r.sectorCode})` : ""}</td>
                  <td className="px-3 py-1 tabular-nums">{formatNumber(r.revision, locale)}</td>
                  <td className="px-3 py-1 tabular-nums">{value(r)}</td>
                  <td className="px-3 py-1 tabular-nums">{formatVietnamDay(r.approvedAt, locale)}</td>
                  <td className="px-3 py-1 tabular-nums">{r.supersededAt ? formatVietnamDay(r.supersededAt, locale) : t.revisions.current}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function IndicatorView({
  detail,
  overview,
  breakdown,
  selectedQuarter,
  locale,
}: {
  detail: IndicatorDetailJson;
  overview: TargetOverview;
  breakdown: BreakdownJson | null;
  selectedQuarter: Quarter | null;
  locale: Locale;
}) {
  const t = getDictionary(locale);
  const { indicator } = detail;
  const name = locale === "vi" ? indicator.nameVi : indicator.nameEn;
  const retiredFrom = indicator.retiredFrom ? parseQuarter(indicator.retiredFrom) : null;
  const rows = overview.rows;
  const bySector = rows.length > 1 || rows.some((r) => r.sector !== null);
  const breakdownQuarters = detail.breakdownQuarters.map((k) => parseQuarter(k)!);
  const sublevel = indicator.levels.some((l) => l !== "PROVINCE");
  const self = pathFor(locale, { page: "indicator", code: indicator.code });
  return (
    <>
      <nav aria-label={t.chrome.breadcrumbLabel} className="print-hidden text-sm">
        <ol className="flex flex-wrap gap-1 text-slate-700">
          <li>
            <a href={pathFor(locale, { page: "home" })} className="text-brand-700 underline underline-offset-2">
              {t.chrome.home}
            </a>
            <span aria-hidden="true"> › </span>
          </li>
          <li aria-current="page">{t.groups[indicator.group]}</li>
        </ol>
      </nav>
      <h1 className="mt-2 text-2xl font-bold text-brand-800">{name}</h1>
      <p className="mt-2 text-sm text-slate-700">
        {t.indicator.responsible(locale === "vi" ? indicator.responsibleDepartment.nameVi : indicator.responsibleDepartment.nameEn)} ·{" "}
        {t.indicator.levels(indicator.levels.map((l) => t.levels[l]).join(", "))}
      </p>
      {retiredFrom && (
        <p className="mt-2 max-w-3xl rounded border border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-800" data-retired-from={quarterKey(retiredFrom)}>
          {t.indicator.retired(formatQuarter(retiredFrom, locale))}
        </p>
      )}

      {rows.map((row) => {
        const rawValues = new Map(
          detail.overview.aggregates
            .filter((a) => a.sectorId === (row.sector?.id ?? null) && a.value !== null)
            .map((a) => [quarterKey(makeQuarter(a.year, a.quarter)), a.value!]),
        );
        const sectorName = row.sector ? (locale === "vi" ? row.sector.nameVi : row.sector.nameEn) : null;
        const idPrefix = `muc-${(row.sector?.code ?? "tinh").toLowerCase()}`;
        const content = (
          <SeriesSection
            row={row}
            rawValues={rawValues}
            asOf={overview.asOf}
            locale={locale}
            headingLevel={bySector ? 3 : 2}
            idPrefix={idPrefix}
            title={sectorName ? `${name} — ${sectorName}` : name}
          />
        );
        return bySector ? (
          <section key={row.key} aria-labelledby={`${idPrefix}-title`} className="mt-10 border-t border-slate-200 pt-6" data-sector={row.sector?.code}>
            <h2 id={`${idPrefix}-title`} className="text-xl font-semibold">
              {t.card.sector(sectorName ?? "")}
            </h2>
            {content}
          </section>
        ) : (
          <div key={row.key}>{content}</div>
        );
      })}

      {sublevel ? (
        <BreakdownSection
          breakdown={breakdown}
          quarters={breakdownQuarters}
          selected={selectedQuarter}
          kind={indicator.kind}
          locale={locale}
          action={self}
          idPrefix="phan-to"
        />
      ) : (
        <section aria-labelledby="phan-to-title" className="mt-10">
          <h2 id="phan-to-title" className="text-xl font-semibold">
            {t.breakdown.heading}
          </h2>
          <p className="mt-2 text-sm text-slate-700">{t.breakdown.noBreakdown}</p>
        </section>
      )}

      <section aria-labelledby="tai-ve" className="mt-10">
        <h2 id="tai-ve" className="text-xl font-semibold">
          {t.indicator.downloadsHeading}
        </h2>
        <p className="mt-2 max-w-3xl text-sm text-slate-700">{t.indicator.downloadsIntro}</p>
        <ul className="mt-2 flex flex-wrap gap-3 text-sm" data-indicator-downloads>
          <li>
            <a href={indicatorDownloadPath(indicator.code, "so-lieu.xlsx")} download className="inline-block rounded border border-brand-700 px-3 py-2 font-medium text-brand-800 hover:bg-slate-100">
              {t.indicator.downloadXlsx}
            </a>
          </li>
          <li>
            <a href={indicatorDownloadPath(indicator.code, "so-lieu-excel-vn.csv")} download className="inline-block rounded border border-brand-700 px-3 py-2 font-medium text-brand-800 hover:bg-slate-100">
              {t.indicator.downloadCsvVi}
            </a>
          </li>
          <li>
            <a href={indicatorDownloadPath(indicator.code, "so-lieu.csv")} download className="inline-block rounded border border-brand-700 px-3 py-2 font-medium text-brand-800 hover:bg-slate-100">
              {t.indicator.downloadCsv}
            </a>
          </li>
        </ul>
      </section>

      <section aria-labelledby="cach-tinh" className="mt-10">
        <h2 id="cach-tinh" className="text-xl font-semibold">
          {t.indicator.methodologyHeading}
        </h2>
        <p className="mt-2 max-w-3xl text-slate-800">{locale === "vi" ? indicator.methodologyVi : indicator.methodologyEn}</p>
        {locale === "vi" && indicator.numeratorLabelVi && indicator.denominatorLabelVi && (
          <dl className="mt-2 grid max-w-3xl grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="font-medium">{t.indicator.numerator}</dt>
            <dd>{indicator.numeratorLabelVi}</dd>
            <dt className="font-medium">{t.indicator.denominator}</dt>
            <dd>{indicator.denominatorLabelVi}</dd>
          </dl>
        )}
      </section>

      <section aria-labelledby="nguon" className="mt-10">
        <h2 id="nguon" className="text-xl font-semibold">
          {t.indicator.sourceHeading}
        </h2>
        <p className="mt-2 max-w-3xl break-words text-sm text-slate-800" lang="vi">
          {indicator.sourceVi}
        </p>
      </section>

      <History detail={detail} locale={locale} />

      <p className="print-hidden mt-10">
        <a href={pathFor(locale, { page: "home" })} className="text-brand-700 underline underline-offset-2">
          {t.indicator.backToHome}
        </a>
      </p>
    </>
  );
}

export function indicatorMetadata(locale: Locale, indicator: { code: string; nameVi: string; nameEn: string }): PublicMetadata {
  const name = locale === "vi" ? indicator.nameVi : indicator.nameEn;
  return publicMetadata(locale, { page: "indicator", code: indicator.code }, name, getDictionary(locale).meta.indicatorDescription(name));
}
