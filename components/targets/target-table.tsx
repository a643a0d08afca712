import { StatusBadge } from "@/components/status-badge";
import { formatDate, formatNumber, formatPercent } from "@/lib/format/number";
import { formatQuarter } from "@/lib/period/quarter";
import { formatTargetText } from "@/lib/targets/comparator";
import type { GoalStatus, OverviewRow } from "@/lib/progress/target-overview";

const GOAL_YEARS = [2025, 2030] as const;

function formatValue(row: OverviewRow, value: number): string {
  switch (row.indicator.kind) {
    case "RATIO":
      return formatPercent(value, "vi");
    case "CHANGE_VS_BASELINE":
      return `${value < 0 ? "giảm" : "tăng"} ${formatPercent(Math.abs(value), "vi", 1)} so với gốc`;
    case "RANK":
      return `hạng ${formatNumber(value, "vi")}`;
    default:
      return `${formatNumber(value, "vi")} ${row.indicator.unitVi}`;
  }
}

function goalText(row: OverviewRow, goal: GoalStatus): string {
  const t = goal.target;
  if (t.value === null) return t.descriptionVi ?? "Mục tiêu định tính";
  if (row.indicator.kind === "RANK") return `${t.comparator === "LTE" ? "trong nhóm" : ""} ${formatNumber(t.value, "vi")} tỉnh dẫn đầu`.trim();
  // The resolution's own words: "giảm 30%", "tăng 30%" against the baseline.
  if (row.indicator.kind === "CHANGE_VS_BASELINE" && (t.comparator === "LTE" || t.comparator === "GTE") && t.value !== 0) {
    return `${t.value < 0 ? "giảm" : "tăng"} ít nhất ${formatPercent(Math.abs(t.value), "vi", 0)}`;
  }
  const unit = row.indicator.kind === "RATIO" || row.indicator.kind === "CHANGE_VS_BASELINE" ? "%" : ` ${row.indicator.unitVi}`;
  return formatTargetText(t.comparator, t.value, unit, "vi");
}

function GoalCell({ row, year }: { row: OverviewRow; year: number }) {
  const goal = row.goals.find((g) => g.target.year === year);
  if (!goal) return <td className="px-3 py-2 align-top text-slate-500">—</td>;
  return (
    <td className="px-3 py-2 align-top">
      <div className="font-medium" title={goal.target.sourceClauseVi}>
        {goalText(row, goal)}
      </div>
      {goal.assessment && (
        <div className="mt-1">
          <StatusBadge status={goal.assessment.status} />
          {/* A final verdict rests on the last figure of the goal year, not on today's. */}
          {goal.assessment.final && goal.assessment.latest && (
            <div className="mt-0.5 text-xs text-slate-600">
              {formatQuarter(goal.assessment.latest.quarter, "vi")}: {formatValue(row, goal.assessment.latest.value)}
            </div>
          )}
        </div>
      )}
    </td>
  );
}

export function TargetTable({ caption, rows }: { caption: string; rows: OverviewRow[] }) {
  return (
    <table className="w-full border-collapse text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-300 text-slate-700">
          <th scope="col" className="px-3 py-2 font-semibold">
            Chỉ tiêu
          </th>
          <th scope="col" className="px-3 py-2 font-semibold">
            Số liệu toàn tỉnh mới nhất
          </th>
          {GOAL_YEARS.map((y) => (
            <th key={y} scope="col" className="px-3 py-2 font-semibold">
              Mục tiêu {y}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="border-b border-slate-200 bg-white" data-indicator={row.key}>
            <th scope="row" className="px-3 py-2 align-top font-normal">
              <span className="font-medium">{row.indicator.nameVi}</span>
              {row.sector && <span className="block text-slate-600">Ngành, lĩnh vực: {row.sector.nameVi}</span>}
            </th>
            <td className="px-3 py-2 align-top">
              {row.latest ? (
                <>
                  <div className="font-semibold tabular-nums">{formatValue(row, row.latest.value)}</div>
                  <div className="text-xs text-slate-600">
                    {formatQuarter(row.latest.quarter, "vi")} · duyệt ngày {formatDate(row.latest.approvedAt, "vi")}
                  </div>
                </>
              ) : (
                <span className="text-slate-600">Chưa có số liệu được duyệt</span>
              )}
            </td>
            {GOAL_YEARS.map((y) => (
              <GoalCell key={y} row={row} year={y} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
