/**
 * Retiring an indicator (issue #15, item 2), on a scratch database: refused while figures of the
 * retirement quarter or later exist, or while a current target of a programme in force needs
 * them; from the retirement quarter on, entry is refused, no figure is expected (completeness),
 * no target can be set for those years, and the open data says so; tracking it again undoes it.
 * Each change audited; each refusal changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { createIndicator, reinstateIndicator, retireIndicator, setTarget, withdrawTarget } from "@/lib/services/admin-indicators";
import { assertIndicatorsTracked, saveDrafts } from "@/lib/services/figures";
import { previewProgrammeImport } from "@/lib/services/programme-import";
import { runDeadlineReminders } from "@/lib/notifications/reminders";
import { sampleProgrammeFile } from "../helpers/programme-file-sample";
import { loadCompleteness } from "@/lib/data/dashboard-completeness";
import { loadIndicatorsPage } from "@/lib/data/open-data";
import { makeQuarter } from "@/lib/period/quarter";
import { RETIREMENT_MESSAGES } from "@/lib/targets/retirement";
import { createAdminScratch, dropAdminScratch, refusal, type AdminScratch } from "./helpers/admin-scratch";

const NOW = new Date("2026-11-28T08:00:00Z");
const CODE = "DVC_RETIRE_TEST";
const NAME = "Số dịch vụ thử thôi theo dõi";
/** The indicator under test, as the admin form and a definition file both describe it. */
const DEFINITION = {
  code: CODE,
  nameVi: NAME,
  nameEn: "Services (retirement test)",
  group: "DIGITAL_GOVERNMENT",
  kind: "COUNT",
  unitVi: "dịch vụ",
  unitEn: "services",
  direction: "INCREASE",
  levels: ["PROVINCE"],
  periodBasis: "QUARTER_END",
  methodologyVi: "Đếm tại ngày cuối quý.",
  methodologyEn: "Counted on the quarter's last day.",
  sourceVi: "Thử nghiệm",
} as const;
let setup: AdminScratch;
let db: PrismaClient;
let admin: Actor;
let editor: Actor;
let indicatorId: number;
let provinceId: number;

beforeAll(async () => {
  setup = await createAdminScratch("retire", { demo: false, now: NOW });
  ({ db, admin, editor } = setup);
  const khcn = await db.department.findUniqueOrThrow({ where: { code: "SO_KHCN" } });
  indicatorId = (
    await createIndicator(db, admin, { ...DEFINITION, responsibleDepartmentId: String(khcn.id) })
  ).id;
  provinceId = (await db.adminUnit.findFirstOrThrow({ where: { level: "PROVINCE", validTo: null }, select: { id: true } })).id;
  // The next year's first quarter, as the period admin would open it.
  await db.reportingPeriod.create({ data: { year: 2027, quarter: 1, status: "OPEN", deadline: new Date("2027-04-20T16:59:59Z") } });
});

afterAll(() => dropAdminScratch(setup));

const periodId = async (year: number, quarter: number) => (await db.reportingPeriod.findUniqueOrThrow({ where: { year_quarter: { year, quarter } }, select: { id: true } })).id;
const row = async (year: number, quarter: number, value: number) => ({
  indicatorId,
  unitId: provinceId,
  periodId: await periodId(year, quarter),
  sectorId: null,
  numerator: null,
  denominator: null,
  value,
  comment: null,
  version: 0,
});
const retiredFrom = async () => (await db.indicator.findUniqueOrThrow({ where: { id: indicatorId }, select: { retiredFrom: true } })).retiredFrom;
const audits = (action: string) => db.auditLog.findMany({ where: { entityType: "Indicator", entityId: String(indicatorId), action }, orderBy: { id: "asc" } });
const reason = "Chương trình mới không còn chỉ tiêu này.";

