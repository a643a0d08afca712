/**
 * Indicators and their targets, as administrators manage them.
 *
 * Targets are versioned: a target is indicator × level × sector × year, and at
 * most one per key is current (supersededAt IS NULL). Setting a target where
 * one is current inserts the new row and stamps the old one superseded; the
 * old row keeps its values, so the history view (and the audit) can show what
 * was aimed at before — e.g. the new province's 2026–2030 programme replacing
 * the resolution's 2030 targets after the 2025 merger. Readers of targets
 * (lib/data/targets.ts) select supersededAt IS NULL only.
 */
import { PROGRAMME_IN_FORCE } from "@/lib/data/programmes";
import { TARGET_SELECT } from "@/lib/data/targets";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DomainError, fieldError } from "@/lib/errors";
import { defineWrite, type Service, type Tx } from "@/lib/services/write";
import { writeAudit } from "@/lib/audit";
import { BASELINE_MESSAGES, setBaselineSchema, withdrawBaselineSchema } from "@/lib/validations/admin-indicators";
import {
  INDICATOR_MESSAGES,
  NEW_INDICATOR_MESSAGES,
  createIndicatorSchema,
  setTargetSchema,
  updateIndicatorSchema,
  withdrawTargetSchema,
  retireIndicatorSchema,
  reinstateIndicatorSchema,
} from "@/lib/validations/admin-indicators";
import { makeQuarter, quarterIndex, quarterKey } from "@/lib/period/quarter";
import { figuresFrom } from "@/lib/data/admin-indicators";
import { RETIREMENT_MESSAGES, retiredFromQuarter, retirementDate, targetYearTracked } from "@/lib/targets/retirement";

const indicatorSelect = {
  id: true,
  code: true,
  kind: true,
  levels: true,
  bySector: true,
  nameVi: true,
  nameEn: true,
  methodologyVi: true,
  methodologyEn: true,
  responsibleDepartmentId: true,
  retiredFrom: true,
} as const;

const targetSelect = { ...TARGET_SELECT, supersededAt: true, createdAt: true } as const;

/** Row lock on the indicator: changes of one indicator's targets run one after the other. */
async function lockIndicator(tx: Tx, id: number) {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Indicator" WHERE id = ${id} FOR UPDATE`;
  if (rows.length === 0) throw new DomainError("NOT_FOUND", INDICATOR_MESSAGES.notFound);
  return tx.indicator.findUniqueOrThrow({ where: { id }, select: indicatorSelect });
}

export interface IndicatorState {
  id: number;
  code: string;
}

/** A department that can answer for an indicator: it exists and has not closed or merged. */
async function assertOpenDepartment(tx: Tx, id: number): Promise<void> {
  const d = await tx.department.findUnique({ where: { id }, select: { validTo: true, mergedIntoId: true } });
  if (!d) throw fieldError("INVALID_INPUT", "responsibleDepartmentId", INDICATOR_MESSAGES.departmentInvalid);
  if (d.validTo !== null || d.mergedIntoId !== null) throw fieldError("INVALID_INPUT", "responsibleDepartmentId", INDICATOR_MESSAGES.departmentClosed);
}

/**
 * A new indicator of the catalogue (issue #15, item 2), placed last; its department's editors
 * see it in the entry grid at once, and targets are added to it like any other's.
 */
export const createIndicator: Service<IndicatorState> = defineWrite("admin.indicators", createIndicatorSchema, async (tx, data, actor) => {
  // The unique index decides between two concurrent requests; this check gives the usual case its message.
  if (await tx.indicator.findUnique({ where: { code: data.code }, select: { id: true } })) throw fieldError("CODE_TAKEN", "code", NEW_INDICATOR_MESSAGES.codeTaken);
  await assertOpenDepartment(tx, data.responsibleDepartmentId);
  const last = await tx.indicator.aggregate({ _max: { sortOrder: true } });
  const created = await tx.indicator.create({ data: { ...data, levels: [...data.levels], sortOrder: (last._max.sortOrder ?? 0) + 10 }, select: { id: true, code: true } });
  await writeAudit(tx, { actor, action: "INDICATOR_CREATED", entityType: "Indicator", entityId: created.id, after: { ...data } });
  return created;
});

