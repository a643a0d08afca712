/**
 * `npm run bench -- import`: importing 100,000 figures through the spreadsheet
 * import (lib/services/figure-import.ts — the same commitImport the page's
 * route calls: CSV parsed with csv-parse, every row through the entry form's
 * schema and rules, compared with the stored figures, then the bulk
 * all-or-nothing commit with one audit row per figure), against PostgreSQL
 * `COPY` of the same rows into the same table, side by side in the same run,
 * on a scratch database of its own (BENCH_DATABASE_URL or DATABASE_URL, default
 * postgresql://postgres@127.0.0.1:5432/test; the scratch database is dropped after).
 *
 * Bar: import rate ≥ 0.2 × COPY rate. Peak memory (RSS) of the import is sampled too.
 * BENCH_IMPORT_ROWS (100000), BENCH_IMPORT_ROUNDS (2), BENCH_IMPORT_XLSX=1 also
 * times the same rows as an .xlsx file (exceljs; informational, no bar).
 *
 * The 100,000 cells need 100,000 units: the bench adds synthetic communes
 * (codes 9000001…) under the province to the real seed (no demo figures),
 * and one editor of the indicator's department with no unit limit.
 */
import { execFileSync } from "node:child_process";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createPrismaClient, type PrismaClient } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { seedDatabase } from "../lib/seed/seed";
import { loadActor, type Actor } from "../lib/auth/actor";
import { commitImport } from "../lib/services/figure-import";
import { IMPORT_COLUMNS } from "../lib/import/columns";
import { buildXlsxTemplate, type TemplateRow } from "../lib/import/template";
import { createPostgresScratchDatabase } from "@/tests/integration/helpers/database";

const BAR = 0.2;
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_IMPORT_ROUNDS ?? 2);
const NOW = new Date("2026-11-28T08:00:00Z");
const INDICATOR = "WORK_DOSSIER_ONLINE_COMMUNE";

interface Timing {
  seconds: number;
  rate: number;
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}

/** Samples RSS every 20 ms while fn runs; returns its peak. */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ value: T; peakRss: number; startRss: number }> {
  const startRss = process.memoryUsage().rss;
  let peak = startRss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, peakRss: peak, startRss };
  } finally {
    clearInterval(timer);
  }
}

async function time<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const t0 = process.hrtime.bigint();
  const value = await fn();
  return { value, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
}

