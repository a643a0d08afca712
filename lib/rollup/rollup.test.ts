import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quarterEnd, quarterStart } from "@/lib/period/quarter";
import {
  ancestorAtLevel,
  coverage,
  indexUnits,
  rollupByAncestor,
  rollupRatio,
  rollupSum,
  unitsValidOn,
  type UnitFigure,
  type UnitLevel,
  type UnitNode,
} from "./rollup";

const utc = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe("rollupSum", () => {
  it("sums, and is 0 for nothing", () => {
    expect(rollupSum([])).toBe(0);
    expect(rollupSum([1, 2, 3.5])).toBe(6.5);
    expect(rollupSum([-4, 4])).toBe(0);
  });

  it("compensates float error that naive summation keeps", () => {
    expect(rollupSum(Array.from({ length: 10 }, () => 0.1))).toBe(1); // naive: 0.9999999999999999
    expect(rollupSum([1e16, 1, -1e16])).toBe(1); // naive: 0
  });

  it("rejects non-finite values", () => {
    expect(() => rollupSum([1, Number.NaN])).toThrow(RangeError);
    expect(() => rollupSum([Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });

  it("is exact and order-independent for integers", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 })), (xs) => {
        const expected = xs.reduce((a, b) => a + b, 0);
        expect(rollupSum(xs)).toBe(expected);
        expect(rollupSum([...xs].reverse())).toBe(expected);
      }),
    );
  });

  it("stays within input-rounding error of the exact decimal total for cent amounts, in any order", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { maxLength: 200 }), (cents) => {
        const values = cents.map((c) => c / 100);
        const exact = cents.reduce((a, b) => a + b, 0) / 100;
        // Each c/100 is already off by up to half an ulp; compensation must add essentially nothing on top.
        const bound = Number.EPSILON * (values.reduce((s, v) => s + Math.abs(v), 0) + Math.abs(exact));
        expect(Math.abs(rollupSum(values) - exact)).toBeLessThanOrEqual(bound);
        expect(Math.abs(rollupSum([...values].reverse()) - exact)).toBeLessThanOrEqual(bound);
      }),
    );
  });
});

describe("rollupRatio", () => {
  it("is Σnumerator/Σdenominator, not the mean of percentages", () => {
    const r = rollupRatio([
      { numerator: 1, denominator: 2 },
      { numerator: 99, denominator: 100 },
    ]);
    expect(r.numerator).toBe(100);
    expect(r.denominator).toBe(102);
    expect(r.count).toBe(2);
    expect(r.percent).toBeCloseTo(98.0392156862745, 10);
    expect(r.percent).not.toBeCloseTo(74.5, 0);
  });

  it("gives null percent, not 0 or NaN, when Σdenominator is 0", () => {
    expect(rollupRatio([])).toEqual({ numerator: 0, denominator: 0, percent: null, count: 0 });
    expect(rollupRatio([{ numerator: 0, denominator: 0 }])).toEqual({ numerator: 0, denominator: 0, percent: null, count: 1 });
  });

  it("counts a zero-denominator figure without distorting the ratio", () => {
    const r = rollupRatio([
      { numerator: 3, denominator: 4 },
      { numerator: 0, denominator: 0 },
    ]);
    expect(r.percent).toBe(75);
    expect(r.count).toBe(2);
  });

  it("rejects corrupt figures", () => {
    expect(() => rollupRatio([{ numerator: 1, denominator: -2 }])).toThrow(RangeError);
    expect(() => rollupRatio([{ numerator: Number.NaN, denominator: 2 }])).toThrow(RangeError);
    expect(() => rollupRatio([{ numerator: 1, denominator: Number.POSITIVE_INFINITY }])).toThrow(RangeError);
  });

  const arbFig = fc.record({
    numerator: fc.integer({ min: 0, max: 100_000 }),
    denominator: fc.integer({ min: 1, max: 100_000 }),
  });

  it("is additive over concatenation and independent of order", () => {
    fc.assert(
      fc.property(fc.array(arbFig), fc.array(arbFig), (a, b) => {
        const whole = rollupRatio([...a, ...b]);
        const ra = rollupRatio(a);
        const rb = rollupRatio(b);
        expect(whole.numerator).toBe(ra.numerator + rb.numerator);
        expect(whole.denominator).toBe(ra.denominator + rb.denominator);
        expect(whole.count).toBe(a.length + b.length);
        expect(rollupRatio([...b, ...a])).toEqual(whole);
      }),
    );
  });

  it("lies between the smallest and largest unit percentage (a mediant, not a mean)", () => {
    fc.assert(
      fc.property(fc.array(arbFig, { minLength: 1 }), (figs) => {
        const pcts = figs.map((f) => (f.numerator * 100) / f.denominator);
        const p = rollupRatio(figs).percent;
        expect(p).not.toBeNull();
        expect(p!).toBeGreaterThanOrEqual(Math.min(...pcts) - 1e-9);
        expect(p!).toBeLessThanOrEqual(Math.max(...pcts) + 1e-9);
      }),
    );
  });

  it("equals the mean of percentages only when denominators are equal", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 1, max: 500 }),
        (nums, den) => {
          const figs = nums.map((n) => ({ numerator: n, denominator: den }));
          const mean = nums.reduce((s, n) => s + (n * 100) / den, 0) / nums.length;
          expect(rollupRatio(figs).percent).toBeCloseTo(mean, 9);
        },
      ),
    );
  });
});

