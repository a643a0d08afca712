/**
 * Reads an uploaded spreadsheet (.xlsx with exceljs, .csv with csv-parse)
 * into rows of cells keyed by column, with every problem of the FILE — wrong
 * sheet, missing columns, merged cells, formulas, dates, unreadable bytes —
 * as a Vietnamese message naming its row and column. Never throws on bad
 * input. What a cell MEANS (a number, a known unit, in scope…) is decided
 * later, by the entry form's own schema and rules (lib/services/figure-import.ts).
 */
import type ExcelJS from "exceljs";
import { parse as parseCsv } from "csv-parse/sync";
import {
  DATA_SHEET,
  IMPORT_COLUMNS,
  IMPORT_LIMITS,
  IMPORT_LIMITS_TEXT,
  columnLetter,
  normaliseHeader,
  type ImportColumn,
  type ImportColumnKey,
} from "./columns";
import { csvErrorVi } from "@/lib/i18n/csv-errors";
import { checkZipBudget, ZIP_BUDGET, type ZipCounts, type ZipRefusal } from "./zip-budget";

export type CellValue = string | number | null;

export interface ParsedRow {
  /** Row number in the file as the user sees it (the header is row 1). */
  line: number;
  cells: Partial<Record<ImportColumnKey, CellValue>>;
}

export interface ImportIssue {
  /** Row in the file; null for the whole file. */
  line: number | null;
  /** Column header (e.g. "Tử số"); null for the whole row or file. */
  column: string | null;
  /** Column letter in the file (e.g. "H"). */
  letter: string | null;
  message: string;
}

export interface ParsedFile {
  format: "xlsx" | "csv";
  rows: ParsedRow[];
  /** Any error blocks the commit. File-level errors come with no rows. */
  errors: ImportIssue[];
  warnings: ImportIssue[];
  /** Where each column was found (letter), for messages about its cells. */
  letters: Partial<Record<ImportColumnKey, string>>;
}

