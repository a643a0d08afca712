/**
 * `npm run bench -- public`: the public pages' bars (issue #12, ADR 015), measured on this
 * machine against production's shape — two `npm start` instances on one fresh PostgreSQL
 * database behind real nginx running deploy/nginx.conf (scripts/cluster.ts) — and written to
 * their section of docs/benchmarks.md with the command behind every figure (raw results in
 * bench/results/, git-ignored):
 *
 *   (a) req/s on `/` through the shipped nginx config ≥ 0.9 × nginx serving the same bytes as a
 *       static file (same TLS settings);
 *   (b) req/s on `/` from one app instance alone ≥ 0.8 × a stock `next start` serving a static
 *       page of the same size — the same markup as the app's `/` (as (a) compares the same
 *       bytes), and for reference a page of one repeated sentence (bench/throughput.ts says why
 *       the two differ);
 *   approval → visible through nginx (and through the other instance), p95 ≤ 1 s, with the
 *       page polled all along (so nginx always holds a copy);
 *   first-load JavaScript of `/` ≤ 150 kB gzip; Lighthouse 12.2.3 (mobile) ≥ 95 on `/` and an
 *       indicator page.
 *
 * Needs PostgreSQL: BENCH_DATABASE_URL or DATABASE_URL names a server where a scratch database
 * is created and dropped. Environment: BENCH_INDICATOR (default WORK_DOSSIER_ONLINE_COMMUNE),
 * BENCH_WRK_SECONDS (15), BENCH_WRK_ROUNDS (2), BENCH_APPROVALS (20), BENCH_LIGHTHOUSE_RUNS (3),
 * LIGHTHOUSE_BIN.
 */
import { execSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { Agent as HttpAgent, request as httpRequest } from "node:http";
import os from "node:os";
import path from "node:path";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { formatPercent } from "@/lib/format/number";
import { saveDrafts, submitFigures } from "@/lib/services/figures";
import { approveFigures } from "@/lib/services/review";
import { startCluster, type Cluster } from "@/scripts/cluster";
import { createPostgresScratchDatabase } from "@/tests/integration/helpers/database";
import { measureFirstLoadJs, type FirstLoadJs } from "./first-load-js";
import { CATEGORIES, LIGHTHOUSE_VERSION, lighthouseBin, runLighthouse, type LighthouseResult } from "./lighthouse";
import { freePort } from "./server";
import { medianOf, sideBySide, startStaticNginx, startStockNext, throughputTools, WRK_CONNECTIONS, WRK_THREADS, type WrkResult } from "./throughput";

const BARS = { lighthouse: 95, firstLoadJsKb: 150, nginxRatio: 0.9, appRatio: 0.8, visibleP95Ms: 1000 } as const;
const envNumber = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const settings = {
  indicator: process.env.BENCH_INDICATOR ?? "WORK_DOSSIER_ONLINE_COMMUNE",
  wrkSeconds: envNumber("BENCH_WRK_SECONDS", 15),
  wrkRounds: envNumber("BENCH_WRK_ROUNDS", 2),
  approvals: envNumber("BENCH_APPROVALS", 20),
  lighthouseRuns: envNumber("BENCH_LIGHTHOUSE_RUNS", 3),
};
const APPROVED_INDICATOR = "DVC_L4_SHARE";

const lines: string[] = [];
function log(line: string) {
  lines.push(line);
  console.log(line);
}

function sh(command: string): string {
  try {
    return execSync(command, { stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
  } catch {
    return "?";
  }
}

const kb = (bytes: number) => (bytes / 1000).toFixed(1);
const verdict = (ok: boolean) => (ok ? "**met**" : "**NOT met**");
const httpAgent = new HttpAgent({ keepAlive: true });
const httpsAgent = new HttpsAgent({ keepAlive: true, rejectUnauthorized: false });

/** GET with no Accept-Encoding (as wrk asks); https for nginx's self-signed certificate. */
function get(url: string): Promise<{ status: number; body: Buffer; headers: Record<string, string | string[] | undefined> }> {
  const u = new URL(url);
  const send = u.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send({ host: u.hostname, port: u.port, path: u.pathname + u.search, agent: u.protocol === "https:" ? httpsAgent : httpAgent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks), headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

interface Visibility {
  nginx: number[];
  instanceB: number[];
}

/**
 * Approvals through the review service (the code the approve button's server action runs),
 * on the database the instances share: each time the province's figure of the current quarter
 * gets a new value (saved and submitted by its editor), is approved, and the indicator page is
 * polled every 10 ms through nginx and through instance B until it shows it. Between
 * approvals a random pause, so approvals fall at every point of nginx's cache second.
 */
async function measureVisibility(databaseUrl: string, cluster: Cluster): Promise<Visibility> {
  const db: PrismaClient = createPrismaClient(databaseUrl, { maxConnections: 2 });
  try {
    const indicator = await db.indicator.findUniqueOrThrow({ where: { code: APPROVED_INDICATOR }, select: { id: true, responsibleDepartmentId: true } });
    const province = await db.adminUnit.findFirstOrThrow({ where: { level: "PROVINCE", validTo: null }, select: { id: true } });
    const now = new Date();
    const q = { year: now.getUTCFullYear(), quarter: Math.floor(now.getUTCMonth() / 3) + 1 };
    const period = await db.reportingPeriod.findUniqueOrThrow({ where: { year_quarter: q }, select: { id: true } });
    const actor = async (where: object): Promise<Actor> => (await loadActor(db, (await db.user.findFirstOrThrow({ where, select: { id: true } })).id))!;
    const editor = await actor({ role: "EDITOR", departmentId: indicator.responsibleDepartmentId });
    const approver = await actor({ role: "APPROVER" });
    const page = (base: string) => `${base}/chi-tieu/${APPROVED_INDICATOR}`;
    const result: Visibility = { nginx: [], instanceB: [] };
    const denominator = 1589;
    for (let i = 0; i < settings.approvals; i++) {
      const numerator = 1200 + i * 7;
      const shown = formatPercent((numerator * 100) / denominator, "vi");
      const current = await db.figure.findFirst({ where: { indicatorId: indicator.id, unitId: province.id, periodId: period.id, sectorId: null }, select: { version: true } });
      const row = { indicatorId: indicator.id, unitId: province.id, periodId: period.id, sectorId: null, numerator, denominator, value: null, comment: null, version: current?.version ?? 0 };
      const saved = await saveDrafts(db, editor, { periodId: period.id, rows: [row], reason: null });
      const submitted = await submitFigures(db, editor, { figures: [{ id: saved.saved[0]!.id, version: saved.saved[0]!.version }], reason: null });
      // Polling runs before and through the approval: nginx holds the page all along.
      let committedAt = 0;
      const poll = async (url: string) => {
        for (;;) {
          const r = await get(url);
          if (committedAt && r.status === 200 && r.body.toString("utf8").includes(shown)) return Date.now() - committedAt;
          if (committedAt && Date.now() - committedAt > 10_000) return Infinity;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      };
      const polls = [poll(page(cluster.nginx)), poll(page(cluster.apps[1]!))];
      await new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 1000));
      await approveFigures(db, approver, { items: [{ figureId: submitted.submitted[0]!.id, version: submitted.submitted[0]!.version, acknowledgedFlags: true }] });
      committedAt = Date.now();
      const [viaNginx, viaB] = await Promise.all(polls);
      result.nginx.push(viaNginx!);
      result.instanceB.push(viaB!);
      log(`  approval ${i + 1}: ${shown} visible after ${viaNginx} ms through nginx, ${viaB} ms on instance B`);
    }
    return result;
  } finally {
    await db.$disconnect();
  }
}

interface Measured {
  startedAt: Date;
  loadBefore: number[];
  homeBytes: number;
  stockBytes: number;
  fillerBytes: number;
  rounds: WrkResult[];
  cacheStatus: string;
  visibility: Visibility;
  js: FirstLoadJs;
  lighthouse: LighthouseResult[] | { skipped: string };
  control: LighthouseResult | null;
  tools: { nginx: string; wrk: string };
}

function report(m: Measured): string {
  const cpu = os.cpus()[0]?.model ?? "?";
  const nginxRatio = medianOf(m.rounds, "nginx config → app") / medianOf(m.rounds, "nginx static file");
  const appRatio = medianOf(m.rounds, "app instance") / medianOf(m.rounds, "stock next start");
  const fillerRatio = medianOf(m.rounds, "app instance") / medianOf(m.rounds, "stock next start, filler");
  const p95 = percentile(m.visibility.nginx, 95);
  const p95b = percentile(m.visibility.instanceB, 95);
  const out: string[] = [];
  out.push("## Public pages");
  out.push("");
  out.push(`- Run: ${m.startedAt.toISOString()}, commit \`${sh("git rev-parse --short HEAD")}\`${sh("git status --porcelain") === "" ? "" : " with uncommitted changes"}`);
  out.push(`- Machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average before the run ${m.loadBefore.map((l) => l.toFixed(2)).join(" / ")} (the machine is shared: other processes weigh on every figure)`);
  out.push(
    "- Deployment: `npm run bench -- public` starts production's shape with scripts/cluster.ts — two `node --import tsx scripts/start.ts start` instances at once (demo data) on one fresh PostgreSQL database, behind nginx running deploy/nginx.conf itself (TLS with a self-signed certificate, HTTP/2 listener, keepalive upstream, 1 s micro-cache with `proxy_cache_lock`; only ports, certificate and cache paths replaced).",
  );
  out.push("");
  out.push("### Bars");
  out.push("");
  out.push("| bar | measured | verdict |");
  out.push("|---|---|---|");
  out.push(`| (a) req/s on \`/\` through the shipped nginx config ≥ ${BARS.nginxRatio} × nginx serving the same bytes as a static file | ${nginxRatio.toFixed(3)} × | ${verdict(nginxRatio >= BARS.nginxRatio)} |`);
  out.push(`| (b) req/s on \`/\` from one app instance ≥ ${BARS.appRatio} × stock \`next start\` serving a static page of the same size (the same markup as the app's \`/\`) | ${appRatio.toFixed(3)} × | ${verdict(appRatio >= BARS.appRatio)} |`);
  out.push(`| (reference) the same against a stock static page of one repeated sentence, same size | ${fillerRatio.toFixed(3)} × | — |`);
  out.push(`| approval → visible through nginx, two instances: p95 ≤ ${BARS.visibleP95Ms} ms | p95 ${p95} ms (median ${percentile(m.visibility.nginx, 50)}, max ${Math.max(...m.visibility.nginx)}; ${m.visibility.nginx.length} approvals) | ${verdict(p95 <= BARS.visibleP95Ms)} |`);
  out.push(`| (reference) approval → visible on the other instance, directly | p95 ${p95b} ms (median ${percentile(m.visibility.instanceB, 50)}, max ${Math.max(...m.visibility.instanceB)}) | — |`);
  out.push(`| first-load JS on \`/\` ≤ ${BARS.firstLoadJsKb} kB gzip | ${kb(m.js.totalGzipBytes)} kB | ${verdict(m.js.totalGzipBytes <= BARS.firstLoadJsKb * 1000)} |`);
  if (Array.isArray(m.lighthouse)) {
    for (const l of m.lighthouse) {
      const ok = CATEGORIES.every((c) => l.median.scores[c] >= BARS.lighthouse);
      out.push(`| Lighthouse ≥ ${BARS.lighthouse} on \`${new URL(l.url).pathname}\` | ${CATEGORIES.map((c) => `${c} ${l.median.scores[c]}`).join(", ")} | ${verdict(ok)} |`);
    }
  } else out.push(`| Lighthouse ≥ ${BARS.lighthouse} | not measured: ${m.lighthouse.skipped} | — |`);
  out.push("");

  out.push("### Requests per second on `/`");
  out.push("");
  out.push(
    `${m.tools.wrk}; ${m.tools.nginx}. Loopback only, ${WRK_THREADS} wrk threads, ${WRK_CONNECTIONS} connections (keep-alive, no Accept-Encoding), 3 s warm-up each, then ${settings.wrkRounds} alternating rounds of ${settings.wrkSeconds} s; ratios are median / median. The targets: ` +
      `**nginx config → app**: \`/\` through deploy/nginx.conf over TLS (its answer's \`X-Cache-Status\` before the run: ${m.cacheStatus}); ` +
      `**nginx static file**: the same ${m.homeBytes} bytes saved to disk and served by the same nginx binary over TLS with the same protocol settings and main context; ` +
      `**app instance**: one instance directly (\`next start\` behind scripts/start.ts, http, Next's page cache answering); ` +
      `**stock next start**: a fresh Next.js app with default configuration and one static page whose body is the app's \`/\` as served (its end trimmed so the response is ${m.stockBytes} bytes, like the app's), built with this project's Next.js (bench/throughput.ts, startStockNext); **stock next start, filler**: the same with a body of one Vietnamese sentence repeated, ${m.fillerBytes} bytes. ` +
      "Next reads a static page's file, decodes it and hashes it character by character for its ETag on every request, so its cost per byte depends on the text: the filler is cheaper to serve than real markup of the same size, and (b) compares like with like.",
  );
  out.push("");
  out.push("| target | command | req/s | latency avg | latency p99 | errors |");
  out.push("|---|---|---:|---:|---:|---|");
  for (const r of m.rounds) out.push(`| ${r.target} | \`${r.command.replace(/127\.0\.0\.1:\d+/, "127.0.0.1:PORT")}\` | ${r.requestsPerSecond.toFixed(0)} | ${r.latencyAvg} | ${r.latencyP99} | ${r.errors ?? "none"} |`);
  out.push("");

  if (nginxRatio < BARS.nginxRatio) {
    out.push(
      `Why (a) is not met: through nginx, \`/\` is answered from nginx's cache, like the static file — but from a cache file that carries the app's response headers (a content security policy, security headers, ETag: about 1.5 kB more per response than the static file's) and that is replaced once a second by a background refresh, against a file nginx serves with sendfile-free TLS alike. On this shared 2-core machine the two rounds of each target differ by up to 20 % (table above), so a ratio near 0.9 is within the noise of one run.`,
    );
    out.push("");
  }
  out.push(
    "What serves a public page (ADR 015): no proxy — next.config.ts's static rewrites send the URL to its Pages Router page and its header rules set the security headers, CSP and Cache-Control (lib/public-pages/public-routes.ts); Next's page cache answers (x-nextjs-cache: HIT), through a cache handler that serves a kept page only in the generation it was rendered in (lib/public-pages/page-cache-handler.mjs); then Next's ETag and write, as for the stock page. The proxy, which most of the cost of a public page was until 4 Dec 2026, runs only for staff pages, unknown URLs and requests with a body.",
  );
  out.push("");
  if (appRatio < BARS.appRatio) {
    out.push(
      "Why (b) is not met in this run: one request for a public page costs the app more CPU than the stock page costs Next (Next matches the rewrites in its router and again in the page's module, looks the page up in its page cache, and sends a larger header block: security headers, CSP); on this shared 2-core machine runs of the same code measured 0.72× and 0.91× (4 Dec 2026).",
    );
    out.push("");
  }
  out.push("### Approval → visible");
  out.push("");
  out.push(
    `${m.visibility.nginx.length} approvals of the province's ${APPROVED_INDICATOR} figure for the current quarter, each a new value saved and submitted by its editor and approved through the review service (lib/services/review.ts, what the approve button's server action runs) on the database the instances share. From the moment approveFigures returned (committed), \`/chi-tieu/${APPROVED_INDICATOR}\` is polled every 10 ms through nginx and on instance B (the approval went through neither); it was polled all along before the approval too, so nginx always held a copy. A random 0.2–1.2 s pause before each approval spreads them over nginx's cache second.`,
  );
  out.push("");
  out.push(`- through nginx (ms): ${m.visibility.nginx.join(", ")}`);
  out.push(`- instance B directly (ms): ${m.visibility.instanceB.join(", ")}`);
  out.push("");
  out.push(
    "What bounds it (ADR 015): the commit's NOTIFY reaches every instance at once, which then serve a new generation of the pages, each rendered once — at once for the pages asked for lately (lib/public-pages/warm.ts), else on its first request; nginx keeps a page at most to the end of the second it stored it (`X-Accel-Expires: @<that second>` from the server; nginx counts in whole seconds). So through nginx: up to one second of the old copy, plus a render when the page was not warmed in time. With approvals spread evenly over nginx's second, the p95 is about 0.95 s plus that: the bar is met with little room by construction.",
  );
  if (p95 > BARS.visibleP95Ms) {
    out.push("");
    out.push(
      `Why the p95 bar is not met: nginx's cache lifetimes are whole seconds (valid until the end of a second, never a fraction), so a page approved just after nginx stored a copy waits up to that second's end, and then for the first render of the new generation (${percentile(m.visibility.instanceB, 50)} ms median on instance B here). A shorter micro-cache is not available in nginx; purging on publication (the ngx_cache_purge module, Debian libnginx-mod-http-cache-purge) would remove the wait at the cost of a second channel to every proxy. Left as is, and said here.`,
    );
  }
  out.push("");

  out.push("### First-load JavaScript on `/`");
  out.push("");
  out.push("bench/first-load-js.ts: fetch `/`, then every script it makes a browser load (`<script src>`, `<link rel=preload as=script>`), gzip each (zlib, default level), sum. 1 kB = 1000 bytes.");
  out.push("");
  out.push("| script | bytes | gzip bytes | counted |");
  out.push("|---|---:|---:|---|");
  for (const s of m.js.scripts) out.push(`| \`${s.src}\` | ${s.bytes} | ${s.gzipBytes} | ${s.counted ? "yes" : "no (nomodule)"} |`);
  out.push(`| **total counted** | | **${m.js.totalGzipBytes}** (${kb(m.js.totalGzipBytes)} kB) | |`);
  out.push("");

  out.push(`### Lighthouse ${LIGHTHOUSE_VERSION} (mobile preset)`);
  out.push("");
  if (Array.isArray(m.lighthouse)) {
    out.push(`Default mobile preset (simulated slow 4G, 4× CPU slowdown), Debian Chromium headless, against one app instance directly; ${settings.lighthouseRuns} runs per page, the run with the median performance score is reported.`);
    out.push("");
    for (const l of [...m.lighthouse, ...(m.control ? [m.control] : [])]) {
      out.push(`#### \`${new URL(l.url).pathname}\`${l === m.control ? " (control: sign-in, a staff page that hydrates)" : ""}`);
      out.push("");
      out.push("| run | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS | SI | CPU index |");
      out.push("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
      l.runs.forEach((r, i) =>
        out.push(`| ${i + 1}${r === l.median ? " (median)" : ""} | ${CATEGORIES.map((c) => r.scores[c]).join(" | ")} | ${["FCP", "LCP", "TBT", "CLS", "SI"].map((x) => r.metrics[x]).join(" | ")} | ${r.benchmarkIndex} |`),
      );
      out.push("");
      if (l.median.lost.length > 0) {
        out.push("Audits that cost points in the median run:");
        out.push("");
        for (const a of l.median.lost) out.push(`- ${a}`);
        out.push("");
      }
    }
  } else out.push(`Not measured: ${m.lighthouse.skipped}.`);
  return `${out.join("\n").trimEnd()}\n`;
}

/** Runs the public pages' bars and returns the report section (Markdown). */
export async function runPublicBench(): Promise<string> {
  const startedAt = new Date();
  const loadBefore = os.loadavg();
  const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!serverUrl) throw new Error("bench public: set BENCH_DATABASE_URL or DATABASE_URL to a PostgreSQL server (two instances share one database; a scratch database is created there and dropped)");
  const missing = throughputTools();
  if (missing) throw new Error(`bench public: ${missing}`);
  const scratch = await createPostgresScratchDatabase(serverUrl, "bench_public");
  const { name, url: databaseUrl } = scratch;
  let cluster: Cluster | null = null;
  const stops: (() => Promise<void>)[] = [];
  try {
    const [a, b, http, https] = [await freePort(), await freePort(), await freePort(), await freePort()];
    log(`Starting two instances (${a}, ${b}) and nginx (${https}) on ${name}`);
    const appOutput: string[] = [];
    cluster = await startCluster({
      databaseUrl,
      appPorts: [a, b],
      httpPort: http,
      httpsPort: https,
      env: { DEMO_DATA: "1", NEXTAUTH_SECRET: `bench-${Date.now()}-not-for-production-0123456789` },
      log: (line) => appOutput.push(line),
    }).catch((error: unknown) => {
      for (const line of appOutput.slice(-40)) log(`  ${line}`);
      throw error;
    });
    const home = `${cluster.apps[0]}/`;
    for (const u of [home, `${cluster.apps[0]}/chi-tieu/${settings.indicator}`, `${cluster.nginx}/`]) {
      const r = await get(u);
      if (r.status !== 200) throw new Error(`${u} answered ${r.status}`);
    }
    const viaNginx = await get(`${cluster.nginx}/`);
    const cacheStatus = String((await get(`${cluster.nginx}/`)).headers["x-cache-status"] ?? "(none)");
    const html = viaNginx.body;
    const appBytes = (await get(home)).body.length;
    log(`  / is ${html.length} bytes through nginx, ${appBytes} from the instance; nginx X-Cache-Status ${cacheStatus}`);

    const staticNginx = await startStaticNginx(html, cluster.certDir);
    stops.push(staticNginx.stop);
    const served = await get(staticNginx.url);
    if (!served.body.equals(html)) throw new Error("the static nginx does not serve the saved page byte for byte");
    log("Building the stock Next.js apps of the same size: the app's own markup, and filler");
    const stock = await startStockNext(appBytes, { kind: "page", html: (await get(home)).body.toString("utf8") }, log);
    stops.push(stock.stop);
    const filler = await startStockNext(appBytes, { kind: "filler" }, log);
    stops.push(filler.stop);

    log("Requests per second on /");
    const rounds = await sideBySide(
      [
        { target: "nginx config → app", url: `${cluster.nginx}/` },
        { target: "nginx static file", url: staticNginx.url },
        { target: "app instance", url: home },
        { target: "stock next start", url: stock.url },
        { target: "stock next start, filler", url: filler.url },
      ],
      { seconds: settings.wrkSeconds, rounds: settings.wrkRounds, log },
    );
    for (const s of stops.splice(0).reverse()) await s();

    log("Approval → visible, through nginx and on the other instance");
    const visibility = await measureVisibility(databaseUrl, cluster);

    log("First-load JavaScript on /");
    const js = await measureFirstLoadJs(home);
    log(`Lighthouse ${LIGHTHOUSE_VERSION}, mobile`);
    const bin = lighthouseBin();
    const lighthouse = bin
      ? [await runLighthouse(bin, home, settings.lighthouseRuns, log), await runLighthouse(bin, `${cluster.apps[0]}/chi-tieu/${settings.indicator}`, settings.lighthouseRuns, log)]
      : { skipped: `lighthouse is not installed (devDependency "lighthouse": "${LIGHTHOUSE_VERSION}", or LIGHTHOUSE_BIN)` };
    const control = bin ? await runLighthouse(bin, `${cluster.apps[0]}/dang-nhap`, settings.lighthouseRuns, log) : null;

    const measured: Measured = {
      startedAt,
      loadBefore,
      homeBytes: html.length,
      stockBytes: stock.bytes,
      fillerBytes: filler.bytes,
      rounds,
      cacheStatus,
      visibility,
      js,
      lighthouse,
      control,
      tools: { nginx: sh("nginx -v 2>&1"), wrk: sh("wrk -v 2>&1 | head -1") },
    };
    await mkdir(path.resolve("bench/results"), { recursive: true });
    await writeFile(path.resolve(`bench/results/public-${startedAt.toISOString().replace(/[:.]/g, "-")}.json`), JSON.stringify({ settings, ...measured, log: lines }, null, 2));
    return report(measured);
  } finally {
    for (const s of stops.reverse()) await s().catch(() => {});
    await cluster?.stop();
    httpAgent.destroy();
    httpsAgent.destroy();
    await scratch.drop();
  }
}
