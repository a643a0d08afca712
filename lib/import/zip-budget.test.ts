/**
 * Issue #13, item 1: the spreadsheet "decompression bomb" — a few hundred kB of .xlsx whose
 * sharedStrings.xml inflates to 400 MiB — is refused from the zip's central directory, before
 * ExcelJS inflates anything, with a Vietnamese message; a real template still reads.
 */
import { crc32, createDeflateRaw } from "node:zlib";
import { describe, expect, it } from "vitest";
import { parseImportFile, PARSE_MESSAGES } from "./parse-file";
import { buildXlsxTemplate } from "./template";
import { checkZipBudget, ZIP_BUDGET } from "./zip-budget";

/** A stored-by-deflate zip entry, streamed: `size` bytes of `fill`, never held whole in memory. */
async function deflatedEntry(size: number, fill: number) {
  const chunk = Buffer.alloc(1024 * 1024, fill);
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (d: Buffer) => out.push(d));
  const done = new Promise((resolve) => deflate.on("end", resolve));
  let crc = 0;
  for (let written = 0; written < size; written += chunk.length) {
    const part = chunk.subarray(0, Math.min(chunk.length, size - written));
    crc = crc32(part, crc);
    if (!deflate.write(part)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end();
  await done;
  return { data: Buffer.concat(out), crc, size };
}

/** A minimal zip (local headers, data, central directory) of deflated entries. */
function zip(entries: { name: string; data: Buffer; crc: number; size: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe("the zip budget of an uploaded spreadsheet", () => {
  it("refuses a 400 MiB decompression bomb from its central directory, in Vietnamese, without inflating it", async () => {
    const types = await deflatedEntry(200, 0x20);
    const bomb = zip([
      { name: "[Content_Types].xml", ...types },
      { name: "xl/sharedStrings.xml", ...(await deflatedEntry(400 * 1024 * 1024, 0x41)) },
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024); // a small upload
    const verdict = await checkZipBudget(bomb);
    expect(verdict).toMatchObject({ ok: false, reason: "inflated" });

    const heapBefore = process.memoryUsage().heapUsed;
    const parsed = await parseImportFile("bom.xlsx", bomb);
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]!.message).toBe(PARSE_MESSAGES.zipBomb(400 * 1024 * 1024 + 200, 2));
    expect(parsed.errors[0]!.message).toContain("Tệp Excel bị từ chối");
    // Nothing was inflated: the heap did not grow by anything near the entry's 400 MiB.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(50 * 1024 * 1024);
  });

  it("refuses an archive of too many entries, and lets a real template through", async () => {
    const tiny = await deflatedEntry(10, 0x20);
    const many = zip(Array.from({ length: ZIP_BUDGET.entries + 1 }, (_, i) => ({ name: `x/${i}.xml`, ...tiny })));
    expect(await checkZipBudget(many)).toMatchObject({ ok: false, reason: "entries" });

    const template = await buildXlsxTemplate({ periodKey: "2026-Q4", periodLabel: "Quý IV/2026", generatedAt: new Date("2026-12-03T00:00:00Z"), actorName: "Cán bộ", rows: [] });
    const verdict = await checkZipBudget(template);
    expect(verdict.ok).toBe(true);
    expect((await parseImportFile("mau.xlsx", template)).errors.map((e) => e.message)).not.toContain(PARSE_MESSAGES.badXlsx);
  });
});
