/**
 * The SQL of the dashboard's live aggregates (ADR 009). Every statement sums
 * figures in PostgreSQL (GROUP BY with SUM: Σnumerator / Σdenominator for
 * ratios, never an average of percentages) and returns one row per area ×
 * quarter, so the same functions stay fast on the national dataset
 * (docs/benchmarks.md, "dashboard").
 *
 * What the dashboard counts for a cell (indicator × unit × quarter × sector):
 * - a SUBMITTED figure: its working values, flagged `submitted` (the public never sees it);
 * - an APPROVED figure: its values, which are those of its current publication;
 * - a DRAFT or REJECTED figure that was approved before (re-opened for a
 *   correction): its current publication, i.e. what is approved today;
 * - anything else (a first draft, a rejection never approved, no figure): not reported.
 *
 * The statements are built here, once, and both the data functions and the
 * benchmark (which runs the very same statements through psql) use them; they
 * run in one round trip each through lib/db/json-query.ts.
 *
 * Scope. A province is named by its GSO code; `boundary` is a calendar day
 * whose units are listed. The figures that count for a listed unit are those of
 * the units "mapped" to it: itself; for a district, its communes; for a commune
 * that exists since the 1 July 2025 reform, its predecessors (Succession; a
 * PARTIAL one is flagged: only part of that old commune went into it, so its
 * figure is shown as history, not as an exact total); for the province row,
 * the province and the provinces merged into it.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import { PROJECTION_WINDOW } from "@/lib/progress/thresholds";
import { JUDGED_TARGETS_SQL } from "./targets";

export type Level = "PROVINCE" | "DISTRICT" | "COMMUNE";

/**
 * Quarters are addressed by lib/period's quarterIndex (year × 4 + quarter − 1) on both sides: the
 * statements take the last quarter's index and compute the same expression in SQL (QUARTER_INDEX).
 */
const QUARTER_INDEX = Prisma.raw("(year * 4 + quarter - 1)");
export const RP_QUARTER_INDEX = Prisma.raw("(rp.year * 4 + rp.quarter - 1)");

/** Quarters a series covers, ending with the chosen one: five years. */
export const SERIES_QUARTERS = 20;
/**
 * Quarters of each unit's series in a breakdown: the window the trend projection
 * uses (PROJECTION_WINDOW in lib/progress/thresholds.ts), which is all a unit's
 * status needs besides its baseline.
 */
export const BREAKDOWN_QUARTERS = PROJECTION_WINDOW;

const periodsCte = (lastIndex: number, count: number) => Prisma.sql`
  periods AS MATERIALIZED (
    SELECT id, year, quarter, deadline,
           (make_date(year, quarter * 3, 1) + interval '1 month' - interval '1 day')::date AS qend
    FROM "ReportingPeriod"
    WHERE ${QUARTER_INDEX} BETWEEN ${lastIndex - count + 1}::int AND ${lastIndex}::int
  )`;

/** The period ids of the range, as an array computed once (an InitPlan): `x = ANY (…)` keeps the planner from looping over periods it under-estimates. */
const periodIds = (lastIndex: number, count: number) =>
  Prisma.sql`ARRAY(SELECT id FROM "ReportingPeriod" WHERE ${QUARTER_INDEX} BETWEEN ${lastIndex - count + 1}::int AND ${lastIndex}::int)`;

/**
 * Units per level and validity interval (a handful of rows), so the join with the
 * quarters a unit was in force in stays small.
 */
const unitIntervals = (ids: Prisma.Sql, key: Prisma.Sql) => Prisma.sql`
  SELECT ${key} AS key, u.level, u."validFrom", u."validTo", count(*)::int AS n
  FROM (${ids}) a JOIN "AdminUnit" u ON u.id = a.id
  GROUP BY 1, 2, 3, 4`;

/**
 * The cells counted, for units in `map(to_id, from_id, partial, first)`, read from
 * "Figure" itself (the breakdown: one indicator, a few hundred units): see the module
 * comment. `indicatorId` null: every indicator.
 */
