/**
 * Import of a programme definition file (issue #15, item 3; ADR 033): a planning office's
 * .xlsx or .json → a preview (what would be created, every problem by sheet, row and column) →
 * a commit that writes the programme, its new indicators, targets and baselines with their audit
 * rows in one transaction, or nothing.
 *
 * The rules beyond the file's own schema (lib/programme-file/schema.ts), which need the database:
 * - a programme code that exists is refused: a file creates a programme, it never edits one
 *   (status changes and target changes are the forms', which audit each with its reason);
 * - an indicator code that exists is referenced, never modified: a differing definition that
 *   changes what figures mean (kind, unit, levels, sectors, period, direction) is an error, a
 *   differing text (names, methodology, source, group, department) a warning that it stays as it is;
 *   its baselines in the file are not written (one that differs from its current baseline is a warning:
 *   a baseline is changed in the indicator's administration page, versioned, ADR 032);
 * - a new indicator's department must exist and be open; every sector code must exist;
 * - a PROVINCE programme is this deployment's province's (DX_PROVINCE_CODE);
 * - a target that answers another programme's target names a current target of it.
 */
import { createHash } from "node:crypto";
import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { HOME_PROVINCE_CODE } from "@/lib/geography";
import { programmeWithSameSlug } from "@/lib/data/programmes";
import { PROGRAMME_MESSAGES } from "@/lib/validations/admin-programmes";
import { writeAudit, writeAuditMany } from "@/lib/audit";
import { authorizeInput, commitWrite, type Tx } from "@/lib/services/write";
import { z } from "@/lib/validations/zod";
import { readProgrammeWorkbookIsolated } from "@/lib/import/parse-isolated";
import { readProgrammeFile, sortIssues, type FileFormat } from "@/lib/programme-file/read";
import type { IndicatorPart, ProgrammeFile } from "@/lib/programme-file/schema";
import { PROGRAMME_XLSX_LIMITS, PROGRAMME_XLSX_LIMITS_TEXT, SHEET_BY_PART, type PartKey } from "@/lib/programme-file/sheets";
import type { FileIssue, RawWorkbook } from "@/lib/programme-file/xlsx";
import { RETIREMENT_MESSAGES, retiredFromQuarter, targetYearTracked } from "@/lib/targets/retirement";

export const PROGRAMME_IMPORT_MESSAGES = {
  fileMissing: "Hãy chọn một tệp .xlsx hoặc .json.",
  tooLarge: `Tệp quá lớn; giới hạn là ${PROGRAMME_XLSX_LIMITS_TEXT}.`,
  codeTaken: (code: string) => `Đã có chương trình ${code}. Tệp chỉ tạo chương trình mới, không sửa chương trình đã có; hãy đổi số hiệu hoặc sửa chương trình ở trang này.`,
  successorUnknown: (code: string) => `Không có chương trình ${code} để ghi là chương trình thay thế.`,
  otherProvince: (code: string) => `Hệ thống này theo dõi tỉnh có mã ${HOME_PROVINCE_CODE}; chương trình của tỉnh có mã ${code} không nhập được ở đây.`,
  departmentUnknown: (code: string) => `Không có cơ quan mã “${code}” trong danh mục cơ quan.`,
  departmentClosed: (code: string) => `Cơ quan “${code}” đã giải thể hoặc sáp nhập; hãy chọn cơ quan đang hoạt động.`,
  sectorUnknown: (code: string) => `Mã ngành “${code}” không có trong danh mục ngành, lĩnh vực.`,
  indicatorDiffers: (field: string, stored: string, file: string) =>
    `Chỉ tiêu đã có trong danh mục với ${field} “${stored}”, tệp ghi “${file}”. Chỉ tiêu đã có chỉ được tham chiếu, không sửa bằng tệp; hãy ghi đúng như danh mục hoặc dùng mã mới.`,
  indicatorTextDiffers: (field: string) => `Chỉ tiêu đã có trong danh mục: ${field} trong tệp khác danh mục và sẽ không được cập nhật (sửa ở trang Chỉ tiêu nếu cần).`,
  baselineNotWritten: "Chỉ tiêu đã có trong danh mục: mức gốc này không trùng mức gốc hiện hành của chỉ tiêu và sẽ không được ghi (tệp không sửa chỉ tiêu đã có; thay đổi mức gốc ở trang quản trị chỉ tiêu).",
  answersProgrammeUnknown: (code: string) => `Không có chương trình ${code} để liên kết.`,
  answersTargetUnknown: (code: string) => `Chương trình ${code} không có mục tiêu hiện hành với chỉ tiêu, cấp, ngành và năm này.`,
  invalidFile: (n: number) => `Tệp còn ${n.toLocaleString("vi-VN")} lỗi; không có gì được ghi. Hãy sửa các dòng được nêu rồi tải lên lại.`,
  conflict: "Chương trình hoặc chỉ tiêu vừa được người khác tạo với cùng mã; không có gì được ghi. Hãy xem trước lại tệp.",
} as const;

