/**
 * A spreadsheet's zip is checked before ExcelJS sees it (issue #13, item 1; ADR 017, ADR 018).
 *
 * 1. Its central directory says how many entries it holds and how large each becomes once
 *    inflated. A "decompression bomb" — a 400 kB .xlsx whose sharedStrings.xml inflates to
 *    400 MB — is refused from those numbers in milliseconds, before anything is inflated.
 * 2. The directory must be the one ExcelJS's zip reader (JSZip) will read: JSZip shifts every
 *    offset when the directory does not end where the end record starts, and reads directory
 *    records for as long as their signature repeats, whatever their declared count. A zip that
 *    shows yauzl one directory and JSZip another is refused.
 * 3. Every entry is then inflated once, as a stream, and counted: an entry that inflates to more
 *    than its directory declared (a directory that lies) is refused at the first chunk past its
 *    declared size, so the declared total of step 1 bounds the real one. The worksheets' rows and
 *    cells are counted on the way, so a sheet too large for the import is refused before ExcelJS
 *    would build an object for each of its cells.
 *
 * The budget is what the import's own limits can produce: 150,000 rows of the template inflate to
 * about 90 MB (160 MB with every cell a distinct text) and hold at most 2.1 million cells. yauzl
 * reads the directory and streams the entries; nothing inflated is kept.
 */
import type { Readable } from "node:stream";
import yauzl from "yauzl";
import { IMPORT_COLUMNS, IMPORT_LIMITS } from "./columns";

export interface ZipBudget {
  /** Sum of the entries' inflated sizes. */
  inflatedBytes: number;
  /** Entries in the archive (a workbook has a few dozen). */
  entries: number;
  /** `<row>` elements of one worksheet: the import's rows and the header. */
  sheetRows: number;
  /** `<c>` elements of all worksheets together. */
  cells: number;
}

export const ZIP_BUDGET: ZipBudget = {
  inflatedBytes: 200 * 1024 * 1024,
  entries: 5_000,
  sheetRows: IMPORT_LIMITS.rows + 1,
  // Every row full, in the template's columns and one more: 2,250,015. ExcelJS needs about 1 GB for that.
  cells: (IMPORT_LIMITS.rows + 1) * (IMPORT_COLUMNS.length + 1),
};

export type ZipRefusal =
  /** Declared in the directory: more inflated bytes or more entries than the budget. */
  | "inflated"
  | "entries"
  /** An entry inflates to more bytes than the directory declares for it. */
  | "mismatch"
  /** A worksheet has more rows, or the worksheets more cells, than the budget. */
  | "rows"
  | "cells"
  /** Not a zip yauzl can read, or one whose directory JSZip would read differently. */
  | "unreadable";

export interface ZipCounts {
  /** Declared by the directory (refusals before inflating) or inflated (after). */
  inflatedBytes: number;
  entries: number;
  /** Most `<row>` elements in one worksheet, and `<c>` elements in all, counted so far. */
  rows: number;
  cells: number;
}

export type ZipVerdict = ({ ok: true } | { ok: false; reason: ZipRefusal }) & ZipCounts;

const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;
const WORKSHEET = /xl\/worksheets\/sheet(\d+)[.]xml/; // the names ExcelJS parses as worksheets

/**
 * True when JSZip will find the same central directory as yauzl: one end record, the last one in
 * the file; no ZIP64 end records (a 20 MB workbook never needs them, and yauzl and JSZip disagree
 * on when to look for them); the directory ends exactly where the end record starts (else JSZip
 * shifts every offset); and `records` — the summed sizes of the records yauzl read — fill it.
 */
