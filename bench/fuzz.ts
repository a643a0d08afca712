/**
 * `npm run bench -- fuzz`: the fuzz suite's larger run (tests/fuzz/http-fuzz.ts;
 * `npm test` sends 10,000 requests under one seed, tests/e2e/fuzz.spec.ts).
 * BENCH_FUZZ_RUNS (default 50,000) malformed requests under BENCH_FUZZ_SEEDS
 * (default three seeds, the test's own first), against the production build on a
 * scratch PostgreSQL database of its own (BENCH_DATABASE_URL or DATABASE_URL,
 * default postgresql://postgres@127.0.0.1:5432/test; dropped after).
 * Bars: 0 responses ≥ 500, 0 actions answering INTERNAL, 0 rows changed.
 */
import { createPostgresScratchDatabase } from "@/tests/integration/helpers/database";
import { builtActions, builtEntries } from "@/tests/helpers/build-manifest";
import { databaseDigest, describeFailure, groupFailures, PRINCIPALS, runFuzz, signIn, type Sessions } from "@/tests/fuzz/http-fuzz";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/seed/demo-accounts";
import { startApp } from "./server";

const RUNS = Number(process.env.BENCH_FUZZ_RUNS ?? 50_000);
const SEEDS = (process.env.BENCH_FUZZ_SEEDS ?? "20261203,1,2").split(",").map(Number);
const ADDRESS = "203.0.113.77";

export async function runFuzzBench(): Promise<string> {
  const base = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
  const scratch = await createPostgresScratchDatabase(base, "fuzz");
  const log: string[] = [];
  const app = await startApp((line) => log.push(line), {
    DATABASE_URL: scratch.url,
    TRUST_PROXY: "1", // the fuzz's own client address, so its refused password checks throttle nobody else
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "bench-only-secret-not-for-production-0123456789",
  }).catch(async (error: unknown) => {
    console.log(log.join("\n"));
    await scratch.drop();
    throw error;
  });
  const rows: string[] = [];
  let failures = 0;
  let changed = false;
  try {
    const sessions: Sessions = {};
    for (const who of PRINCIPALS) {
      if (who === "PUBLIC") continue;
      const account = DEMO_ACCOUNTS.find((a) => a.role === who)!;
      sessions[who] = await signIn(app.url, account.email, DEMO_PASSWORD, ADDRESS);
    }
    const targets = { actions: builtActions(), ...builtEntries() };
    const before = await databaseDigest(scratch.url);
    const perSeed = Math.ceil(RUNS / SEEDS.length);
    for (const seed of SEEDS) {
      const report = await runFuzz({ baseUrl: app.url, targets, sessions, seed, runs: perSeed, defaultHeaders: { "x-forwarded-for": ADDRESS }, onProgress: (n) => console.log(`fuzz seed ${seed}: ${n} / ${perSeed}`) });
      failures += report.failures.length;
      const statuses = Object.entries(report.byStatus).sort().map(([s, n]) => `${s}: ${n}`).join(", ");
      rows.push(`| ${seed} | ${report.requests.toLocaleString("en")} | ${report.seconds.toFixed(0)} | ${(report.requests / report.seconds).toFixed(0)} | ${statuses} | ${report.failures.length} |`);
      for (const line of groupFailures(report.failures).slice(0, 10)) console.log(`  ${line}`);
      for (const f of report.failures.slice(0, 5)) console.log(`  ${describeFailure(f)}`);
    }
    const after = await databaseDigest(scratch.url);
    changed = Object.keys({ ...before, ...after }).some((t) => before[t] !== after[t]);
    const counts = { actions: targets.actions.length, routes: targets.routes.length, pages: targets.pages.length };
    return [
      `Command: \`npm run bench -- fuzz\` (BENCH_FUZZ_RUNS=${RUNS}, seeds ${SEEDS.join(", ")}); the app: \`${app.command.replace(scratch.url, "<scratch database>")}\`.`,
      `Entry points from the build: ${counts.actions} server actions, ${counts.routes} route handlers, ${counts.pages} pages; principals: the public and ${PRINCIPALS.length - 1} roles.`,
      "",
      "| seed | requests | seconds | requests/s | responses by status | failures (≥ 500 or INTERNAL) |",
      "|---:|---:|---:|---:|---|---:|",
      ...rows,
      "",
      `Bars: 0 responses ≥ 500 or INTERNAL — **${failures === 0 ? "met" : `NOT met (${failures})`}**; 0 rows changed (every table but LoginAttempt, hashed before and after) — **${changed ? "NOT met" : "met"}**.`,
    ].join("\n");
  } finally {
    await app.stop();
    await scratch.drop();
    if (failures > 0 || changed) console.log(log.slice(-40).join("\n"));
  }
}
