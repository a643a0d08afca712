/**
 * The department forms of /quan-tri/co-quan: create, rename (the old name stays
 * in the audit, which the page reads back as the name history), and make the
 * department responsible for indicators.
 */
import { z } from "@/lib/validations/zod";
import { dayField, idField, idList, optionalReason, text } from "@/lib/validations/admin-common";

export const DEPARTMENT_MESSAGES = {
  codeInvalid: "Mã cơ quan gồm 2–32 chữ in hoa, chữ số hoặc dấu gạch dưới (ví dụ SO_TAI_CHINH).",
  codeTaken: "Mã cơ quan này đã được dùng.",
  missing: "Thiếu cơ quan.",
  notFound: "Không tìm thấy cơ quan.",
  closed: "Cơ quan này đã giải thể hoặc sáp nhập; không thể thay đổi.",
  sameName: "Tên mới trùng với tên hiện tại.",
  noIndicators: "Chọn ít nhất một chỉ tiêu.",
  indicatorInvalid: "Chỉ tiêu không hợp lệ.",
} as const;

export const createDepartmentSchema = z.object({
  code: z
    .string({ error: DEPARTMENT_MESSAGES.codeInvalid })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9_]{2,32}$/, DEPARTMENT_MESSAGES.codeInvalid),
  nameVi: text("tên tiếng Việt", 300),
  nameEn: text("tên tiếng Anh", 300),
  validFrom: dayField("Chọn ngày thành lập.", "Ngày thành lập không hợp lệ."),
});

export const renameDepartmentSchema = z.object({
  departmentId: idField(DEPARTMENT_MESSAGES.missing),
  nameVi: text("tên tiếng Việt", 300),
  nameEn: text("tên tiếng Anh", 300),
  reason: optionalReason,
});

export const assignIndicatorsSchema = z.object({
  departmentId: idField(DEPARTMENT_MESSAGES.missing),
  indicatorIds: idList(DEPARTMENT_MESSAGES.indicatorInvalid).refine((ids) => ids.length > 0, DEPARTMENT_MESSAGES.noIndicators),
  reason: optionalReason,
});

export type CreateDepartmentInput = z.input<typeof createDepartmentSchema>;
