/**
 * Baselines as administrators manage them (issue #15, item 2; ADR 032), on a scratch database:
 * added, replaced (the old row stays, stamped) and withdrawn, each audited in the same
 * transaction; refusals in Vietnamese that change nothing; every reader taking the current
 * baseline only; two concurrent changes of one key leaving one current baseline; the programme
 * import comparing a file with the current baseline; and migration 20261204130000 keeping the
 * latest of the duplicates an older database may hold.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { seedDatabase } from "@/lib/seed/seed";
import type { Actor } from "@/lib/auth/actor";
import { actionLabel } from "@/lib/admin/audit-labels";
import { buildOverview, loadOverviewInputs } from "@/lib/data/targets";
import { referenceStatement } from "@/lib/data/dashboard-sql";
import { loadBaselinesPage } from "@/lib/data/open-data";
import { buildProgrammeFile } from "@/lib/programme-file/export";
import { setBaseline, withdrawBaseline } from "@/lib/services/admin-indicators";
import { commitProgrammeImport, previewProgrammeImport, PROGRAMME_IMPORT_MESSAGES } from "@/lib/services/programme-import";
import { BASELINE_MESSAGES, INDICATOR_MESSAGES } from "@/lib/validations/admin-indicators";
import { sampleProgrammeFile, SAMPLE_INDICATOR } from "@/tests/helpers/programme-file-sample";
import { createScratchDatabase, withClient, type ScratchDatabase } from "./helpers/database";
import { createAdminScratch, dropAdminScratch, refusal, type AdminScratch } from "./helpers/admin-scratch";

const NOW = new Date("2026-11-28T08:00:00Z");
let setup: AdminScratch;
let db: PrismaClient;
let admin: Actor;
let editor: Actor;

beforeAll(async () => {
  setup = await createAdminScratch("baseline", { demo: false, now: NOW });
  ({ db, admin, editor } = setup);
});

afterAll(() => dropAdminScratch(setup));

const indicator = (code: string) => db.indicator.findUniqueOrThrow({ where: { code }, select: { id: true, code: true } });
const census = async () => ({ baselines: await db.baseline.count(), current: await db.baseline.count({ where: { supersededAt: null } }), audit: await db.auditLog.count() });
const generation = async () => (await db.cacheEpoch.findUniqueOrThrow({ where: { id: 1 } })).generation;

/** What each reader of baselines gives for one indicator: the overview (public pages), the dashboard's SQL, the open data. */
async function readers(code: string) {
  const i = await indicator(code);
  const overview = await loadOverviewInputs(db, i.id);
  const [reference] = await db.$queryRaw<{ baselines: { value: number }[] | null }[]>(referenceStatement(code));
  const open = await loadBaselinesPage(db, { indicator: [code], after: 0, limit: 100 });
  return {
    overview: overview.baselines.map((b) => b.value),
    row: buildOverview(overview, { year: 2026, quarter: 3 }).rows.find((r) => r.indicator.id === i.id)?.baseline ?? null,
    dashboard: (reference?.baselines ?? []).map((b) => Number(b.value)),
    openData: open.rows.map((r) => r.value),
  };
}

const BASE = { level: "PROVINCE", sectorId: "", dateAssumed: "", sourceClauseVi: "Báo cáo tổng kết: đạt 40,5%", sourceVi: "Báo cáo 12/BC-UBND ngày 15/01/2026" };

