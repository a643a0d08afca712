/**
 * Forms of /quan-tri/don-vi: importing a GSO unit list (and its succession
 * list) effective from a date, and closing one unit with its successors.
 * The CSV contents are checked row by row by lib/geography/unit-csv.ts.
 */
import { z } from "@/lib/validations/zod";
import { dayField, idField, optionalReason } from "@/lib/validations/admin-common";

/**
 * Both files together, as they travel in one server-action request (Next.js
 * reads at most 1 MB): a province's lists many times over; a whole-country
 * unit list (10.047 rows, ≈ 460 kB) fits.
 */
export const IMPORT_MAX_CHARS = 900_000;

export const UNIT_MESSAGES = {
  unitsMissing: "Chọn tệp danh sách đơn vị hành chính (CSV).",
  tooLarge: "Tệp quá lớn (hai tệp cộng lại tối đa 900 kB); hãy chỉ giữ các đơn vị của tỉnh.",
  unitMissing: "Chọn đơn vị cần chấm dứt.",
  successorInvalid: "Đơn vị kế thừa không hợp lệ.",
  kindInvalid: "Chọn kiểu kế thừa (toàn bộ hoặc một phần).",
  duplicateSuccessor: "Một đơn vị kế thừa được chọn hai lần.",
} as const;

export const importUnitsSchema = z
  .object({
  effectiveDate: dayField("Chọn ngày có hiệu lực.", "Ngày có hiệu lực không hợp lệ."),
  unitsCsv: z.string({ error: UNIT_MESSAGES.unitsMissing }).min(1, UNIT_MESSAGES.unitsMissing).max(IMPORT_MAX_CHARS, UNIT_MESSAGES.tooLarge),
  successionsCsv: z
    .string()
    .max(IMPORT_MAX_CHARS, UNIT_MESSAGES.tooLarge)
    .optional()
    .nullable()
    .transform((s) => (s && s.trim() ? s : null)),
  reason: optionalReason,
  })
  .refine((v) => v.unitsCsv.length + (v.successionsCsv?.length ?? 0) <= IMPORT_MAX_CHARS, { path: ["unitsCsv"], message: UNIT_MESSAGES.tooLarge });

export const closeUnitSchema = z.object({
  unitId: idField(UNIT_MESSAGES.unitMissing),
  /** The unit's last day (inclusive); successors take over the next day. */
  validTo: dayField("Chọn ngày cuối cùng đơn vị còn hiệu lực.", "Ngày chấm dứt không hợp lệ."),
  successors: z
    .array(
      z.object({
        unitId: idField(UNIT_MESSAGES.successorInvalid),
        kind: z.enum(["FULL", "PARTIAL"], { error: UNIT_MESSAGES.kindInvalid }),
      }),
      { error: UNIT_MESSAGES.successorInvalid },
    )
    .max(50, "Tối đa 50 đơn vị kế thừa.")
    .refine((list) => new Set(list.map((s) => s.unitId)).size === list.length, UNIT_MESSAGES.duplicateSuccessor),
  reason: optionalReason,
});

export const WEIGHT_MESSAGES = {
  successionMissing: "Thiếu quan hệ kế thừa.",
  successionNotFound: "Không tìm thấy quan hệ kế thừa.",
  notPartial: "Chỉ quan hệ kế thừa một phần mới có hệ số phân bổ.",
  percentInvalid: "Tỷ lệ phân bổ là một số lớn hơn 0 và nhỏ hơn 100 (%), ví dụ 35 hoặc 35,5; để trống để xóa.",
  overOne: (total: string) => `Tổng tỷ lệ phân bổ của đơn vị cũ này cho các đơn vị kế thừa sẽ là ${total}%, vượt 100%.`,
  sameWeight: "Tỷ lệ phân bổ không thay đổi.",
} as const;

/**
 * A percentage as typed in Vietnam ("35", "35,5", "35.5", "35 %"); empty: no weight (unknown).
 * Returned as the share (0.355), with six decimals at most (the column's scale).
 */
const weightPercent = z.preprocess(
  (v) => {
    // Absent is not "clear": the form always sends the field (empty to clear it).
    if (v === undefined || typeof v === "number") return v;
    if (typeof v !== "string") return v;
    const t = v.trim().replace(/\s*%$/, "");
    if (t === "") return null;
    return /^\d{1,3}([.,]\d{1,4})?$/.test(t) ? Number(t.replace(",", ".")) : v;
  },
  z
    .number({ error: WEIGHT_MESSAGES.percentInvalid })
    .gt(0, WEIGHT_MESSAGES.percentInvalid)
    .lt(100, WEIGHT_MESSAGES.percentInvalid)
    .transform((p) => Math.round(p * 10_000) / 1_000_000)
    .nullable(),
);

export const setSuccessionWeightSchema = z
  .object({
    successionId: idField(WEIGHT_MESSAGES.successionMissing),
    weightPercent,
    sourceVi: z
      .string({ error: "Nguồn không hợp lệ." })
      .trim()
      .max(1000, "Nguồn tối đa 1.000 ký tự.")
      .optional()
      .nullable()
      .transform((s) => (s ? s : null)),
    reason: optionalReason,
  })
  .superRefine((d, ctx) => {
    // A weight needs its source: a share that nobody can check is not a statistic.
    if (d.weightPercent !== null && d.sourceVi === null) ctx.addIssue({ code: "custom", path: ["sourceVi"], message: "Nhập nguồn của tỷ lệ phân bổ (dân số, diện tích… và văn bản)." });
  });

export type ImportUnitsInput = z.input<typeof importUnitsSchema>;
export type CloseUnitInput = z.input<typeof closeUnitSchema>;
