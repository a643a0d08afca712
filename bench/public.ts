/**
 * `npm run bench -- public`: the public pages' performance bars, measured on this
 * machine against a production build, written to its section of docs/benchmarks.md with the
 * command behind every figure (raw results in bench/results/, git-ignored).
 *
 *   Lighthouse 12.2.3, mobile preset, on / and one indicator page: each of
 *     performance, accessibility, best practices and SEO ≥ 95;
 *   first-load JavaScript of / ≤ 150 kB gzip;
 *   requests/s on / with wrk ≥ 0.5 × nginx serving the same HTML from disk
 *   (the app answers it from the front of its server, ADR 013).
 *
 * Not part of `npm test`. Environment: BENCH_URL (bench a server already
 * running instead of starting one), BENCH_INDICATOR (indicator code, default
 * WORK_DOSSIER_ONLINE_COMMUNE: the heaviest page, with chart and breakdown),
 * BENCH_WRK_SECONDS (15), BENCH_WRK_ROUNDS (2), BENCH_LIGHTHOUSE_RUNS (3),
 * LIGHTHOUSE_BIN (when the lighthouse devDependency is not installed).
 *
 * Lighthouse also runs on the sign-in page as a control: a staff page that
 * hydrates (React, the App Router runtime), as the public pages did before
 * ADR 012.
 */
import { execSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { get } from "node:http";
import os from "node:os";
import path from "node:path";
import { measureFirstLoadJs, type FirstLoadJs } from "./first-load-js";
import { CATEGORIES, LIGHTHOUSE_VERSION, lighthouseBin, runLighthouse, type LighthouseResult } from "./lighthouse";
import { startApp, type RunningApp } from "./server";
import { measureThroughput, throughputTools, WRK_CONNECTIONS, WRK_THREADS, type Throughput } from "./throughput";

const BARS = { lighthouse: 95, firstLoadJsKb: 150, throughputRatio: 0.5 } as const;
const envNumber = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const settings = {
  indicator: process.env.BENCH_INDICATOR ?? "WORK_DOSSIER_ONLINE_COMMUNE",
  wrkSeconds: envNumber("BENCH_WRK_SECONDS", 15),
  wrkRounds: envNumber("BENCH_WRK_ROUNDS", 2),
  lighthouseRuns: envNumber("BENCH_LIGHTHOUSE_RUNS", 3),
};

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

function report(input: {
  startedAt: Date;
  app: { command: string; url: string };
  js: FirstLoadJs | null;
  throughput: Throughput | { skipped: string };
  lighthouse: LighthouseResult[] | { skipped: string };
  control: LighthouseResult | null;
  loadBefore: number[];
  pageCache: string;
}): string {
  const { js, throughput, lighthouse } = input;
  const cpu = os.cpus()[0]?.model ?? "?";
  const out: string[] = [];
  out.push("## Public pages");
  out.push("");
    out.push(`- Run: ${input.startedAt.toISOString()}, commit \`${sh("git rev-parse --short HEAD")}\`${sh("git status --porcelain") === "" ? "" : " with uncommitted changes"}`);
  out.push(`- Machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average before the run ${input.loadBefore.map((l) => l.toFixed(2)).join(" / ")} (the machine is shared: other processes weigh on every figure)`);
  out.push(`- App: production build, \`${input.app.command}\` (embedded database, demo data), served at ${input.app.url}`);
  out.push("");

  out.push("### Bars");
  out.push("");
  out.push("| bar | measured | verdict |");
  out.push("|---|---|---|");
  if (js) out.push(`| first-load JS on \`/\` ≤ ${BARS.firstLoadJsKb} kB gzip | ${kb(js.totalGzipBytes)} kB | ${verdict(js.totalGzipBytes <= BARS.firstLoadJsKb * 1000)} |`);
  if ("rounds" in throughput) {
    out.push(`| req/s on \`/\` ≥ ${BARS.throughputRatio} × nginx | ${throughput.ratio.toFixed(3)} × nginx | ${verdict(throughput.ratio >= BARS.throughputRatio)} |`);
    out.push(`| (reference) bare Node.js HTTP server, same bytes | ${throughput.nodeRatio.toFixed(3)} × nginx | one process through Node's HTTP module |`);
    out.push(`| (deployment) nginx 1 s cache in front of the app | ${throughput.cacheRatio.toFixed(3)} × nginx | README "Serving the public pages" |`);
  }
  else out.push(`| req/s on \`/\` ≥ ${BARS.throughputRatio} × nginx | not measured: ${throughput.skipped} | — |`);
  if (Array.isArray(lighthouse)) {
    for (const l of lighthouse) {
      const ok = CATEGORIES.every((c) => l.median.scores[c] >= BARS.lighthouse);
      out.push(`| Lighthouse ≥ ${BARS.lighthouse} on \`${new URL(l.url).pathname}\` | ${CATEGORIES.map((c) => `${c} ${l.median.scores[c]}`).join(", ")} | ${verdict(ok)} |`);
    }
  } else {
    out.push(`| Lighthouse ≥ ${BARS.lighthouse} | not measured: ${lighthouse.skipped} | — |`);
  }
  out.push("");

  if (js) {
    out.push("### First-load JavaScript on `/`");
    out.push("");
    out.push("Command: `npm run bench` (bench/first-load-js.ts): fetch `/`, then every script it makes a browser load (`<script src>`, `<link rel=preload as=script>`), gzip each (zlib, default level), sum. `nomodule` polyfills are listed but not counted: browsers that run modules never download them. 1 kB = 1000 bytes.");
    out.push("");
    out.push("| script | bytes | gzip bytes | counted |");
    out.push("|---|---:|---:|---|");
    for (const s of js.scripts) out.push(`| \`${s.src}\` | ${s.bytes} | ${s.gzipBytes} | ${s.counted ? "yes" : "no (nomodule)"} |`);
    out.push(`| **total counted** | | **${js.totalGzipBytes}** (${kb(js.totalGzipBytes)} kB) | |`);
    out.push("");
  }

  out.push("### Requests per second on `/`, against nginx serving the same bytes");
  out.push("");
  if ("rounds" in throughput) {
    out.push(
      `${throughput.wrkVersion}; ${throughput.nginxVersion} (\`worker_processes auto\`, \`sendfile on\`, access log off) serving the ${throughput.htmlBytes} bytes of \`/\` saved to disk; the same nginx as a 1 s micro-cache in front of the app (README, "Serving the public pages"); and, for reference, a bare \`http.createServer\` (Node ${throughput.nodeVersion}, one process) answering every request with the same bytes from memory. Loopback only, ${WRK_THREADS} wrk threads, ${WRK_CONNECTIONS} connections, 3 s warm-up each, then alternating rounds; the ratios are median(target) / median(nginx). The app is \`npm start\`: its server (scripts/serve.ts, ADR 013) answers a public page Next has already sent from memory, before Next's pipeline, and a plain GET of it at the socket, before Node's HTTP parser too (lib/public-pages/front-socket.ts: one write of the kept status line, headers and bytes; anything else is handed to the HTTP server); before the run \`/\`, asked for as wrk asks (no Accept-Encoding), answered \`X-Dx-Cache: ${input.pageCache}\` on its second request${input.pageCache === "HIT" ? " (the front's copy of what Next sent the first time)" : ""}.`,
    );
    out.push("");
    out.push("| target | command | req/s | latency avg | latency p99 | errors |");
    out.push("|---|---|---:|---:|---:|---|");
    const label = { nginx: "nginx", next: "app (front)", node: "bare node", "nginx-cache": "nginx 1 s cache → app" } as const;
    for (const r of throughput.rounds) out.push(`| ${label[r.target]} | \`${r.command}\` | ${r.requestsPerSecond.toFixed(0)} | ${r.latencyAvg} | ${r.latencyP99} | ${r.errors ?? "none"} |`);
    out.push("");
    out.push(
      `Ratio: **${throughput.ratio.toFixed(3)}** (bar ${BARS.throughputRatio}); the bare Node.js HTTP server: **${throughput.nodeRatio.toFixed(3)}** × nginx; the deployment of README "Serving the public pages" (nginx keeping \`/\` 1 s in front of the app): **${throughput.cacheRatio.toFixed(3)}** × nginx.`,
    );
    if (throughput.ratio < BARS.throughputRatio) {
      out.push("");
      out.push(
        `Why the bar is not met: \`/\` is answered by the front of the app's server at the socket (ADR 013) — one head parsed, one map lookup and one write of the headers and bytes Next sent for it, without Node's HTTP module, Next's router, proxy or page cache — yet it stays a Node.js server on one event loop, in the process it shares with Next (whose AsyncLocalStorage turns on async hooks for every callback), against nginx's ${os.cpus().length} worker processes with sendfile. In the same run the app reached ${(throughput.ratio / throughput.nodeRatio).toFixed(2)} of the bare Node.js server, which itself reached ${throughput.nodeRatio.toFixed(2)} × nginx${
          throughput.nodeRatio < BARS.throughputRatio ? ": through Node's HTTP module the bar is out of reach for one process on this machine" : ""
        }. The deployment answer (README "Serving the public pages"): the province's nginx in front keeps the public pages 1 s, measured above as "nginx 1 s cache → app": ${throughput.cacheRatio.toFixed(2)} × nginx.`,
      );
    }
  } else {
    out.push(`Not measured: ${throughput.skipped}.`);
  }
  out.push("");

  out.push(`### Lighthouse ${LIGHTHOUSE_VERSION} (mobile preset)`);
  out.push("");
  if (Array.isArray(lighthouse)) {
    out.push(`Default mobile preset (simulated throttling: slow 4G, 4× CPU slowdown), Debian Chromium headless; ${settings.lighthouseRuns} runs per page, the run with the median performance score is reported.`);
    out.push("");
    for (const l of lighthouse) {
      out.push(`#### \`${new URL(l.url).pathname}\``);
      out.push("");
      out.push(`Command: \`${l.command.replace(l.url, new URL(l.url).pathname === "/" ? "http://127.0.0.1:PORT/" : `http://127.0.0.1:PORT${new URL(l.url).pathname}`)}\``);
      out.push("");
      out.push("| run | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS | SI | CPU index |");
      out.push("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
      l.runs.forEach((r, i) =>
        out.push(
          `| ${i + 1}${r === l.median ? " (median)" : ""} | ${CATEGORIES.map((c) => r.scores[c]).join(" | ")} | ${["FCP", "LCP", "TBT", "CLS", "SI"].map((m) => r.metrics[m]).join(" | ")} | ${r.benchmarkIndex} |`,
        ),
      );
      out.push("");
      if (l.median.lost.length > 0) {
        out.push("Audits that cost points in the median run:");
        out.push("");
        for (const a of l.median.lost) out.push(`- ${a}`);
        out.push("");
      }
    }
    if (input.control) {
      const c = input.control;
      out.push("#### Control: `/dang-nhap` (sign-in, not a public page)");
      out.push("");
      out.push(
        "A staff page (App Router, nonce CSP) with React and the App Router runtime and almost no content: what this machine scores for a page that hydrates — the public pages ran like this before ADR 012.",
      );
      out.push("");
      out.push("| run | performance | FCP | LCP | TBT | CPU index |");
      out.push("|---|---:|---:|---:|---:|---:|");
      c.runs.forEach((r, i) => out.push(`| ${i + 1}${r === c.median ? " (median)" : ""} | ${r.scores.performance} | ${r.metrics.FCP} | ${r.metrics.LCP} | ${r.metrics.TBT} | ${r.benchmarkIndex} |`));
      out.push("");
    }
    const below = lighthouse.filter((l) => l.median.scores.performance < BARS.lighthouse);
    if (below.length > 0) {
      out.push(
        `Below the bar: ${below.map((l) => `\`${new URL(l.url).pathname}\` (performance ${l.median.scores.performance})`).join(", ")}. The public pages ship no framework JavaScript (ADR 012: the only script is the chart tooltip, on indicator pages), so what is left is the HTML and the stylesheet under the preset's slow 4G and 4× CPU slowdown on this shared machine; see the audits above.`,
      );
      out.push("");
    }
  } else {
    out.push(`Not measured: ${lighthouse.skipped}.`);
    out.push("");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

/** X-Dx-Cache of the second of two requests as wrk sends them (no Accept-Encoding; fetch always sends one). */
async function frontCacheOfSecondRequest(url: string): Promise<string> {
  const once = () =>
    new Promise<string>((resolve, reject) => {
      get(url, (res) => {
        res.resume();
        res.on("end", () => resolve(String(res.headers["x-dx-cache"] ?? "(none)")));
      }).on("error", reject);
    });
  await once();
  return once();
}

/** Runs the public pages' bars and returns the report section (Markdown). */
export async function runPublicBench(): Promise<string> {
  const startedAt = new Date();
  const loadBefore = os.loadavg();
  let app: RunningApp | null = null;
  const external = process.env.BENCH_URL?.replace(/\/$/, "");
  try {
    if (external) log(`Benchmarking the server at ${external} (BENCH_URL)`);
    else app = await startApp(log);
    const base = external ?? app!.url;
    const home = `${base}/`;
    const indicator = `${base}/chi-tieu/${settings.indicator}`;
    for (const url of [home, indicator]) {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    }

    // The second request of /, asked for as wrk asks, must come from the front (ADR 013).
    const pageCache = await frontCacheOfSecondRequest(home);
    log(`  / on its second request: X-Dx-Cache ${pageCache}`);

    log("First-load JavaScript on /");
    const js = await measureFirstLoadJs(home);
    log(`  ${kb(js.totalGzipBytes)} kB gzip over ${js.scripts.filter((s) => s.counted).length} scripts`);

    log("Requests per second on /, the app vs nginx");
    const missingTools = throughputTools();
    const throughput = missingTools
      ? { skipped: missingTools }
      : await measureThroughput(home, { seconds: settings.wrkSeconds, rounds: settings.wrkRounds, log });
    if ("ratio" in throughput) log(`  ratio ${throughput.ratio.toFixed(3)}`);

    log(`Lighthouse ${LIGHTHOUSE_VERSION}, mobile`);
    const bin = lighthouseBin();
    const lighthouse = bin
      ? [await runLighthouse(bin, home, settings.lighthouseRuns, log), await runLighthouse(bin, indicator, settings.lighthouseRuns, log)]
      : { skipped: `lighthouse is not installed (add the devDependency "lighthouse": "${LIGHTHOUSE_VERSION}", or set LIGHTHOUSE_BIN)` };
    if (!Array.isArray(lighthouse)) log(`  ${lighthouse.skipped}`);
    const control = bin ? await runLighthouse(bin, `${base}/dang-nhap`, settings.lighthouseRuns, log) : null;

    const markdown = report({
      startedAt,
      app: { command: external ? `BENCH_URL=${external}` : app!.command.replace(/DX_DATA_DIR=\S+/, "DX_DATA_DIR=$(mktemp -d)").replace(/PORT=\d+/, "PORT=<free port>"), url: base.replace(/:\d+$/, ":PORT") },
      js,
      throughput,
      lighthouse,
      control,
      loadBefore,
      pageCache,
    });
    await mkdir(path.resolve("bench/results"), { recursive: true });
    await writeFile(
      path.resolve(`bench/results/${startedAt.toISOString().replace(/[:.]/g, "-")}.json`),
      JSON.stringify({ startedAt, settings, js, throughput, lighthouse, control, log: lines }, null, 2),
    );
    return markdown;
  } finally {
    await app?.stop();
  }
}

