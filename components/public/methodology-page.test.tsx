import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MAX_FIGURE_AGE_QUARTERS, MIN_COVERAGE } from "@/lib/progress/thresholds";
import { MethodologyView } from "./methodology-page";

const strip = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/\s+/g, " ");

describe("the methodology page states the rules of issue #14 with their numbers", () => {
  const vi = strip(renderToStaticMarkup(<MethodologyView indicators={[]} locale="vi" />));
  const en = strip(renderToStaticMarkup(<MethodologyView indicators={[]} locale="en" />));

  it("lists No longer assessable among the statuses, with the age limit from the code", () => {
    expect(vi).toContain("Không còn đánh giá được");
    expect(vi).toContain(`cũ hơn ${MAX_FIGURE_AGE_QUARTERS} quý`);
    expect(vi).toContain("01/07/2025");
    expect(en).toContain("No longer assessable");
    expect(en).toContain(`more than ${MAX_FIGURE_AGE_QUARTERS} quarters older`);
  });

  it("states the feasible ranges the projection is clamped to", () => {
    expect(vi).toContain("trong khoảng 0%–100%");
    expect(vi).toContain("nhỏ nhất là 1");
    expect(vi).toContain("không thấp hơn \u2212100%");
    expect(en).toContain("within 0%–100%");
  });

  it("says a finished goal shows the figure it was judged on, and later figures apart", () => {
    expect(vi).toContain("“Sau đó”");
    expect(en).toContain("“Since then”");
    expect(vi).toContain("điểm %");
  });

  it("says verdicts rest on approved figures only, and how the method compares with Open SDG and UNSD, with the thresholds from the code", () => {
    expect(vi).toContain("Kết luận chỉ dựa trên số liệu đã được duyệt");
    expect(en).toContain("Verdicts rest on approved figures only");
    expect(vi).toContain("Open SDG");
    expect(vi).toContain("Ngưỡng 95%");
    expect(en).toContain("The 95% threshold is the same as both; 50% is the UN's (Open SDG uses 60%)");
  });

  it("states the coverage rule with the threshold from the code", () => {
    expect(vi).toContain(`Quý có độ phủ dưới ${MIN_COVERAGE * 100}%`);
    expect(en).toContain(`A quarter under ${MIN_COVERAGE * 100}% coverage`);
  });
});

describe("the baseline rule (issue #14, item 6)", () => {
  const vi = strip(renderToStaticMarkup(<MethodologyView indicators={[]} locale="vi" />));
  const en = strip(renderToStaticMarkup(<MethodologyView indicators={[]} locale="en" />));

  it("says the baseline is one fixed value on every page, its assumed date, and the first-figure rule from Q1 2021", () => {
    expect(vi).toContain("Mức gốc là một giá trị cố định, như nhau trên mọi trang");
    expect(vi).toContain("31/12/2020 — ngày giả định");
    expect(vi).toContain("số liệu công bố đầu tiên đủ độ phủ (ít nhất 80% đơn vị báo cáo) từ Quý I/2021");
    expect(en).toContain("The baseline is one fixed value, the same on every page");
    expect(en).toContain("from Q1 2021 on");
    expect(MIN_COVERAGE).toBe(0.8); // the text above names it
  });
});