export const updateIndicator: Service<IndicatorState> = defineWrite("admin.indicators", updateIndicatorSchema, async (tx, data, actor) => {
  const before = await lockIndicator(tx, data.indicatorId);
  if (data.responsibleDepartmentId !== before.responsibleDepartmentId) await assertOpenDepartment(tx, data.responsibleDepartmentId);
  const fields = ["nameVi", "nameEn", "methodologyVi", "methodologyEn", "responsibleDepartmentId"] as const;
  const changed = fields.filter((f) => data[f] !== before[f]);
  if (changed.length === 0) throw new DomainError("NO_CHANGE", INDICATOR_MESSAGES.nothingChanged);
  await tx.indicator.update({ where: { id: before.id }, data: Object.fromEntries(changed.map((f) => [f, data[f]])) });
  // Only the fields that changed, before and after: the methodology texts are long.
  await writeAudit(tx, {
    actor,
    action: "INDICATOR_UPDATED",
    entityType: "Indicator",
    entityId: before.id,
    before: { code: before.code, ...Object.fromEntries(changed.map((f) => [f, before[f]])) },
    after: { code: before.code, ...Object.fromEntries(changed.map((f) => [f, data[f]])) },
    reason: data.reason,
  });
  return { id: before.id, code: before.code };
});

type TargetRow = Prisma.TargetGetPayload<{ select: typeof targetSelect }>;

function targetSnapshot(t: TargetRow) {
  return {
    id: t.id,
    level: t.level,
    sectorId: t.sectorId,
    year: t.year,
    comparator: t.comparator,
    value: t.value === null ? null : t.value.toString(),
    descriptionVi: t.descriptionVi,
    sourceClauseVi: t.sourceClauseVi,
    sourceVi: t.sourceVi,
    supersededAt: t.supersededAt,
  };
}

export interface TargetChange {
  targetId: number;
  /** The row this one replaced, now superseded; null for a new key. */
  supersededId: number | null;
}

export const setTarget: Service<TargetChange> = defineWrite("admin.indicators", setTargetSchema, async (tx, data, actor) => {
  const indicator = await lockIndicator(tx, data.indicatorId);
  if (!indicator.levels.includes(data.level)) {
    throw fieldError("INVALID_INPUT", "level", INDICATOR_MESSAGES.levelNotEntered);
  }
  if (indicator.bySector && data.sectorId === null) {
    throw fieldError("INVALID_INPUT", "sectorId", INDICATOR_MESSAGES.sectorRequired);
  }
  if (!indicator.bySector && data.sectorId !== null) {
    throw fieldError("INVALID_INPUT", "sectorId", INDICATOR_MESSAGES.sectorNotAllowed);
  }
  if (data.sectorId !== null && !(await tx.sector.findUnique({ where: { id: data.sectorId }, select: { id: true } }))) {
    throw fieldError("INVALID_INPUT", "sectorId", INDICATOR_MESSAGES.sectorInvalid);
  }
  if (indicator.kind === "RATIO" && data.value !== null && (data.value < 0 || data.value > 100)) {
    throw fieldError("INVALID_INPUT", "value", INDICATOR_MESSAGES.percentRange);
  }
  if (!targetYearTracked(indicator.retiredFrom, data.year)) {
    throw fieldError("INVALID_INPUT", "year", RETIREMENT_MESSAGES.targetRetired(retiredFromQuarter(indicator.retiredFrom)!));
  }
  const programmeId = await programmeOf(tx, data.programmeId);
  const current = await tx.target.findMany({
    where: { programmeId, indicatorId: indicator.id, level: data.level, sectorId: data.sectorId, year: data.year, supersededAt: null },
    select: { ...targetSelect, answersTargetId: true },
  });
  const same = current.find(
    (t) =>
      t.comparator === data.comparator &&
      (t.value === null ? data.value === null : data.value !== null && t.value.toNumber() === data.value) &&
      t.descriptionVi === data.descriptionVi &&
      t.sourceClauseVi === data.sourceClauseVi &&
      t.sourceVi === data.sourceVi,
  );
  if (same && current.length === 1) throw new DomainError("NO_CHANGE", INDICATOR_MESSAGES.sameTarget);
  const now = new Date();
  // The old rows stay, stamped: history, and the audit's "before".
  if (current.length > 0) await tx.target.updateMany({ where: { id: { in: current.map((t) => t.id) } }, data: { supersededAt: now } });
  const created = await tx.target.create({
    data: {
      programmeId,
      // A new version answers the same national target as the one it replaces.
      answersTargetId: current.length === 1 ? current[0]!.answersTargetId : null,
      indicatorId: indicator.id,
      level: data.level,
      sectorId: data.sectorId,
      year: data.year,
      comparator: data.comparator,
      value: data.value,
      descriptionVi: data.descriptionVi,
      sourceClauseVi: data.sourceClauseVi,
      sourceVi: data.sourceVi,
    },
    select: targetSelect,
  });
  await writeAudit(tx, {
    actor,
    action: current.length > 0 ? "TARGET_CHANGED" : "TARGET_ADDED",
    entityType: "Indicator",
    entityId: indicator.id,
    before: current.length > 0 ? { code: indicator.code, targets: current.map((t) => targetSnapshot({ ...t, supersededAt: now })) } : undefined,
    after: { code: indicator.code, target: targetSnapshot(created) },
    reason: data.reason,
  });
  return { targetId: created.id, supersededId: current[0]?.id ?? null };
});

