/**
 * `npm run bench -- dashboard`: the officials' dashboard at national scale.
 *
 * On the national dataset (bench/national-data.ts: every unit of Vietnam before
 * and after the 2025 reform × the indicators × 20 quarters, ≈ 3 million figures),
 * each of the dashboard's data functions — overview, indicator breakdown,
 * completeness — is called by 20 concurrent clients, one province per request
 * (round-robin over the 34 provinces of today), and its p50/p95 latency is set
 * beside the very same SQL statements (built by lib/data/dashboard-sql.ts, with
 * the same parameters inlined, as psql would run them) run by 20 concurrent
 * pgbench clients in the same run — pgbench, not 20 psql processes, because a psql
 * process spends most of its time formatting results and kept only 3–5 of its
 * statements running at once (ADR 014). One client at a time, psql itself is the
 * reference. Bars: p95 ≤ 200 ms, and p50/p95 ≤ 1.5 × the reference. The plans
 * (EXPLAIN (ANALYZE, BUFFERS)) of every statement for one province go into the report.
 *
 * Environment: BENCH_REQUESTS (per function, side and round, default 500),
 * BENCH_CONCURRENCY (20), BENCH_CASES (a comma list of case names, to work on
 * one), BENCH_POSTGRES_URL, BENCH_NATIONAL_DATABASE.
 */
import { execFile, spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AreaScope } from "@/lib/data/dashboard-sql";
import { loadDashboardOverview, overviewStatement } from "@/lib/data/dashboard";
import { breakdownStatement, loadIndicatorBreakdown } from "@/lib/data/dashboard-indicator";
import { completenessStatement, HEATMAP_QUARTERS, loadCompleteness } from "@/lib/data/dashboard-completeness";
import { BOUNDARIES } from "@/lib/validations/dashboard";
import { ensureNationalDataset, NATIONAL_NOW } from "./national-data";

const run = promisify(execFile);
const envNumber = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const REQUESTS = envNumber("BENCH_REQUESTS", 500);
const CONCURRENCY = envNumber("BENCH_CONCURRENCY", 20);
const SEQUENTIAL = envNumber("BENCH_SEQUENTIAL_REQUESTS", 50);
/** Untimed calls per pool connection before a timed run (PostgreSQL plans a prepared statement afresh for its first five executions). */
const WARMUP_PER_CONNECTION = 6;
const BARS = { p95Ms: 200, ratio: 1.5 } as const;
const QUARTER = { year: 2026, quarter: 3 } as const; // the latest quarter of the dataset (NATIONAL_NOW: 1 Dec 2026)
const INDICATOR = "WORK_DOSSIER_ONLINE_COMMUNE";
const EXPLAIN_PROVINCE = "19";

interface Case {
  name: string;
  /** The data function, as the page calls it. */
  call: (db: PrismaClient, province: string) => Promise<unknown>;
  /** The aggregate statements that function runs, for psql. */
  statements: (province: string) => Prisma.Sql[];
}

function cases(indicatorId: number): Case[] {
  const area = (province: string): AreaScope => ({ provinceCode: province, boundary: BOUNDARIES.sau, level: "COMMUNE" });
  return [
    {
      name: "overview",
      call: (db, province) => loadDashboardOverview(db, { provinceCode: province, asOf: QUARTER }),
      statements: (province) => [overviewStatement(province, QUARTER)],
    },
    {
      name: "indicator breakdown",
      call: (db, province) => loadIndicatorBreakdown(db, { provinceCode: province, boundary: BOUNDARIES.sau, indicatorCode: INDICATOR, quarter: QUARTER }),
      statements: (province) => [breakdownStatement(area(province), { id: indicatorId }, null, QUARTER)],
    },
    {
      name: "completeness",
      call: (db, province) => loadCompleteness(db, { provinceCode: province, boundary: BOUNDARIES.sau, quarter: QUARTER }),
      statements: (province) => [completenessStatement({ ...area(province), withProvince: true }, QUARTER, HEATMAP_QUARTERS)],
    },
  ];
}

