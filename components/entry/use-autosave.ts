"use client";
/**
 * The entry grid's per-row autosave and its offline queue, as a hook. A row is
 * one figure: leaving an edited cell schedules the row's save (debounced, so
 * moving on to the next cell is not held up); it goes through the same server
 * action as "Lưu nháp" (saveDraftsAction) — one row, validated, versioned,
 * audited, in one transaction, staff pages invalidated — and its state is kept
 * per row (grid-save.ts). Offline (the
 * browser says so, or the request fails to reach the server) the row is kept in
 * localStorage (offline-queue.ts) with the version the grid loaded, and sent
 * when the browser is back online, or on the next visit: a figure changed by
 * someone else meanwhile comes back as a conflict, as any save would.
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { EntryFigure, EntryGrid, EntryIndicator, EntryRow } from "@/lib/data/entry";
import type { FigureConflict, FigureSnapshot, RowProblem } from "@/lib/services/figures";
import { saveDraftsAction } from "@/lib/actions/figures";
import { isDirty, newer, problemField, reach, rowErrors, rowInput, settleDrafts, type Draft, type FieldErrors } from "./entry-grid-model";
import { AUTOSAVE_DELAY_MS, type SaveState } from "./grid-save";
import { dequeue, enqueue, readQueue, type KeyValueStore, type QueuedEntry } from "./offline-queue";

type Index = Map<string, { row: EntryRow; indicator: EntryIndicator }>;

/** What the grid holds now; read when a delayed save runs, not when it was scheduled. */
export interface GridNow {
  index: Index;
  drafts: Record<string, Draft>;
  known: Record<string, EntryFigure>;
  /** The reason for changing a locked period (null when open). */
  reason: string | null;
  /** False while writes are not possible (read-only, or a locked period's reason missing): rows wait. */
  writable: boolean;
}

export interface AutosaveHooks {
  grid: EntryGrid;
  now: () => GridNow;
  setDrafts: (update: (prev: Record<string, Draft>) => Record<string, Draft>) => void;
  remember: (figures: FigureSnapshot[], byMe: boolean) => void;
  /** A save was refused: someone else changed the figure since it was loaded (the message says so). */
  onConflict: (conflict: FigureConflict, message: string) => void;
  onServerErrors: (key: string, errors: FieldErrors | null) => void;
}

export const AUTOSAVE_MESSAGES = {
  invalid: "chưa lưu vì có ô không hợp lệ",
  reason: "cần nêu lý do sửa số liệu của kỳ đã khóa rồi bấm “Lưu nháp”",
  storage: "không giữ được trong trình duyệt (bộ nhớ đầy hoặc bị tắt); đừng đóng trang khi chưa có mạng",
} as const;

function subscribeOnline(notify: () => void): () => void {
  window.addEventListener("online", notify);
  window.addEventListener("offline", notify);
  return () => {
    window.removeEventListener("online", notify);
    window.removeEventListener("offline", notify);
  };
}

/** navigator.onLine, as state (true while rendering on the server). */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
}

