/**
 * The indicator page's data: the indicator, its province series and goals,
 * the breakdown of one quarter by district and commune on that quarter's
 * boundaries (with coverage), and the revision history of its publications.
 *
 * Only published figures are read: current FigurePublication rows for
 * values, Figure only for its keys (unit, period, indicator, sector).
 * Loaders take the database and return plain JSON; the getters at the end
 * cache them under the "figures" tag.
 */
// No "server-only" marker: the cached public pages read through this module in
// getStaticProps (Pages Router, ADR 012), where Next refuses that marker. Never
// import it from a client component.
import type { PrismaClient } from "@/lib/db/client";
import { HOME_PROVINCE_CODE } from "@/lib/geography";
import { makeQuarter, quarterEnd, quarterKey, type Quarter } from "@/lib/period/quarter";
import { retiredFromQuarter } from "@/lib/targets/retirement";
import { indexUnits, rollupByAncestor, rollupSum, type UnitLevel, type UnitNode } from "@/lib/rollup/rollup";
import type { IndicatorInfo } from "@/lib/progress/target-overview";
import { INDICATOR_SELECT, loadOverviewInputs, type OverviewInputs } from "./targets";

export interface IndicatorInfoJson extends IndicatorInfo {
  numeratorLabelVi: string | null;
  denominatorLabelVi: string | null;
  levels: UnitLevel[];
  methodologyVi: string;
  methodologyEn: string;
  sourceVi: string;
  responsibleDepartment: { nameVi: string; nameEn: string };
  /** The quarter it was retired from ("2027-Q2"); null while tracked (lib/targets/retirement.ts). */
  retiredFrom: string | null;
}

export interface RevisionJson {
  figureId: number;
  unitName: string;
  sectorCode: string | null;
  quarter: string;
  revision: number;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  approvedAt: string;
  supersededAt: string | null;
}

export interface IndicatorDetailJson {
  indicator: IndicatorInfoJson;
  /** The overview inputs narrowed to this indicator (series, goals, baselines). */
  overview: OverviewInputs;
  /** Quarter keys ("2025-Q2") with at least one published figure below province level, oldest first. */
  breakdownQuarters: string[];
  history: {
    /** Current publications of the indicator. */
    published: number;
    /** Figures published more than once. */
    revisedFigures: number;
    /** Every revision of those figures (at most HISTORY_LIMIT rows, newest quarters first). */
    revisions: RevisionJson[];
  };
}

const HISTORY_LIMIT = 500;

