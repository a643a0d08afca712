/**
 * Scratch databases for tests: a fresh database on the PostgreSQL of
 * DATABASE_URL when it is set, otherwise a fresh embedded PGlite in a temporary
 * folder. Either way the code under test connects through node-postgres.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedDatabase } from "@/lib/db/embedded";

export interface ScratchDatabase {
  url: string;
  kind: "postgres" | "embedded";
  drop(): Promise<void>;
}

/** A fresh database on the PostgreSQL server of `base` (tests, the end-to-end specs, the benchmarks). */
export async function createPostgresScratchDatabase(base: string, label = "t"): Promise<ScratchDatabase & { name: string }> {
  const name = `dxt_${label}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  await withClient(base, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    kind: "postgres",
    async drop() {
      await withClient(base, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

export async function createScratchDatabase(label = "t"): Promise<ScratchDatabase> {
  const base = process.env.DATABASE_URL;
  if (base) return createPostgresScratchDatabase(base, label);
  const dir = await mkdtemp(path.join(tmpdir(), `dxt-${label}-`));
  const embedded = await startEmbeddedDatabase({ dataDir: dir, maxConnections: 20 });
  return {
    url: embedded.url,
    kind: "embedded",
    async drop() {
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
