import type { AdminPeriod } from "@/lib/data/period-admin";
import { FIGURE_STATUS_LABELS, PERIOD_STATUS_LABELS } from "@/lib/review/figure-status";
import { formatVietnamDate, formatVietnamDateTime } from "@/lib/period/vietnam-time";
import { dayOfDeadline } from "@/lib/validations/period";
import { PeriodActions } from "./period-actions";

const COUNT_ORDER = ["SUBMITTED", "REJECTED", "DRAFT", "APPROVED"] as const;

/** Every reporting period, newest first, with its lock state, deadline and figures by status. */
export function PeriodTable({ periods }: { periods: AdminPeriod[] }) {
  return (
    <div className="mt-4 overflow-x-auto rounded border border-slate-200">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Các kỳ báo cáo, mới nhất trước</caption>
        <thead>
          <tr className="border-b border-slate-300 bg-white text-slate-700">
            <th scope="col" className="px-3 py-2">Kỳ</th>
            <th scope="col" className="px-3 py-2">Trạng thái</th>
            <th scope="col" className="px-3 py-2">Hạn nộp</th>
            <th scope="col" className="px-3 py-2">Số liệu</th>
            <th scope="col" className="px-3 py-2">Thao tác</th>
          </tr>
        </thead>
        <tbody>
          {periods.map((p) => (
            <tr key={p.id} className="border-b border-slate-200 bg-white align-top" data-period={p.key}>
              <th scope="row" className="whitespace-nowrap px-3 py-2 font-medium">
                {p.label}
              </th>
              <td className="px-3 py-2" data-period-status={p.status}>
                <span aria-hidden="true">{p.status === "LOCKED" ? "● " : "○ "}</span>
                {PERIOD_STATUS_LABELS[p.status]}
                {p.lockedAt && <span className="block text-xs text-slate-600">từ {formatVietnamDateTime(p.lockedAt)}</span>}
              </td>
              <td className="whitespace-nowrap px-3 py-2">{formatVietnamDate(p.deadline)}</td>
              <td className="px-3 py-2 text-xs">
                {COUNT_ORDER.filter((s) => p.figureCounts[s]).map((s) => (
                  <span key={s} className="block">
                    {FIGURE_STATUS_LABELS[s]}: {p.figureCounts[s]}
                  </span>
                ))}
                {COUNT_ORDER.every((s) => !p.figureCounts[s]) && "—"}
              </td>
              <td className="px-3 py-2">
                <PeriodActions period={{ id: p.id, label: p.label, status: p.status, deadlineDay: dayOfDeadline(p.deadline) }} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
