/**
 * The published figures as SDMX-CSV 2.0 (issue #14, item 12): the format
 * national statistics offices and Open SDG exchange, one observation per line
 * with the dataflow it belongs to, and the codelists its codes come from.
 * Pure: lib/data/public-downloads.ts reads the rows and keeps the files.
 *
 * The data structure, as its columns:
 * - dimensions FREQ (Q), INDICATOR (CL_INDICATOR), REF_AREA (CL_AREA),
 *   SECTOR (CL_SECTOR, `_Z` "not applicable" for an indicator without sectors)
 *   and TIME_PERIOD (`2026-Q3`, SDMX's quarterly period);
 * - OBS_VALUE: the rate in percent for a ratio (numerator / denominator × 100),
 *   else the value entered;
 * - attributes UNIT_MEASURE (CL_UNIT_MEASURE), OBS_STATUS (CL_OBS_STATUS: A, P,
 *   E), NUMERATOR, DENOMINATOR, UNIT_LEVEL (CL_UNIT_LEVEL), REVISION,
 *   APPROVED_AT, RESP_AGENCY (the responsible department's code),
 *   SOURCE_DOCUMENT and DEMO (true for demo data).
 *
 * A GSO code names one unit at a time, but the 1 July 2025 reform reused some
 * codes: such a unit's REF_AREA is its code, "_", and the day it began
 * (`01849_20250701`); a code used once is the code alone.
 */
import { csvDocument } from "@/lib/export/csv";
import { OBSERVATION_STATUS_LABELS, type ObservationStatus } from "@/lib/validations/figure";
import type { PublishedFigureRow } from "@/lib/data/public-figures";

export const SDMX_AGENCY = "VN_TN";
export const SDMX_DATAFLOW = `${SDMX_AGENCY}:DF_DX_TRACKER(1.0)`;

export const SDMX_DATA_COLUMNS = [
  "STRUCTURE",
  "STRUCTURE_ID",
  "ACTION",
  "FREQ",
  "INDICATOR",
  "REF_AREA",
  "SECTOR",
  "TIME_PERIOD",
  "OBS_VALUE",
  "UNIT_MEASURE",
  "OBS_STATUS",
  "NUMERATOR",
  "DENOMINATOR",
  "UNIT_LEVEL",
  "REVISION",
  "APPROVED_AT",
  "RESP_AGENCY",
  "SOURCE_DOCUMENT",
  "DEMO",
] as const;

export const SDMX_CODELIST_COLUMNS = ["CODELIST", "ID", "NAME_VI", "NAME_EN", "PARENT", "VALID_FROM", "VALID_TO"] as const;

/** SDMX's code for "not applicable" (the cross-domain codelists' `_Z`). */
export const NOT_APPLICABLE = "_Z";

/** The codes of one kind of unit of measure: a ratio in percent (SDMX `PT`), a count, a rank. */
export const UNIT_MEASURES = {
  PT: { vi: "Phần trăm", en: "Percent" },
  NUMBER: { vi: "Số lượng", en: "Number" },
  RANK: { vi: "Thứ hạng (1 là cao nhất)", en: "Rank (1 is the best)" },
} as const;

const LEVEL_NAMES = {
  PROVINCE: { vi: "Tỉnh", en: "Province" },
  DISTRICT: { vi: "Huyện (đến 30/06/2025)", en: "District (until 30 June 2025)" },
  COMMUNE: { vi: "Xã, phường", en: "Commune or ward" },
} as const;

/** Codes that name more than one unit over time: their units' REF_AREA carries the first day. */
export function reusedCodes(units: readonly { code: string }[]): Set<string> {
  const seen = new Set<string>();
  const reused = new Set<string>();
  for (const u of units) (seen.has(u.code) ? reused : seen).add(u.code);
  return reused;
}

