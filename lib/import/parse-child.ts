/**
 * The child process of lib/import/parse-isolated.ts (ADR 018): receives one uploaded file over
 * IPC, reads it — a figures file with parseImportFile, a programme definition workbook with
 * readProgrammeWorkbook (ADR 033) — and sends back what it read and its own peak memory.
 * Started as `node --import tsx --max-old-space-size=… lib/import/parse-child.ts`; it reads one
 * file and ends, and never outlives the server that started it.
 */
import { parseImportFile, type ParsedFile } from "./parse-file";
import { readProgrammeWorkbook, type RawWorkbook } from "@/lib/programme-file/xlsx";

export interface ParseRequest {
  name: string;
  bytes: Uint8Array;
  /** What the file is: figures (the default) or a programme definition workbook. */
  kind?: "figures" | "programme";
}

export interface ParseReply {
  parsed: ParsedFile | RawWorkbook;
  /** Peak resident memory of this process, in bytes. */
  maxRssBytes: number;
}

process.once("disconnect", () => process.exit(0));
process.once("message", async (request: ParseRequest) => {
  const parsed = request.kind === "programme" ? await readProgrammeWorkbook(request.bytes) : await parseImportFile(request.name, request.bytes);
  const reply: ParseReply = { parsed, maxRssBytes: process.resourceUsage().maxRSS * 1024 };
  process.send!(reply, () => process.disconnect());
});
