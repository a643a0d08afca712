/**
 * The seed against a real database: what the first run writes, that later runs
 * write nothing twice, that demo data comes only on request, and that a failed
 * run leaves nothing behind. Uses its own scratch database with a fixed clock,
 * so the shared seeded database of the run stays untouched.
 */
import { verify } from "@node-rs/argon2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { DEMO_ACCOUNTS } from "@/lib/seed/demo-accounts";
import { seedDatabase } from "@/lib/seed/seed";
import { createScratchDatabase, type ScratchDatabase } from "./helpers/database";

const NOW = new Date("2026-11-28T08:00:00Z");

let db: ScratchDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  db = await createScratchDatabase("seed");
  await migrate(db.url);
  prisma = createPrismaClient(db.url, { maxConnections: 2 });
});

afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

async function seedRuns() {
  return prisma.auditLog.count({ where: { action: "SEED" } });
}

describe("seedDatabase", () => {
  it("writes nothing at all when the first run fails half-way", async () => {
    // A department that collides with the seed's own: the reference load fails after it started.
    await prisma.department.create({
      data: { code: "SO_NV", nameVi: "x", nameEn: "x", validFrom: new Date("2019-01-01") },
    });
    await expect(seedDatabase(prisma, { demo: true, now: NOW })).rejects.toThrow();
    expect(await prisma.department.count()).toBe(1);
    expect(await prisma.sector.count()).toBe(0);
    expect(await prisma.adminUnit.count()).toBe(0);
    expect(await prisma.user.count()).toBe(0);
    expect(await seedRuns()).toBe(0);
    await prisma.department.deleteMany();
  });

  it("loads the reference data on the first run, without demo data when demo is off", async () => {
    const result = await seedDatabase(prisma, { demo: false, now: NOW });
    expect(result.created).toBe(true);
    expect(result.demoCreated).toBe(false);
    // 22 of Resolution 01-NQ/TU, 10 of Decision 749/QĐ-TTg (issue #15): one per provincial target answering it.
    expect(result.counts).toMatchObject({ units: 392, successions: 285, indicators: 19, targets: 32, baselines: 7, periods: 24 });
    expect(await prisma.figure.count()).toBe(0);
    expect(await prisma.user.count()).toBe(0);
  });

  it("stores the units of both snapshots, linked to their parents", async () => {
    const byLevel = await prisma.adminUnit.groupBy({ by: ["level", "validFrom"], _count: { _all: true } });
    const counts = Object.fromEntries(byLevel.map((g) => [`${g.level}@${g.validFrom.toISOString().slice(0, 10)}`, g._count._all]));
    expect(counts).toEqual({
      "PROVINCE@2019-01-01": 2,
      "DISTRICT@2019-01-01": 17,
      "COMMUNE@2019-01-01": 280,
      "PROVINCE@2025-07-01": 1,
      "COMMUNE@2025-07-01": 92,
    });
    const thaiNguyenOld = await prisma.adminUnit.findFirstOrThrow({
      where: { code: "19", validFrom: new Date("2019-01-01") },
      select: { validTo: true, children: { select: { _count: { select: { children: true } } } } },
    });
    expect(thaiNguyenOld.validTo?.toISOString().slice(0, 10)).toBe("2025-06-30");
    expect(thaiNguyenOld.children).toHaveLength(9);
    expect(thaiNguyenOld.children.reduce((n, d) => n + d._count.children, 0)).toBe(172);
    const newCommunes = await prisma.adminUnit.count({ where: { parent: { code: "19", validFrom: new Date("2025-07-01") } } });
    expect(newCommunes).toBe(92);
  });

  it("links successions from old to new units with their kind", async () => {
    const kinds = await prisma.succession.groupBy({ by: ["kind"], _count: { _all: true } });
    expect(Object.fromEntries(kinds.map((k) => [k.kind, k._count._all]))).toEqual({ FULL: 279, PARTIAL: 6 });
    const intoNewProvince = await prisma.succession.findMany({
      where: { successor: { code: "19", level: "PROVINCE" } },
      select: { predecessor: { select: { code: true, validFrom: true } } },
    });
    expect(intoNewProvince.map((s) => s.predecessor.code).sort()).toEqual(["06", "19"]);
  });

  it("keeps merged departments with their successor, and indicators under today's department", async () => {
    const tttt = await prisma.department.findUniqueOrThrow({
      where: { code: "SO_TTTT" },
      select: { validTo: true, mergedInto: { select: { code: true } } },
    });
    expect(tttt.validTo?.toISOString().slice(0, 10)).toBe("2025-02-28");
    expect(tttt.mergedInto?.code).toBe("SO_KHCN");
    const dvc = await prisma.indicator.findUniqueOrThrow({
      where: { code: "DVC_L4_SHARE" },
      select: { responsibleDepartment: { select: { code: true } }, targets: { where: { programme: { code: "01-NQ/TU" } } }, baselines: true },
    });
    expect(dvc.responsibleDepartment.code).toBe("SO_KHCN");
    expect(dvc.targets.map((t) => [t.year, t.comparator, t.value?.toString()])).toEqual([[2025, "GT", "90"]]);
    expect(dvc.baselines.map((b) => b.value.toString())).toEqual(["34.87"]);
  });

  it("creates reporting periods up to today's quarter, locked except the last two", async () => {
    const periods = await prisma.reportingPeriod.findMany({ orderBy: [{ year: "asc" }, { quarter: "asc" }] });
    expect(periods).toHaveLength(24);
    expect(periods.filter((p) => p.status === "OPEN").map((p) => `${p.year}-Q${p.quarter}`)).toEqual(["2026-Q3", "2026-Q4"]);
    expect(periods.find((p) => p.year === 2026 && p.quarter === 3)!.deadline.toISOString()).toBe("2026-10-20T16:59:59.000Z");
  });

  it("does nothing the second time, but still records the run", async () => {
    const result = await seedDatabase(prisma, { demo: false, now: NOW });
    expect(result.created).toBe(false);
    expect(Object.values(result.counts).every((n) => n === 0)).toBe(true);
    expect(await prisma.adminUnit.count()).toBe(392);
    expect(await seedRuns()).toBe(2);
  });

  it("adds the demo data to an existing database when asked, once", async () => {
    const result = await seedDatabase(prisma, { demo: true, now: NOW });
    expect(result.created).toBe(false);
    expect(result.demoCreated).toBe(true);
    expect(result.counts.users).toBe(DEMO_ACCOUNTS.length);
    const figures = await prisma.figure.count();
    expect(figures).toBeGreaterThan(6000);
    expect(await prisma.figure.count({ where: { isDemo: false } })).toBe(0);
    // Invented baseline counts are marked as demo; the resolution's own are not.
    expect(await prisma.baseline.count({ where: { isDemo: true } })).toBe(result.counts.baselines);
    expect(result.counts.baselines).toBeGreaterThan(0);
    expect(await prisma.baseline.count({ where: { isDemo: false } })).toBe(7);

    const again = await seedDatabase(prisma, { demo: true, now: NOW });
    expect(again.demoCreated).toBe(false);
    expect(await prisma.figure.count()).toBe(figures);
    expect(await seedRuns()).toBe(4);
  });

  it("publishes every approved demo figure once, and only those", async () => {
    const statuses = await prisma.figure.groupBy({ by: ["status"], _count: { _all: true } });
    const byStatus = Object.fromEntries(statuses.map((s) => [s.status, s._count._all]));
    expect(byStatus.SUBMITTED).toBeGreaterThan(0);
    expect(byStatus.DRAFT).toBeGreaterThan(0);
    expect(await prisma.figurePublication.count()).toBe(byStatus.APPROVED);
    expect(await prisma.figurePublication.count({ where: { OR: [{ revision: { not: 1 } }, { isDemo: false }] } })).toBe(0);
    const unpublishedApproved = await prisma.figure.count({ where: { status: "APPROVED", publications: { none: {} } } });
    expect(unpublishedApproved).toBe(0);
  });

  it("files demo figures under the department of their quarter", async () => {
    const rows = await prisma.figure.findMany({
      where: { indicator: { code: "DVC_L4_SHARE" }, period: { year: { in: [2024, 2025] } } },
      select: { period: { select: { year: true, quarter: true } }, department: { select: { code: true } } },
    });
    for (const r of rows) {
      expect(r.department.code).toBe(r.period.year === 2024 ? "SO_TTTT" : "SO_KHCN");
    }
    expect(rows).toHaveLength(8);
  });

  it("has no district figures after 2025 Q2", async () => {
    const late = await prisma.figure.count({
      where: { unit: { level: "DISTRICT" }, period: { OR: [{ year: { gt: 2025 } }, { year: 2025, quarter: { gte: 3 } }] } },
    });
    expect(late).toBe(0);
    expect(await prisma.figure.count({ where: { unit: { level: "DISTRICT" } } })).toBe(17 * 18);
  });

  it("creates one demo account per role whose password is the published one", async () => {
    const users = await prisma.user.findMany({ select: { email: true, role: true, isDemo: true, passwordHash: true } });
    expect(users.map((u) => u.email).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
    for (const u of users) {
      const account = DEMO_ACCOUNTS.find((a) => a.email === u.email)!;
      expect(u.role).toBe(account.role);
      expect(u.isDemo).toBe(true);
      expect(u.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verify(u.passwordHash, account.password)).toBe(true);
    }
  });
});