/** The programme a target is set for: the one chosen, or the home province's programme in force (the latest begun). */
async function programmeOf(tx: Tx, chosen: number | null): Promise<number> {
  const programme = chosen === null
    ? await tx.programme.findFirst({ ...PROGRAMME_IN_FORCE, select: { id: true } })
    : await tx.programme.findUnique({ where: { id: chosen }, select: { id: true } });
  if (!programme) throw fieldError("INVALID_INPUT", "programmeId", chosen === null ? INDICATOR_MESSAGES.programmeMissing : INDICATOR_MESSAGES.programmeInvalid);
  return programme.id;
}

/** Retires a current target without a replacement (a mistaken or abandoned goal); the row stays as history. */
export const withdrawTarget: Service<TargetChange> = defineWrite("admin.indicators", withdrawTargetSchema, async (tx, data, actor) => {
  const found = await tx.target.findUnique({ where: { id: data.targetId }, select: { indicatorId: true } });
  if (!found) throw new DomainError("NOT_FOUND", INDICATOR_MESSAGES.targetNotCurrent);
  const indicator = await lockIndicator(tx, found.indicatorId);
  const target = await tx.target.findUniqueOrThrow({ where: { id: data.targetId }, select: targetSelect });
  if (target.supersededAt !== null) throw new DomainError("CONFLICT", INDICATOR_MESSAGES.targetNotCurrent);
  const now = new Date();
  await tx.target.update({ where: { id: target.id }, data: { supersededAt: now } });
  await writeAudit(tx, {
    actor,
    action: "TARGET_WITHDRAWN",
    entityType: "Indicator",
    entityId: indicator.id,
    before: { code: indicator.code, target: targetSnapshot(target) },
    after: { code: indicator.code, target: targetSnapshot({ ...target, supersededAt: now }) },
    reason: data.reason,
  });
  return { targetId: target.id, supersededId: target.id };
});

// ---------------------------------------------------------------- retiring an indicator (issue #15, item 2)

export interface RetirementChange {
  indicatorId: number;
  /** "2027-Q1"; null once tracked again. */
  retiredFrom: string | null;
}

/**
 * Retires an indicator from a quarter on (lib/targets/retirement.ts). Refused while figures of
 * that quarter or a later one exist (nothing entered is dropped or hidden) and while a current
 * target of a programme in force needs figures of those quarters (a verdict is made on Q4).
 * Retiring again moves the quarter, under the same checks.
 */
