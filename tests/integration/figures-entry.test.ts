/**
 * Data entry against a database of its own: every context rule refuses with
 * its Vietnamese message and changes nothing; scope; save → submit → audit;
 * locked periods; stale versions; all-or-nothing batches; the entry grid.
 */
import { homeProvince } from "@/lib/geography";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthError } from "@/lib/auth/errors";
import { DomainError } from "@/lib/actions/result";
import { CONFLICT_MESSAGE, saveDrafts, submitFigures, type FigureConflict, type RowProblem } from "@/lib/services/figures";
import type { Actor } from "@/lib/auth/actor";
import {
  NOW,
  anyUnit,
  checksum,
  createScopedEditor,
  indicatorId,
  missingCommunes,
  periodId,
  refusal,
  sectorId,
  setupFigureDatabase,
  unitOn,
  type FigureTestDb,
} from "./figures-fixtures";

let t: FigureTestDb;
const ids = {} as {
  q3: number; // 2026 Q3, open
  q2: number; // 2026 Q2, locked
  q2025: number; // 2025 Q2, locked, before the reform
  future: number; // 2027 Q1, created by the test
  edossier: number;
  commune: number;
  district: number;
  openData: number;
  rank: number;
  sectorShare: number;
  industry: number;
  province: number;
};
let missing: { id: number; name: string }[];
const savedUrl = process.env.DATABASE_URL;

beforeAll(async () => {
  t = await setupFigureDatabase("entry");
  const p = t.prisma;
  ids.q3 = await periodId(p, 2026, 3);
  ids.q2 = await periodId(p, 2026, 2);
  ids.q2025 = await periodId(p, 2025, 2);
  ids.future = (await p.reportingPeriod.create({ data: { year: 2027, quarter: 1, status: "OPEN", deadline: new Date("2027-04-20T16:59:59Z") } })).id;
  ids.edossier = await indicatorId(p, "EDOSSIER_RATE");
  ids.commune = await indicatorId(p, "WORK_DOSSIER_ONLINE_COMMUNE");
  ids.district = await indicatorId(p, "WORK_DOSSIER_ONLINE_DISTRICT");
  ids.openData = await indicatorId(p, "OPEN_DATA");
  ids.rank = await indicatorId(p, "DTI_RANK");
  ids.sectorShare = await indicatorId(p, "DIGITAL_ECONOMY_SECTOR");
  ids.industry = await sectorId(p, "INDUSTRY");
  ids.province = (await unitOn(p, "19", "2026-09-30")).id;
  missing = await missingCommunes(p, 2026, 3);
  expect(missing.length).toBeGreaterThanOrEqual(6);
}, 300_000);

afterAll(async () => {
  process.env.DATABASE_URL = savedUrl;
  await t?.close();
});

function ratioRow(indicator: number, unit: number, period: number, numerator: number | string, denominator: number | string, version = 0) {
  return { indicatorId: indicator, unitId: unit, periodId: period, sectorId: null, numerator, denominator, version };
}

async function expectNothingChanged(fn: () => Promise<unknown>) {
  const before = await checksum(t.prisma);
  const error = await refusal(fn);
  expect(await checksum(t.prisma)).toBe(before);
  return error;
}

async function expectDomainError(fn: () => Promise<unknown>, code: string, message: string | RegExp) {
  const error = await expectNothingChanged(fn);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  expect(error.message).toMatch(message);
  return error as DomainError;
}

async function auditOf(figureId: number) {
  return t.prisma.auditLog.findMany({ where: { entityType: "Figure", entityId: String(figureId) }, orderBy: { id: "asc" } });
}

