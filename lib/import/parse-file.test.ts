import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { figureRowSchema } from "@/lib/validations/figure";
import { DATA_SHEET, IMPORT_COLUMNS, IMPORT_LIMITS } from "./columns";
import { parseImportFile } from "./parse-file";
import { buildCsvTemplate, buildXlsxTemplate, type TemplateData } from "./template";

const HEADERS = IMPORT_COLUMNS.map((c) => c.header);
const enc = new TextEncoder();

const ROW: TemplateData["rows"][number] = {
  indicatorCode: "EDOSSIER_RATE",
  indicatorName: "Tỷ lệ hồ sơ",
  unitCode: "19",
  unitName: "Tỉnh Thái Nguyên",
  level: "Tỉnh",
  sectorCode: null,
  period: "2026-Q4",
  numerator: 1650,
  denominator: 2000,
  value: null,
  measure: "%",
  comment: "Đã rà soát",
  version: 3,
  status: "Bản nháp",
};

function template(rows = [ROW]): TemplateData {
  return { periodKey: "2026-Q4", periodLabel: "Quý IV/2026", generatedAt: new Date("2026-11-28T08:00:00Z"), actorName: "Cán bộ", rows };
}

/** A workbook with the data sheet as given: header row then rows of raw cell values. */
async function xlsx(rows: ExcelJS.CellValue[][], edit?: (sheet: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void, sheetName = DATA_SHEET): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(sheetName);
  for (const r of rows) sheet.addRow(r);
  edit?.(sheet, wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const line = (values: Record<string, unknown>) => HEADERS.map((h) => values[h] ?? null) as ExcelJS.CellValue[];
const dataRow = (over: Record<string, unknown> = {}) =>
  line({ "Mã chỉ tiêu": "EDOSSIER_RATE", "Mã đơn vị": "19", "Kỳ báo cáo": "2026-Q4", "Tử số": 1650, "Mẫu số": 2000, "Phiên bản": 3, ...over });

describe("parseImportFile: xlsx", () => {
  it("reads the template it writes back, cell for cell", async () => {
    const parsed = await parseImportFile("mau.xlsx", await buildXlsxTemplate(template()));
    expect(parsed.errors).toEqual([]);
    expect(parsed.format).toBe("xlsx");
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rows[0]).toMatchObject({ line: 2, cells: { indicatorCode: "EDOSSIER_RATE", unitCode: "19", numerator: 1650, denominator: 2000, value: null, version: 3, comment: "Đã rà soát" } });
    expect(parsed.letters.numerator).toBe("H");
  });

  it("locks the key columns and unlocks the editable ones in the template", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildXlsxTemplate(template())).buffer as ArrayBuffer);
    const sheet = wb.getWorksheet(DATA_SHEET)!;
    const cell = (header: string) => sheet.getRow(2).getCell(HEADERS.indexOf(header) + 1);
    expect(cell("Tử số").protection?.locked).toBe(false);
    expect(cell("Mã đơn vị").protection?.locked).not.toBe(false);
    expect(cell("Phiên bản").protection?.locked).not.toBe(false);
    expect((sheet as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
  });

  it("refuses a renamed or missing data sheet, naming the sheets it found", async () => {
    const parsed = await parseImportFile("a.xlsx", await xlsx([HEADERS, dataRow()], undefined, "Sheet1"));
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toEqual([expect.objectContaining({ line: null, message: expect.stringMatching(/^Không tìm thấy trang tính “Số liệu” \(tệp có: “Sheet1”\)/) })]);
  });

  it("refuses missing columns by name, warns about extra ones, reads reordered ones by header", async () => {
    const missing = await parseImportFile("a.xlsx", await xlsx([HEADERS.filter((h) => h !== "Mẫu số" && h !== "Phiên bản")]));
    expect(missing.errors[0]!.message).toBe("Thiếu cột “Mẫu số”, “Phiên bản”. Hãy dùng tệp mẫu và không đổi tên, không xóa cột.");

    const renamed = await parseImportFile("a.xlsx", await xlsx([HEADERS.map((h) => (h === "Tử số" ? "Tu so" : h))]));
    expect(renamed.errors[0]!.message).toMatch(/^Thiếu cột “Tử số”/);
    expect(renamed.warnings[0]).toMatchObject({ column: "Tu so", letter: "H", message: "Cột “Tu so” không thuộc tệp mẫu nên được bỏ qua." });

    const reversed = [...HEADERS].reverse();
    const row = dataRow();
    const parsed = await parseImportFile("a.xlsx", await xlsx([[...reversed, "Ghi chú riêng"], [...[...row].reverse(), "ghi chú của tôi"]]));
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings).toHaveLength(1);
    expect(parsed.rows[0]!.cells).toMatchObject({ indicatorCode: "EDOSSIER_RATE", numerator: 1650, denominator: 2000, version: 3 });
    // Reversed: the first column of the template is now its last (the 16th, P).
    expect(parsed.letters.indicatorCode).toBe("P");

    const twice = await parseImportFile("a.xlsx", await xlsx([[...HEADERS, "tử  số"]]));
    expect(twice.errors[0]!.message).toBe("Cột “Tử số” xuất hiện hai lần; hãy giữ một cột.");
  });

  it("refuses merged cells with their range", async () => {
    const parsed = await parseImportFile("a.xlsx", await xlsx([HEADERS, dataRow(), dataRow({ "Mã đơn vị": "20" })], (s) => s.mergeCells("H2:H3")));
    expect(parsed.errors).toEqual([expect.objectContaining({ line: 2, letter: "H", message: expect.stringMatching(/^Ô gộp H2:H3: hãy bỏ gộp ô/) })]);
  });

  it("refuses formulas, error values, dates and booleans in cells, naming row and column", async () => {
    const parsed = await parseImportFile(
      "a.xlsx",
      await xlsx([
        HEADERS,
        dataRow({ "Tử số": { formula: "A1*2", result: 7 } }),
        dataRow({ "Mẫu số": { error: "#DIV/0!" } }),
        dataRow({ "Giá trị": new Date("2026-01-02T00:00:00Z"), "Tử số": null, "Mẫu số": null }),
        dataRow({ "Tử số": true }),
      ]),
    );
    expect(parsed.errors.map((e) => [e.line, e.column, e.letter, e.message])).toEqual([
      [2, "Tử số", "H", "Ô chứa công thức (=A1*2). Hãy thay bằng giá trị (Sao chép → Dán đặc biệt → Giá trị)."],
      [3, "Mẫu số", "I", "Ô có lỗi #DIV/0!; hãy nhập giá trị."],
      [4, "Giá trị", "J", "Ô chứa ngày tháng, không phải số liệu; hãy nhập số (ví dụ 1.650 hoặc 34,87)."],
      [5, "Tử số", "H", "Ô chứa giá trị đúng/sai; hãy nhập số liệu."],
    ]);
  });

  it("keeps text in number cells as text, for the form's schema to refuse or read the Vietnamese way", async () => {
    const parsed = await parseImportFile("a.xlsx", await xlsx([HEADERS, dataRow({ "Tử số": "mười", "Mẫu số": "2.000" }), dataRow({ "Tử số": "34,87", "Mẫu số": null })]));
    expect(parsed.rows.map((r) => [r.cells.numerator, r.cells.denominator])).toEqual([
      ["mười", "2.000"],
      ["34,87", null],
    ]);
    const row = { indicatorId: 1, unitId: 1, periodId: 1, version: 0 };
    expect(figureRowSchema.safeParse({ ...row, numerator: "mười", denominator: "2.000" }).error?.issues[0]?.message).toBe("Tử số phải là một số (ví dụ 1.650).");
    expect(figureRowSchema.parse({ ...row, value: "34,87" }).value).toBe(34.87);
  });

  it("skips entirely blank rows and reports cells beyond the header", async () => {
    const parsed = await parseImportFile("a.xlsx", await xlsx([HEADERS, dataRow(), [], [...dataRow(), null, "thừa"]]));
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(parsed.errors).toEqual([expect.objectContaining({ line: 4, message: "Dòng có nhiều ô hơn dòng tiêu đề; hãy xóa các ô thừa." })]);
  });

  it("refuses a corrupt xlsx, an old .xls and an empty file with a message, never a crash", async () => {
    const bytes = await buildXlsxTemplate(template());
    expect((await parseImportFile("a.xlsx", bytes.slice(0, 200))).errors[0]!.message).toBe("Không đọc được tệp Excel: tệp bị hỏng hoặc không phải .xlsx.");
    expect((await parseImportFile("a.xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).errors[0]!.message).toMatch(/^Tệp Excel 97–2003 \(\.xls\) không được hỗ trợ/);
    expect((await parseImportFile("a.xlsx", new Uint8Array())).errors[0]!.message).toBe("Tệp rỗng: không có dữ liệu nào.");
    expect((await parseImportFile("a.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]))).errors[0]!.message).toMatch(/^Không nhận ra định dạng tệp/);
  });
});

describe("parseImportFile: csv", () => {
  const csvHeader = HEADERS.join(",");
  const csvRow = (over: Record<string, string> = {}) =>
    HEADERS.map((h) => ({ "Mã chỉ tiêu": "EDOSSIER_RATE", "Mã đơn vị": "19", "Kỳ báo cáo": "2026-Q4", "Tử số": "1650", "Mẫu số": "2000", "Phiên bản": "3", ...over })[h] ?? "").join(",");

  it("reads the template it writes (BOM, CRLF, decimal commas quoted)", async () => {
    const csv = buildCsvTemplate(template([{ ...ROW, numerator: null, denominator: null, value: 34.87 }]));
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const parsed = await parseImportFile("mau.csv", enc.encode(csv));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]!.cells).toMatchObject({ value: "34,87", version: "3", unitCode: "19", comment: "Đã rà soát" });
  });

  it("reads a file with or without a BOM, with CRLF or LF", async () => {
    for (const [bom, eol] of [["\uFEFF", "\r\n"], ["", "\r\n"], ["", "\n"], ["\uFEFF", "\n"]] as const) {
      const parsed = await parseImportFile("a.csv", enc.encode(`${bom}${csvHeader}${eol}${csvRow()}${eol}${csvRow({ "Mã đơn vị": "20" })}${eol}`));
      expect(parsed.errors, JSON.stringify({ bom, eol })).toEqual([]);
      expect(parsed.rows.map((r) => [r.line, r.cells.indicatorCode, r.cells.unitCode, r.cells.version])).toEqual([
        [2, "EDOSSIER_RATE", "19", "3"],
        [3, "EDOSSIER_RATE", "20", "3"],
      ]);
    }
  });

  it("reads semicolon-separated files (Excel with a decimal comma) with unquoted 34,87 and 1.650", async () => {
    const header = HEADERS.join(";");
    const row = HEADERS.map((h) => ({ "Mã chỉ tiêu": "OPEN_DATA", "Mã đơn vị": "19", "Kỳ báo cáo": "2026-Q4", "Giá trị": "34,87", "Tử số": "1.650" })[h] ?? "").join(";");
    const parsed = await parseImportFile("a.csv", enc.encode(`${header}\r\n${row}\r\n`));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]!.cells).toMatchObject({ value: "34,87", numerator: "1.650", indicatorCode: "OPEN_DATA" });
  });

  it("refuses a file that is not UTF-8 (Windows-1258 or Latin-1)", async () => {
    const latin1 = new Uint8Array([...enc.encode("M"), 0xe3, ...enc.encode(" ch\n")]);
    expect((await parseImportFile("a.csv", latin1)).errors[0]!.message).toMatch(/^Tệp CSV không phải mã UTF-8/);
  });

  it("refuses an unclosed quote with its line", async () => {
    const parsed = await parseImportFile("a.csv", enc.encode(`${csvHeader}\n${csvRow()}\n${csvRow({ "Ghi chú": '"chưa đóng' })}\n`));
    expect(parsed.errors[0]!.message).toMatch(/^Tệp CSV sai cấu trúc ở dòng \d+: dấu ngoặc kép/);
  });

  it("refuses missing columns and extra cells", async () => {
    const missing = await parseImportFile("a.csv", enc.encode("Mã chỉ tiêu,Mã đơn vị\r\nA,B\r\n"));
    expect(missing.errors[0]!.message).toMatch(/^Thiếu cột “Mã ngành”, “Kỳ báo cáo”, “Tử số”/);
    const extra = await parseImportFile("a.csv", enc.encode(`${csvHeader}\r\n${csvRow()},thừa\r\n`));
    expect(extra.errors).toEqual([expect.objectContaining({ line: 2, message: "Dòng có nhiều ô hơn dòng tiêu đề; hãy xóa các ô thừa." })]);
  });

  it("refuses a file over the size limit, and one with too many rows, stating the limit", async () => {
    const big = new Uint8Array(IMPORT_LIMITS.bytes + 1);
    expect((await parseImportFile("a.csv", big)).errors[0]!.message).toBe("Tệp quá lớn (20 MB); giới hạn là tối đa 20 MB và 150.000 dòng số liệu.");
    const many = `${csvHeader}\n${"x\n".repeat(IMPORT_LIMITS.rows + 1)}`;
    expect((await parseImportFile("a.csv", enc.encode(many))).errors[0]!.message).toMatch(/^Tệp có 150\.001 dòng; giới hạn là tối đa 20 MB và 150\.000 dòng/);
  });

  it("refuses an empty file and a file with an empty header line", async () => {
    expect((await parseImportFile("a.csv", enc.encode("\uFEFF\r\n"))).errors[0]!.message).toBe("Tệp rỗng: không có dữ liệu nào.");
    expect((await parseImportFile("a.csv", enc.encode(",,,\r\nA,B\r\n"))).errors[0]!.message).toMatch(/^Dòng 1 phải là dòng tiêu đề/);
  });
});
