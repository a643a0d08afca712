/**
 * Query parameters of the open-data API (/api/v1), parsed strictly: an
 * unknown parameter, a bad value or a foreign cursor is a 400 that names the
 * parameter, in Vietnamese and English. Pure, for unit tests.
 */
import { HOME_PROVINCE_CODE } from "@/lib/geography";
import { parseQuarter, quarterIndex, type Quarter } from "@/lib/period/quarter";

export const ENDPOINTS = ["programmes", "indicators", "targets", "units", "figures", "baselines", "aggregates"] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

export const LEVELS = ["PROVINCE", "DISTRICT", "COMMUNE"] as const;
export type Level = (typeof LEVELS)[number];

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;
/** Codes per list parameter: enough for every indicator, bounded for the query planner. */
const MAX_LIST = 100;

export class ParameterError extends Error {
  constructor(
    readonly parameter: string,
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
    this.name = "ParameterError";
  }
}

export interface CommonParams {
  format: "json" | "csv";
  limit: number;
  /** Internal id after which the page starts; 0 = from the beginning. */
  after: number;
}

export interface FigureFilters {
  indicator: string[] | null;
  unit: string[] | null;
  level: Level | null;
  sector: string[] | null;
  from: Quarter | null;
  to: Quarter | null;
  /** The publications current at this instant (every approved revision is kept); null: now. */
  asOf: Date | null;
}

export interface BaselineFilters {
  indicator: string[] | null;
}

export interface ProgrammeFilters {
  code: string[] | null;
}

export interface TargetFilters {
  /** Programme codes ("01-NQ/TU", "749/QĐ-TTg"). */
  programme: string[] | null;
  indicator: string[] | null;
  level: Level | null;
  year: number | null;
  includeSuperseded: boolean;
}

export interface UnitFilters {
  code: string[] | null;
  level: Level | null;
  /** Units that existed on this day. */
  validOn: string | null;
}

export interface IndicatorFilters {
  code: string[] | null;
}

/** lib/open-data/aggregates.ts applies them (AggregateQuery). */
export interface AggregateFilters {
  indicator: string[] | null;
  /** PROVINCE or DISTRICT: the areas values are rolled up to. */
  level: "PROVINCE" | "DISTRICT" | null;
  /** Area codes (the province's, or districts'). */
  unit: string[] | null;
  sector: string[] | null;
  year: number | null;
  /** 1–4; only with period=quarter. */
  quarter: number | null;
  /** quarter (default): one row per quarter; year: yearly values. */
  period: "quarter" | "year";
}

export type ParsedParams =
  | ({ endpoint: "figures" } & CommonParams & FigureFilters)
  | ({ endpoint: "programmes" } & CommonParams & ProgrammeFilters)
  | ({ endpoint: "targets" } & CommonParams & TargetFilters)
  | ({ endpoint: "units" } & CommonParams & UnitFilters)
  | ({ endpoint: "indicators" } & CommonParams & IndicatorFilters)
  | ({ endpoint: "baselines" } & CommonParams & BaselineFilters)
  | ({ endpoint: "aggregates" } & CommonParams & AggregateFilters);

const ALLOWED: Record<Endpoint, readonly string[]> = {
  figures: ["indicator", "unit", "level", "sector", "from", "to", "as_of"],
  programmes: ["code"],
  targets: ["programme", "indicator", "level", "year", "include_superseded"],
  units: ["code", "level", "valid_on"],
  indicators: ["code"],
  baselines: ["indicator"],
  aggregates: ["indicator", "level", "unit", "sector", "year", "quarter", "period"],
};
const COMMON = ["format", "limit", "cursor"];

export function allowedParameters(endpoint: Endpoint): string[] {
  return [...ALLOWED[endpoint], ...COMMON];
}

// ---------------------------------------------------------------- cursor

/** Opaque to clients: base64url of "v1:<endpoint>:<last id>"; valid for its endpoint only. */
export function encodeCursor(endpoint: Endpoint, lastId: number): string {
  return Buffer.from(`v1:${endpoint}:${lastId}`, "utf8").toString("base64url");
}

function decodeCursor(endpoint: Endpoint, cursor: string): number {
  const bad = new ParameterError(
    "cursor",
    "Tham số “cursor” không hợp lệ: hãy dùng đúng giá trị next_cursor của trang trước.",
    "Parameter “cursor” is invalid: pass the next_cursor of the previous page unchanged.",
  );
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(cursor)) throw bad;
  const m = /^v1:([a-z]+):(\d{1,10})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!m || m[1] !== endpoint) throw bad;
  const id = Number(m[2]);
  if (!Number.isSafeInteger(id) || id > 2_147_483_647) throw bad;
  return id;
}

// ---------------------------------------------------------------- values

