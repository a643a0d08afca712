"use client";
/**
 * The quarterly data-entry grid: one table per indicator, one row per unit
 * (× sector), used like a spreadsheet (ADR 029). Each row is saved on its own
 * a moment after an edited cell is left (use-autosave.ts), or all at once with
 * "Lưu nháp"; each row remembers the version it was read at, so a save over
 * someone else's change is refused and shown as a conflict, never applied
 * silently. Cells are checked while typing with the same schema the server
 * uses. This file holds the state and the actions; the model is
 * entry-grid-model.ts, the keys grid-navigation.ts, pasting grid-paste.ts, the
 * rows shown grid-filter.ts, the tables entry-tables.tsx.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from "react";
import type { EntryFigure, EntryGrid as EntryGridData, EntryIndicator, EntryRow } from "@/lib/data/entry";
import type { FigureConflict, FigureSnapshot, RowProblem } from "@/lib/services/figures";
import { saveDraftsAction, submitFiguresAction } from "@/lib/actions/figures";
import { MIN_LOCKED_REASON, type EntryFilter } from "@/lib/validations/figure";
import {
  draftFrom,
  isDirty,
  keyOf,
  newer,
  pasteFields,
  reach,
  rowInput,
  rowErrors,
  toEntryFigure,
  type Draft,
  type Field,
  type FieldErrors,
  type Notice,
} from "./entry-grid-model";
import { ConflictPanel, IndicatorTable, KeyboardHelp, type PasteRequest } from "./entry-tables";
import { EntryActions, LockedPeriodNotice } from "./entry-bars";
import { EntryFilters } from "./entry-filters";
import { rowShown, withFilter } from "./grid-filter";
import { parseClipboardTable, pasteEdits, planPaste, PASTE_MESSAGES } from "./grid-paste";
import { summarize, summaryText } from "./grid-save";
import { useAutosave } from "./use-autosave";

export function EntryGrid({ grid, filter: initialFilter, search: initialSearch = "" }: { grid: EntryGridData; filter?: EntryFilter; search?: string }) {
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [known, setKnown] = useState<Record<string, EntryFigure>>({});
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [serverErrors, setServerErrors] = useState<Record<string, FieldErrors>>({});
  const [pasteErrors, setPasteErrors] = useState<Record<string, FieldErrors>>({});
  const [conflicts, setConflicts] = useState<FigureConflict[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [lockedEdit, setLockedEdit] = useState(false);
  const [reason, setReason] = useState("");
  const [view, setView] = useState<{ filter: EntryFilter | undefined; search: string; touched: ReadonlySet<string> }>({
    filter: initialFilter,
    search: initialSearch,
    touched: new Set(),
  });
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

  const remember = useCallback(
    (figures: FigureSnapshot[], byMe: boolean) =>
      setKnown((prev) => {
        const next = { ...prev };
        for (const s of figures) next[keyOf(s)] = toEntryFigure(s, byMe);
        return next;
      }),
    [],
  );

  // What a delayed save reads when it runs: the state of the latest render.
  const now = useRef({ index, drafts, known, reason: locked ? reason : null, writable: !readOnly && reasonOk });
  useEffect(() => {
    now.current = { index, drafts, known, reason: locked ? reason : null, writable: !readOnly && reasonOk };
  });

  const autosave = useAutosave({
    grid,
    now: () => now.current,
    setDrafts,
    remember,
    onConflict: (c, message) => {
      setConflicts((prev) => [...prev.filter((x) => keyOf(x) !== keyOf(c)), c]);
      setNotice({ kind: "error", text: message });
    },
    onServerErrors: (key, errors) =>
      setServerErrors((prev) => {
        if (errors === null && !prev[key]) return prev;
        const next = { ...prev };
        if (errors === null) delete next[key];
        else next[key] = errors;
        return next;
      }),
  });
  const saveStates = autosave.states;

  const dirtyKeys = useMemo(
    () => Object.keys(drafts).filter((key) => {
      const entry = index.get(key);
      return entry !== undefined && isDirty(entry.indicator.kind, drafts[key], current(key));
    }),
    [drafts, index, current],
  );
  const dirtyCount = dirtyKeys.length;
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

  const touch = useCallback((keys: string[]) => {
    setView((prev) => (keys.every((k) => prev.touched.has(k)) ? prev : { ...prev, touched: new Set([...prev.touched, ...keys]) }));
  }, []);

  const clearErrors = useCallback((key: string, field: Field) => {
    const drop = (prev: Record<string, FieldErrors>) => {
      if (!prev[key]) return prev;
      const next = { ...prev };
      delete next[key];
      return next;
    };
    setServerErrors(drop);
    setPasteErrors((prev) => {
      if (!prev[key]?.[field]) return prev;
      const rest = { ...prev[key] };
      delete rest[field];
      return { ...prev, [key]: rest };
    });
  }, []);

  const onChange = useCallback(
    (key: string, field: Field, text: string) => {
      setDrafts((prev) => {
        const base = prev[key] ?? draftFrom(newer(index.get(key)?.row.figure ?? null, known[key]));
        return { ...prev, [key]: { ...base, [field]: text } };
      });
      clearErrors(key, field);
      touch([key]);
    },
    [index, known, clearErrors, touch],
  );

  const { schedule } = autosave;
  const onLeave = useCallback((key: string) => schedule(key), [schedule]);

  const onToggle = useCallback((key: string, on: boolean) => {
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);

  /** A block from a spreadsheet, laid over the rows shown from the focused cell; each cell checked on its own. */
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
      setServerErrors((prev) => {
        const next = { ...prev };
        for (const key of edits.keys()) delete next[key];
        return next;
      });
      setPasteErrors((prev) => {
        const next = { ...prev };
        for (const key of edits.keys()) delete next[key];
        return { ...next, ...refused };
      });
      touch([...edits.keys()]);
      for (const key of edits.keys()) schedule(key);
      const cells = plan.writes.length;
      if (plan.outside.length > 0) {
        setNotice({ kind: "error", text: `Đã dán ${cells} ô. ${PASTE_MESSAGES.outside(plan.outside.length, plan.outside[0]!.text)}` });
      } else {
        setNotice({ kind: "success", text: `Đã dán ${cells} ô vào ${edits.size} dòng.` });
      }
    },
    [readOnly, index, known, touch, schedule],
  );

  function save() {
    setNotice(null);
    // Rows being saved by autosave right now are already on their way.
    const keys = dirtyKeys.filter((k) => !autosave.isSaving(k));
    if (keys.length === 0) {
      setNotice({ kind: "error", text: dirtyCount > 0 ? "Các thay đổi đang được lưu tự động." : "Không có thay đổi nào để lưu." });
      return;
    }
    if (!reasonOk) {
      setNotice({ kind: "error", text: `Vui lòng nêu lý do sửa số liệu của kỳ đã khóa (ít nhất ${MIN_LOCKED_REASON} ký tự).` });
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
          reason: locked ? reason : null,
        }),
      );
      if (result.ok) {
        remember(result.data.saved, true);
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
        for (const { key } of sent) {
          autosave.setState(key, { kind: "saved" });
          autosave.sent(key);
        }
        setConflicts([]);
        const n = result.data.saved.length;
        setNotice({ kind: "success", text: n > 0 ? `Đã lưu nháp ${n} số liệu.` : "Không có thay đổi nào cần lưu." });
        return;
      }
      if (result.code === "NETWORK") {
        autosave.keepOffline(sent);
      } else if (result.code === "CONFLICT") {
        const list = (result.details as { conflicts?: FigureConflict[] } | undefined)?.conflicts ?? [];
        setConflicts(list);
        const stale = new Set(list.map(keyOf));
        for (const { key } of sent) autosave.setState(key, stale.has(key) ? { kind: "conflict" } : null);
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
        for (const { key } of sent) autosave.setState(key, errors[key] ? { kind: "error", message: result.error } : null);
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
  const submitKeys = selectedSubmittable.length > 0 ? selectedSubmittable : allSubmittable;

  function submit() {
    setNotice(null);
    if (dirtyCount > 0) {
      setNotice({ kind: "error", text: "Có thay đổi chưa lưu. Hãy đợi lưu tự động xong hoặc bấm “Lưu nháp” trước khi gửi duyệt." });
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
        remember(result.data.submitted, true);
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
    if (c.current) remember([c.current], false);
    autosave.cancel(key);
    autosave.sent(key);
    setDrafts((prev) => {
      const next = { ...prev };
      delete next[key];
      return next;
    });
    setConflicts((prev) => prev.filter((x) => x !== c));
  }

  /** Keep my edit, now knowingly based on the current version: saved again at once. */
  function keepMine(c: FigureConflict) {
    const key = keyOf(c);
    if (c.current) remember([c.current], false);
    setDrafts((prev) => {
      const mine = prev[key];
      return mine ? { ...prev, [key]: { ...mine, baseVersion: c.current?.version ?? 0 } } : prev;
    });
    setConflicts((prev) => prev.filter((x) => x !== c));
    autosave.setState(key, null);
    schedule(key);
  }

  const setFilter = (filter: EntryFilter | undefined, search: string) => {
    setView({ filter, search, touched: new Set() });
    window.history.replaceState(window.history.state, "", withFilter(window.location.href, filter, search));
  };

  const shown = useCallback(
    (row: EntryRow) => {
      const figure = current(row.key);
      const draft = drafts[row.key];
      const problem =
        saveStates[row.key]?.kind === "error" ||
        saveStates[row.key]?.kind === "conflict" ||
        serverErrors[row.key] !== undefined ||
        Object.keys(pasteErrors[row.key] ?? {}).length > 0 ||
        (draft !== undefined && isDirty(index.get(row.key)!.indicator.kind, draft, figure) && Object.keys(rowErrors(index.get(row.key)!.indicator, row, grid.period.id, draft)).length > 0);
      return rowShown(
        {
          label: row.sectorName ? `${row.unitName} ${row.sectorName}` : row.unitName,
          missing: figure === null,
          problem,
          mine: figure?.updatedByMe === true,
          touched: view.touched.has(row.key),
        },
        view.filter,
        view.search,
      );
    },
    [current, drafts, saveStates, serverErrors, pasteErrors, index, grid.period.id, view],
  );

  const summary = summaryText(summarize(saveStates, dirtyKeys));

  return (
    <div>
      {locked && (
        <LockedPeriodNotice
          canEditLocked={grid.canEditLocked}
          editing={lockedEdit}
          onEditing={setLockedEdit}
          reason={reason}
          onReason={setReason}
          reasonOk={reasonOk}
        />
      )}

      {conflicts.length > 0 && (
        <ConflictPanel conflicts={conflicts} index={index} drafts={drafts} onTakeTheirs={takeTheirs} onKeepMine={keepMine} />
      )}

      {grid.indicators.length === 0 ? (
        <p className="text-slate-700">Không có chỉ tiêu nào bạn được giao nhập trong kỳ này.</p>
      ) : (
        <>
          <EntryFilters
            filter={view.filter}
            search={view.search}
            onFilter={(f) => setFilter(f, view.search)}
            onSearch={(s) => setFilter(view.filter, s)}
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
          selected={selected}
          serverErrors={serverErrors}
          pasteErrors={pasteErrors}
          saveStates={saveStates}
          shown={shown}
          readOnly={readOnly}
          onChange={onChange}
          onToggle={onToggle}
          onLeave={onLeave}
          onPaste={onPaste}
        />
      ))}

      {!readOnly && (
        <EntryActions
          onSave={save}
          onSubmit={submit}
          pending={pending}
          summary={summary}
          selected={selectedSubmittable.length}
          submittable={allSubmittable.length}
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
