/**
 * The seed's geography for a province other than the default, read from the national
 * lists (ADR 034): Hà Nội (01), which no other province went into, and Hồ Chí Minh City (79),
 * into which two did and whose list has a row the seed must leave out.
 */
import { describe, expect, it } from "vitest";
import { NEW_UNITS_VALID_FROM, OLD_UNITS_VALID_FROM, OLD_UNITS_VALID_TO, loadAdminUnitSeed, unitKeyString } from "./admin-units";

describe("the seed geography of Hà Nội (01)", () => {
  const geo = loadAdminUnitSeed(undefined, "01");
  const old = geo.units.filter((u) => u.validFrom === OLD_UNITS_VALID_FROM);
  const now = geo.units.filter((u) => u.validFrom === NEW_UNITS_VALID_FROM);

  it("has the old city with its 30 districts and 526 communes, and the new one with 126 communes", () => {
    expect(geo.provinceCode).toBe("01");
    expect(old.filter((u) => u.level === "PROVINCE").map((u) => u.name)).toEqual(["Thành phố Hà Nội"]);
    expect(old.filter((u) => u.level === "DISTRICT")).toHaveLength(30);
    expect(old.filter((u) => u.level === "COMMUNE")).toHaveLength(526);
    expect(now.filter((u) => u.level === "PROVINCE").map((u) => [u.code, u.name, u.type])).toEqual([["01", "Thành phố Hà Nội", "Thành phố"]]);
    expect(now.filter((u) => u.level === "COMMUNE")).toHaveLength(126);
    expect(now.every((u) => u.level === "PROVINCE" || u.parentCode === "01")).toBe(true);
  });

  it("ends every district on 2025-06-30 and has none after", () => {
    const districts = geo.units.filter((u) => u.level === "DISTRICT");
    expect(districts.length).toBeGreaterThan(0);
    expect(districts.every((d) => d.validFrom === OLD_UNITS_VALID_FROM && d.validTo === OLD_UNITS_VALID_TO)).toBe(true);
  });

  it("has the successions: the city into itself, every old commune into a new one, no unit of another province", () => {
    expect(geo.successions).toHaveLength(797);
    expect(geo.notes).toEqual([]);
    const keys = new Set(geo.units.map(unitKeyString));
    for (const s of geo.successions) {
      expect(keys.has(unitKeyString(s.predecessor))).toBe(true);
      expect(keys.has(unitKeyString(s.successor))).toBe(true);
    }
    expect(geo.successions.filter((s) => s.successor.code === "01").map((s) => s.predecessor.code)).toEqual(["01"]);
    const withSuccessor = new Set(geo.successions.map((s) => s.predecessor.code));
    expect(old.filter((u) => u.level === "COMMUNE" && !withSuccessor.has(u.code))).toEqual([]);
  });
});

describe("the seed geography of Hồ Chí Minh City (79)", () => {
  const geo = loadAdminUnitSeed(undefined, "79");

  it("takes the three old provinces that went into it", () => {
    const oldProvinces = geo.units.filter((u) => u.level === "PROVINCE" && u.validFrom === OLD_UNITS_VALID_FROM).map((u) => u.code);
    expect(oldProvinces.sort()).toEqual(["74", "77", "79"]);
  });

  it("leaves out, and reports, the row whose predecessor is a district (Côn Đảo became one special zone)", () => {
    expect(geo.notes).toHaveLength(1);
    expect(geo.notes[0]).toMatch(/755→26732.*Huyện Côn Đảo/);
    expect(geo.successions.some((s) => s.predecessor.code === "755")).toBe(false);
  });
});

describe("loadAdminUnitSeed refuses a code that is not a province of the 1 July 2025 list", () => {
  it("names the code", () => {
    expect(() => loadAdminUnitSeed(undefined, "06")).toThrow(/no province with code "06"/);
  });
});