/** A statement with its parameters inlined as literals, for psql (every parameter is cast in the SQL itself). */
export function inlineSql(sql: Prisma.Sql): string {
  return sql.text.replace(/\$(\d+)/g, (_, i: string) => {
    const v = sql.values[Number(i) - 1];
    if (v === null || v === undefined) return "NULL";
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    if (Array.isArray(v)) return `ARRAY[${v.map((x) => (typeof x === "number" || typeof x === "boolean" ? String(x) : `'${String(x).replace(/'/g, "''")}'`)).join(",")}]`;
    return `'${String(v).replace(/'/g, "''")}'`;
  });
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
};

async function measureFunction(url: string, c: Case, provinces: string[], concurrency = CONCURRENCY, requests = REQUESTS): Promise<number[]> {
  const db = createPrismaClient(url, { maxConnections: concurrency });
  try {
    // Warm up to the steady state of a running server, untimed: every connection of the pool opened and past
    // PostgreSQL's first executions of each prepared statement (custom plans for the first five, then the cached
    // plan), and every province's geography in the in-process cache (lib/data/dashboard-scope.ts). pgbench's side
    // drops each client's first transaction (a fresh backend); its simple-protocol statements have no plan to cache.
    let warm = 0;
    const warmups = Math.max(concurrency * WARMUP_PER_CONNECTION, provinces.length);
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (warm < warmups) await c.call(db, provinces[warm++ % provinces.length]!);
      }),
    );
    const times: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < requests) {
          const i = next++;
          const t = performance.now();
          await c.call(db, provinces[i % provinces.length]!);
          times.push(performance.now() - t);
        }
      }),
    );
    return times;
  } finally {
    await db.$disconnect();
  }
}

/** CONCURRENCY psql processes; each request's time is the sum of its statements' `\timing` (psql's own client-side clock). */
async function measurePsql(url: string, c: Case, provinces: string[], concurrency = CONCURRENCY, requests = REQUESTS): Promise<number[]> {
  const perWorker: string[][] = Array.from({ length: concurrency }, () => []);
  for (let i = 0; i < requests; i++) perWorker[i % concurrency]!.push(provinces[i % provinces.length]!);
  const statementsPer = c.statements(provinces[0]!).length;
  const results = await Promise.all(
    perWorker.map(
      (list) =>
        new Promise<number[]>((resolve, reject) => {
          const p = spawn("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", url], { stdio: ["pipe", "pipe", "pipe"] });
          let out = "";
          let err = "";
          p.stdout.on("data", (d) => (out += d));
          p.stderr.on("data", (d) => (err += d));
          p.on("close", (code) => {
            if (code !== 0) return reject(new Error(`psql failed: ${err}`));
            const times = [...out.matchAll(/^Time: ([\d.]+) ms/gm)].map((m) => Number(m[1]));
            const requests: number[] = [];
            // The first request of each worker is a warm-up (like the function's), not counted.
            for (let i = statementsPer; i + statementsPer <= times.length; i += statementsPer) {
              requests.push(times.slice(i, i + statementsPer).reduce((a, b) => a + b, 0));
            }
            resolve(requests);
          });
          const script = ["\\timing on", "\\o /dev/null"];
          for (const province of [list[0]!, ...list]) for (const s of c.statements(province)) script.push(`${inlineSql(s)};`);
          p.stdin.end(`${script.join("\n")}\n`);
        }),
    ),
  );
  return results.flat();
}

/**
 * The same statements, truly CONCURRENCY-concurrent, by pgbench (PostgreSQL's own
 * load client, shipped with psql): one script file per province, each holding that
 * province's statements with the parameters inlined (the text psql runs), chosen at
 * random per transaction; simple query protocol, so every statement is parsed and
 * planned like psql's; results read and dropped by the client (psql formats and
 * prints every result, which kept only 3–5 of its 20 processes' statements running at
 * once). Per-transaction latencies come from pgbench's log (-l); each client's first
 * transaction is a warm-up (a fresh backend), as on the function side, and is not counted.
 */
