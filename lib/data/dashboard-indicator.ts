/**
 * One indicator on the dashboard, by unit: on the chosen boundaries (before
 * 1 July 2025: districts, then the communes of a district; after: the
 * province's communes), each unit's value for the quarter and the one before,
 * its status against the target of its level (e.g. commune dossiers "trên 60%"
 * by 2025), coverage, and for a commune born of the reform the history of the
 * old units it came from (PARTIAL successions flagged). Totals are summed in
 * SQL (lib/data/dashboard-sql.ts); this module only shapes them.
 */
// No "server-only" marker: the dashboard pages read through this module in getServerSideProps
// (Pages Router, ADR 035), where Next refuses that marker. Never import it from a client component.
import type { PrismaClient } from "@/lib/db/client";
import { addQuarters, compareQuarters, makeQuarter, parseQuarter, quarterIndex, quarterKey, type Quarter } from "@/lib/period/quarter";
import { feasibleRange } from "@/lib/progress/feasible-range";
import { judgedPoints, assessProgress, STATUS_SEVERITY, type ProgressStatus, type QuarterValue, type UnassessableReason } from "@/lib/progress/progress";
import type { Comparator } from "@/lib/targets/comparator";
import { REFORM_DATE, type SortKey } from "@/lib/validations/dashboard";
import { asJson, memoStatement, queryJson } from "@/lib/db/json-query";
import { breakdownStatements, SERIES_QUARTERS, type AreaScope, type Level } from "./dashboard-sql";
import { expectedByUnit, loadScope, periodQuarters, scopeKey, type DashboardScope, type ScopeUnit } from "./dashboard-scope";
import { loadDashboardReference, type DashboardIndicator } from "./dashboard";
import { reportsIn } from "@/lib/targets/retirement";

export interface CellJson {
  numerator: number | null;
  denominator: number | null;
  /** The shown value: Σnum/Σden × 100 for ratios, Σvalue otherwise. */
  value: number | null;
  reported: number;
  expected: number;
  submitted: number;
  /** Includes the figure of an old unit only part of which went into this one. */
  partial: boolean;
}

export interface UnitTargetJson {
  year: number;
  level: Level;
  comparator: Comparator;
  value: number;
}

/** A listed unit (its identity and place, and the old units it succeeded, from the scope) with its figures. */
export interface BreakdownUnitRow extends Pick<ScopeUnit, "id" | "code" | "name" | "type" | "level" | "parentId" | "parentName" | "predecessors"> {
  hasPartialPredecessor: boolean;
  current: CellJson | null;
  previous: CellJson | null;
  /** current − previous (percentage points for ratios); null unless both exist. */
  delta: number | null;
  status: ProgressStatus | null;
  /** Why the status is NO_LONGER_ASSESSABLE (the unit no longer exists, or its figures stopped); null otherwise. */
  unassessable: UnassessableReason | null;
  target: UnitTargetJson | null;
  series: { quarter: string; value: number; partial: boolean; submitted: number }[];
}

export interface IndicatorBreakdown {
  indicator: DashboardIndicator;
  quarter: string;
  previousQuarter: string;
  boundary: string;
  level: Exclude<Level, "PROVINCE">;
  sectorId: number | null;
  total: { current: CellJson | null; previous: CellJson | null; series: { quarter: string; value: number; reported: number; expected: number }[] };
  units: BreakdownUnitRow[];
  movers: { up: BreakdownUnitRow[]; down: BreakdownUnitRow[] };
  /** The quarter is after the reform but the boundaries are older: new communes cannot be split back into old ones. */
  quarterAfterBoundaries: boolean;
}

interface AggRow {
  unitId: number | null;
  year: number;
  quarter: number;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  reported: number;
  submitted: number;
  partial: boolean;
}


/** What a breakdown lists: districts first before the reform (communes once a district is chosen), communes after. */
export function breakdownLevelFor(boundary: string, parentId: number | null | undefined): Exclude<Level, "PROVINCE"> {
  if (boundary >= REFORM_DATE) return "COMMUNE";
  return parentId ? "COMMUNE" : "DISTRICT";
}

