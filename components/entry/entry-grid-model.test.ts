import { describe, expect, it } from "vitest";
import { problemField, settleDrafts, type Draft } from "./entry-grid-model";

const draft = (numerator: string, baseVersion = 1): Draft => ({
  numerator,
  denominator: "100",
  value: "",
  comment: "",
  observationStatus: "NORMAL",
  sourceDocument: "",
  baseVersion,
});

describe("settleDrafts", () => {
  it("drops a row still holding what was sent, and rebases a row typed on while it was saving", () => {
    const sentA = draft("10");
    const sentB = draft("20");
    const typedOn = draft("21");
    const untouched = draft("30");
    const after = settleDrafts({ a: sentA, b: typedOn, c: untouched }, [{ key: "a", draft: sentA }, { key: "b", draft: sentB }], new Map([["a", 2], ["b", 5]]));
    expect(after).toEqual({ b: { ...typedOn, baseVersion: 5 }, c: untouched });
  });

  it("keeps a typed-on row as it is when the answer names no version for it, and returns the same object when nothing changes", () => {
    const typedOn = draft("21");
    const drafts = { b: typedOn };
    expect(settleDrafts(drafts, [{ key: "b", draft: draft("20") }], new Map())).toBe(drafts);
  });
});

describe("problemField", () => {
  it("puts a refusal on the cell it names, and a row-wide one on the first number cell", () => {
    expect(problemField({ index: 0, field: "comment", message: "x" }, "RATIO")).toBe("comment");
    expect(problemField({ index: 0, field: "denominator", message: "x" }, "RATIO")).toBe("denominator");
    expect(problemField({ index: 0, field: "unitId", message: "x" }, "RATIO")).toBe("numerator");
    expect(problemField({ index: 0, field: null, message: "x" }, "COUNT")).toBe("value");
  });
});
