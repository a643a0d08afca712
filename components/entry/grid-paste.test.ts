import { describe, expect, it } from "vitest";
import { parseLocaleNumber } from "@/lib/format/number";
import { isBlock, parseClipboardTable, pasteEdits, pastedNumber, pastedObservationStatus, planPaste } from "./grid-paste";

describe("reading a block copied from a spreadsheet", () => {
  it("reads Excel's CRLF rows and tab cells, without the final line break", () => {
    expect(parseClipboardTable("812\t1200\r\n640\t990442\r\n")).toEqual([
      ["812", "1200"],
      ["640", "990442"],
    ]);
  });

  it("reads LibreOffice's LF rows, and a block without a final line break", () => {
    expect(parseClipboardTable("812\t1.200\n640\t990.442\n")).toEqual([
      ["812", "1.200"],
      ["640", "990.442"],
    ]);
    expect(parseClipboardTable("1\t2\n3\t4")).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
  });

  it("keeps ragged rows and empty cells as they are", () => {
    expect(parseClipboardTable("1\t2\t3\n4\n\t6\n")).toEqual([["1", "2", "3"], ["4"], ["", "6"]]);
    expect(parseClipboardTable("1\n\n3\n")).toEqual([["1"], [""], ["3"]]);
  });

  it("reads quoted cells holding line breaks, tabs and doubled quotes", () => {
    expect(parseClipboardTable('"Báo cáo\nsố 45"\t"a\tb"\r\n"nói ""có"""\tx\r\n')).toEqual([
      ["Báo cáo\nsố 45", "a\tb"],
      ['nói "có"', "x"],
    ]);
    // A quote that does not close a cell is text.
    expect(parseClipboardTable('"12\t3\n')).toEqual([['"12', "3"]]);
  });

  it("tells a block from a single value", () => {
    expect(isBlock("812\t1200\r\n640\t990442\r\n")).toBe(true);
    expect(isBlock("812\n640")).toBe(true);
    expect(isBlock("34,87\r\n")).toBe(false); // one cell copied from Excel
    expect(isBlock("34,87")).toBe(false);
    expect(parseClipboardTable("")).toEqual([]);
  });
});

describe("laying a block over the grid", () => {
  it("fills from the focused cell and reports the cells beyond the grid", () => {
    const block = parseClipboardTable("1\t2\t3\n4\t5\t6\n7\t8\t9\n");
    const plan = planPaste(block, { row: 1, col: 2 }, { rows: 3, cols: 4 });
    expect(plan.writes).toEqual([
      { row: 1, col: 2, text: "1" },
      { row: 1, col: 3, text: "2" },
      { row: 2, col: 2, text: "4" },
      { row: 2, col: 3, text: "5" },
    ]);
    expect(plan.outside.map((o) => o.text)).toEqual(["3", "6", "7", "8", "9"]);
  });

  it("does not count empty cells beyond the grid as lost", () => {
    const plan = planPaste([["1", ""], ["", ""]], { row: 0, col: 0 }, { rows: 1, cols: 1 });
    expect(plan.writes).toEqual([{ row: 0, col: 0, text: "1" }]);
    expect(plan.outside).toEqual([]);
  });

  it("fills a ragged block cell by cell", () => {
    const plan = planPaste([["1", "2"], ["3"]], { row: 0, col: 0 }, { rows: 5, cols: 5 });
    expect(plan.writes).toEqual([
      { row: 0, col: 0, text: "1" },
      { row: 0, col: 1, text: "2" },
      { row: 1, col: 0, text: "3" },
    ]);
  });
});

describe("pasted values", () => {
  it("keeps Vietnamese decimals and thousands for the schema, dropping grouping spaces", () => {
    expect(pastedNumber(" 34,87 ")).toBe("34,87");
    expect(pastedNumber("1.200")).toBe("1.200");
    expect(pastedNumber("1 200")).toBe("1200");
    expect(pastedNumber("1\u00a0200,5")).toBe("1200,5");
    expect(pastedNumber("abc 1")).toBe("abc 1");
    // … which the grid's number reader takes as a Vietnamese user means them.
    expect(parseLocaleNumber(pastedNumber("34,87"))).toBe(34.87);
    expect(parseLocaleNumber(pastedNumber("1.200"))).toBe(1200);
    expect(parseLocaleNumber(pastedNumber("990.442"))).toBe(990442);
    expect(parseLocaleNumber(pastedNumber("1.234.567,5"))).toBe(1234567.5);
  });

  it("reads an observation status by label, accents optional, or code", () => {
    expect(pastedObservationStatus("Sơ bộ")).toBe("PROVISIONAL");
    expect(pastedObservationStatus("so bo")).toBe("PROVISIONAL");
    expect(pastedObservationStatus("Ước tính")).toBe("ESTIMATED");
    expect(pastedObservationStatus("E")).toBe("ESTIMATED");
    expect(pastedObservationStatus("Normal")).toBe("NORMAL");
    expect(pastedObservationStatus("")).toBe("NORMAL");
    expect(pastedObservationStatus("chắc chắn")).toBeNull();
  });
});

describe("what a paste changes", () => {
  it("maps the block onto the rows' fields, refusing an unknown status on its own cell", () => {
    const fields = ["numerator", "denominator", "comment", "observationStatus", "sourceDocument"] as const;
    const plan = planPaste(parseClipboardTable("1 200\t2.000\t ghi chú \tSơ bộ\r\nabc\t34,87\t\tchắc chắn\r\n"), { row: 0, col: 0 }, { rows: 2, cols: 5 });
    const { edits, refused } = pasteEdits(plan, ["a", "b"], [...fields]);
    expect(edits.get("a")).toEqual({ numerator: "1200", denominator: "2.000", comment: "ghi chú", observationStatus: "PROVISIONAL" });
    expect(edits.get("b")).toEqual({ numerator: "abc", denominator: "34,87", comment: "" });
    expect(refused).toEqual({ b: { observationStatus: [expect.stringContaining("“chắc chắn” không phải tình trạng số liệu")] } });
  });
});
