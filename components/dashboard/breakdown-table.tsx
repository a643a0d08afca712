/**
 * The units of a breakdown: a table sortable by its column headers and
 * searchable by name — both plain links and a GET form, so they work without
 * JavaScript and the URL says what is shown — and a ranking chart (SVG, text on
 * every bar; the table carries the same numbers). Rendered on the server, in a
 * page without JavaScript (ADR 035): nothing in them needs script.
 */
import { unitUnassessableText } from "@/lib/i18n/goal-lines";
import { StatusBadge } from "@/components/status-badge";
import type { BreakdownUnitRow, IndicatorBreakdown } from "@/lib/data/dashboard-indicator";
import { formatNumber } from "@/lib/format/number";
import { formatGoal } from "@/lib/i18n/indicator-format";
import { dashboardQuery, type DashboardParams, type SortKey } from "@/lib/validations/dashboard";
import { Coverage, deltaText, PartialMark, quarterText, SubmittedMark, valueText } from "./parts";

const LEVEL_NAMES = { DISTRICT: "Huyện / thành phố", COMMUNE: "Xã / phường / thị trấn" } as const;

/** Table cells: narrower padding on a phone. */
const CELL = "px-2 py-1.5 md:px-3";
const HEAD = "px-2 py-2 md:px-3";
/** Columns a phone leaves out: the unit's own page (its name's link) has its quarters, numerators and coverage. */
const WIDE_ONLY = "hidden md:table-cell print:table-cell";

function SortHeader({ label, sort, params, path, wide = false }: { label: string; sort: SortKey; params: DashboardParams; path: string; wide?: boolean }) {
  const active = (params["sap-xep"] ?? "ten") === sort;
  const descending = params.chieu === "giam";
  const next = active && !descending ? "giam" : "tang";
  return (
    <th scope="col" className={`${HEAD} ${wide ? WIDE_ONLY : ""}`} aria-sort={active ? (descending ? "descending" : "ascending") : "none"}>
      <a href={`${path}${dashboardQuery(params, { "sap-xep": sort, chieu: next })}#bang-don-vi`} className="text-brand-800 underline underline-offset-2">
        {label}
        <span aria-hidden="true">{active ? (descending ? " ▼" : " ▲") : " ↕"}</span>
        <span className="sr-only">{active ? (descending ? " (đang xếp giảm dần; bấm để xếp tăng dần)" : " (đang xếp tăng dần; bấm để xếp giảm dần)") : " (bấm để sắp xếp)"}</span>
      </a>
    </th>
  );
}

/** The search form, the compare form and the count of units shown: ordinary server-rendered controls. */
export function BreakdownControls({
  total,
  shown,
  params,
  path,
  print,
}: {
  total: number;
  shown: number;
  params: DashboardParams;
  path: string;
  print: boolean;
}) {
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
        {shown} / {total} đơn vị{params.tim ? ` khớp «${params.tim}»` : ""}.
      </p>
    </>
  );
}


/**
 * The units, sortable by their column headers (links), in the order given. On a phone (below `md`) the
 * columns come by priority (ADR 031): compare, unit, value and status stay; the district moves under the
 * unit's name; numerator / denominator, the previous quarter, the change and the coverage are left out —
 * the unit's own page, its name's link, has them, and so does the export.
 */
