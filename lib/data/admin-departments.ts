/**
 * Reads of /quan-tri/co-quan (admins only; each read checks the permission
 * itself): departments with their name history, read back from the audit,
 * and the open departments for the selects of other forms.
 */
import "server-only";
import { prisma } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/actor";

export interface Option {
  value: number;
  label: string;
}

/** Departments that still exist, for the selects. */
export async function getOpenDepartmentOptions(actor: Actor, permission: "admin.users" | "admin.indicators" = "admin.users"): Promise<Option[]> {
  assertCan(actor, permission);
  const rows = await prisma.department.findMany({ where: { validTo: null, mergedIntoId: null }, orderBy: { nameVi: "asc" }, select: { id: true, nameVi: true } });
  return rows.map((d) => ({ value: d.id, label: d.nameVi }));
}

export interface AdminDepartmentRow {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string;
  validFrom: Date;
  validTo: Date | null;
  mergedIntoName: string | null;
  indicatorCount: number;
  userCount: number;
}

export async function getDepartmentsForAdmin(actor: Actor): Promise<AdminDepartmentRow[]> {
  assertCan(actor, "admin.departments");
  const rows = await prisma.department.findMany({
    orderBy: [{ validTo: { sort: "desc", nulls: "first" } }, { nameVi: "asc" }],
    select: {
      id: true,
      code: true,
      nameVi: true,
      nameEn: true,
      validFrom: true,
      validTo: true,
      mergedInto: { select: { nameVi: true } },
      _count: { select: { indicators: true, users: true } },
    },
  });
  return rows.map(({ mergedInto, _count, ...d }) => ({ ...d, mergedIntoName: mergedInto?.nameVi ?? null, indicatorCount: _count.indicators, userCount: _count.users }));
}

export interface NameChange {
  at: Date;
  actorLabel: string;
  beforeVi: string;
  afterVi: string;
  beforeEn: string;
  afterEn: string;
  reason: string | null;
}

export interface AdminDepartmentDetail extends AdminDepartmentRow {
  nameHistory: NameChange[];
  indicators: { id: number; code: string; nameVi: string; departmentId: number; departmentName: string }[];
}

export async function getDepartmentForAdmin(actor: Actor, id: number): Promise<AdminDepartmentDetail | null> {
  assertCan(actor, "admin.departments");
  const row = (await getDepartmentsForAdmin(actor)).find((d) => d.id === id);
  if (!row) return null;
  const [renames, indicators] = await Promise.all([
    prisma.auditLog.findMany({
      where: { entityType: "Department", entityId: String(id), action: "DEPARTMENT_RENAMED" },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      select: { at: true, actorLabel: true, before: true, after: true, reason: true },
    }),
    prisma.indicator.findMany({
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      select: { id: true, code: true, nameVi: true, responsibleDepartment: { select: { id: true, nameVi: true } } },
    }),
  ]);
  type Names = { nameVi?: string; nameEn?: string } | null;
  return {
    ...row,
    nameHistory: renames.map((r) => ({
      at: r.at,
      actorLabel: r.actorLabel,
      beforeVi: (r.before as Names)?.nameVi ?? "",
      afterVi: (r.after as Names)?.nameVi ?? "",
      beforeEn: (r.before as Names)?.nameEn ?? "",
      afterEn: (r.after as Names)?.nameEn ?? "",
      reason: r.reason,
    })),
    indicators: indicators.map((i) => ({ id: i.id, code: i.code, nameVi: i.nameVi, departmentId: i.responsibleDepartment.id, departmentName: i.responsibleDepartment.nameVi })),
  };
}
