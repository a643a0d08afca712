/**
 * Review of submitted figures: approving publishes them (a new
 * FigurePublication revision, the previous one superseded — the public reads
 * only publications), rejecting sends them back to the editor with the
 * reviewer's comment. A batch is all or nothing: if any figure changed since
 * the reviewer saw it, nothing is written and every such figure is named.
 */
import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { authorizeInput, commitWrite } from "@/lib/services/write";
import { writeAudit } from "@/lib/audit";
import { FigureStatus } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { formatQuarter, makeQuarter } from "@/lib/period/quarter";
import { FIGURE_STATUS_LABELS } from "@/lib/review/figure-status";
import { readFiguresForReview } from "@/lib/data/review-flags";
import { WITHDRAW_MESSAGES, approveFiguresSchema, rejectFiguresSchema, withdrawPublicationSchema } from "@/lib/validations/review";
import { checkPeriodWritable, lockPeriodForWrite } from "@/lib/services/figures";
import { notifyRejected, notifyWithdrawn } from "@/lib/notifications/record";

type Tx = Prisma.TransactionClient;

/** A batch of a few hundred figures on the embedded database takes longer than Prisma's 5 s default. */
const TX_OPTIONS = { maxWait: 15_000, timeout: 60_000 } as const;

export type ReviewConflictReason = "NOT_FOUND" | "STALE" | "NOT_SUBMITTED" | "OWN_FIGURE";

export interface ReviewConflict {
  figureId: number;
  reason: ReviewConflictReason;
  /** The version the reviewer saw. */
  expectedVersion: number;
  currentVersion: number | null;
  currentStatus: FigureStatus | null;
  /** "Tỷ lệ … — Thái Nguyên — Quý III/2026" */
  label: string | null;
  /** Vietnamese, one line per figure. */
  message: string;
}

export interface ApproveResult {
  approved: { figureId: number; version: number; revision: number }[];
}

export interface RejectResult {
  rejected: { figureId: number; version: number }[];
}

const figureSelect = {
  id: true,
  status: true,
  version: true,
  numerator: true,
  denominator: true,
  value: true,
  observationStatus: true,
  sourceDocument: true,
  isDemo: true,
  createdById: true,
  updatedById: true,
  reviewComment: true,
  indicatorId: true,
  unitId: true,
  sectorId: true,
  indicator: { select: { nameVi: true, kind: true } },
  unit: { select: { name: true } },
  sector: { select: { nameVi: true } },
  period: { select: { year: true, quarter: true } },
} as const satisfies Prisma.FigureSelect;

type LoadedFigure = Prisma.FigureGetPayload<{ select: typeof figureSelect }>;

function labelOf(f: LoadedFigure): string {
  const sector = f.sector ? ` (${f.sector.nameVi})` : "";
  return `${f.indicator.nameVi}${sector} — ${f.unit.name} — ${formatQuarter(makeQuarter(f.period.year, f.period.quarter), "vi")}`;
}

function conflictMessage(c: Omit<ReviewConflict, "message">): string {
  const who = c.label ?? `Số liệu #${c.figureId}`;
  switch (c.reason) {
    case "NOT_FOUND":
      return `${who}: không còn tồn tại.`;
    case "STALE":
      return `${who}: đã được thay đổi sau khi bạn mở trang (phiên bản ${c.currentVersion}, bạn đã xem phiên bản ${c.expectedVersion}).`;
    case "NOT_SUBMITTED":
      return `${who}: không còn chờ duyệt (hiện ở trạng thái “${FIGURE_STATUS_LABELS[c.currentStatus!]}”).`;
    case "OWN_FIGURE":
      return `${who}: do chính bạn nhập hoặc nộp; cần một người khác duyệt.`;
  }
}

function conflict(c: Omit<ReviewConflict, "message">): ReviewConflict {
  return { ...c, message: conflictMessage(c) };
}

/**
 * Reads the figures of the batch and refuses the whole batch, naming each
 * figure, if any is missing, changed since the reviewer saw it or not
 * submitted. (The conditional update below catches a change racing this read.)
 */
