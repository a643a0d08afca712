import { describe, expect, it } from "vitest";
import { overviewCountNote } from "./count-note";

describe("overviewCountNote", () => {
  it("says the dashboard's rows and the home page's goals are different counts of the same goals", () => {
    const note = overviewCountNote({ numeric: 20, qualitative: 1 }, 16);
    expect(note).toContain("21 mục tiêu (20 có ngưỡng số, 1 định tính) thuộc 16 dòng chỉ tiêu");
    expect(note).toContain("số dòng có ít nhất một mục tiêu ở trạng thái đó");
    expect(note).toContain("chờ duyệt");
  });
});
