/**
 * The administrative geography the seed loads for the province it serves
 * (DX_PROVINCE_CODE, ADR 034): the old provinces that went into it, with their
 * districts and communes, before the 1 July 2025 reform (province → district →
 * commune); the new two-tier province after it (province → commune); and which
 * old unit went into which new one.
 *
 * Reads only the committed national lists in prisma/seed-data/admin-units/ (see
 * the README there) and takes the rows of the selected province. Pure apart from
 * loadAdminUnitSeed's file reads, so the records can be checked without a database.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SuccessionKind, UnitLevel } from "@/lib/generated/prisma/enums";
import { HOME_PROVINCE_CODE, REFORM_DATE } from "@/lib/geography";
import { LEVEL_LABELS, SUCCESSION_COLUMNS, UNIT_COLUMNS } from "@/lib/geography/unit-csv";
import { parseCsvRecords } from "./csv";

/** A calendar day, "YYYY-MM-DD". */
export type IsoDate = string;

// Validity of the units. The old catalogue is the GSO snapshot of 1 March 2025;
// we let its units stand for the whole programme before the reform (from 2019,
// before the 2021–2025 programme starts) and end them the day before the
// two-tier structure takes effect. Earlier boundary changes — e.g. the commune
// mergers that took effect on 1 December 2024 — are out of scope of the seed:
// figures from before them are reported on the units of the March 2025 catalogue.
export const OLD_UNITS_VALID_FROM: IsoDate = "2019-01-01";
export const OLD_UNITS_VALID_TO: IsoDate = "2025-06-30";
export const NEW_UNITS_VALID_FROM: IsoDate = REFORM_DATE;
export const SUCCESSION_EFFECTIVE_DATE: IsoDate = REFORM_DATE;

// The default province's real data, for the tests and fixtures that describe it:
// Thái Nguyên (19), into which Bắc Kạn (06) merged. The seed itself takes any province.
export const THAI_NGUYEN_CODE = "19";
export const BAC_KAN_CODE = "06";

/** The national lists, all provinces (prisma/seed-data/admin-units/README.md). */
export const ADMIN_UNIT_FILES = {
  oldUnits: "units-2025-03-01.csv",
  newUnits: "units-2025-07-01.csv",
  successions: "succession-2025-07-01.csv",
} as const;

/** A unit is identified by its code and the day it became valid: the reform reuses codes. */
export interface UnitKey {
  code: string;
  validFrom: IsoDate;
}

export interface UnitSeed extends UnitKey {
  name: string;
  /** GSO type as written in the catalogue: "Xã", "Phường", "Thị trấn", "Huyện", … */
  type: string;
  level: UnitLevel;
  /** Parent code within the same snapshot; null for a province. */
  parentCode: string | null;
  validTo: IsoDate | null;
}

export interface SuccessionSeed {
  predecessor: UnitKey;
  successor: UnitKey;
  kind: SuccessionKind;
  effectiveDate: IsoDate;
}

export interface AdminUnitSeed {
  /** The province the records are of (its code is the same before and after the reform). */
  provinceCode: string;
  /** Old units first, then new ones; within each, provinces before districts before communes. */
  units: UnitSeed[];
  successions: SuccessionSeed[];
  /**
   * Succession rows of the national list left out, one line each, for the seed's log: a
   * predecessor of another level (an island district that became one commune) or of another
   * province (the README: oddities of the source are reported, not silently fixed).
   */
  notes: string[];
}

export function unitKeyString(k: UnitKey): string {
  return `${k.code}@${k.validFrom}`;
}

const LEVELS: Record<string, UnitLevel> = {
  province: UnitLevel.PROVINCE,
  district: UnitLevel.DISTRICT,
  commune: UnitLevel.COMMUNE,
};
const LEVEL_ORDER: Record<UnitLevel, number> = { PROVINCE: 0, DISTRICT: 1, COMMUNE: 2 };

const KINDS: Record<string, SuccessionKind> = {
  full: SuccessionKind.FULL,
  partial: SuccessionKind.PARTIAL,
};


/** The parent level each level must have in each snapshot. */
const OLD_PARENT_LEVEL: Record<UnitLevel, UnitLevel | null> = {
  PROVINCE: null,
  DISTRICT: UnitLevel.PROVINCE,
  COMMUNE: UnitLevel.DISTRICT,
};
const NEW_PARENT_LEVEL: Record<UnitLevel, UnitLevel | null> = {
  PROVINCE: null,
  DISTRICT: null, // no district level after the reform; a district row is an error
  COMMUNE: UnitLevel.PROVINCE,
};

