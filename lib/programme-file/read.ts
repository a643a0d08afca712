/**
 * An uploaded programme definition file (.xlsx or .json) → the document, or every problem of it
 * placed by sheet, row and column with its Vietnamese message. The spreadsheet's cells are read
 * into the JSON document's shape (Vietnamese numbers, "có"/"không", levels as a list) and then
 * both forms are judged by the one zod schema (./schema.ts), so a rule cannot differ between
 * them. Rules that need the database are the import service's (lib/services/programme-import.ts).
 */
import { parseLocaleNumber } from "@/lib/format/number";
import { z } from "@/lib/validations/zod";
import { PROGRAMME_FILE_FORMAT, programmeFileSchema, type ProgrammeFile } from "./schema";
import { PROGRAMME_SHEETS, PROGRAMME_XLSX_LIMITS, PROGRAMME_XLSX_LIMITS_TEXT, SHEET_BY_PART, type PartKey, type SheetColumn } from "./sheets";
import type { FileIssue, RawCell, RawRow, RawWorkbook } from "./xlsx";

export type FileFormat = "xlsx" | "json";

/** `lines`: for a spreadsheet, the row of each record of each part, to place later problems (the database's rules) too. */
export type ReadResult = ({ file: ProgrammeFile; errors: [] } | { file: null; errors: FileIssue[] }) & { format: FileFormat; lines: Record<PartKey, number[]> | null };

export const READ_MESSAGES = {
  empty: "Tệp rỗng.",
  tooLarge: `Tệp quá lớn; giới hạn là ${PROGRAMME_XLSX_LIMITS_TEXT}.`,
  unknownFormat: "Không nhận ra định dạng tệp. Hãy tải lên tệp .xlsx hoặc .json xuất từ trang Chương trình.",
  badUtf8: "Tệp JSON phải ở mã UTF-8.",
  badJson: (detail: string) => `Tệp JSON sai cú pháp: ${detail}.`,
  invalidType: (expected: string) => `Thiếu hoặc sai kiểu giá trị (cần ${EXPECTED[expected] ?? expected}).`,
  unknownFields: (keys: string[]) => `Trường không thuộc định dạng: ${keys.map((k) => `“${k}”`).join(", ")}.`,
  invalid: "Giá trị không hợp lệ.",
} as const;

const EXPECTED: Record<string, string> = {
  string: "chữ",
  number: "số",
  boolean: "có/không (true/false)",
  object: "một đối tượng",
  array: "một danh sách",
  null: "để trống (null)",
};

/** Part of the document → its Vietnamese name (the sheet of the spreadsheet form). */
const PART_NAMES = Object.fromEntries(PROGRAMME_SHEETS.map((p) => [p.key, p.sheet])) as Record<PartKey, string>;

const LEVEL_WORDS: Record<string, string> = { tỉnh: "PROVINCE", huyện: "DISTRICT", xã: "COMMUNE" };
const YES = new Set(["có", "co", "x", "yes", "true", "1"]);
const NO = new Set(["không", "khong", "no", "false", "0"]);

/** A cell → the JSON value of its field; what cannot be read is left as it is, for the schema to refuse with its message. */
function fieldOf(column: SheetColumn, cell: RawCell): unknown {
  switch (column.kind) {
    case "text":
      return typeof cell === "number" ? String(cell) : typeof cell === "string" ? cell.trim() : cell;
    case "day":
      // A day Excel stored as its serial number (a date typed into a cell not formatted as one): days since 1899-12-30.
      if (typeof cell === "number" && Number.isInteger(cell) && cell > 0 && cell < 100_000) return new Date((cell - 25_569) * 86_400_000).toISOString().slice(0, 10);
      return typeof cell === "string" ? cell.trim() : cell;
    case "number":
      return typeof cell === "string" ? (parseLocaleNumber(cell) ?? cell) : cell;
    case "boolean": {
      if (cell === null) return false;
      const word = typeof cell === "string" ? cell.trim().toLocaleLowerCase("vi") : typeof cell === "number" ? String(cell) : cell;
      return typeof word === "string" ? (YES.has(word) ? true : NO.has(word) ? false : word) : word;
    }
    case "levels":
      if (cell === null) return [];
      return String(cell)
        .split(/[,;]/)
        .map((w) => w.trim())
        .filter(Boolean)
        .map((w) => LEVEL_WORDS[w.toLocaleLowerCase("vi")] ?? w.toUpperCase());
  }
}

function recordOf(part: PartKey, row: RawRow): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  const answers: Record<string, unknown> = {};
  for (const column of SHEET_BY_PART[part].columns) {
    const value = fieldOf(column, row.cells[column.field] ?? null);
    if (column.field.startsWith("answers.")) answers[column.field.slice("answers.".length)] = value;
    else record[column.field] = value;
  }
  if (part === "targets") record.answers = Object.values(answers).every((v) => v === null) ? null : answers;
  return record;
}

