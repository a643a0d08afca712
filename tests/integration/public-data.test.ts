/**
 * The public pages' data functions against the seeded demo database, checked
 * with independent SQL: the breakdown by district and commune uses the
 * boundaries of its quarter and counts coverage against the units in force
 * then, its totals agree with the province series, the downloads hold every
 * current publication and nothing else, and what is cached survives the
 * JSON round trip of Next's data cache unchanged.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { loadBreakdown, loadIndicatorDetail } from "@/lib/data/public-indicator";
import { loadDownloadSummary, loadPublishedFigures, toCsv } from "@/lib/data/public-figures";
import { loadMethodologyIndicators } from "@/lib/data/public-overview";
import { buildOverview, loadOverviewInputs } from "@/lib/data/targets";

const AS_OF = { year: 2026, quarter: 4 } as const;
let db: PrismaClient;
let sql: pg.Client;

beforeAll(async () => {
  db = createPrismaClient(inject("databaseUrl"), { maxConnections: 3 });
  sql = new pg.Client({ connectionString: inject("databaseUrl") });
  await sql.connect();
});
afterAll(async () => {
  await sql?.end();
  await db?.$disconnect();
});

async function one<T>(text: string, params: unknown[] = []): Promise<T> {
  return (await sql.query(text, params)).rows[0] as T;
}

/** Units of a level in force on a day under province 19 of that day (or under a province merged into today's 19). */
async function unitsInForce(level: string, day: string, provinceCode: string) {
  return one<{ n: number }>(
    `SELECT count(*)::int AS n FROM "AdminUnit" u
     LEFT JOIN "AdminUnit" pa ON pa.id = u."parentId" LEFT JOIN "AdminUnit" ga ON ga.id = pa."parentId"
     JOIN "AdminUnit" prov ON prov.id = CASE WHEN pa.level = 'PROVINCE' THEN pa.id ELSE ga.id END
     WHERE u.level = $1::"UnitLevel" AND u."validFrom" <= $2::date AND (u."validTo" IS NULL OR u."validTo" >= $2::date)
       AND prov.code = $3`,
    [level, day, provinceCode],
  );
}

describe("the home page's data", () => {
  it("is the same after the JSON round trip of the data cache", async () => {
    const inputs = await loadOverviewInputs(db);
    const direct = buildOverview(inputs, AS_OF);
    const cached = buildOverview(JSON.parse(JSON.stringify(inputs)), AS_OF);
    expect(cached).toEqual(direct);
    expect(direct.rows.length).toBeGreaterThan(15);
    expect(direct.hasDemoData).toBe(true);
  });
});

