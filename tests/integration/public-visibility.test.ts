/**
 * Only approved figures are ever public. On a demo-seeded scratch database,
 * figures go through the real services (saveDrafts → submitFigures →
 * rejectFigures / approveFigures, lib/services) and every public data
 * function — the home page's, the indicator page's (series, breakdown,
 * history), the methodology and data pages', the CSV and the JSON — is
 * searched for them: a draft, a submitted and a rejected figure never
 * appear, nor the newer unapproved value of an approved figure; approving
 * makes them appear, and a re-approval shows as a new revision.
 *
 * (The pages are cached per generation of the cache epoch, which the
 * approval's transaction bumps (ADR 015); that path is exercised in the
 * browser by tests/e2e/review.spec.ts and, across two instances behind
 * nginx, by tests/e2e/scale-out.spec.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { seedDatabase } from "@/lib/seed/seed";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { saveDrafts, submitFigures } from "@/lib/services/figures";
import { approveFigures, rejectFigures } from "@/lib/services/review";
import { loadBreakdown, loadIndicatorDetail } from "@/lib/data/public-indicator";
import { loadDownloadSummary, loadPublishedFigures, toCsv, toFiguresJson } from "@/lib/data/public-figures";
import { loadMethodologyIndicators } from "@/lib/data/public-overview";
import { buildOverview, loadOverviewInputs } from "@/lib/data/targets";
import { createScratchDatabase, type ScratchDatabase } from "./helpers/database";

const NOW = new Date("2026-11-28T08:00:00Z");
const AS_OF = { year: 2026, quarter: 4 } as const;
const COMMUNE = "WORK_DOSSIER_ONLINE_COMMUNE";
const PROVINCE_RATE = "EDOSSIER_RATE";

let scratch: ScratchDatabase;
let db: PrismaClient;
let editor: Actor;
let approver: Actor;
let indicatorIds: Record<string, number>;
let q4: number;
let newCommunes: { id: number; code: string }[];
let province: { id: number; code: string };

/** Denominators nothing in the demo data uses: finding one anywhere public means a leak. */
const MARK = { draft: 908_172_631, submitted: 908_172_632, rejected: 908_172_633, approved: 908_172_634, provinceDraft: 908_172_635, reedit: 908_172_636 };

