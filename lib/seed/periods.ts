/**
 * Reporting periods the seed creates, and the little quarter arithmetic the
 * seed needs. Kept here rather than imported from lib/period so the seed does
 * not depend on modules still being written; the rules are the same: quarters
 * are calendar quarters, days are calendar days in UTC, and "today" is the date
 * in Vietnam (UTC+7), where the province reports.
 */
import { PeriodStatus } from "@/lib/generated/prisma/enums";
import type { IsoDate } from "./admin-units";

export type QuarterNumber = 1 | 2 | 3 | 4;

export interface QuarterRef {
  year: number;
  quarter: QuarterNumber;
}

/** The programme runs 2021–2025 (oriented to 2030): reporting starts with its first quarter. */
export const PROGRAMME_START: QuarterRef = { year: 2021, quarter: 1 };

/** Figures are due this many days after the quarter's last day, at 23:59:59 in Vietnam. */
export const DEADLINE_DAYS_AFTER_QUARTER = 20;

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

export function quarterIndex(q: QuarterRef): number {
  return q.year * 4 + (q.quarter - 1);
}

export function quarterFromIndex(i: number): QuarterRef {
  const year = Math.floor(i / 4);
  return { year, quarter: (i - year * 4 + 1) as QuarterNumber };
}

export function quartersBetween(from: QuarterRef, to: QuarterRef): QuarterRef[] {
  const out: QuarterRef[] = [];
  for (let i = quarterIndex(from); i <= quarterIndex(to); i++) out.push(quarterFromIndex(i));
  return out;
}

export function quarterKey(q: QuarterRef): string {
  return `${q.year}-Q${q.quarter}`;
}

/** The quarter that contains `now` on the Vietnamese calendar. */
export function quarterInVietnam(now: Date): QuarterRef {
  const local = new Date(now.getTime() + VIETNAM_OFFSET_MS);
  return { year: local.getUTCFullYear(), quarter: (Math.floor(local.getUTCMonth() / 3) + 1) as QuarterNumber };
}

/** Last day of the quarter, at UTC midnight. */
export function quarterLastDay(q: QuarterRef): Date {
  return new Date(Date.UTC(q.year, q.quarter * 3, 0));
}

export function quarterFirstDay(q: QuarterRef): Date {
  return new Date(Date.UTC(q.year, (q.quarter - 1) * 3, 1));
}

export function isoDate(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

export function dateFromIso(day: IsoDate): Date {
  const d = new Date(`${day}T00:00:00.000Z`);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a date: ${day}`);
  return d;
}

/**
 * An instant at a local (UTC+7) time of day, `days` after the quarter's last day.
 * 23:59:59 +07:00 is 16:59:59 UTC of the same day.
 */
export function vietnamTimeAfterQuarter(q: QuarterRef, days: number, hour: number, minute = 0, second = 0): Date {
  const last = quarterLastDay(q).getTime();
  return new Date(last + days * DAY_MS + hour * 3_600_000 + minute * 60_000 + second * 1000 - VIETNAM_OFFSET_MS);
}

export function deadlineOf(q: QuarterRef): Date {
  return vietnamTimeAfterQuarter(q, DEADLINE_DAYS_AFTER_QUARTER, 23, 59, 59);
}

export interface PeriodSeed extends QuarterRef {
  status: PeriodStatus;
  deadline: Date;
  lockedAt: Date | null;
}

/**
 * Periods from the programme's first quarter to the current one. The current
 * quarter is open (it is being lived), so is the last completed one (its figures
 * are being entered and reviewed); everything older is locked.
 */
export function planReportingPeriods(now: Date, start: QuarterRef = PROGRAMME_START): PeriodSeed[] {
  const current = quarterInVietnam(now);
  const lastCompleted = quarterIndex(current) - 1;
  return quartersBetween(start, current).map((q) => {
    const locked = quarterIndex(q) < lastCompleted;
    return {
      ...q,
      status: locked ? PeriodStatus.LOCKED : PeriodStatus.OPEN,
      deadline: deadlineOf(q),
      // Locked 45 days after the quarter, once its figures were reviewed; always before `now`
      // because a locked quarter ended at least three months earlier.
      lockedAt: locked ? vietnamTimeAfterQuarter(q, 45, 17) : null,
    };
  });
}

/** The most recent quarter that has ended, on the Vietnamese calendar. */
export function lastCompletedQuarter(now: Date): QuarterRef {
  return quarterFromIndex(quarterIndex(quarterInVietnam(now)) - 1);
}
