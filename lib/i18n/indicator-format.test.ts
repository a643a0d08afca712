import { describe, expect, it } from "vitest";
import { formatAxisValue, formatGap, formatGoal, formatIndicatorValue, formatShare, type IndicatorUnit } from "./indicator-format";

const ratio: IndicatorUnit = { kind: "RATIO", unitVi: "%", unitEn: "%" };
const count: IndicatorUnit = { kind: "COUNT", unitVi: "doanh nghiệp", unitEn: "enterprises" };
const change: IndicatorUnit = { kind: "CHANGE_VS_BASELINE", unitVi: "thủ tục", unitEn: "procedures" };
const rank: IndicatorUnit = { kind: "RANK", unitVi: "hạng", unitEn: "rank" };
const goal = (comparator: "GT" | "GTE" | "EQ" | "LTE" | "LT", value: number | null, descriptionVi: string | null = null) => ({
  comparator,
  value,
  descriptionVi,
});

describe("formatIndicatorValue", () => {
  it.each([
    [ratio, 34.87, "34,87%", "34.87%"],
    [ratio, 90, "90,00%", "90.00%"],
    [count, 1650, "1.650 doanh nghiệp", "1,650 enterprises"],
    [change, -13.94, "giảm 13,9% so với gốc", "down 13.9% on the baseline"],
    [change, 25, "tăng 25,0% so với gốc", "up 25.0% on the baseline"],
    [rank, 13, "hạng 13", "rank 13"],
  ])("%j %s → vi %j, en %j", (indicator, value, vi, en) => {
    expect(formatIndicatorValue(indicator, value, "vi")).toBe(vi);
    expect(formatIndicatorValue(indicator, value, "en")).toBe(en);
  });
});

describe("formatGoal: the resolution's own words", () => {
  it("words a strict 'more than' target as the resolution does: 'trên 90%'", () => {
    expect(formatGoal(ratio, goal("GT", 90), "vi", "")).toBe("trên 90%");
    expect(formatGoal(ratio, goal("GT", 90), "en", "")).toBe("more than 90%");
    expect(formatGoal(ratio, goal("GTE", 10), "vi", "")).toBe("tối thiểu 10%");
    expect(formatGoal(ratio, goal("EQ", 100), "vi", "")).toBe("đạt 100%");
  });

  it("words counts with their unit, in the page's language", () => {
    expect(formatGoal(count, goal("GT", 3000), "vi", "")).toBe("trên 3.000 doanh nghiệp");
    expect(formatGoal(count, goal("GT", 3000), "en", "")).toBe("more than 3,000 enterprises");
  });

  it("words a change against the baseline as 'giảm/tăng ít nhất'", () => {
    expect(formatGoal(change, goal("LTE", -30), "vi", "")).toBe("giảm ít nhất 30%");
    expect(formatGoal(change, goal("GTE", 30), "en", "")).toBe("up at least 30%");
  });

  it("words a rank target as a top-N group", () => {
    expect(formatGoal(rank, goal("LTE", 15), "vi", "")).toBe("trong nhóm 15 tỉnh dẫn đầu");
    expect(formatGoal(rank, goal("LTE", 10), "en", "")).toBe("among the top 10 provinces");
  });

  it("uses the Vietnamese description of a qualitative goal, and the fallback where there is none in the language", () => {
    const open = goal("GTE", null, "Mở dữ liệu cho các tổ chức, doanh nghiệp");
    expect(formatGoal(count, open, "vi", "x")).toBe("Mở dữ liệu cho các tổ chức, doanh nghiệp");
    expect(formatGoal(count, open, "en", "Open data")).toBe("Open data");
  });
});

describe("compact formats", () => {
  it("formats axis values and shares in each locale", () => {
    expect(formatAxisValue("RATIO", 62.5, "vi")).toBe("62,5%");
    expect(formatAxisValue("COUNT", 1650, "en")).toBe("1,650");
    expect(formatShare(0.874, "vi")).toBe("87%");
    expect(formatShare(0.874, "en")).toBe("87%");
  });
});

describe("formatGap: a difference with its unit and a real minus sign", () => {
  it.each([
    [ratio, 4.231, "+4,23 điểm %", "+4.23 percentage points"],
    [ratio, -3.58, "\u22123,58 điểm %", "\u22123.58 percentage points"],
    [change, -16.078, "\u221216,08 điểm %", "\u221216.08 percentage points"],
    [count, 297, "+297 doanh nghiệp", "+297 enterprises"],
    [count, -1250.5, "\u22121.250,5 doanh nghiệp", "\u22121,250.5 enterprises"],
    [rank, -2, "\u22122 hạng", "\u22122 places"],
  ])("%j %s → vi %j, en %j", (indicator, delta, vi, en) => {
    expect(formatGap(indicator, delta, "vi")).toBe(vi);
    expect(formatGap(indicator, delta, "en")).toBe(en);
  });

  it("never writes the ASCII hyphen, and no sign for what shows as zero", () => {
    expect(formatGap(ratio, -0.5, "vi")).not.toContain("-");
    expect(formatGap(ratio, 0, "vi")).toBe("0,00 điểm %");
    expect(formatGap(ratio, -0.001, "vi")).toBe("0,00 điểm %");
  });
});
