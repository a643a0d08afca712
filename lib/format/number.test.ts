import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PLACEHOLDER, formatDate, formatNumber, formatPercent, parseLocaleNumber } from "./number";

const NON_ASCII_SPACE_OR_MINUS = /[\u00A0\u202F\u2009\u2212]/;

describe("formatNumber", () => {
  it.each([
    [1650, "1.650", "1,650"],
    [34.87, "34,87", "34.87"],
    [0, "0", "0"],
    [-1234567.5, "-1.234.567,5", "-1,234,567.5"],
    [999, "999", "999"],
    [1000, "1.000", "1,000"],
    [0.125, "0,125", "0.125"],
  ])("%s → vi %j, en %j", (value, vi, en) => {
    expect(formatNumber(value, "vi")).toBe(vi);
    expect(formatNumber(value, "en")).toBe(en);
  });

  it("rounds to Intl's default of 3 fraction digits", () => {
    expect(formatNumber(1.23456, "vi")).toBe("1,235");
  });

  it("honours maximumFractionDigits and minimumFractionDigits", () => {
    expect(formatNumber(34.8765, "vi", { maximumFractionDigits: 1 })).toBe("34,9");
    expect(formatNumber(34.8765, "en", { maximumFractionDigits: 0 })).toBe("35");
    expect(formatNumber(90, "vi", { minimumFractionDigits: 2 })).toBe("90,00");
    expect(formatNumber(1650, "en", { minimumFractionDigits: 1, maximumFractionDigits: 1 })).toBe("1,650.0");
  });

  it("never prints a negative zero", () => {
    expect(formatNumber(-0, "vi")).toBe("0");
    expect(formatNumber(-0.0001, "vi", { maximumFractionDigits: 2 })).toBe("0");
    expect(formatNumber(-0.0001, "en", { minimumFractionDigits: 2, maximumFractionDigits: 2 })).toBe("0.00");
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])("shows the placeholder for %s", (v) => {
    expect(formatNumber(v, "vi")).toBe(PLACEHOLDER);
    expect(formatNumber(v, "en")).toBe(PLACEHOLDER);
  });

  it("emits only ASCII spaces and hyphen-minus, whatever ICU does", () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom("vi" as const, "en" as const),
        (v, loc) => !NON_ASCII_SPACE_OR_MINUS.test(formatNumber(v, loc)),
      ),
    );
  });
});

describe("formatPercent", () => {
  it("takes percent values, not fractions", () => {
    expect(formatPercent(34.87, "vi")).toBe("34,87%");
    expect(formatPercent(34.87, "en")).toBe("34.87%");
  });

  it("fixes the number of fraction digits (default 2) so columns align", () => {
    expect(formatPercent(90, "vi")).toBe("90,00%");
    expect(formatPercent(98.0392156862745, "vi")).toBe("98,04%");
    expect(formatPercent(98.0392156862745, "en", 1)).toBe("98.0%");
    expect(formatPercent(100, "en", 0)).toBe("100%");
    expect(formatPercent(1234.5, "vi", 1)).toBe("1.234,5%");
  });

  it("does not add the float noise of multiplying a fraction by 100", () => {
    // 0.07 * 100 = 7.000000000000001; the input is already the percent, so no such step exists.
    expect(formatPercent(7, "en", 20)).toBe("7.00000000000000000000%");
  });

  it("shows the placeholder without a % sign for non-finite values", () => {
    expect(formatPercent(Number.NaN, "vi")).toBe(PLACEHOLDER);
  });
});

describe("formatDate", () => {
  it("vi is dd/mm/yyyy, en is d Mon yyyy", () => {
    const d = new Date("2025-07-01T00:00:00Z");
    expect(formatDate(d, "vi")).toBe("01/07/2025");
    expect(formatDate(d, "en")).toBe("1 Jul 2025");
  });

  it("uses the UTC day, not the local one", () => {
    const lateEvening = new Date("2025-06-30T23:30:00Z");
    expect(formatDate(lateEvening, "vi")).toBe("30/06/2025");
    expect(formatDate(lateEvening, "en")).toBe("30 Jun 2025");
  });

  it("uses the same English month abbreviations regardless of ICU version", () => {
    const months = Array.from({ length: 12 }, (_, m) => formatDate(new Date(Date.UTC(2025, m, 15)), "en").split(" ")[1]);
    expect(months).toEqual(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]);
  });

  it("pads day and month in Vietnamese only", () => {
    const d = new Date("2030-12-31T00:00:00Z");
    expect(formatDate(d, "vi")).toBe("31/12/2030");
    expect(formatDate(new Date("2030-02-05T00:00:00Z"), "vi")).toBe("05/02/2030");
    expect(formatDate(new Date("2030-02-05T00:00:00Z"), "en")).toBe("5 Feb 2030");
  });

  it("shows the placeholder for an invalid date", () => {
    expect(formatDate(new Date("not a date"), "vi")).toBe(PLACEHOLDER);
  });
});

