/**
 * The entry grid's model, without React: a row's draft (what is typed, as
 * typed), whether it differs from the stored figure, the input the server
 * action gets, the per-cell messages of the shared schema, and the formatting
 * of numbers, rates and times the cells show. The grid (entry-grid.tsx) holds
 * the state; the tables (entry-tables.tsx) draw it.
 */
import type { EntryFigure, EntryIndicator, EntryRow } from "@/lib/data/entry";
import type { FigureSnapshot, RowProblem } from "@/lib/services/figures";
import type { ActionResult } from "@/lib/actions/result";
import { figureRowSchemaFor, type FigureRowInput, type ObservationStatus } from "@/lib/validations/figure";
import { formatDate, formatNumber, formatPercent, parseLocaleNumber, PLACEHOLDER } from "@/lib/format/number";
import { vietnamClock } from "@/lib/period/vietnam-time";

export type Field = "numerator" | "denominator" | "value" | "comment" | "observationStatus" | "sourceDocument";
export const FIELDS: readonly string[] = ["numerator", "denominator", "value", "comment", "observationStatus", "sourceDocument"] satisfies Field[];

export interface Draft {
  numerator: string;
  denominator: string;
  value: string;
  comment: string;
  /** How final the figure is (Chính thức / Sơ bộ / Ước tính): exported with it once approved. */
  observationStatus: ObservationStatus;
  /** The document it comes from, optional. */
  sourceDocument: string;
  /** The version the user started from; sent with the save (0 = a new figure). */
  baseVersion: number;
}

export type FieldErrors = Partial<Record<Field, string[]>>;

export interface Notice {
  kind: "success" | "error";
  text: string;
}

export const EMPTY: string[] = [];

export function fmt(n: number | null): string {
  return n === null ? "" : formatNumber(n, "vi", { maximumFractionDigits: 4 });
}

/** "09:15 28/11/2026", in Vietnam time. */
export function formatDateTime(iso: string): string {
  const d = vietnamClock(new Date(iso));
  const hh = String(d.getUTCHours()).padStart(2, "0");
  const mm = String(d.getUTCMinutes()).padStart(2, "0");
  return `${hh}:${mm} ${formatDate(d, "vi")}`;
}

export function cellNumber(s: string): number | null {
  if (s.trim() === "") return null;
  return parseLocaleNumber(s) ?? Number.NaN; // NaN equals nothing: an unreadable cell is a change
}

export function rateText(numerator: number | null, denominator: number | null): string {
  if (numerator === null || denominator === null || !Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator <= 0) {
    return PLACEHOLDER;
  }
  return formatPercent((numerator / denominator) * 100, "vi");
}

export function figureText(kind: EntryIndicator["kind"], f: Pick<EntryFigure, "numerator" | "denominator" | "value">, unitVi: string): string {
  if (kind === "RATIO") return `${fmt(f.numerator)} / ${fmt(f.denominator)} (${rateText(f.numerator, f.denominator)})`;
  return `${fmt(f.value)} ${unitVi}`;
}

export function draftFrom(figure: EntryFigure | null): Draft {
  return {
    numerator: fmt(figure?.numerator ?? null),
    denominator: fmt(figure?.denominator ?? null),
    value: fmt(figure?.value ?? null),
    comment: figure?.comment ?? "",
    observationStatus: figure?.observationStatus ?? "NORMAL",
    sourceDocument: figure?.sourceDocument ?? "",
    baseVersion: figure?.version ?? 0,
  };
}

export function isDirty(kind: EntryIndicator["kind"], draft: Draft | undefined, figure: EntryFigure | null): boolean {
  if (!draft) return false;
  if ((draft.comment.trim() || null) !== (figure?.comment ?? null)) return true;
  if (draft.observationStatus !== (figure?.observationStatus ?? "NORMAL")) return true;
  if ((draft.sourceDocument.trim() || null) !== (figure?.sourceDocument ?? null)) return true;
  if (kind === "RATIO") {
    return cellNumber(draft.numerator) !== (figure?.numerator ?? null) || cellNumber(draft.denominator) !== (figure?.denominator ?? null);
  }
  return cellNumber(draft.value) !== (figure?.value ?? null);
}

export function rowInput(indicator: EntryIndicator, row: EntryRow, periodId: number, draft: Draft): FigureRowInput {
  const base = {
    indicatorId: row.indicatorId,
    unitId: row.unitId,
    periodId,
    sectorId: row.sectorId,
    comment: draft.comment,
    observationStatus: draft.observationStatus,
    sourceDocument: draft.sourceDocument,
    version: draft.baseVersion,
  };
  return indicator.kind === "RATIO" ? { ...base, numerator: draft.numerator, denominator: draft.denominator } : { ...base, value: draft.value };
}