async function loadSubmitted(
  tx: Tx,
  items: { figureId: number; version: number }[],
  verb: string,
  actor: Actor,
  forbidOwn: boolean,
): Promise<Map<number, LoadedFigure>> {
  const figures = await tx.figure.findMany({ where: { id: { in: items.map((i) => i.figureId) } }, select: figureSelect });
  const byId = new Map(figures.map((f) => [f.id, f]));
  const conflicts: ReviewConflict[] = [];
  for (const item of items) {
    const f = byId.get(item.figureId);
    const base = {
      figureId: item.figureId,
      expectedVersion: item.version,
      currentVersion: f?.version ?? null,
      currentStatus: f?.status ?? null,
      label: f ? labelOf(f) : null,
    };
    if (!f) conflicts.push(conflict({ ...base, reason: "NOT_FOUND" }));
    else if (f.version !== item.version) conflicts.push(conflict({ ...base, reason: "STALE" }));
    else if (f.status !== FigureStatus.SUBMITTED) conflicts.push(conflict({ ...base, reason: "NOT_SUBMITTED" }));
    else if (forbidOwn && (f.updatedById === actor.id || f.createdById === actor.id)) conflicts.push(conflict({ ...base, reason: "OWN_FIGURE" }));
  }
  if (conflicts.length > 0) throw batchConflict(conflicts, items.length, verb);
  return byId;
}

function batchConflict(conflicts: ReviewConflict[], total: number, verb: string): DomainError {
  const message =
    `Không có số liệu nào được ${verb}: ${conflicts.length}/${total} số liệu đã chọn đã thay đổi hoặc không thể ${verb}. ` +
    `Tải lại danh sách rồi thử lại.`;
  return new DomainError("CONFLICT", message, { conflicts });
}

/** Optimistic concurrency, enforced by the database: the row must still be at the version and status read. */
async function transition(
  tx: Tx,
  figure: LoadedFigure,
  verb: string,
  total: number,
  data: Prisma.FigureUpdateManyMutationInput,
): Promise<void> {
  const { count } = await tx.figure.updateMany({
    where: { id: figure.id, version: figure.version, status: FigureStatus.SUBMITTED },
    data: { ...data, version: { increment: 1 } },
  });
  if (count !== 1) {
    const now = await tx.figure.findUnique({ where: { id: figure.id }, select: { version: true, status: true } });
    throw batchConflict(
      [
        conflict({
          figureId: figure.id,
          reason: now && now.status !== FigureStatus.SUBMITTED ? "NOT_SUBMITTED" : now ? "STALE" : "NOT_FOUND",
          expectedVersion: figure.version,
          currentVersion: now?.version ?? null,
          currentStatus: now?.status ?? null,
          label: labelOf(figure),
        }),
      ],
      total,
      verb,
    );
  }
}

function amounts(f: LoadedFigure) {
  return { numerator: f.numerator, denominator: f.denominator, value: f.value };
}

/** As numbers, like the other figure audit rows (lib/services/figures.ts). */
function auditAmounts(f: LoadedFigure) {
  const n = (d: { toNumber(): number } | null) => (d === null ? null : d.toNumber());
  return { numerator: n(f.numerator), denominator: n(f.denominator), value: n(f.value) };
}

/**
 * A flagged figure (lib/review/outliers.ts, read as the review queue reads it)
 * is published only with the approver's acknowledgement of its flags, item by
 * item: a "select all" cannot publish a figure nobody looked at. The whole batch
 * is refused, naming each such figure and its flags.
 */
