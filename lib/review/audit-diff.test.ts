import { describe, expect, it } from "vitest";
import { auditActionLabel, describeAuditChanges } from "./audit-diff";
import { formatVietnamDate, formatVietnamDateTime } from "@/lib/period/vietnam-time";

describe("audit rows in Vietnamese", () => {
  it("lists only the fields that changed, known fields first, with Vietnamese labels and values", () => {
    const changes = describeAuditChanges(
      { status: "SUBMITTED", version: 3, numerator: 1512, denominator: 1589, reviewComment: null },
      { status: "APPROVED", version: 4, numerator: 1512, denominator: 1589, revision: 2, reviewComment: null },
    );
    expect(changes).toEqual([
      { field: "status", label: "Trạng thái", before: "Chờ duyệt", after: "Đã duyệt" },
      { field: "version", label: "Phiên bản", before: "3", after: "4" },
      { field: "revision", label: "Lần công bố", before: "—", after: "2" },
    ]);
  });

  it("formats numbers, Decimal strings and instants the Vietnamese way, and treats equal Decimals as unchanged", () => {
    const changes = describeAuditChanges(
      { numerator: "196251.0000", value: 1650.5, deadline: "2026-10-20T16:59:59.000Z", status: "OPEN" },
      { numerator: 196251, value: 1720.25, deadline: "2026-10-31T16:59:59.000Z", status: "LOCKED" },
    );
    expect(changes).toEqual([
      { field: "status", label: "Trạng thái", before: "Đang mở", after: "Đã khóa" },
      { field: "value", label: "Giá trị", before: "1.650,5", after: "1.720,25" },
      { field: "deadline", label: "Hạn nộp", before: "20/10/2026 23:59", after: "31/10/2026 23:59" },
    ]);
  });

  it("shows a created figure (no before) and text comments as written", () => {
    expect(describeAuditChanges(null, { comment: "Số liệu 2024", value: 10, indicatorId: 3, unitId: 7, periodId: 23 })).toEqual([
      { field: "value", label: "Giá trị", before: "—", after: "10" },
      { field: "comment", label: "Ghi chú", before: "—", after: "Số liệu 2024" },
    ]);
  });

  it("names the actions", () => {
    expect(auditActionLabel("FIGURE_REJECTED")).toBe("Từ chối");
    expect(auditActionLabel("PERIOD_UNLOCKED")).toBe("Mở khóa kỳ báo cáo");
    expect(auditActionLabel("SOMETHING_NEW")).toBe("SOMETHING_NEW");
  });

  it("prints instants in Vietnam time whatever the server's zone", () => {
    expect(formatVietnamDateTime(new Date("2026-11-27T17:30:00Z"))).toBe("28/11/2026 00:30");
    expect(formatVietnamDate(new Date("2026-10-20T16:59:59Z"))).toBe("20/10/2026");
    expect(formatVietnamDateTime(null)).toBe("—");
    expect(formatVietnamDateTime("not a date")).toBe("—");
  });
});

describe("provenance in the audit (issue #14, item 11)", () => {
  it("says how final a figure is and its source document in words", () => {
    expect(describeAuditChanges({ observationStatus: "NORMAL", sourceDocument: null }, { observationStatus: "PROVISIONAL", sourceDocument: "12/BC-UBND" })).toEqual([
      { field: "observationStatus", label: "Tình trạng số liệu", before: "Chính thức", after: "Sơ bộ" },
      { field: "sourceDocument", label: "Văn bản nguồn", before: "—", after: "12/BC-UBND" },
    ]);
    // A source document that is only a number stays as written.
    expect(describeAuditChanges({ sourceDocument: null }, { sourceDocument: "1650.5" })[0]!.after).toBe("1650.5");
  });
});
