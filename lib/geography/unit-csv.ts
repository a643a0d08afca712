/**
 * Reading a GSO unit list and a succession list, in the formats of the
 * catalogue we seed from (prisma/seed-data/admin-units/README.md):
 *
 *   code,name,type,level,parent_code          (level: province|district|commune)
 *   level,old_code,new_code,kind               (kind: full|partial)
 *
 * Pure: CSV text in, rows with their line numbers or Vietnamese errors out.
 * What needs the database (parents and predecessors that already exist,
 * codes already valid on the date) is checked by lib/services/admin-units.ts.
 * Parsed with csv-parse (quotes, BOM, CRLF), so a spreadsheet export works.
 */
import { parse } from "csv-parse/sync";
import { CsvError as CsvParseError } from "csv-parse/sync";
import { csvErrorVi } from "@/lib/i18n/csv-errors";
import type { SuccessionKind, UnitLevel } from "@/lib/generated/prisma/enums";

export const UNIT_COLUMNS = ["code", "name", "type", "level", "parent_code"] as const;
export const SUCCESSION_COLUMNS = ["level", "old_code", "new_code", "kind"] as const;
export const IMPORT_MAX_ROWS = 20_000;
/** At most this many errors are listed; the file is refused either way. */
export const MAX_LISTED_ERRORS = 50;

export const LEVEL_NAMES: Record<string, UnitLevel> = { province: "PROVINCE", district: "DISTRICT", commune: "COMMUNE" };
const KIND_NAMES: Record<string, SuccessionKind> = { full: "FULL", partial: "PARTIAL" };
export const LEVEL_LABELS: Record<UnitLevel, string> = { PROVINCE: "tỉnh", DISTRICT: "huyện", COMMUNE: "xã" };

export interface ImportError {
  file: "units" | "successions";
  /** 1-based line of the file (the header is line 1); null for a whole-file problem. */
  line: number | null;
  message: string;
}

export const FILE_LABELS: Record<ImportError["file"], string> = {
  units: "Danh sách đơn vị",
  successions: "Danh sách kế thừa",
};

export function formatImportError(e: ImportError): string {
  return `${FILE_LABELS[e.file]}${e.line === null ? "" : `, dòng ${e.line}`}: ${e.message}`;
}

export interface UnitRow {
  line: number;
  code: string;
  name: string;
  type: string;
  level: UnitLevel;
  parentCode: string | null;
}

export interface SuccessionRow {
  line: number;
  level: UnitLevel;
  oldCode: string;
  newCode: string;
  kind: SuccessionKind;
}

interface Parsed<R> {
  rows: R[];
  errors: ImportError[];
}

/**
 * The one reader of unit and succession CSV files (the admin import here, the seed
 * through lib/seed/csv.ts): records keyed by the header's
 * lower-cased names, with the line each ends on, or the file's structural problem in Vietnamese.
 */
export function readCsvRecords<C extends string>(
  text: string,
  columns: readonly C[],
  maxRows = Infinity,
): { records: { line: number; rec: Record<C, string> }[]; error: { line: number | null; message: string } | null } {
  let header: string[] = [];
  try {
    const out = parse(text, {
      bom: true,
      columns: (h: string[]) => {
        header = h.map((c) => c.trim().toLowerCase());
        return header;
      },
      info: true,
      skip_empty_lines: true,
      trim: true,
    }) as { record: Record<string, string>; info: { lines: number } }[];
    const missing = columns.filter((c) => !header.includes(c));
    if (missing.length > 0) {
      return { records: [], error: { line: 1, message: `thiếu cột ${missing.map((c) => `"${c}"`).join(", ")} (dòng tiêu đề cần: ${columns.join(",")}).` } };
    }
    if (out.length > maxRows) {
      return { records: [], error: { line: null, message: `quá nhiều dòng (${out.length}); tối đa ${maxRows.toLocaleString("vi-VN")}.` } };
    }
    return { records: out.map((r) => ({ line: r.info.lines, rec: r.record as Record<C, string> })), error: null };
  } catch (error) {
    if (error instanceof CsvParseError) {
      const line = (error as unknown as { lines?: number }).lines ?? null;
      const what = `${csvErrorVi(error.code)}.`;
      return { records: [], error: { line, message: what } };
    }
    throw error;
  }
}

