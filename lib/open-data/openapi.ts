/**
 * The OpenAPI 3.1 document of the open-data API, built from the same field
 * definitions (lib/open-data/fields.ts) and parameter rules
 * (lib/open-data/params.ts) the endpoints use, so it cannot drift from them;
 * tests/integration/open-data.test.ts validates real responses against it (ajv).
 */
import { SHIPPED_RESOLUTION, homeWords } from "@/lib/i18n/home";
import { FIELDS, recordSchema, type JsonSchema } from "./fields";
import { DEFAULT_LIMIT, ENDPOINTS, MAX_LIMIT, type Endpoint } from "./params";
import { DEFAULT_RATE_LIMIT } from "./rate-limit";
import { PROGRAMME_SCHEMA_PATH } from "@/lib/programme-file/schema";

const HOME = homeWords();

export const API_SCHEMA_ID = "dx-tracker/open-data@1";
export const API_VERSION = "1.0.0";

const TITLES: Record<Endpoint, { schema: string; summary: string; description: string }> = {
  programmes: {
    schema: "Programme",
    summary: "Programmes / Chương trình",
    description:
      "The programmes that set targets: the province's own (scope PROVINCE, whose targets are judged on every page) and the national programme its targets answer (scope NATIONAL, shown as a reference line, never judged here), with their period, status and source.",
  },
  indicators: { schema: "Indicator", summary: "Indicators / Chỉ tiêu", description: "The resolution's indicators: names, kind, unit of measure, levels, responsible department, methodology." },
  targets: {
    schema: "Target",
    summary: "Targets with source clauses / Mục tiêu và điều khoản nguồn",
    description:
      "Targets per programme × indicator × level (× sector) × year, with the clause they come from; a provincial target that answers a national one gives that target's programme, comparator and value. Current targets only unless include_superseded=true.",
  },
  units: {
    schema: "AdminUnit",
    summary: "Administrative units, validity and successions / Đơn vị hành chính",
    description: "Units of the province with the days they existed and what they became (the reform of 1 July 2025): a unit is identified by (code, valid_from).",
  },
  baselines: {
    schema: "Baseline",
    summary: "Recorded baselines / Mức gốc",
    description:
      "The current baselines given for indicators — one per indicator × level × sector; one replaced or withdrawn by an administrator is not listed — with their day (date_assumed: the day is an assumption) and source. A target without one starts from its first published figure with enough coverage from 2021-Q1 (see the methodology page).",
  },
  aggregates: {
    schema: "Aggregate",
    summary: "Province and district aggregates with coverage, and yearly values / Số liệu tổng hợp",
    description:
      `Published figures (approved, current publication; never a figure awaiting approval) rolled up per indicator × sector × quarter to the province — each quarter's own territory: the former ${HOME.province.short} (code ${HOME.province.code}, valid 2019-01-01 to 2025-06-30) to 2025-Q2, the ${HOME.mergedEn ? "merged" : "two-tier"} province (code ${HOME.province.code}, from 2025-07-01) from 2025-Q3 — and to its districts, which existed to 2025-Q2 only. ` +
      "A rate is Σnumerator / Σdenominator × 100 of the units that reported, never a mean of their rates; a count (and the level behind a change against a baseline) is a sum; a rank is not summed: only the area's own figure. " +
      "Each value carries its coverage: reported / expected units at the indicator's entry levels in the area on the quarter's last day, and meets_min_coverage (a value under the minimum is published but not judged). " +
      "With period=year, a year is made of its published quarters on one territory (2025 gives the former and the merged province apart), by period_basis: QUARTER (what happened in the quarter) adds them up — a rate Σnum/Σden over the quarters, a count their sum, complete with all four, coverage of the least-covered quarter; QUARTER_END (a state on the last day), YEAR_TO_DATE (from 1 January), ranks and changes against a baseline take the year's last published quarter (last_quarter), complete when it is Q4, with that quarter's coverage. " +
      "Ordered by period, area and indicator; a cursor is a position in that order. Every page's source says where the data come from; is_demo marks demo figures.",
  },
  figures: {
    schema: "Figure",
    summary: "Published figures / Số liệu đã công bố",
    description: "Approved figures only: the current publication of each figure. Drafts, submitted and rejected figures, and unapproved edits of approved ones, are never returned.",
  },
};

const param = (name: string, description: string, schema: JsonSchema, extra: JsonSchema = {}) => ({ name, in: "query", required: false, description, schema, ...extra });
const codeList = { type: "string", pattern: "^[A-Za-z0-9_.,-]+$" };

