/**
 * docs/architecture.md is the newcomer's map of where each rule lives (issue
 * #17): it must match the tree. Every path it names exists, and every entry of
 * lib/ is named in it, so a new folder or a move fails here until the map says
 * where it sits.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const MAP = readFileSync(path.join(ROOT, "docs/architecture.md"), "utf8");

/** Paths of the repository the map names: in `code`, or bare in the layer diagram (lib/…, app/, components/ …). */
function namedPaths(text: string): string[] {
  const found = new Set<string>();
  const pathLike = /(?:^|[\s`(,])((?:app|components|lib|pages|prisma|scripts|tests|bench|deploy|docs)\/[\w\-./()[\]*]*)/g;
  for (const m of text.matchAll(pathLike)) {
    let p = m[1]!.replace(/[.,;:]+$/, "");
    // "(app)" is a folder; a ")" with no "(" before it closes the sentence's bracket.
    while (p.endsWith(")") && (p.match(/\(/g) ?? []).length < (p.match(/\)/g) ?? []).length) p = p.slice(0, -1).replace(/[.,;:]+$/, "");
    p = p.replace(/\/\*+$/, "").replace(/\/$/, "");
    if (p.includes("*") || p.includes("<")) continue; // globs and placeholders name a kind of file
    found.add(p);
  }
  return [...found];
}

describe("docs/architecture.md", () => {
  it("names only paths that exist", () => {
    const named = namedPaths(MAP);
    expect(named.length).toBeGreaterThan(40); // the map is read, not skipped
    const missing = named.filter((p) => !existsSync(path.join(ROOT, p)));
    expect(missing).toEqual([]);
  });

  it("names every entry of lib/ (tests and generated files aside)", () => {
    const entries = readdirSync(path.join(ROOT, "lib")).filter((e) => !e.endsWith(".test.ts"));
    const unnamed = entries.filter((e) => !new RegExp(`lib/${e.replace(/\./g, "\\.")}(?![\\w-])`).test(MAP));
    expect(unnamed).toEqual([]);
  });

  it("fails on a path that is not there (the check can fail)", () => {
    expect(namedPaths("see `lib/nowhere/at-all.ts` and lib/period").filter((p) => !existsSync(path.join(ROOT, p)))).toEqual(["lib/nowhere/at-all.ts"]);
  });
});