async function measurePgbench(url: string, c: Case, provinces: string[], concurrency = CONCURRENCY, requests = REQUESTS): Promise<{ times: number[]; tps: number }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "dx-pgbench-"));
  try {
    const files: string[] = [];
    for (const province of provinces) {
      const file = path.join(dir, `p${province}.sql`);
      // pgbench ends a command at the newline: one statement per line.
      await writeFile(file, `${c.statements(province).map((s) => `${inlineSql(s).replace(/--[^\n]*/g, " ").replace(/\s+/g, " ").trim()};`).join("\n")}\n`);
      files.push(file);
    }
    const perClient = Math.ceil(requests / concurrency) + 1; // + the warm-up
    const args = ["-n", "-c", String(concurrency), "-j", String(Math.min(concurrency, os.cpus().length)), "-t", String(perClient), "-M", "simple", "-l", `--log-prefix=${path.join(dir, "log")}`, ...files.flatMap((f) => ["-f", f]), url];
    let stdout = "";
    for (let attempt = 1; ; attempt++) {
      try {
        ({ stdout } = await run("pgbench", args, { cwd: dir, maxBuffer: 16 * 1024 * 1024 }));
        break;
      } catch (error) {
        // The server is shared (max_connections): another session's burst of connections is waited out, not counted.
        if (attempt >= 5 || !String(error).includes("too many clients")) throw error;
        for (const name of await readdir(dir)) if (name.startsWith("log")) await rm(path.join(dir, name));
        await new Promise((r) => setTimeout(r, 3000));
      }
    }
    const tps = Number(/tps = ([\d.]+)/.exec(stdout)?.[1] ?? NaN);
    const times: number[] = [];
    for (const name of await readdir(dir)) {
      if (!name.startsWith("log")) continue;
      for (const line of (await readFile(path.join(dir, name), "utf8")).split("\n")) {
        // client_id transaction_no latency_us script_no epoch_s epoch_us
        const [, txn, latency] = line.trim().split(/\s+/).map(Number);
        if (latency === undefined || Number.isNaN(latency) || txn === 0) continue;
        times.push(latency / 1000);
      }
    }
    if (times.length < requests * 0.9) throw new Error(`pgbench logged ${times.length} transactions, expected ${requests}: ${stdout}`);
    return { times, tps };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function explain(url: string, sql: Prisma.Sql): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${inlineSql(sql)}`);
    return r.rows.map((row) => row["QUERY PLAN"]).join("\n");
  } finally {
    await c.end();
  }
}

/** A figure approved a second ago is in the next load: approve one inside a transaction, read, roll back. */
async function liveCheck(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query("BEGIN");
    const f = await c.query(`SELECT f.id, u."parentId" FROM "Figure" f JOIN "AdminUnit" u ON u.id = f."unitId" WHERE f.status = 'SUBMITTED' AND u.level = 'COMMUNE' LIMIT 1`);
    const { id } = f.rows[0];
    const read = async () =>
      (
        await c.query(
          `SELECT t.submitted FROM "DashboardTotal" t JOIN "Figure" f ON f."indicatorId" = t."indicatorId" AND f."periodId" = t."periodId" AND t."sectorId" IS NOT DISTINCT FROM f."sectorId"
           JOIN "AdminUnit" u ON u.id = f."unitId" JOIN "AdminUnit" pa ON pa.id = u."parentId"
           WHERE f.id = $1 AND t."provinceId" = CASE WHEN pa.level = 'PROVINCE' THEN pa.id ELSE pa."parentId" END`,
          [id],
        )
      ).rows[0].submitted as number;
    const before = await read();
    const t = performance.now();
    await c.query(`UPDATE "Figure" SET status = 'APPROVED', "reviewedAt" = now(), version = version + 1 WHERE id = $1`, [id]);
    const writeMs = performance.now() - t;
    const after = await read();
    await c.query("ROLLBACK");
    return `Approving figure ${id} (inside a transaction, rolled back): the province total's submitted count went ${before} → ${after} in the same transaction; the UPDATE with its trigger took ${writeMs.toFixed(1)} ms.`;
  } finally {
    await c.end();
  }
}

