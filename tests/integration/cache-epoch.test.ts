/**
 * The one invalidation signal (ADR 015): a committed write to what the caches
 * are built from reaches every listening process through PostgreSQL's
 * LISTEN/NOTIFY — on the machine's PostgreSQL (DATABASE_URL) when set, and on
 * the embedded PGlite always (its connections share one session, so the
 * notification must be routed to the listening connection).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { currentEpoch, startEpochListener, stopEpochListener, syncEpoch } from "@/lib/cache/epoch";
import { cachedByEpoch } from "@/lib/cache/memo";
import { createPrismaClient } from "@/lib/db/client";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { createScratchDatabase } from "./helpers/database";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await stopEpochListener();
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function until(condition: () => boolean, ms = 2_000): Promise<number> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return performance.now() - started;
}

async function migratedDatabase(kind: "postgres" | "embedded"): Promise<string> {
  if (kind === "postgres") {
    const db = await createScratchDatabase("epoch");
    cleanups.push(() => db.drop());
    await migrate(db.url);
    return db.url;
  }
  const dir = await mkdtemp(path.join(tmpdir(), "dxt-epoch-"));
  const embedded = await startEmbeddedDatabase({ dataDir: dir, maxConnections: 8 });
  cleanups.push(async () => {
    await embedded.stop();
    await rm(dir, { recursive: true, force: true });
  });
  await migrate(embedded.url);
  return embedded.url;
}

const kinds = (process.env.DATABASE_URL ? ["postgres", "embedded"] : ["embedded"]) as ("postgres" | "embedded")[];

describe.each(kinds)("cache epoch on %s", (kind) => {
  it("is notified to a listening process when — and only when — a writing transaction commits", async () => {
    const url = await migratedDatabase(kind);
    await startEpochListener(url);
    const start = currentEpoch();
    expect(start.databaseId).toMatch(/^[0-9a-f-]{36}$/);

    // Another process's writer: a plain connection, not this process's syncEpoch.
    const writer = new pg.Client({ connectionString: url });
    await writer.connect();
    cleanups.push(() => writer.end());

    await writer.query("BEGIN");
    await writer.query(`INSERT INTO "Sector" ("code", "nameVi", "nameEn") VALUES ('TEST_ROLLBACK', 'Thử', 'Test')`);
    await writer.query("ROLLBACK");
    await new Promise((r) => setTimeout(r, 300));
    expect(currentEpoch().generation).toBe(start.generation);

    await writer.query(`INSERT INTO "Sector" ("code", "nameVi", "nameEn") VALUES ('TEST_COMMIT', 'Thử', 'Test')`);
    await until(() => currentEpoch().generation > start.generation);

    // A write the caches are not built from (the audit log) signals nothing.
    const after = currentEpoch().generation;
    await writer.query(`INSERT INTO "AuditLog" ("actorLabel", "action", "entityType", "entityId") VALUES ('test', 'TEST', 'Test', '1')`);
    await new Promise((r) => setTimeout(r, 300));
    expect(currentEpoch().generation).toBe(after);
  });

  it("drops a cached value on the listener's signal, and a writer in the same process sees its own write at once", async () => {
    const url = await migratedDatabase(kind);
    await startEpochListener(url);
    const prisma = createPrismaClient(url, { maxConnections: 2 });
    cleanups.push(() => prisma.$disconnect());
    let reads = 0;
    const read = () => cachedByEpoch(prisma, "sectors", async () => ((reads += 1), prisma.sector.count()));
    expect(await read()).toBe(0);
    expect(await read()).toBe(0);
    expect(reads).toBe(1);

    await prisma.sector.create({ data: { code: "S1", nameVi: "Một", nameEn: "One" } });
    await syncEpoch(prisma); // what afterCommit does in the writing process
    expect(await read()).toBe(1);
    expect(reads).toBe(2);

    // A write by "another instance": this process learns it from the notification alone.
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    cleanups.push(() => other.end());
    const before = currentEpoch().generation;
    await other.query(`INSERT INTO "Sector" ("code", "nameVi", "nameEn") VALUES ('S2', 'Hai', 'Two')`);
    await until(() => currentEpoch().generation > before);
    expect(await read()).toBe(2);
  });
});

describe("cache epoch listener", () => {
  it("refuses to start without the migration's table, so a server never runs without its signal", async () => {
    const db = await createScratchDatabase("epoch-empty");
    cleanups.push(() => db.drop());
    await expect(startEpochListener(db.url)).rejects.toThrow();
  });
});
