/**
 * Departments, indicators, targets and opening the next reporting period, on
 * a scratch database: each change audited, each refusal changing nothing;
 * targets versioned (old rows superseded, never overwritten) and the overview
 * reading only the current ones.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { getWriteScope } from "@/lib/auth/scope";
import { loadOverviewInputs } from "@/lib/data/targets";
import { assignIndicators, createDepartment, renameDepartment } from "@/lib/services/admin-departments";
import { setTarget, updateIndicator, withdrawTarget } from "@/lib/services/admin-indicators";
import { nextPeriodQuarter } from "@/lib/data/next-period";
import { openNextPeriod } from "@/lib/services/periods";
import { DEPARTMENT_MESSAGES } from "@/lib/validations/admin-departments";
import { INDICATOR_MESSAGES } from "@/lib/validations/admin-indicators";
import { createAdminScratch, dropAdminScratch, refusal, type AdminScratch } from "./helpers/admin-scratch";

const NOW = new Date("2026-11-28T08:00:00Z");
let setup: AdminScratch;
let db: PrismaClient;
let admin: Actor;
let editor: Actor;

beforeAll(async () => {
  setup = await createAdminScratch("admincat", { demo: false, now: NOW });
  ({ db, admin, editor } = setup);
});

afterAll(() => dropAdminScratch(setup));

describe("departments", () => {
  let id: number;

  it("creates a department, audited", async () => {
    const created = await createDepartment(db, admin, { code: " so_noi_vu_moi ", nameVi: "Sở Nội vụ (mới)", nameEn: "Department of Home Affairs (new)", validFrom: "2026-01-01" });
    id = created.id;
    expect(created.code).toBe("SO_NOI_VU_MOI");
    const row = await db.auditLog.findFirstOrThrow({ where: { entityType: "Department", entityId: String(id) } });
    expect(row).toMatchObject({ action: "DEPARTMENT_CREATED", actorId: admin.id });
  });

  it("refuses a taken code and a malformed one, in Vietnamese", async () => {
    expect(await refusal(createDepartment(db, admin, { code: "SO_KHCN", nameVi: "X", nameEn: "X", validFrom: "2026-01-01" }))).toMatchObject({ code: "CODE_TAKEN", message: DEPARTMENT_MESSAGES.codeTaken });
    const bad = await refusal(createDepartment(db, admin, { code: "sở ?", nameVi: "", nameEn: "X", validFrom: "2026-02-30" }));
    expect(bad.fieldErrors).toMatchObject({ code: [DEPARTMENT_MESSAGES.codeInvalid], nameVi: ["Nhập tên tiếng Việt."], validFrom: ["Ngày thành lập không hợp lệ."] });
  });

  it("renames, keeping the old name in the audit (the name history)", async () => {
    await renameDepartment(db, admin, { departmentId: id, nameVi: "Sở Nội vụ", nameEn: "Department of Home Affairs", reason: "Quyết định 12/QĐ-UBND" });
    expect(await db.department.findUniqueOrThrow({ where: { id } })).toMatchObject({ nameVi: "Sở Nội vụ", code: "SO_NOI_VU_MOI" });
    const row = await db.auditLog.findFirstOrThrow({ where: { entityType: "Department", entityId: String(id), action: "DEPARTMENT_RENAMED" } });
    expect(row.before).toEqual({ nameVi: "Sở Nội vụ (mới)", nameEn: "Department of Home Affairs (new)" });
    expect(row.after).toEqual({ nameVi: "Sở Nội vụ", nameEn: "Department of Home Affairs" });
    expect(row.reason).toBe("Quyết định 12/QĐ-UBND");
    expect((await refusal(renameDepartment(db, admin, { departmentId: id, nameVi: "Sở Nội vụ", nameEn: "Department of Home Affairs" }))).message).toBe(DEPARTMENT_MESSAGES.sameName);
  });

  it("refuses to rename a merged department (Sở TTTT, merged into Sở KHCN)", async () => {
    const tttt = await db.department.findUniqueOrThrow({ where: { code: "SO_TTTT" } });
    expect(await refusal(renameDepartment(db, admin, { departmentId: tttt.id, nameVi: "Sở mới", nameEn: "New" }))).toMatchObject({ code: "CLOSED" });
  });

  it("assigns indicators: the editors of the old department lose them at once, one audit row per indicator", async () => {
    // An indicator of Sở KHCN, which its editor may write today.
    const indicator = await db.indicator.findFirstOrThrow({ where: { responsibleDepartmentId: editor.departmentId! }, select: { id: true, responsibleDepartmentId: true } });
    expect((await getWriteScope(db, editor)).indicatorIds!.has(indicator.id)).toBe(true);
    await assignIndicators(db, admin, { departmentId: id, indicatorIds: [String(indicator.id)] });
    expect((await db.indicator.findUniqueOrThrow({ where: { id: indicator.id } })).responsibleDepartmentId).toBe(id);
    expect((await getWriteScope(db, editor)).indicatorIds!.has(indicator.id)).toBe(false);
    const row = await db.auditLog.findFirstOrThrow({ where: { action: "INDICATOR_RESPONSIBILITY_CHANGED", entityId: String(indicator.id) } });
    expect(row.before).toMatchObject({ responsibleDepartmentId: indicator.responsibleDepartmentId });
    expect(row.after).toMatchObject({ responsibleDepartmentId: id });
    expect((await refusal(assignIndicators(db, admin, { departmentId: id, indicatorIds: [] }))).fieldErrors).toMatchObject({ indicatorIds: [DEPARTMENT_MESSAGES.noIndicators] });
  });

  it("is for admins only", async () => {
    expect(await refusal(createDepartment(db, editor, { code: "SO_X", nameVi: "X", nameEn: "X", validFrom: "2026-01-01" }))).toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("indicators and targets", () => {
  it("edits names, methodology and the responsible department; only changed fields in the audit", async () => {
    const i = await db.indicator.findUniqueOrThrow({ where: { code: "DIGITAL_ENTERPRISES" } });
    await updateIndicator(db, admin, {
      indicatorId: i.id,
      nameVi: "Số doanh nghiệp công nghệ số",
      nameEn: i.nameEn,
      methodologyVi: i.methodologyVi,
      methodologyEn: i.methodologyEn,
      responsibleDepartmentId: i.responsibleDepartmentId,
    });
    const row = await db.auditLog.findFirstOrThrow({ where: { action: "INDICATOR_UPDATED", entityId: String(i.id) } });
    expect(row.before).toEqual({ code: "DIGITAL_ENTERPRISES", nameVi: i.nameVi });
    expect(row.after).toEqual({ code: "DIGITAL_ENTERPRISES", nameVi: "Số doanh nghiệp công nghệ số" });
    const same = await refusal(
      updateIndicator(db, admin, { indicatorId: i.id, nameVi: "Số doanh nghiệp công nghệ số", nameEn: i.nameEn, methodologyVi: i.methodologyVi, methodologyEn: i.methodologyEn, responsibleDepartmentId: i.responsibleDepartmentId }),
    );
    expect(same).toMatchObject({ code: "NO_CHANGE", message: INDICATOR_MESSAGES.nothingChanged });
    const tttt = await db.department.findUniqueOrThrow({ where: { code: "SO_TTTT" } });
    const closed = await refusal(
      updateIndicator(db, admin, { indicatorId: i.id, nameVi: "A", nameEn: "B", methodologyVi: "C", methodologyEn: "D", responsibleDepartmentId: tttt.id }),
    );
    expect(closed.fieldErrors).toMatchObject({ responsibleDepartmentId: [INDICATOR_MESSAGES.departmentClosed] });
    expect((await db.indicator.findUniqueOrThrow({ where: { id: i.id } })).nameEn).toBe(i.nameEn);
  });

  it("changing a target supersedes the old row, which stays; the overview reads only the new one", async () => {
    const i = await db.indicator.findUniqueOrThrow({ where: { code: "DIGITAL_ENTERPRISES" } });
    const old = await db.target.findFirstOrThrow({ where: { indicatorId: i.id, year: 2025, supersededAt: null } });
    // The new province's programme after the merger sets its own goal.
    const change = await setTarget(db, admin, {
      indicatorId: i.id,
      level: "PROVINCE",
      year: "2025",
      comparator: "GTE",
      value: "1.000",
      sourceClauseVi: "phấn đấu có tối thiểu 1.000 doanh nghiệp số (tỉnh Thái Nguyên mới)",
      sourceVi: "Chương trình chuyển đổi số tỉnh Thái Nguyên giai đoạn 2026–2030",
      reason: "Hợp nhất tỉnh từ 01/7/2025",
    });
    expect(change.supersededId).toBe(old.id);
    const rows = await db.target.findMany({ where: { indicatorId: i.id, year: 2025 }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.id, r.supersededAt === null, r.value?.toNumber()])).toEqual([
      [old.id, false, old.value!.toNumber()],
      [change.targetId, true, 1000],
    ]);

    const overview = await loadOverviewInputs(db, i.id);
    expect(overview.targets.filter((t) => t.year === 2025).map((t) => [t.id, t.value, t.comparator])).toEqual([[change.targetId, 1000, "GTE"]]);

    const row = await db.auditLog.findFirstOrThrow({ where: { action: "TARGET_CHANGED", entityId: String(i.id) } });
    expect(row.reason).toBe("Hợp nhất tỉnh từ 01/7/2025");
    expect(row.before).toMatchObject({ targets: [{ id: old.id, value: old.value!.toString(), comparator: old.comparator }] });
    expect(row.after).toMatchObject({ target: { id: change.targetId, value: "1000", comparator: "GTE", supersededAt: null } });
  });

  it("adds a target for a new year, and refuses an identical one", async () => {
    const i = await db.indicator.findUniqueOrThrow({ where: { code: "DIGITAL_ENTERPRISES" } });
    const input = { indicatorId: i.id, level: "PROVINCE", year: 2030, comparator: "GT", value: "2.000", sourceClauseVi: "trên 2.000 doanh nghiệp số", sourceVi: "Chương trình 2026–2030" };
    const existing2030 = await db.target.count({ where: { indicatorId: i.id, year: 2030, supersededAt: null } });
    const r = await setTarget(db, admin, input);
    expect((await db.auditLog.findFirstOrThrow({ where: { entityId: String(i.id), action: existing2030 ? "TARGET_CHANGED" : "TARGET_ADDED" }, orderBy: { id: "desc" } })).after).toMatchObject({ target: { id: r.targetId } });
    expect(await refusal(setTarget(db, admin, input))).toMatchObject({ code: "NO_CHANGE" });
  });

  it("validates a target: level entered, sector rules, percent range, value or description — Vietnamese messages", async () => {
    const ratio = await db.indicator.findUniqueOrThrow({ where: { code: "DVC_L4_SHARE" } });
    const sector = await db.indicator.findUniqueOrThrow({ where: { code: "DIGITAL_ECONOMY_SECTOR" } });
    const base = { sourceClauseVi: "x", sourceVi: "y" };
    const count = await db.target.count();
    expect((await refusal(setTarget(db, admin, { ...base, indicatorId: ratio.id, level: "COMMUNE", year: 2030, comparator: "GT", value: "90" }))).message).toBe(INDICATOR_MESSAGES.levelNotEntered);
    expect((await refusal(setTarget(db, admin, { ...base, indicatorId: ratio.id, level: "PROVINCE", year: 2030, comparator: "GT", value: "120" }))).message).toBe(INDICATOR_MESSAGES.percentRange);
    expect((await refusal(setTarget(db, admin, { ...base, indicatorId: sector.id, level: "PROVINCE", year: 2030, comparator: "GT", value: "10" }))).message).toBe(INDICATOR_MESSAGES.sectorRequired);
    const bad = await refusal(setTarget(db, admin, { indicatorId: ratio.id, level: "TINH", year: 1999, comparator: "ABOUT", value: "", sourceClauseVi: "", sourceVi: "" }));
    expect(bad.fieldErrors).toMatchObject({
      level: [INDICATOR_MESSAGES.levelInvalid],
      year: [INDICATOR_MESSAGES.yearInvalid],
      comparator: [INDICATOR_MESSAGES.comparatorInvalid],
      sourceClauseVi: ["Nhập trích dẫn căn cứ (điều khoản)."],
    });
    const noValue = await refusal(setTarget(db, admin, { ...base, indicatorId: ratio.id, level: "PROVINCE", year: 2030, comparator: "GT", value: "" }));
    expect(noValue.fieldErrors).toMatchObject({ value: [INDICATOR_MESSAGES.valueOrDescription] });
    expect((await refusal(setTarget(db, admin, { ...base, indicatorId: ratio.id, level: "PROVINCE", year: 2030, comparator: "GT", value: "chín mươi" }))).fieldErrors).toMatchObject({ value: [INDICATOR_MESSAGES.valueInvalid] });
    expect(await db.target.count()).toBe(count);
  });

  it("withdraws a target with a reason; it leaves the overview but stays as history", async () => {
    const i = await db.indicator.findUniqueOrThrow({ where: { code: "DIGITAL_ENTERPRISES" } });
    const t = await db.target.findFirstOrThrow({ where: { indicatorId: i.id, year: 2030, supersededAt: null } });
    expect((await refusal(withdrawTarget(db, admin, { targetId: t.id, reason: "ngắn" }))).fieldErrors).toMatchObject({ reason: [INDICATOR_MESSAGES.withdrawReason] });
    await withdrawTarget(db, admin, { targetId: t.id, reason: "Mục tiêu nhập nhầm năm, rút lại" });
    expect((await loadOverviewInputs(db, i.id)).targets.some((x) => x.id === t.id)).toBe(false);
    expect(await db.target.findUnique({ where: { id: t.id } })).not.toBeNull();
    expect(await refusal(withdrawTarget(db, admin, { targetId: t.id, reason: "Mục tiêu nhập nhầm năm, rút lại" }))).toMatchObject({ code: "CONFLICT" });
  });

  it("two target changes of one indicator at once: one current target remains", async () => {
    const i = await db.indicator.findUniqueOrThrow({ where: { code: "MOBILE_BASE_STATIONS" } });
    const mk = (v: string) => setTarget(db, admin, { indicatorId: i.id, level: "PROVINCE", year: 2029, comparator: "GTE", value: v, sourceClauseVi: `tối thiểu ${v} trạm`, sourceVi: "Chương trình 2026–2030" });
    await Promise.allSettled([mk("5.000"), mk("6.000"), mk("7.000")]);
    expect(await db.target.count({ where: { indicatorId: i.id, year: 2029, supersededAt: null } })).toBe(1);
    expect(await db.target.count({ where: { indicatorId: i.id, year: 2029 } })).toBe(3);
  });
});

describe("opening the next reporting period", () => {
  it("opens the quarter after the latest, OPEN, with the default deadline (20 days after, 23:59:59 in Vietnam), audited", async () => {
    const next = await nextPeriodQuarter(db);
    expect(next).toEqual({ year: 2027, quarter: 1 });
    const opened = await openNextPeriod(db, admin, { quarter: "2027-Q1" }, NOW);
    expect(opened).toMatchObject({ year: 2027, quarter: 1, status: "OPEN", lockedAt: null });
    expect(opened.deadline.toISOString()).toBe("2027-04-20T16:59:59.000Z");
    const row = await db.auditLog.findFirstOrThrow({ where: { action: "PERIOD_OPENED", entityId: String(opened.id) } });
    expect(row.after).toMatchObject({ year: 2027, quarter: 1, status: "OPEN" });
  });

  it("refuses a stale quarter (double submit), and opening more than one quarter ahead", async () => {
    expect(await refusal(openNextPeriod(db, admin, { quarter: "2027-Q1" }, NOW))).toMatchObject({ code: "CONFLICT" });
    expect(await refusal(openNextPeriod(db, admin, { quarter: "2027-Q2" }, NOW))).toMatchObject({ code: "TOO_EARLY" });
    expect(await db.reportingPeriod.count({ where: { year: 2027 } })).toBe(1);
  });

  it("takes a deadline, which must fall after the quarter", async () => {
    const later = new Date("2027-03-01T08:00:00Z");
    expect((await refusal(openNextPeriod(db, admin, { quarter: "2027-Q2", deadline: "2027-06-15" }, later))).fieldErrors).toMatchObject({
      deadline: ["Hạn nộp phải sau ngày cuối quý (30/06/2027)."],
    });
    const opened = await openNextPeriod(db, admin, { quarter: "2027-Q2", deadline: "2027-07-25" }, later);
    expect(opened.deadline.toISOString()).toBe("2027-07-25T16:59:59.000Z");
  });

  it("is for admins only", async () => {
    expect(await refusal(openNextPeriod(db, editor, { quarter: "2027-Q3" }, NOW))).toMatchObject({ code: "FORBIDDEN" });
  });
});
