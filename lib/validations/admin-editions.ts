/**
 * The forms of /quan-tri/an-ban: record an edition of a yearly index (the DTI
 * of year Y, published during Y + 1) or remove one recorded by mistake
 * (IndicatorEdition, issue #14, item 9).
 */
import { z } from "@/lib/validations/zod";
import { dayField, idField, optionalReason, text, wholeNumber } from "@/lib/validations/admin-common";

export const EDITION_MESSAGES = {
  indicatorMissing: "Chọn chỉ tiêu.",
  indicatorNotFound: "Không tìm thấy chỉ tiêu.",
  yearInvalid: "Năm tham chiếu là một năm từ 2000 đến 2100.",
  publishedMissing: "Nhập ngày công bố.",
  publishedInvalid: "Ngày công bố không hợp lệ.",
  publishedTooEarly: "Ngày công bố phải sau năm tham chiếu: ấn bản nói về một năm đã qua.",
  rankedInvalid: "Số đơn vị được xếp hạng là một số nguyên từ 1 đến 10.000, hoặc để trống.",
  rankedNotRank: "Chỉ nhập số đơn vị được xếp hạng cho chỉ tiêu xếp hạng.",
  duplicate: "Chỉ tiêu này đã có ấn bản của năm tham chiếu đó: xóa ấn bản cũ trước nếu cần ghi lại.",
  editionMissing: "Thiếu ấn bản.",
  editionNotFound: "Không tìm thấy ấn bản (có thể đã bị xóa).",
} as const;

/** Empty (a form's blank field) is "not a ranking"; otherwise a whole number. */
const rankedUnits = z.preprocess((v) => (v === "" || v === undefined ? null : v), wholeNumber(EDITION_MESSAGES.rankedInvalid, 1, 10_000).nullable());

export const createEditionSchema = z
  .object({
    indicatorId: idField(EDITION_MESSAGES.indicatorMissing),
    referenceYear: wholeNumber(EDITION_MESSAGES.yearInvalid, 2000, 2100),
    publishedOn: dayField(EDITION_MESSAGES.publishedMissing, EDITION_MESSAGES.publishedInvalid),
    rankedUnits,
    sourceVi: text("nguồn", 1000),
  })
  .superRefine((d, ctx) => {
    if (d.publishedOn.getTime() < Date.UTC(d.referenceYear + 1, 0, 1)) {
      ctx.addIssue({ code: "custom", path: ["publishedOn"], message: EDITION_MESSAGES.publishedTooEarly });
    }
  });

export const removeEditionSchema = z.object({
  editionId: idField(EDITION_MESSAGES.editionMissing),
  reason: optionalReason,
});

export type CreateEditionInput = z.input<typeof createEditionSchema>;
