"use client";
/**
 * The messages on the entry grid's cells that the browser's own check does not
 * make: the server's refusals of a save (per row, replaced by each answer) and
 * the cells a paste could not take (per cell, until the cell is typed in again).
 */
import { useCallback, useState } from "react";
import type { Field, FieldErrors } from "./entry-grid-model";

type ByRow = Record<string, FieldErrors>;

function without(prev: ByRow, keys: Iterable<string>): ByRow {
  let next: ByRow | null = null;
  for (const key of keys) {
    if (!(key in prev)) continue;
    next ??= { ...prev };
    delete next[key];
  }
  return next ?? prev;
}

export function useFieldErrors() {
  const [server, setServer] = useState<ByRow>({});
  const [paste, setPaste] = useState<ByRow>({});

  /** The server's answer for one row: its messages, or none (saved). */
  const setRow = useCallback((key: string, errors: FieldErrors | null) => {
    setServer((prev) => (errors === null ? without(prev, [key]) : { ...prev, [key]: errors }));
  }, []);

  /** A cell typed in: the row's server messages are stale, and so is the cell's paste message. */
  const clear = useCallback((key: string, field: Field) => {
    setServer((prev) => without(prev, [key]));
    setPaste((prev) => {
      if (!prev[key]?.[field]) return prev;
      const rest = { ...prev[key] };
      delete rest[field];
      return { ...prev, [key]: rest };
    });
  }, []);

  /** A block pasted over these rows: their old messages go, the cells it refused get theirs. */
  const pasted = useCallback((keys: Iterable<string>, refused: ByRow) => {
    const rows = [...keys];
    setServer((prev) => without(prev, rows));
    setPaste((prev) => ({ ...without(prev, rows), ...refused }));
  }, []);

  const hasProblem = useCallback(
    (key: string) => server[key] !== undefined || Object.keys(paste[key] ?? {}).length > 0,
    [server, paste],
  );

  return { server, paste, setRow, setAll: setServer, clear, pasted, hasProblem };
}