describe("the indicator page's data", () => {
  it("lists the quarters with figures below the province, and is unchanged by the JSON round trip", async () => {
    const detail = (await loadIndicatorDetail(db, "WORK_DOSSIER_ONLINE_COMMUNE"))!;
    expect(detail.breakdownQuarters).toContain("2025-Q2");
    expect(detail.breakdownQuarters).toContain("2025-Q3");
    expect(detail.breakdownQuarters.at(-1)).toBe("2026-Q3");
    expect(JSON.parse(JSON.stringify(detail))).toEqual(detail);
    const { n } = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM "FigurePublication" p JOIN "Figure" f ON f.id = p."figureId"
       JOIN "Indicator" i ON i.id = f."indicatorId" WHERE i.code = 'WORK_DOSSIER_ONLINE_COMMUNE' AND p."supersededAt" IS NULL`,
    );
    expect(detail.history.published).toBe(n);
    expect(await loadIndicatorDetail(db, "NO_SUCH_CODE")).toBeNull();
  });

  it("breaks a quarter before the reform down by the old districts and communes, with full coverage counts", async () => {
    const b = (await loadBreakdown(db, "WORK_DOSSIER_ONLINE_COMMUNE", { year: 2025, quarter: 2 }))!;
    expect(b.level).toBe("COMMUNE");
    expect(b.boundariesOn).toBe("2025-06-30");
    const [home, former] = b.provinces;
    expect(home!.isHome).toBe(true);
    expect(home!.total.expected).toBe((await unitsInForce("COMMUNE", "2025-06-30", "19")).n);
    expect(home!.districts).toHaveLength((await unitsInForce("DISTRICT", "2025-06-30", "19")).n);
    // Bắc Kạn, merged into the province on 1 July 2025, is shown apart: it is not in the province figure of the quarter.
    expect(former!.isHome).toBe(false);
    expect(former!.code).toBe("06");
    expect(former!.total.expected).toBe((await unitsInForce("COMMUNE", "2025-06-30", "06")).n);

    // Σnum/Σden, never a mean of rates, and the home total is the province series' point.
    for (const d of home!.districts) {
      const units = home!.units.filter((u) => u.districtCode === d.code && u.approvedAt !== null);
      expect(d.numerator).toBe(units.reduce((s, u) => s + u.numerator!, 0));
      expect(d.denominator).toBe(units.reduce((s, u) => s + u.denominator!, 0));
      expect(d.reported).toBe(units.length);
    }
    const overview = buildOverview(await loadOverviewInputs(db), AS_OF);
    const point = overview.rows.find((r) => r.key === "WORK_DOSSIER_ONLINE_COMMUNE")!.series.find((p) => p.quarter.year === 2025 && p.quarter.quarter === 2)!;
    expect(home!.total.numerator).toBe(point.numerator);
    expect(home!.total.denominator).toBe(point.denominator);
    expect(home!.total.percent).toBeCloseTo(point.value, 9);
  });

  it("breaks a quarter after the reform down by the new communes, with coverage against the 92 in force", async () => {
    const b = (await loadBreakdown(db, "WORK_DOSSIER_ONLINE_COMMUNE", { year: 2026, quarter: 3 }))!;
    expect(b.provinces).toHaveLength(1);
    const [p] = b.provinces;
    expect(p!.districts).toEqual([]);
    expect(p!.total.expected).toBe((await unitsInForce("COMMUNE", "2026-09-30", "19")).n);
    expect(p!.total.expected).toBe(92);
    const published = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM "FigurePublication" p JOIN "Figure" f ON f.id = p."figureId"
       JOIN "Indicator" i ON i.id = f."indicatorId" AND i.code = 'WORK_DOSSIER_ONLINE_COMMUNE'
       JOIN "ReportingPeriod" rp ON rp.id = f."periodId" AND rp.year = 2026 AND rp.quarter = 3
       WHERE p."supersededAt" IS NULL`,
    );
    // Submitted, draft and missing communes make the gap between reported and expected.
    expect(p!.total.reported).toBe(published.n);
    expect(p!.total.reported).toBeLessThan(92);
    expect(p!.units.filter((u) => u.approvedAt === null)).toHaveLength(92 - published.n);
  });

  it("breaks a district indicator down by district until the districts ended, and a province indicator not at all", async () => {
    const b = (await loadBreakdown(db, "WORK_DOSSIER_ONLINE_DISTRICT", { year: 2025, quarter: 2 }))!;
    expect(b.level).toBe("DISTRICT");
    expect(b.provinces[0]!.units).toHaveLength((await unitsInForce("DISTRICT", "2025-06-30", "19")).n);
    const after = (await loadBreakdown(db, "WORK_DOSSIER_ONLINE_DISTRICT", { year: 2025, quarter: 3 }))!;
    expect(after.provinces).toEqual([]);
    expect(await loadBreakdown(db, "DVC_L4_SHARE", { year: 2025, quarter: 2 })).toBeNull();
  });
});

