/**
 * Vietnam time (UTC+7, no daylight saving): the one place that knows the
 * offset. Instants are shown, and calendar days decided, as people in the
 * province read them, whatever the server's time zone.
 */
import { formatDate, PLACEHOLDER } from "@/lib/format/number";
import type { Locale } from "@/lib/format/number";

export const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** The wall clock in Vietnam at `d`, as a Date whose UTC fields read it (getUTCHours() is the hour in Vietnam). */
export function vietnamClock(d: Date): Date {
  return new Date(d.getTime() + VIETNAM_OFFSET_MS);
}

/** The calendar day in Vietnam at `d`, "YYYY-MM-DD". */
export function vietnamDay(d: Date): string {
  return vietnamClock(d).toISOString().slice(0, 10);
}

/** The instant at a time of day in Vietnam on a calendar day ("2026-10-20", or that day at UTC midnight). */
export function vietnamTimeOn(day: string | Date, hour = 0, minute = 0, second = 0): Date {
  const midnight = typeof day === "string" ? Date.parse(`${day}T00:00:00.000Z`) : day.getTime();
  return new Date(midnight + ((hour * 60 + minute) * 60 + second) * 1000 - VIETNAM_OFFSET_MS);
}

/** "28/11/2026 15:04" in Vietnam; "—" for nothing. */
export function formatVietnamDateTime(d: Date | string | null | undefined): string {
  if (d === null || d === undefined) return PLACEHOLDER;
  const date = typeof d === "string" ? new Date(d) : d;
  if (Number.isNaN(date.getTime())) return PLACEHOLDER;
  const local = vietnamClock(date);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()} ${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;
}

/** The calendar day in Vietnam, "28/11/2026": a deadline of 23:59:59 +07:00 is that day, not the next. */
export function formatVietnamDate(d: Date | string | null | undefined): string {
  const full = formatVietnamDateTime(d);
  return full === PLACEHOLDER ? full : full.slice(0, 10);
}

/** "2026-11-28 15:04:05.123 +07:00": exact, and in the province's time (audit exports). */
export function vietnamTimestamp(d: Date): string {
  return `${vietnamClock(d).toISOString().replace("T", " ").replace("Z", "")} +07:00`;
}

/**
 * The calendar day in Vietnam of an instant (an approval, a publication), in
 * the page's language: vi "03/12/2026", en "3 Dec 2026". formatDate reads a
 * date-only value's UTC day; an instant needs this, or an approval at 01:00 on
 * 3 December in Vietnam would read "02/12".
 */
export function formatVietnamDay(d: Date | string, locale: Locale): string {
  const date = typeof d === "string" ? new Date(d) : d;
  if (Number.isNaN(date.getTime())) return PLACEHOLDER;
  return formatDate(vietnamClock(date), locale);
}
