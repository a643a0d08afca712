/**
 * The bulk downloads of published figures (/api/public/figures.csv and .json),
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

export interface BuiltDownload {
  body: Buffer;
  etag: string;
}

const KEY = {}; // one entry per kind of file, whatever database client reads it

function built(kind: "csv" | "json" | "sdmx-data" | "sdmx-codelists", build: () => Promise<string>): Promise<BuiltDownload> {
  return cachedByEpoch(KEY, `download:${kind}`, async () => {
    const body = Buffer.from(await build(), "utf8");
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
