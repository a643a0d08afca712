/**
 * The data-entry forms' schemas, shared by the grid (per-cell messages while
 * typing) and the server (the action and the service parse the same input).
 * Numbers may be typed the Vietnamese way ("1.650", "34,87"). Rules that need
 * facts from the database (period open, unit valid on the quarter, scope…) are
 * checked by lib/services/figures.ts; rules that need only the indicator's kind
 * are here, in figureRowSchemaFor.
 */
import { z } from "@/lib/validations/zod";
import { parseLocaleNumber } from "@/lib/format/number";
import { INT4_MAX } from "@/lib/validations/admin-common";

export type FigureKind = "RATIO" | "COUNT" | "CHANGE_VS_BASELINE" | "RANK";

/** What the kind rules need to know about an indicator. */
export interface FigureIndicatorRules {
  kind: FigureKind;
  /** "%" marks a value kept in percent (then 0–100). */
  unitVi: string;
}

/** Provinces ranked by the DTI: 63 until the 2025 merger (34 since), so 63 bounds every year. */
export const MAX_RANK = 63;
export const MAX_ROWS = 2000;
export const MAX_COMMENT = 1000;
export const MAX_SOURCE_DOCUMENT = 500;

/** How final a figure is (SDMX OBS_STATUS A / P / E); issue #14, item 11. */
export const OBSERVATION_STATUSES = ["NORMAL", "PROVISIONAL", "ESTIMATED"] as const;
export type ObservationStatus = (typeof OBSERVATION_STATUSES)[number];

/**
 * What an editor writes in a figure, as numbers and text: its content. Saving the same content
 * again changes nothing; any other change is a new version, audited. One definition for the
 * grid, the services, the import and the audit.
 */
export interface FigureContent {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  comment: string | null;
  observationStatus: ObservationStatus;
  sourceDocument: string | null;
}

/** The content of any figure-like record, and nothing else (for the audit and comparisons). */
export function figureContent(f: FigureContent): FigureContent {
  return { numerator: f.numerator, denominator: f.denominator, value: f.value, comment: f.comment, observationStatus: f.observationStatus, sourceDocument: f.sourceDocument };
}

/** A stored figure's content, its decimal columns (Prisma's Decimal) as numbers: what the grid and the snapshots show. */
export function storedFigureContent(f: Omit<FigureContent, "numerator" | "denominator" | "value"> & Record<"numerator" | "denominator" | "value", { toNumber(): number } | null>): FigureContent {
  const n = (d: { toNumber(): number } | null) => (d === null ? null : d.toNumber());
  return figureContent({ ...f, numerator: n(f.numerator), denominator: n(f.denominator), value: n(f.value) });
}

/** Same content: saving it again would change nothing. */
export function sameFigureContent(a: FigureContent, b: FigureContent): boolean {
  return (
    a.numerator === b.numerator &&
    a.denominator === b.denominator &&
    a.value === b.value &&
    a.comment === b.comment &&
    a.observationStatus === b.observationStatus &&
    a.sourceDocument === b.sourceDocument
  );
}
export const OBSERVATION_STATUS_LABELS: Record<ObservationStatus, { vi: string; en: string; sdmx: "A" | "P" | "E" }> = {
  NORMAL: { vi: "Chính thức", en: "Normal", sdmx: "A" },
  PROVISIONAL: { vi: "Sơ bộ", en: "Provisional", sdmx: "P" },
  ESTIMATED: { vi: "Ước tính", en: "Estimated", sdmx: "E" },
};
export const MIN_LOCKED_REASON = 10;
export const MAX_REASON = 1000;
/** Decimal(20,4) holds 16 integer digits; a quarter's count is far below this. */
export const MAX_NUMBER = 1e15;
const MAX_FRACTION_DIGITS = 4;