const cellsCte = (indicatorId: number | null, sectorId: number | null | undefined, lastIndex: number, count: number) => {
  // The periods as an array computed once (an InitPlan): the covering index is then probed once
  // per unit with periodId = ANY(…), and no join to the periods multiplies the loops.
  const indicator = indicatorId === null ? Prisma.empty : Prisma.sql`AND f."indicatorId" = ${indicatorId}::int`;
  const sector =
    sectorId === undefined ? Prisma.empty : sectorId === null ? Prisma.sql`AND f."sectorId" IS NULL` : Prisma.sql`AND f."sectorId" = ${sectorId}::int`;
  const inRange = Prisma.sql`AND f."periodId" = ANY (${periodIds(lastIndex, count)})`;
  return Prisma.sql`
  -- Re-opened figures are few (under 1 % nationally): those of the indicator and quarters, found through
  -- "Figure_periodId_indicatorId_status_idx" once, then matched to the units, instead of one probe per unit.
  reopened AS MATERIALIZED (
    SELECT f.id, f."unitId", f."periodId", f."indicatorId", f."sectorId", f."submittedAt"
    FROM "Figure" f
    WHERE f.status IN ('DRAFT', 'REJECTED') ${indicator} ${inRange} ${sector}
  ),
  cells AS (
    SELECT m.to_id, m.from_id, m.partial, m.weight, m.first, f."periodId", f."indicatorId", f."sectorId",
           f.numerator, f.denominator, f.value, f.status = 'SUBMITTED' AS submitted, f."submittedAt"
    FROM map m
    JOIN "Figure" f ON f."unitId" = m.from_id ${indicator} ${inRange}
    WHERE f.status IN ('SUBMITTED', 'APPROVED') ${sector}
    UNION ALL
    SELECT m.to_id, m.from_id, m.partial, m.weight, m.first, f."periodId", f."indicatorId", f."sectorId",
           p.numerator, p.denominator, p.value, false, f."submittedAt"
    FROM reopened f
    JOIN map m ON m.from_id = f."unitId"
    JOIN "FigurePublication" p ON p."figureId" = f.id AND p."supersededAt" IS NULL
  )`;
};

/** Indicators (one, by code, or all), sectors, current targets with their level, current baselines, and whether demo data is loaded. */
export function referenceStatement(indicatorCode: string | null): Prisma.Sql {
  return Prisma.sql`
    WITH ind AS (SELECT * FROM "Indicator" WHERE ${indicatorCode}::text IS NULL OR code = ${indicatorCode}::text)
    SELECT
      (SELECT json_agg(json_build_object('id', i.id, 'code', i.code, 'nameVi', i."nameVi", 'nameEn', i."nameEn", 'group', i."group",
                'kind', i.kind, 'unitVi', i."unitVi", 'unitEn', i."unitEn", 'sortOrder', i."sortOrder", 'yearlyRate', i."yearlyRate", 'levels', i.levels,
                'bySector', i."bySector", 'responsibleDepartmentId', i."responsibleDepartmentId", 'retiredFrom', i."retiredFrom") ORDER BY i."sortOrder", i.code)
         FROM ind i) AS indicators,
      (SELECT json_agg(json_build_object('id', s.id, 'code', s.code, 'nameVi', s."nameVi", 'nameEn', s."nameEn") ORDER BY s.id) FROM "Sector" s) AS sectors,
      (SELECT json_agg(json_build_object('id', d.id, 'code', d.code, 'nameVi', d."nameVi") ORDER BY d."nameVi")
         FROM "Department" d WHERE d.id IN (SELECT "responsibleDepartmentId" FROM ind)) AS departments,
      (SELECT json_agg(json_build_object('id', t.id, 'indicatorId', t."indicatorId", 'programmeId', t."programmeId", 'sectorId', t."sectorId", 'level', t.level, 'year', t.year,
                'comparator', t.comparator, 'value', t.value, 'descriptionVi', t."descriptionVi", 'sourceClauseVi', t."sourceClauseVi", 'sourceVi', t."sourceVi",
                'national', (SELECT json_build_object('programmeCode', np.code, 'comparator', a.comparator, 'value', a.value::float8)
                               FROM "Target" a JOIN "Programme" np ON np.id = a."programmeId" WHERE a.id = t."answersTargetId")) ORDER BY t.id)
         FROM "Target" t JOIN ind i ON i.id = t."indicatorId" WHERE t."supersededAt" IS NULL AND ${JUDGED_TARGETS_SQL}) AS targets,
      (SELECT json_agg(json_build_object('indicatorId', b."indicatorId", 'sectorId', b."sectorId", 'level', b.level, 'value', b.value, 'date', b.date,
                'dateAssumed', b."dateAssumed", 'isDemo', b."isDemo") ORDER BY b.id)
         FROM "Baseline" b JOIN ind i ON i.id = b."indicatorId" WHERE b."supersededAt" IS NULL) AS baselines,
      (SELECT json_agg(json_build_object('indicatorId', e."indicatorId", 'referenceYear', e."referenceYear", 'publishedOn', e."publishedOn",
                'rankedUnits', e."rankedUnits") ORDER BY e."publishedOn")
         FROM "IndicatorEdition" e JOIN ind i ON i.id = e."indicatorId") AS editions,
      -- Demo figures and demo accounts are written together, only in demo mode: the small table answers for both.
      EXISTS (SELECT 1 FROM "User" WHERE "isDemo") AS demo`;
}

