/**
 * The home overview's data layer against the seeded database, checked with
 * independent SQL: roll-ups are Σnum/Σden over the units of the province *of
 * that quarter*, only approved figures count, and the territory break of the
 * 1 July 2025 merger is marked.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { compareQuarters } from "@/lib/period/quarter";
import { feasibleRange } from "@/lib/progress/feasible-range";
import { readGoal, type OverviewRow } from "@/lib/progress/target-overview";

let client: pg.Client;
let getTargetOverview: typeof import("@/lib/data/targets").getTargetOverview;
let rows: OverviewRow[];
const savedUrl = process.env.DATABASE_URL;

beforeAll(async () => {
  // lib/db reads DATABASE_URL once, on first use.
  process.env.DATABASE_URL = inject("databaseUrl");
  ({ getTargetOverview } = await import("@/lib/data/targets"));
  rows = (await getTargetOverview(new Date("2026-11-28T08:00:00Z"))).rows;
  client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
});
afterAll(async () => {
  process.env.DATABASE_URL = savedUrl;
  await client?.end();
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
});

function row(key: string) {
  const r = rows.find((x) => x.key === key);
  if (!r) throw new Error(`no overview row ${key}`);
  return r;
}

function point(r: OverviewRow, year: number, quarter: number) {
  return r.series.find((p) => p.quarter.year === year && p.quarter.quarter === quarter);
}

/** Hand-computed from the tables: approved commune figures whose unit lies in province 19 valid on the day. */
async function communeTotals(year: number, quarter: number, day: string) {
  const { rows: [t] } = await client.query(
    `SELECT sum(p.numerator)::float8 AS num, sum(p.denominator)::float8 AS den, count(*)::int AS n,
            avg(p.numerator / p.denominator * 100)::float8 AS mean_of_rates
     FROM "FigurePublication" p
     JOIN "Figure" f ON f.id = p."figureId"
     JOIN "Indicator" i ON i.id = f."indicatorId" AND i.code = 'WORK_DOSSIER_ONLINE_COMMUNE'
     JOIN "ReportingPeriod" rp ON rp.id = f."periodId" AND rp.year = $1 AND rp.quarter = $2
     JOIN "AdminUnit" u ON u.id = f."unitId"
     WHERE p."supersededAt" IS NULL AND u.id IN (
       WITH RECURSIVE tree AS (
         SELECT id FROM "AdminUnit" WHERE code = '19' AND "validFrom" <= $3::date AND ("validTo" IS NULL OR "validTo" >= $3::date)
         UNION ALL SELECT c.id FROM "AdminUnit" c JOIN tree ON c."parentId" = tree.id)
       SELECT id FROM tree)`,
    [year, quarter, day],
  );
  return t as { num: number; den: number; n: number; mean_of_rates: number };
}

