/**
 * `npm run bench -- bomb`: issue #13, item 1 — spreadsheet decompression bombs against the
 * import's parse, as the server runs it (lib/import/parse-isolated.ts: a child process under a
 * heap limit, after the zip budget of lib/import/zip-budget.ts). In this process, no server, no
 * database, no build.
 *
 * Files: the bomb (a small .xlsx whose sharedStrings.xml inflates to 400 MiB, declared
 * honestly in its central directory) and the same bomb behind a directory that declares 1 KiB
 * (lib/import/zip-fixtures.ts); then, for scale, the largest real import — a 150,000-row
 * template — through the same path (informational).
 *
 * For each: time to the answer; this process's RSS growth (sampled every 5 ms) and the parse
 * child's own peak RSS (its getrusage), whose sum is what the upload cost the machine; and the
 * longest the event loop went without running a 10 ms timer — what every other request on the
 * server would have waited.
 *
 * Bars (the issue's): a bomb is refused with a Vietnamese message within 2 s; the memory it
 * costs grows by < 300 MB; the event loop keeps answering (longest stall < 100 ms).
 * BENCH_BOMB_ROUNDS (3) rounds per bomb, worst kept; BENCH_BOMB_FULL=0 skips the 150,000 rows.
 */
import os from "node:os";
import { PARSE_MESSAGES, type ParsedFile } from "../lib/import/parse-file";
import { PARSE_PROCESS, parseImportFileIsolated } from "../lib/import/parse-isolated";
import { buildXlsxTemplate, type TemplateRow } from "../lib/import/template";
import { ZIP_BUDGET } from "../lib/import/zip-budget";
import { BOMB_INFLATED, lyingDirectoryBomb, sharedStringsBomb } from "../lib/import/zip-fixtures";

const BARS = { seconds: 2, memoryMb: 300, stallMs: 100 } as const;
const ROUNDS = Number(process.env.BENCH_BOMB_ROUNDS ?? 3);
const FULL = process.env.BENCH_BOMB_FULL !== "0";

interface Measure {
  seconds: number;
  /** Growth of this process's RSS over its value before the parse. */
  parentMb: number;
  /** The parse child's peak RSS (0 if it never answered). */
  childMb: number;
  stallMs: number;
  parsed: ParsedFile;
}

const mb = (bytes: number) => bytes / 1024 / 1024;

async function measure(name: string, bytes: Uint8Array): Promise<Measure> {
  globalThis.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  let last = performance.now();
  let stall = 0;
  // One timer does both: samples RSS, and sees how late it runs.
  const timer = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 5);
  let childPeak = 0;
  const started = performance.now();
  const parsed = await parseImportFileIsolated(name, bytes, { onUsage: (u) => (childPeak = u.maxRssBytes) });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  stall = Math.max(stall, performance.now() - last);
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  return { seconds, parentMb: mb(rssPeak - rssBefore), childMb: mb(childPeak), stallMs: stall, parsed };
}

function worst(runs: Measure[]): Measure {
  return {
    seconds: Math.max(...runs.map((r) => r.seconds)),
    parentMb: Math.max(...runs.map((r) => r.parentMb)),
    childMb: Math.max(...runs.map((r) => r.childMb)),
    stallMs: Math.max(...runs.map((r) => r.stallMs)),
    parsed: runs[runs.length - 1]!.parsed,
  };
}

const verdict = (ok: boolean) => (ok ? "**met**" : "**NOT met**");

