/**
 * The bulk downloads of published figures (/api/public/figures.csv and .json),
 * built once per cache epoch — once per publication — and kept in memory
 * (lib/cache/memo.ts), not rebuilt per request (ADR 015). Their ETag is the
 * epoch, so a client or proxy that has this version gets a 304.
 */
import { createHash } from "node:crypto";
import { cachedByEpoch } from "@/lib/cache/memo";
import { prisma } from "@/lib/db";
import { loadPublishedFigures, toCsv, toFiguresJson } from "./public-figures";

export interface BuiltDownload {
  body: Buffer;
  etag: string;
}

const KEY = {}; // one entry per kind of file, whatever database client reads it

function built(kind: "csv" | "json", build: () => Promise<string>): Promise<BuiltDownload> {
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

/** Cache-Control of the downloads: like the public pages, a proxy may keep them a second (ADR 015). */
export const DOWNLOAD_CACHE_CONTROL = "public, max-age=0, s-maxage=1, stale-while-revalidate=9";

/** The response: 304 when the client already has this version, else the bytes. */
export function downloadResponse(request: Request, file: BuiltDownload, headers: Record<string, string>): Response {
  const common = { ETag: file.etag, "Cache-Control": DOWNLOAD_CACHE_CONTROL };
  const has = request.headers.get("if-none-match")?.split(/\s*,\s*/) ?? [];
  if (has.includes(file.etag) || has.includes("*")) return new Response(null, { status: 304, headers: common });
  return new Response(new Uint8Array(file.body), { headers: { ...headers, ...common, "Content-Length": String(file.body.length) } });
}
