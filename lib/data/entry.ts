/**
 * Reads for the data-entry grid: the actor's indicators × the units they are
 * entered for in one quarter (units as they existed at the quarter's end), with
 * the current working figures, their status and version, and who last changed them.
 * Rows are in Vietnamese name order within their parent unit (entry-order.ts).
 */
import "server-only";
import { prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getWriteScope } from "@/lib/auth/scope";
import { FIGURE_SELECT } from "@/lib/data/figure-select";
import { sortEntryGroups } from "@/lib/data/entry-order";
import { formatQuarter, isFutureQuarter, makeQuarter, parseQuarter, quarterEnd, quarterKey } from "@/lib/period/quarter";
import { storedFigureContent, type FigureContent, type FigureKind } from "@/lib/validations/figure";
import { vietnamClock } from "@/lib/period/vietnam-time";
import type { FigureStatus } from "@/lib/generated/prisma/enums";
import { reportsIn } from "@/lib/targets/retirement";

/** A figure's place in the review workflow: the schema's own enum (prisma/schema.prisma). */
export type EntryFigureStatus = FigureStatus;

export interface EntryFigure extends FigureContent {
  id: number;
  status: EntryFigureStatus;
  version: number;
  reviewComment: string | null;
  updatedAt: string;
  updatedByName: string | null;
  /** Last changed by the signed-in user: the grid's "Tôi nhập" filter. */
  updatedByMe: boolean;
}

export interface EntryRow {
  /** indicator:unit:sector, unique in the grid. */
  key: string;
  indicatorId: number;
  unitId: number;
  unitName: string;
  unitCode: string;
  unitLevel: "PROVINCE" | "DISTRICT" | "COMMUNE";
  sectorId: number | null;
  sectorName: string | null;
  sectorCode: string | null;
  figure: EntryFigure | null;
}

export interface EntryUnitGroup {
  /** The units' parent (the province after the 2025 reform, a district before); null for the province itself. */
  parentName: string | null;
  rows: EntryRow[];
}

export interface EntryIndicator {
  id: number;
  code: string;
  nameVi: string;
  kind: FigureKind;
  unitVi: string;
  numeratorLabelVi: string | null;
  denominatorLabelVi: string | null;
  groups: EntryUnitGroup[];
}

export interface EntryPeriod {
  id: number;
  key: string;
  label: string;
  status: "OPEN" | "LOCKED";
  deadline: string;
}

export interface EntryGrid {
  /** The signed-in user: the browser keeps their unsent entries under it. */
  userId: string;
  period: EntryPeriod;
  periods: EntryPeriod[];
  /** Locked period and the actor may still change it, with a reason (admins). */
  canEditLocked: boolean;
  indicators: EntryIndicator[];
  hasDemoData: boolean;
}

/** The latest open period that has begun: where entry happens by default. */
function defaultPeriod<P extends { year: number; quarter: number; status: string }>(periods: P[], today: Date): P | undefined {
  const begun = periods.filter((p) => !isFutureQuarter(makeQuarter(p.year, p.quarter), today));
  return begun.filter((p) => p.status === "OPEN").at(-1) ?? begun.at(-1);
}

