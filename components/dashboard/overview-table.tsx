/**
 * Every target of the province in one table: latest value (marked when it
 * includes figures awaiting approval), coverage, each goal's status with the
 * lines that explain it (lib/i18n/goal-lines.ts: a finished goal on the figure
 * it was judged on, later figures apart; the gap with its unit; why a goal is no
 * longer assessable), the quarterly gain still required, and a trend sparkline.
 *
 * On a phone (below `md`)
 * the columns come by priority (ADR 031): name, latest value and the two goals'
 * statuses stay; the department and the coverage move into the name and value
 * cells; the explaining lines, the required gain and the trend — all on the
 * indicator's own page, one tap away — are left out.
 */
import { goalLines } from "@/lib/i18n/goal-lines";
import { StatusBadge } from "@/components/status-badge";
import type { DashboardDepartment, DashboardOverviewRow } from "@/lib/data/dashboard";
import { getDictionary } from "@/lib/i18n/dictionary";
import { formatGoal } from "@/lib/i18n/indicator-format";
import { Coverage, deltaText, quarterText, Sparkline, SubmittedMark, valueText } from "./parts";
import { retirementLabel } from "@/lib/targets/retirement";

const GOAL_YEARS = [2025, 2030] as const;

const COLUMNS = 8;

/** Table cells: narrower padding on a phone. */
const CELL = "px-2 py-2 md:px-3";
/** Columns a phone leaves out (their content is in another cell, or on the indicator's page). */
const WIDE_ONLY = "hidden md:table-cell print:table-cell";

/**
 * One table; grouped (`byDepartment`), one body per responsible department with its name as the group's header
 * (issue #16, item 2): lib/data/dashboard.ts groupByDepartment, on the server.
 */
export function OverviewTable({
  groups,
  quarter,
  byDepartment = false,
}: {
  groups: { department: DashboardDepartment | null; rows: DashboardOverviewRow[] }[];
  quarter: string;
  byDepartment?: boolean;
}) {
  const t = getDictionary("vi");
  return (
    <div className="table-scroll mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white" role="region" aria-labelledby="tong-quan-bang" tabIndex={0}>
      <table className="w-full border-collapse text-left text-sm" data-table="tong-quan">
        <caption id="tong-quan-bang" className="px-3 py-2 text-left font-medium">
          Các chỉ tiêu được theo dõi, số liệu đến {quarterText(quarter)} (đã duyệt và chờ duyệt)
        </caption>
        <thead>
          <tr className="border-b border-slate-300 align-bottom text-slate-700">
            <th scope="col" className={CELL}>Chỉ tiêu</th>
            <th scope="col" className={`${CELL} ${WIDE_ONLY}`}>Cơ quan phụ trách</th>
            <th scope="col" className={CELL}>Giá trị mới nhất</th>
            <th scope="col" className={`${CELL} ${WIDE_ONLY}`}>Báo cáo</th>
            {GOAL_YEARS.map((y) => (
              <th key={y} scope="col" className={CELL}>
                Mục tiêu {y}
              </th>
            ))}
            <th scope="col" className={`${CELL} ${WIDE_ONLY}`}>Thay đổi cần mỗi quý</th>
            <th scope="col" className={`${CELL} ${WIDE_ONLY}`}>Xu hướng</th>
          </tr>
        </thead>
        {groups.map((group) => (
        <tbody key={group.department?.id ?? "none"} data-department={byDepartment ? (group.department?.code ?? "") : undefined}>
          {byDepartment && (
            <tr className="bg-slate-100">
              <th scope="colgroup" colSpan={COLUMNS} className={`${CELL} text-left font-semibold`}>
                {group.department?.nameVi ?? "Chưa giao cơ quan phụ trách"} ({group.rows.length} chỉ tiêu)
              </th>
            </tr>
          )}
          {group.rows.map((r) => {
            const name = r.indicator.nameVi + (r.sector ? ` — ${r.sector.nameVi}` : "");
            const href = `/theo-doi/chi-tieu/${r.indicator.code}?ky=${quarter}${r.sector ? `&linh-vuc=${r.sector.id}` : ""}`;
            return (
              <tr key={r.key} className="border-b border-slate-100 align-top" data-row={r.key}>
                <th scope="row" className={`${CELL} min-w-36 font-normal md:min-w-0`}>
                  <a href={href} className="font-medium text-brand-800 underline-offset-2 hover:underline">
                    {name}
                  </a>
                  <span className="block text-xs text-slate-600">{t.groups[r.indicator.group]}</span>
                  {r.indicator.retiredFrom && (
                    <span className="block text-xs font-medium text-slate-800" data-retired>
                      {retirementLabel(r.indicator.retiredFrom, "vi")}
                    </span>
                  )}
                  {r.department && <span className="block text-xs text-slate-600 md:hidden print:hidden">{r.department.nameVi}</span>}
                </th>
                <td className={`${CELL} ${WIDE_ONLY}`} data-department-name>
                  {r.department?.nameVi ?? "—"}
                </td>
                <td className={CELL}>
                  {r.latest ? (
                    <>
                      <span className="font-semibold tabular-nums" data-latest>
                        {valueText(r.indicator, r.latest.value)}
                      </span>
                      <span className="block text-xs text-slate-600">{quarterText(r.latest.quarter)}</span>
                      <SubmittedMark count={r.latest.submitted} />
                      <span className="block text-xs text-slate-600 md:hidden print:hidden">
                        <Coverage reported={r.latest.reported} expected={r.latest.expected} />
                      </span>
                    </>
                  ) : (
                    <span className="text-slate-700">Chưa có số liệu</span>
                  )}
                </td>
                <td className={`${CELL} ${WIDE_ONLY}`}>{r.latest ? <Coverage reported={r.latest.reported} expected={r.latest.expected} /> : "—"}</td>
                {GOAL_YEARS.map((y) => {
                  const g = r.goals.find((x) => x.year === y);
                  if (!g) return <td key={y} className={`${CELL} text-slate-600`}>—</td>;
                  return (
                    <td key={y} className={CELL} data-goal={y}>
                      <span className="block">{formatGoal(r.indicator, g.goal.target, "vi", t.card.qualitative)}</span>
                      {g.goal.assessment ? <StatusBadge status={g.goal.assessment.status} /> : <span className="text-slate-700">{t.card.qualitative}</span>}
                      {goalLines(r.overview, g.goal, "vi", { gap: true }).map((l) => (
                        <span key={l.kind} className="hidden text-xs text-slate-700 md:block print:block" data-line={l.kind}>
                          {l.text}
                        </span>
                      ))}
                    </td>
                  );
                })}
                <td className={`${CELL} ${WIDE_ONLY} tabular-nums`}>{r.requiredQuarterlyGain === null ? "—" : deltaText(r.indicator, r.requiredQuarterlyGain)}</td>
                <td className={`${CELL} ${WIDE_ONLY}`}>
                  <Sparkline
                    values={r.series.map((p) => p.value)}
                    label={`Xu hướng: ${r.series.map((p) => `${quarterText(p.quarter)} ${valueText(r.indicator, p.value)}`).join("; ") || "chưa có số liệu"}`}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
        ))}
      </table>
    </div>
  );
}