describe("context rules: refused with their message, nothing changed", () => {
  it("no future quarter", async () => {
    await expectDomainError(
      () => saveDrafts(t.prisma, t.actors.editorVp, { periodId: ids.future, rows: [ratioRow(ids.edossier, ids.province, ids.future, 1, 2)] }, { now: NOW }),
      "FUTURE_PERIOD",
      "Quý I/2027 chưa bắt đầu: không thể nhập số liệu cho quý trong tương lai.",
    );
  });

  it("a locked period refuses an editor", async () => {
    const province2 = (await unitOn(t.prisma, "19", "2026-06-30")).id;
    await expectDomainError(
      () => saveDrafts(t.prisma, t.actors.editorVp, { periodId: ids.q2, rows: [ratioRow(ids.edossier, province2, ids.q2, 1, 2, 1)], reason: "Sửa theo báo cáo bổ sung" }, { now: NOW }),
      "PERIOD_LOCKED",
      "Quý II/2026 đã khóa sổ: không thể thay đổi số liệu của kỳ này.",
    );
  });

  it("an indicator is entered only at its levels", async () => {
    const error = await expectDomainError(
      () => saveDrafts(t.prisma, t.actors.editorVp, { periodId: ids.q3, rows: [ratioRow(ids.edossier, missing[0]!.id, ids.q3, 1, 2)] }, { now: NOW }),
      "INVALID_FIGURE",
      /không nhập ở cấp xã; chỉ nhập ở cấp tỉnh\./,
    );
    expect((error.details as { problems: RowProblem[] }).problems).toEqual([expect.objectContaining({ index: 0, field: "unitId" })]);
  });

  it("no district after 30 June 2025", async () => {
    const district = await anyUnit(t.prisma, "DISTRICT", "2025-06-30");
    await expectDomainError(
      () => saveDrafts(t.prisma, t.actors.editorVp, { periodId: ids.q3, rows: [ratioRow(ids.district, district.id, ids.q3, 1, 2)] }, { now: NOW }),
      "INVALID_FIGURE",
      `${district.name} không còn tồn tại vào cuối Quý III/2026 (chỉ tồn tại đến 30/06/2025).`,
    );
  });

  it("no new commune before 1 July 2025 (even for an admin with a reason)", async () => {
    await expectDomainError(
      () =>
        saveDrafts(
          t.prisma,
          t.actors.admin,
          { periodId: ids.q2025, rows: [ratioRow(ids.commune, missing[0]!.id, ids.q2025, 1, 2)], reason: "Bổ sung số liệu còn thiếu" },
          { now: NOW },
        ),
      "INVALID_FIGURE",
      `${missing[0]!.name} chưa tồn tại trong Quý II/2025 (thành lập từ 01/07/2025).`,
    );
  });

  it("a sector iff the indicator is broken down by sector", async () => {
    await expectDomainError(
      () => saveDrafts(t.prisma, t.actors.admin, { periodId: ids.q3, rows: [ratioRow(ids.sectorShare, ids.province, ids.q3, 1, 2)] }, { now: NOW }),
      "INVALID_FIGURE",
      "nhập theo ngành, lĩnh vực: hãy chọn ngành, lĩnh vực.",
    );
    await expectDomainError(
      () =>
        saveDrafts(t.prisma, t.actors.editorVp, { periodId: ids.q3, rows: [{ ...ratioRow(ids.edossier, ids.province, ids.q3, 1, 2), sectorId: ids.industry }] }, { now: NOW }),
      "INVALID_FIGURE",
      "không nhập theo ngành, lĩnh vực.",
    );
  });

  it("the row's shape matches the indicator's kind", async () => {
    await expectDomainError(
      () =>
        saveDrafts(t.prisma, t.actors.editorVp, { periodId: ids.q3, rows: [{ indicatorId: ids.edossier, unitId: ids.province, periodId: ids.q3, value: 50, version: 0 }] }, { now: NOW }),
      "INVALID_FIGURE",
      "Chỉ tiêu này là tỷ lệ: hãy nhập tử số và mẫu số, không nhập giá trị.",
    );
    await expectDomainError(
      () => saveDrafts(t.prisma, t.actors.editor, { periodId: ids.q3, rows: [ratioRow(ids.openData, ids.province, ids.q3, 1, 2)] }, { now: NOW }),
      "INVALID_FIGURE",
      "Chỉ tiêu này không phải tỷ lệ: hãy nhập giá trị, không nhập tử số và mẫu số.",
    );
    await expectDomainError(
      () => saveDrafts(t.prisma, t.actors.editor, { periodId: ids.q3, rows: [{ indicatorId: ids.rank, unitId: ids.province, periodId: ids.q3, value: "64", version: 0 }] }, { now: NOW }),
      "INVALID_FIGURE",
      "Thứ hạng không được lớn hơn 63.",
    );
  });

  it("form rules refuse before any database rule: numerator above denominator, Vietnamese numbers", async () => {
    await expectDomainError(
      () => saveDrafts(t.prisma, t.actors.editorVp, { periodId: ids.q3, rows: [ratioRow(ids.commune, missing[0]!.id, ids.q3, "1.651", "1.650")] }, { now: NOW }),
      "INVALID_INPUT",
      "Tử số không được lớn hơn mẫu số.",
    );
  });

  it("ids that name nothing", async () => {
    await expectDomainError(
      () => saveDrafts(t.prisma, t.actors.admin, { periodId: 999_999, rows: [ratioRow(ids.edossier, ids.province, 999_999, 1, 2)] }, { now: NOW }),
      "NOT_FOUND",
      "Không tìm thấy kỳ báo cáo.",
    );
    await expectDomainError(
      () => saveDrafts(t.prisma, t.actors.admin, { periodId: ids.q3, rows: [ratioRow(ids.edossier, 999_999, ids.q3, 1, 2)] }, { now: NOW }),
      "INVALID_FIGURE",
      "Đơn vị hành chính không tồn tại.",
    );
    await expectDomainError(
      () => submitFigures(t.prisma, t.actors.admin, { figures: [{ id: 999_999, version: 1 }] }, { now: NOW }),
      "NOT_FOUND",
      "Không tìm thấy số liệu cần gửi duyệt",
    );
  });
});

