/**
 * Accounts, as administrators manage them: create (with a typed first password
 * or a temporary one shown once), change role / department / unit scope,
 * disable and re-enable (never delete: the audit keeps the name), and force a
 * password reset. Disabling and resets end the user's sessions (loadActor
 * refuses a disabled account and sessions older than passwordChangedAt).
 *
 * There is always an active admin left: every change that could take the role
 * away from the last one serialises on an advisory lock and counts inside the
 * transaction, so two admins demoting each other at once cannot both succeed.
 */
import { ADMIN_USER_SELECT } from "@/lib/data/admin-users";
import { randomInt } from "node:crypto";
import type { PrismaClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { DomainError, fieldError } from "@/lib/errors";
import { authorizeInput, commitWrite, defineWrite, type Service, type Tx } from "@/lib/services/write";
import { writeAudit } from "@/lib/audit";
import {
  USER_MESSAGES,
  createUserSchema,
  resetUserPasswordSchema,
  setUserDisabledSchema,
  updateUserSchema,
} from "@/lib/validations/admin-users";

/** Any 64-bit key of our own; distinct from the seed's and migrate's. */
const ADMIN_ROLE_LOCK_KEY = 0x64786164; // "dxad"

const userSelect = ADMIN_USER_SELECT;

type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;

/** What the audit keeps of an account: never the password hash. */
function snapshot(u: UserRow) {
  return {
    email: u.email,
    name: u.name,
    role: u.role,
    departmentId: u.departmentId,
    unitIds: u.unitScopes.map((s) => s.unitId),
    disabledAt: u.disabledAt,
    mustChangePassword: u.mustChangePassword,
  };
}

// No 0/O, 1/l/I: read aloud or copied from a screen without mistakes.
const TEMP_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
export const TEMPORARY_PASSWORD_LENGTH = 14;

/** 14 characters of 56: ≈ 81 bits, from the OS's CSPRNG. */
export function generateTemporaryPassword(): string {
  let out = "";
  for (let i = 0; i < TEMPORARY_PASSWORD_LENGTH; i++) out += TEMP_ALPHABET[randomInt(TEMP_ALPHABET.length)];
  return out;
}

async function loadUser(tx: Tx, id: string): Promise<UserRow> {
  const user = await tx.user.findUnique({ where: { id }, select: userSelect });
  if (!user) throw new DomainError("NOT_FOUND", "Không tìm thấy tài khoản.");
  return user;
}

async function checkDepartment(tx: Tx, departmentId: number | null): Promise<void> {
  if (departmentId === null) return;
  const d = await tx.department.findUnique({ where: { id: departmentId }, select: { validTo: true, mergedIntoId: true } });
  if (!d) throw fieldError("INVALID_INPUT", "departmentId", USER_MESSAGES.departmentInvalid);
  if (d.validTo !== null || d.mergedIntoId !== null) {
    const message = "Cơ quan này đã giải thể hoặc sáp nhập; chọn cơ quan đang hoạt động.";
    throw fieldError("INVALID_INPUT", "departmentId", message);
  }
}

async function checkUnits(tx: Tx, unitIds: number[]): Promise<void> {
  if (unitIds.length === 0) return;
  const found = await tx.adminUnit.count({ where: { id: { in: unitIds } } });
  if (found !== unitIds.length) throw fieldError("INVALID_INPUT", "unitIds", USER_MESSAGES.unitInvalid);
}

/**
 * Taken first by every change of role or disabled state: concurrent changes
 * run one after another, and each reads (after the lock, READ COMMITTED) what
 * the previous one committed.
 */
async function lockAccounts(tx: Tx): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${ADMIN_ROLE_LOCK_KEY})`);
}

/** Called, under lockAccounts, before a change that leaves `userId` without an active admin role. */
async function assertAnotherActiveAdmin(tx: Tx, userId: string): Promise<void> {
  const others = await tx.user.count({ where: { role: "ADMIN", disabledAt: null, id: { not: userId } } });
  if (others === 0) throw new DomainError("LAST_ADMIN", USER_MESSAGES.lastAdmin);
}

export interface CreatedUser {
  id: string;
  email: string;
  /** The generated password, to be shown once; never stored in clear, never logged. */
  temporaryPassword: string | null;
}

export async function createUser(db: PrismaClient, actor: Actor, input: unknown): Promise<CreatedUser> {
  const data = authorizeInput(actor, "admin.users", createUserSchema, input);
  const temporaryPassword = data.passwordMode === "temporary" ? generateTemporaryPassword() : null;
  // argon2 takes tens of milliseconds: hash outside the transaction.
  const passwordHash = await hashPassword(temporaryPassword ?? data.password!);
  const mustChangePassword = temporaryPassword !== null || data.mustChangePassword === true;
  return commitWrite(db, async (tx) => {
    await checkDepartment(tx, data.departmentId);
    await checkUnits(tx, data.unitIds);
    if (await tx.user.findUnique({ where: { email: data.email }, select: { id: true } })) {
      throw fieldError("EMAIL_TAKEN", "email", USER_MESSAGES.emailTaken);
    }
    const created = await tx.user.create({
      data: {
        email: data.email,
        name: data.name,
        role: data.role,
        departmentId: data.departmentId,
        passwordHash,
        mustChangePassword,
        unitScopes: { create: data.unitIds.map((unitId) => ({ unitId })) },
      },
      select: userSelect,
    });
    await writeAudit(tx, {
      actor,
      action: "USER_CREATED",
      entityType: "User",
      entityId: created.id,
      after: { ...snapshot(created), initialPassword: temporaryPassword ? "temporary" : "typed" },
    });
    return { id: created.id, email: created.email, temporaryPassword };
  });
}

export interface UserState {
  id: string;
  role: string;
  disabledAt: Date | null;
  mustChangePassword: boolean;
}

export const updateUser: Service<UserState> = defineWrite("admin.users", updateUserSchema, async (tx, data, actor) => {
  await lockAccounts(tx);
  const before = await loadUser(tx, data.userId);
  if (before.role === "ADMIN" && data.role !== "ADMIN" && before.disabledAt === null) await assertAnotherActiveAdmin(tx, before.id);
  await checkDepartment(tx, data.departmentId === before.departmentId ? null : data.departmentId);
  await checkUnits(tx, data.unitIds);
  const unitsChanged = before.unitScopes.map((s) => s.unitId).join() !== [...data.unitIds].sort((a, b) => a - b).join();
  if (data.name === before.name && data.role === before.role && data.departmentId === before.departmentId && !unitsChanged) {
    throw new DomainError("NO_CHANGE", "Không có thay đổi nào so với hiện tại.");
  }
  // Role and scope live in the database and are re-read on every request
  // (loadActor), so the change applies to the user's open sessions at once.
  await tx.user.update({ where: { id: before.id }, data: { name: data.name, role: data.role, departmentId: data.departmentId } });
  if (unitsChanged) {
    await tx.userUnitScope.deleteMany({ where: { userId: before.id } });
    await tx.userUnitScope.createMany({ data: data.unitIds.map((unitId) => ({ userId: before.id, unitId })) });
  }
  return auditChange(tx, actor, "USER_UPDATED", before, data.reason);
});

export const setUserDisabled: Service<UserState> = defineWrite("admin.users", setUserDisabledSchema, async (tx, data, actor) => {
  if (data.disabled && data.userId === actor.id) throw new DomainError("SELF", USER_MESSAGES.notSelf);
  await lockAccounts(tx);
  const before = await loadUser(tx, data.userId);
  if (data.disabled && before.disabledAt !== null) throw new DomainError("CONFLICT", "Tài khoản này đã bị khóa từ trước.");
  if (!data.disabled && before.disabledAt === null) throw new DomainError("CONFLICT", "Tài khoản này đang hoạt động.");
  if (data.disabled && before.role === "ADMIN") await assertAnotherActiveAdmin(tx, before.id);
  // Disabled: loadActor refuses the account on the next request, so its sessions end — for good:
  // sessionsRevokedAt outlives a later enabling, so only a new sign-in opens a session again.
  const now = new Date();
  await tx.user.update({ where: { id: before.id }, data: data.disabled ? { disabledAt: now, sessionsRevokedAt: now } : { disabledAt: null } });
  return auditChange(tx, actor, data.disabled ? "USER_DISABLED" : "USER_ENABLED", before, data.reason);
});

/** Audits a change to an account with its state before and after, and returns the state after. */
async function auditChange(tx: Tx, actor: Actor, action: string, before: UserRow, reason: string | null): Promise<UserState> {
  const after = await loadUser(tx, before.id);
  await writeAudit(tx, { actor, action, entityType: "User", entityId: before.id, before: snapshot(before), after: snapshot(after), reason });
  return { id: after.id, role: after.role, disabledAt: after.disabledAt, mustChangePassword: after.mustChangePassword };
}

export interface PasswordReset {
  id: string;
  /** Shown once to the admin, who hands it to the user. */
  temporaryPassword: string;
}

/**
 * A new temporary password that must be changed at the next sign-in. It also
 * ends the user's sessions (passwordChangedAt moves on).
 */
export async function resetUserPassword(db: PrismaClient, actor: Actor, input: unknown): Promise<PasswordReset> {
  const data = authorizeInput(actor, "admin.users", resetUserPasswordSchema, input);
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const passwordChangedAt = new Date();
  return commitWrite(db, async (tx) => {
    const before = await loadUser(tx, data.userId);
    if (before.disabledAt !== null) throw new DomainError("DISABLED", "Tài khoản này đang bị khóa; mở khóa trước khi đặt lại mật khẩu.");
    await tx.user.update({ where: { id: before.id }, data: { passwordHash, passwordChangedAt, mustChangePassword: true } });
    await writeAudit(tx, {
      actor,
      action: "USER_PASSWORD_RESET",
      entityType: "User",
      entityId: before.id,
      before: { passwordChangedAt: before.passwordChangedAt, mustChangePassword: before.mustChangePassword },
      after: { passwordChangedAt, mustChangePassword: true },
      reason: data.reason,
    });
    return { id: before.id, temporaryPassword };
  });
}
