/**
 * The reporting periods as the admin manages them on /quan-tri/ky-bao-cao: status,
 * deadline, when locked, and how many figures wait in each state.
 */
import "server-only";
import { prisma } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/actor";
import type { FigureStatus, PeriodStatus } from "@/lib/generated/prisma/enums";
import { formatQuarter, makeQuarter, quarterIndex, quarterKey } from "@/lib/period/quarter";
import { deadlineOf, quarterInVietnam } from "@/lib/period/reporting";
import { nextPeriodQuarter } from "@/lib/data/next-period";
import { dayOfDeadline } from "@/lib/validations/period";

export interface AdminPeriod {
  id: number;
  key: string;
  label: string;
  status: PeriodStatus;
  deadline: Date;
  lockedAt: Date | null;
  figureCounts: Partial<Record<FigureStatus, number>>;
}

/** Newest first. */
export async function getPeriodsForAdmin(actor: Actor): Promise<AdminPeriod[]> {
  assertCan(actor, "period.manage");
  const [periods, counts] = await Promise.all([
    prisma.reportingPeriod.findMany({
      orderBy: [{ year: "desc" }, { quarter: "desc" }],
      select: { id: true, year: true, quarter: true, status: true, deadline: true, lockedAt: true },
    }),
    prisma.figure.groupBy({ by: ["periodId", "status"], _count: { _all: true } }),
  ]);
  return periods.map((p) => {
    const q = makeQuarter(p.year, p.quarter);
    const figureCounts: AdminPeriod["figureCounts"] = {};
    for (const c of counts) if (c.periodId === p.id) figureCounts[c.status] = c._count._all;
    return { id: p.id, key: quarterKey(q), label: formatQuarter(q, "vi"), status: p.status, deadline: p.deadline, lockedAt: p.lockedAt, figureCounts };
  });
}

export interface NextPeriod {
  key: string;
  label: string;
  /** The default deadline's day in Vietnam, for the date field. */
  defaultDeadlineDay: string;
  /** Opening it now would be more than one quarter ahead of today's. */
  tooEarly: boolean;
}

/** The quarter "open the next quarter" would create. */
export async function getNextPeriodForAdmin(actor: Actor, now: Date = new Date()): Promise<NextPeriod> {
  assertCan(actor, "period.manage");
  const next = await nextPeriodQuarter(prisma);
  const q = makeQuarter(next.year, next.quarter);
  return {
    key: quarterKey(q),
    label: formatQuarter(q, "vi"),
    defaultDeadlineDay: dayOfDeadline(deadlineOf(q)),
    tooEarly: quarterIndex(q) > quarterIndex(quarterInVietnam(now)) + 1,
  };
}