export async function runBombBench(): Promise<string> {
  const bombs = [
    { label: `sharedStrings.xml of ${mb(BOMB_INFLATED)} MiB, declared in the directory`, bytes: await sharedStringsBomb(), expected: PARSE_MESSAGES.zipBomb(BOMB_INFLATED + 200, 2) },
    { label: `the same ${mb(BOMB_INFLATED)} MiB, the directory declaring 1 KiB (a lying directory)`, bytes: await lyingDirectoryBomb(), expected: PARSE_MESSAGES.zipMismatch },
  ];
  // A first parse starts tsx's transform cache; the bars are about a server that has served before.
  await parseImportFileIsolated("warm.csv", new TextEncoder().encode("a\n"));

  const rows: string[] = [];
  let allMet = true;
  for (const bomb of bombs) {
    const runs: Measure[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const run = await measure("bom.xlsx", bomb.bytes);
      console.log(`${bomb.label}, round ${round}: ${run.seconds.toFixed(2)} s, this process +${run.parentMb.toFixed(0)} MB, child peak ${run.childMb.toFixed(0)} MB, longest stall ${run.stallMs.toFixed(0)} ms`);
      runs.push(run);
    }
    const w = worst(runs);
    const message = w.parsed.errors[0]?.message ?? "";
    const refused = w.parsed.rows.length === 0 && w.parsed.errors.length === 1 && message === bomb.expected;
    const met = refused && w.seconds < BARS.seconds && w.parentMb + w.childMb < BARS.memoryMb && w.stallMs < BARS.stallMs;
    allMet &&= met;
    rows.push(
      `| ${bomb.label} (${(bomb.bytes.length / 1024).toFixed(0)} kB file) | ${refused ? "refused" : "**NOT refused**"}: “${message.slice(0, 60)}…” | ${w.seconds.toFixed(2)} s | +${w.parentMb.toFixed(0)} MB | ${w.childMb.toFixed(0)} MB | ${w.stallMs.toFixed(0)} ms | ${verdict(met)} |`,
    );
  }

  let full = "";
  if (FULL) {
    const templateRows: TemplateRow[] = Array.from({ length: 150_000 }, (_, i) => ({
      indicatorCode: "WORK_DOSSIER_ONLINE_COMMUNE", indicatorName: "Tỷ lệ hồ sơ công việc được xử lý trực tuyến cấp xã", unitCode: String(9_000_001 + i), unitName: `Xã thử nghiệm ${i}`,
      level: "Xã", sectorCode: null, period: "2026-Q3", numerator: i % 1000, denominator: 1000, value: null, measure: "%", comment: `ghi chú ${i}`, version: 1, status: "Bản nháp",
    }));
    const bytes = await buildXlsxTemplate({ periodKey: "2026-Q3", periodLabel: "Quý III/2026", generatedAt: new Date("2026-11-28T08:00:00Z"), actorName: "bench", rows: templateRows });
    const run = await measure("mau.xlsx", bytes);
    console.log(`150,000-row template: ${run.seconds.toFixed(2)} s, ${run.parsed.rows.length} rows, this process +${run.parentMb.toFixed(0)} MB, child peak ${run.childMb.toFixed(0)} MB, longest stall ${run.stallMs.toFixed(0)} ms`);
    full = `| the largest real import: the 150,000-row template (${mb(bytes.length).toFixed(1)} MB file), informational | ${run.parsed.rows.length.toLocaleString("en")} rows, ${run.parsed.errors.length} errors | ${run.seconds.toFixed(2)} s | +${run.parentMb.toFixed(0)} MB | ${run.childMb.toFixed(0)} MB | ${run.stallMs.toFixed(0)} ms | — |`;
  }

  const host = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, ${(os.totalmem() / 1024 / 1024).toFixed(0)} MB RAM, Node ${process.version}`;
  return [
    "## Spreadsheet decompression bombs (issue #13)",
    "",
    `Command: \`npm run bench -- bomb\` (bench/bomb.ts), ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${host}; load average (1 min) at the end ${os.loadavg()[0]!.toFixed(1)} (other work shares this machine). In this process, no server: \`parseImportFileIsolated\`, the import's own parse (ADR 018) — a child process (\`--max-old-space-size=${PARSE_PROCESS.maxOldGenerationSizeMb}\`, ${PARSE_PROCESS.timeoutMs / 1000} s limit) that checks the zip budget (${mb(ZIP_BUDGET.inflatedBytes)} MB inflated, ${ZIP_BUDGET.entries.toLocaleString("en")} entries, each entry's real size ≤ its declared size, ${ZIP_BUDGET.sheetRows.toLocaleString("en")} rows a sheet, ${ZIP_BUDGET.cells.toLocaleString("en")} cells) before ExcelJS. Worst of ${ROUNDS} rounds per bomb, after one warm-up parse.`,
    "",
    "Memory: this process's RSS growth (sampled every 5 ms) and the child's own peak RSS; the bar applies to their sum. Stall: the longest this process's event loop went without running a 10 ms timer — the wait every other request (the public `/` included) would have had.",
    "",
    "| file | answer | time | this process | parse child peak | longest stall | bar |",
    "|---|---|---|---|---|---|---|",
    ...rows,
    ...(full ? [full] : []),
    "",
    `Bars: refused with the Vietnamese message < ${BARS.seconds} s, memory (this process + child) < ${BARS.memoryMb} MB, longest stall < ${BARS.stallMs} ms: ${verdict(allMet)}.`,
  ].join("\n");
}
