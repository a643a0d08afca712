/**
 * The columns of the downloads (CSV and JSON of every published figure),
 * documented: the one definition of their order in the CSV, the keys of the
 * JSON objects and the table on the data page. Columns are only ever added at
 * the end; a name or meaning never changes. Pure (no database), so the data
 * page's component can import it (ADR 012); lib/data/public-figures.ts writes
 * the files from it and re-exports it.
 */
export type ColumnType = "text" | "integer" | "decimal" | "date" | "timestamp" | "boolean";

export interface ColumnDoc {
  name: string;
  type: ColumnType;
  vi: string;
  en: string;
}

export const FIGURE_COLUMNS = [
  { name: "indicator_code", type: "text", vi: "Mã chỉ tiêu (ổn định, dùng để nối dữ liệu).", en: "Indicator code (stable, for joins)." },
  { name: "indicator_name_vi", type: "text", vi: "Tên chỉ tiêu bằng tiếng Việt.", en: "Indicator name in Vietnamese." },
  { name: "indicator_name_en", type: "text", vi: "Tên chỉ tiêu bằng tiếng Anh.", en: "Indicator name in English." },
  {
    name: "indicator_kind",
    type: "text",
    vi: "Loại chỉ tiêu: RATIO (tỷ lệ = tử số / mẫu số), COUNT (số lượng), CHANGE_VS_BASELINE (số lượng, tiến độ tính theo % thay đổi so với gốc), RANK (thứ hạng, nhỏ hơn là tốt hơn).",
    en: "Kind: RATIO (numerator / denominator), COUNT (a count), CHANGE_VS_BASELINE (a count; progress is its percent change against the baseline), RANK (a rank, lower is better).",
  },
  { name: "sector_code", type: "text", vi: "Mã ngành, lĩnh vực; trống nếu chỉ tiêu không chia theo ngành.", en: "Sector code; empty when the indicator has no sectors." },
  { name: "unit_code", type: "text", vi: "Mã đơn vị hành chính theo danh mục của Tổng cục Thống kê.", en: "Administrative unit code (General Statistics Office)." },
  {
    name: "unit_valid_from",
    type: "date",
    vi: "Ngày đơn vị bắt đầu tồn tại (YYYY-MM-DD). Từ 01/07/2025 một số mã được dùng lại, nên đơn vị được xác định bằng cặp (unit_code, unit_valid_from).",
    en: "First day the unit existed (YYYY-MM-DD). Some codes were reused from 1 July 2025, so a unit is identified by (unit_code, unit_valid_from).",
  },
  { name: "unit_name", type: "text", vi: "Tên đơn vị hành chính.", en: "Administrative unit name." },
  { name: "unit_level", type: "text", vi: "Cấp: PROVINCE (tỉnh), DISTRICT (huyện), COMMUNE (xã).", en: "Level: PROVINCE, DISTRICT or COMMUNE." },
  { name: "period", type: "text", vi: "Quý báo cáo, dạng 2025-Q3.", en: "Reporting quarter, as 2025-Q3." },
  { name: "year", type: "integer", vi: "Năm của quý báo cáo.", en: "Year of the quarter." },
  { name: "quarter", type: "integer", vi: "Số thứ tự quý trong năm (1–4).", en: "Quarter of the year (1–4)." },
  { name: "numerator", type: "decimal", vi: "Tử số (chỉ tiêu tỷ lệ); trống với loại khác.", en: "Numerator (ratios); empty for other kinds." },
  { name: "denominator", type: "decimal", vi: "Mẫu số (chỉ tiêu tỷ lệ); trống với loại khác.", en: "Denominator (ratios); empty for other kinds." },
  {
    name: "value",
    type: "decimal",
    vi: "Giá trị đã nhập (số lượng, thứ hạng); trống với chỉ tiêu tỷ lệ.",
    en: "Value entered (counts, ranks); empty for ratios.",
  },
  {
    name: "rate_percent",
    type: "decimal",
    vi: "Tỷ lệ phần trăm = tử số / mẫu số × 100, làm tròn 4 chữ số thập phân; trống với loại khác. Cộng nhiều dòng bằng Σ tử số / Σ mẫu số, không lấy trung bình cột này.",
    en: "Percentage = numerator / denominator × 100, rounded to 4 decimals; empty for other kinds. To combine rows use Σnumerator / Σdenominator, never the mean of this column.",
  },
  { name: "value_unit_vi", type: "text", vi: "Đơn vị tính bằng tiếng Việt (%, doanh nghiệp, …).", en: "Unit of measure in Vietnamese (%, doanh nghiệp, …)." },
  { name: "value_unit_en", type: "text", vi: "Đơn vị tính bằng tiếng Anh.", en: "Unit of measure in English." },
  {
    name: "revision",
    type: "integer",
    vi: "Lần công bố của số liệu (1 là lần đầu; số lớn hơn là bản đã sửa và duyệt lại).",
    en: "Publication revision (1 is the first; higher means corrected and approved again).",
  },
  { name: "approved_at", type: "timestamp", vi: "Thời điểm phê duyệt, ISO 8601, giờ UTC.", en: "When it was approved, ISO 8601, UTC." },
  { name: "is_demo", type: "boolean", vi: "true nếu là dữ liệu minh họa, không phải số liệu chính thức.", en: "true for demo data, not official figures." },
  // Provenance (issue #14, item 11), added at the end.
  {
    name: "responsible_department_code",
    type: "text",
    vi: "Mã cơ quan chịu trách nhiệm số liệu (cơ quan phụ trách chỉ tiêu khi số liệu được nhập; giữ nguyên khi cơ quan sau này sáp nhập).",
    en: "Code of the agency responsible for the figure (the indicator's department when it was entered; kept when departments later merge).",
  },
  { name: "responsible_department_name_vi", type: "text", vi: "Tên cơ quan chịu trách nhiệm số liệu.", en: "Name of that agency (Vietnamese)." },
  {
    name: "observation_status",
    type: "text",
    vi: "Tình trạng số liệu khi được duyệt: NORMAL (chính thức), PROVISIONAL (sơ bộ, sẽ được xác nhận), ESTIMATED (ước tính). Tương ứng mã OBS_STATUS của SDMX: A, P, E.",
    en: "How final the figure was when approved: NORMAL, PROVISIONAL (to be confirmed) or ESTIMATED. SDMX OBS_STATUS codes A, P, E.",
  },
  {
    name: "source_document",
    type: "text",
    vi: "Văn bản nguồn của số liệu do đơn vị báo cáo ghi (số, ngày báo cáo hoặc địa chỉ trang); trống nếu không ghi.",
    en: "The document the figure comes from, as the reporting unit gave it (report number and date, or an address); empty if none was given.",
  },
] as const satisfies readonly ColumnDoc[];