const COMMON_PARAMS = [
  param("format", "json (default) or csv (UTF-8 with BOM, CRLF, the same fields as columns).", { type: "string", enum: ["json", "csv"], default: "json" }),
  param("limit", `Rows per page, 1–${MAX_LIMIT}.`, { type: "integer", minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT }),
  param("cursor", "Opaque: the next_cursor of the previous page (also in the Link header, rel=next). Pages are ordered stably; new rows come last.", { type: "string" }),
];

const ENDPOINT_PARAMS: Record<Endpoint, unknown[]> = {
  programmes: [param("code", "Programme codes (document numbers such as 01-NQ/TU), comma-separated or repeated.", { type: "string" })],
  indicators: [param("code", "Indicator codes, comma-separated or repeated.", codeList)],
  targets: [
    param("programme", "Programme codes (01-NQ/TU, 749/QĐ-TTg), comma-separated or repeated.", { type: "string" }),
    param("indicator", "Indicator codes, comma-separated or repeated.", codeList),
    param("level", "PROVINCE, DISTRICT or COMMUNE.", { type: "string", enum: ["PROVINCE", "DISTRICT", "COMMUNE"] }),
    param("year", "Target year.", { type: "integer", minimum: 2000, maximum: 2100 }),
    param("include_superseded", "Also superseded targets (history).", { type: "boolean", default: false }),
  ],
  units: [
    param("code", "GSO codes, comma-separated or repeated.", { type: "string", pattern: "^[0-9,]+$" }),
    param("level", "PROVINCE, DISTRICT or COMMUNE.", { type: "string", enum: ["PROVINCE", "DISTRICT", "COMMUNE"] }),
    param("valid_on", "Only units that existed on this day (YYYY-MM-DD).", { type: "string", format: "date" }),
  ],
  figures: [
    param("indicator", "Indicator codes, comma-separated or repeated.", codeList),
    param("unit", "Unit GSO codes, comma-separated or repeated.", { type: "string", pattern: "^[0-9,]+$" }),
    param("level", "PROVINCE, DISTRICT or COMMUNE.", { type: "string", enum: ["PROVINCE", "DISTRICT", "COMMUNE"] }),
    param("sector", "Sector codes, comma-separated or repeated.", codeList),
    param("from", "First quarter, e.g. 2025-Q1.", { type: "string", pattern: "^\\d{4}-Q[1-4]$" }),
    param("to", "Last quarter, e.g. 2026-Q4.", { type: "string", pattern: "^\\d{4}-Q[1-4]$" }),
    param(
      "as_of",
      "The figures as published at that instant (every approved revision is kept): a day YYYY-MM-DD (its end, Vietnam time) or a timestamp with its zone. Default: now.",
      { type: "string" },
    ),
  ],
  baselines: [param("indicator", "Indicator codes, comma-separated or repeated.", codeList)],
  aggregates: [
    param("indicator", "Indicator codes, comma-separated or repeated.", codeList),
    param("level", "PROVINCE or DISTRICT: the areas summed over.", { type: "string", enum: ["PROVINCE", "DISTRICT"] }),
    param("unit", "Area codes (the province's, 19: both its territories; districts'), comma-separated or repeated.", { type: "string", pattern: "^[0-9,]+$" }),
    param("sector", "Sector codes, comma-separated or repeated.", codeList),
    param("year", "Only this year.", { type: "integer", minimum: 2000, maximum: 2100 }),
    param("quarter", "Only this quarter of each year (1–4); not with period=year.", { type: "integer", minimum: 1, maximum: 4 }),
    param("period", "quarter (default) or year: yearly values.", { type: "string", enum: ["quarter", "year"], default: "quarter" }),
  ],
};

const header = (description: string, schema: JsonSchema = { type: "string" }) => ({ description, schema });
const CACHE_HEADERS = {
  ETag: header("Strong validator of the body; send it back in If-None-Match to get 304."),
  "Cache-Control": header("public, max-age=60."),
  "Access-Control-Allow-Origin": header("*: any site may read the API."),
};

function pageSchema(endpoint: Endpoint): JsonSchema {
  return {
    type: "object",
    additionalProperties: false,
    required: ["schema", "endpoint", "limit", "next_cursor", "source", "data"],
    properties: {
      schema: { const: API_SCHEMA_ID },
      source: {
        type: "object",
        additionalProperties: false,
        required: ["vi", "en"],
        properties: { vi: { type: "string" }, en: { type: "string" } },
        description: "Where the data comes from (each figure also gives its reporting unit, agency, approval, revision, observation status and source document).",
      },
      endpoint: { const: endpoint },
      limit: { type: "integer", minimum: 1, maximum: MAX_LIMIT },
      next_cursor: { type: ["string", "null"], description: "Cursor of the next page; null on the last page." },
      data: { type: "array", items: { $ref: `#/components/schemas/${TITLES[endpoint].schema}` } },
    },
  };
}