/** What a service caller gives: the file as uploaded. */
export const programmeImportSchema = z.object({
  fileName: z.string({ error: PROGRAMME_IMPORT_MESSAGES.fileMissing }).trim().min(1, PROGRAMME_IMPORT_MESSAGES.fileMissing).max(200),
  bytes: z
    .instanceof(Uint8Array, { error: PROGRAMME_IMPORT_MESSAGES.fileMissing })
    .refine((b) => b.length > 0, PROGRAMME_IMPORT_MESSAGES.fileMissing)
    .refine((b) => b.length <= PROGRAMME_XLSX_LIMITS.bytes, PROGRAMME_IMPORT_MESSAGES.tooLarge),
});
export type ProgrammeImportInput = z.input<typeof programmeImportSchema>;

export interface ProgrammeImportCounts {
  newIndicators: number;
  existingIndicators: number;
  targets: number;
  baselines: number;
  errors: number;
  warnings: number;
}

export interface ProgrammeImportPreview {
  fileName: string;
  format: FileFormat;
  sha256: string;
  /** Null when the file could not be read into a programme at all. */
  programme: { code: string; titleVi: string; startYear: number; endYear: number; visionYear: number | null; scope: "PROVINCE" | "NATIONAL" } | null;
  counts: ProgrammeImportCounts;
  newIndicators: { code: string; nameVi: string }[];
  existingIndicators: { code: string; nameVi: string }[];
  errors: FileIssue[];
  warnings: FileIssue[];
}

export interface ProgrammeImportResult {
  programmeId: number;
  code: string;
  counts: ProgrammeImportCounts;
}

export interface ProgrammeImportOptions {
  /** How an uploaded workbook is read; the app's default is the child process (ADR 018). */
  readWorkbook?: (bytes: Uint8Array) => Promise<RawWorkbook>;
}

type Reader = Pick<Tx, "programme" | "indicator" | "department" | "sector" | "target" | "baseline">;

interface Plan {
  file: ProgrammeFile;
  /** The programme that superseded this one (status SUPERSEDED), or null. */
  successorId: number | null;
  newIndicators: IndicatorPart[];
  departmentIds: Map<string, number>;
  sectorIds: Map<string, number>;
  /** Per target of the file: the id of the target it answers, or null. */
  answers: (number | null)[];
  /** Per baseline of the file: written (a new indicator's) or not. */
  writeBaseline: boolean[];
}

// Fields of an existing indicator that change what its figures and verdicts mean: they must agree.
const STRUCTURAL: { field: keyof IndicatorPart; label: string }[] = [
  { field: "kind", label: "loại" },
  { field: "unitVi", label: "đơn vị tính" },
  { field: "direction", label: "chiều tốt" },
  { field: "levels", label: "cấp nhập số liệu" },
  { field: "bySector", label: "theo ngành" },
  { field: "yearlyRate", label: "tỷ lệ năm" },
  { field: "periodBasis", label: "kỳ số liệu" },
];
const DESCRIPTIVE: { field: keyof IndicatorPart; label: string }[] = [
  { field: "nameVi", label: "tên tiếng Việt" },
  { field: "nameEn", label: "tên tiếng Anh" },
  { field: "group", label: "nhóm" },
  { field: "unitEn", label: "đơn vị tính tiếng Anh" },
  { field: "numeratorLabelVi", label: "tên tử số" },
  { field: "denominatorLabelVi", label: "tên mẫu số" },
  { field: "methodologyVi", label: "phương pháp tính (tiếng Việt)" },
  { field: "methodologyEn", label: "phương pháp tính (tiếng Anh)" },
  { field: "sourceVi", label: "nguồn" },
  { field: "responsibleDepartmentCode", label: "cơ quan chịu trách nhiệm" },
];