export const MOVERS = 5;
const FIRST_QUARTER_AFTER_REFORM = parseQuarter("2025-Q3")!;

function cellValue(kind: DashboardIndicator["kind"], a: Pick<AggRow, "numerator" | "denominator" | "value">): number | null {
  if (kind === "RATIO") return a.numerator !== null && a.denominator ? (a.numerator * 100) / a.denominator : null;
  return a.value;
}

/** The target a unit of `level` is held to: its own level's, else the indicator's entry level's, else the province's; the nearest year not yet over. */
export function unitTarget(
  targets: readonly { level: Level; year: number; comparator: Comparator; value: number | null; sectorId: number | null }[],
  level: Level,
  entryLevels: readonly Level[],
  asOf: Quarter,
  sectorId: number | null,
): UnitTargetJson | null {
  const numeric = targets.filter((t) => t.value !== null && t.sectorId === sectorId);
  for (const l of [level, ...entryLevels, "PROVINCE" as const]) {
    const own = numeric.filter((t) => t.level === l).sort((a, b) => a.year - b.year);
    if (own.length === 0) continue;
    const t = own.find((x) => x.year >= asOf.year) ?? own.at(-1)!;
    return { year: t.year, level: l, comparator: t.comparator, value: t.value! };
  }
  return null;
}

type ExpectedRow = { unitId: number | null; year: number; quarter: number; units: number; unitsOnce: number };

/** The breakdown's single statement once the indicator and the scope's geography are known: the sums by listed unit × quarter and the quarters with a period. */
export function breakdownStatement(
  scope: AreaScope,
  indicator: Pick<DashboardIndicator, "id">,
  sectorId: number | null,
  quarter: Quarter,
  quarters?: number,
) {
  const key = `breakdown|${scopeKey(scope)}|${indicator.id}|${sectorId ?? ""}|${quarterIndex(quarter)}|${quarters ?? ""}`;
  return memoStatement(key, () => buildBreakdownStatement(scope, indicator, sectorId, quarter, quarters));
}

function buildBreakdownStatement(scope: AreaScope, indicator: Pick<DashboardIndicator, "id">, sectorId: number | null, quarter: Quarter, quarters?: number) {
  const st = breakdownStatements(scope, indicator.id, sectorId, quarterIndex(quarter), quarters);
  return asJson(
    {
      aggregates: { sql: st.aggregates, cols: ["unitId", "year", "quarter", "numerator", "denominator", "value", "reported", "submitted", "partial"] },
      periods: { sql: st.periods, cols: ["year", "quarter"] },
    },
    st.ctes,
  );
}

/** Units expected per listed unit × quarter (and the scope total, each reporting unit once), at the indicator's levels. */
function expectedRows(scope: DashboardScope, indicator: Pick<DashboardIndicator, "levels" | "retiredFrom">, periods: readonly { year: number; quarter: number }[]): ExpectedRow[] {
  const at = new Set(indicator.levels);
  const quarters = periodQuarters(periods);
  // None from the quarter a retired indicator was retired from.
  const owed = quarters.map((q) => reportsIn(indicator.retiredFrom, q));
  const rows: ExpectedRow[] = [];
  for (const [unitId, counts] of expectedByUnit(scope.map, (l, i) => (at.has(l) && owed[i] ? 1 : 0), quarters)) {
    counts.forEach((n, i) => {
      if (n > 0) rows.push({ unitId, year: quarters[i]!.year, quarter: quarters[i]!.quarter, units: n, unitsOnce: n });
    });
  }
  return rows;
}