export const PARSE_MESSAGES = {
  empty: "Tệp rỗng: không có dữ liệu nào.",
  tooLarge: (bytes: number) => `Tệp quá lớn (${formatMb(bytes)} MB); giới hạn là ${IMPORT_LIMITS_TEXT}.`,
  tooManyRows: (rows: number) => `Tệp có ${rows.toLocaleString("vi-VN")} dòng; giới hạn là ${IMPORT_LIMITS_TEXT}. Hãy chia thành nhiều tệp.`,
  xls: "Tệp Excel 97–2003 (.xls) không được hỗ trợ. Hãy mở tệp trong Excel và lưu lại dạng “Sổ làm việc Excel (.xlsx)” hoặc “CSV UTF-8”.",
  unknownFormat: "Không nhận ra định dạng tệp. Hãy tải lên tệp .xlsx hoặc .csv (UTF-8) theo tệp mẫu.",
  badXlsx: "Không đọc được tệp Excel: tệp bị hỏng hoặc không phải .xlsx.",
  zipBomb: (inflated: number, entries: number) =>
    `Tệp Excel bị từ chối: khi giải nén nó lớn tới ${formatMb(inflated)} MB (${entries.toLocaleString("vi-VN")} thành phần), vượt xa mức một tệp số liệu cần (tối đa ${formatMb(ZIP_BUDGET.inflatedBytes)} MB). Tệp có thể bị hỏng hoặc được tạo để làm quá tải máy chủ; hãy xuất lại từ tệp mẫu.`,
  zipMismatch:
    "Tệp Excel bị từ chối: khi giải nén, nội dung lớn hơn kích thước chính tệp khai báo. Tệp bị hỏng hoặc được tạo để làm quá tải máy chủ; hãy xuất lại từ tệp mẫu.",
  sheetRows: `Tệp Excel có một trang tính hơn ${IMPORT_LIMITS.rows.toLocaleString("vi-VN")} dòng số liệu; giới hạn là ${IMPORT_LIMITS_TEXT}. Hãy chia thành nhiều tệp.`,
  sheetCells: `Tệp Excel có hơn ${ZIP_BUDGET.cells.toLocaleString("vi-VN")} ô, nhiều hơn một tệp số liệu cần (${IMPORT_LIMITS_TEXT}). Hãy xóa các cột, trang tính thừa hoặc chia thành nhiều tệp.`,
  parseMemory: (mb: number) =>
    `Tệp bị từ chối: đọc tệp này cần hơn ${mb.toLocaleString("vi-VN")} MB bộ nhớ, nhiều hơn một tệp số liệu cần. Hãy xóa các cột, trang tính, định dạng thừa hoặc chia thành nhiều tệp.`,
  parseTimeout: (seconds: number) =>
    `Đọc tệp mất hơn ${seconds.toLocaleString("vi-VN")} giây nên đã dừng. Hãy xóa các cột, trang tính, định dạng thừa hoặc chia thành nhiều tệp.`,
  parseFailed: "Máy chủ không đọc được tệp do một lỗi nội bộ; hãy thử lại sau ít phút. Nếu vẫn lỗi, hãy báo quản trị viên.",
  badUtf8: "Tệp CSV không phải mã UTF-8, nên chữ tiếng Việt sẽ bị lỗi. Trong Excel, hãy lưu bằng “CSV UTF-8 (phân cách bằng dấu phẩy)”.",
  badCsv: (line: number | null, detail: string) => `Tệp CSV sai cấu trúc${line ? ` ở dòng ${line}` : ""}: ${detail}.`,
  missingSheet: (names: string[]) =>
    `Không tìm thấy trang tính “${DATA_SHEET}”${names.length ? ` (tệp có: ${names.map((n) => `“${n}”`).join(", ")})` : ""}. Hãy dùng tệp mẫu tải từ trang này và giữ nguyên tên trang tính.`,
  noHeader: "Dòng 1 phải là dòng tiêu đề của tệp mẫu (Mã chỉ tiêu, Mã đơn vị, …) nhưng đang trống.",
  missingColumns: (headers: string[]) => `Thiếu cột ${headers.map((h) => `“${h}”`).join(", ")}. Hãy dùng tệp mẫu và không đổi tên, không xóa cột.`,
  duplicateColumn: (header: string) => `Cột “${header}” xuất hiện hai lần; hãy giữ một cột.`,
  extraColumn: (header: string) => `Cột “${header}” không thuộc tệp mẫu nên được bỏ qua.`,
  extraCells: "Dòng có nhiều ô hơn dòng tiêu đề; hãy xóa các ô thừa.",
  merged: (range: string) => `Ô gộp ${range}: hãy bỏ gộp ô (Merge & Center) và ghi đủ giá trị cho từng dòng.`,
  formula: (formula: string) => `Ô chứa công thức (=${formula.slice(0, 40)}). Hãy thay bằng giá trị (Sao chép → Dán đặc biệt → Giá trị).`,
  errorValue: (error: string) => `Ô có lỗi ${error}; hãy nhập giá trị.`,
  date: "Ô chứa ngày tháng, không phải số liệu; hãy nhập số (ví dụ 1.650 hoặc 34,87).",
  boolean: "Ô chứa giá trị đúng/sai; hãy nhập số liệu.",
  unsupported: "Không đọc được giá trị của ô; hãy nhập lại.",
} as const;

function formatMb(bytes: number): string {
  return (bytes / 1024 / 1024).toLocaleString("vi-VN", { maximumFractionDigits: 1 });
}

/** A refusal of the whole file: no rows, one error. */
export function fileError(format: ParsedFile["format"], message: string): ParsedFile {
  return { format, rows: [], errors: [{ line: null, column: null, letter: null, message }], warnings: [], letters: {} };
}

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function isOle(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/** Reads the file. `name` only breaks ties; the bytes decide the format. */
export async function parseImportFile(name: string, bytes: Uint8Array): Promise<ParsedFile> {
  const guess: ParsedFile["format"] = /\.csv$/i.test(name) ? "csv" : "xlsx";
  if (bytes.length > IMPORT_LIMITS.bytes) return fileError(guess, PARSE_MESSAGES.tooLarge(bytes.length));
  if (bytes.length === 0) return fileError(guess, PARSE_MESSAGES.empty);
  if (isOle(bytes)) return fileError("xlsx", PARSE_MESSAGES.xls);
  if (isZip(bytes)) return parseXlsx(bytes);
  if (/\.(xlsx|xlsm|xls|ods)$/i.test(name)) return fileError("xlsx", PARSE_MESSAGES.badXlsx);
  if (/\.[a-z0-9]{1,5}$/i.test(name) && !/\.(csv|txt|tsv)$/i.test(name)) return fileError(guess, PARSE_MESSAGES.unknownFormat);
  // A text file: it must be UTF-8 (with or without a BOM).
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return fileError("csv", PARSE_MESSAGES.badUtf8);
  }
  if (text.includes("\u0000")) return fileError("csv", PARSE_MESSAGES.unknownFormat);
  return parseCsvText(text);
}

