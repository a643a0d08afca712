/**
 * Reads of /quan-tri/chi-tieu (admins only; each read checks the permission
 * itself): indicators with their current and past targets.
 */
import { TARGET_SELECT } from "./targets";
import "server-only";
import { prisma } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/actor";
import type { IndicatorKind, UnitLevel } from "@/lib/generated/prisma/enums";
import type { Option } from "@/lib/data/admin-departments";
import type { TargetInfo } from "@/lib/progress/target-overview";
import { quarterFromIndex, quarterKey, type Quarter } from "@/lib/period/quarter";
import type { PrismaClient } from "@/lib/db/client";
import { retiredFromQuarter } from "@/lib/targets/retirement";

/**
 * An indicator's figures of any status (drafts too) from quarter `from` on (null: all): how many,
 * and the latest quarter among them. What a retirement must not leave behind.
 */
export async function figuresFrom(db: Pick<PrismaClient, "$queryRaw">, indicatorId: number, from: Quarter | null): Promise<{ count: number; last: Quarter | null }> {
  const since = from ?? { year: 0, quarter: 1 };
  const [row] = await db.$queryRaw<{ n: number; last: number | null }[]>`
    SELECT count(*)::int AS n, max(p.year * 4 + p.quarter - 1)::int AS last
      FROM "Figure" f JOIN "ReportingPeriod" p ON p.id = f."periodId"
     WHERE f."indicatorId" = ${indicatorId} AND (p.year, p.quarter) >= (${since.year}::int, ${since.quarter}::int)`;
  return { count: row?.n ?? 0, last: row?.last == null ? null : quarterFromIndex(row.last) };
}

/** "2027-Q1" for a retired indicator, null while tracked. */
const retiredKey = (d: Date | null) => {
  const q = retiredFromQuarter(d);
  return q === null ? null : quarterKey(q);
};

export interface AdminIndicatorRow {
  id: number;
  code: string;
  nameVi: string;
  departmentName: string;
  currentTargets: number;
  pastTargets: number;
  /** The quarter it was retired from ("2027-Q1"); null while tracked. */
  retiredFrom: string | null;
}

export async function getIndicatorsForAdmin(actor: Actor): Promise<AdminIndicatorRow[]> {
  assertCan(actor, "admin.indicators");
  const [rows, counts] = await Promise.all([
    prisma.indicator.findMany({
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      select: { id: true, code: true, nameVi: true, retiredFrom: true, responsibleDepartment: { select: { nameVi: true } } },
    }),
    prisma.target.groupBy({ by: ["indicatorId", "supersededAt"], _count: { _all: true } }),
  ]);
  return rows.map((i) => {
    const mine = counts.filter((c) => c.indicatorId === i.id);
    return {
      id: i.id,
      code: i.code,
      nameVi: i.nameVi,
      departmentName: i.responsibleDepartment.nameVi,
      currentTargets: mine.filter((c) => c.supersededAt === null).reduce((n, c) => n + c._count._all, 0),
      pastTargets: mine.filter((c) => c.supersededAt !== null).reduce((n, c) => n + c._count._all, 0),
      retiredFrom: retiredKey(i.retiredFrom),
    };
  });
}

/** A target as the administration lists it: the one the progress maths judge (TargetInfo), named and dated. */
export interface AdminTarget extends Omit<TargetInfo, "indicatorId"> {
  /** The programme that set it (issue #15): a change keeps it there. */
  programmeId: number;
  programmeCode: string;
  sectorName: string | null;
  createdAt: Date;
  supersededAt: Date | null;
}

export interface AdminIndicatorDetail {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string;
  kind: IndicatorKind;
  unitVi: string;
  levels: UnitLevel[];
  bySector: boolean;
  methodologyVi: string;
  methodologyEn: string;
  responsibleDepartmentId: number;
  sourceVi: string;
  /** The quarter it was retired from ("2027-Q1"); null while tracked. */
  retiredFrom: string | null;
  /** The latest quarter with a figure of any status ("2026-Q3"); null without any. */
  lastFigureQuarter: string | null;
  current: AdminTarget[];
  /** Superseded or withdrawn, newest first. */
  history: AdminTarget[];
  sectors: Option[];
}

