/**
 * The dashboard's aggregates against numbers worked out by hand on the small
 * fixture of dashboard-fixtures.ts: Σnum/Σden per area, submitted figures
 * counted and flagged, re-opened figures read by their publication, the roll-up
 * across the 1 July 2025 reform (old communes mapped to new ones, a PARTIAL
 * succession flagged and counted once in totals), coverage, lateness, and the
 * live totals the triggers keep equal to a rebuild from "Figure".
 */
import { homeProvince } from "@/lib/geography";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { loadActor } from "@/lib/auth/actor";
import { assessProgress, judgedPoints } from "@/lib/progress/progress";
import { loadDashboardOverview, filterOverviewRows } from "@/lib/data/dashboard";
import { loadIndicatorBreakdown, loadUnitHistory, searchAndSortUnits } from "@/lib/data/dashboard-indicator";
import { loadLevelEnds } from "@/lib/data/level-ends";
import { completenessState, loadCompleteness } from "@/lib/data/dashboard-completeness";
import { approveFigures } from "@/lib/services/review";
import ExcelJS from "exceljs";
import { breakdownWorkbook, completenessWorkbook, overviewWorkbook } from "@/lib/export/dashboard-xlsx";
import { BOUNDARIES } from "@/lib/validations/dashboard";
import { createScratchDatabase, type ScratchDatabase } from "./helpers/database";
import { D, loadDashboardFixture, type FixtureIds } from "./dashboard-fixtures";

let scratch: ScratchDatabase;
let db: PrismaClient;
let ids: FixtureIds;
const Q4 = { year: 2025, quarter: 4 } as const;

beforeAll(async () => {
  scratch = await createScratchDatabase("dash");
  await migrate(scratch.url);
  db = createPrismaClient(scratch.url, { maxConnections: 3 });
  ids = await loadDashboardFixture(db);
});
afterAll(async () => {
  await db?.$disconnect();
  await scratch?.drop();
});

const pct = (n: number, d: number) => (n * 100) / d;

