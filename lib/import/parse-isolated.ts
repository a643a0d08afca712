/**
 * An uploaded spreadsheet is read in a child process (issue #13, item 1; ADR 018), so the event
 * loop that answers every other request — the public pages included — stays free while ExcelJS
 * works, and a file that needs more memory or time than any real workbook is stopped in that
 * process (V8's heap limit, a timeout) and reported in Vietnamese like any other problem of the
 * file. The server itself never runs out of memory or stalls because of an upload.
 *
 * A process, not a worker thread: a worker that reaches its `resourceLimits` can abort the whole
 * server (nodejs/node#47224; reproduced here on Node 20 with a 1 GB limit), and Node 20 ignores
 * `--import tsx` in a worker's execArgv.
 */
import { fork } from "node:child_process";
import path from "node:path";
import type { ParseReply, ParseRequest } from "./parse-child";
import { fileError, PARSE_MESSAGES, type ParsedFile } from "./parse-file";
import type { RawWorkbook } from "@/lib/programme-file/xlsx";

export const PARSE_PROCESS = {
  /**
   * V8 heap of one parse. ExcelJS holds the whole workbook: 150,000 template rows need more than
   * 640 MB; the zip budget's largest sheet (2.25 million cells of distinct text) fits in 1,024 MB.
   */
  maxOldGenerationSizeMb: 1024,
  /** That largest sheet takes about 28 s on a loaded two-core machine; the limit only ends a stuck parse. */
  timeoutMs: 120_000,
  /** Parses at once in this server; a second upload waits its turn, so uploads cannot multiply the memory. */
  concurrency: 1,
};

export interface ParseProcessOptions {
  maxOldGenerationSizeMb?: number;
  timeoutMs?: number;
  /** Told how the child did, when it answered (the bench reports it). */
  onUsage?: (usage: { maxRssBytes: number }) => void;
}

// The app, its tests and its benches all run from the repository root (as lib/db/migrate.ts assumes).
// The bundler must neither trace nor bundle it: Node runs the TypeScript file itself, through tsx.
const CHILD_FILE = path.join(/* turbopackIgnore: true */ process.cwd(), "lib", "import", "parse-child.ts");

let running = 0;
const waiting: (() => void)[] = [];

function acquire(): Promise<void> {
  if (running < PARSE_PROCESS.concurrency) {
    running += 1;
    return Promise.resolve();
  }
  return new Promise((resolve) => waiting.push(resolve));
}

/** Hands the slot to the next waiting parse, if any. */
function release(): void {
  const next = waiting.shift();
  if (next) next();
  else running -= 1;
}

/** parseImportFile, in a child process under a heap limit and a timeout: the same ParsedFile. Never throws on a file. */
export function parseImportFileIsolated(name: string, bytes: Uint8Array, options: ParseProcessOptions = {}): Promise<ParsedFile> {
  const format: ParsedFile["format"] = /\.csv$/i.test(name) ? "csv" : "xlsx";
  return runIsolated<ParsedFile>({ name, bytes }, (message) => fileError(format, message), options);
}

/** readProgrammeWorkbook (ADR 033), in the same child process under the same limits: an uploaded programme workbook never runs ExcelJS in the server. */
export function readProgrammeWorkbookIsolated(bytes: Uint8Array, options: ParseProcessOptions = {}): Promise<RawWorkbook> {
  return runIsolated<RawWorkbook>({ name: "programme.xlsx", bytes, kind: "programme" }, (message) => ({ sheets: {}, errors: [{ sheet: null, row: null, column: null, message }] }), options);
}

/** One request to a fresh child process; every way it can fail becomes `refusal` with a Vietnamese message. */
async function runIsolated<T>(request: ParseRequest, refusal: (message: string) => T, options: ParseProcessOptions): Promise<T> {
  const limits = { ...PARSE_PROCESS, ...options };
  const name = request.name;
  await acquire();
  try {
    return await new Promise<T>((resolve) => {
      const child = fork(CHILD_FILE, [], {
        // Whatever flags started this process (vitest's, the bench's), the child gets only these;
        // they come after NODE_OPTIONS, so the heap limit is ours.
        execArgv: ["--import", "tsx", `--max-old-space-size=${limits.maxOldGenerationSizeMb}`],
        serialization: "advanced", // the bytes and the result cross as structured clones, not JSON
        stdio: ["ignore", "inherit", "pipe", "ipc"],
      });
      let stderr = "";
      child.stderr!.on("data", (chunk: Buffer) => {
        stderr = (stderr + chunk.toString()).slice(-4096);
      });
      let done = false;
      const finish = (result: T) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
        resolve(result);
      };
      const timer = setTimeout(() => finish(refusal(PARSE_MESSAGES.parseTimeout(limits.timeoutMs / 1000))), limits.timeoutMs);
      child.once("message", (reply: ParseReply) => {
        options.onUsage?.({ maxRssBytes: reply.maxRssBytes });
        finish(reply.parsed as T);
      });
      child.once("error", (error) => {
        console.error(`[import] the parse process failed on "${name}":`, error);
        finish(refusal(PARSE_MESSAGES.parseFailed));
      });
      // "close", not "exit": it comes after the IPC channel and stderr are drained, so a reply or an
      // out-of-memory report still in flight is never mistaken for silence.
      child.once("close", (code, signal) => {
        if (done) return;
        if (/heap out of memory/i.test(stderr)) return finish(refusal(PARSE_MESSAGES.parseMemory(limits.maxOldGenerationSizeMb)));
        console.error(`[import] the parse process ended (${signal ?? code}) without a result for "${name}":\n${stderr}`);
        finish(refusal(PARSE_MESSAGES.parseFailed));
      });
      child.send(request satisfies ParseRequest);
    });
  } finally {
    release();
  }
}
