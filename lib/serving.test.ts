/**
 * Issue #12 / ADR 015: the product serves HTTP only through `next start` — no server of its own,
 * no socket handed to an HTTP server, no HTTP parsed by hand. Scans the product's sources.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");
const PRODUCT = ["app", "components", "lib", "pages", "scripts", "proxy.ts", "instrumentation.ts", "next.config.ts"];
/** scripts/cluster.ts starts nginx and instances for tests and benchmarks; it serves nothing itself. */
const FORBIDDEN = [/\bcreateServer\s*\(/, /\.emit\(\s*["']connection["']/, /HTTP\/1\.[01] \d{3}/, /\bServerResponse\b.*\bassignSocket\b/];
/**
 * The one exception, not an HTTP server: the embedded database's lock is an abstract Unix socket
 * that listens and never accepts (lib/db/embedded.ts), so it disappears with its process.
 */
const ALLOWED = new Map([["lib/db/embedded.ts", /net\.createServer\(\);/]]);

function files(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (statSync(full).isFile()) return [entry];
  return readdirSync(full).flatMap((name) => files(path.join(entry, name)));
}

describe("serving", () => {
  it("has no HTTP server, connection hand-off or hand-parsed HTTP in the product", () => {
    const found: string[] = [];
    for (const file of PRODUCT.flatMap(files).filter((f) => /\.(ts|tsx|mjs|js)$/.test(f) && !/\.test\.tsx?$/.test(f))) {
      const lines = readFileSync(path.join(ROOT, file), "utf8").split("\n");
      lines.forEach((line, i) => {
        if (FORBIDDEN.some((re) => re.test(line)) && !ALLOWED.get(file)?.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(found).toEqual([]);
  });
});
