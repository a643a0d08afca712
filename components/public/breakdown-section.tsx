/**
 * One quarter of an indicator by district and commune, on the boundaries of
 * that quarter, with coverage (units reported / units expected). The quarter
 * is chosen with a plain GET form, so it works without JavaScript and the
 * URL can be shared.
 */
import type { AreaTotalJson, BreakdownJson, BreakdownUnitJson } from "@/lib/data/public-indicator";
import { formatNumber, formatPercent } from "@/lib/format/number";
import { getDictionary } from "@/lib/i18n/dictionary";
import type { IndicatorKind } from "@/lib/i18n/indicator-format";
import type { Locale } from "@/lib/i18n/locales";
import { QUARTER_PARAM } from "@/lib/i18n/routes";
import { formatQuarter, parseQuarter, type Quarter } from "@/lib/period/quarter";

/** Units lists longer than this are folded into a <details> (open it to read or print them). */
const FOLD_AFTER = 20;

function valueText(kind: IndicatorKind, a: { percent: number | null; value: number | null }, locale: Locale): string | null {
  if (kind === "RATIO") return a.percent === null ? null : formatPercent(a.percent, locale);
  return a.value === null ? null : formatNumber(a.value, locale);
}

function coverageText(total: AreaTotalJson, locale: Locale): string {
  const t = getDictionary(locale).breakdown;
  const share = total.expected === 0 ? "—" : formatPercent((total.reported / total.expected) * 100, locale, 0);
  return t.coverage(formatNumber(total.reported, locale), formatNumber(total.expected, locale), share);
}

