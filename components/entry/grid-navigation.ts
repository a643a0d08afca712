/**
 * Moving between the entry grid's cells with the keyboard, without React or
 * the DOM: given where focus is and the key pressed, where it goes next (or
 * null: not a grid move, the browser does what it always does).
 *
 * Spreadsheet behaviour (Excel, LibreOffice, DHIS2's data entry): arrows move
 * between cells; Enter moves down and Shift+Enter up; Tab and Shift+Tab move
 * across, row after row, and leave the grid past its first or last cell; Home
 * and End go to the row's first or last cell, with Ctrl to the grid's. A cell
 * being edited (F2, or a click into its text) keeps Left, Right, Home and End
 * for the caret; typing into a cell reached by the keyboard does not.
 */

export interface CellPos {
  row: number;
  col: number;
}

/** The grid as navigation sees it: rows × columns, some cells absent (a row without a checkbox). */
export interface GridShape {
  rows: number;
  cols: number;
  has(row: number, col: number): boolean;
}

/** What kind of control the focused cell holds: Enter and Space mean different things to each. */
export type CellControl = "text" | "select" | "checkbox" | "link";

export interface GridKey {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

export interface CellContext {
  control: CellControl;
  /** The caret belongs to the text (F2 or a click): Left/Right/Home/End edit, they do not move. */
  editing: boolean;
}

function firstInRow(shape: GridShape, row: number, from: number, step: 1 | -1): number | null {
  for (let c = from; c >= 0 && c < shape.cols; c += step) if (shape.has(row, c)) return c;
  return null;
}

/** The cell of `row` nearest to column `col` (the same column when it exists). */
function nearestInRow(shape: GridShape, row: number, col: number): number | null {
  for (let d = 0; d < shape.cols; d++) {
    if (col - d >= 0 && shape.has(row, col - d)) return col - d;
    if (col + d < shape.cols && shape.has(row, col + d)) return col + d;
  }
  return null;
}

function vertical(shape: GridShape, pos: CellPos, step: 1 | -1): CellPos {
  for (let r = pos.row + step; r >= 0 && r < shape.rows; r += step) {
    const c = nearestInRow(shape, r, pos.col);
    if (c !== null) return { row: r, col: c };
  }
  return pos; // at the edge: stay (and keep the key from changing a select)
}

function horizontal(shape: GridShape, pos: CellPos, step: 1 | -1): CellPos {
  return { row: pos.row, col: firstInRow(shape, pos.row, pos.col + step, step) ?? pos.col };
}

/** The next cell in reading order (Tab), or null past the grid's end. */
function across(shape: GridShape, pos: CellPos, step: 1 | -1): CellPos | null {
  let { row } = pos;
  let col: number | null = firstInRow(shape, row, pos.col + step, step);
  while (col === null) {
    row += step;
    if (row < 0 || row >= shape.rows) return null;
    col = firstInRow(shape, row, step === 1 ? 0 : shape.cols - 1, step);
  }
  return { row, col };
}

function corner(shape: GridShape, last: boolean): CellPos | null {
  const step = last ? -1 : 1;
  for (let r = last ? shape.rows - 1 : 0; r >= 0 && r < shape.rows; r += step) {
    const c = firstInRow(shape, r, last ? shape.cols - 1 : 0, step);
    if (c !== null) return { row: r, col: c };
  }
  return null;
}

/** Where a key sends focus from `pos`; null when the key is not the grid's to handle. */
export function nextCell(shape: GridShape, pos: CellPos, key: GridKey, cell: CellContext): CellPos | null {
  if (key.altKey || key.metaKey) return null; // Alt+Down opens a select; Cmd+… is the system's
  const ctrl = key.ctrlKey === true;
  const shift = key.shiftKey === true;
  switch (key.key) {
    case "ArrowDown":
    case "ArrowUp":
      if (ctrl) return null;
      return vertical(shape, pos, key.key === "ArrowDown" ? 1 : -1);
    case "ArrowLeft":
    case "ArrowRight":
      if (ctrl || shift || cell.editing) return null;
      return horizontal(shape, pos, key.key === "ArrowRight" ? 1 : -1);
    case "Enter":
      // A checkbox or link keeps Enter (a link follows it); text and selects move like a spreadsheet.
      if (cell.control === "link" || cell.control === "checkbox" || ctrl) return null;
      return vertical(shape, pos, shift ? -1 : 1);
    case "Tab":
      if (ctrl) return null;
      return across(shape, pos, shift ? -1 : 1);
    case "Home":
    case "End": {
      const last = key.key === "End";
      if (ctrl) return corner(shape, last);
      if (cell.editing || shift) return null;
      const c = firstInRow(shape, pos.row, last ? shape.cols - 1 : 0, last ? -1 : 1);
      return c === null ? null : { row: pos.row, col: c };
    }
    default:
      return null;
  }
}

/** The cell that holds the grid's one Tab stop: the remembered one while it exists, else the first. */
export function tabStop(shape: GridShape, remembered: CellPos | null): CellPos | null {
  if (remembered && remembered.row < shape.rows && remembered.col < shape.cols && shape.has(remembered.row, remembered.col)) return remembered;
  return corner(shape, false);
}
