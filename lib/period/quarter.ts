/**
 * Calendar quarters: the reporting period of every indicator in the tracker.
 *
 * Owns quarter arithmetic (a quarter is an integer index, so adding, comparing
 * and ranging are integer operations), the mapping between quarters and UTC
 * calendar days, and the textual forms ("2025-Q1" key, "Quý I/2025", "Q1 2025").
 *
 * All dates are interpreted in UTC and at day granularity: reporting deadlines
 * and validity ranges are calendar days, and using the server's local zone
 * would move a date across a quarter boundary depending on where it runs.
 */

import type { Locale } from "@/lib/format/number";

export type QuarterNumber = 1 | 2 | 3 | 4;

export interface Quarter {
  year: number;
  quarter: QuarterNumber;
}

const MS_PER_DAY = 86_400_000;

export function isQuarterNumber(n: unknown): n is QuarterNumber {
  return n === 1 || n === 2 || n === 3 || n === 4;
}

/** Builds a quarter, rejecting values the type system cannot rule out at runtime (e.g. from JSON). */
export function makeQuarter(year: number, quarter: number): Quarter {
  if (!Number.isSafeInteger(year)) {
    throw new RangeError(`Quarter year must be an integer, got ${year}`);
  }
  if (!isQuarterNumber(quarter)) {
    throw new RangeError(`Quarter number must be 1–4, got ${quarter}`);
  }
  return { year, quarter };
}

export function quarterIndex(q: Quarter): number {
  return q.year * 4 + q.quarter - 1;
}

export function quarterFromIndex(i: number): Quarter {
  if (!Number.isSafeInteger(i)) {
    throw new RangeError(`Quarter index must be an integer, got ${i}`);
  }
  // Math.floor (not truncation) so negative indices still land in quarter 1–4.
  const year = Math.floor(i / 4);
  return makeQuarter(year, i - year * 4 + 1);
}

export function addQuarters(q: Quarter, n: number): Quarter {
  return quarterFromIndex(quarterIndex(q) + n);
}

/** Negative when a is earlier, 0 when equal, positive when a is later; usable directly with Array.sort. */
export function compareQuarters(a: Quarter, b: Quarter): number {
  return quarterIndex(a) - quarterIndex(b);
}

export function quarterEquals(a: Quarter, b: Quarter): boolean {
  return compareQuarters(a, b) === 0;
}

/** Inclusive range from a to b; empty when a is after b (callers never get a reversed range by accident). */
export function quartersBetween(a: Quarter, b: Quarter): Quarter[] {
  const out: Quarter[] = [];
  for (let i = quarterIndex(a); i <= quarterIndex(b); i++) {
    out.push(quarterFromIndex(i));
  }
  return out;
}

// Date.UTC maps years 0–99 to 1900–1999, so set the full year explicitly.
function utcDate(year: number, monthIndex: number, day: number): Date {
  const d = new Date(0);
  d.setUTCFullYear(year, monthIndex, day);
  d.setUTCHours(0, 0, 0, 0);
  return d;
}

function assertValidDate(d: Date): void {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) {
    throw new RangeError("Invalid Date");
  }
}

/** First day of the quarter, at UTC midnight. */
export function quarterStart(q: Quarter): Date {
  return utcDate(q.year, (q.quarter - 1) * 3, 1);
}

/** Last day of the quarter, at UTC midnight (a day, not an instant: the whole day belongs to the quarter). */
export function quarterEnd(q: Quarter): Date {
  // Day 0 of the following month is the last day of this quarter's final month.
  return utcDate(q.year, q.quarter * 3, 0);
}

export function quarterOfDate(d: Date): Quarter {
  assertValidDate(d);
  return makeQuarter(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) + 1);
}

/** Days since 1970-01-01 for the UTC calendar day containing d; the time of day is discarded. */
export function utcDayNumber(d: Date): number {
  assertValidDate(d);
  return Math.floor(d.getTime() / MS_PER_DAY);
}

export function daysInQuarter(q: Quarter): number {
  return utcDayNumber(quarterEnd(q)) - utcDayNumber(quarterStart(q)) + 1;
}

const QUARTER_PATTERN = /^\s*(\d{4})-?[Qq]([1-4])\s*$/;

/** Accepts "2025-Q1", "2025Q1" and "2025-q1" (surrounding whitespace ignored); anything else is null. */
export function parseQuarter(s: string): Quarter | null {
  const m = QUARTER_PATTERN.exec(s);
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  return makeQuarter(Number(m[1]), Number(m[2]));
}

/** Stable machine key, e.g. for URLs and maps; parseQuarter reads it back. */
export function quarterKey(q: Quarter): string {
  return `${q.year}-Q${q.quarter}`;
}

const ROMAN: Record<QuarterNumber, string> = { 1: "I", 2: "II", 3: "III", 4: "IV" };

/** Vietnamese administrative documents write quarters in Roman numerals: "Quý I/2025". */
export function formatQuarter(q: Quarter, locale: Locale): string {
  return locale === "vi" ? `Quý ${ROMAN[q.quarter]}/${q.year}` : `Q${q.quarter} ${q.year}`;
}

/**
 * A quarter is "future" when its first day is after today (compared as UTC
 * calendar days). The current quarter is therefore NOT future, from its very
 * first day on, even though its value can only be observed at its end: data
 * entry for the running quarter must be allowed, data for a quarter that has
 * not begun must not.
 */
export function isFutureQuarter(q: Quarter, today: Date): boolean {
  return utcDayNumber(quarterStart(q)) > utcDayNumber(today);
}
