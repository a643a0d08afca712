"use client";
/**
 * The approver's worklist: submitted figures with their history and flags,
 * a checkbox per row, "Duyệt" and "Từ chối" (with a required reason) for the
 * selection. Results and refusals are announced in a live region; a batch that
 * hit a changed figure names it, and the list is reloaded.
 */
import { OBSERVATION_STATUS_LABELS } from "@/lib/validations/figure";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition } from "react";
import { approveFigures, rejectFigures } from "@/lib/actions/review";
import type { ReviewQueueGroup, ReviewQueueItem } from "@/lib/data/review";
import { formatChange } from "@/lib/review/figure-value";
import { formatVietnamDateTime } from "@/lib/period/vietnam-time";
import { PERIOD_STATUS_LABELS } from "@/lib/review/figure-status";
import { rejectFiguresSchema } from "@/lib/validations/review";
import { ApproveConfirm } from "./approve-confirm";
import { OutlierFlags } from "./outlier-flags";
import { Sparkline } from "./sparkline";

type Status = { kind: "success" | "error"; text: string; details?: string[] } | null;

function conflictLines(details: unknown): string[] {
  const d = details as { conflicts?: { message?: unknown }[]; flagged?: { label?: unknown; flags?: unknown }[] } | undefined;
  const conflicts = Array.isArray(d?.conflicts) ? d.conflicts.flatMap((c) => (typeof c.message === "string" ? [c.message] : [])) : [];
  const flagged = Array.isArray(d?.flagged)
    ? d.flagged.flatMap((f) => (typeof f.label === "string" && Array.isArray(f.flags) ? [`${f.label}: ${f.flags.join("; ")}`] : []))
    : [];
  return [...conflicts, ...flagged];
}

function itemLabel(item: ReviewQueueItem): string {
  return `${item.indicator.nameVi}${item.sector ? ` (${item.sector.nameVi})` : ""} — ${item.unit.name}`;
}

