"use client";
/**
 * The saves refused because someone else changed the figure since it was
 * loaded, and the two ways out the conflict panel offers: take their value
 * (my edit is dropped) or keep mine (saved again, now knowingly over theirs).
 */
import { useCallback, useState } from "react";
import type { FigureConflict, FigureSnapshot } from "@/lib/services/figures";
import { keyOf, type Draft } from "./entry-grid-model";
import type { useAutosave } from "./use-autosave";

type Autosave = Pick<ReturnType<typeof useAutosave>, "cancel" | "sent" | "setState" | "schedule">;

export interface ConflictHooks {
  remember: (figures: FigureSnapshot[], byMe: boolean) => void;
  setDrafts: (update: (prev: Record<string, Draft>) => Record<string, Draft>) => void;
}

export function useConflicts({ remember, setDrafts }: ConflictHooks) {
  const [conflicts, setConflicts] = useState<FigureConflict[]>([]);

  /** One more refused row (a newer conflict on the same row replaces the older). */
  const add = useCallback((c: FigureConflict) => {
    setConflicts((prev) => [...prev.filter((x) => keyOf(x) !== keyOf(c)), c]);
  }, []);

  /** Drop my edit of the row and show the current figure. */
  const takeTheirs = useCallback(
    (c: FigureConflict, autosave: Autosave) => {
      const key = keyOf(c);
      if (c.current) remember([c.current], false);
      autosave.cancel(key);
      autosave.sent(key);
      setDrafts((prev) => {
        if (!(key in prev)) return prev;
        const next = { ...prev };
        delete next[key];
        return next;
      });
      setConflicts((prev) => prev.filter((x) => x !== c));
    },
    [remember, setDrafts],
  );

  /** Keep my edit, now knowingly based on the current version: saved again at once. */
  const keepMine = useCallback(
    (c: FigureConflict, autosave: Autosave) => {
      const key = keyOf(c);
      if (c.current) remember([c.current], false);
      setDrafts((prev) => {
        const mine = prev[key];
        return mine ? { ...prev, [key]: { ...mine, baseVersion: c.current?.version ?? 0 } } : prev;
      });
      setConflicts((prev) => prev.filter((x) => x !== c));
      autosave.setState(key, null);
      autosave.schedule(key);
    },
    [remember, setDrafts],
  );

  return { conflicts, add, replace: setConflicts, takeTheirs, keepMine };
}
