/**
 * Reads for the overview of every target: indicators, current targets,
 * baselines and the province-level aggregates of APPROVED (published) figures.
 *
 * Published means a current FigurePublication (supersededAt IS NULL); the
 * Figure row is joined only for its keys (indicator, unit, period, sector),
 * never for its working values or status, which may hold an unapproved edit.
 *
 * loadOverviewInputs returns plain JSON (dates as ISO strings) so the public
 * pages can keep it in Next's data cache (lib/data/public-cache.ts);
 * buildOverview turns it into the overview.
 */
// No "server-only" marker: the cached public pages read through this module in
// getStaticProps (Pages Router, ADR 012), where Next refuses that marker. Never
// import it from a client component.
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/client";
import { HOME_PROVINCE_CODE } from "@/lib/geography";
import { quarterOfDate } from "@/lib/period/quarter";
import type { NationalLine, ProvinceAggregate } from "@/lib/progress/target-overview";
import { loadLevelEnds } from "./level-ends";

import { buildOverview, type OverviewInputs, type TargetOverview } from "./overview-model";
import { scopeToProgramme, type ProgrammeScope } from "@/lib/targets/programme-scope";

export { buildOverview, type AggregateJson, type BaselineJson, type OverviewInputs, type TargetOverview } from "./overview-model";

/** A ProvinceAggregate's sums over the current publications `p` of a group (Σnum, Σden, Σvalue, units, latest approval, demo). */
const PUBLISHED_SUMS = Prisma.sql`sum(p.numerator)::float8 AS numerator, sum(p.denominator)::float8 AS denominator, sum(p.value)::float8 AS value,
           count(*)::int AS reported, max(p."approvedAt") AS "approvedAt", bool_or(p."isDemo") AS "isDemo"`;

/**
 * Σ over the units of the home province of each quarter's own time: a unit's
 * province is itself, its parent or its grandparent (commune → district →
 * province before the reform, commune → province after), so old units roll up
 * to the old province and new ones to the new.
 */
export async function loadProvinceAggregates(
  db: PrismaClient,
  provinceCode = HOME_PROVINCE_CODE,
  indicatorId: number | null = null,
): Promise<ProvinceAggregate[]> {
  return db.$queryRaw<ProvinceAggregate[]>`
    SELECT f."indicatorId", f."sectorId", rp.year, rp.quarter,
           ${PUBLISHED_SUMS},
           prov."validFrom" AS "provinceValidFrom",
           -- Coverage's denominator: the units of the indicator's levels in that province on the quarter's last day.
           (SELECT count(*)::int
              FROM "AdminUnit" e
              LEFT JOIN "AdminUnit" epa ON epa.id = e."parentId"
              LEFT JOIN "AdminUnit" ega ON ega.id = epa."parentId"
             WHERE e.level = ANY (ind.levels)
               AND e."validFrom" <= make_date(rp.year, rp.quarter * 3, 1) + interval '1 month' - interval '1 day'
               AND (e."validTo" IS NULL OR e."validTo" >= make_date(rp.year, rp.quarter * 3, 1) + interval '1 month' - interval '1 day')
               AND prov.id = CASE WHEN e.level = 'PROVINCE' THEN e.id WHEN epa.level = 'PROVINCE' THEN epa.id ELSE ega.id END
           ) AS expected
    FROM "FigurePublication" p
    JOIN "Figure" f ON f.id = p."figureId"
    JOIN "ReportingPeriod" rp ON rp.id = f."periodId"
    JOIN "Indicator" ind ON ind.id = f."indicatorId"
    JOIN "AdminUnit" u ON u.id = f."unitId"
    LEFT JOIN "AdminUnit" pa ON pa.id = u."parentId"
    LEFT JOIN "AdminUnit" ga ON ga.id = pa."parentId"
    JOIN "AdminUnit" prov ON prov.id = CASE
        WHEN u.level = 'PROVINCE' THEN u.id
        WHEN pa.level = 'PROVINCE' THEN pa.id
        ELSE ga.id END
    WHERE p."supersededAt" IS NULL AND prov.code = ${provinceCode}
      AND (${indicatorId}::int IS NULL OR f."indicatorId" = ${indicatorId}::int)
    GROUP BY f."indicatorId", f."sectorId", rp.year, rp.quarter, prov."validFrom", prov.id, ind.levels`;
}

