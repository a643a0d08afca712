import { describe, expect, it } from "vitest";
import { makeQuarter } from "@/lib/period/quarter";
import { expectedByLevel, expectedByUnit, quarterEnd, scopeKey, type ScopeMapping } from "./dashboard-scope";

const q = makeQuarter;

describe("quarterEnd", () => {
  it("is the last day of the quarter", () => {
    expect([q(2025, 1), q(2025, 2), q(2024, 1), q(2025, 4)].map(quarterEnd)).toEqual(["2025-03-31", "2025-06-30", "2024-03-31", "2025-12-31"]);
  });
});

describe("expectedByUnit", () => {
  // New commune 10 came from old communes 1 (whole) and 2 (partly, also into 11); 11 from 2 (partly) and 3.
  const old = { validFrom: "2019-01-01", validTo: "2025-06-30" };
  const map: ScopeMapping[] = [
    { to: 10, from: 10, partial: false, first: true, level: "COMMUNE", validFrom: "2025-07-01", validTo: null },
    { to: 10, from: 1, partial: false, first: true, level: "COMMUNE", ...old },
    { to: 10, from: 2, partial: true, first: true, level: "COMMUNE", ...old },
    { to: 11, from: 2, partial: true, first: false, level: "COMMUNE", ...old },
    { to: 11, from: 3, partial: false, first: true, level: "COMMUNE", ...old },
    { to: 11, from: 4, partial: false, first: true, level: "DISTRICT", ...old },
  ];
  const quarters = [q(2025, 2), q(2025, 3)];

  it("counts the units in force at each quarter's end, each reporting unit once in the total", () => {
    const byUnit = expectedByUnit(map, (l) => (l === "COMMUNE" ? 1 : 0), quarters);
    expect(byUnit.get(10)).toEqual([2, 1]); // Q2: old 1 and 2; Q3: itself
    expect(byUnit.get(11)).toEqual([2, 0]); // Q2: old 2 and 3 (the district is not counted); Q3: not yet in force
    expect(byUnit.get(null)).toEqual([3, 1]); // old 2 counted once although it went into both
  });

  it("weights each unit by the figures its level owes, and skips levels that owe none", () => {
    const byUnit = expectedByUnit(map, (l) => (l === "COMMUNE" ? 3 : 2), quarters);
    expect(byUnit.get(11)).toEqual([3 + 3 + 2, 0]);
    expect(byUnit.get(null)).toEqual([3 + 3 + 3 + 2, 3]);
  });

  it("takes a weight per quarter: an indicator retired from a quarter on is owed before it, not after", () => {
    // Two commune indicators in Q2, one left in Q3 (the other retired from Q3).
    const byUnit = expectedByUnit(map, (l, i) => (l === "COMMUNE" ? (i === 0 ? 2 : 1) : 0), quarters);
    expect(byUnit.get(10)).toEqual([2 + 2, 1]);
    expect(byUnit.get(null)).toEqual([2 + 2 + 2, 1]);
  });
});

describe("expectedByLevel", () => {
  it("sums the units of each level in force at each quarter's end", () => {
    const byLevel = expectedByLevel(
      [
        { level: "PROVINCE", validFrom: "2019-01-01", validTo: "2025-06-30", n: 2 },
        { level: "PROVINCE", validFrom: "2025-07-01", validTo: null, n: 1 },
        { level: "COMMUNE", validFrom: "2019-01-01", validTo: "2025-06-30", n: 172 },
        { level: "COMMUNE", validFrom: "2025-07-01", validTo: null, n: 92 },
      ],
      [q(2025, 2), q(2025, 3)],
    );
    expect(byLevel.get("PROVINCE")).toEqual([2, 1]);
    expect(byLevel.get("COMMUNE")).toEqual([172, 92]);
    expect(byLevel.get("DISTRICT")).toBeUndefined();
  });
});

describe("scopeKey", () => {
  it("names everything that shapes a scope, and the order of unit ids does not matter", () => {
    const base = { provinceCode: "19", boundary: "2025-07-01", level: "COMMUNE" as const };
    expect(scopeKey({ ...base, unitIds: [3, 1] })).toBe(scopeKey({ ...base, unitIds: [1, 3] }));
    const keys = [
      scopeKey(base),
      scopeKey({ ...base, withProvince: true }),
      scopeKey({ ...base, parentId: 7 }),
      scopeKey({ ...base, unitIds: [1] }),
      scopeKey({ ...base, boundary: "2025-06-30" }),
      scopeKey({ ...base, level: "DISTRICT" }),
      scopeKey({ ...base, provinceCode: "20" }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});