describe("overview", () => {
  it("sums each quarter over the province of its own time, counting submitted figures and marking them, and breaks at the merger", async () => {
    const o = await loadDashboardOverview(db, { provinceCode: "99", asOf: Q4 });
    const r = o.rows.find((x) => x.key === "R")!;
    expect(r.series.map((p) => p.quarter)).toEqual(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]);
    const [q1, q2, q3, q4] = r.series;
    // Q1 old province: A 30/50 + B 10/40 + C 45/60 (E is in province 98).
    expect(q1).toMatchObject({ numerator: 85, denominator: 150, reported: 3, expected: 3, submitted: 0, territoryBreak: false });
    expect(q1!.value).toBeCloseTo(pct(85, 150), 10);
    // Q2: A approved 35/50 + B submitted 20/40; C only a draft.
    expect(q2).toMatchObject({ numerator: 55, denominator: 90, reported: 2, expected: 3, submitted: 1, late: 0 });
    // Q3 new province: N1 70/100 + N2 submitted late 30/60; the territory changed.
    expect(q3).toMatchObject({ numerator: 100, denominator: 160, reported: 2, expected: 3, submitted: 1, late: 1, territoryBreak: true });
    // Q4: N1 re-opened → its publication 80/100 (not the draft 90/100); N2 rejected never approved; N3 9/10.
    expect(q4).toMatchObject({ numerator: 89, denominator: 110, reported: 2, expected: 3, submitted: 0 });
    expect(r.latest!.value).toBeCloseTo(pct(89, 110), 10);
    expect(o.includesSubmitted).toBe(true);

    // Status and required gain from lib/progress on exactly these values, less the quarters it may not judge:
    // those with figures awaiting approval (issue #14, item 10) and those under MIN_COVERAGE (item 4) —
    // here Q2–Q4, where 2 of the 3 communes reported (67 %).
    const judged = judgedPoints(r.series);
    expect(judged.map((p) => p.quarter)).toEqual(["2025-Q1"]);
    const series = judged.map((p) => ({ quarter: { year: 2025, quarter: Number(p.quarter.slice(-1)) as 1 | 2 | 3 | 4 }, value: p.value }));
    const a2025 = assessProgress({ series, baseline: null, target: { comparator: "GT", value: 60, year: 2025 }, asOf: Q4 });
    const a2030 = assessProgress({ series, baseline: null, target: { comparator: "GT", value: 90, year: 2030 }, asOf: Q4 });
    expect(r.goals.map((g) => g.year)).toEqual([2025, 2030]);
    // 80,9 % in Q4/2025 would meet "trên 60%", but from 2 of 3 communes it is not judged.
    expect(r.goals[0]!.goal.assessment!.status).toBe("INSUFFICIENT_DATA");
    expect(r.goals[0]!.goal.assessment!.status).toBe(a2025.status);
    expect(r.goals[1]!.goal.assessment!.status).toBe(a2030.status);
    // The nearest goal still open files the row.
    expect(r.status).toBe(a2025.status);
    expect(r.goals[1]!.distance).toBeCloseTo(90 - pct(85, 150), 10);
    const later = await loadDashboardOverview(db, { provinceCode: "99", asOf: { year: 2026, quarter: 1 } });
    expect(later.rows.find((x) => x.key === "R")!.status).toBe(a2030.status);

    const k = o.rows.find((x) => x.key === "K")!;
    expect(k.series.map((p) => [p.value, p.submitted, p.expected])).toEqual([
      [40, 0, 1],
      [55, 0, 1],
      [70, 1, 1],
      [90, 0, 1],
    ]);
    // K is reported by the province for itself: its 2025 goal is judged on the territory the resolution
    // covered, so on the old province's last figure, Q2's 55, not on the merged province's 90 (issue #14, item 5).
    expect(k.goals[0]!.reading.judged).toMatchObject({ quarter: { year: 2025, quarter: 2 }, value: 55 });
    expect(k.goals[0]!.distance).toBe(45);
    expect(k.goals[0]!.meets).toBe(false);
  });

  it("filters by group and by status", async () => {
    const o = await loadDashboardOverview(db, { provinceCode: "99", asOf: Q4 });
    expect(filterOverviewRows(o.rows, { group: "DIGITAL_ECONOMY" }).map((r) => r.key)).toEqual(["K"]);
    expect(filterOverviewRows(o.rows, { status: "INSUFFICIENT_DATA" }).map((r) => r.key)).toContain("R");
    expect(filterOverviewRows(o.rows, { status: "ACHIEVED" }).map((r) => r.key)).not.toContain("R");
  });

  it("is live: approving a submitted figure changes the next load at once", async () => {
    const before = (await loadDashboardOverview(db, { provinceCode: "99", asOf: Q4 })).rows.find((x) => x.key === "K")!;
    expect(before.series[2]!.submitted).toBe(1);
    const actor = (await loadActor(db, (ids as unknown as { approverId: string }).approverId))!;
    const f = await db.figure.findUniqueOrThrow({ where: { id: ids.k3! }, select: { version: true } });
    await approveFigures(db, actor, { items: [{ figureId: ids.k3!, version: f.version, acknowledgedFlags: true }] });
    const after = (await loadDashboardOverview(db, { provinceCode: "99", asOf: Q4 })).rows.find((x) => x.key === "K")!;
    expect(after.series[2]).toMatchObject({ value: 70, submitted: 0, reported: 1 });
  });
});

