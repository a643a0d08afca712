import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ADMIN_UNIT_FILES, ADMIN_UNIT_SEED_DIR } from "@/lib/seed/admin-units";
import { parseCsvRecords } from "@/lib/seed/csv";
import { SUCCESSION_COLUMNS, UNIT_COLUMNS } from "./unit-csv";
import { PROVINCES, findProvince, joinNames, provinceWords, shortProvinceName } from "./provinces";

describe("the province table", () => {
  it("is the province rows of the committed national lists: name, type, communes and merged provinces", () => {
    const read = (name: string) => readFileSync(path.join(ADMIN_UNIT_SEED_DIR, name), "utf8");
    const oldUnits = parseCsvRecords(read(ADMIN_UNIT_FILES.oldUnits), UNIT_COLUMNS);
    const newUnits = parseCsvRecords(read(ADMIN_UNIT_FILES.newUnits), UNIT_COLUMNS);
    const provinceRows = parseCsvRecords(read(ADMIN_UNIT_FILES.successions), SUCCESSION_COLUMNS).filter((r) => r.level === "province");
    const oldOrder = oldUnits.map((u) => u.code);
    const expected = newUnits
      .filter((u) => u.level === "province")
      .map((p) => ({
        code: p.code,
        name: p.name,
        type: p.type,
        communes: newUnits.filter((c) => c.level === "commune" && c.parent_code === p.code).length,
        merged: provinceRows
          .filter((r) => r.new_code === p.code && r.old_code !== p.code)
          .map((r) => r.old_code)
          .sort((a, b) => oldOrder.indexOf(a) - oldOrder.indexOf(b))
          .map((code) => ({ code, name: oldUnits.find((u) => u.code === code && u.level === "province")!.name })),
      }));
    expect(expected).toHaveLength(34);
    expect(PROVINCES).toEqual(expected);
  });
});

describe("provinceWords", () => {
  it("writes a province and a centrally-run city right inside a sentence", () => {
    const tn = provinceWords(findProvince("19")!);
    expect(tn).toMatchObject({ short: "Thái Nguyên", vi: "tỉnh Thái Nguyên", en: "Thái Nguyên province", ascii: "Thai Nguyen", merged: ["Bắc Kạn"], communes: 92 });
    const hn = provinceWords(findProvince("01")!);
    expect(hn).toMatchObject({ short: "Hà Nội", vi: "thành phố Hà Nội", typeVi: "thành phố", en: "Hà Nội city", ascii: "Ha Noi", merged: [] });
    expect(provinceWords(findProvince("48")!).ascii).toBe("Da Nang");
    expect(shortProvinceName("Thành phố Hồ Chí Minh")).toBe("Hồ Chí Minh");
    expect(findProvince("06")).toBeUndefined();
  });

  it("joins names as a sentence does", () => {
    expect(joinNames([], "và")).toBe("");
    expect(joinNames(["Bắc Kạn"], "và")).toBe("Bắc Kạn");
    expect(joinNames(["Bà Rịa - Vũng Tàu", "Bình Dương"], "và")).toBe("Bà Rịa - Vũng Tàu và Bình Dương");
    expect(joinNames(["A", "B", "C"], "and")).toBe("A, B and C");
  });
});