// ---------------------------------------------------------------- header

interface HeaderMap {
  /** File column index → our column. */
  byIndex: Map<number, ImportColumn>;
  letters: Partial<Record<ImportColumnKey, string>>;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  width: number;
}

const BY_HEADER = new Map(IMPORT_COLUMNS.map((c) => [normaliseHeader(c.header), c]));

function readHeader(cells: (string | null)[]): HeaderMap {
  const byIndex = new Map<number, ImportColumn>();
  const letters: Partial<Record<ImportColumnKey, string>> = {};
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  cells.forEach((raw, index) => {
    const text = raw === null ? "" : raw;
    if (normaliseHeader(text) === "") return;
    const column = BY_HEADER.get(normaliseHeader(text));
    const letter = columnLetter(index);
    if (!column) {
      warnings.push({ line: 1, column: text.trim(), letter, message: PARSE_MESSAGES.extraColumn(text.trim()) });
      return;
    }
    if (letters[column.key]) {
      errors.push({ line: 1, column: column.header, letter, message: PARSE_MESSAGES.duplicateColumn(column.header) });
      return;
    }
    byIndex.set(index, column);
    letters[column.key] = letter;
  });
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !letters[c.key]);
  if (missing.length > 0) errors.unshift({ line: 1, column: null, letter: null, message: PARSE_MESSAGES.missingColumns(missing.map((c) => c.header)) });
  const width = cells.reduce((w, c, i) => (c !== null && c.trim() !== "" ? i + 1 : w), 0);
  return { byIndex, letters, errors, warnings, width };
}

function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}

// ---------------------------------------------------------------- CSV

/** The separator of the header line: Excel in a locale with a decimal comma writes ";". */
function detectDelimiter(text: string): "," | ";" | "\t" {
  const firstLine = text.slice(0, Math.max(0, text.search(/\r?\n/)) || text.length);
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const [best] = ([",", ";", "\t"] as const).map((d) => [d, count(d)] as const).sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ",";
}

export function parseCsvText(input: string): ParsedFile {
  const text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  if (text.trim() === "") return fileError("csv", PARSE_MESSAGES.empty);
  // Count records before parsing them: the limit must also bound the work.
  let breaks = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) breaks++;
  const trailing = text.endsWith("\n") ? 0 : 1;
  if (breaks + trailing - 1 > IMPORT_LIMITS.rows) return fileError("csv", PARSE_MESSAGES.tooManyRows(breaks + trailing - 1));
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: 64 * 1024,
    }) as string[][];
  } catch (error) {
    const e = error as { lines?: number; code?: string; message?: string };
    const detail = csvErrorVi(e.code);
    return fileError("csv", PARSE_MESSAGES.badCsv(e.lines ?? null, detail));
  }
  if (records.length - 1 > IMPORT_LIMITS.rows) return fileError("csv", PARSE_MESSAGES.tooManyRows(records.length - 1));
  const header = readHeader(records[0]!.map((c) => c));
  if (header.byIndex.size === 0 && header.errors.length > 0 && records[0]!.every((c) => c.trim() === "")) {
    return fileError("csv", PARSE_MESSAGES.noHeader);
  }
  const result: ParsedFile = { format: "csv", rows: [], errors: header.errors, warnings: header.warnings, letters: header.letters };
  if (header.errors.length > 0) return { ...result, rows: [] };
  for (let r = 1; r < records.length; r++) {
    const record = records[r]!;
    const line = r + 1;
    const cells: ParsedRow["cells"] = {};
    let any = false;
    for (const [index, column] of header.byIndex) {
      const raw = record[index];
      const value = raw === undefined || raw.trim() === "" ? null : raw;
      if (value !== null) any = true;
      cells[column.key] = value;
    }
    const extra = record.slice(header.width).some((c) => c.trim() !== "");
    if (extra) result.errors.push({ line, column: null, letter: null, message: PARSE_MESSAGES.extraCells });
    if (any) result.rows.push({ line, cells });
  }
  return result;
}

// ---------------------------------------------------------------- XLSX

type XlsxCell = ExcelJS.CellValue;

