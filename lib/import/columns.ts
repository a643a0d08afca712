/**
 * The spreadsheet of the import/export (ADR 010): one sheet, "Số liệu", one
 * row per indicator × unit (× sector) of a quarter, the header in row 1.
 * The template writer and the parser read the columns from here, so they can
 * never disagree. Columns are matched by their header, not their position:
 * a user who reorders them loses nothing.
 */

export const DATA_SHEET = "Số liệu";
export const GUIDE_SHEET = "Hướng dẫn";

/** Limits stated on the page and in every refusal. */
export const IMPORT_LIMITS = {
  bytes: 20 * 1024 * 1024,
  rows: 150_000,
} as const;

export const IMPORT_LIMITS_TEXT = "tối đa 20 MB và 150.000 dòng số liệu";

/** Multipart envelope on top of the file: a request body above file limit + this is refused while it streams in. */
export const IMPORT_BODY_SLACK = 64 * 1024;

/**
 * The most Next.js lets through its proxy into the route (next.config.ts
 * `proxyClientMaxBodySize`; beyond it Next silently cuts the body). A little above
 * the import's own limit, so a body that is too large always reaches the route's count
 * and gets its clear refusal, never a truncated, unreadable upload.
 */
export const IMPORT_PROXY_BODY_LIMIT = IMPORT_LIMITS.bytes + 2 * 1024 * 1024;

export type ImportColumnKey =
  | "indicatorCode"
  | "indicatorName"
  | "unitCode"
  | "unitName"
  | "level"
  | "sectorCode"
  | "period"
  | "numerator"
  | "denominator"
  | "value"
  | "measure"
  | "comment"
  | "observationStatus"
  | "sourceDocument"
  | "version"
  | "status";

export interface ImportColumn {
  key: ImportColumnKey;
  /** The header as written in the file. */
  header: string;
  /** Read on import (otherwise the column only helps the reader and may be missing). */
  required: boolean;
  /** Unlocked in the template's protected sheet: what the user fills in. */
  editable: boolean;
  /** Cells that must be numbers (or text that reads as one). */
  numeric: boolean;
  width: number;
}

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { key: "indicatorCode", header: "Mã chỉ tiêu", required: true, editable: false, numeric: false, width: 30 },
  { key: "indicatorName", header: "Tên chỉ tiêu", required: false, editable: false, numeric: false, width: 50 },
  { key: "unitCode", header: "Mã đơn vị", required: true, editable: false, numeric: false, width: 12 },
  { key: "unitName", header: "Tên đơn vị", required: false, editable: false, numeric: false, width: 28 },
  { key: "level", header: "Cấp", required: false, editable: false, numeric: false, width: 8 },
  { key: "sectorCode", header: "Mã ngành", required: true, editable: false, numeric: false, width: 14 },
  { key: "period", header: "Kỳ báo cáo", required: true, editable: false, numeric: false, width: 12 },
  { key: "numerator", header: "Tử số", required: true, editable: true, numeric: true, width: 14 },
  { key: "denominator", header: "Mẫu số", required: true, editable: true, numeric: true, width: 14 },
  { key: "value", header: "Giá trị", required: true, editable: true, numeric: true, width: 14 },
  { key: "measure", header: "Đơn vị tính", required: false, editable: false, numeric: false, width: 14 },
  { key: "comment", header: "Ghi chú", required: true, editable: true, numeric: false, width: 30 },
  { key: "version", header: "Phiên bản", required: true, editable: false, numeric: true, width: 10 },
  { key: "status", header: "Trạng thái", required: false, editable: false, numeric: false, width: 14 },
  // Added at the end, so the older columns keep their letters; optional (a file made before them still
  // imports, and its figures keep what they had): issue #14, item 11.
  { key: "observationStatus", header: "Tình trạng số liệu", required: false, editable: true, numeric: false, width: 16 },
  { key: "sourceDocument", header: "Văn bản nguồn", required: false, editable: true, numeric: false, width: 34 },
];

export const COLUMN_BY_KEY = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, c])) as Record<ImportColumnKey, ImportColumn>;

/** "Tử số" → "tử số": headers compare trimmed, NFC, case-insensitively, inner spaces collapsed. */
export function normaliseHeader(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase("vi");
}

/** 0 → "A", 27 → "AB": the column letter a spreadsheet user sees. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
