/**
 * docs/benchmarks.md is written by `npm run bench`, one section per suite
 * between HTML-comment markers, so running one suite rewrites only its own
 * section and keeps the others' last results.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export const BENCHMARKS_FILE = path.resolve("docs/benchmarks.md");

const HEADER = [
  "# Benchmarks",
  "",
  "Written by `npm run bench` (bench/run.ts); do not edit by hand. One section per suite; `npm run bench -- <suite>` rewrites only that section. Each figure names the command that produced it.",
  "",
].join("\n");

const begin = (suite: string) => `<!-- bench:${suite} -->`;
const end = (suite: string) => `<!-- /bench:${suite} -->`;

/** Replaces (or appends) the suite's section of the report text. Pure, for tests. */
export function replaceSection(document: string, suite: string, markdown: string): string {
  const block = `${begin(suite)}\n${markdown.trimEnd()}\n${end(suite)}`;
  const base = document.includes("<!-- bench:") ? document : HEADER;
  const from = base.indexOf(begin(suite));
  const to = base.indexOf(end(suite));
  if (from >= 0 && to > from) return `${base.slice(0, from)}${block}${base.slice(to + end(suite).length)}`;
  return `${base.trimEnd()}\n\n${block}\n`;
}

export async function writeBenchmarkSection(suite: string, markdown: string): Promise<void> {
  let current = "";
  try {
    current = await readFile(BENCHMARKS_FILE, "utf8");
  } catch {
    // first run
  }
  await writeFile(BENCHMARKS_FILE, replaceSection(current, suite, markdown));
}
