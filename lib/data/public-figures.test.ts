import { describe, expect, it } from "vitest";
import { FIGURE_COLUMNS, toCsv, toFiguresJson, trimDecimal, type PublishedFigureRow } from "./public-figures";

function row(overrides: Partial<PublishedFigureRow> = {}): PublishedFigureRow {
  const base = Object.fromEntries(FIGURE_COLUMNS.map((c) => [c.name, null])) as PublishedFigureRow;
  return {
    ...base,
    indicator_code: "DVC_L4_SHARE",
    indicator_name_vi: "Tỷ lệ dịch vụ công trực tuyến mức độ 4, kể cả thiết bị di động",
    indicator_name_en: 'Share of "level-4" services',
    indicator_kind: "RATIO",
    unit_code: "19",
    unit_valid_from: "2025-07-01",
    unit_name: "Tỉnh Thái Nguyên",
    unit_level: "PROVINCE",
    period: "2025-Q3",
    year: "2025",
    quarter: "3",
    numerator: "901",
    denominator: "1000",
    rate_percent: "90.1",
    value_unit_vi: "%",
    value_unit_en: "%",
    revision: "2",
    approved_at: "2025-10-12T03:00:00.000Z",
    is_demo: "false",
    ...overrides,
  };
}

describe("the CSV download", () => {
  const csv = toCsv([row()]);

  it("starts with a UTF-8 byte-order mark and the documented columns, in order, with CRLF line ends", () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, first, end] = csv.slice(1).split("\r\n");
    expect(header).toBe(FIGURE_COLUMNS.map((c) => c.name).join(","));
    expect(first).toContain(",2025-Q3,2025,3,901,1000,,90.1,%,%,2,2025-10-12T03:00:00.000Z,false");
    expect(end).toBe("");
  });

  it("quotes fields with commas or quotes (RFC 4180) and keeps Vietnamese intact", () => {
    expect(csv).toContain('"Tỷ lệ dịch vụ công trực tuyến mức độ 4, kể cả thiết bị di động"');
    expect(csv).toContain('"Share of ""level-4"" services"');
  });

  it("keeps the column list stable: names are only ever appended", () => {
    expect(FIGURE_COLUMNS.map((c) => c.name).slice(0, 21)).toEqual([
      "indicator_code", "indicator_name_vi", "indicator_name_en", "indicator_kind", "sector_code", "unit_code",
      "unit_valid_from", "unit_name", "unit_level", "period", "year", "quarter", "numerator", "denominator", "value",
      "rate_percent", "value_unit_vi", "value_unit_en", "revision", "approved_at", "is_demo",
    ]);
    for (const c of FIGURE_COLUMNS) {
      expect(c.vi.length, c.name).toBeGreaterThan(5);
      expect(c.en.length, c.name).toBeGreaterThan(5);
    }
  });
});

describe("the JSON download", () => {
  it("has the same columns, typed: numbers as numbers, empty cells as null, flags as booleans", () => {
    const json = toFiguresJson([row()], new Date("2026-11-28T00:00:00Z"));
    expect(json.schema).toBe("dx-tracker/published-figures@1");
    expect(json.columns.map((c) => c.name)).toEqual(FIGURE_COLUMNS.map((c) => c.name));
    expect(Object.keys(json.figures[0]!)).toEqual(FIGURE_COLUMNS.map((c) => c.name));
    expect(json.figures[0]).toMatchObject({ numerator: 901, denominator: 1000, value: null, rate_percent: 90.1, year: 2025, is_demo: false, unit_code: "19" });
  });
});

describe("trimDecimal", () => {
  it.each([
    ["1234.0000", "1234"],
    ["12.5000", "12.5"],
    ["0.0100", "0.01"],
    ["100", "100"],
    [null, null],
  ])("%j → %j", (input, output) => {
    expect(trimDecimal(input)).toBe(output);
  });
});

describe("the CSV for Excel in Vietnamese (issue #16, item 8)", () => {
  it("separates fields with semicolons and writes decimals with a comma; text and integers are as in the international file", async () => {
    const { toCsv: csv, FIGURE_COLUMNS: cols } = await import("./public-figures");
    const row = Object.fromEntries(cols.map((c) => [c.name, null])) as Parameters<typeof csv>[0][number];
    Object.assign(row, { indicator_code: "DVC_L4_SHARE", unit_name: "Tỉnh Thái Nguyên", year: "2026", numerator: "1512", denominator: "1589", rate_percent: "95.1542", value_unit_vi: "%", is_demo: "false" });
    const [headerVi, lineVi] = csv([row], "vi").slice(1).split("\r\n");
    const [header, line] = csv([row]).slice(1).split("\r\n");
    expect(headerVi).toBe(header!.replace(/,/g, ";"));
    expect(lineVi).toContain(";1512;1589;;95,1542;%;");
    expect(line).toContain(",1512,1589,,95.1542,%,");
    expect(lineVi!.split(";")).toHaveLength(cols.length);
  });
});
