/**
 * Departments as administrators manage them: create one, rename it, and make
 * it responsible for indicators. A rename keeps the row (figures, users and
 * indicators keep pointing at it); the old name stays readable in the audit
 * row DEPARTMENT_RENAMED, which the department page lists as its name history
 * (ADR 011). Mergers keep using validTo / mergedInto (seeded).
 */
import type { PrismaClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { afterCommit } from "@/lib/cache/epoch";
import { DomainError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import { parseInput } from "@/lib/validations/parse";
import {
  DEPARTMENT_MESSAGES,
  assignIndicatorsSchema,
  createDepartmentSchema,
  renameDepartmentSchema,
} from "@/lib/validations/admin-departments";

type Tx = Prisma.TransactionClient;

const departmentSelect = { id: true, code: true, nameVi: true, nameEn: true, validFrom: true, validTo: true, mergedIntoId: true } as const;

async function loadOpenDepartment(tx: Tx, id: number) {
  // FOR UPDATE: two renames of one department run one after the other, each auditing the name it replaced.
  const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Department" WHERE id = ${id} FOR UPDATE`;
  if (locked.length === 0) throw new DomainError("NOT_FOUND", DEPARTMENT_MESSAGES.notFound);
  const d = await tx.department.findUniqueOrThrow({ where: { id }, select: departmentSelect });
  if (d.validTo !== null || d.mergedIntoId !== null) throw new DomainError("CLOSED", DEPARTMENT_MESSAGES.closed);
  return d;
}

export interface DepartmentState {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string;
}

export async function createDepartment(db: PrismaClient, actor: Actor, input: unknown): Promise<DepartmentState> {
  assertCan(actor, "admin.departments");
  const data = parseInput(createDepartmentSchema, input);
  return afterCommit(db, db.$transaction(async (tx) => {
    if (await tx.department.findUnique({ where: { code: data.code }, select: { id: true } })) {
      throw new DomainError("CODE_TAKEN", DEPARTMENT_MESSAGES.codeTaken, undefined, { code: [DEPARTMENT_MESSAGES.codeTaken] });
    }
    const created = await tx.department.create({ data, select: departmentSelect });
    await writeAudit(tx, { actor, action: "DEPARTMENT_CREATED", entityType: "Department", entityId: created.id, after: created });
    return { id: created.id, code: created.code, nameVi: created.nameVi, nameEn: created.nameEn };
  }));
}

export async function renameDepartment(db: PrismaClient, actor: Actor, input: unknown): Promise<DepartmentState> {
  assertCan(actor, "admin.departments");
  const data = parseInput(renameDepartmentSchema, input);
  return afterCommit(db, db.$transaction(async (tx) => {
    const before = await loadOpenDepartment(tx, data.departmentId);
    if (before.nameVi === data.nameVi && before.nameEn === data.nameEn) {
      throw new DomainError("INVALID_INPUT", DEPARTMENT_MESSAGES.sameName, undefined, { nameVi: [DEPARTMENT_MESSAGES.sameName] });
    }
    const after = await tx.department.update({ where: { id: before.id }, data: { nameVi: data.nameVi, nameEn: data.nameEn }, select: departmentSelect });
    await writeAudit(tx, {
      actor,
      action: "DEPARTMENT_RENAMED",
      entityType: "Department",
      entityId: before.id,
      before: { nameVi: before.nameVi, nameEn: before.nameEn },
      after: { nameVi: after.nameVi, nameEn: after.nameEn },
      reason: data.reason,
    });
    return { id: after.id, code: after.code, nameVi: after.nameVi, nameEn: after.nameEn };
  }));
}

export interface AssignResult {
  departmentId: number;
  moved: number[];
}

/**
 * Makes the department responsible for the indicators chosen (taking them
 * from their current department). Editors' scope follows at once; figures
 * already entered keep the department they were entered under.
 */
export async function assignIndicators(db: PrismaClient, actor: Actor, input: unknown): Promise<AssignResult> {
  assertCan(actor, "admin.departments");
  const data = parseInput(assignIndicatorsSchema, input);
  return afterCommit(db, db.$transaction(async (tx) => {
    const department = await loadOpenDepartment(tx, data.departmentId);
    const indicators = await tx.indicator.findMany({
      where: { id: { in: data.indicatorIds } },
      select: { id: true, code: true, responsibleDepartmentId: true },
    });
    if (indicators.length !== data.indicatorIds.length) {
      throw new DomainError("INVALID_INPUT", DEPARTMENT_MESSAGES.indicatorInvalid, undefined, { indicatorIds: [DEPARTMENT_MESSAGES.indicatorInvalid] });
    }
    const toMove = indicators.filter((i) => i.responsibleDepartmentId !== department.id);
    if (toMove.length === 0) throw new DomainError("NO_CHANGE", "Các chỉ tiêu đã chọn đều đã thuộc cơ quan này.");
    await tx.indicator.updateMany({ where: { id: { in: toMove.map((i) => i.id) } }, data: { responsibleDepartmentId: department.id } });
    // One row per indicator, so each indicator's history shows who answered for it when.
    for (const i of toMove) {
      await writeAudit(tx, {
        actor,
        action: "INDICATOR_RESPONSIBILITY_CHANGED",
        entityType: "Indicator",
        entityId: i.id,
        before: { code: i.code, responsibleDepartmentId: i.responsibleDepartmentId },
        after: { code: i.code, responsibleDepartmentId: department.id },
        reason: data.reason,
      });
    }
    return { departmentId: department.id, moved: toMove.map((i) => i.id) };
  }));
}
