/**
 * The spreadsheet form of a programme definition file (ADR 033): one sheet per part, the header
 * in row 1, one record per row, columns matched by their Vietnamese header (as the figures
 * template's are, lib/import/columns.ts). The writer and the reader both take the columns from
 * here, so they cannot disagree; each column names the field of the JSON document it holds.
 */

export type PartKey = "programme" | "indicators" | "targets" | "baselines";

/** How a cell is read: text, a number (Vietnamese "34,87" too), yes/no, a day, a list of levels. */
export type CellKind = "text" | "number" | "boolean" | "day" | "levels";

export interface SheetColumn {
  /** The field in the JSON document; "answers.x" is a field of the target's `answers`. */
  field: string;
  header: string;
  kind: CellKind;
  width: number;
  /** One line for the guide sheet. */
  help: string;
}

export interface SheetPart {
  key: PartKey;
  sheet: string;
  columns: readonly SheetColumn[];
}

const col = (field: string, header: string, kind: CellKind, width: number, help: string): SheetColumn => ({ field, header, kind, width, help });

const LEVEL_HELP = "PROVINCE (tỉnh), DISTRICT (huyện), COMMUNE (xã)";

export const PROGRAMME_SHEETS: readonly SheetPart[] = [
  {
    key: "programme",
    sheet: "Chương trình",
    columns: [
      col("code", "Số hiệu văn bản", "text", 16, "Như trên văn bản, ví dụ 05-NQ/TU."),
      col("titleVi", "Tên chương trình (tiếng Việt)", "text", 50, "Bắt buộc."),
      col("titleEn", "Tên chương trình (tiếng Anh)", "text", 40, "Bắt buộc."),
      col("issuerVi", "Cơ quan ban hành", "text", 30, "Bắt buộc."),
      col("issuedOn", "Ngày ban hành", "day", 14, "Năm-tháng-ngày (2026-10-15); để trống nếu không rõ."),
      col("startYear", "Năm bắt đầu", "number", 12, "Ví dụ 2026."),
      col("endYear", "Năm kết thúc", "number", 12, "Không trước năm bắt đầu."),
      col("visionYear", "Định hướng đến năm", "number", 14, "Để trống nếu không có."),
      col("scope", "Phạm vi", "text", 12, "PROVINCE (của tỉnh, mục tiêu được đánh giá) hoặc NATIONAL (quốc gia, mức tham chiếu)."),
      col("provinceCode", "Mã tỉnh", "text", 10, "Mã GSO của tỉnh (ví dụ 19) khi phạm vi là PROVINCE; để trống khi NATIONAL."),
      col("status", "Tình trạng", "text", 14, "IN_FORCE (đang hiệu lực), ENDED (đã kết thúc), SUPERSEDED (được thay thế)."),
      col("supersededByCode", "Được thay thế bởi", "text", 16, "Số hiệu chương trình đã có thay thế nó, chỉ khi tình trạng là SUPERSEDED."),
      col("sourceVi", "Nguồn", "text", 50, "Văn bản và nơi trích: số, ngày, cơ quan, đường dẫn."),
    ],
  },
  {
    key: "indicators",
    sheet: "Chỉ tiêu",
    columns: [
      col("code", "Mã chỉ tiêu", "text", 28, "Chữ in hoa không dấu, số và dấu _ (ví dụ DVC_TOAN_TRINH). Mã đã có trong danh mục: chỉ tham chiếu, không sửa."),
      col("nameVi", "Tên chỉ tiêu (tiếng Việt)", "text", 50, "Bắt buộc."),
      col("nameEn", "Tên chỉ tiêu (tiếng Anh)", "text", 40, "Bắt buộc."),
      col("group", "Nhóm", "text", 20, "DIGITAL_GOVERNMENT, DIGITAL_ECONOMY, DIGITAL_SOCIETY hoặc INFRASTRUCTURE."),
      col("kind", "Loại", "text", 20, "RATIO (tỷ lệ), COUNT (số lượng), CHANGE_VS_BASELINE (tăng so với mức gốc), RANK (xếp hạng)."),
      col("unitVi", "Đơn vị tính (tiếng Việt)", "text", 14, "Ví dụ %, doanh nghiệp."),
      col("unitEn", "Đơn vị tính (tiếng Anh)", "text", 14, "Ví dụ %, enterprises."),
      col("numeratorLabelVi", "Tên tử số", "text", 30, "Chỉ với chỉ tiêu tỷ lệ (RATIO)."),
      col("denominatorLabelVi", "Tên mẫu số", "text", 30, "Chỉ với chỉ tiêu tỷ lệ (RATIO)."),
      col("direction", "Chiều tốt", "text", 12, "INCREASE (càng cao càng tốt) hoặc DECREASE."),
      col("levels", "Cấp nhập số liệu", "levels", 22, `Một hoặc nhiều cấp, cách nhau bằng dấu phẩy: ${LEVEL_HELP}.`),
      col("bySector", "Theo ngành", "boolean", 10, "có hoặc không."),
      col("yearlyRate", "Tỷ lệ năm", "boolean", 10, "có: tỷ lệ tính trên bốn quý (chỉ với RATIO, kỳ QUARTER)."),
      col("periodBasis", "Kỳ số liệu", "text", 14, "QUARTER (trong quý), QUARTER_END (cuối quý), YEAR_TO_DATE (từ đầu năm)."),
      col("responsibleDepartmentCode", "Mã cơ quan chịu trách nhiệm", "text", 18, "Mã cơ quan trong danh mục (ví dụ SO_KHCN), đang hoạt động."),
      col("methodologyVi", "Phương pháp tính (tiếng Việt)", "text", 50, "Bắt buộc."),
      col("methodologyEn", "Phương pháp tính (tiếng Anh)", "text", 50, "Bắt buộc."),
      col("sourceVi", "Nguồn", "text", 40, "Bắt buộc."),
    ],
  },
  {
    key: "targets",
    sheet: "Mục tiêu",
    columns: [
      col("indicatorCode", "Mã chỉ tiêu", "text", 28, "Một mã của trang Chỉ tiêu."),
      col("level", "Cấp", "text", 12, LEVEL_HELP),
      col("sectorCode", "Mã ngành", "text", 14, "Chỉ với chỉ tiêu theo ngành; để trống nếu không."),
      col("year", "Năm", "number", 8, "Năm mục tiêu, trong giai đoạn của chương trình."),
      col("comparator", "So sánh", "text", 10, "GT (trên), GTE (tối thiểu), EQ (bằng), LTE (tối đa), LT (dưới)."),
      col("value", "Giá trị", "number", 12, "Số (34,87); tỷ lệ tính bằng %; để trống với mục tiêu định tính."),
      col("descriptionVi", "Mô tả", "text", 40, "Bắt buộc khi không có giá trị (mục tiêu định tính)."),
      col("sourceClauseVi", "Trích dẫn điều khoản", "text", 50, "Lời văn bản, nguyên văn."),
      col("sourceVi", "Văn bản nguồn", "text", 30, "Bắt buộc."),
      col("answers.programmeCode", "Đáp ứng: số hiệu chương trình", "text", 18, "Không bắt buộc: mục tiêu của chương trình khác (ví dụ 749/QĐ-TTg) mà mục tiêu này đáp ứng."),
      col("answers.indicatorCode", "Đáp ứng: mã chỉ tiêu", "text", 28, "Cùng với bốn cột “Đáp ứng” khác, hoặc để trống cả năm."),
      col("answers.level", "Đáp ứng: cấp", "text", 12, LEVEL_HELP),
      col("answers.sectorCode", "Đáp ứng: mã ngành", "text", 14, "Để trống nếu không theo ngành."),
      col("answers.year", "Đáp ứng: năm", "number", 10, "Năm của mục tiêu được đáp ứng."),
    ],
  },
  {
    key: "baselines",
    sheet: "Mức gốc",
    columns: [
      col("indicatorCode", "Mã chỉ tiêu", "text", 28, "Một mã của trang Chỉ tiêu."),
      col("level", "Cấp", "text", 12, `${LEVEL_HELP} Cấp tỉnh luôn được (số liệu cộng lên tỉnh). Mỗi chỉ tiêu, cấp, ngành một dòng.`),
      col("sectorCode", "Mã ngành", "text", 14, "Chỉ với chỉ tiêu theo ngành."),
      col("value", "Giá trị", "number", 12, "Số (1.650 hoặc 34,87); tỷ lệ từ 0 đến 100."),
      col("date", "Ngày", "day", 14, "Ngày mà mức gốc mô tả, năm-tháng-ngày."),
      col("dateAssumed", "Ngày là giả định", "boolean", 14, "có: văn bản không ghi ngày, ngày này là giả định."),
      col("sourceClauseVi", "Trích dẫn điều khoản", "text", 50, "Bắt buộc."),
      col("sourceVi", "Văn bản nguồn", "text", 30, "Bắt buộc."),
    ],
  },
];

export const GUIDE_SHEET_NAME = "Hướng dẫn";

export const SHEET_BY_PART = Object.fromEntries(PROGRAMME_SHEETS.map((s) => [s.key, s])) as Record<PartKey, SheetPart>;

/** A file's row count of a sheet (header aside) that is plainly not a programme: refused before reading it. */
export const PROGRAMME_XLSX_LIMITS = { bytes: 5 * 1024 * 1024, rowsPerSheet: 5_001 } as const;
export const PROGRAMME_XLSX_LIMITS_TEXT = "tối đa 5 MB và 5.000 dòng mỗi trang tính";