function single(params: URLSearchParams, name: string): string | null {
  const all = params.getAll(name);
  if (all.length > 1) throw new ParameterError(name, `Tham số “${name}” chỉ được ghi một lần.`, `Parameter “${name}” may appear only once.`);
  const value = all[0];
  return value === undefined || value === "" ? null : value;
}

/** "A,B" or repeated: ?indicator=A&indicator=B. */
function list(params: URLSearchParams, name: string, pattern: RegExp, exampleVi: string): string[] | null {
  const values = params.getAll(name).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
  if (values.length === 0) return null;
  if (values.length > MAX_LIST) throw new ParameterError(name, `Tham số “${name}” có tối đa ${MAX_LIST} giá trị.`, `Parameter “${name}” takes at most ${MAX_LIST} values.`);
  for (const v of values) {
    if (!pattern.test(v)) {
      throw new ParameterError(name, `Tham số “${name}” có giá trị không hợp lệ “${v.slice(0, 40)}” (ví dụ: ${exampleVi}).`, `Parameter “${name}” has an invalid value “${v.slice(0, 40)}” (e.g. ${exampleVi}).`);
    }
  }
  return [...new Set(values)];
}

function level(params: URLSearchParams): Level | null {
  const value = single(params, "level");
  if (value === null) return null;
  const upper = value.toUpperCase();
  if (!(LEVELS as readonly string[]).includes(upper)) {
    throw new ParameterError("level", "Tham số “level” phải là PROVINCE, DISTRICT hoặc COMMUNE.", "Parameter “level” must be PROVINCE, DISTRICT or COMMUNE.");
  }
  return upper as Level;
}

function quarter(params: URLSearchParams, name: "from" | "to"): Quarter | null {
  const value = single(params, name);
  if (value === null) return null;
  const q = /^\d{4}-Q[1-4]$/i.test(value) ? parseQuarter(value.toUpperCase()) : null;
  if (!q) throw new ParameterError(name, `Tham số “${name}” phải là một quý dạng 2025-Q3.`, `Parameter “${name}” must be a quarter such as 2025-Q3.`);
  return q;
}

/**
 * An instant: a day (YYYY-MM-DD: the end of that day in Vietnam, UTC+7) or a
 * timestamp with its zone (2026-10-15T08:00:00Z, …+07:00).
 */
function instant(params: URLSearchParams, name: string): Date | null {
  const value = single(params, name);
  if (value === null) return null;
  const bad = new ParameterError(
    name,
    `Tham số “${name}” phải là một ngày dạng YYYY-MM-DD hoặc một thời điểm có múi giờ như 2026-10-15T08:00:00Z.`,
    `Parameter “${name}” must be a day as YYYY-MM-DD or an instant with its zone such as 2026-10-15T08:00:00Z.`,
  );
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = new Date(`${value}T00:00:00Z`);
    if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) throw bad;
    return new Date(`${value}T23:59:59.999+07:00`);
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) throw bad;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw bad;
  return at;
}

function bool(params: URLSearchParams, name: string): boolean {
  const value = single(params, name);
  if (value === null) return false;
  if (value === "true" || value === "1") return true;
  if (value === "false" || value === "0") return false;
  throw new ParameterError(name, `Tham số “${name}” phải là true hoặc false.`, `Parameter “${name}” must be true or false.`);
}

const CODE = /^[A-Za-z0-9_.-]{1,64}$/;
/** A document number as written: "01-NQ/TU", "749/QĐ-TTg" (Vietnamese letters and "/"). */
const PROGRAMME_CODE = /^[\p{L}\p{N}_./-]{1,64}$/u;

function year(params: URLSearchParams): number | null {
  const yearText = single(params, "year");
  const value = yearText === null ? null : /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
  if (value !== null && !(value >= 2000 && value <= 2100)) {
    throw new ParameterError("year", "Tham số “year” phải là một năm từ 2000 đến 2100.", "Parameter “year” must be a year from 2000 to 2100.");
  }
  return value;
}