function parseUnits(
  text: string,
  label: string,
  validFrom: IsoDate,
  validTo: IsoDate | null,
  parentLevel: Record<UnitLevel, UnitLevel | null>,
): UnitSeed[] {
  const rows = parseCsvRecords(text, UNIT_COLUMNS, label);
  const units: UnitSeed[] = rows.map((r, i) => {
    const level = LEVELS[r.level];
    if (!level) throw new Error(`${label}, row ${i + 2}: unknown level "${r.level}"`);
    if (!/^\d{2,5}$/.test(r.code)) throw new Error(`${label}, row ${i + 2}: malformed code "${r.code}"`);
    return {
      code: r.code,
      name: r.name,
      type: r.type,
      level,
      parentCode: r.parent_code === "" ? null : r.parent_code,
      validFrom,
      validTo,
    };
  });

  const byCode = new Map<string, UnitSeed>();
  for (const u of units) {
    if (byCode.has(u.code)) throw new Error(`${label}: duplicate code ${u.code}`);
    byCode.set(u.code, u);
  }
  for (const u of units) {
    const expected = parentLevel[u.level];
    if (u.level === UnitLevel.DISTRICT && expected === null) {
      throw new Error(`${label}: district ${u.code} in a snapshot without districts`);
    }
    if (expected === null) {
      if (u.parentCode !== null) throw new Error(`${label}: province ${u.code} has a parent`);
      continue;
    }
    const parent = u.parentCode === null ? undefined : byCode.get(u.parentCode);
    if (!parent) throw new Error(`${label}: ${u.code} has unknown parent "${u.parentCode ?? ""}"`);
    if (parent.level !== expected) {
      throw new Error(`${label}: ${u.code} (${u.level}) has parent ${parent.code} of level ${parent.level}`);
    }
  }
  // Parents before children, so a loader can insert level by level; catalogue order otherwise.
  return units
    .map((u, i) => ({ u, i }))
    .sort((a, b) => LEVEL_ORDER[a.u.level] - LEVEL_ORDER[b.u.level] || a.i - b.i)
    .map(({ u }) => u);
}

/**
 * Builds the records of one province from the three national CSV texts: its old provinces
 * (the province-level succession rows into it) with their districts and communes, the new
 * province with its communes, and the succession rows into its units. Throws on any broken
 * reference in the files.
 */