/** null when the key names no reporting period. */
export async function getEntryGrid(actor: Actor, periodKey: string | undefined, today: Date = new Date()): Promise<EntryGrid | null> {
  const periodRows = await prisma.reportingPeriod.findMany({
    select: { id: true, year: true, quarter: true, status: true, deadline: true },
    orderBy: [{ year: "asc" }, { quarter: "asc" }],
  });
  const wanted = periodKey ? parseQuarter(periodKey) : null;
  const chosen = wanted
    ? periodRows.find((p) => p.year === wanted.year && p.quarter === wanted.quarter)
    : defaultPeriod(periodRows, vietnamClock(today));
  if (!chosen) return null;

  const toPeriod = (p: (typeof periodRows)[number]): EntryPeriod => {
    const q = makeQuarter(p.year, p.quarter);
    return { id: p.id, key: quarterKey(q), label: formatQuarter(q, "vi"), status: p.status, deadline: p.deadline.toISOString() };
  };
  const lastDay = quarterEnd(makeQuarter(chosen.year, chosen.quarter));

  const scope = await getWriteScope(prisma, actor);
  const [indicators, units, sectors, figures] = await Promise.all([
    prisma.indicator.findMany({
      where: scope.indicatorIds === null ? {} : { id: { in: [...scope.indicatorIds] } },
      select: {
        id: true,
        code: true,
        nameVi: true,
        kind: true,
        unitVi: true,
        numeratorLabelVi: true,
        denominatorLabelVi: true,
        levels: true,
        bySector: true,
        retiredFrom: true,
      },
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    }),
    // Units that exist on the quarter's last day: the day the figure describes.
    prisma.adminUnit.findMany({
      where: {
        validFrom: { lte: lastDay },
        OR: [{ validTo: null }, { validTo: { gte: lastDay } }],
        ...(scope.unitIds === null ? {} : { id: { in: [...scope.unitIds] } }),
      },
      select: { id: true, code: true, name: true, level: true, parent: { select: { id: true, name: true } } },
      orderBy: [{ code: "asc" }],
    }),
    prisma.sector.findMany({ select: { id: true, code: true, nameVi: true }, orderBy: { id: "asc" } }),
    prisma.figure.findMany({
      where: { periodId: chosen.id, ...(scope.indicatorIds === null ? {} : { indicatorId: { in: [...scope.indicatorIds] } }) },
      select: { ...FIGURE_SELECT, isDemo: true },
    }),
  ]);

  const editorIds = [...new Set(figures.flatMap((f) => (f.updatedById ? [f.updatedById] : [])))];
  const editors = editorIds.length
    ? await prisma.user.findMany({ where: { id: { in: editorIds } }, select: { id: true, name: true } })
    : [];
  const editorName = new Map(editors.map((u) => [u.id, u.name]));
  const figureByCell = new Map(
    figures.map((f) => [
      `${f.indicatorId}:${f.unitId}:${f.sectorId ?? "-"}`,
      {
        id: f.id,
        ...storedFigureContent(f),
        status: f.status,
        version: f.version,
        reviewComment: f.reviewComment,
        updatedAt: f.updatedAt.toISOString(),
        updatedByName: f.updatedById ? (editorName.get(f.updatedById) ?? null) : null,
        updatedByMe: f.updatedById === actor.id,
      } satisfies EntryFigure,
    ]),
  );

  const entryIndicators: EntryIndicator[] = [];
  const quarter = makeQuarter(chosen.year, chosen.quarter);
  for (const indicator of indicators) {
    // A retired indicator is owed no figure from its retirement quarter on (a retirement is refused while figures of those quarters exist).
    if (!reportsIn(indicator.retiredFrom, quarter)) continue;
    const groups = new Map<string, EntryUnitGroup>();
    for (const unit of units) {
      if (!indicator.levels.includes(unit.level)) continue;
      const parentKey = unit.parent ? String(unit.parent.id) : "-";
      let group = groups.get(parentKey);
      if (!group) groups.set(parentKey, (group = { parentName: unit.parent?.name ?? null, rows: [] }));
      for (const sector of indicator.bySector ? sectors : [null]) {
        const key = `${indicator.id}:${unit.id}:${sector?.id ?? "-"}`;
        group.rows.push({
          key,
          indicatorId: indicator.id,
          unitId: unit.id,
          unitName: unit.name,
          unitCode: unit.code,
          unitLevel: unit.level,
          sectorId: sector?.id ?? null,
          sectorName: sector?.nameVi ?? null,
          sectorCode: sector?.code ?? null,
          figure: figureByCell.get(key) ?? null,
        });
      }
    }
    if (groups.size === 0) continue; // e.g. the district indicator after the districts ended
    entryIndicators.push({
      id: indicator.id,
      code: indicator.code,
      nameVi: indicator.nameVi,
      kind: indicator.kind,
      unitVi: indicator.unitVi,
      numeratorLabelVi: indicator.numeratorLabelVi,
      denominatorLabelVi: indicator.denominatorLabelVi,
      groups: sortEntryGroups([...groups.values()]),
    });
  }

  return {
    userId: actor.id,
    period: toPeriod(chosen),
    periods: periodRows.map(toPeriod).reverse(),
    canEditLocked: chosen.status === "LOCKED" && can(actor.role, "figure.editLocked"),
    indicators: entryIndicators,
    hasDemoData: figures.some((f) => f.isDemo),
  };
}