/** The province code's unit before its territory last changed, and that change's eve; null if it never changed. */
async function loadFormerProvince(db: PrismaClient, provinceCode: string): Promise<{ id: number; validFrom: Date; validTo: Date } | null> {
  const rows = await db.$queryRaw<{ id: number; validFrom: Date; validTo: Date }[]>`
    SELECT id, "validFrom", "validTo" FROM "AdminUnit"
    WHERE level = 'PROVINCE' AND code = ${provinceCode} AND "validTo" IS NOT NULL
    ORDER BY "validTo" DESC LIMIT 1`;
  return rows[0] ?? null;
}

/**
 * The province as the resolution knew it (ResolutionTerritory, issue #14,
 * item 5): the home province's unit before its territory last changed, and
 * the published values of the quarters after that change rebuilt on it — Σ
 * over the units every predecessor of which lay in it (for Thái Nguyên, the
 * new communes inside the old border: none crosses it), with their coverage
 * against the units of the indicator's levels inside. A value the new
 * province reports for itself (a province-level figure) cannot be split and
 * is not rebuilt. Null when the province never changed.
 */
export async function loadResolutionTerritory(
  db: PrismaClient,
  provinceCode = HOME_PROVINCE_CODE,
  indicatorId: number | null = null,
): Promise<{ validFrom: Date; lastDay: Date; rebuilt: ProvinceAggregate[] } | null> {
  const former = await loadFormerProvince(db, provinceCode);
  if (former === null) return null;
  const rebuilt = await db.$queryRaw<ProvinceAggregate[]>`
    WITH pred AS (
      SELECT s."successorId" AS unit_id,
             CASE WHEN pu.level = 'PROVINCE' THEN pu.id WHEN ppa.level = 'PROVINCE' THEN ppa.id ELSE pga.id END AS province_id
      FROM "Succession" s
      JOIN "AdminUnit" pu ON pu.id = s."predecessorId"
      LEFT JOIN "AdminUnit" ppa ON ppa.id = pu."parentId"
      LEFT JOIN "AdminUnit" pga ON pga.id = ppa."parentId"
    ),
    inside AS MATERIALIZED (
      SELECT unit_id FROM pred GROUP BY unit_id HAVING bool_and(province_id IS NOT DISTINCT FROM ${former.id}::int)
    )
    SELECT f."indicatorId", f."sectorId", rp.year, rp.quarter,
           ${PUBLISHED_SUMS},
           ${former.validFrom}::date AS "provinceValidFrom",
           (SELECT count(*)::int
              FROM inside i JOIN "AdminUnit" e ON e.id = i.unit_id
             WHERE e.level = ANY (ind.levels)
               AND e."validFrom" <= make_date(rp.year, rp.quarter * 3, 1) + interval '1 month' - interval '1 day'
               AND (e."validTo" IS NULL OR e."validTo" >= make_date(rp.year, rp.quarter * 3, 1) + interval '1 month' - interval '1 day')
           ) AS expected
    FROM "FigurePublication" p
    JOIN "Figure" f ON f.id = p."figureId"
    JOIN inside i ON i.unit_id = f."unitId"
    JOIN "ReportingPeriod" rp ON rp.id = f."periodId"
    JOIN "Indicator" ind ON ind.id = f."indicatorId"
    WHERE p."supersededAt" IS NULL
      AND make_date(rp.year, rp.quarter * 3, 1) > ${former.validTo}::date
      AND (${indicatorId}::int IS NULL OR f."indicatorId" = ${indicatorId}::int)
    GROUP BY f."indicatorId", f."sectorId", rp.year, rp.quarter, ind.levels`;
  return { validFrom: former.validFrom, lastDay: former.validTo, rebuilt };
}

/** The aggregates of every indicator, from the server's database. */
export async function getProvinceAggregates(provinceCode = HOME_PROVINCE_CODE): Promise<ProvinceAggregate[]> {
  return loadProvinceAggregates(prisma, provinceCode);
}

/** What every reader of an indicator selects: the fields of IndicatorInfo. */
export const INDICATOR_SELECT = {
  id: true,
  code: true,
  nameVi: true,
  nameEn: true,
  group: true,
  kind: true,
  unitVi: true,
  unitEn: true,
  sortOrder: true,
  yearlyRate: true,
} as const;

