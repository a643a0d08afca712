"use client";
/**
 * Editing a locked period: only for those allowed (grid.canEditLocked), after
 * choosing to, and with a reason of at least MIN_LOCKED_REASON characters that
 * goes with every write (audited).
 */
import { useState } from "react";
import type { EntryGrid } from "@/lib/data/entry";
import { MIN_LOCKED_REASON } from "@/lib/validations/figure";

export function useLockedEdit(grid: EntryGrid) {
  const [editing, setEditing] = useState(false);
  const [reason, setReason] = useState("");
  const locked = grid.period.status === "LOCKED";
  const reasonOk = !locked || reason.trim().length >= MIN_LOCKED_REASON;
  return {
    locked,
    editing,
    setEditing,
    reason,
    setReason,
    reasonOk,
    readOnly: locked && !(grid.canEditLocked && editing),
    /** What a write sends: the reason in a locked period, nothing in an open one. */
    sentReason: locked ? reason : null,
  };
}

export const LOCKED_REASON_MISSING = `Vui lòng nêu lý do sửa số liệu của kỳ đã khóa (ít nhất ${MIN_LOCKED_REASON} ký tự).`;