export const FIGURE_MESSAGES = {
  invalidInput: "Dữ liệu nhập không hợp lệ.",
  indicatorId: "Mã chỉ tiêu không hợp lệ.",
  unitId: "Mã đơn vị không hợp lệ.",
  periodId: "Mã kỳ báo cáo không hợp lệ.",
  sectorId: "Mã ngành, lĩnh vực không hợp lệ.",
  version: "Phiên bản số liệu không hợp lệ; hãy tải lại trang.",
  figureId: "Mã số liệu không hợp lệ.",
  tooLarge: "Số quá lớn (tối đa 1.000.000.000.000.000).",
  tooManyDecimals: "Tối đa 4 chữ số thập phân.",
  numeratorNotNumber: "Tử số phải là một số (ví dụ 1.650).",
  numeratorNotInteger: "Tử số phải là số nguyên.",
  numeratorNegative: "Tử số không được âm.",
  numeratorMissing: "Vui lòng nhập tử số.",
  denominatorNotNumber: "Mẫu số phải là một số (ví dụ 1.650).",
  denominatorNotInteger: "Mẫu số phải là số nguyên.",
  denominatorNotPositive: "Mẫu số phải lớn hơn 0.",
  denominatorMissing: "Vui lòng nhập mẫu số.",
  numeratorAboveDenominator: "Tử số không được lớn hơn mẫu số.",
  valueNotNumber: "Giá trị phải là một số (ví dụ 1.650 hoặc 34,87).",
  valueNegative: "Giá trị không được âm.",
  valueNotInteger: "Giá trị phải là số nguyên.",
  valueMissing: "Vui lòng nhập giá trị.",
  rankNotPositiveInteger: "Thứ hạng phải là số nguyên dương.",
  rankTooLarge: `Thứ hạng không được lớn hơn ${MAX_RANK}.`,
  percentOutOfRange: "Tỷ lệ phần trăm phải từ 0 đến 100.",
  bothShapes: "Chỉ nhập tử số và mẫu số, hoặc chỉ nhập giá trị, không nhập cả hai.",
  ratioExpected: "Chỉ tiêu này là tỷ lệ: hãy nhập tử số và mẫu số, không nhập giá trị.",
  valueExpected: "Chỉ tiêu này không phải tỷ lệ: hãy nhập giá trị, không nhập tử số và mẫu số.",
  noValues: "Vui lòng nhập số liệu.",
  comment: "Ghi chú không hợp lệ.",
  commentTooLong: `Ghi chú tối đa ${MAX_COMMENT} ký tự.`,
  observationStatus: "Tình trạng số liệu phải là Chính thức, Sơ bộ hoặc Ước tính.",
  sourceDocument: "Văn bản nguồn không hợp lệ.",
  sourceDocumentTooLong: `Văn bản nguồn tối đa ${MAX_SOURCE_DOCUMENT} ký tự.`,
  rowsMissing: "Chưa có số liệu nào để lưu.",
  rowsTooMany: `Mỗi lần lưu tối đa ${MAX_ROWS} dòng số liệu.`,
  figuresMissing: "Chưa chọn số liệu nào để gửi duyệt.",
  figuresTooMany: `Mỗi lần gửi tối đa ${MAX_ROWS} số liệu.`,
  rowOtherPeriod: "Mọi dòng phải thuộc kỳ báo cáo đang nhập.",
  duplicateRow: "Một ô số liệu xuất hiện hai lần trong cùng một lần lưu.",
  duplicateFigure: "Một số liệu xuất hiện hai lần trong cùng một lần gửi.",
  reason: "Lý do không hợp lệ.",
  reasonTooShort: `Lý do phải có ít nhất ${MIN_LOCKED_REASON} ký tự.`,
  reasonTooLong: `Lý do tối đa ${MAX_REASON} ký tự.`,
} as const;

interface NumberMessages {
  notNumber: string;
}

/**
 * A number typed in a cell or sent as JSON: absent ("" / null / undefined) is
 * null; strings are read the Vietnamese way; anything else is refused with a
 * message, never coerced (true, [], "1e309" and "١٢٣" are not numbers).
 */