export function BreakdownUnitsTable({
  breakdown,
  rows,
  params,
  path,
  print,
}: {
  breakdown: Pick<IndicatorBreakdown, "indicator" | "level" | "quarter" | "previousQuarter">;
  /** The table does not draw their series. */
  rows: Omit<BreakdownUnitRow, "series">[];
  params: DashboardParams;
  path: string;
  print: boolean;
}) {
  const ind = breakdown.indicator;
  const isRatio = ind.kind === "RATIO";
  const showParent = rows.some((r) => r.parentName);
  const drillHref = (r: Omit<BreakdownUnitRow, "series">) =>
    r.level === "DISTRICT"
      ? `${path}${dashboardQuery(params, { "don-vi": r.id, tim: undefined, "sap-xep": undefined, chieu: undefined })}#bang-don-vi`
      : `/theo-doi/don-vi/${r.id}${dashboardQuery({ ky: breakdown.quarter }, { "chi-tieu": ind.code })}`;
  return (
      <div id="bang-don-vi" className="table-scroll mt-2 overflow-x-auto rounded-lg border border-slate-200 bg-white" role="region" aria-labelledby="bang-don-vi-ten" tabIndex={0}>
        <table className="w-full border-collapse text-left text-sm" data-table="phan-to">
          <caption id="bang-don-vi-ten" className="px-3 py-2 text-left font-medium">
            {ind.nameVi} theo {LEVEL_NAMES[breakdown.level].toLowerCase()}, {quarterText(breakdown.quarter)} (so với {quarterText(breakdown.previousQuarter)})
          </caption>
          <thead>
            <tr className="border-b border-slate-300 align-bottom text-slate-700">
              {!print && (
                <th scope="col" className={HEAD}>
                  So sánh
                </th>
              )}
              {print ? <th scope="col" className={HEAD}>Đơn vị</th> : <SortHeader label="Đơn vị" sort="ten" params={params} path={path} />}
              {showParent && <th scope="col" className={`${HEAD} ${WIDE_ONLY}`}>Huyện</th>}
              {print ? <th scope="col" className={HEAD}>Giá trị</th> : <SortHeader label="Giá trị" sort="gia-tri" params={params} path={path} />}
              {isRatio && <th scope="col" className={`${HEAD} ${WIDE_ONLY}`}>Tử số / mẫu số</th>}
              <th scope="col" className={`${HEAD} ${WIDE_ONLY}`}>Quý trước</th>
              {print ? <th scope="col" className={HEAD}>Thay đổi</th> : <SortHeader label="Thay đổi" sort="thay-doi" params={params} path={path} wide />}
              {print ? <th scope="col" className={HEAD}>Báo cáo</th> : <SortHeader label="Báo cáo" sort="bao-cao" params={params} path={path} wide />}
              {print ? (
                <th scope="col" className={HEAD}>So với mục tiêu của cấp</th>
              ) : (
                <SortHeader label="So với mục tiêu của cấp" sort="trang-thai" params={params} path={path} />
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-slate-100 align-top" data-unit={r.code} data-value={r.current?.value ?? ""}>
                {!print && (
                  <td className={CELL}>
                    <input type="checkbox" name="so-sanh" value={r.id} form="so-sanh" aria-label={`So sánh ${r.name}`} className="h-6 w-6" />
                  </td>
                )}
                <th scope="row" className={`${CELL} min-w-32 font-normal md:min-w-0`}>
                  <a href={drillHref(r)} className="text-brand-800 underline underline-offset-2">
                    {r.name}
                  </a>
                  {showParent && r.parentName && <span className="block text-xs text-slate-600 md:hidden print:hidden">{r.parentName}</span>}
                  {r.predecessors > 0 && (
                    <span className="block text-xs text-slate-600">
                      Hình thành từ {r.predecessors} đơn vị cũ{r.hasPartialPredecessor ? " (có đơn vị nhập một phần)" : ""}
                    </span>
                  )}
                </th>
                {showParent && <td className={`${CELL} ${WIDE_ONLY}`}>{r.parentName ?? "—"}</td>}
                <td className={`${CELL} tabular-nums`} data-cell="value">
                  {r.current?.value != null ? valueText(ind, r.current.value) : <span className="text-slate-700">Chưa báo cáo</span>}
                  {r.current && <SubmittedMark count={r.current.submitted} />}
                  {r.current?.partial && <PartialMark />}
                </td>
                {isRatio && (
                  <td className={`${CELL} ${WIDE_ONLY} tabular-nums`}>
                    {r.current?.numerator != null ? `${formatNumber(r.current.numerator, "vi")} / ${formatNumber(r.current.denominator!, "vi")}` : "—"}
                  </td>
                )}
                <td className={`${CELL} ${WIDE_ONLY} tabular-nums`}>{valueText(ind, r.previous?.value)}</td>
                <td className={`${CELL} ${WIDE_ONLY} tabular-nums`}>{deltaText(ind, r.delta)}</td>
                <td className={`${CELL} ${WIDE_ONLY}`}>{r.current ? <Coverage reported={r.current.reported} expected={r.current.expected} /> : "—"}</td>
                <td className={CELL} data-cell="status">
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
  );
}

/** The ranking the chart draws: units with a value, best first; the top and bottom `limit / 2` when there are more. */
export function rankUnits(units: readonly BreakdownUnitRow[], limit = 20): { total: number; shown: { id: number; rank: number; name: string; value: number }[] } {
  const ranked = units
    .filter((r) => r.current?.value != null)
    .sort((a, b) => b.current!.value! - a.current!.value! || a.name.localeCompare(b.name, "vi"))
    .map((r, i) => ({ id: r.id, rank: i + 1, name: r.name, value: r.current!.value! }));
  return { total: ranked.length, shown: ranked.length > limit ? [...ranked.slice(0, limit / 2), ...ranked.slice(-limit / 2)] : ranked };
}

/**
 * Horizontal bars, best first; each bar has its unit and value written beside it. Two drawings of the same
 * bars, one shown per breakpoint (ADR 031): wide, the name left of its bar; on a phone, a narrower drawing with
 * the name above its bar, so its text stays at 12 px instead of being scaled down with a wide one.
 */
export function RankingChart({
  indicator,
  quarter,
  ranking,
  limit = 20,
}: {
  indicator: IndicatorBreakdown["indicator"];
  quarter: string;
  ranking: ReturnType<typeof rankUnits>;
  limit?: number;
}) {
  const ind = indicator;
  const { shown, total } = ranking;
  if (shown.length === 0) return <p className="mt-2 text-slate-700">Chưa có đơn vị nào báo cáo trong quý này.</p>;
  const top = shown[0]!;
  const bottom = shown.at(-1)!;
  const max = ind.kind === "RATIO" ? 100 : Math.max(...shown.map((r) => r.value), 1);
  const label = `Xếp hạng ${total} đơn vị theo ${ind.nameVi}, ${quarterText(quarter)}: cao nhất ${top.name} ${valueText(ind, top.value)}, thấp nhất ${bottom.name} ${valueText(ind, bottom.value)}.${total > limit ? ` Hiển thị ${limit / 2} đơn vị cao nhất và ${limit / 2} thấp nhất; bảng trên có đủ.` : ""}`;
  const wide = { rowH: 18, labelW: 190, barW: 360, font: 11 };
  const wideW = wide.labelW + wide.barW + 110;
  const wideH = shown.length * wide.rowH + 8;
  const narrow = { rowH: 36, width: 340, barW: 230, font: 12 };
  const narrowH = shown.length * narrow.rowH + 8;
  return (
    <figure className="chart-figure mt-4">
      <svg width={wideW} height={wideH} viewBox={`0 0 ${wideW} ${wideH}`} role="img" aria-label={label} className="hidden max-w-full md:block print:block" data-ranking="wide">
        <title>{label}</title>
        {shown.map((r, i) => {
          const y = 4 + i * wide.rowH;
          const w = Math.max(1, (Math.max(0, r.value) / max) * wide.barW);
          return (
            <g key={r.id}>
              <title>{`${r.rank}. ${r.name}: ${valueText(ind, r.value)}`}</title>
              <text x={wide.labelW - 6} y={y + 12} textAnchor="end" fontSize={wide.font} fill="#1e293b">
                {`${r.rank}. ${r.name}`.slice(0, 32)}
              </text>
              <rect x={wide.labelW} y={y + 2} width={w} height={wide.rowH - 6} fill="#0b4f8a" />
              <text x={wide.labelW + w + 4} y={y + 12} fontSize={wide.font} fill="#1e293b">
                {valueText(ind, r.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <svg width={narrow.width} height={narrowH} viewBox={`0 0 ${narrow.width} ${narrowH}`} role="img" aria-label={label} className="block w-full max-w-sm md:hidden print:hidden" data-ranking="narrow">
        <title>{label}</title>
        {shown.map((r, i) => {
          const y = 4 + i * narrow.rowH;
          const w = Math.max(1, (Math.max(0, r.value) / max) * narrow.barW);
          return (
            <g key={r.id}>
              <text x={0} y={y + 12} fontSize={narrow.font} fill="#1e293b">
                {`${r.rank}. ${r.name}`.slice(0, 44)}
              </text>
              <rect x={0} y={y + 17} width={w} height={12} fill="#0b4f8a" />
              <text x={w + 4} y={y + 28} fontSize={narrow.font} fill="#1e293b">
                {valueText(ind, r.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-1 text-sm text-slate-700">{label}</figcaption>
    </figure>
  );
}
