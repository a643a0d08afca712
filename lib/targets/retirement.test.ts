import { describe, expect, it } from "vitest";
import { makeQuarter } from "@/lib/period/quarter";
import { reportsIn, retiredFromQuarter, retirementDate, retirementLabel, targetYearTracked } from "./retirement";

const q = makeQuarter;

describe("retirement of an indicator", () => {
  const from = retirementDate(q(2027, 2)); // retired from Q2 2027

  it("is stored as the first day of the quarter and read back from the day, its JSON text or a quarter key", () => {
    expect(from.toISOString()).toBe("2027-04-01T00:00:00.000Z");
    expect(retiredFromQuarter(from)).toEqual(q(2027, 2));
    expect(retiredFromQuarter("2027-04-01")).toEqual(q(2027, 2));
    expect(retiredFromQuarter("2027-04-01T00:00:00.000Z")).toEqual(q(2027, 2));
    expect(retiredFromQuarter("2027-Q2")).toEqual(q(2027, 2));
    expect(retiredFromQuarter(null)).toBeNull();
  });

  it("owes figures for the quarters before the retirement quarter only", () => {
    expect(reportsIn(from, q(2027, 1))).toBe(true);
    expect(reportsIn(from, q(2027, 2))).toBe(false);
    expect(reportsIn(from, q(2030, 4))).toBe(false);
    expect(reportsIn(null, q(2030, 4))).toBe(true);
  });

  it("leaves a target judgeable only when its year's fourth quarter is still tracked", () => {
    expect(targetYearTracked(from, 2026)).toBe(true);
    expect(targetYearTracked(from, 2027)).toBe(false); // Q4 2027 is after the retirement
    expect(targetYearTracked(retirementDate(q(2028, 1)), 2027)).toBe(true);
    expect(targetYearTracked(null, 2050)).toBe(true);
  });

  it("is labelled in both languages", () => {
    expect(retirementLabel(from, "vi")).toBe("Thôi theo dõi từ Quý II/2027");
    expect(retirementLabel("2027-Q2", "en")).toBe("Retired from Q2 2027");
    expect(retirementLabel(null, "vi")).toBeNull();
  });
});
