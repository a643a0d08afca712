/**
 * A programme definition file (issue #15, item 3; ADR 033): the whole programme a planning office
 * fills in — the programme, the indicators it uses, its targets and the baselines — as one JSON
 * document. This zod schema is the single source: the JSON Schema published at
 * /api/v1/schemas/programme.json is generated from it (`programmeFileJsonSchema`), the
 * spreadsheet's sheets are read into this shape (./xlsx.ts), and the import parses every file
 * with it before any rule that needs the database (lib/services/programme-import.ts).
 *
 * Plain JSON types only, no transforms: a document valid here is valid against the published
 * schema and the other way round (cross-field rules, which JSON Schema does not carry, are the
 * superRefine's and are reported the same way).
 */
import { z } from "@/lib/validations/zod";
import { BASELINE_MESSAGES, INDICATOR_CODE, INDICATOR_DEFINITION_FIELDS, INDICATOR_MESSAGES, NEW_INDICATOR_MESSAGES, TARGET_YEAR_MAX, TARGET_YEAR_MIN, UNIT_LEVELS, indicatorDefinitionIssues } from "@/lib/validations/admin-indicators";
import { text } from "@/lib/validations/admin-common";
import { PROGRAMME_MESSAGES, PROGRAMME_SCOPES, PROGRAMME_STATUSES } from "@/lib/validations/admin-programmes";

/** The version of the file format; a later, incompatible shape gets 2. */
export const PROGRAMME_FILE_FORMAT = 1;
/** Where the JSON Schema is published (its $id is this path on the deployment's origin). */
export const PROGRAMME_SCHEMA_PATH = "/api/v1/schemas/programme.json";

export const FILE_MESSAGES = {
  formatVersion: `Phiên bản định dạng tệp phải là ${PROGRAMME_FILE_FORMAT}.`,
  provinceCode: "Chương trình của tỉnh cần mã tỉnh (mã GSO, ví dụ 19); chương trình quốc gia để trống.",
  provinceCodeNational: "Chương trình quốc gia không có mã tỉnh; hãy để trống.",
  departmentCode: "Mã cơ quan chịu trách nhiệm gồm chữ in hoa không dấu, số và dấu _ (ví dụ SO_KHCN).",
  sectorCode: "Mã ngành gồm chữ, số và dấu _ (tối đa 32 ký tự), hoặc để trống.",
  indicatorCode: NEW_INDICATOR_MESSAGES.codeInvalid,
  boolean: "Ghi có hoặc không.",
  day: "Ngày ghi dạng năm-tháng-ngày, ví dụ 2026-10-15.",
  baselineValue: "Giá trị mức gốc phải là một số (ví dụ 1.650 hoặc 34,87).",
  tooMany: (max: number, what: string) => `Tối đa ${max.toLocaleString("vi-VN")} ${what} trong một tệp.`,
  duplicateIndicator: (code: string) => `Chỉ tiêu “${code}” xuất hiện hai lần.`,
  unlistedIndicator: (code: string) => `Chỉ tiêu “${code}” không có trong phần Chỉ tiêu của tệp; hãy thêm một dòng cho nó.`,
  levelNotEntered: (code: string) => `Chỉ tiêu “${code}” không nhập số liệu ở cấp này (xem cột Cấp nhập số liệu của nó).`,
  duplicateTarget: "Trùng mục tiêu: cùng chỉ tiêu, cấp, ngành và năm đã có ở dòng trước.",
  duplicateBaseline: "Trùng mức gốc: cùng chỉ tiêu, cấp và ngành đã có ở dòng trước (mỗi chỉ tiêu, cấp, ngành chỉ có một mức gốc hiện hành).",
  sectorRequired: INDICATOR_MESSAGES.sectorRequired,
  sectorNotAllowed: INDICATOR_MESSAGES.sectorNotAllowed,
  answersSelf: "Mục tiêu không thể đáp ứng một mục tiêu của chính chương trình này.",
  answersOtherFigure: "Mục tiêu chỉ đáp ứng mục tiêu của cùng chỉ tiêu, cấp và ngành, để hai mục tiêu đo cùng một số liệu (ADR 032).",
  percentRange: INDICATOR_MESSAGES.percentRange,
  baselinePercentRange: BASELINE_MESSAGES.percentRange,
  yearOutside: "Năm mục tiêu nằm ngoài giai đoạn của chương trình (từ năm bắt đầu đến năm định hướng).",
} as const;