export async function runDashboardBench(): Promise<string> {
  const startedAt = new Date();
  const loadAtStart = os.loadavg();
  const dataset = await ensureNationalDataset();
  const url = dataset.url;
  const meta = new pg.Client({ connectionString: url });
  await meta.connect();
  const provinces = (await meta.query(`SELECT code FROM "AdminUnit" WHERE level = 'PROVINCE' AND "validTo" IS NULL ORDER BY code`)).rows.map((r) => r.code as string);
  const indicator = (await meta.query(`SELECT id, levels::text[] AS levels FROM "Indicator" WHERE code = $1`, [INDICATOR])).rows[0];
  const sizes = (await meta.query(`SELECT relname, pg_size_pretty(pg_total_relation_size(oid)) AS size FROM pg_class WHERE relname IN ('Figure', 'FigurePublication', 'DashboardTotal', 'DashboardUnitQuarter', 'Figure_dashboard_idx', 'Figure_reopened_idx') ORDER BY relname`)).rows;
  const totalsRows = (await meta.query(`SELECT (SELECT count(*) FROM "DashboardTotal")::int AS t, (SELECT count(*) FROM "DashboardUnitQuarter")::int AS u`)).rows[0];
  await meta.end();
  // BENCH_CASES=overview,completeness: only those (for working on one; the report then has only those rows).
  const only = process.env.BENCH_CASES?.split(",").map((x) => x.trim()).filter(Boolean);
  const list = cases(indicator.id).filter((c) => !only || only.some((o) => c.name.startsWith(o)));

  const results: { name: string; fn: number[]; psql: number[]; inFlight: { fn: number; psql: number; fnRate: number; psqlRate: number } }[] = [];
  // Diagnostic, not a bar: how many requests each side really had in flight on average (Σ request times ÷ wall time).
  const timed = async (f: () => Promise<number[]>) => {
    const t = performance.now();
    const times = await f();
    return { times, wall: performance.now() - t };
  };
  const sequential: { name: string; fn: number[]; psql: number[] }[] = [];
  for (const c of list) {
    console.log(`dashboard bench: ${c.name}`);
    // Side by side: psql, the function, psql again, the function again; each side's runs pooled.
    const psqlA = await timed(() => measurePgbench(url, c, provinces).then((r) => r.times));
    const fnA = await timed(() => measureFunction(url, c, provinces));
    const psqlB = await timed(() => measurePgbench(url, c, provinces).then((r) => r.times));
    const fnB = await timed(() => measureFunction(url, c, provinces));
    console.log(`  pgbench p50/p95 ${quantile([...psqlA.times, ...psqlB.times], 0.5).toFixed(1)}/${quantile([...psqlA.times, ...psqlB.times], 0.95).toFixed(1)}  function ${quantile([...fnA.times, ...fnB.times], 0.5).toFixed(1)}/${quantile([...fnA.times, ...fnB.times], 0.95).toFixed(1)}`);
    const inFlight = (a: { times: number[]; wall: number }, b: { times: number[]; wall: number }) =>
      [...a.times, ...b.times].reduce((x, y) => x + y, 0) / (a.wall + b.wall);
    const rate = (a: { times: number[]; wall: number }, b: { times: number[]; wall: number }) => ((a.times.length + b.times.length) * 1000) / (a.wall + b.wall);
    results.push({
      name: c.name,
      fn: [...fnA.times, ...fnB.times],
      psql: [...psqlA.times, ...psqlB.times],
      inFlight: { fn: inFlight(fnA, fnB), psql: inFlight(psqlA, psqlB), fnRate: rate(fnA, fnB), psqlRate: rate(psqlA, psqlB) },
    });
    // One client at a time: the application's own overhead without 20 requests queueing on one Node thread.
    sequential.push({ name: c.name, psql: await measurePsql(url, c, provinces, 1, SEQUENTIAL), fn: await measureFunction(url, c, provinces, 1, SEQUENTIAL) });
  }
  const plans: string[] = [];
  for (const c of list) {
    const statements = c.statements(EXPLAIN_PROVINCE);
    for (const [i, s] of statements.entries()) plans.push(`#### ${c.name}, statement ${i + 1} of ${statements.length} (province ${EXPLAIN_PROVINCE})\n\n\`\`\`sql\n${inlineSql(s).trim()}\n\`\`\`\n\n\`\`\`\n${await explain(url, s)}\n\`\`\``);
  }
  const live = await liveCheck(url);

  const f = (ms: number) => ms.toFixed(1);
  const verdict = (ok: boolean) => (ok ? "**met**" : "**NOT met**");
  const { stdout: pgVersion } = await run("psql", ["-X", "-At", url, "-c", "SHOW server_version"]);
  const rows = results.map((r) => {
    const p50 = quantile(r.fn, 0.5);
    const p95 = quantile(r.fn, 0.95);
    const s50 = quantile(r.psql, 0.5);
    const s95 = quantile(r.psql, 0.95);
    return `| ${r.name} | ${f(p50)} | ${f(p95)} | ${f(s50)} | ${f(s95)} | ${(p50 / s50).toFixed(2)} / ${(p95 / s95).toFixed(2)} | ${verdict(p95 <= BARS.p95Ms)} | ${verdict(p50 / s50 <= BARS.ratio && p95 / s95 <= BARS.ratio)} |`;
  });
  const counts = dataset.counts;
  return [
    "## Dashboard at national scale",
    "",
    `Run ${startedAt.toISOString()} by \`npm run bench -- dashboard\` (bench/dashboard.ts) on ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, load average at start ${loadAtStart.map((x) => x.toFixed(1)).join(" / ")} (the machine is shared), PostgreSQL ${pgVersion.trim()}.`,
    "",
    `**Dataset** (bench/national-data.ts, database \`${new URL(url).pathname.slice(1)}\`, ${dataset.reused ? "reused from an earlier run" : `loaded in ${dataset.loadSeconds?.toFixed(0)} s`}): ${counts.figures?.toLocaleString("en")} figures and ${counts.publications?.toLocaleString("en")} publications over ${counts.quarters} quarters (to Q3/2026, "today" ${NATIONAL_NOW.toISOString().slice(0, 10)}); ${counts.oldProvinces} provinces / ${counts.districts} districts / ${counts.oldCommunes?.toLocaleString("en")} communes before 1 July 2025 and ${counts.newProvinces} / ${counts.newCommunes?.toLocaleString("en")} after, ${counts.successions?.toLocaleString("en")} successions; ${counts.indicators} indicators (ratios and counts reported by every commune). Live totals: ${totalsRows.t.toLocaleString("en")} province × indicator × quarter rows, ${totalsRows.u.toLocaleString("en")} unit × quarter rows. Sizes: ${sizes.map((s) => `${s.relname} ${s.size}`).join(", ")}.${dataset.dataIssues.length ? ` Source data issues (left out, not guessed): ${dataset.dataIssues.join("; ")}.` : ""}`,
    "",
    `**Method**: ${REQUESTS} requests per side and round, ${CONCURRENCY} concurrent, two rounds alternating reference → function → reference → function (pooled); one province per request, round-robin over the ${provinces.length} provinces of today; quarter Q3/2026, boundaries after 1 July 2025, breakdown of \`${INDICATOR}\`. **Function**: the data function as the page calls it (lib/data/dashboard*.ts, on the client's pg pool of ${CONCURRENCY}; includes the JS status maths), in a Node process started like the app's server (\`--max-semi-space-size=32\`, scripts/start.ts), at the steady state of a running server: untimed warm-up first (${WARMUP_PER_CONNECTION} calls per connection and every province), so each connection has prepared its statements past PostgreSQL's first five custom plans and every province's geography — listed units, successions, units expected — is in the in-process cache that admin unit imports invalidate (lib/data/dashboard-scope.ts), like the indicators, targets and baselines (lib/cache/memo.ts). **Reference**: the same statement, parameters inlined, sent by \`pgbench -n -c ${CONCURRENCY} -j 2 -M simple -f <one script per province>\` (so every statement is parsed and planned, as in psql), per-transaction latencies from \`pgbench -l\`, each client's first transaction dropped (a fresh backend). Times in ms.`,
    "",
    "| function | p50 | p95 | reference (pgbench) p50 | p95 | ratio p50 / p95 | p95 ≤ 200 ms | ratio ≤ 1.5× |",
    "|---|---|---|---|---|---|---|---|",
    ...rows,
    "",
    `Requests in flight on average (Σ request times ÷ wall time of the run; diagnostic, not a bar): ${results.map((r) => `${r.name} function ${r.inFlight.fn.toFixed(1)} (${r.inFlight.fnRate.toFixed(0)} requests/s), pgbench ${r.inFlight.psql.toFixed(1)} (${r.inFlight.psqlRate.toFixed(0)} requests/s, its start-up and connections included)`).join("; ")}.`,
    "",
    `For reference, one client at a time (${SEQUENTIAL} requests per side, not a bar; here the reference is psql itself, each request the \`\\timing\` of its statement):`,
    "",
    "| function | p50 | p95 | psql p50 | psql p95 | ratio p50 / p95 |",
    "|---|---|---|---|---|---|",
    ...sequential.map((r) => {
      const [p50, p95, s50, s95] = [quantile(r.fn, 0.5), quantile(r.fn, 0.95), quantile(r.psql, 0.5), quantile(r.psql, 0.95)];
      return `| ${r.name} | ${f(p50)} | ${f(p95)} | ${f(s50)} | ${f(s95)} | ${(p50 / s50).toFixed(2)} / ${(p95 / s95).toFixed(2)} |`;
    }),
    "",
    `Load average at the end: ${os.loadavg().map((x) => x.toFixed(1)).join(" / ")}.`,
    "",
    `**Live**: ${live}`,
    "",
    "**Indexes, tables and caches that make it so** (ADR 009, ADR 014): `DashboardTotal` (unique provinceId, indicatorId, periodId, sectorId; migration `20261201100000_dashboard_indexes`) and `DashboardUnitQuarter` (primary key unitId, periodId; `DashboardUnitQuarter_counts_idx` on unitId, periodId, reported, late, submitted for index-only counts, migration `20261201101000_dashboard_unit_quarter_counts`), kept by triggers on Figure, FigurePublication and the period deadline in the writing transaction; `Figure_dashboard_idx` (unitId, indicatorId, periodId, sectorId, status, numerator, denominator, value, submittedAt) for index-only breakdown reads; re-opened figures (DRAFT/REJECTED read by their current publication) of the indicator and quarters found once through `Figure_periodId_indicatorId_status_idx`, then matched to the units. Each data function sends one statement whose parts share one WITH, as a named prepared statement (parsed and planned once per connection; never on the embedded PGlite, whose connections share one session), built once per distinct input; rows come back as bare JSON arrays. What changes only with an admin write is read once and cached in-process: indicators, targets, baselines, departments (lib/cache/memo.ts) and each scope's geography — the units listed, their successions, the mapping of reporting units to listed ones and the units expected per level and validity (lib/data/dashboard-scope.ts), from which the expected counts are computed in JS. The statements still compute the mapping themselves (it is cheap next to the figures), so figures and totals are always read live.",
    "",
    "### Query plans",
    "",
    ...plans,
  ].join("\n");
}