describe("scope", () => {
  it("an editor of Sở KHCN cannot write Văn phòng UBND's indicator", async () => {
    const error = await expectNothingChanged(() =>
      saveDrafts(t.prisma, t.actors.editor, { periodId: ids.q3, rows: [ratioRow(ids.commune, missing[0]!.id, ids.q3, 1, 2)] }, { now: NOW }),
    );
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).code).toBe("OUT_OF_SCOPE");
    expect(error.message).toBe("Chỉ tiêu hoặc đơn vị này không thuộc phạm vi bạn được giao.");
  });

  it("an editor limited to one commune cannot write another, and can write theirs", async () => {
    const [mine, other] = [missing[1]!, missing[2]!];
    const scoped = await createScopedEditor(t.prisma, "scoped-vp@test.dx-tracker.vn", "VP_UBND", [mine.id]);
    const error = await expectNothingChanged(() =>
      saveDrafts(t.prisma, scoped, { periodId: ids.q3, rows: [ratioRow(ids.commune, other.id, ids.q3, 1, 2)] }, { now: NOW }),
    );
    expect((error as AuthError).code).toBe("OUT_OF_SCOPE");
    // One row out of scope refuses the whole batch.
    await expectNothingChanged(() =>
      saveDrafts(t.prisma, scoped, { periodId: ids.q3, rows: [ratioRow(ids.commune, mine.id, ids.q3, 1, 2), ratioRow(ids.commune, other.id, ids.q3, 1, 2)] }, { now: NOW }),
    );
    const ok = await saveDrafts(t.prisma, scoped, { periodId: ids.q3, rows: [ratioRow(ids.commune, mine.id, ids.q3, 5, 8)] }, { now: NOW });
    expect(ok.saved).toHaveLength(1);
    // Nor may they submit a figure of a unit outside their scope.
    const foreign = await t.prisma.figure.findFirstOrThrow({ where: { indicatorId: ids.commune, periodId: ids.q3, status: "DRAFT", unitId: { not: mine.id } } });
    const submitError = await expectNothingChanged(() => submitFigures(t.prisma, scoped, { figures: [{ id: foreign.id, version: foreign.version }] }, { now: NOW }));
    expect((submitError as AuthError).code).toBe("OUT_OF_SCOPE");
  });

  it.each(["viewer", "approver"] as const)("a %s cannot write or submit", async (who) => {
    const actor = t.actors[who];
    const saveError = await expectNothingChanged(() =>
      saveDrafts(t.prisma, actor, { periodId: ids.q3, rows: [ratioRow(ids.commune, missing[0]!.id, ids.q3, 1, 2)] }, { now: NOW }),
    );
    expect(saveError).toBeInstanceOf(AuthError);
    expect((saveError as AuthError).code).toBe("FORBIDDEN");
    const draft = await t.prisma.figure.findFirstOrThrow({ where: { periodId: ids.q3, status: "DRAFT" } });
    const submitError = await expectNothingChanged(() => submitFigures(t.prisma, actor, { figures: [{ id: draft.id, version: draft.version }] }, { now: NOW }));
    expect((submitError as AuthError).code).toBe("FORBIDDEN");
  });

  it("nobody signed in cannot write", async () => {
    const error = await expectNothingChanged(() =>
      saveDrafts(t.prisma, null as unknown as Actor, { periodId: ids.q3, rows: [ratioRow(ids.commune, missing[0]!.id, ids.q3, 1, 2)] }, { now: NOW }),
    );
    expect((error as AuthError).code).toBe("UNAUTHENTICATED");
  });
});

