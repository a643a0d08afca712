import type { AuditRow } from "@/lib/data/audit-log";
import { actionLabel, entityLabel } from "@/lib/admin/audit-labels";
import { formatVietnamDateTime } from "@/lib/period/vietnam-time";
import { describeAuditChanges } from "@/lib/review/audit-diff";

/** At most this many changed fields per entry on the page (the CSV has all of it). */
const SHOWN_CHANGES = 8;

/** One page of the audit log, newest first; what changed in words, "field: before → after" (issue #16, item 10). */
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
                {r.entityType === "Figure" ? (
                  // A figure's own page tells which indicator, unit and quarter, and its whole story.
                  <a href={`/so-lieu/${encodeURIComponent(r.entityId)}`} className="text-brand-800 underline underline-offset-2">
                    {entityLabel(r.entityType)} #{r.entityId}
                  </a>
                ) : (
                  <>
                    {entityLabel(r.entityType)} <span className="font-mono text-xs">{r.entityId}</span>
                  </>
                )}
              </td>
              <td className="max-w-md px-2 py-1 text-xs">
                <Changes before={r.before} after={r.after} />
              </td>
              <td className="px-2 py-1">{r.reason ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Changes({ before, after }: { before: unknown; after: unknown }) {
  const changes = describeAuditChanges(before, after);
  if (changes.length === 0) return <span className="text-slate-600">—</span>;
  return (
    <ul data-audit-changes="">
      {changes.slice(0, SHOWN_CHANGES).map((c) => (
        <li key={c.field} className="break-words">
          {c.label}: {c.before} → {c.after}
        </li>
      ))}
      {changes.length > SHOWN_CHANGES && <li className="text-slate-600">… và {changes.length - SHOWN_CHANGES} thay đổi khác (xem trong tệp CSV)</li>}
    </ul>
  );
}
