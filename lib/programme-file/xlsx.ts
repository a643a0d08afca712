/**
 * The .xlsx form of a programme definition file: written from the JSON document
 * (writeProgrammeXlsx), and read back into raw cells per sheet (readProgrammeWorkbook) — the
 * part that touches an untrusted workbook, run in the import's child process (ADR 018) after the
 * zip budget (ADR 017). What the cells mean is decided in ./read.ts by the file's zod schema.
 */
import type ExcelJS from "exceljs";
import { columnLetter, normaliseHeader } from "@/lib/import/columns";
import { PARSE_MESSAGES } from "@/lib/import/parse-file";
import { checkZipBudget, type ZipBudget } from "@/lib/import/zip-budget";
import { GUIDE_SHEET_NAME, PROGRAMME_SHEETS, PROGRAMME_XLSX_LIMITS, PROGRAMME_XLSX_LIMITS_TEXT, type PartKey, type SheetColumn } from "./sheets";
import type { ProgrammeFile } from "./schema";

export type RawCell = string | number | boolean | null;

export interface RawRow {
  /** Row number in the sheet as the user sees it (the header is row 1). */
  line: number;
  cells: Record<string, RawCell>;
}

/** A problem of the file, placed where the user finds it: sheet, row, column. */
export interface FileIssue {
  /** The sheet (or, in a JSON file, the part) in Vietnamese; null for the whole file. */
  sheet: string | null;
  /** Row of the sheet (a JSON file: the item's number in its list, from 1); null for the whole sheet. */
  row: number | null;
  /** Column header (a JSON file: the field's name); null for the whole row. */
  column: string | null;
  message: string;
}

export interface RawWorkbook {
  sheets: Partial<Record<PartKey, RawRow[]>>;
  errors: FileIssue[];
}

/** A programme needs a few hundred rows; this budget is the figures import's, scaled to it. */
export const PROGRAMME_ZIP_BUDGET: ZipBudget = {
  inflatedBytes: 50 * 1024 * 1024,
  entries: 200,
  sheetRows: PROGRAMME_XLSX_LIMITS.rowsPerSheet,
  cells: PROGRAMME_XLSX_LIMITS.rowsPerSheet * 24 * 5,
};

export const XLSX_MESSAGES = {
  tooLarge: `Tệp quá lớn; giới hạn là ${PROGRAMME_XLSX_LIMITS_TEXT}.`,
  zipRefused: `Tệp Excel bị từ chối: khi giải nén nó lớn hơn nhiều so với một tệp chương trình (${PROGRAMME_XLSX_LIMITS_TEXT}). Tệp có thể bị hỏng hoặc được tạo để làm quá tải máy chủ; hãy xuất lại tệp từ trang Chương trình.`,
  missingSheet: (sheet: string, names: string[]) =>
    `Không tìm thấy trang tính “${sheet}”${names.length ? ` (tệp có: ${names.map((n) => `“${n}”`).join(", ")})` : ""}. Hãy dùng tệp xuất từ trang Chương trình và giữ nguyên tên các trang tính.`,
  missingColumns: (headers: string[]) => `Thiếu cột ${headers.map((h) => `“${h}”`).join(", ")}. Hãy giữ nguyên tên các cột của tệp mẫu.`,
  duplicateColumn: (header: string) => `Cột “${header}” xuất hiện hai lần; hãy giữ một cột.`,
  unknownColumn: (header: string) => `Cột “${header}” không thuộc trang tính này; hãy xóa hoặc đổi đúng tên cột.`,
  programmeRows: "Trang “Chương trình” phải có đúng một dòng dưới dòng tiêu đề.",
  tooManyRows: `Trang tính có quá nhiều dòng; giới hạn là ${PROGRAMME_XLSX_LIMITS_TEXT}.`,
  dateInTextColumn: "Ô chứa ngày tháng nhưng cột này không phải cột ngày; hãy ghi dạng chữ.",
  booleanInColumn: "Ô chứa giá trị đúng/sai; hãy ghi có hoặc không vào cột có/không, hoặc ghi giá trị.",
} as const;