async function refuseUnacknowledgedFlags(
  tx: Tx,
  items: { figureId: number; acknowledgedFlags?: boolean | undefined }[],
  figures: Map<number, LoadedFigure>,
): Promise<void> {
  const readings = await readFiguresForReview(
    tx,
    [...figures.values()].map((f) => ({ ...f, kind: f.indicator.kind, quarter: makeQuarter(f.period.year, f.period.quarter) })),
  );
  const unacknowledged = items.flatMap((item) => {
    const flags = readings.get(item.figureId)?.flags ?? [];
    if (flags.length === 0 || item.acknowledgedFlags === true) return [];
    const f = figures.get(item.figureId)!;
    return [{ figureId: f.id, label: labelOf(f), flags: flags.map((x) => x.message) }];
  });
  if (unacknowledged.length === 0) return;
  throw new DomainError(
    "FLAGS_NOT_ACKNOWLEDGED",
    `Không có số liệu nào được duyệt: ${unacknowledged.length}/${items.length} số liệu đã chọn có cảnh báo bất thường chưa được xác nhận. ` +
      "Hãy xem và xác nhận từng cảnh báo rồi duyệt lại.",
    { flagged: unacknowledged },
  );
}

/**
 * Approves and publishes submitted figures, all or nothing. A figure its
 * reviewer entered or submitted is refused: publishing needs a second person.
 */
export async function approveFigures(db: PrismaClient, actor: Actor, input: unknown): Promise<ApproveResult> {
  const { items } = authorizeInput(actor, "figure.review", approveFiguresSchema, input);
  const verb = "duyệt";
  return commitWrite(db, async (tx) => {
    const figures = await loadSubmitted(tx, items, verb, actor, true);
    await refuseUnacknowledgedFlags(tx, items, figures);
    const now = new Date();
    for (const item of items) {
      await transition(tx, figures.get(item.figureId)!, verb, items.length, {
        status: FigureStatus.APPROVED,
        reviewedById: actor.id,
        reviewedAt: now,
        reviewComment: null,
      });
    }
    // Publish: the previous current revision of each figure is superseded by a new one.
    const ids = items.map((i) => i.figureId);
    const previous = await tx.figurePublication.groupBy({ by: ["figureId"], where: { figureId: { in: ids } }, _max: { revision: true } });
    const lastRevision = new Map(previous.map((p) => [p.figureId, p._max.revision ?? 0]));
    await tx.figurePublication.updateMany({ where: { figureId: { in: ids }, supersededAt: null }, data: { supersededAt: now } });
    const approved: ApproveResult["approved"] = items.map((item) => ({
      figureId: item.figureId,
      version: item.version + 1,
      revision: (lastRevision.get(item.figureId) ?? 0) + 1,
    }));
    await tx.figurePublication.createMany({
      data: approved.map((a) => {
        const f = figures.get(a.figureId)!;
        // Published as approved: the amounts, how final they are and where they come from (issue #14, item 11).
        return {
          figureId: f.id,
          revision: a.revision,
          ...amounts(f),
          observationStatus: f.observationStatus,
          sourceDocument: f.sourceDocument,
          approvedById: actor.id,
          approvedAt: now,
          isDemo: f.isDemo,
        };
      }),
    });
    for (const a of approved) {
      const f = figures.get(a.figureId)!;
      await writeAudit(tx, {
        actor,
        action: "FIGURE_APPROVED",
        entityType: "Figure",
        entityId: f.id,
        before: { status: f.status, version: f.version, reviewComment: f.reviewComment, ...auditAmounts(f) },
        after: { status: FigureStatus.APPROVED, version: a.version, revision: a.revision, reviewComment: null, ...auditAmounts(f) },
      });
    }
    return { approved };
  }, TX_OPTIONS);
}