describe("parseLocaleNumber", () => {
  it.each([
    // Vietnamese
    ["34,87", 34.87],
    ["1.650", 1650],
    ["1.650,5", 1650.5],
    ["1.650.000", 1_650_000],
    ["1.650.000,25", 1_650_000.25],
    ["0,5", 0.5],
    // English
    ["1,650.5", 1650.5],
    ["1,650,000.75", 1_650_000.75],
    // plain
    ["34.87", 34.87],
    ["1234.5", 1234.5],
    ["0.500", 0.5],
    ["12.50", 12.5],
    ["1650", 1650],
    ["0", 0],
    ["007", 7],
    // signs and whitespace
    ["-34,87", -34.87],
    ["+1.650", 1650],
    ["\u22125", -5],
    ["  42  ", 42],
    ["\u00A01.650,5\u00A0", 1650.5],
  ])("%j → %s", (input, expected) => {
    expect(parseLocaleNumber(input)).toBe(expected);
  });

  it("reads dot-grouped threes as thousands, not decimals (Vietnamese first)", () => {
    expect(parseLocaleNumber("123.456")).toBe(123_456);
    expect(parseLocaleNumber("1.65")).toBe(1.65);
    expect(parseLocaleNumber("1.6500")).toBe(1.65);
  });

  it("reads a lone comma as decimal even where English would mean thousands", () => {
    expect(parseLocaleNumber("1,650")).toBe(1.65);
  });

  it("returns 0, never -0", () => {
    expect(Object.is(parseLocaleNumber("-0"), 0)).toBe(true);
    expect(Object.is(parseLocaleNumber("-0,0"), 0)).toBe(true);
  });

  it.each([
    "",
    "   ",
    "abc",
    "1,2,3",
    "--1",
    "+-1",
    "1-",
    "1.2.3",
    "12.34.567",
    "1,650,000", // multiple commas, no decimal point: not Vietnamese, not accepted
    "1.65,5", // thousands group of two digits
    "1,65.5",
    "0.650,5", // leading zero group cannot be a thousands group
    "1.650,5.5",
    "1,650.5,5",
    ",5",
    ".5",
    "5,",
    "5.",
    "1 650",
    "34,87%",
    "1e3",
    "0x10",
    "Infinity",
    "NaN",
    "١٢", // non-ASCII digits
    "9".repeat(400), // overflows to Infinity
  ])("rejects %j", (input) => {
    expect(parseLocaleNumber(input)).toBeNull();
  });

  it("reads back every Vietnamese-formatted number (3 fraction digits)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (k) => {
        const x = k / 1000;
        const parsed = parseLocaleNumber(formatNumber(x, "vi", { maximumFractionDigits: 3 }));
        return parsed === (x === 0 ? 0 : x);
      }),
    );
  });

  it("reads back English-formatted numbers printed with two decimals", () => {
    // Two, not three: "12.345" is deliberately read as Vietnamese thousands (see the rules).
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (k) => {
        const x = k / 100;
        const text = formatNumber(x, "en", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
        return parseLocaleNumber(text) === (x === 0 ? 0 : x);
      }),
    );
  });

  it("documents the ambiguity: three English decimals below 1,000 read as thousands", () => {
    expect(parseLocaleNumber(formatNumber(12.345, "en"))).toBe(12_345);
  });

  it("reads back ungrouped decimal strings as JavaScript does", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 99 }), (i, f) => {
        const text = `${i}.${String(f).padStart(2, "0")}`;
        return parseLocaleNumber(text) === Number(text);
      }),
    );
  });
});
