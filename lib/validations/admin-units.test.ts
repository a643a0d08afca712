import { describe, expect, it } from "vitest";
import { WEIGHT_MESSAGES, setSuccessionWeightSchema } from "./admin-units";

describe("a partial succession's apportionment (issue #14, item 7)", () => {
  const parse = (weightPercent: unknown, sourceVi: string | null = "Dân số 2024, Cục Thống kê") => setSuccessionWeightSchema.safeParse({ successionId: "7", weightPercent, sourceVi });

  it("reads a percentage as typed in Vietnam and stores the share", () => {
    expect(parse("35,5")).toMatchObject({ success: true, data: { successionId: 7, weightPercent: 0.355 } });
    expect(parse("35.5 %")).toMatchObject({ success: true, data: { weightPercent: 0.355 } });
    expect(parse(12.3456)).toMatchObject({ success: true, data: { weightPercent: 0.123456 } });
    // Empty clears the weight, and needs no source.
    expect(parse("  ", null)).toMatchObject({ success: true, data: { weightPercent: null, sourceVi: null } });
  });

  it("refuses what is not a share strictly between 0 and 100 %, a weight without its source, and a missing field", () => {
    for (const bad of ["0", "100", "-5", "abc", "1e2", "35,", true]) {
      const r = parse(bad);
      expect(r.success, String(bad)).toBe(false);
      expect(JSON.stringify(r.error?.issues), String(bad)).toContain(WEIGHT_MESSAGES.percentInvalid);
    }
    expect(JSON.stringify(parse("40", null).error?.issues)).toContain("Nhập nguồn của tỷ lệ phân bổ");
    expect(setSuccessionWeightSchema.safeParse({ successionId: 7 }).success).toBe(false);
  });
});