function directoryIsUnambiguous(buffer: Buffer, records: number): boolean {
  let eocd = -1;
  for (let i = buffer.length - 4; i >= 0; i--) {
    if (buffer.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0 || eocd + EOCD_SIZE > buffer.length || eocd + EOCD_SIZE + buffer.readUInt16LE(eocd + 20) !== buffer.length) return false;
  const fields16 = [4, 6, 8, 10].map((at) => buffer.readUInt16LE(eocd + at));
  const size = buffer.readUInt32LE(eocd + 12);
  const offset = buffer.readUInt32LE(eocd + 16);
  if (fields16.includes(0xffff) || size === 0xffffffff || offset === 0xffffffff) return false;
  return offset + size === eocd && records === size;
}

/** Counts `<row` and `<c` start tags in a stream of XML chunks; a tag cut between two chunks counts once. */
function tagCounter() {
  const row = Buffer.from("<row");
  const cell = Buffer.from("<c");
  let carry = Buffer.alloc(0);
  const endsTag = (byte: number | undefined) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x3e || byte === 0x2f;
  const count = (text: Buffer, tag: Buffer) => {
    let n = 0;
    for (let at = text.indexOf(tag); at !== -1; at = text.indexOf(tag, at + 1)) {
      const end = at + tag.length; // the byte that closes the name
      // A tag whose closing byte lies in the carried tail was counted with the previous chunk.
      if (end >= carry.length && end < text.length && endsTag(text[end])) n++;
    }
    return n;
  };
  return (chunk: Buffer): { rows: number; cells: number } => {
    const text = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const found = { rows: count(text, row), cells: count(text, cell) };
    carry = Buffer.from(text.subarray(Math.max(0, text.length - row.length)));
    return found;
  };
}

/**
 * The verdict on an uploaded .xlsx: the directory's declarations first (nothing inflated), then
 * the directory's agreement with JSZip's reading, then every entry inflated as a stream and
 * counted, stopping at the first excess. Never throws; never holds more than a chunk.
 */
export function checkZipBudget(bytes: Uint8Array, budget: ZipBudget = ZIP_BUDGET): Promise<ZipVerdict> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve) => {
    const counts: ZipCounts = { inflatedBytes: 0, entries: 0, rows: 0, cells: 0 };
    yauzl.fromBuffer(buffer, { lazyEntries: true, autoClose: false, validateEntrySizes: false }, (error, zip) => {
      if (error || !zip) return resolve({ ok: false, reason: "unreadable", ...counts });
      let settled = false;
      const settle = (verdict: { ok: true } | { ok: false; reason: ZipRefusal }) => {
        if (settled) return;
        settled = true;
        zip.close();
        resolve({ ...verdict, ...counts });
      };
      zip.on("error", () => settle({ ok: false, reason: "unreadable" }));

      const entries: yauzl.Entry[] = [];
      let records = 0;
      zip.on("entry", (entry: yauzl.Entry) => {
        entries.push(entry);
        counts.entries += 1;
        counts.inflatedBytes += entry.uncompressedSize;
        records += 46 + entry.fileNameLength + entry.extraFieldLength + entry.fileCommentLength;
        if (counts.entries > budget.entries) return settle({ ok: false, reason: "entries" });
        if (counts.inflatedBytes > budget.inflatedBytes) return settle({ ok: false, reason: "inflated" });
        zip.readEntry();
      });
      zip.on("end", () => {
        if (settled) return;
        if (!directoryIsUnambiguous(buffer, records)) return settle({ ok: false, reason: "unreadable" });
        counts.inflatedBytes = 0;
        void inflateAll().then(settle);
      });
      zip.readEntry();

      /** Each entry in turn; the declared total fits the budget, so each entry's own size bounds it. */
      async function inflateAll(): Promise<{ ok: true } | { ok: false; reason: ZipRefusal }> {
        for (const entry of entries) {
          const stream = await new Promise<Readable | null>((done) => zip.openReadStream(entry, (e, s) => done(e || !s ? null : s)));
          if (!stream) return { ok: false, reason: "unreadable" };
          const counter = WORKSHEET.test(entry.fileName) ? tagCounter() : null;
          let inflated = 0;
          let rows = 0;
          let refusal: ZipRefusal | null = null;
          try {
            for await (const chunk of stream as AsyncIterable<Buffer>) {
              inflated += chunk.length;
              counts.inflatedBytes += chunk.length;
              if (inflated > entry.uncompressedSize) refusal = "mismatch";
              else if (counter) {
                const found = counter(chunk);
                rows += found.rows;
                counts.cells += found.cells;
                counts.rows = Math.max(counts.rows, rows);
                if (rows > budget.sheetRows) refusal = "rows";
                else if (counts.cells > budget.cells) refusal = "cells";
              }
              if (refusal) break;
            }
          } catch {
            refusal = "unreadable";
          }
          // Leaving the loop early destroyed the stream: nothing more is inflated.
          if (refusal) return { ok: false, reason: refusal };
        }
        return { ok: true };
      }
    });
  });
}
