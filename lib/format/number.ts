/**
 * Locale-aware display and input of numbers, percentages and dates.
 *
 * Vietnamese is the primary locale: "." groups thousands and "," marks the
 * decimal ("1.650", "34,87"). English is secondary and uses the opposite
 * convention. Output is normalised (plain spaces, ASCII minus, no "-0") so
 * that rendered text and tests do not depend on the ICU version bundled with
 * Node, which varies in its choice of U+00A0 / U+202F spaces and U+2212 minus.
 */

export type Locale = "vi" | "en";

export const LOCALES: readonly Locale[] = ["vi", "en"];

/** Shown instead of a value that cannot be displayed (NaN, ±∞, invalid Date) rather than throwing in a view. */
export const PLACEHOLDER = "—";

const INTL_TAG: Record<Locale, string> = { vi: "vi-VN", en: "en-GB" };

export interface NumberFormatOptions {
  maximumFractionDigits?: number;
  minimumFractionDigits?: number;
}

function normaliseIntlOutput(s: string): string {
  return s.replace(/[\u00A0\u202F\u2009]/g, " ").replace(/\u2212/g, "-");
}

/** Formats with grouping; up to 3 fraction digits unless told otherwise (Intl's default). */
export function formatNumber(value: number, locale: Locale, opts: NumberFormatOptions = {}): string {
  if (!Number.isFinite(value)) return PLACEHOLDER;
  const formatter = new Intl.NumberFormat(INTL_TAG[locale], {
    // "negative" drops the sign of zero, including values that round to zero ("-0,001" → "0").
    signDisplay: "negative",
    ...(opts.minimumFractionDigits === undefined ? {} : { minimumFractionDigits: opts.minimumFractionDigits }),
    ...(opts.maximumFractionDigits === undefined ? {} : { maximumFractionDigits: opts.maximumFractionDigits }),
  });
  return normaliseIntlOutput(formatter.format(value));
}

/**
 * Takes the value already in percent (34.87 means 34,87%), because indicators
 * store percentages that way, and Intl's percent style would multiply by 100
 * (adding float noise) and, in some ICU versions, insert a space before "%".
 * The fraction digits are fixed so a column of percentages lines up.
 */
export function formatPercent(valuePercent: number, locale: Locale, fractionDigits = 2): string {
  if (!Number.isFinite(valuePercent)) return PLACEHOLDER;
  const digits = { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits };
  return `${formatNumber(valuePercent, locale, digits)}%`;
}

// Fixed table: ICU releases disagree on the English abbreviation of September ("Sep" vs "Sept").
const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** vi "01/07/2025" (dd/mm/yyyy), en "1 Jul 2025"; the UTC calendar day, like every date in the tracker. */
export function formatDate(d: Date, locale: Locale): string {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) return PLACEHOLDER;
  const day = d.getUTCDate();
  const month = d.getUTCMonth();
  const year = String(d.getUTCFullYear()).padStart(4, "0");
  if (locale === "vi") {
    return `${String(day).padStart(2, "0")}/${String(month + 1).padStart(2, "0")}/${year}`;
  }
  return `${day} ${EN_MONTHS[month]} ${year}`;
}

const SIGNED = /^([+\-\u2212]?)(\d(?:[\d.,]*\d)?)$/;
const DOT_GROUPED = /^[1-9]\d{0,2}(?:\.\d{3})+$/;
const COMMA_GROUPED = /^[1-9]\d{0,2}(?:,\d{3})+$/;
const DIGITS = /^\d+$/;

/**
 * Reads a number typed by a Vietnamese-first user; null unless the whole
 * string is one finite number. Surrounding whitespace is ignored; one leading
 * sign is allowed; there must be digits on both sides of any separator.
 *
 * Separator rules, in order:
 * - both "." and ",": the LAST one is the decimal separator and the other must
 *   group the integer part in threes ("1.650,5", "1,650.5");
 * - only ",": a decimal comma, so at most one ("34,87"; "1,2,3" is null; note
 *   "1,650" is therefore 1,65 — English thousands without a decimal part are
 *   not recognised, Vietnamese input wins);
 * - only ".": thousands separators if the string is grouped in threes behind
 *   a non-zero leading group ("1.650", "1.650.000"), otherwise a decimal point
 *   ("34.87", "0.500", "1234.5"). Hence "123.456" reads as 123456.
 */
export function parseLocaleNumber(s: string): number | null {
  const m = SIGNED.exec(s.trim());
  if (!m || m[2] === undefined) return null;
  const negative = m[1] === "-" || m[1] === "\u2212";
  const body = m[2];

  const lastDot = body.lastIndexOf(".");
  const lastComma = body.lastIndexOf(",");
  let plain: string | null = null;

  if (lastDot >= 0 && lastComma >= 0) {
    const decimalAt = Math.max(lastDot, lastComma);
    const intPart = body.slice(0, decimalAt);
    const fracPart = body.slice(decimalAt + 1);
    const grouped = lastComma > lastDot ? DOT_GROUPED : COMMA_GROUPED;
    if (grouped.test(intPart) && DIGITS.test(fracPart)) {
      plain = `${intPart.replace(/[.,]/g, "")}.${fracPart}`;
    }
  } else if (lastComma >= 0) {
    if (/^\d+,\d+$/.test(body)) plain = body.replace(",", ".");
  } else if (lastDot >= 0) {
    if (DOT_GROUPED.test(body)) plain = body.replace(/\./g, "");
    else if (/^\d+\.\d+$/.test(body)) plain = body;
  } else {
    plain = body;
  }

  if (plain === null) return null;
  const n = Number(plain);
  if (!Number.isFinite(n)) return null;
  // Avoid handing -0 to callers: it prints as "-0" in some places and fails Object.is checks.
  return negative && n !== 0 ? -n : n;
}
