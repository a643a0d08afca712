/**
 * The open-data API (/api/v1) against a demo-seeded database of its own,
 * through the same handler the route files call:
 * - contract: every real response (pages, filters, errors, 429) validates
 *   against the OpenAPI 3.1 document it serves, with a JSON Schema 2020-12
 *   validator (ajv);
 * - paging through /figures returns exactly the published rows of the
 *   downloads, each once; ETag/304, CORS, Cache-Control; 400 naming the
 *   parameter in the client's language; 429 with Retry-After per address;
 * - no unapproved figure (draft, submitted, rejected, or the unapproved
 *   edit of an approved one) is reachable by any endpoint or parameter
 *   combination, and approving one makes it reachable.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { seedDatabase } from "@/lib/seed/seed";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { saveDrafts, submitFigures } from "@/lib/services/figures";
import { approveFigures, rejectFigures } from "@/lib/services/review";
import { FIGURE_COLUMNS, loadPublishedFigures } from "@/lib/data/public-figures";
import { handleOpenApi, handleOpenData, type OpenDataContext } from "@/lib/open-data/handler";
import { ENDPOINTS, type Endpoint } from "@/lib/open-data/params";
import { TokenBucketLimiter } from "@/lib/open-data/rate-limit";
import { FIELDS } from "@/lib/open-data/fields";
import { buildAggregatesCsv } from "@/lib/data/public-downloads";
import { createScratchDatabase, type ScratchDatabase } from "./helpers/database";

const NOW = new Date("2026-11-28T08:00:00Z");
let scratch: ScratchDatabase;
let db: PrismaClient;
let ctx: OpenDataContext;
let editor: Actor;
let approver: Actor;
let doc: { openapi: string; paths: Record<string, unknown> };
let ajv: InstanceType<typeof Ajv2020>;

beforeAll(async () => {
  scratch = await createScratchDatabase("opendata");
  await migrate(scratch.url);
  db = createPrismaClient(scratch.url, { maxConnections: 4 });
  await seedDatabase(db, { demo: true, now: NOW });
  const actorOf = async (email: string) => (await loadActor(db, (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id))!;
  editor = await actorOf("editor-vp@demo.dx-tracker.vn");
  approver = await actorOf("approver@demo.dx-tracker.vn");
  ctx = { db, limiter: new TokenBucketLimiter({ capacity: 1_000_000, refillPerSecond: 1_000, maxClients: 10 }) };
  doc = await handleOpenApi(ctx, new Request("http://api.test/api/v1/openapi.json")).json();
  ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat("date", /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat("date-time", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
  ajv.addSchema({ ...doc, $id: "openapi" });
}, 300_000);

afterAll(async () => {
  await db?.$disconnect();
  await scratch?.drop();
});

function request(path: string, headers: Record<string, string> = {}) {
  return new Request(`http://api.test${path}`, { headers: { "x-forwarded-for": "203.0.113.7", ...headers } });
}

async function get(endpoint: Endpoint, query = "", headers: Record<string, string> = {}) {
  return handleOpenData(ctx, endpoint, request(`/api/v1/${endpoint}${query ? `?${query}` : ""}`, headers));
}

const SCHEMA_OF: Record<Endpoint, string> = { programmes: "ProgrammePage", indicators: "IndicatorPage", targets: "TargetPage", units: "AdminUnitPage", figures: "FigurePage", baselines: "BaselinePage", aggregates: "AggregatePage" };

/** Validates a body against a schema of the served document; returns the errors, [] when valid. */
function violations(schemaName: string, body: unknown): string[] {
  const validate = ajv.getSchema(`openapi#/components/schemas/${schemaName}`)!;
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

async function json(response: Response) {
  return JSON.parse(await response.text());
}

describe("contract: real responses validate against /api/v1/openapi.json", () => {
  it("is an OpenAPI 3.1 document with every endpoint", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual([...ENDPOINTS.map((e) => `/api/v1/${e}`), "/api/v1/schemas/programme.json"].sort());
  });

  it.each([
    ["programmes", ""],
    ["programmes", "code=749/QĐ-TTg"],
    ["targets", "programme=749/QĐ-TTg"],
    ["indicators", ""],
    ["indicators", "code=EDOSSIER_RATE,OPEN_DATA"],
    ["targets", ""],
    ["targets", "indicator=EDOSSIER_RATE,WORK_DOSSIER_ONLINE_COMMUNE&level=COMMUNE&include_superseded=true"],
    ["units", "limit=500"],
    ["units", "level=COMMUNE&valid_on=2025-06-30&limit=3"],
    ["figures", "limit=1000"],
    ["figures", "indicator=WORK_DOSSIER_ONLINE_COMMUNE&level=COMMUNE&from=2025-Q3&to=2026-Q3&limit=5"],
    ["figures", "unit=19&format=json"],
    ["figures", "indicator=DVC_L4_SHARE&as_of=2026-10-01"],
    ["baselines", ""],
    ["baselines", "indicator=EDOSSIER_RATE"],
    ["aggregates", ""],
    ["aggregates", "indicator=WORK_DOSSIER_ONLINE_COMMUNE&level=DISTRICT&year=2024"],
    ["aggregates", "period=year&limit=1000"],
    ["aggregates", "unit=19&year=2025&quarter=2"],
    ["aggregates", "indicator=DIGITAL_ECONOMY_SECTOR&sector=INDUSTRY&period=year&format=json"],
    ["aggregates", "level=DISTRICT&period=year&limit=3"],
  ] as [Endpoint, string][])("GET /api/v1/%s?%s", async (endpoint, query) => {
    const response = await get(endpoint, query);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const body = await json(response);
    expect(violations(SCHEMA_OF[endpoint], body)).toEqual([]);
    expect(body.data.length).toBeGreaterThan(0);
  });

  it("the schemas are strict: a renamed or missing field fails validation", async () => {
    const body = await json(await get("figures", "limit=1"));
    const renamed = { ...body, data: [{ ...body.data[0], valueX: body.data[0].value }] };
    expect(violations("FigurePage", renamed).length).toBeGreaterThan(0);
    const { unit_code: _gone, ...missing } = body.data[0];
    expect(violations("FigurePage", { ...body, data: [missing] }).length).toBeGreaterThan(0);
  });

  it("units carry validity dates and successions; targets their source clauses", async () => {
    const old = await json(await get("units", "level=COMMUNE&valid_on=2025-06-30&limit=1"));
    expect(old.data[0].valid_to).toBe("2025-06-30");
    expect(old.data[0].successors.length).toBeGreaterThan(0);
    expect(old.data[0].successors[0]).toMatchObject({ valid_from: "2025-07-01", effective_date: "2025-07-01" });
    const newer = await json(await get("units", "level=COMMUNE&valid_on=2025-07-01&limit=1"));
    expect(newer.data[0].predecessors.length).toBeGreaterThan(0);
    // Each succession says which share of the old unit it carries: 1 for FULL, null (unknown) or the recorded share for PARTIAL (issue #14, item 7).
    const all = await json(await get("units", "level=COMMUNE&valid_on=2025-07-01&limit=500"));
    const links = all.data.flatMap((u: { predecessors: { kind: string; weight: number | null }[] }) => u.predecessors);
    expect(links.filter((l: { kind: string }) => l.kind === "FULL").every((l: { weight: number | null }) => l.weight === 1)).toBe(true);
    expect(links.some((l: { kind: string; weight: number | null }) => l.kind === "PARTIAL" && l.weight === null)).toBe(true);
    const targets = await json(await get("targets", "indicator=WORK_DOSSIER_ONLINE_COMMUNE"));
    expect(targets.data.every((t: { source_clause_vi: string }) => t.source_clause_vi.length > 10)).toBe(true);
  });

  it("programmes: the province's resolution and the national programme; each provincial target names the national one it answers (issue #15)", async () => {
    const programmes = await json(await get("programmes"));
    expect(programmes.data.map((p: { code: string; scope: string; province_code: string | null; current_targets: number }) => [p.code, p.scope, p.province_code, p.current_targets])).toEqual([
      ["01-NQ/TU", "PROVINCE", "19", 22],
      ["749/QĐ-TTg", "NATIONAL", null, 10],
    ]);
    const dvc = await json(await get("targets", "indicator=DVC_L4_SHARE&year=2025"));
    expect(dvc.data.map((t: Record<string, unknown>) => [t.programme_code, t.comparator, t.value, t.answers_programme_code, t.answers_comparator, t.answers_value])).toEqual([
      ["01-NQ/TU", "GT", 90, "749/QĐ-TTg", "GTE", 80],
      ["749/QĐ-TTg", "GTE", 80, null, null, null],
    ]);
    const national = await json(await get("targets", "programme=749/QĐ-TTg&limit=100"));
    expect(national.data).toHaveLength(10);
    expect(national.data.every((t: { programme_code: string; comparator: string }) => t.programme_code === "749/QĐ-TTg" && t.comparator === "GTE")).toBe(true);
    const sectors = await json(await get("targets", "programme=01-NQ/TU&indicator=DIGITAL_ECONOMY_SECTOR"));
    expect(sectors.data.every((t: { answers_value: number | null }) => t.answers_value === 10)).toBe(true);
    expect((await get("targets", "programme=01 NQ")).status).toBe(400);
  });

  it("errors validate too: 400 names the parameter in the client's language", async () => {
    for (const [endpoint, query, parameter] of [
      ["figures", "limit=0", "limit"],
      ["figures", "limit=abc", "limit"],
      ["figures", "from=2025-Q5", "from"],
      ["figures", "from=2026-Q1&to=2025-Q1", "from"],
      ["figures", "level=TOWN", "level"],
      ["figures", "status=DRAFT", "status"],
      ["figures", "include_drafts=true", "include_drafts"],
      ["figures", "cursor=bm9wZQ", "cursor"],
      ["figures", "format=xml", "format"],
      ["units", "valid_on=2025-02-30", "valid_on"],
      ["targets", "year=20x5", "year"],
      ["figures", "as_of=2026-02-30", "as_of"],
      ["figures", "as_of=2026-10-01T08:00:00", "as_of"],
      ["baselines", "level=PROVINCE", "level"],
      ["aggregates", "quarter=5", "quarter"],
      ["aggregates", "quarter=2&period=year", "quarter"],
      ["aggregates", "unit=Thai-Nguyen", "unit"],
      ["aggregates", "from=2025-Q1", "from"],
    ] as [Endpoint, string, string][]) {
      const response = await get(endpoint, query);
      expect(response.status, query).toBe(400);
      const body = await json(response);
      expect(violations("Error", body), query).toEqual([]);
      expect(body.error).toMatchObject({ code: "INVALID_PARAMETER", parameter });
      expect(body.error.message_vi, query).toContain(`“${parameter}”`);
      expect(body.error.message_en, query).toContain(`“${parameter}”`);
      expect(body.error.message).toBe(body.error.message_vi);
    }
    const english = await json(await get("figures", "limit=0", { "accept-language": "en-GB,en;q=0.9" }));
    expect(english.error.message).toBe("Parameter “limit” must be an integer from 1 to 1000.");
    // A cursor of another endpoint is refused, not misread.
    const unitsPage = await json(await get("units", "limit=1"));
    expect((await get("figures", `cursor=${unitsPage.next_cursor}`)).status).toBe(400);
  });

  it("429 with Retry-After once an address has spent its bucket; other addresses are unaffected", async () => {
    let clock = 0;
    const tight: OpenDataContext = { db, limiter: new TokenBucketLimiter({ capacity: 3, refillPerSecond: 0.5, maxClients: 100 }, () => clock) };
    const call = (ip: string) => handleOpenData(tight, "indicators", request("/api/v1/indicators?limit=1", { "x-forwarded-for": ip }));
    for (let i = 0; i < 3; i++) expect((await call("198.51.100.1")).status).toBe(200);
    const refused = await call("198.51.100.1");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("2");
    expect(violations("Error", await json(refused))).toEqual([]);
    expect((await call("198.51.100.2")).status).toBe(200);
    clock += 2000;
    expect((await call("198.51.100.1")).status).toBe(200);
  });
});