/** Whether demo data is loaded (demo figures and demo accounts are written together: the small table answers for both). */
export function demoStatement(): Prisma.Sql {
  return Prisma.sql`SELECT EXISTS (SELECT 1 FROM "User" WHERE "isDemo") AS demo`;
}

// ---------------------------------------------------------------- overview

const inRange = (lastIndex: number, count: number) =>
  Prisma.sql`${RP_QUARTER_INDEX} BETWEEN ${lastIndex - count + 1}::int AND ${lastIndex}::int`;

/**
 * Province totals of every indicator × sector × quarter, on each quarter's own
 * territory: the province that carried `provinceCode` at the time (the series
 * breaks where that unit changed — the 1 July 2025 merger — and says so), read
 * from the live totals ("DashboardTotal", kept by triggers in the write's own
 * transaction), and (second statement) how many units of each level were expected.
 */
export function overviewStatements(provinceCode: string, lastIndex: number): { aggregates: Prisma.Sql; expected: Prisma.Sql } {
  return {
    aggregates: Prisma.sql`
      SELECT t."indicatorId", t."sectorId", rp.year, rp.quarter, pv."validFrom" AS "provinceValidFrom",
             t.numerator::float8 AS numerator, t.denominator::float8 AS denominator, t.value::float8 AS value,
             t.reported, t.submitted, t.late
      FROM "AdminUnit" pv
      JOIN "DashboardTotal" t ON t."provinceId" = pv.id AND t.reported > 0
      JOIN "ReportingPeriod" rp ON rp.id = t."periodId" AND ${inRange(lastIndex, SERIES_QUARTERS)}
      WHERE pv.level = 'PROVINCE' AND pv.code = ${provinceCode}::text`,
    expected: Prisma.sql`
      WITH prov AS (SELECT id FROM "AdminUnit" WHERE level = 'PROVINCE' AND code = ${provinceCode}::text),
      area AS MATERIALIZED (${unitIntervals(
        Prisma.sql`SELECT id FROM prov
          UNION ALL SELECT u.id FROM "AdminUnit" u JOIN prov p ON u."parentId" = p.id
          UNION ALL SELECT c.id FROM prov p JOIN "AdminUnit" d ON d."parentId" = p.id AND d.level = 'DISTRICT' JOIN "AdminUnit" c ON c."parentId" = d.id`,
        Prisma.sql`0`,
      )}), ${periodsCte(lastIndex, SERIES_QUARTERS)}
      SELECT rp.year, rp.quarter, a.level::text AS level, sum(a.n)::int AS units
      FROM area a JOIN periods rp ON a."validFrom" <= rp.qend AND (a."validTo" IS NULL OR a."validTo" >= rp.qend)
      GROUP BY rp.year, rp.quarter, a.level`,
  };
}

// ---------------------------------------------------------------- breakdown / completeness scope

export interface AreaScope {
  provinceCode: string;
  /** "YYYY-MM-DD": the day whose units are listed. */
  boundary: string;
  /** The level listed. */
  level: Exclude<Level, "PROVINCE">;
  /** List only the units under this one (a district, for the drill-down). */
  parentId?: number | null;
  /** List exactly these units (a unit's own page). */
  unitIds?: readonly number[] | null;
  /** Also a row for the province itself (figures the province reports), for completeness. */
  withProvince?: boolean;
}