describe("indicator breakdown", () => {
  it("after the reform: each new commune with its own figures, its predecessors' history (PARTIAL flagged), movers and status against the commune target", async () => {
    const b = (await loadIndicatorBreakdown(db, { provinceCode: "99", boundary: BOUNDARIES.sau, indicatorCode: "R", quarter: Q4 }))!;
    expect(b.level).toBe("COMMUNE");
    const by = Object.fromEntries(b.units.map((u) => [u.code, u]));
    expect(Object.keys(by)).toEqual(["99001", "99002", "99003"]);
    expect(by["99001"]!.current).toMatchObject({ numerator: 80, denominator: 100, value: 80, reported: 1, expected: 1 });
    expect(by["99001"]!.previous).toMatchObject({ value: 70 });
    expect(by["99001"]!.delta).toBeCloseTo(10, 10);
    expect(by["99002"]!.current).toMatchObject({ value: null, reported: 0, expected: 1 }); // rejected, never approved
    expect(by["99002"]!.previous).toMatchObject({ numerator: 30, denominator: 60, submitted: 1 });
    expect(by["99003"]!.current!.value).toBeCloseTo(90, 10);
    expect(by["99003"]!.previous).toMatchObject({ reported: 0, expected: 1, value: null });
    // History from the predecessors: N1 ← A + B (partial); N2 ← B (partial) + C; N3 ← E.
    expect(by["99001"]!.series.slice(0, 2)).toEqual([
      { quarter: "2025-Q1", value: pct(40, 90), partial: true, submitted: 0 },
      { quarter: "2025-Q2", value: pct(55, 90), partial: true, submitted: 1 },
    ]);
    expect(by["99002"]!.series[0]).toEqual({ quarter: "2025-Q1", value: pct(55, 100), partial: true, submitted: 0 });
    expect(by["99002"]!.series[1]!.value).toBeCloseTo(50, 10); // B 20/40 only: C's draft does not count
    expect(by["99003"]!.series.map((p) => [p.quarter, p.value, p.partial])).toEqual([
      ["2025-Q1", 100, false],
      ["2025-Q2", 90, false],
      ["2025-Q4", 90, false],
    ]);
    expect(by["99001"]!.hasPartialPredecessor).toBe(true);
    expect(by["99003"]!.hasPartialPredecessor).toBe(false);
    // Status against the commune target of 2025 ("trên 60%"): 80% meets it.
    expect(by["99001"]!.target).toMatchObject({ year: 2025, level: "COMMUNE", comparator: "GT", value: 60 });
    expect(by["99001"]!.status).toBe("ACHIEVED");
    expect(b.movers.up.map((u) => u.code)).toEqual(["99001"]);
    expect(b.movers.down).toEqual([]);
    // The province total on today's territory counts old commune B once, although it went into two communes.
    expect(b.total.current).toMatchObject({ numerator: 89, denominator: 110, reported: 2, expected: 3 });
    expect(b.total.series[0]).toMatchObject({ quarter: "2025-Q1", reported: 4, expected: 4 });
    expect(b.total.series[0]!.value).toBeCloseTo(pct(105, 170), 10);
  });

  it("before the reform: districts rolled up from their communes, then the communes of a district", async () => {
    const q2 = { year: 2025, quarter: 2 } as const;
    const b = (await loadIndicatorBreakdown(db, { provinceCode: "99", boundary: BOUNDARIES.truoc, indicatorCode: "R", quarter: q2 }))!;
    expect(b.level).toBe("DISTRICT");
    expect(b.units.map((u) => u.code)).toEqual(["991", "992"]);
    const [d1, d2] = b.units;
    expect(d1!.current).toMatchObject({ numerator: 55, denominator: 90, reported: 2, expected: 2, submitted: 1 });
    expect(d1!.delta).toBeCloseTo(pct(55, 90) - pct(40, 90), 10);
    expect(d2!.current).toMatchObject({ reported: 0, expected: 1, value: null });
    expect(d2!.previous!.value).toBeCloseTo(75, 10);
    expect(b.total.current).toMatchObject({ numerator: 55, denominator: 90, reported: 2, expected: 3 });
    expect(b.quarterAfterBoundaries).toBe(false);

    const communes = (await loadIndicatorBreakdown(db, { provinceCode: "99", boundary: BOUNDARIES.truoc, indicatorCode: "R", quarter: q2, parentId: ids.D1! }))!;
    expect(communes.level).toBe("COMMUNE");
    expect(communes.units.map((u) => [u.code, u.current?.value, u.parentName])).toEqual([
      ["99101", 70, "Huyện Một"],
      ["99102", 50, "Huyện Một"],
    ]);
    expect(searchAndSortUnits(communes.units, { sort: "gia-tri", descending: false }).map((u) => u.code)).toEqual(["99102", "99101"]);
    expect(searchAndSortUnits(communes.units, { search: "binh" }).map((u) => u.code)).toEqual(["99102"]);

    const later = (await loadIndicatorBreakdown(db, { provinceCode: "99", boundary: BOUNDARIES.truoc, indicatorCode: "R", quarter: Q4 }))!;
    expect(later.quarterAfterBoundaries).toBe(true);
  });

  it("does not hold a dissolved district to a goal due after it ended, and says why (issue #14)", async () => {
    expect(await loadLevelEnds(db, "99")).toEqual([{ level: "DISTRICT", lastDay: "2025-06-30" }]);
    const q = { year: 2026, quarter: 1 } as const;
    const old = (await loadIndicatorBreakdown(db, { provinceCode: "99", boundary: BOUNDARIES.truoc, indicatorCode: "R", quarter: q }))!;
    expect(old.units.map((u) => u.code)).toEqual(["991", "992"]);
    for (const u of old.units) {
      expect(u.target).toMatchObject({ year: 2030, value: 90 });
      expect(u.status, u.code).toBe("NO_LONGER_ASSESSABLE");
      expect(u.unassessable).toEqual({ kind: "LEVEL_ENDED", lastDay: D("2025-06-30") });
    }
    const now = (await loadIndicatorBreakdown(db, { provinceCode: "99", boundary: BOUNDARIES.sau, indicatorCode: "R", quarter: q }))!;
    expect(now.units.map((u) => u.unassessable)).toEqual([null, null, null]);
  });

  it("a new commune's page lists the old units it came from, each with its own series, PARTIAL ones flagged", async () => {
    const h = (await loadUnitHistory(db, { unitId: ids.N2!, indicatorCode: "R", quarter: Q4 }))!;
    expect(h.unit).toMatchObject({ code: "99002", provinceCode: "99", validFrom: "2025-07-01" });
    expect(h.predecessors.map((p) => [p.row.code, p.kind, p.provinceName])).toEqual([
      ["99102", "PARTIAL", "Tỉnh Thử"],
      ["99201", "FULL", "Tỉnh Thử"],
    ]);
    const b = h.predecessors[0]!.row;
    expect(b.series.map((p) => [p.quarter, p.value, p.submitted])).toEqual([
      ["2025-Q1", 25, 0],
      ["2025-Q2", 50, 1],
    ]);
    const old = (await loadUnitHistory(db, { unitId: ids.B!, indicatorCode: "R", quarter: Q4 }))!;
    expect(old.successors.map((s) => [s.code, s.kind])).toEqual([
      ["99001", "PARTIAL"],
      ["99002", "PARTIAL"],
    ]);
  });
});