describe("save → submit → audit", () => {
  it("creates a draft, leaves unchanged rows alone, versions every change and submits it", async () => {
    const unit = missing[3]!;
    const vp = t.actors.editorVp;
    const created = await saveDrafts(t.prisma, vp, { periodId: ids.q3, rows: [{ ...ratioRow(ids.commune, unit.id, ids.q3, "1.332", "2.000"), comment: " ước tính " }] }, { now: NOW });
    expect(created).toEqual({ saved: [expect.objectContaining({ unitId: unit.id, numerator: 1332, denominator: 2000, value: null, status: "DRAFT", version: 1, comment: "ước tính", updatedByName: vp.name })], unchanged: 0 });
    const figureId = created.saved[0]!.id;
    const vpDepartment = await t.prisma.department.findUniqueOrThrow({ where: { code: "VP_UBND" } });
    const row = await t.prisma.figure.findUniqueOrThrow({ where: { id: figureId } });
    expect(row).toMatchObject({ departmentId: vpDepartment.id, createdById: vp.id, updatedById: vp.id, isDemo: false });

    // The same values again: no new version, no audit row.
    const again = await saveDrafts(t.prisma, vp, { periodId: ids.q3, rows: [{ ...ratioRow(ids.commune, unit.id, ids.q3, 1332, 2000, 1), comment: "ước tính" }] }, { now: NOW });
    expect(again).toEqual({ saved: [], unchanged: 1 });
    expect((await t.prisma.figure.findUniqueOrThrow({ where: { id: figureId } })).version).toBe(1);

    const changed = await saveDrafts(t.prisma, vp, { periodId: ids.q3, rows: [ratioRow(ids.commune, unit.id, ids.q3, 1400, 2000, 1)] }, { now: NOW });
    expect(changed.saved[0]).toMatchObject({ version: 2, numerator: 1400, comment: null, status: "DRAFT" });

    const submitted = await submitFigures(t.prisma, vp, { figures: [{ id: figureId, version: 2 }] }, { now: NOW });
    expect(submitted.submitted[0]).toMatchObject({ id: figureId, status: "SUBMITTED", version: 3 });
    expect((await t.prisma.figure.findUniqueOrThrow({ where: { id: figureId } })).submittedAt).not.toBeNull();

    const audit = await auditOf(figureId);
    expect(audit.map((a) => [a.action, a.actorId, a.actorLabel])).toEqual([
      ["FIGURE_SAVED", vp.id, vp.name],
      ["FIGURE_SAVED", vp.id, vp.name],
      ["FIGURE_SUBMITTED", vp.id, vp.name],
    ]);
    expect(audit[0]!.before).toBeNull();
    expect(audit[0]!.after).toMatchObject({ numerator: 1332, denominator: 2000, value: null, comment: "ước tính", status: "DRAFT", version: 1, unitId: unit.id });
    expect(audit[1]!.before).toEqual({ numerator: 1332, denominator: 2000, value: null, comment: "ước tính", observationStatus: "NORMAL", sourceDocument: null, status: "DRAFT", version: 1 });
    expect(audit[1]!.after).toMatchObject({ numerator: 1400, comment: null, status: "DRAFT", version: 2 });
    expect(audit[2]!.before).toMatchObject({ status: "DRAFT", version: 2 });
    expect(audit[2]!.after).toMatchObject({ numerator: 1400, status: "SUBMITTED", version: 3 });

    // Submitting it again: it is no longer a draft.
    await expectDomainError(() => submitFigures(t.prisma, vp, { figures: [{ id: figureId, version: 3 }] }, { now: NOW }), "INVALID_STATUS", "Bản nháp hoặc Bị từ chối");
  });

  it("an edited SUBMITTED or REJECTED figure goes back to DRAFT; a REJECTED one can also be resubmitted as is", async () => {
    const [a, b] = await t.prisma.figure.findMany({ where: { periodId: ids.q3, indicatorId: ids.commune, status: "SUBMITTED" }, take: 2, orderBy: { id: "asc" } });
    const vp = t.actors.editorVp;
    const edited = await saveDrafts(t.prisma, vp, { periodId: ids.q3, rows: [ratioRow(ids.commune, a!.unitId, ids.q3, 10, 20, a!.version)] }, { now: NOW });
    expect(edited.saved[0]).toMatchObject({ status: "DRAFT", version: a!.version + 1 });
    expect((await t.prisma.figure.findUniqueOrThrow({ where: { id: a!.id } })).submittedAt).toBeNull();

    // The review side is another module: reject by hand, as it would.
    const rejected = await t.prisma.figure.update({ where: { id: b!.id }, data: { status: "REJECTED", reviewComment: "Mẫu số chưa khớp báo cáo", version: { increment: 1 } } });
    const resubmitted = await submitFigures(t.prisma, vp, { figures: [{ id: b!.id, version: rejected.version }] }, { now: NOW });
    expect(resubmitted.submitted[0]).toMatchObject({ status: "SUBMITTED", version: rejected.version + 1 });
    const rejectedAgain = await t.prisma.figure.update({ where: { id: b!.id }, data: { status: "REJECTED", version: { increment: 1 } } });
    const fixed = await saveDrafts(t.prisma, vp, { periodId: ids.q3, rows: [ratioRow(ids.commune, b!.unitId, ids.q3, 11, 20, rejectedAgain.version)] }, { now: NOW });
    expect(fixed.saved[0]).toMatchObject({ status: "DRAFT", version: rejectedAgain.version + 1, reviewComment: "Mẫu số chưa khớp báo cáo" });
  });

  it("an edited APPROVED figure becomes a DRAFT while its publication stays public, unchanged", async () => {
    const approved = await t.prisma.figure.findFirstOrThrow({
      where: { periodId: ids.q3, indicatorId: ids.commune, status: "APPROVED", publications: { some: { supersededAt: null } } },
      include: { publications: { where: { supersededAt: null } } },
    });
    const publication = approved.publications[0]!;
    const saved = await saveDrafts(t.prisma, t.actors.editorVp, { periodId: ids.q3, rows: [ratioRow(ids.commune, approved.unitId, ids.q3, 1, 3, approved.version)] }, { now: NOW });
    expect(saved.saved[0]).toMatchObject({ status: "DRAFT", numerator: 1, denominator: 3 });
    expect(await t.prisma.figurePublication.findMany({ where: { figureId: approved.id, supersededAt: null } })).toEqual([publication]);
  });
});

