/**
 * Administrative units, as administrators maintain them when the State
 * reorganises them (ADR 004: a unit is a code valid from one day to another).
 *
 * importAdminUnits: a GSO unit list effective from a date, with an optional
 * succession list (old unit → new unit, full or partial). The old units named
 * in it end the day before, with every unit below them. Everything is checked first — unknown parents,
 * codes already valid on the date, successions pointing to nothing, bad
 * levels — and either all of it is written, in one transaction, or nothing.
 *
 * closeUnit: one unit ends (validTo) and its successors are named.
 */
import type { PrismaClient } from "@/lib/db/client";
import type { UnitLevel } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { DomainError, fieldError } from "@/lib/errors";
import { authorizeInput, commitWrite, defineWrite, type Service } from "@/lib/services/write";
import { writeAudit } from "@/lib/audit";
import { isoDay, viDay } from "@/lib/validations/admin-common";
import { WEIGHT_MESSAGES, closeUnitSchema, importUnitsSchema, setSuccessionWeightSchema } from "@/lib/validations/admin-units";
import {
  LEVEL_LABELS,
  MAX_LISTED_ERRORS,
  formatImportError,
  parseSuccessionList,
  parseUnitList,
  type ImportError,
  type SuccessionRow,
  type UnitRow,
} from "@/lib/geography/unit-csv";

/** Any 64-bit key of our own: imports and closures of units run one at a time. */
const UNITS_LOCK_KEY = 0x64786175; // "dxau"
const DAY_MS = 86_400_000;
const LEVEL_ORDER: UnitLevel[] = ["PROVINCE", "DISTRICT", "COMMUNE"];

/** The levels a parent of each level may have (three tiers before July 2025, two after). */
const PARENT_LEVELS: Record<UnitLevel, UnitLevel[]> = {
  PROVINCE: [],
  DISTRICT: ["PROVINCE"],
  COMMUNE: ["DISTRICT", "PROVINCE"],
};

interface DbUnit {
  id: number;
  code: string;
  name: string;
  level: UnitLevel;
  parentId: number | null;
  validFrom: Date;
  validTo: Date | null;
}

const unitSelect = { id: true, code: true, name: true, level: true, parentId: true, validFrom: true, validTo: true } as const;

function validOn(day: Date) {
  return { validFrom: { lte: day }, OR: [{ validTo: null }, { validTo: { gte: day } }] };
}

function refuse(errors: ImportError[]): never {
  const listed = errors.slice(0, MAX_LISTED_ERRORS).map(formatImportError);
  const more = errors.length > MAX_LISTED_ERRORS ? ` (và ${errors.length - MAX_LISTED_ERRORS} lỗi khác)` : "";
  throw new DomainError(
    "IMPORT_INVALID",
    `Không nhập được: ${errors.length} lỗi${more}. Không có đơn vị nào được ghi; sửa tệp rồi nhập lại.`,
    { errors: listed },
  );
}

export interface ImportResult {
  effectiveDate: string;
  created: Record<UnitLevel, number>;
  successions: number;
  closed: number;
}

