/**
 * The spreadsheet import against a database of its own: the template of an
 * editor's quarter round-trips (xlsx and CSV), the preview counts what a
 * commit does, a commit is all or nothing, uploading the same file twice
 * changes nothing the second time, every written figure is a DRAFT with a
 * FIGURE_SAVED audit row like a form edit, stale versions and units outside
 * the editor's scope are refused by row, and locked periods follow the form's rules.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitImport, previewImport } from "@/lib/services/figure-import";
import { saveDrafts, submitFigures } from "@/lib/services/figures";
import { buildCsvTemplate, buildXlsxTemplate, type TemplateData } from "@/lib/import/template";
import { DATA_SHEET } from "@/lib/import/columns";
import { parse as parseCsv } from "csv-parse/sync";
import { csvDocument } from "@/lib/export/csv";
import { NOW, checksum, createScopedEditor, periodId, refusal, setupFigureDatabase, type FigureTestDb } from "./figures-fixtures";

let t: FigureTestDb;
let q4: number;
let q2: number;
let getImportTemplate: typeof import("@/lib/data/import-template").getImportTemplate;
const savedUrl = process.env.DATABASE_URL;

beforeAll(async () => {
  t = await setupFigureDatabase("import");
  q4 = await periodId(t.prisma, 2026, 4);
  q2 = await periodId(t.prisma, 2026, 2);
  // lib/db reads DATABASE_URL once, on first use.
  process.env.DATABASE_URL = t.scratch.url;
  ({ getImportTemplate } = await import("@/lib/data/import-template"));
}, 300_000);

afterAll(async () => {
  process.env.DATABASE_URL = savedUrl;
  await t?.close();
});

const encoder = new TextEncoder();

/** The VP editor's 2026 Q4 template with the commune rows filled in: ratios n / 1000. */
async function filledTemplate(fill: (row: TemplateData["rows"][number], i: number) => void): Promise<TemplateData> {
  const template = (await getImportTemplate(t.actors.editorVp, "2026-Q4", NOW))!;
  template.rows.forEach(fill);
  return template;
}

function fillCommunes(row: TemplateData["rows"][number], i: number) {
  if (row.indicatorCode === "WORK_DOSSIER_ONLINE_COMMUNE" && row.version === null && i % 3 === 0) {
    row.numerator = 400 + i;
    row.denominator = 1000;
  }
}

async function auditCount(action = "FIGURE_SAVED"): Promise<number> {
  return t.prisma.auditLog.count({ where: { action } });
}

