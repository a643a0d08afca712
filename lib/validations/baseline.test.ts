/**
 * The baseline form's schema (issue #15, item 2): Vietnamese numbers, a real day from 2000-01-01
 * to today in Vietnam (UTC+7), the fields it needs, messages in Vietnamese; it accepts its own
 * output (the action parses the form, the service parses the action's output again).
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { BASELINE_MESSAGES, setBaselineSchema, withdrawBaselineSchema } from "./admin-indicators";

const FORM = { indicatorId: "3", level: "PROVINCE", sectorId: "", value: "34,87", date: "2025-12-31", dateAssumed: "on", sourceClauseVi: "đạt 34,87%", sourceVi: "Báo cáo 12/BC-UBND", reason: "" };

const issues = (input: unknown) => setBaselineSchema.safeParse(input).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);

afterEach(() => {
  vi.useRealTimers();
});

describe("setBaselineSchema", () => {
  it("reads the form: Vietnamese decimals and thousands, the day as a date, the check box, no sector", () => {
    expect(setBaselineSchema.parse(FORM)).toEqual({
      indicatorId: 3,
      level: "PROVINCE",
      sectorId: null,
      value: 34.87,
      date: new Date("2025-12-31T00:00:00.000Z"),
      dateAssumed: true,
      sourceClauseVi: "đạt 34,87%",
      sourceVi: "Báo cáo 12/BC-UBND",
      reason: null,
    });
    expect(setBaselineSchema.parse({ ...FORM, value: "1.650", dateAssumed: undefined, sectorId: "4" })).toMatchObject({ value: 1650, dateAssumed: false, sectorId: 4 });
  });

  it("accepts its own output unchanged", () => {
    const once = setBaselineSchema.parse(FORM);
    expect(setBaselineSchema.parse(once)).toEqual(once);
  });

  it("says in Vietnamese what is missing or wrong, on the field", () => {
    expect(issues({ indicatorId: "3", level: "PROVINCE", value: "", date: "", sourceClauseVi: " ", sourceVi: "" })).toEqual([
      `value: ${BASELINE_MESSAGES.valueMissing}`,
      `date: ${BASELINE_MESSAGES.dateMissing}`,
      "sourceClauseVi: Nhập trích dẫn căn cứ (điều khoản).",
      "sourceVi: Nhập văn bản nguồn.",
    ]);
    expect(issues({ ...FORM, value: "ba mươi" })).toEqual([`value: ${BASELINE_MESSAGES.valueInvalid}`]);
    expect(issues({ ...FORM, level: "HAMLET" })).toEqual(["level: Chọn cấp áp dụng (tỉnh, huyện hoặc xã)."]);
  });

  it("takes a real day from 01/01/2000 up to today in Vietnam, not after", () => {
    expect(issues({ ...FORM, date: "2025-02-29" })).toEqual([`date: ${BASELINE_MESSAGES.dateInvalid}`]);
    expect(issues({ ...FORM, date: "31/12/2025" })).toEqual([`date: ${BASELINE_MESSAGES.dateInvalid}`]);
    expect(issues({ ...FORM, date: "1999-12-31" })).toEqual([`date: ${BASELINE_MESSAGES.dateTooEarly}`]);
    expect(issues({ ...FORM, date: "2000-01-01" })).toBeUndefined();
    // 18:00 UTC on 4 December is 01:00 on 5 December in Vietnam: the 5th is today there, the 6th is not.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-04T18:00:00Z"));
    expect(issues({ ...FORM, date: "2026-12-05" })).toBeUndefined();
    expect(issues({ ...FORM, date: "2026-12-06" })).toEqual([`date: ${BASELINE_MESSAGES.dateFuture}`]);
  });
});

describe("withdrawBaselineSchema", () => {
  it("needs a reason of at least 10 characters", () => {
    expect(withdrawBaselineSchema.parse({ baselineId: "5", reason: " Nhập nhầm số liệu " })).toEqual({ baselineId: 5, reason: "Nhập nhầm số liệu" });
    expect(withdrawBaselineSchema.safeParse({ baselineId: "5", reason: "nhầm" }).error?.issues.map((i) => i.message)).toEqual([BASELINE_MESSAGES.withdrawReason]);
  });
});
