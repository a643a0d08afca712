/**
 * Indicator and target forms of /quan-tri/chi-tieu. A target is identified by
 * indicator × level × sector × year; setting one where a current target of the
 * same key exists supersedes it (the old row keeps its values and gets
 * supersededAt), so history stays readable.
 */
import { z } from "@/lib/validations/zod";
import { dayField, isoDay } from "@/lib/validations/admin-common";
import { vietnamDay } from "@/lib/period/vietnam-time";
import { COMPARATORS } from "@/lib/targets/comparator";
import { parseLocaleNumber } from "@/lib/format/number";
import { idField, optionalReason, text, wholeNumber } from "@/lib/validations/admin-common";
import { RETIREMENT_MESSAGES } from "@/lib/targets/retirement";

export const TARGET_YEAR_MIN = 2021;
export const TARGET_YEAR_MAX = 2050;
export const UNIT_LEVELS = ["PROVINCE", "DISTRICT", "COMMUNE"] as const;

export const INDICATOR_MESSAGES = {
  missing: "Thiếu chỉ tiêu.",
  notFound: "Không tìm thấy chỉ tiêu.",
  departmentInvalid: "Chọn cơ quan chịu trách nhiệm.",
  departmentClosed: "Cơ quan này đã giải thể hoặc sáp nhập; chọn cơ quan đang hoạt động.",
  nothingChanged: "Không có thay đổi nào so với hiện tại.",
  levelInvalid: "Chọn cấp áp dụng (tỉnh, huyện hoặc xã).",
  levelNotEntered: "Chỉ tiêu này không nhập số liệu ở cấp đã chọn.",
  sectorInvalid: "Ngành, lĩnh vực không hợp lệ.",
  sectorRequired: "Chỉ tiêu này theo dõi theo ngành, lĩnh vực: chọn một ngành.",
  sectorNotAllowed: "Chỉ tiêu này không theo dõi theo ngành, lĩnh vực.",
  yearInvalid: `Năm mục tiêu phải từ ${TARGET_YEAR_MIN} đến ${TARGET_YEAR_MAX}.`,
  comparatorInvalid: "Chọn cách so sánh (trên, tối thiểu, bằng, tối đa, dưới).",
  valueInvalid: "Giá trị mục tiêu không phải là số (ví dụ 90 hoặc 34,87).",
  valueOrDescription: "Nhập giá trị mục tiêu, hoặc mô tả mục tiêu định tính.",
  percentRange: "Mục tiêu tỷ lệ phải từ 0 đến 100%.",
  targetMissing: "Thiếu mục tiêu.",
  programmeInvalid: "Chương trình không hợp lệ.",
  programmeMissing: "Chưa có chương trình nào của tỉnh đang có hiệu lực; hãy chọn chương trình cho mục tiêu.",
  targetNotCurrent: "Mục tiêu này đã được thay thế hoặc rút; tải lại trang.",
  sameTarget: "Mục tiêu mới giống hệt mục tiêu hiện hành; không có gì để thay đổi.",
  withdrawReason: "Nêu lý do rút mục tiêu (ít nhất 10 ký tự).",
} as const;

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} tối đa ${max.toLocaleString("vi-VN")} ký tự.`)
    .optional()
    .nullable()
    .transform((s) => (s ? s : null));

export const INDICATOR_GROUPS = ["DIGITAL_GOVERNMENT", "DIGITAL_ECONOMY", "DIGITAL_SOCIETY", "INFRASTRUCTURE"] as const;
export const INDICATOR_KINDS = ["RATIO", "COUNT", "CHANGE_VS_BASELINE", "RANK"] as const;
export const PERIOD_BASES = ["QUARTER", "QUARTER_END", "YEAR_TO_DATE"] as const;

export const NEW_INDICATOR_MESSAGES = {
  codeInvalid: "Mã chỉ tiêu gồm chữ in hoa không dấu, số và dấu _, bắt đầu bằng chữ (ví dụ DVC_TOAN_TRINH), tối đa 64 ký tự.",
  codeTaken: "Đã có chỉ tiêu với mã này.",
  groupInvalid: "Chọn nhóm chỉ tiêu.",
  kindInvalid: "Chọn loại chỉ tiêu.",
  directionInvalid: "Chọn chiều tốt: tăng hoặc giảm.",
  levelsMissing: "Chọn ít nhất một cấp nhập số liệu.",
  periodBasisInvalid: "Chọn kỳ mà số liệu mô tả.",
  ratioLabels: "Chỉ tiêu tỷ lệ cần tên tử số và mẫu số.",
  labelsNotRatio: "Chỉ chỉ tiêu tỷ lệ có tử số và mẫu số.",
  yearlyRateRule: "Tỷ lệ năm chỉ dành cho chỉ tiêu tỷ lệ đếm việc trong quý (kỳ: trong quý).",
} as const;

/**
 * What makes an indicator's definition coherent, whatever form it comes in (the admin form,
 * a programme definition file): a rate names its numerator and denominator and nothing else
 * does; a yearly rate is a rate of what happens within each quarter (ADR 028).
 */
export function indicatorDefinitionIssues(i: {
  kind: (typeof INDICATOR_KINDS)[number];
  numeratorLabelVi: string | null;
  denominatorLabelVi: string | null;
  yearlyRate: boolean;
  periodBasis: (typeof PERIOD_BASES)[number];
}): { path: string[]; message: string }[] {
  const issues: { path: string[]; message: string }[] = [];
  const ratio = i.kind === "RATIO";
  if (ratio && (i.numeratorLabelVi === null || i.denominatorLabelVi === null)) {
    issues.push({ path: [i.numeratorLabelVi === null ? "numeratorLabelVi" : "denominatorLabelVi"], message: NEW_INDICATOR_MESSAGES.ratioLabels });
  }
  if (!ratio && (i.numeratorLabelVi !== null || i.denominatorLabelVi !== null)) {
    issues.push({ path: [i.numeratorLabelVi !== null ? "numeratorLabelVi" : "denominatorLabelVi"], message: NEW_INDICATOR_MESSAGES.labelsNotRatio });
  }
  if (i.yearlyRate && !(ratio && i.periodBasis === "QUARTER")) issues.push({ path: ["yearlyRate"], message: NEW_INDICATOR_MESSAGES.yearlyRateRule });
  return issues;
}

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

/** An indicator's code: capitals, digits and _, a letter first (DVC_L4_SHARE). */
export const INDICATOR_CODE = /^[A-Z][A-Z0-9_]{1,63}$/;

/**
 * The fields of an indicator's definition that read the same from the admin form and from a
 * programme definition file (lib/programme-file/schema.ts): each form adds its own ways of
 * writing the rest (checkboxes and ids in the form; booleans, arrays and codes in the file).
 */
export const INDICATOR_DEFINITION_FIELDS = {
  nameVi: text("tên tiếng Việt", 500),
  nameEn: text("tên tiếng Anh", 500),
  group: z.enum(INDICATOR_GROUPS, { error: NEW_INDICATOR_MESSAGES.groupInvalid }),
  kind: z.enum(INDICATOR_KINDS, { error: NEW_INDICATOR_MESSAGES.kindInvalid }),
  unitVi: text("đơn vị tính (tiếng Việt)", 50),
  unitEn: text("đơn vị tính (tiếng Anh)", 50),
  direction: z.enum(["INCREASE", "DECREASE"], { error: NEW_INDICATOR_MESSAGES.directionInvalid }),
  periodBasis: z.enum(PERIOD_BASES, { error: NEW_INDICATOR_MESSAGES.periodBasisInvalid }),
  methodologyVi: text("phương pháp tính (tiếng Việt)", 10_000),
  methodologyEn: text("phương pháp tính (tiếng Anh)", 10_000),
  sourceVi: text("nguồn", 1000),
};

/** A new indicator of the catalogue (issue #15, item 2): what the resolution's were seeded with. */
export const createIndicatorSchema = z
  .object({
    code: z.string({ error: NEW_INDICATOR_MESSAGES.codeInvalid }).trim().regex(INDICATOR_CODE, NEW_INDICATOR_MESSAGES.codeInvalid),
    ...INDICATOR_DEFINITION_FIELDS,
    numeratorLabelVi: optionalText(500, "Tên tử số"),
    denominatorLabelVi: optionalText(500, "Tên mẫu số"),
    levels: z
      .preprocess((v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(UNIT_LEVELS, { error: INDICATOR_MESSAGES.levelInvalid })))
      .transform((l) => UNIT_LEVELS.filter((x) => l.includes(x)))
      .refine((l) => l.length > 0, NEW_INDICATOR_MESSAGES.levelsMissing),
    bySector: checkbox,
    yearlyRate: checkbox,
    responsibleDepartmentId: idField(INDICATOR_MESSAGES.departmentInvalid),
  })
  .superRefine((i, ctx) => {
    for (const issue of indicatorDefinitionIssues(i)) ctx.addIssue({ code: "custom", ...issue });
  });

export const updateIndicatorSchema = z.object({
  indicatorId: idField(INDICATOR_MESSAGES.missing),
  nameVi: text("tên tiếng Việt", 500),
  nameEn: text("tên tiếng Anh", 500),
  methodologyVi: text("phương pháp tính (tiếng Việt)", 10_000),
  methodologyEn: text("phương pháp tính (tiếng Anh)", 10_000),
  responsibleDepartmentId: idField(INDICATOR_MESSAGES.departmentInvalid),
  reason: optionalReason,
});

/** "90", "34,87", "1.650" or empty (a qualitative target). */
const targetValue = z.preprocess(
  (v) => (v === "" || v === undefined ? null : v),
  z
    .union([z.number(), z.string()], { error: INDICATOR_MESSAGES.valueInvalid })
    .nullable()
    .transform((v, ctx) => {
      if (v === null) return null;
      const n = typeof v === "number" ? v : parseLocaleNumber(v);
      if (n === null || !Number.isFinite(n) || Math.abs(n) >= 1e15) {
        ctx.addIssue({ code: "custom", message: INDICATOR_MESSAGES.valueInvalid });
        return z.NEVER;
      }
      return n;
    }),
);


export const setTargetSchema = z
  .object({
    indicatorId: idField(INDICATOR_MESSAGES.missing),
    /** The programme that sets it; absent: the province's programme in force (issue #15). */
    programmeId: z.preprocess((v) => (v === "" || v === undefined ? null : v), idField(INDICATOR_MESSAGES.programmeInvalid).nullable()),
    level: z.enum(UNIT_LEVELS, { error: INDICATOR_MESSAGES.levelInvalid }),
    sectorId: z.preprocess(
      (v) => (v === "" || v === undefined ? null : v),
      wholeNumber(INDICATOR_MESSAGES.sectorInvalid).nullable(),
    ),
    year: wholeNumber(INDICATOR_MESSAGES.yearInvalid, TARGET_YEAR_MIN, TARGET_YEAR_MAX),
    comparator: z.enum(COMPARATORS as readonly ["GT", "GTE", "EQ", "LTE", "LT"], { error: INDICATOR_MESSAGES.comparatorInvalid }),
    value: targetValue,
    descriptionVi: optionalText(2000, "Mô tả"),
    sourceClauseVi: text("trích dẫn căn cứ (điều khoản)", 4000),
    sourceVi: text("văn bản nguồn", 500),
    reason: optionalReason,
  })
  .superRefine((t, ctx) => {
    if (t.value === null && t.descriptionVi === null) ctx.addIssue({ code: "custom", path: ["value"], message: INDICATOR_MESSAGES.valueOrDescription });
  });

export const withdrawTargetSchema = z.object({
  targetId: idField(INDICATOR_MESSAGES.targetMissing),
  reason: z.string({ error: INDICATOR_MESSAGES.withdrawReason }).trim().min(10, INDICATOR_MESSAGES.withdrawReason).max(1000, "Lý do tối đa 1.000 ký tự."),
});

export type SetTargetInput = z.input<typeof setTargetSchema>;
export type UpdateIndicatorInput = z.input<typeof updateIndicatorSchema>;

// ---------------------------------------------------------------- retiring an indicator (issue #15, item 2)

/** Retires an indicator from a quarter on (lib/targets/retirement.ts): year and quarter as the form sends them. */
export const retireIndicatorSchema = z.object({
  indicatorId: idField(INDICATOR_MESSAGES.missing),
  year: wholeNumber(RETIREMENT_MESSAGES.yearInvalid, TARGET_YEAR_MIN, TARGET_YEAR_MAX),
  quarter: wholeNumber(RETIREMENT_MESSAGES.quarterInvalid, 1, 4),
  reason: z.string({ error: RETIREMENT_MESSAGES.reason }).trim().min(10, RETIREMENT_MESSAGES.reason).max(1000, "Lý do tối đa 1.000 ký tự."),
});

/** Tracks a retired indicator again. */
export const reinstateIndicatorSchema = z.object({
  indicatorId: idField(INDICATOR_MESSAGES.missing),
  reason: optionalReason,
});

// ---------------------------------------------------------------- baselines (issue #15, item 2; ADR 032)

/** The earliest day a baseline may describe: nothing the tracker follows is older. */
export const BASELINE_DAY_MIN = "2000-01-01";

export const BASELINE_MESSAGES = {
  missing: "Thiếu mức gốc.",
  levelNotEntered: "Chỉ tiêu này không nhập số liệu ở cấp đã chọn; chọn một cấp nhập số liệu hoặc cấp tỉnh.",
  valueMissing: "Nhập giá trị mức gốc.",
  valueInvalid: "Giá trị mức gốc không phải là số (ví dụ 1.650 hoặc 34,87).",
  percentRange: "Mức gốc tỷ lệ phải từ 0 đến 100%.",
  dateMissing: "Nhập ngày của mức gốc.",
  dateInvalid: "Ngày của mức gốc không hợp lệ: chọn một ngày có thật.",
  dateTooEarly: "Ngày của mức gốc không được trước 01/01/2000.",
  dateFuture: "Ngày của mức gốc không được sau hôm nay.",
  notCurrent: "Mức gốc này đã được thay thế hoặc rút; tải lại trang.",
  same: "Mức gốc mới giống hệt mức gốc hiện hành; không có gì để thay đổi.",
  withdrawReason: "Nêu lý do rút mức gốc (ít nhất 10 ký tự).",
} as const;

/**
 * A baseline: indicator × level × sector has at most one current (setting one where one is current
 * replaces it; the old row stays as history). Its day is a real day from 2000 to today in Vietnam.
 */
export const setBaselineSchema = z
  .object({
    indicatorId: idField(INDICATOR_MESSAGES.missing),
    level: z.enum(UNIT_LEVELS, { error: INDICATOR_MESSAGES.levelInvalid }),
    sectorId: z.preprocess((v) => (v === "" || v === undefined ? null : v), wholeNumber(INDICATOR_MESSAGES.sectorInvalid).nullable()),
    /** "34,87", "1.650" or a number. */
    value: z.preprocess(
      (v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? undefined : v),
      z.union([z.number(), z.string()], { error: (i) => (i.input === undefined ? BASELINE_MESSAGES.valueMissing : BASELINE_MESSAGES.valueInvalid) }).transform((v, ctx) => {
        const n = typeof v === "number" ? v : parseLocaleNumber(v);
        if (n === null || !Number.isFinite(n) || Math.abs(n) >= 1e15) {
          ctx.addIssue({ code: "custom", message: BASELINE_MESSAGES.valueInvalid });
          return z.NEVER;
        }
        return n;
      }),
    ),
    date: dayField(BASELINE_MESSAGES.dateMissing, BASELINE_MESSAGES.dateInvalid),
    dateAssumed: checkbox,
    sourceClauseVi: text("trích dẫn căn cứ (điều khoản)", 4000),
    sourceVi: text("văn bản nguồn", 500),
    reason: optionalReason,
  })
  .superRefine((b, ctx) => {
    const day = isoDay(b.date);
    if (day < BASELINE_DAY_MIN) ctx.addIssue({ code: "custom", path: ["date"], message: BASELINE_MESSAGES.dateTooEarly });
    // The day in Vietnam (UTC+7): at 06:00 Vietnam time it is still yesterday in UTC.
    else if (day > vietnamDay(new Date())) ctx.addIssue({ code: "custom", path: ["date"], message: BASELINE_MESSAGES.dateFuture });
  });

export const withdrawBaselineSchema = z.object({
  baselineId: idField(BASELINE_MESSAGES.missing),
  reason: z.string({ error: BASELINE_MESSAGES.withdrawReason }).trim().min(10, BASELINE_MESSAGES.withdrawReason).max(1000, "Lý do tối đa 1.000 ký tự."),
});

export type SetBaselineInput = z.input<typeof setBaselineSchema>;
