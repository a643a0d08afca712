/**
 * The child process of lib/import/parse-isolated.ts (ADR 018): receives one uploaded file over
 * IPC, reads it with parseImportFile and sends back the ParsedFile and its own peak memory.
 * Started as `node --import tsx --max-old-space-size=… lib/import/parse-child.ts`; it reads one
 * file and ends, and never outlives the server that started it.
 */
import { parseImportFile, type ParsedFile } from "./parse-file";

export interface ParseRequest {
  name: string;
  bytes: Uint8Array;
}

export interface ParseReply {
  parsed: ParsedFile;
  /** Peak resident memory of this process, in bytes. */
  maxRssBytes: number;
}

process.once("disconnect", () => process.exit(0));
process.once("message", async (request: ParseRequest) => {
  const parsed = await parseImportFile(request.name, request.bytes);
  const reply: ParseReply = { parsed, maxRssBytes: process.resourceUsage().maxRSS * 1024 };
  process.send!(reply, () => process.disconnect());
});
