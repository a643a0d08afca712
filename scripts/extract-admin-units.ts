/**
 * Extracts the administrative units the product needs from the shared GSO
 * catalogue into prisma/seed-data/admin-units/ (committed; the product never
 * reads the shared folder at run time).
 *
 *   npx tsx scripts/extract-admin-units.ts [shared-dir] [--check]
 *
 * shared-dir defaults to ../shared/data/admin-units relative to the repository
 * root. With --check nothing is written: the script exits 1 when the committed
 * files differ from what it would write.
 *
 * What is extracted:
 * - the 1 March 2025 three-tier catalogue of Thái Nguyên (19) and Bắc Kạn (06),
 *   which merged into the new Thái Nguyên on 1 July 2025;
 * - the 1 July 2025 two-tier catalogue of the new Thái Nguyên (19);
 * - the succession rows whose successor is a new Thái Nguyên unit.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseCsvRecords, stringifyCsv } from "../lib/seed/csv";
import { SUCCESSION_COLUMNS, UNIT_COLUMNS } from "../lib/geography/unit-csv";

type UnitRow = Record<(typeof UNIT_COLUMNS)[number], string>;
type SuccessionRow = Record<(typeof SUCCESSION_COLUMNS)[number], string>;

const THAI_NGUYEN = "19";
const BAC_KAN = "06";

// What the GSO catalogue and resolution 1683/NQ-UBTVQH15 say; a mismatch is reported, never patched.
const EXPECTED = {
  oldThaiNguyenDistricts: 9,
  oldThaiNguyenCommunes: 172,
  newThaiNguyenCommunes: 92,
};

const OUTPUT_FILES = {
  oldUnits: "units-thai-nguyen-bac-kan-2025-03-01.csv",
  newUnits: "units-thai-nguyen-2025-07-01.csv",
  successions: "succession-thai-nguyen-2025-07-01.csv",
} as const;

interface Extract {
  oldUnits: UnitRow[];
  newUnits: UnitRow[];
  successions: SuccessionRow[];
  /** Facts worth a human's attention; printed, never fatal. */
  notes: string[];
  /** Broken references; fatal. */
  errors: string[];
}

function readUnits(file: string): UnitRow[] {
  return parseCsvRecords(readFileSync(file, "utf8"), UNIT_COLUMNS, path.basename(file));
}

function byCode(rows: UnitRow[], label: string, errors: string[]): Map<string, UnitRow> {
  const map = new Map<string, UnitRow>();
  for (const r of rows) {
    if (map.has(r.code)) errors.push(`${label}: duplicate code ${r.code}`);
    map.set(r.code, r);
  }
  return map;
}

function provinceOf(code: string, units: Map<string, UnitRow>): string | undefined {
  let row = units.get(code);
  const seen = new Set<string>();
  while (row && row.parent_code !== "" && !seen.has(row.code)) {
    seen.add(row.code);
    row = units.get(row.parent_code);
  }
  return row?.level === "province" ? row.code : undefined;
}