describe("paging, caching, formats", () => {
  it("paging through /figures returns every published row exactly once, as the downloads have them", async () => {
    const seen: Record<string, unknown>[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const body = await json(await get("figures", `limit=97${cursor ? `&cursor=${cursor}` : ""}`));
      expect(body.data.length).toBeLessThanOrEqual(97);
      seen.push(...body.data);
      cursor = body.next_cursor;
      pages++;
    } while (cursor);
    const published = await loadPublishedFigures(db);
    expect(pages).toBe(Math.ceil(published.length / 97) + (published.length % 97 === 0 ? 1 : 0) || 1);
    const key = (r: Record<string, unknown>) => `${r.indicator_code}|${r.sector_code}|${r.unit_code}|${r.unit_valid_from}|${r.period}`;
    expect(seen.map(key).sort()).toEqual(published.map(key).sort());
    expect(new Set(seen.map(key)).size).toBe(seen.length);
    const byKey = new Map(published.map((r) => [key(r), r]));
    for (const r of seen.slice(0, 50)) expect(String(r.denominator ?? r.value)).toBe(String(byKey.get(key(r))!.denominator ?? byKey.get(key(r))!.value));
  });

  it("ETag and 304, Cache-Control, CORS, and a Link to the next page", async () => {
    const first = await get("figures", "limit=5");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get("cache-control")).toBe("public, max-age=60");
    expect(first.headers.get("access-control-allow-origin")).toBe("*");
    expect(first.headers.get("link")).toMatch(/^<\/api\/v1\/figures\?limit=5&cursor=[\w-]+>; rel="next"$/);
    const again = await get("figures", "limit=5", { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    expect((await get("figures", "limit=6", { "if-none-match": etag })).status).toBe(200);
  });

  it("CSV: the downloads' columns, BOM and CRLF; next cursor in a header", async () => {
    const response = await get("figures", "format=csv&limit=3");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe(FIGURE_COLUMNS.map((c) => c.name).join(","));
    expect(lines.filter(Boolean)).toHaveLength(4);
    expect(response.headers.get("x-next-cursor")).toMatch(/^[\w-]+$/);
    const units = await (await get("units", "format=csv&level=COMMUNE&valid_on=2025-07-01&limit=2")).text();
    expect(units.split("\r\n")[1]).toMatch(/@2\d{3}-\d{2}-\d{2}:(FULL|PARTIAL)/);
  });
});

describe("only approved figures are reachable through the API", () => {
  const MARK = { draft: 707_172_631, submitted: 707_172_632, rejected: 707_172_633, approved: 707_172_634, reedit: 707_172_636 };

  /** Every endpoint, every format, every filter and paging combination that could surface a figure. */
  async function everything(): Promise<string> {
    const queries: [Endpoint, string][] = [];
    const figureQueries = [
      "",
      "limit=1000",
      "indicator=WORK_DOSSIER_ONLINE_COMMUNE",
      "indicator=WORK_DOSSIER_ONLINE_COMMUNE&level=COMMUNE",
      "level=COMMUNE",
      "level=PROVINCE",
      "from=2026-Q4",
      "to=2026-Q4&from=2026-Q3",
      "from=2020-Q1&to=2030-Q4",
    ];
    for (const q of figureQueries) for (const f of ["json", "csv"]) queries.push(["figures", `${q}${q ? "&" : ""}format=${f}`]);
    for (const endpoint of ["indicators", "targets", "units"] as const) queries.push([endpoint, "limit=1000"], [endpoint, "limit=1000&format=csv"]);
    queries.push(["targets", "include_superseded=true&limit=1000"]);
    let text = "";
    for (const [endpoint, q] of queries) text += await (await get(endpoint, q)).text();
    // Every page of every figure filter, by cursor.
    for (const q of ["limit=50", "limit=50&level=COMMUNE&from=2026-Q3"]) {
      let cursor: string | null = null;
      do {
        const body = await json(await get("figures", `${q}${cursor ? `&cursor=${cursor}` : ""}`));
        text += JSON.stringify(body);
        cursor = body.next_cursor;
      } while (cursor);
    }
    // Each unit on its own.
    const units = await db.adminUnit.findMany({ where: { level: "COMMUNE", validTo: null }, select: { code: true }, take: 8, orderBy: { code: "asc" } });
    for (const u of units) text += await (await get("figures", `unit=${u.code}&limit=1000`)).text();
    return text;
  }

  it("never returns a draft, submitted, rejected or re-edited figure; approving makes one appear", async () => {
    const q4 = (await db.reportingPeriod.findUniqueOrThrow({ where: { year_quarter: { year: 2026, quarter: 4 } }, select: { id: true } })).id;
    const indicator = await db.indicator.findUniqueOrThrow({ where: { code: "WORK_DOSSIER_ONLINE_COMMUNE" }, select: { id: true } });
    const communes = await db.adminUnit.findMany({ where: { level: "COMMUNE", validTo: null }, orderBy: { code: "asc" }, take: 4, select: { id: true } });
    const row = (unitId: number, denominator: number) => ({ indicatorId: indicator.id, unitId, periodId: q4, sectorId: null, numerator: 1, denominator, value: null, comment: null, version: 0 });
    const saved = await saveDrafts(db, editor, { periodId: q4, rows: [row(communes[0]!.id, MARK.draft), row(communes[1]!.id, MARK.submitted), row(communes[2]!.id, MARK.rejected), row(communes[3]!.id, MARK.approved)], reason: null }, { now: NOW });
    const f = (unitId: number) => saved.saved.find((s) => s.unitId === unitId)!;
    const submitted = await submitFigures(db, editor, { figures: [1, 2, 3].map((i) => ({ id: f(communes[i]!.id).id, version: f(communes[i]!.id).version })), reason: null }, { now: NOW });
    const v = (unitId: number) => submitted.submitted.find((s) => s.unitId === unitId)!.version;
    await rejectFigures(db, approver, { items: [{ figureId: f(communes[2]!.id).id, version: v(communes[2]!.id) }], comment: "Mẫu số chưa đúng, đề nghị kiểm tra." });
    // An approved figure edited again: its new value is a draft.
    const approved = await db.figure.findFirstOrThrow({ where: { indicatorId: indicator.id, status: "APPROVED", period: { year: 2026, quarter: 3 } }, select: { id: true, version: true, unitId: true, periodId: true } });
    await saveDrafts(db, editor, { periodId: approved.periodId, rows: [{ ...row(approved.unitId, MARK.reedit), periodId: approved.periodId, version: approved.version }], reason: null }, { now: NOW });

    const text = await everything();
    expect(text.length).toBeGreaterThan(100_000);
    for (const [name, mark] of Object.entries(MARK)) expect(text.includes(String(mark)), `${name} (${mark}) is public`).toBe(false);

    // Approved, the fourth one is public — the same searches find it (so they can find a leak).
    await approveFigures(db, approver, { items: [{ figureId: f(communes[3]!.id).id, version: v(communes[3]!.id), acknowledgedFlags: true }] });
    const after = await everything();
    expect(after.includes(String(MARK.approved))).toBe(true);
    for (const mark of [MARK.draft, MARK.submitted, MARK.rejected, MARK.reedit]) expect(after.includes(String(mark))).toBe(false);
  });
});

describe("what the open data adds for statisticians (issue #14, item 12)", () => {
  it("as_of returns each figure as published at that instant: every approved revision is kept, unapproved edits never appear", async () => {
    const q3 = (await db.reportingPeriod.findUniqueOrThrow({ where: { year_quarter: { year: 2026, quarter: 3 } }, select: { id: true } })).id;
    const indicator = await db.indicator.findUniqueOrThrow({ where: { code: "WORK_DOSSIER_ONLINE_COMMUNE" }, select: { id: true } });
    const approved = await db.figure.findFirstOrThrow({
      where: { periodId: q3, indicatorId: indicator.id, status: "APPROVED", publications: { some: { supersededAt: null } } },
      select: { id: true, unitId: true, version: true, unit: { select: { code: true } }, publications: { where: { supersededAt: null }, select: { numerator: true, revision: true, approvedAt: true } } },
      orderBy: { id: "desc" },
    });
    const first = approved.publications[0]!;
    const before = new Date();
    // A correction: saved, submitted, approved — revision + 1 supersedes the first.
    const saved = await saveDrafts(db, editor, { periodId: q3, rows: [{ indicatorId: indicator.id, unitId: approved.unitId, periodId: q3, sectorId: null, numerator: 7, denominator: 7_777, version: approved.version }], reason: null }, { now: NOW });
    const submitted = await submitFigures(db, editor, { figures: [{ id: approved.id, version: saved.saved[0]!.version }], reason: null }, { now: NOW });
    await approveFigures(db, approver, { items: [{ figureId: approved.id, version: submitted.submitted[0]!.version, acknowledgedFlags: true }] });
    const query = (asOf: string | null) => `indicator=WORK_DOSSIER_ONLINE_COMMUNE&unit=${approved.unit.code}&from=2026-Q3&to=2026-Q3${asOf ? `&as_of=${encodeURIComponent(asOf)}` : ""}`;
    const now = (await json(await get("figures", query(null)))).data;
    expect(now).toEqual([expect.objectContaining({ numerator: 7, denominator: 7777, revision: first.revision + 1 })]);
    const then = (await json(await get("figures", query(before.toISOString())))).data;
    expect(then).toEqual([expect.objectContaining({ numerator: Number(first.numerator), revision: first.revision })]);
    // Before its first approval the figure was not public at all.
    const earlier = new Date(first.approvedAt.getTime() - 1).toISOString();
    expect((await json(await get("figures", query(earlier)))).data).toEqual([]);
    // A day means its end in Vietnam: the day of the first approval (in Vietnam) has that revision, unless replaced the same day.
    expect((await get("figures", query("2026-02-30"))).status).toBe(400);
  });

  it("baselines: the recorded ones, with their day marked as assumed and their source", async () => {
    const body = await json(await get("baselines", "indicator=EDOSSIER_RATE"));
    expect(body.data).toEqual([
      expect.objectContaining({ indicator_code: "EDOSSIER_RATE", level: "PROVINCE", sector_code: null, value: 65.84, date: "2020-12-31", date_assumed: true, is_demo: false }),
    ]);
    expect(body.data[0].source_clause_vi).toContain("65,84%");
    const csv = await (await get("baselines", "format=csv")).text();
    expect(csv.split("\r\n")[0]!.replace(/^\uFEFF/, "")).toBe("indicator_code,level,sector_code,value,date,date_assumed,source_clause_vi,source_vi,is_demo");
    expect(body.source.vi).toMatch(/^Số liệu chuyển đổi số/);
  });
});

describe("aggregates with coverage, and yearly values (issue #14, item 12)", () => {
  /** Hand-computed from the tables: approved commune figures of a quarter under the home province of that quarter. */
  async function byHand(code: string, year: number, quarter: number) {
    const r = await db.$queryRaw<{ num: number; den: number; n: number; mean: number }[]>`
      SELECT sum(p.numerator)::float8 AS num, sum(p.denominator)::float8 AS den, count(*)::int AS n, avg(p.numerator / p.denominator * 100)::float8 AS mean
      FROM "FigurePublication" p JOIN "Figure" f ON f.id = p."figureId"
      JOIN "Indicator" i ON i.id = f."indicatorId" AND i.code = ${code}
      JOIN "ReportingPeriod" rp ON rp.id = f."periodId" AND rp.year = ${year} AND rp.quarter = ${quarter}
      JOIN "AdminUnit" u ON u.id = f."unitId" LEFT JOIN "AdminUnit" pa ON pa.id = u."parentId" LEFT JOIN "AdminUnit" ga ON ga.id = pa."parentId"
      JOIN "AdminUnit" prov ON prov.id = CASE WHEN u.level = 'PROVINCE' THEN u.id WHEN pa.level = 'PROVINCE' THEN pa.id ELSE ga.id END
      WHERE p."supersededAt" IS NULL AND prov.code = '19'`;
    return r[0]!;
  }
  const rowsOf = async (query: string) => (await json(await get("aggregates", query))).data as Record<string, unknown>[];

  it("rolls a commune rate up to the province as Σnum/Σden (not the mean of rates), with its coverage", async () => {
    const hand = await byHand("WORK_DOSSIER_ONLINE_COMMUNE", 2026, 2);
    const [row] = (await rowsOf("indicator=WORK_DOSSIER_ONLINE_COMMUNE&level=PROVINCE&year=2026")).filter((r) => r.period === "2026-Q2");
    expect(row).toMatchObject({ area_code: "19", area_level: "PROVINCE", area_valid_from: "2025-07-01", numerator: hand.num, denominator: hand.den, reported: hand.n, expected: 92 });
    expect(row!.value).toBeCloseTo((hand.num / hand.den) * 100, 5);
    expect(Math.abs((row!.value as number) - hand.mean)).toBeGreaterThan(0.01);
    expect(row!.coverage).toBeCloseTo(hand.n / 92, 5);
    expect(row!.meets_min_coverage).toBe(hand.n / 92 >= 0.8);
  });

  it("never counts a figure awaiting approval, and gives districts only before 1 July 2025", async () => {
    // 2026-Q3 province figures of DVC_L4_SHARE are SUBMITTED in the demo: no aggregate.
    expect((await rowsOf("indicator=DVC_L4_SHARE&year=2026")).map((r) => r.period)).not.toContain("2026-Q3");
    const districts = await rowsOf("level=DISTRICT&limit=1000");
    expect(districts.length).toBeGreaterThan(0);
    expect(districts.every((r) => (r.year as number) < 2025 || r.period === "2025-Q1" || r.period === "2025-Q2")).toBe(true);
    expect(districts.every((r) => r.area_level === "DISTRICT")).toBe(true);
  });

  it("gives a year: a rate as Σnum/Σden of its quarters on one territory, a count as its last quarter, each saying if complete", async () => {
    const quarters = await Promise.all([1, 2, 3, 4].map((q) => byHand("WORK_DOSSIER_ONLINE_COMMUNE", 2024, q)));
    const [year] = await rowsOf("indicator=WORK_DOSSIER_ONLINE_COMMUNE&level=PROVINCE&year=2024&period=year");
    const num = quarters.reduce((t, q) => t + q.num, 0);
    const den = quarters.reduce((t, q) => t + q.den, 0);
    expect(year).toMatchObject({ period: "2024", quarter: null, quarters: 4, last_quarter: "2024-Q4", complete: true });
    expect(year!.value).toBeCloseTo((num / den) * 100, 5);
    // 2025 spans two territories: two rows, neither a complete year.
    const split = await rowsOf("indicator=WORK_DOSSIER_ONLINE_COMMUNE&level=PROVINCE&year=2025&period=year");
    expect(split.map((r) => [r.area_valid_from, r.quarters, r.complete])).toEqual([
      ["2019-01-01", 2, false],
      ["2025-07-01", 2, false],
    ]);
    // A count: the year's last published quarter.
    const enterprises = await rowsOf("indicator=DIGITAL_ENTERPRISES&year=2024&period=year");
    const q4 = (await rowsOf("indicator=DIGITAL_ENTERPRISES&year=2024")).find((r) => r.period === "2024-Q4")!;
    expect(enterprises[0]).toMatchObject({ value: q4.value, last_quarter: "2024-Q4", complete: true, numerator: null, period_basis: "QUARTER_END" });
  });

  it("a rate that is a state on the last day or a sum from 1 January is its Q4 for the year, as the seed and the migration say (ADR 028)", async () => {
    for (const [code, basis] of [
      ["DIGITAL_ECONOMY_GRDP", "YEAR_TO_DATE"],
      ["DVC_L4_SHARE", "QUARTER_END"],
    ]) {
      const quarters = await rowsOf(`indicator=${code}&level=PROVINCE&year=2024`);
      expect(quarters.map((r) => r.period), code).toEqual(["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]);
      const q4 = quarters.at(-1)!;
      const [year] = await rowsOf(`indicator=${code}&level=PROVINCE&year=2024&period=year`);
      expect(year, code).toMatchObject({ period_basis: basis, numerator: q4.numerator, denominator: q4.denominator, value: q4.value, last_quarter: "2024-Q4", quarters: 4, complete: true });
      // Adding the quarters up would give another number.
      const summed = (quarters.reduce((t, r) => t + (r.numerator as number), 0) / quarters.reduce((t, r) => t + (r.denominator as number), 0)) * 100;
      expect(Math.abs(summed - (year!.value as number)), code).toBeGreaterThan(0.001);
    }
  });

  it("the CSV has the documented columns; the download of every yearly value has the API's rows", async () => {
    const csv = await (await get("aggregates", "format=csv&indicator=WORK_DOSSIER_ONLINE_COMMUNE&period=year&level=PROVINCE")).text();
    const lines = csv.replace(/^\uFEFF/, "").split("\r\n").filter(Boolean);
    expect(lines[0]).toBe(FIELDS.aggregates.map((f) => f.name).join(","));
    expect(lines.length).toBeGreaterThan(2);
    const file = (await buildAggregatesCsv(db, "year")).replace(/^\uFEFF/, "").split("\r\n").filter(Boolean);
    const body = await json(await get("aggregates", "period=year&limit=1000"));
    expect(body.next_cursor).toBeNull();
    expect(file).toHaveLength(body.data.length + 1);
    expect(file.slice(1).every((l) => /,(true|false),[^,]*,(QUARTER|QUARTER_END|YEAR_TO_DATE)$/.test(l))).toBe(true);
    expect(body.source.vi).toMatch(/^Số liệu chuyển đổi số/);
  });

  it("refuses a commune level and an unknown period, naming the parameter", async () => {
    expect((await json(await get("aggregates", "level=COMMUNE"))).error.parameter).toBe("level");
    expect((await json(await get("aggregates", "period=month"))).error.parameter).toBe("period");
  });
});
