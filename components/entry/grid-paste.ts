/**
 * Pasting a block copied from a spreadsheet into the entry grid, without React
 * or the DOM. Excel and LibreOffice put a selection on the clipboard as text:
 * cells separated by tabs, rows by CRLF (Windows) or LF, a final line break
 * after the last row, and a cell holding a tab, line break or quote wrapped in
 * double quotes with its quotes doubled. parseClipboardTable reads that back
 * into rows of cells (rows may differ in length: a ragged block), planPaste
 * lays the block over the grid from the focused cell and lists the cells that
 * fall outside it, so they can be reported rather than dropped in silence.
 */

import { OBSERVATION_STATUSES, OBSERVATION_STATUS_LABELS, type ObservationStatus } from "@/lib/validations/figure";
import { isNumberField, type Draft, type Field, type FieldErrors } from "./entry-grid-model";

/** True when the text is more than one cell: it has a tab or a line break inside. */
export function isBlock(text: string): boolean {
  return /[\t\r\n]/.test(text.replace(/(\r\n|\r|\n)$/, ""));
}

/** Rows of cells, as a spreadsheet copied them; an empty clipboard is no rows. */
export function parseClipboardTable(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let i = 0;
  let atCellStart = true;
  const endCell = () => {
    row.push(cell);
    cell = "";
    atCellStart = true;
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (atCellStart && ch === '"') {
      // A quoted cell: up to the quote that is followed by a separator or the end.
      let j = i + 1;
      let quoted = "";
      let closed = false;
      while (j < text.length) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            quoted += '"';
            j += 2;
            continue;
          }
          const after = text[j + 1];
          if (after === undefined || after === "\t" || after === "\n" || after === "\r") {
            closed = true;
            break;
          }
        }
        quoted += text[j];
        j++;
      }
      if (closed) {
        cell = quoted;
        i = j + 1;
        atCellStart = false;
        continue;
      }
      // No closing quote: the quote was part of the text.
    }
    atCellStart = false;
    if (ch === "\t") {
      endCell();
      i++;
    } else if (ch === "\r" || ch === "\n") {
      endRow();
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      if (i >= text.length) return rows; // the spreadsheet's final line break ends the block
    } else {
      cell += ch;
      i++;
    }
  }
  if (text.length > 0) endRow();
  return rows;
}

export interface PasteWrite {
  /** Position in the grid. */
  row: number;
  col: number;
  text: string;
}

export interface PastePlan {
  writes: PasteWrite[];
  /** Non-empty cells of the block that fall beyond the grid's last row or column: not pasted. */
  outside: { blockRow: number; blockCol: number; text: string }[];
}

/** The block laid over a grid of rows × cols from `start`. */
export function planPaste(block: string[][], start: { row: number; col: number }, shape: { rows: number; cols: number }): PastePlan {
  const writes: PasteWrite[] = [];
  const outside: PastePlan["outside"] = [];
  block.forEach((cells, r) =>
    cells.forEach((text, c) => {
      const row = start.row + r;
      const col = start.col + c;
      if (row < shape.rows && col < shape.cols) writes.push({ row, col, text });
      else if (text.trim() !== "") outside.push({ blockRow: r, blockCol: c, text });
    }),
  );
  return { writes, outside };
}

/**
 * A pasted number as the grid's cells hold it: trimmed, without the spaces a
 * spreadsheet may group digits with ("1 200", no-break spaces). The text is
 * otherwise left as copied — "34,87" and "1.200" are read by the same schema
 * as typed input, and an unreadable cell gets its own message there.
 */
export function pastedNumber(text: string): string {
  const t = text.trim();
  return /^[-+\u2212]?[\d.,\s\u00a0\u202f]+$/.test(t) ? t.replace(/[\s\u00a0\u202f]/g, "") : t;
}

function fold(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").trim().toLowerCase();
}

/**
 * A pasted observation status: its Vietnamese or English label (accents
 * optional), its SDMX code (A / P / E) or its name in the database; null when
 * it is none of them. An empty cell means the default, Chính thức.
 */
export function pastedObservationStatus(text: string): ObservationStatus | null {
  const t = fold(text);
  if (t === "") return "NORMAL";
  for (const s of OBSERVATION_STATUSES) {
    const l = OBSERVATION_STATUS_LABELS[s];
    if ([fold(l.vi), fold(l.en), l.sdmx.toLowerCase(), s.toLowerCase()].includes(t)) return s;
  }
  return null;
}

/**
 * What a paste changes, row by row (keys of the rows the block covers), and
 * the cells it refuses with their own message (an unknown observation status:
 * the select cannot hold it). Numbers and texts are taken as pasted; the
 * schema judges them cell by cell like typed input.
 */
export function pasteEdits(
  plan: PastePlan,
  rowKeys: readonly string[],
  fields: readonly Field[],
): { edits: Map<string, Partial<Draft>>; refused: Record<string, FieldErrors> } {
  const edits = new Map<string, Partial<Draft>>();
  const refused: Record<string, FieldErrors> = {};
  for (const w of plan.writes) {
    const key = rowKeys[w.row];
    const field = fields[w.col];
    if (key === undefined || field === undefined) continue;
    const edit = edits.get(key) ?? {};
    if (field === "observationStatus") {
      const status = pastedObservationStatus(w.text);
      if (status) edit.observationStatus = status;
      else (refused[key] ??= {}).observationStatus = [PASTE_MESSAGES.observationStatus(w.text)];
    } else {
      edit[field] = isNumberField(field) ? pastedNumber(w.text) : w.text.trim();
    }
    edits.set(key, edit);
  }
  return { edits, refused };
}

export const PASTE_MESSAGES = {
  observationStatus: (text: string) =>
    `“${text.trim()}” không phải tình trạng số liệu; hãy dán ${OBSERVATION_STATUSES.map((s) => OBSERVATION_STATUS_LABELS[s].vi).join(", ")}.`,
  outside: (n: number, sample: string) =>
    `${n} ô của vùng dán nằm ngoài bảng và không được dán (ví dụ: “${sample}”). Hãy dán từ một ô cao hơn hoặc lọc bảng để hiện thêm dòng.`,
  readOnly: "Không dán được vào ô chỉ đọc.",
} as const;
