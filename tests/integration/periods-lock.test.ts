/**
 * Locking, unlocking and the deadline of reporting periods, on a scratch
 * database: admins only, a reason to unlock, one audit row per change with
 * before and after, and a refusal changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { seedDatabase } from "@/lib/seed/seed";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/actions/result";
import type { Role } from "@/lib/auth/permissions";
import { lockPeriod, setDeadline, unlockPeriod } from "@/lib/services/periods";
import { saveDrafts } from "@/lib/services/figures";
import { createScratchDatabase, type ScratchDatabase } from "./helpers/database";

const NOW = new Date("2026-11-28T08:00:00Z");

let scratch: ScratchDatabase;
let db: PrismaClient;
const actors = {} as Record<Role, Actor>;

beforeAll(async () => {
  scratch = await createScratchDatabase("periods");
  await migrate(scratch.url);
  db = createPrismaClient(scratch.url, { maxConnections: 4 });
  await seedDatabase(db, { demo: false, now: NOW });
  for (const role of ["ADMIN", "APPROVER", "EDITOR", "VIEWER"] as const) {
    const user = await db.user.create({
      data: { email: `${role.toLowerCase()}@periods.test`, name: `Người dùng ${role}`, role, passwordHash: "x" },
      select: { id: true },
    });
    actors[role] = (await loadActor(db, user.id))!;
  }
});

afterAll(async () => {
  await db?.$disconnect();
  await scratch?.drop();
});

async function period(year: number, quarter: number) {
  return db.reportingPeriod.findUniqueOrThrow({ where: { year_quarter: { year, quarter } } });
}

async function audits(periodId: number) {
  return db.auditLog.findMany({ where: { entityType: "ReportingPeriod", entityId: String(periodId) }, orderBy: { id: "asc" } });
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe("locking and unlocking", () => {
  it("lets an admin lock an open quarter, with an optional reason, audited with before and after", async () => {
    const q3 = await period(2026, 3);
    expect(q3.status).toBe("OPEN");
    const result = await lockPeriod(db, actors.ADMIN, { periodId: q3.id, reason: "Đã duyệt xong số liệu quý" });
    expect(result).toMatchObject({ id: q3.id, status: "LOCKED" });

    const after = await period(2026, 3);
    expect(after.status).toBe("LOCKED");
    expect(after.lockedAt).toBeInstanceOf(Date);

    const rows = await audits(q3.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "PERIOD_LOCKED", actorId: actors.ADMIN.id, actorLabel: "Người dùng ADMIN", reason: "Đã duyệt xong số liệu quý" });
    expect(rows[0]!.before).toMatchObject({ status: "OPEN", lockedAt: null });
    expect(rows[0]!.after).toMatchObject({ status: "LOCKED", lockedAt: after.lockedAt!.toISOString() });
  });

  it("refuses to lock a quarter that is already locked, writing nothing", async () => {
    const q3 = await period(2026, 3);
    const before = await audits(q3.id);
    const error = await refusal(lockPeriod(db, actors.ADMIN, { periodId: q3.id }));
    expect(error).toMatchObject({ code: "CONFLICT", message: "Quý III/2026 đã được khóa từ trước." });
    expect(await audits(q3.id)).toHaveLength(before.length);
    expect((await period(2026, 3)).lockedAt).toEqual(q3.lockedAt);
  });

  it("requires a reason of at least 10 characters to unlock, and changes nothing without one", async () => {
    const q3 = await period(2026, 3);
    const before = await audits(q3.id);
    for (const reason of [undefined, "", "         ", "cần sửa"]) {
      const error = await refusal(unlockPeriod(db, actors.ADMIN, { periodId: q3.id, reason }));
      expect(error.code).toBe("INVALID_INPUT");
      expect(error.fieldErrors?.reason?.[0]).toMatch(/^(Nhập lý do mở khóa kỳ báo cáo\.|Lý do mở khóa cần ít nhất 10 ký tự\.)$/);
    }
    expect((await period(2026, 3)).status).toBe("LOCKED");
    expect(await audits(q3.id)).toHaveLength(before.length);
  });

  it("lets an admin unlock with a reason, audited with the reason and before → after", async () => {
    const q3 = await period(2026, 3);
    const reason = "Sở Tài chính gửi bổ sung số doanh nghiệp số quý III";
    const result = await unlockPeriod(db, actors.ADMIN, { periodId: q3.id, reason: `  ${reason}  ` });
    expect(result).toMatchObject({ status: "OPEN", lockedAt: null });
    expect(await period(2026, 3)).toMatchObject({ status: "OPEN", lockedAt: null });

    const row = (await audits(q3.id)).at(-1)!;
    expect(row).toMatchObject({ action: "PERIOD_UNLOCKED", reason, actorId: actors.ADMIN.id });
    expect(row.before).toMatchObject({ status: "LOCKED", lockedAt: q3.lockedAt!.toISOString() });
    expect(row.after).toMatchObject({ status: "OPEN", lockedAt: null });
  });

  it("refuses to unlock an open quarter", async () => {
    const q4 = await period(2026, 4);
    const error = await refusal(unlockPeriod(db, actors.ADMIN, { periodId: q4.id, reason: "Mở lại để bổ sung số liệu" }));
    expect(error).toMatchObject({ code: "CONFLICT", message: "Quý IV/2026 đang mở, không cần mở khóa." });
    expect(await audits(q4.id)).toHaveLength(0);
  });

  it("unlocks a quarter locked long ago (seeded as locked)", async () => {
    const q = await period(2024, 4);
    expect(q.status).toBe("LOCKED");
    await unlockPeriod(db, actors.ADMIN, { periodId: q.id, reason: "Thống kê điều chỉnh GRDP năm 2024" });
    await lockPeriod(db, actors.ADMIN, { periodId: q.id });
    expect((await audits(q.id)).map((r) => r.action)).toEqual(["PERIOD_UNLOCKED", "PERIOD_LOCKED"]);
    expect((await audits(q.id))[1]!.reason).toBeNull();
  });

  it("lets only one of two admins locking at once win", async () => {
    const q4 = await period(2026, 4);
    const results = await Promise.allSettled([
      lockPeriod(db, actors.ADMIN, { periodId: q4.id }),
      lockPeriod(db, actors.ADMIN, { periodId: q4.id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await audits(q4.id)).toHaveLength(1);
    await unlockPeriod(db, actors.ADMIN, { periodId: q4.id, reason: "Khóa nhầm quý đang diễn ra" });
  });

  it("refuses an unknown period", async () => {
    expect(await refusal(lockPeriod(db, actors.ADMIN, { periodId: 9_999_999 }))).toMatchObject({ code: "NOT_FOUND", message: "Không tìm thấy kỳ báo cáo." });
  });
});

describe("what a lock means for data entry", () => {
  it("refuses an editor's figures in a locked quarter and takes them once it is unlocked", async () => {
    const [department, indicator, province] = await Promise.all([
      db.department.findUniqueOrThrow({ where: { code: "SO_KHCN" }, select: { id: true } }),
      db.indicator.findUniqueOrThrow({ where: { code: "DTI_RANK" }, select: { id: true } }),
      db.adminUnit.findFirstOrThrow({ where: { code: "19", validTo: null }, select: { id: true } }),
    ]);
    await db.user.update({ where: { id: actors.EDITOR.id }, data: { departmentId: department.id } });
    const editor = (await loadActor(db, actors.EDITOR.id))!;
    const q3 = await period(2026, 3);
    const draft = {
      periodId: q3.id,
      rows: [{ indicatorId: indicator.id, unitId: province.id, periodId: q3.id, sectorId: null, numerator: null, denominator: null, value: 9, comment: null, version: 0 }],
    };

    await lockPeriod(db, actors.ADMIN, { periodId: q3.id });
    await expect(saveDrafts(db, editor, draft, { now: NOW })).rejects.toMatchObject({ code: "PERIOD_LOCKED" });
    expect(await db.figure.count({ where: { periodId: q3.id } })).toBe(0);

    await unlockPeriod(db, actors.ADMIN, { periodId: q3.id, reason: "Mở lại để Sở KHCN nhập hạng DTI" });
    await saveDrafts(db, editor, draft, { now: NOW });
    expect(await db.figure.count({ where: { periodId: q3.id } })).toBe(1);
  });
});

describe("locking a quarter with open work (issue #16, item 5)", () => {
  it("asks first: refused with the counts and units until the admin sends back the counts shown, then locked and audited with them", async () => {
    const q3 = await period(2026, 3);
    // The previous test left one draft of the province in 2026 Q3.
    const refusal = await lockPeriod(db, actors.ADMIN, { periodId: q3.id }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: "PENDING_WORK", details: { submitted: 0, drafts: 1, unitCount: 1 } });
    expect((refusal as DomainError).message).toMatch(/^Quý III\/2026 còn 0 số liệu chờ duyệt và 1 bản nháp hoặc bị từ chối, của 1 đơn vị\./);
    expect((await period(2026, 3)).status).toBe("OPEN");

    // Counts that are no longer true (someone submitted meanwhile) are refused too.
    await expect(lockPeriod(db, actors.ADMIN, { periodId: q3.id, pending: { submitted: 1, drafts: 0 } })).rejects.toMatchObject({
      code: "PENDING_WORK",
      message: expect.stringContaining("đã thay đổi"),
    });
    expect((await period(2026, 3)).status).toBe("OPEN");

    await lockPeriod(db, actors.ADMIN, { periodId: q3.id, pending: { submitted: 0, drafts: 1 } });
    expect((await period(2026, 3)).status).toBe("LOCKED");
    const [row] = await db.auditLog.findMany({ where: { entityType: "ReportingPeriod", entityId: String(q3.id), action: "PERIOD_LOCKED" }, orderBy: { id: "desc" }, take: 1 });
    expect(row!.after).toMatchObject({ status: "LOCKED", pendingAtLock: { submitted: 0, drafts: 1, units: 1 } });
    await unlockPeriod(db, actors.ADMIN, { periodId: q3.id, reason: "Trả lại trạng thái cho các kiểm thử sau" });
  });
});

describe("the deadline", () => {
  it("moves to the end of the chosen day in Vietnam, audited with before and after", async () => {
    const q3 = await period(2026, 3);
    const result = await setDeadline(db, actors.ADMIN, { periodId: q3.id, deadline: "2026-10-31", reason: "Gia hạn theo công văn của UBND tỉnh" });
    // 23:59:59 on 31 October in Vietnam (UTC+7).
    expect(result.deadline.toISOString()).toBe("2026-10-31T16:59:59.000Z");
    expect((await period(2026, 3)).deadline.toISOString()).toBe("2026-10-31T16:59:59.000Z");
    const row = (await audits(q3.id)).at(-1)!;
    expect(row).toMatchObject({ action: "PERIOD_DEADLINE_CHANGED", reason: "Gia hạn theo công văn của UBND tỉnh" });
    expect(row.before).toMatchObject({ deadline: q3.deadline.toISOString() });
    expect(row.after).toMatchObject({ deadline: "2026-10-31T16:59:59.000Z" });
  });

  it("refuses a deadline on or before the quarter's last day, an unchanged one, and a day that does not exist", async () => {
    const q3 = await period(2026, 3);
    const before = await audits(q3.id);
    const early = await refusal(setDeadline(db, actors.ADMIN, { periodId: q3.id, deadline: "2026-09-30" }));
    expect(early).toMatchObject({ code: "INVALID_INPUT", message: "Hạn nộp phải sau ngày cuối quý (30/09/2026)." });
    expect(await refusal(setDeadline(db, actors.ADMIN, { periodId: q3.id, deadline: "2026-10-31" }))).toMatchObject({
      message: "Hạn nộp mới trùng với hạn nộp hiện tại.",
    });
    for (const deadline of ["2026-02-30", "31/10/2026", "", undefined]) {
      expect((await refusal(setDeadline(db, actors.ADMIN, { periodId: q3.id, deadline }))).code).toBe("INVALID_INPUT");
    }
    // The day after the quarter's end is the earliest allowed.
    await setDeadline(db, actors.ADMIN, { periodId: q3.id, deadline: "2026-10-01" });
    expect(await audits(q3.id)).toHaveLength(before.length + 1);
  });
});

describe("who may manage periods", () => {
  it("refuses approvers, editors and viewers (FORBIDDEN) and nobody (UNAUTHENTICATED), changing nothing", async () => {
    const q4 = await period(2026, 4);
    const before = await db.auditLog.count();
    for (const role of ["APPROVER", "EDITOR", "VIEWER"] as const) {
      const actor = actors[role];
      await expect(lockPeriod(db, actor, { periodId: q4.id })).rejects.toMatchObject({ name: "AuthError", code: "FORBIDDEN" });
      await expect(unlockPeriod(db, actor, { periodId: q4.id, reason: "Lý do đủ dài để hợp lệ" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(setDeadline(db, actor, { periodId: q4.id, deadline: "2027-01-31" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(lockPeriod(db, null as unknown as Actor, { periodId: q4.id })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await period(2026, 4)).toEqual(q4);
    expect(await db.auditLog.count()).toBe(before);
  });
});
