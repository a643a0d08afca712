/**
 * Reporting periods: locking a quarter closes it to data entry, unlocking
 * reopens it (with a reason, since its figures may then change), and the
 * deadline says when figures are due. Admins only; every change is audited
 * with before and after.
 */
import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { DomainError, fieldError } from "@/lib/errors";
import { authorizeInput, commitWrite, defineWrite, type Service, type Tx } from "@/lib/services/write";
import { writeAudit } from "@/lib/audit";
import { FigureStatus, PeriodStatus } from "@/lib/generated/prisma/enums";
import { nextPeriodQuarter } from "@/lib/data/next-period";
import { formatQuarter, makeQuarter, quarterEnd, quarterIndex, quarterKey, type Quarter } from "@/lib/period/quarter";
import { deadlineOf, quarterInVietnam } from "@/lib/period/reporting";
import { formatDate } from "@/lib/format/number";
import { dayOfDeadline, lockPeriodSchema, openNextPeriodSchema, setDeadlineSchema, unlockPeriodSchema } from "@/lib/validations/period";

export interface PeriodState {
  id: number;
  year: number;
  quarter: number;
  status: PeriodStatus;
  deadline: Date;
  lockedAt: Date | null;
}

const periodSelect = { id: true, year: true, quarter: true, status: true, deadline: true, lockedAt: true } as const;

function nameOf(p: { year: number; quarter: number }): string {
  return formatQuarter(makeQuarter(p.year, p.quarter), "vi");
}

function snapshot(p: PeriodState) {
  return { status: p.status, deadline: p.deadline, lockedAt: p.lockedAt };
}

async function load(tx: Tx, id: number): Promise<PeriodState> {
  const period = await tx.reportingPeriod.findUnique({ where: { id }, select: periodSelect });
  if (!period) throw new DomainError("NOT_FOUND", "Không tìm thấy kỳ báo cáo.");
  return period;
}

/** Flips the status only if it is still what was read: two admins cannot both lock (or unlock) it. */
async function setStatus(tx: Tx, period: PeriodState, to: PeriodStatus, lockedAt: Date | null): Promise<PeriodState> {
  const { count } = await tx.reportingPeriod.updateMany({
    where: { id: period.id, status: period.status },
    data: { status: to, lockedAt },
  });
  if (count !== 1) throw new DomainError("CONFLICT", `${nameOf(period)} vừa được người khác thay đổi. Tải lại trang rồi thử lại.`);
  return { ...period, status: to, lockedAt };
}

/** The work still open in a quarter when it is locked: figures awaiting approval, and drafts (first drafts and rejected figures). */
export interface PendingWork {
  submitted: number;
  drafts: number;
  /** The units with open work, by name (at most 20 listed). */
  units: string[];
  unitCount: number;
}

async function pendingWork(tx: Tx, periodId: number): Promise<PendingWork> {
  const open = await tx.figure.findMany({
    where: { periodId, status: { in: [FigureStatus.SUBMITTED, FigureStatus.DRAFT, FigureStatus.REJECTED] } },
    select: { status: true, unit: { select: { name: true } } },
  });
  const names = [...new Set(open.map((f) => f.unit.name))].sort((a, b) => a.localeCompare(b, "vi"));
  return {
    submitted: open.filter((f) => f.status === FigureStatus.SUBMITTED).length,
    drafts: open.filter((f) => f.status !== FigureStatus.SUBMITTED).length,
    units: names.slice(0, 20),
    unitCount: names.length,
  };
}

/**
 * Locks a quarter. Work still open in it is never stranded silently (issue
 * #16, item 5): with any figure awaiting approval or any draft, the admin must
 * send back the counts they were shown (`pending`), equal to the counts now, or
 * nothing is locked and the refusal (PENDING_WORK) carries the counts and the
 * units. What a lock means for that work (ADR 021): drafts and rejected figures
 * can no longer be changed by editors; figures awaiting approval can still be
 * approved or rejected, so the quarter's review can finish after the lock.
 */
export const lockPeriod: Service<PeriodState> = defineWrite("period.manage", lockPeriodSchema, async (tx, { periodId, reason, pending }, actor) => {
  const before = await load(tx, periodId);
  if (before.status === PeriodStatus.LOCKED) throw new DomainError("CONFLICT", `${nameOf(before)} đã được khóa từ trước.`);
  const work = await pendingWork(tx, periodId);
  const hasWork = work.submitted + work.drafts > 0;
  if (hasWork && (pending === undefined || pending.submitted !== work.submitted || pending.drafts !== work.drafts)) {
    const changed = pending !== undefined ? " Số liệu đã thay đổi từ khi bạn xem; hãy xem lại." : "";
    throw new DomainError(
      "PENDING_WORK",
      `${nameOf(before)} còn ${work.submitted} số liệu chờ duyệt và ${work.drafts} bản nháp hoặc bị từ chối, của ${work.unitCount} đơn vị.${changed} ` +
        "Khi khóa kỳ, người nhập liệu không sửa hay nộp được nữa; số liệu chờ duyệt vẫn được duyệt hoặc từ chối. Xác nhận để khóa kỳ.",
      work,
    );
  }
  const after = await setStatus(tx, before, PeriodStatus.LOCKED, new Date());
  const pendingAtLock = hasWork ? { pendingAtLock: { submitted: work.submitted, drafts: work.drafts, units: work.unitCount } } : {};
  await auditPeriod(tx, actor, "PERIOD_LOCKED", before, after, reason, pendingAtLock);
  return after;
});

