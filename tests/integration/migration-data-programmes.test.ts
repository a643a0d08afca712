/**
 * Migration 20261204100000_programmes (issue #15) on a copy of the demo database as it was before
 * it: every target stays, now under Resolution 01-NQ/TU; the national programme and the targets the
 * provincial ones answer are added exactly as the seed writes them on a fresh database; nothing
 * else is lost. The "before" copy is the demo database of today with the migration taken out again
 * (its columns, table, types and record), which is the schema every earlier database has.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { seedDatabase } from "@/lib/seed/seed";
import { createScratchDatabase, withClient, type ScratchDatabase } from "./helpers/database";
import { diffShapes, shapeFromDatabase } from "./helpers/schema-diff";

const NAME = "20261204100000_programmes";

let db: ScratchDatabase;
let plain: ScratchDatabase;

beforeAll(async () => {
  [db, plain] = await Promise.all([createScratchDatabase("migprog"), createScratchDatabase("migprogb")]);
});
afterAll(async () => {
  await Promise.all([db?.drop(), plain?.drop()]);
});

/** Targets by what they are (ids of re-inserted rows differ), with their programme and the target they answer. */
async function targets(url: string) {
  return withClient(url, async (c) => {
    const { rows } = await c.query(`
      SELECT i.code AS indicator, t.level::text, s.code AS sector, t.year, t.comparator::text, t.value::float8 AS value, t."descriptionVi",
             t."sourceClauseVi", t."sourceVi", t."supersededAt", p.code AS programme,
             ap.code AS answers_programme, a.comparator::text AS answers_comparator, a.value::float8 AS answers_value
      FROM "Target" t JOIN "Indicator" i ON i.id = t."indicatorId" LEFT JOIN "Sector" s ON s.id = t."sectorId"
      JOIN "Programme" p ON p.id = t."programmeId"
      LEFT JOIN "Target" a ON a.id = t."answersTargetId" LEFT JOIN "Programme" ap ON ap.id = a."programmeId"
      ORDER BY p.code, i.code, t.level, s.code NULLS FIRST, t.year, t.id`);
    return rows;
  });
}

async function programmes(url: string) {
  return withClient(url, async (c) => {
    const { rows } = await c.query(`SELECT code, "titleVi", "titleEn", "issuerVi", "issuedOn"::text, "startYear", "endYear", "visionYear", scope::text, "provinceCode", status::text, "sourceVi" FROM "Programme" ORDER BY code`);
    return rows;
  });
}

async function counts(url: string) {
  return withClient(url, async (c) => {
    const { rows } = await c.query(`
      SELECT (SELECT count(*)::int FROM "Figure") AS figures, (SELECT count(*)::int FROM "FigurePublication") AS publications,
             (SELECT count(*)::int FROM "Indicator") AS indicators, (SELECT count(*)::int FROM "Baseline") AS baselines,
             (SELECT count(*)::int FROM "Target" WHERE "programmeId" = (SELECT id FROM "Programme" WHERE code = '01-NQ/TU')) AS provincial`);
    return rows[0];
  });
}

/** Takes the migration out again: the schema and data every database had before it. */
async function unmigrate(url: string) {
  await withClient(url, async (c) => {
    await c.query("BEGIN");
    await c.query(`DELETE FROM "AuditLog" WHERE "entityType" = 'Programme'`);
    await c.query(`UPDATE "Target" SET "answersTargetId" = NULL`);
    await c.query(`DELETE FROM "Target" WHERE "programmeId" IN (SELECT id FROM "Programme" WHERE scope = 'NATIONAL')`);
    await c.query(`ALTER TABLE "Target" DROP COLUMN "answersTargetId", DROP COLUMN "programmeId"`);
    await c.query(`DROP TABLE "Programme"`);
    await c.query(`DROP TYPE "ProgrammeScope"; DROP TYPE "ProgrammeStatus"`);
    await c.query(`DELETE FROM "_prisma_migrations" WHERE migration_name = $1`, [NAME]);
    await c.query("COMMIT");
  });
}

describe(`migration ${NAME}`, () => {
  it("moves every target of a demo database under Resolution 01-NQ/TU and adds the national programme as the seed does, losing nothing", async () => {
    await migrate(db.url);
    const prisma = createPrismaClient(db.url, { maxConnections: 2 });
    try {
      await seedDatabase(prisma, { demo: true });
    } finally {
      await prisma.$disconnect();
    }
    const seeded = { targets: await targets(db.url), programmes: await programmes(db.url), counts: await counts(db.url) };
    expect(seeded.programmes.map((p) => p.code)).toEqual(["01-NQ/TU", "749/QĐ-TTg"]);
    expect(seeded.counts.figures).toBeGreaterThan(1000);
    const dvc = seeded.targets.filter((t) => t.indicator === "DVC_L4_SHARE" && t.year === 2025);
    expect(dvc.map((t) => [t.programme, t.comparator, t.value, t.answers_programme, t.answers_comparator, t.answers_value])).toEqual([
      ["01-NQ/TU", "GT", 90, "749/QĐ-TTg", "GTE", 80],
      ["749/QĐ-TTg", "GTE", 80, null, null, null],
    ]);

    await unmigrate(db.url);
    const result = await migrate(db.url);
    expect(result.applied).toEqual([NAME]);

    expect(await programmes(db.url)).toEqual(seeded.programmes);
    expect(await targets(db.url)).toEqual(seeded.targets);
    expect(await counts(db.url)).toEqual(seeded.counts);
    const audits = await withClient(db.url, (c) => c.query(`SELECT "entityId", "actorLabel" FROM "AuditLog" WHERE "entityType" = 'Programme' ORDER BY "entityId"`));
    expect(audits.rows).toHaveLength(2);
    expect(audits.rows.every((a) => a.actorLabel === `migration ${NAME}`)).toBe(true);

    // And the schema is the one a fresh database gets.
    await migrate(plain.url);
    expect(diffShapes(await withClient(plain.url, shapeFromDatabase), await withClient(db.url, shapeFromDatabase))).toEqual([]);
  });

  it("on a fresh database writes no programme (the seed, run after it, writes them)", async () => {
    await migrate(plain.url);
    expect(await programmes(plain.url)).toEqual([]);
  });
});
