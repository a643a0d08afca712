import { describe, expect, it } from "vitest";
import { replaceSection } from "./report";

describe("replaceSection", () => {
  it("starts a report from the header when the file has no sections yet", () => {
    const out = replaceSection("# old hand-written text\n", "public", "## Public\n\nx");
    expect(out).toMatch(/^# Benchmarks\n/);
    expect(out).toContain("<!-- bench:public -->\n## Public\n\nx\n<!-- /bench:public -->");
    expect(out).not.toContain("old hand-written");
  });

  it("rewrites only its own section and keeps the others", () => {
    const one = replaceSection("", "public", "## Public\n\nold");
    const two = replaceSection(one, "import", "## Import\n\nfirst");
    const three = replaceSection(two, "public", "## Public\n\nnew");
    expect(three).toContain("new");
    expect(three).not.toContain("old");
    expect(three).toContain("## Import\n\nfirst");
    expect(three.indexOf("bench:public")).toBeLessThan(three.indexOf("bench:import"));
  });
});
