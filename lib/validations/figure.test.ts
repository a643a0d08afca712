import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  FIGURE_MESSAGES,
  MAX_ROWS,
  entryParamsSchema,
  figureRowSchema,
  figureRowSchemaFor,
  saveDraftsSchema,
  submitFiguresSchema,
  type FigureIndicatorRules,
} from "./figure";

const RATIO: FigureIndicatorRules = { kind: "RATIO", unitVi: "%" };
const COUNT: FigureIndicatorRules = { kind: "COUNT", unitVi: "doanh nghiệp" };
const CHANGE: FigureIndicatorRules = { kind: "CHANGE_VS_BASELINE", unitVi: "thủ tục" };
const RANK: FigureIndicatorRules = { kind: "RANK", unitVi: "hạng" };
const PERCENT_VALUE: FigureIndicatorRules = { kind: "COUNT", unitVi: "%" };

const cell = { indicatorId: 1, unitId: 2, periodId: 3, sectorId: null, version: 0 };

/** Every message of a failed parse, by field ("" for the row itself). */
function messages(schema: z.ZodType, input: unknown): Record<string, string[]> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of result.error.issues) (out[issue.path.join(".")] ??= []).push(issue.message);
  return out;
}

const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

describe("figure row: numbers typed the Vietnamese way", () => {
  it.each([
    ["1.650", 1650],
    ["1.650.000", 1_650_000],
    ["  2.000 ", 2000],
    ["1650", 1650],
    [1650, 1650],
  ])("reads %j as %d", (typed, expected) => {
    const parsed = figureRowSchema.parse({ ...cell, numerator: typed, denominator: "2.000.000" });
    expect(parsed.numerator).toBe(expected);
    expect(parsed.denominator).toBe(2_000_000);
  });

  it("reads decimal commas in values: 34,87 and 1.650,5", () => {
    expect(figureRowSchema.parse({ ...cell, value: "34,87" }).value).toBe(34.87);
    expect(figureRowSchema.parse({ ...cell, value: "1.650,5" }).value).toBe(1650.5);
  });

  it("treats empty cells as absent", () => {
    expect(messages(figureRowSchema, { ...cell, numerator: "", denominator: "  ", value: "" })).toEqual({ "": [FIGURE_MESSAGES.noValues] });
  });

  it.each(["abc", "1e309", "1e3", "١٢٣", "NaN", "Infinity", "12 345", "1,2,3", "--1"])("refuses %j as not a number", (typed) => {
    expect(messages(figureRowSchema, { ...cell, numerator: typed, denominator: "10" })).toEqual({ numerator: [FIGURE_MESSAGES.numeratorNotNumber] });
  });

  it("refuses non-numbers of other types without coercing them", () => {
    for (const bad of [true, [], {}, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(messages(figureRowSchema, { ...cell, value: bad })).toEqual({ value: [FIGURE_MESSAGES.valueNotNumber] });
    }
  });

  it("refuses numbers too large for the database", () => {
    expect(messages(figureRowSchema, { ...cell, value: "10.000.000.000.000.000" })).toEqual({ value: [FIGURE_MESSAGES.tooLarge] });
    expect(messages(figureRowSchema, { ...cell, value: 1e300 })).toEqual({ value: [FIGURE_MESSAGES.tooLarge] });
  });
});

describe("figure row: ratio rules", () => {
  it("accepts a ratio with numerator ≤ denominator, including 0 and equality", () => {
    expect(figureRowSchema.safeParse({ ...cell, numerator: "0", denominator: "5" }).success).toBe(true);
    expect(figureRowSchema.safeParse({ ...cell, numerator: "1.650", denominator: "1.650" }).success).toBe(true);
  });

  it("refuses a numerator above the denominator: “Tử số không được lớn hơn mẫu số”", () => {
    expect(messages(figureRowSchema, { ...cell, numerator: "1.651", denominator: "1.650" })).toEqual({
      numerator: ["Tử số không được lớn hơn mẫu số."],
    });
  });

  it("requires integers", () => {
    expect(messages(figureRowSchema, { ...cell, numerator: "34,87", denominator: "100,5" })).toEqual({
      numerator: [FIGURE_MESSAGES.numeratorNotInteger],
      denominator: [FIGURE_MESSAGES.denominatorNotInteger],
    });
  });

  it("refuses a negative numerator and a denominator of 0 or less", () => {
    expect(messages(figureRowSchema, { ...cell, numerator: "-1", denominator: "0" })).toEqual({
      numerator: [FIGURE_MESSAGES.numeratorNegative],
      denominator: [FIGURE_MESSAGES.denominatorNotPositive],
    });
    expect(messages(figureRowSchema, { ...cell, numerator: "1", denominator: "−5" })).toEqual({
      denominator: [FIGURE_MESSAGES.denominatorNotPositive],
    });
  });

  it("needs both parts", () => {
    expect(messages(figureRowSchema, { ...cell, numerator: "5" })).toEqual({ denominator: [FIGURE_MESSAGES.denominatorMissing] });
    expect(messages(figureRowSchema, { ...cell, denominator: "5" })).toEqual({ numerator: [FIGURE_MESSAGES.numeratorMissing] });
  });

  it("refuses a ratio and a value together", () => {
    expect(messages(figureRowSchema, { ...cell, numerator: "1", denominator: "2", value: "3" })).toEqual({ value: [FIGURE_MESSAGES.bothShapes] });
  });
});

describe("figure row: rules of the indicator's kind", () => {
  it("a ratio indicator takes numerator/denominator, not a value", () => {
    expect(figureRowSchemaFor(RATIO).safeParse({ ...cell, numerator: "1", denominator: "2" }).success).toBe(true);
    expect(messages(figureRowSchemaFor(RATIO), { ...cell, value: "50" })).toEqual({ value: [FIGURE_MESSAGES.ratioExpected] });
  });

  it("other kinds take a value, not numerator/denominator", () => {
    for (const kind of [COUNT, CHANGE, RANK]) {
      expect(messages(figureRowSchemaFor(kind), { ...cell, numerator: "1", denominator: "2" })).toEqual({ numerator: [FIGURE_MESSAGES.valueExpected] });
    }
  });

  it("counts are non-negative integers", () => {
    expect(figureRowSchemaFor(COUNT).parse({ ...cell, value: "1.650" }).value).toBe(1650);
    expect(figureRowSchemaFor(COUNT).parse({ ...cell, value: "0" }).value).toBe(0);
    expect(messages(figureRowSchemaFor(COUNT), { ...cell, value: "12,5" })).toEqual({ value: [FIGURE_MESSAGES.valueNotInteger] });
    expect(messages(figureRowSchemaFor(CHANGE), { ...cell, value: "0,5" })).toEqual({ value: [FIGURE_MESSAGES.valueNotInteger] });
    expect(messages(figureRowSchemaFor(COUNT), { ...cell, value: "-3" })).toEqual({ value: [FIGURE_MESSAGES.valueNegative] });
  });

  it("a rank is a positive integer of at most 63", () => {
    expect(figureRowSchemaFor(RANK).parse({ ...cell, value: "1" }).value).toBe(1);
    expect(figureRowSchemaFor(RANK).parse({ ...cell, value: 63 }).value).toBe(63);
    expect(messages(figureRowSchemaFor(RANK), { ...cell, value: "0" })).toEqual({ value: [FIGURE_MESSAGES.rankNotPositiveInteger] });
    expect(messages(figureRowSchemaFor(RANK), { ...cell, value: "9,5" })).toEqual({ value: [FIGURE_MESSAGES.rankNotPositiveInteger] });
    expect(messages(figureRowSchemaFor(RANK), { ...cell, value: "64" })).toEqual({ value: ["Thứ hạng không được lớn hơn 63."] });
  });

  it("a value kept in percent lies within 0–100", () => {
    expect(figureRowSchemaFor(PERCENT_VALUE).parse({ ...cell, value: "34,87" }).value).toBe(34.87);
    expect(figureRowSchemaFor(PERCENT_VALUE).parse({ ...cell, value: "100" }).value).toBe(100);
    expect(messages(figureRowSchemaFor(PERCENT_VALUE), { ...cell, value: "100,01" })).toEqual({ value: [FIGURE_MESSAGES.percentOutOfRange] });
    expect(messages(figureRowSchemaFor(PERCENT_VALUE), { ...cell, value: "-0,5" })).toEqual({ value: [FIGURE_MESSAGES.valueNegative] });
  });

  it("values keep at most 4 decimals (the database's scale)", () => {
    expect(messages(figureRowSchemaFor(PERCENT_VALUE), { ...cell, value: "1,23456" })).toEqual({ value: [FIGURE_MESSAGES.tooManyDecimals] });
  });
});

describe("figure row: ids, version, comment", () => {
  it("names each malformed id in Vietnamese", () => {
    expect(messages(figureRowSchema, { ...cell, indicatorId: "1", unitId: -2, periodId: 1.5, sectorId: 0, value: "1" })).toEqual({
      indicatorId: [FIGURE_MESSAGES.indicatorId],
      unitId: [FIGURE_MESSAGES.unitId],
      periodId: [FIGURE_MESSAGES.periodId],
      sectorId: [FIGURE_MESSAGES.sectorId],
    });
  });

  it("takes version 0 for a new figure and refuses negative or fractional versions", () => {
    expect(figureRowSchema.parse({ ...cell, value: "1" }).version).toBe(0);
    expect(messages(figureRowSchema, { ...cell, value: "1", version: -1 })).toEqual({ version: [FIGURE_MESSAGES.version] });
    expect(messages(figureRowSchema, { ...cell, value: "1", version: 1.5 })).toEqual({ version: [FIGURE_MESSAGES.version] });
    expect(messages(figureRowSchema, { ...cell, value: "1", version: undefined })).toEqual({ version: [FIGURE_MESSAGES.version] });
  });

  it("keeps a comment of up to 1000 characters, trimmed; an empty one is null", () => {
    expect(figureRowSchema.parse({ ...cell, value: "1", comment: "  số liệu ước tính  " }).comment).toBe("số liệu ước tính");
    expect(figureRowSchema.parse({ ...cell, value: "1", comment: "   " }).comment).toBeNull();
    expect(figureRowSchema.parse({ ...cell, value: "1", comment: "x".repeat(1000) }).comment).toHaveLength(1000);
    expect(messages(figureRowSchema, { ...cell, value: "1", comment: "x".repeat(1001) })).toEqual({ comment: ["Ghi chú tối đa 1000 ký tự."] });
  });

  it("refuses what PostgreSQL could not store: ids beyond its integers, NUL in text", () => {
    expect(messages(figureRowSchema, { ...cell, indicatorId: 2 ** 31, value: "1" })).toEqual({ indicatorId: [FIGURE_MESSAGES.indicatorId] });
    expect(figureRowSchema.safeParse({ ...cell, indicatorId: 2 ** 31 - 1, value: "1" }).success).toBe(true);
    expect(messages(figureRowSchema, { ...cell, value: "1", version: 2 ** 31 })).toEqual({ version: [FIGURE_MESSAGES.version] });
    expect(messages(figureRowSchema, { ...cell, value: "1", comment: "a\u0000b" })).toEqual({ comment: [FIGURE_MESSAGES.comment] });
    expect(messages(saveDraftsSchema, { periodId: 3, rows: [{ ...cell, value: "1" }], reason: "lý do\u0000 đủ dài" })).toEqual({ reason: [FIGURE_MESSAGES.reason] });
  });

  it("refuses a row that is not an object", () => {
    for (const bad of [null, 5, "row", []]) expect(messages(figureRowSchema, bad)).toEqual({ "": [FIGURE_MESSAGES.invalidInput] });
  });
});

describe("batches", () => {
  const row = { ...cell, numerator: "1", denominator: "2" };

  it("saves 1 to 2000 rows of the batch's period", () => {
    expect(saveDraftsSchema.safeParse({ periodId: 3, rows: [row] }).success).toBe(true);
    expect(messages(saveDraftsSchema, { periodId: 3, rows: [] })).toEqual({ rows: [FIGURE_MESSAGES.rowsMissing] });
    const many = Array.from({ length: MAX_ROWS + 1 }, (_, i) => ({ ...row, unitId: i + 1 }));
    expect(messages(saveDraftsSchema, { periodId: 3, rows: many })).toEqual({ rows: ["Mỗi lần lưu tối đa 2000 dòng số liệu."] });
    expect(saveDraftsSchema.safeParse({ periodId: 3, rows: many.slice(0, MAX_ROWS) }).success).toBe(true);
  });

  it("refuses rows of another period and the same cell twice", () => {
    expect(messages(saveDraftsSchema, { periodId: 4, rows: [row] })).toEqual({ "rows.0.periodId": [FIGURE_MESSAGES.rowOtherPeriod] });
    expect(messages(saveDraftsSchema, { periodId: 3, rows: [row, { ...row, numerator: "2" }] })).toEqual({ "rows.1": [FIGURE_MESSAGES.duplicateRow] });
    // Same unit, another sector: another cell.
    expect(saveDraftsSchema.safeParse({ periodId: 3, rows: [{ ...row, sectorId: 1 }, { ...row, sectorId: 2 }] }).success).toBe(true);
  });

  it("reports a bad cell under its row and field", () => {
    expect(messages(saveDraftsSchema, { periodId: 3, rows: [row, { ...row, unitId: 9, numerator: "3" }] })).toEqual({
      "rows.1.numerator": ["Tử số không được lớn hơn mẫu số."],
    });
  });

  it("takes a locked-period reason of at least 10 characters when one is given", () => {
    expect(saveDraftsSchema.parse({ periodId: 3, rows: [row], reason: "  " }).reason).toBeNull();
    expect(saveDraftsSchema.parse({ periodId: 3, rows: [row], reason: "Sửa theo báo cáo mới" }).reason).toBe("Sửa theo báo cáo mới");
    expect(messages(saveDraftsSchema, { periodId: 3, rows: [row], reason: "ngắn" })).toEqual({ reason: [FIGURE_MESSAGES.reasonTooShort] });
  });

  it("submits figures by id and version, each once", () => {
    expect(submitFiguresSchema.safeParse({ figures: [{ id: 1, version: 2 }] }).success).toBe(true);
    expect(messages(submitFiguresSchema, { figures: [] })).toEqual({ figures: [FIGURE_MESSAGES.figuresMissing] });
    expect(messages(submitFiguresSchema, { figures: [{ id: 1, version: 0 }] })).toEqual({ "figures.0.version": [FIGURE_MESSAGES.version] });
    expect(messages(submitFiguresSchema, { figures: [{ id: 1, version: 2 }, { id: 1, version: 2 }] })).toEqual({
      "figures.1": [FIGURE_MESSAGES.duplicateFigure],
    });
  });

  it("parses its own output again to the same value (the action and the service both parse)", () => {
    const once = saveDraftsSchema.parse({ periodId: 3, rows: [{ ...row, comment: " ghi chú " }], reason: "Sửa theo báo cáo mới" });
    expect(saveDraftsSchema.parse(once)).toEqual(once);
  });
});

describe("the entry page's URL", () => {
  it("reads ?ky=2026-Q3 and ignores anything else", () => {
    expect(entryParamsSchema.parse({ ky: "2026-Q3" })).toEqual({ ky: "2026-Q3" });
    expect(entryParamsSchema.parse({ ky: "2026-Q5" })).toEqual({ ky: undefined });
    expect(entryParamsSchema.parse({ ky: ["2026-Q3", "2026-Q4"] })).toEqual({ ky: undefined });
    expect(entryParamsSchema.parse({})).toEqual({ ky: undefined });
  });

  it("reads the grid's filter and search, and drops what it does not know", () => {
    expect(entryParamsSchema.parse({ ky: "2026-Q3", loc: "thieu", tim: "  Phú " })).toEqual({ ky: "2026-Q3", loc: "thieu", tim: "Phú" });
    expect(entryParamsSchema.parse({ loc: "tat-ca" }).loc).toBeUndefined();
    expect(entryParamsSchema.parse({ loc: ["thieu", "loi"] }).loc).toBeUndefined();
    expect(entryParamsSchema.parse({ tim: ["a", "b"] }).tim).toBeUndefined();
    expect(entryParamsSchema.parse({ tim: "x".repeat(500) }).tim).toHaveLength(100);
  });
});

describe("malformed input (property)", () => {
  const numberLike = fc.oneof(
    fc.string(),
    fc.double(),
    fc.integer(),
    fc.constantFrom("1e309", "-0", "NaN", "∞", "١٢٣", "１２３", "1.650,5", "0,0001", "99999999999999999999", "", " "),
    fc.constant(null),
    fc.constant(undefined),
    fc.boolean(),
    fc.object(),
  );
  const rowLike = fc.oneof(
    fc.record({
      indicatorId: fc.oneof(fc.integer(), fc.double(), fc.string()),
      unitId: fc.oneof(fc.integer(), fc.string()),
      periodId: fc.integer(),
      sectorId: fc.oneof(fc.constant(null), fc.integer(), fc.string()),
      numerator: numberLike,
      denominator: numberLike,
      value: numberLike,
      comment: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
      version: fc.oneof(fc.integer(), fc.double(), fc.string()),
    }),
    fc.anything(),
  );

  it("never throws, and every refusal speaks Vietnamese", () => {
    fc.assert(
      fc.property(fc.oneof(fc.record({ periodId: fc.integer(), rows: fc.array(rowLike, { maxLength: 4 }) }), fc.anything()), (input) => {
        for (const schema of [saveDraftsSchema, figureRowSchemaFor(RANK), figureRowSchemaFor(RATIO), submitFiguresSchema]) {
          const result = schema.safeParse(input);
          if (!result.success) for (const issue of result.error.issues) expect(issue.message).toMatch(VIETNAMESE);
        }
      }),
      { numRuns: 1000 },
    );
  }, 30_000);

  it("accepted ratios always satisfy the database's CHECK (0 ≤ numerator ≤ denominator, denominator > 0, integers)", () => {
    fc.assert(
      fc.property(numberLike, numberLike, (numerator, denominator) => {
        const result = figureRowSchemaFor(RATIO).safeParse({ ...cell, numerator, denominator });
        if (!result.success) return;
        const { numerator: n, denominator: d } = result.data;
        expect(Number.isSafeInteger(n) && Number.isSafeInteger(d)).toBe(true);
        expect(n! >= 0 && d! > 0 && n! <= d!).toBe(true);
      }),
      { numRuns: 2000 },
    );
  }, 30_000);
});