describe("the downloads", () => {
  it("hold every current publication, with its published values", async () => {
    const rows = await loadPublishedFigures(db);
    const { n } = await one<{ n: number }>(`SELECT count(*)::int AS n FROM "FigurePublication" WHERE "supersededAt" IS NULL`);
    expect(rows).toHaveLength(n);
    const sample = await one<{ numerator: string; denominator: string; code: string; unit: string; period: string }>(
      `SELECT p.numerator::text, p.denominator::text, i.code, u.code AS unit, rp.year || '-Q' || rp.quarter AS period
       FROM "FigurePublication" p JOIN "Figure" f ON f.id = p."figureId" JOIN "Indicator" i ON i.id = f."indicatorId"
       JOIN "AdminUnit" u ON u.id = f."unitId" JOIN "ReportingPeriod" rp ON rp.id = f."periodId"
       WHERE p."supersededAt" IS NULL AND i.kind = 'RATIO' ORDER BY p.id DESC LIMIT 1`,
    );
    const row = rows.find((r) => r.indicator_code === sample.code && r.unit_code === sample.unit && r.period === sample.period)!;
    expect(Number(row.numerator)).toBe(Number(sample.numerator));
    expect(Number(row.denominator)).toBe(Number(sample.denominator));
    expect(Number(row.rate_percent)).toBeCloseTo((Number(sample.numerator) * 100) / Number(sample.denominator), 4);
    expect(toCsv(rows).split("\r\n")).toHaveLength(n + 2);
    const summary = await loadDownloadSummary(db);
    expect(summary.figures).toBe(n);
    expect(summary.isDemo).toBe(true);
  });

  it("lists every indicator's method on the methodology page", async () => {
    const list = await loadMethodologyIndicators(db);
    expect(list.length).toBe(await db.indicator.count());
    expect(list.every((i) => i.methodologyVi.length > 20 && i.methodologyEn.length > 20)).toBe(true);
  });
});

describe("SDMX-CSV (issue #14, item 12)", () => {
  it("holds one observation per current publication, every code of which is in the codelists; a ratio's value is its own numerator / denominator in percent", async () => {
    const { parse } = await import("csv-parse/sync");
    const { buildSdmxData, loadCodelistInputs } = await import("@/lib/data/public-downloads");
    const { sdmxCodelistsCsv } = await import("@/lib/open-data/sdmx");
    const data = parse((await buildSdmxData(db)).slice(1), { columns: true }) as Record<string, string>[];
    const codes = parse(sdmxCodelistsCsv(await loadCodelistInputs(db)).slice(1), { columns: true }) as Record<string, string>[];
    const { n } = await one<{ n: number }>(`SELECT count(*)::int AS n FROM "FigurePublication" WHERE "supersededAt" IS NULL`);
    expect(data.length).toBe(n);
    const lists = new Map<string, Set<string>>();
    for (const c of codes) (lists.get(c.CODELIST!) ?? lists.set(c.CODELIST!, new Set()).get(c.CODELIST!)!).add(c.ID!);
    const missing = new Set<string>();
    for (const d of data) {
      for (const [column, list] of [["INDICATOR", "CL_INDICATOR"], ["REF_AREA", "CL_AREA"], ["SECTOR", "CL_SECTOR"], ["UNIT_LEVEL", "CL_UNIT_LEVEL"], ["UNIT_MEASURE", "CL_UNIT_MEASURE"], ["OBS_STATUS", "CL_OBS_STATUS"], ["FREQ", "CL_FREQ"]] as const) {
        if (!lists.get(list)?.has(d[column]!)) missing.add(`${column}=${d[column]}`);
      }
      if (d.NUMERATOR) expect(Number(d.OBS_VALUE)).toBeCloseTo((Number(d.NUMERATOR) * 100) / Number(d.DENOMINATOR), 3); // rate_percent is rounded to 4 decimals
    }
    expect([...missing]).toEqual([]);
    // One series per indicator × area × sector, one observation per quarter of it: the keys are unique.
    const keys = new Set(data.map((d) => `${d.INDICATOR}|${d.REF_AREA}|${d.SECTOR}|${d.TIME_PERIOD}`));
    expect(keys.size).toBe(data.length);
    expect(data.every((d) => d.DEMO === "true")).toBe(true);
  });
});