export async function loadIndicatorDetail(db: PrismaClient, code: string): Promise<IndicatorDetailJson | null> {
  const found = await db.indicator.findUnique({
    where: { code },
    select: {
      ...INDICATOR_SELECT,
      numeratorLabelVi: true,
      denominatorLabelVi: true,
      levels: true,
      methodologyVi: true,
      methodologyEn: true,
      sourceVi: true,
      responsibleDepartment: { select: { nameVi: true, nameEn: true } },
      retiredFrom: true,
    },
  });
  if (!found) return null;
  const retired = retiredFromQuarter(found.retiredFrom);
  const indicator = { ...found, retiredFrom: retired === null ? null : quarterKey(retired) };

  const [overview, quarters, counts, revisions] = await Promise.all([
    loadOverviewInputs(db, indicator.id),
    db.$queryRaw<{ year: number; quarter: number }[]>`
      SELECT DISTINCT rp.year, rp.quarter
      FROM "FigurePublication" p
      JOIN "Figure" f ON f.id = p."figureId"
      JOIN "ReportingPeriod" rp ON rp.id = f."periodId"
      JOIN "AdminUnit" u ON u.id = f."unitId"
      WHERE p."supersededAt" IS NULL AND f."indicatorId" = ${indicator.id} AND u.level <> 'PROVINCE'
      ORDER BY rp.year, rp.quarter`,
    db.$queryRaw<{ published: number; revised: number }[]>`
      SELECT count(*) FILTER (WHERE p."supersededAt" IS NULL)::int AS published,
             count(DISTINCT p."figureId") FILTER (WHERE p.revision > 1)::int AS revised
      FROM "FigurePublication" p JOIN "Figure" f ON f.id = p."figureId"
      WHERE f."indicatorId" = ${indicator.id}`,
    db.$queryRaw<
      {
        figureId: number;
        unitName: string;
        sectorCode: string | null;
        year: number;
        quarter: number;
        revision: number;
        numerator: number | null;
        denominator: number | null;
        value: number | null;
        approvedAt: Date;
        supersededAt: Date | null;
      }[]
    >`
      SELECT p."figureId", u.name AS "unitName", s.code AS "sectorCode", rp.year, rp.quarter, p.revision,
             p.numerator::float8 AS numerator, p.denominator::float8 AS denominator, p.value::float8 AS value,
             p."approvedAt", p."supersededAt"
      FROM "FigurePublication" p
      JOIN "Figure" f ON f.id = p."figureId"
      JOIN "ReportingPeriod" rp ON rp.id = f."periodId"
      JOIN "AdminUnit" u ON u.id = f."unitId"
      LEFT JOIN "Sector" s ON s.id = f."sectorId"
      WHERE f."indicatorId" = ${indicator.id}
        AND p."figureId" IN (SELECT "figureId" FROM "FigurePublication" WHERE revision > 1)
      ORDER BY rp.year DESC, rp.quarter DESC, u.code, s.code NULLS FIRST, p.revision
      LIMIT ${HISTORY_LIMIT}`,
  ]);

  return {
    indicator,
    overview,
    breakdownQuarters: quarters.map((q) => quarterKey(makeQuarter(q.year, q.quarter))),
    history: {
      published: counts[0]?.published ?? 0,
      revisedFigures: counts[0]?.revised ?? 0,
      revisions: revisions.map((r) => ({
        figureId: r.figureId,
        unitName: r.unitName,
        sectorCode: r.sectorCode,
        quarter: quarterKey(makeQuarter(r.year, r.quarter)),
        revision: r.revision,
        numerator: r.numerator,
        denominator: r.denominator,
        value: r.value,
        approvedAt: r.approvedAt.toISOString(),
        supersededAt: r.supersededAt?.toISOString() ?? null,
      })),
    },
  };
}

// ---------------------------------------------------------------- breakdown

/** Σ of published figures over a set of units, and how many of the expected units reported. */
export interface AreaTotalJson {
  numerator: number | null;
  denominator: number | null;
  /** Σnumerator / Σdenominator × 100 for ratios; null otherwise or without a base. */
  percent: number | null;
  /** Σvalue for counts; null for ratios. */
  value: number | null;
  reported: number;
  expected: number;
}

export interface BreakdownUnitJson {
  code: string;
  name: string;
  type: string;
  districtCode: string | null;
  numerator: number | null;
  denominator: number | null;
  percent: number | null;
  value: number | null;
  /** Null: the unit has no published figure for the quarter. */
  approvedAt: string | null;
}

export interface BreakdownProvinceJson {
  code: string;
  name: string;
  /** The home province of that quarter (its figures make the province series); false for a province merged into it later. */
  isHome: boolean;
  total: AreaTotalJson;
  /** District roll-ups of a commune indicator before the reform; empty otherwise. */
  districts: ({ code: string; name: string } & AreaTotalJson)[];
  units: BreakdownUnitJson[];
}

export interface BreakdownJson {
  quarter: string;
  /** The level the breakdown lists: the lowest level the indicator is entered at. */
  level: Exclude<UnitLevel, "PROVINCE">;
  /** The day whose boundaries are used: the last day of the quarter, "YYYY-MM-DD". */
  boundariesOn: string;
  provinces: BreakdownProvinceJson[];
  isDemo: boolean;
}

interface BreakdownRow {
  id: number;
  code: string;
  name: string;
  type: string;
  level: UnitLevel;
  parentId: number | null;
  validFrom: Date;
  validTo: Date | null;
  provinceId: number;
  provinceCode: string;
  provinceName: string;
  provinceValidFrom: Date;
  districtId: number | null;
  districtCode: string | null;
  districtName: string | null;
  districtValidFrom: Date | null;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  approvedAt: Date | null;
  isDemo: boolean | null;
}

