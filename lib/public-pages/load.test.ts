import { describe, expect, it } from "vitest";
import { pickQuarter } from "./load";
import { LATEST } from "./paths";

describe("pickQuarter (the indicator page's ?quy=)", () => {
  const available = ["2025-Q4", "2026-Q1", "2026-Q2"];

  it("takes a quarter that has a breakdown, and the latest for no quarter", () => {
    expect(pickQuarter("2026-Q1", available)).toBe("2026-Q1");
    expect(pickQuarter(LATEST, available)).toBe("2026-Q2");
    expect(pickQuarter(LATEST, [])).toBeNull();
  });

  it("refuses a quarter without data (the URL answers 404: no page rendered or kept per typed quarter)", () => {
    expect(pickQuarter("2000-Q1", available)).toBeUndefined();
    expect(pickQuarter("2026-Q3", available)).toBeUndefined();
    expect(pickQuarter("nonsense", available)).toBeUndefined();
  });
});
