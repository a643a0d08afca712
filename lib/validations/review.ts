/**
 * Inputs of the review screen: its URL (period and department filters) and
 * the approve / reject forms. Shared by the page, the client form, the server
 * actions and the services.
 */
import { z } from "@/lib/validations/zod";
import { wholeNumber } from "@/lib/validations/admin-common";
import { parseQuarter, quarterKey } from "@/lib/period/quarter";

/** Comments shorter than this explain nothing to the editor who has to fix the figure. */
export const REJECT_COMMENT_MIN = 5;
export const REVIEW_BATCH_MAX = 500;

const firstOf = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/**
 * `/duyet?ky=2026-Q3&don-vi=3`: a malformed filter is dropped (the page shows
 * everything) rather than failing the page.
 */
export const reviewQueueParamsSchema = z.object({
  ky: z.preprocess(
    firstOf,
    z
      .string()
      .transform((s, ctx) => {
        const q = parseQuarter(s);
        if (!q) {
          ctx.addIssue({ code: "custom", message: "Kỳ báo cáo không hợp lệ." });
          return z.NEVER;
        }
        return quarterKey(q);
      })
      .optional()
      .catch(undefined),
  ),
  "don-vi": z.preprocess(firstOf, z.coerce.number().int().positive().optional().catch(undefined)),
});

export type ReviewQueueParams = z.output<typeof reviewQueueParamsSchema>;

export const reviewItemSchema = z.object({
  figureId: wholeNumber("Số liệu không hợp lệ."),
  /** The version the reviewer saw: a figure changed since is refused, not overwritten. */
  version: wholeNumber("Phiên bản số liệu không hợp lệ."),
});

function itemsOf<T extends z.ZodType<{ figureId: number }>>(item: T) {
  return z
    .array(item, { error: "Chọn ít nhất một số liệu." })
    .min(1, "Chọn ít nhất một số liệu.")
    .max(REVIEW_BATCH_MAX, `Mỗi lần chỉ xử lý tối đa ${REVIEW_BATCH_MAX} số liệu.`)
    .refine((items) => new Set(items.map((i) => i.figureId)).size === items.length, "Một số liệu được chọn hai lần.");
}

const itemsSchema = itemsOf(reviewItemSchema);

/**
 * A figure with outlier flags is published only if the approver said, for that
 * figure, that they looked at its flags (issue #16, item 4): the service checks
 * the flags itself and refuses a flagged figure sent without this.
 */
export const approveItemSchema = reviewItemSchema.extend({
  acknowledgedFlags: z.boolean({ error: "Xác nhận cảnh báo không hợp lệ." }).optional(),
});

export const approveFiguresSchema = z.object({ items: itemsOf(approveItemSchema) });

export const rejectFiguresSchema = z.object({
  items: itemsSchema,
  comment: z
    .string({ error: "Nhập lý do từ chối để người nhập liệu biết cần sửa gì." })
    .trim()
    .min(REJECT_COMMENT_MIN, `Lý do từ chối cần ít nhất ${REJECT_COMMENT_MIN} ký tự, để người nhập liệu biết cần sửa gì.`)
    .max(2000, "Lý do từ chối tối đa 2.000 ký tự."),
});

export type ApproveFiguresInput = z.input<typeof approveFiguresSchema>;
export type RejectFiguresInput = z.input<typeof rejectFiguresSchema>;

/** A withdrawal's reason: the public saw the figure, so the record says why it was taken back. */
export const WITHDRAW_REASON_MIN = 10;

export const WITHDRAW_MESSAGES = {
  notPublished: "Số liệu này không có bản công bố nào đang hiện: không có gì để rút.",
  stale: (current: number, seen: number) => `Bản công bố đã thay đổi sau khi bạn mở trang (hiện là lần ${current}, bạn đã xem lần ${seen}). Tải lại trang rồi thử lại.`,
  reason: `Nêu lý do rút công bố (ít nhất ${WITHDRAW_REASON_MIN} ký tự): công chúng đã thấy số liệu này.`,
} as const;

/** Withdraw the current publication of a figure: the revision the approver saw, and why. */
export const withdrawPublicationSchema = z.object({
  figureId: wholeNumber("Số liệu không hợp lệ."),
  revision: wholeNumber("Lần công bố không hợp lệ."),
  reason: z.string({ error: WITHDRAW_MESSAGES.reason }).trim().min(WITHDRAW_REASON_MIN, WITHDRAW_MESSAGES.reason).max(1000, "Lý do tối đa 1.000 ký tự."),
});