function UnitsTable({
  units,
  districts,
  kind,
  locale,
  caption,
}: {
  units: BreakdownUnitJson[];
  districts: Map<string, string>;
  kind: IndicatorKind;
  locale: Locale;
  caption: string;
}) {
  const t = getDictionary(locale);
  const isRatio = kind === "RATIO";
  return (
    <table className="w-full border-collapse text-left text-sm">
      <caption className="px-3 py-2 text-left font-medium">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-300 text-slate-700">
          <th scope="col" className="px-3 py-2">{t.breakdown.unit}</th>
          {districts.size > 0 && <th scope="col" className="px-3 py-2">{t.breakdown.district}</th>}
          <th scope="col" className="px-3 py-2">{t.indicator.value}</th>
          {isRatio && <th scope="col" className="px-3 py-2">{t.indicator.numerator}</th>}
          {isRatio && <th scope="col" className="px-3 py-2">{t.indicator.denominator}</th>}
        </tr>
      </thead>
      <tbody>
        {units.map((u) => {
          const text = valueText(kind, u, locale);
          return (
            <tr key={u.code} className="border-b border-slate-100" data-unit={u.code} data-reported={u.approvedAt !== null}>
              <th scope="row" className="px-3 py-1 font-normal">
                {u.name}
              </th>
              {districts.size > 0 && <td className="px-3 py-1">{u.districtCode ? districts.get(u.districtCode) : "—"}</td>}
              <td className="px-3 py-1 tabular-nums">{text ?? <span className="text-slate-700">{t.breakdown.notReported}</span>}</td>
              {isRatio && <td className="px-3 py-1 tabular-nums">{u.numerator === null ? "—" : formatNumber(u.numerator, locale)}</td>}
              {isRatio && <td className="px-3 py-1 tabular-nums">{u.denominator === null ? "—" : formatNumber(u.denominator, locale)}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function BreakdownSection({
  breakdown,
  quarters,
  selected,
  kind,
  locale,
  action,
  idPrefix,
}: {
  breakdown: BreakdownJson | null;
  /** Quarters with published figures below province level, oldest first. */
  quarters: readonly Quarter[];
  selected: Quarter | null;
  kind: IndicatorKind;
  locale: Locale;
  /** The page's own path: the form reloads it with the chosen quarter. */
  action: string;
  idPrefix: string;
}) {
  const t = getDictionary(locale);
  const headingId = `${idPrefix}-breakdown`;
  const selectId = `${idPrefix}-quarter`;
  const isRatio = kind === "RATIO";
  const districtLevelEnded = breakdown?.level === "DISTRICT";
  return (
    <section aria-labelledby={`${headingId}-title`} className="mt-10" id={headingId}>
      <h2 id={`${headingId}-title`} className="text-xl font-semibold">
        {t.breakdown.heading}
      </h2>
      <p className="mt-2 max-w-3xl text-sm text-slate-700">{t.breakdown.intro}</p>
      {districtLevelEnded && <p className="mt-1 max-w-3xl text-sm text-slate-700">{t.breakdown.districtsEnded}</p>}
      {quarters.length === 0 || selected === null ? (
        <p className="mt-3 text-slate-700">{t.breakdown.noQuarters}</p>
      ) : (
        <>
          <form method="get" action={`${action}#${headingId}`} className="print-hidden mt-4 flex flex-wrap items-end gap-2">
            <div>
              <label htmlFor={selectId} className="block text-sm font-medium">
                {t.breakdown.pick}
              </label>
              <select
                id={selectId}
                name={QUARTER_PARAM[locale]}
                defaultValue={`${selected.year}-Q${selected.quarter}`}
                className="mt-1 rounded border border-slate-400 bg-white px-2 py-1.5 text-sm"
              >
                {[...quarters].reverse().map((q) => (
                  <option key={`${q.year}-Q${q.quarter}`} value={`${q.year}-Q${q.quarter}`}>
                    {formatQuarter(q, locale)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800">
              {t.breakdown.show}
            </button>
          </form>
          {breakdown?.provinces.map((p) => {
            const districts = new Map(p.districts.map((d) => [d.code, d.name]));
            const provinceValue = valueText(kind, p.total, locale);
            const quarterText = formatQuarter(parseQuarter(breakdown.quarter) ?? selected, locale);
            return (
              <div key={`${p.code}-${p.name}`} className="mt-6" data-province={p.code} data-home={p.isHome}>
                <h3 className="text-lg font-semibold">
                  {p.isHome ? t.breakdown.province(p.name) : t.breakdown.formerProvince(p.name)} · {quarterText}
                </h3>
                {!p.isHome && <p className="text-sm text-slate-700">{t.breakdown.notInTotal}</p>}
                <p className="mt-1 text-sm">
                  {provinceValue && <span className="font-semibold tabular-nums">{provinceValue}</span>}
                  {provinceValue && " · "}
                  <span data-coverage={`${p.total.reported}/${p.total.expected}`}>{coverageText(p.total, locale)}</span>
                </p>
                {p.districts.length > 0 && (
                  <div className="table-scroll mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white" role="region" aria-label={t.breakdown.districtsCaption(quarterText)} tabIndex={0}>
                    <table className="w-full border-collapse text-left text-sm">
                      <caption className="px-3 py-2 text-left font-medium">{t.breakdown.districtsCaption(quarterText)}</caption>
                      <thead>
                        <tr className="border-b border-slate-300 text-slate-700">
                          <th scope="col" className="px-3 py-2">{t.breakdown.district}</th>
                          <th scope="col" className="px-3 py-2">{t.indicator.value}</th>
                          {isRatio && <th scope="col" className="px-3 py-2">{t.indicator.numerator}</th>}
                          {isRatio && <th scope="col" className="px-3 py-2">{t.indicator.denominator}</th>}
                          <th scope="col" className="px-3 py-2">{t.breakdown.coverageColumn}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {p.districts.map((d) => (
                          <tr key={d.code} className="border-b border-slate-100" data-district={d.code}>
                            <th scope="row" className="px-3 py-1 font-normal">{d.name}</th>
                            <td className="px-3 py-1 tabular-nums">{valueText(kind, d, locale) ?? t.breakdown.notReported}</td>
                            {isRatio && <td className="px-3 py-1 tabular-nums">{d.numerator === null ? "—" : formatNumber(d.numerator, locale)}</td>}
                            {isRatio && <td className="px-3 py-1 tabular-nums">{d.denominator === null ? "—" : formatNumber(d.denominator, locale)}</td>}
                            <td className="px-3 py-1 tabular-nums">
                              {formatNumber(d.reported, locale)}/{formatNumber(d.expected, locale)}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
                {p.units.length > FOLD_AFTER ? (
                  <details className="units-details mt-3 rounded-lg border border-slate-200 bg-white">
                    <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-brand-800">
                      {t.breakdown.unitsList(formatNumber(p.units.length, locale))}
                    </summary>
                    <div className="overflow-x-auto">
                      <UnitsTable units={p.units} districts={districts} kind={kind} locale={locale} caption={t.breakdown.unitsCaption(quarterText)} />
                    </div>
                  </details>
                ) : (
                  <div className="table-scroll mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white" role="region" aria-label={t.breakdown.unitsCaption(quarterText)} tabIndex={0}>
                    <UnitsTable units={p.units} districts={districts} kind={kind} locale={locale} caption={t.breakdown.unitsCaption(quarterText)} />
                  </div>
                )}
              </div>
            );
          })}
        </>
      )}
    </section>
  );
}
