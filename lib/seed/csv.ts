/**
 * A small RFC 4180 CSV reader and writer for the seed's data files.
 *
 * Owns: the UTF-8 byte-order mark, quoted fields (with "" for a quote, and
 * commas or line breaks inside), and CRLF, LF or lone CR line endings. The GSO
 * files we copy are plain today, but they are exported by hand from
 * spreadsheets, and a BOM or a quoted name must not shift a column silently.
 */

export class CsvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CsvError";
  }
}

const BOM = "\uFEFF";

/** Parses CSV text into rows of raw fields. A trailing line break does not make an empty row. */
export function parseCsv(text: string): string[][] {
  const src = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let inQuotes = false;
  // Whether the current field started with a quote: `a"b` is kept literally, `"a"b` is an error.
  let quotedField = false;
  let line = 1;
  let i = 0;

  const endField = () => {
    row.push(field);
    field = "";
    quotedField = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };

  while (i < src.length) {
    const ch = src[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i += 1;
        const next = src[i];
        if (next !== undefined && next !== "," && next !== "\r" && next !== "\n") {
          throw new CsvError(`Dòng ${line}: ký tự "${next}" sau dấu ngoặc kép đóng (line ${line}: text after a closing quote)`);
        }
        continue;
      }
      if (ch === "\n") line += 1;
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === "" && !quotedField) {
      inQuotes = true;
      quotedField = true;
      i += 1;
      continue;
    }
    if (ch === ",") {
      endField();
      i += 1;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      endRow();
      i += ch === "\r" && src[i + 1] === "\n" ? 2 : 1;
      line += 1;
      continue;
    }
    field += ch;
    i += 1;
  }
  if (inQuotes) {
    throw new CsvError(`Dấu ngoặc kép chưa đóng ở cuối tệp (unterminated quoted field)`);
  }
  // Last line without a line break.
  if (field !== "" || quotedField || row.length > 0) endRow();
  return rows;
}

/**
 * Parses CSV text whose first row is a header into records keyed by column name.
 * Every column in `required` must be present; every row must have as many fields
 * as the header (a short row is a broken export, not missing data).
 */
export function parseCsvRecords<C extends string>(
  text: string,
  required: readonly C[],
  fileLabel = "CSV",
): Record<C, string>[] {
  const rows = parseCsv(text);
  const header = rows[0];
  if (!header) throw new CsvError(`${fileLabel}: tệp rỗng (empty file)`);
  const names = header.map((h) => h.trim());
  for (const col of required) {
    if (!names.includes(col)) {
      throw new CsvError(`${fileLabel}: thiếu cột "${col}" (missing column; header: ${names.join(",")})`);
    }
  }
  const out: Record<C, string>[] = [];
  for (let r = 1; r < rows.length; r++) {
    const fields = rows[r]!;
    // A blank line (one empty field) is tolerated; it is what an editor leaves behind.
    if (fields.length === 1 && fields[0] === "") continue;
    if (fields.length !== names.length) {
      throw new CsvError(
        `${fileLabel}, dòng ${r + 1}: ${fields.length} trường, tiêu đề có ${names.length} (row has ${fields.length} fields, header has ${names.length})`,
      );
    }
    const rec = {} as Record<C, string>;
    for (const col of required) rec[col] = fields[names.indexOf(col)]!;
    out.push(rec);
  }
  return out;
}

function quoteField(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Writes rows as CSV with LF line endings and no BOM; fields are quoted only when they must be. */
export function stringifyCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((r) => r.map(quoteField).join(",")).join("\n") + "\n";
}
