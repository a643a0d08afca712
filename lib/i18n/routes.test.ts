import { describe, expect, it } from "vitest";
import { alternatesFor, pathFor } from "./routes";

describe("public URLs", () => {
  it("puts Vietnamese at the root with Vietnamese slugs and English under /en", () => {
    expect(alternatesFor({ page: "home" })).toEqual({ vi: "/", en: "/en" });
    expect(alternatesFor({ page: "indicator", code: "DVC_L4_SHARE" })).toEqual({
      vi: "/chi-tieu/DVC_L4_SHARE",
      en: "/en/indicators/DVC_L4_SHARE",
    });
    expect(alternatesFor({ page: "methodology" })).toEqual({ vi: "/phuong-phap", en: "/en/methodology" });
    expect(alternatesFor({ page: "data" })).toEqual({ vi: "/du-lieu", en: "/en/data" });
  });

  it("escapes a code so it cannot break out of its path segment", () => {
    expect(pathFor("vi", { page: "indicator", code: "A/B?c" })).toBe("/chi-tieu/A%2FB%3Fc");
  });
});
