/**
 * CSV for the seed's data files: reading goes through the admin import's
 * reader (lib/geography/unit-csv.ts, csv-parse: BOM, quotes, CRLF/LF/CR), so
 * the seed and the import read a GSO file the same way; writing makes a
 * province's rows into the files an administrator would upload (the import's tests).
 */
import { readCsvRecords } from "@/lib/geography/unit-csv";

export class CsvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CsvError";
  }
}

/**
 * Records keyed by column name from CSV text whose first row is the header. Every
 * column in `required` must be present; every row must have as many fields as the
 * header (a short row is a broken export, not missing data). Throws CsvError.
 */
export function parseCsvRecords<C extends string>(text: string, required: readonly C[], fileLabel = "CSV"): Record<C, string>[] {
  const { records, error } = readCsvRecords(text, required);
  if (error) throw new CsvError(`${fileLabel}${error.line === null ? "" : `, dòng ${error.line}`}: ${error.message}`);
  return records.map(({ rec }) => {
    const out = {} as Record<C, string>;
    for (const col of required) out[col] = rec[col];
    return out;
  });
}

function quoteField(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Writes rows as CSV with LF line endings and no BOM; fields are quoted only when they must be. */
export function stringifyCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((r) => r.map(quoteField).join(",")).join("\n") + "\n";
}
