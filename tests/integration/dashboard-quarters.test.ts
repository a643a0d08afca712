/**
 * Which quarters the dashboard offers and opens on (issue #14, item 10), on the
 * run's demo database: the current quarter in Vietnam time, and the latest
 * quarter with an approved figure, not the quarter just opened.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { defaultDashboardQuarter, loadDashboardQuarters, loadLatestPublishedQuarter } from "@/lib/data/dashboard";

let db: PrismaClient;

beforeAll(() => {
  db = createPrismaClient(inject("databaseUrl"), { maxConnections: 2 });
});
afterAll(async () => {
  await db?.$disconnect();
});

describe("dashboard quarters", () => {
  it("count 'now' in Vietnam: at 23:30 on 31 December 2025 there (16:30 UTC) Q1/2026 is not offered; at 00:30 on 1 January it is", async () => {
    expect(await loadDashboardQuarters(db, new Date("2025-12-31T16:30:00Z"))).not.toContain("2026-Q1");
    const after = await loadDashboardQuarters(db, new Date("2025-12-31T17:30:00Z"));
    expect(after.at(-1)).toBe("2026-Q1");
  });

  it("open on the latest quarter with an approved figure, which is the latest quarter holding a current publication", async () => {
    const latest = await loadLatestPublishedQuarter(db);
    const rows = await db.$queryRawUnsafe<{ key: string }[]>(
      `SELECT rp.year || '-Q' || rp.quarter AS key FROM "FigurePublication" p JOIN "Figure" f ON f.id = p."figureId"
       JOIN "ReportingPeriod" rp ON rp.id = f."periodId" WHERE p."supersededAt" IS NULL ORDER BY rp.year DESC, rp.quarter DESC LIMIT 1`,
    );
    expect(latest).toBe(rows[0]!.key);
    const quarters = await loadDashboardQuarters(db);
    // The demo's open quarter has nothing approved yet: the dashboard does not open on it.
    expect(quarters.at(-1)).not.toBe(latest);
    expect(defaultDashboardQuarter(quarters, latest)).toBe(latest);
  });
});
