/**
 * The save state of each row of the entry grid (one row is one figure, saved
 * whole), its words for the eye and for screen readers, and the summary line.
 * Pure: the grid (entry-grid.tsx) sets the states, the tables draw them.
 */

export type SaveKind = "saving" | "saved" | "error" | "conflict" | "offline";

export interface SaveState {
  kind: SaveKind;
  /** Why, for an error: the server's or the schema's words. */
  message?: string;
}

/** Symbol and words: colour is never the only carrier of a state. */
export const SAVE_STATE_LABELS: Record<SaveKind, { symbol: string; text: string }> = {
  saving: { symbol: "⟳", text: "Đang lưu" },
  saved: { symbol: "✓", text: "Đã lưu" },
  error: { symbol: "⚠", text: "Lỗi" },
  conflict: { symbol: "⇄", text: "Xung đột" },
  offline: { symbol: "☁", text: "Chưa gửi (ngoại tuyến)" },
};

/** How long after leaving an edited cell its row is saved: typing on in the next cell does not wait for the server. */
export const AUTOSAVE_DELAY_MS = 600;

export interface SaveSummary {
  saving: number;
  saved: number;
  error: number;
  conflict: number;
  offline: number;
  /** Rows with edits that are not saved (nor saving, nor kept offline). */
  unsaved: number;
}

export function summarize(states: Record<string, SaveState | undefined>, dirtyKeys: readonly string[]): SaveSummary {
  const out: SaveSummary = { saving: 0, saved: 0, error: 0, conflict: 0, offline: 0, unsaved: 0 };
  for (const s of Object.values(states)) if (s) out[s.kind]++;
  for (const k of dirtyKeys) {
    const s = states[k]?.kind;
    if (s !== "saving" && s !== "offline" && s !== "conflict" && s !== "error") out.unsaved++;
  }
  return out;
}

/** "Đã lưu 3 · đang lưu 1 · 2 chưa gửi (ngoại tuyến)"; empty parts are left out. */
export function summaryText(s: SaveSummary): string {
  const parts = [
    s.saving > 0 && `đang lưu ${s.saving}`,
    s.saved > 0 && `đã lưu ${s.saved}`,
    s.unsaved > 0 && `${s.unsaved} dòng chưa lưu`,
    s.error > 0 && `${s.error} dòng lỗi`,
    s.conflict > 0 && `${s.conflict} xung đột`,
    s.offline > 0 && `${s.offline} chưa gửi (ngoại tuyến)`,
  ].filter((p): p is string => typeof p === "string");
  if (parts.length === 0) return "Chưa có thay đổi nào. Mỗi dòng được lưu tự động khi bạn rời ô vừa sửa.";
  const text = parts.join(" · ");
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}
