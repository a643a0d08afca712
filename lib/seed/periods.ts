/**
 * Reporting periods the seed creates: from the programme's first quarter to
 * the current one in Vietnam. The quarter arithmetic and the reporting
 * calendar are lib/period's (quarter.ts, reporting.ts, vietnam-time.ts).
 */
import { PeriodStatus } from "@/lib/generated/prisma/enums";
import { quarterEnd, quarterFromIndex, quarterIndex, quartersBetween, type Quarter, type QuarterNumber } from "@/lib/period/quarter";
import { deadlineOf, quarterInVietnam, vietnamTimeAfterQuarter } from "@/lib/period/reporting";
import type { IsoDate } from "./admin-units";

export type { QuarterNumber };
export type QuarterRef = Quarter;
export { deadlineOf, quarterFromIndex, quarterIndex, quarterInVietnam, vietnamTimeAfterQuarter };

/** The programme runs 2021–2025 (oriented to 2030): reporting starts with its first quarter. */
export const PROGRAMME_START: QuarterRef = { year: 2021, quarter: 1 };

/** Last day of the quarter, at UTC midnight. */
export const quarterLastDay = quarterEnd;

export function isoDate(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

export function dateFromIso(day: IsoDate): Date {
  const d = new Date(`${day}T00:00:00.000Z`);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a date: ${day}`);
  return d;
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
