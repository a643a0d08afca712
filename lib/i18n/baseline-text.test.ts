import { describe, expect, it } from "vitest";
import { baselineText } from "./baseline-text";

const pct = (v: number) => `${v.toFixed(2).replace(".", ",")}%`;

describe("baselineText (issue #14, item 6)", () => {
  const date = new Date("2020-12-31T00:00:00Z");

  it("says a recorded baseline's date is assumed, and a demo value is one", () => {
    const vi = baselineText({ origin: "RECORDED", value: 65.84, date, dateAssumed: true, isDemo: false }, pct, "vi");
    expect(vi).toBe("Mức gốc: 65,84%, ngày 31/12/2020 (ngày là giả định: văn bản nguồn không ghi ngày).");
    const demo = baselineText({ origin: "RECORDED", value: 2000, date, dateAssumed: false, isDemo: true }, String, "en");
    expect(demo).toBe("Baseline: 2000, on 31 Dec 2020 (demo baseline, not in the source document).");
    expect(baselineText({ origin: "RECORDED", value: 10, date, dateAssumed: false, isDemo: false }, String, "vi")).toBe("Mức gốc: 10, ngày 31/12/2020.");
  });

  it("names the first figure and its quarter, said to be fixed; and why there is none", () => {
    const first = { origin: "FIRST_FIGURE" as const, value: 21.29, date: new Date("2021-03-31T00:00:00Z"), quarter: { year: 2021, quarter: 1 as const } };
    expect(baselineText(first, pct, "vi")).toContain("số liệu công bố đầu tiên đủ độ phủ từ Quý I/2021: 21,29% (Quý I/2021); cố định");
    expect(baselineText(first, pct, "en")).toContain("21,29% (Q1 2021); it is fixed");
    expect(baselineText(null, pct, "vi")).toBe("Chưa có mức gốc: văn bản nguồn không nêu, và chưa có số liệu công bố đủ độ phủ.");
  });
});
