/**
 * The units of a breakdown: a table sortable by its column headers and
 * searchable by name — both plain links and a GET form, so they work without
 * JavaScript and the URL says what is shown — and a ranking chart (SVG, text on
 * every bar; the table carries the same numbers).
 */
import { unitUnassessableText } from "@/lib/i18n/goal-lines";
import { StatusBadge } from "@/components/status-badge";
import type { BreakdownUnitRow, IndicatorBreakdown } from "@/lib/data/dashboard-indicator";
import { formatNumber } from "@/lib/format/number";
import { formatGoal } from "@/lib/i18n/indicator-format";
import { dashboardQuery, type DashboardParams, type SortKey } from "@/lib/validations/dashboard";
import { Coverage, deltaText, PartialMark, quarterText, SubmittedMark, valueText } from "./parts";

const LEVEL_NAMES = { DISTRICT: "Huyện / thành phố", COMMUNE: "Xã / phường / thị trấn" } as const;

function SortHeader({ label, sort, params, path }: { label: string; sort: SortKey; params: DashboardParams; path: string }) {
  const active = (params["sap-xep"] ?? "ten") === sort;
  const descending = params.chieu === "giam";
  const next = active && !descending ? "giam" : "tang";
  return (
    <th scope="col" className="px-3 py-2" aria-sort={active ? (descending ? "descending" : "ascending") : "none"}>
      <a href={`${path}${dashboardQuery(params, { "sap-xep": sort, chieu: next })}#bang-don-vi`} className="text-brand-800 underline underline-offset-2">
        {label}
        <span aria-hidden="true">{active ? (descending ? " ▼" : " ▲") : " ↕"}</span>
        <span className="sr-only">{active ? (descending ? " (đang xếp giảm dần; bấm để xếp tăng dần)" : " (đang xếp tăng dần; bấm để xếp giảm dần)") : " (bấm để sắp xếp)"}</span>
      </a>
    </th>
  );
}

