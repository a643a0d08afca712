import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addQuarters, quarterEnd, quarterStart, quartersBetween, type Quarter, type QuarterNumber } from "@/lib/period/quarter";
import type { Comparator } from "@/lib/targets/comparator";
import { feasibleRange } from "./feasible-range";
import { MAX_FIGURE_AGE_QUARTERS, MIN_COVERAGE } from "./thresholds";
import {
  coverageOf,
  judgedPoints,
  unjudgedReason,
  PROGRESS_STATUSES,
  STATUS_LABELS,
  assessProgress,
  changeVsBaseline,
  classifyRatio,
  leastSquaresProjection,
  paceValue,
  quartersLeftInTargetYear,
  statusLabel,
  targetDueTime,
  timeOf,
  timeOfDate,
  timeOfQuarter,
  type ProgressInput,
  type ProgressStatus,
  type QuarterValue,
} from "./progress";

const q = (year: number, quarter: QuarterNumber): Quarter => ({ year, quarter });
const utc = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
/** Consecutive quarterly values starting at `from`. */
const series = (from: Quarter, values: number[]): QuarterValue[] =>
  values.map((value, i) => ({ quarter: addQuarters(from, i), value }));
const END_2024 = utc("2024-12-31"); // t = 8100

const arbQuarter = fc.record({ year: fc.integer({ min: 1900, max: 2200 }), quarter: fc.constantFrom<QuarterNumber>(1, 2, 3, 4) });

describe("time axis", () => {
  it("observes a quarter at its end", () => {
    expect(timeOfQuarter(q(2025, 1))).toBe(8101);
    expect(timeOfQuarter(q(2025, 4))).toBe(8104);
  });

  it("puts the end of year Y at exactly (Y+1)*4, which is when a target for Y is due", () => {
    expect(timeOfDate(utc("2025-12-31"))).toBe(8104);
    expect(targetDueTime(2025)).toBe(8104);
    expect(timeOfDate(END_2024)).toBe(8100);
  });

  it("counts a date as the end of its UTC day", () => {
    expect(timeOfDate(utc("2025-01-01"))).toBe(8100 + 1 / 90);
    expect(timeOfDate(new Date("2025-01-01T23:59:59Z"))).toBe(8100 + 1 / 90);
    expect(timeOfDate(utc("2025-02-14"))).toBe(8100 + 45 / 90);
    expect(timeOfDate(utc("2025-08-15"))).toBe(8102 + 46 / 92);
  });

  it("timeOf accepts a quarter or a date", () => {
    expect(timeOf(q(2025, 2))).toBe(8102);
    expect(timeOf(utc("2025-06-30"))).toBe(8102);
  });

  it("agrees between a quarter and its last day, for any quarter", () => {
    fc.assert(fc.property(arbQuarter, (x) => timeOfDate(quarterEnd(x)) === timeOfQuarter(x)));
  });

  it("advances strictly from day to day and stays inside the quarter's interval", () => {
    fc.assert(
      fc.property(arbQuarter, (x) => {
        const first = timeOfDate(quarterStart(x));
        const second = timeOfDate(new Date(quarterStart(x).getTime() + 86_400_000));
        return timeOfQuarter(x) - 1 < first && first < second && second <= timeOfQuarter(x);
      }),
    );
  });
});

describe("paceValue", () => {
  const baseline = { value: 20, date: END_2024 };
  const target = { value: 90, year: 2026 }; // due t = 8108, 8 quarters after the baseline

  it("runs in a straight line from baseline to target", () => {
    expect(paceValue(baseline, target, END_2024)).toBe(20);
    expect(paceValue(baseline, target, q(2025, 1))).toBe(20 + 70 / 8);
    expect(paceValue(baseline, target, q(2025, 4))).toBe(55);
    expect(paceValue(baseline, target, q(2026, 4))).toBe(90);
    expect(paceValue(baseline, target, utc("2026-12-31"))).toBe(90);
  });

  it("moves downwards for a reduction target", () => {
    expect(paceValue({ value: 200, date: END_2024 }, { value: 140, year: 2025 }, q(2025, 2))).toBe(170);
  });

  it("is the baseline before the baseline date and the target after the due date", () => {
    expect(paceValue(baseline, target, q(2024, 2))).toBe(20);
    expect(paceValue(baseline, target, q(2028, 1))).toBe(90);
  });

  it("is the target when the baseline is dated after the due date", () => {
    expect(paceValue({ value: 20, date: utc("2027-03-01") }, target, q(2027, 2))).toBe(90);
  });

  it("is monotone between baseline and target", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 12 }),
        (b, t, i, j) => {
          const [lo, hi] = i <= j ? [i, j] : [j, i];
          const a = paceValue({ value: b, date: END_2024 }, { value: t, year: 2027 }, addQuarters(q(2025, 1), lo));
          const c = paceValue({ value: b, date: END_2024 }, { value: t, year: 2027 }, addQuarters(q(2025, 1), hi));
          return t >= b ? a <= c + 1e-9 : a >= c - 1e-9;
        },
      ),
    );
  });
});

