/**
 * Changing one's password (lib/services/account.ts) on a scratch database:
 * the rules refuse without touching anything, the change is audited without
 * hashes, and sessions issued before it are over.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { DomainError } from "@/lib/actions/result";
import { changePassword } from "@/lib/services/account";
import { createScratchDatabase, type ScratchDatabase } from "./helpers/database";

const OLD = "Mat-khau-cu-2025";
const NEW = "Mat-khau-moi-2026!";

let scratch: ScratchDatabase;
let db: PrismaClient;
let actor: Actor;
let issuedAt: number;

beforeAll(async () => {
  scratch = await createScratchDatabase("auth_pw");
  await migrate(scratch.url);
  db = createPrismaClient(scratch.url, { maxConnections: 3 });
});
afterAll(async () => {
  await db?.$disconnect();
  await scratch?.drop();
});

let counter = 0;
beforeEach(async () => {
  const user = await db.user.create({
    data: {
      email: `doi-mk-${++counter}@password.test`,
      name: "Cán bộ thử",
      role: "VIEWER",
      passwordHash: await hashPassword(OLD),
      mustChangePassword: true,
      passwordChangedAt: new Date(Date.now() - 86_400_000),
    },
    select: { id: true },
  });
  // A session signed in a few seconds ago.
  issuedAt = Date.now() - 5_000;
  actor = (await loadActor(db, user.id, issuedAt))!;
  expect(actor).not.toBeNull();
});

async function stored() {
  return db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true, passwordChangedAt: true, mustChangePassword: true } });
}

async function auditRows() {
  return db.auditLog.findMany({ where: { entityType: "User", entityId: actor.id } });
}

async function refusal(input: unknown): Promise<DomainError> {
  const error = await changePassword(db, actor, input).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe("changing one's password", () => {
  it("replaces the hash, clears 'must change', audits without hashes, and ends older sessions", async () => {
    const before = await stored();
    const { passwordChangedAt } = await changePassword(db, actor, { current: OLD, next: NEW, confirm: NEW });
    const after = await stored();
    expect(after.passwordHash).not.toBe(before.passwordHash);
    expect(await verifyPassword(after.passwordHash, NEW)).toBe(true);
    expect(await verifyPassword(after.passwordHash, OLD)).toBe(false);
    expect(after.mustChangePassword).toBe(false);
    expect(after.passwordChangedAt.getTime()).toBe(passwordChangedAt.getTime());
    expect(after.passwordChangedAt.getTime()).toBeGreaterThan(before.passwordChangedAt.getTime());

    const rows = await auditRows();
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({ action: "PASSWORD_CHANGED", actorId: actor.id, actorLabel: "Cán bộ thử" });
    expect(row!.after).toEqual({ passwordChangedAt: passwordChangedAt.toISOString(), mustChangePassword: false });
    expect(row!.before).toEqual({ passwordChangedAt: before.passwordChangedAt.toISOString(), mustChangePassword: true });
    const text = JSON.stringify([row!.before, row!.after]);
    expect(text).not.toContain("argon2");
    expect(text).not.toContain(before.passwordHash);
    expect(text).not.toContain(after.passwordHash);

    // The session that was open before the change is over; one signed in after it is fine.
    expect(await loadActor(db, actor.id, issuedAt)).toBeNull();
    expect(await loadActor(db, actor.id, Date.now())).not.toBeNull();
  });

  it.each([
    ["a wrong current password", { current: "Khong-phai-mat-khau", next: NEW, confirm: NEW }, "WRONG_PASSWORD", "current", "Mật khẩu hiện tại không đúng."],
    ["a new password under 10 characters", { current: OLD, next: "Ngan-9kt", confirm: "Ngan-9kt" }, "INVALID_INPUT", "next", "Mật khẩu mới phải có ít nhất 10 ký tự."],
    ["the current password again", { current: OLD, next: OLD, confirm: OLD }, "INVALID_INPUT", "next", "Mật khẩu mới phải khác mật khẩu hiện tại."],
    ["a confirmation that does not match", { current: OLD, next: NEW, confirm: `${NEW}x` }, "INVALID_INPUT", "confirm", "Mật khẩu xác nhận không khớp với mật khẩu mới."],
  ])("refuses %s, in Vietnamese, and changes nothing", async (_label, input, code, field, message) => {
    const before = await stored();
    const error = await refusal(input);
    expect(error.code).toBe(code);
    expect(error.fieldErrors?.[field]).toContain(message);
    expect(await stored()).toEqual(before);
    expect(await auditRows()).toHaveLength(0);
    // The session is still valid: nothing happened.
    expect(await loadActor(db, actor.id, issuedAt)).not.toBeNull();
  });

  it("refuses an actor whose account has been disabled since", async () => {
    await db.user.update({ where: { id: actor.id }, data: { disabledAt: new Date() } });
    const error = await refusal({ current: OLD, next: NEW, confirm: NEW });
    expect(error.code).toBe("NOT_FOUND");
    expect(await auditRows()).toHaveLength(0);
  });
});