export const retireIndicator: Service<RetirementChange> = defineWrite("admin.indicators", retireIndicatorSchema, async (tx, data, actor) => {
  const indicator = await lockIndicator(tx, data.indicatorId);
  const from = makeQuarter(data.year, data.quarter);
  const before = retiredFromQuarter(indicator.retiredFrom);
  if (before !== null && quarterIndex(before) === quarterIndex(from)) throw new DomainError("NO_CHANGE", RETIREMENT_MESSAGES.sameQuarter(from));
  // Every status counts, drafts too: a figure someone typed is not dropped by a retirement.
  const figures = await figuresFrom(tx, indicator.id, from);
  if (figures.count > 0) throw fieldError("CONFLICT", "year", RETIREMENT_MESSAGES.figuresAfter(from, figures.count, figures.last!));
  const blocking = await tx.target.findFirst({
    where: { indicatorId: indicator.id, supersededAt: null, year: { gte: from.year }, programme: { status: "IN_FORCE" } },
    orderBy: { year: "desc" },
    select: { year: true, programme: { select: { code: true } } },
  });
  // A target of year Y is judged on Y's fourth quarter: any quarter of Y or earlier is too early.
  if (blocking) {
    throw fieldError("CONFLICT", "year", RETIREMENT_MESSAGES.targetAfter(from, blocking.year, blocking.programme.code));
  }
  await tx.indicator.update({ where: { id: indicator.id }, data: { retiredFrom: retirementDate(from) } });
  await writeAudit(tx, {
    actor,
    action: "INDICATOR_RETIRED",
    entityType: "Indicator",
    entityId: indicator.id,
    before: { code: indicator.code, retiredFrom: before === null ? null : quarterKey(before) },
    after: { code: indicator.code, retiredFrom: quarterKey(from) },
    reason: data.reason,
  });
  return { indicatorId: indicator.id, retiredFrom: quarterKey(from) };
});

/** Tracks a retired indicator again: figures are owed from the quarter it was retired from on. */
export const reinstateIndicator: Service<RetirementChange> = defineWrite("admin.indicators", reinstateIndicatorSchema, async (tx, data, actor) => {
  const indicator = await lockIndicator(tx, data.indicatorId);
  const before = retiredFromQuarter(indicator.retiredFrom);
  if (before === null) throw new DomainError("NO_CHANGE", RETIREMENT_MESSAGES.notRetired);
  await tx.indicator.update({ where: { id: indicator.id }, data: { retiredFrom: null } });
  await writeAudit(tx, {
    actor,
    action: "INDICATOR_REINSTATED",
    entityType: "Indicator",
    entityId: indicator.id,
    before: { code: indicator.code, retiredFrom: quarterKey(before) },
    after: { code: indicator.code, retiredFrom: null },
    reason: data.reason,
  });
  return { indicatorId: indicator.id, retiredFrom: null };
});

// ---------------------------------------------------------------- baselines (issue #15, item 2; ADR 032)

/*
 * Baselines are versioned as targets are: a baseline is indicator × level × sector, at most one per
 * key is current (supersededAt IS NULL; a partial unique index holds it, the indicator's row lock
 * orders two concurrent changes). Setting one where one is current inserts the new row and stamps
 * the old one; withdrawing stamps it with no successor. Readers take the current ones only.
 */

const baselineSelect = {
  id: true,
  indicatorId: true,
  level: true,
  sectorId: true,
  value: true,
  date: true,
  dateAssumed: true,
  sourceClauseVi: true,
  sourceVi: true,
  isDemo: true,
  supersededAt: true,
} as const;

type BaselineRow = Prisma.BaselineGetPayload<{ select: typeof baselineSelect }>;

function baselineSnapshot(b: BaselineRow) {
  return {
    id: b.id,
    level: b.level,
    sectorId: b.sectorId,
    value: b.value.toString(),
    date: b.date.toISOString().slice(0, 10),
    dateAssumed: b.dateAssumed,
    sourceClauseVi: b.sourceClauseVi,
    sourceVi: b.sourceVi,
    isDemo: b.isDemo,
    supersededAt: b.supersededAt,
  };
}

export interface BaselineChange {
  baselineId: number;
  /** The row this one replaced, now superseded; null for a new key. */
  supersededId: number | null;
}

