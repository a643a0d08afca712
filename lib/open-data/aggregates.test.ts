import { describe, expect, it } from "vitest";
import { quarterRow, yearlyRows, type QuarterSum } from "./aggregates";

const sum = (quarter: number, fields: Partial<QuarterSum>): QuarterSum => ({
  indicator_code: "R",
  kind: "RATIO",
  sector_code: null,
  year: 2024,
  quarter,
  area_code: "19",
  area_valid_from: "2019-01-01",
  area_name: "Tỉnh Thái Nguyên",
  area_level: "PROVINCE",
  numerator: null,
  denominator: null,
  value: null,
  reported: 10,
  expected: 10,
  is_demo: false,
  ...fields,
});

describe("open-data aggregates (issue #14, item 12)", () => {
  it("a quarter's rate is Σnum/Σden in percent, with its coverage and whether it may be judged", () => {
    expect(quarterRow(sum(1, { numerator: 45, denominator: 60, reported: 7, expected: 10 }))).toMatchObject({
      period: "2024-Q1",
      value: 75,
      coverage: 0.7,
      meets_min_coverage: false,
      quarters: 1,
      complete: true,
    });
    expect(quarterRow(sum(1, { kind: "COUNT", value: 598, numerator: null, reported: 1, expected: 1 }))).toMatchObject({ value: 598, numerator: null, coverage: 1, meets_min_coverage: true });
  });

  it("a year's rate is Σnum/Σden of its quarters, not the mean of their rates; coverage is the weakest quarter's", () => {
    const [year] = yearlyRows([
      sum(1, { numerator: 90, denominator: 100 }),
      sum(2, { numerator: 900, denominator: 1000, reported: 6 }),
      sum(3, { numerator: 960, denominator: 1000 }),
      sum(4, { numerator: 99, denominator: 100 }),
    ]);
    expect(year).toMatchObject({ period: "2024", quarter: null, numerator: 2049, denominator: 2200, quarters: 4, complete: true, reported: 6, coverage: 0.6, meets_min_coverage: false });
    expect(year!.value).toBeCloseTo(93.136364, 5);
  });

  it("a year of a count is its last quarter; an incomplete year says so; territories stay apart", () => {
    const rows = yearlyRows([
      sum(1, { kind: "COUNT", value: 548 }),
      sum(2, { kind: "COUNT", value: 598 }),
      sum(3, { kind: "COUNT", value: 650, area_valid_from: "2025-07-01" }),
    ]);
    expect(rows.map((r) => [r.area_valid_from, r.value, r.last_quarter, r.quarters, r.complete])).toEqual([
      ["2019-01-01", 598, "2024-Q2", 2, false],
      ["2025-07-01", 650, "2024-Q3", 1, false],
    ]);
  });
});