export async function loadIndicatorBreakdown(
  db: PrismaClient,
  input: {
    provinceCode: string;
    boundary: string;
    indicatorCode: string;
    quarter: Quarter;
    parentId?: number | null;
    sectorId?: number | null;
    unitIds?: readonly number[];
    level?: Exclude<Level, "PROVINCE">;
    /** Quarters of each unit's series (default: the projection window). */
    quarters?: number;
  },
): Promise<IndicatorBreakdown | null> {
  const ref = await loadDashboardReference(db, input.indicatorCode);
  const indicator = ref.indicators[0];
  if (!indicator) return null;
  const sectorId = indicator.bySector ? (input.sectorId ?? ref.sectors[0]?.id ?? null) : null;
  const level = input.level ?? breakdownLevelFor(input.boundary, input.parentId);
  const scope: AreaScope = { provinceCode: input.provinceCode, boundary: input.boundary, level, parentId: input.parentId ?? null, unitIds: input.unitIds ?? null };
  const [geography, { aggregates, periods }] = await Promise.all([
    loadScope(db, scope),
    queryJson<{ aggregates: AggRow[]; periods: { year: number; quarter: number }[] }>(db, breakdownStatement(scope, indicator, sectorId, input.quarter, input.quarters)),
  ]);
  const expected = expectedRows(geography, indicator, periods);
  return shapeBreakdown({ indicator, ref, sectorId, level, input, units: geography.units, aggregates, expected });
}