describe("completeness", () => {
  it("counts reported, late and missing figures per unit, department and quarter, the province's own figures included", async () => {
    const c = await loadCompleteness(db, { provinceCode: "99", boundary: BOUNDARIES.sau, quarter: { year: 2025, quarter: 3 }, quarters: 3 });
    expect(c.quarters).toEqual(["2025-Q1", "2025-Q2", "2025-Q3"]);
    expect(c.deadline).toBe(D("2025-10-20").toISOString().slice(0, 10) + "T16:59:59.000Z");
    const by = Object.fromEntries(c.units.map((u) => [u.code, u]));
    expect(c.units[0]!.isProvince).toBe(true);
    // Province row: K for the new province (approved in the test above) → 1 of 1.
    expect(by["99"]!.current).toMatchObject({ reported: 1, expected: 1 });
    // Before the reform the province row counts both old provinces' own figures: K of old 99 only (98 reported none) → 1 of 2.
    expect(by["99"]!.cells[0]).toMatchObject({ quarter: "2025-Q1", reported: 1, expected: 2 });
    expect(by["99001"]!.current).toMatchObject({ reported: 1, expected: 1, late: 0 });
    expect(by["99002"]!.current).toMatchObject({ reported: 1, expected: 1, late: 1, submitted: 1 });
    expect(by["99003"]!.current).toMatchObject({ reported: 0, expected: 1 });
    expect(completenessState(by["99003"]!.current)).toBe("MISSING");
    // History through the successions: N2 ← B, C: both reported in Q1; in Q2 only B (C a draft).
    expect(by["99002"]!.cells.slice(0, 2).map((x) => [x.reported, x.expected])).toEqual([
      [2, 2],
      [1, 2],
    ]);
    expect(completenessState(by["99002"]!.cells[1]!)).toBe("PARTIAL");
    // N3 ← E, reported late in Q2.
    expect(by["99003"]!.cells[1]).toMatchObject({ reported: 1, expected: 1, late: 1 });

    const deptA = c.departments.find((d) => d.id === ids.deptA)!;
    expect(deptA).toMatchObject({ reported: 2, expected: 3, late: 1, missing: 1, submitted: 1 });
    const deptB = c.departments.find((d) => d.id === ids.deptB)!;
    expect(deptB).toMatchObject({ reported: 1, expected: 1, missing: 0 });
    expect(c.total).toMatchObject({ reported: 3, expected: 4, late: 1 });
  });

  it("before the reform: districts, each with its communes' figures", async () => {
    const c = await loadCompleteness(db, { provinceCode: "99", boundary: BOUNDARIES.truoc, quarter: { year: 2025, quarter: 2 }, quarters: 2 });
    expect(c.units.map((u) => [u.code, u.current.reported, u.current.expected])).toEqual([
      ["99", 1, 1],
      ["991", 2, 2],
      ["992", 0, 1],
    ]);
    // Departments on the old province's territory only: R 2 of 3, K 1 of 1.
    expect(c.departments.find((d) => d.id === ids.deptA)).toMatchObject({ reported: 2, expected: 3, late: 0 });
  });

  it("moving a deadline recounts late submissions", async () => {
    await db.reportingPeriod.update({ where: { id: ids.Q3! }, data: { deadline: new Date("2025-10-30T16:59:59Z") } });
    const c = await loadCompleteness(db, { provinceCode: "99", boundary: BOUNDARIES.sau, quarter: { year: 2025, quarter: 3 }, quarters: 1 });
    expect(c.units.find((u) => u.code === "99002")!.current.late).toBe(0);
    await db.reportingPeriod.update({ where: { id: ids.Q3! }, data: { deadline: new Date("2025-10-20T16:59:59Z") } });
  });
});

