/**
 * The downloads page: links to the CSV and JSON of every published figure,
 * what they contain, and every column documented from FIGURE_COLUMNS (the
 * same list that writes the files).
 */
import { publicMetadata, type PublicMetadata } from "@/lib/i18n/metadata";
import { FIGURE_COLUMNS } from "@/lib/data/figure-columns";
import type { DownloadSummary } from "@/lib/data/public-figures";
import { formatDate, formatNumber } from "@/lib/format/number";
import { getDictionary } from "@/lib/i18n/dictionary";
import type { Locale } from "@/lib/i18n/locales";
import { DOWNLOAD_PATHS, pathFor } from "@/lib/i18n/routes";
import { apiLinkLabel } from "./api-page";

export function DataView({ summary, locale }: { summary: DownloadSummary; locale: Locale }) {
  const t = getDictionary(locale).data;
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-800">{t.heading}</h1>
      <p className="mt-2 max-w-3xl text-slate-800">{t.intro}</p>
      <p className="mt-2 text-slate-800" data-testid="download-counts">
        {summary.latestApproval
          ? t.counts(formatNumber(summary.figures, locale), formatNumber(summary.indicators, locale), formatDate(new Date(summary.latestApproval), locale))
          : t.empty}
      </p>
      <ul className="mt-4 flex flex-wrap gap-3">
        <li>
          <a href={DOWNLOAD_PATHS.csv} download className="inline-block rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
            {t.csv}
          </a>
        </li>
        <li>
          <a href={DOWNLOAD_PATHS.json} className="inline-block rounded border border-brand-700 px-4 py-2 font-medium text-brand-800 hover:bg-slate-100">
            {t.json}
          </a>
        </li>
        <li>
          <a href={pathFor(locale, { page: "api" })} className="inline-block rounded border border-brand-700 px-4 py-2 font-medium text-brand-800 hover:bg-slate-100">
            {apiLinkLabel(locale)}
          </a>
        </li>
      </ul>
      <section aria-labelledby="dinh-dang" className="mt-8">
        <h2 id="dinh-dang" className="text-xl font-semibold">
          {t.formatHeading}
        </h2>
        {t.format.map((p) => (
          <p key={p} className="mt-2 max-w-3xl text-slate-800">
            {p}
          </p>
        ))}
      </section>
      <section aria-labelledby="sdmx" className="mt-8">
        <h2 id="sdmx" className="text-xl font-semibold">
          {t.sdmxHeading}
        </h2>
        <p className="mt-2 max-w-3xl text-slate-800">{t.sdmx}</p>
        <ul className="mt-3 flex flex-wrap gap-3">
          <li>
            <a href={DOWNLOAD_PATHS.sdmxData} download className="inline-block rounded border border-brand-700 px-4 py-2 font-medium text-brand-800 hover:bg-slate-100">
              {t.sdmxData}
            </a>
          </li>
          <li>
            <a href={DOWNLOAD_PATHS.sdmxCodelists} download className="inline-block rounded border border-brand-700 px-4 py-2 font-medium text-brand-800 hover:bg-slate-100">
              {t.sdmxCodelists}
            </a>
          </li>
        </ul>
      </section>
      <section aria-labelledby="tong-hop" className="mt-8">
        <h2 id="tong-hop" className="text-xl font-semibold">
          {t.aggregatesHeading}
        </h2>
        <p className="mt-2 max-w-3xl text-slate-800">{t.aggregates}</p>
        <ul className="mt-3 flex flex-wrap gap-3">
          <li>
            <a href={DOWNLOAD_PATHS.aggregatesQuarterly} download className="inline-block rounded border border-brand-700 px-4 py-2 font-medium text-brand-800 hover:bg-slate-100">
              {t.aggregatesQuarterly}
            </a>
          </li>
          <li>
            <a href={DOWNLOAD_PATHS.aggregatesYearly} download className="inline-block rounded border border-brand-700 px-4 py-2 font-medium text-brand-800 hover:bg-slate-100">
              {t.aggregatesYearly}
            </a>
          </li>
        </ul>
      </section>
      <section aria-labelledby="cac-cot" className="mt-8">
        <h2 id="cac-cot" className="text-xl font-semibold">
          {t.columnsCaption}
        </h2>
        <div className="table-scroll mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white" role="region" aria-labelledby="cac-cot" tabIndex={0}>
          <table className="w-full border-collapse text-left text-sm" data-columns>
            <caption className="sr-only">{t.columnsCaption}</caption>
            <thead>
              <tr className="border-b border-slate-300 text-slate-700">
                <th scope="col" className="px-3 py-2">{t.column}</th>
                <th scope="col" className="px-3 py-2">{t.type}</th>
                <th scope="col" className="px-3 py-2">{t.meaning}</th>
              </tr>
            </thead>
            <tbody>
              {FIGURE_COLUMNS.map((c) => (
                <tr key={c.name} className="border-b border-slate-100">
                  <th scope="row" className="px-3 py-1.5 font-mono font-normal">{c.name}</th>
                  <td className="px-3 py-1.5 font-mono">{c.type}</td>
                  <td className="px-3 py-1.5">{locale === "vi" ? c.vi : c.en}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

export function dataMetadata(locale: Locale): PublicMetadata {
  const t = getDictionary(locale).meta;
  return publicMetadata(locale, { page: "data" }, t.dataTitle, t.dataDescription);
}
