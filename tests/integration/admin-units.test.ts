/**
 * Importing GSO unit lists and succession lists, and closing one unit, on
 * scratch databases: the province's rows of the national catalogue files the seed
 * reads, written as an administrator would upload them, import to the same geography
 * the seed builds; a file with any error is refused whole, with
 * Vietnamese messages naming the line, and nothing is written.
 */
import { homeProvince } from "@/lib/geography";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { seedDatabase } from "@/lib/seed/seed";
import { NEW_UNITS_VALID_FROM, OLD_UNITS_VALID_FROM, loadAdminUnitSeed, unitKeyString } from "@/lib/seed/admin-units";
import { stringifyCsv } from "@/lib/seed/csv";
import { SUCCESSION_COLUMNS, UNIT_COLUMNS } from "@/lib/geography/unit-csv";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/actions/result";
import { closeUnit, importAdminUnits } from "@/lib/services/admin-units";
import { loadCompleteness } from "@/lib/data/dashboard-completeness";
import { makeQuarter } from "@/lib/period/quarter";
import { createScratchDatabase, type ScratchDatabase } from "./helpers/database";

// The province's lists as files: the old units, the new ones, the successions into the new ones.
const geo = loadAdminUnitSeed();
const levelOf = new Map(geo.units.map((u) => [unitKeyString(u), u.level.toLowerCase()]));
const unitsCsv = (validFrom: string) =>
  stringifyCsv(
    UNIT_COLUMNS,
    geo.units.filter((u) => u.validFrom === validFrom).map((u) => [u.code, u.name, u.type, u.level.toLowerCase(), u.parentCode ?? ""]),
  );
const FILES = {
  oldUnits: unitsCsv(OLD_UNITS_VALID_FROM),
  newUnits: unitsCsv(NEW_UNITS_VALID_FROM),
  successions: stringifyCsv(
    SUCCESSION_COLUMNS,
    geo.successions.map((s) => [levelOf.get(unitKeyString(s.predecessor))!, s.predecessor.code, s.successor.code, s.kind.toLowerCase()]),
  ),
};

let seeded: ScratchDatabase;
let empty: ScratchDatabase;
let db: PrismaClient;
let fresh: PrismaClient;
let admin: Actor;
let freshAdmin: Actor;

async function adminOf(client: PrismaClient): Promise<Actor> {
  const u = await client.user.create({ data: { email: "admin@units.test", name: "Quản trị đơn vị", role: "ADMIN", passwordHash: "x" } });
  return (await loadActor(client, u.id))!;
}

beforeAll(async () => {
  [seeded, empty] = await Promise.all([createScratchDatabase("adminunits"), createScratchDatabase("adminunits0")]);
  await Promise.all([migrate(seeded.url), migrate(empty.url)]);
  db = createPrismaClient(seeded.url, { maxConnections: 4 });
  fresh = createPrismaClient(empty.url, { maxConnections: 4 });
  await seedDatabase(db, { demo: false, now: new Date("2026-11-28T08:00:00Z") });
  admin = await adminOf(db);
  freshAdmin = await adminOf(fresh);
});

afterAll(async () => {
  await db?.$disconnect();
  await fresh?.$disconnect();
  await seeded?.drop();
  await empty?.drop();
});

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const errorsOf = (e: DomainError) => (e.details as { errors: string[] }).errors;

async function state(client: PrismaClient) {
  const [units, successions, open, audits] = await Promise.all([
    client.adminUnit.count(),
    client.succession.count(),
    client.adminUnit.count({ where: { validTo: null } }),
    client.auditLog.count({ where: { action: "UNITS_IMPORTED" } }),
  ]);
  return { units, successions, open, audits };
}

