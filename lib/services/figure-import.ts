/**
 * The spreadsheet import (ADR 010): a file of one quarter is read, every row
 * checked with the entry form's own schema (figureRowSchema) and rules
 * (checkDraftRows: scope, unit level and validity, sectors, the kind's rules,
 * the locked period), compared with the stored figures, and either previewed
 * or committed.
 *
 * Commit is all or nothing, in one transaction, and in bulk SQL — rows sent
 * as one JSON parameter, unpacked by json_to_recordset() into INSERT … ON
 * CONFLICT DO NOTHING and UPDATE … WHERE version = the version the file
 * names — so 100,000 rows are a few statements, not 100,000 round trips. A
 * row whose figure has moved on (or a cell another writer created meanwhile)
 * refuses the whole file. Every written figure gets the same FIGURE_SAVED
 * audit row a form edit gets, and becomes a DRAFT to be submitted from the
 * entry grid like any other.
 *
 * Idempotent: a row equal to the stored figure is "unchanged" whatever
 * version it names (nothing would be overwritten), so uploading the same
 * file again writes nothing — no figure, no version, no audit row.
 */
import { createHash } from "node:crypto";
import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { writeAudit, writeAuditMany } from "@/lib/audit";
import { formatQuarter, makeQuarter, quarterEnd, quarterKey } from "@/lib/period/quarter";
import { FIGURE_STATUS_LABELS } from "@/lib/review/figure-status";
import { figureContent, figureRowSchema, sameFigureContent, type FigureContent, type FigureRow, type ObservationStatus } from "@/lib/validations/figure";
import { readObservationStatus } from "@/lib/import/observation-status";
import {
  PERIOD_MESSAGES,
  auditState,
  cellKey,
  checkDraftRows,
  checkPeriodWritable,
  assertIndicatorsTracked,
  lockPeriodForWrite,
  type DraftUnit,
  type RowProblem,
} from "@/lib/services/figures";
import { COLUMN_BY_KEY, IMPORT_LIMITS_TEXT, type ImportColumnKey } from "@/lib/import/columns";
import type { CellValue, ImportIssue, ParsedFile } from "@/lib/import/parse-file";
import { parseImportFileIsolated } from "@/lib/import/parse-isolated";

export interface ImportInput {
  periodId: number;
  fileName: string;
  bytes: Uint8Array;
  /** Required (≥ 10 characters) for an admin writing into a locked period. */
  reason?: string | null;
}

export interface ImportProgress {
  phase: "parse" | "check" | "write";
  done: number;
  total: number;
}

export interface ImportOptions {
  now?: Date;
  onProgress?: (progress: ImportProgress) => void | Promise<void>;
}

export type ImportChangeKind = "create" | "update" | "unchanged";

type FigureValues = FigureContent;
const valuesOf = figureContent;


export interface ImportChange {
  line: number;
  kind: ImportChangeKind;
  indicatorCode: string;
  unitCode: string;
  unitName: string;
  sectorCode: string | null;
  before: (FigureValues & { status: string; statusLabel: string; version: number }) | null;
  after: FigureValues;
}

export interface ImportCounts {
  /** Rows read from the file (blank rows aside). */
  rows: number;
  created: number;
  changed: number;
  unchanged: number;
  /** Rows with no value at all: left alone. */
  skipped: number;
  errors: number;
}

/** At most this many errors and changes travel to the page; the counts are always complete. */
export const PREVIEW_LIST_LIMIT = 500;

export interface ImportPreview {
  fileName: string;
  format: "xlsx" | "csv";
  sha256: string;
  period: { id: number; key: string; label: string; status: "OPEN" | "LOCKED" };
  counts: ImportCounts;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  changes: ImportChange[];
}

export interface ImportCommitResult {
  sha256: string;
  counts: ImportCounts;
}