function extract(oldAll: UnitRow[], newAll: UnitRow[], successionAll: SuccessionRow[]): Extract {
  const notes: string[] = [];
  const errors: string[] = [];
  const oldByCode = byCode(oldAll, "units-2025-03-01", errors);
  const newByCode = byCode(newAll, "units-2025-07-01", errors);

  // Old catalogue: both provinces, their districts, their communes — catalogue order kept.
  const oldProvinces = new Set([THAI_NGUYEN, BAC_KAN]);
  const oldDistricts = new Set(
    oldAll.filter((r) => r.level === "district" && oldProvinces.has(r.parent_code)).map((r) => r.code),
  );
  const oldKeep = new Set<string>([...oldProvinces, ...oldDistricts]);
  for (const r of oldAll) if (r.level === "commune" && oldDistricts.has(r.parent_code)) oldKeep.add(r.code);

  // New catalogue: the new province and its communes.
  const newKeep = new Set<string>([THAI_NGUYEN]);
  for (const r of newAll) if (r.level === "commune" && r.parent_code === THAI_NGUYEN) newKeep.add(r.code);

  // Successions into a new Thái Nguyên unit (the level must match: codes of different levels can collide).
  const successions: SuccessionRow[] = [];
  let droppedMissing = 0;
  let foreign = 0;
  for (const s of successionAll) {
    const successor = newByCode.get(s.new_code);
    if (!newKeep.has(s.new_code) || successor?.level !== s.level) continue;
    if (s.kind !== "full" && s.kind !== "partial") {
      errors.push(`succession ${s.old_code}→${s.new_code}: unknown kind "${s.kind}"`);
      continue;
    }
    const predecessor = oldByCode.get(s.old_code);
    if (!predecessor || predecessor.level !== s.level) {
      droppedMissing += 1;
      notes.push(`DROPPED succession ${s.level} ${s.old_code}→${s.new_code}: old code not in the 2025-03-01 catalogue at level ${s.level}`);
      continue;
    }
    if (!oldKeep.has(s.old_code)) {
      // An old unit of another province that went (partly) into new Thái Nguyên: keep it and
      // its ancestors so the seed can resolve the row; its siblings are not needed.
      foreign += 1;
      notes.push(`FOREIGN predecessor ${s.old_code} ${predecessor.name} (province ${provinceOf(s.old_code, oldByCode)}) → ${s.new_code}: unit and ancestors added`);
      for (let r: UnitRow | undefined = predecessor; r; r = r.parent_code ? oldByCode.get(r.parent_code) : undefined) {
        oldKeep.add(r.code);
      }
    }
    successions.push(s);
  }
  notes.push(`successions kept: ${successions.length}; dropped (old code unknown): ${droppedMissing}; predecessors from other provinces: ${foreign}`);

  const oldUnits = oldAll.filter((r) => oldKeep.has(r.code));
  const newUnits = newAll.filter((r) => newKeep.has(r.code));

  // Parents must resolve inside each extract.
  for (const [label, rows] of [["old", oldUnits], ["new", newUnits]] as const) {
    const codes = new Set(rows.map((r) => r.code));
    for (const r of rows) {
      if (r.parent_code !== "" && !codes.has(r.parent_code)) errors.push(`${label} ${r.code}: parent ${r.parent_code} not extracted`);
    }
  }

  // Counts against what the law says.
  const tnDistricts = oldUnits.filter((r) => r.level === "district" && r.parent_code === THAI_NGUYEN);
  const tnDistrictCodes = new Set(tnDistricts.map((r) => r.code));
  const tnCommunes = oldUnits.filter((r) => r.level === "commune" && tnDistrictCodes.has(r.parent_code));
  const newCommunes = newUnits.filter((r) => r.level === "commune");
  const check = (what: string, actual: number, expected: number) =>
    notes.push(`${actual === expected ? "OK  " : "DIFF"} ${what}: ${actual} (expected ${expected})`);
  check("old Thái Nguyên districts", tnDistricts.length, EXPECTED.oldThaiNguyenDistricts);
  check("old Thái Nguyên communes", tnCommunes.length, EXPECTED.oldThaiNguyenCommunes);
  check("new Thái Nguyên communes", newCommunes.length, EXPECTED.newThaiNguyenCommunes);

  // Every old commune of the two provinces should land somewhere in the new province.
  const withSuccessor = new Set(successions.map((s) => s.old_code));
  for (const r of oldUnits) {
    if (r.level !== "district" && oldProvinces.has(provinceOf(r.code, oldByCode) ?? "") && !withSuccessor.has(r.code)) {
      notes.push(`NO SUCCESSOR in new Thái Nguyên: ${r.level} ${r.code} ${r.name}`);
    }
  }
  const withPredecessor = new Set(successions.map((s) => s.new_code));
  for (const r of newUnits) if (!withPredecessor.has(r.code)) notes.push(`NO PREDECESSOR: ${r.code} ${r.name}`);

  // Oddities of the source text, reported and kept verbatim.
  for (const r of [...oldUnits, ...newUnits]) {
    if (r.name !== r.name.trim()) notes.push(`NAME WHITESPACE: ${r.code} "${r.name}"`);
    if (!r.name.startsWith(r.type)) notes.push(`NAME/TYPE: ${r.code} "${r.name}" has type "${r.type}"`);
  }
  const reused = newUnits.filter((r) => r.level === "commune" && oldByCode.get(r.code)?.name !== undefined && oldByCode.get(r.code)!.name !== r.name);
  notes.push(`new communes reusing an old code under another name: ${reused.length} (code alone is not an identity)`);

  return { oldUnits, newUnits, successions, notes, errors };
}

function main(): void {
  const args = process.argv.slice(2);
  const checkOnly = args.includes("--check");
  const positional = args.filter((a) => !a.startsWith("--"));
  const repoRoot = fileURLToPath(new URL("..", import.meta.url));
  const sharedDir = positional[0] ? path.resolve(positional[0]) : path.resolve(repoRoot, "../shared/data/admin-units");
  const outDir = path.join(repoRoot, "prisma/seed-data/admin-units");

  const oldAll = readUnits(path.join(sharedDir, "units-2025-03-01.csv"));
  const newAll = readUnits(path.join(sharedDir, "units-2025-07-01.csv"));
  const successionAll = parseCsvRecords(
    readFileSync(path.join(sharedDir, "succession-2025-07-01.csv"), "utf8"),
    SUCCESSION_COLUMNS,
    "succession-2025-07-01.csv",
  );

  const result = extract(oldAll, newAll, successionAll);
  for (const n of result.notes) console.log(n);
  if (result.errors.length > 0) {
    for (const e of result.errors) console.error(`ERROR ${e}`);
    process.exit(1);
  }

  const outputs: [string, string][] = [
    [OUTPUT_FILES.oldUnits, stringifyCsv(UNIT_COLUMNS, result.oldUnits.map((r) => UNIT_COLUMNS.map((c) => r[c])))],
    [OUTPUT_FILES.newUnits, stringifyCsv(UNIT_COLUMNS, result.newUnits.map((r) => UNIT_COLUMNS.map((c) => r[c])))],
    [
      OUTPUT_FILES.successions,
      stringifyCsv(SUCCESSION_COLUMNS, result.successions.map((r) => SUCCESSION_COLUMNS.map((c) => r[c]))),
    ],
  ];

  let stale = 0;
  if (!checkOnly) mkdirSync(outDir, { recursive: true });
  for (const [name, text] of outputs) {
    const file = path.join(outDir, name);
    if (checkOnly) {
      const same = existsSync(file) && readFileSync(file, "utf8") === text;
      if (!same) stale += 1;
      console.log(`${same ? "up to date" : "STALE"}  ${path.relative(repoRoot, file)}`);
    } else {
      writeFileSync(file, text, "utf8");
      console.log(`wrote ${path.relative(repoRoot, file)} (${text.split("\n").length - 2} rows)`);
    }
  }
  if (stale > 0) process.exit(1);
}

main();