describe("spreadsheet import", () => {
  it("previews a filled xlsx template: creates only the filled rows, skips the blank ones, writes nothing", async () => {
    const template = await filledTemplate(fillCommunes);
    const filled = template.rows.filter((r) => r.numerator !== null && r.version === null).length;
    expect(filled).toBeGreaterThan(5);
    const bytes = await buildXlsxTemplate(template);
    const before = await checksum(t.prisma);
    const preview = await previewImport(t.prisma, t.actors.editorVp, { periodId: q4, fileName: "mau.xlsx", bytes }, { now: NOW });
    expect(await checksum(t.prisma)).toBe(before);
    expect(preview.errors).toEqual([]);
    expect(preview.counts.created).toBe(filled);
    expect(preview.counts.changed).toBe(0);
    // Existing figures come back unchanged; empty template rows are skipped.
    expect(preview.counts.unchanged).toBe(template.rows.filter((r) => r.version !== null).length);
    expect(preview.counts.skipped).toBe(template.rows.length - filled - preview.counts.unchanged);
    expect(preview.changes.every((c) => c.kind === "create" && c.after.denominator === 1000)).toBe(true);
  });

  it("commits all rows as drafts with a form edit's audit row; the same file again changes nothing", async () => {
    const template = await filledTemplate(fillCommunes);
    const bytes = await buildXlsxTemplate(template);
    const auditBefore = await auditCount();
    const result = await commitImport(t.prisma, t.actors.editorVp, { periodId: q4, fileName: "mau.xlsx", bytes }, { now: NOW });
    expect(result.counts.created).toBeGreaterThan(5);
    expect(await auditCount()).toBe(auditBefore + result.counts.created);
    expect(await auditCount("FIGURES_IMPORTED")).toBe(1);

    const created = await t.prisma.figure.findMany({
      where: { periodId: q4, denominator: 1000, indicator: { code: "WORK_DOSSIER_ONLINE_COMMUNE" } },
      select: { id: true, status: true, version: true, numerator: true, createdById: true },
    });
    expect(created).toHaveLength(result.counts.created);
    expect(created.every((f) => f.status === "DRAFT" && f.version === 1 && f.createdById === t.actors.editorVp.id)).toBe(true);
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "FIGURE_SAVED", entityId: String(created[0]!.id) }, select: { before: true, after: true, actorId: true } });
    expect(audit.actorId).toBe(t.actors.editorVp.id);
    expect(audit.before).toBeNull();
    expect(audit.after).toMatchObject({ numerator: Number(created[0]!.numerator), denominator: 1000, value: null, status: "DRAFT", version: 1, periodId: q4 });

    // Idempotent: the very same bytes again — no figure, no version, no audit row changes.
    const sum = await checksum(t.prisma);
    const again = await commitImport(t.prisma, t.actors.editorVp, { periodId: q4, fileName: "mau.xlsx", bytes }, { now: NOW });
    expect(again.counts).toMatchObject({ created: 0, changed: 0, unchanged: result.counts.created + result.counts.unchanged });
    expect(await checksum(t.prisma)).toBe(sum);

    // The imported drafts enter the usual workflow: they can be submitted.
    const submitted = await submitFigures(t.prisma, t.actors.editorVp, { figures: created.slice(0, 2).map((f) => ({ id: f.id, version: f.version })), reason: null }, { now: NOW });
    expect(submitted.submitted.map((f) => f.status)).toEqual(["SUBMITTED", "SUBMITTED"]);
  });

  it("updates from a fresh CSV template bump the version; a row naming an old version refuses the whole file", async () => {
    const template = await filledTemplate(() => {});
    const mine = template.rows.filter((r) => r.indicatorCode === "WORK_DOSSIER_ONLINE_COMMUNE" && r.denominator === 1000);
    expect(mine.length).toBeGreaterThan(3);
    mine[0]!.numerator = 999;
    mine[1]!.numerator = 998;
    const csv = buildCsvTemplate(template);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain("\r\n");

    // Someone changes the second row's figure after the template was downloaded.
    const figure = await t.prisma.figure.findFirstOrThrow({
      where: { periodId: q4, unit: { code: String(mine[1]!.unitCode) }, indicator: { code: "WORK_DOSSIER_ONLINE_COMMUNE" } },
      select: { id: true, unitId: true, indicatorId: true, version: true, status: true },
    });
    await saveDrafts(
      t.prisma,
      t.actors.admin,
      { periodId: q4, rows: [{ indicatorId: figure.indicatorId, unitId: figure.unitId, periodId: q4, sectorId: null, numerator: 1, denominator: 1000, version: figure.version }], reason: null },
      { now: NOW },
    );

    const sum = await checksum(t.prisma);
    const bytes = encoder.encode(csv);
    const preview = await previewImport(t.prisma, t.actors.editorVp, { periodId: q4, fileName: "mau.csv", bytes }, { now: NOW });
    expect(preview.counts.changed).toBe(1);
    expect(preview.errors).toHaveLength(1);
    expect(preview.errors[0]).toMatchObject({ column: "Phiên bản", letter: "M" });
    expect(preview.errors[0]!.message).toMatch(/Quản trị|người khác/);
    expect(preview.errors[0]!.message).toContain(`phiên bản ${figure.version + 1}`);

    const refused = await refusal(() => commitImport(t.prisma, t.actors.editorVp, { periodId: q4, fileName: "mau.csv", bytes }, { now: NOW }));
    expect(refused.code).toBe("IMPORT_INVALID");
    expect(refused.message).toMatch(/không có thay đổi nào được lưu/);
    // All or nothing: the valid first row was not written either.
    expect(await checksum(t.prisma)).toBe(sum);

    // Without the stale row the file commits, and the changed figure gets a new version.
    const fresh = await filledTemplate(() => {});
    const row = fresh.rows.find((r) => r.unitCode === mine[0]!.unitCode && r.indicatorCode === "WORK_DOSSIER_ONLINE_COMMUNE")!;
    const oldVersion = row.version as number;
    row.numerator = 999;
    const done = await commitImport(t.prisma, t.actors.editorVp, { periodId: q4, fileName: "mau.csv", bytes: encoder.encode(buildCsvTemplate(fresh)) }, { now: NOW });
    expect(done.counts).toMatchObject({ created: 0, changed: 1 });
    const updated = await t.prisma.figure.findFirstOrThrow({
      where: { periodId: q4, unit: { code: String(row.unitCode) }, indicator: { code: "WORK_DOSSIER_ONLINE_COMMUNE" } },
      select: { numerator: true, version: true, status: true },
    });
    expect([Number(updated.numerator), updated.version, updated.status]).toEqual([999, oldVersion + 1, "DRAFT"]);
  });

  it("reads how final each figure is and its source document; a file without those columns leaves them as they are (issue #14, item 11)", async () => {
    const template = await filledTemplate(() => {});
    const [a, b, c] = template.rows.filter((r) => r.indicatorCode === "WORK_DOSSIER_ONLINE_COMMUNE" && r.version !== null).slice(-3);
    a!.observationStatus = "so bo";
    a!.sourceDocument = "Báo cáo 88/BC-UBND ngày 05/01/2027";
    b!.observationStatus = "Ước tính";
    c!.observationStatus = "tạm tính";
    const refusedPreview = await previewImport(t.prisma, t.actors.editorVp, { periodId: q4, fileName: "mau.xlsx", bytes: await buildXlsxTemplate(template) }, { now: NOW });
    expect(refusedPreview.errors).toEqual([expect.objectContaining({ column: "Tình trạng số liệu", letter: "O", message: "Tình trạng số liệu phải là Chính thức, Sơ bộ hoặc Ước tính." })]);
    c!.observationStatus = "Chính thức";
    const done = await commitImport(t.prisma, t.actors.editorVp, { periodId: q4, fileName: "mau.xlsx", bytes: await buildXlsxTemplate(template) }, { now: NOW });
    expect(done.counts).toMatchObject({ changed: 2, errors: 0 });
    const read = (row: typeof a) =>
      t.prisma.figure.findFirstOrThrow({
        where: { periodId: q4, unit: { code: String(row!.unitCode) }, indicator: { code: "WORK_DOSSIER_ONLINE_COMMUNE" } },
        select: { observationStatus: true, sourceDocument: true, version: true },
      });
    expect(await read(a)).toMatchObject({ observationStatus: "PROVISIONAL", sourceDocument: "Báo cáo 88/BC-UBND ngày 05/01/2027" });
    expect(await read(b)).toMatchObject({ observationStatus: "ESTIMATED", sourceDocument: null });

    // The next template says so, and importing it changes nothing.
    const next = await filledTemplate(() => {});
    const again = next.rows.find((r) => r.unitCode === a!.unitCode && r.indicatorCode === "WORK_DOSSIER_ONLINE_COMMUNE")!;
    expect([again.observationStatus, again.sourceDocument]).toEqual(["Sơ bộ", "Báo cáo 88/BC-UBND ngày 05/01/2027"]);
    const same = await previewImport(t.prisma, t.actors.editorVp, { periodId: q4, fileName: "mau.xlsx", bytes: await buildXlsxTemplate(next) }, { now: NOW });
    expect(same.counts.changed).toBe(0);

    // A CSV made before the columns existed (no such headers): the figures keep theirs.
    const [header, ...records] = parseCsv(buildCsvTemplate(next).slice(1), { relax_column_count: true }) as string[][];
    const keep = header!.length - 2;
    expect(header!.slice(keep)).toEqual(["Tình trạng số liệu", "Văn bản nguồn"]);
    const old = csvDocument(header!.slice(0, keep), records.map((r) => r.slice(0, keep).map((v) => (v === "" ? null : v))));
    const kept = await previewImport(t.prisma, t.actors.editorVp, { periodId: q4, fileName: "cu.csv", bytes: encoder.encode(old) }, { now: NOW });
    expect(kept.errors).toEqual([]);
    expect(kept.counts.changed).toBe(0);
  });

  it("rolls back every row when a write fails half way (a cell created by someone else between check and write)", async () => {
    const template = await filledTemplate(() => {});
    const empty = template.rows.filter((r) => r.indicatorCode === "WORK_DOSSIER_ONLINE_COMMUNE" && r.version === null).slice(0, 4);
    expect(empty).toHaveLength(4);
    for (const r of empty) {
      r.numerator = 10;
      r.denominator = 20;
    }
    const bytes = await buildXlsxTemplate(template);
    const race = empty[3]!;
    const sum = await checksum(t.prisma);
    const refused = await refusal(() =>
      commitImport(
        t.prisma,
        t.actors.editorVp,
        { periodId: q4, fileName: "mau.xlsx", bytes },
        {
          now: NOW,
          // After the check, before the writes: another writer creates the fourth cell.
          onProgress: async (p) => {
            if (p.phase === "write" && p.done === 0) {
              const unit = await t.prisma.adminUnit.findFirstOrThrow({ where: { code: String(race.unitCode), validTo: null }, select: { id: true } });
              const indicator = await t.prisma.indicator.findUniqueOrThrow({ where: { code: "WORK_DOSSIER_ONLINE_COMMUNE" }, select: { id: true, responsibleDepartmentId: true } });
              await t.prisma.figure.create({ data: { indicatorId: indicator.id, unitId: unit.id, periodId: q4, numerator: 1, denominator: 2, departmentId: indicator.responsibleDepartmentId } });
            }
          },
        },
      ),
    );
    expect(refused.code).toBe("CONFLICT");
    const after = await checksum(t.prisma);
    // Only the racing writer's own row exists; none of the file's three other rows, no audit row.
    expect(after.split("|")[2]).toBe(sum.split("|")[2]);
    expect(Number(after.split("|")[0]!.split(":")[0])).toBe(Number(sum.split("|")[0]!.split(":")[0]) + 1);
  });

  it("says by row and column what is wrong: out of scope, unknown codes, other quarter, bad numbers, duplicates", async () => {
    const template = (await getImportTemplate(t.actors.admin, "2026-Q4", NOW))!;
    const commune = template.rows.filter((r) => r.indicatorCode === "WORK_DOSSIER_ONLINE_COMMUNE" && r.version === null).slice(0, 6);
    // An editor limited to one commune: the others are outside their scope.
    const allowed = await t.prisma.adminUnit.findFirstOrThrow({ where: { code: String(commune[0]!.unitCode), validTo: null }, select: { id: true } });
    const scoped = await createScopedEditor(t.prisma, "scoped-import@example.vn", "VP_UBND", [allowed.id]);
    const data: TemplateData = { ...template, rows: [] };
    data.rows.push({ ...commune[0]!, numerator: "1.650", denominator: "2.000" }); // ok, Vietnamese thousands
    data.rows.push({ ...commune[1]!, numerator: 5, denominator: 10 }); // out of scope
    data.rows.push({ ...commune[0]!, numerator: 1, denominator: 2 }); // duplicate of the first
    data.rows.push({ ...commune[0]!, unitCode: "99999", numerator: 1, denominator: 2 }); // unknown unit
    data.rows.push({ ...commune[0]!, indicatorCode: "NOPE", numerator: 1, denominator: 2 }); // unknown indicator
    data.rows.push({ ...commune[0]!, period: "2026-Q3", numerator: 1, denominator: 2 }); // other quarter
    data.rows.push({ ...commune[0]!, numerator: "mười", denominator: 2 }); // text in a number cell
    data.rows.push({ ...commune[0]!, numerator: 3, denominator: 2 }); // numerator above denominator (duplicate too)
    const preview = await previewImport(t.prisma, scoped, { periodId: q4, fileName: "x.csv", bytes: encoder.encode(buildCsvTemplate(data)) }, { now: NOW });
    const byLine = (line: number) => preview.errors.filter((e) => e.line === line).map((e) => `${e.column ?? "-"}: ${e.message}`);
    expect(byLine(2)).toEqual([]);
    expect(byLine(3)).toEqual([expect.stringMatching(/^Mã đơn vị: .*không thuộc phạm vi/)]);
    expect(byLine(4)).toEqual(["-: Trùng với dòng 2: cùng chỉ tiêu, đơn vị và ngành."]);
    expect(byLine(5)).toEqual(["Mã đơn vị: Mã đơn vị “99999” không có trong danh mục đơn vị hành chính."]);
    expect(byLine(6)).toEqual(["Mã chỉ tiêu: Mã chỉ tiêu “NOPE” không có trong danh mục."]);
    expect(byLine(7)[0]).toMatch(/^Kỳ báo cáo: Dòng thuộc kỳ “2026-Q3”/);
    expect(byLine(8)).toContain("Tử số: Tử số phải là một số (ví dụ 1.650).");
    expect(byLine(9).join(" ")).toMatch(/Trùng với dòng 2/);
    expect(preview.counts.created).toBe(1);
    expect(preview.changes[0]!.after).toMatchObject({ numerator: 1650, denominator: 2000 });
  });

  it("follows the form's period rules: a locked quarter is refused to editors, admins need a reason", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet(DATA_SHEET).addRow(["Mã chỉ tiêu"]);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect((await refusal(() => previewImport(t.prisma, t.actors.editorVp, { periodId: q2, fileName: "a.xlsx", bytes }, { now: NOW }))).code).toBe("PERIOD_LOCKED");
    expect((await refusal(() => previewImport(t.prisma, t.actors.admin, { periodId: q2, fileName: "a.xlsx", bytes }, { now: NOW }))).code).toBe("REASON_REQUIRED");
    const preview = await previewImport(t.prisma, t.actors.admin, { periodId: q2, fileName: "a.xlsx", bytes, reason: "Sửa theo báo cáo của Sở" }, { now: NOW });
    expect(preview.errors[0]!.message).toMatch(/^Thiếu cột “Mã đơn vị”/);
    expect((await refusal(() => previewImport(t.prisma, t.actors.viewer, { periodId: q4, fileName: "a.xlsx", bytes }, { now: NOW }))).code).toBe("FORBIDDEN");
  });
});