/** A cell as text or number, or the reason it cannot be read. */
function readXlsxCell(value: XlsxCell): { value: CellValue } | { error: string } {
  if (value === null || value === undefined) return { value: null };
  if (typeof value === "number") return { value: Number.isFinite(value) ? value : null };
  if (typeof value === "string") return { value };
  if (typeof value === "boolean") return { error: PARSE_MESSAGES.boolean };
  if (value instanceof Date) return { error: PARSE_MESSAGES.date };
  if (typeof value === "object") {
    if ("formula" in value && typeof value.formula === "string") return { error: PARSE_MESSAGES.formula(value.formula) };
    if ("sharedFormula" in value) return { error: PARSE_MESSAGES.formula(String(value.sharedFormula)) };
    if ("error" in value) return { error: PARSE_MESSAGES.errorValue(String(value.error)) };
    if ("richText" in value && Array.isArray(value.richText)) return { value: value.richText.map((t) => t.text).join("") };
    if ("text" in value && typeof value.text === "string") return { value: value.text };
  }
  return { error: PARSE_MESSAGES.unsupported };
}

function headerText(value: XlsxCell): string | null {
  const read = readXlsxCell(value);
  return "value" in read && read.value !== null ? String(read.value) : null;
}

const ZIP_REFUSALS: Record<ZipRefusal, (counts: ZipCounts) => string> = {
  inflated: (zip) => PARSE_MESSAGES.zipBomb(zip.inflatedBytes, zip.entries),
  entries: (zip) => PARSE_MESSAGES.zipBomb(zip.inflatedBytes, zip.entries),
  mismatch: () => PARSE_MESSAGES.zipMismatch,
  rows: () => PARSE_MESSAGES.sheetRows,
  cells: () => PARSE_MESSAGES.sheetCells,
  unreadable: () => PARSE_MESSAGES.badXlsx,
};

async function parseXlsx(bytes: Uint8Array): Promise<ParsedFile> {
  // Before ExcelJS: what the zip declares, then what it really inflates to, must fit the budget.
  const zip = await checkZipBudget(bytes);
  if (!zip.ok) return fileError("xlsx", ZIP_REFUSALS[zip.reason](zip));
  // Loaded only now (half a second): a refused zip or a CSV never waits for it.
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    return fileError("xlsx", PARSE_MESSAGES.badXlsx);
  }
  const sheets = workbook.worksheets;
  const sheet = sheets.find((s) => normaliseHeader(s.name) === normaliseHeader(DATA_SHEET));
  if (!sheet) return fileError("xlsx", PARSE_MESSAGES.missingSheet(sheets.map((s) => s.name)));
  if (sheet.rowCount - 1 > IMPORT_LIMITS.rows) return fileError("xlsx", PARSE_MESSAGES.tooManyRows(sheet.rowCount - 1));

  const headerRow = sheet.getRow(1);
  const headerCells: (string | null)[] = [];
  for (let c = 1; c <= Math.max(headerRow.cellCount, 1); c++) headerCells.push(headerText(headerRow.getCell(c).value));
  if (headerCells.every((c) => c === null || c.trim() === "")) return fileError("xlsx", PARSE_MESSAGES.noHeader);
  const header = readHeader(headerCells);
  const result: ParsedFile = { format: "xlsx", rows: [], errors: header.errors, warnings: header.warnings, letters: header.letters };
  if (header.errors.length > 0) return result;

  // Merged ranges: every slave cell repeats the master's value, so a merge silently copies a number.
  const mergedLines = new Set<number>();
  for (const range of sheet.model.merges ?? []) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
    const top = m ? Number(m[2]) : 1;
    const bottom = m ? Number(m[4]) : top;
    result.errors.push({ line: top, column: null, letter: m ? m[1]! : null, message: PARSE_MESSAGES.merged(range) });
    for (let l = top; l <= bottom; l++) mergedLines.add(l);
  }

  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    if (line === 1) return;
    const cells: ParsedRow["cells"] = {};
    let any = false;
    for (const [index, column] of header.byIndex) {
      const read = readXlsxCell(row.getCell(index + 1).value);
      if ("error" in read) {
        result.errors.push({ line, column: column.header, letter: columnLetter(index), message: read.error });
        any = true;
        cells[column.key] = null;
        continue;
      }
      if (!isBlank(read.value)) any = true;
      cells[column.key] = isBlank(read.value) ? null : read.value;
    }
    let extra = false;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (col > header.width && !isBlank(headerText(cell.value))) extra = true;
    });
    if (extra) result.errors.push({ line, column: null, letter: null, message: PARSE_MESSAGES.extraCells });
    if (any || mergedLines.has(line)) result.rows.push({ line, cells });
  });
  return result;
}
