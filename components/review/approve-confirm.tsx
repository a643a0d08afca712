"use client";
/**
 * The confirmation before publishing (issue #16, item 4): it names how many
 * figures will go on the public pages at once, lists every flagged one with
 * its flags, and asks for an acknowledgement per flagged figure before the
 * confirm button works. The service checks the same flags and refuses a
 * flagged figure sent without its acknowledgement (lib/services/review.ts):
 * this dialog is the question, not the guard.
 */
import { useEffect, useId, useRef, useState } from "react";
import type { ReviewQueueItem } from "@/lib/data/review";
import { OutlierFlags } from "./outlier-flags";

export function ApproveConfirm({
  items,
  label,
  onConfirm,
  onCancel,
}: {
  items: ReviewQueueItem[];
  label: (item: ReviewQueueItem) => string;
  onConfirm: (acknowledged: ReadonlySet<number>) => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const flagged = items.filter((i) => i.flags.length > 0);
  const [acknowledged, setAcknowledged] = useState<ReadonlySet<number>>(new Set());
  const ready = flagged.every((i) => acknowledged.has(i.figureId));

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  function toggle(id: number, on: boolean) {
    setAcknowledged((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      className="w-full max-w-2xl rounded border border-slate-300 p-0 shadow-xl backdrop:bg-slate-900/40"
      data-testid="approve-confirm"
    >
      <div className="p-5">
        <h2 id={titleId} className="text-lg font-semibold">
          Duyệt và công bố {items.length} số liệu?
        </h2>
        <p className="mt-2 text-sm text-slate-800">
          {items.length} số liệu sẽ hiện trên trang công khai ngay sau khi duyệt. Muốn sửa một số liệu đã công bố, người nhập liệu
          phải nhập lại và nộp để duyệt lần nữa; mọi lần công bố đều được giữ trong lịch sử.
        </p>
        {flagged.length > 0 ? (
          <>
            <p className="mt-3 text-sm font-medium text-amber-950">
              <span aria-hidden="true">⚠ </span>
              {flagged.length} số liệu có cảnh báo bất thường. Hãy xem và xác nhận từng số liệu:
            </p>
            <ul className="mt-2 max-h-80 space-y-3 overflow-y-auto">
              {flagged.map((item) => (
                <li key={item.figureId} className="rounded border border-amber-300 bg-amber-50/50 p-2 text-sm" data-flagged-figure={item.figureId}>
                  <p className="font-medium">
                    {label(item)}: <span className="tabular-nums">{item.valueText}</span>
                  </p>
                  <div className="mt-1">
                    <OutlierFlags flags={item.flags} />
                  </div>
                  <label className="mt-2 flex items-start gap-2">
                    <input type="checkbox" checked={acknowledged.has(item.figureId)} onChange={(e) => toggle(item.figureId, e.target.checked)} className="mt-1" />
                    <span>Tôi đã xem cảnh báo và xác nhận số liệu này đúng.</span>
                  </label>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="mt-3 text-sm text-slate-700">Không có số liệu nào có cảnh báo bất thường.</p>
        )}
        <div className="mt-5 flex flex-wrap justify-end gap-3">
          <button type="button" onClick={onCancel} className="rounded border border-slate-400 px-4 py-2 font-medium hover:bg-slate-50">
            Quay lại
          </button>
          <button
            type="button"
            disabled={!ready}
            aria-describedby={ready ? undefined : `${titleId}-chua-xac-nhan`}
            onClick={() => onConfirm(acknowledged)}
            className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
          >
            Duyệt và công bố ({items.length})
          </button>
        </div>
        {!ready && (
          <p id={`${titleId}-chua-xac-nhan`} className="mt-2 text-right text-sm text-slate-700">
            Còn {flagged.length - flagged.filter((i) => acknowledged.has(i.figureId)).length} số liệu có cảnh báo chưa được xác nhận.
          </p>
        )}
      </div>
    </dialog>
  );
}
