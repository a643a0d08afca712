import { describe, expect, it } from "vitest";
import { figureRowSchema } from "@/lib/validations/figure";
import { readObservationStatus } from "./observation-status";

describe("readObservationStatus (issue #14, item 11)", () => {
  it("reads the template's words, without diacritics, the codes and SDMX's letters", () => {
    expect(readObservationStatus("Sơ bộ")).toBe("PROVISIONAL");
    expect(readObservationStatus("  so   BO ")).toBe("PROVISIONAL");
    expect(readObservationStatus("Ước tính")).toBe("ESTIMATED");
    expect(readObservationStatus("uoc tinh")).toBe("ESTIMATED");
    expect(readObservationStatus("Chính thức")).toBe("NORMAL");
    expect(readObservationStatus("estimated")).toBe("ESTIMATED");
    expect(readObservationStatus("P")).toBe("PROVISIONAL");
    expect(readObservationStatus("a")).toBe("NORMAL");
  });

  it("blank is no choice (NORMAL by the row schema); anything else is refused by the row schema in Vietnamese", () => {
    expect(readObservationStatus("")).toBeNull();
    expect(readObservationStatus(null)).toBeNull();
    expect(readObservationStatus(undefined)).toBeNull();
    const row = { indicatorId: 1, unitId: 1, periodId: 1, value: 3, version: 0 };
    expect(figureRowSchema.parse({ ...row, observationStatus: readObservationStatus(" ") }).observationStatus).toBe("NORMAL");
    const refused = figureRowSchema.safeParse({ ...row, observationStatus: readObservationStatus("tạm tính") });
    expect(refused.success).toBe(false);
    expect(refused.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["observationStatus", "Tình trạng số liệu phải là Chính thức, Sơ bộ hoặc Ước tính."]]);
  });

  it("the row schema trims the source document and bounds it", () => {
    const row = { indicatorId: 1, unitId: 1, periodId: 1, value: 3, version: 0 };
    expect(figureRowSchema.parse({ ...row, sourceDocument: "  Báo cáo 12/BC  " }).sourceDocument).toBe("Báo cáo 12/BC");
    expect(figureRowSchema.parse({ ...row, sourceDocument: "   " }).sourceDocument).toBeNull();
    expect(figureRowSchema.safeParse({ ...row, sourceDocument: "x".repeat(501) }).error!.issues[0]!.message).toBe("Văn bản nguồn tối đa 500 ký tự.");
  });
});