export async function importAdminUnits(db: PrismaClient, actor: Actor, input: unknown): Promise<ImportResult> {
  const data = authorizeInput(actor, "admin.units", importUnitsSchema, input);
  const units = parseUnitList(data.unitsCsv);
  const successions = data.successionsCsv === null ? { rows: [] as SuccessionRow[], errors: [] } : parseSuccessionList(data.successionsCsv);
  if (units.errors.length + successions.errors.length > 0) refuse([...units.errors, ...successions.errors]);

  const day = data.effectiveDate;
  const dayBefore = new Date(day.getTime() - DAY_MS);
  // The dashboard caches each scope's geography (lib/data/dashboard-scope.ts): new units and successions invalidate it once committed.
  return commitWrite(
    db,
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${UNITS_LOCK_KEY})`);
      const errors: ImportError[] = [];
      // One after the other: a transaction is one connection, which runs one query at a time.
      const onDay = await tx.adminUnit.findMany({ where: validOn(day), select: unitSelect });
      const onDayBefore = await tx.adminUnit.findMany({ where: validOn(dayBefore), select: unitSelect });
      const fileByCode = new Map(units.rows.map((u) => [u.code, u]));

      // Predecessors: units valid the day before; they end that day.
      const beforeByCode = new Map<string, DbUnit>();
      for (const u of onDayBefore) beforeByCode.set(`${u.level}:${u.code}`, u);
      const closing = new Map<number, DbUnit>();
      const links: { row: SuccessionRow; predecessor: DbUnit }[] = [];
      for (const row of successions.rows) {
        const predecessor = beforeByCode.get(`${row.level}:${row.oldCode}`);
        if (!predecessor) {
          errors.push({
            file: "successions",
            line: row.line,
            message: `mã cũ ${row.oldCode}: không có đơn vị cấp ${LEVEL_LABELS[row.level]} nào mang mã này hiệu lực ngày ${viDay(dayBefore)}.`,
          });
          continue;
        }
        links.push({ row, predecessor });
        if (predecessor.validTo === null || predecessor.validTo >= day) closing.set(predecessor.id, predecessor);
      }

      // A unit that ends takes everything below it along (the 2025 reform ended
      // the districts with their province; where their communes went, the
      // succession list says).
      for (let grew = true; grew; ) {
        grew = false;
        for (const u of onDay) {
          if (!closing.has(u.id) && u.parentId !== null && closing.has(u.parentId)) {
            closing.set(u.id, u);
            grew = true;
          }
        }
      }

      // What stays valid on the day: existing units not ended by this import.
      const staying = onDay.filter((u) => !closing.has(u.id));
      const stayingByCode = new Map<string, DbUnit>();
      for (const u of staying) stayingByCode.set(u.code, u);

      for (const row of units.rows) {
        const same = stayingByCode.get(row.code);
        if (same) {
          errors.push({
            file: "units",
            line: row.line,
            message:
              same.validFrom.getTime() === day.getTime()
                ? `mã ${row.code} đã có đơn vị hiệu lực từ ngày ${viDay(day)} (${same.name}); trùng mã trong cùng ngày.`
                : `mã ${row.code} trùng với ${same.name}, đang hiệu lực ngày ${viDay(day)}. Nếu đơn vị cũ chấm dứt, hãy ghi nó trong danh sách kế thừa.`,
          });
        }
        checkParent(row, fileByCode, stayingByCode, day, errors);
      }

      for (const { row } of links) {
        const inFile = fileByCode.get(row.newCode);
        const existing = stayingByCode.get(row.newCode);
        const successor = inFile ?? existing;
        if (!successor || successor.level !== row.level) {
          errors.push({
            file: "successions",
            line: row.line,
            message: `mã mới ${row.newCode}: không có trong danh sách đơn vị và không có đơn vị cấp ${LEVEL_LABELS[row.level]} nào mang mã này hiệu lực ngày ${viDay(day)}.`,
          });
        }
      }

      if (errors.length > 0) refuse(errors.sort((a, b) => (a.file === b.file ? (a.line ?? 0) - (b.line ?? 0) : a.file === "units" ? -1 : 1)));

      if (closing.size > 0) {
        await tx.adminUnit.updateMany({ where: { id: { in: [...closing.keys()] } }, data: { validTo: dayBefore } });
      }
      const newIds = new Map<string, number>();
      const created: Record<UnitLevel, number> = { PROVINCE: 0, DISTRICT: 0, COMMUNE: 0 };
      // Parents before children: a file's parent is always of a higher level.
      for (const level of LEVEL_ORDER) {
        const rows = units.rows.filter((u) => u.level === level);
        if (rows.length === 0) continue;
        const inserted = await tx.adminUnit.createManyAndReturn({
          data: rows.map((u) => ({
            code: u.code,
            name: u.name,
            type: u.type,
            level: u.level,
            parentId: u.parentCode === null ? null : (newIds.get(u.parentCode) ?? stayingByCode.get(u.parentCode)!.id),
            validFrom: day,
          })),
          select: { id: true, code: true },
        });
        for (const u of inserted) newIds.set(u.code, u.id);
        created[level] = inserted.length;
      }
      if (links.length > 0) {
        await tx.succession.createMany({
          data: links.map(({ row, predecessor }) => ({
            predecessorId: predecessor.id,
            successorId: newIds.get(row.newCode) ?? stayingByCode.get(row.newCode)!.id,
            kind: row.kind,
            effectiveDate: day,
          })),
        });
      }
      const result: ImportResult = { effectiveDate: isoDay(day), created, successions: links.length, closed: closing.size };
      await writeAudit(tx, {
        actor,
        action: "UNITS_IMPORTED",
        entityType: "AdminUnit",
        entityId: `nhap-${isoDay(day)}`,
        after: { ...result, closedCodes: [...closing.values()].map((u) => u.code) },
        reason: data.reason,
      });
      return result;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

function checkParent(row: UnitRow, fileByCode: Map<string, UnitRow>, stayingByCode: Map<string, DbUnit>, day: Date, errors: ImportError[]): void {
  if (row.parentCode === null) return;
  const parent = fileByCode.get(row.parentCode) ?? stayingByCode.get(row.parentCode);
  if (!parent) {
    errors.push({
      file: "units",
      line: row.line,
      message: `mã đơn vị cha ${row.parentCode} không có trong tệp và không có đơn vị nào mang mã này hiệu lực ngày ${viDay(day)}.`,
    });
    return;
  }
  if (!PARENT_LEVELS[row.level].includes(parent.level)) {
    errors.push({
      file: "units",
      line: row.line,
      message: `đơn vị cấp ${LEVEL_LABELS[row.level]} không thể trực thuộc đơn vị cha ${row.parentCode} (cấp ${LEVEL_LABELS[parent.level]}).`,
    });
  }
}

export interface CloseResult {
  unitId: number;
  validTo: string;
  successors: number;
}

export const closeUnit: Service<CloseResult> = defineWrite("admin.units", closeUnitSchema, async (tx, data, actor) => {
  const nextDay = new Date(data.validTo.getTime() + DAY_MS);
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${UNITS_LOCK_KEY})`);
  const unit = await tx.adminUnit.findUnique({ where: { id: data.unitId }, select: unitSelect });
  if (!unit) throw new DomainError("NOT_FOUND", "Không tìm thấy đơn vị hành chính.");
  if (unit.validTo !== null) throw new DomainError("CONFLICT", `${unit.name} đã chấm dứt từ ngày ${viDay(unit.validTo)}.`);
  if (data.validTo < unit.validFrom) {
    const message = `Ngày chấm dứt phải từ ngày đơn vị có hiệu lực (${viDay(unit.validFrom)}) trở đi.`;
    throw fieldError("INVALID_INPUT", "validTo", message);
  }
  const fullCount = data.successors.filter((s) => s.kind === "FULL").length;
  if (fullCount > 0 && data.successors.length > 1) {
    const message = "Kế thừa toàn bộ chỉ có một đơn vị kế thừa; khi đơn vị được chia cho nhiều đơn vị, chọn “một phần” cho từng đơn vị.";
    throw fieldError("INVALID_INPUT", "successors", message);
  }
  const successors = await tx.adminUnit.findMany({ where: { id: { in: data.successors.map((s) => s.unitId) } }, select: unitSelect });
  for (const s of data.successors) {
    const found = successors.find((u) => u.id === s.unitId);
    const problem =
      !found || found.id === unit.id
        ? "Đơn vị kế thừa không hợp lệ."
        : found.validFrom > nextDay || (found.validTo !== null && found.validTo < nextDay)
          ? `${found.name} (mã ${found.code}) không hiệu lực ngày ${viDay(nextDay)}, ngày kế thừa.`
          : null;
    if (problem) throw fieldError("INVALID_INPUT", "successors", problem);
  }
  const openChildren = await tx.adminUnit.findMany({
    where: { parentId: unit.id, OR: [{ validTo: null }, { validTo: { gt: data.validTo } }] },
    select: { code: true, name: true },
    take: 5,
  });
  if (openChildren.length > 0) {
    throw new DomainError(
      "HAS_CHILDREN",
      `${unit.name} còn đơn vị trực thuộc hiệu lực sau ngày ${viDay(data.validTo)} (${openChildren.map((c) => `${c.name}, mã ${c.code}`).join("; ")}); chấm dứt hoặc chuyển chúng trước.`,
    );
  }
  await tx.adminUnit.update({ where: { id: unit.id }, data: { validTo: data.validTo } });
  if (data.successors.length > 0) {
    await tx.succession.createMany({
      data: data.successors.map((s) => ({ predecessorId: unit.id, successorId: s.unitId, kind: s.kind, effectiveDate: nextDay })),
    });
  }
  await writeAudit(tx, {
    actor,
    action: "UNIT_CLOSED",
    entityType: "AdminUnit",
    entityId: unit.id,
    before: { code: unit.code, name: unit.name, validFrom: isoDay(unit.validFrom), validTo: null },
    after: {
      code: unit.code,
      name: unit.name,
      validFrom: isoDay(unit.validFrom),
      validTo: isoDay(data.validTo),
      successors: data.successors.map((s) => {
        const u = successors.find((x) => x.id === s.unitId)!;
        return { id: u.id, code: u.code, name: u.name, kind: s.kind };
      }),
    },
    reason: data.reason,
  });
  return { unitId: unit.id, validTo: isoDay(data.validTo), successors: data.successors.length };
});