/**
 * The targets the tracker judges: those of the province's own programmes (issue #15; a deployment
 * serves one province, DX_PROVINCE_CODE). A national programme's targets are the lines the
 * provincial ones answer, never a verdict here.
 */
export const JUDGED_TARGETS = { programme: { scope: "PROVINCE" } } as const satisfies Prisma.TargetWhereInput;

/** The same, in SQL, for a query whose target alias is `t`. */
export const JUDGED_TARGETS_SQL = Prisma.sql`t."programmeId" IN (SELECT id FROM "Programme" WHERE scope = 'PROVINCE')`;

const NATIONAL_LINE_SELECT = { comparator: true, value: true, programme: { select: { code: true } } } as const;

function nationalLine(a: { comparator: NationalLine["comparator"]; value: Prisma.Decimal | null; programme: { code: string } } | null): NationalLine | null {
  return a && { programmeCode: a.programme.code, comparator: a.comparator, value: a.value === null ? null : a.value.toNumber() };
}

/** What a target is (TargetInfo): selected alike by every reader and writer of targets. */
export const TARGET_SELECT = {
  id: true,
  indicatorId: true,
  sectorId: true,
  level: true,
  year: true,
  comparator: true,
  value: true,
  descriptionVi: true,
  sourceClauseVi: true,
  sourceVi: true,
} as const;

/** Everything the overview needs, as plain JSON; `indicatorId` narrows it to one indicator, `programme` to one programme. */
export async function loadOverviewInputs(db: PrismaClient, indicatorId: number | null = null, programme: ProgrammeScope | null = null): Promise<OverviewInputs> {
  const only = indicatorId === null ? {} : { indicatorId };
  const [allIndicators, sectors, judged, baselines, aggregates, levelEnds, territory, editions] = await Promise.all([
    db.indicator.findMany({ where: indicatorId === null ? {} : { id: indicatorId }, select: INDICATOR_SELECT }),
    db.sector.findMany({ select: { id: true, code: true, nameVi: true, nameEn: true } }),
    db.target.findMany({ where: { supersededAt: null, ...only, ...JUDGED_TARGETS }, select: { ...TARGET_SELECT, programmeId: true, answers: { select: NATIONAL_LINE_SELECT } } }),
    db.baseline.findMany({ where: { ...only, supersededAt: null }, select: { indicatorId: true, sectorId: true, level: true, value: true, date: true, dateAssumed: true, isDemo: true } }),
    loadProvinceAggregates(db, HOME_PROVINCE_CODE, indicatorId),
    loadLevelEnds(db, HOME_PROVINCE_CODE),
    loadResolutionTerritory(db, HOME_PROVINCE_CODE, indicatorId),
    db.indicatorEdition.findMany({ where: only, select: { indicatorId: true, referenceYear: true, publishedOn: true, rankedUnits: true }, orderBy: { publishedOn: "asc" } }),
  ]);
  const aggregateJson = (a: ProvinceAggregate) => ({ ...a, approvedAt: a.approvedAt.toISOString(), provinceValidFrom: a.provinceValidFrom.toISOString() });
  const { indicators, targets } = scopeToProgramme(allIndicators, judged, programme);
  return {
    indicators,
    sectors,
    targets: targets.map(({ answers, programmeId: _programme, ...t }) => ({ ...t, value: t.value === null ? null : t.value.toNumber(), national: nationalLine(answers) })),
    baselines: baselines.map((b) => ({ ...b, value: b.value.toNumber(), date: b.date.toISOString() })),
    aggregates: aggregates.map(aggregateJson),
    levelEnds,
    editions: editions.map((e) => ({ ...e, publishedOn: e.publishedOn.toISOString() })),
    resolutionTerritory: territory && {
      validFrom: territory.validFrom.toISOString(),
      lastDay: territory.lastDay.toISOString(),
      rebuilt: territory.rebuilt.map(aggregateJson),
    },
  };
}

/** The overview as of a quarter: only figures of quarters up to it count. */
/** Uncached, from the server's database (the public pages read lib/data/public-overview.ts). */
export async function getTargetOverview(today: Date = new Date()): Promise<TargetOverview> {
  return buildOverview(await loadOverviewInputs(prisma), quarterOfDate(today));
}
