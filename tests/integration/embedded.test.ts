/**
 * The embedded default: exclusive, durable across kill -9, and safe with many
 * connections. These tests start their own PGlite instances whatever
 * DATABASE_URL says, since they are about the embedded database itself.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirLockedError, startEmbeddedDatabase } from "@/lib/db/embedded";

const dirs: string[] = [];
const children: ChildProcess[] = [];

async function tempDir() {
  const dir = await mkdtemp(path.join(tmpdir(), "dxt-emb-"));
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill("SIGKILL");
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

/** Starts the holder fixture in its own process and resolves with its first line. */
function startHolder(dataDir: string, action: string, marker = "") {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join("tests", "integration", "fixtures", "embedded-holder.ts"), dataDir, action, marker],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  children.push(child);
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += d));
  const line = new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d) => {
      out += d;
      const first = out.split("\n")[0];
      if (out.includes("\n") && first) resolve(first);
    });
    child.once("exit", (code) => reject(new Error(`holder exited with ${code} before a line: ${stderr}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, line, exited };
}

describe("embedded database", () => {
  it("refuses a second opening of the same folder, in this process and in another, with a clear message", async () => {
    const dir = await tempDir();
    const first = await startEmbeddedDatabase({ dataDir: dir, maxConnections: 4 });
    try {
      const second = startEmbeddedDatabase({ dataDir: dir, maxConnections: 4 });
      await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
      await expect(second).rejects.toThrow(new RegExp(`đang được một tiến trình khác sử dụng \\(PID ${process.pid}\\)`));

      const other = startHolder(dir, "wait");
      await expect(other.line).resolves.toMatch(/^LOCKED .*không được mở hai lần/);
      expect(await other.exited).toBe(3);
    } finally {
      await first.stop();
    }
    // Released by a clean stop: the folder opens again.
    const again = await startEmbeddedDatabase({ dataDir: dir, maxConnections: 4 });
    await again.stop();
  });

  it("keeps committed data through kill -9, and the lock dies with the process", async () => {
    const dir = await tempDir();
    const holder = startHolder(dir, "wait", "before-kill");
    expect(await holder.line).toMatch(/^READY postgresql:\/\//);
    holder.child.kill("SIGKILL");
    await holder.exited;

    const reopened = await startEmbeddedDatabase({ dataDir: dir, maxConnections: 4 });
    try {
      const client = new pg.Client({ connectionString: reopened.url });
      await client.connect();
      const { rows } = await client.query(`SELECT marker FROM survivor`);
      await client.end();
      expect(rows).toEqual([{ marker: "before-kill" }]);
    } finally {
      await reopened.stop();
    }
  });

  it("serves many pooled connections at once without mixing up their queries or transactions", async () => {
    const dir = await tempDir();
    const db = await startEmbeddedDatabase({ dataDir: dir, maxConnections: 12 });
    const pool = new pg.Pool({ connectionString: db.url, max: 10 });
    try {
      // Different statement text per query: a mixed-up unnamed statement would show.
      const results = await Promise.all(
        Array.from({ length: 300 }, (_, i) =>
          pool.query(`SELECT $1::int + ${i % 7} AS v, $2::text AS t`, [i, `x${i}`]).then((r) => r.rows[0]),
        ),
      );
      results.forEach((row, i) => expect(row).toEqual({ v: i + (i % 7), t: `x${i}` }));

      await pool.query(`CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL)`);
      await pool.query(`INSERT INTO counter VALUES (1, 0)`);
      await Promise.all(
        Array.from({ length: 40 }, async () => {
          const c = await pool.connect();
          try {
            await c.query("BEGIN");
            const { rows } = await c.query(`SELECT n FROM counter WHERE id = $1 FOR UPDATE`, [1]);
            await c.query(`UPDATE counter SET n = $1 WHERE id = 1`, [rows[0].n + 1]);
            await c.query("COMMIT");
          } finally {
            c.release();
          }
        }),
      );
      const { rows } = await pool.query(`SELECT n FROM counter`);
      expect(rows[0].n).toBe(40);
    } finally {
      await pool.end();
      await db.stop();
    }
  });
});
