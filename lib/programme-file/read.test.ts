import { describe, expect, it } from "vitest";
import { Ajv2020 } from "ajv/dist/2020.js";
import type ExcelJS from "exceljs";
import { INDICATOR_MESSAGES, NEW_INDICATOR_MESSAGES } from "@/lib/validations/admin-indicators";
import { sampleProgrammeFile, SAMPLE_INDICATOR } from "@/tests/helpers/programme-file-sample";
import { readProgrammeFile, READ_MESSAGES } from "./read";
import { FILE_MESSAGES, programmeFileJsonSchema } from "./schema";
import { readProgrammeWorkbook, writeProgrammeXlsx, XLSX_MESSAGES } from "./xlsx";
import { lyingDirectoryBomb, sharedStringsBomb } from "@/lib/import/zip-fixtures";

const json = (doc: unknown) => new TextEncoder().encode(JSON.stringify(doc));
const read = (name: string, bytes: Uint8Array) => readProgrammeFile(name, bytes, readProgrammeWorkbook);

/** The sample as a workbook, changed by `edit` before it is saved. */
async function workbook(edit: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.Workbook();
  await wb.xlsx.load((await writeProgrammeXlsx(sampleProgrammeFile())) as unknown as ArrayBuffer);
  edit(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("a programme definition file as JSON", () => {
  it("reads a valid file into the document", async () => {
    const result = await read("p.json", json(sampleProgrammeFile()));
    expect(result.errors).toEqual([]);
    expect(result.file).toEqual(sampleProgrammeFile());
  });

  it("places every problem by part, item and field, in Vietnamese", async () => {
    const doc = sampleProgrammeFile() as unknown as { targets: Record<string, unknown>[]; indicators: Record<string, unknown>[] };
    doc.targets[1]!.value = "tám mươi";
    doc.indicators[0]!.numeratorLabelVi = null;
    const result = await read("p.json", json(doc));
    expect(result.file).toBeNull();
    expect(result.errors).toEqual([
      { sheet: "Chỉ tiêu", row: 1, column: "numeratorLabelVi", message: NEW_INDICATOR_MESSAGES.ratioLabels },
      { sheet: "Mục tiêu", row: 2, column: "value", message: INDICATOR_MESSAGES.valueInvalid },
    ]);
  });

  it("checks the rules across parts once every field reads", async () => {
    const doc = sampleProgrammeFile();
    doc.targets[0]!.indicatorCode = "KHONG_CO";
    doc.targets[1]!.year = 2031;
    doc.programme.visionYear = 2029;
    doc.targets.push({ ...doc.targets[1]! });
    doc.targets[0]!.answers = { programmeCode: "749/QĐ-TTg", indicatorCode: "DVC_L4_SHARE", level: "PROVINCE", sectorCode: null, year: 2030 };
    const result = await read("p.json", json(doc));
    expect(result.errors).toEqual([
      { sheet: "Chương trình", row: null, column: "visionYear", message: "Năm định hướng không được trước năm kết thúc giai đoạn." },
      { sheet: "Mục tiêu", row: 1, column: "indicatorCode", message: FILE_MESSAGES.unlistedIndicator("KHONG_CO") },
      { sheet: "Mục tiêu", row: 1, column: "answers.indicatorCode", message: FILE_MESSAGES.answersOtherFigure },
      { sheet: "Mục tiêu", row: 2, column: "year", message: FILE_MESSAGES.yearOutside },
      { sheet: "Mục tiêu", row: 3, column: "year", message: FILE_MESSAGES.yearOutside },
      { sheet: "Mục tiêu", row: 3, column: null, message: FILE_MESSAGES.duplicateTarget },
    ]);
  });

  it("refuses two baselines of one indicator × level × sector, whatever their days: one is current (ADR 032)", async () => {
    const doc = sampleProgrammeFile();
    const first = doc.baselines[0]!;
    doc.baselines.push({ ...first, date: "2020-12-31", value: 40 });
    const refused = await read("p.json", json(doc));
    expect(refused.file).toBeNull();
    expect(refused.errors).toEqual([{ sheet: "Mức gốc", row: 2, column: null, message: FILE_MESSAGES.duplicateBaseline }]);
    expect(FILE_MESSAGES.duplicateBaseline).toMatch(/^Trùng mức gốc: cùng chỉ tiêu, cấp và ngành/);

    // Another level of the same indicator is another key.
    const commune = sampleProgrammeFile();
    commune.indicators[0]!.levels = ["PROVINCE", "COMMUNE"];
    commune.baselines.push({ ...commune.baselines[0]!, level: "COMMUNE", value: 40 });
    expect((await read("p.json", json(commune))).errors).toEqual([]);
  });

  it("takes a province-wide baseline of an indicator entered by communes, not a district one; a rate's baseline is 0–100", async () => {
    const doc = sampleProgrammeFile();
    doc.indicators[0]!.levels = ["COMMUNE"];
    doc.targets.forEach((t) => (t.level = "COMMUNE"));
    expect((await read("p.json", json(doc))).errors).toEqual([]);
    doc.baselines[0]!.level = "DISTRICT";
    doc.baselines.push({ ...doc.baselines[0]!, level: "COMMUNE", value: 100.5 });
    expect((await read("p.json", json(doc))).errors).toEqual([
      { sheet: "Mức gốc", row: 1, column: "level", message: FILE_MESSAGES.levelNotEntered(SAMPLE_INDICATOR) },
      { sheet: "Mức gốc", row: 2, column: "value", message: "Mức gốc tỷ lệ phải từ 0 đến 100%." },
    ]);
  });

  it("refuses what is not a file of this format, saying so in Vietnamese", async () => {
    expect((await read("p.json", json({ formatVersion: 1 }))).errors.map((e) => [e.sheet, e.message])).toEqual([
      ["Chương trình", READ_MESSAGES.invalidType("object")],
      ["Chỉ tiêu", READ_MESSAGES.invalidType("array")],
      ["Mục tiêu", READ_MESSAGES.invalidType("array")],
      ["Mức gốc", READ_MESSAGES.invalidType("array")],
    ]);
    expect((await read("p.json", new TextEncoder().encode("{ oops"))).errors[0]!.message).toMatch(/^Tệp JSON sai cú pháp/);
    expect((await read("p.txt", new TextEncoder().encode("hello"))).errors[0]!.message).toBe(READ_MESSAGES.unknownFormat);
    const stray = { ...sampleProgrammeFile(), extra: 1 };
    expect((await read("p.json", json(stray))).errors[0]!.message).toBe(READ_MESSAGES.unknownFields(["extra"]));
  });
});

describe("a programme definition file as a workbook", () => {
  it("reads back the workbook written from a document", async () => {
    const bytes = new Uint8Array(await writeProgrammeXlsx(sampleProgrammeFile()));
    const result = await read("p.xlsx", bytes);
    expect(result.errors).toEqual([]);
    expect(result.file).toEqual(sampleProgrammeFile());
  });

  it("reads cells the way a planning office types them: 34,87 · Tỉnh · có · a date cell", async () => {
    const bytes = await workbook((wb) => {
      const targets = wb.getWorksheet("Mục tiêu")!;
      targets.getCell("F2").value = "84,5";
      const indicators = wb.getWorksheet("Chỉ tiêu")!;
      indicators.getCell("K2").value = "Tỉnh";
      const baselines = wb.getWorksheet("Mức gốc")!;
      baselines.getCell("E2").value = new Date(Date.UTC(2025, 11, 31));
      baselines.getCell("E2").numFmt = "dd/mm/yyyy";
      baselines.getCell("F2").value = "Có";
    });
    const result = await read("p.xlsx", bytes);
    expect(result.errors).toEqual([]);
    expect(result.file!.targets[0]!.value).toBe(84.5);
    expect(result.file!.indicators[0]!.levels).toEqual(["PROVINCE"]);
    expect(result.file!.baselines[0]).toMatchObject({ date: "2025-12-31", dateAssumed: true });
  });

  it("places errors by sheet, row and column header, in Vietnamese", async () => {
    const bytes = await workbook((wb) => {
      const targets = wb.getWorksheet("Mục tiêu")!;
      targets.getCell("F3").value = "chín lăm";
      targets.getCell("B3").value = "TINH";
      wb.getWorksheet("Chỉ tiêu")!.getCell("A2").value = "hddt";
    });
    const result = await read("p.xlsx", bytes);
    expect(result.errors).toEqual([
      { sheet: "Chỉ tiêu", row: 2, column: "Mã chỉ tiêu", message: FILE_MESSAGES.indicatorCode },
      { sheet: "Mục tiêu", row: 3, column: "Cấp", message: INDICATOR_MESSAGES.levelInvalid },
      { sheet: "Mục tiêu", row: 3, column: "Giá trị", message: INDICATOR_MESSAGES.valueInvalid },
    ]);
    // Fixed, the rows that named the old code are found and placed the same way.
    const renamed = await workbook((wb) => (wb.getWorksheet("Chỉ tiêu")!.getCell("A2").value = "HDDT_MOI"));
    expect((await read("p.xlsx", renamed)).errors.map((e) => [e.sheet, e.row, e.column])).toEqual([
      ["Mục tiêu", 2, "Mã chỉ tiêu"],
      ["Mục tiêu", 3, "Mã chỉ tiêu"],
      ["Mức gốc", 2, "Mã chỉ tiêu"],
    ]);
    expect((await read("p.xlsx", renamed)).errors[0]!.message).toBe(FILE_MESSAGES.unlistedIndicator(SAMPLE_INDICATOR));
  });

  it("refuses a workbook without a part's sheet or column, a formula, and an Excel 97 file", async () => {
    const noSheet = await workbook((wb) => wb.removeWorksheet(wb.getWorksheet("Mức gốc")!.id));
    expect((await read("p.xlsx", noSheet)).errors[0]!.message).toBe(XLSX_MESSAGES.missingSheet("Mức gốc", ["Hướng dẫn", "Chương trình", "Chỉ tiêu", "Mục tiêu"]));
    const noColumn = await workbook((wb) => (wb.getWorksheet("Mục tiêu")!.getCell("F1").value = null));
    expect((await read("p.xlsx", noColumn)).errors).toEqual([{ sheet: "Mục tiêu", row: 1, column: null, message: XLSX_MESSAGES.missingColumns(["Giá trị"]) }]);
    const formula = await workbook((wb) => (wb.getWorksheet("Mục tiêu")!.getCell("F2").value = { formula: "80+5", result: 85 }));
    expect((await read("p.xlsx", formula)).errors).toEqual([{ sheet: "Mục tiêu", row: 2, column: "Giá trị (F)", message: "Ô chứa công thức (=80+5). Hãy thay bằng giá trị (Sao chép → Dán đặc biệt → Giá trị)." }]);
    // Zip bombs are refused by the zip budget before ExcelJS sees them, as the figures import's are.
    for (const bomb of [await sharedStringsBomb(), await lyingDirectoryBomb()]) {
      expect((await read("bom.xlsx", new Uint8Array(bomb))).errors).toEqual([{ sheet: null, row: null, column: null, message: XLSX_MESSAGES.zipRefused }]);
    }
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]);
    expect((await read("p.xls", xls)).errors[0]!.message).toMatch(/97–2003/);
  });
});

describe("the published JSON Schema", () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validate = ajv.compile(programmeFileJsonSchema());

  it("accepts the sample file and rejects a broken one", () => {
    expect(validate(sampleProgrammeFile()), JSON.stringify(validate.errors)).toBe(true);
    const broken = sampleProgrammeFile() as unknown as { targets: Record<string, unknown>[] };
    broken.targets[0]!.level = "TINH";
    expect(validate(broken)).toBe(false);
    expect(validate({ ...sampleProgrammeFile(), formatVersion: 2 })).toBe(false);
    expect(validate({ ...sampleProgrammeFile(), programme: undefined })).toBe(false);
  });
});
