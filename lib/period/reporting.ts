/**
 * The reporting calendar: which quarter it is in Vietnam, and when a quarter's
 * figures are due (20 days after its last day, 23:59:59 in Vietnam).
 */
import { quarterEnd, quarterOfDate, type Quarter } from "./quarter";
import { vietnamClock, vietnamTimeOn } from "./vietnam-time";

/** Figures are due this many days after the quarter's last day, at 23:59:59 in Vietnam. */
export const DEADLINE_DAYS_AFTER_QUARTER = 20;

const DAY_MS = 86_400_000;

/** The quarter that contains `now` on the Vietnamese calendar. */
export function quarterInVietnam(now: Date): Quarter {
  return quarterOfDate(vietnamClock(now));
}

/** An instant at a time of day in Vietnam, `days` after the quarter's last day. */
export function vietnamTimeAfterQuarter(q: Quarter, days: number, hour: number, minute = 0, second = 0): Date {
  return vietnamTimeOn(new Date(quarterEnd(q).getTime() + days * DAY_MS), hour, minute, second);
}

/** When a quarter's figures are due: 23:59:59 in Vietnam, DEADLINE_DAYS_AFTER_QUARTER days after it ends. */
export function deadlineOf(q: Quarter): Date {
  return vietnamTimeAfterQuarter(q, DEADLINE_DAYS_AFTER_QUARTER, 23, 59, 59);
}