describe("home overview data", () => {
  it("lists every current target of the resolution, and every indicator without one as a row with no goal", async () => {
    const { rows: [t] } = await client.query(
      `SELECT count(DISTINCT ("indicatorId", coalesce("sectorId", 0)))::int AS n FROM "Target" WHERE "supersededAt" IS NULL`,
    );
    const { rows: untargeted } = await client.query(
      `SELECT code FROM "Indicator" i WHERE NOT EXISTS (SELECT 1 FROM "Target" t WHERE t."indicatorId" = i.id AND t."supersededAt" IS NULL) ORDER BY code`,
    );
    expect(untargeted.map((u: { code: string }) => u.code)).toContain("EDOSSIER_RATE");
    expect(rows).toHaveLength(t.n + untargeted.length);
    expect(rows.filter((r) => r.goals.length === 0).map((r) => r.indicator.code).sort()).toEqual(untargeted.map((u: { code: string }) => u.code));
    const goals = rows.flatMap((r) => r.goals);
    // The resolution's targets: a national programme's (issue #15) are reference lines, not goals judged here.
    const { rows: [c] } = await client.query(
      `SELECT count(*)::int AS n FROM "Target" t JOIN "Programme" p ON p.id = t."programmeId" WHERE t."supersededAt" IS NULL AND p.code = '01-NQ/TU'`,
    );
    expect(goals).toHaveLength(c.n);
  });

  it("rolls commune figures up to the old province as Σnum/Σden before the reform, not as a mean of rates", async () => {
    const expected = await communeTotals(2024, 4, "2024-12-31");
    expect(expected.n).toBe(172); // old Thái Nguyên's communes; Bắc Kạn's are not in its pre-merger total
    const p = point(row("WORK_DOSSIER_ONLINE_COMMUNE"), 2024, 4)!;
    expect(p.reported).toBe(172);
    expect(p.numerator).toBe(expected.num);
    expect(p.denominator).toBe(expected.den);
    expect(p.value).toBeCloseTo((expected.num / expected.den) * 100, 9);
    expect(Math.abs(p.value - expected.mean_of_rates)).toBeGreaterThan(1e-6);
    expect(p.territoryBreak).toBe(false);
  });

  it("rolls new communes up to the new province after the reform and marks the break", async () => {
    const expected = await communeTotals(2025, 3, "2025-09-30");
    expect(expected.n).toBeGreaterThan(80);
    const r = row("WORK_DOSSIER_ONLINE_COMMUNE");
    const p = point(r, 2025, 3)!;
    expect(p.numerator).toBe(expected.num);
    expect(p.denominator).toBe(expected.den);
    expect(p.territoryBreak).toBe(true);
    expect(r.series.filter((x) => x.territoryBreak)).toHaveLength(1);
  });

  it("counts approved figures only: submitted and draft ones of the open quarter are left out", async () => {
    const { rows: [c] } = await client.query(
      `SELECT count(*) FILTER (WHERE f.status = 'APPROVED')::int AS approved, count(*)::int AS all
       FROM "Figure" f JOIN "Indicator" i ON i.id = f."indicatorId" AND i.code = 'WORK_DOSSIER_ONLINE_COMMUNE'
       JOIN "ReportingPeriod" rp ON rp.id = f."periodId" AND rp.year = 2026 AND rp.quarter = 3`,
    );
    expect(c.all).toBeGreaterThan(c.approved);
    const p = point(row("WORK_DOSSIER_ONLINE_COMMUNE"), 2026, 3);
    expect(p?.reported ?? 0).toBe(c.approved);
  });

  it("judges 'trên 90%' strictly and gives the 2025 goal a final verdict after 2025, on the resolution's territory (issue #14, item 5)", () => {
    const dvc = row("DVC_L4_SHARE");
    const goal2025 = dvc.goals.find((g) => g.target.year === 2025)!;
    expect(goal2025.target.comparator).toBe("GT");
    expect(goal2025.assessment!.final).toBe(true);
    // The province reports this one number for itself: after the merger it cannot be split, so the
    // 2025 verdict rests on the former province's last figure, 2025 Q2 (was: the merged province's Q4).
    const judged = goal2025.assessment!.latest!;
    expect(judged.quarter).toEqual({ year: 2025, quarter: 2 });
    expect(goal2025.territory).toEqual({ kind: "RESOLUTION", lastDay: new Date("2025-06-30T00:00:00Z"), judgedRebuilt: false });
    expect(goal2025.assessment!.status).toBe(judged.value > 90 ? "ACHIEVED" : "MISSED");
  });

  it("judges the commune rate's 2025 goal on the new communes inside the old border in 2025 Q4: 37.723 / 60.750 (issue #14, item 5)", async () => {
    // By hand: approved commune figures of 2025 Q4 whose unit's every predecessor lay in the former province 19.
    const { rows: [t] } = await client.query(
      `WITH old AS (SELECT id FROM "AdminUnit" WHERE level = 'PROVINCE' AND code = '19' AND "validTo" IS NOT NULL),
            inside AS (
              SELECT s."successorId" AS id FROM "Succession" s
              JOIN "AdminUnit" c ON c.id = s."predecessorId" JOIN "AdminUnit" d ON d.id = c."parentId"
              GROUP BY 1 HAVING bool_and(d."parentId" = (SELECT id FROM old)))
       SELECT sum(p.numerator)::float8 AS num, sum(p.denominator)::float8 AS den, count(*)::int AS n
       FROM "FigurePublication" p JOIN "Figure" f ON f.id = p."figureId"
       JOIN "Indicator" i ON i.id = f."indicatorId" AND i.code = 'WORK_DOSSIER_ONLINE_COMMUNE'
       JOIN "ReportingPeriod" rp ON rp.id = f."periodId" AND rp.year = 2025 AND rp.quarter = 4
       WHERE p."supersededAt" IS NULL AND f."unitId" IN (SELECT id FROM inside)`,
    );
    const goal2025 = row("WORK_DOSSIER_ONLINE_COMMUNE").goals.find((g) => g.target.year === 2025)!;
    expect(goal2025.territory).toEqual({ kind: "RESOLUTION", lastDay: new Date("2025-06-30T00:00:00Z"), judgedRebuilt: true });
    expect(goal2025.assessment!.latest!.quarter).toEqual({ year: 2025, quarter: 4 });
    expect(goal2025.assessment!.latest!.value).toBeCloseTo((t.num / t.den) * 100, 9);
    // The merged province's own 2025 Q4 value (Bắc Kạn's communes included) is a different number.
    const merged = point(row("WORK_DOSSIER_ONLINE_COMMUNE"), 2025, 4)!;
    expect(Math.abs(merged.value - goal2025.assessment!.latest!.value)).toBeGreaterThan(0.5);
  });

  it("fits the 2030 trends to today's territory only: from 2025 Q3 (issue #14, item 5)", () => {
    const open = rows.flatMap((r) => r.goals.filter((g) => g.target.year === 2030 && g.assessment && !g.assessment.final).map((g) => ({ r, g })));
    expect(open.length).toBeGreaterThan(3);
    for (const { r, g } of open) {
      // The DTI's points are the years its editions describe (item 9): none published yet is about a year after the merger.
      if (r.key === "DTI_RANK") {
        expect(g.territory, r.key).toEqual({ kind: "CURRENT", trendFrom: null });
        continue;
      }
      // A yearly rate's first window wholly on today's territory ends three quarters later (issue #14, item 10).
      const from = r.indicator.yearlyRate ? { year: 2026, quarter: 2 } : { year: 2025, quarter: 3 };
      expect(g.territory, r.key).toEqual({ kind: "CURRENT", trendFrom: from });
    }
  });

  it("no longer assesses the 2030 district goal: the districts' units all ended on 30 June 2025 (issue #14)", async () => {
    const { rows: [d] } = await client.query(
      `WITH RECURSIVE tree AS (SELECT id, level, "validTo" FROM "AdminUnit" WHERE level = 'PROVINCE' AND code = '19'
         UNION ALL SELECT c.id, c.level, c."validTo" FROM "AdminUnit" c JOIN tree t ON c."parentId" = t.id)
       SELECT count(*)::int AS n, count(*) FILTER (WHERE "validTo" IS NULL)::int AS open, to_char(max("validTo"), 'YYYY-MM-DD') AS last
       FROM tree WHERE level = 'DISTRICT'`,
    );
    expect(d.n).toBeGreaterThan(0);
    expect(d.open).toBe(0);
    const district = row("WORK_DOSSIER_ONLINE_DISTRICT");
    const g2030 = district.goals.find((g) => g.target.year === 2030)!;
    expect(g2030.target.level).toBe("DISTRICT");
    expect(g2030.assessment).toMatchObject({
      status: "NO_LONGER_ASSESSABLE",
      unassessable: { kind: "LEVEL_ENDED", lastDay: new Date(`${d.last}T00:00:00.000Z`) },
      projection: null,
      requiredQuarterlyGain: null,
    });
    // The commune goals go on: communes still exist.
    expect(row("WORK_DOSSIER_ONLINE_COMMUNE").goals.every((g) => g.assessment!.status !== "NO_LONGER_ASSESSABLE")).toBe(true);
  });

  it("projects only values the indicator can take, and reads every finished goal on the figure it was judged on (issue #14)", () => {
    const projected = rows.flatMap((r) => r.goals.flatMap((g) => (g.assessment?.projection == null ? [] : [{ r, p: g.assessment.projection }])));
    expect(projected.length).toBeGreaterThan(3);
    for (const { r, p } of projected) {
      const range = feasibleRange(r.indicator.kind);
      if (range.min !== null) expect(p, r.key).toBeGreaterThanOrEqual(range.min);
      if (range.max !== null) expect(p, r.key).toBeLessThanOrEqual(range.max);
      if (range.whole) expect(Number.isInteger(p), r.key).toBe(true);
    }
    for (const r of rows) {
      for (const g of r.goals.filter((x) => x.assessment?.final && x.assessment.latest)) {
        const reading = readGoal(g, r.latest);
        expect(reading.judged, r.key).toBe(g.assessment!.latest);
        const later = compareQuarters(r.latest!.quarter, reading.judged!.quarter) > 0;
        expect(reading.sinceThen, r.key).toBe(later ? r.latest : null);
      }
    }
  });
});

