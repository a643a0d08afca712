import { describe, expect, it } from "vitest";
import { figureNumber, formatChange, formatFigureNumber, formatRatioParts } from "./figure-value";

describe("figure values as reviewers read them", () => {
  it("reads a ratio as its rate in percent, never the stored parts", () => {
    expect(figureNumber("RATIO", { numerator: 1512, denominator: 1589, value: null })).toBeCloseTo(95.154, 3);
    expect(formatFigureNumber("RATIO", "%", figureNumber("RATIO", { numerator: 1512, denominator: 1589, value: null }))).toBe("95,15%");
    expect(formatRatioParts({ numerator: 1512, denominator: 1589, value: null })).toBe("1.512 / 1.589");
  });

  it("has no rate for a ratio without a positive denominator", () => {
    expect(figureNumber("RATIO", { numerator: 0, denominator: 0, value: null })).toBeNull();
    expect(figureNumber("RATIO", { numerator: null, denominator: null, value: 5 })).toBeNull();
    expect(formatFigureNumber("RATIO", "%", null)).toBe("—");
  });

  it("reads counts and ranks as their value, with their unit", () => {
    expect(figureNumber("COUNT", { numerator: null, denominator: null, value: 720 })).toBe(720);
    expect(formatFigureNumber("COUNT", "doanh nghiệp", 1720)).toBe("1.720 doanh nghiệp");
    expect(formatFigureNumber("CHANGE_VS_BASELINE", "thủ tục", 1589)).toBe("1.589 thủ tục");
    expect(formatFigureNumber("RANK", "hạng", 10)).toBe("hạng 10");
    expect(formatRatioParts({ numerator: null, denominator: null, value: 10 })).toBeNull();
  });
});

describe("change against the previous quarter", () => {
  it("gives rates in percentage points, counts in percent, ranks in places", () => {
    expect(formatChange("RATIO", 94.08, 95.15)).toBe("+1,07 điểm %");
    expect(formatChange("RATIO", 90, 77.5)).toBe("-12,50 điểm %");
    expect(formatChange("RATIO", 50, 50)).toBe("±0,00 điểm %");
    expect(formatChange("COUNT", 700, 720)).toBe("+2,9%");
    expect(formatChange("CHANGE_VS_BASELINE", 1600, 1589)).toBe("-0,7%");
    expect(formatChange("RANK", 13, 10)).toBe("lên 3 bậc");
    expect(formatChange("RANK", 9, 12)).toBe("xuống 3 bậc");
    expect(formatChange("RANK", 9, 9)).toBe("giữ nguyên hạng");
  });

  it("has nothing to say without two numbers, or from zero", () => {
    expect(formatChange("RATIO", null, 5)).toBeNull();
    expect(formatChange("COUNT", 0, 4)).toBeNull();
    expect(formatChange("COUNT", 0, 0)).toBe("±0");
  });
});