function localeNumber(messages: NumberMessages) {
  return z.unknown().optional().transform((input, ctx): number | null => {
    if (input === undefined || input === null) return null;
    let n: number | null = null;
    if (typeof input === "number") n = Number.isFinite(input) ? input : null;
    else if (typeof input === "string") {
      if (input.trim() === "") return null;
      // No real figure needs more; bounds the work done on hostile input.
      n = input.length > 64 ? null : parseLocaleNumber(input);
    }
    if (n === null) {
      ctx.addIssue({ code: "custom", message: messages.notNumber });
      return z.NEVER;
    }
    if (Math.abs(n) > MAX_NUMBER) {
      ctx.addIssue({ code: "custom", message: FIGURE_MESSAGES.tooLarge });
      return z.NEVER;
    }
    return n === 0 ? 0 : n; // no -0
  });
}

function hasAtMostFractionDigits(n: number, digits: number): boolean {
  const scaled = n * 10 ** digits;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

// Field issues stop the row's cross-field rules: "numerator ≤ denominator" means nothing for a negative denominator.
const numeratorField = localeNumber({ notNumber: FIGURE_MESSAGES.numeratorNotNumber }).superRefine((n, ctx) => {
  if (n === null) return;
  if (!Number.isInteger(n)) ctx.addIssue({ code: "custom", message: FIGURE_MESSAGES.numeratorNotInteger, continue: false });
  else if (n < 0) ctx.addIssue({ code: "custom", message: FIGURE_MESSAGES.numeratorNegative, continue: false });
});

const denominatorField = localeNumber({ notNumber: FIGURE_MESSAGES.denominatorNotNumber }).superRefine((n, ctx) => {
  if (n === null) return;
  if (!Number.isInteger(n)) ctx.addIssue({ code: "custom", message: FIGURE_MESSAGES.denominatorNotInteger, continue: false });
  else if (n <= 0) ctx.addIssue({ code: "custom", message: FIGURE_MESSAGES.denominatorNotPositive, continue: false });
});

const valueField = localeNumber({ notNumber: FIGURE_MESSAGES.valueNotNumber }).superRefine((n, ctx) => {
  if (n === null) return;
  if (n < 0) ctx.addIssue({ code: "custom", message: FIGURE_MESSAGES.valueNegative, continue: false });
  else if (!hasAtMostFractionDigits(n, MAX_FRACTION_DIGITS)) ctx.addIssue({ code: "custom", message: FIGURE_MESSAGES.tooManyDecimals, continue: false });
});

/** Ids and versions are PostgreSQL integers: anything beyond is refused here, not by the database. */
const id = (message: string) => z.number({ error: message }).int({ error: message }).positive({ error: message }).max(INT4_MAX, { error: message });
const version = (min: number) =>
  z.number({ error: FIGURE_MESSAGES.version }).int({ error: FIGURE_MESSAGES.version }).min(min, { error: FIGURE_MESSAGES.version }).max(INT4_MAX, { error: FIGURE_MESSAGES.version });

// PostgreSQL text cannot hold NUL.
// eslint-disable-next-line no-control-regex -- NUL is what this refuses
const NO_NUL = /^[^\u0000]*$/;

const commentField = z
  .string({ error: FIGURE_MESSAGES.comment })
  .regex(NO_NUL, { error: FIGURE_MESSAGES.comment })
  .trim()
  .max(MAX_COMMENT, { error: FIGURE_MESSAGES.commentTooLong })
  .nullish()
  .transform((s) => (s ? s : null));

/** Absent is NORMAL: a figure is final unless its editor says otherwise. */
const observationStatusField = z
  .enum(OBSERVATION_STATUSES, { error: FIGURE_MESSAGES.observationStatus })
  .nullish()
  .transform((s): ObservationStatus => s ?? "NORMAL");

const sourceDocumentField = z
  .string({ error: FIGURE_MESSAGES.sourceDocument })
  .regex(NO_NUL, { error: FIGURE_MESSAGES.sourceDocument })
  .trim()
  .max(MAX_SOURCE_DOCUMENT, { error: FIGURE_MESSAGES.sourceDocumentTooLong })
  .nullish()
  .transform((s) => (s ? s : null));

/** Optional; required (≥ 10 characters) by the service only for a locked period. */
const reasonField = z
  .string({ error: FIGURE_MESSAGES.reason })
  .regex(NO_NUL, { error: FIGURE_MESSAGES.reason })
  .trim()
  .max(MAX_REASON, { error: FIGURE_MESSAGES.reasonTooLong })
  .nullish()
  .transform((s) => (s ? s : null))
  .refine((s) => s === null || s.length >= MIN_LOCKED_REASON, { error: FIGURE_MESSAGES.reasonTooShort });

/** One cell of the grid: indicator × unit × period (× sector), with the version it was read at (0 = new). */
export const figureRowSchema = z
  .object(
    {
      indicatorId: id(FIGURE_MESSAGES.indicatorId),
      unitId: id(FIGURE_MESSAGES.unitId),
      periodId: id(FIGURE_MESSAGES.periodId),
      sectorId: id(FIGURE_MESSAGES.sectorId).nullish().transform((v) => v ?? null),
      numerator: numeratorField,
      denominator: denominatorField,
      value: valueField,
      comment: commentField,
      observationStatus: observationStatusField,
      sourceDocument: sourceDocumentField,
      version: version(0),
    },
    { error: FIGURE_MESSAGES.invalidInput },
  )
  .superRefine((row, ctx) => {
    const hasRatio = row.numerator !== null || row.denominator !== null;
    if (hasRatio && row.value !== null) {
      ctx.addIssue({ code: "custom", message: FIGURE_MESSAGES.bothShapes, path: ["value"] });
      return;
    }
    if (!hasRatio && row.value === null) {
      ctx.addIssue({ code: "custom", message: FIGURE_MESSAGES.noValues, path: [] });
      return;
    }
    if (hasRatio) {
      if (row.numerator === null) ctx.addIssue({ code: "custom", message: FIGURE_MESSAGES.numeratorMissing, path: ["numerator"] });
      else if (row.denominator === null) ctx.addIssue({ code: "custom", message: FIGURE_MESSAGES.denominatorMissing, path: ["denominator"] });
      else if (row.numerator > row.denominator)
        ctx.addIssue({ code: "custom", message: FIGURE_MESSAGES.numeratorAboveDenominator, path: ["numerator"] });
    }
  });

export type FigureRowInput = z.input<typeof figureRowSchema>;
export type FigureRow = z.output<typeof figureRowSchema>;

/** Which shape a row has: a ratio (numerator/denominator) or a value. */
export function rowShape(row: Pick<FigureRow, "numerator" | "denominator" | "value">): "RATIO" | "VALUE" {
  return row.numerator !== null || row.denominator !== null ? "RATIO" : "VALUE";
}

/** The rules that depend on the indicator: shape and, for values, the kind's range. Issues name the field. */
export function kindIssues(indicator: FigureIndicatorRules, row: Pick<FigureRow, "numerator" | "denominator" | "value">): { field: "numerator" | "value"; message: string }[] {
  const shape = rowShape(row);
  if (indicator.kind === "RATIO") {
    return shape === "RATIO" ? [] : [{ field: "value", message: FIGURE_MESSAGES.ratioExpected }];
  }
  if (shape === "RATIO") return [{ field: "numerator", message: FIGURE_MESSAGES.valueExpected }];
  const value = row.value;
  if (value === null) return [{ field: "value", message: FIGURE_MESSAGES.valueMissing }];
  if (indicator.kind === "RANK") {
    if (!Number.isInteger(value) || value < 1) return [{ field: "value", message: FIGURE_MESSAGES.rankNotPositiveInteger }];
    if (value > MAX_RANK) return [{ field: "value", message: FIGURE_MESSAGES.rankTooLarge }];
    return [];
  }
  if (indicator.unitVi.trim() === "%") {
    return value > 100 ? [{ field: "value", message: FIGURE_MESSAGES.percentOutOfRange }] : [];
  }
  // COUNT and CHANGE_VS_BASELINE store counts (the change is computed against the baseline count).
  return Number.isInteger(value) ? [] : [{ field: "value", message: FIGURE_MESSAGES.valueNotInteger }];
}

/** The row schema with the indicator's rules: what the grid checks per cell, and the service per row. */
export function figureRowSchemaFor(indicator: FigureIndicatorRules) {
  return figureRowSchema.superRefine((row, ctx) => {
    for (const issue of kindIssues(indicator, row)) ctx.addIssue({ code: "custom", message: issue.message, path: [issue.field] });
  });
}

function cellKey(row: { indicatorId: number; unitId: number; sectorId: number | null }): string {
  return `${row.indicatorId}:${row.unitId}:${row.sectorId ?? "-"}`;
}

/** "Lưu nháp": a batch of rows of one period, saved all or nothing. */
export const saveDraftsSchema = z
  .object(
    {
      periodId: id(FIGURE_MESSAGES.periodId),
      rows: z
        .array(figureRowSchema, { error: FIGURE_MESSAGES.invalidInput })
        .min(1, { error: FIGURE_MESSAGES.rowsMissing })
        .max(MAX_ROWS, { error: FIGURE_MESSAGES.rowsTooMany }),
      reason: reasonField,
    },
    { error: FIGURE_MESSAGES.invalidInput },
  )
  .superRefine((batch, ctx) => {
    const seen = new Set<string>();
    batch.rows.forEach((row, i) => {
      if (row.periodId !== batch.periodId) ctx.addIssue({ code: "custom", message: FIGURE_MESSAGES.rowOtherPeriod, path: ["rows", i, "periodId"] });
      const key = cellKey(row);
      if (seen.has(key)) ctx.addIssue({ code: "custom", message: FIGURE_MESSAGES.duplicateRow, path: ["rows", i] });
      seen.add(key);
    });
  });

export type SaveDraftsInput = z.input<typeof saveDraftsSchema>;
export type SaveDraftsData = z.output<typeof saveDraftsSchema>;

/** "Gửi duyệt": figures named by id and the version the user last saw. */
export const submitFiguresSchema = z
  .object(
    {
      figures: z
        .array(
          z.object(
            {
              id: id(FIGURE_MESSAGES.figureId),
              version: version(1),
            },
            { error: FIGURE_MESSAGES.invalidInput },
          ),
          { error: FIGURE_MESSAGES.invalidInput },
        )
        .min(1, { error: FIGURE_MESSAGES.figuresMissing })
        .max(MAX_ROWS, { error: FIGURE_MESSAGES.figuresTooMany }),
      reason: reasonField,
    },
    { error: FIGURE_MESSAGES.invalidInput },
  )
  .superRefine((batch, ctx) => {
    const seen = new Set<number>();
    batch.figures.forEach((f, i) => {
      if (seen.has(f.id)) ctx.addIssue({ code: "custom", message: FIGURE_MESSAGES.duplicateFigure, path: ["figures", i] });
      seen.add(f.id);
    });
  });

export type SubmitFiguresInput = z.input<typeof submitFiguresSchema>;
export type SubmitFiguresData = z.output<typeof submitFiguresSchema>;

/** Which rows the entry grid shows (`?loc=`): not entered yet, with an error or conflict, last entered by me. */
export const ENTRY_FILTERS = ["thieu", "loi", "cua-toi"] as const;
export type EntryFilter = (typeof ENTRY_FILTERS)[number];
export const MAX_ENTRY_SEARCH = 100;

/**
 * The entry page's context in the URL: `?ky=2026-Q3&loc=thieu&tim=phu`. The
 * quarter, the grid's row filter and its search by unit name; anything
 * unreadable falls back to the default (the default period, all rows).
 */
export const entryParamsSchema = z.object({
  ky: z
    .string()
    .regex(/^\d{4}-Q[1-4]$/)
    .optional()
    .catch(undefined),
  loc: z.enum(ENTRY_FILTERS).optional().catch(undefined),
  tim: z
    .string()
    .transform((s) => s.trim().slice(0, MAX_ENTRY_SEARCH))
    .optional()
    .catch(undefined),
});
