import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// The test runner (scripts/test.mjs) prepares a fresh database for this run:
// E2E_DATABASE_URL on the PostgreSQL of DATABASE_URL, or E2E_DATA_DIR for the embedded one.
// Run directly (npm run test:e2e), a fresh embedded folder is made here, once: the config is
// also loaded by the workers, which inherit the variable.
if (!process.env.E2E_DATABASE_URL && !process.env.E2E_DATA_DIR) {
  process.env.E2E_DATA_DIR = mkdtempSync(path.join(tmpdir(), "dxt-e2e-"));
}
// The other-province run (ADR 034): the embedded default — no DATABASE_URL, PGlite in a folder of its
// own (two processes must never open one) — serving Hà Nội (01), next to the main server, from the same build.
if (!process.env.E2E_OTHER_DATA_DIR) {
  process.env.E2E_OTHER_DATA_DIR = mkdtempSync(path.join(tmpdir(), "dxt-e2e-01-"));
}
const port = Number(process.env.E2E_PORT ?? 3210);
const otherPort = port + 1;
const OTHER_PROVINCE_CODE = "01"; // tests/e2e/other-province.spec.ts expects Hà Nội

const sharedEnv = {
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "e2e-only-secret-not-for-production-0123456789",
  NEXT_TELEMETRY_DISABLED: "1",
  TRUST_PROXY: "1", // the sign-in throttle spec sends its own X-Forwarded-For, so it never blocks 127.0.0.1
  // No deadline reminders written by the clock in the middle of a run (the fuzz spec counts every row); they are tested in tests/integration/notifications*.test.ts.
  REMINDER_DAYS_BEFORE: "0",
};

/** One app server of the run, from the same build: `npm start`'s own start script on its port. */
function appServer(serverPort: number, env: Record<string, string>) {
  return {
    command: "node --import tsx scripts/start.ts start",
    url: `http://127.0.0.1:${serverPort}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
    env: { ...sharedEnv, PORT: String(serverPort), ...env },
  };
}

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "vi-VN",
    launchOptions: {
      // Debian's Chromium: Playwright's own browser download is not reachable here.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    // The province of the process (DX_PROVINCE_CODE, default 19) on the run's database.
    { name: "home-province", testIgnore: /other-province\.spec\.ts$/ },
    { name: "other-province", testMatch: /other-province\.spec\.ts$/, use: { baseURL: `http://127.0.0.1:${otherPort}` } },
  ],
  webServer: [
    appServer(port, { DATABASE_URL: process.env.E2E_DATABASE_URL ?? "", DX_DATA_DIR: process.env.E2E_DATA_DIR ?? "", DEMO_DATA: "1" }),
    appServer(otherPort, { DATABASE_URL: "", DX_DATA_DIR: process.env.E2E_OTHER_DATA_DIR ?? "", DX_PROVINCE_CODE: OTHER_PROVINCE_CODE }),
  ],
});