describe("leastSquaresProjection", () => {
  it("needs at least 3 points", () => {
    expect(leastSquaresProjection([], 8104)).toBeNull();
    expect(leastSquaresProjection(series(q(2025, 1), [1, 2]), 8104)).toBeNull();
    expect(leastSquaresProjection(series(q(2025, 1), [1, 2, 3]), 8104)).not.toBeNull();
  });

  it("counts a repeated quarter once, the later entry winning", () => {
    const twoQuarters = [...series(q(2025, 1), [10, 20]), { quarter: q(2025, 2), value: 20 }];
    expect(leastSquaresProjection(twoQuarters, 8104)).toBeNull();
    const corrected = [...series(q(2025, 1), [10, 999, 30]), { quarter: q(2025, 2), value: 20 }];
    expect(leastSquaresProjection(corrected, 8104)).toEqual({ value: 40, slope: 10, pointsUsed: 3 });
  });

  it("extrapolates a straight line exactly, per quarter", () => {
    const fit = leastSquaresProjection(series(q(2025, 1), [30, 40, 50]), targetDueTime(2026));
    expect(fit).toEqual({ value: 100, slope: 10, pointsUsed: 3 });
  });

  it("fits the hand-computed OLS line of noisy data", () => {
    // x = t − 8100 = 1..4, y = 1, 3, 2, 5: Sxy = 5.5, Sxx = 5 → slope 1.1, intercept 2.75 − 1.1 × 2.5 = 0
    const fit = leastSquaresProjection(series(q(2025, 1), [1, 3, 2, 5]), 8100 + 6)!;
    expect(fit.slope).toBeCloseTo(1.1, 12);
    expect(fit.value).toBeCloseTo(6.6, 12);
    expect(fit.pointsUsed).toBe(4);
  });

  it("uses only the latest 8 points: an old outlier changes nothing", () => {
    const recent = series(q(2023, 2), [50, 51, 52, 53, 54, 55, 56, 57]); // 2023-Q2 .. 2025-Q1
    const withOutlier = [{ quarter: q(2023, 1), value: 10_000 }, ...recent];
    const at = targetDueTime(2025);
    expect(leastSquaresProjection(withOutlier, at)).toEqual(leastSquaresProjection(recent, at));
    expect(leastSquaresProjection(withOutlier, at)!.slope).toBeCloseTo(1, 12);
    expect(leastSquaresProjection(withOutlier, at)!.pointsUsed).toBe(8);
  });

  it("picks the latest points by quarter, not by input order", () => {
    const recent = series(q(2023, 2), [50, 51, 52, 53, 54, 55, 56, 57]);
    const shuffled = [recent[3]!, { quarter: q(2023, 1), value: 10_000 }, ...recent.slice(4), ...recent.slice(0, 3)];
    expect(leastSquaresProjection(shuffled, 8104)).toEqual(leastSquaresProjection(recent, 8104));
  });

  it("rejects non-finite values", () => {
    expect(() => leastSquaresProjection(series(q(2025, 1), [1, Number.NaN, 3]), 8104)).toThrow(RangeError);
  });

  it("recovers any exact line from any window of 3–8 points", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -100, max: 100 }),
        fc.integer({ min: 3, max: 8 }),
        arbQuarter,
        fc.integer({ min: 0, max: 20 }),
        (intercept, slope, n, start, ahead) => {
          const quarters = quartersBetween(start, addQuarters(start, n - 1));
          const pts = quarters.map((quarter, i) => ({ quarter, value: intercept + slope * i }));
          const atT = timeOfQuarter(start) + n - 1 + ahead;
          const fit = leastSquaresProjection(pts, atT)!;
          expect(fit.slope).toBeCloseTo(slope, 6);
          expect(fit.value).toBeCloseTo(intercept + slope * (n - 1 + ahead), 6);
        },
      ),
    );
  });

  it("ignores everything before the latest 8 points, whatever it is", () => {
    const recentArb = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 8, maxLength: 8 });
    const olderArb = fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(recentArb, olderArb, (recentValues, older) => {
        const start = q(2024, 1);
        const recent = series(start, recentValues);
        const old = series(addQuarters(start, -older.length), older);
        expect(leastSquaresProjection([...old, ...recent], 8110)).toEqual(leastSquaresProjection(recent, 8110));
      }),
    );
  });
});