describe("a yearly rate (issue #14, item 10)", () => {
  it("shows and judges satisfaction on the four quarters ending with each quarter: Σnum/Σden, checked by hand", async () => {
    const sat = row("ONLINE_SERVICE_SATISFACTION");
    expect(sat.indicator.yearlyRate).toBe(true);
    const { rows: [t] } = await client.query(
      `SELECT sum(p.numerator)::float8 AS num, sum(p.denominator)::float8 AS den, count(*)::int AS n
         FROM "FigurePublication" p JOIN "Figure" f ON f.id = p."figureId" JOIN "ReportingPeriod" rp ON rp.id = f."periodId"
         JOIN "Indicator" i ON i.id = f."indicatorId" AND i.code = 'ONLINE_SERVICE_SATISFACTION'
        WHERE p."supersededAt" IS NULL AND rp.year = 2024`,
    );
    expect(t.n).toBe(4);
    expect(point(sat, 2024, 4)!.value).toBeCloseTo((t.num / t.den) * 100, 9);
    // Windows across the merger are not computed: the merged province has its first in 2026 Q2.
    expect(point(sat, 2025, 3)).toBeUndefined();
    expect(point(sat, 2026, 1)).toBeUndefined();
    expect(point(sat, 2026, 2)).toBeDefined();
  });
});

