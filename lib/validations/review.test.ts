import { describe, expect, it } from "vitest";
import { approveFiguresSchema, rejectFiguresSchema, reviewQueueParamsSchema } from "./review";
import { dayOfDeadline, deadlineFromDay, setDeadlineSchema, unlockPeriodSchema } from "./period";

describe("the review screen's URL", () => {
  it("reads ?ky=2026-Q3&don-vi=3, normalising the quarter", () => {
    expect(reviewQueueParamsSchema.parse({ ky: "2026q3", "don-vi": "3" })).toEqual({ ky: "2026-Q3", "don-vi": 3 });
    expect(reviewQueueParamsSchema.parse({ ky: ["2025-Q1", "2026-Q2"] })).toEqual({ ky: "2025-Q1", "don-vi": undefined });
  });

  it("drops a malformed filter instead of failing the page", () => {
    expect(reviewQueueParamsSchema.parse({ ky: "2026-Q5", "don-vi": "abc" })).toEqual({ ky: undefined, "don-vi": undefined });
    expect(reviewQueueParamsSchema.parse({})).toEqual({ ky: undefined, "don-vi": undefined });
  });
});

describe("approve and reject inputs", () => {
  it("coerce ids and versions from form strings", () => {
    expect(approveFiguresSchema.parse({ items: [{ figureId: "12", version: "3" }] })).toEqual({ items: [{ figureId: 12, version: 3 }] });
  });

  it("trim the reject comment and require 5 characters, in Vietnamese", () => {
    expect(rejectFiguresSchema.parse({ items: [{ figureId: 1, version: 1 }], comment: "  Sai mẫu số " }).comment).toBe("Sai mẫu số");
    const short = rejectFiguresSchema.safeParse({ items: [{ figureId: 1, version: 1 }], comment: " abcd  " });
    expect(short.success).toBe(false);
    expect(short.error!.issues[0]!.message).toMatch(/^Lý do từ chối cần ít nhất 5 ký tự/);
  });
});

describe("period inputs", () => {
  it("reads a deadline day as the end of that day in Vietnam, and back", () => {
    expect(deadlineFromDay("2026-10-20").toISOString()).toBe("2026-10-20T16:59:59.000Z");
    expect(dayOfDeadline(new Date("2026-10-20T16:59:59.000Z"))).toBe("2026-10-20");
    expect(setDeadlineSchema.safeParse({ periodId: "4", deadline: "2026-02-29" }).success).toBe(false); // 2026 is not a leap year
    expect(setDeadlineSchema.parse({ periodId: "4", deadline: "2028-02-29" }).deadline.toISOString()).toBe("2028-02-29T16:59:59.000Z");
  });

  it("requires an unlock reason of 10 characters after trimming", () => {
    expect(unlockPeriodSchema.safeParse({ periodId: 1, reason: "  ngắn quá  " }).success).toBe(false);
    expect(unlockPeriodSchema.parse({ periodId: 1, reason: " Bổ sung số liệu " }).reason).toBe("Bổ sung số liệu");
  });
});
