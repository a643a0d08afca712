/**
 * Programmes as an administrator records them (issue #15, ADR 032) on a scratch
 * database: a new provincial programme takes the targets added for it, the
 * province's verdicts read only provincial programmes, a national target shows
 * beside the goal that answers it; every change is audited and every refusal
 * changes nothing and says why in Vietnamese.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { buildOverview, loadOverviewInputs } from "@/lib/data/targets";
import { loadProgrammeSummaries, programmeInForce } from "@/lib/data/programmes";
import { loadHome, loadProgramme } from "@/lib/public-pages/load";
import { loadDashboardOverview } from "@/lib/data/dashboard";
import { createProgramme, setProgrammeStatus } from "@/lib/services/admin-programmes";
import { createIndicator, setTarget } from "@/lib/services/admin-indicators";
import { INDICATOR_MESSAGES, NEW_INDICATOR_MESSAGES } from "@/lib/validations/admin-indicators";
import { PROGRAMME_MESSAGES } from "@/lib/validations/admin-programmes";
import { createAdminScratch, dropAdminScratch, refusal, type AdminScratch } from "./helpers/admin-scratch";

const NOW = new Date("2026-11-28T08:00:00Z");
let setup: AdminScratch;
let db: PrismaClient;
let admin: Actor;
let editor: Actor;

beforeAll(async () => {
  setup = await createAdminScratch("programmes", { demo: true, now: NOW });
  ({ db, admin, editor } = setup);
});

afterAll(() => dropAdminScratch(setup));

const NEXT = {
  code: "05-NQ/TU",
  titleVi: "Chương trình chuyển đổi số giai đoạn 2026-2030",
  titleEn: "Digital transformation programme 2026–2030",
  issuerVi: "Ban Chấp hành Đảng bộ tỉnh",
  issuedOn: "2026-10-15",
  startYear: "2026",
  endYear: "2030",
  visionYear: "",
  scope: "PROVINCE",
  sourceVi: "Văn bản thử",
};

const goals = async (code: string) =>
  buildOverview(await loadOverviewInputs(db), { year: 2026, quarter: 3 })
    .rows.filter((r) => r.key === code)
    .flatMap((r) => r.goals.map((g) => [g.target.year, g.target.comparator, g.target.value, g.target.national?.value ?? null]));

describe("programmes in the administration", () => {
  it("refuses what is not a programme, or a caller who may not, in Vietnamese, changing nothing", async () => {
    const before = await db.programme.count();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...NEXT, code: "05 NQ" }, "code", PROGRAMME_MESSAGES.codeInvalid],
      [{ ...NEXT, code: "01-NQ/TU" }, "code", PROGRAMME_MESSAGES.codeTaken],
      [{ ...NEXT, endYear: "2025" }, "endYear", PROGRAMME_MESSAGES.endBeforeStart],
      [{ ...NEXT, visionYear: "2029" }, "visionYear", PROGRAMME_MESSAGES.visionBeforeEnd],
      [{ ...NEXT, scope: "DISTRICT" }, "scope", PROGRAMME_MESSAGES.scopeInvalid],
      [{ ...NEXT, issuedOn: "2026-02-30" }, "issuedOn", "Ngày ban hành không hợp lệ."],
    ];
    for (const [input, field, message] of cases) {
      const e = await refusal(createProgramme(db, admin, input));
      expect(e.fieldErrors?.[field], field).toEqual([message]);
    }
    expect(await refusal(createProgramme(db, editor, NEXT))).toMatchObject({ code: "FORBIDDEN" });
    expect(await db.programme.count()).toBe(before);
  });

  it("records the next provincial programme, audited; a target added for it is judged beside the resolution's", async () => {
    const created = await createProgramme(db, admin, NEXT);
    const row = await db.programme.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ code: "05-NQ/TU", scope: "PROVINCE", provinceCode: "19", status: "IN_FORCE", startYear: 2026, endYear: 2030, visionYear: null });
    expect(row.issuedOn?.toISOString().slice(0, 10)).toBe("2026-10-15");
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: "Programme", entityId: String(created.id) } });
    expect(audit).toMatchObject({ action: "PROGRAMME_CREATED", actorLabel: "Quản trị" });
    // Another code with the same public page address (/chuong-trinh/05-nq-tu) is refused at its field.
    const count = await db.programme.count();
    expect((await refusal(createProgramme(db, admin, { ...NEXT, code: "05/NQ-TU" }))).fieldErrors?.code).toEqual([PROGRAMME_MESSAGES.slugTaken("05-NQ/TU", "05-nq-tu")]);
    expect(await db.programme.count()).toBe(count);

    const dvc = await db.indicator.findUniqueOrThrow({ where: { code: "DVC_L4_SHARE" } });
    const base = { indicatorId: dvc.id, level: "PROVINCE", sectorId: "", year: "2030", comparator: "GTE", value: "100", descriptionVi: "", sourceClauseVi: "100% dịch vụ công đủ điều kiện được cung cấp trực tuyến toàn trình", sourceVi: "05-NQ/TU" };
    await setTarget(db, admin, { ...base, programmeId: created.id });
    const target = await db.target.findFirstOrThrow({ where: { indicatorId: dvc.id, year: 2030 }, include: { programme: true } });
    expect(target.programme.code).toBe("05-NQ/TU");
    expect(await goals("DVC_L4_SHARE")).toEqual([
      [2025, "GT", 90, 80],
      [2030, "GTE", 100, null],
    ]);
  });

  it("a national programme's targets are never judged: only shown beside the goal that answers them", async () => {
    const national = await createProgramme(db, admin, { ...NEXT, code: "999/QĐ-TTg", scope: "NATIONAL", titleVi: "Chương trình quốc gia thử" });
    expect(await db.programme.findUniqueOrThrow({ where: { id: national.id } })).toMatchObject({ scope: "NATIONAL", provinceCode: null });
    const enterprises = await db.indicator.findUniqueOrThrow({ where: { code: "DIGITAL_ENTERPRISES" } });
    const before = await goals("DIGITAL_ENTERPRISES");
    await setTarget(db, admin, { indicatorId: enterprises.id, programmeId: national.id, level: "PROVINCE", sectorId: "", year: "2030", comparator: "GTE", value: "5000", descriptionVi: "", sourceClauseVi: "thử", sourceVi: "thử" });
    expect(await goals("DIGITAL_ENTERPRISES")).toEqual(before);
  });

  it("ends or supersedes a programme with a reason, audited; refuses a successor that is itself, missing, of another scope, or superseded by it", async () => {
    const [resolution, next, national] = await Promise.all([
      db.programme.findUniqueOrThrow({ where: { code: "01-NQ/TU" } }),
      db.programme.findUniqueOrThrow({ where: { code: "05-NQ/TU" } }),
      db.programme.findUniqueOrThrow({ where: { code: "749/QĐ-TTg" } }),
    ]);
    const reason = "Nghị quyết mới thay thế từ năm 2026";
    expect((await refusal(setProgrammeStatus(db, admin, { programmeId: resolution.id, status: "SUPERSEDED", supersededById: "", reason }))).fieldErrors?.supersededById).toEqual([PROGRAMME_MESSAGES.successorMissing]);
    expect((await refusal(setProgrammeStatus(db, admin, { programmeId: resolution.id, status: "SUPERSEDED", supersededById: resolution.id, reason }))).fieldErrors?.supersededById).toEqual([PROGRAMME_MESSAGES.successorSelf]);
    expect((await refusal(setProgrammeStatus(db, admin, { programmeId: resolution.id, status: "ENDED", supersededById: next.id, reason }))).fieldErrors?.supersededById).toEqual([PROGRAMME_MESSAGES.successorNotAllowed]);
    expect((await refusal(setProgrammeStatus(db, admin, { programmeId: resolution.id, status: "SUPERSEDED", supersededById: national.id, reason }))).fieldErrors?.supersededById).toEqual([PROGRAMME_MESSAGES.successorScope]);
    expect((await refusal(setProgrammeStatus(db, admin, { programmeId: resolution.id, status: "ENDED", supersededById: "", reason: "ngắn" }))).fieldErrors?.reason).toEqual([PROGRAMME_MESSAGES.reasonRequired]);
    expect((await refusal(setProgrammeStatus(db, admin, { programmeId: resolution.id, status: "IN_FORCE", supersededById: "", reason }))).code).toBe("NO_CHANGE");
    expect((await db.programme.findUniqueOrThrow({ where: { id: resolution.id } })).status).toBe("IN_FORCE");

    await setProgrammeStatus(db, admin, { programmeId: resolution.id, status: "SUPERSEDED", supersededById: next.id, reason });
    expect(await db.programme.findUniqueOrThrow({ where: { id: resolution.id } })).toMatchObject({ status: "SUPERSEDED", supersededById: next.id });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: "Programme", entityId: String(resolution.id), action: "PROGRAMME_STATUS_CHANGED" } });
    expect(audit).toMatchObject({ before: { code: "01-NQ/TU", status: "IN_FORCE", supersededBy: null }, after: { code: "01-NQ/TU", status: "SUPERSEDED", supersededBy: "05-NQ/TU" }, reason });
    // A new target with no programme named goes to the province's programme in force: the new one.
    const grdp = await db.indicator.findUniqueOrThrow({ where: { code: "DIGITAL_ECONOMY_GRDP" } });
    const added = await setTarget(db, admin, { indicatorId: grdp.id, level: "PROVINCE", sectorId: "", year: "2030", comparator: "GT", value: "30", descriptionVi: "", sourceClauseVi: "trên 30% GRDP", sourceVi: "05-NQ/TU" });
    expect((await db.target.findUniqueOrThrow({ where: { id: added.targetId }, include: { programme: true } })).programme.code).toBe("05-NQ/TU");
    // The successor cannot in turn be superseded by what it replaced, directly or through a third programme.
    expect((await refusal(setProgrammeStatus(db, admin, { programmeId: next.id, status: "SUPERSEDED", supersededById: resolution.id, reason }))).fieldErrors?.supersededById).toEqual([PROGRAMME_MESSAGES.successorCycle]);
    const third = await createProgramme(db, admin, { ...NEXT, code: "07-NQ/TU", titleVi: "Nghị quyết thử thứ ba" });
    await setProgrammeStatus(db, admin, { programmeId: next.id, status: "SUPERSEDED", supersededById: third.id, reason });
    expect((await refusal(setProgrammeStatus(db, admin, { programmeId: third.id, status: "SUPERSEDED", supersededById: resolution.id, reason }))).fieldErrors?.supersededById).toEqual([PROGRAMME_MESSAGES.successorCycle]);
    expect(await db.programme.findUniqueOrThrow({ where: { id: third.id } })).toMatchObject({ status: "IN_FORCE", supersededById: null });
    // Back as before for the tests below: 05-NQ/TU in force, the third one ended.
    await setProgrammeStatus(db, admin, { programmeId: next.id, status: "IN_FORCE", supersededById: "", reason });
    await setProgrammeStatus(db, admin, { programmeId: third.id, status: "ENDED", supersededById: "", reason });
  });

  it("creates an indicator of the catalogue, audited and placed last; refuses an incomplete one field by field", async () => {
    const khcn = await db.department.findUniqueOrThrow({ where: { code: "SO_KHCN" } });
    const input = {
      code: "DVC_TOAN_TRINH",
      nameVi: "Tỷ lệ dịch vụ công trực tuyến toàn trình",
      nameEn: "Share of fully online public services",
      group: "DIGITAL_GOVERNMENT",
      kind: "RATIO",
      unitVi: "%",
      unitEn: "%",
      numeratorLabelVi: "Số dịch vụ toàn trình",
      denominatorLabelVi: "Tổng số dịch vụ đủ điều kiện",
      direction: "INCREASE",
      levels: ["PROVINCE"],
      periodBasis: "QUARTER_END",
      responsibleDepartmentId: String(khcn.id),
      methodologyVi: "Tử số / mẫu số tại ngày cuối quý.",
      methodologyEn: "Numerator / denominator on the quarter's last day.",
      sourceVi: "05-NQ/TU",
    };
    const before = await db.indicator.count();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...input, code: "dvc toan trinh" }, "code", NEW_INDICATOR_MESSAGES.codeInvalid],
      [{ ...input, code: "DVC_L4_SHARE" }, "code", NEW_INDICATOR_MESSAGES.codeTaken],
      [{ ...input, denominatorLabelVi: "" }, "denominatorLabelVi", NEW_INDICATOR_MESSAGES.ratioLabels],
      [{ ...input, kind: "COUNT" }, "numeratorLabelVi", NEW_INDICATOR_MESSAGES.labelsNotRatio],
      [{ ...input, levels: [] }, "levels", NEW_INDICATOR_MESSAGES.levelsMissing],
      [{ ...input, yearlyRate: "on" }, "yearlyRate", NEW_INDICATOR_MESSAGES.yearlyRateRule],
      [{ ...input, responsibleDepartmentId: String((await db.department.findUniqueOrThrow({ where: { code: "SO_TTTT" } })).id) }, "responsibleDepartmentId", INDICATOR_MESSAGES.departmentClosed],
    ];
    for (const [bad, field, message] of cases) {
      expect((await refusal(createIndicator(db, admin, bad))).fieldErrors?.[field], field).toEqual([message]);
    }
    expect(await refusal(createIndicator(db, editor, input))).toMatchObject({ code: "FORBIDDEN" });
    expect(await db.indicator.count()).toBe(before);

    const created = await createIndicator(db, admin, input);
    const row = await db.indicator.findUniqueOrThrow({ where: { id: created.id } });
    const maxBefore = await db.indicator.aggregate({ where: { id: { not: created.id } }, _max: { sortOrder: true } });
    expect(row).toMatchObject({ code: "DVC_TOAN_TRINH", kind: "RATIO", levels: ["PROVINCE"], bySector: false, yearlyRate: false, periodBasis: "QUARTER_END", responsibleDepartmentId: khcn.id });
    expect(row.sortOrder).toBe(maxBefore._max.sortOrder! + 10);
    expect(await db.auditLog.findFirstOrThrow({ where: { entityType: "Indicator", entityId: String(created.id), action: "INDICATOR_CREATED" } })).toMatchObject({ actorLabel: "Quản trị" });
    // It is in the overview at once, a row with no goal until a target is set.
    expect(await goals("DVC_TOAN_TRINH")).toEqual([]);
    expect(buildOverview(await loadOverviewInputs(db), { year: 2026, quarter: 3 }).rows.some((r) => r.key === "DVC_TOAN_TRINH")).toBe(true);
  });

  it("the public home shows the province's programme in force (and the indicators no programme sets a target for); every provincial programme has its page; a national one has none", async () => {
    const base = { locale: "vi" as const, generation: "00000000.0.2026-Q3", asOf: "2026-Q3" };
    const byCode = new Map((await db.programme.findMany({ select: { id: true, code: true } })).map((p) => [p.code, p.id]));
    const programmes = await loadProgrammeSummaries(db);
    // 05-NQ/TU superseded 01-NQ/TU above and is in force; 07-NQ/TU was ended.
    expect(programmeInForce(programmes)?.code).toBe("05-NQ/TU");
    expect(programmes.map((p) => [p.code, p.slug, p.status])).toEqual(
      expect.arrayContaining([
        ["05-NQ/TU", "05-nq-tu", "IN_FORCE"],
        ["01-NQ/TU", "01-nq-tu", "SUPERSEDED"],
        ["07-NQ/TU", "07-nq-tu", "ENDED"],
        ["749/QĐ-TTg", "749-qd-ttg", "IN_FORCE"],
      ]),
    );
    const codes = (inputs: { indicators: { code: string }[] }) => inputs.indicators.map((i) => i.code).sort();
    const judged = await db.target.findMany({ where: { supersededAt: null, programme: { scope: "PROVINCE" } }, select: { programmeId: true, indicator: { select: { code: true } } } });
    const untargeted = (await db.indicator.findMany({ select: { code: true } })).map((i) => i.code).filter((c) => !judged.some((t) => t.indicator.code === c));
    expect(untargeted).toContain("DVC_TOAN_TRINH");
    const ofProgramme = (code: string) => [...new Set(judged.filter((t) => t.programmeId === byCode.get(code)).map((t) => t.indicator.code))];

    const home = await loadHome(base, db);
    expect(home).toMatchObject({ programmeId: byCode.get("05-NQ/TU"), view: "home" });
    expect(codes(home.inputs)).toEqual([...ofProgramme("05-NQ/TU"), ...untargeted].sort());
    expect(home.inputs.targets).toHaveLength(judged.filter((t) => t.programmeId === byCode.get("05-NQ/TU")).length);

    const resolution = await loadProgramme(base, "01-nq-tu", db);
    expect(resolution).toMatchObject({ programmeId: byCode.get("01-NQ/TU"), view: "programme" });
    expect(codes(resolution!.inputs)).toEqual(ofProgramme("01-NQ/TU").sort());
    expect(codes(resolution!.inputs)).not.toContain("DVC_TOAN_TRINH");
    // Its goals keep their verdicts: the overview of the superseded programme still judges its 2025 targets.
    const overview = buildOverview(resolution!.inputs, { year: 2026, quarter: 3 });
    expect(overview.rows.flatMap((r) => r.goals).filter((g) => g.target.year === 2025 && g.assessment !== null).length).toBeGreaterThan(0);

    expect(await loadProgramme(base, "749-qd-ttg", db)).toBeNull();
    expect(await loadProgramme(base, "khong-co", db)).toBeNull();

    // The dashboard's "Chương trình" filter: the same scope, without the untargeted indicators.
    const asOf = { year: 2026, quarter: 3 } as const;
    const all = await loadDashboardOverview(db, { provinceCode: "19", asOf });
    const only = await loadDashboardOverview(db, { provinceCode: "19", asOf, programmeId: byCode.get("01-NQ/TU")! });
    expect([...new Set(only.rows.map((r) => r.indicator.code))].sort()).toEqual(ofProgramme("01-NQ/TU").sort());
    expect(all.rows.length).toBeGreaterThan(only.rows.length);
    expect(all.rows.map((r) => r.indicator.code)).toContain("DVC_TOAN_TRINH");
  });
});
