/**
 * Notifications (issue #16, item 11; ADR 030) against a demo-seeded scratch database: written in
 * the transaction of the event (a rejection rolled back at commit leaves none), told to exactly
 * the people who can act (approvers by scope, the figure's editors), deadline reminders written
 * once per period and editor even when two workers run at once, and each user reading and
 * marking only their own.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { submitFigures } from "@/lib/services/figures";
import { approveFigures, rejectFigures, withdrawPublication } from "@/lib/services/review";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/services/notifications";
import { runDeadlineReminders, reminderKey } from "@/lib/notifications/reminders";
import { actorByEmail, NOW, refusal, setupFigureDatabase, type FigureTestDb } from "./figures-fixtures";

let t: FigureTestDb;
let db: PrismaClient;
/** Approvers made here: one per department, one limited to a commune, one disabled. */
const approvers = {} as Record<"vp" | "khcn" | "commune" | "disabled", Actor>;

async function makeUser(email: string, role: "APPROVER" | "EDITOR", departmentCode: string | null, unitIds: number[] = [], disabled = false): Promise<Actor> {
  const department = departmentCode ? await db.department.findUniqueOrThrow({ where: { code: departmentCode }, select: { id: true } }) : null;
  await db.user.create({
    data: {
      email,
      name: `Cán bộ ${email.split("@")[0]}`,
      passwordHash: "x",
      role,
      departmentId: department?.id ?? null,
      disabledAt: disabled ? NOW : null,
      unitScopes: { create: unitIds.map((unitId) => ({ unitId })) },
    },
  });
  if (disabled) return { id: (await db.user.findUniqueOrThrow({ where: { email } })).id } as Actor;
  return actorByEmail(db, email);
}

const used = new Set<number>();

/**
 * Figures the editor may submit now: their department's, in an open quarter, not used by another
 * test, put back to draft here if the demo data had them further along (test set-up, not the code
 * under test).
 */
async function submittable(editor: Actor, count: number, where: { unitLevel?: "PROVINCE" | "COMMUNE" } = {}) {
  const rows = await db.figure.findMany({
    where: {
      id: { notIn: [...used] },
      status: { not: "APPROVED" },
      period: { status: "OPEN" },
      indicator: { responsibleDepartmentId: editor.departmentId! },
      ...(where.unitLevel ? { unit: { level: where.unitLevel } } : {}),
    },
    orderBy: { id: "asc" },
    take: count,
    select: { id: true, version: true, status: true },
  });
  expect(rows.length, "the demo data has figures to submit").toBe(count);
  for (const r of rows) {
    used.add(r.id);
    if (r.status !== "DRAFT" && r.status !== "REJECTED") {
      await db.figure.update({ where: { id: r.id }, data: { status: "DRAFT", version: { increment: 1 } } });
      r.version += 1;
    }
  }
  return rows;
}

async function notificationsOf(userId: string) {
  return db.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
}