describe("live totals", () => {
  it("the triggers keep them equal to a rebuild from the figures, through edits, re-opening, rejection and deletion", async () => {
    // A mix of writes the workflow makes.
    await db.figure.update({ where: { id: ids.rC2! }, data: { status: "SUBMITTED", submittedAt: new Date("2025-07-30T00:00:00Z") } });
    await db.figure.update({ where: { id: ids.rA2! }, data: { status: "DRAFT", numerator: 40, submittedAt: null } }); // re-opened: its publication 35/50 counts
    await db.figure.update({ where: { id: ids.rN2q3! }, data: { status: "REJECTED" } });
    await db.figurePublication.updateMany({ where: { figureId: ids.rA2!, supersededAt: null }, data: { supersededAt: new Date() } });
    await db.figurePublication.create({ data: { figureId: ids.rA2!, revision: 2, numerator: 36, denominator: 50 } });
    await db.figure.delete({ where: { id: ids.rC2! } }); // the submission just made, withdrawn

    const snapshot = async () => ({
      totals: await db.$queryRaw<unknown[]>`SELECT "provinceId", "indicatorId", "sectorId", "periodId", numerator::text, denominator::text, value::text, reported, submitted, late
        FROM "DashboardTotal" WHERE reported <> 0 OR numerator <> 0 OR denominator <> 0 OR value <> 0 ORDER BY 1, 2, 3, 4`,
      units: await db.$queryRaw<unknown[]>`SELECT "unitId", "periodId", reported, submitted, late FROM "DashboardUnitQuarter" WHERE reported <> 0 ORDER BY 1, 2`,
    });
    const live = await snapshot();
    await db.$executeRaw`SELECT "dashboard_rebuild"()`;
    const rebuilt = await snapshot();
    expect(live).toEqual(rebuilt);

    const b = (await loadIndicatorBreakdown(db, { provinceCode: "99", boundary: BOUNDARIES.truoc, indicatorCode: "R", quarter: { year: 2025, quarter: 2 } }))!;
    // D1 now: A by its new publication 36/50 + B 20/40; D2: C deleted.
    expect(b.units[0]!.current).toMatchObject({ numerator: 56, denominator: 90, reported: 2 });
    expect(b.units[1]!.current).toMatchObject({ reported: 0, value: null });
    const o = await loadDashboardOverview(db, { provinceCode: "99", asOf: Q4 });
    expect(o.rows.find((r) => r.key === "R")!.series[1]).toMatchObject({ numerator: 56, denominator: 90, reported: 2, submitted: 1 });
    expect(o.rows.find((r) => r.key === "R")!.series[2]).toMatchObject({ numerator: 70, denominator: 100, reported: 1, submitted: 0 }); // N2 rejected
  });
});

