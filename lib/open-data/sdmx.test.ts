import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { PublishedFigureRow } from "@/lib/data/public-figures";
import { FIGURE_COLUMNS } from "@/lib/data/figure-columns";
import { areaId, reusedCodes, SDMX_DATA_COLUMNS, sdmxCodelistsCsv, sdmxDataCsv } from "./sdmx";

const read = (csv: string) => {
  expect(csv.startsWith("\uFEFF")).toBe(true);
  return parse(csv.slice(1), { columns: true }) as Record<string, string>[];
};

function figure(partial: Partial<PublishedFigureRow>): PublishedFigureRow {
  const base = Object.fromEntries(FIGURE_COLUMNS.map((c) => [c.name, null])) as PublishedFigureRow;
  return {
    ...base,
    indicator_code: "WORK_DOSSIER_ONLINE_COMMUNE",
    indicator_kind: "RATIO",
    unit_code: "05500",
    unit_valid_from: "2025-07-01",
    unit_level: "COMMUNE",
    period: "2026-Q3",
    numerator: "1332",
    denominator: "2000",
    rate_percent: "66.6",
    value_unit_vi: "%",
    revision: "2",
    approved_at: "2026-10-15T03:00:00.000Z",
    is_demo: "false",
    responsible_department_code: "VP_UBND",
    observation_status: "PROVISIONAL",
    source_document: "Báo cáo 45/BC-UBND",
    ...partial,
  };
}

describe("SDMX-CSV 2.0 (issue #14, item 12)", () => {
  it("writes one observation per published figure: the rate for a ratio, the value otherwise; _Z without a sector; OBS_STATUS A/P/E", () => {
    const reused = new Set(["01849"]);
    const lines = read(
      sdmxDataCsv(
        [
          figure({}),
          figure({ indicator_code: "DIGITAL_ENTERPRISES", indicator_kind: "COUNT", value_unit_vi: "doanh nghiệp", numerator: null, denominator: null, rate_percent: null, value: "720", unit_code: "19", unit_valid_from: "1997-01-01", unit_level: "PROVINCE", observation_status: "NORMAL", source_document: null }),
          figure({ indicator_code: "DIGITAL_ECONOMY_SECTOR", sector_code: "HEALTH", unit_code: "01849", unit_valid_from: "2025-07-01", observation_status: "ESTIMATED", indicator_kind: "COUNT", value_unit_vi: "%", value: "10.23", rate_percent: null }),
          figure({ indicator_code: "DTI_RANK", indicator_kind: "RANK", value_unit_vi: "hạng", value: "12", rate_percent: null, unit_code: "19", unit_valid_from: "1997-01-01", observation_status: "NORMAL" }),
        ],
        reused,
      ),
    );
    expect(Object.keys(lines[0]!)).toEqual([...SDMX_DATA_COLUMNS]);
    expect(lines[0]).toMatchObject({
      STRUCTURE: "dataflow",
      STRUCTURE_ID: "VN_TN:DF_DX_TRACKER(1.0)",
      ACTION: "I",
      FREQ: "Q",
      INDICATOR: "WORK_DOSSIER_ONLINE_COMMUNE",
      REF_AREA: "05500",
      SECTOR: "_Z",
      TIME_PERIOD: "2026-Q3",
      OBS_VALUE: "66.6",
      UNIT_MEASURE: "PT",
      OBS_STATUS: "P",
      NUMERATOR: "1332",
      DENOMINATOR: "2000",
      UNIT_LEVEL: "COMMUNE",
      REVISION: "2",
      RESP_AGENCY: "VP_UBND",
      SOURCE_DOCUMENT: "Báo cáo 45/BC-UBND",
      DEMO: "false",
    });
    expect(lines[1]).toMatchObject({ INDICATOR: "DIGITAL_ENTERPRISES", REF_AREA: "19", OBS_VALUE: "720", UNIT_MEASURE: "NUMBER", OBS_STATUS: "A", NUMERATOR: "", SOURCE_DOCUMENT: "" });
    // A reused GSO code carries the day its unit began; a share kept in % is in percent.
    expect(lines[2]).toMatchObject({ REF_AREA: "01849_20250701", SECTOR: "HEALTH", OBS_VALUE: "10.23", UNIT_MEASURE: "PT", OBS_STATUS: "E" });
    expect(lines[3]).toMatchObject({ OBS_VALUE: "12", UNIT_MEASURE: "RANK" });
  });

  it("lists every code the data uses, with reused codes told apart and parents linked", () => {
    const units = [
      { code: "19", name: "Tỉnh Thái Nguyên", level: "PROVINCE" as const, validFrom: "1997-01-01", validTo: "2025-06-30", parentCode: null, parentValidFrom: null },
      { code: "19", name: "Tỉnh Thái Nguyên", level: "PROVINCE" as const, validFrom: "2025-07-01", validTo: null, parentCode: null, parentValidFrom: null },
      { code: "05500", name: "Phường Phan Đình Phùng", level: "COMMUNE" as const, validFrom: "2025-07-01", validTo: null, parentCode: "19", parentValidFrom: "2025-07-01" },
    ];
    expect([...reusedCodes(units)]).toEqual(["19"]);
    expect(areaId("05500", "2025-07-01", reusedCodes(units))).toBe("05500");
    const lines = read(
      sdmxCodelistsCsv({ indicators: [{ code: "DVC_L4_SHARE", nameVi: "Tỷ lệ DVC mức độ 4", nameEn: "Level-4 share" }], sectors: [{ code: "HEALTH", nameVi: "Y tế", nameEn: "Health" }], units }),
    );
    const ids = (list: string) => lines.filter((l) => l.CODELIST === list).map((l) => l.ID);
    expect(ids("CL_AREA")).toEqual(["19_19970101", "19_20250701", "05500"]);
    expect(lines.find((l) => l.ID === "05500")).toMatchObject({ PARENT: "19_20250701", VALID_FROM: "2025-07-01", VALID_TO: "" });
    expect(ids("CL_SECTOR")).toEqual(["HEALTH", "_Z"]);
    expect(ids("CL_OBS_STATUS")).toEqual(["A", "P", "E"]);
    expect(ids("CL_UNIT_MEASURE")).toEqual(["PT", "NUMBER", "RANK"]);
    expect(ids("CL_UNIT_LEVEL")).toEqual(["PROVINCE", "DISTRICT", "COMMUNE"]);
    expect(ids("CL_INDICATOR")).toEqual(["DVC_L4_SHARE"]);
    expect(ids("CL_FREQ")).toEqual(["Q"]);
  });
});
