/**
 * Shared by the figures-*.test.ts files: a scratch database of their own
 * (migrated, demo-seeded as of 28 November 2026), the demo actors, lookups by
 * code, and a checksum of everything a figure write may touch.
 */
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { seedDatabase } from "@/lib/seed/seed";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { createScratchDatabase, type ScratchDatabase } from "./helpers/database";

/** "Today" of the demo data: 2026 Q3 and Q4 are open, everything before is locked. */
export const NOW = new Date("2026-11-28T08:00:00Z");

export const EMAILS = {
  admin: "admin@demo.dx-tracker.vn",
  approver: "approver@demo.dx-tracker.vn",
  editor: "editor@demo.dx-tracker.vn",
  editorVp: "editor-vp@demo.dx-tracker.vn",
  viewer: "viewer@demo.dx-tracker.vn",
} as const;

export type DemoActors = Record<keyof typeof EMAILS, Actor>;

export interface FigureTestDb {
  scratch: ScratchDatabase;
  prisma: PrismaClient;
  actors: DemoActors;
  close(): Promise<void>;
}

export async function setupFigureDatabase(label: string, maxConnections = 5): Promise<FigureTestDb> {
  const scratch = await createScratchDatabase(label);
  try {
    await migrate(scratch.url);
    const prisma = createPrismaClient(scratch.url, { maxConnections });
    await seedDatabase(prisma, { demo: true, now: NOW });
    const actors = {} as DemoActors;
    for (const [key, email] of Object.entries(EMAILS) as [keyof typeof EMAILS, string][]) {
      actors[key] = await actorByEmail(prisma, email);
    }
    return {
      scratch,
      prisma,
      actors,
      async close() {
        await prisma.$disconnect();
        await scratch.drop();
      },
    };
  } catch (error) {
    await scratch.drop();
    throw error;
  }
}

export async function actorByEmail(prisma: PrismaClient, email: string): Promise<Actor> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const actor = await loadActor(prisma, user.id);
  if (!actor) throw new Error(`no actor for ${email}`);
  return actor;
}

/** An editor of a department limited to some units (the demo has none). */
export async function createScopedEditor(prisma: PrismaClient, email: string, departmentCode: string, unitIds: number[]): Promise<Actor> {
  const department = await prisma.department.findUniqueOrThrow({ where: { code: departmentCode }, select: { id: true } });
  await prisma.user.create({
    data: {
      email,
      name: `Cán bộ thử nghiệm ${email}`,
      passwordHash: "not-a-real-hash",
      role: "EDITOR",
      departmentId: department.id,
      unitScopes: { create: unitIds.map((unitId) => ({ unitId })) },
    },
  });
  return actorByEmail(prisma, email);
}

export async function periodId(prisma: PrismaClient, year: number, quarter: number): Promise<number> {
  return (await prisma.reportingPeriod.findUniqueOrThrow({ where: { year_quarter: { year, quarter } }, select: { id: true } })).id;
}

export async function indicatorId(prisma: PrismaClient, code: string): Promise<number> {
  return (await prisma.indicator.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
}

export async function sectorId(prisma: PrismaClient, code: string): Promise<number> {
  return (await prisma.sector.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
}

/** The unit with this GSO code as it existed on the day. */
export async function unitOn(prisma: PrismaClient, code: string, day: string): Promise<{ id: number; name: string }> {
  const d = new Date(`${day}T00:00:00Z`);
  return prisma.adminUnit.findFirstOrThrow({
    where: { code, validFrom: { lte: d }, OR: [{ validTo: null }, { validTo: { gte: d } }] },
    select: { id: true, name: true },
  });
}

export async function anyUnit(prisma: PrismaClient, level: "DISTRICT" | "COMMUNE", day: string): Promise<{ id: number; name: string }> {
  const d = new Date(`${day}T00:00:00Z`);
  return prisma.adminUnit.findFirstOrThrow({
    where: { level, validFrom: { lte: d }, OR: [{ validTo: null }, { validTo: { gte: d } }] },
    select: { id: true, name: true },
    orderBy: { code: "asc" },
  });
}

/** New communes with no commune-dossier figure in the quarter (the demo leaves some out). */
export async function missingCommunes(prisma: PrismaClient, year: number, quarter: number): Promise<{ id: number; name: string }[]> {
  const indicator = await indicatorId(prisma, "WORK_DOSSIER_ONLINE_COMMUNE");
  const period = await periodId(prisma, year, quarter);
  return prisma.adminUnit.findMany({
    where: {
      level: "COMMUNE",
      validFrom: new Date("2025-07-01T00:00:00Z"),
      figures: { none: { indicatorId: indicator, periodId: period } },
    },
    select: { id: true, name: true },
    orderBy: { code: "asc" },
  });
}

/** Fingerprint of every row a figure write may change: figures, publications and the audit log. */
export async function checksum(prisma: PrismaClient): Promise<string> {
  const [row] = await prisma.$queryRawUnsafe<{ figures: string; publications: string; audit: string }[]>(`
    SELECT (SELECT count(*)::text || ':' || coalesce(sum(hashtext(f::text)::bigint), 0)::text FROM "Figure" f) AS figures,
           (SELECT count(*)::text || ':' || coalesce(sum(hashtext(p::text)::bigint), 0)::text FROM "FigurePublication" p) AS publications,
           (SELECT count(*)::text || ':' || coalesce(max(id), 0)::text FROM "AuditLog") AS audit`);
  return `${row!.figures}|${row!.publications}|${row!.audit}`;
}

/** Runs fn and returns what it threw (fails if it did not throw). */
export async function refusal(fn: () => Promise<unknown>): Promise<Error & { code?: string; details?: unknown; fieldErrors?: Record<string, string[]> }> {
  try {
    await fn();
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error("expected a refusal, but the call succeeded");
}
