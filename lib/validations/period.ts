/**
 * Inputs of the reporting-period screen (/quan-tri/ky-bao-cao): lock, unlock (a reason
 * is required: reopening a closed quarter lets its figures change) and the
 * deadline. Shared by the forms, the server actions and the services.
 */
import { z } from "@/lib/validations/zod";
import { wholeNumber } from "@/lib/validations/admin-common";
import { vietnamDay, vietnamTimeOn } from "@/lib/period/vietnam-time";

export const UNLOCK_REASON_MIN = 10;

/** A deadline day means the end of that day in Vietnam: 23:59:59 +07:00. */
export function deadlineFromDay(day: string): Date {
  return vietnamTimeOn(day, 23, 59, 59);
}

/** The day (in Vietnam) a deadline instant falls on, as "YYYY-MM-DD" for a date field. */
export function dayOfDeadline(deadline: Date): string {
  return vietnamDay(deadline);
}

function isCalendarDay(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

const periodId = wholeNumber("Thiếu kỳ báo cáo.");

const optionalReason = z
  .string()
  .trim()
  .max(1000, "Lý do tối đa 1.000 ký tự.")
  .optional()
  .transform((s) => (s ? s : undefined));

const count = z.number({ error: "Số liệu đang dở không hợp lệ." }).int("Số liệu đang dở không hợp lệ.").min(0, "Số liệu đang dở không hợp lệ.");

/**
 * `pending`: the work still open in the quarter that the admin was shown and
 * accepts to strand (issue #16, item 5). Required when there is any; the
 * service compares it with the counts at the moment of locking.
 */
export const lockPeriodSchema = z.object({
  periodId,
  reason: optionalReason,
  pending: z.object({ submitted: count, drafts: count }, { error: "Số liệu đang dở không hợp lệ." }).optional(),
});

export const unlockPeriodSchema = z.object({
  periodId,
  reason: z
    .string({ error: "Nhập lý do mở khóa kỳ báo cáo." })
    .trim()
    .min(UNLOCK_REASON_MIN, `Lý do mở khóa cần ít nhất ${UNLOCK_REASON_MIN} ký tự.`)
    .max(1000, "Lý do tối đa 1.000 ký tự."),
});

export const setDeadlineSchema = z.object({
  periodId,
  /** A day from the form ("2026-10-20"), or an instant already parsed from one. */
  deadline: z.union([
    z.date(),
    z
      .string({ error: "Chọn ngày hạn nộp." })
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Ngày hạn nộp không hợp lệ.")
      .refine((s) => isCalendarDay(s), "Ngày hạn nộp không hợp lệ.")
      .transform(deadlineFromDay),
  ], { error: "Ngày hạn nộp không hợp lệ." }),
  reason: optionalReason,
});

/**
 * Opening the next quarter names the quarter the admin saw as next ("2027-Q1"),
 * so a double submit or two admins at once cannot open two quarters.
 */
export const openNextPeriodSchema = z.object({
  quarter: z
    .string({ error: "Thiếu quý cần mở." })
    .trim()
    .regex(/^\d{4}-Q[1-4]$/, "Quý cần mở không hợp lệ."),
  /** Optional: the default is the 20th day after the quarter. */
  deadline: z
    .union([z.date(), z.string().trim()])
    .optional()
    .transform((s, ctx) => {
      // The service parses the action's output again: an instant is already parsed.
      if (s instanceof Date) return s;
      if (!s) return undefined;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || !isCalendarDay(s)) {
        ctx.addIssue({ code: "custom", message: "Ngày hạn nộp không hợp lệ." });
        return z.NEVER;
      }
      return deadlineFromDay(s);
    }),
  reason: optionalReason,
});

export type OpenNextPeriodInput = z.input<typeof openNextPeriodSchema>;
export type LockPeriodInput = z.input<typeof lockPeriodSchema>;
export type UnlockPeriodInput = z.input<typeof unlockPeriodSchema>;
export type SetDeadlineInput = z.input<typeof setDeadlineSchema>;
