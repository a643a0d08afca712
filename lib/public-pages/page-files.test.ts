import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { removeOtherGenerations } from "./page-files";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function page(root: string, route: string, generation: string, file: string) {
  const dir = path.join(root, route, "$", "_p", generation, path.dirname(file));
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, path.basename(file)), "<html></html>");
}

describe("removeOtherGenerations", () => {
  it("keeps only the current generation's pages, in every route's cache", () => {
    const root = mkdtempSync(path.join(tmpdir(), "dxt-pages-"));
    dirs.push(root);
    page(root, "home", "abcd1234.3.2026-Q4", "vi.html");
    page(root, "home", "abcd1234.4.2026-Q4", "vi.html");
    page(root, "indicator", "abcd1234.3.2026-Q4", "vi/indicator/DVC/latest.html");
    page(root, "indicator", "abcd1234.4.2026-Q4", "en/indicator/DVC/latest.html");
    page(root, "home", "ffff0000.9.2026-Q4", "vi.html"); // another database's server, sharing the build folder
    expect(removeOtherGenerations(root, "abcd1234.4.2026-Q4")).toBe(2);
    expect(existsSync(path.join(root, "home", "$", "_p", "ffff0000.9.2026-Q4", "vi.html"))).toBe(true);
    expect(existsSync(path.join(root, "home", "$", "_p", "abcd1234.3.2026-Q4"))).toBe(false);
    expect(existsSync(path.join(root, "indicator", "$", "_p", "abcd1234.3.2026-Q4"))).toBe(false);
    expect(existsSync(path.join(root, "home", "$", "_p", "abcd1234.4.2026-Q4", "vi.html"))).toBe(true);
    expect(existsSync(path.join(root, "indicator", "$", "_p", "abcd1234.4.2026-Q4", "en", "indicator", "DVC", "latest.html"))).toBe(true);
  });

  it("does nothing before any page was rendered", () => {
    expect(removeOtherGenerations(path.join(tmpdir(), "dxt-no-such-dir"), "x")).toBe(0);
  });
});
