import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addQuarters, type Quarter } from "@/lib/period/quarter";
import { detectOutliers, OUTLIER_THRESHOLDS, type HistoryPoint } from "./outliers";

const Q3_2026: Quarter = { year: 2026, quarter: 3 };

/** Values for the quarters just before `q`, oldest first. */
function series(values: number[], q: Quarter = Q3_2026): HistoryPoint[] {
  return values.map((value, i) => ({ quarter: addQuarters(q, i - values.length), value }));
}

function sampleSd(values: number[]): { mean: number; sd: number } {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
  return { mean, sd };
}

describe("thresholds", () => {
  it("are the documented ones, in one place", () => {
    expect(OUTLIER_THRESHOLDS).toMatchObject({ stdDevs: 3, historyLength: 8, minHistory: 4, rateFallPoints: 10 });
  });
});

describe("deviation from the unit's history", () => {
  const history = [100, 104, 98, 102, 101, 99, 103, 97];
  const { mean, sd } = sampleSd(history);

  it("does not flag an ordinary value", () => {
    expect(detectOutliers({ quarter: Q3_2026, value: 103, isRate: false, history: series(history) })).toEqual([]);
  });

  it("flags a jump of more than 3 sample standard deviations, upward, in Vietnamese", () => {
    const flags = detectOutliers({ quarter: Q3_2026, value: mean + 3.2 * sd, isRate: false, history: series(history) });
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ rule: "DEVIATION", direction: "UP" });
    expect(flags[0]!.message).toMatch(/^Tăng bất thường: 108,34 so với trung bình 100,5 của 8 quý trước \(lệch 3,2 lần độ lệch chuẩn; ngưỡng 3\)\.$/);
  });

  it("flags a fall of more than 3 standard deviations as 'Giảm bất thường'", () => {
    const flags = detectOutliers({ quarter: Q3_2026, value: mean - 5 * sd, isRate: false, history: series(history) });
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ rule: "DEVIATION", direction: "DOWN" });
    expect(flags[0]!.message).toMatch(/^Giảm bất thường: /);
  });

  it("is strict: exactly 3 standard deviations is not flagged, a little more is", () => {
    expect(detectOutliers({ quarter: Q3_2026, value: mean + 3 * sd, isRate: false, history: series(history) })).toEqual([]);
    expect(detectOutliers({ quarter: Q3_2026, value: mean - 3 * sd, isRate: false, history: series(history) })).toEqual([]);
    expect(detectOutliers({ quarter: Q3_2026, value: mean + 3.01 * sd, isRate: false, history: series(history) })).toHaveLength(1);
  });

  it("uses the sample (n − 1) standard deviation, not the population one", () => {
    // Population sd is smaller: 3.1 population deviations is under 3 sample deviations.
    const pop = Math.sqrt(history.reduce((s, v) => s + (v - mean) ** 2, 0) / history.length);
    expect(3.1 * pop).toBeLessThan(3 * sd);
    expect(detectOutliers({ quarter: Q3_2026, value: mean + 3.1 * pop, isRate: false, history: series(history) })).toEqual([]);
  });

  it("needs at least 4 previous values", () => {
    const three = [100, 101, 100];
    expect(detectOutliers({ quarter: Q3_2026, value: 10_000, isRate: false, history: series(three) })).toEqual([]);
    const four = [100, 101, 100, 101];
    expect(detectOutliers({ quarter: Q3_2026, value: 10_000, isRate: false, history: series(four) })).toHaveLength(1);
  });

  it("uses only the 8 most recent previous quarters", () => {
    // Old wild values (before the last 8 quarters) would widen the deviation enough to hide the jump.
    const old = [0, 1000, 0, 1000];
    const recent = [100, 101, 100, 101, 100, 101, 100, 101];
    const flags = detectOutliers({ quarter: Q3_2026, value: 120, isRate: false, history: series([...old, ...recent]) });
    expect(flags).toHaveLength(1);
    expect(flags[0]!.message).toContain("của 8 quý trước");
    // With them counted it would not be flagged: proves the window matters.
    expect(detectOutliers({ quarter: Q3_2026, value: 120, isRate: false, history: series([...old, ...recent]) }, { ...OUTLIER_THRESHOLDS, historyLength: 12 })).toEqual([]);
  });

  it("says how many quarters it compared with when fewer than 8 exist", () => {
    const flags = detectOutliers({ quarter: Q3_2026, value: 200, isRate: false, history: series([100, 101, 100, 101, 100]) });
    expect(flags[0]!.message).toContain("của 5 quý trước");
  });

  it("ignores the figure's own quarter and later quarters, whatever the order given", () => {
    const history = [...series([100, 101, 100, 101])].reverse();
    const withLater: HistoryPoint[] = [
      ...history,
      { quarter: Q3_2026, value: 5000 },
      { quarter: addQuarters(Q3_2026, 1), value: 5000 },
    ];
    expect(detectOutliers({ quarter: Q3_2026, value: 101, isRate: false, history: withLater })).toEqual([]);
    expect(detectOutliers({ quarter: Q3_2026, value: 5000, isRate: false, history: withLater })).toHaveLength(1);
  });

  it("skips non-finite history values and counts a quarter once", () => {
    const h: HistoryPoint[] = [...series([100, 101, 100]), { quarter: addQuarters(Q3_2026, -5), value: Number.NaN }];
    expect(detectOutliers({ quarter: Q3_2026, value: 10_000, isRate: false, history: h })).toEqual([]);
    const dup = [...series([100, 101, 100]), ...series([100, 101, 100])];
    expect(detectOutliers({ quarter: Q3_2026, value: 10_000, isRate: false, history: dup })).toEqual([]);
  });

  it("returns nothing for a value that is not a number", () => {
    expect(detectOutliers({ quarter: Q3_2026, value: Number.NaN, isRate: false, history: series(history) })).toEqual([]);
    expect(detectOutliers({ quarter: Q3_2026, value: Infinity, isRate: true, history: series(history) })).toEqual([]);
  });

  it("guards a flat history (standard deviation 0) without dividing by zero", () => {
    const flat = [13, 13, 13, 13];
    expect(detectOutliers({ quarter: Q3_2026, value: 13, isRate: false, history: series(flat) })).toEqual([]);
    // The floor is 1% of the mean: 13 ± 0.39 is within 3 floors, 9 is far outside.
    expect(detectOutliers({ quarter: Q3_2026, value: 13.3, isRate: false, history: series(flat) })).toEqual([]);
    const flags = detectOutliers({ quarter: Q3_2026, value: 9, isRate: false, history: series(flat) });
    expect(flags).toHaveLength(1);
    expect(flags[0]!.message).toMatch(/^Giảm bất thường: 9 so với trung bình 13 của 4 quý trước/);
    for (const f of flags) expect(f.message).not.toMatch(/NaN|Infinity|∞/);
  });

  it("flags any value after a history of zeros, and not another zero", () => {
    const zeros = [0, 0, 0, 0, 0];
    expect(detectOutliers({ quarter: Q3_2026, value: 0, isRate: false, history: series(zeros) })).toEqual([]);
    const flags = detectOutliers({ quarter: Q3_2026, value: 4, isRate: false, history: series(zeros) });
    expect(flags).toEqual([{ rule: "DEVIATION", direction: "UP", message: "Tăng bất thường: 4 trong khi 5 quý trước đều là 0." }]);
  });

  it("formats rates as percentages in the message", () => {
    const flags = detectOutliers({ quarter: Q3_2026, value: 99.5, isRate: true, history: series([80, 80.5, 81, 80.2, 80.7]) });
    expect(flags.find((f) => f.rule === "DEVIATION")!.message).toMatch(/^Tăng bất thường: 99,50% so với trung bình 80,48% của 5 quý trước/);
  });

  it("never flags the mean itself, whatever the history (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 4, maxLength: 12 }), (values) => {
        const recent = values.slice(-8);
        const m = recent.reduce((s, v) => s + v, 0) / recent.length;
        const flags = detectOutliers({ quarter: Q3_2026, value: m, isRate: false, history: series(values) });
        return flags.every((f) => f.rule !== "DEVIATION");
      }),
    );
  });

  it("is unchanged by scaling every value (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 4, maxLength: 8 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 2, max: 50 }),
        (values, value, k) => {
          const a = detectOutliers({ quarter: Q3_2026, value, isRate: false, history: series(values) });
          const b = detectOutliers({ quarter: Q3_2026, value: value * k, isRate: false, history: series(values.map((v) => v * k)) });
          return a.length === b.length && a.every((f, i) => f.direction === b[i]!.direction);
        },
      ),
    );
  });
});

