import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { STATUS_LABELS, type ProgressStatus } from "@/lib/progress/progress";
import { STATUS_STYLE, StatusBadge } from "./status-badge";

const STATUSES = Object.keys(STATUS_LABELS) as ProgressStatus[];

describe("StatusBadge", () => {
  it.each(STATUSES)("%s carries a symbol and its words in both languages, not only a colour", (status) => {
    for (const locale of ["vi", "en"] as const) {
      const html = renderToStaticMarkup(<StatusBadge status={status} locale={locale} />);
      expect(html).toContain(STATUS_LABELS[status][locale]);
      expect(html).toMatch(/<span aria-hidden="true">[^<]+<\/span>/);
      expect(html).toContain(`data-status="${status}"`);
    }
  });

  it("words the final verdicts as the foundation's maths names them", () => {
    expect(renderToStaticMarkup(<StatusBadge status="MISSED" />)).toContain("Không đạt");
    expect(renderToStaticMarkup(<StatusBadge status="ACHIEVED" locale="en" />)).toContain("Achieved");
  });

  it("gives every status its own symbol: 'Chậm tiến độ' and 'Không đạt' no longer share ✕", () => {
    const symbols = STATUSES.map((s) => STATUS_STYLE[s].symbol);
    expect(new Set(symbols).size).toBe(STATUSES.length);
    expect(STATUS_STYLE.OFF_TRACK.symbol).not.toBe(STATUS_STYLE.MISSED.symbol);
  });

  it("names a goal that can no longer be assessed", () => {
    expect(renderToStaticMarkup(<StatusBadge status="NO_LONGER_ASSESSABLE" />)).toContain("Không còn đánh giá được");
    expect(renderToStaticMarkup(<StatusBadge status="NO_LONGER_ASSESSABLE" locale="en" />)).toContain("No longer assessable");
  });
});
