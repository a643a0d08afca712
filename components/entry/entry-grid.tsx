"use client";
/**
 * The quarterly data-entry grid: one table per indicator, one row per unit
 * (× sector). Edits stay in the browser until "Lưu nháp"; each row remembers
 * the version it was read at, so a save over someone else's change is refused
 * and shown, never applied silently. Cells are checked while typing with the
 * same schema the server uses. This file holds the state and the actions; the
 * model is entry-grid-model.ts, the tables entry-tables.tsx.
 */
import { useCallback, useEffect, useMemo, useState, useTransition } from "react";
import type { EntryFigure, EntryGrid as EntryGridData, EntryIndicator, EntryRow } from "@/lib/data/entry";
import type { FigureConflict, FigureSnapshot, RowProblem } from "@/lib/services/figures";
import { FIGURE_STATUS_LABELS } from "@/lib/review/figure-status";
import { saveDraftsAction, submitFiguresAction } from "@/lib/actions/figures";
import { MIN_LOCKED_REASON } from "@/lib/validations/figure";
import { draftFrom, isDirty, keyOf, newer, reach, rowInput, rowErrors, toEntryFigure, type Draft, type Field, type FieldErrors, type Notice } from "./entry-grid-model";
import { ConflictPanel, IndicatorTable } from "./entry-tables";