function browserStore(): KeyValueStore | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function useAutosave(hooks: AutosaveHooks) {
  const { grid } = hooks;
  const [states, setStates] = useState<Record<string, SaveState>>({});
  const online = useOnline();
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const inFlight = useRef(new Set<string>());
  const again = useRef(new Set<string>());
  const latestHooks = useRef(hooks);
  useEffect(() => {
    latestHooks.current = hooks;
  });

  const setState = useCallback((key: string, state: SaveState | null) => {
    setStates((prev) => {
      if (state === null) {
        if (!(key in prev)) return prev;
        const next = { ...prev };
        delete next[key];
        return next;
      }
      return { ...prev, [key]: state };
    });
  }, []);

  /** Keeps the rows in the browser until they can be sent. */
  const keepOffline = useCallback(
    (rows: { key: string; draft: Draft; row: EntryRow }[]) => {
      const store = browserStore();
      for (const { key, draft, row } of rows) {
        const entry: QueuedEntry = {
          key,
          indicatorId: row.indicatorId,
          unitId: row.unitId,
          sectorId: row.sectorId,
          baseVersion: draft.baseVersion,
          numerator: draft.numerator,
          denominator: draft.denominator,
          value: draft.value,
          comment: draft.comment,
          observationStatus: draft.observationStatus,
          sourceDocument: draft.sourceDocument,
          queuedAt: new Date().toISOString(),
        };
        try {
          if (!store) throw new Error("no storage");
          enqueue(store, grid.userId, grid.period.id, entry);
          setState(key, { kind: "offline" });
        } catch {
          setState(key, { kind: "error", message: AUTOSAVE_MESSAGES.storage });
        }
      }
    },
    [grid.userId, grid.period.id, setState],
  );

  const sent = useCallback(
    (key: string) => {
      const store = browserStore();
      if (store) dequeue(store, grid.userId, grid.period.id, key);
    },
    [grid.userId, grid.period.id],
  );

  const saveOnce = useCallback(
    async (key: string): Promise<void> => {
      const h = latestHooks.current;
      const now = h.now();
      const entry = now.index.get(key);
      const draft = now.drafts[key];
      if (!entry || !draft) return;
      const figure = newer(entry.row.figure, now.known[key]);
      if (!isDirty(entry.indicator.kind, draft, figure)) {
        setState(key, null);
        sent(key);
        return;
      }
      if (Object.keys(rowErrors(entry.indicator, entry.row, grid.period.id, draft)).length > 0) {
        // Still typing in the same row (the numerator before the denominator): wait; otherwise say why.
        const active = typeof document === "undefined" ? null : document.activeElement;
        if (active instanceof HTMLElement && active.closest("tr")?.getAttribute("data-row-key") === key) return;
        setState(key, { kind: "error", message: AUTOSAVE_MESSAGES.invalid });
        return;
      }
      if (!now.writable) {
        setState(key, { kind: "error", message: AUTOSAVE_MESSAGES.reason });
        return;
      }
      if (!navigator.onLine) {
        keepOffline([{ key, draft, row: entry.row }]);
        return;
      }
      inFlight.current.add(key);
      setState(key, { kind: "saving" });
      const result = await reach(() =>
        saveDraftsAction({ periodId: grid.period.id, rows: [rowInput(entry.indicator, entry.row, grid.period.id, draft)], reason: now.reason }),
      );
      inFlight.current.delete(key);
      const after = latestHooks.current;
      if (result.ok) {
        after.remember(result.data.saved, true);
        const version = result.data.saved[0]?.version ?? draft.baseVersion;
        after.setDrafts((prev) => settleDrafts(prev, [{ key, draft }], new Map([[key, version]])));
        after.onServerErrors(key, null);
        sent(key);
        setState(key, { kind: "saved" });
      } else if (result.code === "CONFLICT") {
        const conflict = (result.details as { conflicts?: FigureConflict[] } | undefined)?.conflicts?.[0];
        sent(key);
        if (conflict) after.onConflict(conflict, result.error);
        setState(key, { kind: "conflict" });
      } else if (result.code === "NETWORK") {
        keepOffline([{ key, draft, row: entry.row }]);
      } else if (result.code === "INVALID_FIGURE") {
        const problems = (result.details as { problems?: RowProblem[] } | undefined)?.problems ?? [];
        const errors: FieldErrors = {};
        for (const p of problems) (errors[problemField(p, entry.indicator.kind)] ??= []).push(p.message);
        after.onServerErrors(key, errors);
        setState(key, { kind: "error", message: result.error });
      } else {
        setState(key, { kind: "error", message: result.error });
      }
    },
    [grid.period.id, keepOffline, sent, setState],
  );

  /** Saves the row now; a row already being saved is saved again once that save has answered. */
  const run = useCallback(
    async (key: string): Promise<void> => {
      if (inFlight.current.has(key)) {
        again.current.add(key);
        return;
      }
      do await saveOnce(key);
      while (again.current.delete(key));
    },
    [saveOnce],
  );

  /** Saves the row a moment after its edited cell was left. */
  const schedule = useCallback(
    (key: string) => {
      const t = timers.current.get(key);
      if (t !== undefined) clearTimeout(t);
      timers.current.set(
        key,
        setTimeout(() => {
          timers.current.delete(key);
          void run(key);
        }, AUTOSAVE_DELAY_MS),
      );
    },
    [run],
  );

  /** Forgets a row's pending save and state ("Lưu nháp" sends it, or the user took the other value). */
  const cancel = useCallback(
    (key: string, keepState = false) => {
      const t = timers.current.get(key);
      if (t !== undefined) clearTimeout(t);
      timers.current.delete(key);
      if (!keepState) setState(key, null);
    },
    [setState],
  );

  const isSaving = useCallback((key: string) => inFlight.current.has(key), []);

  /** Sends what the browser kept: restores it into the grid first (another visit), then saves row by row. */
  const flush = useCallback(async () => {
    const store = browserStore();
    if (!store) return;
    const h = latestHooks.current;
    const queued = readQueue(store, grid.userId, grid.period.id);
    const index = h.now().index;
    const here = queued.filter((e) => index.has(e.key));
    if (here.length === 0) return;
    h.setDrafts((prev) => {
      const next = { ...prev };
      for (const e of here) {
        next[e.key] ??= {
          numerator: e.numerator,
          denominator: e.denominator,
          value: e.value,
          comment: e.comment,
          observationStatus: e.observationStatus,
          sourceDocument: e.sourceDocument,
          baseVersion: e.baseVersion,
        };
      }
      return next;
    });
    for (const e of here) setState(e.key, { kind: "offline" });
    if (!navigator.onLine) return;
    // Let the restored drafts render before they are read back.
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (const e of here) await run(e.key);
  }, [grid.userId, grid.period.id, run, setState]);

  // On arrival (entries kept by an earlier visit) and whenever the browser is back online.
  useEffect(() => {
    const t = setTimeout(() => void flush(), 0);
    return () => clearTimeout(t);
  }, [online, flush]);

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const t of pending.values()) clearTimeout(t);
    };
  }, []);

  return { states, online, schedule, cancel, isSaving, keepOffline, setState, sent };
}
