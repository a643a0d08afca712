/**
 * The bulk downloads of published figures (/api/public/figures.csv and .json,
 * SDMX-CSV, one indicator's files) and of their aggregates (aggregates.csv,
 * aggregates-yearly.csv),
 * built once per cache epoch — once per publication — and kept in memory
 * (lib/cache/memo.ts), not rebuilt per request (ADR 015). Their ETag is the
 * epoch, so a client or proxy that has this version gets a 304.
 */
import { createHash } from "node:crypto";
import { cachedByEpoch } from "@/lib/cache/memo";
import { prisma } from "@/lib/db";
import type { PrismaClient } from "@/lib/db/client";
import { reusedCodes, sdmxCodelistsCsv, sdmxDataCsv, type CodelistInputs } from "@/lib/open-data/sdmx";
import { loadPublishedFigures, toCsv, toFiguresJson } from "./public-figures";
import { indicatorFiguresWorkbook } from "@/lib/export/figures-xlsx";
import { aggregateRows, ALL_AGGREGATES } from "@/lib/open-data/aggregates";
import { recordsCsv } from "@/lib/open-data/records-csv";
import { publishedAggregateSums } from "./open-data";

export interface BuiltDownload {
  body: Buffer;
  etag: string;
}

const KEY = {}; // one entry per kind of file, whatever database client reads it

function built(kind: string, build: () => Promise<string | Buffer>): Promise<BuiltDownload> {
  return cachedByEpoch(KEY, `download:${kind}`, async () => {
    const made = await build();
    const body = typeof made === "string" ? Buffer.from(made, "utf8") : made;
    const hash = createHash("sha256").update(body).digest("base64url").slice(0, 16);
    return { body, etag: `"${kind}-${hash}"` };
  });
}

export function publishedFiguresCsv(): Promise<BuiltDownload> {
  return built("csv", async () => toCsv(await loadPublishedFigures(prisma)));
}

export function publishedFiguresJson(): Promise<BuiltDownload> {
  return built("json", async () => JSON.stringify(toFiguresJson(await loadPublishedFigures(prisma), new Date())));
}

/**
 * Every aggregate of /api/v1/aggregates, by quarter or by year (issue #14, item 12; ADR 028): the
 * API's columns and rows, all of them in one file, with is_demo on every row like figures.csv.
 */
export async function buildAggregatesCsv(db: PrismaClient, period: "quarter" | "year", provinceCode?: string): Promise<string> {
  return recordsCsv("aggregates", aggregateRows(await publishedAggregateSums(db, provinceCode), { ...ALL_AGGREGATES, period }));
}

export function aggregatesCsv(period: "quarter" | "year"): Promise<BuiltDownload> {
  return built(`aggregates-${period}`, () => buildAggregatesCsv(prisma, period));
}

/** One indicator's files (issue #16, item 8): CSV with a decimal point, CSV for Excel in Vietnamese, XLSX. */
export const INDICATOR_FILES = {
  "so-lieu.csv": { contentType: "text/csv; charset=utf-8", label: "csv" },
  "so-lieu-excel-vn.csv": { contentType: "text/csv; charset=utf-8", label: "csv-vi" },
  "so-lieu.xlsx": { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", label: "xlsx" },
} as const;
export type IndicatorFile = keyof typeof INDICATOR_FILES;

/** null when no indicator has that code. Built once per publication, like the other downloads. */
export async function indicatorDownload(code: string, file: IndicatorFile): Promise<BuiltDownload | null> {
  const indicator = await prisma.indicator.findUnique({ where: { code }, select: { code: true, nameVi: true } });
  if (!indicator) return null;
  return built(`indicator:${indicator.code}:${file}`, async () => {
    const rows = await loadPublishedFigures(prisma, indicator.code);
    if (file === "so-lieu.xlsx") return indicatorFiguresWorkbook(rows, { ...indicator, generatedAt: new Date() });
    return toCsv(rows, file === "so-lieu-excel-vn.csv" ? "vi" : "international");
  });
}

/** Everything the SDMX codelists list, from the database. */
export async function loadCodelistInputs(db: PrismaClient): Promise<CodelistInputs> {
  const day = (d: Date | null) => (d === null ? null : d.toISOString().slice(0, 10));
  const [indicators, sectors, units] = await Promise.all([
    db.indicator.findMany({ select: { code: true, nameVi: true, nameEn: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] }),
    db.sector.findMany({ select: { code: true, nameVi: true, nameEn: true }, orderBy: { code: "asc" } }),
    db.adminUnit.findMany({
      select: { code: true, name: true, level: true, validFrom: true, validTo: true, parent: { select: { code: true, validFrom: true } } },
      orderBy: [{ level: "asc" }, { code: "asc" }, { validFrom: "asc" }],
    }),
  ]);
  return {
    indicators,
    sectors,
    units: units.map((u) => ({
      code: u.code,
      name: u.name,
      level: u.level,
      validFrom: day(u.validFrom)!,
      validTo: day(u.validTo),
      parentCode: u.parent?.code ?? null,
      parentValidFrom: day(u.parent?.validFrom ?? null),
    })),
  };
}

/** The SDMX-CSV 2.0 data file: every published figure (lib/open-data/sdmx.ts), from a database client. */
export async function buildSdmxData(db: PrismaClient): Promise<string> {
  const [rows, units] = await Promise.all([loadPublishedFigures(db), db.adminUnit.findMany({ select: { code: true } })]);
  return sdmxDataCsv(rows, reusedCodes(units));
}

export function sdmxDataFile(): Promise<BuiltDownload> {
  return built("sdmx-data", () => buildSdmxData(prisma));
}

export function sdmxCodelistsFile(): Promise<BuiltDownload> {
  return built("sdmx-codelists", async () => sdmxCodelistsCsv(await loadCodelistInputs(prisma)));
}

/** Cache-Control of the downloads: like the public pages, a proxy may keep them a second (ADR 015). */
export const DOWNLOAD_CACHE_CONTROL = "public, max-age=0, s-maxage=1, stale-while-revalidate=9";

/** The response: 304 when the client already has this version, else the bytes. */
export function downloadResponse(request: Request, file: BuiltDownload, headers: Record<string, string>): Response {
  const common = { ETag: file.etag, "Cache-Control": DOWNLOAD_CACHE_CONTROL };
  const has = request.headers.get("if-none-match")?.split(/\s*,\s*/) ?? [];
  if (has.includes(file.etag) || has.includes("*")) return new Response(null, { status: 304, headers: common });
  return new Response(new Uint8Array(file.body), { headers: { ...headers, ...common, "Content-Length": String(file.body.length) } });
}