/** The level a breakdown lists: communes if the indicator is entered for them, else districts; null if province only. */
export function breakdownLevel(levels: readonly UnitLevel[]): Exclude<UnitLevel, "PROVINCE"> | null {
  if (levels.includes("COMMUNE")) return "COMMUNE";
  if (levels.includes("DISTRICT")) return "DISTRICT";
  return null;
}

/**
 * One quarter of an indicator by unit, on the boundaries of the quarter's last
 * day: the units of that level in force then, under the home province of that
 * time and under the provinces since merged into it (listed separately: they
 * were not part of the province figure then). Units without a published
 * figure are listed as not reported; coverage counts them.
 */
export async function loadBreakdown(db: PrismaClient, code: string, quarter: Quarter): Promise<BreakdownJson | null> {
  const indicator = await db.indicator.findUnique({ where: { code }, select: { id: true, kind: true, levels: true } });
  if (!indicator) return null;
  const level = breakdownLevel(indicator.levels);
  if (level === null) return null;
  const period = await db.reportingPeriod.findUnique({
    where: { year_quarter: { year: quarter.year, quarter: quarter.quarter } },
    select: { id: true },
  });
  // A calendar day, not an instant: the session's time zone must not move it.
  const day = quarterEnd(quarter).toISOString().slice(0, 10);
  const periodId = period?.id ?? -1;

  const rows = await db.$queryRaw<BreakdownRow[]>`
    WITH home_now AS (
      SELECT id FROM "AdminUnit"
      WHERE code = ${HOME_PROVINCE_CODE} AND level = 'PROVINCE'
      ORDER BY "validFrom" DESC LIMIT 1
    ), provinces AS (
      SELECT u.id, u.code, u.name, u."validFrom"
      FROM "AdminUnit" u
      WHERE u.level = 'PROVINCE' AND u."validFrom" <= ${day}::date AND (u."validTo" IS NULL OR u."validTo" >= ${day}::date)
        AND (u.code = ${HOME_PROVINCE_CODE}
             OR u.id IN (SELECT s."predecessorId" FROM "Succession" s JOIN home_now h ON h.id = s."successorId"))
    )
    SELECT u.id, u.code, u.name, u.type, u.level, u."parentId", u."validFrom", u."validTo",
           prov.id AS "provinceId", prov.code AS "provinceCode", prov.name AS "provinceName", prov."validFrom" AS "provinceValidFrom",
           CASE WHEN pa.level = 'DISTRICT' THEN pa.id END AS "districtId",
           CASE WHEN pa.level = 'DISTRICT' THEN pa.code END AS "districtCode",
           CASE WHEN pa.level = 'DISTRICT' THEN pa.name END AS "districtName",
           CASE WHEN pa.level = 'DISTRICT' THEN pa."validFrom" END AS "districtValidFrom",
           pub.numerator::float8 AS numerator, pub.denominator::float8 AS denominator, pub.value::float8 AS value,
           pub."approvedAt", pub."isDemo"
    FROM "AdminUnit" u
    LEFT JOIN "AdminUnit" pa ON pa.id = u."parentId"
    LEFT JOIN "AdminUnit" ga ON ga.id = pa."parentId"
    JOIN provinces prov ON prov.id = CASE WHEN pa.level = 'PROVINCE' THEN pa.id ELSE ga.id END
    LEFT JOIN LATERAL (
      SELECT p.numerator, p.denominator, p.value, p."approvedAt", p."isDemo"
      FROM "Figure" f
      JOIN "FigurePublication" p ON p."figureId" = f.id AND p."supersededAt" IS NULL
      WHERE f."unitId" = u.id AND f."indicatorId" = ${indicator.id} AND f."periodId" = ${periodId} AND f."sectorId" IS NULL
    ) pub ON true
    WHERE u.level = ${level}::"UnitLevel" AND u."validFrom" <= ${day}::date AND (u."validTo" IS NULL OR u."validTo" >= ${day}::date)
    ORDER BY (prov.code <> ${HOME_PROVINCE_CODE}), prov.name, pa.code, u.code`;

  return {
    quarter: quarterKey(quarter),
    level,
    boundariesOn: day,
    provinces: groupByProvince(rows, indicator.kind === "RATIO"),
    isDemo: rows.some((r) => r.isDemo === true),
  };
}

