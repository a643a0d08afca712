/**
 * Reads of the open-data API (/api/v1): indicators, targets with their
 * source clauses, administrative units with validity and successions, and
 * PUBLISHED figures only — the current FigurePublication of each figure, the
 * same rows and columns as the public downloads (FIGURE_COLUMNS,
 * lib/data/public-figures.ts); a draft, submitted or rejected value is never
 * read here. Pages are keyset-paginated on the row's internal id: stable
 * (ids never change, new rows come last) and cheap at any depth.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/client";
import { quarterIndex } from "@/lib/period/quarter";
import { PUBLISHED_FIGURE_COLUMNS, PUBLISHED_FIGURE_FROM, trimDecimal, type PublishedFigureRow } from "@/lib/data/public-figures";
import { RP_QUARTER_INDEX } from "./dashboard-sql";
import type { BaselineFilters, FigureFilters, IndicatorFilters, ProgrammeFilters, TargetFilters, UnitFilters } from "@/lib/open-data/params";
import type { QuarterSum } from "@/lib/open-data/aggregates";
import { cachedByEpoch } from "@/lib/cache/memo";
import { HOME_PROVINCE_CODE } from "@/lib/geography";

export interface Page<T> {
  rows: T[];
  /** Id of the last row when there is a next page. */
  lastId: number | null;
}

function page<T extends { id: number }>(rows: T[], limit: number): Page<Omit<T, "id">> & { ids: number[] } {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  return {
    rows: kept.map(({ id: _id, ...rest }) => rest),
    ids: kept.map((r) => r.id),
    lastId: more ? kept.at(-1)!.id : null,
  };
}

const where = (parts: Prisma.Sql[]) => (parts.length === 0 ? Prisma.empty : Prisma.sql`AND ${Prisma.join(parts, " AND ")}`);

export interface IndicatorRow {
  code: string;
  name_vi: string;
  name_en: string;
  group: string;
  kind: string;
  unit_vi: string;
  unit_en: string;
  direction: string;
  levels: string[];
  by_sector: boolean;
  responsible_department_code: string;
  responsible_department_name_vi: string;
  responsible_department_name_en: string;
  methodology_vi: string;
  methodology_en: string;
  source_vi: string;
  retired_from: string | null;
}

export async function loadIndicatorsPage(db: PrismaClient, f: IndicatorFilters & { after: number; limit: number }): Promise<Page<IndicatorRow>> {
  const filters = [f.code ? Prisma.sql`i.code = ANY(${f.code}::text[])` : null].filter((x): x is Prisma.Sql => x !== null);
  const rows = await db.$queryRaw<(IndicatorRow & { id: number })[]>`
    SELECT i.id, i.code, i."nameVi" AS name_vi, i."nameEn" AS name_en, i."group"::text AS "group", i.kind::text AS kind,
           i."unitVi" AS unit_vi, i."unitEn" AS unit_en, i.direction::text AS direction, i.levels::text[] AS levels,
           i."bySector" AS by_sector, d.code AS responsible_department_code, d."nameVi" AS responsible_department_name_vi,
           d."nameEn" AS responsible_department_name_en, i."methodologyVi" AS methodology_vi, i."methodologyEn" AS methodology_en,
           i."sourceVi" AS source_vi,
           to_char(i."retiredFrom", 'YYYY-"Q"Q') AS retired_from
    FROM "Indicator" i JOIN "Department" d ON d.id = i."responsibleDepartmentId"
    WHERE i.id > ${f.after} ${where(filters)}
    ORDER BY i.id
    LIMIT ${f.limit + 1}`;
  return page(rows, f.limit);
}

export interface TargetRow {
  indicator_code: string;
  level: string;
  sector_code: string | null;
  year: number;
  comparator: string;
  value: number | null;
  description_vi: string | null;
  source_clause_vi: string;
  source_vi: string;
  superseded_at: string | null;
  programme_code: string;
  answers_programme_code: string | null;
  answers_comparator: string | null;
  answers_value: number | null;
}

export interface ProgrammeRow {
  code: string;
  title_vi: string;
  title_en: string;
  issuer_vi: string;
  issued_on: string | null;
  start_year: number;
  end_year: number;
  vision_year: number | null;
  scope: string;
  province_code: string | null;
  status: string;
  superseded_by_code: string | null;
  source_vi: string;
  current_targets: number;
}