describe("coverage", () => {
  it("is a share in 0..1", () => {
    expect(coverage(3, 4)).toEqual({ reported: 3, expected: 4, share: 0.75 });
    expect(coverage(0, 4).share).toBe(0);
    expect(coverage(4, 4).share).toBe(1);
  });

  it("is null when nothing is expected", () => {
    expect(coverage(0, 0)).toEqual({ reported: 0, expected: 0, share: null });
  });

  it("rejects negative or non-finite counts", () => {
    expect(() => coverage(-1, 4)).toThrow(RangeError);
    expect(() => coverage(1, -4)).toThrow(RangeError);
    expect(() => coverage(Number.NaN, 4)).toThrow(RangeError);
  });
});

/*
 * Hand-made geography across the 1 July 2025 reform. Both provinces carry the
 * same official code (19) but are different versions, hence different ids.
 *
 *   P  (1)  PROVINCE  1997-01-01 .. 2025-06-30
 *     D1 (11) DISTRICT      C1a (111), C1b (112)
 *     D2 (12) DISTRICT      C2a (121)
 *   P' (2)  PROVINCE  2025-07-01 .. open
 *     N1 (201), N2 (202) COMMUNE, directly under P' (no districts after the reform)
 */
const OLD_FROM = utc("1997-01-01");
const OLD_TO = utc("2025-06-30");
const NEW_FROM = utc("2025-07-01");
const unit = (id: number, parentId: number | null, level: UnitLevel, validFrom: Date, validTo: Date | null): UnitNode => ({
  id,
  parentId,
  level,
  validFrom,
  validTo,
});
const GEOGRAPHY: UnitNode[] = [
  unit(1, null, "PROVINCE", OLD_FROM, OLD_TO),
  unit(11, 1, "DISTRICT", OLD_FROM, OLD_TO),
  unit(12, 1, "DISTRICT", OLD_FROM, OLD_TO),
  unit(111, 11, "COMMUNE", OLD_FROM, OLD_TO),
  unit(112, 11, "COMMUNE", OLD_FROM, OLD_TO),
  unit(121, 12, "COMMUNE", OLD_FROM, OLD_TO),
  unit(2, null, "PROVINCE", NEW_FROM, null),
  unit(201, 2, "COMMUNE", NEW_FROM, null),
  unit(202, 2, "COMMUNE", NEW_FROM, null),
];
const BY_ID = indexUnits(GEOGRAPHY);

