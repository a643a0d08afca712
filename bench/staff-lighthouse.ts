/**
 * `npm run bench -- lighthouse`: Lighthouse on the staff pages, signed in (issue #16,
 * item 12; ADR 031). Bar: performance ≥ 90 on the dashboard overview (/theo-doi) and on
 * an indicator's drill-down, in Lighthouse 12.2.3's default mobile preset (simulated slow
 * 4G, 4× CPU slowdown) and Debian's Chromium.
 *
 * The app is the production build started as a province runs it (bench/server.ts:
 * `scripts/start.ts start`, i.e. `next start`) on a scratch PostgreSQL database of its own
 * (BENCH_DATABASE_URL or DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/test;
 * dropped after) with the demo data. The bench signs in as the demo viewer through
 * next-auth's credentials endpoint (the same requests the sign-in form sends) and gives
 * Lighthouse the session cookie as an extra header. Lighthouse runs through its Node API
 * with chrome-launcher (chromePath /usr/bin/chromium or CHROMIUM_PATH). Each page is
 * measured BENCH_LIGHTHOUSE_RUNS times (default 3) in a fresh Chromium; the run with the
 * median performance score is reported, with every run listed. Also reported: each page's
 * HTML size (the completeness page's was 659 kB, issue #16 item 12), and a control — the
 * password page, a three-field form — for what the App Router's own JavaScript costs on this
 * machine at the same time (the machine is shared; its speed moves every figure).
 */
import { execSync } from "node:child_process";
import os from "node:os";
import { gzipSync } from "node:zlib";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { createPostgresScratchDatabase } from "@/tests/integration/helpers/database";
import { signIn } from "@/tests/fuzz/http-fuzz";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/seed/demo-accounts";
import { startApp } from "./server";
import { LIGHTHOUSE_VERSION } from "./lighthouse";

const BAR = 90;
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const INDICATOR = process.env.BENCH_INDICATOR ?? "WORK_DOSSIER_ONLINE_COMMUNE";
const QUARTER = "2026-Q3";
/** The pages held to the bar, and the completeness page (measured, not a bar of this suite). */
const PAGES = [
  { path: `/theo-doi?ky=${QUARTER}`, name: "Dashboard overview", bar: true },
  { path: `/theo-doi/chi-tieu/${INDICATOR}?ky=${QUARTER}`, name: "Drill-down (indicator by unit)", bar: true },
  { path: `/theo-doi/day-du?ky=${QUARTER}`, name: "Completeness", bar: false },
  // Control: a staff page with almost nothing on it (a form of three fields) — what the framework alone costs on this machine, now.
  { path: "/tai-khoan/mat-khau", name: "Control: the password page (framework only)", bar: false },
] as const;

function chromePath(): string {
  return process.env.CHROMIUM_PATH ?? process.env.CHROME_PATH ?? "/usr/bin/chromium";
}

export interface StaffRun {
  performance: number;
  lcpMs: number;
  tbtMs: number;
  fcpMs: number;
  cls: number;
  jsTransferBytes: number;
  htmlTransferBytes: number;
  benchmarkIndex: number;
  /** Performance audits that cost points, with their score. */
  lost: string[];
}

