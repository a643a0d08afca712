import type { AuditRow } from "@/lib/data/audit-log";
import { actionLabel, entityLabel } from "@/lib/admin/audit-labels";
import { formatVietnamDateTime } from "@/lib/period/vietnam-time";

function short(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** One page of the audit log, newest first; before/after shown as compact JSON. */
export function AuditTable({ rows }: { rows: AuditRow[] }) {
  if (rows.length === 0) return <p className="mt-2">Không có dòng nào khớp bộ lọc.</p>;
  return (
    <div className="mt-2 overflow-x-auto rounded border border-slate-200">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Nhật ký thay đổi, mới nhất trước</caption>
        <thead>
          <tr className="border-b border-slate-300 bg-white text-slate-700">
            <th scope="col" className="px-2 py-1">Lúc</th>
            <th scope="col" className="px-2 py-1">Người thực hiện</th>
            <th scope="col" className="px-2 py-1">Hành động</th>
            <th scope="col" className="px-2 py-1">Đối tượng</th>
            <th scope="col" className="px-2 py-1">Trước → sau</th>
            <th scope="col" className="px-2 py-1">Lý do</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-200 bg-white align-top" data-audit-action={r.action}>
              <td className="whitespace-nowrap px-2 py-1">{formatVietnamDateTime(r.at)}</td>
              <td className="px-2 py-1">{r.actorLabel}</td>
              <td className="px-2 py-1">{actionLabel(r.action)}</td>
              <td className="px-2 py-1">
                {entityLabel(r.entityType)} <span className="font-mono text-xs">{r.entityId}</span>
              </td>
              <td className="max-w-md px-2 py-1 font-mono text-xs break-all">
                {short(r.before) && <span className="block text-slate-700">{short(r.before)}</span>}
                {short(r.after) && <span className="block">→ {short(r.after)}</span>}
              </td>
              <td className="px-2 py-1">{r.reason ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