/** Records of an uploaded file, its problem as an ImportError of that file. */
function readRecords<C extends string>(text: string, columns: readonly C[], file: ImportError["file"]): { records: { line: number; rec: Record<C, string> }[]; errors: ImportError[] } {
  const { records, error } = readCsvRecords(text, columns, IMPORT_MAX_ROWS);
  return { records, errors: error ? [{ file, ...error }] : [] };
}

const CODE = /^\d{2,5}$/;

export function parseUnitList(text: string): Parsed<UnitRow> {
  const { records, errors } = readRecords(text, UNIT_COLUMNS, "units");
  const rows: UnitRow[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, rec } of records) {
    const bad = (message: string) => errors.push({ file: "units", line, message });
    const level = LEVEL_NAMES[rec.level!.toLowerCase()];
    if (!level) bad(`cấp "${rec.level}" không hợp lệ (chỉ nhận province, district hoặc commune).`);
    if (!CODE.test(rec.code!)) bad(`mã "${rec.code}" không hợp lệ (mã GSO gồm 2–5 chữ số).`);
    if (rec.name === "") bad("thiếu tên đơn vị.");
    if (rec.type === "") bad("thiếu loại đơn vị (ví dụ Xã, Phường, Tỉnh).");
    const seen = firstLine.get(rec.code!);
    if (seen !== undefined) bad(`mã ${rec.code} trùng với dòng ${seen} (cùng ngày hiệu lực).`);
    else firstLine.set(rec.code!, line);
    if (level && level !== "PROVINCE" && rec.parent_code === "") bad(`đơn vị cấp ${LEVEL_LABELS[level]} phải có mã đơn vị cha (parent_code).`);
    if (level === "PROVINCE" && rec.parent_code !== "") bad("đơn vị cấp tỉnh không có đơn vị cha.");
    if (level && CODE.test(rec.code!) && rec.name !== "" && rec.type !== "") {
      rows.push({ line, code: rec.code!, name: rec.name!, type: rec.type!, level, parentCode: rec.parent_code === "" ? null : rec.parent_code! });
    }
  }
  if (records.length === 0 && errors.length === 0) errors.push({ file: "units", line: null, message: "tệp không có đơn vị nào." });
  return { rows, errors };
}

export function parseSuccessionList(text: string): Parsed<SuccessionRow> {
  const { records, errors } = readRecords(text, SUCCESSION_COLUMNS, "successions");
  const rows: SuccessionRow[] = [];
  const pairs = new Map<string, number>();
  for (const { line, rec } of records) {
    const bad = (message: string) => errors.push({ file: "successions", line, message });
    const level = LEVEL_NAMES[rec.level!.toLowerCase()];
    const kind = KIND_NAMES[rec.kind!.toLowerCase()];
    if (!level) bad(`cấp "${rec.level}" không hợp lệ (chỉ nhận province, district hoặc commune).`);
    if (!kind) bad(`kiểu kế thừa "${rec.kind}" không hợp lệ (chỉ nhận full hoặc partial).`);
    if (!CODE.test(rec.old_code!)) bad(`mã cũ "${rec.old_code}" không hợp lệ.`);
    if (!CODE.test(rec.new_code!)) bad(`mã mới "${rec.new_code}" không hợp lệ.`);
    const pair = `${rec.old_code}>${rec.new_code}`;
    const seen = pairs.get(pair);
    if (seen !== undefined) bad(`cặp ${rec.old_code} → ${rec.new_code} trùng với dòng ${seen}.`);
    else pairs.set(pair, line);
    if (level && kind && CODE.test(rec.old_code!) && CODE.test(rec.new_code!) && seen === undefined) {
      rows.push({ line, level, oldCode: rec.old_code!, newCode: rec.new_code!, kind });
    }
  }
  // "full": the whole old unit went into one new unit, so it cannot have a second successor.
  const byOld = new Map<string, SuccessionRow[]>();
  for (const r of rows) byOld.set(`${r.level}:${r.oldCode}`, [...(byOld.get(`${r.level}:${r.oldCode}`) ?? []), r]);
  for (const list of byOld.values()) {
    if (list.length > 1 && list.some((r) => r.kind === "FULL")) {
      const full = list.find((r) => r.kind === "FULL")!;
      errors.push({
        file: "successions",
        line: full.line,
        message: `mã cũ ${full.oldCode} kế thừa "full" (toàn bộ) nhưng có ${list.length} đơn vị kế thừa (dòng ${list.map((r) => r.line).join(", ")}).`,
      });
    }
  }
  return { rows, errors };
}