describe("indexUnits", () => {
  it("indexes by id and rejects duplicates", () => {
    expect(BY_ID.get(121)?.parentId).toBe(12);
    expect(() => indexUnits([GEOGRAPHY[0]!, GEOGRAPHY[0]!])).toThrow(/Duplicate/);
  });
});

describe("ancestorAtLevel", () => {
  it("walks up to the requested level", () => {
    expect(ancestorAtLevel(111, "PROVINCE", BY_ID)).toBe(1);
    expect(ancestorAtLevel(111, "DISTRICT", BY_ID)).toBe(11);
    expect(ancestorAtLevel(121, "DISTRICT", BY_ID)).toBe(12);
    expect(ancestorAtLevel(201, "PROVINCE", BY_ID)).toBe(2);
  });

  it("returns the unit itself when it is at that level", () => {
    expect(ancestorAtLevel(111, "COMMUNE", BY_ID)).toBe(111);
    expect(ancestorAtLevel(1, "PROVINCE", BY_ID)).toBe(1);
  });

  it("returns null when the chain has no unit at that level", () => {
    expect(ancestorAtLevel(201, "DISTRICT", BY_ID)).toBeNull(); // post-reform: no districts
    expect(ancestorAtLevel(1, "COMMUNE", BY_ID)).toBeNull(); // never looks downwards
  });

  it("throws on unknown units, dangling parents and cycles", () => {
    expect(() => ancestorAtLevel(999, "PROVINCE", BY_ID)).toThrow(/Unknown unit 999/);
    const dangling = indexUnits([unit(5, 77, "COMMUNE", OLD_FROM, null)]);
    expect(() => ancestorAtLevel(5, "PROVINCE", dangling)).toThrow(/Unit 5 has unknown parent 77/);
    const cyclic = indexUnits([unit(5, 6, "COMMUNE", OLD_FROM, null), unit(6, 5, "DISTRICT", OLD_FROM, null)]);
    expect(() => ancestorAtLevel(5, "PROVINCE", cyclic)).toThrow(/Cycle/);
  });
});

describe("unitsValidOn", () => {
  const ids = (d: Date) => unitsValidOn(GEOGRAPHY, d).map((u) => u.id);

  it("gives the old tree on 30 June 2025 (the end of Q2) and the new one on 1 July 2025", () => {
    expect(ids(quarterEnd({ year: 2025, quarter: 2 }))).toEqual([1, 11, 12, 111, 112, 121]);
    expect(ids(quarterStart({ year: 2025, quarter: 3 }))).toEqual([2, 201, 202]);
  });

  it("includes both bounds and compares whole UTC days", () => {
    expect(ids(new Date("2025-06-30T23:59:59.999Z"))).toContain(1); // validTo day is inclusive
    expect(ids(new Date("1997-01-01T08:00:00Z"))).toContain(1);
    expect(ids(new Date("1996-12-31T23:59:59Z"))).toEqual([]);
    expect(ids(utc("2040-01-01"))).toEqual([2, 201, 202]); // open-ended
  });

  it("keeps validity intervals that contain the day, for any day", () => {
    const day = fc.integer({ min: 0, max: 40_000 });
    fc.assert(
      fc.property(day, day, fc.option(day, { nil: null }), (from, at, to) => {
        const toDate = (n: number) => new Date(n * 86_400_000);
        const u = { validFrom: toDate(from), validTo: to === null ? null : toDate(to) };
        const inForce = from <= at && (to === null || at <= to);
        return (unitsValidOn([u], new Date(at * 86_400_000 + 43_200_000)).length === 1) === inForce;
      }),
    );
  });
});