describe("classifyRatio", () => {
  it.each<[number, ProgressStatus]>([
    [1.5, "ON_TRACK"],
    [1, "ON_TRACK"],
    [0.95, "ON_TRACK"],
    [0.95 - 1e-12, "ON_TRACK"], // least-squares noise on an exact 95% line
    [0.95 - 1e-6, "NEEDS_ACCELERATION"],
    [0.9499, "NEEDS_ACCELERATION"],
    [0.5, "NEEDS_ACCELERATION"],
    [0.5 - 1e-6, "OFF_TRACK"],
    [0.4999, "OFF_TRACK"],
    [0, "OFF_TRACK"],
    [-1e-12, "OFF_TRACK"],
    [-1e-6, "REGRESSING"],
    [-0.5, "REGRESSING"],
  ])("r = %s → %s", (r, status) => {
    expect(classifyRatio(r)).toBe(status);
  });
});

describe("assessProgress", () => {
  /** Growth target: GTE 100 by end of 2025, baseline 0 at end of 2024. */
  const growth = (values: number[], asOf: Quarter = q(2025, 3), from: Quarter = q(2025, 1)): ProgressInput => ({
    series: series(from, values),
    baseline: { value: 0, date: END_2024 },
    target: { comparator: "GTE", value: 100, year: 2025 },
    asOf,
  });

  describe("status boundaries at the thresholds (flat series: projection = the value, r = value/100)", () => {
    it.each<[number, ProgressStatus]>([
      [95, "ON_TRACK"],
      [94.99, "NEEDS_ACCELERATION"],
      [50, "NEEDS_ACCELERATION"],
      [49.99, "OFF_TRACK"],
      [0, "OFF_TRACK"],
      [-1, "REGRESSING"],
    ])("flat at %s → %s", (v, status) => {
      const a = assessProgress(growth([v, v, v]));
      expect(a.projection).toBe(v);
      expect(a.r).toBe(v / 100);
      expect(a.status).toBe(status);
    });

    it("r = 0.95 from a rising, not flat, series is ON_TRACK", () => {
      // 2025-Q1..Q3 = 65, 75, 85 → slope 10, projection at 2025 end = 95
      const a = assessProgress(growth([65, 75, 85]));
      expect(a.projection).toBeCloseTo(95, 9);
      expect(a.r).toBeCloseTo(0.95, 9);
      expect(a.status).toBe("ON_TRACK");
    });
  });

  describe("a growth target (more than 90% by 2026, baseline 20%)", () => {
    const input = (values: number[], comparator: Comparator = "GT"): ProgressInput => ({
      series: series(q(2025, 1), values),
      baseline: { value: 20, date: END_2024 },
      target: { comparator, value: 90, year: 2026 },
      asOf: q(2025, 3),
    });

    it("reports projection, r, pace and the gain still required", () => {
      const a = assessProgress(input([30, 40, 50]));
      expect(a).toEqual({
        status: "ON_TRACK",
        latest: { quarter: q(2025, 3), value: 50 },
        projection: 100, // 50 + 10 × 5 quarters to the end of 2026
        r: 80 / 70,
        pace: 20 + 70 * (3 / 8),
        baselineValue: 20,
        requiredQuarterlyGain: 8, // (90 − 50) / 5
        quartersRemaining: 5,
        final: false,
        unassessable: null,
        levelEnded: null,
      });
    });

    it("is strict at exactly 90.0 for 'trên 90%': not achieved", () => {
      const a = assessProgress(input([80, 85, 90]));
      expect(a.status).toBe("ON_TRACK");
      expect(a.requiredQuarterlyGain).toBe(0);
    });

    it("is achieved at exactly 90.0 for 'tối thiểu 90%'", () => {
      const a = assessProgress(input([80, 85, 90], "GTE"));
      expect(a.status).toBe("ACHIEVED");
      expect(a.requiredQuarterlyGain).toBeNull();
    });

    it("is achieved as soon as the latest value meets the target, even with a falling trend", () => {
      const a = assessProgress(input([99, 95, 91]));
      expect(a.status).toBe("ACHIEVED");
      expect(a.projection).not.toBeNull();
      expect(a.r!).toBeLessThan(0.95);
    });

    it("grades slower trends", () => {
      expect(assessProgress(input([24, 30, 36])).status).toBe("NEEDS_ACCELERATION"); // proj 66 → r = 46/70
      expect(assessProgress(input([22, 26, 30])).status).toBe("OFF_TRACK"); // proj 50 → r = 30/70
      expect(assessProgress(input([22, 23, 24])).status).toBe("OFF_TRACK"); // proj 29 → r = 9/70
      expect(assessProgress(input([22, 21, 20])).status).toBe("REGRESSING"); // proj 15 → r < 0
    });
  });

  describe("a reduction target (administrative procedures −30%: 200 → at most 140 by 2026)", () => {
    const input = (values: number[]): ProgressInput => ({
      series: series(q(2025, 1), values),
      baseline: { value: 200, date: END_2024 },
      target: { comparator: "LTE", value: 140, year: 2026 },
      asOf: q(2025, 3),
    });

    it("is on track when falling fast enough", () => {
      const a = assessProgress(input([190, 180, 170]));
      expect(a.projection).toBe(120);
      expect(a.r).toBeCloseTo(80 / 60, 12);
      expect(a.status).toBe("ON_TRACK");
      expect(a.requiredQuarterlyGain).toBe(-6); // (140 − 170) / 5
      expect(a.pace).toBe(200 - 60 * (3 / 8));
    });

    it("is off track when falling too slowly", () => {
      const a = assessProgress(input([198, 196, 194])); // proj 184 → r = 16/60
      expect(a.r).toBeCloseTo(16 / 60, 12);
      expect(a.status).toBe("OFF_TRACK");
    });

    it("is regressing when procedures increase", () => {
      const a = assessProgress(input([200, 205, 210])); // proj 235
      expect(a.r).toBeCloseTo(-35 / 60, 12);
      expect(a.status).toBe("REGRESSING");
    });

    it("is achieved once at or below 140", () => {
      expect(assessProgress(input([170, 150, 140])).status).toBe("ACHIEVED");
    });

    it("reports −30% against the baseline", () => {
      expect(changeVsBaseline(140, 200)).toBe(-30);
    });
  });

  describe("a rank target (lower is better: 30th → top 10 by 2026, LTE 10)", () => {
    const input = (values: number[]): ProgressInput => ({
      series: series(q(2025, 1), values),
      baseline: { value: 30, date: END_2024 },
      target: { comparator: "LTE", value: 10, year: 2026 },
      asOf: q(2025, 3),
    });

    it("is on track when climbing the ranking", () => {
      const a = assessProgress(input([28, 25, 22])); // proj 22 − 3 × 5 = 7
      expect(a.projection).toBe(7);
      expect(a.r).toBeCloseTo(23 / 20, 12);
      expect(a.status).toBe("ON_TRACK");
    });

    it("grades slower climbs", () => {
      const a = assessProgress(input([29, 28, 27])); // proj 22 → r = 8/20
      expect(a.status).toBe("OFF_TRACK");
      const b = assessProgress(input([28, 26, 24])); // proj 14 → r = 16/20
      expect(b.status).toBe("NEEDS_ACCELERATION");
    });

    it("is regressing when slipping down the ranking", () => {
      expect(assessProgress(input([30, 31, 33])).status).toBe("REGRESSING");
    });

    it("is achieved at exactly 10th", () => {
      expect(assessProgress(input([20, 15, 10])).status).toBe("ACHIEVED");
    });
  });

  describe("insufficient data", () => {
    it("with no points", () => {
      const a = assessProgress(growth([]));
      expect(a).toMatchObject({
        status: "INSUFFICIENT_DATA",
        latest: null,
        projection: null,
        r: null,
        pace: null,
        requiredQuarterlyGain: null,
      });
      expect(a.quartersRemaining).toBe(1); // from asOf 2025-Q3 to 2025-Q4
    });

    it("with 2 points, still reporting pace and required gain", () => {
      const a = assessProgress(growth([10, 20], q(2025, 2)));
      expect(a).toMatchObject({
        status: "INSUFFICIENT_DATA",
        projection: null,
        r: null,
        pace: 50, // halfway from 0 (end 2024) to 100 (end 2025)
        requiredQuarterlyGain: 40, // (100 − 20) / 2
        quartersRemaining: 2,
      });
    });

    it("counts only points at or before asOf", () => {
      const a = assessProgress(growth([10, 20, 30, 40], q(2025, 2)));
      expect(a.status).toBe("INSUFFICIENT_DATA");
      expect(a.latest).toEqual({ quarter: q(2025, 2), value: 20 });
    });

    it("but 2 points are enough when the latest already meets the target", () => {
      expect(assessProgress(growth([50, 100], q(2025, 2))).status).toBe("ACHIEVED");
    });
  });

  describe("the 8-point window", () => {
    // 2023-Q1 outlier, then 8 flat points at 50 (2023-Q2..2025-Q1); target GTE 100 by 2025 from baseline 0.
    const recent = series(q(2023, 2), Array.from({ length: 8 }, () => 50));
    const base = {
      baseline: { value: 0, date: utc("2022-12-31") },
      target: { comparator: "GTE" as const, value: 100, year: 2025 },
      asOf: q(2025, 1),
    };

    it("ignores an old outlier that would otherwise flip the verdict", () => {
      const without = assessProgress({ ...base, series: recent });
      const withOutlier = assessProgress({ ...base, series: [{ quarter: q(2023, 1), value: 500 }, ...recent] });
      expect(without.status).toBe("NEEDS_ACCELERATION"); // r = 0.5
      expect(withOutlier).toEqual(without);
      // Proof that the outlier matters if it were inside the window: a 9-point fit would regress.
      const nine = [{ quarter: q(2023, 1), value: 500 }, ...recent];
      const xs = nine.map((p) => timeOfQuarter(p.quarter));
      const mx = xs.reduce((s, x) => s + x, 0) / 9;
      const my = nine.reduce((s, p) => s + p.value, 0) / 9;
      const slope = nine.reduce((s, p, i) => s + (xs[i]! - mx) * (p.value - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
      expect(my + slope * (targetDueTime(2025) - mx)).toBeLessThan(0);
    });
  });

  describe("baseline", () => {
    it("falls back to the earliest value of the whole series (not just the window)", () => {
      const values = [10, 20, 20, 20, 20, 20, 20, 20, 20]; // 9 points, 2023-Q1..2025-Q1
      const a = assessProgress({
        series: series(q(2023, 1), values),
        baseline: null,
        target: { comparator: "GTE", value: 30, year: 2025 },
        asOf: q(2025, 1),
      });
      expect(a.baselineValue).toBe(10);
      expect(a.projection).toBeCloseTo(20, 9);
      expect(a.r).toBeCloseTo(0.5, 9);
      expect(a.status).toBe("NEEDS_ACCELERATION");
      // Pace runs from the earliest point (end of 2023-Q1, t = 8093) to the due time 8104.
      expect(a.pace).toBeCloseTo(10 + 20 * ((8101 - 8093) / 11), 9);
    });

    it("takes the earliest value by quarter, not by input order", () => {
      const a = assessProgress({
        series: [...series(q(2025, 1), [40, 50, 60]), { quarter: q(2024, 4), value: 0 }],
        baseline: null,
        target: { comparator: "GTE", value: 100, year: 2025 },
        asOf: q(2025, 3),
      });
      expect(a.baselineValue).toBe(0);
      expect(a.projection).toBeCloseTo(85, 12); // 4-point OLS: slope 19, mean 37.5 at t = 8101.5
      expect(a.r).toBeCloseTo(0.85, 12);
    });

    it("with target = baseline, is ON_TRACK iff the projection meets the target", () => {
      const keep = (values: number[]): ProgressInput => ({
        series: series(q(2025, 1), values),
        baseline: { value: 50, date: END_2024 },
        target: { comparator: "GTE", value: 50, year: 2025 },
        asOf: q(2025, 3),
      });
      const recovering = assessProgress(keep([44, 46, 48])); // proj 50
      expect(recovering).toMatchObject({ status: "ON_TRACK", r: null, projection: 50 });
      const falling = assessProgress(keep([49, 48, 47])); // proj 46
      expect(falling).toMatchObject({ status: "OFF_TRACK", r: null, projection: 46 });
    });
  });

  describe("final verdict after the target year", () => {
    const input = (values: number[], asOf: Quarter, comparator: Comparator = "GT"): ProgressInput => ({
      series: series(q(2025, 1), values),
      baseline: { value: 20, date: END_2024 },
      target: { comparator, value: 90, year: 2025 },
      asOf,
    });

    it("is not final in Q4 of the target year itself", () => {
      const a = assessProgress(input([60, 70, 80, 82], q(2025, 4)));
      expect(a.final).toBe(false);
      expect(a.quartersRemaining).toBe(0);
      expect(a.requiredQuarterlyGain).toBeNull();
      expect(a.projection).toBeCloseTo(84.4, 9); // slope 7.6 → r = 64.4/70 = 0.92
      expect(a.status).toBe("NEEDS_ACCELERATION");
    });

    it("is ACHIEVED when the Q4 value meets the target, whatever came after", () => {
      const a = assessProgress(input([60, 70, 80, 92, 50], q(2026, 1)));
      expect(a).toEqual({
        status: "ACHIEVED",
        latest: { quarter: q(2025, 4), value: 92 },
        projection: null,
        r: null,
        pace: 90,
        baselineValue: 20,
        requiredQuarterlyGain: null,
        quartersRemaining: 0,
        final: true,
        unassessable: null,
        levelEnded: null,
      });
    });

    it("is MISSED when the latest value in the target year does not meet it, even if an earlier one did", () => {
      const a = assessProgress(input([95, 92, 91, 90], q(2027, 2)));
      expect(a.status).toBe("MISSED"); // exactly 90 is not "trên 90%"
      expect(a.latest).toEqual({ quarter: q(2025, 4), value: 90 });
      expect(a.final).toBe(true);
    });

    it("uses the latest value before Q4 when Q4 was never reported", () => {
      expect(assessProgress(input([60, 95], q(2026, 1))).status).toBe("ACHIEVED");
      expect(assessProgress(input([95, 60], q(2026, 1))).status).toBe("MISSED");
    });

    it("is INSUFFICIENT_DATA, and final, without any value up to Q4", () => {
      const late = { ...input([], q(2026, 2)), series: series(q(2026, 1), [95]) };
      expect(assessProgress(late)).toMatchObject({ status: "INSUFFICIENT_DATA", latest: null, final: true });
    });
  });

  it("is symmetric under reflection: negating values and flipping the comparator keeps status and r", () => {
    const flip: Record<Comparator, Comparator> = { GT: "LT", GTE: "LTE", EQ: "EQ", LTE: "GTE", LT: "GT" };
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -500, max: 500 }), { maxLength: 10 }),
        fc.integer({ min: -500, max: 500 }),
        fc.integer({ min: -500, max: 500 }),
        fc.constantFrom<Comparator>("GT", "GTE", "EQ", "LTE", "LT"),
        fc.integer({ min: 0, max: 12 }),
        (values, base, tgt, comparator, asOfOffset) => {
          const mk = (sign: 1 | -1, c: Comparator): ProgressInput => ({
            series: series(q(2024, 1), values.map((v) => sign * v)),
            baseline: { value: sign * base, date: utc("2023-12-31") },
            target: { comparator: c, value: sign * tgt, year: 2025 },
            asOf: addQuarters(q(2024, 1), asOfOffset),
          });
          const up = assessProgress(mk(1, comparator));
          const down = assessProgress(mk(-1, flip[comparator]));
          expect(down.status).toBe(up.status);
          expect(down.r).toBe(up.r);
          expect(down.final).toBe(up.final);
        },
      ),
    );
  });
});

