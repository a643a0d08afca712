/**
 * When the server dies, `npm start` does not restart it itself (ADR 015): it closes the
 * embedded database cleanly and exits non-zero, so the service manager restarts the unit
 * (deploy/dx-tracker.service: Restart=on-failure) and logs why. Runs `scripts/start.ts start`
 * on an embedded database of its own, then kills its Next.js child with SIGKILL.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

test("a killed server makes npm start close the embedded database and exit non-zero", async () => {
  test.setTimeout(300_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "dxt-supervisor-"));
  const port = 3231;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOSTNAME_BIND: "127.0.0.1", DX_DATA_DIR: dataDir, DEMO_DATA: "0", NEXT_TELEMETRY_DISABLED: "1" };
  delete env.DATABASE_URL;
  const start = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "start"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  start.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  start.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => start.once("exit", (code, signal) => resolve({ code, signal })));
  try {
    await expect.poll(() => output, { timeout: 240_000, intervals: [500] }).toContain(`Đang phục vụ tại http://localhost:${port}`);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);

    // The Next.js server is the start script's only child process.
    const children = spawnSync("pgrep", ["-P", String(start.pid)], { encoding: "utf8" }).stdout.trim().split("\n").filter(Boolean);
    expect(children, "npm start runs one server process").toHaveLength(1);
    process.kill(Number(children[0]), "SIGKILL");

    const { code, signal } = await exited;
    expect(signal, output).toBeNull();
    expect(code, output).not.toBe(0);
    expect(output).toContain("Next.js đã dừng bất thường");
    expect(output).toContain("Đã đóng cơ sở dữ liệu nhúng.");
    // Closed cleanly: the data folder opens again (its lock was released).
    const again = spawn(process.execPath, ["--import", "tsx", "scripts/db-migrate.ts"], { env: { ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let againOutput = "";
    again.stdout!.on("data", (d: Buffer) => (againOutput += d.toString()));
    again.stderr!.on("data", (d: Buffer) => (againOutput += d.toString()));
    const againCode = await new Promise<number | null>((resolve) => again.once("exit", (c) => resolve(c)));
    expect(againCode, againOutput).toBe(0);
  } finally {
    if (start.exitCode === null && start.signalCode === null) start.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  }
});
