/**
 * Lighthouse 12.2.3 with its default (mobile) preset — simulated slow 4G and
 * a 4× slower CPU — on a page, in Debian's Chromium. Lighthouse is not a
 * dependency of the app; the bench uses node_modules/.bin/lighthouse when the
 * devDependency is installed, or LIGHTHOUSE_BIN.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

export const LIGHTHOUSE_VERSION = "12.2.3";
export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
export type Category = (typeof CATEGORIES)[number];

export interface LighthouseRun {
  scores: Record<Category, number>;
  metrics: Record<string, string>;
  /** Audits that cost points: id and title, with the score. */
  lost: string[];
  lighthouseVersion: string;
  formFactor: string;
  /** Lighthouse's measure of this machine's CPU speed during the run (higher is faster). */
  benchmarkIndex: number;
}

export interface LighthouseResult {
  url: string;
  command: string;
  runs: LighthouseRun[];
  /** The run with the median performance score (Lighthouse's own advice for variance). */
  median: LighthouseRun;
}

export function lighthouseBin(): string | null {
  const candidates = [process.env.LIGHTHOUSE_BIN, path.resolve("node_modules/.bin/lighthouse")].filter((p): p is string => !!p);
  return candidates.find((p) => existsSync(p)) ?? null;
}

function chromePath(): string {
  return process.env.CHROMIUM_PATH ?? process.env.CHROME_PATH ?? "/usr/bin/chromium";
}

async function runOnce(bin: string, url: string, out: string): Promise<{ command: string; run: LighthouseRun }> {
  const args = [
    url,
    "--output=json",
    `--output-path=${out}`,
    `--only-categories=${CATEGORIES.join(",")}`,
    "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    "--quiet",
  ];
  const command = `CHROME_PATH=${chromePath()} lighthouse ${args.map((a) => (a.includes(" ") ? `"${a}"` : a)).join(" ").replace(out, "report.json")}`;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(bin, args, { env: { ...process.env, CHROME_PATH: chromePath() }, stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`lighthouse exited ${code}: ${err.slice(-2000)}`))));
  });
  const report = JSON.parse(await readFile(out, "utf8"));
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((report.categories[c]?.score ?? 0) * 100)])) as Record<Category, number>;
  const metric = (id: string) => report.audits[id]?.displayValue ?? "?";
  const lost: string[] = [];
  for (const c of CATEGORIES) {
    for (const ref of report.categories[c].auditRefs as { id: string; weight: number }[]) {
      const audit = report.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) lost.push(`${c}: ${ref.id} (${audit.title}) ${Math.round(audit.score * 100)}`);
    }
  }
  return {
    command,
    run: {
      scores,
      metrics: {
        FCP: metric("first-contentful-paint"),
        LCP: metric("largest-contentful-paint"),
        TBT: metric("total-blocking-time"),
        CLS: metric("cumulative-layout-shift"),
        SI: metric("speed-index"),
      },
      lost,
      lighthouseVersion: report.lighthouseVersion,
      formFactor: report.configSettings.formFactor,
      benchmarkIndex: Math.round(report.environment?.benchmarkIndex ?? 0),
    },
  };
}

export async function runLighthouse(bin: string, url: string, runs: number, log: (l: string) => void): Promise<LighthouseResult> {
  const dir = await mkdtemp(path.join(tmpdir(), "dx-bench-lh-"));
  const results: LighthouseRun[] = [];
  let command = "";
  try {
    for (let i = 0; i < runs; i++) {
      const r = await runOnce(bin, url, path.join(dir, `run-${i}.json`));
      command = r.command;
      results.push(r.run);
      log(`  ${url} run ${i + 1}: ${CATEGORIES.map((c) => `${c} ${r.run.scores[c]}`).join(", ")} (${Object.entries(r.run.metrics).map(([k, v]) => `${k} ${v}`).join(", ")})`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const sorted = [...results].sort((a, b) => a.scores.performance - b.scores.performance);
  return { url, command, runs: results, median: sorted[Math.floor(sorted.length / 2)]! };
}