// ---------------------------------------------------------------- writing

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F2" } };

function fieldValue(record: Record<string, unknown>, field: string): unknown {
  if (!field.startsWith("answers.")) return record[field];
  const answers = record.answers as Record<string, unknown> | null;
  return answers ? answers[field.slice("answers.".length)] : null;
}

function cellOf(column: SheetColumn, value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (column.kind === "boolean") return value ? "có" : "không";
  if (column.kind === "levels") return (value as string[]).join(", ");
  return value as string | number;
}

/** The workbook of a programme: a guide, then one sheet per part. */
export async function writeProgrammeXlsx(file: ProgrammeFile): Promise<Buffer> {
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.Workbook();
  workbook.creator = "dx-tracker";
  const guide = workbook.addWorksheet(GUIDE_SHEET_NAME);
  guide.columns = [
    { header: "Trang tính", key: "sheet", width: 16 },
    { header: "Cột", key: "header", width: 32 },
    { header: "Cách ghi", key: "help", width: 100 },
  ];
  guide.getRow(1).font = { bold: true };
  guide.addRow({
    sheet: "",
    header: "",
    help: `Tệp định nghĩa chương trình ${file.programme.code} (định dạng ${file.formatVersion}). Nhập lại ở Quản trị → Chương trình → Nhập tệp định nghĩa: xem trước, rồi ghi tất cả hoặc không ghi gì. Chỉ tiêu có mã đã có trong danh mục chỉ được tham chiếu, không bị sửa. Cũng có dạng JSON theo lược đồ /api/v1/schemas/programme.json.`,
  });
  for (const part of PROGRAMME_SHEETS) for (const c of part.columns) guide.addRow({ sheet: part.sheet, header: c.header, help: c.help });

  const records: Record<PartKey, Record<string, unknown>[]> = {
    programme: [file.programme],
    indicators: file.indicators,
    targets: file.targets,
    baselines: file.baselines,
  };
  for (const part of PROGRAMME_SHEETS) {
    const sheet = workbook.addWorksheet(part.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = part.columns.map((c) => ({ header: c.header, key: c.field, width: c.width }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.eachCell((cell) => (cell.fill = HEADER_FILL));
    // Days and codes as text: Excel would turn "2026-10-15" into a date and "19" into a number.
    part.columns.forEach((c, i) => {
      if (c.kind === "text" || c.kind === "day") sheet.getColumn(i + 1).numFmt = "@";
    });
    for (const record of records[part.key]) sheet.addRow(part.columns.map((c) => cellOf(c, fieldValue(record, c.field))));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ---------------------------------------------------------------- reading (in the child process)

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function fileRefusal(message: string): RawWorkbook {
  return { sheets: {}, errors: [{ sheet: null, row: null, column: null, message }] };
}

/** A cell as text, number or yes/no; a Date only in a day column; otherwise the reason it cannot be read. */
function readCell(value: ExcelJS.CellValue, column: SheetColumn): { value: RawCell } | { error: string } {
  if (value === null || value === undefined) return { value: null };
  if (typeof value === "number") return { value: Number.isFinite(value) ? value : null };
  if (typeof value === "string") return { value: value.trim() === "" ? null : value };
  if (typeof value === "boolean") return column.kind === "boolean" ? { value } : { error: XLSX_MESSAGES.booleanInColumn };
  if (value instanceof Date) {
    // Excel keeps a day without a time zone; ExcelJS gives it as that day's UTC midnight.
    return column.kind === "day" ? { value: value.toISOString().slice(0, 10) } : { error: XLSX_MESSAGES.dateInTextColumn };
  }
  if (typeof value === "object") {
    if ("formula" in value && typeof value.formula === "string") return { error: PARSE_MESSAGES.formula(value.formula) };
    if ("sharedFormula" in value) return { error: PARSE_MESSAGES.formula(String(value.sharedFormula)) };
    if ("error" in value) return { error: PARSE_MESSAGES.errorValue(String(value.error)) };
    if ("richText" in value && Array.isArray(value.richText)) return { value: value.richText.map((t) => t.text).join("") || null };
    if ("text" in value && typeof value.text === "string") return { value: value.text || null };
  }
  return { error: PARSE_MESSAGES.unsupported };
}

/**
 * Reads an uploaded workbook into raw cells of each part's sheet, every problem of the FILE
 * (size, zip budget, sheets, headers, formulas, merged cells) placed by sheet, row and column.
 * Never throws on bad input.
 */
export async function readProgrammeWorkbook(bytes: Uint8Array): Promise<RawWorkbook> {
  if (bytes.length > PROGRAMME_XLSX_LIMITS.bytes) return fileRefusal(XLSX_MESSAGES.tooLarge);
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf) return fileRefusal(PARSE_MESSAGES.xls);
  if (!isZip(bytes)) return fileRefusal(PARSE_MESSAGES.badXlsx);
  const zip = await checkZipBudget(bytes, PROGRAMME_ZIP_BUDGET);
  if (!zip.ok) return fileRefusal(zip.reason === "unreadable" ? PARSE_MESSAGES.badXlsx : XLSX_MESSAGES.zipRefused);
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    return fileRefusal(PARSE_MESSAGES.badXlsx);
  }
  const result: RawWorkbook = { sheets: {}, errors: [] };
  const names = workbook.worksheets.map((s) => s.name);
  for (const part of PROGRAMME_SHEETS) {
    const sheet = workbook.worksheets.find((s) => normaliseHeader(s.name) === normaliseHeader(part.sheet));
    if (!sheet) {
      result.errors.push({ sheet: null, row: null, column: null, message: XLSX_MESSAGES.missingSheet(part.sheet, names) });
      continue;
    }
    const issue = (row: number | null, column: string | null, message: string) => result.errors.push({ sheet: part.sheet, row, column, message });
    if (sheet.rowCount > PROGRAMME_XLSX_LIMITS.rowsPerSheet) {
      issue(null, null, XLSX_MESSAGES.tooManyRows);
      continue;
    }
    const byHeader = new Map(part.columns.map((c) => [normaliseHeader(c.header), c]));
    const byIndex = new Map<number, SheetColumn>();
    const seen = new Set<string>();
    let headerBad = false;
    sheet.getRow(1).eachCell({ includeEmpty: false }, (cell, index) => {
      const read = readCell(cell.value, part.columns[0]!);
      const text = "value" in read && read.value !== null ? String(read.value) : "";
      if (text.trim() === "") return;
      const column = byHeader.get(normaliseHeader(text));
      if (!column) {
        headerBad = true;
        return issue(1, text.trim(), XLSX_MESSAGES.unknownColumn(text.trim()));
      }
      if (seen.has(column.field)) {
        headerBad = true;
        return issue(1, column.header, XLSX_MESSAGES.duplicateColumn(column.header));
      }
      seen.add(column.field);
      byIndex.set(index, column);
    });
    const missing = part.columns.filter((c) => !seen.has(c.field));
    if (missing.length > 0) {
      headerBad = true;
      issue(1, null, XLSX_MESSAGES.missingColumns(missing.map((c) => c.header)));
    }
    if (headerBad) continue;
    for (const range of sheet.model.merges ?? []) {
      const m = /^([A-Z]+)(\d+)/.exec(range);
      issue(m ? Number(m[2]) : null, null, PARSE_MESSAGES.merged(range));
    }
    const rows: RawRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      if (line === 1) return;
      const cells: Record<string, RawCell> = {};
      let any = false;
      for (const [index, column] of byIndex) {
        const read = readCell(row.getCell(index).value, column);
        if ("error" in read) {
          issue(line, `${column.header} (${columnLetter(index - 1)})`, read.error);
          cells[column.field] = null;
          any = true;
          continue;
        }
        if (read.value !== null) any = true;
        cells[column.field] = read.value;
      }
      if (any) rows.push({ line, cells });
    });
    if (part.key === "programme" && rows.length !== 1) issue(null, null, XLSX_MESSAGES.programmeRows);
    result.sheets[part.key] = rows;
  }
  return result;
}
