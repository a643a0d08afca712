import { describe, expect, it } from "vitest";
import { dashboardParamsSchema, dashboardQuery, exportParamsSchema, pageOf, parseCompareUnits, UNITS_PER_PAGE } from "./dashboard";

describe("the dashboard's URL", () => {
  it("reads the context and drops what is malformed instead of failing the page", () => {
    expect(dashboardParamsSchema.parse({ ky: "2025q2", nhom: "DIGITAL_ECONOMY", "trang-thai": "ON_TRACK", "ranh-gioi": "truoc", "don-vi": "12", tim: "  Bình ", "sap-xep": "gia-tri", chieu: "giam" })).toEqual({
      ky: "2025-Q2",
      nhom: "DIGITAL_ECONOMY",
      "trang-thai": "ON_TRACK",
      "ranh-gioi": "truoc",
      "don-vi": 12,
      "linh-vuc": undefined,
      tim: "Bình",
      "sap-xep": "gia-tri",
      chieu: "giam",
      "ban-in": undefined,
    });
    const bad = dashboardParamsSchema.parse({ ky: "2025-Q5", nhom: "X", "ranh-gioi": "giua", "don-vi": "-3", "sap-xep": "x" });
    expect(bad).toMatchObject({ ky: undefined, nhom: undefined, "ranh-gioi": undefined, "don-vi": undefined, "sap-xep": undefined });
    expect(dashboardParamsSchema.parse({ ky: ["2026-Q1", "2026-Q2"] }).ky).toBe("2026-Q1");
  });

  it("filters by every status the maths can give, 'Không còn đánh giá được' included", () => {
    expect(dashboardParamsSchema.parse({ "trang-thai": "NO_LONGER_ASSESSABLE" })["trang-thai"]).toBe("NO_LONGER_ASSESSABLE");
    expect(dashboardParamsSchema.parse({ "trang-thai": "SOMETHING_ELSE" })["trang-thai"]).toBeUndefined();
  });

  it("writes links that keep the context and change one thing", () => {
    const params = dashboardParamsSchema.parse({ ky: "2026-Q3", "ranh-gioi": "sau", tim: "an" });
    expect(dashboardQuery(params, { tim: undefined, "sap-xep": "ten" })).toBe("?ky=2026-Q3&ranh-gioi=sau&sap-xep=ten");
    expect(dashboardQuery(dashboardParamsSchema.parse({}))).toBe("");
  });

  it("refuses an export without a known table, in Vietnamese", () => {
    const r = exportParamsSchema.safeParse({ bang: "khac" });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain("Bảng cần xuất không hợp lệ.");
    expect(exportParamsSchema.safeParse({ bang: "phan-to", "chi-tieu": "x;drop" }).success).toBe(false);
    expect(exportParamsSchema.parse({ bang: "phan-to", "chi-tieu": "WORK_DOSSIER_ONLINE_COMMUNE" }).bang).toBe("phan-to");
  });
});

describe("units compared side by side (issue #16, item 9)", () => {
  it("takes 2 to 5 unit ids, repeated or comma-separated, each once, in order; refuses others in Vietnamese", () => {
    expect(parseCompareUnits(["12", "7"], 2, 5)).toEqual({ ids: [12, 7] });
    expect(parseCompareUnits("3,4,3,5", 2, 5)).toEqual({ ids: [3, 4, 5] });
    expect(parseCompareUnits("3", 2, 5)).toEqual({ error: "Chọn từ 2 đến 5 đơn vị để so sánh (đã chọn 1)." });
    expect(parseCompareUnits(undefined, 2, 5)).toEqual({ error: "Chọn từ 2 đến 5 đơn vị để so sánh (đã chọn 0)." });
    expect(parseCompareUnits("1,2,3,4,5,6", 2, 5)).toEqual({ error: "Chọn từ 2 đến 5 đơn vị để so sánh (đã chọn 6)." });
    expect(parseCompareUnits(["1", "x"], 2, 5)).toHaveProperty("error");
  });
});

describe("pages of units (the completeness page, ADR 031)", () => {
  const units = Array.from({ length: 93 }, (_, i) => i + 1);

  it("shows 20 units a page, the last page what is left, and a page past the end as the last", () => {
    expect(UNITS_PER_PAGE).toBe(20);
    expect(pageOf(units, undefined)).toMatchObject({ page: 1, pages: 5, from: 0, items: units.slice(0, 20) });
    expect(pageOf(units, 5)).toMatchObject({ page: 5, pages: 5, from: 80, items: units.slice(80) });
    expect(pageOf(units, 99).page).toBe(5);
    expect(pageOf([], 3)).toMatchObject({ page: 1, pages: 1, items: [] });
  });

  it("gives the print view every unit", () => {
    expect(pageOf(units, 3, true)).toMatchObject({ page: 1, pages: 1, items: units });
  });

  it("reads ?trang= as a positive whole number, and drops anything else", () => {
    expect(dashboardParamsSchema.parse({ trang: "3" }).trang).toBe(3);
    expect(dashboardParamsSchema.parse({ trang: ["2", "4"] }).trang).toBe(2);
    for (const bad of ["0", "-1", "1.5", "x"]) expect(dashboardParamsSchema.parse({ trang: bad }).trang).toBeUndefined();
  });
});
