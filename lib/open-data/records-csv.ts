/**
 * The CSV of an open-data endpoint's records: the documented fields
 * (lib/open-data/fields.ts) as columns, in their order, through the one CSV
 * writer (lib/export/csv.ts: text a spreadsheet would run is defused). Used by
 * /api/v1?format=csv and by the aggregate downloads, so both have the same
 * columns. Pure.
 */
import { csvDocument } from "@/lib/export/csv";
import type { SuccessionLink } from "@/lib/data/open-data";
import { FIELDS } from "./fields";
import type { Endpoint } from "./params";

/** A succession in a CSV cell: "code@valid_from:KIND", and ":share" for a PARTIAL one whose share is recorded. */
function successionText(l: SuccessionLink): string {
  return `${l.code}@${l.valid_from}:${l.kind}${l.kind === "PARTIAL" && l.weight !== null ? `:${l.weight}` : ""}`;
}

/** A field's CSV text before quoting: lists (successions) as "code@valid_from:kind|…". */
function csvValue(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) {
    return value.map((v) => (typeof v === "object" && v !== null ? successionText(v as SuccessionLink) : String(v))).join("|");
  }
  return typeof value === "number" || typeof value === "boolean" ? value : String(value);
}

export function recordsCsv(endpoint: Endpoint, rows: readonly object[]): string {
  const names = FIELDS[endpoint].map((f) => f.name);
  return csvDocument(
    names,
    rows.map((row) => names.map((n) => csvValue((row as Record<string, unknown>)[n]))),
  );
}
