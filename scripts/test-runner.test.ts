import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("npm test (scripts/test.mjs)", () => {
  it("stops at once with one line saying how to install the browser when there is none", () => {
    const result = spawnSync(process.execPath, ["scripts/test.mjs"], {
      env: { ...process.env, CHROMIUM_PATH: "/nonexistent/chromium" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(""); // nothing ran: no typecheck, lint or tests before the check
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("no browser at /nonexistent/chromium");
    expect(lines[0]).toContain("apt-get install -y chromium");
  });
});
