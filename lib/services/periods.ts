/**
 * Reporting periods: locking a quarter closes it to data entry, unlocking
 * reopens it (with a reason, since its figures may then change), and the
 * deadline says when figures are due. Admins only; every change is audited
 * with before and after.
 */
import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import { FigureStatus, PeriodStatus } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { nextPeriodQuarter } from "@/lib/data/next-period";
import { formatQuarter, makeQuarter, quarterEnd, quarterIndex, quarterKey } from "@/lib/period/quarter";
import { deadlineOf, quarterInVietnam } from "@/lib/period/reporting";
import { formatDate } from "@/lib/format/number";
import { parseInput } from "@/lib/validations/parse";
import { dayOfDeadline, lockPeriodSchema, openNextPeriodSchema, setDeadlineSchema, unlockPeriodSchema } from "@/lib/validations/period";

type Tx = Prisma.TransactionClient;

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
export async function lockPeriod(db: PrismaClient, actor: Actor, input: unknown): Promise<PeriodState> {
  assertCan(actor, "period.manage");
  const { periodId, reason, pending } = parseInput(lockPeriodSchema, input);
  return db.$transaction(async (tx) => {
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
    await writeAudit(tx, {
      actor,
      action: "PERIOD_LOCKED",
      entityType: "ReportingPeriod",
      entityId: periodId,
      before: snapshot(before),
      after: { ...snapshot(after), ...(hasWork ? { pendingAtLock: { submitted: work.submitted, drafts: work.drafts, units: work.unitCount } } : {}) },
      reason: reason ?? null,
    });
    return after;
  });
}

export async function unlockPeriod(db: PrismaClient, actor: Actor, input: unknown): Promise<PeriodState> {
  assertCan(actor, "period.manage");
  const { periodId, reason } = parseInput(unlockPeriodSchema, input);
  return db.$transaction(async (tx) => {
    const before = await load(tx, periodId);
    if (before.status === PeriodStatus.OPEN) throw new DomainError("CONFLICT", `${nameOf(before)} đang mở, không cần mở khóa.`);
    const after = await setStatus(tx, before, PeriodStatus.OPEN, null);
    await writeAudit(tx, {
      actor,
      action: "PERIOD_UNLOCKED",
      entityType: "ReportingPeriod",
      entityId: periodId,
      before: snapshot(before),
      after: snapshot(after),
      reason,
    });
    return after;
  });
}

export async function setDeadline(db: PrismaClient, actor: Actor, input: unknown): Promise<PeriodState> {
  assertCan(actor, "period.manage");
  const { periodId, deadline, reason } = parseInput(setDeadlineSchema, input);
  return db.$transaction(async (tx) => {
    const before = await load(tx, periodId);
    // Figures of a quarter can only be known once it has ended.
    const lastDay = quarterEnd(makeQuarter(before.year, before.quarter));
    if (dayOfDeadline(deadline) <= lastDay.toISOString().slice(0, 10)) {
      throw new DomainError("INVALID_INPUT", `Hạn nộp phải sau ngày cuối quý (${formatDate(lastDay, "vi")}).`, undefined, {
        deadline: [`Hạn nộp phải sau ngày cuối quý (${formatDate(lastDay, "vi")}).`],
      });
    }
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
    await writeAudit(tx, {
      actor,
      action: "PERIOD_DEADLINE_CHANGED",
      entityType: "ReportingPeriod",
      entityId: periodId,
      before: snapshot(before),
      after: snapshot(after),
      reason: reason ?? null,
    });
    return after;
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
  assertCan(actor, "period.manage");
  const { quarter, deadline, reason } = parseInput(openNextPeriodSchema, input);
  return db.$transaction(async (tx) => {
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
    const lastDay = quarterEnd(q);
    if (dayOfDeadline(due) <= lastDay.toISOString().slice(0, 10)) {
      const message = `Hạn nộp phải sau ngày cuối quý (${formatDate(lastDay, "vi")}).`;
      throw new DomainError("INVALID_INPUT", message, undefined, { deadline: [message] });
    }
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