describe("retiring an indicator", () => {
  it("is refused while figures of the quarter or a later one exist, drafts included, and nothing changes", async () => {
    await saveDrafts(db, editor, { periodId: await periodId(2026, 4), rows: [await row(2026, 4, 12)], reason: null }, { now: NOW });
    for (const quarter of [3, 4]) {
      const e = await refusal(retireIndicator(db, admin, { indicatorId, year: 2026, quarter, reason }));
      expect(e.fieldErrors?.year).toEqual([RETIREMENT_MESSAGES.figuresAfter(makeQuarter(2026, quarter), 1, makeQuarter(2026, 4))]);
    }
    expect(await retiredFrom()).toBeNull();
    expect(await audits("INDICATOR_RETIRED")).toHaveLength(0);
  });

  it("is refused while a current target of a programme in force needs the quarters, and allowed once it is withdrawn", async () => {
    const target = await setTarget(db, admin, { indicatorId, programmeId: null, level: "PROVINCE", sectorId: null, year: 2030, comparator: "GTE", value: 50, sourceClauseVi: "đạt 50 dịch vụ", sourceVi: "Thử nghiệm" });
    const e = await refusal(retireIndicator(db, admin, { indicatorId, year: 2027, quarter: 1, reason }));
    const programme = await db.programme.findFirstOrThrow({ where: { targets: { some: { id: target.targetId } } }, select: { code: true } });
    expect(e.fieldErrors?.year).toEqual([RETIREMENT_MESSAGES.targetAfter(makeQuarter(2027, 1), 2030, programme.code)]);
    expect(await retiredFrom()).toBeNull();
    await withdrawTarget(db, admin, { targetId: target.targetId, reason: "Mục tiêu nhập thử, rút lại." });

    expect(await retireIndicator(db, admin, { indicatorId, year: 2027, quarter: 1, reason })).toEqual({ indicatorId, retiredFrom: "2027-Q1" });
    expect((await retiredFrom())?.toISOString()).toBe("2027-01-01T00:00:00.000Z");
    const [audit] = await audits("INDICATOR_RETIRED");
    expect(audit).toMatchObject({ before: { code: CODE, retiredFrom: null }, after: { code: CODE, retiredFrom: "2027-Q1" }, reason, actorId: admin.id });
    // The same quarter again is no change; the reason is required.
    expect(await refusal(retireIndicator(db, admin, { indicatorId, year: 2027, quarter: 1, reason }))).toMatchObject({ code: "NO_CHANGE", message: RETIREMENT_MESSAGES.sameQuarter(makeQuarter(2027, 1)) });
    expect((await refusal(retireIndicator(db, admin, { indicatorId, year: 2027, quarter: 2, reason: "ngắn" }))).fieldErrors?.reason).toEqual([RETIREMENT_MESSAGES.reason]);
    expect((await refusal(retireIndicator(db, admin, { indicatorId, year: 2027, quarter: 5, reason }))).fieldErrors?.quarter).toEqual([RETIREMENT_MESSAGES.quarterInvalid]);
  });

  it("from then on, entry is refused, targets of those years are refused, and earlier quarters are untouched", async () => {
    const later = new Date("2027-02-01T03:00:00Z");
    const refused = await refusal(saveDrafts(db, editor, { periodId: await periodId(2027, 1), rows: [await row(2027, 1, 13)], reason: null }, { now: later }));
    expect(JSON.stringify(refused)).toContain(RETIREMENT_MESSAGES.figureRetired(NAME, makeQuarter(2027, 1), makeQuarter(2027, 1)));
    expect(await db.figure.count({ where: { indicatorId, period: { year: 2027 } } })).toBe(0);
    // The same rule inside the writing transaction, under a share lock (a save that read before the retirement committed).
    const inTx = await refusal(db.$transaction((tx) => assertIndicatorsTracked(tx, [indicatorId], { year: 2027, quarter: 1 })));
    expect(inTx.message).toBe(`${RETIREMENT_MESSAGES.figureRetired(NAME, makeQuarter(2027, 1), makeQuarter(2027, 1))} Không có thay đổi nào được lưu.`);
    await db.$transaction((tx) => assertIndicatorsTracked(tx, [indicatorId], { year: 2026, quarter: 4 }));
    // The quarter before the retirement is still entered as before.
    const before = await db.figure.findFirstOrThrow({ where: { indicatorId }, select: { version: true } });
    await saveDrafts(db, editor, { periodId: await periodId(2026, 4), rows: [{ ...(await row(2026, 4, 14)), version: before.version }], reason: null }, { now: NOW });

    const e = await refusal(setTarget(db, admin, { indicatorId, programmeId: null, level: "PROVINCE", sectorId: null, year: 2027, comparator: "GTE", value: 50, sourceClauseVi: "x", sourceVi: "Thử nghiệm" }));
    expect(e.fieldErrors?.year).toEqual([RETIREMENT_MESSAGES.targetRetired(makeQuarter(2027, 1))]);
    await setTarget(db, admin, { indicatorId, programmeId: null, level: "PROVINCE", sectorId: null, year: 2026, comparator: "GTE", value: 10, sourceClauseVi: "đạt 10 dịch vụ", sourceVi: "Thử nghiệm" });
  });

  it("is expected in the completeness before the retirement quarter and not from it on; the open data says when", async () => {
    const owed = async (quarter: { year: number; quarter: number }) => {
      const c = await loadCompleteness(db, { provinceCode: "19", boundary: "2027-01-01", quarter: makeQuarter(quarter.year, quarter.quarter), quarters: 2 });
      const mine = c.departments.flatMap((d) => d.indicators).find((i) => i.code === CODE);
      const provinceRow = c.units.find((u) => u.isProvince)!;
      return { mine: mine?.expected ?? 0, province: provinceRow.cells.map((cell) => cell.expected) };
    };
    const q4 = await owed({ year: 2026, quarter: 4 });
    const q1 = await owed({ year: 2027, quarter: 1 });
    expect(q4.mine).toBe(1);
    expect(q1.mine).toBe(0);
    // The province's own row: one figure fewer from 2027-Q1 on (cells: the quarter before, then the quarter).
    expect(q1.province[0]! - q1.province[1]!).toBe(1);

    const page = await loadIndicatorsPage(db, { code: null, after: 0, limit: 500 });
    const rows = page.rows as unknown as { code: string; retired_from: string | null }[];
    expect(rows.find((r) => r.code === CODE)?.retired_from).toBe("2027-Q1");
    expect(rows.filter((r) => r.code !== CODE).every((r) => r.retired_from === null)).toBe(true);
  });

  it("a programme definition file cannot give it a target for a year it is not tracked through", async () => {
    const file = sampleProgrammeFile();
    file.indicators.push({ ...DEFINITION, levels: [...DEFINITION.levels], numeratorLabelVi: null, denominatorLabelVi: null, bySector: false, yearlyRate: false, responsibleDepartmentCode: "SO_KHCN" });
    const target = { ...file.targets[0]!, indicatorCode: CODE, comparator: "GTE" as const, value: 20, sourceClauseVi: "đạt 20 dịch vụ" };
    file.targets.push({ ...target, year: 2026 }, { ...target, year: 2028 });
    const preview = await previewProgrammeImport(db, admin, { fileName: "p.json", bytes: new TextEncoder().encode(JSON.stringify(file)) });
    const mine = preview.errors.filter((e) => e.message === RETIREMENT_MESSAGES.targetRetired(makeQuarter(2027, 1)));
    // Only the 2028 target (the file's fourth target row); 2026 is judged on a quarter still tracked.
    expect(mine).toEqual([expect.objectContaining({ row: file.targets.length })]);
  });

  it("tracks it again: audited, entry allowed, reminded of; a tracked indicator cannot be reinstated", async () => {
    // The editor's reminder for 2027-Q1 counts what is owed then: without the retired indicator, then with it.
    const q1 = await db.reportingPeriod.findUniqueOrThrow({ where: { year_quarter: { year: 2027, quarter: 1 } } });
    const missing = async () => {
      await db.notification.deleteMany({ where: { kind: "DEADLINE_NEAR" } });
      expect(await runDeadlineReminders(db, new Date(q1.deadline.getTime() - 86_400_000), 3)).toBe(1);
      const { textVi } = await db.notification.findFirstOrThrow({ where: { kind: "DEADLINE_NEAR", userId: editor.id } });
      return Number(/Còn (\d+) số liệu/.exec(textVi)![1]);
    };
    const whileRetired = await missing();
    expect(await reinstateIndicator(db, admin, { indicatorId, reason: "Nhầm quý." })).toEqual({ indicatorId, retiredFrom: null });
    expect(await missing()).toBe(whileRetired + 1);
    expect(await retiredFrom()).toBeNull();
    expect((await audits("INDICATOR_REINSTATED"))[0]).toMatchObject({ before: { code: CODE, retiredFrom: "2027-Q1" }, after: { code: CODE, retiredFrom: null }, reason: "Nhầm quý." });
    await saveDrafts(db, editor, { periodId: await periodId(2027, 1), rows: [await row(2027, 1, 13)], reason: null }, { now: new Date("2027-02-01T03:00:00Z") });
    expect(await refusal(reinstateIndicator(db, admin, { indicatorId }))).toMatchObject({ code: "NO_CHANGE", message: RETIREMENT_MESSAGES.notRetired });
  });
});
