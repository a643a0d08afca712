/**
 * Units × quarters: how many of the expected figures each unit has reported.
 * Colour is never the only carrier: every cell shows "reported/expected" and a
 * symbol, and its title says it in words; the legend explains both.
 */
import { COMPLETENESS_LABELS, completenessState, type CompletenessState, type CompletenessUnitRow } from "@/lib/data/dashboard-completeness";
import { formatNumber } from "@/lib/format/number";
import { quarterText } from "./parts";

const STYLE: Record<CompletenessState, { symbol: string; className: string }> = {
  COMPLETE: { symbol: "✓", className: "bg-emerald-100 text-emerald-950" },
  PARTIAL: { symbol: "◐", className: "bg-amber-100 text-amber-950" },
  MISSING: { symbol: "✕", className: "bg-red-100 text-red-950" },
  NONE_EXPECTED: { symbol: "–", className: "bg-slate-50 text-slate-700" },
};

export function CompletenessHeatmap({ units, quarters, drill }: { units: CompletenessUnitRow[]; quarters: string[]; drill: (u: CompletenessUnitRow) => string | null }) {
  return (
    <>
      <ul className="mt-2 flex flex-wrap gap-3 text-sm" aria-label="Chú giải">
        {(Object.keys(STYLE) as CompletenessState[]).map((s) => (
          <li key={s} className={`rounded px-2 py-0.5 ${STYLE[s].className}`}>
            <span aria-hidden="true">{STYLE[s].symbol} </span>
            {COMPLETENESS_LABELS[s]}
          </li>
        ))}
      </ul>
      <div className="table-scroll mt-2 overflow-x-auto rounded-lg border border-slate-200 bg-white" role="region" aria-labelledby="ban-do-nhiet" tabIndex={0}>
        <table className="w-full border-collapse text-left text-sm" data-table="heatmap">
          <caption id="ban-do-nhiet" className="px-3 py-2 text-left font-medium">
            Số liệu đã báo cáo / phải báo cáo theo đơn vị và quý
          </caption>
          <thead>
            <tr className="border-b border-slate-300 text-slate-700">
              <th scope="col" className="px-3 py-2">Đơn vị</th>
              {quarters.map((q) => (
                <th key={q} scope="col" className="px-2 py-2 text-center whitespace-nowrap">
                  {quarterText(q)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {units.map((u) => {
              const href = drill(u);
              return (
                <tr key={u.id} className="border-b border-slate-100" data-unit={u.code}>
                  <th scope="row" className="px-3 py-1 font-normal whitespace-nowrap">
                    {href ? (
                      <a href={href} className="text-brand-800 underline underline-offset-2">
                        {u.name}
                      </a>
                    ) : (
                      u.name
                    )}
                    {u.isProvince && <span className="block text-xs text-slate-600">chỉ tiêu do tỉnh báo cáo</span>}
                  </th>
                  {u.cells.map((c) => {
                    const state = completenessState(c);
                    const title = `${u.name}, ${quarterText(c.quarter)}: ${COMPLETENESS_LABELS[state]} — ${formatNumber(c.reported, "vi")}/${formatNumber(c.expected, "vi")} số liệu${c.late ? `, ${c.late} trễ hạn` : ""}${c.submitted ? `, ${c.submitted} chờ duyệt` : ""}`;
                    return (
                      <td key={c.quarter} className={`px-2 py-1 text-center tabular-nums whitespace-nowrap ${STYLE[state].className}`} title={title} data-state={state}>
                        <span aria-hidden="true">{STYLE[state].symbol} </span>
                        {state === "NONE_EXPECTED" ? <span className="sr-only">{COMPLETENESS_LABELS[state]}</span> : `${c.reported}/${c.expected}`}
                        {c.late > 0 && <span className="block text-xs">{c.late} trễ</span>}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
