import { describe, expect, it } from "vitest";
import { isAppPath, NOT_FOUND_PAGE, publicPagePath } from "./paths";

const map = (url: string) => {
  const u = new URL(url, "http://x");
  return publicPagePath(u.pathname, u.searchParams);
};

describe("publicPagePath", () => {
  it("maps every public page of both languages to its internal page", () => {
    expect(map("/")).toBe("/vi");
    expect(map("/en")).toBe("/en");
    expect(map("/phuong-phap")).toBe("/vi/methodology");
    expect(map("/en/methodology")).toBe("/en/methodology");
    expect(map("/du-lieu")).toBe("/vi/data");
    expect(map("/en/data")).toBe("/en/data");
    expect(map("/du-lieu/api")).toBe("/vi/api");
    expect(map("/en/data/api")).toBe("/en/api");
    expect(map("/chi-tieu/DVC_L4_SHARE")).toBe("/vi/indicator/DVC_L4_SHARE/latest");
    expect(map("/en/indicators/DVC_L4_SHARE")).toBe("/en/indicator/DVC_L4_SHARE/latest");
  });

  it("keeps the breakdown quarter of each language's parameter, normalised, and nothing else", () => {
    expect(map("/chi-tieu/WORK_DOSSIER_ONLINE_COMMUNE?quy=2025-Q2")).toBe("/vi/indicator/WORK_DOSSIER_ONLINE_COMMUNE/2025-Q2");
    expect(map("/chi-tieu/X?quy=2025q3&utm=1")).toBe("/vi/indicator/X/2025-Q3");
    expect(map("/en/indicators/X?quarter=2025-Q2")).toBe("/en/indicator/X/2025-Q2");
    // The other language's parameter, junk and far-off years are not cache keys.
    expect(map("/en/indicators/X?quy=2025-Q2")).toBe("/en/indicator/X/latest");
    expect(map("/chi-tieu/X?quy=../../etc")).toBe("/vi/indicator/X/latest");
    expect(map("/chi-tieu/X?quy=9999-Q1")).toBe("/vi/indicator/X/latest");
  });

  it("upper-cases codes (lower-case links still work) and sends malformed ones to the 404", () => {
    expect(map("/chi-tieu/dvc_l4_share")).toBe("/vi/indicator/DVC_L4_SHARE/latest");
    expect(map("/chi-tieu/DVC%20L4")).toBe(NOT_FOUND_PAGE);
    expect(map("/chi-tieu/%E0%A4%A")).toBe(NOT_FOUND_PAGE);
    expect(map("/chi-tieu/A/B")).toBe(NOT_FOUND_PAGE);
    expect(map("/chi-tieu/")).toBe(NOT_FOUND_PAGE);
  });

  it("maps a programme's slug (lower case, no accents) and sends anything else under the programme path to the 404", () => {
    expect(map("/chuong-trinh/01-nq-tu")).toBe("/vi/programme/01-nq-tu");
    expect(map("/en/programmes/749-qd-ttg")).toBe("/en/programme/749-qd-ttg");
    expect(map("/chuong-trinh/01-NQ-TU")).toBe("/vi/programme/01-nq-tu");
    expect(map("/chuong-trinh/01-NQ%2FTU")).toBe(NOT_FOUND_PAGE);
    expect(map("/chuong-trinh/a/b")).toBe(NOT_FOUND_PAGE);
    expect(map("/chuong-trinh/")).toBe(NOT_FOUND_PAGE);
    expect(map(`/chuong-trinh/${"a".repeat(81)}`)).toBe(NOT_FOUND_PAGE);
  });

  it("gives the public 404 for unknown English pages and for the internal paths themselves", () => {
    expect(map("/en/unknown")).toBe(NOT_FOUND_PAGE);
    expect(map("/khong-tim-thay")).toBe(NOT_FOUND_PAGE);
    expect(map("/_p/abc/vi")).toBe(NOT_FOUND_PAGE);
    expect(map("/dang-nhap")).toBeNull();
    expect(map("/duyet")).toBeNull();
    expect(map("/khong-co")).toBeNull();
  });
});

describe("isAppPath", () => {
  it("knows the App Router's paths and files; anything else is unknown", () => {
    const staff = ["/duyet", "/nhap-lieu"];
    for (const path of ["/dang-nhap", "/api/public/figures.csv", "/duyet", "/duyet/x", "/nhap-lieu", "/icon.svg", "/chart-tooltip.js"]) {
      expect(isAppPath(path, staff), path).toBe(true);
    }
    for (const path of ["/khong-co", "/duyetx", "/apix", "/en-gb"]) expect(isAppPath(path, staff), path).toBe(false);
  });
});