/** The spreadsheet's raw cells → the JSON document, and where each record came from. */
export function documentFromWorkbook(raw: RawWorkbook): { document: unknown; lines: Record<PartKey, number[]> } {
  const rows = (part: PartKey) => raw.sheets[part] ?? [];
  return {
    document: {
      formatVersion: PROGRAMME_FILE_FORMAT,
      programme: rows("programme")[0] ? recordOf("programme", rows("programme")[0]!) : undefined,
      indicators: rows("indicators").map((r) => recordOf("indicators", r)),
      targets: rows("targets").map((r) => recordOf("targets", r)),
      baselines: rows("baselines").map((r) => recordOf("baselines", r)),
    },
    lines: {
      programme: rows("programme").map((r) => r.line),
      indicators: rows("indicators").map((r) => r.line),
      targets: rows("targets").map((r) => r.line),
      baselines: rows("baselines").map((r) => r.line),
    },
  };
}

/** Messages for what the schema's own fields do not word (a missing part, a stray field): still Vietnamese. */
const fallbackMessages = (issue: z.core.$ZodRawIssue): string => {
  if (issue.code === "invalid_type") return READ_MESSAGES.invalidType(String(issue.expected));
  if (issue.code === "unrecognized_keys") return READ_MESSAGES.unknownFields(issue.keys);
  return READ_MESSAGES.invalid;
};

/** A zod issue's path → sheet, row and column (xlsx: the row in the sheet and the column's header; JSON: the item's number and the field). */
function place(path: readonly PropertyKey[], format: FileFormat, lines: Record<PartKey, number[]> | null): Omit<FileIssue, "message"> {
  const [part, second, ...rest] = path;
  if (typeof part !== "string" || !(part in PART_NAMES)) return { sheet: null, row: null, column: path.length ? path.map(String).join(".") : null };
  const key = part as PartKey;
  const sheet = PART_NAMES[key];
  const index = key === "programme" ? 0 : typeof second === "number" ? second : null;
  const fieldPath = (key === "programme" ? [second, ...rest] : rest).filter((p) => p !== undefined).map(String);
  const field = fieldPath.filter((p) => !/^\d+$/.test(p)).join(".");
  if (format === "json") return { sheet, row: key === "programme" || index === null ? null : index + 1, column: fieldPath.length ? fieldPath.join(".") : null };
  const column = SHEET_BY_PART[key].columns.find((c) => c.field === field);
  return { sheet, row: index === null ? null : (lines?.[key][index] ?? null), column: column?.header ?? (field || null) };
}

/** Judges a document with the file's schema; every problem placed for the user. */
export function validateDocument(document: unknown, format: FileFormat, lines: Record<PartKey, number[]> | null = null): ReadResult {
  const parsed = programmeFileSchema.safeParse(document, { error: fallbackMessages });
  if (parsed.success) return { format, lines, file: parsed.data, errors: [] };
  const errors = parsed.error.issues.map((i) => ({ ...place(i.path, format, lines), message: i.message }));
  return { format, lines, file: null, errors: sortIssues(errors) };
}

const SHEET_ORDER = new Map<string | null, number>([[null, -1], ...PROGRAMME_SHEETS.map((p, i) => [p.sheet, i] as const)]);

export function sortIssues(issues: FileIssue[]): FileIssue[] {
  return [...issues].sort((a, b) => (SHEET_ORDER.get(a.sheet) ?? 9) - (SHEET_ORDER.get(b.sheet) ?? 9) || (a.row ?? 0) - (b.row ?? 0));
}

const refusal = (format: FileFormat, message: string): ReadResult => ({ format, lines: null, file: null, errors: [{ sheet: null, row: null, column: null, message }] });

/**
 * Reads an uploaded file. The bytes decide the format (a zip is a workbook; text starting with "{"
 * is JSON). A workbook is read by `readWorkbook` — in the app, in a child process under limits
 * (lib/import/parse-isolated.ts), never in the server's own process.
 */
export async function readProgrammeFile(name: string, bytes: Uint8Array, readWorkbook: (bytes: Uint8Array) => Promise<RawWorkbook>): Promise<ReadResult> {
  const guess: FileFormat = /\.json$/i.test(name) ? "json" : "xlsx";
  if (bytes.length === 0) return refusal(guess, READ_MESSAGES.empty);
  if (bytes.length > PROGRAMME_XLSX_LIMITS.bytes) return refusal(guess, READ_MESSAGES.tooLarge);
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (zip || bytes[0] === 0xd0 || /\.xlsx?$/i.test(name)) {
    const raw = await readWorkbook(bytes);
    if (raw.errors.length > 0) return { format: "xlsx", lines: null, file: null, errors: sortIssues(raw.errors) };
    const { document, lines } = documentFromWorkbook(raw);
    return validateDocument(document, "xlsx", lines);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return refusal("json", READ_MESSAGES.badUtf8);
  }
  if (text.startsWith("\uFEFF")) text = text.slice(1);
  if (!text.trimStart().startsWith("{")) return refusal(guess, READ_MESSAGES.unknownFormat);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return refusal("json", READ_MESSAGES.badJson(error instanceof Error ? error.message : String(error)));
  }
  return validateDocument(document, "json");
}
