/**
 * The seed for a province other than the default (ADR 034), Hà Nội (01), on its own
 * scratch database: its units before and after 1 July 2025 and the successions from the
 * national lists, the national programme but not Thái Nguyên's resolution, and in demo mode
 * a demo programme with targets and demo figures on its own units.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { seedDatabase } from "@/lib/seed/seed";
import { createScratchDatabase, type ScratchDatabase } from "./helpers/database";

const NOW = new Date("2026-11-28T08:00:00Z");
const REFORM = new Date("2025-07-01");

let db: ScratchDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  db = await createScratchDatabase("seed01");
  await migrate(db.url);
  prisma = createPrismaClient(db.url, { maxConnections: 2 });
});

afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

describe("seedDatabase for Hà Nội (01)", () => {
  it("refuses a code that is no province since 1 July 2025 (Bắc Kạn, 06) before writing anything, in Vietnamese", async () => {
    await expect(seedDatabase(prisma, { demo: true, now: NOW, provinceCode: "06" })).rejects.toThrow(
      'DX_PROVINCE_CODE="06" không phải mã tỉnh, thành phố nào trong danh mục từ ngày 01/07/2025.',
    );
    expect(await prisma.auditLog.count()).toBe(0);
  });

  it("loads the city's units and successions, and the national programme without Thái Nguyên's resolution", async () => {
    const result = await seedDatabase(prisma, { demo: false, now: NOW, provinceCode: "01" });
    // 1 + 30 + 526 units before the reform, 1 + 126 after; 1 province row and 796 commune rows.
    expect(result.counts).toMatchObject({ units: 684, successions: 797, indicators: 19, targets: 0, baselines: 0 });
    expect(await prisma.programme.findMany({ select: { code: true }, orderBy: { code: "asc" } })).toEqual([{ code: "749/QĐ-TTg" }]);
    expect(await prisma.target.count()).toBe(0);
  });

  it("has the city on both sides of the reform and no district valid after 30 June 2025", async () => {
    const provinces = await prisma.adminUnit.findMany({ where: { level: "PROVINCE" }, select: { code: true, name: true, validTo: true }, orderBy: { validFrom: "asc" } });
    expect(provinces).toEqual([
      { code: "01", name: "Thành phố Hà Nội", validTo: new Date("2025-06-30") },
      { code: "01", name: "Thành phố Hà Nội", validTo: null },
    ]);
    expect(await prisma.adminUnit.count({ where: { level: "DISTRICT" } })).toBe(30);
    expect(await prisma.adminUnit.count({ where: { level: "DISTRICT", OR: [{ validTo: null }, { validTo: { gte: REFORM } }] } })).toBe(0);
    expect(await prisma.adminUnit.count({ where: { level: "COMMUNE", validFrom: REFORM, parent: { code: "01" } } })).toBe(126);
    // Every new commune has at least one predecessor among the old communes.
    expect(await prisma.adminUnit.count({ where: { level: "COMMUNE", validFrom: REFORM, predecessors: { none: {} } } })).toBe(0);
    const statistics = await prisma.department.findUniqueOrThrow({ where: { code: "THONG_KE" }, select: { nameVi: true } });
    expect(statistics.nameVi).toBe("Thống kê thành phố Hà Nội");
  });

  it("in demo mode adds the demo programme DEMO-01 with its targets and demo figures on the city's units", async () => {
    const result = await seedDatabase(prisma, { demo: true, now: NOW, provinceCode: "01" });
    expect(result.demoCreated).toBe(true);
    const programme = await prisma.programme.findUniqueOrThrow({
      where: { code: "DEMO-01" },
      select: { titleVi: true, provinceCode: true, scope: true, _count: { select: { targets: true } } },
    });
    expect(programme).toMatchObject({ provinceCode: "01", scope: "PROVINCE" });
    expect(programme.titleVi).toContain("thành phố Hà Nội");
    expect(programme.titleVi).toContain("demo");
    expect(programme._count.targets).toBeGreaterThanOrEqual(5);
    // The national targets answered by the demo programme's 2025 targets, linked from them.
    expect(await prisma.target.count({ where: { programme: { code: "DEMO-01" }, answersTargetId: { not: null } } })).toBeGreaterThan(0);
    expect(result.counts.figures).toBeGreaterThan(0);
    const foreign = await prisma.figure.count({ where: { unit: { NOT: [{ code: "01" }, { parent: { code: "01" } }, { parent: { parent: { code: "01" } } }] } } });
    expect(foreign).toBe(0);
    expect(await prisma.figure.count({ where: { unit: { level: "COMMUNE", validFrom: REFORM } } })).toBeGreaterThan(0);
  });
});