/** The code of an indicator by its id: old administration URLs (/quan-tri/chi-tieu/<id>) redirect to the code. */
export async function getIndicatorCodeForAdmin(actor: Actor, id: number): Promise<string | null> {
  assertCan(actor, "admin.indicators");
  return (await prisma.indicator.findUnique({ where: { id }, select: { code: true } }))?.code ?? null;
}

/** One indicator by its code, the key every URL uses for it (public, dashboard and administration). */
export async function getIndicatorForAdmin(actor: Actor, code: string): Promise<AdminIndicatorDetail | null> {
  assertCan(actor, "admin.indicators");
  const i = await prisma.indicator.findUnique({
    where: { code },
    select: {
      id: true,
      code: true,
      nameVi: true,
      nameEn: true,
      kind: true,
      unitVi: true,
      levels: true,
      bySector: true,
      methodologyVi: true,
      methodologyEn: true,
      responsibleDepartmentId: true,
      sourceVi: true,
      retiredFrom: true,
      targets: {
        orderBy: [{ year: "asc" }, { level: "asc" }, { sectorId: "asc" }, { createdAt: "desc" }],
        select: { ...TARGET_SELECT, programmeId: true, programme: { select: { code: true } }, sector: { select: { nameVi: true } }, createdAt: true, supersededAt: true },
      },
    },
  });
  if (!i) return null;
  const [sectors, figures] = await Promise.all([
    i.bySector ? prisma.sector.findMany({ orderBy: { nameVi: "asc" }, select: { id: true, nameVi: true } }) : Promise.resolve([]),
    figuresFrom(prisma, i.id, null),
  ]);
  const targets: AdminTarget[] = i.targets.map(({ sector, programme, value, ...t }) => ({
    ...t,
    programmeCode: programme.code,
    sectorName: sector?.nameVi ?? null,
    value: value === null ? null : value.toNumber(),
  }));
  const { targets: _t, ...rest } = i;
  void _t;
  return {
    ...rest,
    retiredFrom: retiredKey(i.retiredFrom),
    lastFigureQuarter: figures.last === null ? null : quarterKey(figures.last),
    current: targets.filter((t) => t.supersededAt === null),
    history: targets.filter((t) => t.supersededAt !== null).sort((a, b) => b.supersededAt!.getTime() - a.supersededAt!.getTime()),
    sectors: sectors.map((s) => ({ value: s.id, label: s.nameVi })),
  };
}

// ---------------------------------------------------------------- baselines (issue #15, item 2; ADR 032)

/** A baseline as the administration lists it. */
export interface AdminBaseline {
  id: number;
  level: UnitLevel;
  sectorId: number | null;
  sectorName: string | null;
  value: number;
  /** The day it describes (a @db.Date, UTC midnight). */
  date: Date;
  dateAssumed: boolean;
  sourceClauseVi: string;
  sourceVi: string;
  isDemo: boolean;
  createdAt: Date;
  supersededAt: Date | null;
}

export interface AdminBaselines {
  /** One per level × sector, the province first. */
  current: AdminBaseline[];
  /** Superseded or withdrawn, newest first. */
  history: AdminBaseline[];
}

const LEVEL_ORDER: Record<UnitLevel, number> = { PROVINCE: 0, DISTRICT: 1, COMMUNE: 2 };

/** An indicator's baselines by its code: the current ones and the history. */
export async function getBaselinesForAdmin(actor: Actor, code: string): Promise<AdminBaselines> {
  assertCan(actor, "admin.indicators");
  const rows = await prisma.baseline.findMany({
    where: { indicator: { code } },
    orderBy: [{ id: "asc" }],
    select: {
      id: true,
      level: true,
      sectorId: true,
      sector: { select: { nameVi: true } },
      value: true,
      date: true,
      dateAssumed: true,
      sourceClauseVi: true,
      sourceVi: true,
      isDemo: true,
      createdAt: true,
      supersededAt: true,
    },
  });
  const all: AdminBaseline[] = rows.map(({ sector, value, ...b }) => ({ ...b, sectorName: sector?.nameVi ?? null, value: value.toNumber() }));
  return {
    current: all
      .filter((b) => b.supersededAt === null)
      .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || (a.sectorName ?? "").localeCompare(b.sectorName ?? "", "vi")),
    history: all.filter((b) => b.supersededAt !== null).sort((a, b) => b.supersededAt!.getTime() - a.supersededAt!.getTime() || b.id - a.id),
  };
}