function shapeBreakdown(args: {
  indicator: DashboardIndicator;
  ref: Awaited<ReturnType<typeof loadDashboardReference>>;
  sectorId: number | null;
  level: Exclude<Level, "PROVINCE">;
  input: { boundary: string; quarter: Quarter };
  units: ScopeUnit[];
  aggregates: AggRow[];
  expected: ExpectedRow[];
}): IndicatorBreakdown {
  const { indicator, ref, sectorId, level, input } = args;
  const q = quarterKey(input.quarter);
  const prev = quarterKey(addQuarters(input.quarter, -1));
  // Cells by unit × quarter as one number (unit id × 2^16 + the quarter's ordinal year × 4 + quarter; the total is unit 0):
  // a breakdown lists hundreds of units × 8 quarters, and string keys were most of its shaping time.
  const ord = (year: number, quarter: number) => quarterIndex(makeQuarter(year, quarter));
  const key = (unitId: number | null, ordinal: number) => (unitId ?? 0) * 65_536 + ordinal;
  const qOrd = ord(input.quarter.year, input.quarter.quarter);
  const prevOrd = qOrd - 1;
  const aggBy = new Map<number, AggRow>();
  for (const a of args.aggregates) aggBy.set(key(a.unitId, ord(a.year, a.quarter)), a);
  const expBy = new Map<number, number>();
  for (const e of args.expected) expBy.set(key(e.unitId, ord(e.year, e.quarter)), e.unitId === null ? e.unitsOnce : e.units);
  const cell = (unitId: number | null, ordinal: number): CellJson | null => {
    const a = aggBy.get(key(unitId, ordinal));
    const expected = expBy.get(key(unitId, ordinal)) ?? 0;
    if (!a) return expected > 0 ? { numerator: null, denominator: null, value: null, reported: 0, expected, submitted: 0, partial: false } : null;
    return {
      numerator: a.numerator,
      denominator: a.denominator,
      value: cellValue(indicator.kind, a),
      reported: a.reported,
      expected,
      submitted: a.submitted,
      partial: a.partial,
    };
  };
  // Grouped once: a breakdown lists hundreds of units × 8 quarters.
  const byUnit = new Map<number | null, AggRow[]>();
  for (const a of args.aggregates) {
    const list = byUnit.get(a.unitId);
    if (list) list.push(a);
    else byUnit.set(a.unitId, [a]);
  }
  const seriesOf = (unitId: number | null) => {
    const list = byUnit.get(unitId) ?? [];
    list.sort((x, y) => ord(x.year, x.quarter) - ord(y.year, y.quarter));
    const out: { quarter: Quarter; value: number; partial: boolean; submitted: number }[] = [];
    for (const a of list) {
      const v = cellValue(indicator.kind, a);
      if (v !== null) out.push({ quarter: makeQuarter(a.year, a.quarter), value: v, partial: a.partial, submitted: a.submitted });
    }
    return out;
  };

  const targets = ref.targets.map((t) => ({ ...t, level: t.level as Level }));
  // Every unit of a level is held to the same target against the same baseline: found once per level.
  const perLevel = new Map<Level, { target: UnitTargetJson | null; baseline: { value: number; date: Date } | null }>();
  const levelInfo = (l: Level) => {
    let info = perLevel.get(l);
    if (!info) {
      const b = ref.baselines.find((x) => x.level === l && x.sectorId === sectorId);
      info = { target: unitTarget(targets, l, indicator.levels, input.quarter, sectorId), baseline: b ? { value: b.value, date: b.date } : null };
      perLevel.set(l, info);
    }
    return info;
  };
  const range = feasibleRange(indicator.kind);
  const rows: BreakdownUnitRow[] = [];
  for (const u of args.units) {
    if (u.level !== level) continue;
    const series = seriesOf(u.id);
    const { target, baseline } = levelInfo(u.level);
    const assessment =
      target === null || series.length === 0
        ? null
        : assessProgress({
            series: unitStatusPoints(series),
            baseline,
            target: { comparator: target.comparator, value: target.value, year: target.year },
            asOf: input.quarter,
            range,
            // A unit that no longer exists (an old district or commune) is not held to a goal due after its last day.
            levelLastDay: u.validTo === null ? null : new Date(`${u.validTo}T00:00:00.000Z`),
          });
    const current = cell(u.id, qOrd);
    const previous = cell(u.id, prevOrd);
    rows.push({
      id: u.id,
      code: u.code,
      name: u.name,
      type: u.type,
      level: u.level,
      parentId: u.parentLevel === "DISTRICT" ? u.parentId : null,
      parentName: u.parentLevel === "DISTRICT" ? u.parentName : null,
      predecessors: u.predecessors,
      hasPartialPredecessor: u.hasPartial === true,
      current,
      previous,
      delta: current?.value != null && previous?.value != null ? current.value - previous.value : null,
      status: assessment?.status ?? null,
      unassessable: assessment?.unassessable ?? null,
      target,
      series: series.map((p) => ({ quarter: quarterKey(p.quarter), value: p.value, partial: p.partial, submitted: p.submitted })),
    });
  }

  const withDelta = rows.filter((r) => r.delta !== null);
  const totalSeries = seriesOf(null).map((p) => ({
    quarter: quarterKey(p.quarter),
    value: p.value,
    reported: aggBy.get(key(null, ord(p.quarter.year, p.quarter.quarter)))?.reported ?? 0,
    expected: expBy.get(key(null, ord(p.quarter.year, p.quarter.quarter))) ?? 0,
  }));
  return {
    indicator,
    quarter: q,
    previousQuarter: prev,
    boundary: input.boundary,
    level,
    sectorId,
    total: { current: cell(null, qOrd), previous: cell(null, prevOrd), series: totalSeries },
    units: rows,
    movers: {
      up: withDelta.filter((r) => r.delta! > 0).sort((a, b) => b.delta! - a.delta! || a.code.localeCompare(b.code)).slice(0, MOVERS),
      down: withDelta.filter((r) => r.delta! < 0).sort((a, b) => a.delta! - b.delta! || a.code.localeCompare(b.code)).slice(0, MOVERS),
    },
    quarterAfterBoundaries: input.boundary < REFORM_DATE && compareQuarters(input.quarter, FIRST_QUARTER_AFTER_REFORM) >= 0,
  };
}

/** Vietnamese-aware search (accents ignored: "thai nguyen" finds "Thái Nguyên") and sort, for the table; pure. */
/**
 * The points a unit's status may rest on: not a quarter with figures awaiting
 * approval (judgedPoints), nor a quarter rebuilt from a predecessor only partly
 * merged into the unit — it counts that old unit whole, as no apportionment
 * weights are recorded, so it is shown, flagged, and never judged (issue #14, item 7).
 */
export function unitStatusPoints(series: readonly { quarter: Quarter; value: number; partial: boolean; submitted: number }[]): QuarterValue[] {
  return judgedPoints(series.filter((p) => !p.partial).map((p) => ({ quarter: p.quarter, value: p.value, pending: p.submitted })));
}

