import { describe, expect, it } from "vitest";
import { alternatesFor, pathFor, PROGRAMME_SLUG, programmeSlug } from "./routes";

describe("public URLs", () => {
  it("puts Vietnamese at the root with Vietnamese slugs and English under /en", () => {
    expect(alternatesFor({ page: "home" })).toEqual({ vi: "/", en: "/en" });
    expect(alternatesFor({ page: "indicator", code: "DVC_L4_SHARE" })).toEqual({
      vi: "/chi-tieu/DVC_L4_SHARE",
      en: "/en/indicators/DVC_L4_SHARE",
    });
    expect(alternatesFor({ page: "methodology" })).toEqual({ vi: "/phuong-phap", en: "/en/methodology" });
    expect(alternatesFor({ page: "data" })).toEqual({ vi: "/du-lieu", en: "/en/data" });
    expect(alternatesFor({ page: "programme", slug: "01-nq-tu" })).toEqual({ vi: "/chuong-trinh/01-nq-tu", en: "/en/programmes/01-nq-tu" });
  });

  it("makes a programme's code a path segment: lower case, no accents, a dash for anything else", () => {
    expect(programmeSlug("01-NQ/TU")).toBe("01-nq-tu");
    expect(programmeSlug("749/QĐ-TTg")).toBe("749-qd-ttg");
    expect(programmeSlug(" 05 – NQ/TU ")).toBe("05-nq-tu");
    for (const code of ["01-NQ/TU", "749/QĐ-TTg", "DEMO_01", "Kế hoạch 12/KH-UBND"]) expect(programmeSlug(code)).toMatch(PROGRAMME_SLUG);
  });

  it("escapes a code so it cannot break out of its path segment", () => {
    expect(pathFor("vi", { page: "indicator", code: "A/B?c" })).toBe("/chi-tieu/A%2FB%3Fc");
  });
});