/** At most this many rows per part: a resolution has tens of indicators, not thousands. */
export const PROGRAMME_FILE_LIMITS = { indicators: 500, targets: 5_000, baselines: 5_000 } as const;

const optionalText = (label: string, max: number) =>
  z.string({ error: `${label[0]!.toUpperCase()}${label.slice(1)} phải là chữ.` }).trim().min(1, `${label} để trống (null) thay vì chuỗi rỗng.`).max(max, `${label} tối đa ${max.toLocaleString("vi-VN")} ký tự.`).nullable();
const int = (message: string, min: number, max: number) => z.number({ error: message }).int(message).min(min, message).max(max, message);
const day = z
  .string({ error: FILE_MESSAGES.day })
  .regex(/^\d{4}-\d{2}-\d{2}$/, FILE_MESSAGES.day)
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, FILE_MESSAGES.day);
const bool = z.boolean({ error: FILE_MESSAGES.boolean });
const level = z.enum(UNIT_LEVELS, { error: INDICATOR_MESSAGES.levelInvalid });
const indicatorCode = z.string({ error: FILE_MESSAGES.indicatorCode }).regex(INDICATOR_CODE, FILE_MESSAGES.indicatorCode);
const programmeCode = z.string({ error: PROGRAMME_MESSAGES.codeInvalid }).regex(/^[\p{L}\p{N}_./-]{1,64}$/u, PROGRAMME_MESSAGES.codeInvalid);
const sectorCode = z.string({ error: FILE_MESSAGES.sectorCode }).regex(/^[A-Za-z0-9_]{1,32}$/, FILE_MESSAGES.sectorCode).nullable();
const year = int(PROGRAMME_MESSAGES.yearInvalid, 2000, 2100);
const targetYear = int(INDICATOR_MESSAGES.yearInvalid, TARGET_YEAR_MIN, TARGET_YEAR_MAX);
const amount = (message: string) => z.number({ error: message }).refine((n) => Number.isFinite(n) && Math.abs(n) < 1e15, message);

export const programmePartSchema = z
  .object({
    code: programmeCode.meta({ description: "The document's number as written, e.g. 05-NQ/TU." }),
    titleVi: text("tên chương trình (tiếng Việt)", 500),
    titleEn: text("tên chương trình (tiếng Anh)", 500),
    issuerVi: text("cơ quan ban hành", 300),
    issuedOn: day.nullable().meta({ description: "YYYY-MM-DD; null when the source does not give the day." }),
    startYear: year,
    endYear: year,
    visionYear: year.nullable().meta({ description: "“định hướng đến năm …”: the horizon of its vision targets, if any." }),
    scope: z.enum(PROGRAMME_SCOPES, { error: PROGRAMME_MESSAGES.scopeInvalid }),
    provinceCode: z.string({ error: FILE_MESSAGES.provinceCode }).regex(/^\d{2}$/, FILE_MESSAGES.provinceCode).nullable().meta({ description: "GSO code of the province of a PROVINCE programme; null for a NATIONAL one." }),
    status: z.enum(PROGRAMME_STATUSES, { error: PROGRAMME_MESSAGES.statusInvalid }),
    supersededByCode: programmeCode.nullable().meta({ description: "The programme that superseded it: set exactly when status is SUPERSEDED." }),
    sourceVi: text("nguồn", 1000),
  })
  .strict();

export const indicatorPartSchema = z
  .object({
    code: indicatorCode,
    ...INDICATOR_DEFINITION_FIELDS,
    numeratorLabelVi: optionalText("tên tử số", 500).meta({ description: "A RATIO's numerator; null for other kinds." }),
    denominatorLabelVi: optionalText("tên mẫu số", 500),
    levels: z.array(level, { error: NEW_INDICATOR_MESSAGES.levelsMissing }).min(1, NEW_INDICATOR_MESSAGES.levelsMissing).max(3, NEW_INDICATOR_MESSAGES.levelsMissing),
    bySector: bool,
    yearlyRate: bool,
    responsibleDepartmentCode: z.string({ error: FILE_MESSAGES.departmentCode }).regex(/^[A-Z0-9_]{2,32}$/, FILE_MESSAGES.departmentCode),
  })
  .strict()
  .superRefine((i, ctx) => {
    for (const issue of indicatorDefinitionIssues(i)) ctx.addIssue({ code: "custom", ...issue });
    if (new Set(i.levels).size !== i.levels.length) ctx.addIssue({ code: "custom", path: ["levels"], message: NEW_INDICATOR_MESSAGES.levelsMissing });
  });