describe("rollupByAncestor across the 1 July 2025 reform", () => {
  // Q2/2025 figures come from old communes, Q3/2025 figures from new ones.
  const q2: UnitFigure[] = [
    { unitId: 111, numerator: 1, denominator: 2 },
    { unitId: 121, numerator: 99, denominator: 100 },
  ];
  const q3: UnitFigure[] = [
    { unitId: 201, numerator: 30, denominator: 40 },
    { unitId: 202, numerator: 10, denominator: 60 },
  ];
  const expectedByProvince = new Map([
    [1, new Set([111, 112, 121])],
    [2, new Set([201, 202])],
  ]);

  it("rolls a Q2/2025 figure up to P as Σnum/Σden = 100/102", () => {
    const byProvince = rollupByAncestor(q2, "PROVINCE", BY_ID);
    expect([...byProvince.keys()]).toEqual([1]);
    const p = byProvince.get(1)!;
    expect(p.numerator).toBe(100);
    expect(p.denominator).toBe(102);
    expect(p.percent).toBeCloseTo(98.039215686, 8); // not (50 + 99) / 2 = 74.5
    expect(p.reported).toBe(2);
    expect(p.expected).toBeNull();
    expect(p.coverageShare).toBeNull();
  });

  it("rolls a Q3/2025 figure up to P', never to P", () => {
    const byProvince = rollupByAncestor(q3, "PROVINCE", BY_ID);
    expect([...byProvince.keys()]).toEqual([2]);
    expect(byProvince.get(2)).toMatchObject({ numerator: 40, denominator: 100, percent: 40 });
  });

  it("keeps the two province versions apart even in one call", () => {
    const both = rollupByAncestor([...q2, ...q3], "PROVINCE", BY_ID, expectedByProvince);
    expect(both.get(1)).toMatchObject({ numerator: 100, denominator: 102, reported: 2, expected: 3 });
    expect(both.get(1)!.coverageShare).toBeCloseTo(2 / 3, 12);
    expect(both.get(2)).toEqual({ numerator: 40, denominator: 100, percent: 40, reported: 2, expected: 2, coverageShare: 1 });
  });

  it("rolls old communes up to their districts and leaves post-reform communes out of a district roll-up", () => {
    const byDistrict = rollupByAncestor([...q2, ...q3], "DISTRICT", BY_ID);
    expect(new Set(byDistrict.keys())).toEqual(new Set([11, 12]));
    expect(byDistrict.get(11)).toMatchObject({ numerator: 1, denominator: 2, percent: 50 });
    expect(byDistrict.get(12)).toMatchObject({ numerator: 99, denominator: 100, percent: 99 });
  });

  it("lists expected ancestors that received no figures, with 0 coverage and null percent", () => {
    const onlyQ3 = rollupByAncestor(q3, "PROVINCE", BY_ID, expectedByProvince);
    expect(onlyQ3.get(1)).toEqual({ numerator: 0, denominator: 0, percent: null, reported: 0, expected: 3, coverageShare: 0 });
  });

  it("counts distinct reporting units, and only expected ones toward coverage", () => {
    const figs: UnitFigure[] = [
      { unitId: 111, numerator: 1, denominator: 2 },
      { unitId: 111, numerator: 1, denominator: 2 }, // e.g. two sub-indicators from one commune
      { unitId: 11, numerator: 5, denominator: 10 }, // a district-level figure, not an expected reporter
    ];
    const r = rollupByAncestor(figs, "PROVINCE", BY_ID, new Map([[1, new Set([111, 112, 121])]])).get(1)!;
    expect(r).toMatchObject({ numerator: 7, denominator: 14, percent: 50, reported: 1, expected: 3 });
    expect(r.coverageShare).toBeCloseTo(1 / 3, 12);
    expect(rollupByAncestor(figs, "PROVINCE", BY_ID).get(1)!.reported).toBe(2);
  });

  it("gives expected = 0 a null coverage share", () => {
    const r = rollupByAncestor([], "PROVINCE", BY_ID, new Map([[2, new Set<number>()]]));
    expect(r.get(2)).toEqual({ numerator: 0, denominator: 0, percent: null, reported: 0, expected: 0, coverageShare: null });
  });

  it("throws for a figure from an unknown unit instead of dropping it", () => {
    expect(() => rollupByAncestor([{ unitId: 999, numerator: 1, denominator: 1 }], "PROVINCE", BY_ID)).toThrow(/Unknown unit/);
  });
});