describe("editions of a yearly index (issue #14, item 9)", () => {
  it("places the DTI's quarterly figures at the year each edition describes, the latest report of an edition winning", async () => {
    const dti = row("DTI_RANK");
    const { rows: editions } = await client.query(
      `SELECT e."referenceYear" AS year, e."rankedUnits" AS ranked, to_char(e."publishedOn", 'YYYY-MM-DD') AS published
         FROM "IndicatorEdition" e JOIN "Indicator" i ON i.id = e."indicatorId" AND i.code = 'DTI_RANK' ORDER BY 1`,
    );
    expect(editions.length).toBeGreaterThan(3);
    for (const p of dti.series) {
      expect(p.quarter.quarter, `${p.quarter.year}`).toBe(4);
      const edition = editions.find((e) => e.year === p.quarter.year)!;
      expect(p.referenceYear).toBe(edition.year);
      expect(p.rankedUnits).toBe(edition.ranked);
      // By hand: the approved figure of the latest quarter whose last day is on or after the edition's publication
      // and before the next edition's.
      const next = editions.find((e) => e.year === edition.year + 1);
      const { rows: [f] } = await client.query(
        `SELECT p.value::float8 AS value FROM "FigurePublication" p JOIN "Figure" f ON f.id = p."figureId"
           JOIN "Indicator" i ON i.id = f."indicatorId" AND i.code = 'DTI_RANK' JOIN "ReportingPeriod" rp ON rp.id = f."periodId"
          WHERE p."supersededAt" IS NULL
            AND (make_date(rp.year, rp.quarter * 3, 1) + interval '1 month' - interval '1 day')::date >= $1::date
            AND ($2::date IS NULL OR (make_date(rp.year, rp.quarter * 3, 1) + interval '1 month' - interval '1 day')::date < $2::date)
          ORDER BY rp.year DESC, rp.quarter DESC LIMIT 1`,
        [edition.published, next?.published ?? null],
      );
      expect(p.value, `${p.quarter.year}`).toBe(f.value);
    }
    // The 2025 goal rests on an edition about the former province, ranked among 63.
    const g2025 = dti.goals.find((g) => g.target.year === 2025)!;
    expect(g2025.assessment!.latest).toMatchObject({ rankedUnits: 63 });
    expect((g2025.assessment!.latest as unknown as { referenceYear: number }).referenceYear).toBeLessThanOrEqual(2024);
  });
});

