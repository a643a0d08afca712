import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  COMPARATORS,
  TARGET_EPSILON,
  compareWithTolerance,
  comparatorSymbol,
  comparatorWords,
  formatTargetText,
  isComparator,
  meetsRatioTarget,
  meetsTarget,
  type Comparator,
} from "./comparator";

const arbComparator = fc.constantFrom<Comparator>(...COMPARATORS);

describe("COMPARATORS / isComparator", () => {
  it("lists exactly the Postgres enum values", () => {
    expect([...COMPARATORS]).toEqual(["GT", "GTE", "EQ", "LTE", "LT"]);
  });

  it("recognises only those strings", () => {
    for (const c of COMPARATORS) expect(isComparator(c)).toBe(true);
    for (const x of ["gt", "GE", "NE", "", null, undefined, 1, {}]) expect(isComparator(x)).toBe(false);
  });
});

describe("meetsTarget", () => {
  it.each<[number, Comparator, number, boolean]>([
    // "trên 90%" is strict: exactly 90 does not meet it
    [90, "GT", 90, false],
    [90.01, "GT", 90, true],
    [89.99, "GT", 90, false],
    [90, "GTE", 90, true],
    [89.99, "GTE", 90, false],
    [100, "EQ", 100, true],
    [99.99, "EQ", 100, false],
    [100.01, "EQ", 100, false],
    [10, "LTE", 10, true],
    [10.01, "LTE", 10, false],
    [9, "LTE", 10, true],
    [10, "LT", 10, false],
    [9.99, "LT", 10, true],
    [-5, "LT", 0, true],
    [0, "EQ", 0, true],
  ])("%s %s %s → %s", (value, c, target, expected) => {
    expect(meetsTarget(value, c, target)).toBe(expected);
  });

  it("treats float noise as equality", () => {
    const noisy = 0.1 + 0.2; // 0.30000000000000004
    expect(meetsTarget(noisy, "EQ", 0.3)).toBe(true);
    expect(meetsTarget(noisy, "GT", 0.3)).toBe(false);
    expect(meetsTarget(noisy, "LTE", 0.3)).toBe(true);
    expect(meetsTarget(0.7 + 0.1, "GTE", 0.8)).toBe(true); // 0.7999999999999999
    expect(meetsTarget(0.7 + 0.1, "LT", 0.8)).toBe(false);
    expect(meetsTarget(0.1 + 0.2 - 0.3, "EQ", 0)).toBe(true);
  });

  it("applies the tolerance relative to magnitude, with an absolute floor of 1e-9", () => {
    expect(meetsTarget(90 + 50 * TARGET_EPSILON, "EQ", 90)).toBe(true); // within 90e-9
    expect(meetsTarget(90 + 200 * TARGET_EPSILON, "EQ", 90)).toBe(false);
    expect(meetsTarget(90 + 200 * TARGET_EPSILON, "GT", 90)).toBe(true);
    expect(meetsTarget(1e6 + 1e-4, "EQ", 1e6)).toBe(true);
    expect(meetsTarget(1e6 + 1e-2, "EQ", 1e6)).toBe(false);
    expect(meetsTarget(5e-10, "EQ", 0)).toBe(true);
    expect(meetsTarget(5e-9, "EQ", 0)).toBe(false);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])("never meets a target with value %s", (v) => {
    for (const c of COMPARATORS) expect(meetsTarget(v, c, 90)).toBe(false);
  });

  it("never meets a non-finite target", () => {
    for (const c of COMPARATORS) expect(meetsTarget(90, c, Number.NaN)).toBe(false);
  });

  it("GT, EQ and LT partition the finite values; GTE = GT ∪ EQ; LTE = LT ∪ EQ", () => {
    const num = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 });
    fc.assert(
      fc.property(num, num, (v, t) => {
        const gt = meetsTarget(v, "GT", t);
        const eq = meetsTarget(v, "EQ", t);
        const lt = meetsTarget(v, "LT", t);
        expect([gt, eq, lt].filter(Boolean)).toHaveLength(1);
        expect(meetsTarget(v, "GTE", t)).toBe(gt || eq);
        expect(meetsTarget(v, "LTE", t)).toBe(lt || eq);
      }),
    );
  });

  it("agrees with plain comparison when the values are clearly apart", () => {
    const num = fc.integer({ min: -1_000_000, max: 1_000_000 });
    fc.assert(
      fc.property(num, num, (a, b) => {
        expect(meetsTarget(a, "GT", b)).toBe(a > b);
        expect(meetsTarget(a, "LT", b)).toBe(a < b);
        expect(meetsTarget(a, "EQ", b)).toBe(a === b);
      }),
    );
  });

  it("compareWithTolerance reports null for non-finite input", () => {
    expect(compareWithTolerance(Number.NaN, 1)).toBeNull();
    expect(compareWithTolerance(1, Number.POSITIVE_INFINITY)).toBeNull();
    expect(compareWithTolerance(2, 1)).toBe(1);
    expect(compareWithTolerance(1, 2)).toBe(-1);
    expect(compareWithTolerance(0.1 + 0.2, 0.3)).toBe(0);
  });
});

