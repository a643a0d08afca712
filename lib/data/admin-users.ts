/**
 * Reads of /quan-tri/nguoi-dung (admins only; each read checks the permission
 * itself): accounts, and the units an editor can be limited to.
 */
import "server-only";
import { prisma } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/generated/prisma/enums";
import { HOME_PROVINCE_CODE } from "@/lib/geography";
import type { Option } from "@/lib/data/admin-departments";

export interface AdminUserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  departmentName: string | null;
  disabledAt: Date | null;
  mustChangePassword: boolean;
  unitNames: string[];
  isDemo: boolean;
}

export async function getUsersForAdmin(actor: Actor): Promise<AdminUserRow[]> {
  assertCan(actor, "admin.users");
  const users = await prisma.user.findMany({
    orderBy: [{ disabledAt: { sort: "desc", nulls: "first" } }, { name: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabledAt: true,
      mustChangePassword: true,
      isDemo: true,
      department: { select: { nameVi: true } },
      unitScopes: { select: { unit: { select: { name: true } } } },
    },
  });
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    departmentName: u.department?.nameVi ?? null,
    disabledAt: u.disabledAt,
    mustChangePassword: u.mustChangePassword,
    unitNames: u.unitScopes.map((s) => s.unit.name),
    isDemo: u.isDemo,
  }));
}

export interface AdminUserDetail {
  id: string;
  email: string;
  name: string;
  role: Role;
  departmentId: number | null;
  disabledAt: Date | null;
  mustChangePassword: boolean;
  passwordChangedAt: Date;
  createdAt: Date;
  unitIds: number[];
}

/** What the administration reads and audits of an account (never its password hash). */
export const ADMIN_USER_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  departmentId: true,
  disabledAt: true,
  mustChangePassword: true,
  passwordChangedAt: true,
  unitScopes: { select: { unitId: true }, orderBy: { unitId: "asc" } },
} as const;

export async function getUserForAdmin(actor: Actor, id: string): Promise<AdminUserDetail | null> {
  assertCan(actor, "admin.users");
  const u = await prisma.user.findUnique({
    where: { id },
    select: { ...ADMIN_USER_SELECT, createdAt: true },
  });
  if (!u) return null;
  const { unitScopes, ...rest } = u;
  return { ...rest, unitIds: unitScopes.map((s) => s.unitId) };
}

/** The units an editor can be limited to: those of the home province valid today (the province first). */
export async function getScopeUnitOptions(actor: Actor, today = new Date()): Promise<Option[]> {
  assertCan(actor, "admin.users");
  const day = new Date(`${today.toISOString().slice(0, 10)}T00:00:00Z`);
  const province = await prisma.adminUnit.findFirst({
    where: { code: HOME_PROVINCE_CODE, level: "PROVINCE", validFrom: { lte: day }, OR: [{ validTo: null }, { validTo: { gte: day } }] },
    select: { id: true, name: true },
  });
  if (!province) return [];
  const below = await prisma.adminUnit.findMany({
    where: { parentId: province.id, validFrom: { lte: day }, OR: [{ validTo: null }, { validTo: { gte: day } }] },
    orderBy: { name: "asc" },
    select: { id: true, name: true, code: true },
  });
  return [{ value: province.id, label: `${province.name} (toàn tỉnh)` }, ...below.map((u) => ({ value: u.id, label: `${u.name} (${u.code})` }))];
}
