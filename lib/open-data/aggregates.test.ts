import { describe, expect, it } from "vitest";
import { aggregateRows, ALL_AGGREGATES, quarterRow, yearlyMethod, yearlyRows, type AggregateQuery, type QuarterSum } from "./aggregates";

const sum = (quarter: number, fields: Partial<QuarterSum>): QuarterSum => ({
  indicator_code: "R",
  kind: "RATIO",
  period_basis: "QUARTER",
  sector_code: null,
  year: 2024,
  quarter,
  area_code: "19",
  area_valid_from: "2019-01-01",
  area_valid_to: "2025-06-30",
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

describe("open-data aggregates (issue #14, item 12; ADR 028)", () => {
  it("a quarter's rate is Σnum/Σden in percent, with its coverage and whether it may be judged", () => {
    expect(quarterRow(sum(1, { numerator: 45, denominator: 60, reported: 7, expected: 10 }))).toMatchObject({
      period: "2024-Q1",
      value: 75,
      coverage: 0.7,
      meets_min_coverage: false,
      quarters: 1,
      last_quarter: "2024-Q1",
      complete: true,
      area_valid_to: "2025-06-30",
    });
    // 8 of 10 is the minimum itself: judged.
    expect(quarterRow(sum(1, { numerator: 1, denominator: 2, reported: 8, expected: 10 })).meets_min_coverage).toBe(true);
    expect(quarterRow(sum(1, { kind: "COUNT", value: 598, numerator: 3, reported: 1, expected: 1 }))).toMatchObject({ value: 598, numerator: null, denominator: null, coverage: 1, meets_min_coverage: true });
    // Nothing expected (no unit at the indicator's level that day): no coverage, nothing to flag.
    expect(quarterRow(sum(1, { numerator: 1, denominator: 2, reported: 1, expected: 0 }))).toMatchObject({ coverage: null, meets_min_coverage: true });
  });

  it("only what happened within each quarter adds up into a year", () => {
    expect(yearlyMethod("RATIO", "QUARTER")).toBe("SUM");
    expect(yearlyMethod("COUNT", "QUARTER")).toBe("SUM");
    for (const basis of ["QUARTER_END", "YEAR_TO_DATE"] as const) {
      for (const kind of ["RATIO", "COUNT", "CHANGE_VS_BASELINE", "RANK"] as const) expect(yearlyMethod(kind, basis), `${kind} ${basis}`).toBe("LAST");
    }
    // A rank is never summed, and a change's value is a level compared with a baseline.
    expect(yearlyMethod("RANK", "QUARTER")).toBe("LAST");
    expect(yearlyMethod("CHANGE_VS_BASELINE", "QUARTER")).toBe("LAST");
  });

  it("a flow's yearly rate is Σnum/Σden of its quarters, not the mean of their rates; coverage is the weakest quarter's", () => {
    const quarters = [
      sum(1, { numerator: 90, denominator: 100 }),
      sum(2, { numerator: 900, denominator: 1000, reported: 6 }),
      sum(3, { numerator: 960, denominator: 1000 }),
      sum(4, { numerator: 99, denominator: 100 }),
    ];
    const [year] = yearlyRows(quarters);
    expect(year).toMatchObject({ period: "2024", quarter: null, numerator: 2049, denominator: 2200, quarters: 4, last_quarter: "2024-Q4", complete: true, reported: 6, expected: 10, coverage: 0.6, meets_min_coverage: false });
    // 2049 / 2200 = 93,136364 %; the mean of 90, 90, 96 and 99 % would be 93,75 %.
    expect(year!.value).toBe(93.136364);
    expect(quarters.reduce((t, q) => t + quarterRow(q).value!, 0) / 4).toBe(93.75);
    // Three quarters: the sum of three, not complete.
    expect(yearlyRows(quarters.slice(0, 3))[0]).toMatchObject({ numerator: 1950, denominator: 2100, quarters: 3, last_quarter: "2024-Q3", complete: false });
  });

  it("a flow count adds its quarters up", () => {
    const [year] = yearlyRows([sum(1, { kind: "COUNT", value: 10 }), sum(2, { kind: "COUNT", value: 12.5 }), sum(4, { kind: "COUNT", value: 7 })]);
    expect(year).toMatchObject({ value: 29.5, numerator: null, quarters: 3, last_quarter: "2024-Q4", complete: false });
  });

  it("a state on the last day is its last published quarter, with that quarter's coverage, even for a rate", () => {
    const stock = { period_basis: "QUARTER_END" as const };
    const [year] = yearlyRows([
      sum(1, { ...stock, numerator: 10, denominator: 100, reported: 2 }),
      sum(2, { ...stock, numerator: 20, denominator: 100 }),
      sum(3, { ...stock, numerator: 30, denominator: 100 }),
      sum(4, { ...stock, numerator: 40, denominator: 100, reported: 9 }),
    ]);
    // Q4's 40 / 100, not (10 + 20 + 30 + 40) / 400 = 25 %; Q4's 9 of 10 units, not Q1's 2 of 10.
    expect(year).toMatchObject({ value: 40, numerator: 40, denominator: 100, quarters: 4, last_quarter: "2024-Q4", complete: true, reported: 9, coverage: 0.9, meets_min_coverage: true });
    // Without Q4 the year is its Q3, and says it is not complete.
    const [partial] = yearlyRows([sum(2, { ...stock, numerator: 20, denominator: 100 }), sum(3, { ...stock, numerator: 30, denominator: 100, reported: 5 })]);
    expect(partial).toMatchObject({ value: 30, quarters: 2, last_quarter: "2024-Q3", complete: false, coverage: 0.5, meets_min_coverage: false });
  });

  it("a year-to-date share is its Q4, never a sum of the cumulated quarters", () => {
    const ytd = { period_basis: "YEAR_TO_DATE" as const };
    const [year] = yearlyRows([
      sum(1, { ...ytd, numerator: 1_000, denominator: 20_000 }),
      sum(2, { ...ytd, numerator: 2_100, denominator: 41_000 }),
      sum(3, { ...ytd, numerator: 3_300, denominator: 63_000 }),
      sum(4, { ...ytd, numerator: 4_600, denominator: 86_000 }),
    ]);
    expect(year).toMatchObject({ numerator: 4_600, denominator: 86_000, last_quarter: "2024-Q4", complete: true });
    expect(year!.value).toBe(5.348837);
  });

  it("a count of a state and a rank are their last quarter; an incomplete year says so; territories stay apart", () => {
    const rows = yearlyRows([
      sum(1, { kind: "COUNT", period_basis: "QUARTER_END", value: 548 }),
      sum(2, { kind: "COUNT", period_basis: "QUARTER_END", value: 598 }),
      sum(3, { kind: "COUNT", period_basis: "QUARTER_END", value: 650, area_valid_from: "2025-07-01", area_valid_to: null }),
    ]);
    expect(rows.map((r) => [r.area_valid_from, r.area_valid_to, r.value, r.last_quarter, r.quarters, r.complete])).toEqual([
      ["2019-01-01", "2025-06-30", 598, "2024-Q2", 2, false],
      ["2025-07-01", null, 650, "2024-Q3", 1, false],
    ]);
    const [rank] = yearlyRows([sum(3, { kind: "RANK", period_basis: "QUARTER_END", value: 12, reported: 1, expected: 1 }), sum(4, { kind: "RANK", period_basis: "QUARTER_END", value: 9, reported: 1, expected: 1 })]);
    expect(rank).toMatchObject({ value: 9, numerator: null, last_quarter: "2024-Q4", complete: true, coverage: 1 });
  });

  it("a query filters by indicator, level, area, sector, year and quarter, and orders by period, area, indicator, sector", () => {
    const district = { area_code: "164", area_name: "Thành phố Thái Nguyên", area_level: "DISTRICT" as const, reported: 1, expected: 1 };
    const sums = [
      sum(2, { numerator: 1, denominator: 2 }),
      sum(1, { ...district, numerator: 1, denominator: 4 }),
      sum(1, { indicator_code: "S", sector_code: "INDUSTRY", numerator: 1, denominator: 5 }),
      sum(1, { indicator_code: "S", sector_code: "AGRICULTURE", numerator: 1, denominator: 5 }),
      sum(1, { numerator: 1, denominator: 3 }),
      sum(1, { year: 2023, numerator: 1, denominator: 3 }),
    ];
    const all: AggregateQuery = { ...ALL_AGGREGATES, period: "quarter" };
    const key = (q: Partial<AggregateQuery>) => aggregateRows(sums, { ...all, ...q }).map((r) => `${r.period} ${r.area_code} ${r.indicator_code} ${r.sector_code ?? "-"}`);
    expect(key({})).toEqual(["2023-Q1 19 R -", "2024-Q1 19 R -", "2024-Q1 19 S AGRICULTURE", "2024-Q1 19 S INDUSTRY", "2024-Q1 164 R -", "2024-Q2 19 R -"]);
    expect(key({ level: "DISTRICT" })).toEqual(["2024-Q1 164 R -"]);
    expect(key({ unit: ["164"] })).toEqual(["2024-Q1 164 R -"]);
    expect(key({ sector: ["INDUSTRY"] })).toEqual(["2024-Q1 19 S INDUSTRY"]);
    expect(key({ indicator: ["S"], year: 2024, quarter: 1 })).toEqual(["2024-Q1 19 S AGRICULTURE", "2024-Q1 19 S INDUSTRY"]);
    expect(key({ year: 2024, quarter: 2 })).toEqual(["2024-Q2 19 R -"]);
    expect(key({ year: 2024, level: "PROVINCE", indicator: ["R"], period: "year" })).toEqual(["2024 19 R -"]);
  });
});