export function BreakdownTable({
  breakdown,
  rows,
  params,
  path,
  print,
}: {
  breakdown: IndicatorBreakdown;
  rows: BreakdownUnitRow[];
  params: DashboardParams;
  path: string;
  print: boolean;
}) {
  const ind = breakdown.indicator;
  const isRatio = ind.kind === "RATIO";
  const showParent = rows.some((r) => r.parentName);
  const drillHref = (r: BreakdownUnitRow) =>
    r.level === "DISTRICT"
      ? `${path}${dashboardQuery(params, { "don-vi": r.id, tim: undefined, "sap-xep": undefined, chieu: undefined })}#bang-don-vi`
      : `/theo-doi/don-vi/${r.id}${dashboardQuery({ ky: breakdown.quarter }, { "chi-tieu": ind.code })}`;
  return (
    <>
      {!print && (
        <form method="get" action={`${path}#bang-don-vi`} className="print-hidden mt-4 flex flex-wrap items-end gap-2" role="search">
          {(["ky", "ranh-gioi", "don-vi", "linh-vuc", "sap-xep", "chieu"] as const).map((k) =>
            params[k] === undefined ? null : <input key={k} type="hidden" name={k} value={String(params[k])} />,
          )}
          <div>
            <label htmlFor="tim" className="block text-sm font-medium">
              Tìm đơn vị
            </label>
            <input id="tim" name="tim" type="search" defaultValue={params.tim ?? ""} className="mt-1 rounded border border-slate-400 px-2 py-1.5 text-sm" />
          </div>
          <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800">
            Tìm
          </button>
          {params.tim && (
            <a href={`${path}${dashboardQuery(params, { tim: undefined })}#bang-don-vi`} className="py-1.5 text-sm text-brand-700 underline">
              Xóa tìm kiếm
            </a>
          )}
        </form>
      )}
      {!print && (
        <form id="so-sanh" method="get" action={`${path}/so-sanh`} className="print-hidden mt-3 flex flex-wrap items-center gap-2" aria-label="So sánh đơn vị">
          {(["ky", "ranh-gioi"] as const).map((k) => (params[k] === undefined ? null : <input key={k} type="hidden" name={k} value={String(params[k])} />))}
          <button type="submit" className="rounded border border-brand-700 px-3 py-1.5 text-sm font-medium text-brand-800 hover:bg-slate-100">
            So sánh các đơn vị đã chọn
          </button>
          <span className="text-sm text-slate-700">Đánh dấu từ 2 đến 5 đơn vị ở cột “So sánh” của bảng.</span>
        </form>
      )}
      <p className="mt-2 text-sm" role="status">
        {rows.length} / {breakdown.units.length} đơn vị{params.tim ? ` khớp «${params.tim}»` : ""}.
      </p>
      <div id="bang-don-vi" className="table-scroll mt-2 overflow-x-auto rounded-lg border border-slate-200 bg-white" role="region" aria-labelledby="bang-don-vi-ten" tabIndex={0}>
        <table className="w-full border-collapse text-left text-sm" data-table="phan-to">
          <caption id="bang-don-vi-ten" className="px-3 py-2 text-left font-medium">
            {ind.nameVi} theo {LEVEL_NAMES[breakdown.level].toLowerCase()}, {quarterText(breakdown.quarter)} (so với {quarterText(breakdown.previousQuarter)})
          </caption>
          <thead>
            <tr className="border-b border-slate-300 align-bottom text-slate-700">
              {!print && (
                <th scope="col" className="px-3 py-2">
                  So sánh
                </th>
              )}
              {print ? <th scope="col" className="px-3 py-2">Đơn vị</th> : <SortHeader label="Đơn vị" sort="ten" params={params} path={path} />}
              {showParent && <th scope="col" className="px-3 py-2">Huyện</th>}
              {print ? <th scope="col" className="px-3 py-2">Giá trị</th> : <SortHeader label="Giá trị" sort="gia-tri" params={params} path={path} />}
              {isRatio && <th scope="col" className="px-3 py-2">Tử số / mẫu số</th>}
              <th scope="col" className="px-3 py-2">Quý trước</th>
              {print ? <th scope="col" className="px-3 py-2">Thay đổi</th> : <SortHeader label="Thay đổi" sort="thay-doi" params={params} path={path} />}
              {print ? <th scope="col" className="px-3 py-2">Báo cáo</th> : <SortHeader label="Báo cáo" sort="bao-cao" params={params} path={path} />}
              {print ? (
                <th scope="col" className="px-3 py-2">So với mục tiêu của cấp</th>
              ) : (
                <SortHeader label="So với mục tiêu của cấp" sort="trang-thai" params={params} path={path} />
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-slate-100 align-top" data-unit={r.code} data-value={r.current?.value ?? ""}>
                {!print && (
                  <td className="px-3 py-1.5">
                    <input type="checkbox" name="so-sanh" value={r.id} form="so-sanh" aria-label={`So sánh ${r.name}`} className="h-6 w-6" />
                  </td>
                )}
                <th scope="row" className="px-3 py-1.5 font-normal">
                  <a href={drillHref(r)} className="text-brand-800 underline underline-offset-2">
                    {r.name}
                  </a>
                  {r.predecessors > 0 && (
                    <span className="block text-xs text-slate-600">
                      Hình thành từ {r.predecessors} đơn vị cũ{r.hasPartialPredecessor ? " (có đơn vị nhập một phần)" : ""}
                    </span>
                  )}
                </th>
                {showParent && <td className="px-3 py-1.5">{r.parentName ?? "—"}</td>}
                <td className="px-3 py-1.5 tabular-nums" data-cell="value">
                  {r.current?.value != null ? valueText(ind, r.current.value) : <span className="text-slate-700">Chưa báo cáo</span>}
                  {r.current && <SubmittedMark count={r.current.submitted} />}
                  {r.current?.partial && <PartialMark />}
                </td>
                {isRatio && (
                  <td className="px-3 py-1.5 tabular-nums">
                    {r.current?.numerator != null ? `${formatNumber(r.current.numerator, "vi")} / ${formatNumber(r.current.denominator!, "vi")}` : "—"}
                  </td>
                )}
                <td className="px-3 py-1.5 tabular-nums">{valueText(ind, r.previous?.value)}</td>
                <td className="px-3 py-1.5 tabular-nums">{deltaText(ind, r.delta)}</td>
                <td className="px-3 py-1.5">{r.current ? <Coverage reported={r.current.reported} expected={r.current.expected} /> : "—"}</td>
                <td className="px-3 py-1.5">
                  {r.status ? <StatusBadge status={r.status} /> : <span className="text-slate-700">Chưa đủ dữ liệu</span>}
                  {r.unassessable && (
                    <span className="block text-xs text-slate-700" data-line="reason">
                      {unitUnassessableText(r.unassessable, "vi")}
                    </span>
                  )}
                  {r.target && (
                    <span className="block text-xs text-slate-600">
                      Mục tiêu {r.target.year} ({r.target.level === "COMMUNE" ? "cấp xã" : r.target.level === "DISTRICT" ? "cấp huyện" : "cấp tỉnh"}):{" "}
                      {formatGoal(ind, { comparator: r.target.comparator, value: r.target.value, descriptionVi: null }, "vi", "")}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Horizontal bars, best first; each bar has its unit and value written beside it. */
export function RankingChart({ breakdown, limit = 40 }: { breakdown: IndicatorBreakdown; limit?: number }) {
  const ind = breakdown.indicator;
  const ranked = breakdown.units
    .filter((r) => r.current?.value != null)
    .sort((a, b) => b.current!.value! - a.current!.value! || a.name.localeCompare(b.name, "vi"));
  if (ranked.length === 0) return <p className="mt-2 text-slate-700">Chưa có đơn vị nào báo cáo trong quý này.</p>;
  const shown = ranked.length > limit ? [...ranked.slice(0, limit / 2), ...ranked.slice(-limit / 2)] : ranked;
  const max = ind.kind === "RATIO" ? 100 : Math.max(...shown.map((r) => r.current!.value!), 1);
  const rowH = 18;
  const labelW = 190;
  const barW = 360;
  const height = shown.length * rowH + 8;
  const label = `Xếp hạng ${ranked.length} đơn vị theo ${ind.nameVi}, ${quarterText(breakdown.quarter)}: cao nhất ${ranked[0]!.name} ${valueText(ind, ranked[0]!.current!.value)}, thấp nhất ${ranked.at(-1)!.name} ${valueText(ind, ranked.at(-1)!.current!.value)}.${ranked.length > limit ? ` Hiển thị ${limit / 2} đơn vị cao nhất và ${limit / 2} thấp nhất; bảng trên có đủ.` : ""}`;
  return (
    <figure className="chart-figure mt-4">
      <svg width={labelW + barW + 110} height={height} viewBox={`0 0 ${labelW + barW + 110} ${height}`} role="img" aria-label={label} className="max-w-full">
        <title>{label}</title>
        {shown.map((r, i) => {
          const v = r.current!.value!;
          const y = 4 + i * rowH;
          const w = Math.max(1, (Math.max(0, v) / max) * barW);
          const rank = ranked.indexOf(r) + 1;
          return (
            <g key={r.id}>
              <title>{`${rank}. ${r.name}: ${valueText(ind, v)}`}</title>
              <text x={labelW - 6} y={y + 12} textAnchor="end" fontSize={11} fill="#1e293b">
                {`${rank}. ${r.name}`.slice(0, 32)}
              </text>
              <rect x={labelW} y={y + 2} width={w} height={rowH - 6} fill="#0b4f8a" />
              <text x={labelW + w + 4} y={y + 12} fontSize={11} fill="#1e293b">
                {valueText(ind, v)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-1 text-sm text-slate-700">{label}</figcaption>
    </figure>
  );
}