export function searchAndSortUnits(rows: readonly BreakdownUnitRow[], opts: { search?: string; sort?: SortKey; descending?: boolean }): BreakdownUnitRow[] {
  const fold = (s: string) => s.normalize("NFD").replace(/\p{Diacritic}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  const needle = opts.search ? fold(opts.search) : "";
  const found = needle ? rows.filter((r) => fold(`${r.name} ${r.code} ${r.parentName ?? ""}`).includes(needle)) : [...rows];
  const sort = opts.sort ?? "ten";
  const nullsLast = (a: number | null | undefined, b: number | null | undefined) => (a == null ? (b == null ? 0 : 1) : b == null ? -1 : 0);
  const by = (a: BreakdownUnitRow, b: BreakdownUnitRow): number => {
    switch (sort) {
      case "gia-tri":
        return nullsLast(a.current?.value, b.current?.value) || (a.current?.value ?? 0) - (b.current?.value ?? 0);
      case "thay-doi":
        return nullsLast(a.delta, b.delta) || (a.delta ?? 0) - (b.delta ?? 0);
      case "bao-cao":
        return (a.current?.reported ?? 0) / Math.max(1, a.current?.expected ?? 0) - (b.current?.reported ?? 0) / Math.max(1, b.current?.expected ?? 0);
      case "trang-thai":
        // Worst first; a unit without a status after every one with.
        return (a.status === null ? STATUS_SEVERITY.length : STATUS_SEVERITY.indexOf(a.status)) - (b.status === null ? STATUS_SEVERITY.length : STATUS_SEVERITY.indexOf(b.status));
      default:
        return a.name.localeCompare(b.name, "vi");
    }
  };
  const sorted = found.sort((a, b) => {
    const nulls = sort === "gia-tri" ? nullsLast(a.current?.value, b.current?.value) : sort === "thay-doi" ? nullsLast(a.delta, b.delta) : 0;
    if (nulls !== 0) return nulls; // units without a value stay at the end in both directions
    const d = by(a, b);
    return (opts.descending ? -d : d) || a.code.localeCompare(b.code);
  });
  return sorted;
}

// ---------------------------------------------------------------- one unit and the units it came from

export interface UnitHistory {
  unit: { id: number; code: string; name: string; type: string; level: Level; validFrom: string; validTo: string | null; provinceCode: string; parentId: number | null; parentName: string | null };
  own: BreakdownUnitRow | null;
  indicator: DashboardIndicator;
  predecessors: { kind: "FULL" | "PARTIAL"; row: BreakdownUnitRow; provinceName: string }[];
  successors: { id: number; code: string; name: string; kind: "FULL" | "PARTIAL" }[];
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

interface UnitLookup {
  id: number;
  code: string;
  name: string;
  type: string;
  level: Level;
  validFrom: Date;
  validTo: Date | null;
  parentId: number | null;
  parentName: string | null;
  parentLevel: Level | null;
  provinceCode: string;
  provinceName: string;
}

async function lookupUnits(db: PrismaClient, ids: readonly number[]): Promise<UnitLookup[]> {
  if (ids.length === 0) return [];
  return db.$queryRaw<UnitLookup[]>`
    SELECT u.id, u.code, u.name, u.type, u.level::text AS level, u."validFrom", u."validTo",
           pa.id AS "parentId", pa.name AS "parentName", pa.level::text AS "parentLevel",
           CASE WHEN pa.level = 'PROVINCE' THEN pa.code ELSE ga.code END AS "provinceCode",
           CASE WHEN pa.level = 'PROVINCE' THEN pa.name ELSE ga.name END AS "provinceName"
    FROM "AdminUnit" u
    LEFT JOIN "AdminUnit" pa ON pa.id = u."parentId"
    LEFT JOIN "AdminUnit" ga ON ga.id = pa."parentId"
    WHERE u.id = ANY(${[...ids]}::int[]) AND u.level <> 'PROVINCE'`;
}

/** One unit's row of an indicator on its own boundaries, with SERIES_QUARTERS of history up to `quarter`: what its page shows. */
function ownBreakdown(db: PrismaClient, u: UnitLookup, indicatorCode: string, quarter: Quarter) {
  return loadIndicatorBreakdown(db, {
    provinceCode: u.provinceCode,
    boundary: iso(u.validFrom),
    indicatorCode,
    quarter,
    unitIds: [u.id],
    level: u.level as Exclude<Level, "PROVINCE">,
    quarters: SERIES_QUARTERS,
  });
}

/** A unit's own series of one indicator and, for a unit born of the reform, the series of each old unit it came from. */
export async function loadUnitHistory(db: PrismaClient, input: { unitId: number; indicatorCode: string; quarter: Quarter }): Promise<UnitHistory | null> {
  const [unit] = await lookupUnits(db, [input.unitId]);
  if (!unit) return null;
  const rowOf = (u: UnitLookup) => ownBreakdown(db, u, input.indicatorCode, input.quarter);
  const own = await rowOf(unit);
  if (!own) return null;
  const [preds, succs] = await Promise.all([
    db.succession.findMany({ where: { successorId: unit.id }, select: { predecessorId: true, kind: true } }),
    db.succession.findMany({ where: { predecessorId: unit.id }, select: { kind: true, successor: { select: { id: true, code: true, name: true } } } }),
  ]);
  const predUnits = await lookupUnits(db, preds.map((p) => p.predecessorId));
  const predecessors = [];
  for (const p of predUnits.sort((a, b) => a.code.localeCompare(b.code))) {
    const b = await rowOf(p);
    const row = b?.units[0];
    if (row) predecessors.push({ kind: preds.find((x) => x.predecessorId === p.id)!.kind, row, provinceName: p.provinceName });
  }
  return {
    unit: {
      id: unit.id,
      code: unit.code,
      name: unit.name,
      type: unit.type,
      level: unit.level,
      validFrom: iso(unit.validFrom),
      validTo: unit.validTo ? iso(unit.validTo) : null,
      provinceCode: unit.provinceCode,
      parentId: unit.parentLevel === "DISTRICT" ? unit.parentId : null,
      parentName: unit.parentLevel === "DISTRICT" ? unit.parentName : null,
    },
    own: own.units[0] ?? null,
    indicator: own.indicator,
    predecessors,
    successors: succs.map((s) => ({ ...s.successor, kind: s.kind })),
  };
}

// ---------------------------------------------------------------- several units side by side

/** Units compared side by side: 2 to 5 (issue #16, item 9). */
export const COMPARE_MIN = 2;
export const COMPARE_MAX = 5;

export interface UnitComparison {
  indicator: DashboardIndicator;
  /** In the order asked; each with its own series (on its own boundaries: an old commune's to 2025 Q2, a new one's rebuilt from its predecessors, flagged where partial). */
  units: { id: number; code: string; name: string; level: Level; parentName: string | null; row: BreakdownUnitRow }[];
  /** Ids asked for that are not units of a province (or do not exist). */
  missing: number[];
}

/**
 * The series of one indicator for a few units, each read as its own page reads
 * it (loadIndicatorBreakdown on the unit's own boundaries, SERIES_QUARTERS up to
 * `quarter`), so the numbers are the drill-down's and the unit page's.
 */
export async function loadUnitComparison(db: PrismaClient, input: { unitIds: readonly number[]; indicatorCode: string; quarter: Quarter }): Promise<UnitComparison | null> {
  const found = await lookupUnits(db, input.unitIds);
  const byId = new Map(found.map((u) => [u.id, u]));
  const units: UnitComparison["units"] = [];
  let indicator: DashboardIndicator | null = null;
  for (const id of input.unitIds) {
    const u = byId.get(id);
    if (!u) continue;
    const b = await ownBreakdown(db, u, input.indicatorCode, input.quarter);
    if (!b) return null;
    indicator = b.indicator;
    const row = b.units[0];
    if (row) units.push({ id: u.id, code: u.code, name: u.name, level: u.level, parentName: u.parentLevel === "DISTRICT" ? u.parentName : null, row });
  }
  if (indicator === null) return null;
  return { indicator, units, missing: input.unitIds.filter((id) => !units.some((u) => u.id === id)) };
}
