/**
 * Who has reported: for one quarter, each unit of the chosen boundaries (and
 * the province itself) and each responsible department, with the figures
 * reported, late (submitted after the period's deadline) and missing; and a
 * units × quarters heatmap. Counts come from the live totals the triggers keep
 * (lib/data/dashboard-sql.ts, ADR 009).
 */
import "server-only";
import type { PrismaClient } from "@/lib/db/client";
import { addQuarters, quarterKey, type Quarter } from "@/lib/period/quarter";
import { Prisma } from "@/lib/generated/prisma/client";
import { asJson, queryJson, completenessStatements, quarterOrdinal, type AreaScope, type Level } from "./dashboard-sql";
import { breakdownLevelFor, UNIT_COLS } from "./dashboard-indicator";
import { loadDashboardReference } from "./dashboard";
import { cachedReference } from "./dashboard-reference-cache";

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

/** Completeness in one statement: listed units, reports and expectations by unit and by indicator, the deadline (indicators and departments: the cached reference data). */
export function completenessStatement(scope: AreaScope, quarter: Quarter, count: number) {
  const st = completenessStatements(scope, quarterOrdinal(quarter), count);
  const counts = ["year", "quarter", "reported", "late", "submitted"] as const;
  return asJson({
    units: { sql: st.units, cols: UNIT_COLS },
    byUnit: { sql: st.byUnit, cols: ["unitId", ...counts] },
    byIndicator: { sql: st.byIndicator, cols: ["indicatorId", ...counts] },
    expectedByUnit: { sql: st.expectedByUnit, cols: ["unitId", "year", "quarter", "expected"] },
    expectedByIndicator: { sql: st.expectedByIndicator, cols: ["indicatorId", "year", "quarter", "expected"] },
    period: { sql: Prisma.sql`SELECT deadline FROM "ReportingPeriod" WHERE year = ${quarter.year}::int AND quarter = ${quarter.quarter}::int`, one: true },
  }, st.ctes);
}

/** The open departments (reference data, cached like the indicators). */
export function loadOpenDepartments(db: PrismaClient): Promise<{ id: number; nameVi: string }[]> {
  return cachedReference(db, "departments", () => db.department.findMany({ where: { validTo: null }, select: { id: true, nameVi: true } }));
}

export async function loadCompleteness(
  db: PrismaClient,
  input: { provinceCode: string; boundary: string; quarter: Quarter; parentId?: number | null; quarters?: number },
): Promise<Completeness> {
  const count = input.quarters ?? HEATMAP_QUARTERS;
  const level = breakdownLevelFor(input.boundary, input.parentId);
  const scope: AreaScope = { provinceCode: input.provinceCode, boundary: input.boundary, level, parentId: input.parentId ?? null, withProvince: true };
  type Counts = { year: number; quarter: number; reported: number; late: number; submitted: number };
  const [ref, departments, data] = await Promise.all([loadDashboardReference(db), loadOpenDepartments(db), queryJson<{
        units: { id: number; code: string; name: string; level: Level; parentName: string | null; parentLevel: Level | null }[];
        byUnit: (Counts & { unitId: number })[];
        byIndicator: (Counts & { indicatorId: number })[];
        expectedByUnit: { unitId: number; year: number; quarter: number; expected: number }[];
        expectedByIndicator: { indicatorId: number; year: number; quarter: number; expected: number }[];
        period: { deadline: string } | null;
  }>(db, completenessStatement(scope, input.quarter, count))]);
  const { units, byUnit, byIndicator, expectedByUnit, expectedByIndicator, period } = data;
  const indicators = ref.indicators;
  const quarters = Array.from({ length: count }, (_, i) => quarterKey(addQuarters(input.quarter, i - count + 1)));
  const q = quarterKey(input.quarter);
  const k = (id: number, year: number, quarter: number) => `${id}@${year}-Q${quarter}`;
  const got = new Map(byUnit.map((r) => [k(r.unitId, r.year, r.quarter), r]));
  const want = new Map(expectedByUnit.map((r) => [k(r.unitId, r.year, r.quarter), r.expected]));
  const cellOf = (id: number, quarter: string): CompletenessCell => {
    const [year, qn] = [Number(quarter.slice(0, 4)), Number(quarter.slice(-1))];
    const r = got.get(k(id, year, qn));
    return { quarter, reported: r?.reported ?? 0, expected: want.get(k(id, year, qn)) ?? 0, late: r?.late ?? 0, submitted: r?.submitted ?? 0 };
  };
  const rows: CompletenessUnitRow[] = units.map((u) => {
    const cells = quarters.map((quarter) => cellOf(u.id, quarter));
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
  const wantI = new Map(expectedByIndicator.filter((r) => r.year === qy && r.quarter === qq).map((r) => [r.indicatorId, r.expected]));
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