const show = (v: unknown) => (Array.isArray(v) ? v.join(", ") : v === true ? "có" : v === false ? "không" : v === null || v === undefined ? "" : String(v));

/**
 * Where a record of the file is, for messages: the spreadsheet's sheet and row (from the
 * reader's line numbers) or the JSON part and item number.
 */
function locator(format: FileFormat, lines: Record<PartKey, number[]> | null) {
  return (part: PartKey, index: number, field: string | null, message: string): FileIssue => {
    const sheet = SHEET_BY_PART[part].sheet;
    if (format === "json") return { sheet, row: part === "programme" ? null : index + 1, column: field, message };
    const header = field === null ? null : (SHEET_BY_PART[part].columns.find((c) => c.field === field)?.header ?? field);
    return { sheet, row: lines?.[part][index] ?? null, column: header, message };
  };
}

/** The rules that need the database, read in `db` (the transaction, on commit). */
async function check(db: Reader, file: ProgrammeFile, at: ReturnType<typeof locator>): Promise<{ plan: Plan; errors: FileIssue[]; warnings: FileIssue[]; existing: { code: string; nameVi: string }[] }> {
  const errors: FileIssue[] = [];
  const warnings: FileIssue[] = [];
  const p = file.programme;
  if (await db.programme.findUnique({ where: { code: p.code }, select: { id: true } })) errors.push(at("programme", 0, "code", PROGRAMME_IMPORT_MESSAGES.codeTaken(p.code)));
  else {
    const sameSlug = await programmeWithSameSlug(db, p.code);
    if (sameSlug) errors.push(at("programme", 0, "code", PROGRAMME_MESSAGES.slugTaken(sameSlug.code, sameSlug.slug)));
  }
  const successor = p.supersededByCode === null ? null : await db.programme.findUnique({ where: { code: p.supersededByCode }, select: { id: true } });
  if (p.supersededByCode !== null && !successor) errors.push(at("programme", 0, "supersededByCode", PROGRAMME_IMPORT_MESSAGES.successorUnknown(p.supersededByCode)));
  if (p.scope === "PROVINCE" && p.provinceCode !== HOME_PROVINCE_CODE) errors.push(at("programme", 0, "provinceCode", PROGRAMME_IMPORT_MESSAGES.otherProvince(p.provinceCode ?? "")));

  const codes = file.indicators.map((i) => i.code);
  const [stored, departments, sectors] = await Promise.all([
    db.indicator.findMany({ where: { code: { in: codes } }, include: { responsibleDepartment: { select: { code: true } } } }),
    db.department.findMany({ select: { id: true, code: true, validTo: true, mergedIntoId: true } }),
    db.sector.findMany({ select: { id: true, code: true } }),
  ]);
  const storedByCode = new Map(stored.map((i) => [i.code, { ...i, responsibleDepartmentCode: i.responsibleDepartment.code, levels: (["PROVINCE", "DISTRICT", "COMMUNE"] as const).filter((l) => i.levels.includes(l)) }]));
  const departmentByCode = new Map(departments.map((d) => [d.code, d]));
  const sectorIds = new Map(sectors.map((s) => [s.code, s.id]));
  const newIndicators: IndicatorPart[] = [];
  const existing: { code: string; nameVi: string }[] = [];
  file.indicators.forEach((indicator, n) => {
    const s = storedByCode.get(indicator.code);
    if (!s) {
      newIndicators.push(indicator);
      const d = departmentByCode.get(indicator.responsibleDepartmentCode);
      if (!d) errors.push(at("indicators", n, "responsibleDepartmentCode", PROGRAMME_IMPORT_MESSAGES.departmentUnknown(indicator.responsibleDepartmentCode)));
      else if (d.validTo !== null || d.mergedIntoId !== null) errors.push(at("indicators", n, "responsibleDepartmentCode", PROGRAMME_IMPORT_MESSAGES.departmentClosed(indicator.responsibleDepartmentCode)));
      return;
    }
    existing.push({ code: s.code, nameVi: s.nameVi });
    const storedFields = s as unknown as Record<string, unknown>;
    for (const { field, label } of STRUCTURAL) {
      if (show(storedFields[field]) !== show(indicator[field])) errors.push(at("indicators", n, field, PROGRAMME_IMPORT_MESSAGES.indicatorDiffers(label, show(storedFields[field]), show(indicator[field]))));
    }
    for (const { field, label } of DESCRIPTIVE) {
      if (show(storedFields[field]) !== show(indicator[field])) warnings.push(at("indicators", n, field, PROGRAMME_IMPORT_MESSAGES.indicatorTextDiffers(label)));
    }
  });

  const sectorCheck = (part: "targets" | "baselines", n: number, code: string | null, field = "sectorCode") => {
    if (code !== null && !sectorIds.has(code)) errors.push(at(part, n, field, PROGRAMME_IMPORT_MESSAGES.sectorUnknown(code)));
  };

  // Links to other programmes' targets, by key, among their current targets.
  const answerCodes = [...new Set(file.targets.flatMap((t) => (t.answers ? [t.answers.programmeCode] : [])))];
  const linked = answerCodes.length
    ? await db.target.findMany({
        where: { supersededAt: null, programme: { code: { in: answerCodes } } },
        select: { id: true, level: true, year: true, programme: { select: { code: true } }, indicator: { select: { code: true } }, sector: { select: { code: true } } },
      })
    : [];
  const knownProgrammes = answerCodes.length ? new Set((await db.programme.findMany({ where: { code: { in: answerCodes } }, select: { code: true } })).map((x) => x.code)) : new Set<string>();
  const linkKey = (k: { programmeCode: string; indicatorCode: string; level: string; sectorCode: string | null; year: number }) => JSON.stringify([k.programmeCode, k.indicatorCode, k.level, k.sectorCode, k.year]);
  const linkedByKey = new Map(linked.map((t) => [linkKey({ programmeCode: t.programme.code, indicatorCode: t.indicator.code, level: t.level, sectorCode: t.sector?.code ?? null, year: t.year }), t.id]));
  const answers = file.targets.map((t, n) => {
    sectorCheck("targets", n, t.sectorCode);
    // A retired indicator's target is judged on a quarter no one reports (lib/targets/retirement.ts).
    const retiredFrom = storedByCode.get(t.indicatorCode)?.retiredFrom ?? null;
    if (!targetYearTracked(retiredFrom, t.year)) errors.push(at("targets", n, "year", RETIREMENT_MESSAGES.targetRetired(retiredFromQuarter(retiredFrom)!)));
    if (!t.answers) return null;
    if (!knownProgrammes.has(t.answers.programmeCode)) {
      errors.push(at("targets", n, "answers.programmeCode", PROGRAMME_IMPORT_MESSAGES.answersProgrammeUnknown(t.answers.programmeCode)));
      return null;
    }
    const id = linkedByKey.get(linkKey(t.answers));
    if (id === undefined) errors.push(at("targets", n, "answers.indicatorCode", PROGRAMME_IMPORT_MESSAGES.answersTargetUnknown(t.answers.programmeCode)));
    return id ?? null;
  });

  // An existing indicator's baselines are its own: the file does not add to them. Compared with the
  // current ones only: a file quoting a baseline since replaced is told it differs.
  const existingIds = stored.map((i) => i.id);
  const storedBaselines = existingIds.length
    ? await db.baseline.findMany({ where: { indicatorId: { in: existingIds }, supersededAt: null }, select: { level: true, date: true, value: true, indicator: { select: { code: true } }, sector: { select: { code: true } } } })
    : [];
  const baselineKeys = new Set(storedBaselines.map((b) => JSON.stringify([b.indicator.code, b.level, b.sector?.code ?? null, b.date.toISOString().slice(0, 10), b.value.toNumber()])));
  const writeBaseline = file.baselines.map((b, n) => {
    sectorCheck("baselines", n, b.sectorCode);
    if (!storedByCode.has(b.indicatorCode)) return true;
    if (!baselineKeys.has(JSON.stringify([b.indicatorCode, b.level, b.sectorCode, b.date, b.value]))) warnings.push(at("baselines", n, null, PROGRAMME_IMPORT_MESSAGES.baselineNotWritten));
    return false;
  });

  const departmentIds = new Map(departments.map((d) => [d.code, d.id]));
  return { plan: { file, successorId: successor?.id ?? null, newIndicators, departmentIds, sectorIds, answers, writeBaseline }, errors, warnings, existing };
}

