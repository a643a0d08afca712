"use client";
/**
 * The quarterly data-entry grid: one table per indicator, one row per unit
 * (× sector), used like a spreadsheet (ADR 029). Each row is saved on its own
 * a moment after an edited cell is left (use-autosave.ts), or all at once with
 * "Lưu nháp"; each row remembers the version it was read at, so a save over
 * someone else's change is refused and shown as a conflict, never applied
 * silently. Cells are checked while typing with the same schema the server
 * uses. This file holds the rows' drafts and what is known of their figures,
 * and wires the parts: the model is entry-grid-model.ts; the hooks are
 * use-autosave.ts (per-row saves, offline), use-batch-actions.ts ("Lưu nháp",
 * "Gửi duyệt", the selection), use-conflicts.ts, use-field-errors.ts,
 * use-grid-view.ts (filter and search), use-locked-edit.ts; the keys are
 * grid-navigation.ts, pasting grid-paste.ts, the tables entry-tables.tsx.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { EntryFigure, EntryGrid as EntryGridData, EntryIndicator, EntryRow } from "@/lib/data/entry";
import type { FigureSnapshot } from "@/lib/services/figures";
import type { EntryFilter } from "@/lib/validations/figure";
import { draftFrom, isDirty, keyOf, newer, pasteFields, rowErrors, toEntryFigure, type Draft, type Field, type Notice } from "./entry-grid-model";
import { ConflictPanel, IndicatorTable, KeyboardHelp, type PasteRequest } from "./entry-tables";
import { EntryActions, LockedPeriodNotice } from "./entry-bars";
import { EntryFilters } from "./entry-filters";
import { parseClipboardTable, pasteEdits, planPaste, PASTE_MESSAGES } from "./grid-paste";
import { summarize, summaryText } from "./grid-save";
import { useAutosave } from "./use-autosave";
import { useBatchActions } from "./use-batch-actions";
import { useConflicts } from "./use-conflicts";
import { useFieldErrors } from "./use-field-errors";
import { useGridView } from "./use-grid-view";
import { useLockedEdit } from "./use-locked-edit";

export function EntryGrid({ grid, filter: initialFilter, search: initialSearch = "" }: { grid: EntryGridData; filter?: EntryFilter; search?: string }) {
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [known, setKnown] = useState<Record<string, EntryFigure>>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  const lock = useLockedEdit(grid);
  const view = useGridView(initialFilter, initialSearch);
  const errors = useFieldErrors();

  const index = useMemo(() => {
    const map = new Map<string, { row: EntryRow; indicator: EntryIndicator }>();
    for (const indicator of grid.indicators) for (const g of indicator.groups) for (const row of g.rows) map.set(row.key, { row, indicator });
    return map;
  }, [grid]);

  const current = useCallback((key: string) => newer(index.get(key)?.row.figure ?? null, known[key]), [index, known]);

  const remember = useCallback(
    (figures: FigureSnapshot[], byMe: boolean) =>
      setKnown((prev) => {
        const next = { ...prev };
        for (const s of figures) next[keyOf(s)] = toEntryFigure(s, byMe);
        return next;
      }),
    [],
  );

  const conflicts = useConflicts({ remember, setDrafts });

  // What a delayed save reads when it runs: the state of the latest render.
  const writable = !lock.readOnly && lock.reasonOk;
  const now = useRef({ index, drafts, known, reason: lock.sentReason, writable });
  useEffect(() => {
    now.current = { index, drafts, known, reason: lock.sentReason, writable };
  });

  const autosave = useAutosave({
    grid,
    now: () => now.current,
    setDrafts,
    remember,
    onConflict: (c, message) => {
      conflicts.add(c);
      setNotice({ kind: "error", text: message });
    },
    onServerErrors: errors.setRow,
  });
  const saveStates = autosave.states;

  const dirtyKeys = useMemo(
    () => Object.keys(drafts).filter((key) => {
      const entry = index.get(key);
      return entry !== undefined && isDirty(entry.indicator.kind, drafts[key], current(key));
    }),
    [drafts, index, current],
  );
  // Kept in the browser already: closing the page loses nothing of those.
  const atRisk = dirtyKeys.filter((k) => saveStates[k]?.kind !== "offline").length;

  useEffect(() => {
    if (atRisk === 0) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = ""; // older browsers need it to show the prompt
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [atRisk]);

  const batch = useBatchActions({ grid, index, drafts, setDrafts, dirtyKeys, current, remember, autosave, conflicts, errors, lock, setNotice });

  const { touch } = view;
  const { clear } = errors;
  const onChange = useCallback(
    (key: string, field: Field, text: string) => {
      setDrafts((prev) => {
        const base = prev[key] ?? draftFrom(newer(index.get(key)?.row.figure ?? null, known[key]));
        return { ...prev, [key]: { ...base, [field]: text } };
      });
      clear(key, field);
      touch([key]);
    },
    [index, known, clear, touch],
  );

  const { schedule } = autosave;
  const onLeave = useCallback((key: string) => schedule(key), [schedule]);

  /** A block from a spreadsheet, laid over the rows shown from the focused cell; each cell checked on its own. */
  const { readOnly } = lock;
  const { pasted } = errors;
  const onPaste = useCallback(
    ({ indicator, rows, start, text }: PasteRequest) => {
      if (readOnly) {
        setNotice({ kind: "error", text: PASTE_MESSAGES.readOnly });
        return;
      }
      const fields = pasteFields(indicator.kind);
      const plan = planPaste(parseClipboardTable(text), start, { rows: rows.length, cols: fields.length });
      const { edits, refused } = pasteEdits(plan, rows.map((r) => r.key), fields);
      setDrafts((prev) => {
        const next = { ...prev };
        for (const [key, edit] of edits) next[key] = { ...(next[key] ?? draftFrom(newer(index.get(key)?.row.figure ?? null, known[key]))), ...edit };
        return next;
      });
      pasted(edits.keys(), refused);
      touch([...edits.keys()]);
      for (const key of edits.keys()) schedule(key);
      const cells = plan.writes.length;
      if (plan.outside.length > 0) {
        setNotice({ kind: "error", text: `Đã dán ${cells} ô. ${PASTE_MESSAGES.outside(plan.outside.length, plan.outside[0]!.text)}` });
      } else {
        setNotice({ kind: "success", text: `Đã dán ${cells} ô vào ${edits.size} dòng.` });
      }
    },
    [readOnly, index, known, pasted, touch, schedule],
  );

  const { shows } = view;
  const { hasProblem } = errors;
  const shown = useCallback(
    (row: EntryRow) => {
      const figure = current(row.key);
      const draft = drafts[row.key];
      const { indicator } = index.get(row.key)!;
      const state = saveStates[row.key]?.kind;
      const problem =
        state === "error" ||
        state === "conflict" ||
        hasProblem(row.key) ||
        (draft !== undefined && isDirty(indicator.kind, draft, figure) && Object.keys(rowErrors(indicator, row, grid.period.id, draft)).length > 0);
      return shows(row, { missing: figure === null, problem, mine: figure?.updatedByMe === true });
    },
    [current, drafts, saveStates, hasProblem, index, grid.period.id, shows],
  );

  const summary = summaryText(summarize(saveStates, dirtyKeys));

  return (
    <div>
      {lock.locked && (
        <LockedPeriodNotice
          canEditLocked={grid.canEditLocked}
          editing={lock.editing}
          onEditing={lock.setEditing}
          reason={lock.reason}
          onReason={lock.setReason}
          reasonOk={lock.reasonOk}
        />
      )}

      {conflicts.conflicts.length > 0 && (
        <ConflictPanel
          conflicts={conflicts.conflicts}
          index={index}
          drafts={drafts}
          onTakeTheirs={(c) => conflicts.takeTheirs(c, autosave)}
          onKeepMine={(c) => conflicts.keepMine(c, autosave)}
        />
      )}

      {grid.indicators.length === 0 ? (
        <p className="text-slate-700">Không có chỉ tiêu nào bạn được giao nhập trong kỳ này.</p>
      ) : (
        <>
          <EntryFilters
            filter={view.filter}
            search={view.search}
            onFilter={(f) => view.setFilter(f, view.search)}
            onSearch={(s) => view.setFilter(view.filter, s)}
          />
          <KeyboardHelp />
          {!autosave.online && (
            <p className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950" role="status">
              Đang ngoại tuyến: các dòng bạn nhập được giữ trong trình duyệt này (“chưa gửi (ngoại tuyến)”) và tự gửi khi có mạng lại.
            </p>
          )}
        </>
      )}

      {grid.indicators.map((indicator) => (
        <IndicatorTable
          key={indicator.id}
          indicator={indicator}
          periodId={grid.period.id}
          drafts={drafts}
          known={known}
          selected={batch.selected}
          serverErrors={errors.server}
          pasteErrors={errors.paste}
          saveStates={saveStates}
          shown={shown}
          readOnly={readOnly}
          onChange={onChange}
          onToggle={batch.toggle}
          onLeave={onLeave}
          onPaste={onPaste}
        />
      ))}

      {!readOnly && (
        <EntryActions
          onSave={batch.save}
          onSubmit={batch.submit}
          pending={batch.pending}
          summary={summary}
          selected={batch.selectedCount}
          submittable={batch.submittableCount}
        />
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
