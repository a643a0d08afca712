/**
 * A small hand-made geography and figures for the dashboard's aggregates, small
 * enough to compute every expected number by hand (see dashboard.test.ts).
 *
 * Before 1 July 2025 (2019-01-01 .. 2025-06-30):
 *   province 99 "Tỉnh Thử"        district 991: communes A (99101), B (99102)
 *                                  district 992: commune  C (99201)
 *   province 98 "Tỉnh Bên"        district 981: commune  E (98101)
 * From 1 July 2025: province 99 (both old provinces merged into it), communes
 *   N1 (99001) ← A (FULL), B (PARTIAL)
 *   N2 (99002) ← B (PARTIAL), C (FULL)
 *   N3 (99003) ← E (FULL)
 *
 * Indicators: R (ratio, entered by communes, commune target 2025 "trên 60%",
 * department A) and K (count, entered by the province, target 2025 "≥ 100", department B).
 */
import type { PrismaClient } from "@/lib/db/client";

export const D = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const OLD = { validFrom: D("2019-01-01"), validTo: D("2025-06-30") };
const NEW = { validFrom: D("2025-07-01"), validTo: null };

export type FixtureIds = Record<string, number>;

/** Deadlines: 20 days after each quarter; "late" submissions are after them. */
export const QUARTERS = [
  { year: 2025, quarter: 1, deadline: "2025-04-20T16:59:59Z" },
  { year: 2025, quarter: 2, deadline: "2025-07-20T16:59:59Z" },
  { year: 2025, quarter: 3, deadline: "2025-10-20T16:59:59Z" },
  { year: 2025, quarter: 4, deadline: "2026-01-20T16:59:59Z" },
] as const;