describe("Excel export", () => {
  const read = async (buffer: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    return wb;
  };

  const official = { demo: false, generatedAt: new Date("2026-12-03T17:05:00Z") };

  it("writes the tables as numbers with Vietnamese headers and number formats", async () => {
    const o = await loadDashboardOverview(db, { provinceCode: "99", asOf: Q4 });
    const ov = (await read(await overviewWorkbook(o, official))).getWorksheet("Tổng quan")!;
    expect(ov.getRow(3).getCell(5).value).toBe("Giá trị mới nhất");
    const k = [4, 5].map((n) => ov.getRow(n)).find((r) => r.getCell(1).value === "K")!;
    expect(k.getCell(5).value).toBe(90);
    expect(k.getCell(5).numFmt).toBe("#,##0");
    expect(typeof k.getCell(12).value).toBe("string");
    // What the status rests on, after the existing columns: K's old-province 55 against "≥ 100", with the gap in its unit
    // and the territory it was judged on (issue #14, item 5).
    expect(ov.getRow(3).getCell(16).value).toBe("Căn cứ 2025");
    expect(k.getCell(16).value).toBe(
      `Số liệu mới nhất chưa đạt mục tiêu này · Cách mục tiêu: +45 việc · Đánh giá trên địa giới ${homeProvince().vi} trước ngày 01/07/2025, địa bàn Nghị quyết áp dụng: số liệu từ ngày đó là của tỉnh sau sáp nhập, không tách được phần địa giới cũ, nên kết luận dựa trên số liệu cuối cùng của địa giới cũ.`,
    );

    const b = (await loadIndicatorBreakdown(db, { provinceCode: "99", boundary: BOUNDARIES.sau, indicatorCode: "R", quarter: Q4 }))!;
    const ws = (await read(await breakdownWorkbook(b, official))).worksheets[0]!;
    expect(ws.getRow(3).values).toEqual(expect.arrayContaining(["Mã đơn vị", "Đơn vị", "Giá trị", "Tử số", "Mẫu số", "Lý do không còn đánh giá được"]));
    const n1 = ws.getRow(4);
    expect([n1.getCell(1).value, n1.getCell(4).value, n1.getCell(5).value, n1.getCell(6).value]).toEqual(["99001", 0.8, 80, 100]);
    expect(n1.getCell(4).numFmt).toBe("0.00%");
    const total = ws.getRow(7);
    expect(total.getCell(2).value).toBe("Tổng");
    expect(total.getCell(4).value).toBeCloseTo(89 / 110, 12);

    const c = await loadCompleteness(db, { provinceCode: "99", boundary: BOUNDARIES.sau, quarter: { year: 2025, quarter: 3 }, quarters: 3 });
    const cw = await read(await completenessWorkbook(c, official));
    expect(cw.worksheets.map((w) => w.name)).toEqual(["Theo đơn vị", "Theo sở ngành", "Bản đồ nhiệt", "Nguồn"]);
    const n3 = cw.getWorksheet("Theo đơn vị")!.getRows(4, 4)!.find((r) => r.getCell(1).value === "99003")!;
    expect([n3.getCell(3).value, n3.getCell(4).value, n3.getCell(5).value, n3.getCell(9).value]).toEqual(["Chưa báo cáo", 0, 1, 1]);
  });

  it("says where the numbers come from and when, on every sheet and in a last sheet; demo data is marked in every title (issue #14, item 11)", async () => {
    const o = await loadDashboardOverview(db, { provinceCode: "99", asOf: Q4 });
    const demo = await read(await overviewWorkbook(o, { demo: true, generatedAt: new Date("2026-12-03T17:05:00Z") }));
    const ov = demo.getWorksheet("Tổng quan")!;
    expect(String(ov.getRow(1).getCell(1).value)).toMatch(/ — DỮ LIỆU MINH HỌA — không phải số liệu chính thức$/);
    expect(String(ov.getRow(2).getCell(1).value)).toMatch(new RegExp(`^Nguồn: Số liệu chuyển đổi số của ${homeProvince().vi} .* Xuất lúc 04/12/2026 00:05 \\(giờ Việt Nam\\)\\.$`));
    expect(ov.getRow(3).getCell(1).value).toBe("Mã chỉ tiêu"); // the header did not move
    const source = demo.getWorksheet("Nguồn")!;
    const facts = Object.fromEntries(source.getSheetValues().flatMap((r) => (Array.isArray(r) && r[1] ? [[String(r[1]), String(r[2])]] : [])));
    expect(facts["Dữ liệu minh họa"]).toBe("Có — DỮ LIỆU MINH HỌA — không phải số liệu chính thức");
    expect(facts["Số liệu chờ duyệt"]).toContain("chưa duyệt");
    expect(facts["Xuất lúc"]).toBe("04/12/2026 00:05 (giờ Việt Nam)");
    expect(demo.title).toContain("DỮ LIỆU MINH HỌA");
    expect(ov.headerFooter.oddFooter).toContain("DỮ LIỆU MINH HỌA");

    const real = await read(await overviewWorkbook(o, { demo: false, generatedAt: new Date("2026-12-03T17:05:00Z") }));
    expect(String(real.getWorksheet("Tổng quan")!.getRow(1).getCell(1).value)).not.toContain("MINH HỌA");
    expect(Object.fromEntries(real.getWorksheet("Nguồn")!.getSheetValues().flatMap((r) => (Array.isArray(r) && r[1] ? [[String(r[1]), String(r[2])]] : [])))["Dữ liệu minh họa"]).toBe("Không");
  });
});