export const unlockPeriod: Service<PeriodState> = defineWrite("period.manage", unlockPeriodSchema, async (tx, { periodId, reason }, actor) => {
  const before = await load(tx, periodId);
  if (before.status === PeriodStatus.OPEN) throw new DomainError("CONFLICT", `${nameOf(before)} đang mở, không cần mở khóa.`);
  const after = await setStatus(tx, before, PeriodStatus.OPEN, null);
  await auditPeriod(tx, actor, "PERIOD_UNLOCKED", before, after, reason);
  return after;
});

export const setDeadline: Service<PeriodState> = defineWrite("period.manage", setDeadlineSchema, async (tx, { periodId, deadline, reason }, actor) => {
  const before = await load(tx, periodId);
  assertDeadlineAfterQuarter(deadline, makeQuarter(before.year, before.quarter));
  if (before.deadline.getTime() === deadline.getTime()) {
    throw new DomainError("INVALID_INPUT", "Hạn nộp mới trùng với hạn nộp hiện tại.", undefined, {
      deadline: ["Hạn nộp mới trùng với hạn nộp hiện tại."],
    });
  }
  const { count } = await tx.reportingPeriod.updateMany({
    where: { id: periodId, deadline: before.deadline },
    data: { deadline },
  });
  if (count !== 1) throw new DomainError("CONFLICT", `${nameOf(before)} vừa được người khác thay đổi. Tải lại trang rồi thử lại.`);
  const after = { ...before, deadline };
  await auditPeriod(tx, actor, "PERIOD_DEADLINE_CHANGED", before, after, reason);
  return after;
});

/** Figures of a quarter can only be known once it has ended: its deadline is after its last day (in Vietnam). */
function assertDeadlineAfterQuarter(deadline: Date, q: Quarter): void {
  const lastDay = quarterEnd(q);
  if (dayOfDeadline(deadline) <= lastDay.toISOString().slice(0, 10)) {
    throw fieldError("INVALID_INPUT", "deadline", `Hạn nộp phải sau ngày cuối quý (${formatDate(lastDay, "vi")}).`);
  }
}

/** Audits a change to a period with its state before and after. */
async function auditPeriod(tx: Tx, actor: Actor, action: string, before: PeriodState, after: PeriodState, reason: string | null | undefined, extra: object = {}): Promise<void> {
  await writeAudit(tx, {
    actor,
    action,
    entityType: "ReportingPeriod",
    entityId: before.id,
    before: snapshot(before),
    after: { ...snapshot(after), ...extra },
    reason: reason ?? null,
  });
}

/** Any 64-bit key of our own: two admins opening "the next quarter" at once open one. */
const OPEN_PERIOD_LOCK_KEY = 0x64787071; // "dxpq"

/**
 * Opens the quarter after the latest period, OPEN, with the default deadline
 * (20 days after the quarter, 23:59:59 in Vietnam) unless one is given. At
 * most one quarter ahead of today's: entry for a quarter starts once it has.
 */
export async function openNextPeriod(db: PrismaClient, actor: Actor, input: unknown, now: Date = new Date()): Promise<PeriodState> {
  const { quarter, deadline, reason } = authorizeInput(actor, "period.manage", openNextPeriodSchema, input);
  return commitWrite(db, async (tx) => {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${OPEN_PERIOD_LOCK_KEY})`);
    const next = await nextPeriodQuarter(tx);
    const key = quarterKey(makeQuarter(next.year, next.quarter));
    if (key !== quarter) {
      throw new DomainError("CONFLICT", `Quý tiếp theo cần mở là ${nameOf(next)}, không phải ${quarter}; có thể một quản trị viên khác vừa mở. Tải lại trang.`);
    }
    const q = makeQuarter(next.year, next.quarter);
    if (quarterIndex(q) > quarterIndex(quarterInVietnam(now)) + 1) {
      throw new DomainError("TOO_EARLY", `Chưa thể mở ${nameOf(next)}: chỉ mở trước được quý kế tiếp của quý hiện tại.`);
    }
    const due = deadline ?? deadlineOf({ year: q.year, quarter: q.quarter });
    assertDeadlineAfterQuarter(due, q);
    const created = await tx.reportingPeriod.create({
      data: { year: q.year, quarter: q.quarter, status: PeriodStatus.OPEN, deadline: due },
      select: periodSelect,
    });
    await writeAudit(tx, {
      actor,
      action: "PERIOD_OPENED",
      entityType: "ReportingPeriod",
      entityId: created.id,
      after: { year: created.year, quarter: created.quarter, ...snapshot(created) },
      reason: reason ?? null,
    });
    return created;
  });
}
