/**
 * Deadline reminders (ADR 030): REMINDER_DAYS_BEFORE days before an open reporting period's
 * deadline, each active editor with figures in their scope not yet submitted (no figure, a
 * draft or a rejected one) is told once per period: the notification's unique key
 * "deadline:<period>:<editor>" makes a second run — another instance, the next hour — write
 * nothing and mail nothing. The cells an editor answers for are the entry grid's: their
 * department's indicators × the units of their scope that exist on the quarter's last day at
 * the indicator's levels (× the sectors of an indicator by sector).
 */
import type { PrismaClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { makeQuarter, quarterEnd } from "@/lib/period/quarter";
import { recordNotifications, type NewNotification } from "@/lib/notifications/record";
import { descendantsOf } from "@/lib/notifications/recipients";
import { deadlineText } from "@/lib/notifications/texts";
import { reportsIn } from "@/lib/targets/retirement";

type Tx = Prisma.TransactionClient;
const DAY_MS = 86_400_000;

export function reminderKey(periodId: number, userId: string): string {
  return `deadline:${periodId}:${userId}`;
}

/** Writes the reminders due at `now`; returns how many were written by this call. */
export async function runDeadlineReminders(db: PrismaClient, now: Date, daysBefore: number): Promise<number> {
  if (daysBefore <= 0) return 0;
  const periods = await db.reportingPeriod.findMany({
    where: { status: "OPEN", deadline: { gt: now, lte: new Date(now.getTime() + daysBefore * DAY_MS) } },
    select: { id: true, year: true, quarter: true, deadline: true },
    orderBy: [{ year: "asc" }, { quarter: "asc" }],
  });
  let written = 0;
  for (const period of periods) {
    written += await db.$transaction((tx) => remindPeriod(tx, period), { maxWait: 15_000, timeout: 60_000 });
  }
  return written;
}

async function remindPeriod(tx: Tx, period: { id: number; year: number; quarter: number; deadline: Date }): Promise<number> {
  const quarter = makeQuarter(period.year, period.quarter);
  const lastDay = quarterEnd(quarter);
  const editors = await tx.user.findMany({
    where: { role: "EDITOR", disabledAt: null, departmentId: { not: null } },
    select: { id: true, departmentId: true, unitScopes: { select: { unitId: true } } },
    orderBy: { id: "asc" },
  });
  if (editors.length === 0) return 0;
  const already = new Set(
    (await tx.notification.findMany({ where: { dedupeKey: { in: editors.map((e) => reminderKey(period.id, e.id)) } }, select: { userId: true } })).map((n) => n.userId),
  );
  const pending = editors.filter((e) => !already.has(e.id));
  if (pending.length === 0) return 0;

  // One after the other: a transaction is one connection.
  // A retired indicator owes nothing from its retirement quarter on (lib/targets/retirement.ts).
  const indicators = (await tx.indicator.findMany({ select: { id: true, responsibleDepartmentId: true, levels: true, bySector: true, retiredFrom: true } })).filter((i) =>
    reportsIn(i.retiredFrom, quarter),
  );
  const units = await tx.adminUnit.findMany({
    where: { validFrom: { lte: lastDay }, OR: [{ validTo: null }, { validTo: { gte: lastDay } }] },
    select: { id: true, level: true },
  });
  const sectorCount = await tx.sector.count();
  const done = await tx.figure.findMany({ where: { periodId: period.id, status: { in: ["SUBMITTED", "APPROVED"] } }, select: { indicatorId: true, unitId: true } });
  // Done cells per indicator × unit (an indicator by sector needs one per sector).
  const doneCount = new Map<string, number>();
  for (const f of done) doneCount.set(`${f.indicatorId}:${f.unitId}`, (doneCount.get(`${f.indicatorId}:${f.unitId}`) ?? 0) + 1);

  const items: NewNotification[] = [];
  for (const editor of pending) {
    const scope = editor.unitScopes.length === 0 ? null : await descendantsOf(tx, editor.unitScopes.map((s) => s.unitId));
    let missing = 0;
    for (const indicator of indicators) {
      if (indicator.responsibleDepartmentId !== editor.departmentId) continue;
      const perUnit = indicator.bySector ? sectorCount : 1;
      for (const unit of units) {
        if (!indicator.levels.includes(unit.level) || (scope && !scope.has(unit.id))) continue;
        missing += Math.max(0, perUnit - (doneCount.get(`${indicator.id}:${unit.id}`) ?? 0));
      }
    }
    if (missing === 0) continue;
    items.push({
      userId: editor.id,
      kind: "DEADLINE_NEAR",
      text: deadlineText(quarter, period.deadline, missing),
      periodId: period.id,
      dedupeKey: reminderKey(period.id, editor.id),
    });
  }
  return (await recordNotifications(tx, items)).length;
}
