/**
 * The national dataset of the dashboard benchmark: every administrative unit of
 * Vietnam from the national lists in prisma/seed-data/admin-units/ (63 provinces / 696 districts /
 * 10,047 communes before 1 July 2025, 34 provinces / 3,321 communes after, and the
 * successions between them) × the resolution's indicators × the latest 20 quarters,
 * in a dedicated PostgreSQL database (BENCH_NATIONAL_DATABASE, default
 * `dx_bench_national` on 127.0.0.1:5432).
 *
 * Reference data (departments, sectors, indicators, targets, baselines, periods)
 * is the seed's own (lib/seed, with an empty geography); the geography comes from
 * the national CSVs; the figures are generated inside PostgreSQL with one
 * INSERT … SELECT over generate_series-like joins (faster than COPY: nothing
 * crosses the wire), with the Figure indexes dropped during the load and rebuilt
 * after, the dashboard's live totals built once (the triggers that keep them are off
 * during the load), then VACUUM ANALYZE so index-only scans work as in a long-running database.
 *
 * For the benchmark every ratio and count indicator is reported by every commune (a
 * national roll-out reports at the lowest level; the digital-economy share once per
 * sector); the district indicator by every district; ranks and changes by every
 * province. Statuses: older quarters ~97% approved (0.5% re-opened as drafts after
 * approval), the latest quarter 70% approved / 15% submitted / 5% drafts / 1%
 * rejected; ~8% of submissions are late. Deterministic (hash of the cell), so
 * every run measures the same data.
 *
 * Idempotent: a `bench_dataset` row records the dataset version and counts; a
 * database that matches is reused as it is (a load takes minutes), anything else is
 * dropped and rebuilt.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { seedDatabase } from "@/lib/seed/seed";
import { ADMIN_UNIT_FILES, ADMIN_UNIT_SEED_DIR } from "@/lib/seed/admin-units";
import { parseCsvRecords } from "@/lib/seed/csv";
import { SUCCESSION_COLUMNS, UNIT_COLUMNS } from "@/lib/geography/unit-csv";
import { HOME_PROVINCE_CODE } from "@/lib/geography";

export const NATIONAL_SOURCE_DIR = process.env.BENCH_ADMIN_UNITS_DIR ?? ADMIN_UNIT_SEED_DIR;
export const NATIONAL_DATASET_VERSION = "national-v5";
/** "Today" of the dataset: fixed, so the quarters and statuses do not move between runs. */
export const NATIONAL_NOW = new Date("2026-12-01T03:00:00Z");
export const NATIONAL_QUARTERS = 20;
export const OLD_FROM = "2019-01-01";
export const OLD_TO = "2025-06-30";
export const NEW_FROM = "2025-07-01";