describe("provenance (issue #14, item 11)", () => {
  it("an editor marks a figure provisional with its source document; approved, the downloads and the API publish both with the responsible agency", async () => {
    // A draft of the demo data (the other tests take submitted, approved or missing cells).
    const draft = await t.prisma.figure.findFirstOrThrow({ where: { periodId: ids.q3, indicatorId: ids.commune, status: "DRAFT" }, orderBy: { id: "desc" } });
    const unit = { id: draft.unitId };
    const v = draft.version;
    const vp = t.actors.editorVp;
    const source = "Báo cáo số 125/BC-UBND ngày 10/10/2026";
    const saved = await saveDrafts(
      t.prisma,
      vp,
      { periodId: ids.q3, rows: [{ ...ratioRow(ids.commune, unit.id, ids.q3, 300, 400, v), observationStatus: "PROVISIONAL", sourceDocument: `  ${source} ` }] },
      { now: NOW },
    );
    expect(saved.saved[0]).toMatchObject({ observationStatus: "PROVISIONAL", sourceDocument: source });
    const figureId = saved.saved[0]!.id;
    expect((await auditOf(figureId)).at(-1)!.after).toMatchObject({ observationStatus: "PROVISIONAL", sourceDocument: source });
    // Only the provenance changes: a new version, audited with before and after.
    const confirmed = await saveDrafts(t.prisma, vp, { periodId: ids.q3, rows: [{ ...ratioRow(ids.commune, unit.id, ids.q3, 300, 400, v + 1), observationStatus: "ESTIMATED", sourceDocument: source }] }, { now: NOW });
    expect(confirmed).toMatchObject({ unchanged: 0, saved: [expect.objectContaining({ version: v + 2, observationStatus: "ESTIMATED" })] });
    expect((await auditOf(figureId)).at(-1)!.before).toMatchObject({ observationStatus: "PROVISIONAL" });
    // An unknown status is refused in Vietnamese, nothing written.
    await expectDomainError(
      () => saveDrafts(t.prisma, vp, { periodId: ids.q3, rows: [{ ...ratioRow(ids.commune, unit.id, ids.q3, 300, 400, v + 2), observationStatus: "FINAL" }] }, { now: NOW }),
      "INVALID_INPUT",
      "Tình trạng số liệu phải là Chính thức, Sơ bộ hoặc Ước tính.",
    );

    await submitFigures(t.prisma, vp, { figures: [{ id: figureId, version: v + 2 }] }, { now: NOW });
    const { approveFigures } = await import("@/lib/services/review");
    await approveFigures(t.prisma, t.actors.approver, { items: [{ figureId, version: v + 3, acknowledgedFlags: true }] });
    const { loadPublishedFigures } = await import("@/lib/data/public-figures");
    const { loadFiguresPage } = await import("@/lib/data/open-data");
    const vpDepartment = await t.prisma.department.findUniqueOrThrow({ where: { code: "VP_UBND" } });
    const expected = {
      unit_code: (await t.prisma.adminUnit.findUniqueOrThrow({ where: { id: unit.id } })).code,
      observation_status: "ESTIMATED",
      source_document: source,
      responsible_department_code: "VP_UBND",
      responsible_department_name_vi: vpDepartment.nameVi,
    };
    const download = (await loadPublishedFigures(t.prisma)).filter((r) => r.unit_code === expected.unit_code && r.indicator_code === "WORK_DOSSIER_ONLINE_COMMUNE" && r.period === "2026-Q3");
    expect(download).toEqual([expect.objectContaining(expected)]);
    expect(download[0]!.approved_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const api = await loadFiguresPage(t.prisma, { indicator: ["WORK_DOSSIER_ONLINE_COMMUNE"], unit: [expected.unit_code], level: null, sector: null, from: { year: 2026, quarter: 3 }, to: { year: 2026, quarter: 3 }, asOf: null, after: 0, limit: 10 });
    expect(api.rows).toEqual([expect.objectContaining(expected)]);
    // The publication keeps what was approved, whatever the working copy says later.
    await saveDrafts(t.prisma, vp, { periodId: ids.q3, rows: [{ ...ratioRow(ids.commune, unit.id, ids.q3, 300, 400, v + 4), observationStatus: "NORMAL", sourceDocument: null }] }, { now: NOW });
    expect(await t.prisma.figurePublication.findFirstOrThrow({ where: { figureId, supersededAt: null }, select: { observationStatus: true, sourceDocument: true } })).toEqual({ observationStatus: "ESTIMATED", sourceDocument: source });
  });
});

describe("locked periods", () => {
  it("an admin may change a locked period only with a reason of at least 10 characters, kept in the audit", async () => {
    const province2 = (await unitOn(t.prisma, "19", "2026-06-30")).id;
    const figure = await t.prisma.figure.findFirstOrThrow({ where: { periodId: ids.q2, indicatorId: ids.edossier, unitId: province2 } });
    const row = ratioRow(ids.edossier, province2, ids.q2, 100, 200, figure.version);
    await expectDomainError(
      () => saveDrafts(t.prisma, t.actors.admin, { periodId: ids.q2, rows: [row] }, { now: NOW }),
      "REASON_REQUIRED",
      "Quý II/2026 đã khóa sổ: cần nêu lý do sửa số liệu (ít nhất 10 ký tự).",
    );
    await expectDomainError(
      () => saveDrafts(t.prisma, t.actors.admin, { periodId: ids.q2, rows: [row], reason: "sai số" }, { now: NOW }),
      "INVALID_INPUT",
      "Lý do phải có ít nhất 10 ký tự.",
    );
    const reason = "Cập nhật theo báo cáo điều chỉnh của Văn phòng";
    const saved = await saveDrafts(t.prisma, t.actors.admin, { periodId: ids.q2, rows: [row], reason }, { now: NOW });
    expect(saved.saved[0]).toMatchObject({ status: "DRAFT", version: figure.version + 1 });
    const submitted = await submitFigures(t.prisma, t.actors.admin, { figures: [{ id: figure.id, version: figure.version + 1 }], reason }, { now: NOW });
    expect(submitted.submitted[0]!.status).toBe("SUBMITTED");
    const audit = await auditOf(figure.id);
    expect(audit.slice(-2).map((a) => [a.action, a.reason])).toEqual([
      ["FIGURE_SAVED", reason],
      ["FIGURE_SUBMITTED", reason],
    ]);
    // The editor may not submit in a locked period either.
    const other = await t.prisma.figure.findFirstOrThrow({ where: { periodId: ids.q2, indicatorId: ids.commune } });
    await t.prisma.figure.update({ where: { id: other.id }, data: { status: "DRAFT", version: { increment: 1 } } });
    await expectDomainError(
      () => submitFigures(t.prisma, t.actors.editorVp, { figures: [{ id: other.id, version: other.version + 1 }], reason }, { now: NOW }),
      "PERIOD_LOCKED",
      "Quý II/2026 đã khóa sổ",
    );
  });
});

describe("conflicts: a stale version refuses the whole batch, showing the current value", () => {
  it("a save over someone else's change is refused with their value, who and when", async () => {
    const unit = missing[4]!;
    const created = await saveDrafts(t.prisma, t.actors.editorVp, { periodId: ids.q3, rows: [ratioRow(ids.commune, unit.id, ids.q3, 50, 100)] }, { now: NOW });
    const figureId = created.saved[0]!.id;
    // The admin saves first, from version 1.
    await saveDrafts(t.prisma, t.actors.admin, { periodId: ids.q3, rows: [ratioRow(ids.commune, unit.id, ids.q3, 70, 100, 1)] }, { now: NOW });
    // The editor, still on version 1, saves this row and a fine one: nothing is written.
    const other = missing[5]!;
    const error = await expectDomainError(
      () =>
        saveDrafts(
          t.prisma,
          t.actors.editorVp,
          { periodId: ids.q3, rows: [ratioRow(ids.commune, other.id, ids.q3, 1, 2), ratioRow(ids.commune, unit.id, ids.q3, 60, 100, 1)] },
          { now: NOW },
        ),
      "CONFLICT",
      CONFLICT_MESSAGE,
    );
    expect(error.message).toMatch(/^Số liệu đã được người khác thay đổi/);
    const conflicts = (error.details as { conflicts: FigureConflict[] }).conflicts;
    expect(conflicts).toEqual([
      {
        index: 1,
        indicatorId: ids.commune,
        unitId: unit.id,
        sectorId: null,
        yourVersion: 1,
        current: expect.objectContaining({ id: figureId, numerator: 70, denominator: 100, version: 2, status: "DRAFT", updatedByName: t.actors.admin.name }),
      },
    ]);
    expect(Date.parse(conflicts[0]!.current!.updatedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(await t.prisma.figure.count({ where: { unitId: other.id, periodId: ids.q3 } })).toBe(0);
  });

  it("a new row (version 0) for a figure that exists is a conflict; so is a version for a figure that does not", async () => {
    const existing = await t.prisma.figure.findFirstOrThrow({ where: { periodId: ids.q3, indicatorId: ids.commune, status: "APPROVED" } });
    const error = await expectDomainError(
      () => saveDrafts(t.prisma, t.actors.editorVp, { periodId: ids.q3, rows: [ratioRow(ids.commune, existing.unitId, ids.q3, 1, 2, 0)] }, { now: NOW }),
      "CONFLICT",
      CONFLICT_MESSAGE,
    );
    expect((error.details as { conflicts: FigureConflict[] }).conflicts[0]!.current).toMatchObject({ id: existing.id, version: existing.version, numerator: Number(existing.numerator) });
    const absent = missing[missing.length - 1]!;
    const gone = await expectDomainError(
      () => saveDrafts(t.prisma, t.actors.editorVp, { periodId: ids.q3, rows: [ratioRow(ids.commune, absent.id, ids.q3, 1, 2, 3)] }, { now: NOW }),
      "CONFLICT",
      CONFLICT_MESSAGE,
    );
    expect((gone.details as { conflicts: FigureConflict[] }).conflicts[0]!.current).toBeNull();
  });

  it("a submit naming a stale version is refused, all or nothing", async () => {
    const drafts = await t.prisma.figure.findMany({ where: { periodId: ids.q3, indicatorId: ids.commune, status: "DRAFT", isDemo: true }, take: 2, orderBy: { id: "asc" } });
    expect(drafts).toHaveLength(2);
    const [a, b] = drafts as [(typeof drafts)[0], (typeof drafts)[0]];
    // Someone edits b after the editor read it at its version.
    await saveDrafts(t.prisma, t.actors.admin, { periodId: ids.q3, rows: [ratioRow(ids.commune, b.unitId, ids.q3, 3, 9, b.version)] }, { now: NOW });
    const error = await expectDomainError(
      () => submitFigures(t.prisma, t.actors.editorVp, { figures: [{ id: a.id, version: a.version }, { id: b.id, version: b.version }] }, { now: NOW }),
      "CONFLICT",
      CONFLICT_MESSAGE,
    );
    expect((error.details as { conflicts: FigureConflict[] }).conflicts).toEqual([
      expect.objectContaining({
        index: 1,
        yourVersion: b.version,
        current: expect.objectContaining({ id: b.id, version: b.version + 1, numerator: 3, denominator: 9, updatedByName: t.actors.admin.name }),
      }),
    ]);
    expect((await t.prisma.figure.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("DRAFT");
  });
});

describe("a batch with one bad row changes nothing", () => {
  it("refuses all rows, naming the bad one", async () => {
    const a = missing[0]!; // never written by any test
    const district = await anyUnit(t.prisma, "DISTRICT", "2025-06-30");
    const error = await expectDomainError(
      () =>
        saveDrafts(
          t.prisma,
          t.actors.admin,
          {
            periodId: ids.q3,
            rows: [ratioRow(ids.commune, a.id, ids.q3, 1, 2), ratioRow(ids.district, district.id, ids.q3, 1, 2), ratioRow(ids.edossier, ids.province, ids.q3, 0, 0)],
          },
          { now: NOW },
        ),
      "INVALID_INPUT",
      "Mẫu số phải lớn hơn 0.",
    );
    expect(error.fieldErrors).toEqual({ rows: ["Mẫu số phải lớn hơn 0."] });
    const second = await expectDomainError(
      () => saveDrafts(t.prisma, t.actors.admin, { periodId: ids.q3, rows: [ratioRow(ids.commune, a.id, ids.q3, 1, 2), ratioRow(ids.district, district.id, ids.q3, 1, 2)] }, { now: NOW }),
      "INVALID_FIGURE",
      "không còn tồn tại",
    );
    expect(second.fieldErrors).toEqual({ "rows.1.unitId": [expect.stringContaining("không còn tồn tại")] });
    expect(await t.prisma.figure.count({ where: { unitId: a.id, periodId: ids.q3, indicatorId: ids.commune } })).toBe(0);
  });

  it("a submit with one approved figure submits nothing", async () => {
    const [draft] = await t.prisma.figure.findMany({ where: { periodId: ids.q3, indicatorId: ids.commune, status: "DRAFT", isDemo: true }, take: 1 });
    const approved = await t.prisma.figure.findFirstOrThrow({ where: { periodId: ids.q3, indicatorId: ids.commune, status: "APPROVED" } });
    await expectDomainError(
      () => submitFigures(t.prisma, t.actors.editorVp, { figures: [{ id: draft!.id, version: draft!.version }, { id: approved.id, version: approved.version }] }, { now: NOW }),
      "INVALID_STATUS",
      "Chỉ gửi duyệt được số liệu ở trạng thái Bản nháp hoặc Bị từ chối.",
    );
  });
});

describe("the entry grid", () => {
  let getEntryGrid: typeof import("@/lib/data/entry").getEntryGrid;
  beforeAll(async () => {
    // lib/db reads DATABASE_URL once, on first use.
    process.env.DATABASE_URL = t.scratch.url;
    ({ getEntryGrid } = await import("@/lib/data/entry"));
  });

  it("shows an editor their department's indicators × the units valid in the quarter, with status and version", async () => {
    const grid = (await getEntryGrid(t.actors.editorVp, "2026-Q3", NOW))!;
    expect(grid.period).toMatchObject({ key: "2026-Q3", label: "Quý III/2026", status: "OPEN" });
    expect(grid.canEditLocked).toBe(false);
    const codes = grid.indicators.map((i) => i.code);
    expect(codes).toEqual(expect.arrayContaining(["EDOSSIER_RATE", "WORK_DOSSIER_ONLINE_PROVINCE", "WORK_DOSSIER_ONLINE_COMMUNE", "ONLINE_SERVICE_SATISFACTION", "ADMIN_PROCEDURE_REDUCTION"]));
    // No district exists at the end of 2026 Q3; nothing of another department.
    expect(codes).not.toContain("WORK_DOSSIER_ONLINE_DISTRICT");
    expect(codes).not.toContain("DVC_L4_SHARE");
    const commune = grid.indicators.find((i) => i.code === "WORK_DOSSIER_ONLINE_COMMUNE")!;
    const rows = commune.groups.flatMap((g) => g.rows);
    expect(rows).toHaveLength(92);
    expect(commune.groups.map((g) => g.parentName)).toEqual([homeProvince().name]);
    const empty = rows.filter((r) => r.figure === null).map((r) => r.unitId);
    expect(empty).toEqual(expect.arrayContaining([missing[missing.length - 1]!.id]));
    const dbFigure = await t.prisma.figure.findFirstOrThrow({ where: { periodId: ids.q3, indicatorId: ids.commune, status: "SUBMITTED" } });
    expect(rows.find((r) => r.unitId === dbFigure.unitId)!.figure).toMatchObject({ id: dbFigure.id, version: dbFigure.version, status: "SUBMITTED", numerator: Number(dbFigure.numerator) });
    // Rows by name in Vietnamese order (issue #16, item 3), not by code.
    const names = rows.map((r) => r.unitName);
    expect(names).toEqual([...names].sort(new Intl.Collator("vi", { sensitivity: "base", numeric: true }).compare));
    expect(grid.userId).toBe(t.actors.editorVp.id);
  });

  it("marks the figures the signed-in user changed last (the grid's “Tôi nhập” filter)", async () => {
    const free = (await getEntryGrid(t.actors.editorVp, "2026-Q3", NOW))!.indicators
      .find((i) => i.code === "WORK_DOSSIER_ONLINE_COMMUNE")!
      .groups.flatMap((g) => g.rows)
      .find((r) => r.figure === null)!;
    await saveDrafts(t.prisma, t.actors.editorVp, { periodId: ids.q3, rows: [ratioRow(ids.commune, free.unitId, ids.q3, 3, 4)] }, { now: NOW });
    const mine = (await getEntryGrid(t.actors.editorVp, "2026-Q3", NOW))!.indicators.flatMap((i) => i.groups.flatMap((g) => g.rows));
    expect(mine.find((r) => r.key === free.key)!.figure).toMatchObject({ numerator: 3, denominator: 4, updatedByMe: true });
    const theirs = (await getEntryGrid(t.actors.admin, "2026-Q3", NOW))!.indicators.flatMap((i) => i.groups.flatMap((g) => g.rows));
    expect(theirs.find((r) => r.key === free.key)!.figure!.updatedByMe).toBe(false);
  });

  it("defaults to the latest open period, shows locked periods read-only except to admins, and knows no other", async () => {
    expect((await getEntryGrid(t.actors.editorVp, undefined, NOW))!.period.key).toBe("2026-Q4");
    const locked = (await getEntryGrid(t.actors.editorVp, "2025-Q2", NOW))!;
    expect(locked.period.status).toBe("LOCKED");
    expect(locked.canEditLocked).toBe(false);
    // Before the reform the commune indicator lists the old communes, grouped by district.
    const communes = locked.indicators.find((i) => i.code === "WORK_DOSSIER_ONLINE_COMMUNE")!;
    expect(communes.groups.length).toBeGreaterThan(10);
    expect(locked.indicators.map((i) => i.code)).toContain("WORK_DOSSIER_ONLINE_DISTRICT");
    expect((await getEntryGrid(t.actors.admin, "2025-Q2", NOW))!.canEditLocked).toBe(true);
    expect(await getEntryGrid(t.actors.editorVp, "2031-Q1", NOW)).toBeNull();
  });

  it("shows an editor with a unit scope only their units", async () => {
    const scoped = await createScopedEditor(t.prisma, "scoped-grid@test.dx-tracker.vn", "VP_UBND", [missing[0]!.id]);
    const grid = (await getEntryGrid(scoped, "2026-Q3", NOW))!;
    expect(grid.indicators.map((i) => i.code)).toEqual(["WORK_DOSSIER_ONLINE_COMMUNE"]);
    expect(grid.indicators[0]!.groups.flatMap((g) => g.rows).map((r) => r.unitId)).toEqual([missing[0]!.id]);
  });
});