function scopeCtes(s: AreaScope): Prisma.Sql {
  const only = s.unitIds && s.unitIds.length > 0 ? Prisma.sql`AND u.id IN (${Prisma.join(s.unitIds.map((id) => Prisma.sql`${id}::int`))})` : Prisma.empty;
  const parent = s.parentId ? Prisma.sql`AND u."parentId" = ${s.parentId}::int` : Prisma.empty;
  const province = s.withProvince
    ? Prisma.sql`UNION ALL SELECT r.id, p.id, false, 1::numeric FROM root r CROSS JOIN provs p`
    : Prisma.empty;
  return Prisma.sql`
  root AS (
    SELECT id FROM "AdminUnit"
    WHERE level = 'PROVINCE' AND code = ${s.provinceCode}::text
      AND "validFrom" <= ${s.boundary}::date AND ("validTo" IS NULL OR "validTo" >= ${s.boundary}::date)
  ),
  provs AS (SELECT id FROM root UNION SELECT s."predecessorId" FROM "Succession" s JOIN root r ON s."successorId" = r.id),
  listed AS (
    SELECT u.id, u.level FROM root r JOIN "AdminUnit" u ON u."parentId" = r.id
    WHERE u.level = ${s.level}::"UnitLevel" AND u."validFrom" <= ${s.boundary}::date AND (u."validTo" IS NULL OR u."validTo" >= ${s.boundary}::date)
      ${parent} ${only}
    UNION ALL
    SELECT u.id, u.level FROM root r JOIN "AdminUnit" d ON d."parentId" = r.id AND d.level = 'DISTRICT' JOIN "AdminUnit" u ON u."parentId" = d.id
    WHERE u.level = ${s.level}::"UnitLevel" AND u."validFrom" <= ${s.boundary}::date AND (u."validTo" IS NULL OR u."validTo" >= ${s.boundary}::date)
      ${parent} ${only}
  ),
  -- first: one mapping per reporting unit, so a total counts a PARTIAL predecessor once (whole).
  -- weight: the share of the reporting unit's figures that belongs to the listed one (1 but for a
  -- PARTIAL succession with a recorded weight); partial: a PARTIAL succession without one, counted
  -- whole in each successor, so its history is flagged and never judged (issue #14, item 7).
  map AS (
    SELECT to_id, from_id, partial, weight, row_number() OVER (PARTITION BY from_id ORDER BY to_id) = 1 AS first
    FROM (
      SELECT l.id AS to_id, l.id AS from_id, false AS partial, 1::numeric AS weight FROM listed l
      UNION ALL
      SELECT l.id, c.id, false, 1::numeric FROM listed l JOIN "AdminUnit" c ON c."parentId" = l.id WHERE l.level = 'DISTRICT'
      UNION ALL
      SELECT l.id, s."predecessorId", s.kind = 'PARTIAL' AND s.weight IS NULL, COALESCE(s.weight, 1)
      FROM listed l JOIN "Succession" s ON s."successorId" = l.id WHERE l.level = 'COMMUNE'
      ${province}
    ) x
  )`;
}

/** The listed units themselves, with their parent (the district before the reform); reads the scope CTEs. */
export function listedUnitsStatement(): Prisma.Sql {
  return Prisma.sql`
    SELECT u.id, u.code, u.name, u.type, u.level::text AS level, pa.id AS "parentId", pa.name AS "parentName", pa.level::text AS "parentLevel",
           coalesce(sc.n, 0) AS predecessors, sc.partial AS "hasPartial", u."validTo"
    FROM "AdminUnit" u LEFT JOIN "AdminUnit" pa ON pa.id = u."parentId"
    -- The successions of every listed unit, in one pass (not two probes per unit).
    LEFT JOIN (
      SELECT s."successorId", count(*)::int AS n, bool_or(s.kind = 'PARTIAL' AND s.weight IS NULL) AS partial
      FROM "Succession" s WHERE s."successorId" IN (SELECT to_id FROM map) GROUP BY 1
    ) sc ON sc."successorId" = u.id
    WHERE u.id IN (SELECT to_id FROM map)
    ORDER BY u.level, u.code`;
}

/**
 * The geography of a scope (lib/data/dashboard-scope.ts caches it): the listed
 * units, the map with each reporting unit's level and validity, and the units
 * of the territory of the province and the provinces merged into it, by level
 * and validity interval.
 */
export function scopeStatements(s: AreaScope) {
  return {
    ctes: scopeCtes(s),
    units: listedUnitsStatement(),
    map: Prisma.sql`
      SELECT m.to_id AS "to", m.from_id AS "from", m.partial, m.first, u.level::text AS level, u."validFrom", u."validTo"
      FROM map m JOIN "AdminUnit" u ON u.id = m.from_id
      ORDER BY m.from_id, m.to_id`,
    provinceArea: Prisma.sql`
      SELECT u.level::text AS level, u."validFrom", u."validTo", count(*)::int AS n
      FROM (SELECT id FROM provs
            UNION ALL SELECT u.id FROM "AdminUnit" u JOIN provs p ON u."parentId" = p.id
            UNION ALL SELECT c.id FROM provs p JOIN "AdminUnit" d ON d."parentId" = p.id AND d.level = 'DISTRICT' JOIN "AdminUnit" c ON c."parentId" = d.id) a
      JOIN "AdminUnit" u ON u.id = a.id
      GROUP BY 1, 2, 3`,
  };
}