/** Sends submitted figures back to their editors with the reviewer's comment, all or nothing. */
export async function rejectFigures(db: PrismaClient, actor: Actor, input: unknown): Promise<RejectResult> {
  const { items, comment } = authorizeInput(actor, "figure.review", rejectFiguresSchema, input);
  const verb = "từ chối";
  return commitWrite(db, async (tx) => {
    const figures = await loadSubmitted(tx, items, verb, actor, false);
    const now = new Date();
    const rejected: RejectResult["rejected"] = [];
    for (const item of items) {
      const f = figures.get(item.figureId)!;
      await transition(tx, f, verb, items.length, { status: FigureStatus.REJECTED, reviewedById: actor.id, reviewedAt: now, reviewComment: comment });
      await writeAudit(tx, {
        actor,
        action: "FIGURE_REJECTED",
        entityType: "Figure",
        entityId: f.id,
        before: { status: f.status, version: f.version, reviewComment: f.reviewComment },
        after: { status: FigureStatus.REJECTED, version: f.version + 1, reviewComment: comment },
        reason: comment,
      });
      rejected.push({ figureId: f.id, version: f.version + 1 });
    }
    // The editors are told in this transaction: no rejection without its notification, nor the reverse (ADR 030).
    await notifyRejected(tx, actor, items.map((i) => i.figureId), comment);
    return { rejected };
  }, TX_OPTIONS);
}

export interface WithdrawResult {
  figureId: number;
  revision: number;
  /** The figure's status after the withdrawal (an approved figure goes back to its editor, rejected). */
  status: FigureStatus;
}

/**
 * Withdraws the current publication of a figure published by mistake (issue
 * #16, item 4): from now on the public, the open data and every verdict no
 * longer see it (the publication is superseded at this instant; `?as_of=` an
 * earlier instant still finds it, as the public saw it then). An approved
 * figure goes back to its editor as rejected, with the reason, to be
 * corrected and submitted again; a figure already re-opened for a correction
 * keeps its working state. A locked quarter takes it only from whoever may
 * change a locked quarter, as any other write there. Audited with the reason.
 */
export async function withdrawPublication(db: PrismaClient, actor: Actor, input: unknown): Promise<WithdrawResult> {
  const data = authorizeInput(actor, "figure.review", withdrawPublicationSchema, input);
  return commitWrite(db, async (tx) => {
    // The figure's row lock orders this after (or before) an approval of the same figure.
    const locked = await tx.$queryRaw<{ id: number; periodId: number }[]>`SELECT id, "periodId" FROM "Figure" WHERE id = ${data.figureId} FOR UPDATE`;
    if (locked.length === 0) throw new DomainError("NOT_FOUND", "Không tìm thấy số liệu.");
    const period = await lockPeriodForWrite(tx, locked[0]!.periodId);
    const now = new Date();
    checkPeriodWritable(actor, period, data.reason, now);
    const f = await tx.figure.findUniqueOrThrow({ where: { id: data.figureId }, select: figureSelect });
    const current = await tx.figurePublication.findFirst({ where: { figureId: f.id, supersededAt: null }, select: { id: true, revision: true } });
    if (!current) throw new DomainError("NOT_PUBLISHED", WITHDRAW_MESSAGES.notPublished);
    if (current.revision !== data.revision) throw new DomainError("CONFLICT", WITHDRAW_MESSAGES.stale(current.revision, data.revision));
    await tx.figurePublication.update({
      where: { id: current.id },
      data: { supersededAt: now, withdrawnAt: now, withdrawnById: actor.id, withdrawalReason: data.reason },
    });
    const comment = `Đã rút công bố: ${data.reason}`;
    const status = f.status === FigureStatus.APPROVED ? FigureStatus.REJECTED : f.status;
    if (f.status === FigureStatus.APPROVED) {
      await tx.figure.update({
        where: { id: f.id },
        data: { status, reviewedById: actor.id, reviewedAt: now, reviewComment: comment, version: { increment: 1 } },
      });
    }
    await writeAudit(tx, {
      actor,
      action: "FIGURE_PUBLICATION_WITHDRAWN",
      entityType: "Figure",
      entityId: f.id,
      before: { status: f.status, version: f.version, revision: current.revision, reviewComment: f.reviewComment },
      after: f.status === FigureStatus.APPROVED ? { status, version: f.version + 1, revision: null, reviewComment: comment } : { status, version: f.version, revision: null },
      reason: data.reason,
    });
    await notifyWithdrawn(tx, actor, f.id, data.reason);
    return { figureId: f.id, revision: current.revision, status };
  }, TX_OPTIONS);
}