/** A unit's REF_AREA: its GSO code, or code_YYYYMMDD when the code was reused. */
export function areaId(code: string, validFrom: string, reused: ReadonlySet<string>): string {
  return reused.has(code) ? `${code}_${validFrom.replace(/-/g, "")}` : code;
}

function unitMeasure(kind: string | null, unitVi: string | null): keyof typeof UNIT_MEASURES {
  if (kind === "RATIO" || unitVi?.trim() === "%") return "PT";
  return kind === "RANK" ? "RANK" : "NUMBER";
}

/** Every published figure, one SDMX-CSV 2.0 observation per line (UTF-8, CRLF, a BOM for spreadsheets). */
export function sdmxDataCsv(rows: readonly PublishedFigureRow[], reused: ReadonlySet<string>): string {
  return csvDocument(
    SDMX_DATA_COLUMNS,
    rows.map((r) => [
      "dataflow",
      SDMX_DATAFLOW,
      "I",
      "Q",
      r.indicator_code,
      areaId(r.unit_code!, r.unit_valid_from!, reused),
      r.sector_code ?? NOT_APPLICABLE,
      r.period,
      r.indicator_kind === "RATIO" ? r.rate_percent : r.value,
      unitMeasure(r.indicator_kind, r.value_unit_vi),
      OBSERVATION_STATUS_LABELS[(r.observation_status ?? "NORMAL") as ObservationStatus].sdmx,
      r.numerator,
      r.denominator,
      r.unit_level,
      r.revision,
      r.approved_at,
      r.responsible_department_code,
      r.source_document,
      r.is_demo,
    ]),
  );
}

export interface CodelistInputs {
  indicators: readonly { code: string; nameVi: string; nameEn: string }[];
  sectors: readonly { code: string; nameVi: string; nameEn: string }[];
  /** Every unit, with its parent's code and first day (null for a province). */
  units: readonly { code: string; name: string; level: keyof typeof LEVEL_NAMES; validFrom: string; validTo: string | null; parentCode: string | null; parentValidFrom: string | null }[];
}

/** The codelists of every coded column, in one CSV: CODELIST names the list, ID the code. */
export function sdmxCodelistsCsv(input: CodelistInputs): string {
  const reused = reusedCodes(input.units);
  type Line = [string, string, string, string, string | null, string | null, string | null];
  const lines: Line[] = [
    ["CL_FREQ", "Q", "Quý", "Quarterly", null, null, null],
    ...input.indicators.map((i): Line => ["CL_INDICATOR", i.code, i.nameVi, i.nameEn, null, null, null]),
    ...input.units.map((u): Line => [
      "CL_AREA",
      areaId(u.code, u.validFrom, reused),
      u.name,
      u.name,
      u.parentCode === null || u.parentValidFrom === null ? null : areaId(u.parentCode, u.parentValidFrom, reused),
      u.validFrom,
      u.validTo,
    ]),
    ...input.sectors.map((s): Line => ["CL_SECTOR", s.code, s.nameVi, s.nameEn, null, null, null]),
    ["CL_SECTOR", NOT_APPLICABLE, "Không áp dụng (chỉ tiêu không chia theo ngành)", "Not applicable (no sectors)", null, null, null],
    ...(Object.keys(LEVEL_NAMES) as (keyof typeof LEVEL_NAMES)[]).map((l): Line => ["CL_UNIT_LEVEL", l, LEVEL_NAMES[l].vi, LEVEL_NAMES[l].en, null, null, null]),
    ...(Object.keys(UNIT_MEASURES) as (keyof typeof UNIT_MEASURES)[]).map((m): Line => ["CL_UNIT_MEASURE", m, UNIT_MEASURES[m].vi, UNIT_MEASURES[m].en, null, null, null]),
    ...Object.values(OBSERVATION_STATUS_LABELS).map((s): Line => ["CL_OBS_STATUS", s.sdmx, s.vi, s.en, null, null, null]),
  ];
  return csvDocument(SDMX_CODELIST_COLUMNS, lines);
}