export async function runImportBench(): Promise<string> {
  const base = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
  const scratch = await createPostgresScratchDatabase(base, "bench_import");
  const { name, url: dbUrl } = scratch;
  const tmp = await mkdtemp(path.join(os.tmpdir(), "dxt-bench-import-"));
  let prisma: PrismaClient | null = null;
  const client = new pg.Client({ connectionString: dbUrl });
  try {
    console.log(`scratch database ${name}`);
    await migrate(dbUrl);
    prisma = createPrismaClient(dbUrl, { maxConnections: 4 });
    await seedDatabase(prisma, { demo: false, now: NOW });
    await client.connect();

    const indicator = await prisma.indicator.findUniqueOrThrow({ where: { code: INDICATOR }, select: { id: true, responsibleDepartmentId: true } });
    const period = await prisma.reportingPeriod.findUniqueOrThrow({ where: { year_quarter: { year: 2026, quarter: 3 } }, select: { id: true } });
    const province = await prisma.adminUnit.findFirstOrThrow({ where: { level: "PROVINCE", validTo: null }, select: { id: true } });
    await client.query(
      `INSERT INTO "AdminUnit" (code, name, type, level, "parentId", "validFrom")
       SELECT (9000000 + g)::text, 'Xã thử nghiệm ' || g, 'Xã', 'COMMUNE', $1, DATE '2025-07-01' FROM generate_series(1, $2::int) g`,
      [province.id, ROWS],
    );
    await client.query(`ANALYZE "AdminUnit"`);
    const user = await prisma.user.create({
      data: { email: "bench-import@example.vn", name: "Cán bộ đo hiệu năng", passwordHash: "-", role: "EDITOR", departmentId: indicator.responsibleDepartmentId },
      select: { id: true },
    });
    const actor = (await loadActor(prisma, user.id)) as Actor;

    // The same rows for both: numerator ≤ denominator, integers, one per synthetic commune.
    const cells = Array.from({ length: ROWS }, (_, i) => {
      const denominator = 200 + ((i * 7919) % 1800);
      return { code: String(9000001 + i), numerator: Math.floor((denominator * ((i * 31) % 100)) / 100), denominator };
    });
    const unitIds = new Map(
      (await client.query<{ id: number; code: string }>(`SELECT id, code FROM "AdminUnit" WHERE code LIKE '9%' AND length(code) = 7`)).rows.map((r) => [r.code, r.id]),
    );

    // The import's file: the template's columns, as an editor's CSV (BOM, CRLF).
    const header = IMPORT_COLUMNS.map((c) => c.header);
    const csvLines = [header.join(",")];
    for (const c of cells) {
      const row: Record<string, string> = { "Mã chỉ tiêu": INDICATOR, "Mã đơn vị": c.code, "Kỳ báo cáo": "2026-Q3", "Tử số": String(c.numerator), "Mẫu số": String(c.denominator) };
      csvLines.push(header.map((h) => row[h] ?? "").join(","));
    }
    const csvBytes = new TextEncoder().encode(`\uFEFF${csvLines.join("\r\n")}\r\n`);

    // COPY's file: the same rows in the table's columns.
    const copyFile = path.join(tmp, "figures.csv");
    const copyLines = cells.map(
      (c) => `${indicator.id},${unitIds.get(c.code)},${period.id},${c.numerator},${c.denominator},DRAFT,1,${indicator.responsibleDepartmentId},${user.id},${user.id},2026-11-28 08:00:00+00`,
    );
    await writeFile(copyFile, `${copyLines.join("\n")}\n`);
    await chmod(tmp, 0o755);
    await chmod(copyFile, 0o644);
    const copySql = `COPY "Figure" ("indicatorId", "unitId", "periodId", numerator, denominator, status, version, "departmentId", "createdById", "updatedById", "updatedAt") FROM '${copyFile}' WITH (FORMAT csv)`;
    let copyMode = "server-side COPY … FROM file";
    const runCopy = async () => {
      try {
        await client.query(copySql);
      } catch (error) {
        // The server cannot read our file (another machine or a private /tmp): psql's \copy streams it instead.
        copyMode = "psql \\copy (COPY … FROM STDIN)";
        execFileSync("psql", [dbUrl, "-v", "ON_ERROR_STOP=1", "-c", `\\copy ${copySql.replace(/^COPY /, "").replace(/FROM '.*' WITH/, "FROM STDIN WITH")}`], {
          input: `${copyLines.join("\n")}\n`,
          stdio: ["pipe", "ignore", "inherit"],
        });
        if (!(error instanceof Error)) throw error;
      }
    };
    const reset = async () => {
      await client.query(`DELETE FROM "Figure" WHERE "periodId" = $1`, [period.id]);
      await client.query(`VACUUM ANALYZE "Figure"`);
    };
    const count = async () => Number((await client.query(`SELECT count(*) FROM "Figure" WHERE "periodId" = $1`, [period.id])).rows[0].count);

    const copies: Timing[] = [];
    const imports: (Timing & { peakRss: number; startRss: number })[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      await reset();
      const copy = await time(runCopy);
      if ((await count()) !== ROWS) throw new Error("COPY did not load every row");
      copies.push({ seconds: copy.seconds, rate: ROWS / copy.seconds });
      console.log(`round ${round}: COPY ${ROWS} rows in ${copy.seconds.toFixed(2)} s (${copyMode})`);

      await reset();
      const run = await withPeakRss(() => time(() => commitImport(prisma!, actor, { periodId: period.id, fileName: "bench.csv", bytes: csvBytes }, { now: NOW })));
      const result = run.value.value;
      if (result.counts.created !== ROWS || result.counts.errors !== 0 || (await count()) !== ROWS) {
        throw new Error(`import did not create every row: ${JSON.stringify(result.counts)}`);
      }
      imports.push({ seconds: run.value.seconds, rate: ROWS / run.value.seconds, peakRss: run.peakRss, startRss: run.startRss });
      console.log(`round ${round}: import ${ROWS} rows in ${run.value.seconds.toFixed(2)} s, peak RSS ${mb(run.peakRss)} MB`);
    }

    // The same file again: the idempotent path (everything unchanged, nothing written).
    const again = await time(() => commitImport(prisma!, actor, { periodId: period.id, fileName: "bench.csv", bytes: csvBytes }, { now: NOW }));
    if (again.value.counts.unchanged !== ROWS) throw new Error("re-import was not a no-op");
    console.log(`re-import (no change) in ${again.seconds.toFixed(2)} s`);

    let xlsxLine = "";
    if (process.env.BENCH_IMPORT_XLSX === "1") {
      await reset();
      const rows: TemplateRow[] = cells.map((c) => ({
        indicatorCode: INDICATOR, indicatorName: null, unitCode: c.code, unitName: null, level: null, sectorCode: null, period: "2026-Q3",
        numerator: c.numerator, denominator: c.denominator, value: null, measure: null, comment: null, version: null, status: null,
      }));
      const bytes = await buildXlsxTemplate({ periodKey: "2026-Q3", periodLabel: "Quý III/2026", generatedAt: NOW, actorName: "bench", rows });
      const run = await withPeakRss(() => time(() => commitImport(prisma!, actor, { periodId: period.id, fileName: "bench.xlsx", bytes }, { now: NOW })));
      xlsxLine = `| the same rows as .xlsx (${mb(bytes.length)} MB file, exceljs), informational | ${run.value.seconds.toFixed(2)} s | ${Math.round(ROWS / run.value.seconds).toLocaleString("en")} rows/s | peak RSS ${mb(run.peakRss)} MB |`;
      console.log(xlsxLine);
    }

    // Each round times COPY and then the import back to back, so a round's ratio shares its moment's load.
    const ratios = imports.map((imp, i) => imp.rate / copies[i]!.rate);
    const sorted = [...ratios].sort((a, b) => a - b);
    const ratio = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
    const bestRatio = Math.max(...imports.map((i) => i.rate)) / Math.max(...copies.map((c) => c.rate));
    const peak = Math.max(...imports.map((i) => i.peakRss));
    const load = os.loadavg()[0]!.toFixed(1);
    const host = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, ${mb(os.totalmem())} MB RAM, Node ${process.version}, ${(await client.query("SHOW server_version")).rows[0].server_version}`;
    const lines = [
      "## Spreadsheet import (100,000 figures)",
      "",
      `Command: \`npm run bench -- import\` (bench/import.ts), ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${host}. Scratch database on ${new URL(dbUrl).host}; ${ROUNDS} rounds, each from an empty quarter (DELETE + VACUUM ANALYZE before every run); each round times COPY then the import back to back; the verdict is the median of the rounds' ratios. Load average (1 min) at the end: ${load} on ${os.cpus().length} cores (other work shares this machine).`,
      "",
      `Import = \`commitImport\`, the page's own path: parse the ${mb(csvBytes.length)} MB CSV (csv-parse), every row through the entry form's \`figureRowSchema\` and \`checkDraftRows\` (scope, level, validity, kind rules), compare with stored figures, then one transaction of bulk \`INSERT … SELECT FROM json_to_recordset(…) ON CONFLICT DO NOTHING\` (chunks of 10,000) and one FIGURE_SAVED audit row per figure (also bulk). COPY = ${copyMode} of the same rows into the same \`"Figure"\` table (same indexes), no validation, no audit.`,
      "",
      "| round | COPY | import (CSV) | import / COPY | import peak RSS |",
      "|---|---|---|---|---|",
      ...imports.map(
        (imp, i) =>
          `| ${i + 1} | ${copies[i]!.seconds.toFixed(2)} s (${Math.round(copies[i]!.rate).toLocaleString("en")} rows/s) | ${imp.seconds.toFixed(2)} s (${Math.round(imp.rate).toLocaleString("en")} rows/s) | ${ratios[i]!.toFixed(2)} | ${mb(imp.peakRss)} MB (${mb(imp.startRss)} MB before) |`,
      ),
      "",
      "| other runs | time | rate | memory |",
      "|---|---|---|---|",
      `| same file again (nothing to write) | ${again.seconds.toFixed(2)} s | — | — |`,
      ...(xlsxLine ? [xlsxLine] : []),
      "",
      `**Import rate / COPY rate = ${ratio.toFixed(2)}** (median of the rounds; lowest ${sorted[0]!.toFixed(2)}, best import vs best COPY ${bestRatio.toFixed(2)}); bar ≥ ${BAR}: ${ratio >= BAR ? "**met**" : "**NOT met**"}. Peak RSS of the process during an import: ${mb(peak)} MB (the whole file, its rows and the plan are held in memory; the 20 MB upload limit bounds it).`,
    ];
    return lines.join("\n");
  } finally {
    await client.end().catch(() => {});
    await prisma?.$disconnect().catch(() => {});
    await rm(tmp, { recursive: true, force: true });
    await scratch.drop();
  }
}
