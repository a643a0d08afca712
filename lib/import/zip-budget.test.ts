/**
 * Issue #13, item 1: the spreadsheet "decompression bomb" — a few hundred kB of .xlsx whose
 * sharedStrings.xml inflates to 400 MiB — is refused from the zip's central directory, before
 * ExcelJS inflates anything, with a Vietnamese message; a directory that lies about that size, or
 * that JSZip would read differently, is refused while inflating or before; a sheet too large for
 * the import is refused from its counted rows and cells; a real template still reads.
 */
import { describe, expect, it } from "vitest";
import { parseImportFile, PARSE_MESSAGES } from "./parse-file";
import { buildXlsxTemplate } from "./template";
import { checkZipBudget, ZIP_BUDGET } from "./zip-budget";
import { BOMB_INFLATED, deflatedEntry, lyingDirectoryBomb, sharedStringsBomb, writeZip } from "./zip-fixtures";

/** A workbook-shaped zip whose only worksheet holds `rows` rows of `cells` cells each (empty `<c/>` ones if `bare`). */
async function sheetZip(rows: number, cells: number, bare = false): Promise<Buffer> {
  const lines = ['<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
  // Row and cell references of varying length, so tags fall across the inflater's chunk boundaries everywhere.
  const cell = (r: number, c: number) => (bare ? "<c/>" : `<c r="${String.fromCharCode(65 + (c % 26))}${r}"><v>${r * c}</v></c>`);
  for (let r = 1; r <= rows; r++) lines.push(`<row r="${r}">${Array.from({ length: cells }, (_, c) => cell(r, c)).join("")}</row>`);
  lines.push("</sheetData></worksheet>");
  return writeZip([await deflatedEntry("[Content_Types].xml", { size: 200, fill: 0x20 }), await deflatedEntry("xl/worksheets/sheet1.xml", { text: lines.join("\n") })]);
}

describe("the zip budget of an uploaded spreadsheet", () => {
  it("refuses a 400 MiB decompression bomb from its central directory, in Vietnamese, without inflating it", async () => {
    const bomb = await sharedStringsBomb();
    expect(bomb.length).toBeLessThan(1024 * 1024); // a small upload
    const verdict = await checkZipBudget(bomb);
    expect(verdict).toMatchObject({ ok: false, reason: "inflated" });

    const heapBefore = process.memoryUsage().heapUsed;
    const parsed = await parseImportFile("bom.xlsx", bomb);
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]!.message).toBe(PARSE_MESSAGES.zipBomb(BOMB_INFLATED + 200, 2));
    expect(parsed.errors[0]!.message).toContain("Tệp Excel bị từ chối");
    // Nothing was inflated: the heap did not grow by anything near the entry's 400 MiB.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(50 * 1024 * 1024);
  });

  it("refuses a bomb whose directory lies about its size at the first chunk past the declared size", async () => {
    const bomb = await lyingDirectoryBomb();
    expect(bomb.length).toBeLessThan(1024 * 1024);

    const verdict = await checkZipBudget(bomb);
    expect(verdict).toMatchObject({ ok: false, reason: "mismatch" });
    // Inflating stopped just past the 1 KiB the directory declared, not at 400 MiB.
    expect(verdict.inflatedBytes).toBeLessThan(1024 * 1024);

    const heapBefore = process.memoryUsage().heapUsed;
    const parsed = await parseImportFile("bom.xlsx", bomb);
    expect(parsed.errors.map((e) => e.message)).toEqual([PARSE_MESSAGES.zipMismatch]);
    expect(PARSE_MESSAGES.zipMismatch).toMatch(/^Tệp Excel bị từ chối: khi giải nén/);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(50 * 1024 * 1024);
  });

  it("refuses a directory that ExcelJS's zip reader would read differently", async () => {
    const benign = await deflatedEntry("[Content_Types].xml", { size: 200, fill: 0x20 });
    const hidden = await deflatedEntry("xl/sharedStrings.xml", { size: 10 * 1024 * 1024, fill: 0x41 });
    const oneRecord = 46 + Buffer.byteLength(benign.name);
    // The same two entries, laid out honestly, pass: what is refused below is only the disagreement.
    expect(await checkZipBudget(writeZip([benign, hidden]))).toMatchObject({ ok: true, entries: 2, inflatedBytes: 200 + 10 * 1024 * 1024 });
    // The end record counts one entry, but a second record follows it (JSZip reads records while their signature repeats).
    expect(await checkZipBudget(writeZip([benign, hidden], { count: 1 }))).toMatchObject({ ok: false, reason: "unreadable", entries: 1 });
    // The directory declares one record's size: it ends before the end record, and JSZip would shift every offset.
    expect(await checkZipBudget(writeZip([benign, hidden], { count: 1, directorySize: oneRecord }))).toMatchObject({ ok: false, reason: "unreadable" });
    expect((await parseImportFile("a.xlsx", writeZip([benign, hidden], { count: 1 }))).errors.map((e) => e.message)).toEqual([PARSE_MESSAGES.badXlsx]);
  });

  it("counts every row and cell of the worksheets while inflating, and refuses a sheet over the budget", async () => {
    const sheet = await sheetZip(3_000, 7);
    // Exact counts over a sheet of ~250 kB: no tag lost or counted twice where the inflater cuts its chunks.
    expect(await checkZipBudget(sheet)).toMatchObject({ ok: true, rows: 3_000, cells: 21_000 });
    expect(await checkZipBudget(sheet, { ...ZIP_BUDGET, sheetRows: 2_999 })).toMatchObject({ ok: false, reason: "rows" });
    expect(await checkZipBudget(sheet, { ...ZIP_BUDGET, cells: 20_999 })).toMatchObject({ ok: false, reason: "cells" });
    expect(await checkZipBudget(sheet, { ...ZIP_BUDGET, sheetRows: 3_000, cells: 21_000 })).toMatchObject({ ok: true });
  });

  it("refuses, in Vietnamese and before ExcelJS, a sheet of more rows or cells than the import takes", async () => {
    const rows = await parseImportFile("a.xlsx", await sheetZip(ZIP_BUDGET.sheetRows + 1, 1));
    expect(rows.errors.map((e) => e.message)).toEqual([PARSE_MESSAGES.sheetRows]);
    expect(PARSE_MESSAGES.sheetRows).toBe("Tệp Excel có một trang tính hơn 150.000 dòng số liệu; giới hạn là tối đa 20 MB và 150.000 dòng số liệu. Hãy chia thành nhiều tệp.");
    // 100,000 rows (within the limit) of 27 cells: more cells than 150,001 rows of the template's 16 columns and one more.
    expect(ZIP_BUDGET.cells).toBe(150_001 * 17);
    const cells = await parseImportFile("a.xlsx", await sheetZip(100_000, 27, true));
    expect(cells.errors.map((e) => e.message)).toEqual([PARSE_MESSAGES.sheetCells]);
    expect(PARSE_MESSAGES.sheetCells).toMatch(/^Tệp Excel có hơn 2\.550\.017 ô/);
  });

  it("refuses an archive of too many entries, and lets a real template through", async () => {
    const tiny = await deflatedEntry("x", { size: 10, fill: 0x20 });
    const many = writeZip(Array.from({ length: ZIP_BUDGET.entries + 1 }, (_, i) => ({ ...tiny, name: `x/${i}.xml` })));
    expect(await checkZipBudget(many)).toMatchObject({ ok: false, reason: "entries" });

    const template = await buildXlsxTemplate({ periodKey: "2026-Q4", periodLabel: "Quý IV/2026", generatedAt: new Date("2026-12-03T00:00:00Z"), actorName: "Cán bộ", rows: [] });
    const verdict = await checkZipBudget(template);
    expect(verdict.ok).toBe(true);
    expect((await parseImportFile("mau.xlsx", template)).errors.map((e) => e.message)).not.toContain(PARSE_MESSAGES.badXlsx);
  });
});
