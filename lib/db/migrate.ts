/**
 * Applies prisma/migrations/<timestamp>_<name>/migration.sql in order, the way
 * `prisma migrate deploy` does, without Prisma's schema engine (which cannot be
 * downloaded everywhere; ADR 002):
 * - under the same Postgres advisory lock Prisma takes, so two starting
 *   instances (or one of ours and `prisma migrate deploy`) cannot race;
 * - each migration in its own transaction, recorded in `_prisma_migrations`
 *   with Prisma's checksum (SHA-256 of the script), so a machine that has the
 *   engine sees them as applied.
 */
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

/** Prisma migrate's own advisory lock key, so both tools exclude each other. */
export const PRISMA_ADVISORY_LOCK_KEY = 72707369;

export const DEFAULT_MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
}

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly migration?: string,
  ) {
    super(message);
    this.name = "MigrationError";
  }
}

/** Prisma's checksum of a migration script: SHA-256, lowercase hex. */
export function migrationChecksum(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

const MIGRATION_DIR_PATTERN = /^\d{14}_[a-z0-9_]+$/;

export async function readMigrations(dir: string = DEFAULT_MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const bad = names.filter((n) => !MIGRATION_DIR_PATTERN.test(n));
  if (bad.length > 0) {
    throw new MigrationError(`Tên thư mục migration không hợp lệ: ${bad.join(", ")} (cần dạng YYYYMMDDHHMMSS_ten).`);
  }
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: migrationChecksum(sql) };
    }),
  );
}

// Prisma's own definition of the history table (postgres flavour).
const CREATE_HISTORY_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export async function migrate(
  connectionString: string,
  options: { dir?: string; log?: (message: string) => void } = {},
): Promise<MigrateResult> {
  const log = options.log ?? (() => {});
  const migrations = await readMigrations(options.dir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    try {
      await client.query(CREATE_HISTORY_TABLE);
      const result: MigrateResult = { applied: [], alreadyApplied: [] };
      for (const migration of migrations) {
        if (await applyIfNeeded(client, migration)) {
          log(`Đã áp dụng migration ${migration.name}`);
          result.applied.push(migration.name);
        } else {
          result.alreadyApplied.push(migration.name);
        }
      }
      const { rows } = await client.query<HistoryRow>(
        `SELECT migration_name FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
      );
      const unknown = rows.map((r) => r.migration_name).filter((name) => !migrations.some((m) => m.name === name));
      if (unknown.length > 0) {
        log(`Cảnh báo: cơ sở dữ liệu có migration không có trong mã nguồn: ${unknown.join(", ")}`);
      }
      return result;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

/**
 * Checks and applies one migration inside one transaction that holds an
 * exclusive lock on the history table. The advisory lock already serialises
 * separate sessions; the embedded PGlite is a single session shared by all its
 * connections (advisory locks are re-entrant there), and this lock plus its
 * one-transaction-at-a-time rule is what keeps two runs apart on it.
 */
async function applyIfNeeded(client: pg.Client, migration: Migration): Promise<boolean> {
  await client.query("BEGIN");
  try {
    await client.query(`LOCK TABLE "_prisma_migrations" IN EXCLUSIVE MODE`);
    const { rows } = await client.query<HistoryRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"
       WHERE migration_name = $1 AND rolled_back_at IS NULL`,
      [migration.name],
    );
    const done = rows[0];
    if (done && !done.finished_at) {
      throw new MigrationError(
        `Migration ${migration.name} đã bắt đầu nhưng chưa hoàn tất trong _prisma_migrations; cần xử lý thủ công (prisma migrate resolve).`,
        migration.name,
      );
    }
    if (done) {
      if (done.checksum !== migration.checksum) {
        throw new MigrationError(
          `Migration ${migration.name} đã được áp dụng nhưng tệp migration.sql đã bị sửa sau đó (checksum khác). Không sửa migration đã áp dụng; hãy tạo migration mới.`,
          migration.name,
        );
      }
      await client.query("COMMIT");
      return false;
    }
    const id = randomUUID();
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), 0)`,
      [id, migration.checksum, migration.name],
    );
    try {
      // Simple-protocol query: the script may hold many statements.
      await client.query(migration.sql);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new MigrationError(`Migration ${migration.name} thất bại, không có thay đổi nào được ghi: ${reason}`, migration.name);
    }
    await client.query(
      `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    await client.query("COMMIT");
    return true;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}