export const IMPORT_MESSAGES = {
  indicatorMissing: "Thiếu mã chỉ tiêu.",
  indicatorUnknown: (code: string) => `Mã chỉ tiêu “${code}” không có trong danh mục.`,
  unitMissing: "Thiếu mã đơn vị.",
  unitUnknown: (code: string) => `Mã đơn vị “${code}” không có trong danh mục đơn vị hành chính.`,
  sectorUnknown: (code: string) => `Mã ngành “${code}” không có trong danh mục ngành, lĩnh vực.`,
  periodMissing: (key: string) => `Thiếu kỳ báo cáo; dòng phải ghi ${key}.`,
  periodOther: (found: string, key: string) => `Dòng thuộc kỳ “${found}”, không phải kỳ đang nhập ${key}. Hãy tải tệp mẫu của đúng kỳ.`,
  version: "Phiên bản phải là số nguyên không âm (để trống với ô chưa có số liệu).",
  duplicate: (line: number) => `Trùng với dòng ${line}: cùng chỉ tiêu, đơn vị và ngành.`,
  outOfScope: (unit: string) => `Chỉ tiêu hoặc đơn vị “${unit}” không thuộc phạm vi bạn được giao.`,
  stale: (current: number, yours: number, who: string | null) =>
    `Số liệu đã được ${who ?? "người khác"} thay đổi (phiên bản ${current}) sau khi bạn tải tệp mẫu (phiên bản ${yours}). Hãy tải tệp mẫu mới, sửa lại rồi tải lên.`,
  staleNew: "Ô này đã có số liệu từ sau khi bạn tải tệp mẫu. Hãy tải tệp mẫu mới, sửa lại rồi tải lên.",
  invalidFile: (n: number) => `Tệp còn ${n.toLocaleString("vi-VN")} lỗi; không có thay đổi nào được lưu. Hãy sửa các dòng được nêu rồi tải lên lại.`,
  conflict: "Số liệu đã được người khác thay đổi trong lúc nhập; không có thay đổi nào được lưu. Hãy xem trước lại tệp.",
  limits: IMPORT_LIMITS_TEXT,
} as const;

// A commit of 150,000 rows takes seconds; the embedded database queues writers.
const IMPORT_TX_OPTIONS = { maxWait: 30_000, timeout: 300_000 } as const;
const CHUNK = 10_000;

interface PlannedRow {
  line: number;
  row: FigureRow;
  kind: ImportChangeKind;
  indicatorCode: string;
  unitCode: string;
  unitName: string;
  sectorCode: string | null;
  departmentId: number;
  current: { id: number; version: number; status: string; values: FigureValues } | null;
}