beforeAll(async () => {
  scratch = await createScratchDatabase("public");
  await migrate(scratch.url);
  db = createPrismaClient(scratch.url, { maxConnections: 4 });
  await seedDatabase(db, { demo: true, now: NOW });
  const actorOf = async (email: string) => (await loadActor(db, (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id))!;
  editor = await actorOf("editor-vp@demo.dx-tracker.vn");
  approver = await actorOf("approver@demo.dx-tracker.vn");
  const indicators = await db.indicator.findMany({ where: { code: { in: [COMMUNE, PROVINCE_RATE] } }, select: { id: true, code: true } });
  indicatorIds = Object.fromEntries(indicators.map((i) => [i.code, i.id]));
  q4 = (await db.reportingPeriod.findUniqueOrThrow({ where: { year_quarter: { year: 2026, quarter: 4 } }, select: { id: true } })).id;
  newCommunes = await db.adminUnit.findMany({
    where: { level: "COMMUNE", validTo: null },
    orderBy: { code: "asc" },
    take: 4,
    select: { id: true, code: true },
  });
  province = await db.adminUnit.findFirstOrThrow({ where: { level: "PROVINCE", code: "19", validTo: null }, select: { id: true, code: true } });
}, 300_000);

afterAll(async () => {
  await db?.$disconnect();
  await scratch?.drop();
});

/** Everything the public can see, as the data functions of its pages and downloads produce it. */
async function publicView() {
  const inputs = await loadOverviewInputs(db);
  const overview = buildOverview(inputs, AS_OF);
  const commune = (await loadIndicatorDetail(db, COMMUNE))!;
  const rate = (await loadIndicatorDetail(db, PROVINCE_RATE))!;
  const breakdownQ4 = await loadBreakdown(db, COMMUNE, AS_OF);
  const breakdownQ3 = await loadBreakdown(db, COMMUNE, { year: 2026, quarter: 3 });
  const rows = await loadPublishedFigures(db);
  const csv = toCsv(rows);
  const json = JSON.stringify(toFiguresJson(rows, NOW));
  const summary = await loadDownloadSummary(db);
  const methodology = await loadMethodologyIndicators(db);
  const text = JSON.stringify({ inputs, overview, commune, rate, breakdownQ4, breakdownQ3, summary, methodology }) + csv + json;
  return { overview, commune, rate, breakdownQ4, breakdownQ3, rows, csv, text };
}

function leaked(text: string, mark: number): boolean {
  return text.includes(String(mark));
}

const ratioRow = (indicatorId: number, unitId: number, numerator: number, denominator: number, version = 0) => ({
  indicatorId,
  unitId,
  periodId: q4,
  sectorId: null,
  numerator,
  denominator,
  value: null,
  comment: null,
  version,
});

describe("only approved figures are public", () => {
  let ids: Record<"draft" | "submitted" | "rejected" | "approved" | "provinceDraft", { id: number; version: number }>;

  it("never shows a draft, a submitted or a rejected figure, in any page's data or download", async () => {
    const before = await publicView();
    for (const mark of Object.values(MARK)) expect(leaked(before.text, mark), `marker ${mark} before`).toBe(false);

    const [c0, c1, c2, c3] = newCommunes;
    const saved = await saveDrafts(
      db,
      editor,
      {
        periodId: q4,
        rows: [
          ratioRow(indicatorIds[COMMUNE]!, c0!.id, 51_234_567, MARK.draft),
          ratioRow(indicatorIds[COMMUNE]!, c1!.id, 52_345_678, MARK.submitted),
          ratioRow(indicatorIds[COMMUNE]!, c2!.id, 53_456_789, MARK.rejected),
          ratioRow(indicatorIds[COMMUNE]!, c3!.id, 54_567_891, MARK.approved),
          ratioRow(indicatorIds[PROVINCE_RATE]!, province.id, 55_678_912, MARK.provinceDraft),
        ],
        reason: null,
      },
      { now: NOW },
    );
    const byUnit = (unitId: number, indicatorId: number) => {
      const f = saved.saved.find((x) => x.unitId === unitId && x.indicatorId === indicatorId)!;
      return { id: f.id, version: f.version };
    };
    ids = {
      draft: byUnit(c0!.id, indicatorIds[COMMUNE]!),
      submitted: byUnit(c1!.id, indicatorIds[COMMUNE]!),
      rejected: byUnit(c2!.id, indicatorIds[COMMUNE]!),
      approved: byUnit(c3!.id, indicatorIds[COMMUNE]!),
      provinceDraft: byUnit(province.id, indicatorIds[PROVINCE_RATE]!),
    };
    const submitted = await submitFigures(db, editor, { figures: [ids.submitted, ids.rejected, ids.approved], reason: null }, { now: NOW });
    const version = (id: number) => submitted.submitted.find((f) => f.id === id)!.version;
    ids.submitted.version = version(ids.submitted.id);
    ids.approved.version = version(ids.approved.id);
    await rejectFigures(db, approver, { items: [{ figureId: ids.rejected.id, version: version(ids.rejected.id) }], comment: "Mẫu số chưa đúng, đề nghị kiểm tra." });

    const statuses = await db.figure.findMany({ where: { id: { in: Object.values(ids).map((i) => i.id) } }, select: { id: true, status: true } });
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(["DRAFT", "SUBMITTED", "REJECTED"]));

    const after = await publicView();
    for (const mark of Object.values(MARK)) expect(leaked(after.text, mark), `marker ${mark} is public`).toBe(false);
    // Nothing of 2026 Q4 is public: no series point, no breakdown quarter, no download row.
    expect(after.overview.rows.flatMap((r) => r.series).some((p) => p.quarter.year === 2026 && p.quarter.quarter === 4)).toBe(false);
    expect(after.commune.breakdownQuarters).not.toContain("2026-Q4");
    expect(after.breakdownQ4!.provinces[0]!.units.filter((u) => u.approvedAt !== null)).toHaveLength(0);
    expect(after.breakdownQ4!.provinces[0]!.total.reported).toBe(0);
    expect(after.rows.some((r) => r.period === "2026-Q4")).toBe(false);
    expect(after.text).toEqual(before.text);
  });

  it("shows an approved figure's published value, never its newer unapproved edit", async () => {
    const approvedQ3 = await db.figure.findFirstOrThrow({
      where: { indicatorId: indicatorIds[COMMUNE]!, status: "APPROVED", period: { year: 2026, quarter: 3 } },
      orderBy: { id: "asc" },
      select: { id: true, version: true, unitId: true, periodId: true, unit: { select: { code: true } }, publications: { where: { supersededAt: null }, select: { numerator: true, denominator: true } } },
    });
    const published = approvedQ3.publications[0]!;
    const edited = await saveDrafts(
      db,
      editor,
      {
        periodId: approvedQ3.periodId,
        rows: [{ ...ratioRow(indicatorIds[COMMUNE]!, approvedQ3.unitId, 1_234_567, MARK.reedit, approvedQ3.version), periodId: approvedQ3.periodId }],
        reason: null,
      },
      { now: NOW },
    );
    const working = await db.figure.findUniqueOrThrow({ where: { id: approvedQ3.id }, select: { status: true, denominator: true } });
    expect(working.status).not.toBe("APPROVED");
    expect(working.denominator!.toNumber()).toBe(MARK.reedit);

    const view = await publicView();
    expect(leaked(view.text, MARK.reedit)).toBe(false);
    const unit = view.breakdownQ3!.provinces[0]!.units.find((u) => u.code === approvedQ3.unit.code)!;
    expect(unit.numerator).toBe(published.numerator!.toNumber());
    expect(unit.denominator).toBe(published.denominator!.toNumber());
    const row = view.rows.find((r) => r.indicator_code === COMMUNE && r.period === "2026-Q3" && r.unit_code === approvedQ3.unit.code)!;
    expect(Number(row.denominator)).toBe(published.denominator!.toNumber());
    expect(row.revision).toBe("1");

    // Submitted for review, still not public.
    const resubmitted = await submitFigures(db, editor, { figures: [{ id: approvedQ3.id, version: edited.saved[0]!.version }], reason: null }, { now: NOW });
    expect(leaked((await publicView()).text, MARK.reedit)).toBe(false);

    // Approved again: the new value is public as revision 2, the first kept in the history.
    await approveFigures(db, approver, { items: [{ figureId: approvedQ3.id, version: resubmitted.submitted[0]!.version, acknowledgedFlags: true }] });
    const republished = await publicView();
    const row2 = republished.rows.find((r) => r.indicator_code === COMMUNE && r.period === "2026-Q3" && r.unit_code === approvedQ3.unit.code)!;
    expect(row2.denominator).toBe(String(MARK.reedit));
    expect(row2.revision).toBe("2");
    expect(republished.rows.filter((r) => r.indicator_code === COMMUNE && r.period === "2026-Q3" && r.unit_code === approvedQ3.unit.code)).toHaveLength(1);
    expect(republished.commune.history.revisedFigures).toBe(1);
    expect(republished.commune.history.revisions.map((r) => [r.figureId, r.revision, r.supersededAt === null])).toEqual([
      [approvedQ3.id, 1, false],
      [approvedQ3.id, 2, true],
    ]);
  });

  it("makes a figure public once it is approved: series, breakdown, downloads", async () => {
    await approveFigures(db, approver, { items: [ids.approved, ids.submitted].map((i) => ({ figureId: i.id, version: i.version, acknowledgedFlags: true })) });
    const view = await publicView();
    expect(leaked(view.text, MARK.approved)).toBe(true);
    expect(leaked(view.text, MARK.submitted)).toBe(true);
    // Still never: the draft, the rejected figure and the province draft.
    expect(leaked(view.text, MARK.draft)).toBe(false);
    expect(leaked(view.text, MARK.rejected)).toBe(false);
    expect(leaked(view.text, MARK.provinceDraft)).toBe(false);

    const point = view.overview.rows.find((r) => r.key === COMMUNE)!.latest!;
    expect(point.quarter).toEqual({ year: 2026, quarter: 4 });
    expect(point.reported).toBe(2);
    expect(point.denominator).toBe(MARK.approved + MARK.submitted);
    expect(point.value).toBeCloseTo(((54_567_891 + 52_345_678) / (MARK.approved + MARK.submitted)) * 100, 9);

    expect(view.commune.breakdownQuarters.at(-1)).toBe("2026-Q4");
    const total = view.breakdownQ4!.provinces[0]!.total;
    expect([total.reported, total.expected]).toEqual([2, 92]);
    const q4Rows = view.rows.filter((r) => r.period === "2026-Q4");
    expect(q4Rows.map((r) => r.denominator).sort()).toEqual([String(MARK.submitted), String(MARK.approved)]);
    expect(view.csv).toContain(`,54567891,${MARK.approved},`);
  });
});
