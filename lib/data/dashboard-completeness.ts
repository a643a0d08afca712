/**
 * Who has reported: for one quarter, each unit of the chosen boundaries (and
 * the province itself) and each responsible department, with the figures
 * reported, late (submitted after the period's deadline) and missing; and a
 * units × quarters heatmap. Counts come from the live totals the triggers keep
 * (lib/data/dashboard-sql.ts, ADR 009).
 */
// No "server-only" marker: the dashboard pages read through this module in getServerSideProps
// (Pages Router, ADR 035), where Next refuses that marker. Never import it from a client component.
import type { PrismaClient } from "@/lib/db/client";
import { addQuarters, makeQuarter, quarterIndex, quarterKey, type Quarter } from "@/lib/period/quarter";
import { Prisma } from "@/lib/generated/prisma/client";
import { asJson, memoStatement, queryJson } from "@/lib/db/json-query";
import { completenessStatements, type AreaScope, type Level } from "./dashboard-sql";
import { breakdownLevelFor } from "./dashboard-indicator";
import { loadDashboardReference, type DashboardIndicator } from "./dashboard";
import { expectedByLevel, expectedByUnit, loadScope, periodQuarters, scopeKey } from "./dashboard-scope";
import { cachedByEpoch } from "@/lib/cache/memo";
import { reportsIn } from "@/lib/targets/retirement";

/** Quarters the heatmap shows, ending with the chosen one. */
export const HEATMAP_QUARTERS = 8;

export interface CompletenessCell {
  quarter: string;
  reported: number;
  expected: number;
  late: number;
  submitted: number;
}

export type CompletenessState = "COMPLETE" | "PARTIAL" | "MISSING" | "NONE_EXPECTED";

export const COMPLETENESS_LABELS: Record<CompletenessState, string> = {
  COMPLETE: "Đủ",
  PARTIAL: "Thiếu một phần",
  MISSING: "Chưa báo cáo",
  NONE_EXPECTED: "Không phải báo cáo",
};

export function completenessState(c: Pick<CompletenessCell, "reported" | "expected">): CompletenessState {
  if (c.expected === 0) return "NONE_EXPECTED";
  if (c.reported >= c.expected) return "COMPLETE";
  return c.reported === 0 ? "MISSING" : "PARTIAL";
}

export interface CompletenessUnitRow {
  id: number;
  code: string;
  name: string;
  level: Level;
  parentName: string | null;
  /** The row of figures the province reports itself. */
  isProvince: boolean;
  cells: CompletenessCell[];
  current: CompletenessCell;
}

export interface CompletenessDepartmentRow {
  id: number;
  nameVi: string;
  reported: number;
  expected: number;
  late: number;
  submitted: number;
  missing: number;
  indicators: { code: string; nameVi: string; reported: number; expected: number; late: number; submitted: number; missing: number }[];
}

export interface Completeness {
  quarter: string;
  quarters: string[];
  boundary: string;
  level: Exclude<Level, "PROVINCE">;
  deadline: string | null;
  units: CompletenessUnitRow[];
  departments: CompletenessDepartmentRow[];
  total: CompletenessCell;
}

/** Completeness in one statement once the scope's geography is known: reports by listed unit and by indicator, the quarters with a period, the deadline. */
export function completenessStatement(scope: AreaScope, quarter: Quarter, count: number) {
  return memoStatement(`completeness|${scopeKey(scope)}|${quarterIndex(quarter)}|${count}`, () => buildCompletenessStatement(scope, quarter, count));
}

function buildCompletenessStatement(scope: AreaScope, quarter: Quarter, count: number) {
  const st = completenessStatements(scope, quarterIndex(quarter), count);
  const counts = ["year", "quarter", "reported", "late", "submitted"] as const;
  return asJson(
    {
      byUnit: { sql: st.byUnit, cols: ["unitId", ...counts] },
      byIndicator: { sql: st.byIndicator, cols: ["indicatorId", ...counts] },
      periods: { sql: st.periods, cols: ["year", "quarter"] },
      period: { sql: Prisma.sql`SELECT deadline FROM "ReportingPeriod" WHERE year = ${quarter.year}::int AND quarter = ${quarter.quarter}::int`, one: true },
    },
    st.ctes,
  );
}

/** Figures a unit of each level owes per quarter: one per indicator entered at that level (× sector for indicators by sector). */
export function figuresPerUnit(indicators: readonly Pick<DashboardIndicator, "levels" | "bySector">[], sectors: number): { byLevel: Map<Level, number>; of: (i: Pick<DashboardIndicator, "bySector">) => number } {
  const of = (i: Pick<DashboardIndicator, "bySector">) => Math.max(1, i.bySector ? sectors : 0);
  const byLevel = new Map<Level, number>();
  for (const i of indicators) for (const l of i.levels) byLevel.set(l, (byLevel.get(l) ?? 0) + of(i));
  return { byLevel, of };
}

/** The open departments (reference data, cached like the indicators). */
export function loadOpenDepartments(db: PrismaClient): Promise<{ id: number; nameVi: string }[]> {
  return cachedByEpoch(db, "departments", () => db.department.findMany({ where: { validTo: null }, select: { id: true, nameVi: true } }));
}

