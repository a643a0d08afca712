/**
 * /api/v1/aggregates and the aggregate downloads (issue #14, item 12; ADR 028)
 * against numbers worked out by hand on the small fixture of
 * dashboard-fixtures.ts (province 99 and its districts 991, 992; province 98
 * merged into 99 on 1 July 2025), extended here with the four quarters of 2024
 * on the old territory. Through the same handler the route calls.
 *
 * 2024, rate R (a flow: dossiers in the quarter), communes A, B (district 991), C (992):
 *          A        B         C        province      991 (A+B)
 *   Q1   1/2     99/100     0/8     100/110       100/102
 *   Q2  10/10    40/100     5/10     55/120        50/110
 *   Q3  30/50    30/50     30/50     90/150        60/100
 *   Q4   9/10     1/10     50/100    60/120        10/20
 *   year                            305/500 = 61 %  220/332
 * A's Q2 was first published as 1/1000 and corrected (revision 2): only 10/10 counts.
 * Count K (a state on the quarter's last day), province: Q1 10, Q2 20, Q3 30, Q4 999 submitted.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { handleOpenData, type OpenDataContext } from "@/lib/open-data/handler";
import { FIELDS } from "@/lib/open-data/fields";
import { TokenBucketLimiter } from "@/lib/open-data/rate-limit";
import { loadProvinceAggregates } from "@/lib/data/targets";
import { buildAggregatesCsv } from "@/lib/data/public-downloads";
import { createScratchDatabase, type ScratchDatabase } from "./helpers/database";
import { loadDashboardFixture, type FixtureIds } from "./dashboard-fixtures";

let scratch: ScratchDatabase;
let db: PrismaClient;
let ids: FixtureIds;
let ctx: OpenDataContext;

type Row = Record<string, unknown>;

beforeAll(async () => {
  scratch = await createScratchDatabase("agg");
  await migrate(scratch.url);
  db = createPrismaClient(scratch.url, { maxConnections: 3 });
  ids = await loadDashboardFixture(db);
  // R counts dossiers of the quarter (a flow); K keeps the default, a state on the quarter's last day.
  await db.indicator.update({ where: { id: ids.R! }, data: { periodBasis: "QUARTER" } });
  const period = async (quarter: number) => (await db.reportingPeriod.create({ data: { year: 2024, quarter, deadline: new Date(Date.UTC(2024, quarter * 3, 20, 16, 59, 59)) } })).id;
  const p24 = [await period(1), await period(2), await period(3), await period(4)];
  const approved = async (indicator: "R" | "K", unit: string, q: number, amounts: { numerator: number; denominator: number } | { value: number }, isDemo = false) => {
    const f = await db.figure.create({
      data: { indicatorId: ids[indicator]!, unitId: ids[unit]!, periodId: p24[q - 1]!, ...amounts, status: "APPROVED", submittedAt: new Date("2024-12-01T00:00:00Z"), departmentId: indicator === "R" ? ids.deptA! : ids.deptB! },
    });
    await db.figurePublication.create({ data: { figureId: f.id, revision: 1, ...amounts, isDemo } });
    return f.id;
  };
  const r = (numerator: number, denominator: number) => ({ numerator, denominator });
  await approved("R", "A", 1, r(1, 2));
  await approved("R", "B", 1, r(99, 100));
  await approved("R", "C", 1, r(0, 8), true); // a demo figure
  const corrected = await approved("R", "A", 2, r(10, 10));
  // Its first publication, 1/1000, was superseded by the correction.
  await db.figurePublication.update({ where: { figureId_revision: { figureId: corrected, revision: 1 } }, data: { numerator: 1, denominator: 1000, supersededAt: new Date("2024-08-01T00:00:00Z") } });
  await db.figurePublication.create({ data: { figureId: corrected, revision: 2, numerator: 10, denominator: 10 } });
  await approved("R", "B", 2, r(40, 100));
  await approved("R", "C", 2, r(5, 10));
  for (const unit of ["A", "B", "C"]) await approved("R", unit, 3, r(30, 50));
  await approved("R", "A", 4, r(9, 10));
  await approved("R", "B", 4, r(1, 10));
  await approved("R", "C", 4, r(50, 100));
  await approved("K", "P99old", 1, { value: 10 });
  await approved("K", "P99old", 2, { value: 20 });
  await approved("K", "P99old", 3, { value: 30 });
  // Q4's count awaits approval: never public, so the year's value stays Q3's.
  await db.figure.create({ data: { indicatorId: ids.K!, unitId: ids.P99old!, periodId: p24[3]!, value: 999, status: "SUBMITTED", submittedAt: new Date("2025-01-05T00:00:00Z"), departmentId: ids.deptB! } });
  // A name a spreadsheet would run as a formula: the CSV must defuse it.
  await db.adminUnit.update({ where: { id: ids.D2! }, data: { name: "=1+1 Huyện Hai" } });
  ctx = { db, limiter: new TokenBucketLimiter({ capacity: 1_000_000, refillPerSecond: 1_000, maxClients: 10 }), provinceCode: "99" };
}, 300_000);

afterAll(async () => {
  await db?.$disconnect();
  await scratch?.drop();
});

async function rows(query: string): Promise<Row[]> {
  const response = await handleOpenData(ctx, "aggregates", new Request(`http://api.test/api/v1/aggregates?limit=1000&${query}`, { headers: { "x-forwarded-for": "203.0.113.9" } }));
  expect(response.status, query).toBe(200);
  const body = await response.json();
  expect(body.next_cursor).toBeNull();
  return body.data;
}
const one = async (query: string) => {
  const found = await rows(query);
  expect(found, query).toHaveLength(1);
  return found[0]!;
};

describe("quarterly aggregates: Σnum/Σden, coverage, approved figures only", () => {
  it("a province rate is Σnumerator / Σdenominator of its communes, not the mean of their rates", async () => {
    const q1 = await one("indicator=R&level=PROVINCE&year=2024&quarter=1");
    // (1 + 99 + 0) / (2 + 100 + 8) = 100 / 110; the mean of 50 %, 99 % and 0 % would be 49,67 %.
    expect(q1).toMatchObject({ period: "2024-Q1", numerator: 100, denominator: 110, value: 90.909091, reported: 3, expected: 3, coverage: 1, meets_min_coverage: true, is_demo: true });
    expect(Math.abs((q1.value as number) - (50 + 99 + 0) / 3)).toBeGreaterThan(40);
    // District 991: 1/2 and 99/100 give 100/102 = 98,04 %, not (50 % + 99 %) / 2 = 74,5 % (the methodology's example).
    expect(await one("indicator=R&unit=991&year=2024&quarter=1")).toMatchObject({ area_level: "DISTRICT", area_name: "Huyện Một", numerator: 100, denominator: 102, value: 98.039216, reported: 2, expected: 2, is_demo: false });
  });

  it("counts only current publications: a superseded revision, a submitted, draft or rejected figure never adds in", async () => {
    // 2024-Q2: A's correction 10/10, not its first publication 1/1000.
    expect(await one("indicator=R&level=PROVINCE&year=2024&quarter=2")).toMatchObject({ numerator: 55, denominator: 120, reported: 3 });
    // 2025-Q2: only A's 35/50 is approved (B is submitted, C a draft, E in province 98): 1 of 3 communes.
    expect(await one("indicator=R&level=PROVINCE&year=2025&quarter=2")).toMatchObject({ numerator: 35, denominator: 50, value: 70, reported: 1, expected: 3, coverage: 0.333333, meets_min_coverage: false });
    // The dashboard's trigger-kept total of that quarter holds the submitted 20/40 too (ADR 009): the open data does not read it.
    const total = await db.dashboardTotal.findFirstOrThrow({ where: { indicatorId: ids.R!, periodId: ids.Q2!, provinceId: ids.P99old! }, select: { numerator: true, denominator: true } });
    expect([Number(total.numerator), Number(total.denominator)]).toEqual([55, 90]);
    // 2025-Q4: N1 re-opened after approval counts at its publication 80/100 (not its draft 90/100); N2 was rejected; N3 9/10.
    expect(await one("indicator=R&level=PROVINCE&year=2025&quarter=4")).toMatchObject({ numerator: 89, denominator: 110, value: 80.909091, reported: 2, expected: 3, coverage: 0.666667 });
    // 2025-Q3's count K awaits approval: no row at all.
    expect((await rows("indicator=K&year=2025")).map((r) => r.period)).toEqual(["2025-Q1", "2025-Q2", "2025-Q4"]);
    expect((await rows("indicator=K&year=2024")).map((r) => [r.period, r.value])).toEqual([["2024-Q1", 10], ["2024-Q2", 20], ["2024-Q3", 30]]);
  });

  it("each quarter is summed on its own territory; districts only before 1 July 2025", async () => {
    const province = await rows("indicator=R&level=PROVINCE&year=2025");
    expect(province.map((r) => [r.period, r.area_code, r.area_valid_from, r.area_valid_to])).toEqual([
      ["2025-Q1", "99", "2019-01-01", "2025-06-30"],
      ["2025-Q2", "99", "2019-01-01", "2025-06-30"],
      ["2025-Q3", "99", "2025-07-01", null],
      ["2025-Q4", "99", "2025-07-01", null],
    ]);
    const districts = await rows("level=DISTRICT");
    expect(districts.map((r) => `${r.period} ${r.area_code} ${r.numerator}/${r.denominator} ${r.reported}/${r.expected}`)).toEqual([
      "2024-Q1 991 100/102 2/2",
      "2024-Q1 992 0/8 1/1",
      "2024-Q2 991 50/110 2/2",
      "2024-Q2 992 5/10 1/1",
      "2024-Q3 991 60/100 2/2",
      "2024-Q3 992 30/50 1/1",
      "2024-Q4 991 10/20 2/2",
      "2024-Q4 992 50/100 1/1",
      "2025-Q1 991 40/90 2/2",
      "2025-Q1 992 45/60 1/1",
      // B's figure awaits approval: A alone, 1 of 2 communes; district 992 has nothing approved.
      "2025-Q2 991 35/50 1/2",
    ]);
    expect(districts.every((r) => r.area_valid_to === "2025-06-30")).toBe(true);
    // Province 98's commune E never adds into 99 before the merger, nor into a district of 99.
    expect(districts.some((r) => r.area_code === "981")).toBe(false);
  });

  it("the province rows are the public pages' own aggregates (loadProvinceAggregates), quarter by quarter", async () => {
    const pages = await loadProvinceAggregates(db, "99");
    const api = await rows("level=PROVINCE");
    const code = new Map([[ids.R!, "R"], [ids.K!, "K"]]);
    const key = (indicator: string, year: number, quarter: number) => `${indicator} ${year}-Q${quarter}`;
    const fromPages = new Map(pages.map((a) => [key(code.get(a.indicatorId)!, a.year, a.quarter), a]));
    expect(api.map((r) => `${r.indicator_code} ${r.period}`).sort()).toEqual([...fromPages.keys()].sort());
    for (const r of api) {
      const a = fromPages.get(`${r.indicator_code} ${r.period}`)!;
      expect([r.reported, r.expected, r.area_valid_from], `${r.indicator_code} ${r.period}`).toEqual([a.reported, a.expected, a.provinceValidFrom.toISOString().slice(0, 10)]);
      if (r.kind === "RATIO") expect([r.numerator, r.denominator]).toEqual([a.numerator, a.denominator]);
      else expect(r.value).toBe(a.value);
    }
  });
});

describe("yearly values (period=year)", () => {
  it("a flow's year is Σnum/Σden over its four quarters, complete, differing from the mean of the quarters' rates", async () => {
    const year = await one("indicator=R&level=PROVINCE&year=2024&period=year");
    expect(year).toMatchObject({ period: "2024", quarter: null, numerator: 305, denominator: 500, value: 61, quarters: 4, last_quarter: "2024-Q4", complete: true, reported: 3, expected: 3, coverage: 1, period_basis: "QUARTER", is_demo: true });
    // The quarters' rates 90,91 %, 45,83 %, 60 % and 50 % average 61,69 %.
    const quarters = await rows("indicator=R&level=PROVINCE&year=2024");
    const mean = quarters.reduce((t, r) => t + (r.value as number), 0) / quarters.length;
    expect(mean).toBeCloseTo(61.685606, 5);
    expect(await one("indicator=R&unit=991&year=2024&period=year")).toMatchObject({ numerator: 220, denominator: 332, value: 66.26506, complete: true });
  });

  it("2025 is two years, one per territory, neither complete; a district's year ends with 2025-Q2; coverage is the weakest quarter's", async () => {
    const split = await rows("indicator=R&year=2025&period=year");
    expect(split.map((r) => [r.area_level, r.area_code, r.area_valid_from, r.numerator, r.denominator, r.value, r.quarters, r.last_quarter, r.complete, r.reported, r.expected])).toEqual([
      // Q1 85/150 + Q2 35/50; Q2 had 1 of 3 communes.
      ["PROVINCE", "99", "2019-01-01", 120, 200, 60, 2, "2025-Q2", false, 1, 3],
      // Q3 70/100 + Q4 89/110.
      ["PROVINCE", "99", "2025-07-01", 159, 210, 75.714286, 2, "2025-Q4", false, 1, 3],
      ["DISTRICT", "991", "2019-01-01", 75, 140, 53.571429, 2, "2025-Q2", false, 1, 2],
      ["DISTRICT", "992", "2019-01-01", 45, 60, 75, 1, "2025-Q1", false, 1, 1],
    ]);
    expect(split.find((r) => r.area_valid_from === "2025-07-01")!.meets_min_coverage).toBe(false);
  });

  it("a state on the last day is the year's last published quarter, never a sum; complete only with Q4; a pending Q4 does not count", async () => {
    // 2024: Q1 10, Q2 20, Q3 30 approved, Q4 999 awaiting approval → Q3's 30 (a sum would say 60, or 1 059 with the pending one).
    expect(await one("indicator=K&year=2024&period=year")).toMatchObject({ value: 30, numerator: null, quarters: 3, last_quarter: "2024-Q3", complete: false, reported: 1, expected: 1, period_basis: "QUARTER_END" });
    // 2025: the former province's last quarter is Q2 (55); the merged one's is Q4 (90), complete.
    expect((await rows("indicator=K&year=2025&period=year")).map((r) => [r.area_valid_from, r.value, r.quarters, r.last_quarter, r.complete])).toEqual([
      ["2019-01-01", 55, 2, "2025-Q2", false],
      ["2025-07-01", 90, 1, "2025-Q4", true],
    ]);
  });

  it("the same rows as CSV: the documented columns, demo flag per row, formulas defused; the download holds every row", async () => {
    const response = await handleOpenData(ctx, "aggregates", new Request("http://api.test/api/v1/aggregates?period=year&level=DISTRICT&year=2025&format=csv"));
    const lines = (await response.text()).replace(/^\uFEFF/, "").split("\r\n").filter(Boolean);
    expect(lines[0]).toBe(FIELDS.aggregates.map((f) => f.name).join(","));
    const columns = lines[0]!.split(",");
    const cell = (line: string, name: string) => line.split(",")[columns.indexOf(name)];
    const d992 = lines.find((l) => l.includes(",992,"))!;
    expect(cell(d992, "area_name")).toBe("'=1+1 Huyện Hai");
    expect(cell(d992, "value")).toBe("75");
    expect(cell(d992, "is_demo")).toBe("false");
    expect(cell(d992, "area_valid_to")).toBe("2025-06-30");
    expect(cell(d992, "period_basis")).toBe("QUARTER");
    const file = (await buildAggregatesCsv(db, "year", "99")).replace(/^\uFEFF/, "").split("\r\n").filter(Boolean);
    const api = await rows("period=year");
    expect(file).toHaveLength(api.length + 1);
    expect(file[0]).toBe(lines[0]);
    const quarterly = (await buildAggregatesCsv(db, "quarter", "99")).replace(/^\uFEFF/, "").split("\r\n").filter(Boolean);
    expect(quarterly).toHaveLength((await rows("")).length + 1);
    const demo = quarterly.find((l) => l.startsWith("R,RATIO,,2024-Q1,2024,1,99,"))!;
    expect(cell(demo, "is_demo")).toBe("true");
  });
});
