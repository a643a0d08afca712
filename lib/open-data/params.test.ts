import { describe, expect, it } from "vitest";
import { encodeCursor, ParameterError, parseParams } from "./params";

const q = (s: string) => new URLSearchParams(s);
function refusal(fn: () => unknown): ParameterError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ParameterError) return e;
    throw e;
  }
  throw new Error("expected a ParameterError");
}

describe("parseParams", () => {
  it("reads filters, lists (comma or repeated), defaults and cursors", () => {
    const p = parseParams("figures", q("indicator=A,B&indicator=C&level=commune&from=2025-q1&to=2026-Q4&limit=10&format=csv"));
    expect(p).toMatchObject({ endpoint: "figures", indicator: ["A", "B", "C"], level: "COMMUNE", from: { year: 2025, quarter: 1 }, to: { year: 2026, quarter: 4 }, limit: 10, format: "csv", after: 0 });
    expect(parseParams("units", q(""))).toMatchObject({ limit: 100, format: "json", code: null, level: null, validOn: null });
    expect(parseParams("figures", q(`cursor=${encodeCursor("figures", 42)}`)).after).toBe(42);
  });

  it("names the parameter at fault, in both languages", () => {
    const cases: [string, string, string][] = [
      ["figures", "limit=1001", "limit"],
      ["figures", "limit=-1", "limit"],
      ["figures", "limit=1&limit=2", "limit"],
      ["figures", "unit=abc", "unit"],
      ["figures", "to=2025", "to"],
      ["figures", "status=APPROVED", "status"],
      ["indicators", "level=COMMUNE", "level"],
      ["units", "valid_on=01/07/2025", "valid_on"],
      ["targets", "include_superseded=yes", "include_superseded"],
      ["figures", `cursor=${encodeCursor("units", 3)}`, "cursor"],
      ["figures", "cursor=!!", "cursor"],
    ];
    for (const [endpoint, query, name] of cases) {
      const e = refusal(() => parseParams(endpoint as "figures", q(query)));
      expect(e.parameter, query).toBe(name);
      expect(e.vi).toContain(`“${name}”`);
      expect(e.en).toContain(`“${name}”`);
    }
  });

  it("as_of: a day is its end in Vietnam; a timestamp needs its zone (issue #14, item 12)", () => {
    const day = parseParams("figures", q("as_of=2026-10-01"));
    expect(day.endpoint === "figures" && day.asOf?.toISOString()).toBe("2026-10-01T16:59:59.999Z");
    const at = parseParams("figures", q("as_of=2026-10-01T08:00:00%2B07:00"));
    expect(at.endpoint === "figures" && at.asOf?.toISOString()).toBe("2026-10-01T01:00:00.000Z");
    expect(parseParams("figures", q("")).endpoint === "figures" && (parseParams("figures", q("")) as { asOf: Date | null }).asOf).toBeNull();
    for (const bad of ["2026-13-01", "2026-10-01T08:00:00", "yesterday", "2026-10-01T25:00:00Z"]) {
      expect(refusal(() => parseParams("figures", q(`as_of=${encodeURIComponent(bad)}`))).parameter, bad).toBe("as_of");
    }
    expect(refusal(() => parseParams("targets", q("as_of=2026-10-01"))).parameter).toBe("as_of");
  });

  it("aggregates: area, sector, year and quarter filters; quarter only by quarter; no commune level (issue #14, item 12)", () => {
    expect(parseParams("aggregates", q("indicator=EDOSSIER_RATE&level=district&unit=164,165&sector=INDUSTRY&year=2024&quarter=2"))).toMatchObject({
      endpoint: "aggregates",
      indicator: ["EDOSSIER_RATE"],
      level: "DISTRICT",
      unit: ["164", "165"],
      sector: ["INDUSTRY"],
      year: 2024,
      quarter: 2,
      period: "quarter",
    });
    expect(parseParams("aggregates", q("period=year"))).toMatchObject({ period: "year", quarter: null, unit: null, sector: null, level: null, year: null });
    for (const [query, name] of [
      ["quarter=5", "quarter"],
      ["quarter=Q2", "quarter"],
      ["quarter=2&period=year", "quarter"],
      ["period=month", "period"],
      ["level=COMMUNE", "level"],
      ["unit=19a", "unit"],
      ["from=2025-Q1", "from"],
      ["as_of=2026-10-01", "as_of"],
    ]) {
      const e = refusal(() => parseParams("aggregates", q(query!)));
      expect(e.parameter, query).toBe(name);
      expect(e.vi, query).toContain(`“${name}”`);
      expect(e.en, query).toContain(`“${name}”`);
    }
  });
});