export function buildAdminUnitSeed(
  texts: { oldUnits: string; newUnits: string; successions: string },
  provinceCode: string = HOME_PROVINCE_CODE,
): AdminUnitSeed {
  const allOld = parseUnits(texts.oldUnits, ADMIN_UNIT_FILES.oldUnits, OLD_UNITS_VALID_FROM, OLD_UNITS_VALID_TO, OLD_PARENT_LEVEL);
  const allNew = parseUnits(texts.newUnits, ADMIN_UNIT_FILES.newUnits, NEW_UNITS_VALID_FROM, null, NEW_PARENT_LEVEL);
  const allOldByCode = new Map(allOld.map((u) => [u.code, u]));
  const allNewByCode = new Map(allNew.map((u) => [u.code, u]));

  const label = ADMIN_UNIT_FILES.successions;
  const rows = parseCsvRecords(texts.successions, SUCCESSION_COLUMNS, label).map((r, i) => {
    const where = `${label}, row ${i + 2} (${r.old_code}→${r.new_code})`;
    const level = LEVELS[r.level];
    const kind = KINDS[r.kind];
    if (!level) throw new Error(`${where}: unknown level "${r.level}"`);
    if (!kind) throw new Error(`${where}: unknown kind "${r.kind}"`);
    if (!allOldByCode.has(r.old_code)) throw new Error(`${where}: no old unit with code ${r.old_code}`);
    const succ = allNewByCode.get(r.new_code);
    if (!succ || succ.level !== level) throw new Error(`${where}: no new ${r.level} with code ${r.new_code}`);
    return { where, level, kind, oldCode: r.old_code, newCode: r.new_code };
  });

  const province = allNewByCode.get(provinceCode);
  if (!province || province.level !== UnitLevel.PROVINCE) {
    throw new Error(`${ADMIN_UNIT_FILES.newUnits}: no province with code "${provinceCode}"`);
  }
  const oldProvinces = new Set<string>();
  for (const r of rows) {
    if (r.level !== UnitLevel.PROVINCE || r.newCode !== provinceCode) continue;
    if (allOldByCode.get(r.oldCode)!.level !== UnitLevel.PROVINCE) throw new Error(`${r.where}: no old province with code ${r.oldCode}`);
    oldProvinces.add(r.oldCode);
  }
  if (oldProvinces.size === 0) throw new Error(`${label}: no old province went into ${provinceCode}`);

  // Catalogue order is kept (parents before children): a filter of the national lists.
  const oldDistricts = new Set(allOld.filter((u) => u.level === UnitLevel.DISTRICT && oldProvinces.has(u.parentCode!)).map((u) => u.code));
  const oldUnits = allOld.filter(
    (u) =>
      oldProvinces.has(u.code) ||
      oldDistricts.has(u.code) ||
      (u.level === UnitLevel.COMMUNE && oldDistricts.has(u.parentCode!)),
  );
  const newUnits = allNew.filter((u) => u.code === provinceCode || (u.level === UnitLevel.COMMUNE && u.parentCode === provinceCode));
  const oldByCode = new Map(oldUnits.map((u) => [u.code, u]));
  const newCodes = new Set(newUnits.map((u) => u.code));

  const notes: string[] = [];
  const pairs = new Set<string>();
  const successions: SuccessionSeed[] = [];
  for (const r of rows) {
    if (!newCodes.has(r.newCode)) continue;
    const pred = oldByCode.get(r.oldCode);
    if (!pred || pred.level !== r.level) {
      const other = allOldByCode.get(r.oldCode)!;
      notes.push(
        `${r.where}: bỏ qua — đơn vị cũ ${other.code} (${other.name}, cấp ${LEVEL_LABELS[other.level]}) không phải một ${LEVEL_LABELS[r.level]} của các tỉnh cũ đã nhập vào mã ${provinceCode}.`,
      );
      continue;
    }
    const pair = `${r.oldCode}>${r.newCode}`;
    if (pairs.has(pair)) throw new Error(`${r.where}: duplicate row`);
    pairs.add(pair);
    successions.push({
      predecessor: { code: pred.code, validFrom: pred.validFrom },
      successor: { code: r.newCode, validFrom: NEW_UNITS_VALID_FROM },
      kind: r.kind,
      effectiveDate: SUCCESSION_EFFECTIVE_DATE,
    });
  }

  // `full` means the whole old unit went into one new unit: it cannot have a second successor.
  const successorsOf = new Map<string, SuccessionSeed[]>();
  for (const s of successions) {
    const list = successorsOf.get(s.predecessor.code) ?? [];
    list.push(s);
    successorsOf.set(s.predecessor.code, list);
  }
  for (const [code, list] of successorsOf) {
    if (list.length > 1 && list.some((s) => s.kind === SuccessionKind.FULL)) {
      throw new Error(`${label}: ${code} is a full predecessor but has ${list.length} successors`);
    }
  }

  return { provinceCode, units: [...oldUnits, ...newUnits], successions, notes };
}

/** The committed seed data, resolved from this file so the seed works from any working directory. */
export const ADMIN_UNIT_SEED_DIR = fileURLToPath(new URL("../../prisma/seed-data/admin-units/", import.meta.url));

/** The records of `provinceCode` (default: the province served) from the lists in `dir`. */
export function loadAdminUnitSeed(dir: string = ADMIN_UNIT_SEED_DIR, provinceCode: string = HOME_PROVINCE_CODE): AdminUnitSeed {
  const read = (name: string) => readFileSync(path.join(dir, name), "utf8");
  return buildAdminUnitSeed(
    {
      oldUnits: read(ADMIN_UNIT_FILES.oldUnits),
      newUnits: read(ADMIN_UNIT_FILES.newUnits),
      successions: read(ADMIN_UNIT_FILES.successions),
    },
    provinceCode,
  );
}

/** The province a unit belongs to, following parent codes within the unit's own snapshot. */
export function provinceCodeOf(unit: UnitSeed, units: readonly UnitSeed[]): string {
  let current: UnitSeed | undefined = unit;
  while (current && current.parentCode !== null) {
    const parentCode: string = current.parentCode;
    current = units.find((u) => u.code === parentCode && u.validFrom === unit.validFrom);
  }
  if (!current) throw new Error(`unit ${unitKeyString(unit)} has no province`);
  return current.code;
}
