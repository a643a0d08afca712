/**
 * Issue #13, item 1: an upload is parsed in a child process (ADR 018). The result is the same as
 * in this process; a bomb, a heap limit reached or a time limit passed come back as Vietnamese
 * messages about the file, never as a crash; and this process's event loop stays free meanwhile.
 */
import { describe, expect, it } from "vitest";
import { IMPORT_COLUMNS } from "./columns";
import { parseImportFile, PARSE_MESSAGES } from "./parse-file";
import { parseImportFileIsolated } from "./parse-isolated";
import { buildXlsxTemplate, type TemplateRow } from "./template";
import { lyingDirectoryBomb } from "./zip-fixtures";

const enc = new TextEncoder();

const row = (i: number): TemplateRow => ({
  indicatorCode: "EDOSSIER_RATE",
  indicatorName: "Tỷ lệ hồ sơ",
  unitCode: String(19 + i),
  unitName: `Đơn vị ${i}`,
  level: "Tỉnh",
  sectorCode: null,
  period: "2026-Q4",
  numerator: 1650 + i,
  denominator: 2000,
  value: null,
  measure: "%",
  comment: i % 2 ? "Đã rà soát" : null,
  version: 3,
  status: "Bản nháp",
});

/** ~17 MB of CSV that costs the parser seconds but yields almost nothing: every line blank but for an extra column. */
function heavyCsv(): Uint8Array {
  const header = [...IMPORT_COLUMNS.map((c) => c.header), "Ghi chú riêng"].join(",");
  return enc.encode(`${header}\n${`${",".repeat(IMPORT_COLUMNS.length)}${"x".repeat(100)}\n`.repeat(150_000)}`);
}

/** The longest the event loop went without running a 10 ms timer, from now until the returned function is called. */
function watchEventLoop(): () => number {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 10);
  return () => {
    clearInterval(timer);
    return Math.max(longest, performance.now() - last); // a stall still under way counts too
  };
}

describe("parseImportFileIsolated", () => {
  it("reads a file in its child process exactly as this process does", { timeout: 60_000 }, async () => {
    const xlsx = await buildXlsxTemplate({ periodKey: "2026-Q4", periodLabel: "Quý IV/2026", generatedAt: new Date("2026-12-03T00:00:00Z"), actorName: "Cán bộ", rows: Array.from({ length: 40 }, (_, i) => row(i)) });
    const csv = enc.encode(`\uFEFF${IMPORT_COLUMNS.map((c) => c.header).join(",")}\r\nEDOSSIER_RATE,,19,,,,2026-Q4,"1.650",2000,,,"ghi chú, có dấu phẩy",3,,thừa\r\n`);
    for (const [name, bytes] of [["mau.xlsx", xlsx], ["mau.csv", csv]] as const) {
      const isolated = await parseImportFileIsolated(name, bytes);
      expect(isolated).toEqual(await parseImportFile(name, bytes));
      expect(isolated.rows.length).toBeGreaterThan(0);
    }
  });

  it("refuses a lying-directory bomb in the child, in Vietnamese, with this process's heap unchanged", { timeout: 60_000 }, async () => {
    const bomb = await lyingDirectoryBomb();
    const heapBefore = process.memoryUsage().heapUsed;
    let childPeak = 0;
    const parsed = await parseImportFileIsolated("bom.xlsx", bomb, { onUsage: (u) => (childPeak = u.maxRssBytes) });
    expect(parsed).toEqual({ format: "xlsx", rows: [], errors: [{ line: null, column: null, letter: null, message: PARSE_MESSAGES.zipMismatch }], warnings: [], letters: {} });
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(50 * 1024 * 1024);
    // The child answered, and never came near the 400 MiB the entry holds.
    expect(childPeak).toBeGreaterThan(0);
    expect(childPeak).toBeLessThan(300 * 1024 * 1024);
  });

  it("turns a parse that reaches its heap limit into a Vietnamese message, and goes on parsing", { timeout: 60_000 }, async () => {
    const small = enc.encode(`${IMPORT_COLUMNS.map((c) => c.header).join(",")}\nEDOSSIER_RATE,,19,,,,2026-Q4,1650,2000,,,,3,\n`);
    // Under the same small limit a small file reads: the refusal below is the big file's doing.
    expect((await parseImportFileIsolated("a.csv", small, { maxOldGenerationSizeMb: 48 })).errors).toEqual([]);
    const parsed = await parseImportFileIsolated("a.csv", heavyCsv(), { maxOldGenerationSizeMb: 48 });
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors.map((e) => e.message)).toEqual([PARSE_MESSAGES.parseMemory(48)]);
    expect(PARSE_MESSAGES.parseMemory(48)).toMatch(/^Tệp bị từ chối: đọc tệp này cần hơn 48 MB bộ nhớ/);
    expect((await parseImportFileIsolated("a.csv", small)).rows).toHaveLength(1);
  });

  it("stops a parse past its time limit", { timeout: 60_000 }, async () => {
    const parsed = await parseImportFileIsolated("a.csv", heavyCsv(), { timeoutMs: 100 });
    expect(parsed.errors.map((e) => e.message)).toEqual(["Đọc tệp mất hơn 0,1 giây nên đã dừng. Hãy xóa các cột, trang tính, định dạng thừa hoặc chia thành nhiều tệp."]);
  });

  it("keeps this process's event loop free while two heavy files are parsed (they queue; both are answered)", { timeout: 120_000 }, async () => {
    const bytes = heavyCsv();
    const started = performance.now();
    const inProcess = await parseImportFile("a.csv", bytes); // csv-parse is synchronous: the loop is blocked throughout
    const blocked = performance.now() - started;

    const stall = watchEventLoop();
    const [first, second] = await Promise.all([parseImportFileIsolated("a.csv", bytes), parseImportFileIsolated("b.csv", bytes)]);
    // Relative to this machine, at its current load: the loop's longest stall while two files are
    // parsed elsewhere is well under the stall one in-process parse causes (no absolute time: a
    // busy machine slows both alike; speed goals live in the benchmarks).
    expect(stall()).toBeLessThan(blocked / 2);
    expect(first).toEqual(inProcess);
    expect(second).toEqual(inProcess);
  });
});
