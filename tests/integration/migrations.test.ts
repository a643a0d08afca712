import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, migrationChecksum, readMigrations, DEFAULT_MIGRATIONS_DIR } from "@/lib/db/migrate";
import { createScratchDatabase, withClient, type ScratchDatabase } from "./helpers/database";
import { diffShapes, readDmmf, readProjectSchema, shapeFromDatabase, shapeFromDmmf } from "./helpers/schema-diff";

let db: ScratchDatabase;

beforeAll(async () => {
  db = await createScratchDatabase("mig");
});
afterAll(async () => {
  await db?.drop();
});

describe("db:migrate", () => {
  it("applies every migration once, concurrently started runs included, and records them as Prisma does", async () => {
    const migrations = await readMigrations();
    expect(migrations.length).toBeGreaterThan(0);

    // Two instances starting at once: the advisory lock lets one apply, the other finds it done.
    const [a, b] = await Promise.all([migrate(db.url), migrate(db.url)]);
    expect([...a.applied, ...b.applied].sort()).toEqual(migrations.map((m) => m.name).sort());
    expect([...a.alreadyApplied, ...b.alreadyApplied].sort()).toEqual(migrations.map((m) => m.name).sort());

    const rows = await withClient(db.url, (c) =>
      c.query(`SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name`),
    );
    expect(rows.rows).toHaveLength(migrations.length);
    for (const [i, m] of migrations.entries()) {
      const row = rows.rows[i];
      expect(row.migration_name).toBe(m.name);
      // Prisma's checksum is the SHA-256 of the script, so `prisma migrate deploy` sees it as applied.
      const file = await readFile(path.join(DEFAULT_MIGRATIONS_DIR, m.name, "migration.sql"), "utf8");
      expect(row.checksum).toBe(migrationChecksum(file));
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.rolled_back_at).toBeNull();
    }
  });

  it("is idempotent: a second run applies nothing and changes nothing", async () => {
    const before = await withClient(db.url, shapeFromDatabase);
    const again = await migrate(db.url);
    expect(again.applied).toEqual([]);
    const after = await withClient(db.url, shapeFromDatabase);
    expect(after).toEqual(before);
    const count = await withClient(db.url, (c) => c.query(`SELECT count(*)::int AS n FROM "_prisma_migrations"`));
    expect(count.rows[0].n).toBe((await readMigrations()).length);
  });

  it("agrees with schema.prisma: tables, columns, types, nullability, keys, uniques, indexes, foreign keys, enums", async () => {
    const expected = shapeFromDmmf(readDmmf(readProjectSchema()));
    const actual = await withClient(db.url, shapeFromDatabase);
    expect(diffShapes(expected, actual)).toEqual([]);
    expect(Object.keys(actual.tables)).toContain("Figure");
  });

  it("the drift check notices a schema.prisma the migrations do not implement", async () => {
    const actual = await withClient(db.url, shapeFromDatabase);
    const schema = readProjectSchema()
      .replace("  comment       String?\n", "  comment       String?\n  note          String\n")
      .replace("@@unique([year, quarter])", "@@index([year, quarter])")
      .replace('onDelete: Cascade)\n  successor', 'onDelete: Restrict)\n  successor');
    const diff = diffShapes(shapeFromDmmf(readDmmf(schema)), actual);
    expect(diff).toContain("Figure.note: column in schema.prisma, not in the database");
    expect(diff).toContain("ReportingPeriod: unique year,quarter in the database, not in schema.prisma");
    expect(diff).toContain("ReportingPeriod: index year,quarter in schema.prisma, not in the database");
    expect(diff.some((d) => d.startsWith("Succession: foreign key (predecessorId)"))).toBe(true);
  });

  it("rolls a failing migration back completely and says which one failed", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "dxt-migs-"));
    try {
      await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
      const bad = path.join(dir, "29991231000000_broken");
      await mkdir(bad);
      await writeFile(
        path.join(bad, "migration.sql"),
        `CREATE TABLE "ShouldNotExist" ("id" INTEGER);\nALTER TABLE "NoSuchTable" ADD COLUMN "x" INTEGER;\n`,
      );
      await expect(migrate(db.url, { dir })).rejects.toThrow(/29991231000000_broken thất bại/);
      const leftovers = await withClient(db.url, (c) =>
        c.query(
          `SELECT (SELECT count(*)::int FROM pg_tables WHERE tablename = 'ShouldNotExist') AS tables,
                  (SELECT count(*)::int FROM "_prisma_migrations" WHERE migration_name = '29991231000000_broken') AS rows`,
        ),
      );
      expect(leftovers.rows[0]).toEqual({ tables: 0, rows: 0 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses to run when an applied migration was edited afterwards", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "dxt-migs-"));
    try {
      await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
      const [first] = await readMigrations(dir);
      const file = path.join(dir, first!.name, "migration.sql");
      await writeFile(file, (await readFile(file, "utf8")) + "\n-- edited\n");
      await expect(migrate(db.url, { dir })).rejects.toThrow(/checksum khác/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