/** Adds a baseline, or replaces the current one of the same indicator × level × sector. */
export const setBaseline: Service<BaselineChange> = defineWrite("admin.indicators", setBaselineSchema, async (tx, data, actor) => {
  const indicator = await lockIndicator(tx, data.indicatorId);
  // The province is always allowed: every level's figures roll up to it.
  if (data.level !== "PROVINCE" && !indicator.levels.includes(data.level)) throw fieldError("INVALID_INPUT", "level", BASELINE_MESSAGES.levelNotEntered);
  if (indicator.bySector && data.sectorId === null) throw fieldError("INVALID_INPUT", "sectorId", INDICATOR_MESSAGES.sectorRequired);
  if (!indicator.bySector && data.sectorId !== null) throw fieldError("INVALID_INPUT", "sectorId", INDICATOR_MESSAGES.sectorNotAllowed);
  if (data.sectorId !== null && !(await tx.sector.findUnique({ where: { id: data.sectorId }, select: { id: true } }))) {
    throw fieldError("INVALID_INPUT", "sectorId", INDICATOR_MESSAGES.sectorInvalid);
  }
  if (indicator.kind === "RATIO" && (data.value < 0 || data.value > 100)) throw fieldError("INVALID_INPUT", "value", BASELINE_MESSAGES.percentRange);
  const current = await tx.baseline.findFirst({
    where: { indicatorId: indicator.id, level: data.level, sectorId: data.sectorId, supersededAt: null },
    select: baselineSelect,
  });
  if (
    current &&
    !current.isDemo &&
    current.value.toNumber() === data.value &&
    current.date.getTime() === data.date.getTime() &&
    current.dateAssumed === data.dateAssumed &&
    current.sourceClauseVi === data.sourceClauseVi &&
    current.sourceVi === data.sourceVi
  ) {
    throw new DomainError("NO_CHANGE", BASELINE_MESSAGES.same);
  }
  const now = new Date();
  // Stamped first: the partial unique index admits one current row per key. The old row stays (history, the audit's "before").
  if (current) await tx.baseline.update({ where: { id: current.id }, data: { supersededAt: now } });
  const created = await tx.baseline.create({
    data: {
      indicatorId: indicator.id,
      level: data.level,
      sectorId: data.sectorId,
      value: data.value,
      date: data.date,
      dateAssumed: data.dateAssumed,
      sourceClauseVi: data.sourceClauseVi,
      sourceVi: data.sourceVi,
    },
    select: baselineSelect,
  });
  await writeAudit(tx, {
    actor,
    action: current ? "BASELINE_CHANGED" : "BASELINE_ADDED",
    entityType: "Indicator",
    entityId: indicator.id,
    before: current ? { code: indicator.code, baseline: baselineSnapshot({ ...current, supersededAt: now }) } : undefined,
    after: { code: indicator.code, baseline: baselineSnapshot(created) },
    reason: data.reason,
  });
  return { baselineId: created.id, supersededId: current?.id ?? null };
});

/** Retires a current baseline without a replacement (a mistaken figure): the row stays as history. */
export const withdrawBaseline: Service<BaselineChange> = defineWrite("admin.indicators", withdrawBaselineSchema, async (tx, data, actor) => {
  const found = await tx.baseline.findUnique({ where: { id: data.baselineId }, select: { indicatorId: true } });
  if (!found) throw new DomainError("NOT_FOUND", BASELINE_MESSAGES.notCurrent);
  const indicator = await lockIndicator(tx, found.indicatorId);
  const baseline = await tx.baseline.findUniqueOrThrow({ where: { id: data.baselineId }, select: baselineSelect });
  if (baseline.supersededAt !== null) throw new DomainError("CONFLICT", BASELINE_MESSAGES.notCurrent);
  const now = new Date();
  await tx.baseline.update({ where: { id: baseline.id }, data: { supersededAt: now } });
  await writeAudit(tx, {
    actor,
    action: "BASELINE_WITHDRAWN",
    entityType: "Indicator",
    entityId: indicator.id,
    before: { code: indicator.code, baseline: baselineSnapshot(baseline) },
    after: { code: indicator.code, baseline: baselineSnapshot({ ...baseline, supersededAt: now }) },
    reason: data.reason,
  });
  return { baselineId: baseline.id, supersededId: baseline.id };
});
