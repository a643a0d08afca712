/**
 * Reads for the overview of every target: indicators, current targets,
 * baselines and the province-level aggregates of APPROVED (published) figures.
 */
import "server-only";
import { prisma } from "@/lib/db";
import { HOME_PROVINCE_CODE } from "@/lib/geography";
import { quarterOfDate, type Quarter } from "@/lib/period/quarter";
import { buildTargetOverview, type OverviewRow, type ProvinceAggregate } from "@/lib/progress/target-overview";

export interface TargetOverview {
  rows: OverviewRow[];
  asOf: Quarter;
  /** Some shown figure is demo data: every screen showing it says so. */
  hasDemoData: boolean;
}

interface AggregateRow {
  indicatorId: number;
  sectorId: number | null;
  year: number;
  quarter: number;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  reported: number;
  approvedAt: Date;
  isDemo: boolean;
  provinceValidFrom: Date;
}

/**
 * Σ over the units of the home province of each quarter's own time: a unit's
 * province is itself, its parent or its grandparent (commune → district →
 * province before the reform, commune → province after), so old units roll up
 * to the old province and new ones to the new.
 */
export async function getProvinceAggregates(provinceCode = HOME_PROVINCE_CODE): Promise<ProvinceAggregate[]> {
  const rows = await prisma.$queryRaw<AggregateRow[]>`
    SELECT f."indicatorId", f."sectorId", rp.year, rp.quarter,
           sum(p.numerator)::float8 AS numerator,
           sum(p.denominator)::float8 AS denominator,
           sum(p.value)::float8 AS value,
           count(*)::int AS reported,
           max(p."approvedAt") AS "approvedAt",
           bool_or(p."isDemo") AS "isDemo",
           prov."validFrom" AS "provinceValidFrom"
    FROM "FigurePublication" p
    JOIN "Figure" f ON f.id = p."figureId"
    JOIN "ReportingPeriod" rp ON rp.id = f."periodId"
    JOIN "AdminUnit" u ON u.id = f."unitId"
    LEFT JOIN "AdminUnit" pa ON pa.id = u."parentId"
    LEFT JOIN "AdminUnit" ga ON ga.id = pa."parentId"
    JOIN "AdminUnit" prov ON prov.id = CASE
        WHEN u.level = 'PROVINCE' THEN u.id
        WHEN pa.level = 'PROVINCE' THEN pa.id
        ELSE ga.id END
    WHERE p."supersededAt" IS NULL AND prov.code = ${provinceCode}
    GROUP BY f."indicatorId", f."sectorId", rp.year, rp.quarter, prov."validFrom"`;
  return rows;
}

export async function getTargetOverview(today: Date = new Date()): Promise<TargetOverview> {
  const [indicators, sectors, targets, baselines, aggregates] = await Promise.all([
    prisma.indicator.findMany({
      select: { id: true, code: true, nameVi: true, nameEn: true, group: true, kind: true, unitVi: true, unitEn: true, sortOrder: true },
    }),
    prisma.sector.findMany({ select: { id: true, code: true, nameVi: true, nameEn: true } }),
    prisma.target.findMany({
      where: { supersededAt: null },
      select: {
        id: true,
        indicatorId: true,
        sectorId: true,
        year: true,
        comparator: true,
        value: true,
        descriptionVi: true,
        sourceClauseVi: true,
        sourceVi: true,
      },
    }),
    prisma.baseline.findMany({ select: { indicatorId: true, sectorId: true, value: true, date: true } }),
    getProvinceAggregates(),
  ]);
  const asOf = quarterOfDate(today);
  const rows = buildTargetOverview({
    indicators,
    sectors,
    targets: targets.map((t) => ({ ...t, value: t.value === null ? null : t.value.toNumber() })),
    baselines: baselines.map((b) => ({ ...b, value: b.value.toNumber() })),
    aggregates,
    asOf,
  });
  return { rows, asOf, hasDemoData: rows.some((r) => r.series.some((p) => p.isDemo)) };
}
