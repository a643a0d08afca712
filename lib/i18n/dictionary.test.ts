import { describe, expect, it } from "vitest";
import { DICTIONARIES, type Dictionary } from "./dictionary";
import { LOCALES } from "./locales";

type Leaf = { path: string; value: unknown };

function leaves(node: unknown, path = ""): Leaf[] {
  if (typeof node === "string" || typeof node === "function") return [{ path, value: node }];
  if (Array.isArray(node)) return node.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  if (node && typeof node === "object") return Object.entries(node).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [{ path, value: node }];
}

const SAMPLE_ARGS = ["2025", "34,87%", "Quý III/2025"];

describe("the public dictionaries", () => {
  const vi = leaves(DICTIONARIES.vi);
  const en = leaves(DICTIONARIES.en);

  it("have exactly the same keys (and array lengths) in Vietnamese and English", () => {
    expect(en.map((l) => l.path)).toEqual(vi.map((l) => l.path));
    expect(vi.length).toBeGreaterThan(100);
  });

  it.each(LOCALES)("%s: every entry is a non-empty string or a function giving one", (locale) => {
    for (const { path, value } of leaves(DICTIONARIES[locale])) {
      if (typeof value === "function") {
        const out = (value as (...a: string[]) => string)(...SAMPLE_ARGS.slice(0, value.length));
        expect(typeof out, path).toBe("string");
        expect(out.trim().length, path).toBeGreaterThan(0);
        // Every argument ends up in the sentence.
        for (const arg of SAMPLE_ARGS.slice(0, value.length)) expect(out.toLowerCase(), `${path} uses ${arg}`).toContain(arg.toLowerCase());
      } else {
        expect(typeof value, path).toBe("string");
        expect((value as string).trim().length, path).toBeGreaterThan(0);
      }
    }
  });

  it("takes the same number of arguments for the same sentence in both languages", () => {
    const enByPath = new Map(en.map((l) => [l.path, l.value]));
    for (const { path, value } of vi) {
      const other = enByPath.get(path);
      expect(typeof other, path).toBe(typeof value);
      if (typeof value === "function") expect((other as (...a: unknown[]) => unknown).length, path).toBe(value.length);
    }
  });

  it("is translated: long English sentences are not left in Vietnamese", () => {
    const vietnameseOnly = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;
    const allowed = new Set(["languageName"]);
    for (const { path, value } of en) {
      if (typeof value !== "string" || allowed.has(path)) continue;
      // Proper names (Thái Nguyên, Bắc Kạn) and quoted resolution words are Vietnamese by nature; whole sentences are not.
      const stripped = value.replace(/Thái Nguyên|Bắc Kạn|“[^”]*”|\(former\)/g, "");
      expect(vietnameseOnly.test(stripped), `${path}: ${value}`).toBe(false);
    }
  });

  it("names each language in itself, for the language switch", () => {
    const names: Record<string, Dictionary["languageName"]> = { vi: DICTIONARIES.vi.languageName, en: DICTIONARIES.en.languageName };
    expect(names).toEqual({ vi: "Tiếng Việt", en: "English" });
  });
});