/** The quarters of the range that have a reporting period (the expected counts are computed for those). */
export function periodsStatement(lastIndex: number, count: number): Prisma.Sql {
  return Prisma.sql`SELECT year, quarter FROM "ReportingPeriod" WHERE ${QUARTER_INDEX} BETWEEN ${lastIndex - count + 1}::int AND ${lastIndex}::int ORDER BY year, quarter`;
}

/**
 * One indicator (× sector) by listed unit × quarter for the `count` quarters up
 * to `lastIndex`, and (rows with to_id NULL) the total over the whole scope,
 * in which each reporting unit counts once even when a PARTIAL succession maps
 * it to two listed communes. Only the sums: the listed units and the units
 * expected come from the scope's cached geography (lib/data/dashboard-scope.ts),
 * whose map is this statement's own (scopeCtes), so both agree.
 */
export function breakdownStatements(s: AreaScope, indicatorId: number, sectorId: number | null, lastIndex: number, count: number = BREAKDOWN_QUARTERS) {
  return {
    ctes: Prisma.sql`${scopeCtes(s)}, ${periodsCte(lastIndex, count)}, ${cellsCte(indicatorId, sectorId, lastIndex, count)}`,
    aggregates: Prisma.sql`
      -- A listed unit's share of each reporting unit (weight 1 but for a weighted PARTIAL succession); the total counts each whole, once.
      SELECT c.to_id AS "unitId", rp.year, rp.quarter,
             sum(c.numerator * c.weight)::float8 AS numerator, sum(c.denominator * c.weight)::float8 AS denominator, sum(c.value * c.weight)::float8 AS value,
             -- One cell per reporting unit and quarter (a figure per indicator × unit × period × sector, in one branch of cells only).
             count(*)::int AS reported, count(*) FILTER (WHERE c.submitted)::int AS submitted,
             bool_or(c.partial) AS partial
      FROM cells c JOIN periods rp ON rp.id = c."periodId"
      GROUP BY c.to_id, rp.year, rp.quarter
      UNION ALL
      SELECT NULL, rp.year, rp.quarter,
             sum(c.numerator)::float8, sum(c.denominator)::float8, sum(c.value)::float8,
             count(*)::int, count(*) FILTER (WHERE c.submitted)::int, false
      FROM cells c JOIN periods rp ON rp.id = c."periodId"
      WHERE c.first
      GROUP BY rp.year, rp.quarter`,
    periods: Prisma.sql`SELECT year, quarter FROM periods ORDER BY year, quarter`,
  };
}

/**
 * Reporting for the completeness page, from the live counts kept by triggers:
 * by listed unit × quarter over every indicator (the heatmap; "DashboardUnitQuarter"
 * of the units mapped to each listed one), and by indicator × quarter over the
 * province territory of the boundaries (the departments' table; "DashboardTotal"
 * of the province and the provinces merged into it), with late submissions (after
 * the period's deadline). The listed units and the figures expected come from
 * the scope's cached geography (lib/data/dashboard-scope.ts), built from the
 * same scopeCtes.
 */
export function completenessStatements(s: AreaScope, lastIndex: number, count: number) {
  return {
    ctes: scopeCtes({ ...s, withProvince: true }),
    byUnit: Prisma.sql`
      SELECT x."unitId", rp.year, rp.quarter, x.reported, x.late, x.submitted
      FROM (
        SELECT m.to_id AS "unitId", q."periodId", sum(q.reported)::int AS reported, sum(q.late)::int AS late, sum(q.submitted)::int AS submitted
        FROM map m JOIN "DashboardUnitQuarter" q ON q."unitId" = m.from_id AND q."periodId" = ANY (${periodIds(lastIndex, count)})
        GROUP BY m.to_id, q."periodId"
      ) x JOIN "ReportingPeriod" rp ON rp.id = x."periodId"`,
    byIndicator: Prisma.sql`
      SELECT x."indicatorId", rp.year, rp.quarter, x.reported, x.late, x.submitted
      FROM (
        SELECT t."indicatorId", t."periodId", sum(t.reported)::int AS reported, sum(t.late)::int AS late, sum(t.submitted)::int AS submitted
        FROM provs p JOIN "DashboardTotal" t ON t."provinceId" = p.id AND t."periodId" = ANY (${periodIds(lastIndex, count)})
        GROUP BY t."indicatorId", t."periodId"
      ) x JOIN "ReportingPeriod" rp ON rp.id = x."periodId"`,
    periods: periodsStatement(lastIndex, count),
  };
}