describe("meetsRatioTarget", () => {
  it("is exact at the strict boundary: 90/100 is not more than 90%", () => {
    expect(meetsRatioTarget(90, 100, "GT", 90)).toBe(false);
    expect(meetsRatioTarget(90, 100, "GTE", 90)).toBe(true);
    expect(meetsRatioTarget(91, 100, "GT", 90)).toBe(true);
    expect(meetsRatioTarget(9001, 10000, "GT", 90)).toBe(true);
  });

  it("meets EQ 100 with 100/100", () => {
    expect(meetsRatioTarget(100, 100, "EQ", 100)).toBe(true);
    expect(meetsRatioTarget(99, 100, "EQ", 100)).toBe(false);
    expect(meetsRatioTarget(3, 3, "EQ", 100)).toBe(true);
  });

  it("compares decimal targets as written, not as rounded doubles", () => {
    // 3487/10000 is exactly 34.87%; 34.87 as a double is 34.8699999999999974...
    expect(meetsRatioTarget(3487, 10000, "EQ", 34.87)).toBe(true);
    expect(meetsRatioTarget(3487, 10000, "GT", 34.87)).toBe(false);
    expect(meetsRatioTarget(3488, 10000, "GT", 34.87)).toBe(true);
    // 1/3 = 33.333…% is never equal to a finite decimal, but tolerance-based comparison would say 33.3333333333 is.
    expect(meetsRatioTarget(1, 3, "EQ", 33.3333333333)).toBe(false);
    expect(meetsRatioTarget(1, 3, "GT", 33.3333333333)).toBe(true);
  });

  it("handles targets printed in exponent notation", () => {
    expect(meetsRatioTarget(1, 1e9, "EQ", 1e-7)).toBe(true);
    expect(meetsRatioTarget(2, 1e9, "GT", 1e-7)).toBe(true);
    expect(meetsRatioTarget(5, 1, "LT", 1e21)).toBe(true); // String(1e21) is "1e+21"
    expect(meetsRatioTarget(5, 1, "GT", 1e21)).toBe(false);
  });

  it("meets nothing when the denominator is zero, negative or the inputs are not finite", () => {
    for (const c of COMPARATORS) {
      expect(meetsRatioTarget(0, 0, c, 0)).toBe(false);
      expect(meetsRatioTarget(5, 0, c, 90)).toBe(false);
      expect(meetsRatioTarget(-90, -100, c, 90)).toBe(false);
      expect(meetsRatioTarget(Number.NaN, 100, c, 90)).toBe(false);
      expect(meetsRatioTarget(90, 100, c, Number.NaN)).toBe(false);
    }
  });

  it("falls back to tolerant comparison for non-integer figures", () => {
    expect(meetsRatioTarget(0.1 + 0.2, 1, "EQ", 30)).toBe(true);
    expect(meetsRatioTarget(0.1 + 0.2, 1, "GT", 30)).toBe(false);
    expect(meetsRatioTarget(45.5, 50, "EQ", 91)).toBe(true);
  });

  it("agrees with an exact integer oracle for counts and two-decimal targets", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        arbComparator,
        (num, den, targetHundredths, c) => {
          const target = targetHundredths / 100;
          // num/den*100 vs h/100  ⇔  num*10000 vs h*den, all exact in doubles at these sizes.
          const lhs = num * 10_000;
          const rhs = targetHundredths * den;
          const expected = { GT: lhs > rhs, GTE: lhs >= rhs, EQ: lhs === rhs, LTE: lhs <= rhs, LT: lhs < rhs }[c];
          return meetsRatioTarget(num, den, c, target) === expected;
        },
      ),
    );
  });

  it("is invariant under scaling numerator and denominator together", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 2, max: 1000 }),
        fc.integer({ min: 0, max: 100 }),
        arbComparator,
        (num, den, k, target, c) => meetsRatioTarget(num, den, c, target) === meetsRatioTarget(num * k, den * k, c, target),
      ),
    );
  });
});

describe("comparatorSymbol", () => {
  it.each<[Comparator, string]>([
    ["GT", ">"],
    ["GTE", "≥"],
    ["EQ", "="],
    ["LTE", "≤"],
    ["LT", "<"],
  ])("%s → %s", (c, s) => {
    expect(comparatorSymbol(c)).toBe(s);
  });
});

describe("comparatorWords", () => {
  it.each<[Comparator, string, string]>([
    ["GT", "trên", "more than"],
    ["GTE", "tối thiểu", "at least"],
    ["EQ", "đạt", "exactly"],
    ["LTE", "tối đa", "at most"],
    ["LT", "dưới", "less than"],
  ])("%s → %s / %s", (c, vi, en) => {
    expect(comparatorWords(c, "vi")).toBe(vi);
    expect(comparatorWords(c, "en")).toBe(en);
  });
});

describe("formatTargetText", () => {
  it.each<[Comparator, number, string, string, string]>([
    ["GT", 90, "%", "trên 90%", "more than 90%"],
    ["GTE", 10, "%", "tối thiểu 10%", "at least 10%"],
    ["EQ", 100, "%", "đạt 100%", "exactly 100%"],
    ["LTE", 10, "", "tối đa 10", "at most 10"],
    ["LT", 34.87, "%", "dưới 34,87%", "less than 34.87%"],
    ["GTE", 1650, "doanh nghiệp", "tối thiểu 1.650 doanh nghiệp", "at least 1,650 doanh nghiệp"],
  ])("%s %s %j → %j / %j", (c, value, unit, vi, en) => {
    expect(formatTargetText(c, value, unit, "vi")).toBe(vi);
    expect(formatTargetText(c, value, unit, "en")).toBe(en);
  });

  it("trims the unit and does not round the target to Intl's default 3 digits", () => {
    expect(formatTargetText("GTE", 0.1234, " ngày ", "vi")).toBe("tối thiểu 0,1234 ngày");
    expect(formatTargetText("GTE", 2.5, "days", "en")).toBe("at least 2.5 days");
  });
});