export async function loadDashboardFixture(db: PrismaClient): Promise<FixtureIds> {
  const ids: FixtureIds = {};
  const deptA = await db.department.create({ data: { code: "SO_A", nameVi: "Sở A", nameEn: "Dept A", validFrom: D("2019-01-01") } });
  const deptB = await db.department.create({ data: { code: "SO_B", nameVi: "Sở B", nameEn: "Dept B", validFrom: D("2019-01-01") } });
  ids.deptA = deptA.id;
  ids.deptB = deptB.id;

  const unit = async (key: string, code: string, name: string, level: "PROVINCE" | "DISTRICT" | "COMMUNE", parent: string | null, era: typeof OLD | typeof NEW) => {
    const u = await db.adminUnit.create({
      data: { code, name, type: level === "PROVINCE" ? "Tỉnh" : level === "DISTRICT" ? "Huyện" : "Xã", level, parentId: parent ? ids[parent]! : null, ...era },
    });
    ids[key] = u.id;
  };
  await unit("P99old", "99", "Tỉnh Thử", "PROVINCE", null, OLD);
  await unit("P98old", "98", "Tỉnh Bên", "PROVINCE", null, OLD);
  await unit("D1", "991", "Huyện Một", "DISTRICT", "P99old", OLD);
  await unit("D2", "992", "Huyện Hai", "DISTRICT", "P99old", OLD);
  await unit("D8", "981", "Huyện Tám", "DISTRICT", "P98old", OLD);
  await unit("A", "99101", "Xã An", "COMMUNE", "D1", OLD);
  await unit("B", "99102", "Xã Bình", "COMMUNE", "D1", OLD);
  await unit("C", "99201", "Xã Cường", "COMMUNE", "D2", OLD);
  await unit("E", "98101", "Xã Én", "COMMUNE", "D8", OLD);
  await unit("P99", "99", "Tỉnh Thử", "PROVINCE", null, NEW);
  await unit("N1", "99001", "Xã Nhất", "COMMUNE", "P99", NEW);
  await unit("N2", "99002", "Xã Nhì", "COMMUNE", "P99", NEW);
  await unit("N3", "99003", "Xã Ba", "COMMUNE", "P99", NEW);
  const succ = (from: string, to: string, kind: "FULL" | "PARTIAL") => ({ predecessorId: ids[from]!, successorId: ids[to]!, kind, effectiveDate: D("2025-07-01") });
  await db.succession.createMany({
    data: [
      succ("P99old", "P99", "FULL"),
      succ("P98old", "P99", "FULL"),
      succ("A", "N1", "FULL"),
      succ("B", "N1", "PARTIAL"),
      succ("B", "N2", "PARTIAL"),
      succ("C", "N2", "FULL"),
      succ("E", "N3", "FULL"),
    ],
  });

  const common = { methodologyVi: "—", methodologyEn: "—", sourceVi: "Thử", direction: "INCREASE" as const };
  const r = await db.indicator.create({
    data: { ...common, code: "R", nameVi: "Tỷ lệ R", nameEn: "R rate", group: "DIGITAL_GOVERNMENT", kind: "RATIO", unitVi: "%", unitEn: "%", levels: ["COMMUNE"], responsibleDepartmentId: deptA.id, sortOrder: 1 },
  });
  const k = await db.indicator.create({
    data: { ...common, code: "K", nameVi: "Số K", nameEn: "K count", group: "DIGITAL_ECONOMY", kind: "COUNT", unitVi: "việc", unitEn: "items", levels: ["PROVINCE"], responsibleDepartmentId: deptB.id, sortOrder: 2 },
  });
  ids.R = r.id;
  ids.K = k.id;
  const programme = await db.programme.create({
    data: { code: "THU/01", titleVi: "Chương trình thử", titleEn: "Test programme", issuerVi: "Thử", startYear: 2021, endYear: 2025, visionYear: 2030, scope: "PROVINCE", provinceCode: "99", sourceVi: "Thử" },
  });
  await db.target.createMany({
    data: [
      { programmeId: programme.id, indicatorId: r.id, level: "COMMUNE", year: 2025, comparator: "GT", value: 60, sourceClauseVi: "trên 60%", sourceVi: "Thử" },
      { programmeId: programme.id, indicatorId: r.id, level: "COMMUNE", year: 2030, comparator: "GT", value: 90, sourceClauseVi: "trên 90%", sourceVi: "Thử" },
      { programmeId: programme.id, indicatorId: k.id, level: "PROVINCE", year: 2025, comparator: "GTE", value: 100, sourceClauseVi: "ít nhất 100", sourceVi: "Thử" },
    ],
  });
  for (const q of QUARTERS) {
    const p = await db.reportingPeriod.create({ data: { year: q.year, quarter: q.quarter, deadline: new Date(q.deadline) } });
    ids[`Q${q.quarter}`] = p.id;
  }
  const approver = await db.user.create({ data: { email: "duyet@thu.vn", name: "Người duyệt thử", passwordHash: "x", role: "APPROVER" } });
  ids.approverUser = 0;
  (ids as Record<string, unknown>).approverId = approver.id;

  // Figures, as the workflow leaves them. `at` is the submission instant.
  const fig = async (
    key: string,
    indicator: "R" | "K",
    unitKey: string,
    q: 1 | 2 | 3 | 4,
    amounts: { numerator: number; denominator: number } | { value: number },
    status: "DRAFT" | "SUBMITTED" | "APPROVED" | "REJECTED",
    at: string | null,
    publication?: { numerator: number; denominator: number } | { value: number },
  ) => {
    const f = await db.figure.create({
      data: {
        indicatorId: ids[indicator]!,
        unitId: ids[unitKey]!,
        periodId: ids[`Q${q}`]!,
        ...amounts,
        status,
        submittedAt: at ? new Date(at) : null,
        departmentId: indicator === "R" ? deptA.id : deptB.id,
      },
    });
    ids[key] = f.id;
    if (publication) await db.figurePublication.create({ data: { figureId: f.id, revision: 1, ...publication } });
  };
  const rq = (numerator: number, denominator: number) => ({ numerator, denominator });
  await fig("rA1", "R", "A", 1, rq(30, 50), "APPROVED", "2025-04-10T03:00:00Z", rq(30, 50));
  await fig("rB1", "R", "B", 1, rq(10, 40), "APPROVED", "2025-04-10T03:00:00Z", rq(10, 40));
  await fig("rC1", "R", "C", 1, rq(45, 60), "APPROVED", "2025-04-10T03:00:00Z", rq(45, 60));
  await fig("rE1", "R", "E", 1, rq(20, 20), "APPROVED", "2025-04-10T03:00:00Z", rq(20, 20));
  await fig("rA2", "R", "A", 2, rq(35, 50), "APPROVED", "2025-07-10T03:00:00Z", rq(35, 50));
  await fig("rB2", "R", "B", 2, rq(20, 40), "SUBMITTED", "2025-07-10T03:00:00Z");
  await fig("rC2", "R", "C", 2, rq(50, 60), "DRAFT", null); // never submitted: not reported
  await fig("rE2", "R", "E", 2, rq(18, 20), "APPROVED", "2025-07-25T03:00:00Z", rq(18, 20)); // late
  await fig("rN1q3", "R", "N1", 3, rq(70, 100), "APPROVED", "2025-10-05T03:00:00Z", rq(70, 100));
  await fig("rN2q3", "R", "N2", 3, rq(30, 60), "SUBMITTED", "2025-10-25T03:00:00Z"); // late, awaiting approval
  // Q4: N1 approved at 80/100, then re-opened and edited to 90/100 (a draft): the dashboard shows the approved 80/100.
  await fig("rN1q4", "R", "N1", 4, rq(90, 100), "DRAFT", null, rq(80, 100));
  await fig("rN2q4", "R", "N2", 4, rq(40, 60), "REJECTED", "2026-01-05T03:00:00Z"); // rejected, never approved
  await fig("rN3q4", "R", "N3", 4, rq(9, 10), "APPROVED", "2026-01-05T03:00:00Z", rq(9, 10));
  await fig("k1", "K", "P99old", 1, { value: 40 }, "APPROVED", "2025-04-10T03:00:00Z", { value: 40 });
  await fig("k2", "K", "P99old", 2, { value: 55 }, "APPROVED", "2025-07-10T03:00:00Z", { value: 55 });
  await fig("k3", "K", "P99", 3, { value: 70 }, "SUBMITTED", "2025-10-10T03:00:00Z");
  await fig("k4", "K", "P99", 4, { value: 90 }, "APPROVED", "2026-01-10T03:00:00Z", { value: 90 });
  return ids;
}
