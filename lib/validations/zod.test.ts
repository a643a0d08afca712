import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "./zod";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

describe("zod, configured once", () => {
  it("every schema the browser can load takes zod from lib/validations/zod.ts, which sets jitless first (no eval under the CSP)", () => {
    const direct = [...sources("components"), ...sources("lib/validations")]
      .filter((f) => !f.endsWith(path.join("lib", "validations", "zod.ts")) && !f.endsWith(path.join("lib", "validations", "zod-config.ts")))
      .filter((f) => /^import (?!type )[^;]*from "zod(\/[^"]*)?";/m.test(readFileSync(f, "utf8")));
    expect(direct).toEqual([]);
  });

  it("parses without compiling: a schema built after the import still validates", () => {
    const s = z.object({ a: z.number() });
    expect(s.safeParse({ a: 1 }).success).toBe(true);
    expect(s.safeParse({ a: "1" }).success).toBe(false);
  });
});
