import { describe, expect, it } from "vitest";
import {
  BAC_KAN_CODE,
  NEW_UNITS_VALID_FROM,
  OLD_UNITS_VALID_FROM,
  OLD_UNITS_VALID_TO,
  THAI_NGUYEN_CODE,
  type UnitSeed,
  buildAdminUnitSeed,
  loadAdminUnitSeed,
  unitKeyString,
} from "./admin-units";

const geo = loadAdminUnitSeed();
const oldUnits = geo.units.filter((u) => u.validFrom === OLD_UNITS_VALID_FROM);
const newUnits = geo.units.filter((u) => u.validFrom === NEW_UNITS_VALID_FROM);

function childrenOf(parent: UnitSeed, units: UnitSeed[]): UnitSeed[] {
  return units.filter((u) => u.parentCode === parent.code);
}

function countBy<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return out;
}

describe("the committed admin-unit seed", () => {
  it("has old Thái Nguyên with 9 districts and 172 communes (121 xã, 41 phường, 10 thị trấn)", () => {
    const province = oldUnits.find((u) => u.code === THAI_NGUYEN_CODE)!;
    expect(province.level).toBe("PROVINCE");
    const districts = childrenOf(province, oldUnits);
    expect(districts).toHaveLength(9);
    expect(districts.every((d) => d.level === "DISTRICT")).toBe(true);
    const communes = districts.flatMap((d) => childrenOf(d, oldUnits));
    expect(communes).toHaveLength(172);
    expect(countBy(communes, (c) => c.type)).toEqual({ Xã: 121, Phường: 41, "Thị trấn": 10 });
  });

  it("has old Bắc Kạn with 8 districts and 108 communes, and no other old province", () => {
    const provinces = oldUnits.filter((u) => u.level === "PROVINCE").map((u) => u.code);
    expect(provinces.sort()).toEqual([BAC_KAN_CODE, THAI_NGUYEN_CODE]);
    const bacKan = oldUnits.find((u) => u.code === BAC_KAN_CODE)!;
    const districts = childrenOf(bacKan, oldUnits);
    expect(districts).toHaveLength(8);
    expect(districts.flatMap((d) => childrenOf(d, oldUnits))).toHaveLength(108);
  });

  it("has the new Thái Nguyên with 92 communes (77 xã, 15 phường) directly under the province, and no districts", () => {
    expect(newUnits.filter((u) => u.level === "PROVINCE").map((u) => u.code)).toEqual([THAI_NGUYEN_CODE]);
    expect(newUnits.some((u) => u.level === "DISTRICT")).toBe(false);
    const communes = newUnits.filter((u) => u.level === "COMMUNE");
    expect(communes).toHaveLength(92);
    expect(communes.every((c) => c.parentCode === THAI_NGUYEN_CODE)).toBe(true);
    expect(countBy(communes, (c) => c.type)).toEqual({ Xã: 77, Phường: 15 });
  });

  it("dates old units 2019-01-01 → 2025-06-30 and new ones from 2025-07-01, open-ended", () => {
    expect(oldUnits.every((u) => u.validTo === OLD_UNITS_VALID_TO)).toBe(true);
    expect(newUnits.every((u) => u.validTo === null)).toBe(true);
    expect(oldUnits.length + newUnits.length).toBe(geo.units.length);
  });

  it("lists parents before children, so the loader can insert level by level", () => {
    const seen = new Set<string>();
    for (const u of geo.units) {
      if (u.parentCode !== null) expect(seen.has(`${u.parentCode}@${u.validFrom}`)).toBe(true);
      seen.add(unitKeyString(u));
    }
  });

  it("keeps a reused code apart: 05467 is Phường Cam Giá before the reform and Phường Gia Sàng after", () => {
    const both = geo.units.filter((u) => u.code === "05467");
    expect(both.map((u) => [u.validFrom, u.name])).toEqual([
      [OLD_UNITS_VALID_FROM, "Phường Cam Giá"],
      [NEW_UNITS_VALID_FROM, "Phường Gia Sàng"],
    ]);
    expect(new Set(geo.units.map(unitKeyString)).size).toBe(geo.units.length);
  });
});