describe("rollupByAncestor on random trees", () => {
  /** Random forest of provinces → (districts → communes) plus communes directly under a province. */
  const arbForest = fc
    .array(
      fc.record({
        districts: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 3 }),
        directCommunes: fc.integer({ min: 0, max: 2 }),
      }),
      { minLength: 1, maxLength: 3 },
    )
    .map((provinces) => {
      const units: UnitNode[] = [];
      const provinceOf = new Map<number, number>();
      const districtOf = new Map<number, number | null>();
      let next = 1;
      const add = (parentId: number | null, level: UnitLevel, province: number, district: number | null) => {
        const id = next++;
        units.push(unit(id, parentId, level, OLD_FROM, null));
        provinceOf.set(id, province);
        districtOf.set(id, district);
        return id;
      };
      for (const p of provinces) {
        const pid = next;
        add(null, "PROVINCE", pid, null);
        for (const communeCount of p.districts) {
          const did = next;
          add(pid, "DISTRICT", pid, did);
          for (let i = 0; i < communeCount; i++) add(did, "COMMUNE", pid, did);
        }
        for (let i = 0; i < p.directCommunes; i++) add(pid, "COMMUNE", pid, null);
      }
      return { units, provinceOf, districtOf };
    });

  const arbCase = arbForest.chain((forest) =>
    fc.record({
      forest: fc.constant(forest),
      figures: fc.array(
        fc.record({
          unitId: fc.constantFrom(...forest.units.map((u) => u.id)),
          numerator: fc.integer({ min: 0, max: 1000 }),
          denominator: fc.integer({ min: 0, max: 1000 }),
        }),
        { maxLength: 30 },
      ),
    }),
  );

  it("each province's entry is the ratio roll-up of exactly the figures inside it", () => {
    fc.assert(
      fc.property(arbCase, ({ forest, figures }) => {
        const result = rollupByAncestor(figures, "PROVINCE", indexUnits(forest.units));
        const expectedKeys = new Set(figures.map((f) => forest.provinceOf.get(f.unitId)));
        expect(new Set(result.keys())).toEqual(expectedKeys);
        for (const [pid, entry] of result) {
          const inside = figures.filter((f) => forest.provinceOf.get(f.unitId) === pid);
          const oracle = rollupRatio(inside);
          expect(entry.numerator).toBe(oracle.numerator);
          expect(entry.denominator).toBe(oracle.denominator);
          expect(entry.percent).toBe(oracle.percent);
          expect(entry.reported).toBe(new Set(inside.map((f) => f.unitId)).size);
        }
      }),
    );
  });

  it("conserves totals at province level, and at district level minus figures outside any district", () => {
    fc.assert(
      fc.property(arbCase, ({ forest, figures }) => {
        const byId = indexUnits(forest.units);
        const sumOf = (m: Map<number, { numerator: number; denominator: number }>) =>
          [...m.values()].reduce((s, e) => ({ n: s.n + e.numerator, d: s.d + e.denominator }), { n: 0, d: 0 });
        const all = rollupRatio(figures);
        expect(sumOf(rollupByAncestor(figures, "PROVINCE", byId))).toEqual({ n: all.numerator, d: all.denominator });
        const inDistricts = rollupRatio(figures.filter((f) => forest.districtOf.get(f.unitId) !== null));
        expect(sumOf(rollupByAncestor(figures, "DISTRICT", byId))).toEqual({
          n: inDistricts.numerator,
          d: inDistricts.denominator,
        });
      }),
    );
  });
});