export async function loadProgrammesPage(db: PrismaClient, f: ProgrammeFilters & { after: number; limit: number }): Promise<Page<ProgrammeRow>> {
  const filters = [f.code ? Prisma.sql`p.code = ANY(${f.code}::text[])` : null].filter((x): x is Prisma.Sql => x !== null);
  const rows = await db.$queryRaw<(ProgrammeRow & { id: number })[]>`
    SELECT p.id, p.code, p."titleVi" AS title_vi, p."titleEn" AS title_en, p."issuerVi" AS issuer_vi,
           to_char(p."issuedOn", 'YYYY-MM-DD') AS issued_on, p."startYear" AS start_year, p."endYear" AS end_year,
           p."visionYear" AS vision_year, p.scope::text AS scope, p."provinceCode" AS province_code, p.status::text AS status,
           sp.code AS superseded_by_code, p."sourceVi" AS source_vi,
           (SELECT count(*)::int FROM "Target" t WHERE t."programmeId" = p.id AND t."supersededAt" IS NULL) AS current_targets
    FROM "Programme" p LEFT JOIN "Programme" sp ON sp.id = p."supersededById"
    WHERE p.id > ${f.after} ${where(filters)}
    ORDER BY p.id
    LIMIT ${f.limit + 1}`;
  return page(rows, f.limit);
}

export async function loadTargetsPage(db: PrismaClient, f: TargetFilters & { after: number; limit: number }): Promise<Page<TargetRow>> {
  const filters = [
    f.programme ? Prisma.sql`p.code = ANY(${f.programme}::text[])` : null,
    f.indicator ? Prisma.sql`i.code = ANY(${f.indicator}::text[])` : null,
    f.level ? Prisma.sql`t.level::text = ${f.level}` : null,
    f.year !== null ? Prisma.sql`t.year = ${f.year}` : null,
    f.includeSuperseded ? null : Prisma.sql`t."supersededAt" IS NULL`,
  ].filter((x): x is Prisma.Sql => x !== null);
  const rows = await db.$queryRaw<(Omit<TargetRow, "value" | "answers_value"> & { id: number; value: string | null; answers_value: string | null })[]>`
    SELECT t.id, i.code AS indicator_code, t.level::text AS level, s.code AS sector_code, t.year, t.comparator::text AS comparator,
           t.value::text AS value, t."descriptionVi" AS description_vi, t."sourceClauseVi" AS source_clause_vi, t."sourceVi" AS source_vi,
           to_char(t."supersededAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS superseded_at,
           p.code AS programme_code, ap.code AS answers_programme_code, a.comparator::text AS answers_comparator, a.value::text AS answers_value
    FROM "Target" t JOIN "Indicator" i ON i.id = t."indicatorId" LEFT JOIN "Sector" s ON s.id = t."sectorId"
    JOIN "Programme" p ON p.id = t."programmeId"
    LEFT JOIN "Target" a ON a.id = t."answersTargetId" LEFT JOIN "Programme" ap ON ap.id = a."programmeId"
    WHERE t.id > ${f.after} ${where(filters)}
    ORDER BY t.id
    LIMIT ${f.limit + 1}`;
  return page(
    rows.map((r) => ({
      ...r,
      value: r.value === null ? null : Number(trimDecimal(r.value)),
      answers_value: r.answers_value === null ? null : Number(trimDecimal(r.answers_value)),
    })),
    f.limit,
  );
}

export interface SuccessionLink {
  code: string;
  valid_from: string;
  kind: string;
  effective_date: string;
  /** The share of the old unit in the new one: 1 for FULL, the recorded share or null (unknown) for PARTIAL. */
  weight: number | null;
}

export interface UnitRow {
  code: string;
  valid_from: string;
  valid_to: string | null;
  name: string;
  type: string;
  level: string;
  parent_code: string | null;
  parent_valid_from: string | null;
  predecessors: SuccessionLink[];
  successors: SuccessionLink[];
}

export async function loadUnitsPage(db: PrismaClient, f: UnitFilters & { after: number; limit: number }): Promise<Page<UnitRow>> {
  const filters = [
    f.code ? Prisma.sql`u.code = ANY(${f.code}::text[])` : null,
    f.level ? Prisma.sql`u.level::text = ${f.level}` : null,
    f.validOn ? Prisma.sql`u."validFrom" <= ${f.validOn}::date AND (u."validTo" IS NULL OR u."validTo" >= ${f.validOn}::date)` : null,
  ].filter((x): x is Prisma.Sql => x !== null);
  const rows = await db.$queryRaw<(UnitRow & { id: number })[]>`
    SELECT u.id, u.code, to_char(u."validFrom", 'YYYY-MM-DD') AS valid_from, to_char(u."validTo", 'YYYY-MM-DD') AS valid_to,
           u.name, u.type, u.level::text AS level, p.code AS parent_code, to_char(p."validFrom", 'YYYY-MM-DD') AS parent_valid_from,
           COALESCE((SELECT json_agg(json_build_object('code', o.code, 'valid_from', to_char(o."validFrom", 'YYYY-MM-DD'), 'kind', s.kind::text,
                                                       'effective_date', to_char(s."effectiveDate", 'YYYY-MM-DD'),
                                                       'weight', CASE WHEN s.kind = 'FULL' THEN 1 ELSE s.weight::float8 END) ORDER BY o.code, o."validFrom")
                     FROM "Succession" s JOIN "AdminUnit" o ON o.id = s."predecessorId" WHERE s."successorId" = u.id), '[]'::json) AS predecessors,
           COALESCE((SELECT json_agg(json_build_object('code', n.code, 'valid_from', to_char(n."validFrom", 'YYYY-MM-DD'), 'kind', s.kind::text,
                                                       'effective_date', to_char(s."effectiveDate", 'YYYY-MM-DD'),
                                                       'weight', CASE WHEN s.kind = 'FULL' THEN 1 ELSE s.weight::float8 END) ORDER BY n.code, n."validFrom")
                     FROM "Succession" s JOIN "AdminUnit" n ON n.id = s."successorId" WHERE s."predecessorId" = u.id), '[]'::json) AS successors
    FROM "AdminUnit" u LEFT JOIN "AdminUnit" p ON p.id = u."parentId"
    WHERE u.id > ${f.after} ${where(filters)}
    ORDER BY u.id
    LIMIT ${f.limit + 1}`;
  return page(rows, f.limit);
}