beforeAll(async () => {
  t = await setupFigureDatabase("notify", 6);
  db = t.prisma;
  // A commune with a figure of a demo editor's department in an open quarter.
  const communeFigure = await db.figure.findFirstOrThrow({
    where: {
      unit: { level: "COMMUNE" },
      period: { status: "OPEN" },
      indicator: { responsibleDepartmentId: { in: [t.actors.editor.departmentId!, t.actors.editorVp.departmentId!] } },
    },
    orderBy: { id: "desc" },
    select: { unitId: true },
  });
  const commune = { id: communeFigure.unitId };
  const editorDepartment = await db.department.findUniqueOrThrow({ where: { id: t.actors.editor.departmentId! }, select: { code: true } });
  const vpDepartment = await db.department.findUniqueOrThrow({ where: { id: t.actors.editorVp.departmentId! }, select: { code: true } });
  approvers.khcn = await makeUser("duyet-khcn@example.vn", "APPROVER", editorDepartment.code);
  approvers.vp = await makeUser("duyet-vp@example.vn", "APPROVER", vpDepartment.code);
  approvers.commune = await makeUser("duyet-xa@example.vn", "APPROVER", null, [commune.id]);
  approvers.disabled = await makeUser("duyet-khoa@example.vn", "APPROVER", null, [], true);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe("who is told", () => {
  it("a submission tells the approvers whose scope covers the figures — not another department's, not a commune-limited one elsewhere, not a disabled one, not admins", async () => {
    const figures = await submittable(t.actors.editor, 2, { unitLevel: "PROVINCE" });
    await submitFigures(db, t.actors.editor, { figures: figures.map((f) => ({ id: f.id, version: f.version })) }, { now: NOW });

    const told = await db.notification.findMany({ where: { kind: "FIGURES_SUBMITTED" }, select: { userId: true, textVi: true, link: true, figureId: true } });
    const toldIds = told.map((n) => n.userId).sort();
    expect(toldIds).toEqual([t.actors.approver.id, approvers.khcn.id].sort());
    const mine = told.find((n) => n.userId === approvers.khcn.id)!;
    expect(mine.textVi).toContain(t.actors.editor.name);
    expect(mine.textVi).toMatch(/đã nộp 2 số liệu Quý (I|II|III|IV)\/\d{4} chờ duyệt: .+ và 1 số liệu khác\./);
    expect(mine.link).toMatch(/^\/duyet\?ky=\d{4}-Q\d$/);
    expect(mine.figureId).toBeNull();
  });

  it("a figure of a commune reaches the approver limited to that commune as well", async () => {
    const scope = await db.userUnitScope.findFirstOrThrow({ where: { userId: approvers.commune.id } });
    const found = await db.figure.findFirstOrThrow({
      where: {
        id: { notIn: [...used] },
        unitId: scope.unitId,
        period: { status: "OPEN" },
        indicator: { responsibleDepartmentId: { in: [t.actors.editor.departmentId!, t.actors.editorVp.departmentId!] } },
      },
      select: { id: true, departmentId: true, indicator: { select: { responsibleDepartmentId: true } } },
    });
    used.add(found.id);
    const figure = await db.figure.update({ where: { id: found.id }, data: { status: "DRAFT", version: { increment: 1 } }, select: { id: true, version: true } });
    const ofKhcn = found.indicator.responsibleDepartmentId === t.actors.editor.departmentId;
    await submitFigures(db, ofKhcn ? t.actors.editor : t.actors.editorVp, { figures: [{ id: figure.id, version: figure.version }] }, { now: NOW });
    const told = await db.notification.findMany({ where: { kind: "FIGURES_SUBMITTED", figureId: figure.id }, select: { userId: true } });
    const departmentApprover = ofKhcn ? approvers.khcn : approvers.vp;
    expect(told.map((n) => n.userId).sort()).toEqual([t.actors.approver.id, departmentApprover.id, approvers.commune.id].sort());
  });

  it("a rejection tells the figure's editor, with the reviewer's name, the reason and a link to the figure; a withdrawal too", async () => {
    const [figure] = await submittable(t.actors.editor, 1, { unitLevel: "PROVINCE" });
    await submitFigures(db, t.actors.editor, { figures: [{ id: figure!.id, version: figure!.version }] }, { now: NOW });
    const before = (await notificationsOf(t.actors.editor.id)).length;
    const comment = "Mẫu số lệch với báo cáo quý trước, đề nghị kiểm tra lại.";
    await rejectFigures(db, t.actors.approver, { items: [{ figureId: figure!.id, version: figure!.version + 1 }], comment });
    const mine = await notificationsOf(t.actors.editor.id);
    expect(mine).toHaveLength(before + 1);
    const last = mine.at(-1)!;
    expect(last).toMatchObject({ kind: "FIGURES_REJECTED", figureId: figure!.id, link: `/so-lieu/${figure!.id}`, readAt: null, emailState: "NONE" });
    expect(last.textVi).toContain(t.actors.approver.name);
    expect(last.textVi).toContain(`Lý do: ${comment}`);
    expect(last.textEn).toContain("rejected 1 figure of yours");
    // Nobody else heard of it.
    expect(await db.notification.count({ where: { kind: "FIGURES_REJECTED", userId: { not: t.actors.editor.id } } })).toBe(0);

    // Submitted again, approved, then its publication withdrawn: the editor is told why.
    await submitFigures(db, t.actors.editor, { figures: [{ id: figure!.id, version: figure!.version + 2 }] }, { now: NOW });
    const approved = await approveFigures(db, t.actors.approver, { items: [{ figureId: figure!.id, version: figure!.version + 3, acknowledgedFlags: true }] });
    await withdrawPublication(db, t.actors.approver, { figureId: figure!.id, revision: approved.approved[0]!.revision, reason: "Công bố nhầm số liệu chưa đối chiếu." });
    const withdrawn = await db.notification.findFirstOrThrow({ where: { kind: "PUBLICATION_WITHDRAWN", figureId: figure!.id } });
    expect(withdrawn.userId).toBe(t.actors.editor.id);
    expect(withdrawn.textVi).toContain("Công bố nhầm số liệu chưa đối chiếu.");
  });
});

describe("the same transaction", () => {
  it("a rejection rolled back at commit leaves no notification", async () => {
    const [figure] = await submittable(t.actors.editorVp, 1);
    await submitFigures(db, t.actors.editorVp, { figures: [{ id: figure!.id, version: figure!.version }] }, { now: NOW });
    const count = () => db.notification.count({ where: { kind: "FIGURES_REJECTED", figureId: figure!.id } });
    // A deferred check that fails at COMMIT, after the service wrote everything: the whole transaction must go.
    await db.$executeRawUnsafe(`CREATE FUNCTION test_fail_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'failed at commit'; END $$`);
    await db.$executeRawUnsafe(
      `CREATE CONSTRAINT TRIGGER test_fail_at_commit AFTER UPDATE ON "Figure" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
         WHEN (NEW."reviewComment" = 'Thử lỗi khi ghi: không được lưu gì.') EXECUTE FUNCTION test_fail_at_commit()`,
    );
    try {
      const error = await refusal(() =>
        rejectFigures(db, t.actors.approver, { items: [{ figureId: figure!.id, version: figure!.version + 1 }], comment: "Thử lỗi khi ghi: không được lưu gì." }),
      );
      expect(error.message).toContain("failed at commit");
      expect(await count()).toBe(0);
      expect((await db.figure.findUniqueOrThrow({ where: { id: figure!.id } })).status).toBe("SUBMITTED");
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER test_fail_at_commit ON "Figure"`);
      await db.$executeRawUnsafe(`DROP FUNCTION test_fail_at_commit()`);
    }
    await rejectFigures(db, t.actors.approver, { items: [{ figureId: figure!.id, version: figure!.version + 1 }], comment: "Lần này được lưu cùng thông báo." });
    expect(await count()).toBe(1);
  });
});

describe("deadline reminders", () => {
  it("N days before an open period's deadline, each editor with figures not yet submitted is told once, even by two workers at once", async () => {
    const period = await db.reportingPeriod.findFirstOrThrow({ where: { status: "OPEN" }, orderBy: [{ year: "desc" }, { quarter: "desc" }] });
    const now = new Date(period.deadline.getTime() - 2 * 86_400_000);
    // Four days out, three days' notice: not yet.
    expect(await runDeadlineReminders(db, new Date(period.deadline.getTime() - 4 * 86_400_000), 3)).toBe(0);
    // After the deadline: no more.
    expect(await runDeadlineReminders(db, new Date(period.deadline.getTime() + 1000), 3)).toBe(0);

    const [a, b] = await Promise.all([runDeadlineReminders(db, now, 3), runDeadlineReminders(db, now, 3)]);
    const reminders = await db.notification.findMany({ where: { kind: "DEADLINE_NEAR", periodId: period.id }, select: { userId: true, textVi: true, link: true, dedupeKey: true } });
    expect(a + b).toBe(reminders.length);
    const editors = [t.actors.editor.id, t.actors.editorVp.id];
    expect(reminders.map((r) => r.userId).sort()).toEqual([...editors].sort());
    for (const r of reminders) {
      expect(r.dedupeKey).toBe(reminderKey(period.id, r.userId));
      expect(r.textVi).toMatch(/^Sắp đến hạn nộp số liệu Quý (I|II|III|IV)\/\d{4}: \d{2}\/\d{2}\/\d{4} 23:59 \(giờ Việt Nam\)\. Còn \d+ số liệu trong phạm vi của bạn chưa được nộp\.$/);
      expect(r.link).toBe(`/nhap-lieu?ky=${period.year}-Q${period.quarter}`);
    }
    // The next hour's run: nothing new.
    expect(await runDeadlineReminders(db, new Date(now.getTime() + 3_600_000), 3)).toBe(0);
  });

  it("an editor with every figure of their scope submitted is not reminded", async () => {
    const period = await db.reportingPeriod.findFirstOrThrow({ where: { status: "OPEN" }, orderBy: [{ year: "desc" }, { quarter: "desc" }] });
    // An editor of a department responsible for no indicator: nothing is missing in their scope.
    const empty = await db.department.create({ data: { code: "TEST_EMPTY", nameVi: "Cơ quan thử", nameEn: "Test body", validFrom: new Date("2025-01-01") } });
    const editor = await makeUser("nhap-trong@example.vn", "EDITOR", empty.code);
    await db.notification.deleteMany({ where: { kind: "DEADLINE_NEAR" } });
    await runDeadlineReminders(db, new Date(period.deadline.getTime() - 86_400_000), 3);
    expect(await db.notification.count({ where: { kind: "DEADLINE_NEAR", userId: editor.id } })).toBe(0);
    expect(await db.notification.count({ where: { kind: "DEADLINE_NEAR", userId: t.actors.editor.id } })).toBe(1);
  });
});

describe("reading and marking", () => {
  it("a user marks their own notifications read, one or all up to the newest seen, never another's", async () => {
    const mine = await notificationsOf(t.actors.editor.id);
    expect(mine.length).toBeGreaterThan(1);
    const first = mine[0]!;
    // Another user cannot mark it (nor learn that it exists).
    const foreign = await refusal(() => markNotificationRead(db, t.actors.editorVp, { id: first.id }));
    expect(foreign).toMatchObject({ code: "NOT_FOUND" });
    expect((await db.notification.findUniqueOrThrow({ where: { id: first.id } })).readAt).toBeNull();

    expect(await markNotificationRead(db, t.actors.editor, { id: first.id })).toEqual({ marked: 1 });
    expect(await markNotificationRead(db, t.actors.editor, { id: first.id })).toEqual({ marked: 0 });
    const invalid = await refusal(() => markNotificationRead(db, t.actors.editor, { id: "khong-phai-uuid" }));
    expect(invalid).toMatchObject({ code: "INVALID_INPUT", message: "Thông báo không hợp lệ." });

    // "All" stops at the newest the page showed: one written after stays unread.
    const newest = mine.at(-1)!;
    const later = await db.notification.create({
      data: { id: crypto.randomUUID(), userId: t.actors.editor.id, kind: "DEADLINE_NEAR", textVi: "sau", textEn: "later", link: "/nhap-lieu", createdAt: new Date(newest.createdAt.getTime() + 60_000) },
    });
    const result = await markAllNotificationsRead(db, t.actors.editor, { upTo: newest.createdAt.toISOString() });
    expect(result.marked).toBe(mine.length - 1);
    expect(await db.notification.count({ where: { userId: t.actors.editor.id, readAt: null } })).toBe(1);
    expect((await db.notification.findUniqueOrThrow({ where: { id: later.id } })).readAt).toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "NOTIFICATIONS_READ_ALL", actorId: t.actors.editor.id } });
    expect(audit.after).toMatchObject({ marked: mine.length - 1 });
    // Another user's "all" touches nothing of this one's.
    await markAllNotificationsRead(db, t.actors.editorVp, { upTo: new Date(Date.now() + 3_600_000).toISOString() });
    expect((await db.notification.findUniqueOrThrow({ where: { id: later.id } })).readAt).toBeNull();
  });
});