export function EntryGrid({ grid }: { grid: EntryGridData }) {
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [known, setKnown] = useState<Record<string, EntryFigure>>({});
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [serverErrors, setServerErrors] = useState<Record<string, FieldErrors>>({});
  const [conflicts, setConflicts] = useState<FigureConflict[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [lockedEdit, setLockedEdit] = useState(false);
  const [reason, setReason] = useState("");
  const [pending, startTransition] = useTransition();

  const locked = grid.period.status === "LOCKED";
  const readOnly = locked && !(grid.canEditLocked && lockedEdit);
  const reasonOk = !locked || reason.trim().length >= MIN_LOCKED_REASON;

  const index = useMemo(() => {
    const map = new Map<string, { row: EntryRow; indicator: EntryIndicator }>();
    for (const indicator of grid.indicators) for (const g of indicator.groups) for (const row of g.rows) map.set(row.key, { row, indicator });
    return map;
  }, [grid]);

  const current = useCallback((key: string) => newer(index.get(key)?.row.figure ?? null, known[key]), [index, known]);

  const dirtyKeys = useMemo(
    () => Object.keys(drafts).filter((key) => {
      const entry = index.get(key);
      return entry !== undefined && isDirty(entry.indicator.kind, drafts[key], current(key));
    }),
    [drafts, index, current],
  );
  const dirtyCount = dirtyKeys.length;

  useEffect(() => {
    if (dirtyCount === 0) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = ""; // older browsers need it to show the prompt
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirtyCount]);

  const onChange = useCallback(
    (key: string, field: Field, text: string) => {
      setDrafts((prev) => {
        const base = prev[key] ?? draftFrom(newer(index.get(key)?.row.figure ?? null, known[key]));
        return { ...prev, [key]: { ...base, [field]: text } };
      });
      setServerErrors((prev) => {
        if (!prev[key]) return prev;
        const next = { ...prev };
        delete next[key];
        return next;
      });
    },
    [index, known],
  );

  const onToggle = useCallback((key: string, on: boolean) => {
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);

  const remember = (figures: FigureSnapshot[]) =>
    setKnown((prev) => {
      const next = { ...prev };
      for (const s of figures) next[keyOf(s)] = toEntryFigure(s);
      return next;
    });

  function save() {
    setNotice(null);
    if (dirtyCount === 0) {
      setNotice({ kind: "error", text: "Không có thay đổi nào để lưu." });
      return;
    }
    if (!reasonOk) {
      setNotice({ kind: "error", text: `Vui lòng nêu lý do sửa số liệu của kỳ đã khóa (ít nhất ${MIN_LOCKED_REASON} ký tự).` });
      return;
    }
    const sent = dirtyKeys.map((key) => ({ key, draft: drafts[key]!, ...index.get(key)! }));
    const invalid = sent.filter(({ indicator, row, draft }) => Object.keys(rowErrors(indicator, row, grid.period.id, draft)).length > 0);
    if (invalid.length > 0) {
      setNotice({ kind: "error", text: `Có ${invalid.length} dòng chưa hợp lệ; hãy sửa các ô được đánh dấu rồi lưu lại.` });
      return;
    }
    startTransition(async () => {
      const result = await reach(() =>
        saveDraftsAction({
          periodId: grid.period.id,
          rows: sent.map(({ indicator, row, draft }) => rowInput(indicator, row, grid.period.id, draft)),
          reason: locked ? reason : null,
        }),
      );
      if (result.ok) {
        remember(result.data.saved);
        const versions = new Map(result.data.saved.map((s) => [keyOf(s), s.version]));
        setDrafts((prev) => {
          const next = { ...prev };
          for (const { key, draft } of sent) {
            const now = next[key];
            if (now === draft) delete next[key];
            // Typed on while saving: keep the newer text, now based on the version just saved.
            else if (now && versions.has(key)) next[key] = { ...now, baseVersion: versions.get(key)! };
          }
          return next;
        });
        setConflicts([]);
        const n = result.data.saved.length;
        setNotice({ kind: "success", text: n > 0 ? `Đã lưu nháp ${n} số liệu.` : "Không có thay đổi nào cần lưu." });
        return;
      }
      if (result.code === "CONFLICT") {
        const list = (result.details as { conflicts?: FigureConflict[] } | undefined)?.conflicts ?? [];
        setConflicts(list);
      } else if (result.code === "INVALID_FIGURE") {
        const problems = (result.details as { problems?: RowProblem[] } | undefined)?.problems ?? [];
        const errors: Record<string, FieldErrors> = {};
        for (const p of problems) {
          const s = sent[p.index];
          if (!s) continue;
          const field: Field = p.field === "numerator" || p.field === "denominator" || p.field === "value" ? p.field : s.indicator.kind === "RATIO" ? "numerator" : "value";
          ((errors[s.key] ??= {})[field] ??= []).push(p.message);
        }
        setServerErrors(errors);
      }
      setNotice({ kind: "error", text: result.error });
    });
  }

  const submittable = (key: string) => {
    const f = current(key);
    return f !== null && (f.status === "DRAFT" || f.status === "REJECTED");
  };
  const selectedSubmittable = [...selected].filter(submittable);
  const allSubmittable = [...index.keys()].filter(submittable);
  const submitKeys = selectedSubmittable.length > 0 ? selectedSubmittable : allSubmittable;

  function submit() {
    setNotice(null);
    if (dirtyCount > 0) {
      setNotice({ kind: "error", text: "Có thay đổi chưa lưu. Hãy bấm “Lưu nháp” trước khi gửi duyệt." });
      return;
    }
    if (submitKeys.length === 0) {
      setNotice({ kind: "error", text: "Không có số liệu nào ở trạng thái Bản nháp hoặc Bị từ chối để gửi duyệt." });
      return;
    }
    if (!reasonOk) {
      setNotice({ kind: "error", text: `Vui lòng nêu lý do sửa số liệu của kỳ đã khóa (ít nhất ${MIN_LOCKED_REASON} ký tự).` });
      return;
    }
    const figures = submitKeys.map((key) => {
      const f = current(key)!;
      return { id: f.id, version: f.version };
    });
    startTransition(async () => {
      const result = await reach(() => submitFiguresAction({ figures, reason: locked ? reason : null }));
      if (result.ok) {
        remember(result.data.submitted);
        setSelected(new Set());
        setConflicts([]);
        setNotice({ kind: "success", text: `Đã gửi duyệt ${result.data.submitted.length} số liệu.` });
        return;
      }
      if (result.code === "CONFLICT") setConflicts((result.details as { conflicts?: FigureConflict[] } | undefined)?.conflicts ?? []);
      setNotice({ kind: "error", text: result.error });
    });
  }

  /** Drop my edit of the row and show the current figure. */
  function takeTheirs(c: FigureConflict) {
    const key = keyOf(c);
    if (c.current) remember([c.current]);
    setDrafts((prev) => {
      const next = { ...prev };
      delete next[key];
      return next;
    });
    setConflicts((prev) => prev.filter((x) => x !== c));
  }

  /** Keep my edit, now knowingly based on the current version: the next save replaces it. */
  function keepMine(c: FigureConflict) {
    const key = keyOf(c);
    if (c.current) remember([c.current]);
    setDrafts((prev) => {
      const mine = prev[key];
      return mine ? { ...prev, [key]: { ...mine, baseVersion: c.current?.version ?? 0 } } : prev;
    });
    setConflicts((prev) => prev.filter((x) => x !== c));
  }

  return (
    <div>
      {locked && (
        <div className="mb-4 rounded border border-slate-300 bg-slate-100 p-3 text-sm">
          <p>
            <strong>Kỳ báo cáo đã khóa sổ.</strong>{" "}
            {grid.canEditLocked ? "Bạn có thể sửa số liệu của kỳ này với tư cách quản trị, kèm lý do; mọi thay đổi được ghi nhật ký." : "Số liệu chỉ xem, không sửa được."}
          </p>
          {grid.canEditLocked && (
            <div className="mt-2 space-y-2">
              <label className="flex items-center gap-2">
                <input type="checkbox" checked={lockedEdit} onChange={(e) => setLockedEdit(e.target.checked)} />
                Sửa số liệu của kỳ đã khóa
              </label>
              {lockedEdit && (
                <div className="flex flex-col">
                  <label htmlFor="locked-reason" className="font-medium">
                    Lý do sửa (bắt buộc, ít nhất {MIN_LOCKED_REASON} ký tự)
                  </label>
                  <textarea
                    id="locked-reason"
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
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
      )}

      {conflicts.length > 0 && (
        <ConflictPanel conflicts={conflicts} index={index} drafts={drafts} onTakeTheirs={takeTheirs} onKeepMine={keepMine} />
      )}

      {grid.indicators.length === 0 && <p className="text-slate-700">Không có chỉ tiêu nào bạn được giao nhập trong kỳ này.</p>}

      {grid.indicators.map((indicator) => (
        <IndicatorTable
          key={indicator.id}
          indicator={indicator}
          periodId={grid.period.id}
          drafts={drafts}
          known={known}
          selected={selected}
          serverErrors={serverErrors}
          readOnly={readOnly}
          onChange={onChange}
          onToggle={onToggle}
        />
      ))}

      {!readOnly && (
        <div className="sticky bottom-0 mt-6 flex flex-wrap items-center gap-3 border-t border-slate-300 bg-white/95 px-1 py-3">
          <button
            type="button"
            onClick={save}
            disabled={pending}
            className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
          >
            Lưu nháp
          </button>
          <button
            type="button"
            onClick={submit}
            disabled={pending}
            className="rounded border border-brand-700 px-4 py-2 font-medium text-brand-800 hover:bg-slate-100 disabled:opacity-60"
          >
            Gửi duyệt
          </button>
          <span className="text-sm text-slate-700">
            {dirtyCount > 0 ? `${dirtyCount} dòng có thay đổi chưa lưu.` : "Không có thay đổi chưa lưu."}{" "}
            {selectedSubmittable.length > 0
              ? `“Gửi duyệt” gửi ${selectedSubmittable.length} số liệu đã chọn.`
              : `“Gửi duyệt” gửi tất cả ${allSubmittable.length} số liệu ở trạng thái ${FIGURE_STATUS_LABELS.DRAFT} hoặc ${FIGURE_STATUS_LABELS.REJECTED}.`}
          </span>
          {pending && <span className="text-sm">Đang xử lý…</span>}
        </div>
      )}
      <div aria-live="polite" role="status" className="mt-2 min-h-6">
        {notice?.kind === "success" && <p className="text-emerald-800">{notice.text}</p>}
      </div>
      <div role="alert" className="mt-1">
        {notice?.kind === "error" && <p className="font-medium text-red-800">{notice.text}</p>}
      </div>
    </div>
  );
}

// ---------------------------------------------------------------- conflicts
