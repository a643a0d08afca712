/**
 * The embedded database: PGlite (Postgres compiled to WebAssembly) with its data
 * in a project folder, served over the Postgres wire protocol on a loopback
 * port, so the app keeps one driver path (node-postgres + @prisma/adapter-pg)
 * for the embedded and a real PostgreSQL alike (ADR 003).
 *
 * Two processes opening the same PGlite folder corrupt it, so the folder is
 * guarded by an exclusive lock that the kernel releases when the process dies,
 * even by kill -9.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, realpath, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { SessionQueue } from "./pglite-session-queue";

export interface EmbeddedDatabase {
  /** postgresql:// URL of the served database. */
  url: string;
  port: number;
  dataDir: string;
  /** Most connections the server accepts at once; pools must stay below it. */
  maxConnections: number;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port?: number;
  maxConnections?: number;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number | null,
  ) {
    super(
      `Thư mục dữ liệu ${dataDir} đang được một tiến trình khác sử dụng` +
        (holderPid ? ` (PID ${holderPid})` : "") +
        ". Cơ sở dữ liệu nhúng không được mở hai lần (sẽ làm hỏng dữ liệu): hãy dừng tiến trình kia, " +
        "hoặc đặt DX_DATA_DIR sang thư mục khác, hoặc dùng PostgreSQL qua DATABASE_URL.",
    );
    this.name = "DataDirLockedError";
  }
}

interface Lock {
  release(): Promise<void>;
}

const PID_FILE = "dx-tracker.pid";

/**
 * Linux: a listening socket in the abstract namespace, named after the folder.
 * Binding it is atomic and exclusive, and the kernel frees it when the process
 * dies however it dies, so there is no stale lock to clean up after kill -9.
 * Elsewhere: a pid file created exclusively, taken over only if its owner is dead.
 */
async function acquireLock(dataDir: string): Promise<Lock> {
  const pidFile = path.join(dataDir, PID_FILE);
  const readHolder = async () => {
    const text = await readFile(pidFile, "utf8").catch(() => "");
    const pid = Number.parseInt(text, 10);
    return Number.isFinite(pid) ? pid : null;
  };

  if (process.platform === "linux") {
    const name = "\0dx-tracker-pglite-" + createHash("sha256").update(dataDir).digest("hex").slice(0, 32);
    const server = net.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen({ path: name }, () => resolve());
    }).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") throw new DataDirLockedError(dataDir, await readHolder());
      throw error;
    });
    server.unref();
    await writeFile(pidFile, String(process.pid));
    return {
      async release() {
        await rm(pidFile, { force: true });
        await new Promise<void>((resolve) => server.close(() => resolve()));
      },
    };
  }

  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(pidFile, String(process.pid), { flag: "wx" });
      return { release: () => rm(pidFile, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = await readHolder();
      if (holder && isAlive(holder)) throw new DataDirLockedError(dataDir, holder);
      await rm(pidFile, { force: true });
    }
  }
  throw new DataDirLockedError(dataDir, await readHolder());
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function startEmbeddedDatabase(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  await mkdir(options.dataDir, { recursive: true });
  const dataDir = await realpath(options.dataDir);
  const maxConnections = options.maxConnections ?? 20;
  const lock = await acquireLock(dataDir);
  let db: PGlite | undefined;
  try {
    db = await PGlite.create({ dataDir: path.join(dataDir, "pgdata") });
    const server = new PGLiteSocketServer({
      db,
      host: "127.0.0.1",
      port: options.port ?? 0,
      maxConnections,
    });
    // The library's queue interleaves concurrent connections' queries (see pglite-session-queue.ts).
    (server as unknown as { queryQueue: SessionQueue }).queryQueue = new SessionQueue(db);
    await server.start();
    const port = Number(server.getServerConn().split(":").pop());
    const url = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
    let stopped = false;
    const database = db;
    return {
      url,
      port,
      dataDir,
      maxConnections,
      async stop() {
        if (stopped) return;
        stopped = true;
        await server.stop();
        await database.close();
        await lock.release();
      },
    };
  } catch (error) {
    await db?.close().catch(() => {});
    await lock.release();
    throw error;
  }
}