export function rowErrors(indicator: EntryIndicator, row: EntryRow, periodId: number, draft: Draft): FieldErrors {
  const parsed = figureRowSchemaFor(indicator).safeParse(rowInput(indicator, row, periodId, draft));
  if (parsed.success) return {};
  const out: FieldErrors = {};
  const first: Field = indicator.kind === "RATIO" ? "numerator" : "value";
  for (const issue of parsed.error.issues) {
    const p = issue.path[0];
    const field: Field = typeof p === "string" && FIELDS.includes(p) ? (p as Field) : first;
    (out[field] ??= []).push(issue.message);
  }
  return out;
}

export function rowLabel(row: EntryRow): string {
  return row.sectorName ? `${row.unitName} – ${row.sectorName}` : row.unitName;
}

/** The newer of two views of a figure: the page's, or what an action just returned. */
export function newer(a: EntryFigure | null, b: EntryFigure | null | undefined): EntryFigure | null {
  if (b === undefined) return a;
  if (a === null || b === null) return b ?? a;
  return b.version >= a.version ? b : a;
}

/** A figure an action returned, as the grid holds it; `byMe` when the action was the user's own write. */
export function toEntryFigure(s: FigureSnapshot, byMe: boolean): EntryFigure {
  return {
    id: s.id,
    numerator: s.numerator,
    denominator: s.denominator,
    value: s.value,
    comment: s.comment,
    observationStatus: s.observationStatus,
    sourceDocument: s.sourceDocument,
    status: s.status,
    version: s.version,
    reviewComment: s.reviewComment,
    updatedAt: s.updatedAt,
    updatedByName: s.updatedByName,
    updatedByMe: byMe,
  };
}

/**
 * The drafts after a save answered: a row still holding the text that was sent
 * is done; a row typed on while it was saving keeps the newer text, now based
 * on the version just saved (the next save of it is not a conflict with itself).
 */
export function settleDrafts(
  drafts: Record<string, Draft>,
  sent: readonly { key: string; draft: Draft }[],
  versions: ReadonlyMap<string, number>,
): Record<string, Draft> {
  let next: Record<string, Draft> | null = null;
  for (const { key, draft } of sent) {
    const now = drafts[key];
    const version = versions.get(key);
    if (now === draft) {
      next ??= { ...drafts };
      delete next[key];
    } else if (now && version !== undefined) {
      next ??= { ...drafts };
      next[key] = { ...now, baseVersion: version };
    }
  }
  return next ?? drafts;
}

/** The cell a server's refusal belongs to; a row-wide one goes to the first number cell. */
export function problemField(p: RowProblem, kind: EntryIndicator["kind"]): Field {
  if (p.field !== null && FIELDS.includes(p.field)) return p.field as Field;
  return kind === "RATIO" ? "numerator" : "value";
}

export function keyOf(r: { indicatorId: number; unitId: number; sectorId: number | null }): string {
  return `${r.indicatorId}:${r.unitId}:${r.sectorId ?? "-"}`;
}

/** Actions never throw, but the network can: then nothing is known to be saved. */
export async function reach<T>(call: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await call();
  } catch {
    return { ok: false, code: "NETWORK", error: "Không kết nối được máy chủ; thay đổi chưa được lưu. Vui lòng thử lại." };
  }
}

/** A cell of a row, in the order the grid shows them: what the keyboard moves over. */
export type GridColumn = "select" | Field | "history";

const RATIO_FIELDS: Field[] = ["numerator", "denominator", "comment", "observationStatus", "sourceDocument"];
const VALUE_FIELDS: Field[] = ["value", "comment", "observationStatus", "sourceDocument"];
const RATIO_COLUMNS: GridColumn[] = ["select", ...RATIO_FIELDS, "history"];
const VALUE_COLUMNS: GridColumn[] = ["select", ...VALUE_FIELDS, "history"];

/** The same array every time (memoised rows compare it). */
export function gridColumns(kind: EntryIndicator["kind"]): GridColumn[] {
  return kind === "RATIO" ? RATIO_COLUMNS : VALUE_COLUMNS;
}

/** The cells a pasted block fills, left to right (the checkbox and the history link take nothing). */
export function pasteFields(kind: EntryIndicator["kind"]): Field[] {
  return kind === "RATIO" ? RATIO_FIELDS : VALUE_FIELDS;
}

export function isNumberField(field: Field): boolean {
  return field === "numerator" || field === "denominator" || field === "value";
}
