/**
 * The reporting periods as the admin manages them on /ky-bao-cao: status,
 * deadline, when locked, and how many figures wait in each state.
 */
import "server-only";
import { prisma } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/actor";
import type { FigureStatus, PeriodStatus } from "@/lib/generated/prisma/enums";
import { formatQuarter, makeQuarter, quarterKey } from "@/lib/period/quarter";

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