export async function loadCompleteness(
  db: PrismaClient,
  input: { provinceCode: string; boundary: string; quarter: Quarter; parentId?: number | null; quarters?: number },
): Promise<Completeness> {
  const count = input.quarters ?? HEATMAP_QUARTERS;
  const level = breakdownLevelFor(input.boundary, input.parentId);
  const scope: AreaScope = { provinceCode: input.provinceCode, boundary: input.boundary, level, parentId: input.parentId ?? null, withProvince: true };
  type Counts = { year: number; quarter: number; reported: number; late: number; submitted: number };
  const [ref, departments, geography, { byUnit, byIndicator, periods, period }] = await Promise.all([
    loadDashboardReference(db),
    loadOpenDepartments(db),
    loadScope(db, scope),
    queryJson<{
      byUnit: (Counts & { unitId: number })[];
      byIndicator: (Counts & { indicatorId: number })[];
      periods: { year: number; quarter: number }[];
      period: { deadline: string } | null;
    }>(db, completenessStatement(scope, input.quarter, count)),
  ]);
  const units = geography.units;
  const indicators = ref.indicators;
  const quarters = Array.from({ length: count }, (_, i) => quarterKey(addQuarters(input.quarter, i - count + 1)));
  const q = quarterKey(input.quarter);
  // Cells by unit × position in `quarters` (a number: unit id × count + position).
  const first = quarterIndex(input.quarter) - count + 1;
  const slot = (year: number, quarter: number) => quarterIndex(makeQuarter(year, quarter)) - first;
  const cellKey = (unitId: number, position: number) => unitId * count + position;
  const got = new Map<number, Counts>();
  for (const r of byUnit) got.set(cellKey(r.unitId, slot(r.year, r.quarter)), r);
  // Expected: computed from the cached geography, for the quarters that have a reporting period.
  const withPeriod = periodQuarters(periods);
  // Figures a unit of each level owes, per quarter: the indicators not retired by then.
  const perUnitAt = withPeriod.map((wq) => figuresPerUnit(indicators.filter((i) => reportsIn(i.retiredFrom, wq)), ref.sectors.length));
  const want = new Map<number, number>();
  for (const [unitId, counts] of expectedByUnit(geography.map, (l, i) => perUnitAt[i]!.byLevel.get(l) ?? 0, withPeriod)) {
    if (unitId === null) continue;
    for (let i = 0; i < counts.length; i++) want.set(cellKey(unitId, slot(withPeriod[i]!.year, withPeriod[i]!.quarter)), counts[i]!);
  }
  const cellOf = (id: number, position: number): CompletenessCell => {
    const r = got.get(cellKey(id, position));
    return { quarter: quarters[position]!, reported: r?.reported ?? 0, expected: want.get(cellKey(id, position)) ?? 0, late: r?.late ?? 0, submitted: r?.submitted ?? 0 };
  };
  const rows: CompletenessUnitRow[] = units.map((u) => {
    const cells = quarters.map((_, position) => cellOf(u.id, position));
    return {
      id: u.id,
      code: u.code,
      name: u.name,
      level: u.level,
      parentName: u.parentLevel === "DISTRICT" ? u.parentName : null,
      isProvince: u.level === "PROVINCE",
      cells,
      current: cells.at(-1)!,
    };
  });
  // The province's own row first, then the units in code order (as listed).
  rows.sort((a, b) => Number(b.isProvince) - Number(a.isProvince));

  const [qy, qq] = [input.quarter.year, input.quarter.quarter];
  const gotI = new Map(byIndicator.filter((r) => r.year === qy && r.quarter === qq).map((r) => [r.indicatorId, r]));
  // The province territory's units of each level in force at the quarter's end (none without a reporting period).
  const current = withPeriod.findIndex((p) => p.year === qy && p.quarter === qq);
  const levelUnits = current < 0 ? new Map<Level, number[]>() : expectedByLevel(geography.provinceArea, [withPeriod[current]!]);
  const perUnit = figuresPerUnit(indicators, ref.sectors.length);
  const wantI = new Map(indicators.map((i) => [i.id, reportsIn(i.retiredFrom, input.quarter) ? i.levels.reduce((n, l) => n + (levelUnits.get(l)?.[0] ?? 0), 0) * perUnit.of(i) : 0]));
  const deptName = new Map(departments.map((d) => [d.id, d.nameVi]));
  const byDept = new Map<number, CompletenessDepartmentRow>();
  for (const ind of indicators) {
    const expected = wantI.get(ind.id) ?? 0;
    const r = gotI.get(ind.id);
    if (expected === 0 && !r) continue;
    const reported = r?.reported ?? 0;
    let d = byDept.get(ind.responsibleDepartmentId);
    if (!d) {
      d = { id: ind.responsibleDepartmentId, nameVi: deptName.get(ind.responsibleDepartmentId) ?? "—", reported: 0, expected: 0, late: 0, submitted: 0, missing: 0, indicators: [] };
      byDept.set(ind.responsibleDepartmentId, d);
    }
    const row = { code: ind.code, nameVi: ind.nameVi, reported, expected, late: r?.late ?? 0, submitted: r?.submitted ?? 0, missing: Math.max(0, expected - reported) };
    d.indicators.push(row);
    d.reported += row.reported;
    d.expected += row.expected;
    d.late += row.late;
    d.submitted += row.submitted;
    d.missing += row.missing;
  }
  const deptRows = [...byDept.values()].sort((a, b) => a.nameVi.localeCompare(b.nameVi, "vi"));
  const total = deptRows.reduce(
    (t, d) => ({ ...t, reported: t.reported + d.reported, expected: t.expected + d.expected, late: t.late + d.late, submitted: t.submitted + d.submitted }),
    { quarter: q, reported: 0, expected: 0, late: 0, submitted: 0 } as CompletenessCell,
  );
  return {
    quarter: q,
    quarters,
    boundary: input.boundary,
    level,
    deadline: period ? new Date(period.deadline).toISOString() : null,
    units: rows,
    departments: deptRows,
    total,
  };
}