export function nationalDatabaseUrl(): string {
  const base = new URL(process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  base.pathname = `/${process.env.BENCH_NATIONAL_DATABASE ?? "dx_bench_national"}`;
  return base.toString();
}

export interface NationalDataset {
  url: string;
  reused: boolean;
  loadSeconds: number | null;
  counts: Record<string, number>;
  /** Rows of the source CSVs that could not be used as they are (reported, not silently fixed). */
  dataIssues: string[];
}

const LEVEL: Record<string, "PROVINCE" | "DISTRICT" | "COMMUNE"> = { province: "PROVINCE", district: "DISTRICT", commune: "COMMUNE" };

/** The seed's reader of these files (lib/seed/csv.ts, the admin import's csv-parse options): one way to read them. */
async function readCsv<C extends string>(file: string, columns: readonly C[]): Promise<Record<C, string>[]> {
  return parseCsvRecords(await readFile(path.join(NATIONAL_SOURCE_DIR, file), "utf8"), columns, file);
}

async function withPg<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function existingDataset(url: string): Promise<Record<string, number> | null> {
  try {
    return await withPg(url, async (c) => {
      const r = await c.query(`SELECT value FROM bench_dataset WHERE key = 'version'`);
      if (r.rows[0]?.value !== NATIONAL_DATASET_VERSION) return null;
      const counts = await c.query(`SELECT value FROM bench_dataset WHERE key = 'counts'`);
      const saved = JSON.parse(counts.rows[0].value) as Record<string, number>;
      const now = await c.query(`SELECT count(*)::int AS n FROM "Figure"`);
      return now.rows[0].n === saved.figures ? saved : null;
    });
  } catch {
    return null;
  }
}

export async function ensureNationalDataset(log: (s: string) => void = console.log): Promise<NationalDataset> {
  const url = nationalDatabaseUrl();
  const dataIssues: string[] = [];
  const found = await existingDataset(url);
  if (found) {
    // Migrations added since the load (e.g. a new index) are applied to the reused data, as to any database.
    await migrate(url);
    log(`national dataset ${NATIONAL_DATASET_VERSION} found in ${new URL(url).pathname.slice(1)}: reused`);
    return { url, reused: true, loadSeconds: null, counts: found, dataIssues: JSON.parse(String(found.issuesJson ?? "[]")) };
  }
  const started = Date.now();
  const name = new URL(url).pathname.slice(1);
  const adminUrl = new URL(url);
  adminUrl.pathname = "/postgres";
  await withPg(adminUrl.toString(), async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}"`);
  });
  log(`national dataset: building ${name}`);
  await migrate(url);

  // Reference data from the seed, with an empty geography (the national one follows).
  const prisma = createPrismaClient(url, { maxConnections: 2 });
  try {
    await seedDatabase(prisma, { demo: false, now: NATIONAL_NOW, geography: { provinceCode: HOME_PROVINCE_CODE, units: [], successions: [], notes: [] } });
  } finally {
    await prisma.$disconnect();
  }

  const oldUnits = await readCsv(ADMIN_UNIT_FILES.oldUnits, UNIT_COLUMNS);
  const newUnits = await readCsv(ADMIN_UNIT_FILES.newUnits, UNIT_COLUMNS);
  const successions = await readCsv(ADMIN_UNIT_FILES.successions, SUCCESSION_COLUMNS);

  await withPg(url, async (c) => {
    await c.query("BEGIN");
    // Units level by level, parents resolved by code within the snapshot.
    for (const [units, from, to] of [
      [oldUnits, OLD_FROM, OLD_TO],
      [newUnits, NEW_FROM, null],
    ] as const) {
      for (const level of ["province", "district", "commune"]) {
        const rows = units.filter((u) => u.level === level);
        if (rows.length === 0) continue;
        await c.query(
          `INSERT INTO "AdminUnit" (code, name, type, level, "parentId", "validFrom", "validTo")
           SELECT r.code, r.name, r.type, r.level::"UnitLevel", p.id, $5::date, $6::date
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $7::text[]) AS r(code, name, type, level, parent)
           LEFT JOIN "AdminUnit" p ON p.code = r.parent AND p."validFrom" = $5::date`,
          [rows.map((u) => u.code), rows.map((u) => u.name), rows.map((u) => u.type), rows.map((u) => LEVEL[u.level]), from, to, rows.map((u) => u.parent_code || null)],
        );
      }
    }
    const orphans = await c.query(`SELECT count(*)::int AS n FROM "AdminUnit" WHERE level <> 'PROVINCE' AND "parentId" IS NULL`);
    if (orphans.rows[0].n > 0) dataIssues.push(`${orphans.rows[0].n} units without a known parent`);

    // Successions: codes of the two snapshots; a code that matches no unit is a data issue,
    // counted and reported (the README asks for that), never guessed at.
    const r = await c.query(
      `WITH s AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS s(level, old_code, new_code, kind))
       INSERT INTO "Succession" ("predecessorId", "successorId", kind, "effectiveDate")
       SELECT o.id, n.id, upper(s.kind)::"SuccessionKind", $5::date
       FROM s
       JOIN "AdminUnit" o ON o.code = s.old_code AND o."validFrom" = $6::date AND o.level = upper(s.level)::"UnitLevel"
       JOIN "AdminUnit" n ON n.code = s.new_code AND n."validFrom" = $5::date AND n.level = upper(s.level)::"UnitLevel"
       ON CONFLICT DO NOTHING`,
      [successions.map((s) => s.level), successions.map((s) => s.old_code), successions.map((s) => s.new_code), successions.map((s) => s.kind), NEW_FROM, OLD_FROM],
    );
    if (r.rowCount !== successions.length) {
      dataIssues.push(`${successions.length - (r.rowCount ?? 0)} of ${successions.length} succession rows name a code that is in neither snapshot (e.g. unpadded codes such as "318") and were left out`);
    }
    await c.query("COMMIT");

    // The national roll-out: ratio and count indicators are reported by communes.
    await c.query(`UPDATE "Indicator" SET levels = '{COMMUNE}' WHERE kind IN ('RATIO', 'COUNT') AND levels = '{PROVINCE}'`);

    // Figure indexes off during the load (rebuilt from their own definitions after); foreign keys
    // are not checked row by row (the rows come from the referenced tables themselves).
    const indexes = await c.query<{ name: string; def: string }>(
      `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE tablename = 'Figure' AND indexname <> 'Figure_pkey'`,
    );
    for (const ix of indexes.rows) await c.query(`DROP INDEX "${ix.name}"`);
    await c.query(`SET session_replication_role = replica`);
    await c.query(`SET work_mem = '256MB'`);
    log("national dataset: generating figures");
    await c.query(GENERATE_FIGURES_SQL, [NATIONAL_QUARTERS]);
    await c.query(GENERATE_PUBLICATIONS_SQL);
    await c.query(`SET session_replication_role = origin`);
    await c.query(`SET maintenance_work_mem = '512MB'`);
    log("national dataset: building indexes");
    for (const ix of indexes.rows) await c.query(ix.def);
    // The dashboard's live totals were not maintained during the load (triggers off): built once here.
    log("national dataset: dashboard totals");
    await c.query(`SELECT "dashboard_rebuild"()`);
    await c.query(`VACUUM (ANALYZE) "Figure"`);
    await c.query(`VACUUM (ANALYZE) "DashboardTotal"`);
    await c.query(`VACUUM (ANALYZE) "DashboardUnitQuarter"`);
    await c.query(`VACUUM (ANALYZE) "FigurePublication"`);
    await c.query(`ANALYZE`);

    const counts = await c.query(`
      SELECT (SELECT count(*)::int FROM "Figure") AS figures,
             (SELECT count(*)::int FROM "FigurePublication") AS publications,
             (SELECT count(*)::int FROM "AdminUnit") AS units,
             (SELECT count(*)::int FROM "AdminUnit" WHERE level = 'PROVINCE' AND "validFrom" = '${OLD_FROM}') AS "oldProvinces",
             (SELECT count(*)::int FROM "AdminUnit" WHERE level = 'DISTRICT') AS districts,
             (SELECT count(*)::int FROM "AdminUnit" WHERE level = 'COMMUNE' AND "validFrom" = '${OLD_FROM}') AS "oldCommunes",
             (SELECT count(*)::int FROM "AdminUnit" WHERE level = 'PROVINCE' AND "validFrom" = '${NEW_FROM}') AS "newProvinces",
             (SELECT count(*)::int FROM "AdminUnit" WHERE level = 'COMMUNE' AND "validFrom" = '${NEW_FROM}') AS "newCommunes",
             (SELECT count(*)::int FROM "Succession") AS successions,
             (SELECT count(*)::int FROM "Indicator") AS indicators,
             (SELECT count(DISTINCT "periodId")::int FROM "Figure") AS quarters`);
    const result = { ...counts.rows[0] } as Record<string, number>;
    await c.query(`CREATE TABLE bench_dataset (key text PRIMARY KEY, value text NOT NULL)`);
    await c.query(`INSERT INTO bench_dataset VALUES ('version', $1), ('counts', $2)`, [
      NATIONAL_DATASET_VERSION,
      JSON.stringify({ ...result, issuesJson: JSON.stringify(dataIssues) }),
    ]);
    counts.rows[0] = result;
  });
  const loadSeconds = (Date.now() - started) / 1000;
  const found2 = (await existingDataset(url))!;
  log(`national dataset: ${found2.figures} figures in ${loadSeconds.toFixed(0)} s`);
  return { url, reused: false, loadSeconds, counts: found2, dataIssues };
}

