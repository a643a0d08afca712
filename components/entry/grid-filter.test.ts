import { describe, expect, it } from "vitest";
import { foldVietnamese } from "@/lib/format/fold";
import { rowShown, withFilter, type RowFacts } from "./grid-filter";
import { summarize, summaryText } from "./grid-save";
import { sortEntryGroups } from "@/lib/data/entry-order";

const facts = (over: Partial<RowFacts> = {}): RowFacts => ({ label: "Phường Đức Xuân", missing: false, problem: false, mine: false, touched: false, ...over });

describe("which rows are shown", () => {
  it("searches unit names without accents or case", () => {
    expect(foldVietnamese("  Phường  ĐỨC Xuân ")).toBe("phuong duc xuan");
    expect(rowShown(facts(), undefined, "duc xuan")).toBe(true);
    expect(rowShown(facts(), undefined, "Đức")).toBe(true);
    expect(rowShown(facts(), undefined, "hòa")).toBe(false);
    expect(rowShown(facts({ label: "Xã Phú Lạc" }), undefined, "phu lac")).toBe(true);
    expect(rowShown(facts(), undefined, "  ")).toBe(true);
  });

  it("filters missing, with errors, and mine; a touched row stays until the filter changes", () => {
    expect(rowShown(facts({ missing: true }), "thieu", undefined)).toBe(true);
    expect(rowShown(facts(), "thieu", undefined)).toBe(false);
    expect(rowShown(facts({ touched: true }), "thieu", undefined)).toBe(true);
    expect(rowShown(facts({ problem: true }), "loi", undefined)).toBe(true);
    expect(rowShown(facts({ missing: true }), "loi", undefined)).toBe(false);
    expect(rowShown(facts({ mine: true }), "cua-toi", undefined)).toBe(true);
    expect(rowShown(facts(), "cua-toi", undefined)).toBe(false);
    // The search applies to touched rows too.
    expect(rowShown(facts({ touched: true }), "thieu", "hoa")).toBe(false);
  });

  it("keeps the filter in the URL beside the quarter", () => {
    expect(withFilter("http://x/nhap-lieu?ky=2026-Q3", "thieu", " phu ")).toBe("/nhap-lieu?ky=2026-Q3&loc=thieu&tim=phu");
    expect(withFilter("http://x/nhap-lieu?ky=2026-Q3&loc=thieu&tim=phu", undefined, "")).toBe("/nhap-lieu?ky=2026-Q3");
  });
});

describe("the rows' order", () => {
  it("sorts units by Vietnamese name within their parent, the province's own row first", () => {
    const row = (unitId: number, unitName: string) => ({ unitId, unitName });
    const sorted = sortEntryGroups([
      { parentName: "Huyện Phú Lương", rows: [row(1, "Xã Đắk Mar"), row(2, "Xã Dục Nội"), row(3, "Thị trấn Đu")] },
      { parentName: "Huyện Đại Từ", rows: [row(4, "Xã Ân Phú"), row(5, "Xã An Khánh"), row(6, "Xã Bình Thuận")] },
      { parentName: null, rows: [row(7, "Tỉnh Thái Nguyên")] },
      { parentName: "Huyện Định Hóa", rows: [row(8, "Xã Bảo Cường")] },
    ]);
    expect(sorted.map((g) => g.parentName)).toEqual([null, "Huyện Đại Từ", "Huyện Định Hóa", "Huyện Phú Lương"]);
    expect(sorted[1]!.rows.map((r) => r.unitName)).toEqual(["Xã An Khánh", "Xã Ân Phú", "Xã Bình Thuận"]);
    expect(sorted[3]!.rows.map((r) => r.unitName)).toEqual(["Thị trấn Đu", "Xã Dục Nội", "Xã Đắk Mar"]);
  });

  it("keeps a unit's sector rows together, in their order", () => {
    const rows = [
      { unitId: 2, unitName: "B", sector: 1 },
      { unitId: 1, unitName: "A", sector: 2 },
      { unitId: 1, unitName: "A", sector: 1 },
    ];
    expect(sortEntryGroups([{ parentName: null, rows }])[0]!.rows.map((r) => `${r.unitName}${r.sector}`)).toEqual(["A2", "A1", "B1"]);
  });
});

describe("the save summary", () => {
  it("counts each state and the edits not yet saved", () => {
    const s = summarize({ a: { kind: "saved" }, b: { kind: "saved" }, c: { kind: "offline" }, d: { kind: "conflict" }, e: { kind: "saving" } }, ["c", "d", "e", "f"]);
    expect(s).toEqual({ saving: 1, saved: 2, error: 0, conflict: 1, offline: 1, unsaved: 1 });
    expect(summaryText(s)).toBe("Đang lưu 1 · đã lưu 2 · 1 dòng chưa lưu · 1 xung đột · 1 chưa gửi (ngoại tuyến).");
    expect(summaryText(summarize({}, []))).toMatch(/^Chưa có thay đổi nào/);
  });
});
