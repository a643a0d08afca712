/**
 * Departments as administrators manage them: create one, rename it, and make
 * it responsible for indicators. A rename keeps the row (figures, users and
 * indicators keep pointing at it); the old name stays readable in the audit
 * row DEPARTMENT_RENAMED, which the department page lists as its name history
 * (ADR 011). Mergers keep using validTo / mergedInto (seeded).
 */
import { DomainError, fieldError } from "@/lib/errors";
import { defineWrite, type Service, type Tx } from "@/lib/services/write";
import { writeAudit } from "@/lib/audit";
import {
  DEPARTMENT_MESSAGES,
  assignIndicatorsSchema,
  createDepartmentSchema,
  renameDepartmentSchema,
} from "@/lib/validations/admin-departments";

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

export const createDepartment: Service<DepartmentState> = defineWrite("admin.departments", createDepartmentSchema, async (tx, data, actor) => {
  if (await tx.department.findUnique({ where: { code: data.code }, select: { id: true } })) {
    throw fieldError("CODE_TAKEN", "code", DEPARTMENT_MESSAGES.codeTaken);
  }
  const created = await tx.department.create({ data, select: departmentSelect });
  await writeAudit(tx, { actor, action: "DEPARTMENT_CREATED", entityType: "Department", entityId: created.id, after: created });
  return { id: created.id, code: created.code, nameVi: created.nameVi, nameEn: created.nameEn };
});

export const renameDepartment: Service<DepartmentState> = defineWrite("admin.departments", renameDepartmentSchema, async (tx, data, actor) => {
  const before = await loadOpenDepartment(tx, data.departmentId);
  if (before.nameVi === data.nameVi && before.nameEn === data.nameEn) {
    throw fieldError("INVALID_INPUT", "nameVi", DEPARTMENT_MESSAGES.sameName);
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
});

export interface AssignResult {
  departmentId: number;
  moved: number[];
}

/**
 * Makes the department responsible for the indicators chosen (taking them
 * from their current department). Editors' scope follows at once; figures
 * already entered keep the department they were entered under.
 */
export const assignIndicators: Service<AssignResult> = defineWrite("admin.departments", assignIndicatorsSchema, async (tx, data, actor) => {
  const department = await loadOpenDepartment(tx, data.departmentId);
  const indicators = await tx.indicator.findMany({
    where: { id: { in: data.indicatorIds } },
    select: { id: true, code: true, responsibleDepartmentId: true },
  });
  if (indicators.length !== data.indicatorIds.length) {
    throw fieldError("INVALID_INPUT", "indicatorIds", DEPARTMENT_MESSAGES.indicatorInvalid);
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
});
