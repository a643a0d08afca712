// npm test: type-checking, lint, unit tests, integration tests against the database
// (DATABASE_URL if set, else an embedded PGlite each run starts itself), and the
// Playwright smoke test in Debian's Chromium against the built app.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const bin = (name) => path.join("node_modules", ".bin", name);
const totals = { passed: 0, failed: 0, skipped: 0 };
mkdirSync("test-results", { recursive: true });

function run(title, command, args, extraEnv = {}) {
  console.log(`\n=== ${title}: ${[command, ...args].join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  return result.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

// The end-to-end run needs a browser: check before anything else, so a machine without one
// learns it in one line at once, not after minutes of other tests (issue #17).
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(
    `npm test: no browser at ${chromium}, which the end-to-end tests need. Install Debian's Chromium (apt-get install -y chromium, as .ci/run does) or set CHROMIUM_PATH to one, then run npm test again.`,
  );
  process.exit(1);
}

let ok = run("typecheck", bin("tsc"), ["--noEmit"]);
if (!ok) totals.failed += 1;

// ESLint, the layer rules included (eslint.config.mjs, ADR 020): a warning fails it too.
const lintOk = run("lint", bin("eslint"), [".", "--max-warnings", "0"]);
if (!lintOk) totals.failed += 1;
ok &&= lintOk;

const vitestJson = "test-results/vitest.json";
rmSync(vitestJson, { force: true });
const vitestOk = run("unit + integration", bin("vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestJson}`,
]);
const v = readJson(vitestJson);
if (v) {
  totals.passed += v.numPassedTests;
  totals.failed += v.numFailedTests;
  totals.skipped += v.numPendingTests + (v.numTodoTests ?? 0);
}
if (!vitestOk && !(v && v.numFailedTests > 0)) totals.failed += 1;
ok &&= vitestOk;

// A fresh database for the end-to-end run.
let e2eEnv;
let cleanup;
if (process.env.DATABASE_URL) {
  const name = `dxt_e2e_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  e2eEnv = { E2E_DATABASE_URL: url.toString() };
  cleanup = async () => {
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  };
} else {
  const dir = mkdtempSync(path.join(tmpdir(), "dxt-e2e-"));
  e2eEnv = { E2E_DATA_DIR: dir };
  cleanup = async () => rmSync(dir, { recursive: true, force: true });
}
// The other-province server (playwright.config.ts) runs the embedded default: its own PGlite folder.
const otherDir = mkdtempSync(path.join(tmpdir(), "dxt-e2e-01-"));
e2eEnv.E2E_OTHER_DATA_DIR = otherDir;
const cleanupMain = cleanup;
cleanup = async () => {
  await cleanupMain();
  rmSync(otherDir, { recursive: true, force: true });
};
const e2eJson = path.resolve("test-results/e2e.json");
rmSync(e2eJson, { force: true });
const e2eOk = run("end-to-end (Playwright, Debian Chromium)", bin("playwright"), ["test", "--reporter=list,json"], {
  ...e2eEnv,
  PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson,
});
await cleanup();
const e = existsSync(e2eJson) ? readJson(e2eJson) : null;
if (e?.stats) {
  totals.passed += e.stats.expected;
  totals.failed += e.stats.unexpected;
  totals.skipped += e.stats.skipped;
}
if (!e2eOk && !(e?.stats?.unexpected > 0)) totals.failed += 1;
ok &&= e2eOk;

console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(ok ? 0 : 1);