describe("fall of a rate against the previous quarter", () => {
  it("flags a fall of more than 10 percentage points, with the points in Vietnamese", () => {
    const flags = detectOutliers({ quarter: Q3_2026, value: 77.5, isRate: true, history: series([90]) });
    expect(flags).toEqual([
      {
        rule: "RATE_FALL",
        direction: "DOWN",
        message: "Tỷ lệ giảm mạnh: 12,50 điểm % so với quý trước (từ 90,00% xuống 77,50%).",
      },
    ]);
  });

  it("is strict: a fall of exactly 10 points is not flagged, even through float noise", () => {
    // 11/20·100 − 9/20·100 is 10.000000000000007 in floating point: exactly 10 points, not more.
    expect((11 / 20) * 100 - (9 / 20) * 100).toBeGreaterThan(10);
    expect(detectOutliers({ quarter: Q3_2026, value: (9 / 20) * 100, isRate: true, history: series([(11 / 20) * 100]) })).toEqual([]);
    expect(detectOutliers({ quarter: Q3_2026, value: 79.99, isRate: true, history: series([90]) })).toHaveLength(1);
  });

  it("does not flag a rise, however large", () => {
    expect(detectOutliers({ quarter: Q3_2026, value: 95, isRate: true, history: series([40]) })).toEqual([]);
  });

  it("compares with the immediately previous quarter only, not an older one", () => {
    const gap: HistoryPoint[] = [{ quarter: addQuarters(Q3_2026, -2), value: 90 }];
    expect(detectOutliers({ quarter: Q3_2026, value: 50, isRate: true, history: gap })).toEqual([]);
  });

  it("applies to rates only", () => {
    expect(detectOutliers({ quarter: Q3_2026, value: 50, isRate: false, history: series([90]) })).toEqual([]);
  });

  it("compares across a year boundary (Quý I against Quý IV of the year before)", () => {
    const q1: Quarter = { year: 2026, quarter: 1 };
    const flags = detectOutliers({ quarter: q1, value: 60, isRate: true, history: [{ quarter: { year: 2025, quarter: 4 }, value: 75 }] });
    expect(flags.map((f) => f.rule)).toEqual(["RATE_FALL"]);
  });

  it("can raise both flags at once: deviation first, then the fall", () => {
    const flags = detectOutliers({ quarter: Q3_2026, value: 60, isRate: true, history: series([90, 90.5, 91, 90.2, 90.8]) });
    expect(flags.map((f) => f.rule)).toEqual(["DEVIATION", "RATE_FALL"]);
    expect(flags[0]!.message).toMatch(/^Giảm bất thường: 60,00%/);
    expect(flags[1]!.message).toBe("Tỷ lệ giảm mạnh: 30,80 điểm % so với quý trước (từ 90,80% xuống 60,00%).");
  });
});