const ERROR_SCHEMA: JsonSchema = {
  type: "object",
  additionalProperties: false,
  required: ["error"],
  properties: {
    error: {
      type: "object",
      additionalProperties: false,
      required: ["code", "message", "message_vi", "message_en"],
      properties: {
        code: { type: "string", enum: ["INVALID_PARAMETER", "RATE_LIMITED", "METHOD_NOT_ALLOWED"] },
        parameter: { type: "string", description: "The parameter at fault (400)." },
        message: { type: "string", description: "In the language of Accept-Language (Vietnamese unless English is preferred)." },
        message_vi: { type: "string" },
        message_en: { type: "string" },
      },
    },
  },
};

export function openApiDocument(): JsonSchema {
  const paths: Record<string, unknown> = {};
  for (const endpoint of ENDPOINTS) {
    const t = TITLES[endpoint];
    paths[`/api/v1/${endpoint}`] = {
      get: {
        operationId: `list_${endpoint}`,
        summary: t.summary,
        description: t.description,
        parameters: [...ENDPOINT_PARAMS[endpoint], ...COMMON_PARAMS, { name: "If-None-Match", in: "header", required: false, schema: { type: "string" } }],
        responses: {
          "200": {
            description: "A page of rows.",
            headers: { ...CACHE_HEADERS, Link: header('rel="next" link to the next page, when there is one.') },
            content: {
              "application/json": { schema: { $ref: `#/components/schemas/${t.schema}Page` } },
              "text/csv": { schema: { type: "string" }, description: `Columns: ${FIELDS[endpoint].map((f) => f.name).join(", ")}. The next page's cursor is in the Link and X-Next-Cursor headers.` },
            },
          },
          "304": { description: "Not modified (If-None-Match matched the ETag).", headers: CACHE_HEADERS },
          "400": { $ref: "#/components/responses/BadParameter" },
          "429": { $ref: "#/components/responses/RateLimited" },
        },
      },
    };
  }
  paths[PROGRAMME_SCHEMA_PATH] = {
    get: {
      operationId: "programme_file_schema",
      summary: "JSON Schema of a programme definition file / Lược đồ tệp định nghĩa chương trình",
      description:
        "The JSON Schema (draft 2020-12) a programme definition file follows: the programme, the indicators it uses, its targets and baselines, as exported from and imported into the administration (ADR 033). The .xlsx form has one sheet per part with the same fields.",
      responses: {
        "200": { description: "The schema.", headers: CACHE_HEADERS, content: { "application/schema+json": { schema: { type: "object" } } } },
        "304": { description: "Not modified (If-None-Match matched the ETag).", headers: CACHE_HEADERS },
        "429": { $ref: "#/components/responses/RateLimited" },
      },
    },
  };
  const schemas: Record<string, JsonSchema> = { Error: ERROR_SCHEMA };
  for (const endpoint of ENDPOINTS) {
    schemas[TITLES[endpoint].schema] = recordSchema(endpoint);
    schemas[`${TITLES[endpoint].schema}Page`] = pageSchema(endpoint);
  }
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "dx-tracker open data API — Dữ liệu mở Theo dõi chuyển đổi số",
      version: API_VERSION,
      description:
        `Public, read-only. Approved (published) figures of the digital-transformation programme (${HOME.ownResolution ? `Resolution ${SHIPPED_RESOLUTION.code}, ` : ""}${HOME.province.short}), its indicators, targets and administrative units. ` +
        `Field names are stable: fields are only added, never renamed. Any origin may call it (CORS). Each client address may make ${DEFAULT_RATE_LIMIT.capacity} requests at once, refilled at ${DEFAULT_RATE_LIMIT.refillPerSecond} per second; beyond, 429 with Retry-After. ` +
        "Bad parameters get 400 naming the parameter. Documentation: /du-lieu/api (Tiếng Việt), /en/data/api (English).",
      license: { name: "MIT", identifier: "MIT" },
    },
    servers: [{ url: "/" }],
    paths,
    components: {
      schemas,
      responses: {
        BadParameter: { description: "A parameter is unknown or invalid; error.parameter names it.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        RateLimited: {
          description: "Too many requests from this client address.",
          headers: { "Retry-After": header("Seconds to wait.", { type: "integer" }) },
          content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
        },
      },
    },
  };
}
