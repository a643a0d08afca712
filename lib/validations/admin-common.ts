/**
 * Pieces shared by the administration forms (/quan-tri): ids, calendar days,
 * optional reasons and check-box lists as they arrive from FormData or JSON.
 */
import { z } from "@/lib/validations/zod";

export const REASON_MAX = 1000;

/** The largest value of a PostgreSQL integer column (ids, versions, years). */
export const INT4_MAX = 2_147_483_647;

/**
 * A whole number as a form sends it (digits, spaces around allowed) or as JSON
 * does (a number) — never coerced from anything else: `true`, `[5]` and "1e3"
 * are refused, though Number() would read them as 1, 5 and 1000. Bounded to
 * PostgreSQL's integer, so the database never sees a value it cannot store.
 */
export function wholeNumber(message: string, min = 1, max = INT4_MAX) {
  return z.preprocess(
    (v) => (typeof v === "string" && /^\s*\d{1,12}\s*$/.test(v) ? Number(v) : v),
    z.number({ error: message }).int(message).min(min, message).max(max, message),
  );
}

/** A positive integer id, from a form string or a number. */
export function idField(missing: string) {
  return wholeNumber(missing);
}

function isCalendarDay(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/**
 * "YYYY-MM-DD" from a date field, as a UTC-midnight Date (the @db.Date columns).
 * A Date is taken as it is: the action parses the form, then the service parses
 * the action's output again, so every schema must accept its own output.
 */
export function dayField(missing: string, invalid = "Ngày không hợp lệ.") {
  return z.unknown().transform((v, ctx): Date => {
    if (v instanceof Date && !Number.isNaN(v.getTime()) && v.getTime() % 86_400_000 === 0) return v;
    const s = typeof v === "string" ? v.trim() : "";
    if (s === "" && !(v instanceof Date)) {
      ctx.addIssue({ code: "custom", message: missing });
      return z.NEVER;
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || !isCalendarDay(s)) {
      ctx.addIssue({ code: "custom", message: invalid });
      return z.NEVER;
    }
    return new Date(`${s}T00:00:00.000Z`);
  });
}

export const optionalReason = z
  .string({ error: "Lý do không hợp lệ." })
  .trim()
  .max(REASON_MAX, "Lý do tối đa 1.000 ký tự.")
  .optional()
  .nullable()
  .transform((s) => (s ? s : null));

/** A list of ids from check boxes: absent or empty means none; duplicates are dropped. */
export function idList(invalid: string, max = 500) {
  return z
    .preprocess(
      (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
      z.array(wholeNumber(invalid)).max(max, `Chọn tối đa ${max} mục.`),
    )
    .transform((ids) => [...new Set(ids)]);
}

/** A required, trimmed text of bounded length. */
export function text(label: string, max: number) {
  return z
    .string({ error: `Nhập ${label}.` })
    .trim()
    .min(1, `Nhập ${label}.`)
    .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} tối đa ${max.toLocaleString("vi-VN")} ký tự.`);
}

/** An ISO day for messages and date fields. */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** "01/07/2025" */
export function viDay(d: Date): string {
  const iso = isoDay(d);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