describe("the successions", () => {
  const keys = new Set(geo.units.map(unitKeyString));

  it("resolve every row to a known old unit and a known new unit of the same level", () => {
    expect(geo.successions).toHaveLength(285);
    for (const s of geo.successions) {
      expect(s.predecessor.validFrom).toBe(OLD_UNITS_VALID_FROM);
      expect(s.successor.validFrom).toBe(NEW_UNITS_VALID_FROM);
      expect(keys.has(unitKeyString(s.predecessor))).toBe(true);
      expect(keys.has(unitKeyString(s.successor))).toBe(true);
      expect(s.effectiveDate).toBe("2025-07-01");
    }
  });

  it("merge both provinces into the new Thái Nguyên, in full", () => {
    const provinceRows = geo.successions.filter((s) => s.successor.code === THAI_NGUYEN_CODE);
    expect(provinceRows.map((s) => [s.predecessor.code, s.kind]).sort()).toEqual([
      [BAC_KAN_CODE, "FULL"],
      [THAI_NGUYEN_CODE, "FULL"],
    ]);
  });

  it("give 277 full and 6 partial commune rows; a partial predecessor has several successors", () => {
    const communeRows = geo.successions.filter((s) => s.successor.code !== THAI_NGUYEN_CODE);
    expect(countBy(communeRows, (s) => s.kind)).toEqual({ FULL: 277, PARTIAL: 6 });
    for (const s of communeRows.filter((r) => r.kind === "PARTIAL")) {
      const siblings = communeRows.filter((r) => r.predecessor.code === s.predecessor.code);
      expect(siblings.length).toBeGreaterThan(1);
    }
  });

  it("leave no old commune without a successor and no new commune without a predecessor", () => {
    const withSuccessor = new Set(geo.successions.map((s) => s.predecessor.code));
    const withPredecessor = new Set(geo.successions.map((s) => s.successor.code));
    for (const c of oldUnits.filter((u) => u.level === "COMMUNE")) expect(withSuccessor.has(c.code), c.code).toBe(true);
    for (const c of newUnits) expect(withPredecessor.has(c.code), c.code).toBe(true);
  });
});

describe("buildAdminUnitSeed rejects broken data", () => {
  const header = "code,name,type,level,parent_code\n";
  const oldOk = `${header}19,Tỉnh Thái Nguyên,Tỉnh,province,\n164,Thành phố Thái Nguyên,Thành phố,district,19\n05443,Phường Phan Đình Phùng,Phường,commune,164\n`;
  const newOk = `${header}19,Tỉnh Thái Nguyên,Tỉnh,province,\n05443,Phường Phan Đình Phùng,Phường,commune,19\n`;
  const sucOk = "level,old_code,new_code,kind\nprovince,19,19,full\ncommune,05443,05443,full\n";

  it("accepts a minimal consistent set, with a BOM and CRLF", () => {
    const seed = buildAdminUnitSeed({
      oldUnits: `\uFEFF${oldOk.replaceAll("\n", "\r\n")}`,
      newUnits: newOk,
      successions: sucOk,
    });
    expect(seed.units).toHaveLength(5);
    expect(seed.successions).toHaveLength(2);
  });

  it("rejects a commune whose parent is missing or of the wrong level", () => {
    expect(() => buildAdminUnitSeed({ oldUnits: oldOk.replace("commune,164", "commune,999"), newUnits: newOk, successions: sucOk })).toThrow(/unknown parent/);
    expect(() => buildAdminUnitSeed({ oldUnits: oldOk.replace("commune,164", "commune,19"), newUnits: newOk, successions: sucOk })).toThrow(/level/);
  });

  it("rejects a district in the two-tier snapshot", () => {
    const withDistrict = `${newOk}164,Thành phố Thái Nguyên,Thành phố,district,19\n`;
    expect(() => buildAdminUnitSeed({ oldUnits: oldOk, newUnits: withDistrict, successions: sucOk })).toThrow(/district/);
  });

  it("rejects a succession to an unknown unit, an unknown kind, and a 'full' unit with two successors", () => {
    expect(() => buildAdminUnitSeed({ oldUnits: oldOk, newUnits: newOk, successions: `${sucOk}commune,09999,05443,full\n` })).toThrow(/09999/);
    expect(() => buildAdminUnitSeed({ oldUnits: oldOk, newUnits: newOk, successions: sucOk.replace("05443,full", "05443,half") })).toThrow(/kind/);
    const twoNew = `${newOk}05444,Phường X,Phường,commune,19\n`;
    expect(() =>
      buildAdminUnitSeed({ oldUnits: oldOk, newUnits: twoNew, successions: `${sucOk}commune,05443,05444,partial\n` }),
    ).toThrow(/full predecessor/);
  });
});