/*
 * One row per indicator × unit in force at the quarter's end at the indicator's level
 * × quarter (× sector for sector indicators), for the latest $1 periods that have ended
 * by NATIONAL_NOW. h1..h3 are independent hashes of the cell; hu of the unit ×
 * indicator (a unit keeps its own level, so "movers" and ranks mean something).
 */
const GENERATE_FIGURES_SQL = `
WITH periods AS (
  SELECT id, year, quarter, deadline,
         (make_date(year, quarter * 3, 1) + interval '1 month' - interval '1 day')::date AS qend,
         row_number() OVER (ORDER BY year, quarter) AS qi,
         (year, quarter) = (SELECT year, quarter FROM "ReportingPeriod" WHERE deadline < '${NATIONAL_NOW.toISOString()}'::timestamptz ORDER BY year DESC, quarter DESC LIMIT 1) AS latest
  FROM (SELECT * FROM "ReportingPeriod" WHERE deadline < '${NATIONAL_NOW.toISOString()}'::timestamptz + interval '100 days'
        AND make_date(year, quarter * 3, 1) + interval '1 month' <= '${NATIONAL_NOW.toISOString()}'::date
        ORDER BY year DESC, quarter DESC LIMIT $1) p
), cells AS (
  SELECT i.id AS indicator_id, i.kind, i."responsibleDepartmentId" AS department_id, u.id AS unit_id, p.id AS period_id, p.qi, p.latest, p.deadline,
         s.id AS sector_id,
         abs(hashtext(i.id || '/' || u.id || '/' || p.id || '/' || coalesce(s.id, 0))) AS h1,
         abs(hashtext(p.id || '*' || u.id || '*' || i.id || '*' || coalesce(s.id, 0))) AS h2,
         abs(hashtext(u.id || '#' || i.id)) AS hu
  FROM periods p
  CROSS JOIN "Indicator" i
  JOIN "AdminUnit" u ON u.level = ANY (i.levels) AND u."validFrom" <= p.qend AND (u."validTo" IS NULL OR u."validTo" >= p.qend)
  LEFT JOIN "Sector" s ON i."bySector"
), shaped AS (
  SELECT c.*,
         (h1 % 1000) AS r,
         CASE WHEN latest THEN
                CASE WHEN h1 % 1000 < 100 THEN 'MISSING' WHEN h1 % 1000 < 800 THEN 'APPROVED' WHEN h1 % 1000 < 950 THEN 'SUBMITTED'
                     WHEN h1 % 1000 < 990 THEN 'DRAFT' ELSE 'REJECTED' END
              ELSE CASE WHEN h1 % 1000 < 30 THEN 'MISSING' WHEN h1 % 1000 < 35 THEN 'REOPENED' ELSE 'APPROVED' END
         END AS st,
         50 + (h2 % 951) AS den,
         least(0.98, greatest(0.02, 0.25 + (indicator_id % 5) * 0.08 + qi * 0.018 + ((hu % 200) - 100) / 600.0 + ((h2 / 1000) % 100 - 50) / 2000.0)) AS rate
  FROM cells c
)
INSERT INTO "Figure" ("indicatorId", "unitId", "periodId", "sectorId", numerator, denominator, value, status, "departmentId",
                      "submittedAt", "reviewedAt", "createdAt", "updatedAt", version, comment)
SELECT indicator_id, unit_id, period_id, sector_id,
       CASE WHEN kind = 'RATIO' THEN floor(den * rate) END,
       CASE WHEN kind = 'RATIO' THEN den END,
       CASE kind WHEN 'RATIO' THEN NULL
                 WHEN 'RANK' THEN 1 + (hu % 63)
                 ELSE (hu % 40) + qi * (1 + hu % 3) END,
       (CASE st WHEN 'REOPENED' THEN 'DRAFT' ELSE st END)::"FigureStatus",
       department_id,
       CASE WHEN st IN ('APPROVED', 'SUBMITTED', 'REJECTED') THEN
         CASE WHEN (h2 / 100000) % 100 < 8 THEN deadline + ((h2 / 1000) % 240) * interval '1 hour' + interval '1 minute'
              ELSE deadline - ((h2 / 1000) % 360) * interval '1 hour' END
       END,
       CASE WHEN st IN ('APPROVED', 'REJECTED') THEN deadline + interval '3 days' END,
       deadline - interval '20 days', deadline, 1,
       CASE WHEN st = 'REOPENED' THEN 'bench:reopened' END
FROM shaped
WHERE st <> 'MISSING'`;

/** Approved figures and drafts re-opened after approval have a current publication (for the re-opened ones with the value before the edit). */
const GENERATE_PUBLICATIONS_SQL = `
INSERT INTO "FigurePublication" ("figureId", revision, numerator, denominator, value, "approvedAt")
SELECT id, 1,
       CASE WHEN comment = 'bench:reopened' AND numerator > 0 THEN numerator - 1 ELSE numerator END,
       denominator,
       CASE WHEN comment = 'bench:reopened' AND value IS NOT NULL THEN value + 1 ELSE value END,
       coalesce("reviewedAt", "updatedAt")
FROM "Figure" WHERE status = 'APPROVED' OR comment = 'bench:reopened'`;
