/**
 * The fuzz suite's promise "0 rows changed" is only meaningful if no generated
 * payload is a valid input: then any row that changes is a defect, not luck.
 * This proves it for the arguments the fuzzer sends to server actions — every
 * action's schema refuses every one of them — and that the generator is
 * deterministic under its seed (the same requests on every run).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { changePasswordSchema } from "@/lib/validations/account";
import { assignIndicatorsSchema, createDepartmentSchema, renameDepartmentSchema } from "@/lib/validations/admin-departments";
import {
  createIndicatorSchema,
  reinstateIndicatorSchema,
  retireIndicatorSchema,
  setBaselineSchema,
  setTargetSchema,
  updateIndicatorSchema,
  withdrawBaselineSchema,
  withdrawTargetSchema,
} from "@/lib/validations/admin-indicators";
import { createEditionSchema, removeEditionSchema } from "@/lib/validations/admin-editions";
import { createProgrammeSchema, setProgrammeStatusSchema } from "@/lib/validations/admin-programmes";
import { closeUnitSchema, importUnitsSchema, setSuccessionWeightSchema } from "@/lib/validations/admin-units";
import { createUserSchema, resetUserPasswordSchema, setUserDisabledSchema, updateUserSchema } from "@/lib/validations/admin-users";
import { saveDraftsSchema, submitFiguresSchema } from "@/lib/validations/figure";
import { lockPeriodSchema, openNextPeriodSchema, setDeadlineSchema, unlockPeriodSchema } from "@/lib/validations/period";
import { approveFiguresSchema, rejectFiguresSchema, withdrawPublicationSchema } from "@/lib/validations/review";
import { markAllNotificationsReadSchema, markNotificationReadSchema } from "@/lib/validations/notifications";
import { actionPayload, fuzzRequest, HOSTILE_VALUES } from "../fuzz/http-fuzz";

/** The schema every server action parses its argument with (lib/actions/*). */
const ACTION_SCHEMAS: Record<string, z.ZodType> = {
  changePasswordAction: changePasswordSchema,
  createDepartment: createDepartmentSchema,
  renameDepartment: renameDepartmentSchema,
  assignIndicators: assignIndicatorsSchema,
  createIndicator: createIndicatorSchema,
  updateIndicator: updateIndicatorSchema,
  setTarget: setTargetSchema,
  withdrawTarget: withdrawTargetSchema,
  setBaseline: setBaselineSchema,
  withdrawBaseline: withdrawBaselineSchema,
  retireIndicator: retireIndicatorSchema,
  reinstateIndicator: reinstateIndicatorSchema,
  createEdition: createEditionSchema,
  removeEdition: removeEditionSchema,
  createProgramme: createProgrammeSchema,
  setProgrammeStatus: setProgrammeStatusSchema,
  importAdminUnits: importUnitsSchema,
  closeUnit: closeUnitSchema,
  setSuccessionWeight: setSuccessionWeightSchema,
  createUser: createUserSchema,
  updateUser: updateUserSchema,
  setUserDisabled: setUserDisabledSchema,
  resetUserPassword: resetUserPasswordSchema,
  saveDraftsAction: saveDraftsSchema,
  submitFiguresAction: submitFiguresSchema,
  lockPeriod: lockPeriodSchema,
  unlockPeriod: unlockPeriodSchema,
  setDeadline: setDeadlineSchema,
  openNextPeriod: openNextPeriodSchema,
  approveFigures: approveFiguresSchema,
  rejectFigures: rejectFiguresSchema,
  withdrawPublication: withdrawPublicationSchema,
  markNotificationRead: markNotificationReadSchema,
  markAllNotificationsRead: markAllNotificationsReadSchema,
};

describe("fuzz inputs", () => {
  it("no server action's schema accepts a payload the fuzzer generates", () => {
    fc.assert(
      fc.property(actionPayload, (payload) => {
        for (const [name, schema] of Object.entries(ACTION_SCHEMAS)) {
          // The payload travels as JSON: what the server parses is the JSON round trip.
          const sent = JSON.parse(JSON.stringify([payload]) ?? "[null]")[0];
          expect(schema.safeParse(sent).success, `${name} accepted ${JSON.stringify(sent)?.slice(0, 300)}`).toBe(false);
        }
      }),
      { seed: 20261203, numRuns: 3000 },
    );
    // 3,000 payloads × every action's schema: ~3 s on an idle machine, more on a busy CI runner.
  }, 30_000);

  it("each hostile value alone is refused where an id, a day or a quarter is required", () => {
    for (const value of HOSTILE_VALUES) {
      expect(lockPeriodSchema.safeParse({ periodId: value }).success, `periodId ${JSON.stringify(value)}`).toBe(false);
      expect(openNextPeriodSchema.safeParse({ quarter: value }).success, `quarter ${JSON.stringify(value)}`).toBe(false);
      expect(setUserDisabledSchema.safeParse({ userId: value, disabled: true }).success, `userId ${JSON.stringify(value)}`).toBe(false);
    }
  });

  it("the same seed generates the same requests", () => {
    const targets = { actions: [{ id: "a1", name: "lockPeriod", file: "x", page: "/quan-tri/ky-bao-cao" }], routes: ["/api/v1/figures", "/api/auth/[...nextauth]"], pages: ["/", "/chi-tieu/[ma]"] };
    const first = fc.sample(fuzzRequest(targets, "http://127.0.0.1:1"), { seed: 7, numRuns: 200 });
    const again = fc.sample(fuzzRequest(targets, "http://127.0.0.1:1"), { seed: 7, numRuns: 200 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
    // Every kind of entry point is reached.
    const kinds = new Set(first.map((r) => r.target.split(" ")[0]));
    expect([...kinds].sort()).toEqual(["action", "page", "route"]);
    // Dynamic segments are filled, never sent as "[ma]".
    expect(first.filter((r) => r.target === "page /chi-tieu/[ma]").every((r) => !r.path.startsWith("/chi-tieu/[ma]"))).toBe(true);
  });
});