/** Parses the query of one endpoint; `pathFormat` is "csv" for /api/v1/figures.csv. */
export function parseParams(endpoint: Endpoint, params: URLSearchParams, pathFormat: "json" | "csv" | null = null): ParsedParams {
  const allowed = new Set(allowedParameters(endpoint));
  for (const name of params.keys()) {
    if (!allowed.has(name)) {
      const list = [...allowed].join(", ");
      throw new ParameterError(name, `Tham số “${name.slice(0, 40)}” không được hỗ trợ ở /api/v1/${endpoint} (có: ${list}).`, `Parameter “${name.slice(0, 40)}” is not supported by /api/v1/${endpoint} (supported: ${list}).`);
    }
  }
  const formatText = single(params, "format");
  if (formatText !== null && formatText !== "json" && formatText !== "csv") {
    throw new ParameterError("format", "Tham số “format” phải là json hoặc csv.", "Parameter “format” must be json or csv.");
  }
  if (pathFormat !== null && formatText !== null && formatText !== pathFormat) {
    throw new ParameterError("format", `Tham số “format” mâu thuẫn với đuôi .${pathFormat} của đường dẫn.`, `Parameter “format” contradicts the .${pathFormat} path.`);
  }
  const limitText = single(params, "limit");
  let limit = DEFAULT_LIMIT;
  if (limitText !== null) {
    limit = /^\d{1,5}$/.test(limitText) ? Number(limitText) : Number.NaN;
    if (!(limit >= 1 && limit <= MAX_LIMIT)) {
      throw new ParameterError("limit", `Tham số “limit” phải là số nguyên từ 1 đến ${MAX_LIMIT}.`, `Parameter “limit” must be an integer from 1 to ${MAX_LIMIT}.`);
    }
  }
  const cursor = single(params, "cursor");
  const common: CommonParams = { format: (pathFormat ?? formatText ?? "json") as "json" | "csv", limit, after: cursor === null ? 0 : decodeCursor(endpoint, cursor) };

  switch (endpoint) {
    case "figures": {
      const from = quarter(params, "from");
      const to = quarter(params, "to");
      if (from && to && quarterIndex(from) > quarterIndex(to)) {
        throw new ParameterError("from", "Tham số “from” phải không muộn hơn “to”.", "Parameter “from” must not be later than “to”.");
      }
      return {
        endpoint,
        ...common,
        indicator: list(params, "indicator", CODE, "EDOSSIER_RATE"),
        unit: list(params, "unit", /^\d{1,10}$/, HOME_PROVINCE_CODE),
        level: level(params),
        sector: list(params, "sector", CODE, "INDUSTRY"),
        from,
        to,
        asOf: instant(params, "as_of"),
      };
    }
    case "programmes":
      return { endpoint, ...common, code: list(params, "code", PROGRAMME_CODE, "01-NQ/TU") };
    case "targets":
      return { endpoint, ...common, programme: list(params, "programme", PROGRAMME_CODE, "01-NQ/TU"), indicator: list(params, "indicator", CODE, "EDOSSIER_RATE"), level: level(params), year: year(params), includeSuperseded: bool(params, "include_superseded") };
    case "aggregates": {
      const lvl = level(params);
      if (lvl === "COMMUNE") {
        throw new ParameterError("level", "Tham số “level” của /api/v1/aggregates là PROVINCE hoặc DISTRICT (số liệu từng xã có ở /api/v1/figures).", "Parameter “level” of /api/v1/aggregates is PROVINCE or DISTRICT (each commune's figures are at /api/v1/figures).");
      }
      const periodText = single(params, "period");
      if (periodText !== null && periodText !== "quarter" && periodText !== "year") {
        throw new ParameterError("period", "Tham số “period” phải là quarter hoặc year.", "Parameter “period” must be quarter or year.");
      }
      const period = periodText ?? "quarter";
      const quarterText = single(params, "quarter");
      if (quarterText !== null && !/^[1-4]$/.test(quarterText)) {
        throw new ParameterError("quarter", "Tham số “quarter” phải là 1, 2, 3 hoặc 4 (năm ghi ở “year”).", "Parameter “quarter” must be 1, 2, 3 or 4 (the year goes in “year”).");
      }
      if (quarterText !== null && period === "year") {
        throw new ParameterError("quarter", "Tham số “quarter” không dùng được với period=year: giá trị năm gồm các quý của năm.", "Parameter “quarter” cannot be used with period=year: a yearly value is made of the year's quarters.");
      }
      return {
        endpoint,
        ...common,
        indicator: list(params, "indicator", CODE, "EDOSSIER_RATE"),
        level: lvl,
        unit: list(params, "unit", /^\d{1,10}$/, HOME_PROVINCE_CODE),
        sector: list(params, "sector", CODE, "INDUSTRY"),
        year: year(params),
        quarter: quarterText === null ? null : Number(quarterText),
        period,
      };
    }
    case "units": {
      const validOn = single(params, "valid_on");
      if (validOn !== null && (!/^\d{4}-\d{2}-\d{2}$/.test(validOn) || Number.isNaN(Date.parse(`${validOn}T00:00:00Z`)) || new Date(`${validOn}T00:00:00Z`).toISOString().slice(0, 10) !== validOn)) {
        throw new ParameterError("valid_on", "Tham số “valid_on” phải là một ngày dạng YYYY-MM-DD.", "Parameter “valid_on” must be a date as YYYY-MM-DD.");
      }
      return { endpoint, ...common, code: list(params, "code", /^\d{1,10}$/, HOME_PROVINCE_CODE), level: level(params), validOn };
    }
    case "indicators":
      return { endpoint, ...common, code: list(params, "code", CODE, "EDOSSIER_RATE") };
    case "baselines":
      return { endpoint, ...common, indicator: list(params, "indicator", CODE, "EDOSSIER_RATE") };
  }
}