/**
 * Published figures, FIGURE_COLUMNS for columns: only the current
 * publication of an approved figure (a newer unapproved edit of it stays private).
 */
export async function loadFiguresPage(db: PrismaClient, f: FigureFilters & { after: number; limit: number }): Promise<Page<PublishedFigureRow>> {
  const filters = [
    f.indicator ? Prisma.sql`i.code = ANY(${f.indicator}::text[])` : null,
    f.unit ? Prisma.sql`u.code = ANY(${f.unit}::text[])` : null,
    f.level ? Prisma.sql`u.level::text = ${f.level}` : null,
    f.sector ? Prisma.sql`s.code = ANY(${f.sector}::text[])` : null,
    f.from ? Prisma.sql`${RP_QUARTER_INDEX} >= ${quarterIndex(f.from)}` : null,
    f.to ? Prisma.sql`${RP_QUARTER_INDEX} <= ${quarterIndex(f.to)}` : null,
  ].filter((x): x is Prisma.Sql => x !== null);
  const rows = await db.$queryRaw<(PublishedFigureRow & { id: number })[]>`
    SELECT f.id, ${PUBLISHED_FIGURE_COLUMNS}
    ${PUBLISHED_FIGURE_FROM}
    WHERE ${
      f.asOf === null
        ? Prisma.sql`p."supersededAt" IS NULL`
        : // The revision that was public at that instant: approved by then, not yet superseded.
          Prisma.sql`p."approvedAt" <= ${f.asOf} AND (p."supersededAt" IS NULL OR p."supersededAt" > ${f.asOf})`
    } AND f.id > ${f.after} ${where(filters)}
    ORDER BY f.id
    LIMIT ${f.limit + 1}`;
  return page(
    rows.map((r) => ({
      ...r,
      numerator: trimDecimal(r.numerator),
      denominator: trimDecimal(r.denominator),
      value: trimDecimal(r.value),
      rate_percent: trimDecimal(r.rate_percent),
    })),
    f.limit,
  );
}

export interface BaselineRow {
  indicator_code: string;
  level: string;
  sector_code: string | null;
  value: number;
  date: string;
  date_assumed: boolean;
  source_clause_vi: string;
  source_vi: string;
  is_demo: boolean;
}

/** The current recorded baselines (issue #14, item 12; a replaced one is history, ADR 032); a target without one starts from its first published figure (methodology). */
export async function loadBaselinesPage(db: PrismaClient, f: BaselineFilters & { after: number; limit: number }): Promise<Page<BaselineRow>> {
  const filters = [f.indicator ? Prisma.sql`i.code = ANY(${f.indicator}::text[])` : null].filter((x): x is Prisma.Sql => x !== null);
  const rows = await db.$queryRaw<(BaselineRow & { id: number })[]>`
    SELECT b.id, i.code AS indicator_code, b.level::text AS level, s.code AS sector_code, b.value::float8 AS value,
           to_char(b.date, 'YYYY-MM-DD') AS date, b."dateAssumed" AS date_assumed,
           b."sourceClauseVi" AS source_clause_vi, b."sourceVi" AS source_vi, b."isDemo" AS is_demo
    FROM "Baseline" b JOIN "Indicator" i ON i.id = b."indicatorId" LEFT JOIN "Sector" s ON s.id = b."sectorId"
    WHERE b.id > ${f.after} AND b."supersededAt" IS NULL ${where(filters)}
    ORDER BY b.id
    LIMIT ${f.limit + 1}`;
  return page(rows, f.limit);
}