interface Analysis {
  preview: ImportPreview;
  plan: PlannedRow[];
  reason: string | null;
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function text(value: CellValue | undefined): string {
  return value === null || value === undefined ? "" : String(value).trim();
}

/** Blank → 0 (a new cell); otherwise a non-negative integer as written. */
function readVersion(value: CellValue | undefined): number | null {
  if (value === null || value === undefined || text(value) === "") return 0;
  const n = typeof value === "number" ? value : /^\d{1,10}$/.test(text(value)) ? Number(text(value)) : Number.NaN;
  return Number.isInteger(n) && n >= 0 && n <= 2_147_483_647 ? n : null;
}

/** "1.650" · "2026-Q4" — a cell the schema reads; numbers as the file gave them. */
function numberCell(value: CellValue | undefined): string | number | null {
  if (value === null || value === undefined) return null;
  return value;
}

const FIELD_COLUMN: Record<string, ImportColumnKey> = {
  indicatorId: "indicatorCode",
  unitId: "unitCode",
  periodId: "period",
  sectorId: "sectorCode",
  numerator: "numerator",
  denominator: "denominator",
  value: "value",
  comment: "comment",
  observationStatus: "observationStatus",
  sourceDocument: "sourceDocument",
  version: "version",
};

async function analyse(db: PrismaClient, actor: Actor, input: ImportInput, options: ImportOptions): Promise<Analysis> {
  assertCan(actor, "figure.edit");
  const now = options.now ?? new Date();
  const progress = options.onProgress ?? (() => {});

  const period = await db.reportingPeriod.findUnique({ where: { id: input.periodId }, select: { id: true, year: true, quarter: true, status: true } });
  if (!period) throw new DomainError("NOT_FOUND", PERIOD_MESSAGES.notFound);
  const reason = checkPeriodWritable(actor, period, input.reason?.trim() ? input.reason.trim() : null, now);
  const quarter = makeQuarter(period.year, period.quarter);
  const key = quarterKey(quarter);
  const lastDay = quarterEnd(quarter);

  await progress({ phase: "parse", done: 0, total: input.bytes.length });
  // In a child process under a heap limit: a hostile workbook never stalls or exhausts the server (ADR 018).
  const parsed: ParsedFile = await parseImportFileIsolated(input.fileName, input.bytes);
  await progress({ phase: "parse", done: input.bytes.length, total: input.bytes.length });

  const errors: ImportIssue[] = [...parsed.errors];
  const issue = (line: number, column: ImportColumnKey | null, message: string): ImportIssue => ({
    line,
    column: column ? COLUMN_BY_KEY[column].header : null,
    letter: column ? (parsed.letters[column] ?? null) : null,
    message,
  });
  const badLines = new Set(parsed.errors.flatMap((e) => (e.line === null ? [] : [e.line])));

  // Codes → ids. Units: a GSO code names one unit at a time; the one alive at the quarter's end wins,
  // else the latest of that code (so the validity rule can say when it existed).
  const codes = [...new Set(parsed.rows.map((r) => text(r.cells.unitCode)).filter(Boolean))];
  const [indicators, sectors, units] = await Promise.all([
    db.indicator.findMany({ select: { id: true, code: true, responsibleDepartmentId: true } }),
    db.sector.findMany({ select: { id: true, code: true } }),
    // Raw SQL with one JSON parameter: 100,000 codes as bind parameters would cost more than the query.
    codes.length === 0
      ? Promise.resolve([] as (DraftUnit & { code: string })[])
      : db.$queryRaw<(DraftUnit & { code: string })[]>`
          SELECT id, code, name, level::text AS level, "validFrom", "validTo" FROM "AdminUnit"
          WHERE code IN (SELECT json_array_elements_text(${JSON.stringify(codes)}::json))
          ORDER BY code, "validFrom"`,
  ]);
  const indicatorByCode = new Map(indicators.map((i) => [i.code, i]));
  const sectorByCode = new Map(sectors.map((s) => [s.code, s]));
  const unitByCode = new Map<string, (typeof units)[number]>();
  for (const u of units) {
    const held = unitByCode.get(u.code);
    const alive = u.validFrom.getTime() <= lastDay.getTime() && (u.validTo === null || u.validTo.getTime() >= lastDay.getTime());
    const heldAlive = held && held.validFrom.getTime() <= lastDay.getTime() && (held.validTo === null || held.validTo.getTime() >= lastDay.getTime());
    if (!held || alive || !heldAlive) unitByCode.set(u.code, u);
  }

  interface Candidate {
    line: number;
    row: FigureRow;
    indicatorCode: string;
    unitCode: string;
    unitName: string;
    sectorCode: string | null;
    departmentId: number;
  }
  const candidates: Candidate[] = [];
  const firstLineOfCell = new Map<string, number>();
  let skipped = 0;
  const total = parsed.rows.length;
  for (let i = 0; i < total; i++) {
    if (i % 5000 === 0) await progress({ phase: "check", done: i, total });
    const { line, cells } = parsed.rows[i]!;
    if (badLines.has(line)) continue;
    const values = [cells.numerator, cells.denominator, cells.value, cells.comment];
    if (values.every((v) => v === null || v === undefined || text(v) === "")) {
      skipped++;
      continue;
    }
    const rowErrors: ImportIssue[] = [];
    const indicatorCode = text(cells.indicatorCode);
    const unitCode = text(cells.unitCode);
    const sectorCode = text(cells.sectorCode) || null;
    const indicator = indicatorByCode.get(indicatorCode);
    const unit = unitByCode.get(unitCode);
    const sector = sectorCode === null ? null : sectorByCode.get(sectorCode);
    if (!indicatorCode) rowErrors.push(issue(line, "indicatorCode", IMPORT_MESSAGES.indicatorMissing));
    else if (!indicator) rowErrors.push(issue(line, "indicatorCode", IMPORT_MESSAGES.indicatorUnknown(indicatorCode)));
    if (!unitCode) rowErrors.push(issue(line, "unitCode", IMPORT_MESSAGES.unitMissing));
    else if (!unit) rowErrors.push(issue(line, "unitCode", IMPORT_MESSAGES.unitUnknown(unitCode)));
    if (sectorCode !== null && !sector) rowErrors.push(issue(line, "sectorCode", IMPORT_MESSAGES.sectorUnknown(sectorCode)));
    const periodText = text(cells.period);
    if (!periodText) rowErrors.push(issue(line, "period", IMPORT_MESSAGES.periodMissing(key)));
    else if (periodText.toUpperCase() !== key) rowErrors.push(issue(line, "period", IMPORT_MESSAGES.periodOther(periodText, key)));
    const version = readVersion(cells.version);
    if (version === null) rowErrors.push(issue(line, "version", IMPORT_MESSAGES.version));

    // The entry form's own row schema: numbers the Vietnamese way, ranges, shapes.
    const parsedRow = figureRowSchema.safeParse({
      indicatorId: indicator?.id ?? 1,
      unitId: unit?.id ?? 1,
      periodId: period.id,
      sectorId: sector?.id ?? null,
      numerator: numberCell(cells.numerator),
      denominator: numberCell(cells.denominator),
      value: numberCell(cells.value),
      comment: cells.comment === null || cells.comment === undefined ? null : String(cells.comment),
      observationStatus: readObservationStatus(cells.observationStatus),
      sourceDocument: cells.sourceDocument === null || cells.sourceDocument === undefined ? null : String(cells.sourceDocument),
      version: version ?? 0,
    });
    if (!parsedRow.success) {
      for (const zIssue of parsedRow.error.issues) {
        const field = typeof zIssue.path[0] === "string" ? zIssue.path[0] : null;
        rowErrors.push(issue(line, field ? (FIELD_COLUMN[field] ?? null) : null, zIssue.message));
      }
    }
    if (indicator && unit) {
      const cell = cellKey({ indicatorId: indicator.id, unitId: unit.id, sectorId: sector?.id ?? null });
      const first = firstLineOfCell.get(cell);
      if (first !== undefined) rowErrors.push(issue(line, null, IMPORT_MESSAGES.duplicate(first)));
      else firstLineOfCell.set(cell, line);
    }
    if (rowErrors.length > 0 || !parsedRow.success || !indicator || !unit) {
      errors.push(...rowErrors);
      continue;
    }
    candidates.push({ line, row: parsedRow.data, indicatorCode, unitCode, unitName: unit.name, sectorCode, departmentId: indicator.responsibleDepartmentId });
  }
  await progress({ phase: "check", done: total, total });

  // The database rules of the entry form, for every row that got this far.
  const check = await checkDraftRows(db, actor, period, candidates.map((c) => c.row), { units: new Map(units.map((u) => [u.id, u])) });
  const rejected = new Set<number>();
  const fromProblem = (p: RowProblem, message = p.message) => {
    const c = candidates[p.index]!;
    rejected.add(p.index);
    errors.push(issue(c.line, p.field ? (FIELD_COLUMN[p.field] ?? null) : null, message));
  };
  for (const p of check.missing) fromProblem(p);
  for (const p of check.outOfScope) fromProblem(p, IMPORT_MESSAGES.outOfScope(candidates[p.index]!.unitName));
  for (const p of check.problems) fromProblem(p);

  // Against the stored figures: created, changed, unchanged — or stale.
  const indicatorIds = [...new Set(candidates.map((c) => c.row.indicatorId))];
  const current =
    indicatorIds.length === 0
      ? []
      : (
          await db.$queryRaw<{ id: number; indicatorId: number; unitId: number; sectorId: number | null; numerator: string | null; denominator: string | null; value: string | null; comment: string | null; observationStatus: ObservationStatus; sourceDocument: string | null; status: string; version: number; updatedById: string | null }[]>`
            SELECT id, "indicatorId", "unitId", "sectorId", numerator::text AS numerator, denominator::text AS denominator, value::text AS value,
                   comment, "observationStatus"::text AS "observationStatus", "sourceDocument", status::text AS status, version, "updatedById"::text AS "updatedById"
            FROM "Figure" WHERE "periodId" = ${period.id} AND "indicatorId" = ANY(${indicatorIds}::int[])`
        ).map((f) => ({ ...f, numerator: f.numerator === null ? null : Number(f.numerator), denominator: f.denominator === null ? null : Number(f.denominator), value: f.value === null ? null : Number(f.value) }));
  const byCell = new Map(current.map((f) => [cellKey(f), f]));
  const staleBy = new Set<string>();
  const plan: PlannedRow[] = [];
  const stale: { candidate: Candidate; current: (typeof current)[number] | null }[] = [];
  // A file made before the provenance columns existed leaves a figure's own as they are.
  const hasStatusColumn = parsed.letters.observationStatus !== undefined;
  const hasSourceColumn = parsed.letters.sourceDocument !== undefined;
  candidates.forEach((c, index) => {
    if (rejected.has(index)) return;
    const f = byCell.get(cellKey(c.row)) ?? null;
    if (f !== null && !hasStatusColumn) c.row.observationStatus = f.observationStatus;
    if (f !== null && !hasSourceColumn) c.row.sourceDocument = f.sourceDocument;
    const values = valuesOf(c.row);
    if (f !== null) {
      const stored = valuesOf(f);
      const same = sameFigureContent(stored, values);
      const currentInfo = { id: f.id, version: f.version, status: f.status, values: stored };
      if (same) plan.push({ ...c, kind: "unchanged", current: currentInfo });
      else if (f.version !== c.row.version) {
        stale.push({ candidate: c, current: f });
        if (f.updatedById) staleBy.add(f.updatedById);
      } else plan.push({ ...c, kind: "update", current: currentInfo });
    } else if (c.row.version !== 0) stale.push({ candidate: c, current: null });
    else plan.push({ ...c, kind: "create", current: null });
  });
  if (stale.length > 0) {
    const users = staleBy.size ? await db.user.findMany({ where: { id: { in: [...staleBy] } }, select: { id: true, name: true } }) : [];
    const names = new Map(users.map((u) => [u.id, u.name]));
    for (const s of stale) {
      errors.push(
        issue(
          s.candidate.line,
          "version",
          s.current === null
            ? IMPORT_MESSAGES.staleNew
            : IMPORT_MESSAGES.stale(s.current.version, s.candidate.row.version, s.current.updatedById ? (names.get(s.current.updatedById) ?? null) : null),
        ),
      );
    }
  }

  errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const counts: ImportCounts = {
    rows: total,
    created: plan.filter((p) => p.kind === "create").length,
    changed: plan.filter((p) => p.kind === "update").length,
    unchanged: plan.filter((p) => p.kind === "unchanged").length,
    skipped,
    errors: errors.length,
  };
  const changes: ImportChange[] = plan
    .filter((p) => p.kind !== "unchanged")
    .slice(0, PREVIEW_LIST_LIMIT)
    .map((p) => ({
      line: p.line,
      kind: p.kind,
      indicatorCode: p.indicatorCode,
      unitCode: p.unitCode,
      unitName: p.unitName,
      sectorCode: p.sectorCode,
      before: p.current
        ? { ...p.current.values, status: p.current.status, statusLabel: FIGURE_STATUS_LABELS[p.current.status as keyof typeof FIGURE_STATUS_LABELS], version: p.current.version }
        : null,
      after: valuesOf(p.row),
    }));
  return {
    preview: {
      fileName: input.fileName,
      format: parsed.format,
      sha256: sha256(input.bytes),
      period: { id: period.id, key, label: formatQuarter(quarter, "vi"), status: period.status },
      counts,
      errors: errors.slice(0, PREVIEW_LIST_LIMIT),
      warnings: parsed.warnings,
      changes,
    },
    plan,
    reason,
  };
}

/** Reads and checks the file and says what a commit would do. Writes nothing. */
export async function previewImport(db: PrismaClient, actor: Actor, input: ImportInput, options: ImportOptions = {}): Promise<ImportPreview> {
  return (await analyse(db, actor, input, options)).preview;
}

/**
 * Applies the file: every row or none. Refuses with IMPORT_INVALID while the
 * file has errors, with CONFLICT when a figure moved on after the check.
 */
export async function commitImport(db: PrismaClient, actor: Actor, input: ImportInput, options: ImportOptions = {}): Promise<ImportCommitResult> {
  const { preview, plan, reason } = await analyse(db, actor, input, options);
  if (preview.counts.errors > 0) {
    throw new DomainError("IMPORT_INVALID", IMPORT_MESSAGES.invalidFile(preview.counts.errors), { errors: preview.errors.slice(0, 100) });
  }
  const creates = plan.filter((p) => p.kind === "create");
  const updates = plan.filter((p) => p.kind === "update");
  const result = { sha256: preview.sha256, counts: preview.counts };
  if (creates.length === 0 && updates.length === 0) return result; // the same file again: nothing to do
  const now = options.now ?? new Date();
  const progress = options.onProgress ?? (() => {});
  const total = creates.length + updates.length;

  await db.$transaction(async (tx) => {
    // Re-read under a share lock: the period cannot be locked between the check and the writes.
    const locked = await lockPeriodForWrite(tx, preview.period.id);
    const auditReason = checkPeriodWritable(actor, locked, reason, now);
    // Only new figures: an update is of a figure that exists, which a retirement is refused over.
    await assertIndicatorsTracked(tx, [...new Set(creates.map((p) => p.row.indicatorId))], locked);
    let done = 0;
    await progress({ phase: "write", done, total });

    for (let i = 0; i < creates.length; i += CHUNK) {
      const chunk = creates.slice(i, i + CHUNK);
      // One JSON parameter, unpacked by the server: far cheaper to send than ten 10,000-element arrays.
      const payload = JSON.stringify(
        chunk.map((p) => ({
          i: p.row.indicatorId,
          u: p.row.unitId,
          s: p.row.sectorId,
          n: p.row.numerator,
          d: p.row.denominator,
          v: p.row.value,
          c: p.row.comment,
          o: p.row.observationStatus,
          src: p.row.sourceDocument,
          dep: p.departmentId,
        })),
      );
      const written = await tx.$queryRawUnsafe<{ id: number; indicatorId: number; unitId: number; sectorId: number | null }[]>(
        `INSERT INTO "Figure" ("indicatorId", "unitId", "periodId", "sectorId", numerator, denominator, value, comment,
                               "observationStatus", "sourceDocument", status, version, "departmentId", "createdById", "updatedById", "updatedAt")
         SELECT r.i, r.u, $1, r.s, r.n, r.d, r.v, r.c, r.o::"ObservationStatus", r.src, 'DRAFT'::"FigureStatus", 1, r.dep, $2::uuid, $2::uuid, now()
         FROM json_to_recordset($3::json) AS r(i int, u int, s int, n numeric, d numeric, v numeric, c text, o text, src text, dep int)
         ORDER BY r.i, r.u, r.s
         ON CONFLICT DO NOTHING
         RETURNING id, "indicatorId", "unitId", "sectorId"`,
        preview.period.id,
        actor.id,
        payload,
      );
      // Another writer created one of these cells since the check: refuse the whole file.
      if (written.length !== chunk.length) throw new DomainError("CONFLICT", IMPORT_MESSAGES.conflict);
      const idOf = new Map(written.map((w) => [cellKey(w), w.id]));
      await writeAuditMany(
        tx,
        { actor, action: "FIGURE_SAVED", entityType: "Figure", reason: auditReason },
        chunk.map((p) => {
          const values = valuesOf(p.row);
          return {
            entityId: idOf.get(cellKey(p.row))!,
            before: null,
            after: { ...auditState({ ...values, status: "DRAFT", version: 1 }), indicatorId: p.row.indicatorId, unitId: p.row.unitId, periodId: preview.period.id, sectorId: p.row.sectorId },
          };
        }),
      );
      done += chunk.length;
      await progress({ phase: "write", done, total });
    }

    for (let i = 0; i < updates.length; i += CHUNK) {
      const chunk = updates.slice(i, i + CHUNK);
      // The version check is part of the UPDATE: a figure changed since the check is not written, and then nothing is.
      const written = await tx.$queryRawUnsafe<{ id: number; version: number }[]>(
        `UPDATE "Figure" f
         SET numerator = r.numerator, denominator = r.denominator, value = r.value, comment = r.comment,
             "observationStatus" = r."observationStatus"::"ObservationStatus", "sourceDocument" = r."sourceDocument",
             status = 'DRAFT'::"FigureStatus", "submittedAt" = NULL, version = f.version + 1, "updatedById" = $1::uuid, "updatedAt" = now()
         FROM json_to_recordset($2::json) AS r(id int, version int, numerator numeric, denominator numeric, value numeric, comment text, "observationStatus" text, "sourceDocument" text)
         WHERE f.id = r.id AND f.version = r.version
         RETURNING f.id, f.version`,
        actor.id,
        JSON.stringify(
          chunk.map((p) => ({
            id: p.current!.id,
            version: p.current!.version,
            numerator: p.row.numerator,
            denominator: p.row.denominator,
            value: p.row.value,
            comment: p.row.comment,
            observationStatus: p.row.observationStatus,
            sourceDocument: p.row.sourceDocument,
          })),
        ),
      );
      if (written.length !== chunk.length) throw new DomainError("CONFLICT", IMPORT_MESSAGES.conflict);
      await writeAuditMany(
        tx,
        { actor, action: "FIGURE_SAVED", entityType: "Figure", reason: auditReason },
        chunk.map((p) => {
          const values = valuesOf(p.row);
          return {
            entityId: p.current!.id,
            before: auditState({ ...p.current!.values, status: p.current!.status, version: p.current!.version }),
            after: { ...auditState({ ...values, status: "DRAFT", version: p.current!.version + 1 }), indicatorId: p.row.indicatorId, unitId: p.row.unitId, periodId: preview.period.id, sectorId: p.row.sectorId },
          };
        }),
      );
      done += chunk.length;
      await progress({ phase: "write", done, total });
    }

    // One row for the file itself: who imported what, when, with what effect.
    await writeAudit(tx, {
      actor,
      action: "FIGURES_IMPORTED",
      entityType: "FigureImport",
      entityId: preview.sha256.slice(0, 32),
      after: { fileName: input.fileName, format: preview.format, sha256: preview.sha256, periodId: preview.period.id, ...preview.counts },
      reason: auditReason,
    });
  }, IMPORT_TX_OPTIONS);
  return result;
}
