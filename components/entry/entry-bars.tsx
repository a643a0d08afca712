"use client";
/**
 * The bars around the entry grid: the locked-period notice (an admin may
 * still edit, with a reason) and the action bar (Lưu nháp, Gửi duyệt, the save
 * summary). Stateless: entry-grid.tsx holds the state.
 */
import { FIGURE_STATUS_LABELS } from "@/lib/review/figure-status";
import { MIN_LOCKED_REASON } from "@/lib/validations/figure";

export function LockedPeriodNotice({
  canEditLocked,
  editing,
  onEditing,
  reason,
  onReason,
  reasonOk,
}: {
  canEditLocked: boolean;
  editing: boolean;
  onEditing: (on: boolean) => void;
  reason: string;
  onReason: (text: string) => void;
  reasonOk: boolean;
}) {
  return (
    <div className="mb-4 rounded border border-slate-300 bg-slate-100 p-3 text-sm">
      <p>
        <strong>Kỳ báo cáo đã khóa sổ.</strong>{" "}
        {canEditLocked ? "Bạn có thể sửa số liệu của kỳ này với tư cách quản trị, kèm lý do; mọi thay đổi được ghi nhật ký." : "Số liệu chỉ xem, không sửa được."}
      </p>
      {canEditLocked && (
        <div className="mt-2 space-y-2">
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={editing} onChange={(e) => onEditing(e.target.checked)} />
            Sửa số liệu của kỳ đã khóa
          </label>
          {editing && (
            <div className="flex flex-col">
              <label htmlFor="locked-reason" className="font-medium">
                Lý do sửa (bắt buộc, ít nhất {MIN_LOCKED_REASON} ký tự)
              </label>
              <textarea
                id="locked-reason"
                value={reason}
                onChange={(e) => onReason(e.target.value)}
                rows={2}
                maxLength={1000}
                aria-invalid={!reasonOk}
                aria-describedby="locked-reason-hint"
                className="mt-1 rounded border border-slate-300 bg-white p-2"
              />
              <p id="locked-reason-hint" className="text-xs text-slate-600">
                Lý do được lưu cùng từng thay đổi trong nhật ký.
              </p>
            </div>
          )}
        </div>
      )}
    </div>
  );
}

export function EntryActions({
  onSave,
  onSubmit,
  pending,
  summary,
  selected,
  submittable,
}: {
  onSave: () => void;
  onSubmit: () => void;
  pending: boolean;
  /** The save summary line (grid-save.ts), announced politely as it changes. */
  summary: string;
  /** Figures ticked for submission, and all that could be submitted. */
  selected: number;
  submittable: number;
}) {
  return (
    <div className="sticky bottom-0 mt-6 flex flex-wrap items-center gap-3 border-t border-slate-300 bg-white/95 px-1 py-3">
      <button
        type="button"
        onClick={onSave}
        disabled={pending}
        className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        Lưu nháp
      </button>
      <button
        type="button"
        onClick={onSubmit}
        disabled={pending}
        className="rounded border border-brand-700 px-4 py-2 font-medium text-brand-800 hover:bg-slate-100 disabled:opacity-60"
      >
        Gửi duyệt
      </button>
      <span className="text-sm text-slate-700">
        <span data-testid="save-summary" aria-live="polite">
          {summary}
        </span>{" "}
        {selected > 0
          ? `“Gửi duyệt” gửi ${selected} số liệu đã chọn.`
          : `“Gửi duyệt” gửi tất cả ${submittable} số liệu ở trạng thái ${FIGURE_STATUS_LABELS.DRAFT} hoặc ${FIGURE_STATUS_LABELS.REJECTED}.`}
      </span>
      {pending && <span className="text-sm">Đang xử lý…</span>}
    </div>
  );
}
