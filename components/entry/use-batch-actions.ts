"use client";
/**
 * The grid's two buttons: "Lưu nháp" saves every edited row at once (rows
 * autosave is sending are left to it), and "Gửi duyệt" submits the selected
 * figures, or all drafts and rejected ones when none is selected. Both go
 * through the same server actions, versioned, in one transaction each, and
 * answer with a notice; a refused save marks its rows (conflict / error) the
 * way autosave does.
 */
import { useCallback, useState, useTransition } from "react";
import type { EntryFigure, EntryGrid, EntryIndicator, EntryRow } from "@/lib/data/entry";
import type { FigureConflict, FigureSnapshot, RowProblem } from "@/lib/services/figures";
import { saveDraftsAction, submitFiguresAction } from "@/lib/actions/figures";
import { keyOf, problemField, reach, rowErrors, rowInput, settleDrafts, type Draft, type FieldErrors, type Notice } from "./entry-grid-model";
import type { useAutosave } from "./use-autosave";
import type { useConflicts } from "./use-conflicts";
import type { useFieldErrors } from "./use-field-errors";
import { LOCKED_REASON_MISSING } from "./use-locked-edit";

export interface BatchContext {
  grid: EntryGrid;
  index: Map<string, { row: EntryRow; indicator: EntryIndicator }>;
  drafts: Record<string, Draft>;
  setDrafts: (update: (prev: Record<string, Draft>) => Record<string, Draft>) => void;
  /** Rows whose draft differs from the stored figure. */
  dirtyKeys: readonly string[];
  current: (key: string) => EntryFigure | null;
  remember: (figures: FigureSnapshot[], byMe: boolean) => void;
  autosave: ReturnType<typeof useAutosave>;
  conflicts: ReturnType<typeof useConflicts>;
  errors: ReturnType<typeof useFieldErrors>;
  lock: { reasonOk: boolean; sentReason: string | null };
  setNotice: (notice: Notice | null) => void;
}

export function useBatchActions(ctx: BatchContext) {
  const { grid, index, drafts, setDrafts, dirtyKeys, current, remember, autosave, conflicts, errors, lock, setNotice } = ctx;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [pending, startTransition] = useTransition();

  const toggle = useCallback((key: string, on: boolean) => {
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);

  function save() {
    setNotice(null);
    // Rows being saved by autosave right now are already on their way.
    const keys = dirtyKeys.filter((k) => !autosave.isSaving(k));
    if (keys.length === 0) {
      setNotice({ kind: "error", text: dirtyKeys.length > 0 ? "Các thay đổi đang được lưu tự động." : "Không có thay đổi nào để lưu." });
      return;
    }
    if (!lock.reasonOk) {
      setNotice({ kind: "error", text: LOCKED_REASON_MISSING });
      return;
    }
    const sent = keys.map((key) => ({ key, draft: drafts[key]!, ...index.get(key)! }));
    const invalid = sent.filter(({ indicator, row, draft }) => Object.keys(rowErrors(indicator, row, grid.period.id, draft)).length > 0);
    if (invalid.length > 0) {
      setNotice({ kind: "error", text: `Có ${invalid.length} dòng chưa hợp lệ; hãy sửa các ô được đánh dấu rồi lưu lại.` });
      return;
    }
    for (const { key } of sent) autosave.cancel(key, true);
    if (!navigator.onLine) {
      autosave.keepOffline(sent);
      setNotice({ kind: "error", text: `Không có mạng: ${sent.length} số liệu được giữ trong trình duyệt và sẽ tự gửi khi có mạng lại.` });
      return;
    }
    for (const { key } of sent) autosave.setState(key, { kind: "saving" });
    startTransition(async () => {
      const result = await reach(() =>
        saveDraftsAction({
          periodId: grid.period.id,
          rows: sent.map(({ indicator, row, draft }) => rowInput(indicator, row, grid.period.id, draft)),
          reason: lock.sentReason,
        }),
      );
      if (result.ok) {
        remember(result.data.saved, true);
        const versions = new Map(result.data.saved.map((s) => [keyOf(s), s.version]));
        setDrafts((prev) => settleDrafts(prev, sent, versions));
        for (const { key } of sent) {
          autosave.setState(key, { kind: "saved" });
          autosave.sent(key);
        }
        conflicts.replace([]);
        const n = result.data.saved.length;
        setNotice({ kind: "success", text: n > 0 ? `Đã lưu nháp ${n} số liệu.` : "Không có thay đổi nào cần lưu." });
        return;
      }
      if (result.code === "NETWORK") {
        autosave.keepOffline(sent);
      } else if (result.code === "CONFLICT") {
        const list = (result.details as { conflicts?: FigureConflict[] } | undefined)?.conflicts ?? [];
        conflicts.replace(list);
        const stale = new Set(list.map(keyOf));
        for (const { key } of sent) autosave.setState(key, stale.has(key) ? { kind: "conflict" } : null);
      } else if (result.code === "INVALID_FIGURE") {
        const problems = (result.details as { problems?: RowProblem[] } | undefined)?.problems ?? [];
        const byRow: Record<string, FieldErrors> = {};
        for (const p of problems) {
          const s = sent[p.index];
          if (s) ((byRow[s.key] ??= {})[problemField(p, s.indicator.kind)] ??= []).push(p.message);
        }
        errors.setAll(byRow);
        for (const { key } of sent) autosave.setState(key, byRow[key] ? { kind: "error", message: result.error } : null);
      } else {
        for (const { key } of sent) autosave.setState(key, { kind: "error", message: result.error });
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

  function submit() {
    setNotice(null);
    if (dirtyKeys.length > 0) {
      setNotice({ kind: "error", text: "Có thay đổi chưa lưu. Hãy đợi lưu tự động xong hoặc bấm “Lưu nháp” trước khi gửi duyệt." });
      return;
    }
    const keys = selectedSubmittable.length > 0 ? selectedSubmittable : allSubmittable;
    if (keys.length === 0) {
      setNotice({ kind: "error", text: "Không có số liệu nào ở trạng thái Bản nháp hoặc Bị từ chối để gửi duyệt." });
      return;
    }
    if (!lock.reasonOk) {
      setNotice({ kind: "error", text: LOCKED_REASON_MISSING });
      return;
    }
    const figures = keys.map((key) => {
      const f = current(key)!;
      return { id: f.id, version: f.version };
    });
    startTransition(async () => {
      const result = await reach(() => submitFiguresAction({ figures, reason: lock.sentReason }));
      if (result.ok) {
        remember(result.data.submitted, true);
        setSelected(new Set());
        conflicts.replace([]);
        setNotice({ kind: "success", text: `Đã gửi duyệt ${result.data.submitted.length} số liệu.` });
        return;
      }
      if (result.code === "CONFLICT") conflicts.replace((result.details as { conflicts?: FigureConflict[] } | undefined)?.conflicts ?? []);
      setNotice({ kind: "error", text: result.error });
    });
  }

  return { save, submit, pending, selected, toggle, selectedCount: selectedSubmittable.length, submittableCount: allSubmittable.length };
}
