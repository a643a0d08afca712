/**
 * Reads of the administration pages (/quan-tri): accounts, departments (with
 * their name history, read back from the audit), indicators with their
 * current and past targets, and administrative units. Admins only; each read
 * checks the permission itself.
 */
import "server-only";
import { prisma } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/actor";
import type { Comparator, IndicatorKind, Role, SuccessionKind, UnitLevel } from "@/lib/generated/prisma/enums";
import { HOME_PROVINCE_CODE } from "@/lib/geography";

// ---------------------------------------------------------------- accounts

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

export async function getUserForAdmin(actor: Actor, id: string): Promise<AdminUserDetail | null> {
  assertCan(actor, "admin.users");
  const u = await prisma.user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      departmentId: true,
      disabledAt: true,
      mustChangePassword: true,
      passwordChangedAt: true,
      createdAt: true,
      unitScopes: { select: { unitId: true } },
    },
  });
  if (!u) return null;
  const { unitScopes, ...rest } = u;
  return { ...rest, unitIds: unitScopes.map((s) => s.unitId) };
}

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

// ---------------------------------------------------------------- departments

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

// ---------------------------------------------------------------- indicators and targets

export interface AdminIndicatorRow {
  id: number;
  code: string;
  nameVi: string;
  departmentName: string;
  currentTargets: number;
  pastTargets: number;
}

export async function getIndicatorsForAdmin(actor: Actor): Promise<AdminIndicatorRow[]> {
  assertCan(actor, "admin.indicators");
  const [rows, counts] = await Promise.all([
    prisma.indicator.findMany({
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      select: { id: true, code: true, nameVi: true, responsibleDepartment: { select: { nameVi: true } } },
    }),
    prisma.target.groupBy({ by: ["indicatorId", "supersededAt"], _count: { _all: true } }),
  ]);
  return rows.map((i) => {
    const mine = counts.filter((c) => c.indicatorId === i.id);
    return {
      id: i.id,
      code: i.code,
      nameVi: i.nameVi,
      departmentName: i.responsibleDepartment.nameVi,
      currentTargets: mine.filter((c) => c.supersededAt === null).reduce((n, c) => n + c._count._all, 0),
      pastTargets: mine.filter((c) => c.supersededAt !== null).reduce((n, c) => n + c._count._all, 0),
    };
  });
}

export interface AdminTarget {
  id: number;
  level: UnitLevel;
  sectorId: number | null;
  sectorName: string | null;
  year: number;
  comparator: Comparator;
  value: number | null;
  descriptionVi: string | null;
  sourceClauseVi: string;
  sourceVi: string;
  createdAt: Date;
  supersededAt: Date | null;
}

export interface AdminIndicatorDetail {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string;
  kind: IndicatorKind;
  unitVi: string;
  levels: UnitLevel[];
  bySector: boolean;
  methodologyVi: string;
  methodologyEn: string;
  responsibleDepartmentId: number;
  sourceVi: string;
  current: AdminTarget[];
  /** Superseded or withdrawn, newest first. */
  history: AdminTarget[];
  sectors: Option[];
}

export async function getIndicatorForAdmin(actor: Actor, id: number): Promise<AdminIndicatorDetail | null> {
  assertCan(actor, "admin.indicators");
  const i = await prisma.indicator.findUnique({
    where: { id },
    select: {
      id: true,
      code: true,
      nameVi: true,
      nameEn: true,
      kind: true,
      unitVi: true,
      levels: true,
      bySector: true,
      methodologyVi: true,
      methodologyEn: true,
      responsibleDepartmentId: true,
      sourceVi: true,
      targets: {
        orderBy: [{ year: "asc" }, { level: "asc" }, { sectorId: "asc" }, { createdAt: "desc" }],
        select: {
          id: true,
          level: true,
          sectorId: true,
          sector: { select: { nameVi: true } },
          year: true,
          comparator: true,
          value: true,
          descriptionVi: true,
          sourceClauseVi: true,
          sourceVi: true,
          createdAt: true,
          supersededAt: true,
        },
      },
    },
  });
  if (!i) return null;
  const sectors = i.bySector ? await prisma.sector.findMany({ orderBy: { nameVi: "asc" }, select: { id: true, nameVi: true } }) : [];
  const targets: AdminTarget[] = i.targets.map(({ sector, value, ...t }) => ({ ...t, sectorName: sector?.nameVi ?? null, value: value === null ? null : value.toNumber() }));
  const { targets: _t, ...rest } = i;
  void _t;
  return {
    ...rest,
    current: targets.filter((t) => t.supersededAt === null),
    history: targets.filter((t) => t.supersededAt !== null).sort((a, b) => b.supersededAt!.getTime() - a.supersededAt!.getTime()),
    sectors: sectors.map((s) => ({ value: s.id, label: s.nameVi })),
  };
}

// ---------------------------------------------------------------- administrative units

export interface AdminUnitRow {
  id: number;
  code: string;
  name: string;
  level: UnitLevel;
  parentName: string | null;
  validFrom: Date;
}

/** Units valid today, provinces first. */
export async function getCurrentUnitsForAdmin(actor: Actor, today = new Date()): Promise<AdminUnitRow[]> {
  assertCan(actor, "admin.units");
  const day = new Date(`${today.toISOString().slice(0, 10)}T00:00:00Z`);
  const rows = await prisma.adminUnit.findMany({
    where: { validFrom: { lte: day }, OR: [{ validTo: null }, { validTo: { gte: day } }] },
    orderBy: [{ level: "asc" }, { name: "asc" }],
    select: { id: true, code: true, name: true, level: true, validFrom: true, parent: { select: { name: true } } },
  });
  return rows.map(({ parent, ...u }) => ({ ...u, parentName: parent?.name ?? null }));
}

export interface RecentSuccession {
  id: number;
  kind: SuccessionKind;
  effectiveDate: Date;
  predecessor: string;
  successor: string;
}

export async function getRecentSuccessions(actor: Actor, take = 20): Promise<{ rows: RecentSuccession[]; total: number }> {
  assertCan(actor, "admin.units");
  const [rows, total] = await Promise.all([
    prisma.succession.findMany({
      orderBy: [{ effectiveDate: "desc" }, { id: "desc" }],
      take,
      select: {
        id: true,
        kind: true,
        effectiveDate: true,
        predecessor: { select: { name: true, code: true } },
        successor: { select: { name: true, code: true } },
      },
    }),
    prisma.succession.count(),
  ]);
  return {
    rows: rows.map((s) => ({
      id: s.id,
      kind: s.kind,
      effectiveDate: s.effectiveDate,
      predecessor: `${s.predecessor.name} (${s.predecessor.code})`,
      successor: `${s.successor.name} (${s.successor.code})`,
    })),
    total,
  };
}