describe("one baseline on every page (issue #14, item 6)", () => {
  it("the dashboard, which reads a window of quarters, has the public page's baseline on every row: recorded, else the first judged published value", async () => {
    const { prisma } = await import("@/lib/db");
    const { loadDashboardOverview } = await import("@/lib/data/dashboard");
    for (const asOf of [{ year: 2026, quarter: 3 }, { year: 2025, quarter: 4 }] as const) {
      const dashboard = await loadDashboardOverview(prisma, { provinceCode: "19", asOf });
      const publicRows = (await getTargetOverview(new Date(Date.UTC(asOf.year, asOf.quarter * 3 - 1, 15)))).rows;
      expect(dashboard.rows.length).toBe(publicRows.length);
      for (const d of dashboard.rows) {
        const p = publicRows.find((x) => x.key === d.key)!;
        expect(d.baseline, d.key).toEqual(p.baseline);
        // The same territory rule on both: each goal's territory and the figure its verdict rests on.
        expect(d.overview.goals.map((g) => [g.territory, g.assessment?.latest?.quarter]), d.key).toEqual(p.goals.map((g) => [g.territory, g.assessment?.latest?.quarter]));
        // The national line each goal answers (issue #15), from the dashboard's SQL as from the public loader.
        expect(d.overview.goals.map((g) => g.target.national ?? null), d.key).toEqual(p.goals.map((g) => g.target.national ?? null));
      }
    }
    const l4 = row("DVC_L4_SHARE").goals.find((g) => g.target.year === 2025)!;
    expect(l4.target).toMatchObject({ comparator: "GT", value: 90, national: { programmeCode: "749/QĐ-TTg", comparator: "GTE", value: 80 } });
    expect(row("DIGITAL_ENTERPRISES").goals.every((g) => g.target.national === null)).toBe(true);
    // The province's online work dossiers have no recorded baseline: its first published figure, by hand.
    const dvc = row("WORK_DOSSIER_ONLINE_PROVINCE");
    const { rows: [first] } = await client.query(
      `SELECT rp.year, rp.quarter, p.numerator::float8 * 100 / p.denominator::float8 AS value
         FROM "FigurePublication" p JOIN "Figure" f ON f.id = p."figureId" JOIN "ReportingPeriod" rp ON rp.id = f."periodId"
         JOIN "Indicator" i ON i.id = f."indicatorId" AND i.code = 'WORK_DOSSIER_ONLINE_PROVINCE'
         JOIN "AdminUnit" u ON u.id = f."unitId" AND u.code = '19'
        WHERE p."supersededAt" IS NULL AND (rp.year, rp.quarter) >= (2021, 1)
        ORDER BY rp.year, rp.quarter LIMIT 1`,
    );
    expect(dvc.baseline).toMatchObject({ origin: "FIRST_FIGURE", quarter: { year: first.year, quarter: first.quarter } });
    expect(dvc.baseline!.value).toBeCloseTo(first.value, 9);
    expect(dvc.goals.every((g) => g.assessment === null || g.assessment.baselineValue === dvc.baseline!.value)).toBe(true);
    // An article baseline is recorded, dated 31/12/2020, and says that date is assumed.
    expect(row("DVC_L4_SHARE").baseline).toMatchObject({ origin: "RECORDED", date: new Date("2020-12-31T00:00:00Z"), dateAssumed: true, isDemo: false });
    expect(row("EDOSSIER_RATE").baseline).toMatchObject({ origin: "RECORDED", value: 65.84, dateAssumed: true });
  });
});