/** The target of another programme this one answers: found by its key in that programme. */
export const answersSchema = z
  .object({
    programmeCode,
    indicatorCode,
    level,
    sectorCode,
    year: targetYear,
  })
  .strict();

export const targetPartSchema = z
  .object({
    indicatorCode,
    level,
    sectorCode,
    year: targetYear,
    comparator: z.enum(["GT", "GTE", "EQ", "LTE", "LT"], { error: INDICATOR_MESSAGES.comparatorInvalid }),
    value: amount(INDICATOR_MESSAGES.valueInvalid).nullable().meta({ description: "Null for a qualitative target (then descriptionVi says what is aimed at); a RATIO's value is in percent." }),
    descriptionVi: optionalText("mô tả", 2000),
    sourceClauseVi: text("trích dẫn căn cứ (điều khoản)", 4000),
    sourceVi: text("văn bản nguồn", 500),
    answers: answersSchema.nullable(),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.value === null && t.descriptionVi === null) ctx.addIssue({ code: "custom", path: ["value"], message: INDICATOR_MESSAGES.valueOrDescription });
  });

export const baselinePartSchema = z
  .object({
    indicatorCode,
    level,
    sectorCode,
    value: amount(FILE_MESSAGES.baselineValue),
    date: day.meta({ description: "The day the baseline describes." }),
    dateAssumed: bool.meta({ description: "The day is an assumption (the source is undated)." }),
    sourceClauseVi: text("trích dẫn căn cứ (điều khoản)", 4000),
    sourceVi: text("văn bản nguồn", 500),
  })
  .strict();

const key = (...parts: unknown[]) => JSON.stringify(parts);