interface Analysis {
  preview: ProgrammeImportPreview;
  plan: Plan | null;
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

async function analyse(db: Reader, input: z.output<typeof programmeImportSchema>, options: ProgrammeImportOptions): Promise<Analysis> {
  const read = await readProgrammeFile(input.fileName, input.bytes, options.readWorkbook ?? ((b) => readProgrammeWorkbookIsolated(b)));
  const base = { fileName: input.fileName, format: read.format, sha256: sha256(input.bytes) };
  if (read.file === null) {
    return {
      preview: { ...base, programme: null, counts: { newIndicators: 0, existingIndicators: 0, targets: 0, baselines: 0, errors: read.errors.length, warnings: 0 }, newIndicators: [], existingIndicators: [], errors: read.errors, warnings: [] },
      plan: null,
    };
  }
  return judge(db, read.file, base, read.format, read.lines);
}

async function judge(db: Reader, file: ProgrammeFile, base: Pick<ProgrammeImportPreview, "fileName" | "format" | "sha256">, format: FileFormat, lines: Record<PartKey, number[]> | null): Promise<Analysis> {
  const at = locator(format, lines);
  const { plan, errors, warnings, existing } = await check(db, file, at);
  const p = file.programme;
  return {
    preview: {
      ...base,
      programme: { code: p.code, titleVi: p.titleVi, startYear: p.startYear, endYear: p.endYear, visionYear: p.visionYear, scope: p.scope },
      counts: {
        newIndicators: plan.newIndicators.length,
        existingIndicators: existing.length,
        targets: file.targets.length,
        baselines: plan.writeBaseline.filter(Boolean).length,
        errors: errors.length,
        warnings: warnings.length,
      },
      newIndicators: plan.newIndicators.map((i) => ({ code: i.code, nameVi: i.nameVi })),
      existingIndicators: existing,
      errors: sortIssues(errors),
      warnings: sortIssues(warnings),
    },
    plan,
  };
}

/** Reads and checks the file and says what a commit would create. Writes nothing. */
export async function previewProgrammeImport(db: PrismaClient, actor: Actor | null, input: unknown, options: ProgrammeImportOptions = {}): Promise<ProgrammeImportPreview> {
  const data = authorizeInput(actor, "admin.indicators", programmeImportSchema, input);
  return (await analyse(db, data, options)).preview;
}

/**
 * Writes the file: the programme, its new indicators, targets and baselines, and an audit row for
 * each and one for the file — all in one transaction, or nothing. The file is read before the
 * transaction (in the child process); its rules are checked again inside it, so a programme or
 * indicator created meanwhile refuses the file instead of being overwritten.
 */
export async function commitProgrammeImport(db: PrismaClient, actor: Actor | null, input: unknown, options: ProgrammeImportOptions = {}): Promise<ProgrammeImportResult> {
  const data = authorizeInput(actor, "admin.indicators", programmeImportSchema, input);
  const read = await readProgrammeFile(data.fileName, data.bytes, options.readWorkbook ?? ((b) => readProgrammeWorkbookIsolated(b)));
  if (read.file === null) throw new DomainError("IMPORT_INVALID", PROGRAMME_IMPORT_MESSAGES.invalidFile(read.errors.length), { errors: read.errors.slice(0, 100) });
  const file = read.file;
  const base = { fileName: data.fileName, format: read.format, sha256: sha256(data.bytes) };
  try {
    return await commitWrite(
      db,
      async (tx) => {
        const { preview, plan } = await judge(tx, file, base, read.format, read.lines);
        if (preview.counts.errors > 0 || !plan) throw new DomainError("IMPORT_INVALID", PROGRAMME_IMPORT_MESSAGES.invalidFile(preview.counts.errors), { errors: preview.errors.slice(0, 100) });
        return write(tx, actor!, plan, preview);
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
  } catch (error) {
    // The unique indexes decide between two concurrent imports of one code.
    if (typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002") throw new DomainError("CONFLICT", PROGRAMME_IMPORT_MESSAGES.conflict);
    throw error;
  }
}

async function write(tx: Tx, actor: Actor, plan: Plan, preview: ProgrammeImportPreview): Promise<ProgrammeImportResult> {
  const { file } = plan;
  const p = file.programme;
  const issuedOn = p.issuedOn === null ? null : new Date(`${p.issuedOn}T00:00:00Z`);
  const programme = await tx.programme.create({
    data: {
      code: p.code,
      titleVi: p.titleVi,
      titleEn: p.titleEn,
      issuerVi: p.issuerVi,
      issuedOn,
      startYear: p.startYear,
      endYear: p.endYear,
      visionYear: p.visionYear,
      scope: p.scope,
      provinceCode: p.provinceCode,
      status: p.status,
      supersededById: plan.successorId,
      sourceVi: p.sourceVi,
    },
  });
  await writeAudit(tx, { actor, action: "PROGRAMME_CREATED", entityType: "Programme", entityId: programme.id, after: { ...p, from: preview.fileName } });

  // New indicators go last in the catalogue, in the file's order (as the form places one).
  const last = await tx.indicator.aggregate({ _max: { sortOrder: true } });
  let sortOrder = last._max.sortOrder ?? 0;
  for (const i of plan.newIndicators) {
    sortOrder += 10;
    const { responsibleDepartmentCode, ...fields } = i;
    const created = await tx.indicator.create({ data: { ...fields, levels: [...i.levels], responsibleDepartmentId: plan.departmentIds.get(responsibleDepartmentCode)!, sortOrder }, select: { id: true } });
    await writeAudit(tx, { actor, action: "INDICATOR_CREATED", entityType: "Indicator", entityId: created.id, after: { ...i, from: preview.fileName } });
  }
  const ids = new Map((await tx.indicator.findMany({ where: { code: { in: file.indicators.map((i) => i.code) } }, select: { id: true, code: true } })).map((i) => [i.code, i.id]));
  const sectorId = (code: string | null) => (code === null ? null : plan.sectorIds.get(code)!);

  const targets = await tx.target.createManyAndReturn({
    data: file.targets.map((t, n) => ({
      programmeId: programme.id,
      indicatorId: ids.get(t.indicatorCode)!,
      level: t.level,
      sectorId: sectorId(t.sectorCode),
      year: t.year,
      comparator: t.comparator,
      value: t.value,
      descriptionVi: t.descriptionVi,
      sourceClauseVi: t.sourceClauseVi,
      sourceVi: t.sourceVi,
      answersTargetId: plan.answers[n] ?? null,
    })),
    select: { id: true, indicatorId: true },
  });
  // The same action and entity as a target added in the form, so an indicator's history reads alike.
  await writeAuditMany(
    tx,
    { actor, action: "TARGET_ADDED", entityType: "Indicator" },
    file.targets.map((t, n) => ({ entityId: targets[n]!.indicatorId, after: { code: t.indicatorCode, programme: p.code, target: { id: targets[n]!.id, ...t } } })),
  );

  const baselines = file.baselines.filter((_, n) => plan.writeBaseline[n]);
  const written = await tx.baseline.createManyAndReturn({
    data: baselines.map((b) => ({
      indicatorId: ids.get(b.indicatorCode)!,
      level: b.level,
      sectorId: sectorId(b.sectorCode),
      value: b.value,
      date: new Date(`${b.date}T00:00:00Z`),
      dateAssumed: b.dateAssumed,
      sourceClauseVi: b.sourceClauseVi,
      sourceVi: b.sourceVi,
    })),
    select: { id: true },
  });
  await writeAuditMany(
    tx,
    { actor, action: "BASELINE_ADDED", entityType: "Baseline" },
    baselines.map((b, n) => ({ entityId: written[n]!.id, after: { ...b, programme: p.code } })),
  );

  // One row for the file itself: who imported what, when, with what effect.
  await writeAudit(tx, {
    actor,
    action: "PROGRAMME_IMPORTED",
    entityType: "ProgrammeFile",
    entityId: preview.sha256.slice(0, 32),
    after: { fileName: preview.fileName, format: preview.format, sha256: preview.sha256, programmeId: programme.id, code: p.code, ...preview.counts },
  });
  return { programmeId: programme.id, code: programme.code, counts: preview.counts };
}
