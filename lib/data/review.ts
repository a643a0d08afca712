/**
 * The approver's queue: submitted figures grouped by period and responsible
 * department, each beside the unit's approved history (previous quarter and
 * last 8 approved values) and the outlier flags that history raises.
 */
import "server-only";
import { FIGURE_CONTENT_SELECT } from "./figure-select";
import { prisma } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { FigureStatus, type IndicatorKind, type PeriodStatus, type UnitLevel } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { addQuarters, formatQuarter, makeQuarter, parseQuarter, quarterEquals, quarterIndex, quarterKey, type Quarter } from "@/lib/period/quarter";
import type { OutlierFlag } from "@/lib/review/outliers";
import { readFiguresForReview } from "./review-flags";
import { figureNumber, formatFigureNumber, formatRatioParts } from "@/lib/review/figure-value";

export interface ReviewFilters {
  /** "2026-Q3" */
  periodKey?: string;
  departmentId?: number;
}

export interface ReviewHistoryPoint {
  quarter: Quarter;
  label: string;
  value: number;
  text: string;
}

export interface ReviewQueueItem {
  figureId: number;
  version: number;
  indicator: { id: number; code: string; nameVi: string; kind: IndicatorKind; unitVi: string };
  sector: { nameVi: string } | null;
  unit: { id: number; name: string; type: string; level: UnitLevel };
  /** Rate in percent for a ratio, the value otherwise. */
  value: number | null;
  valueText: string;
  /** "1.512 / 1.589" for a ratio. */
  partsText: string | null;
  /** The approved value of the quarter just before, if any. */
  previous: ReviewHistoryPoint | null;
  /** The unit's last (up to) 8 approved values before this quarter, oldest first. */
  history: ReviewHistoryPoint[];
  flags: OutlierFlag[];
  /** The editor's note. */
  comment: string | null;
  /** How final the editor says it is, and the document it comes from: published with it. */
  observationStatus: "NORMAL" | "PROVISIONAL" | "ESTIMATED";
  sourceDocument: string | null;
  submittedBy: string | null;
  submittedAt: Date | null;
}

export interface ReviewQueueGroup {
  period: { id: number; key: string; label: string; status: PeriodStatus };
  department: { id: number; nameVi: string };
  items: ReviewQueueItem[];
}

export interface ReviewQueue {
  groups: ReviewQueueGroup[];
  total: number;
  /** Some listed figure is demo data: the page says so. */
  hasDemoData: boolean;
  filters: ReviewFilters;
  /** What the filters can be set to: every period and department with something to review. */
  options: {
    periods: { key: string; label: string; count: number }[];
    departments: { id: number; nameVi: string; count: number }[];
  };
}

const queueSelect = {
  id: true,
  version: true,
  ...FIGURE_CONTENT_SELECT,
  isDemo: true,
  submittedAt: true,
  updatedById: true,
  indicatorId: true,
  unitId: true,
  sectorId: true,
  indicator: { select: { id: true, code: true, nameVi: true, kind: true, unitVi: true, sortOrder: true } },
  sector: { select: { nameVi: true } },
  unit: { select: { id: true, name: true, type: true, level: true } },
  period: { select: { id: true, year: true, quarter: true, status: true } },
  department: { select: { id: true, nameVi: true } },
} as const satisfies Prisma.FigureSelect;

const num = (d: { toNumber(): number } | null) => (d === null ? null : d.toNumber());