export const programmeFileSchema = z
  .object({
    $schema: z.string().optional(),
    formatVersion: z.literal(PROGRAMME_FILE_FORMAT, { error: FILE_MESSAGES.formatVersion }),
    programme: programmePartSchema,
    indicators: z.array(indicatorPartSchema).max(PROGRAMME_FILE_LIMITS.indicators, FILE_MESSAGES.tooMany(PROGRAMME_FILE_LIMITS.indicators, "chỉ tiêu")),
    targets: z.array(targetPartSchema).max(PROGRAMME_FILE_LIMITS.targets, FILE_MESSAGES.tooMany(PROGRAMME_FILE_LIMITS.targets, "mục tiêu")),
    baselines: z.array(baselinePartSchema).max(PROGRAMME_FILE_LIMITS.baselines, FILE_MESSAGES.tooMany(PROGRAMME_FILE_LIMITS.baselines, "mức gốc")),
  })
  .strict()
  .superRefine((f, ctx) => {
    const p = f.programme;
    if (p.endYear < p.startYear) ctx.addIssue({ code: "custom", path: ["programme", "endYear"], message: PROGRAMME_MESSAGES.endBeforeStart });
    if (p.visionYear !== null && p.visionYear < p.endYear) ctx.addIssue({ code: "custom", path: ["programme", "visionYear"], message: PROGRAMME_MESSAGES.visionBeforeEnd });
    if (p.scope === "PROVINCE" && p.provinceCode === null) ctx.addIssue({ code: "custom", path: ["programme", "provinceCode"], message: FILE_MESSAGES.provinceCode });
    if (p.status === "SUPERSEDED" && p.supersededByCode === null) ctx.addIssue({ code: "custom", path: ["programme", "supersededByCode"], message: PROGRAMME_MESSAGES.successorMissing });
    if (p.status !== "SUPERSEDED" && p.supersededByCode !== null) ctx.addIssue({ code: "custom", path: ["programme", "supersededByCode"], message: PROGRAMME_MESSAGES.successorNotAllowed });
    if (p.supersededByCode !== null && p.supersededByCode === p.code) ctx.addIssue({ code: "custom", path: ["programme", "supersededByCode"], message: PROGRAMME_MESSAGES.successorSelf });
    if (p.scope === "NATIONAL" && p.provinceCode !== null) ctx.addIssue({ code: "custom", path: ["programme", "provinceCode"], message: FILE_MESSAGES.provinceCodeNational });

    // Every target and baseline names an indicator of the file: the file says which indicators the programme uses.
    const indicators = new Map<string, (typeof f.indicators)[number]>();
    f.indicators.forEach((i, n) => {
      if (indicators.has(i.code)) ctx.addIssue({ code: "custom", path: ["indicators", n, "code"], message: FILE_MESSAGES.duplicateIndicator(i.code) });
      else indicators.set(i.code, i);
    });
    const checkRow = (part: "targets" | "baselines", n: number, row: { indicatorCode: string; level: string; sectorCode: string | null }) => {
      const indicator = indicators.get(row.indicatorCode);
      if (!indicator) return ctx.addIssue({ code: "custom", path: [part, n, "indicatorCode"], message: FILE_MESSAGES.unlistedIndicator(row.indicatorCode) });
      // A baseline may also describe the province, where every level's figures roll up (as in the admin form).
      const levelOk = (indicator.levels as string[]).includes(row.level) || (part === "baselines" && row.level === "PROVINCE");
      if (!levelOk) ctx.addIssue({ code: "custom", path: [part, n, "level"], message: FILE_MESSAGES.levelNotEntered(row.indicatorCode) });
      if (indicator.bySector && row.sectorCode === null) ctx.addIssue({ code: "custom", path: [part, n, "sectorCode"], message: FILE_MESSAGES.sectorRequired });
      if (!indicator.bySector && row.sectorCode !== null) ctx.addIssue({ code: "custom", path: [part, n, "sectorCode"], message: FILE_MESSAGES.sectorNotAllowed });
      return indicator;
    };
    const targetKeys = new Set<string>();
    f.targets.forEach((t, n) => {
      const indicator = checkRow("targets", n, t);
      if (indicator?.kind === "RATIO" && t.value !== null && (t.value < 0 || t.value > 100)) ctx.addIssue({ code: "custom", path: ["targets", n, "value"], message: FILE_MESSAGES.percentRange });
      if (t.year < p.startYear || t.year > Math.max(p.endYear, p.visionYear ?? p.endYear)) ctx.addIssue({ code: "custom", path: ["targets", n, "year"], message: FILE_MESSAGES.yearOutside });
      if (t.answers !== null && t.answers.programmeCode === p.code) ctx.addIssue({ code: "custom", path: ["targets", n, "answers", "programmeCode"], message: FILE_MESSAGES.answersSelf });
      // A national line is shown beside the provincial goal's figure: it must measure that figure.
      if (t.answers !== null && (t.answers.indicatorCode !== t.indicatorCode || t.answers.level !== t.level || t.answers.sectorCode !== t.sectorCode)) {
        ctx.addIssue({ code: "custom", path: ["targets", n, "answers", "indicatorCode"], message: FILE_MESSAGES.answersOtherFigure });
      }
      const k = key(t.indicatorCode, t.level, t.sectorCode, t.year);
      if (targetKeys.has(k)) ctx.addIssue({ code: "custom", path: ["targets", n], message: FILE_MESSAGES.duplicateTarget });
      targetKeys.add(k);
    });
    const baselineKeys = new Set<string>();
    f.baselines.forEach((b, n) => {
      const indicator = checkRow("baselines", n, b);
      if (indicator?.kind === "RATIO" && (b.value < 0 || b.value > 100)) ctx.addIssue({ code: "custom", path: ["baselines", n, "value"], message: FILE_MESSAGES.baselinePercentRange });
      // One current baseline per indicator × level × sector (ADR 032): two in one file would leave unsaid which one holds.
      const k = key(b.indicatorCode, b.level, b.sectorCode);
      if (baselineKeys.has(k)) ctx.addIssue({ code: "custom", path: ["baselines", n], message: FILE_MESSAGES.duplicateBaseline });
      baselineKeys.add(k);
    });
  });

export type ProgrammeFile = z.infer<typeof programmeFileSchema>;
export type ProgrammePart = ProgrammeFile["programme"];
export type IndicatorPart = ProgrammeFile["indicators"][number];
export type TargetPart = ProgrammeFile["targets"][number];
export type BaselinePart = ProgrammeFile["baselines"][number];

/** The published JSON Schema (draft 2020-12), generated from programmeFileSchema. */
export function programmeFileJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(programmeFileSchema, { target: "draft-2020-12" }) as Record<string, unknown>;
  return {
    ...generated,
    $id: PROGRAMME_SCHEMA_PATH,
    title: "dx-tracker programme definition file — Tệp định nghĩa chương trình",
    description:
      "A whole programme: the programme, the indicators it uses (created in the shared catalogue when new, referenced by code when they exist), its targets and the baselines. " +
      "Rules JSON Schema cannot state are checked on import: every target and baseline names an indicator listed in the file, at one of its levels, with a sector exactly when it is by sector; a rate's target is 0–100; no two targets share indicator × level × sector × year; no two baselines share indicator × level × sector. " +
      "The .xlsx form has one sheet per part with the same fields (see its “Hướng dẫn” sheet).",
  };
}
