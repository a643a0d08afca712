/**
 * Writing figures: saving drafts and submitting them for review. Each call is
 * one transaction, all or nothing, with one audit row per changed figure.
 *
 * Optimistic concurrency: every row names the version it read (0 = a new
 * figure). A row whose figure has moved on refuses the WHOLE batch with
 * CONFLICT and the current values, never a silent overwrite. The version check
 * is part of the UPDATE itself (WHERE id = $1 AND version = $2), so two writers
 * racing for one figure cannot both win, and a new figure is inserted with
 * ON CONFLICT DO NOTHING, so two writers creating one cell cannot both win.
 *
 * The review side (approve / reject) lives in lib/services/review.ts.
 */
import type { PrismaClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { assertInScope, getWriteScope, inScope } from "@/lib/auth/scope";
import { AuthError } from "@/lib/auth/errors";
import { DomainError } from "@/lib/errors";
import { authorizeInput, commitWrite } from "@/lib/services/write";
import { writeAudit } from "@/lib/audit";
import { FIGURE_SELECT } from "@/lib/data/figure-select";
import { notifySubmitted } from "@/lib/notifications/record";
import { formatDate } from "@/lib/format/number";
import { formatQuarter, isFutureQuarter, makeQuarter, quarterEnd, type Quarter } from "@/lib/period/quarter";
import {
  FIGURE_MESSAGES,
  MIN_LOCKED_REASON,
  figureContent,
  kindIssues,
  sameFigureContent,
  storedFigureContent,
  saveDraftsSchema,
  submitFiguresSchema,
  type FigureContent,
  type FigureRow,
} from "@/lib/validations/figure";
import { vietnamClock } from "@/lib/period/vietnam-time";
import type { FigureStatus } from "@/lib/generated/prisma/enums";
import { RETIREMENT_MESSAGES, reportsIn, retiredFromQuarter } from "@/lib/targets/retirement";

type Tx = Prisma.TransactionClient;

export interface FigureServiceOptions {
  /** "Now", for what counts as a future quarter; defaults to the clock. */
  now?: Date;
}

/** A figure as the user sees it: enough to show "who changed it, when, to what". */
export interface FigureSnapshot extends FigureContent {
  id: number;
  indicatorId: number;
  unitId: number;
  periodId: number;
  sectorId: number | null;
  status: FigureStatus;
  version: number;
  reviewComment: string | null;
  updatedAt: string;
  updatedByName: string | null;
}

export interface FigureConflict {
  /** Position of the row in the request. */
  index: number;
  indicatorId: number;
  unitId: number;
  sectorId: number | null;
  /** The version the request named (0 = it meant to create the figure). */
  yourVersion: number;
  /** The figure as it is now; null when it does not exist (any more). */
  current: FigureSnapshot | null;
}

export interface RowProblem {
  index: number;
  field: "indicatorId" | "unitId" | "sectorId" | "numerator" | "denominator" | "value" | "comment" | "observationStatus" | "sourceDocument" | null;
  message: string;
}

export interface SaveDraftsResult {
  saved: FigureSnapshot[];
  /** Rows identical to the stored figure: not rewritten, no new version, no audit. */
  unchanged: number;
}

export interface SubmitFiguresResult {
  submitted: FigureSnapshot[];
}

export const CONFLICT_MESSAGE =
  "Số liệu đã được người khác thay đổi sau khi bạn mở trang; không có thay đổi nào được lưu. Hãy xem giá trị hiện tại rồi lưu lại.";

export const PERIOD_MESSAGES = {
  notFound: "Không tìm thấy kỳ báo cáo.",
  future: (q: Quarter) => `${formatQuarter(q, "vi")} chưa bắt đầu: không thể nhập số liệu cho quý trong tương lai.`,
  locked: (q: Quarter) => `${formatQuarter(q, "vi")} đã khóa sổ: không thể thay đổi số liệu của kỳ này.`,
  reasonRequired: (q: Quarter) =>
    `${formatQuarter(q, "vi")} đã khóa sổ: cần nêu lý do sửa số liệu (ít nhất ${MIN_LOCKED_REASON} ký tự).`,
} as const;

export const SUBMIT_MESSAGES = {
  notFound: "Không tìm thấy số liệu cần gửi duyệt; hãy tải lại trang.",
  wrongStatus: "Chỉ gửi duyệt được số liệu ở trạng thái Bản nháp hoặc Bị từ chối.",
} as const;

// Long enough for a queue of writers on the embedded database; a transaction here is a few statements.
const TX_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;

type FigureRecord = Prisma.FigureGetPayload<{ select: typeof FIGURE_SELECT }>;

interface PeriodRecord {
  id: number;
  year: number;
  quarter: number;
  status: "OPEN" | "LOCKED";
}

async function userNames(db: Pick<Tx, "user">, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

function snapshot(f: FigureRecord, names: Map<string, string>): FigureSnapshot {
  return {
    id: f.id,
    indicatorId: f.indicatorId,
    unitId: f.unitId,
    periodId: f.periodId,
    sectorId: f.sectorId,
    ...storedFigureContent(f),
    status: f.status,
    version: f.version,
    reviewComment: f.reviewComment,
    updatedAt: f.updatedAt.toISOString(),
    updatedByName: f.updatedById === null ? null : (names.get(f.updatedById) ?? null),
  };
}

async function snapshots(db: Pick<Tx, "user">, figures: FigureRecord[]): Promise<FigureSnapshot[]> {
  const names = await userNames(db, figures.map((f) => f.updatedById));
  return figures.map((f) => snapshot(f, names));
}

/** What the audit keeps of a figure's state. */
export function auditState(f: FigureContent & { status: string; version: number }) {
  return { ...figureContent(f), status: f.status, version: f.version };
}

function periodQuarter(p: PeriodRecord): Quarter {
  return makeQuarter(p.year, p.quarter);
}

/** Figures are reported in Vietnam: "today" is the date in UTC+7. */
function vietnamToday(now: Date): Date {
  return vietnamClock(now);
}

/**
 * No future quarters; an open period takes writes; a locked one only from an
 * admin who says why. Returns the reason to audit (null for an open period).
 */
export function checkPeriodWritable(actor: Actor, period: PeriodRecord, reason: string | null, now: Date): string | null {
  const q = periodQuarter(period);
  if (isFutureQuarter(q, vietnamToday(now))) throw new DomainError("FUTURE_PERIOD", PERIOD_MESSAGES.future(q));
  if (period.status === "OPEN") return null;
  if (!can(actor.role, "figure.editLocked")) throw new DomainError("PERIOD_LOCKED", PERIOD_MESSAGES.locked(q));
  if (reason === null || reason.length < MIN_LOCKED_REASON) {
    throw new DomainError("REASON_REQUIRED", PERIOD_MESSAGES.reasonRequired(q), undefined, { reason: [FIGURE_MESSAGES.reasonTooShort] });
  }
  return reason;
}

/**
 * Re-reads the period inside the transaction, holding a share lock until
 * commit: a period cannot be locked between our check and our writes.
 */
export async function lockPeriodForWrite(tx: Tx, periodId: number): Promise<PeriodRecord> {
  const rows = await tx.$queryRaw<PeriodRecord[]>`
    SELECT id, year, quarter, status::text AS status FROM "ReportingPeriod" WHERE id = ${periodId} FOR SHARE`;
  const period = rows[0];
  if (!period) throw new DomainError("NOT_FOUND", PERIOD_MESSAGES.notFound);
  return period;
}

/**
 * Inside a writing transaction: the indicators are still tracked for the quarter, read under a
 * share lock. A retirement (lib/services/admin-indicators.ts) locks the indicator for update, so
 * either it waits for this write and then sees its figure (and is refused), or this write waits
 * for it and is refused here: no figure lands in a quarter its indicator was retired from.
 */
export async function assertIndicatorsTracked(tx: Tx, indicatorIds: readonly number[], period: { year: number; quarter: number }): Promise<void> {
  if (indicatorIds.length === 0) return;
  const quarter = makeQuarter(period.year, period.quarter);
  const rows = await tx.$queryRaw<{ nameVi: string; retiredFrom: Date | null }[]>`
    SELECT "nameVi", "retiredFrom" FROM "Indicator" WHERE id = ANY(${[...indicatorIds]}::int[]) ORDER BY id FOR SHARE`;
  const retired = rows.find((r) => !reportsIn(r.retiredFrom, quarter));
  if (retired) throw new DomainError("INVALID_FIGURE", `${RETIREMENT_MESSAGES.figureRetired(retired.nameVi, retiredFromQuarter(retired.retiredFrom)!, quarter)} Không có thay đổi nào được lưu.`);
}

const LEVEL_LABELS: Record<string, string> = { PROVINCE: "tỉnh", DISTRICT: "huyện", COMMUNE: "xã" };

const AUTH_OUT_OF_SCOPE = new AuthError("OUT_OF_SCOPE").message;

function invalidRows(problems: RowProblem[]): DomainError {
  const first = problems[0]!;
  const more = problems.length > 1 ? ` (và ${problems.length - 1} lỗi khác)` : "";
  const fieldErrors: Record<string, string[]> = {};
  for (const p of problems) (fieldErrors[p.field === null ? `rows.${p.index}` : `rows.${p.index}.${p.field}`] ??= []).push(p.message);
  return new DomainError("INVALID_FIGURE", `${first.message}${more} Không có thay đổi nào được lưu.`, { problems }, fieldErrors);
}

function conflictError(conflicts: FigureConflict[]): DomainError {
  return new DomainError("CONFLICT", CONFLICT_MESSAGE, { conflicts });
}

export function cellKey(r: { indicatorId: number; unitId: number; sectorId: number | null }): string {
  return `${r.indicatorId}:${r.unitId}:${r.sectorId ?? "-"}`;
}

function sameContent(f: FigureRecord, row: FigureRow): boolean {
  return sameFigureContent(storedFigureContent(f), row);
}

/** What checkDraftRows found: the rows' indicators and units, and every problem, by kind. */
export interface DraftRowCheck {
  indicatorById: Map<number, DraftIndicator>;
  unitById: Map<number, DraftUnit>;
  /** Rows naming an indicator, unit or sector that does not exist. */
  missing: RowProblem[];
  /** Rows outside the actor's scope (saveDrafts refuses the batch with OUT_OF_SCOPE). */
  outOfScope: RowProblem[];
  /** Level, validity, sector and kind rules (kindIssues, as figureRowSchemaFor applies them). */
  problems: RowProblem[];
}

export interface DraftIndicator {
  id: number;
  nameVi: string;
  kind: "RATIO" | "COUNT" | "CHANGE_VS_BASELINE" | "RANK";
  unitVi: string;
  levels: string[];
  bySector: boolean;
  responsibleDepartmentId: number;
  retiredFrom: Date | null;
}

export interface DraftUnit {
  id: number;
  name: string;
  level: "PROVINCE" | "DISTRICT" | "COMMUNE";
  validFrom: Date;
  validTo: Date | null;
}

/**
 * Every rule of a draft row that needs the database — the indicator, unit and
 * sector exist, scope, the unit's level and validity on the quarter's last
 * day, sectors, the kind's rules — for rows already parsed by figureRowSchema.
 * The one place these rules live: the entry grid's save (saveDrafts) and the
 * spreadsheet import (lib/services/figure-import.ts) both call it.
 */
export async function checkDraftRows(
  db: PrismaClient,
  actor: Actor,
  period: { year: number; quarter: number },
  rows: readonly FigureRow[],
  /** Units the caller has already read (the import resolves codes to units): not read twice. */
  known: { units?: ReadonlyMap<number, DraftUnit> } = {},
): Promise<DraftRowCheck> {
  const quarter = makeQuarter(period.year, period.quarter);
  const lastDay = quarterEnd(quarter);
  const [indicators, units, sectors, scope] = await Promise.all([
    db.indicator.findMany({
      where: { id: { in: [...new Set(rows.map((r) => r.indicatorId))] } },
      select: { id: true, nameVi: true, kind: true, unitVi: true, levels: true, bySector: true, responsibleDepartmentId: true, retiredFrom: true },
    }),
    known.units
      ? Promise.resolve([...new Set(rows.map((r) => r.unitId))].flatMap((id) => (known.units!.has(id) ? [known.units!.get(id)!] : [])))
      : // One JSON parameter rather than a bind parameter per unit: an import names up to 150,000.
        db.$queryRaw<DraftUnit[]>`
          SELECT id, name, level::text AS level, "validFrom", "validTo" FROM "AdminUnit"
          WHERE id IN (SELECT json_array_elements_text(${JSON.stringify([...new Set(rows.map((r) => r.unitId))])}::json)::int)`,
    db.sector.findMany({
      where: { id: { in: [...new Set(rows.flatMap((r) => (r.sectorId === null ? [] : [r.sectorId])))] } },
      select: { id: true },
    }),
    getWriteScope(db, actor),
  ]);
  const indicatorById = new Map(indicators.map((i) => [i.id, i]));
  const unitById = new Map(units.map((u) => [u.id, u]));
  const sectorIds = new Set(sectors.map((s) => s.id));

  const missing: RowProblem[] = [];
  rows.forEach((row, index) => {
    if (!indicatorById.has(row.indicatorId)) missing.push({ index, field: "indicatorId", message: "Chỉ tiêu không tồn tại." });
    if (!unitById.has(row.unitId)) missing.push({ index, field: "unitId", message: "Đơn vị hành chính không tồn tại." });
    if (row.sectorId !== null && !sectorIds.has(row.sectorId)) missing.push({ index, field: "sectorId", message: "Ngành, lĩnh vực không tồn tại." });
  });

  const outOfScope: RowProblem[] = [];
  rows.forEach((row, index) => {
    if (!inScope(scope, row.indicatorId, row.unitId)) outOfScope.push({ index, field: "unitId", message: AUTH_OUT_OF_SCOPE });
  });

  const problems: RowProblem[] = [];
  rows.forEach((row, index) => {
    const indicator = indicatorById.get(row.indicatorId);
    const unit = unitById.get(row.unitId);
    if (!indicator || !unit) return; // reported in `missing`
    if (!reportsIn(indicator.retiredFrom, quarter)) {
      problems.push({ index, field: "indicatorId", message: RETIREMENT_MESSAGES.figureRetired(indicator.nameVi, retiredFromQuarter(indicator.retiredFrom)!, quarter) });
    }
    if (!(indicator.levels as string[]).includes(unit.level)) {
      problems.push({
        index,
        field: "unitId",
        message: `Chỉ tiêu “${indicator.nameVi}” không nhập ở cấp ${LEVEL_LABELS[unit.level]}; chỉ nhập ở cấp ${indicator.levels.map((l) => LEVEL_LABELS[l]).join(", ")}.`,
      });
    }
    // A unit is reported for a quarter it exists at the end of: the reform of 1 July 2025
    // ends districts and old communes on 30 June and starts the new communes on 1 July.
    if (unit.validFrom.getTime() > lastDay.getTime()) {
      problems.push({
        index,
        field: "unitId",
        message: `${unit.name} chưa tồn tại trong ${formatQuarter(quarter, "vi")} (thành lập từ ${formatDate(unit.validFrom, "vi")}).`,
      });
    } else if (unit.validTo !== null && unit.validTo.getTime() < lastDay.getTime()) {
      problems.push({
        index,
        field: "unitId",
        message: `${unit.name} không còn tồn tại vào cuối ${formatQuarter(quarter, "vi")} (chỉ tồn tại đến ${formatDate(unit.validTo, "vi")}).`,
      });
    }
    if (indicator.bySector && row.sectorId === null) {
      problems.push({ index, field: "sectorId", message: `Chỉ tiêu “${indicator.nameVi}” nhập theo ngành, lĩnh vực: hãy chọn ngành, lĩnh vực.` });
    } else if (!indicator.bySector && row.sectorId !== null) {
      problems.push({ index, field: "sectorId", message: `Chỉ tiêu “${indicator.nameVi}” không nhập theo ngành, lĩnh vực.` });
    }
    // The rows passed figureRowSchema already, so the indicator's rules are what figureRowSchemaFor adds: kindIssues.
    for (const issue of kindIssues(indicator, row)) problems.push({ index, field: issue.field, message: issue.message });
  });
  return { indicatorById, unitById, missing, outOfScope, problems };
}

// ---------------------------------------------------------------- save drafts

/**
 * Saves a batch of rows as drafts. New rows are created; changed rows go back
 * to DRAFT whatever their status (a changed APPROVED figure stays public, as
 * published, until the new value is approved); unchanged rows are left alone.
 */
export async function saveDrafts(db: PrismaClient, actor: Actor, input: unknown, options: FigureServiceOptions = {}): Promise<SaveDraftsResult> {
  const data = authorizeInput(actor, "figure.edit", saveDraftsSchema, input);
  const now = options.now ?? new Date();

  const period = await db.reportingPeriod.findUnique({ where: { id: data.periodId }, select: { id: true, year: true, quarter: true, status: true } });
  if (!period) throw new DomainError("NOT_FOUND", PERIOD_MESSAGES.notFound);
  checkPeriodWritable(actor, period, data.reason, now);

  const { indicatorById, missing, outOfScope, problems } = await checkDraftRows(db, actor, period, data.rows);
  // Rows naming nothing real are refused before anything else is said about them.
  if (missing.length > 0) throw invalidRows(missing);
  if (outOfScope.length > 0) throw new AuthError("OUT_OF_SCOPE");
  if (problems.length > 0) throw invalidRows(problems);
  const indicatorIds = [...indicatorById.keys()];
  const unitIds = [...new Set(data.rows.map((r) => r.unitId))];
  // One lock order for every writer (by cell), so batches that overlap cannot deadlock.
  const ordered = data.rows.map((row, index) => ({ row, index })).sort((a, b) => cellKey(a.row).localeCompare(cellKey(b.row)));

  return commitWrite(db, async (tx) => {
    const lockedPeriod = await lockPeriodForWrite(tx, period.id);
    const reason = checkPeriodWritable(actor, lockedPeriod, data.reason, now);
    await assertIndicatorsTracked(tx, indicatorIds, lockedPeriod);

    const existing = await tx.figure.findMany({
      where: { periodId: period.id, indicatorId: { in: indicatorIds }, unitId: { in: unitIds } },
      select: FIGURE_SELECT,
    });
    const byCell = new Map(existing.map((f) => [cellKey(f), f]));

    // Stale reads anywhere refuse the batch before anything is written.
    const stale: { index: number; row: FigureRow; current: FigureRecord | null }[] = [];
    for (const { row, index } of ordered) {
      const current = byCell.get(cellKey(row)) ?? null;
      if (row.version === 0 ? current !== null : current === null || current.version !== row.version) stale.push({ index, row, current });
    }
    if (stale.length > 0) {
      const names = await userNames(tx, stale.map((s) => s.current?.updatedById ?? null));
      stale.sort((a, b) => a.index - b.index);
      throw conflictError(stale.map(({ index, row, current }) => conflictOf(index, row, current === null ? null : snapshot(current, names))));
    }

    const saved: FigureRecord[] = [];
    let unchanged = 0;
    for (const { row, index } of ordered) {
      const current = byCell.get(cellKey(row)) ?? null;
      if (current !== null && sameContent(current, row)) {
        unchanged++;
        continue;
      }
      const values = figureContent(row);
      let written: FigureRecord | undefined;
      if (current === null) {
        const indicator = indicatorById.get(row.indicatorId)!;
        [written] = await tx.figure.createManyAndReturn({
          data: [
            {
              indicatorId: row.indicatorId,
              unitId: row.unitId,
              periodId: period.id,
              sectorId: row.sectorId,
              ...values,
              status: "DRAFT",
              version: 1,
              departmentId: indicator.responsibleDepartmentId,
              createdById: actor.id,
              updatedById: actor.id,
            },
          ],
          // Another writer created the cell since we read: ON CONFLICT DO NOTHING, then refuse.
          skipDuplicates: true,
          select: FIGURE_SELECT,
        });
      } else {
        [written] = await tx.figure.updateManyAndReturn({
          where: { id: current.id, version: row.version },
          data: { ...values, status: "DRAFT", submittedAt: null, version: { increment: 1 }, updatedById: actor.id, updatedAt: new Date() },
          select: FIGURE_SELECT,
        });
      }
      if (!written) {
        // Lost a race after our read; READ COMMITTED lets us see the winner's committed row.
        const latest = await tx.figure.findFirst({
          where: { periodId: period.id, indicatorId: row.indicatorId, unitId: row.unitId, sectorId: row.sectorId },
          select: FIGURE_SELECT,
        });
        const [snap] = latest ? await snapshots(tx, [latest]) : [null];
        throw conflictError([conflictOf(index, row, snap ?? null)]);
      }
      const before = current === null ? null : auditState({ ...snapshot(current, new Map()) });
      const after = auditState({ ...values, status: written.status, version: written.version });
      await writeAudit(tx, {
        actor,
        action: "FIGURE_SAVED",
        entityType: "Figure",
        entityId: written.id,
        before,
        after: { ...after, indicatorId: row.indicatorId, unitId: row.unitId, periodId: period.id, sectorId: row.sectorId },
        reason,
      });
      saved.push(written);
    }
    return { saved: await snapshots(tx, saved), unchanged };
  }, TX_OPTIONS);
}

function conflictOf(index: number, row: { indicatorId: number; unitId: number; sectorId: number | null; version: number }, current: FigureSnapshot | null): FigureConflict {
  return { index, indicatorId: row.indicatorId, unitId: row.unitId, sectorId: row.sectorId, yourVersion: row.version, current };
}

// ---------------------------------------------------------------- submit

/** Submits drafts (and rejected figures) for review: all named figures, or none. */
export async function submitFigures(db: PrismaClient, actor: Actor, input: unknown, options: FigureServiceOptions = {}): Promise<SubmitFiguresResult> {
  const data = authorizeInput(actor, "figure.submit", submitFiguresSchema, input);
  const now = options.now ?? new Date();
  const ids = data.figures.map((f) => f.id);

  const figures = await db.figure.findMany({
    where: { id: { in: ids } },
    select: { ...FIGURE_SELECT, period: { select: { id: true, year: true, quarter: true, status: true } } },
  });
  const byId = new Map(figures.map((f) => [f.id, f]));
  if (figures.length !== ids.length) {
    const problems = data.figures.flatMap((f, index) => (byId.has(f.id) ? [] : [{ index, field: null, message: SUBMIT_MESSAGES.notFound }]));
    throw new DomainError("NOT_FOUND", SUBMIT_MESSAGES.notFound, { problems });
  }

  const scope = await getWriteScope(db, actor);
  for (const f of figures) assertInScope(scope, f.indicatorId, f.unitId);

  const periods = new Map(figures.map((f) => [f.period.id, f.period]));
  for (const p of periods.values()) checkPeriodWritable(actor, p, data.reason, now);

  const stale = data.figures.flatMap((f, index) => (byId.get(f.id)!.version === f.version ? [] : [{ index, f }]));
  if (stale.length > 0) {
    const current = await snapshots(db, stale.map(({ f }) => byId.get(f.id)!));
    throw conflictError(stale.map(({ index, f }, i) => ({ ...conflictOf(index, { ...current[i]!, version: f.version }, current[i]!) })));
  }
  const wrongStatus = data.figures.flatMap((f, index) => {
    const status = byId.get(f.id)!.status;
    return status === "DRAFT" || status === "REJECTED" ? [] : [{ index, field: null, message: SUBMIT_MESSAGES.wrongStatus, status }];
  });
  if (wrongStatus.length > 0) throw new DomainError("INVALID_STATUS", SUBMIT_MESSAGES.wrongStatus, { problems: wrongStatus });

  const ordered = data.figures.map((f, index) => ({ f, index })).sort((a, b) => a.f.id - b.f.id);
  return commitWrite(db, async (tx) => {
    const reasons = new Map<number, string | null>();
    for (const id of [...periods.keys()].sort((a, b) => a - b)) {
      reasons.set(id, checkPeriodWritable(actor, await lockPeriodForWrite(tx, id), data.reason, now));
    }
    const submitted: FigureRecord[] = [];
    const at = new Date();
    for (const { f, index } of ordered) {
      const before = byId.get(f.id)!;
      const [written] = await tx.figure.updateManyAndReturn({
        where: { id: f.id, version: f.version, status: { in: ["DRAFT", "REJECTED"] } },
        data: { status: "SUBMITTED", submittedAt: at, version: { increment: 1 }, updatedById: actor.id, updatedAt: at },
        select: FIGURE_SELECT,
      });
      if (!written) {
        const latest = await tx.figure.findUnique({ where: { id: f.id }, select: FIGURE_SELECT });
        const [snap] = latest ? await snapshots(tx, [latest]) : [null];
        throw conflictError([conflictOf(index, { ...before, version: f.version }, snap ?? null)]);
      }
      const state = snapshot(before, new Map());
      await writeAudit(tx, {
        actor,
        action: "FIGURE_SUBMITTED",
        entityType: "Figure",
        entityId: f.id,
        before: auditState(state),
        after: auditState({ ...state, status: written.status, version: written.version }),
        reason: reasons.get(before.periodId) ?? null,
      });
      submitted.push(written);
    }
    // The approvers who can act are told in this transaction (ADR 030).
    await notifySubmitted(tx, actor, submitted.map((f) => f.id));
    return { submitted: await snapshots(tx, submitted) };
  }, TX_OPTIONS);
}
