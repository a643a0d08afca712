/**
 * The geography of a dashboard scope (ADR 009, "scope cache"): which units a
 * breakdown or the completeness page lists, which reporting units count for
 * each of them (the "map": itself, a district's communes, a new commune's
 * predecessors, the province and the provinces merged into it), and the units
 * expected per level and validity interval. It is reference data like the
 * indicators and targets — it changes only when an administrator imports or
 * closes units (lib/services/admin-units.ts) or the seed runs, and those
 * invalidate it — so it is read once per scope and cached in-process
 * (lib/cache/memo.ts). The figures are never cached: the
 * aggregate statements compute the same map (scopeCtes, cheap next to the
 * figures) and read the live figures and totals on every load; what they no
 * longer compute is the listing of the units and the expected counts.
 *
 * The expected counts are pure functions of the cached geography and the
 * quarters (expectedByUnit, expectedByLevel below), so they are computed here
 * instead of in every statement.
 */
// No "server-only" marker: the dashboard pages read through this module in getServerSideProps
// (Pages Router, ADR 035), where Next refuses that marker. Never import it from a client component.
import type { PrismaClient } from "@/lib/db/client";
import { makeQuarter, type Quarter } from "@/lib/period/quarter";
import { asJson, queryJson } from "@/lib/db/json-query";
import { scopeStatements, type AreaScope, type Level } from "./dashboard-sql";
import { cachedByEpoch } from "@/lib/cache/memo";

/** A listed unit, with its parent (the district before the reform) and its successions. */
export interface ScopeUnit {
  id: number;
  code: string;
  name: string;
  type: string;
  level: Level;
  parentId: number | null;
  parentName: string | null;
  parentLevel: Level | null;
  /** Old units this one succeeded (after the reform). */
  predecessors: number;
  hasPartial: boolean | null;
  /** Its last day ("YYYY-MM-DD"); null while it exists. A unit that ended cannot be assessed against a later goal. */
  validTo: string | null;
}

/** One reporting unit (`from`) counted for one listed unit (`to`). */
export interface ScopeMapping {
  to: number;
  from: number;
  /** Only part of `from` went into `to` (a PARTIAL succession). */
  partial: boolean;
  /** The first mapping of `from`: a total over the scope counts each reporting unit once. */
  first: boolean;
  level: Level;
  validFrom: string;
  validTo: string | null;
}

/** Units of the province's territory by level and validity interval (both versions of a merged province). */
export interface AreaInterval {
  level: Level;
  validFrom: string;
  validTo: string | null;
  n: number;
}

export interface DashboardScope {
  units: ScopeUnit[];
  map: ScopeMapping[];
  /** The territory of the province of the boundaries and of the provinces merged into it. */
  provinceArea: AreaInterval[];
}

const UNIT_COLS = ["id", "code", "name", "type", "level", "parentId", "parentName", "parentLevel", "predecessors", "hasPartial", "validTo"] as const;
const MAP_COLS = ["to", "from", "partial", "first", "level", "validFrom", "validTo"] as const;
const AREA_COLS = ["level", "validFrom", "validTo", "n"] as const;

/** The scope's one statement (the geography only, no figures). */
export function scopeStatement(scope: AreaScope) {
  const st = scopeStatements(scope);
  return asJson(
    {
      units: { sql: st.units, cols: UNIT_COLS },
      map: { sql: st.map, cols: MAP_COLS },
      provinceArea: { sql: st.provinceArea, cols: AREA_COLS },
    },
    st.ctes,
  );
}

export function scopeKey(scope: AreaScope): string {
  const ids = scope.unitIds && scope.unitIds.length > 0 ? [...scope.unitIds].sort((a, b) => a - b).join(",") : "";
  return `scope:${scope.provinceCode}|${scope.boundary}|${scope.level}|${scope.parentId ?? ""}|${ids}|${scope.withProvince ? 1 : 0}`;
}

/** The geography of a scope: cached per database client, invalidated with the reference data. */
export function loadScope(db: PrismaClient, scope: AreaScope): Promise<DashboardScope> {
  return cachedByEpoch(db, scopeKey(scope), () => queryJson<DashboardScope>(db, scopeStatement(scope)));
}

/** The last day of a quarter, "YYYY-MM-DD": the day a unit must be in force on to be expected that quarter. */
export function quarterEnd(q: Quarter): string {
  const d = new Date(Date.UTC(q.year, q.quarter * 3, 0));
  return d.toISOString().slice(0, 10);
}

const inForce = (u: { validFrom: string; validTo: string | null }, day: string) => u.validFrom <= day && (u.validTo === null || u.validTo >= day);

/**
 * Figures expected per listed unit and quarter: Σ weight(level, quarter's position) over its mapped
 * units in force at the quarter's end (weight 0: not counted); and (key null)
 * over the whole scope, each reporting unit once.
 */
export function expectedByUnit(map: readonly ScopeMapping[], weight: (level: Level, position: number) => number, quarters: readonly Quarter[]): Map<number | null, number[]> {
  const ends = quarters.map(quarterEnd);
  const out = new Map<number | null, number[]>();
  const row = (key: number | null) => out.get(key) ?? out.set(key, new Array<number>(quarters.length).fill(0)).get(key)!;
  const total = row(null);
  for (const m of map) {
    let own: number[] | null = null;
    for (let i = 0; i < ends.length; i++) {
      // A unit's weight per quarter: figures owed at its level, which change as indicators are retired.
      const w = weight(m.level, i);
      if (w === 0 || !inForce(m, ends[i]!)) continue;
      own ??= row(m.to);
      own[i]! += w;
      if (m.first) total[i]! += w;
    }
  }
  return out;
}

/** Units of each level in force at each quarter's end, over `area`. */
export function expectedByLevel(area: readonly AreaInterval[], quarters: readonly Quarter[]): Map<Level, number[]> {
  const ends = quarters.map(quarterEnd);
  const out = new Map<Level, number[]>();
  for (const a of area) {
    const row = out.get(a.level) ?? out.set(a.level, new Array<number>(quarters.length).fill(0)).get(a.level)!;
    for (let i = 0; i < ends.length; i++) if (inForce(a, ends[i]!)) row[i]! += a.n;
  }
  return out;
}

/** The quarters that have a reporting period, from the statements' `periods` part. */
export function periodQuarters(rows: readonly { year: number; quarter: number }[]): Quarter[] {
  return rows.map((r) => makeQuarter(r.year, r.quarter));
}
