import { describe, expect, it } from "vitest";
import { nextCell, tabStop, type CellContext, type GridShape } from "./grid-navigation";

/** 3 rows × 4 columns; column 0 (a checkbox) only on row 1. */
const shape: GridShape = { rows: 3, cols: 4, has: (r, c) => r >= 0 && r < 3 && c >= 0 && c < 4 && (c !== 0 || r === 1) };
const text: CellContext = { control: "text", editing: false };
const editing: CellContext = { control: "text", editing: true };

describe("moving between cells", () => {
  it("moves with the arrows and stays at the edges", () => {
    expect(nextCell(shape, { row: 0, col: 1 }, { key: "ArrowDown" }, text)).toEqual({ row: 1, col: 1 });
    expect(nextCell(shape, { row: 2, col: 1 }, { key: "ArrowDown" }, text)).toEqual({ row: 2, col: 1 });
    expect(nextCell(shape, { row: 0, col: 1 }, { key: "ArrowUp" }, text)).toEqual({ row: 0, col: 1 });
    expect(nextCell(shape, { row: 0, col: 1 }, { key: "ArrowRight" }, text)).toEqual({ row: 0, col: 2 });
    expect(nextCell(shape, { row: 0, col: 3 }, { key: "ArrowRight" }, text)).toEqual({ row: 0, col: 3 });
    // Row 0 has no cell in column 0: Left stays.
    expect(nextCell(shape, { row: 0, col: 1 }, { key: "ArrowLeft" }, text)).toEqual({ row: 0, col: 1 });
    expect(nextCell(shape, { row: 1, col: 1 }, { key: "ArrowLeft" }, text)).toEqual({ row: 1, col: 0 });
  });

  it("goes to the nearest cell of a row that lacks the column", () => {
    expect(nextCell(shape, { row: 1, col: 0 }, { key: "ArrowDown" }, text)).toEqual({ row: 2, col: 1 });
    expect(nextCell(shape, { row: 1, col: 0 }, { key: "ArrowUp" }, text)).toEqual({ row: 0, col: 1 });
  });

  it("moves down with Enter and up with Shift+Enter, but leaves Enter to links and checkboxes", () => {
    expect(nextCell(shape, { row: 0, col: 2 }, { key: "Enter" }, text)).toEqual({ row: 1, col: 2 });
    expect(nextCell(shape, { row: 1, col: 2 }, { key: "Enter", shiftKey: true }, text)).toEqual({ row: 0, col: 2 });
    expect(nextCell(shape, { row: 0, col: 2 }, { key: "Enter" }, { control: "select", editing: false })).toEqual({ row: 1, col: 2 });
    expect(nextCell(shape, { row: 0, col: 3 }, { key: "Enter" }, { control: "link", editing: false })).toBeNull();
    expect(nextCell(shape, { row: 1, col: 0 }, { key: "Enter" }, { control: "checkbox", editing: false })).toBeNull();
  });

  it("moves across with Tab, row after row, and lets focus leave past either end", () => {
    expect(nextCell(shape, { row: 0, col: 1 }, { key: "Tab" }, text)).toEqual({ row: 0, col: 2 });
    expect(nextCell(shape, { row: 0, col: 3 }, { key: "Tab" }, text)).toEqual({ row: 1, col: 0 });
    expect(nextCell(shape, { row: 1, col: 0 }, { key: "Tab", shiftKey: true }, text)).toEqual({ row: 0, col: 3 });
    expect(nextCell(shape, { row: 2, col: 3 }, { key: "Tab" }, text)).toBeNull();
    expect(nextCell(shape, { row: 0, col: 1 }, { key: "Tab", shiftKey: true }, text)).toBeNull();
  });

  it("keeps Left, Right, Home and End for the caret while a cell is being edited", () => {
    expect(nextCell(shape, { row: 0, col: 2 }, { key: "ArrowLeft" }, editing)).toBeNull();
    expect(nextCell(shape, { row: 0, col: 2 }, { key: "ArrowRight" }, editing)).toBeNull();
    expect(nextCell(shape, { row: 0, col: 2 }, { key: "Home" }, editing)).toBeNull();
    // Up, Down, Enter and Tab still move: the edit is kept, as in a spreadsheet.
    expect(nextCell(shape, { row: 0, col: 2 }, { key: "ArrowDown" }, editing)).toEqual({ row: 1, col: 2 });
    expect(nextCell(shape, { row: 0, col: 2 }, { key: "Enter" }, editing)).toEqual({ row: 1, col: 2 });
    expect(nextCell(shape, { row: 0, col: 2 }, { key: "Tab" }, editing)).toEqual({ row: 0, col: 3 });
  });

  it("goes to the row's ends with Home and End, to the grid's with Ctrl", () => {
    expect(nextCell(shape, { row: 1, col: 2 }, { key: "Home" }, text)).toEqual({ row: 1, col: 0 });
    expect(nextCell(shape, { row: 0, col: 2 }, { key: "Home" }, text)).toEqual({ row: 0, col: 1 });
    expect(nextCell(shape, { row: 0, col: 1 }, { key: "End" }, text)).toEqual({ row: 0, col: 3 });
    expect(nextCell(shape, { row: 1, col: 2 }, { key: "Home", ctrlKey: true }, editing)).toEqual({ row: 0, col: 1 });
    expect(nextCell(shape, { row: 0, col: 1 }, { key: "End", ctrlKey: true }, text)).toEqual({ row: 2, col: 3 });
  });

  it("leaves every other key, and Alt or Meta combinations, to the browser", () => {
    expect(nextCell(shape, { row: 0, col: 1 }, { key: "a" }, text)).toBeNull();
    expect(nextCell(shape, { row: 0, col: 1 }, { key: "ArrowDown", altKey: true }, { control: "select", editing: false })).toBeNull();
    expect(nextCell(shape, { row: 0, col: 1 }, { key: "ArrowRight", metaKey: true }, text)).toBeNull();
    expect(nextCell(shape, { row: 0, col: 1 }, { key: "ArrowRight", shiftKey: true }, text)).toBeNull();
  });
});

describe("the grid's one Tab stop", () => {
  it("is the remembered cell while it exists, else the first cell", () => {
    expect(tabStop(shape, null)).toEqual({ row: 0, col: 1 });
    expect(tabStop(shape, { row: 2, col: 2 })).toEqual({ row: 2, col: 2 });
    expect(tabStop(shape, { row: 0, col: 0 })).toEqual({ row: 0, col: 1 }); // no such cell
    expect(tabStop(shape, { row: 7, col: 1 })).toEqual({ row: 0, col: 1 }); // filtered away
    expect(tabStop({ rows: 0, cols: 4, has: () => false }, null)).toBeNull();
  });
});