describe("assessProgress: projections stay feasible (issue #14)", () => {
  it("clamps a rate to 100% before computing r: 'đạt 100%' is not projected at 130%", () => {
    // 60, 70, 80 in 2025-Q1..Q3: the line reaches 130 at the end of 2026.
    const input: ProgressInput = {
      series: series(q(2025, 1), [60, 70, 80]),
      baseline: { value: 20, date: END_2024 },
      target: { comparator: "EQ", value: 100, year: 2026 },
      asOf: q(2025, 3),
    };
    expect(assessProgress(input).projection).toBeCloseTo(130, 9); // unbounded, as before
    const a = assessProgress({ ...input, range: feasibleRange("RATIO") });
    expect(a.projection).toBe(100);
    expect(a.r).toBe(1); // (100 − 20) / (100 − 20), not 110 / 80
    expect(a.status).toBe("ON_TRACK");
  });

  it("clamps a falling rate at 0%, which moves r and can move the status", () => {
    const input: ProgressInput = {
      series: series(q(2025, 1), [30, 20, 10]),
      baseline: { value: 40, date: END_2024 },
      target: { comparator: "GT", value: 90, year: 2026 },
      asOf: q(2025, 3),
    };
    expect(assessProgress(input).projection).toBeCloseTo(-40, 9);
    const a = assessProgress({ ...input, range: feasibleRange("RATIO") });
    expect(a.projection).toBe(0);
    expect(a.r).toBeCloseTo(-40 / 50, 12);
  });

  it("never projects a rank better than 1st, and only whole ranks", () => {
    const input = (values: number[]): ProgressInput => ({
      series: series(q(2025, 1), values),
      baseline: { value: 30, date: END_2024 },
      target: { comparator: "LTE", value: 10, year: 2026 },
      asOf: q(2025, 3),
      range: feasibleRange("RANK"),
    });
    const steep = assessProgress(input([20, 17, 14])); // the line reaches −1 at the end of 2026
    expect(steep.projection).toBe(1);
    expect(steep.r).toBeCloseTo((1 - 30) / (10 - 30), 12);
    const gentle = assessProgress(input([20, 18, 17])); // the line reaches 9.33…
    expect(gentle.projection).toBe(9);
    expect(Number.isInteger(gentle.projection)).toBe(true);
    expect(gentle.r).toBeCloseTo((9 - 30) / (10 - 30), 12);
  });

  it("projects a count as a whole number of things, never below none", () => {
    const input = (values: number[]): ProgressInput => ({
      series: series(q(2025, 1), values),
      baseline: { value: 300, date: END_2024 },
      target: { comparator: "GT", value: 3000, year: 2030 },
      asOf: q(2025, 3),
      range: feasibleRange("COUNT"),
    });
    const rising = assessProgress(input([400, 433, 466.2]));
    expect(Number.isInteger(rising.projection)).toBe(true);
    expect(rising.projection).toBe(Math.round(leastSquaresProjection(series(q(2025, 1), [400, 433, 466.2]), targetDueTime(2030))!.value));
    expect(assessProgress(input([300, 200, 100])).projection).toBe(0);
  });

  it("keeps a change against the baseline at or above −100% (a count cannot fall below zero)", () => {
    const a = assessProgress({
      series: series(q(2025, 1), [-20, -50, -80]),
      baseline: { value: 0, date: END_2024 },
      target: { comparator: "LTE", value: -30, year: 2026 },
      asOf: q(2025, 3),
      range: feasibleRange("CHANGE_VS_BASELINE"),
    });
    expect(a.projection).toBe(-100);
  });
});

