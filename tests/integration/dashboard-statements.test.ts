/**
 * The dashboard's statements are sent as named prepared statements on
 * PostgreSQL (planned once per connection, lib/data/dashboard-sql.ts), never on
 * the embedded PGlite, where pglite-socket serves every connection from one
 * session and a name prepared by one connection would collide with the next.
 * The embedded case starts its own PGlite whatever DATABASE_URL says.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient, poolOf } from "@/lib/db/client";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { Prisma } from "@/lib/generated/prisma/client";
import { asJson, queryJson } from "@/lib/db/json-query";
import { createScratchDatabase, type ScratchDatabase } from "./helpers/database";

// Three texts (k is written into each) with a parameter each: three prepared statements.
const statements = [1, 2, 3].map((k) =>
  asJson({ rows: { sql: Prisma.sql`SELECT g AS n, ${Prisma.raw(String(k))} AS k FROM generate_series(1, ${k + 1}::int) g`, cols: ["n", "k"] } }),
);

/** Rounds of 30 loads of three statements through every connection of the pool at once; the statements the server then holds. */
async function hammer(url: string, connections: number, rounds = 2) {
  const db = createPrismaClient(url, { maxConnections: connections });
  try {
    for (let round = 0; round < rounds; round++) {
      const docs = await Promise.all(Array.from({ length: 30 }, (_, i) => queryJson<{ rows: { n: number; k: number }[] }>(db, statements[i % 3]!)));
      docs.forEach((d, i) => expect(d.rows).toEqual(Array.from({ length: (i % 3) + 2 }, (_, j) => ({ n: j + 1, k: (i % 3) + 1 }))));
    }
    const prepared = await poolOf(db)!.query<{ name: string }>("SELECT name FROM pg_prepared_statements");
    return prepared.rows.map((r) => r.name);
  } finally {
    await db.$disconnect();
    // Prisma never used its engine here (queryJson goes to the pool directly), so end the pool itself.
    const pool = poolOf(db)!;
    if (!pool.ending) await pool.end();
  }
}

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanup.splice(0)) await c();
});

describe("prepared statements", () => {
  it("on the embedded PGlite: unnamed, so many connections of one session never collide", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "dxt-stmt-"));
    const embedded = await startEmbeddedDatabase({ dataDir, maxConnections: 6 });
    cleanup.push(async () => {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    });
    expect(await hammer(embedded.url, 4)).toEqual([]);
  });

  it.runIf(process.env.DATABASE_URL)("on PostgreSQL: named, prepared once per connection", async () => {
    const scratch: ScratchDatabase = await createScratchDatabase("stmt");
    cleanup.push(() => scratch.drop());
    // One connection, so the pg_prepared_statements read sees the session that ran them.
    const names = await hammer(scratch.url, 1);
    expect(names.sort()).toEqual(statements.map((s) => s.prepared.name).sort());
    expect(new Set(names).size).toBe(3);
  });
});