export interface WeightResult {
  successionId: number;
  /** The share recorded (0 < weight < 1); null: cleared. */
  weight: number | null;
}

/**
 * Records the share of an old unit that went into one of its successors
 * (a PARTIAL succession), with its source, or clears it (issue #14, item 7).
 * The shares of one old unit may not add up to more than 100 %. With a share,
 * the new unit's rebuilt history apportions the old figures (numerator and
 * denominator alike) and may be judged; without, it is flagged and is not.
 * Under the units lock, as imports and closures: the sum is checked against
 * what is committed.
 */
export const setSuccessionWeight: Service<WeightResult> = defineWrite("admin.units", setSuccessionWeightSchema, async (tx, data, actor) => {
await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${UNITS_LOCK_KEY})`);
const succession = await tx.succession.findUnique({
  where: { id: data.successionId },
  include: { predecessor: { select: { code: true, name: true } }, successor: { select: { code: true, name: true } } },
});
if (!succession) throw new DomainError("NOT_FOUND", WEIGHT_MESSAGES.successionNotFound);
if (succession.kind !== "PARTIAL") throw fieldError("INVALID_INPUT", "weightPercent", WEIGHT_MESSAGES.notPartial);
const before = succession.weight === null ? null : succession.weight.toNumber();
if (before === data.weightPercent && (succession.weightSourceVi ?? null) === data.sourceVi) {
  throw fieldError("NO_CHANGE", "weightPercent", WEIGHT_MESSAGES.sameWeight);
}
if (data.weightPercent !== null) {
  const siblings = await tx.succession.findMany({
    where: { predecessorId: succession.predecessorId, id: { not: succession.id }, weight: { not: null } },
    select: { weight: true },
  });
  const total = siblings.reduce((sum, x) => sum + x.weight!.toNumber(), data.weightPercent);
  if (total > 1 + 1e-9) {
    const message = WEIGHT_MESSAGES.overOne((Math.round(total * 10_000) / 100).toLocaleString("vi-VN"));
    throw fieldError("INVALID_INPUT", "weightPercent", message);
  }
}
await tx.succession.update({ where: { id: succession.id }, data: { weight: data.weightPercent, weightSourceVi: data.weightPercent === null ? null : data.sourceVi } });
const view = (weight: number | null, source: string | null) => ({
  code: `${succession.predecessor.code} → ${succession.successor.code}`,
  name: `${succession.predecessor.name} → ${succession.successor.name}`,
  weightPercent: weight === null ? null : Math.round(weight * 1_000_000) / 10_000,
  weightSourceVi: source,
});
await writeAudit(tx, {
  actor,
  action: "SUCCESSION_WEIGHT_SET",
  entityType: "Succession",
  entityId: succession.id,
  before: view(before, succession.weightSourceVi),
  after: view(data.weightPercent, data.weightPercent === null ? null : data.sourceVi),
  reason: data.reason,
});
return { successionId: succession.id, weight: data.weightPercent };
});