describe("assessProgress: goals that can no longer be assessed (issue #14)", () => {
  const DISTRICTS_LAST_DAY = utc("2025-06-30");
  /** District dossiers, rising fast until the districts were abolished: 2024-Q1..2025-Q2. */
  const district = (values: number[], target: { comparator: Comparator; value: number; year: number }, asOf: Quarter): ProgressInput => ({
    series: series(q(2024, 1), values),
    baseline: { value: 40, date: utc("2023-12-31") },
    target,
    asOf,
    range: feasibleRange("RATIO"),
    levelLastDay: DISTRICTS_LAST_DAY,
  });
  const rising = [60, 66, 72, 76, 80, 83.5];

  it("stops assessing a goal whose level ended before it was due: no status, projection or required gain", () => {
    const a = assessProgress(district(rising, { comparator: "GT", value: 90, year: 2030 }, q(2026, 4)));
    expect(a).toMatchObject({
      status: "NO_LONGER_ASSESSABLE",
      unassessable: { kind: "LEVEL_ENDED", lastDay: DISTRICTS_LAST_DAY },
      latest: { quarter: q(2025, 2), value: 83.5 },
      projection: null,
      r: null,
      requiredQuarterlyGain: null,
      final: true,
    });
  });

  it("needs the level's end, not only the age of the figures: two quarters after the districts ended", () => {
    const input = district(rising, { comparator: "GT", value: 90, year: 2030 }, q(2025, 4));
    expect(assessProgress(input)).toMatchObject({ status: "NO_LONGER_ASSESSABLE", unassessable: { kind: "LEVEL_ENDED" } });
    // Unaware of the reform, the same figures read "on track", with a trend carried to 2030.
    const { levelLastDay: _ended, ...unaware } = input;
    expect(assessProgress(unaware)).toMatchObject({ status: "ON_TRACK", projection: 100, unassessable: null });
  });

  it("assesses the goal as usual up to the level's last quarter", () => {
    const a = assessProgress(district(rising, { comparator: "GT", value: 90, year: 2030 }, q(2025, 2)));
    expect(a.status).toBe("ON_TRACK");
    expect(a.unassessable).toBeNull();
    expect(a.projection).toBe(100); // clamped
  });

  it("keeps Achieved when the level's last figure met the goal: no figure can come to undo it", () => {
    const a = assessProgress(district(rising, { comparator: "GT", value: 80, year: 2025 }, q(2026, 4)));
    expect(a).toMatchObject({ status: "ACHIEVED", final: true, unassessable: null, levelEnded: DISTRICTS_LAST_DAY, latest: { quarter: q(2025, 2), value: 83.5 } });
  });

  it("says No longer assessable, not Missed, when the level ended during the goal year below the goal", () => {
    const a = assessProgress(district([60, 62, 64, 66, 70, 75], { comparator: "GT", value: 80, year: 2025 }, q(2026, 4)));
    expect(a.status).toBe("NO_LONGER_ASSESSABLE");
    expect(a.unassessable).toEqual({ kind: "LEVEL_ENDED", lastDay: DISTRICTS_LAST_DAY });
  });

  it("leaves a goal due before the level ended to its usual final verdict", () => {
    const a = assessProgress(district([60, 66, 72, 76], { comparator: "GT", value: 90, year: 2024 }, q(2026, 4)));
    expect(a.status).toBe("MISSED");
    expect(a.unassessable).toBeNull();
    expect(a.levelEnded).toBeNull();
  });

  it("is No longer assessable when the latest figure is more than MAX_FIGURE_AGE_QUARTERS older than the quarter assessed", () => {
    const input = (asOf: Quarter): ProgressInput => ({
      series: series(q(2024, 1), [50, 55, 60, 65]), // last figure 2024-Q4
      baseline: { value: 40, date: utc("2023-12-31") },
      target: { comparator: "GT", value: 90, year: 2030 },
      asOf,
    });
    const justInTime = assessProgress(input(addQuarters(q(2024, 4), MAX_FIGURE_AGE_QUARTERS)));
    expect(justInTime.status).toBe("ON_TRACK");
    const tooOld = addQuarters(q(2024, 4), MAX_FIGURE_AGE_QUARTERS + 1);
    const a = assessProgress(input(tooOld));
    expect(a).toMatchObject({
      status: "NO_LONGER_ASSESSABLE",
      unassessable: { kind: "STALE", reference: tooOld, quartersOld: MAX_FIGURE_AGE_QUARTERS + 1 },
      latest: { quarter: q(2024, 4), value: 65 },
      projection: null,
      r: null,
      requiredQuarterlyGain: null,
      final: false,
    });
  });

  it("measures a final verdict's figure against Q4 of the goal year, not against today", () => {
    const input = (from: Quarter, values: number[]): ProgressInput => ({
      series: series(from, values),
      baseline: { value: 20, date: END_2024 },
      target: { comparator: "GT", value: 90, year: 2025 },
      asOf: q(2027, 4),
    });
    // Judged on 2025-Q4, eight quarters ago: still the verdict.
    expect(assessProgress(input(q(2025, 1), [60, 70, 80, 92])).status).toBe("ACHIEVED");
    // The latest figure up to 2025-Q4 is from 2024-Q3, five quarters before the end of the goal year.
    const stale = assessProgress(input(addQuarters(q(2025, 4), -MAX_FIGURE_AGE_QUARTERS - 1), [95]));
    expect(stale).toMatchObject({ status: "NO_LONGER_ASSESSABLE", final: true, unassessable: { kind: "STALE", reference: q(2025, 4) } });
    expect(assessProgress(input(addQuarters(q(2025, 4), -MAX_FIGURE_AGE_QUARTERS), [95])).status).toBe("ACHIEVED");
  });
});

