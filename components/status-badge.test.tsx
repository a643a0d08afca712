import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { STATUS_LABELS, type ProgressStatus } from "@/lib/progress/progress";
import { StatusBadge } from "./status-badge";

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
});