function groupByProvince(rows: readonly BreakdownRow[], isRatio: boolean): BreakdownProvinceJson[] {
  // The unit tree of the quarter, for lib/rollup: the listed units, their districts and provinces.
  const nodes = new Map<number, UnitNode>();
  for (const r of rows) {
    nodes.set(r.provinceId, { id: r.provinceId, parentId: null, level: "PROVINCE", validFrom: r.provinceValidFrom, validTo: null });
    if (r.districtId !== null) {
      nodes.set(r.districtId, { id: r.districtId, parentId: r.provinceId, level: "DISTRICT", validFrom: r.districtValidFrom!, validTo: null });
    }
    nodes.set(r.id, { id: r.id, parentId: r.parentId, level: r.level, validFrom: r.validFrom, validTo: r.validTo });
  }
  const unitsById = indexUnits([...nodes.values()]);
  const reportedRows = rows.filter((r) => r.approvedAt !== null);
  const expectedBy = (key: (r: BreakdownRow) => number | null) => {
    const sets = new Map<number, Set<number>>();
    for (const r of rows) {
      const k = key(r);
      if (k === null) continue;
      if (!sets.has(k)) sets.set(k, new Set());
      sets.get(k)!.add(r.id);
    }
    return sets;
  };
  const total = (ancestorLevel: UnitLevel, expected: Map<number, Set<number>>): Map<number, AreaTotalJson> => {
    const out = new Map<number, AreaTotalJson>();
    if (isRatio) {
      const ratioRows = reportedRows.filter((r) => r.numerator !== null && r.denominator !== null);
      const rolled = rollupByAncestor(
        ratioRows.map((r) => ({ unitId: r.id, numerator: r.numerator!, denominator: r.denominator! })),
        ancestorLevel,
        unitsById,
        expected,
      );
      for (const [id, a] of rolled) {
        out.set(id, {
          numerator: a.reported === 0 ? null : a.numerator,
          denominator: a.reported === 0 ? null : a.denominator,
          percent: a.reported === 0 ? null : a.percent,
          value: null,
          reported: a.reported,
          expected: a.expected ?? 0,
        });
      }
      return out;
    }
    // Counts: a plain sum over the reporting units (no roll-up of ranks ever reaches here: they are province-only).
    for (const [ancestorId, ids] of expected) {
      const reporting = reportedRows.filter((r) => ids.has(r.id) && r.value !== null);
      out.set(ancestorId, {
        numerator: null,
        denominator: null,
        percent: null,
        value: reporting.length === 0 ? null : rollupSum(reporting.map((r) => r.value!)),
        reported: reporting.length,
        expected: ids.size,
      });
    }
    return out;
  };

  const provinceTotals = total("PROVINCE", expectedBy((r) => r.provinceId));
  const districtTotals = total("DISTRICT", expectedBy((r) => r.districtId));

  const provinces = new Map<number, BreakdownProvinceJson>();
  for (const r of rows) {
    let p = provinces.get(r.provinceId);
    if (!p) {
      p = {
        code: r.provinceCode,
        name: r.provinceName,
        isHome: r.provinceCode === HOME_PROVINCE_CODE,
        total: provinceTotals.get(r.provinceId)!,
        districts: [],
        units: [],
      };
      provinces.set(r.provinceId, p);
    }
    if (r.districtId !== null && !p.districts.some((d) => d.code === r.districtCode)) {
      p.districts.push({ code: r.districtCode!, name: r.districtName!, ...districtTotals.get(r.districtId)! });
    }
    p.units.push({
      code: r.code,
      name: r.name,
      type: r.type,
      districtCode: r.districtCode,
      numerator: r.numerator,
      denominator: r.denominator,
      percent: r.numerator !== null && r.denominator ? (r.numerator * 100) / r.denominator : null,
      value: r.value,
      approvedAt: r.approvedAt?.toISOString() ?? null,
    });
  }
  return [...provinces.values()];
}
