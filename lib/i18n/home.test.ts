import { describe, expect, it } from "vitest";
import { RESOLUTION_PROGRAMME } from "@/lib/seed/programmes";
import { SHIPPED_RESOLUTION, homeWords } from "./home";

describe("homeWords", () => {
  it("names the shipped resolution as the seed writes it, for its own province only", () => {
    expect(SHIPPED_RESOLUTION).toEqual({ code: RESOLUTION_PROGRAMME.code, provinceCode: RESOLUTION_PROGRAMME.provinceCode });
    expect(homeWords(SHIPPED_RESOLUTION.provinceCode).ownResolution).toBe(true);
    expect(homeWords("01").ownResolution).toBe(false);
  });

  it("writes the provinces merged into the one served, with their type, and how many old ones there were", () => {
    expect(homeWords("19")).toMatchObject({ mergedShort: "Bắc Kạn", mergedVi: "tỉnh Bắc Kạn", mergedEn: "Bắc Kạn", oldProvincesVi: "hai", oldProvincesEn: "two" });
    expect(homeWords("01")).toMatchObject({ mergedShort: "", mergedVi: "", oldProvincesVi: "một" });
    expect(homeWords("79")).toMatchObject({ mergedVi: "tỉnh Bình Dương và tỉnh Bà Rịa - Vũng Tàu", oldProvincesVi: "ba" });
  });

  it("refuses a code that is not a province of the 1 July 2025 list, in Vietnamese", () => {
    expect(() => homeWords("06")).toThrow('DX_PROVINCE_CODE="06" không phải mã tỉnh, thành phố nào trong danh mục từ ngày 01/07/2025.');
  });
});
