import { describe, expect, it } from "vitest";
import { DICTIONARIES, dictionariesFor, type Dictionary } from "./dictionary";
import { homeWords } from "./home";
import { LOCALES } from "./locales";

const HOME = homeWords();
const PROPER_NAMES = new RegExp([HOME.province.short, ...HOME.province.merged].join("|"), "g");

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
      // Proper names (the province served and those merged into it) and quoted resolution words are Vietnamese by nature; whole sentences are not.
      const stripped = value.replace(PROPER_NAMES, "").replace(/“[^”]*”|\(former\)/g, "");
      expect(vietnameseOnly.test(stripped), `${path}: ${value}`).toBe(false);
    }
  });

  it("names each language in itself, for the language switch", () => {
    const names: Record<string, Dictionary["languageName"]> = { vi: DICTIONARIES.vi.languageName, en: DICTIONARIES.en.languageName };
    expect(names).toEqual({ vi: "Tiếng Việt", en: "English" });
  });
});

describe("the province in the dictionaries (ADR 034)", () => {
  const text = (code: string) => {
    const d = dictionariesFor(homeWords(code));
    return LOCALES.flatMap((l) => leaves(d[l])).map(({ value }) =>
      typeof value === "function" ? String((value as (...a: string[]) => string)(...SAMPLE_ARGS.slice(0, value.length))) : String(value),
    );
  };

  it("name another province, a city, through the setting only: no Thái Nguyên, Bắc Kạn or 01-NQ/TU for Hà Nội", () => {
    const hanoi = text("01");
    expect(hanoi.filter((t) => /Thái Nguyên|Bắc Kạn|01-NQ\/TU|Thai Nguyen/.test(t))).toEqual([]);
    expect(hanoi).toContain("Theo dõi chuyển đổi số thành phố Hà Nội");
    expect(hanoi).toContain("Digital transformation tracker — Hà Nội city");
    expect(hanoi.some((t) => t.includes("126 xã, phường của thành phố Hà Nội"))).toBe(true);
  });

  it("name the merged provinces of a merger of three (Hồ Chí Minh City)", () => {
    const hcm = text("79");
    expect(hcm.some((t) => t.includes("Sáp nhập Bình Dương và Bà Rịa - Vũng Tàu (01/07/2025)"))).toBe(true);
    expect(hcm.some((t) => t.includes("các xã, phường, thị trấn của ba tỉnh"))).toBe(true);
  });

  it("keep the default province's resolution and merger", () => {
    const tn = text("19");
    expect(tn).toContain("Theo dõi chuyển đổi số tỉnh Thái Nguyên");
    expect(tn.some((t) => t.includes("Nghị quyết số 01-NQ/TU của Ban Chấp hành Đảng bộ tỉnh Thái Nguyên"))).toBe(true);
    expect(tn).toContain("Sáp nhập Bắc Kạn (01/07/2025)");
  });
});