describe("importing the real catalogue files", () => {
  it("the March 2025 list, then the July 2025 list with its successions, build the seed's geography", async () => {
    const first = await importAdminUnits(fresh, freshAdmin, { effectiveDate: "2019-01-01", unitsCsv: FILES.oldUnits });
    expect(first.created).toEqual({ PROVINCE: 2, DISTRICT: 17, COMMUNE: 280 });

    const second = await importAdminUnits(fresh, freshAdmin, {
      effectiveDate: "2025-07-01",
      unitsCsv: FILES.newUnits,
      successionsCsv: FILES.successions,
      reason: "Nghị quyết 1683/NQ-UBTVQH15",
    });
    expect(second).toMatchObject({ effectiveDate: "2025-07-01", created: { PROVINCE: 1, DISTRICT: 0, COMMUNE: 92 }, successions: 285 });
    // Every old unit ended on 30 June 2025, districts (which have no successor) with their province.
    expect(second.closed).toBe(299);

    const [seedUnits, seedSuccessions] = await Promise.all([db.adminUnit.count(), db.succession.count()]);
    expect(await fresh.adminUnit.count()).toBe(seedUnits);
    expect(await fresh.succession.count()).toBe(seedSuccessions);
    const oldOpen = await fresh.adminUnit.count({ where: { validFrom: new Date("2019-01-01"), NOT: { validTo: new Date("2025-06-30") } } });
    expect(oldOpen).toBe(0);
    const audit = await fresh.auditLog.findFirstOrThrow({ where: { action: "UNITS_IMPORTED" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorId: freshAdmin.id, reason: "Nghị quyết 1683/NQ-UBTVQH15", entityId: "nhap-2025-07-01" });
    expect(audit.after).toMatchObject({ successions: 285, closed: 299 });
  });

  it("importing the same list again on the same date is refused line by line: codes already valid that day", async () => {
    const before = await state(fresh);
    const error = await refusal(importAdminUnits(fresh, freshAdmin, { effectiveDate: "2025-07-01", unitsCsv: FILES.newUnits }));
    expect(error.code).toBe("IMPORT_INVALID");
    expect(error.message).toMatch(/^Không nhập được: 93 lỗi \(và 43 lỗi khác\)\. Không có đơn vị nào được ghi/);
    expect(errorsOf(error)[0]).toBe(`Danh sách đơn vị, dòng 2: mã ${homeProvince().code} đã có đơn vị hiệu lực từ ngày 01/07/2025 (${homeProvince().name}); trùng mã trong cùng ngày.`);
    expect(await state(fresh)).toEqual(before);
  });
});

describe("a file with errors is refused whole", () => {
  const UNITS = [
    "code,name,type,level,parent_code",
    "99001,Xã Hợp Nhất,Xã,commune,19", // fine
    "99002,Xã Mồ Côi,Xã,commune,999", // unknown parent
    "99001,Xã Trùng,Xã,commune,19", // duplicate of line 2
    "99003,Xã Sai Cấp,Xã,hamlet,19", // bad level
    "99004,Huyện Mới,Huyện,district,99001", // a district under a commune
    "01840,Phường Đức Xuân,Phường,commune,19", // already valid on the date, not ended
  ].join("\n");
  const SUCCESSIONS = [
    "level,old_code,new_code,kind",
    "commune,01843,99001,full", // fine (an existing commune of the new province)
    "commune,77777,99001,full", // old code that exists nowhere
    "commune,01864,88888,partial", // new code that exists nowhere
    "commune,01849,99001,sometimes", // bad kind
  ].join("\r\n");

  it("lists every problem with its file and line, in Vietnamese, and writes nothing", async () => {
    const before = await state(db);
    const error = await refusal(importAdminUnits(db, admin, { effectiveDate: "2027-01-01", unitsCsv: UNITS, successionsCsv: SUCCESSIONS }));
    const errors = errorsOf(error);
    // The pure checks first (levels, duplicates, kinds), then those against the database.
    expect(errors).toEqual([
      "Danh sách đơn vị, dòng 4: mã 99001 trùng với dòng 2 (cùng ngày hiệu lực).",
      'Danh sách đơn vị, dòng 5: cấp "hamlet" không hợp lệ (chỉ nhận province, district hoặc commune).',
      'Danh sách kế thừa, dòng 5: kiểu kế thừa "sometimes" không hợp lệ (chỉ nhận full hoặc partial).',
    ]);
    expect(await state(db)).toEqual(before);
  });

  it("with the row-level mistakes fixed, the database checks name each remaining line", async () => {
    const before = await state(db);
    const units = UNITS.split("\n").filter((_, i) => i !== 3 && i !== 4).join("\n");
    const successions = SUCCESSIONS.split("\r\n").filter((_, i) => i !== 4).join("\n");
    const error = await refusal(importAdminUnits(db, admin, { effectiveDate: "2027-01-01", unitsCsv: units, successionsCsv: successions }));
    expect(errorsOf(error)).toEqual([
      "Danh sách đơn vị, dòng 3: mã đơn vị cha 999 không có trong tệp và không có đơn vị nào mang mã này hiệu lực ngày 01/01/2027.",
      "Danh sách đơn vị, dòng 4: đơn vị cấp huyện không thể trực thuộc đơn vị cha 99001 (cấp xã).",
      "Danh sách đơn vị, dòng 5: mã 01840 trùng với Phường Đức Xuân, đang hiệu lực ngày 01/01/2027. Nếu đơn vị cũ chấm dứt, hãy ghi nó trong danh sách kế thừa.",
      "Danh sách kế thừa, dòng 3: mã cũ 77777: không có đơn vị cấp xã nào mang mã này hiệu lực ngày 31/12/2026.",
      "Danh sách kế thừa, dòng 4: mã mới 88888: không có trong danh sách đơn vị và không có đơn vị cấp xã nào mang mã này hiệu lực ngày 01/01/2027.",
    ]);
    expect(await state(db)).toEqual(before);
  });

  it("refuses a missing column and a broken CSV with the line", async () => {
    const missing = await refusal(importAdminUnits(db, admin, { effectiveDate: "2027-01-01", unitsCsv: "code,name,level\n99001,X,commune\n" }));
    expect(errorsOf(missing)).toEqual(['Danh sách đơn vị, dòng 1: thiếu cột "type", "parent_code" (dòng tiêu đề cần: code,name,type,level,parent_code).']);
    const broken = await refusal(importAdminUnits(db, admin, { effectiveDate: "2027-01-01", unitsCsv: 'code,name,type,level,parent_code\n99001,"Xã A"b,Xã,commune,19\n' }));
    expect(errorsOf(broken)).toEqual(["Danh sách đơn vị, dòng 2: có ký tự ngay sau dấu ngoặc kép đóng."]);
    const full = await refusal(
      importAdminUnits(db, admin, {
        effectiveDate: "2027-01-01",
        unitsCsv: "code,name,type,level,parent_code\n99001,A,Xã,commune,19\n99002,B,Xã,commune,19\n",
        successionsCsv: "level,old_code,new_code,kind\ncommune,01843,99001,full\ncommune,01843,99002,partial\n",
      }),
    );
    expect(errorsOf(full)).toEqual(['Danh sách kế thừa, dòng 2: mã cũ 01843 kế thừa "full" (toàn bộ) nhưng có 2 đơn vị kế thừa (dòng 2, 3).']);
  });

  it("a valid merger of two communes: the old ones end the day before, the new one starts, successions recorded", async () => {
    // The dashboard caches each scope's geography (lib/data/dashboard-scope.ts): read it before, so the import must invalidate it.
    const listed = async () => (await loadCompleteness(db, { provinceCode: "19", boundary: "2027-01-01", quarter: makeQuarter(2026, 4) })).units.map((u) => u.code);
    const before = await listed();
    expect(before).toEqual(expect.arrayContaining(["01843", "01864"]));
    expect(before).not.toContain("99001");
    const ok = await importAdminUnits(db, admin, {
      effectiveDate: "2027-01-01",
      unitsCsv: "\uFEFFcode,name,type,level,parent_code\r\n99001,\"Xã Hợp Nhất, mới\",Xã,commune,19\r\n",
      successionsCsv: "level,old_code,new_code,kind\ncommune,01843,99001,full\ncommune,01864,99001,full\n",
    });
    expect(ok).toEqual({ effectiveDate: "2027-01-01", created: { PROVINCE: 0, DISTRICT: 0, COMMUNE: 1 }, successions: 2, closed: 2 });
    const merged = await db.adminUnit.findFirstOrThrow({ where: { code: "99001" }, include: { predecessors: { include: { predecessor: true } }, parent: true } });
    expect(merged).toMatchObject({ name: "Xã Hợp Nhất, mới", parent: { code: "19", validTo: null } });
    expect(merged.predecessors.map((p) => [p.predecessor.code, p.kind, p.predecessor.validTo?.toISOString().slice(0, 10)]).sort()).toEqual([
      ["01843", "FULL", "2026-12-31"],
      ["01864", "FULL", "2026-12-31"],
    ]);
    const after = await listed();
    expect(after).toContain("99001");
    expect(after).not.toContain("01843");
    expect(after).not.toContain("01864");
    expect(after.length).toBe(before.length - 1);
  });
});

describe("closing one unit", () => {
  it("ends a commune and names its successors (partial), audited", async () => {
    const unit = await db.adminUnit.findFirstOrThrow({ where: { code: "01849", validTo: null } });
    const a = await db.adminUnit.findFirstOrThrow({ where: { code: "99001" } });
    const b = await db.adminUnit.findFirstOrThrow({ where: { code: "01840", validTo: null } });
    const result = await closeUnit(db, admin, {
      unitId: unit.id,
      validTo: "2027-03-31",
      successors: [
        { unitId: a.id, kind: "PARTIAL" },
        { unitId: b.id, kind: "PARTIAL" },
      ],
      reason: "Điều chỉnh địa giới",
    });
    expect(result).toEqual({ unitId: unit.id, validTo: "2027-03-31", successors: 2 });
    const after = await db.adminUnit.findUniqueOrThrow({ where: { id: unit.id }, include: { successors: true } });
    expect(after.validTo?.toISOString().slice(0, 10)).toBe("2027-03-31");
    expect(after.successors.map((s) => [s.successorId, s.kind, s.effectiveDate.toISOString().slice(0, 10)]).sort()).toEqual(
      [
        [a.id, "PARTIAL", "2027-04-01"],
        [b.id, "PARTIAL", "2027-04-01"],
      ].sort(),
    );
    const row = await db.auditLog.findFirstOrThrow({ where: { action: "UNIT_CLOSED", entityId: String(unit.id) } });
    expect(row.after).toMatchObject({ validTo: "2027-03-31", successors: [{ code: "99001", kind: "PARTIAL" }, { code: "01840", kind: "PARTIAL" }] });
  });

  it("refuses: already closed, full with two successors, a successor not valid the next day, a province with open communes", async () => {
    const closed = await db.adminUnit.findFirstOrThrow({ where: { code: "01849" } });
    expect(await refusal(closeUnit(db, admin, { unitId: closed.id, validTo: "2027-06-30", successors: [] }))).toMatchObject({ code: "CONFLICT" });
    const unit = await db.adminUnit.findFirstOrThrow({ where: { code: "01840", validTo: null } });
    const a = await db.adminUnit.findFirstOrThrow({ where: { code: "99001" } });
    const old = await db.adminUnit.findFirstOrThrow({ where: { code: "01843", NOT: { validTo: null } } });
    const twoFull = await refusal(closeUnit(db, admin, { unitId: unit.id, validTo: "2027-06-30", successors: [{ unitId: a.id, kind: "FULL" }, { unitId: old.id, kind: "PARTIAL" }] }));
    expect(twoFull.fieldErrors?.successors?.[0]).toMatch(/^Kế thừa toàn bộ chỉ có một đơn vị kế thừa/);
    const stale = await refusal(closeUnit(db, admin, { unitId: unit.id, validTo: "2027-06-30", successors: [{ unitId: old.id, kind: "FULL" }] }));
    expect(stale.message).toBe(`${old.name} (mã 01843) không hiệu lực ngày 01/07/2027, ngày kế thừa.`);
    const province = await db.adminUnit.findFirstOrThrow({ where: { code: "19", validTo: null } });
    expect(await refusal(closeUnit(db, admin, { unitId: province.id, validTo: "2027-06-30", successors: [] }))).toMatchObject({ code: "HAS_CHILDREN" });
    expect((await db.adminUnit.findUniqueOrThrow({ where: { id: unit.id } })).validTo).toBeNull();
  });
});
