/**
 * Writes the template of a quarter: every indicator × unit (× sector) the
 * editor may enter, with the current values and versions, as .xlsx (key
 * columns locked in a protected sheet, a guide sheet) or as CSV (UTF-8 with a
 * BOM and CRLF, so Excel opens the Vietnamese names correctly). Pure: the
 * rows come from lib/data/import-template.ts.
 */
import ExcelJS from "exceljs";
import { csvDocument } from "@/lib/export/csv";
import { OBSERVATION_STATUS_LABELS, OBSERVATION_STATUSES } from "@/lib/validations/figure";
import { DATA_SHEET, GUIDE_SHEET, IMPORT_COLUMNS, IMPORT_LIMITS_TEXT, type ImportColumnKey } from "./columns";

/** The provenance columns came later: a row may leave them out (blank in the file). */
type OptionalColumn = "observationStatus" | "sourceDocument";
export type TemplateRow = Record<Exclude<ImportColumnKey, OptionalColumn>, string | number | null> & Partial<Record<OptionalColumn, string | null>>;

export interface TemplateData {
  periodKey: string;
  periodLabel: string;
  generatedAt: Date;
  actorName: string;
  rows: TemplateRow[];
}

export function templateFileName(periodKey: string, format: "xlsx" | "csv"): string {
  return `mau-nhap-so-lieu-${periodKey}.${format}`;
}

const GUIDE_LINES = (data: TemplateData) => [
  `Tệp mẫu nhập số liệu — ${data.periodLabel}`,
  `Tạo lúc ${data.generatedAt.toISOString().replace("T", " ").slice(0, 16)} (UTC) cho ${data.actorName}.`,
  "",
  `Mỗi dòng của trang “${DATA_SHEET}” là một ô số liệu: chỉ tiêu × đơn vị (× ngành, lĩnh vực) của kỳ.`,
  "Chỉ tiêu tỷ lệ: nhập Tử số và Mẫu số (số nguyên), để trống Giá trị.",
  "Chỉ tiêu khác: nhập Giá trị, để trống Tử số và Mẫu số.",
  "Số viết kiểu Việt Nam được chấp nhận: 1.650 (nghìn) và 34,87 (thập phân).",
  "Tình trạng số liệu: Chính thức (để trống cũng là Chính thức), Sơ bộ hoặc Ước tính. Văn bản nguồn: số, ngày của báo cáo hoặc địa chỉ trang (không bắt buộc).",
  "Dòng để trống cả Tử số, Mẫu số và Giá trị được bỏ qua.",
  "Không đổi tên trang tính, không đổi tên hay xóa cột; không gộp ô, không dùng công thức.",
  "Cột Phiên bản cho biết bản số liệu bạn đã tải về: nếu người khác sửa số liệu sau đó, dòng đó bị từ chối thay vì ghi đè.",
  "Tải tệp lên ở trang Nhập số liệu → Nhập từ tệp: bạn xem trước mọi thay đổi và lỗi trước khi ghi.",
  "Số liệu được lưu dạng Bản nháp; sau đó gửi duyệt ở bảng nhập liệu như bình thường.",
  `Giới hạn: ${IMPORT_LIMITS_TEXT}.`,
];

export async function buildXlsxTemplate(data: TemplateData): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "dx-tracker";
  workbook.created = data.generatedAt;
  const sheet = workbook.addWorksheet(DATA_SHEET, { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
  sheet.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  IMPORT_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: c.editable ? "FFFFF2CC" : "FFE2E8F0" } };
    if (c.numeric && c.key !== "version") sheet.getColumn(i + 1).numFmt = c.key === "value" ? "#,##0.####" : "#,##0";
  });
  for (const row of data.rows) {
    const added = sheet.addRow(IMPORT_COLUMNS.map((c) => row[c.key] ?? null));
    IMPORT_COLUMNS.forEach((c, i) => {
      if (c.editable) added.getCell(i + 1).protection = { locked: false };
      // A drop-down of the three words the import reads (it also takes them without diacritics).
      if (c.key === "observationStatus") {
        added.getCell(i + 1).dataValidation = {
          type: "list",
          allowBlank: true,
          formulae: [`"${OBSERVATION_STATUSES.map((s) => OBSERVATION_STATUS_LABELS[s].vi).join(",")}"`],
          showErrorMessage: true,
          errorTitle: "Tình trạng số liệu",
          error: "Chọn Chính thức, Sơ bộ hoặc Ước tính.",
        };
      }
    });
  }
  // Protection keeps the keys from being typed over by accident; the server checks every row anyway.
  await sheet.protect("", {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    autoFilter: true,
    sort: false,
    insertRows: false,
    deleteRows: false,
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: IMPORT_COLUMNS.length } };

  const guide = workbook.addWorksheet(GUIDE_SHEET);
  guide.getColumn(1).width = 110;
  for (const line of GUIDE_LINES(data)) guide.addRow([line]);
  guide.getRow(1).font = { bold: true, size: 14 };
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** Numbers the Vietnamese way, so Excel in a Vietnamese locale and the parser read them alike (quoted: they hold a comma). */
const templateValue = (value: string | number | null): string | null => (typeof value === "number" ? String(value).replace(".", ",") : value);

/** RFC 4180 with a BOM and CRLF; decimals with a comma, so those fields are quoted. */
export function buildCsvTemplate(data: TemplateData): string {
  // Text is defused by the one CSV writer (lib/export/csv.ts); numbers never start a formula.
  return csvDocument(
    IMPORT_COLUMNS.map((c) => c.header),
    data.rows.map((row) => IMPORT_COLUMNS.map((c) => templateValue(row[c.key] ?? null))),
  );
}