describe("apportioning a partial succession (issue #14, item 7)", () => {
  it("with a recorded share, a new commune's history takes that share of the old commune's figures and is judged; without, it is flagged; shares over 100 % are refused", async () => {
    const { setSuccessionWeight } = await import("@/lib/services/admin-units");
    const { WEIGHT_MESSAGES } = await import("@/lib/validations/admin-units");
    const u = await db.user.create({ data: { email: "quantri@thu.vn", name: "Quản trị thử", passwordHash: "x", role: "ADMIN" } });
    const admin = (await loadActor(db, u.id))!;
    const toN1 = await db.succession.findFirstOrThrow({ where: { predecessorId: ids["B"]!, successorId: ids["N1"]! } });
    const toN2 = await db.succession.findFirstOrThrow({ where: { predecessorId: ids["B"]!, successorId: ids["N2"]! } });
    const breakdown = async () => Object.fromEntries((await loadIndicatorBreakdown(db, { provinceCode: "99", boundary: BOUNDARIES.sau, indicatorCode: "R", quarter: Q4 }))!.units.map((x) => [x.code, x]));
    try {
      await setSuccessionWeight(db, admin, { successionId: toN1.id, weightPercent: "25", sourceVi: "Dân số 2024" });
      const by = await breakdown();
      // Q1: A 30/50 + a quarter of B 10/40 = 32,5/60; no longer flagged partial.
      expect(by["99001"]!.series[0]).toEqual({ quarter: "2025-Q1", value: pct(32.5, 60), partial: false, submitted: 0 });
      expect(by["99001"]!.hasPartialPredecessor).toBe(false);
      // N2's share of B is still unknown: flagged, B counted whole.
      expect(by["99002"]!.series[0]).toEqual({ quarter: "2025-Q1", value: pct(55, 100), partial: true, submitted: 0 });
      // The province total still counts B once and whole.
      const total = (await loadIndicatorBreakdown(db, { provinceCode: "99", boundary: BOUNDARIES.sau, indicatorCode: "R", quarter: Q4 }))!.total;
      expect(total.series[0]!.value).toBeCloseTo(pct(105, 170), 10);

      const error = await setSuccessionWeight(db, admin, { successionId: toN2.id, weightPercent: "80", sourceVi: "Dân số 2024" }).then(
        () => null,
        (e: { fieldErrors?: Record<string, string[]> }) => e,
      );
      expect(error?.fieldErrors?.weightPercent).toEqual([WEIGHT_MESSAGES.overOne("105")]);
      expect((await db.succession.findUniqueOrThrow({ where: { id: toN2.id } })).weight).toBeNull();
      const audit = await db.auditLog.findFirstOrThrow({ where: { action: "SUCCESSION_WEIGHT_SET", entityId: String(toN1.id) } });
      expect(audit.after).toMatchObject({ code: "99102 → 99001", weightPercent: 25, weightSourceVi: "Dân số 2024" });
    } finally {
      await db.succession.updateMany({ where: { id: { in: [toN1.id, toN2.id] } }, data: { weight: null, weightSourceVi: null } });
    }
  });
});
