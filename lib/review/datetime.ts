/**
 * Instants as people in the province read them: Vietnam time (UTC+7, no
 * daylight saving), "28/11/2026 15:04", whatever the server's time zone.
 */
import { PLACEHOLDER } from "@/lib/format/number";

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

export function formatVietnamDateTime(d: Date | string | null | undefined): string {
  if (d === null || d === undefined) return PLACEHOLDER;
  const date = typeof d === "string" ? new Date(d) : d;
  if (Number.isNaN(date.getTime())) return PLACEHOLDER;
  const local = new Date(date.getTime() + VIETNAM_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()} ${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;
}

/** The calendar day in Vietnam: a deadline of 23:59:59 +07:00 is that day, not the next. */
export function formatVietnamDate(d: Date | string | null | undefined): string {
  const full = formatVietnamDateTime(d);
  return full === PLACEHOLDER ? full : full.slice(0, 10);
}
