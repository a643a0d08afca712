/**
 * Programme definition files (issue #15, item 3; ADR 033) on scratch databases: a file previews
 * what it would create and writes nothing; committed, it writes the programme, the new indicator,
 * targets and baselines with their audit rows in one transaction — or, when any row fails, nothing
 * at all; a programme code that exists and a caller without the catalogue permission are refused;
 * an existing indicator is referenced, never modified; and the demo's programmes exported into an
 * empty catalogue and exported again give the same files (and the published JSON Schema accepts them).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Ajv2020 } from "ajv/dist/2020.js";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { seedDatabase } from "@/lib/seed/seed";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { AuthError } from "@/lib/auth/errors";
import { DomainError } from "@/lib/errors";
import { buildProgrammeFile } from "@/lib/programme-file/export";
import { programmeFileJsonSchema, type ProgrammeFile } from "@/lib/programme-file/schema";
import { writeProgrammeXlsx } from "@/lib/programme-file/xlsx";
import { commitProgrammeImport, previewProgrammeImport, PROGRAMME_IMPORT_MESSAGES } from "@/lib/services/programme-import";
import { PROGRAMME_MESSAGES } from "@/lib/validations/admin-programmes";
import { sampleProgrammeFile, SAMPLE_INDICATOR } from "../helpers/programme-file-sample";
import { createScratchDatabase, type ScratchDatabase } from "./helpers/database";

const NOW = new Date("2026-11-28T08:00:00Z");
let scratch: ScratchDatabase;
let db: PrismaClient;
let admin: Actor;
let editor: Actor;

const json = (file: unknown) => new TextEncoder().encode(JSON.stringify(file));
const asJson = (file: unknown, fileName = "chuong-trinh.json") => ({ fileName, bytes: json(file) });

beforeAll(async () => {
  scratch = await createScratchDatabase("progfile");
  await migrate(scratch.url);
  db = createPrismaClient(scratch.url, { maxConnections: 4 });
  await seedDatabase(db, { demo: true, now: NOW });
  const a = await db.user.create({ data: { email: "admin@progfile.test", name: "Quản trị", role: "ADMIN", passwordHash: "x" } });
  admin = (await loadActor(db, a.id))!;
  const vp = await db.department.findUniqueOrThrow({ where: { code: "VP_UBND" } });
  const e = await db.user.create({ data: { email: "editor@progfile.test", name: "Nhập liệu", role: "EDITOR", departmentId: vp.id, passwordHash: "x" } });
  editor = (await loadActor(db, e.id))!;
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  await scratch?.drop();
});

async function refusal(promise: Promise<unknown>): Promise<DomainError | AuthError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error instanceof DomainError || error instanceof AuthError, String(error)).toBe(true);
  return error as DomainError;
}

const census = async () => ({
  programmes: await db.programme.count(),
  indicators: await db.indicator.count(),
  targets: await db.target.count(),
  baselines: await db.baseline.count(),
  audit: await db.auditLog.count(),
});

describe("importing a programme definition file", () => {
  it("refuses a caller without the catalogue permission, and one not signed in, writing nothing", async () => {
    const before = await census();
    expect((await refusal(previewProgrammeImport(db, editor, asJson(sampleProgrammeFile())))).code).toBe("FORBIDDEN");
    expect((await refusal(commitProgrammeImport(db, editor, asJson(sampleProgrammeFile())))).code).toBe("FORBIDDEN");
    expect((await refusal(commitProgrammeImport(db, null, asJson(sampleProgrammeFile())))).code).toBe("UNAUTHENTICATED");
    expect(await census()).toEqual(before);
  });

  it("previews what it would create and writes nothing", async () => {
    const before = await census();
    const preview = await previewProgrammeImport(db, admin, asJson(sampleProgrammeFile()));
    expect(preview.errors).toEqual([]);
    expect(preview.programme).toMatchObject({ code: "09-NQ/TU", startYear: 2026, endYear: 2030 });
    expect(preview.counts).toEqual({ newIndicators: 1, existingIndicators: 0, targets: 2, baselines: 1, errors: 0, warnings: 0 });
    expect(preview.newIndicators).toEqual([{ code: SAMPLE_INDICATOR, nameVi: "Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử" }]);
    expect(await census()).toEqual(before);
  });

  it("writes nothing at all when the last target row fails, in the check or in the write", async () => {
    const before = await census();
    // Refused by the check: the last row answers a national target that does not exist; placed by sheet and row.
    const file = sampleProgrammeFile("10-NQ/TU");
    file.targets[1]!.answers = { programmeCode: "749/QĐ-TTg", indicatorCode: SAMPLE_INDICATOR, level: "PROVINCE", sectorCode: null, year: 2030 };
    const bytes = new Uint8Array(await writeProgrammeXlsx(file));
    const preview = await previewProgrammeImport(db, admin, { fileName: "p.xlsx", bytes });
    expect(preview.errors).toEqual([{ sheet: "Mục tiêu", row: 3, column: "Đáp ứng: mã chỉ tiêu", message: PROGRAMME_IMPORT_MESSAGES.answersTargetUnknown("749/QĐ-TTg") }]);
    const refused = await refusal(commitProgrammeImport(db, admin, { fileName: "p.xlsx", bytes }));
    expect(refused.code).toBe("IMPORT_INVALID");
    expect(refused.message).toBe(PROGRAMME_IMPORT_MESSAGES.invalidFile(1));
    expect(await census()).toEqual(before);

    // Refused by the database while writing (a trigger stands in for any failure): the programme and
    // the indicator already inserted in the transaction are rolled back with it.
    await db.$executeRawUnsafe(`CREATE FUNCTION test_fail_target() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'test: target refused'; END $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER test_fail_target BEFORE INSERT ON "Target" FOR EACH ROW WHEN (NEW."sourceClauseVi" = 'HỎNG') EXECUTE FUNCTION test_fail_target()`);
    try {
      const failing = sampleProgrammeFile("10-NQ/TU");
      failing.targets[1]!.sourceClauseVi = "HỎNG";
      const error = await commitProgrammeImport(db, admin, asJson(failing)).then(
        () => null,
        (e: unknown) => e,
      );
      expect(String(error)).toMatch(/test: target refused/);
      expect(await census()).toEqual(before);
      expect(await db.programme.findUnique({ where: { code: "10-NQ/TU" } })).toBeNull();
      expect(await db.indicator.findUnique({ where: { code: SAMPLE_INDICATOR } })).toBeNull();
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER test_fail_target ON "Target"`);
      await db.$executeRawUnsafe(`DROP FUNCTION test_fail_target()`);
    }
  });

  it("commits a workbook read in the child process: programme, new indicator, targets, baseline and their audit rows", async () => {
    const bytes = new Uint8Array(await writeProgrammeXlsx(sampleProgrammeFile()));
    const result = await commitProgrammeImport(db, admin, { fileName: "09-NQ-TU.xlsx", bytes });
    expect(result.counts).toMatchObject({ newIndicators: 1, targets: 2, baselines: 1, errors: 0 });
    const programme = await db.programme.findUniqueOrThrow({ where: { code: "09-NQ/TU" } });
    expect(programme).toMatchObject({ scope: "PROVINCE", provinceCode: "19", startYear: 2026, endYear: 2030, status: "IN_FORCE" });
    const indicator = await db.indicator.findUniqueOrThrow({ where: { code: SAMPLE_INDICATOR }, include: { responsibleDepartment: true } });
    expect(indicator).toMatchObject({ kind: "RATIO", levels: ["PROVINCE"], responsibleDepartment: { code: "VP_UBND" } });
    const targets = await db.target.findMany({ where: { programmeId: programme.id }, orderBy: { year: "asc" } });
    expect(targets.map((t) => [t.year, t.comparator, t.value?.toNumber()])).toEqual([
      [2028, "GTE", 85],
      [2030, "GTE", 95],
    ]);
    expect(await db.baseline.count({ where: { indicatorId: indicator.id } })).toBe(1);

    const audit = await db.auditLog.findMany({ where: { actorId: admin.id }, orderBy: { id: "asc" }, select: { action: true, entityType: true } });
    expect(audit.map((a) => `${a.action} ${a.entityType}`)).toEqual([
      "PROGRAMME_CREATED Programme",
      "INDICATOR_CREATED Indicator",
      "TARGET_ADDED Indicator",
      "TARGET_ADDED Indicator",
      "BASELINE_ADDED Baseline",
      "PROGRAMME_IMPORTED ProgrammeFile",
    ]);
    const fileRow = await db.auditLog.findFirstOrThrow({ where: { action: "PROGRAMME_IMPORTED" } });
    expect(fileRow.after).toMatchObject({ fileName: "09-NQ-TU.xlsx", format: "xlsx", code: "09-NQ/TU", targets: 2 });
  });

  it("refuses a programme code that exists, saying so at its cell, and writes nothing", async () => {
    const before = await census();
    const preview = await previewProgrammeImport(db, admin, asJson(sampleProgrammeFile()));
    expect(preview.errors).toContainEqual({ sheet: "Chương trình", row: null, column: "code", message: PROGRAMME_IMPORT_MESSAGES.codeTaken("09-NQ/TU") });
    const refused = await refusal(commitProgrammeImport(db, admin, asJson(sampleProgrammeFile())));
    expect(refused.code).toBe("IMPORT_INVALID");
    expect(await census()).toEqual(before);
  });

  it("refuses a new code whose public page address another programme has (09/NQ-TU beside 09-NQ/TU), and writes nothing", async () => {
    const before = await census();
    const preview = await previewProgrammeImport(db, admin, asJson(sampleProgrammeFile("09/NQ-TU")));
    expect(preview.errors).toContainEqual({ sheet: "Chương trình", row: null, column: "code", message: PROGRAMME_MESSAGES.slugTaken("09-NQ/TU", "09-nq-tu") });
    expect((await refusal(commitProgrammeImport(db, admin, asJson(sampleProgrammeFile("09/NQ-TU"))))).code).toBe("IMPORT_INVALID");
    expect(await census()).toEqual(before);
  });

  it("records a programme already superseded by one that exists, and refuses a successor that does not", async () => {
    const file = sampleProgrammeFile("08-NQ/TU");
    file.indicators = [];
    file.targets = [];
    file.baselines = [];
    file.programme.status = "SUPERSEDED";
    file.programme.supersededByCode = "07-NQ/TU";
    const preview = await previewProgrammeImport(db, admin, asJson(file));
    expect(preview.errors).toEqual([{ sheet: "Chương trình", row: null, column: "supersededByCode", message: PROGRAMME_IMPORT_MESSAGES.successorUnknown("07-NQ/TU") }]);
    file.programme.supersededByCode = "09-NQ/TU";
    const { programmeId } = await commitProgrammeImport(db, admin, asJson(file));
    expect(await db.programme.findUniqueOrThrow({ where: { id: programmeId }, select: { status: true, supersededBy: { select: { code: true } } } })).toEqual({ status: "SUPERSEDED", supersededBy: { code: "09-NQ/TU" } });
    expect((await buildProgrammeFile(db, programmeId)).programme).toEqual(file.programme);
  });

  it("references an existing indicator without changing it: a different meaning is an error, a different text a warning", async () => {
    const file = sampleProgrammeFile("11-NQ/TU");
    file.indicators[0]!.sourceVi = sampleProgrammeFile().indicators[0]!.sourceVi;
    file.indicators[0]!.nameEn = "E-invoices (renamed)";
    file.baselines[0]!.value = 70;
    let preview = await previewProgrammeImport(db, admin, asJson(file));
    expect(preview.errors).toEqual([]);
    expect(preview.counts).toMatchObject({ newIndicators: 0, existingIndicators: 1, targets: 2, baselines: 0 });
    expect(preview.warnings.map((w) => [w.sheet, w.row, w.column, w.message])).toEqual([
      ["Chỉ tiêu", 1, "nameEn", PROGRAMME_IMPORT_MESSAGES.indicatorTextDiffers("tên tiếng Anh")],
      ["Mức gốc", 1, null, PROGRAMME_IMPORT_MESSAGES.baselineNotWritten],
    ]);
    file.indicators[0]!.kind = "COUNT";
    file.indicators[0]!.numeratorLabelVi = null;
    file.indicators[0]!.denominatorLabelVi = null;
    preview = await previewProgrammeImport(db, admin, asJson(file));
    expect(preview.errors).toEqual([{ sheet: "Chỉ tiêu", row: 1, column: "kind", message: PROGRAMME_IMPORT_MESSAGES.indicatorDiffers("loại", "RATIO", "COUNT") }]);

    file.indicators[0]!.kind = "RATIO";
    file.indicators[0]!.numeratorLabelVi = sampleProgrammeFile().indicators[0]!.numeratorLabelVi;
    file.indicators[0]!.denominatorLabelVi = sampleProgrammeFile().indicators[0]!.denominatorLabelVi;
    await commitProgrammeImport(db, admin, asJson(file));
    const indicator = await db.indicator.findUniqueOrThrow({ where: { code: SAMPLE_INDICATOR } });
    expect(indicator.nameEn).toBe("Share of enterprises using e-invoices");
    expect(await db.baseline.count({ where: { indicatorId: indicator.id } })).toBe(1);
    expect(await db.target.count({ where: { indicatorId: indicator.id } })).toBe(4);
  });
});

const byJson = <T,>(rows: T[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
const canonical = (f: ProgrammeFile) => ({ ...f, indicators: byJson(f.indicators), targets: byJson(f.targets), baselines: byJson(f.baselines) });

describe("exporting a programme", () => {
  it("gives the demo's programmes as files the published JSON Schema accepts, and a broken one it rejects", async () => {
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(programmeFileJsonSchema());
    for (const code of ["01-NQ/TU", "749/QĐ-TTg"]) {
      const p = await db.programme.findUniqueOrThrow({ where: { code } });
      const file = await buildProgrammeFile(db, p.id);
      expect(file.targets.length, code).toBeGreaterThan(0);
      expect(validate(file), `${code}: ${JSON.stringify(validate.errors)}`).toBe(true);
      const broken = structuredClone(file) as unknown as { indicators: Record<string, unknown>[] };
      broken.indicators[0]!.levels = [];
      expect(validate(broken)).toBe(false);
    }
  });

  it("round-trips: the demo's programmes imported into an empty catalogue export as the same files", async () => {
    const files: ProgrammeFile[] = [];
    for (const code of ["749/QĐ-TTg", "01-NQ/TU"]) files.push(await buildProgrammeFile(db, (await db.programme.findUniqueOrThrow({ where: { code } })).id));
    expect(files[1]!.targets.some((t) => t.answers !== null)).toBe(true);

    const empty = await createScratchDatabase("progfile_empty");
    const other = createPrismaClient(empty.url, { maxConnections: 2 });
    try {
      await migrate(empty.url);
      expect(await other.indicator.count()).toBe(0);
      // The catalogue's departments and sectors, which a programme file names but does not carry.
      const departments = await db.department.findMany({ orderBy: { id: "asc" } });
      for (const d of departments) await other.department.create({ data: { code: d.code, nameVi: d.nameVi, nameEn: d.nameEn, validFrom: d.validFrom, validTo: d.validTo } });
      for (const d of departments.filter((x) => x.mergedIntoId !== null)) {
        const into = departments.find((x) => x.id === d.mergedIntoId)!;
        await other.department.update({ where: { code: d.code }, data: { mergedInto: { connect: { code: into.code } } } });
      }
      await other.sector.createMany({ data: (await db.sector.findMany()).map(({ code, nameVi, nameEn }) => ({ code, nameVi, nameEn })) });
      const u = await other.user.create({ data: { email: "admin@empty.test", name: "Quản trị", role: "ADMIN", passwordHash: "x" } });
      const otherAdmin = (await loadActor(other, u.id))!;

      // One as JSON, one as a workbook (read in the child process).
      const national = await commitProgrammeImport(other, otherAdmin, asJson(files[0]));
      const provincial = await commitProgrammeImport(other, otherAdmin, { fileName: "01.xlsx", bytes: new Uint8Array(await writeProgrammeXlsx(files[1]!)) });
      // Rows come in the catalogue's order, which there follows the order of import: compared whatever the order.
      expect(canonical(await buildProgrammeFile(other, national.programmeId))).toEqual(canonical(files[0]!));
      expect(canonical(await buildProgrammeFile(other, provincial.programmeId))).toEqual(canonical(files[1]!));
    } finally {
      await other.$disconnect();
      await empty.drop();
    }
  }, 120_000);
});
