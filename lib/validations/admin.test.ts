/**
 * The admin schemas: Vietnamese messages, and — because the action parses the
 * form and the service parses the action's output again — every schema
 * accepts its own output unchanged.
 */
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { createDepartmentSchema, assignIndicatorsSchema, renameDepartmentSchema } from "./admin-departments";
import { setTargetSchema, updateIndicatorSchema, withdrawTargetSchema } from "./admin-indicators";
import { closeUnitSchema, importUnitsSchema } from "./admin-units";
import { createUserSchema, resetUserPasswordSchema, setUserDisabledSchema, updateUserSchema } from "./admin-users";
import { openNextPeriodSchema } from "./period";

const USER = "6f1c1f5e-3c1a-4a7e-9a53-1f2e3d4c5b6a";

const FORMS: [string, z.ZodType, unknown][] = [
  ["createUser", createUserSchema, { email: " A@B.VN ", name: " An ", role: "EDITOR", departmentId: "3", unitIds: ["5", "5", "7"], passwordMode: "typed", password: "0123456789", mustChangePassword: "on" }],
  ["updateUser", updateUserSchema, { userId: USER, name: "An", role: "VIEWER", departmentId: "", unitIds: [], reason: "" }],
  ["setUserDisabled", setUserDisabledSchema, { userId: USER, disabled: true, reason: null }],
  ["resetUserPassword", resetUserPasswordSchema, { userId: USER }],
  ["createDepartment", createDepartmentSchema, { code: "so_moi", nameVi: "Sở mới", nameEn: "New", validFrom: "2026-01-01" }],
  ["renameDepartment", renameDepartmentSchema, { departmentId: "2", nameVi: "A", nameEn: "B" }],
  ["assignIndicators", assignIndicatorsSchema, { departmentId: 2, indicatorIds: ["4"] }],
  ["updateIndicator", updateIndicatorSchema, { indicatorId: "1", nameVi: "a", nameEn: "b", methodologyVi: "c", methodologyEn: "d", responsibleDepartmentId: "2" }],
  ["setTarget", setTargetSchema, { indicatorId: "1", level: "PROVINCE", sectorId: "", year: "2030", comparator: "GT", value: "34,87", sourceClauseVi: "x", sourceVi: "y" }],
  ["withdrawTarget", withdrawTargetSchema, { targetId: "9", reason: "Nhập nhầm năm mục tiêu" }],
  ["importUnits", importUnitsSchema, { effectiveDate: "2027-01-01", unitsCsv: "code\n", successionsCsv: "", reason: "" }],
  ["closeUnit", closeUnitSchema, { unitId: "4", validTo: "2027-03-31", successors: [{ unitId: "5", kind: "FULL" }] }],
  ["openNextPeriod", openNextPeriodSchema, { quarter: "2027-Q1", deadline: "2027-04-20" }],
];

describe("admin schemas", () => {
  it.each(FORMS)("%s accepts its own output (the service re-parses what the action parsed)", (_name, schema, input) => {
    const once = schema.parse(input);
    expect(schema.parse(once)).toEqual(once);
  });

  it("reads form values: trimmed, lower-cased email, ids as numbers, days as dates, Vietnamese decimals", () => {
    expect(createUserSchema.parse(FORMS[0]![2])).toMatchObject({ email: "a@b.vn", name: "An", departmentId: 3, unitIds: [5, 7], mustChangePassword: true });
    expect(createDepartmentSchema.parse(FORMS[4]![2])).toMatchObject({ code: "SO_MOI", validFrom: new Date("2026-01-01T00:00:00Z") });
    expect(setTargetSchema.parse(FORMS[8]![2])).toMatchObject({ year: 2030, value: 34.87, sectorId: null, descriptionVi: null });
  });

  it("says what is missing, in Vietnamese", () => {
    const issues = (schema: z.ZodType, input: unknown) => schema.safeParse(input).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(issues(closeUnitSchema, { successors: [] })).toEqual(["unitId: Chọn đơn vị cần chấm dứt.", "validTo: Chọn ngày cuối cùng đơn vị còn hiệu lực."]);
    expect(issues(createDepartmentSchema, { code: "SO_X", nameVi: "a", nameEn: "b", validFrom: "2026-02-30" })).toEqual(["validFrom: Ngày thành lập không hợp lệ."]);
    expect(issues(openNextPeriodSchema, { quarter: "2027-Q1", deadline: "20/04/2027" })).toEqual(["deadline: Ngày hạn nộp không hợp lệ."]);
  });
});

describe("whole numbers (ids, years, versions)", () => {
  it("takes digits from a form and numbers from JSON, and nothing Number() would coerce", async () => {
    const { wholeNumber } = await import("./admin-common");
    const id = wholeNumber("Thiếu mã.");
    expect(id.parse("12")).toBe(12);
    expect(id.parse(" 7 ")).toBe(7);
    expect(id.parse(2_147_483_647)).toBe(2_147_483_647);
    // Found by the fuzz suite: z.coerce.number() read `true` as period 1, and a 3,000,000,000 id reached PostgreSQL.
    for (const bad of [true, false, [5], ["5"], "1e3", "0x10", "1.0", "", null, {}, 0, -1, 1.5, 3_000_000_000, "3000000000", "٣"]) {
      const result = id.safeParse(bad);
      expect(result.success, JSON.stringify(bad)).toBe(false);
      expect(result.error?.issues[0]?.message).toBe("Thiếu mã.");
    }
  });
});
