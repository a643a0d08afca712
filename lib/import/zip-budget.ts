/**
 * A spreadsheet's zip is checked before anything is inflated (issue #13, item 1): its central
 * directory says how many entries it holds and how large each becomes once inflated. A
 * "decompression bomb" — a 400 kB .xlsx whose sharedStrings.xml inflates to 400 MB — is refused
 * from those numbers in milliseconds, before ExcelJS would have spent gigabytes and tens of
 * seconds on it. The budget is far above what the import's own limits produce (150,000 rows of
 * the template inflate to well under 100 MB).
 *
 * yauzl reads the central directory only (lazyEntries, nothing is inflated here).
 */
import yauzl from "yauzl";

export const ZIP_BUDGET = {
  /** Sum of the entries' inflated sizes. */
  inflatedBytes: 200 * 1024 * 1024,
  /** Entries in the archive (a workbook has a few dozen). */
  entries: 5_000,
} as const;

export type ZipVerdict = { ok: true; inflatedBytes: number; entries: number } | { ok: false; reason: "inflated" | "entries" | "unreadable"; inflatedBytes: number; entries: number };

/** What the zip's central directory declares, against the budget; never inflates an entry. */
export function checkZipBudget(bytes: Uint8Array, budget: { inflatedBytes: number; entries: number } = ZIP_BUDGET): Promise<ZipVerdict> {
  return new Promise((resolve) => {
    yauzl.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, autoClose: true }, (error, zip) => {
      if (error || !zip) return resolve({ ok: false, reason: "unreadable", inflatedBytes: 0, entries: 0 });
      let inflatedBytes = 0;
      let entries = 0;
      let settled = false;
      const settle = (verdict: ZipVerdict) => {
        if (settled) return;
        settled = true;
        zip.close();
        resolve(verdict);
      };
      zip.on("entry", (entry: yauzl.Entry) => {
        entries += 1;
        inflatedBytes += entry.uncompressedSize;
        if (entries > budget.entries) return settle({ ok: false, reason: "entries", inflatedBytes, entries });
        if (inflatedBytes > budget.inflatedBytes) return settle({ ok: false, reason: "inflated", inflatedBytes, entries });
        zip.readEntry();
      });
      zip.on("end", () => settle({ ok: true, inflatedBytes, entries }));
      zip.on("error", () => settle({ ok: false, reason: "unreadable", inflatedBytes, entries }));
      zip.readEntry();
    });
  });
}
