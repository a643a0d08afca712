/**
 * Account administration on a scratch database: create (typed or temporary
 * password), edit role / department / unit scope, disable and re-enable,
 * force a password reset (and its enforcement), the last-admin guard — also
 * against two admins at once — each audited, each refusal changing nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { seedDatabase } from "@/lib/seed/seed";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { AuthError } from "@/lib/auth/errors";
import { verifyPassword } from "@/lib/auth/password";
import { DomainError } from "@/lib/actions/result";
import { changePassword } from "@/lib/services/account";
import { createUser, resetUserPassword, setUserDisabled, updateUser } from "@/lib/services/admin-users";
import { USER_MESSAGES } from "@/lib/validations/admin-users";
import { createScratchDatabase, type ScratchDatabase } from "./helpers/database";

let scratch: ScratchDatabase;
let db: PrismaClient;
let admin: Actor;
let editor: Actor;
let khcnId: number;
let communeIds: number[];

beforeAll(async () => {
  scratch = await createScratchDatabase("adminusers");
  await migrate(scratch.url);
  db = createPrismaClient(scratch.url, { maxConnections: 6 });
  await seedDatabase(db, { demo: false, now: new Date("2026-11-28T08:00:00Z") });
  const a = await db.user.create({ data: { email: "admin@users.test", name: "Quản trị A", role: "ADMIN", passwordHash: "x" }, select: { id: true } });
  admin = (await loadActor(db, a.id))!;
  khcnId = (await db.department.findUniqueOrThrow({ where: { code: "SO_KHCN" } })).id;
  const e = await db.user.create({ data: { email: "editor@users.test", name: "Cán bộ", role: "EDITOR", departmentId: khcnId, passwordHash: "x" }, select: { id: true } });
  editor = (await loadActor(db, e.id))!;
  communeIds = (await db.adminUnit.findMany({ where: { level: "COMMUNE", validTo: null }, select: { id: true }, take: 2, orderBy: { id: "asc" } })).map((u) => u.id);
});

afterAll(async () => {
  await db?.$disconnect();
  await scratch?.drop();
});

async function refusal(promise: Promise<unknown>): Promise<DomainError | AuthError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error instanceof DomainError || error instanceof AuthError, String(error)).toBe(true);
  return error as DomainError;
}

const text = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x));
const audits = (entityId: string) => db.auditLog.findMany({ where: { entityType: "User", entityId }, orderBy: { id: "asc" } });

describe("creating an account", () => {
  it("creates an editor with a typed password, department and unit scope, audited without the hash", async () => {
    const created = await createUser(db, admin, {
      email: "  Nguyen.Van.A@ThaiNguyen.gov.vn ",
      name: "Nguyễn Văn A",
      role: "EDITOR",
      departmentId: String(khcnId),
      unitIds: communeIds.map(String),
      passwordMode: "typed",
      password: "MatKhau@2026",
      mustChangePassword: "on",
    });
    expect(created.temporaryPassword).toBeNull();
    const user = await db.user.findUniqueOrThrow({ where: { id: created.id }, include: { unitScopes: true } });
    expect(user).toMatchObject({ email: "nguyen.van.a@thainguyen.gov.vn", role: "EDITOR", departmentId: khcnId, mustChangePassword: true });
    expect(user.unitScopes.map((s) => s.unitId).sort()).toEqual([...communeIds].sort());
    expect(await verifyPassword(user.passwordHash, "MatKhau@2026")).toBe(true);

    const [row] = await audits(created.id);
    expect(row).toMatchObject({ action: "USER_CREATED", actorId: admin.id, actorLabel: "Quản trị A" });
    expect(row!.after).toMatchObject({ email: "nguyen.van.a@thainguyen.gov.vn", role: "EDITOR", unitIds: [...communeIds].sort((a, b) => a - b), initialPassword: "typed" });
    expect(text(row)).not.toContain(user.passwordHash);
  });

  it("generates a temporary password, shown once, that must be changed", async () => {
    const created = await createUser(db, admin, { email: "viewer@users.test", name: "Lãnh đạo", role: "VIEWER", passwordMode: "temporary" });
    expect(created.temporaryPassword).toMatch(/^[A-HJ-NP-Za-km-z2-9]{14}$/);
    const user = await db.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(user.mustChangePassword).toBe(true);
    expect(await verifyPassword(user.passwordHash, created.temporaryPassword!)).toBe(true);
    expect(text(await audits(created.id))).not.toContain(created.temporaryPassword);
  });

  it("refuses bad input with Vietnamese messages per field, and a taken email, writing nothing", async () => {
    const count = await db.user.count();
    const bad = (await refusal(createUser(db, admin, { email: "khong-phai-email", name: " ", role: "BOSS", passwordMode: "typed", password: "ngan" }))) as DomainError;
    expect(bad.code).toBe("INVALID_INPUT");
    expect(bad.fieldErrors).toMatchObject({
      email: [USER_MESSAGES.emailInvalid],
      name: ["Nhập họ tên."],
      role: [USER_MESSAGES.roleInvalid],
    });
    const noDept = (await refusal(createUser(db, admin, { email: "x@users.test", name: "X", role: "EDITOR", passwordMode: "typed", password: "ngan" }))) as DomainError;
    expect(noDept.fieldErrors).toMatchObject({ departmentId: [USER_MESSAGES.departmentRequired], password: [USER_MESSAGES.passwordTooShort] });
    const taken = (await refusal(createUser(db, admin, { email: "EDITOR@users.test", name: "Trùng", role: "VIEWER", passwordMode: "temporary" }))) as DomainError;
    expect(taken).toMatchObject({ code: "EMAIL_TAKEN", message: USER_MESSAGES.emailTaken });
    const badUnit = (await refusal(createUser(db, admin, { email: "y@users.test", name: "Y", role: "EDITOR", departmentId: khcnId, unitIds: [99_999_999], passwordMode: "temporary" }))) as DomainError;
    expect(badUnit.fieldErrors).toMatchObject({ unitIds: [USER_MESSAGES.unitInvalid] });
    expect(await db.user.count()).toBe(count);
  });

  it("is for admins only", async () => {
    const error = await refusal(createUser(db, editor, { email: "z@users.test", name: "Z", role: "ADMIN", passwordMode: "temporary" }));
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).code).toBe("FORBIDDEN");
    expect(await db.user.findUnique({ where: { email: "z@users.test" } })).toBeNull();
  });
});

describe("editing, disabling, re-enabling", () => {
  it("changes role, department and unit scope; the actor re-read sees it at once; audited before → after", async () => {
    await updateUser(db, admin, { userId: editor.id, name: "Cán bộ", role: "EDITOR", departmentId: khcnId, unitIds: [communeIds[0]], reason: "Giao phụ trách một xã" });
    const reloaded = (await loadActor(db, editor.id))!;
    expect(reloaded.unitScopeIds).toEqual([communeIds[0]]);
    const row = (await audits(editor.id)).at(-1)!;
    expect(row).toMatchObject({ action: "USER_UPDATED", reason: "Giao phụ trách một xã" });
    expect(row.before).toMatchObject({ unitIds: [] });
    expect(row.after).toMatchObject({ unitIds: [communeIds[0]] });

    const again = (await refusal(updateUser(db, admin, { userId: editor.id, name: "Cán bộ", role: "EDITOR", departmentId: khcnId, unitIds: [communeIds[0]] }))) as DomainError;
    expect(again.code).toBe("NO_CHANGE");
  });

  it("disables an account: its sessions end, the name stays in the audit; re-enabling restores it", async () => {
    expect(await loadActor(db, editor.id)).not.toBeNull();
    await setUserDisabled(db, admin, { userId: editor.id, disabled: true, reason: "Nghỉ hưu" });
    expect(await loadActor(db, editor.id)).toBeNull();
    expect(await db.user.findUnique({ where: { id: editor.id } })).not.toBeNull(); // never deleted
    const twice = (await refusal(setUserDisabled(db, admin, { userId: editor.id, disabled: true }))) as DomainError;
    expect(twice.code).toBe("CONFLICT");

    await setUserDisabled(db, admin, { userId: editor.id, disabled: false });
    expect(await loadActor(db, editor.id)).not.toBeNull();
    const actions = (await audits(editor.id)).map((r) => r.action);
    expect(actions.slice(-2)).toEqual(["USER_DISABLED", "USER_ENABLED"]);
  });

  it("re-enabling an account does not revive the sessions it had before it was disabled (issue #13, item 5)", async () => {
    const before = Date.now(); // a session signed in now (lib/auth/options.ts: issuedAt = Date.now())
    expect(await loadActor(db, editor.id, before)).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await setUserDisabled(db, admin, { userId: editor.id, disabled: true, reason: "Mất máy tính" });
    expect(await loadActor(db, editor.id, before)).toBeNull();
    await setUserDisabled(db, admin, { userId: editor.id, disabled: false });
    expect(await loadActor(db, editor.id, before), "the old session stays over").toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await loadActor(db, editor.id, Date.now()), "a new sign-in works").not.toBeNull();
  });

  it("will not let an admin disable themselves", async () => {
    const error = (await refusal(setUserDisabled(db, admin, { userId: admin.id, disabled: true }))) as DomainError;
    expect(error).toMatchObject({ code: "SELF", message: USER_MESSAGES.notSelf });
  });
});

describe("forced password reset", () => {
  it("sets a temporary password, ends the old session, and allows nothing but changing it", async () => {
    // A session signed in a minute ago, after a password set an hour ago (and no disabling since:
    // the account was disabled and enabled again by the tests above, which ends older sessions).
    await db.user.update({ where: { id: editor.id }, data: { passwordChangedAt: new Date(Date.now() - 3_600_000), sessionsRevokedAt: null } });
    const sessionIssuedAt = Date.now() - 60_000;
    expect(await loadActor(db, editor.id, sessionIssuedAt)).not.toBeNull();
    const { temporaryPassword } = await resetUserPassword(db, admin, { userId: editor.id });
    // The session from before the reset is over.
    expect(await loadActor(db, editor.id, sessionIssuedAt)).toBeNull();
    const user = await db.user.findUniqueOrThrow({ where: { id: editor.id } });
    expect(user.mustChangePassword).toBe(true);
    expect(await verifyPassword(user.passwordHash, temporaryPassword)).toBe(true);
    expect((await audits(editor.id)).at(-1)).toMatchObject({ action: "USER_PASSWORD_RESET", actorId: admin.id });

    // Signed in again with the temporary password: only the password change is allowed.
    const fresh = (await loadActor(db, editor.id, Date.now()))!;
    expect(fresh.mustChangePassword).toBe(true);
    const { saveDrafts } = await import("@/lib/services/figures");
    const blocked = await refusal(saveDrafts(db, fresh, { periodId: 1, rows: [] }));
    expect(blocked).toMatchObject({ code: "PASSWORD_CHANGE_REQUIRED" });

    await changePassword(db, fresh, { current: temporaryPassword, next: "MatKhauMoi@2026", confirm: "MatKhauMoi@2026" });
    const after = (await loadActor(db, editor.id, Date.now() + 5000))!;
    expect(after.mustChangePassword).toBe(false);
  });
});

describe("the last active admin", () => {
  it("cannot be demoted or disabled", async () => {
    const demote = (await refusal(updateUser(db, admin, { userId: admin.id, name: "Quản trị A", role: "VIEWER", departmentId: null, unitIds: [] }))) as DomainError;
    expect(demote).toMatchObject({ code: "LAST_ADMIN", message: USER_MESSAGES.lastAdmin });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("ADMIN");
    // A second, disabled admin does not count.
    const b = await db.user.create({ data: { email: "admin-b@users.test", name: "Quản trị B (đã khóa)", role: "ADMIN", passwordHash: "x", disabledAt: new Date() } });
    const other = await createUser(db, admin, { email: "approver@users.test", name: "Duyệt", role: "APPROVER", passwordMode: "temporary" });
    expect((await refusal(updateUser(db, admin, { userId: admin.id, name: "Quản trị A", role: "APPROVER", departmentId: null, unitIds: [] }))).code).toBe("LAST_ADMIN");
    void b;
    void other;
  });

  it("two admins demoting each other at the same moment: exactly one succeeds, one admin remains", async () => {
    const c = await db.user.create({ data: { email: "admin-c@users.test", name: "Quản trị C", role: "ADMIN", passwordHash: "x" }, select: { id: true } });
    const adminC = (await loadActor(db, c.id))!;
    const results = await Promise.allSettled([
      updateUser(db, admin, { userId: adminC.id, name: "Quản trị C", role: "VIEWER", departmentId: null, unitIds: [] }),
      updateUser(db, adminC, { userId: admin.id, name: "Quản trị A", role: "VIEWER", departmentId: null, unitIds: [] }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "LAST_ADMIN" });
    expect(await db.user.count({ where: { role: "ADMIN", disabledAt: null } })).toBe(1);
  });

  it("disabling and demoting at the same moment cannot both win either", async () => {
    const active = await db.user.findFirstOrThrow({ where: { role: "ADMIN", disabledAt: null }, select: { id: true } });
    const d = await db.user.create({ data: { email: "admin-d@users.test", name: "Quản trị D", role: "ADMIN", passwordHash: "x" }, select: { id: true } });
    const actorA = (await loadActor(db, active.id))!;
    const actorD = (await loadActor(db, d.id))!;
    const results = await Promise.allSettled([
      setUserDisabled(db, actorA, { userId: actorD.id, disabled: true }),
      updateUser(db, actorD, { userId: actorA.id, name: actorA.name, role: "EDITOR", departmentId: khcnId, unitIds: [] }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { role: "ADMIN", disabledAt: null } })).toBe(1);
  });
});
