/**
 * The downloads: every published figure (the current FigurePublication of
 * each figure) as CSV and JSON with stable, documented columns.
 *
 * FIGURE_COLUMNS (lib/data/figure-columns.ts) is the one definition of the
 * columns: their order in the CSV, the keys of the JSON objects and the
 * documentation on the data page.
 */
// No "server-only" marker: the cached public pages read through this module in
// getStaticProps (Pages Router, ADR 012), where Next refuses that marker. Never
// import it from a client component.
import { Prisma } from "@/lib/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/client";
import { csvDocument } from "@/lib/export/csv";
import { FIGURE_COLUMNS, type ColumnType } from "./figure-columns";
import { DATA_SOURCE } from "@/lib/export/provenance";

export { FIGURE_COLUMNS, type ColumnDoc, type ColumnType } from "./figure-columns";

export type ColumnName = (typeof FIGURE_COLUMNS)[number]["name"];

/** One published figure; decimals as exact strings ("1234.5"), empty cells as null. */
export type PublishedFigureRow = Record<ColumnName, string | null>;

/** Changes only if a column's name or meaning changes (never, by the rule above). */
export const DOWNLOAD_SCHEMA = "dx-tracker/published-figures@1";

/** "1234.5000" → "1234.5", "90.0000" → "90": Postgres numeric text without the padding of the column's scale. */
export function trimDecimal(text: string | null): string | null {
  if (text === null) return null;
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}

/**
 * The columns of a published figure (FIGURE_COLUMNS) and the tables they come
 * from: the one definition shared by the downloads and the open-data API, so
 * both read the current publication, never the working copy.
 */
export const PUBLISHED_FIGURE_COLUMNS = Prisma.sql`
           i.code AS indicator_code, i."nameVi" AS indicator_name_vi, i."nameEn" AS indicator_name_en,
           i.kind::text AS indicator_kind, s.code AS sector_code,
           u.code AS unit_code, to_char(u."validFrom", 'YYYY-MM-DD') AS unit_valid_from, u.name AS unit_name,
           u.level::text AS unit_level,
           rp.year || '-Q' || rp.quarter AS period, rp.year::text AS year, rp.quarter::text AS quarter,
           p.numerator::text AS numerator, p.denominator::text AS denominator, p.value::text AS value,
           CASE WHEN i.kind = 'RATIO' AND p.denominator > 0 THEN round(p.numerator * 100 / p.denominator, 4)::text END AS rate_percent,
           i."unitVi" AS value_unit_vi, i."unitEn" AS value_unit_en,
           p.revision::text AS revision,
           to_char(p."approvedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS approved_at,
           CASE WHEN p."isDemo" THEN 'true' ELSE 'false' END AS is_demo,
           dep.code AS responsible_department_code, dep."nameVi" AS responsible_department_name_vi,
           p."observationStatus"::text AS observation_status, p."sourceDocument" AS source_document`;
export const PUBLISHED_FIGURE_FROM = Prisma.sql`
    FROM "FigurePublication" p
    JOIN "Figure" f ON f.id = p."figureId"
    JOIN "Indicator" i ON i.id = f."indicatorId"
    JOIN "AdminUnit" u ON u.id = f."unitId"
    JOIN "ReportingPeriod" rp ON rp.id = f."periodId"
    LEFT JOIN "Sector" s ON s.id = f."sectorId"
    JOIN "Department" dep ON dep.id = f."departmentId"`;

/** Every current publication, or one indicator's (by code). */
export async function loadPublishedFigures(db: PrismaClient, indicatorCode: string | null = null): Promise<PublishedFigureRow[]> {
  const rows = await db.$queryRaw<Record<ColumnName, string | null>[]>`
    SELECT ${PUBLISHED_FIGURE_COLUMNS}
    ${PUBLISHED_FIGURE_FROM}
    WHERE p."supersededAt" IS NULL AND (${indicatorCode}::text IS NULL OR i.code = ${indicatorCode}::text)
    ORDER BY i."sortOrder", i.code, s.code NULLS FIRST, rp.year, rp.quarter,
             array_position(ARRAY['PROVINCE', 'DISTRICT', 'COMMUNE']::text[], u.level::text), u.code, u."validFrom"`;
  return rows.map((r) => ({
    ...r,
    numerator: trimDecimal(r.numerator),
    denominator: trimDecimal(r.denominator),
    value: trimDecimal(r.value),
    rate_percent: trimDecimal(r.rate_percent),
  }));
}

/**
 * RFC 4180 with a UTF-8 byte-order mark, so Excel reads the Vietnamese names correctly; text defused
 * (lib/export/csv.ts). "international": comma-separated, decimal point — what machines read. "vi": what
 * Excel in a Vietnamese locale opens as numbers (issue #16, item 8): semicolon-separated, decimal comma.
 */
export function toCsv(rows: readonly PublishedFigureRow[], convention: "international" | "vi" = "international"): string {
  const vi = convention === "vi";
  return csvDocument(
    FIGURE_COLUMNS.map((c) => c.name),
    rows.map((row) => FIGURE_COLUMNS.map((c) => (vi && c.type === "decimal" && row[c.name] !== null ? row[c.name]!.replace(".", ",") : row[c.name]))),
    { delimiter: vi ? ";" : "," },
  );
}

function jsonValue(type: ColumnType, text: string | null): string | number | boolean | null {
  if (text === null) return null;
  switch (type) {
    case "integer":
    case "decimal":
      return Number(text);
    case "boolean":
      return text === "true";
    default:
      return text;
  }
}

export interface FiguresJson {
  schema: typeof DOWNLOAD_SCHEMA;
  generatedAt: string;
  /** Where the figures come from (each row also names its unit, agency, approval and source document). */
  source: typeof DATA_SOURCE;
  columns: { name: string; type: ColumnType; description: { vi: string; en: string } }[];
  figures: Record<ColumnName, string | number | boolean | null>[];
}

/** The same rows and columns as the CSV; numbers as JSON numbers (all published values fit a double exactly). */
export function toFiguresJson(rows: readonly PublishedFigureRow[], generatedAt: Date): FiguresJson {
  return {
    schema: DOWNLOAD_SCHEMA,
    generatedAt: generatedAt.toISOString(),
    source: DATA_SOURCE,
    columns: FIGURE_COLUMNS.map((c) => ({ name: c.name, type: c.type, description: { vi: c.vi, en: c.en } })),
    figures: rows.map(
      (row) => Object.fromEntries(FIGURE_COLUMNS.map((c) => [c.name, jsonValue(c.type, row[c.name])])) as FiguresJson["figures"][number],
    ),
  };
}

export interface DownloadSummary {
  figures: number;
  indicators: number;
  latestApproval: string | null;
  isDemo: boolean;
}

export async function loadDownloadSummary(db: PrismaClient): Promise<DownloadSummary> {
  const [row] = await db.$queryRaw<{ figures: number; indicators: number; latest: Date | null; demo: boolean | null }[]>`
    SELECT count(*)::int AS figures, count(DISTINCT f."indicatorId")::int AS indicators,
           max(p."approvedAt") AS latest, bool_or(p."isDemo") AS demo
    FROM "FigurePublication" p JOIN "Figure" f ON f.id = p."figureId"
    WHERE p."supersededAt" IS NULL`;
  return {
    figures: row?.figures ?? 0,
    indicators: row?.indicators ?? 0,
    latestApproval: row?.latest?.toISOString() ?? null,
    isDemo: row?.demo === true,
  };
}
