/**
 * The HTTP side of the open-data API, independent of Next.js so tests can
 * call it with a database of their own: rate limit per client address →
 * strict parameters → one page from lib/data/open-data.ts → JSON or CSV with
 * ETag (304 on If-None-Match), Cache-Control and open CORS.
 */
import { DATA_SOURCE } from "@/lib/export/provenance";
import { programmeFileJsonSchema } from "@/lib/programme-file/schema";
import { createHash } from "node:crypto";
import type { PrismaClient } from "@/lib/db/client";
import { clientAddress } from "@/lib/security/client-address";
import { toCsv, toFiguresJson, type PublishedFigureRow } from "@/lib/data/public-figures";
import { loadBaselinesPage, loadFiguresPage, loadIndicatorsPage, loadProgrammesPage, loadTargetsPage, loadUnitsPage, publishedAggregateSums } from "@/lib/data/open-data";
import { aggregateRows } from "./aggregates";
import { recordsCsv } from "./records-csv";
import { FIELDS } from "./fields";
import { API_SCHEMA_ID, openApiDocument } from "./openapi";
import { encodeCursor, ParameterError, parseParams, type Endpoint } from "./params";
import { TokenBucketLimiter } from "./rate-limit";

export interface OpenDataContext {
  db: PrismaClient;
  limiter: TokenBucketLimiter;
  /** The province aggregates are summed to; default HOME_PROVINCE_CODE (tests name their fixture's). */
  provinceCode?: string;
}

const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Link, X-Next-Cursor, Retry-After",
} as const;
const CACHE = "public, max-age=60";

function prefersEnglish(request: Request): boolean {
  const header = request.headers.get("accept-language") ?? "";
  const first = header.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en");
}

function errorResponse(request: Request, status: number, code: string, vi: string, en: string, extra: Record<string, string> = {}, parameter?: string): Response {
  const body = { error: { code, ...(parameter ? { parameter } : {}), message: prefersEnglish(request) ? en : vi, message_vi: vi, message_en: en } };
  return Response.json(body, { status, headers: { ...CORS, "Cache-Control": "no-store", "Content-Language": prefersEnglish(request) ? "en" : "vi", Vary: "Accept-Language", ...extra } });
}

function etagOf(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

/** 200 with the body, or 304 when the client holds the same bytes. */
function cacheable(request: Request, body: string, contentType: string, extra: Record<string, string> = {}): Response {
  const etag = etagOf(body);
  const headers = { ...CORS, ETag: etag, "Cache-Control": CACHE, Vary: "Accept-Encoding", ...extra };
  if (matches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers: { ...headers, "Content-Type": contentType } });
}

function rateLimited(ctx: OpenDataContext, request: Request): Response | null {
  const decision = ctx.limiter.take(clientAddress(request.headers));
  if (decision.allowed) return null;
  const s = decision.retryAfterSeconds;
  return errorResponse(request, 429, "RATE_LIMITED", `Quá nhiều yêu cầu từ địa chỉ của bạn; hãy thử lại sau ${s} giây.`, `Too many requests from your address; retry in ${s} s.`, { "Retry-After": String(s) });
}

function loose(page: { rows: object[]; lastId: number | null }): { rows: Record<string, unknown>[]; lastId: number | null } {
  return { rows: page.rows as Record<string, unknown>[], lastId: page.lastId };
}

export async function handleOpenData(ctx: OpenDataContext, endpoint: Endpoint, request: Request): Promise<Response> {
  const limited = rateLimited(ctx, request);
  if (limited) return limited;
  const url = new URL(request.url);
  let params;
  try {
    params = parseParams(endpoint, url.searchParams);
  } catch (error) {
    if (error instanceof ParameterError) return errorResponse(request, 400, "INVALID_PARAMETER", error.vi, error.en, {}, error.parameter);
    throw error;
  }
  const paging = { after: params.after, limit: params.limit };
  let rows: Record<string, unknown>[];
  let lastId: number | null;
  let figureRows: PublishedFigureRow[] | null = null;
  switch (params.endpoint) {
    case "programmes":
      ({ rows, lastId } = loose(await loadProgrammesPage(ctx.db, { ...params, ...paging })));
      break;
    case "indicators":
      ({ rows, lastId } = loose(await loadIndicatorsPage(ctx.db, { ...params, ...paging })));
      break;
    case "targets":
      ({ rows, lastId } = loose(await loadTargetsPage(ctx.db, { ...params, ...paging })));
      break;
    case "units":
      ({ rows, lastId } = loose(await loadUnitsPage(ctx.db, { ...params, ...paging })));
      break;
    case "baselines":
      ({ rows, lastId } = loose(await loadBaselinesPage(ctx.db, { ...params, ...paging })));
      break;
    case "aggregates": {
      // Summed once per publication (cache epoch), filtered and made into years here.
      const all = aggregateRows(await publishedAggregateSums(ctx.db, ctx.provinceCode), params);
      // The cursor is a position in that order (rows have no id of their own).
      const slice = all.slice(params.after, params.after + params.limit);
      rows = slice as unknown as Record<string, unknown>[];
      lastId = params.after + params.limit < all.length ? params.after + params.limit : null;
      break;
    }
    case "figures": {
      const page = await loadFiguresPage(ctx.db, { ...params, ...paging });
      figureRows = page.rows;
      // The downloads' typing: decimals and integers as JSON numbers, booleans as booleans.
      rows = toFiguresJson(page.rows, new Date(0)).figures;
      lastId = page.lastId;
      break;
    }
  }
  const nextCursor = lastId === null ? null : encodeCursor(endpoint, lastId);
  const extra: Record<string, string> = {};
  if (nextCursor) {
    const next = new URL(url);
    next.searchParams.set("cursor", nextCursor);
    extra.Link = `<${next.pathname}${next.search}>; rel="next"`;
    extra["X-Next-Cursor"] = nextCursor;
  }
  if (params.format === "csv") {
    const csv = figureRows ? toCsv(figureRows) : recordsCsv(endpoint, rows);
    return cacheable(request, csv, "text/csv; charset=utf-8", { ...extra, "Content-Disposition": `inline; filename="dx-tracker-${endpoint}.csv"` });
  }
  // Field order as documented, whatever the query returned.
  const names = FIELDS[endpoint].map((f) => f.name);
  const data = rows.map((r) => Object.fromEntries(names.map((n) => [n, r[n] ?? null])));
  const body = JSON.stringify({ schema: API_SCHEMA_ID, endpoint, limit: params.limit, next_cursor: nextCursor, source: DATA_SOURCE, data });
  return cacheable(request, body, "application/json; charset=utf-8", extra);
}

let documentText: string | null = null;
let programmeSchemaText: string | null = null;

/** The JSON Schema of a programme definition file (ADR 033), generated from the import's zod schema: public, like the API's own document. */
export function handleProgrammeSchema(ctx: OpenDataContext, request: Request): Response {
  const limited = rateLimited(ctx, request);
  if (limited) return limited;
  programmeSchemaText ??= JSON.stringify(programmeFileJsonSchema(), null, 2);
  return cacheable(request, programmeSchemaText, "application/schema+json; charset=utf-8");
}

export function handleOpenApi(ctx: OpenDataContext, request: Request): Response {
  const limited = rateLimited(ctx, request);
  if (limited) return limited;
  documentText ??= JSON.stringify(openApiDocument(), null, 2);
  return cacheable(request, documentText, "application/json; charset=utf-8");
}

/** CORS preflight: any origin may GET. */
export function preflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS,
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": "If-None-Match, Accept-Language, Content-Type",
      "Access-Control-Max-Age": "86400",
    },
  });
}
