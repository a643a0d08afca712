/**
 * Starts the production app the way a province runs it — `node --import tsx
 * scripts/start.ts start` (builds if stale, embedded database in a temporary
 * DX_DATA_DIR, demo data) — on a free loopback port, and stops it cleanly.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export interface RunningApp {
  url: string;
  port: number;
  command: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}) before serving ${url}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the app did not serve ${url} within ${timeoutMs / 1000} s`);
}

/**
 * `extraEnv` adds settings (e.g. a scratch DATABASE_URL of the bench's own, TRUST_PROXY);
 * without a DATABASE_URL there, the app runs on the embedded database in its own folder.
 */
export async function startApp(log: (line: string) => void, extraEnv: Record<string, string> = {}): Promise<RunningApp> {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), "dx-bench-"));
  const settings = Object.entries(extraEnv).map(([k, v]) => `${k}=${v} `).join("");
  const command = `PORT=${port} HOSTNAME_BIND=127.0.0.1 DX_DATA_DIR=${dataDir} DEMO_DATA=1 ${settings}node --import tsx scripts/start.ts start`;
  log(`$ ${command}`);
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOSTNAME_BIND: "127.0.0.1", DX_DATA_DIR: dataDir, DEMO_DATA: "1", NEXT_TELEMETRY_DISABLED: "1" };
  delete env.DATABASE_URL; // nothing of anyone else's is touched: the embedded database, or the caller's own scratch database
  Object.assign(env, extraEnv);
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "start"], { env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d: Buffer) => d.toString().split("\n").filter(Boolean).forEach((l) => log(`  [app] ${l}`)));
  child.stderr!.on("data", (d: Buffer) => d.toString().split("\n").filter(Boolean).forEach((l) => log(`  [app] ${l}`)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${url}/api/health`, child, 20 * 60_000);
  } catch (error) {
    child.kill("SIGTERM");
    throw error;
  }
  return {
    url,
    port,
    command,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM"); // the start script stops Next, then closes the database
        await exited;
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