/**
 * Published figures (current publications only: the public never sees a
 * pending value) summed per indicator × sector × quarter over the home
 * province of each quarter's own territory — a unit's province is itself, its
 * parent or its grandparent, as in loadProvinceAggregates (lib/data/targets.ts)
 * — and over each of its districts (before 1 July 2025), with the units
 * expected there at the indicator's levels on the quarter's last day.
 * DashboardTotal is not read: it adds submitted values in (ADR 028). A rank is
 * never summed: an area's rank is its own figure, and an area without one has
 * no row. lib/open-data/aggregates.ts states the rules and makes the rows.
 */
export async function loadAggregateSums(db: PrismaClient, provinceCode: string): Promise<QuarterSum[]> {
  const rows = await db.$queryRaw<QuarterSum[]>`
    WITH home AS (SELECT id FROM "AdminUnit" WHERE level = 'PROVINCE' AND code = ${provinceCode}::text),
    placed AS MATERIALIZED (
      SELECT x.* FROM (
        SELECT f."indicatorId", f."sectorId", f."periodId", f."unitId", p.numerator, p.denominator, p.value, p."isDemo",
               CASE WHEN u.level = 'PROVINCE' THEN u.id WHEN pa.level = 'PROVINCE' THEN pa.id ELSE ga.id END AS prov_id,
               CASE WHEN u.level = 'DISTRICT' THEN u.id WHEN pa.level = 'DISTRICT' THEN pa.id END AS dist_id
        FROM "FigurePublication" p
        JOIN "Figure" f ON f.id = p."figureId"
        JOIN "AdminUnit" u ON u.id = f."unitId"
        LEFT JOIN "AdminUnit" pa ON pa.id = u."parentId"
        LEFT JOIN "AdminUnit" ga ON ga.id = pa."parentId"
        WHERE p."supersededAt" IS NULL
      ) x
      WHERE x.prov_id IN (SELECT id FROM home)
    ),
    by_area AS (
      SELECT x.prov_id AS area_id, x.* FROM placed x
      UNION ALL
      SELECT x.dist_id, x.* FROM placed x WHERE x.dist_id IS NOT NULL
    )
    SELECT i.code AS indicator_code, i.kind::text AS kind, i."periodBasis"::text AS period_basis, s.code AS sector_code, rp.year, rp.quarter,
           a.code AS area_code, to_char(a."validFrom", 'YYYY-MM-DD') AS area_valid_from, to_char(a."validTo", 'YYYY-MM-DD') AS area_valid_to,
           a.name AS area_name, a.level::text AS area_level,
           sum(x.numerator)::float8 AS numerator, sum(x.denominator)::float8 AS denominator,
           (CASE WHEN i.kind = 'RANK' THEN sum(x.value) FILTER (WHERE x."unitId" = a.id) ELSE sum(x.value) END)::float8 AS value,
           (CASE WHEN i.kind = 'RANK' THEN count(*) FILTER (WHERE x."unitId" = a.id) ELSE count(*) END)::int AS reported,
           (SELECT count(*)::int
              FROM "AdminUnit" e
              LEFT JOIN "AdminUnit" epa ON epa.id = e."parentId"
              LEFT JOIN "AdminUnit" ega ON ega.id = epa."parentId"
             WHERE e.level = ANY (CASE WHEN i.kind = 'RANK' THEN ARRAY[a.level] ELSE i.levels END)
               AND e."validFrom" <= make_date(rp.year, rp.quarter * 3, 1) + interval '1 month' - interval '1 day'
               AND (e."validTo" IS NULL OR e."validTo" >= make_date(rp.year, rp.quarter * 3, 1) + interval '1 month' - interval '1 day')
               AND a.id IN (e.id, epa.id, ega.id)) AS expected,
           bool_or(x."isDemo") AS is_demo
    FROM by_area x
    JOIN "AdminUnit" a ON a.id = x.area_id
    JOIN "Indicator" i ON i.id = x."indicatorId"
    LEFT JOIN "Sector" s ON s.id = x."sectorId"
    JOIN "ReportingPeriod" rp ON rp.id = x."periodId"
    GROUP BY i.code, i.kind, i."periodBasis", i.levels, s.code, rp.year, rp.quarter, a.id, a.code, a."validFrom", a."validTo", a.name, a.level`;
  // A rank has no value for an area that did not report its own (a district under a ranked province).
  return rows.filter((r) => !(r.kind === "RANK" && r.value === null));
}

/** loadAggregateSums of the home province, read once per cache epoch (once per publication) for the API and the downloads. */
export function publishedAggregateSums(db: PrismaClient, provinceCode = HOME_PROVINCE_CODE): Promise<QuarterSum[]> {
  return cachedByEpoch(db, `open-data:aggregate-sums:${provinceCode}`, () => loadAggregateSums(db, provinceCode));
}
