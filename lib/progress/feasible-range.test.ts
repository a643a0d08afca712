import { describe, expect, it } from "vitest";
import { clampToRange, feasibleRange, UNBOUNDED } from "./feasible-range";

describe("feasibleRange and clampToRange", () => {
  it("keeps a rate within 0–100%: 108,36% and 100,30% become 100%", () => {
    const ratio = feasibleRange("RATIO");
    expect(clampToRange(108.36, ratio)).toBe(100);
    expect(clampToRange(100.3, ratio)).toBe(100);
    expect(clampToRange(-3.2, ratio)).toBe(0);
    expect(clampToRange(76.505, ratio)).toBe(76.505); // inside: untouched, not rounded
  });

  it("makes a rank whole and at least 1st: 'hạng 1,214' is 1st", () => {
    const rank = feasibleRange("RANK");
    expect(clampToRange(1.214, rank)).toBe(1);
    expect(clampToRange(-4.7, rank)).toBe(1);
    expect(clampToRange(12.6, rank)).toBe(13);
  });

  it("makes a count whole and never negative: 1.140,94 enterprises are 1.141", () => {
    const count = feasibleRange("COUNT");
    expect(clampToRange(1140.94, count)).toBe(1141);
    expect(clampToRange(-12, count)).toBe(0);
    expect(Object.is(clampToRange(-0.4, count), 0)).toBe(true); // never "-0"
  });

  it("keeps the change of a count against its baseline at or above −100%", () => {
    const change = feasibleRange("CHANGE_VS_BASELINE");
    expect(clampToRange(-130, change)).toBe(-100);
    expect(clampToRange(51.339, change)).toBe(51.339);
  });

  it("leaves any value alone when unbounded", () => {
    expect(clampToRange(-1234.5, UNBOUNDED)).toBe(-1234.5);
    expect(clampToRange(1e9, UNBOUNDED)).toBe(1e9);
  });
});