describe("quartersLeftInTargetYear", () => {
  it("counts quarters after `from` up to Q4 of the year, never negative", () => {
    expect(quartersLeftInTargetYear(q(2025, 3), 2026)).toBe(5);
    expect(quartersLeftInTargetYear(q(2025, 4), 2025)).toBe(0);
    expect(quartersLeftInTargetYear(q(2026, 2), 2025)).toBe(0);
  });
});

describe("changeVsBaseline", () => {
  it("is the percent change", () => {
    expect(changeVsBaseline(150, 100)).toBe(50);
    expect(changeVsBaseline(100, 100)).toBe(0);
    expect(changeVsBaseline(0, 40)).toBe(-100);
  });

  it("is null for a zero or non-finite baseline", () => {
    expect(changeVsBaseline(5, 0)).toBeNull();
    expect(changeVsBaseline(5, Number.NaN)).toBeNull();
    expect(changeVsBaseline(Number.NaN, 5)).toBeNull();
  });

  it("keeps 'up is positive' for a negative baseline", () => {
    expect(changeVsBaseline(-5, -10)).toBe(50);
  });
});

describe("STATUS_LABELS", () => {
  it.each<[ProgressStatus, string, string]>([
    ["ACHIEVED", "Đã đạt", "Achieved"],
    ["ON_TRACK", "Đúng tiến độ", "On track"],
    ["NEEDS_ACCELERATION", "Cần tăng tốc", "Needs acceleration"],
    ["OFF_TRACK", "Chậm tiến độ", "Off track"],
    ["REGRESSING", "Đang đi lùi", "Regressing"],
    ["INSUFFICIENT_DATA", "Chưa đủ dữ liệu", "Insufficient data"],
    ["MISSED", "Không đạt", "Missed"],
    ["NO_LONGER_ASSESSABLE", "Không còn đánh giá được", "No longer assessable"],
  ])("%s → %s / %s", (status, vi, en) => {
    expect(STATUS_LABELS[status]).toEqual({ vi, en });
    expect(statusLabel(status, "vi")).toBe(vi);
    expect(statusLabel(status, "en")).toBe(en);
  });

  it("labels exactly the eight statuses, the ones PROGRESS_STATUSES lists", () => {
    expect(Object.keys(STATUS_LABELS)).toHaveLength(8);
    expect([...PROGRESS_STATUSES].sort()).toEqual(Object.keys(STATUS_LABELS).sort());
  });
});

describe("judgedPoints", () => {
  it("keeps the points without figures awaiting approval, in order", () => {
    const points = [{ q: 1 }, { q: 2, pending: 0 }, { q: 3, pending: 2 }, { q: 4 }];
    expect(judgedPoints(points).map((p) => p.q)).toEqual([1, 2, 4]);
  });

  it(`leaves out a rolled-up value under ${MIN_COVERAGE * 100}% coverage (47 of 92 communes), keeps one at it, and one of unknown coverage`, () => {
    const points = [
      { q: 1, reported: 92, expected: 92 },
      { q: 2, reported: 47, expected: 92 },
      { q: 3, reported: 80, expected: 100 },
      { q: 4, reported: 79, expected: 100 },
      { q: 5, reported: 1, expected: null },
    ];
    expect(judgedPoints(points).map((p) => p.q)).toEqual([1, 3, 5]);
    expect(unjudgedReason(points[1]!)).toBe("LOW_COVERAGE");
    expect(coverageOf(points[1]!)).toBeCloseTo(47 / 92, 12);
    expect(unjudgedReason({ pending: 1, reported: 92, expected: 92 })).toBe("PENDING");
  });
});