export function ReviewQueue({ groups }: { groups: ReviewQueueGroup[] }) {
  const router = useRouter();
  const commentId = useId();
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [comment, setComment] = useState("");
  const [commentError, setCommentError] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState(false);

  const items = groups.flatMap((g) => g.items);
  // Only rows still listed count (after a reload some may have gone).
  const chosen = items.filter((i) => selected.has(i.figureId));

  function toggle(ids: number[], on: boolean) {
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }

  function askToApprove() {
    if (chosen.length === 0) {
      setStatus({ kind: "error", text: "Chọn ít nhất một số liệu." });
      return;
    }
    setConfirming(true);
  }

  function run(kind: "approve" | "reject", acknowledged: ReadonlySet<number> = new Set()) {
    setConfirming(false);
    if (chosen.length === 0) {
      setStatus({ kind: "error", text: "Chọn ít nhất một số liệu." });
      return;
    }
    const payload = chosen.map((i) => ({ figureId: i.figureId, version: i.version }));
    const approvals = chosen.map((i) => ({ figureId: i.figureId, version: i.version, ...(acknowledged.has(i.figureId) ? { acknowledgedFlags: true } : {}) }));
    if (kind === "reject") {
      const parsed = rejectFiguresSchema.shape.comment.safeParse(comment);
      if (!parsed.success) {
        const message = parsed.error.issues[0]?.message ?? "Nhập lý do từ chối.";
        setCommentError(message);
        setStatus({ kind: "error", text: message });
        commentRef.current?.focus();
        return;
      }
    }
    setCommentError(null);
    startTransition(async () => {
      const result = kind === "approve" ? await approveFigures({ items: approvals }) : await rejectFigures({ items: payload, comment });
      if (result.ok) {
        const n = payload.length;
        setStatus({
          kind: "success",
          text:
            kind === "approve"
              ? `Đã duyệt và công bố ${n} số liệu. Trang công khai đã được cập nhật.`
              : `Đã từ chối ${n} số liệu. Người nhập liệu sẽ thấy lý do: “${comment.trim()}”.`,
        });
        setSelected(new Set());
        if (kind === "reject") setComment("");
      } else {
        setStatus({ kind: "error", text: result.error, details: conflictLines(result.details) });
        if (result.fieldErrors?.comment?.[0]) setCommentError(result.fieldErrors.comment[0]);
        // Show the figures as they are now, with their current versions.
        if (result.code === "CONFLICT") router.refresh();
      }
    });
  }

  return (
    <div>
      <div role="status" aria-live="polite" className="min-h-6">
        {status && (
          <div
            className={`mt-3 rounded px-3 py-2 text-sm ${status.kind === "success" ? "bg-emerald-50 text-emerald-950 ring-1 ring-emerald-700/30" : "bg-red-50 text-red-950 ring-1 ring-red-700/30"}`}
            data-result={status.kind}
          >
            <p>
              <span aria-hidden="true">{status.kind === "success" ? "✓ " : "✕ "}</span>
              {status.text}
            </p>
            {status.details && status.details.length > 0 && (
              <ul className="mt-1 list-disc pl-5">
                {status.details.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>

      {groups.map((group) => (
        <GroupTable
          key={`${group.period.key}-${group.department.id}`}
          group={group}
          selected={selected}
          toggle={toggle}
          disabled={pending}
        />
      ))}

      <section aria-label="Xử lý các số liệu đã chọn" className="sticky bottom-0 z-10 mt-6 border-t border-slate-300 bg-slate-50 py-3">
        <p className="text-sm text-slate-700">
          Đã chọn <strong>{chosen.length}</strong> / {items.length} số liệu.
        </p>
        <div className="mt-2 flex flex-wrap items-start gap-4">
          <button
            type="button"
            onClick={askToApprove}
            disabled={pending}
            className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
          >
            Duyệt ({chosen.length})
          </button>
          <div className="flex min-w-72 flex-1 flex-col">
            <label htmlFor={commentId} className="text-sm font-medium">
              Lý do từ chối (bắt buộc khi từ chối)
            </label>
            <textarea
              id={commentId}
              ref={commentRef}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              rows={2}
              aria-invalid={commentError ? true : undefined}
              aria-describedby={commentError ? `${commentId}-loi` : undefined}
              className="mt-1 rounded border border-slate-400 bg-white px-2 py-1.5 aria-[invalid=true]:border-red-700"
              placeholder="Ví dụ: Mẫu số chưa gồm hồ sơ của các xã mới sáp nhập."
            />
            {commentError && (
              <p id={`${commentId}-loi`} className="mt-1 text-sm text-red-800">
                {commentError}
              </p>
            )}
          </div>
          <button
            type="button"
            onClick={() => run("reject")}
            disabled={pending}
            className="rounded border border-red-800 px-4 py-2 font-medium text-red-900 hover:bg-red-50 disabled:opacity-60"
          >
            Từ chối ({chosen.length})
          </button>
        </div>
        {pending && <p className="mt-2 text-sm text-slate-700">Đang xử lý…</p>}
      </section>
      {confirming && <ApproveConfirm items={chosen} label={itemLabel} onConfirm={(ack) => run("approve", ack)} onCancel={() => setConfirming(false)} />}
    </div>
  );
}

function GroupTable({
  group,
  selected,
  toggle,
  disabled,
}: {
  group: ReviewQueueGroup;
  selected: ReadonlySet<number>;
  toggle: (ids: number[], on: boolean) => void;
  disabled: boolean;
}) {
  const ids = group.items.map((i) => i.figureId);
  const all = ids.every((id) => selected.has(id));
  const headingId = `nhom-${group.period.key}-${group.department.id}`;
  return (
    <section className="mt-6" aria-labelledby={headingId}>
      <h2 id={headingId} className="text-lg font-semibold">
        {group.period.label} — {group.department.nameVi}{" "}
        <span className="text-sm font-normal text-slate-700">
          ({group.items.length} số liệu; kỳ {PERIOD_STATUS_LABELS[group.period.status].toLowerCase()})
        </span>
      </h2>
      <div className="mt-2 overflow-x-auto rounded border border-slate-200">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">
            Số liệu chờ duyệt của {group.department.nameVi}, {group.period.label}
          </caption>
          <thead>
            <tr className="border-b border-slate-300 bg-white text-slate-700">
              <th scope="col" className="px-2 py-2">
                <input
                  type="checkbox"
                  checked={all}
                  disabled={disabled}
                  onChange={(e) => toggle(ids, e.target.checked)}
                  aria-label={`Chọn tất cả ${ids.length} số liệu của ${group.department.nameVi}, ${group.period.label}`}
                />
              </th>
              <th scope="col" className="px-2 py-2 font-semibold">
                Chỉ tiêu — đơn vị
              </th>
              <th scope="col" className="px-2 py-2 font-semibold">
                Số liệu nộp
              </th>
              <th scope="col" className="px-2 py-2 font-semibold">
                Quý trước (đã duyệt)
              </th>
              <th scope="col" className="px-2 py-2 font-semibold">
                8 quý gần nhất
              </th>
              <th scope="col" className="px-2 py-2 font-semibold">
                Cảnh báo
              </th>
              <th scope="col" className="px-2 py-2 font-semibold">
                Người nộp
              </th>
            </tr>
          </thead>
          <tbody>
            {group.items.map((item) => (
              <Row key={item.figureId} item={item} checked={selected.has(item.figureId)} toggle={toggle} disabled={disabled} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Row({ item, checked, toggle, disabled }: { item: ReviewQueueItem; checked: boolean; toggle: (ids: number[], on: boolean) => void; disabled: boolean }) {
  const change = formatChange(item.indicator.kind, item.previous?.value ?? null, item.value);
  return (
    <tr
      className={`border-b border-slate-200 align-top ${checked ? "bg-sky-50" : "bg-white"}`}
      data-figure-id={item.figureId}
      data-indicator={item.indicator.code}
      data-unit-level={item.unit.level}
    >
      <td className="px-2 py-2">
        <input type="checkbox" checked={checked} disabled={disabled} onChange={(e) => toggle([item.figureId], e.target.checked)} aria-label={`Chọn: ${itemLabel(item)}`} />
      </td>
      <th scope="row" className="px-2 py-2 font-normal">
        <span className="font-medium">{item.indicator.nameVi}</span>
        {item.sector && <span className="block text-slate-600">Ngành, lĩnh vực: {item.sector.nameVi}</span>}
        <span className="block text-slate-700">{item.unit.name}</span>
        <Link href={`/so-lieu/${item.figureId}`} className="text-xs text-brand-700 underline">
          Lịch sử số liệu
        </Link>
      </th>
      <td className="px-2 py-2">
        <span className="font-semibold tabular-nums" data-value>
          {item.valueText}
        </span>
        {item.partsText && <span className="block text-xs tabular-nums text-slate-600">{item.partsText}</span>}
        {item.comment && <span className="mt-1 block text-xs text-slate-700">Ghi chú: {item.comment}</span>}
        {item.observationStatus !== "NORMAL" && (
          <span className="mt-1 block text-xs font-medium text-amber-900" data-observation-status={item.observationStatus}>
            Số liệu {OBSERVATION_STATUS_LABELS[item.observationStatus].vi.toLowerCase()}
          </span>
        )}
        {item.sourceDocument && <span className="mt-1 block text-xs text-slate-700">Văn bản nguồn: {item.sourceDocument}</span>}
      </td>
      <td className="px-2 py-2 tabular-nums">
        {item.previous ? (
          <>
            <span>{item.previous.text}</span>
            <span className="block text-xs text-slate-600">{item.previous.label}</span>
            {change && <span className="block text-xs text-slate-700">{change}</span>}
          </>
        ) : (
          <span className="text-slate-600">Chưa có</span>
        )}
      </td>
      <td className="px-2 py-2">
        {item.history.length === 0 ? (
          <span className="text-slate-600">Chưa có số liệu đã duyệt</span>
        ) : (
          <>
            <Sparkline values={item.history.map((h) => h.value)} current={item.value} />
            <details className="mt-1 text-xs">
              <summary className="cursor-pointer text-brand-700">{item.history.length} quý đã duyệt</summary>
              <table className="mt-1 tabular-nums">
                <tbody>
                  {item.history.map((h) => (
                    <tr key={h.label}>
                      <th scope="row" className="pr-2 text-left font-normal text-slate-600">
                        {h.label}
                      </th>
                      <td>{h.text}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </>
        )}
      </td>
      <td className="px-2 py-2">
        <OutlierFlags flags={item.flags} />
      </td>
      <td className="px-2 py-2 text-xs">
        <span className="block">{item.submittedBy ?? "—"}</span>
        <span className="block text-slate-600">{formatVietnamDateTime(item.submittedAt)}</span>
      </td>
    </tr>
  );
}
