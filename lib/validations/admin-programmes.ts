/**
 * The forms of /quan-tri/chuong-trinh (issue #15): record a programme that sets
 * targets (the next resolution, a national programme), and change its status
 * (ended, superseded by another, or in force again).
 */
import { z } from "@/lib/validations/zod";
import { dayField, idField, text, wholeNumber } from "@/lib/validations/admin-common";

export const PROGRAMME_MESSAGES = {
  codeInvalid: "Số hiệu văn bản gồm chữ, số và các dấu / . - _ (ví dụ 01-NQ/TU), tối đa 64 ký tự.",
  codeTaken: "Đã có chương trình với số hiệu này.",
  slugTaken: (code: string, slug: string) =>
    `Số hiệu này cho cùng địa chỉ trang công khai (/chuong-trinh/${slug}) với chương trình ${code} đã có; hãy ghi số hiệu khác đi (không chỉ khác dấu, chữ hoa hay ký tự phân cách).`,
  yearInvalid: "Năm là một năm từ 2000 đến 2100.",
  endBeforeStart: "Năm kết thúc không được trước năm bắt đầu.",
  visionBeforeEnd: "Năm định hướng không được trước năm kết thúc giai đoạn.",
  scopeInvalid: "Chọn phạm vi: của tỉnh hoặc quốc gia.",
  statusInvalid: "Chọn tình trạng: đang hiệu lực, đã kết thúc hoặc được thay thế.",
  programmeMissing: "Thiếu chương trình.",
  notFound: "Không tìm thấy chương trình.",
  successorMissing: "Chọn chương trình thay thế.",
  successorSelf: "Một chương trình không thay thế chính nó.",
  successorCycle: "Chương trình được chọn đã được thay thế (trực tiếp hoặc qua chương trình khác) bởi chính chương trình này; hai chương trình không thể thay thế lẫn nhau.",
  successorScope: "Chương trình thay thế phải cùng phạm vi (của tỉnh hay quốc gia) với chương trình được thay thế.",
  successorNotAllowed: "Chỉ chọn chương trình thay thế khi tình trạng là “được thay thế”.",
  sameStatus: "Chương trình đã ở tình trạng này.",
  reasonRequired: "Ghi lý do (ít nhất 10 ký tự): thay đổi tình trạng làm thay đổi các trang công khai.",
} as const;

const year = wholeNumber(PROGRAMME_MESSAGES.yearInvalid, 2000, 2100);
const optionalYear = z.preprocess((v) => (v === "" || v === undefined ? null : v), year.nullable());
const optionalDay = z.preprocess((v) => (v === "" || v === undefined ? null : v), dayField("Nhập ngày ban hành.", "Ngày ban hành không hợp lệ.").nullable());

export const PROGRAMME_SCOPES = ["PROVINCE", "NATIONAL"] as const;
export const PROGRAMME_STATUS_LABELS = { IN_FORCE: "Đang hiệu lực", ENDED: "Đã kết thúc", SUPERSEDED: "Được thay thế" } as const;
export const PROGRAMME_SCOPE_LABELS = { PROVINCE: "Của tỉnh (mục tiêu được đánh giá)", NATIONAL: "Quốc gia (mức tham chiếu)" } as const;
export const PROGRAMME_STATUSES = ["IN_FORCE", "ENDED", "SUPERSEDED"] as const;

export const createProgrammeSchema = z
  .object({
    code: z.string({ error: PROGRAMME_MESSAGES.codeInvalid }).trim().regex(/^[\p{L}\p{N}_./-]{1,64}$/u, PROGRAMME_MESSAGES.codeInvalid),
    titleVi: text("tên chương trình (tiếng Việt)", 500),
    titleEn: text("tên chương trình (tiếng Anh)", 500),
    issuerVi: text("cơ quan ban hành", 300),
    issuedOn: optionalDay,
    startYear: year,
    endYear: year,
    visionYear: optionalYear,
    scope: z.enum(PROGRAMME_SCOPES, { error: PROGRAMME_MESSAGES.scopeInvalid }),
    sourceVi: text("nguồn", 1000),
  })
  .superRefine((p, ctx) => {
    if (p.endYear < p.startYear) ctx.addIssue({ code: "custom", path: ["endYear"], message: PROGRAMME_MESSAGES.endBeforeStart });
    if (p.visionYear !== null && p.visionYear < p.endYear) ctx.addIssue({ code: "custom", path: ["visionYear"], message: PROGRAMME_MESSAGES.visionBeforeEnd });
  });

export const setProgrammeStatusSchema = z
  .object({
    programmeId: idField(PROGRAMME_MESSAGES.programmeMissing),
    status: z.enum(PROGRAMME_STATUSES, { error: PROGRAMME_MESSAGES.statusInvalid }),
    supersededById: z.preprocess((v) => (v === "" || v === undefined ? null : v), idField(PROGRAMME_MESSAGES.successorMissing).nullable()),
    reason: z.string({ error: PROGRAMME_MESSAGES.reasonRequired }).trim().min(10, PROGRAMME_MESSAGES.reasonRequired).max(1000, "Lý do tối đa 1.000 ký tự."),
  })
  .superRefine((p, ctx) => {
    if (p.status === "SUPERSEDED" && p.supersededById === null) ctx.addIssue({ code: "custom", path: ["supersededById"], message: PROGRAMME_MESSAGES.successorMissing });
    if (p.status !== "SUPERSEDED" && p.supersededById !== null) ctx.addIssue({ code: "custom", path: ["supersededById"], message: PROGRAMME_MESSAGES.successorNotAllowed });
    if (p.supersededById !== null && p.supersededById === p.programmeId) ctx.addIssue({ code: "custom", path: ["supersededById"], message: PROGRAMME_MESSAGES.successorSelf });
  });

export type CreateProgrammeInput = z.input<typeof createProgrammeSchema>;