async function runOnce(url: string, cookie: string): Promise<StaffRun> {
  const chrome = await chromeLauncher.launch({ chromePath: chromePath(), chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"] });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance"],
      extraHeaders: { Cookie: cookie },
    });
    if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const final = lhr.finalDisplayedUrl;
    if (new URL(final).pathname.startsWith("/dang-nhap")) throw new Error(`lighthouse was sent to the sign-in page (${final}): the session cookie was not accepted`);
    const num = (id: string) => Number(lhr.audits[id]?.numericValue ?? NaN);
    const summary = (lhr.audits["resource-summary"]?.details as { items?: { resourceType: string; transferSize: number }[] } | undefined)?.items ?? [];
    const size = (type: string) => summary.find((i) => i.resourceType === type)?.transferSize ?? 0;
    const lost: string[] = [];
    for (const ref of lhr.categories.performance!.auditRefs) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) lost.push(`${ref.id} ${Math.round(audit.score * 100)} (${audit.displayValue ?? ""})`);
    }
    return {
      performance: Math.round((lhr.categories.performance!.score ?? 0) * 100),
      lcpMs: num("largest-contentful-paint"),
      tbtMs: num("total-blocking-time"),
      fcpMs: num("first-contentful-paint"),
      cls: num("cumulative-layout-shift"),
      jsTransferBytes: size("script"),
      htmlTransferBytes: size("document"),
      benchmarkIndex: Math.round(lhr.environment?.benchmarkIndex ?? 0),
      lost,
    };
  } finally {
    await chrome.kill();
  }
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function runStaffLighthouseBench(): Promise<string> {
  const startedAt = new Date();
  const loadBefore = os.loadavg();
  const base = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
  const scratch = await createPostgresScratchDatabase(base, "lighthouse");
  const log: string[] = [];
  const app = await startApp((line) => log.push(line), {
    DATABASE_URL: scratch.url,
    TRUST_PROXY: "1", // the public address from the request (no NEXTAUTH_URL: the port is picked at start)
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "bench-only-secret-not-for-production-0123456789",
  }).catch(async (error: unknown) => {
    console.log(log.slice(-40).join("\n"));
    await scratch.drop();
    throw error;
  });
  try {
    const email = DEMO_ACCOUNTS.find((a) => a.role === "VIEWER")!.email;
    const cookie = await signIn(app.url, email, DEMO_PASSWORD, "127.0.0.1");
    const results: { page: (typeof PAGES)[number]; html: { bytes: number; gzipBytes: number }; runs: StaffRun[]; median: StaffRun }[] = [];
    for (const page of PAGES) {
      const url = `${app.url}${page.path}`;
      // Untimed first request: fills the in-process caches (indicators, geography) as on a running server; its body is the HTML size reported.
      const warm = await fetch(url, { headers: { cookie } });
      const body = Buffer.from(await warm.arrayBuffer());
      if (warm.status !== 200) throw new Error(`${page.path} answered ${warm.status}`);
      const gzipBytes = gzipSync(body).length;
      const runs: StaffRun[] = [];
      for (let i = 0; i < RUNS; i++) {
        const r = await runOnce(url, cookie);
        runs.push(r);
        console.log(`  ${page.path} run ${i + 1}: performance ${r.performance}, LCP ${s(r.lcpMs)}, TBT ${Math.round(r.tbtMs)} ms, JS ${kB(r.jsTransferBytes)}`);
      }
      const sorted = [...runs].sort((a, b) => a.performance - b.performance);
      results.push({ page, html: { bytes: body.length, gzipBytes }, runs, median: sorted[Math.floor(sorted.length / 2)]! });
    }
    const commit = execSync("git rev-parse --short HEAD").toString().trim();
    const dirty = execSync("git status --porcelain --untracked-files=no").toString().trim() !== "";
    const out = [
      "## Staff pages: Lighthouse, signed in",
      "",
      `- Run: ${startedAt.toISOString()}, commit \`${commit}\`${dirty ? " with uncommitted changes" : ""}; \`npm run bench -- lighthouse\` (bench/staff-lighthouse.ts)`,
      `- Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.split(" ").slice(0, 2).join(" ") ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load average before the run ${loadBefore.map((x) => x.toFixed(2)).join(" / ")} (shared machine)`,
      `- App: the production build, \`${app.command.replace(scratch.url, "<scratch PostgreSQL database>")}\` (demo data); signed in as ${email} through \`/api/auth/callback/credentials\`, the session cookie passed to Lighthouse as \`extraHeaders: { Cookie }\`.`,
      `- Lighthouse ${LIGHTHOUSE_VERSION} Node API, \`onlyCategories: ["performance"]\`, default mobile preset (simulated slow 4G, 4× CPU slowdown), chrome-launcher with \`${chromePath()} --headless=new --no-sandbox --disable-gpu\`, a fresh browser per run; ${RUNS} runs per page, the run with the median performance score is reported.`,
      "",
      "### Bars",
      "",
      "| page | performance (median run) | LCP | TBT | JS transferred | HTML (raw / gzip) | bar |",
      "|---|---:|---:|---:|---:|---:|---|",
      ...results.map(
        (r) =>
          `| ${r.page.name} \`${r.page.path}\` | ${r.median.performance} | ${s(r.median.lcpMs)} | ${Math.round(r.median.tbtMs)} ms | ${kB(r.median.jsTransferBytes)} | ${kB(r.html.bytes)} / ${kB(r.html.gzipBytes)} | ${r.page.bar ? (r.median.performance >= BAR ? `≥ ${BAR}: **met**` : `≥ ${BAR}: **NOT met**`) : "— (measured)"} |`,
      ),
      "",
      "### Every run",
      "",
      "| page | run | performance | FCP | LCP | TBT | CLS | JS transferred | CPU index |",
      "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
      ...results.flatMap((r) =>
        r.runs.map(
          (run, i) =>
            `| \`${r.page.path}\` | ${i + 1}${run === r.median ? " (median)" : ""} | ${run.performance} | ${s(run.fcpMs)} | ${s(run.lcpMs)} | ${Math.round(run.tbtMs)} ms | ${run.cls.toFixed(3)} | ${kB(run.jsTransferBytes)} | ${run.benchmarkIndex} |`,
        ),
      ),
      "",
      "Performance audits that cost points in the median runs:",
      "",
      ...results.map((r) => `- \`${r.page.path}\`: ${r.median.lost.length ? r.median.lost.join("; ") : "none"}`),
      "",
      `Load average at the end: ${os.loadavg().map((x) => x.toFixed(2)).join(" / ")}.`,
    ];
    return out.join("\n");
  } finally {
    await app.stop();
    await scratch.drop();
  }
}
