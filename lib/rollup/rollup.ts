/**
 * Aggregation of unit figures into larger areas and totals.
 *
 * A ratio indicator is rolled up as Σnumerator / Σdenominator, never as the
 * average of the units' percentages: a commune with 1/2 and one with 99/100
 * make 100/102 = 98,04%, not (50% + 99%) / 2 = 74,5%. Averaging percentages
 * gives a 2-household commune the same weight as a 2 000-household one.
 *
 * Administrative units are versioned (the 1 July 2025 reform replaced the
 * province–district–commune tree with a new province–commune one), and a
 * unit's parent is always a unit of its own time, so walking parents never
 * mixes geographies: a figure reported by a pre-reform commune rolls up to the
 * pre-reform province only.
 */

import { utcDayNumber } from "@/lib/period/quarter";

export interface RatioFigure {
  numerator: number;
  denominator: number;
}

export interface RatioRollup {
  numerator: number;
  denominator: number;
  /** Σnumerator / Σdenominator × 100; null when Σdenominator = 0 (no base, not 0%). */
  percent: number | null;
  count: number;
}

export interface Coverage {
  reported: number;
  expected: number;
  /** reported / expected as a fraction 0..1 (not a percent); null when nothing is expected. */
  share: number | null;
}

export type UnitLevel = "PROVINCE" | "DISTRICT" | "COMMUNE";

export interface UnitNode {
  id: number;
  parentId: number | null;
  validFrom: Date;
  validTo: Date | null;
  level: UnitLevel;
}

export interface UnitFigure extends RatioFigure {
  unitId: number;
}

export interface AncestorRollup {
  numerator: number;
  denominator: number;
  percent: number | null;
  /** Distinct reporting units; when an expected set is known, only those in it. */
  reported: number;
  /** Size of the expected set; null when no expected set was given for this ancestor. */
  expected: number | null;
  coverageShare: number | null;
}

function assertFinite(x: number, what: string): void {
  if (!Number.isFinite(x)) throw new RangeError(`${what} must be a finite number, got ${x}`);
}

/**
 * Neumaier-compensated sum: the result does not depend on the order rows come
 * back from the database, and decimal data (0.1 × 10) sums to what a person
 * adding by hand would get.
 */
export function rollupSum(values: readonly number[]): number {
  let sum = 0;
  let compensation = 0;
  for (const v of values) {
    assertFinite(v, "Value");
    const t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return sum + compensation;
}

/**
 * Throws on non-finite values and negative denominators: silently dropping or
 * summing a corrupt row would publish a wrong provincial figure.
 */
export function rollupRatio(figs: readonly RatioFigure[]): RatioRollup {
  for (const f of figs) {
    assertFinite(f.numerator, "Numerator");
    assertFinite(f.denominator, "Denominator");
    if (f.denominator < 0) throw new RangeError(`Denominator must not be negative, got ${f.denominator}`);
  }
  const numerator = rollupSum(figs.map((f) => f.numerator));
  const denominator = rollupSum(figs.map((f) => f.denominator));
  return {
    numerator,
    denominator,
    percent: denominator === 0 ? null : (numerator * 100) / denominator,
    count: figs.length,
  };
}

export function coverage(reported: number, expected: number): Coverage {
  for (const [x, what] of [
    [reported, "Reported"],
    [expected, "Expected"],
  ] as const) {
    assertFinite(x, what);
    if (x < 0) throw new RangeError(`${what} must not be negative, got ${x}`);
  }
  return { reported, expected, share: expected === 0 ? null : reported / expected };
}

export function indexUnits<T extends UnitNode>(units: readonly T[]): Map<number, T> {
  const byId = new Map<number, T>();
  for (const u of units) {
    if (byId.has(u.id)) throw new Error(`Duplicate unit id ${u.id}`);
    byId.set(u.id, u);
  }
  return byId;
}

/**
 * The unit itself if it is at `level`, else its nearest ancestor at `level`,
 * else null (e.g. a post-reform commune has no DISTRICT). An unknown unit id,
 * a dangling parent link or a cycle is a data error and throws rather than
 * quietly dropping figures from a total.
 */
export function ancestorAtLevel(unitId: number, level: UnitLevel, unitsById: ReadonlyMap<number, UnitNode>): number | null {
  const seen = new Set<number>();
  let child: number | null = null;
  let id: number | null = unitId;
  while (id !== null) {
    if (seen.has(id)) throw new Error(`Cycle in unit hierarchy at unit ${id}`);
    seen.add(id);
    const unit = unitsById.get(id);
    if (unit === undefined) {
      throw new Error(child === null ? `Unknown unit ${id}` : `Unit ${child} has unknown parent ${id}`);
    }
    if (unit.level === level) return unit.id;
    child = id;
    id = unit.parentId;
  }
  return null;
}

/**
 * Rolls figures up to their ancestors at `level`, one entry per ancestor.
 * Figures with no ancestor at that level are left out (they belong to no such
 * area). When `expectedUnitIds` is given, every ancestor in it gets an entry,
 * even with no figures, so a silent area shows 0% coverage instead of vanishing.
 */
export function rollupByAncestor(
  figures: readonly UnitFigure[],
  level: UnitLevel,
  unitsById: ReadonlyMap<number, UnitNode>,
  expectedUnitIds?: ReadonlyMap<number, ReadonlySet<number>>,
): Map<number, AncestorRollup> {
  const groups = new Map<number, { figs: UnitFigure[]; units: Set<number> }>();
  const groupFor = (ancestorId: number) => {
    let g = groups.get(ancestorId);
    if (g === undefined) {
      g = { figs: [], units: new Set() };
      groups.set(ancestorId, g);
    }
    return g;
  };

  for (const f of figures) {
    const ancestorId = ancestorAtLevel(f.unitId, level, unitsById);
    if (ancestorId === null) continue;
    const g = groupFor(ancestorId);
    g.figs.push(f);
    g.units.add(f.unitId);
  }
  for (const ancestorId of expectedUnitIds?.keys() ?? []) groupFor(ancestorId);

  const out = new Map<number, AncestorRollup>();
  for (const [ancestorId, g] of groups) {
    const ratio = rollupRatio(g.figs);
    const expectedSet = expectedUnitIds?.get(ancestorId);
    let reported = g.units.size;
    let expected: number | null = null;
    let coverageShare: number | null = null;
    if (expectedSet !== undefined) {
      // Only expected units count as coverage, so a stray report cannot push coverage past 100%.
      reported = [...g.units].filter((u) => expectedSet.has(u)).length;
      expected = expectedSet.size;
      coverageShare = coverage(reported, expected).share;
    }
    out.set(ancestorId, {
      numerator: ratio.numerator,
      denominator: ratio.denominator,
      percent: ratio.percent,
      reported,
      expected,
      coverageShare,
    });
  }
  return out;
}

/** Units in force on `date`: validFrom ≤ date ≤ validTo (open-ended when null), compared as UTC calendar days. */
export function unitsValidOn<T extends Pick<UnitNode, "validFrom" | "validTo">>(units: readonly T[], date: Date): T[] {
  const day = utcDayNumber(date);
  return units.filter((u) => utcDayNumber(u.validFrom) <= day && (u.validTo === null || utcDayNumber(u.validTo) >= day));
}
