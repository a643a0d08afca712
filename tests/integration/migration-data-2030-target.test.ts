/**
 * Migration 20261203170000_key_sector_platforms_target brings a database seeded
 * before issue #14 (item 13) to what the seed now writes: the 2030 qualitative
 * target on platforms for the key economic sectors, and the three targets not in
 * the article marked as unverified. On a fresh database it does nothing (the seed
 * runs after it and writes the same rows).
 */
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { DEFAULT_MIGRATIONS_DIR, migrate } from "@/lib/db/migrate";
import { seedDatabase } from "@/lib/seed/seed";
import { PROVINCE_SUMMARY_SOURCE_VI, TARGETS } from "@/lib/seed/resolution";
import { createScratchDatabase, withClient, type ScratchDatabase } from "./helpers/database";

const NAME = "20261203170000_key_sector_platforms_target";
const CODE = "KEY_SECTOR_DATA_PLATFORMS";
const OLD_SUMMARY = PROVINCE_SUMMARY_SOURCE_VI.replace("; chưa đối chiếu được với văn bản gốc)", ")");

let db: ScratchDatabase;
let dirBefore: string;

beforeAll(async () => {
  db = await createScratchDatabase("mig2030");
  dirBefore = await mkdtemp(path.join(tmpdir(), "dxt-migs-"));
  await cp(DEFAULT_MIGRATIONS_DIR, dirBefore, { recursive: true });
  await rm(path.join(dirBefore, NAME), { recursive: true });
});
afterAll(async () => {
  await db?.drop();
  if (dirBefore) await rm(dirBefore, { recursive: true, force: true });
});

async function snapshot(url: string) {
  return withClient(url, async (c) => {
    const indicator = await c.query(`SELECT "id", "kind", "unitVi", "responsibleDepartmentId" FROM "Indicator" WHERE "code" = $1`, [CODE]);
    const targets = await c.query(
      `SELECT t."year", t."comparator", t."value", t."sourceClauseVi" FROM "Target" t JOIN "Indicator" i ON i."id" = t."indicatorId" WHERE i."code" = $1`,
      [CODE],
    );
    const unverified = await c.query(`SELECT count(*)::int AS n FROM "Target" WHERE "sourceVi" = $1`, [PROVINCE_SUMMARY_SOURCE_VI]);
    const old = await c.query(`SELECT count(*)::int AS n FROM "Target" WHERE "sourceVi" = $1`, [OLD_SUMMARY]);
    const audits = await c.query(`SELECT "action", "entityType" FROM "AuditLog" WHERE "actorLabel" = $1 ORDER BY "action"`, [`migration ${NAME}`]);
    return { indicator: indicator.rows, targets: targets.rows, unverified: unverified.rows[0].n, old: old.rows[0].n, audits: audits.rows };
  });
}

describe(`migration ${NAME}`, () => {
  it("adds the missing 2030 target and marks the unverified sources on a database seeded before it, with audit rows", async () => {
    await migrate(db.url, { dir: dirBefore });
    const prisma = createPrismaClient(db.url, { maxConnections: 2 });
    try {
      await seedDatabase(prisma, { demo: false });
    } finally {
      await prisma.$disconnect();
    }
    // What the seed wrote before item 13: no such indicator, and the summary's old wording.
    await withClient(db.url, async (c) => {
      await c.query(`DELETE FROM "Target" WHERE "indicatorId" = (SELECT "id" FROM "Indicator" WHERE "code" = $1)`, [CODE]);
      await c.query(`DELETE FROM "Indicator" WHERE "code" = $1`, [CODE]);
      await c.query(`UPDATE "Target" SET "sourceVi" = $1 WHERE "sourceVi" = $2`, [OLD_SUMMARY, PROVINCE_SUMMARY_SOURCE_VI]);
    });
    const before = await snapshot(db.url);
    expect(before).toMatchObject({ indicator: [], targets: [], unverified: 0, old: 3 });

    // Replayed out of order: in real history this migration ran before 20261204100000_programmes, which
    // then gave every target the resolution's programme. Its new target gets that programme here.
    await withClient(db.url, async (c) => {
      const { rows } = await c.query(`SELECT "id" FROM "Programme" WHERE "code" = '01-NQ/TU'`);
      await c.query(`ALTER TABLE "Target" ALTER COLUMN "programmeId" SET DEFAULT ${Number(rows[0].id)}`);
    });
    const result = await migrate(db.url);
    expect(result.applied).toEqual([NAME]);

    const after = await snapshot(db.url);
    const seeded = TARGETS.find((t) => t.indicatorCode === CODE)!;
    expect(after.indicator).toHaveLength(1);
    expect(after.indicator[0]).toMatchObject({ kind: "COUNT", unitVi: "ngành" });
    expect(after.targets).toEqual([{ year: 2030, comparator: "GTE", value: null, sourceClauseVi: seeded.sourceClauseVi }]);
    expect(after).toMatchObject({ unverified: 3, old: 0 });
    expect(after.audits.map((a: { action: string }) => a.action)).toEqual(["CREATE", "UPDATE", "UPDATE", "UPDATE"]);
  });

  it("changes nothing on a fresh database (the seed, run after it, writes the same rows)", async () => {
    const fresh = await createScratchDatabase("mig2030b");
    try {
      await migrate(fresh.url);
      const empty = await snapshot(fresh.url);
      expect(empty).toMatchObject({ indicator: [], targets: [], unverified: 0, old: 0, audits: [] });
    } finally {
      await fresh.drop();
    }
  });
});