export async function getReviewQueue(actor: Actor, filters: ReviewFilters = {}): Promise<ReviewQueue> {
  assertCan(actor, "figure.review");
  const quarter = filters.periodKey ? parseQuarter(filters.periodKey) : null;
  const periodWhere: Prisma.ReportingPeriodWhereInput | undefined = quarter ? { year: quarter.year, quarter: quarter.quarter } : undefined;

  const [figures, periodCounts, departmentCounts] = await Promise.all([
    prisma.figure.findMany({
      where: {
        status: FigureStatus.SUBMITTED,
        ...(periodWhere ? { period: periodWhere } : {}),
        ...(filters.departmentId ? { departmentId: filters.departmentId } : {}),
      },
      select: queueSelect,
    }),
    prisma.figure.groupBy({ by: ["periodId"], where: { status: FigureStatus.SUBMITTED }, _count: { _all: true } }),
    prisma.figure.groupBy({
      by: ["departmentId"],
      where: { status: FigureStatus.SUBMITTED, ...(periodWhere ? { period: periodWhere } : {}) },
      _count: { _all: true },
    }),
  ]);

  const [periods, departments, submitters, readings] = await Promise.all([
    prisma.reportingPeriod.findMany({
      where: { id: { in: periodCounts.map((p) => p.periodId) } },
      select: { id: true, year: true, quarter: true },
    }),
    prisma.department.findMany({
      where: { id: { in: [...departmentCounts.map((d) => d.departmentId), ...(filters.departmentId ? [filters.departmentId] : [])] } },
      select: { id: true, nameVi: true },
    }),
    prisma.user.findMany({
      where: { id: { in: [...new Set(figures.flatMap((f) => (f.updatedById ? [f.updatedById] : [])))] } },
      select: { id: true, name: true },
    }),
    // The approved history of each figure's cell and the flags it raises: the same reading the approval checks.
    readFiguresForReview(
      prisma,
      figures.map((f) => ({ ...f, kind: f.indicator.kind, quarter: makeQuarter(f.period.year, f.period.quarter) })),
    ),
  ]);

  const submitterName = new Map(submitters.map((u) => [u.id, u.name]));
  const groups = new Map<string, ReviewQueueGroup & { sortKey: [number, string] }>();
  for (const f of figures) {
    const q = makeQuarter(f.period.year, f.period.quarter);
    const kind = f.indicator.kind;
    const amounts = { numerator: num(f.numerator), denominator: num(f.denominator), value: num(f.value) };
    const value = figureNumber(kind, amounts);
    const point = (p: { quarter: Quarter; value: number }): ReviewHistoryPoint => ({
      quarter: p.quarter,
      label: formatQuarter(p.quarter, "vi"),
      value: p.value,
      text: formatFigureNumber(kind, f.indicator.unitVi, p.value),
    });
    const reading = readings.get(f.id)!;
    const before = reading.history;
    const previousQuarter = addQuarters(q, -1);
    const previous = before.find((p) => quarterEquals(p.quarter, previousQuarter));
    const item: ReviewQueueItem = {
      figureId: f.id,
      version: f.version,
      indicator: { id: f.indicator.id, code: f.indicator.code, nameVi: f.indicator.nameVi, kind, unitVi: f.indicator.unitVi },
      sector: f.sector,
      unit: f.unit,
      value,
      valueText: formatFigureNumber(kind, f.indicator.unitVi, value),
      partsText: kind === "RATIO" ? formatRatioParts(amounts) : null,
      previous: previous ? point(previous) : null,
      history: before.map(point),
      flags: reading.flags,
      comment: f.comment,
      observationStatus: f.observationStatus,
      sourceDocument: f.sourceDocument,
      submittedBy: f.updatedById ? (submitterName.get(f.updatedById) ?? null) : null,
      submittedAt: f.submittedAt,
    };
    const key = `${quarterKey(q)}|${f.department.id}`;
    const group =
      groups.get(key) ??
      ({
        period: { id: f.period.id, key: quarterKey(q), label: formatQuarter(q, "vi"), status: f.period.status },
        department: f.department,
        items: [],
        sortKey: [-quarterIndex(q), f.department.nameVi],
      } satisfies ReviewQueueGroup & { sortKey: [number, string] });
    group.items.push(item);
    groups.set(key, group);
  }

  const sortOrder = new Map(figures.map((f) => [f.indicatorId, f.indicator.sortOrder]));
  const sorted = [...groups.values()]
    .sort((a, b) => a.sortKey[0] - b.sortKey[0] || a.sortKey[1].localeCompare(b.sortKey[1], "vi"))
    .map(({ sortKey: _sortKey, ...group }) => ({
      ...group,
      items: group.items.sort(
        (a, b) =>
          (sortOrder.get(a.indicator.id) ?? 0) - (sortOrder.get(b.indicator.id) ?? 0) ||
          (a.sector?.nameVi ?? "").localeCompare(b.sector?.nameVi ?? "", "vi") ||
          a.unit.name.localeCompare(b.unit.name, "vi"),
      ),
    }));

  const periodCount = new Map(periodCounts.map((p) => [p.periodId, p._count._all]));
  const departmentCount = new Map(departmentCounts.map((d) => [d.departmentId, d._count._all]));
  return {
    groups: sorted,
    total: figures.length,
    hasDemoData: figures.some((f) => f.isDemo),
    filters: { periodKey: quarter ? quarterKey(quarter) : undefined, departmentId: filters.departmentId },
    options: {
      periods: [...periods]
        .sort((a, b) => b.year - a.year || b.quarter - a.quarter)
        .map((p) => {
          const q = makeQuarter(p.year, p.quarter);
          return { key: quarterKey(q), label: formatQuarter(q, "vi"), count: periodCount.get(p.id) ?? 0 };
        }),
      departments: departments
        .map((d) => ({ id: d.id, nameVi: d.nameVi, count: departmentCount.get(d.id) ?? 0 }))
        .sort((a, b) => a.nameVi.localeCompare(b.nameVi, "vi")),
    },
  };
}