describe("baselines in the administration", () => {
  it("refuses a caller without the catalogue permission, writing nothing", async () => {
    const before = await census();
    const i = await indicator("DIGITAL_ENTERPRISES");
    expect((await refusal(setBaseline(db, editor, { ...BASE, indicatorId: i.id, value: "600", date: "2020-12-31" }))).code).toBe("FORBIDDEN");
    // A server action without a session hands the service no actor.
    expect((await refusal(setBaseline(db, null as unknown as Actor, { ...BASE, indicatorId: i.id, value: "600", date: "2020-12-31" }))).code).toBe("UNAUTHENTICATED");
    expect(await census()).toEqual(before);
  });

  it("adds a baseline where there is none, audited; the public pages' cache epoch moves and every reader shows it", async () => {
    const i = await indicator("DIGITAL_ENTERPRISES");
    expect((await readers("DIGITAL_ENTERPRISES")).overview).toEqual([]);
    const epoch = await generation();
    const r = await setBaseline(db, admin, { ...BASE, indicatorId: i.id, value: "1.200", date: "2020-12-31", dateAssumed: "on", sourceClauseVi: "có 1.200 doanh nghiệp số" });
    expect(r.supersededId).toBeNull();
    expect(await generation()).toBeGreaterThan(epoch);
    const row = await db.baseline.findUniqueOrThrow({ where: { id: r.baselineId } });
    expect(row).toMatchObject({ indicatorId: i.id, level: "PROVINCE", sectorId: null, dateAssumed: true, isDemo: false, supersededAt: null, sourceClauseVi: "có 1.200 doanh nghiệp số" });
    expect(row.value.toNumber()).toBe(1200);
    expect(row.date.toISOString()).toBe("2020-12-31T00:00:00.000Z");
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: "Indicator", entityId: String(i.id) }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ action: "BASELINE_ADDED", actorId: admin.id, before: null });
    expect(audit.after).toMatchObject({ code: "DIGITAL_ENTERPRISES", baseline: { id: r.baselineId, value: "1200", date: "2020-12-31", dateAssumed: true, supersededAt: null } });
    const seen = await readers("DIGITAL_ENTERPRISES");
    expect(seen).toMatchObject({ overview: [1200], dashboard: [1200], openData: [1200] });
    expect(seen.row).toMatchObject({ origin: "RECORDED", value: 1200, dateAssumed: true });
  });

  it("replaces the current baseline: the old row stays, stamped, as history; audited with before, after and the reason; readers take the new one", async () => {
    const i = await indicator("DVC_L4_SHARE");
    const old = await db.baseline.findFirstOrThrow({ where: { indicatorId: i.id, supersededAt: null } });
    expect(old.value.toNumber()).toBe(34.87);
    const r = await setBaseline(db, admin, { ...BASE, indicatorId: i.id, value: "40,5", date: "2025-12-31", reason: "Chương trình 2026–2030 bắt đầu từ mức gốc mới" });
    expect(r.supersededId).toBe(old.id);
    const rows = await db.baseline.findMany({ where: { indicatorId: i.id }, orderBy: { id: "asc" } });
    expect(rows.map((b) => [b.id, b.value.toNumber(), b.supersededAt === null])).toEqual([
      [old.id, 34.87, false],
      [r.baselineId, 40.5, true],
    ]);
    // The old row keeps its values: only the stamp changed.
    expect(rows[0]).toMatchObject({ date: old.date, dateAssumed: old.dateAssumed, sourceClauseVi: old.sourceClauseVi, sourceVi: old.sourceVi });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: "Indicator", entityId: String(i.id), action: "BASELINE_CHANGED" } });
    expect(audit.reason).toBe("Chương trình 2026–2030 bắt đầu từ mức gốc mới");
    expect(audit.before).toMatchObject({ code: "DVC_L4_SHARE", baseline: { id: old.id, value: "34.87", date: "2020-12-31", dateAssumed: true } });
    expect((audit.before as { baseline: { supersededAt: string | null } }).baseline.supersededAt).not.toBeNull();
    expect(audit.after).toMatchObject({ baseline: { id: r.baselineId, value: "40.5", date: "2025-12-31", dateAssumed: false, supersededAt: null } });
    const seen = await readers("DVC_L4_SHARE");
    expect(seen).toMatchObject({ overview: [40.5], dashboard: [40.5], openData: [40.5] });
    expect(seen.row).toMatchObject({ origin: "RECORDED", value: 40.5, dateAssumed: false });
  });

  it("refuses the same baseline again (NO_CHANGE), writing nothing", async () => {
    const i = await indicator("DVC_L4_SHARE");
    const before = await census();
    const same = await refusal(setBaseline(db, admin, { ...BASE, indicatorId: i.id, value: "40,50", date: "2025-12-31" }));
    expect(same).toMatchObject({ code: "NO_CHANGE", message: BASELINE_MESSAGES.same });
    expect(await census()).toEqual(before);
  });

  it("validates in Vietnamese, on the field: level, sector, a rate's range, the day; nothing written", async () => {
    const ratio = await indicator("FIBRE_HAMLET_COVERAGE");
    const bySector = await indicator("DIGITAL_ECONOMY_SECTOR");
    const sector = await db.sector.findFirstOrThrow({ select: { id: true } });
    const before = await census();
    const fields = async (input: Record<string, unknown>) => (await refusal(setBaseline(db, admin, { ...BASE, value: "50", date: "2025-12-31", ...input }))).fieldErrors;
    expect(await fields({ indicatorId: ratio.id, level: "COMMUNE" })).toEqual({ level: [BASELINE_MESSAGES.levelNotEntered] });
    expect(await fields({ indicatorId: ratio.id, value: "100,5" })).toEqual({ value: [BASELINE_MESSAGES.percentRange] });
    expect(await fields({ indicatorId: ratio.id, sectorId: String(sector.id) })).toEqual({ sectorId: [INDICATOR_MESSAGES.sectorNotAllowed] });
    expect(await fields({ indicatorId: bySector.id })).toEqual({ sectorId: [INDICATOR_MESSAGES.sectorRequired] });
    expect(await fields({ indicatorId: bySector.id, sectorId: "999999" })).toEqual({ sectorId: [INDICATOR_MESSAGES.sectorInvalid] });
    expect(await fields({ indicatorId: ratio.id, date: "2999-01-01" })).toEqual({ date: [BASELINE_MESSAGES.dateFuture] });
    expect(await fields({ indicatorId: ratio.id, date: "1999-12-31" })).toEqual({ date: [BASELINE_MESSAGES.dateTooEarly] });
    expect(await fields({ indicatorId: ratio.id, date: "2025-02-30", value: "năm mươi" })).toEqual({ value: [BASELINE_MESSAGES.valueInvalid], date: [BASELINE_MESSAGES.dateInvalid] });
    expect(await census()).toEqual(before);
    expect((await refusal(setBaseline(db, admin, { ...BASE, indicatorId: 999_999, value: "1", date: "2025-12-31" }))).code).toBe("NOT_FOUND");
  });

  it("takes the province for an indicator entered by communes (figures roll up), and a sector's own baseline for one tracked by sector", async () => {
    const commune = await indicator("WORK_DOSSIER_ONLINE_COMMUNE");
    const bySector = await indicator("DIGITAL_ECONOMY_SECTOR");
    const [s1, s2] = await db.sector.findMany({ orderBy: { id: "asc" }, take: 2, select: { id: true } });
    await setBaseline(db, admin, { ...BASE, indicatorId: commune.id, level: "PROVINCE", value: "30", date: "2025-12-31" });
    await setBaseline(db, admin, { ...BASE, indicatorId: commune.id, level: "COMMUNE", value: "25", date: "2025-12-31" });
    await setBaseline(db, admin, { ...BASE, indicatorId: bySector.id, sectorId: String(s1!.id), value: "5", date: "2025-12-31" });
    await setBaseline(db, admin, { ...BASE, indicatorId: bySector.id, sectorId: String(s2!.id), value: "7", date: "2025-12-31" });
    expect(await db.baseline.count({ where: { indicatorId: { in: [commune.id, bySector.id] }, supersededAt: null } })).toBe(4);
    // The overview row is the province's figure: its province-wide baseline, not the communes'.
    expect((await readers("WORK_DOSSIER_ONLINE_COMMUNE")).row).toMatchObject({ origin: "RECORDED", value: 30 });
  });

  it("withdraws a baseline with a reason: it leaves every reader, stays as history, audited; a second withdrawal is refused", async () => {
    const i = await indicator("DIGITAL_ENTERPRISES");
    const b = await db.baseline.findFirstOrThrow({ where: { indicatorId: i.id, supersededAt: null } });
    expect((await refusal(withdrawBaseline(db, admin, { baselineId: b.id, reason: "nhầm" }))).fieldErrors).toEqual({ reason: [BASELINE_MESSAGES.withdrawReason] });
    await withdrawBaseline(db, admin, { baselineId: b.id, reason: "Số liệu nhập nhầm, chưa có nguồn" });
    expect((await db.baseline.findUniqueOrThrow({ where: { id: b.id } })).supersededAt).not.toBeNull();
    const seen = await readers("DIGITAL_ENTERPRISES");
    expect(seen).toMatchObject({ overview: [], dashboard: [], openData: [] });
    expect(seen.row?.origin).not.toBe("RECORDED");
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: "Indicator", entityId: String(i.id), action: "BASELINE_WITHDRAWN" } });
    expect(audit.reason).toBe("Số liệu nhập nhầm, chưa có nguồn");
    expect(audit.before).toMatchObject({ baseline: { id: b.id, value: "1200", supersededAt: null } });
    const again = await refusal(withdrawBaseline(db, admin, { baselineId: b.id, reason: "Số liệu nhập nhầm, chưa có nguồn" }));
    expect(again).toMatchObject({ code: "CONFLICT", message: BASELINE_MESSAGES.notCurrent });
    expect(await refusal(withdrawBaseline(db, admin, { baselineId: 999_999, reason: "Số liệu nhập nhầm, chưa có nguồn" }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("two concurrent changes of one key run one after the other: both kept, one current", async () => {
    const i = await indicator("MOBILE_BASE_STATIONS");
    const before = await db.baseline.count({ where: { indicatorId: i.id } });
    const results = await Promise.all(
      ["1.700", "1.750", "1.800"].map((value) => setBaseline(db, admin, { ...BASE, indicatorId: i.id, value, date: "2025-12-31", sourceClauseVi: `có ${value} điểm thu phát sóng` })),
    );
    const rows = await db.baseline.findMany({ where: { indicatorId: i.id }, orderBy: { id: "asc" } });
    expect(rows).toHaveLength(before + 3);
    const current = rows.filter((b) => b.supersededAt === null);
    expect(current).toHaveLength(1);
    expect(current[0]!.id).toBe(Math.max(...results.map((r) => r.baselineId)));
    // Each change replaced the one current when it ran: a chain, no row replaced twice.
    expect(new Set(results.map((r) => r.supersededId)).size).toBe(3);
  });

  it("names every action it audited in the log viewer, in Vietnamese", async () => {
    const actions = (await db.auditLog.findMany({ where: { action: { startsWith: "BASELINE_" } }, distinct: ["action"], select: { action: true } })).map((a) => a.action).sort();
    expect(actions).toEqual(["BASELINE_ADDED", "BASELINE_CHANGED", "BASELINE_WITHDRAWN"]);
    expect(actions.map(actionLabel)).toEqual(["Thêm mức gốc", "Thay đổi mức gốc", "Rút mức gốc"]);
  });
});

describe("the programme definition file and versioned baselines", () => {
  const json = (file: unknown) => ({ fileName: "chuong-trinh.json", bytes: new TextEncoder().encode(JSON.stringify(file)) });

  it("compares a file's baseline of an existing indicator with the current baseline, not a replaced one; exports the current one", async () => {
    const { programmeId } = await commitProgrammeImport(db, admin, json(sampleProgrammeFile("20-NQ/TU")));
    const i = await indicator(SAMPLE_INDICATOR);
    const first = await db.baseline.findFirstOrThrow({ where: { indicatorId: i.id, supersededAt: null } });
    expect(first.value.toNumber()).toBe(62.5);
    await setBaseline(db, admin, { ...BASE, indicatorId: i.id, value: "70", date: "2026-06-30" });

    const quotingOld = sampleProgrammeFile("21-NQ/TU");
    const oldPreview = await previewProgrammeImport(db, admin, json(quotingOld));
    expect(oldPreview.warnings.filter((w) => w.sheet === "Mức gốc").map((w) => w.message)).toEqual([PROGRAMME_IMPORT_MESSAGES.baselineNotWritten]);

    const quotingCurrent = sampleProgrammeFile("21-NQ/TU");
    quotingCurrent.baselines[0] = { ...quotingCurrent.baselines[0]!, value: 70, date: "2026-06-30", dateAssumed: false };
    const currentPreview = await previewProgrammeImport(db, admin, json(quotingCurrent));
    expect(currentPreview.warnings.filter((w) => w.sheet === "Mức gốc")).toEqual([]);

    const exported = await buildProgrammeFile(db, programmeId);
    expect(exported.baselines.map((b) => [b.value, b.date])).toEqual([[70, "2026-06-30"]]);
  });
});

describe("migration 20261204130000_baseline_versions on a database holding duplicates", () => {
  const NAME = "20261204130000_baseline_versions";
  let old: ScratchDatabase;

  afterAll(async () => {
    await old?.drop();
  });

  it("keeps the latest of each indicator × level × sector current (latest day, then highest id) and stamps the others; nothing is deleted", async () => {
    old = await createScratchDatabase("baseline-mig");
    await migrate(old.url);
    const client = createPrismaClient(old.url, { maxConnections: 2 });
    try {
      await seedDatabase(client, { demo: false, now: NOW });
    } finally {
      await client.$disconnect();
    }
    const rows = await withClient(old.url, async (c) => {
      // The database as it was before the migration: no column, no index, no record of it.
      await c.query(`DROP INDEX "Baseline_current_idx"`);
      await c.query(`ALTER TABLE "Baseline" DROP COLUMN "supersededAt"`);
      await c.query(`DELETE FROM "_prisma_migrations" WHERE migration_name = $1`, [NAME]);
      const ids = await c.query<{ id: number; code: string }>(`SELECT id, code FROM "Indicator" WHERE code IN ('DVC_L4_SHARE', 'DIGITAL_ECONOMY_SECTOR')`);
      const id = Object.fromEntries(ids.rows.map((r) => [r.code, r.id]));
      const sectors = (await c.query<{ id: number }>(`SELECT id FROM "Sector" ORDER BY id LIMIT 2`)).rows.map((r) => r.id);
      const insert = (indicatorId: number, sectorId: number | null, value: number, date: string, level = "PROVINCE") =>
        c.query(`INSERT INTO "Baseline" ("indicatorId", level, "sectorId", value, date, "sourceClauseVi", "sourceVi") VALUES ($1, $2::"UnitLevel", $3, $4, $5::date, 'x', 'y')`, [indicatorId, level, sectorId, value, date]);
      // DVC_L4_SHARE already has 34.87 on 2020-12-31 (the seed): two later ones on one day, the higher id wins; an earlier one never does.
      await insert(id.DVC_L4_SHARE!, null, 41, "2025-12-31");
      await insert(id.DVC_L4_SHARE!, null, 42, "2025-12-31");
      await insert(id.DVC_L4_SHARE!, null, 10, "2019-12-31");
      // Another level is another key.
      await insert(id.DVC_L4_SHARE!, null, 5, "2020-12-31", "COMMUNE");
      // By sector: each sector is its own key.
      await insert(id.DIGITAL_ECONOMY_SECTOR!, sectors[0]!, 1, "2021-12-31");
      await insert(id.DIGITAL_ECONOMY_SECTOR!, sectors[0]!, 2, "2022-12-31");
      await insert(id.DIGITAL_ECONOMY_SECTOR!, sectors[1]!, 3, "2021-12-31");
      return (await c.query(`SELECT count(*)::int AS n FROM "Baseline"`)).rows[0].n as number;
    });

    expect((await migrate(old.url)).applied).toEqual([NAME]);
    const after = await withClient(old.url, (c) =>
      c.query<{ code: string; level: string; sector: number | null; value: number; current: boolean }>(`
        SELECT i.code, b.level::text, s.rank AS sector, b.value::float8 AS value, b."supersededAt" IS NULL AS current
        FROM "Baseline" b JOIN "Indicator" i ON i.id = b."indicatorId"
        LEFT JOIN (SELECT id, row_number() OVER (ORDER BY id)::int AS rank FROM "Sector") s ON s.id = b."sectorId"
        WHERE i.code IN ('DVC_L4_SHARE', 'DIGITAL_ECONOMY_SECTOR') ORDER BY i.code, b.level, s.rank, b.id`),
    );
    expect(after.rows.map((r) => [r.code, r.level, r.sector, r.value, r.current])).toEqual([
      ["DIGITAL_ECONOMY_SECTOR", "PROVINCE", 1, 1, false],
      ["DIGITAL_ECONOMY_SECTOR", "PROVINCE", 1, 2, true],
      ["DIGITAL_ECONOMY_SECTOR", "PROVINCE", 2, 3, true],
      ["DVC_L4_SHARE", "PROVINCE", null, 34.87, false],
      ["DVC_L4_SHARE", "PROVINCE", null, 41, false],
      ["DVC_L4_SHARE", "PROVINCE", null, 42, true],
      ["DVC_L4_SHARE", "PROVINCE", null, 10, false],
      ["DVC_L4_SHARE", "COMMUNE", null, 5, true],
    ]);
    const counts = await withClient(old.url, (c) =>
      c.query(`SELECT count(*)::int AS n, count(*) FILTER (WHERE "supersededAt" IS NULL)::int AS current,
                      count(DISTINCT ("indicatorId", level, "sectorId")) FILTER (WHERE "supersededAt" IS NULL)::int AS keys FROM "Baseline"`),
    );
    expect(counts.rows[0].n).toBe(rows);
    expect(counts.rows[0].current).toBe(counts.rows[0].keys);
    // From now on the index refuses a second current baseline of a key, whoever writes it.
    await expect(
      withClient(old.url, (c) => c.query(`INSERT INTO "Baseline" ("indicatorId", level, value, date, "sourceClauseVi", "sourceVi") SELECT "indicatorId", level, 1, date, 'x', 'y' FROM "Baseline" WHERE value = 42`)),
    ).rejects.toThrow(/Baseline_current_idx/);
  });
});
