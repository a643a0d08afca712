/**
 * The fields of every open-data endpoint: names, JSON types and meanings in
 * both languages. One definition serves the JSON objects, the CSV columns
 * (same names, same order), the OpenAPI document and the documentation page.
 * Stable: fields are only ever added at the end; a name or meaning never
 * changes (a change would be /api/v2). Figures use the downloads' columns,
 * FIGURE_COLUMNS, as they are.
 */
import { FIGURE_COLUMNS, type ColumnType } from "@/lib/data/figure-columns";
import { homeWords } from "@/lib/i18n/home";
import type { Endpoint } from "./params";

// The province served (ADR 034): the texts name it, and say "merged" only where provinces merged into it.
const HOME = homeWords();
const P = HOME.province;
const AFTER_VI = HOME.mergedShort ? "sau sáp nhập" : "theo địa giới hai cấp";
const AFTER_EN = HOME.mergedShort ? "merged" : "two-tier";

export type JsonSchema = Record<string, unknown>;

export interface FieldDoc {
  name: string;
  schema: JsonSchema;
  vi: string;
  en: string;
}

const str = { type: "string" };
const nullable = (s: JsonSchema): JsonSchema => ({ ...s, type: [s.type as string, "null"] });
const date = { type: "string", format: "date" };
const LEVEL = { type: "string", enum: ["PROVINCE", "DISTRICT", "COMMUNE"] };

const FIGURE_NULLABLE = new Set(["sector_code", "numerator", "denominator", "value", "rate_percent", "source_document"]);
const COLUMN_SCHEMA: Record<ColumnType, JsonSchema> = {
  text: str,
  integer: { type: "integer" },
  decimal: { type: "number" },
  date,
  timestamp: { type: "string", format: "date-time" },
  boolean: { type: "boolean" },
};

const SUCCESSION_LINK: JsonSchema = {
  type: "object",
  additionalProperties: false,
  required: ["code", "valid_from", "kind", "effective_date", "weight"],
  properties: {
    code: str,
    valid_from: date,
    kind: { type: "string", enum: ["FULL", "PARTIAL"] },
    effective_date: date,
    // A PARTIAL succession's share of the old unit that went into the new one (0–1); null: unknown, so a
    // history rebuilt from it counts the old unit whole and is not exact (issue #14, item 7). FULL: 1.
    weight: { type: ["number", "null"] },
  },
};

export const FIELDS: Record<Endpoint, readonly FieldDoc[]> = {
  programmes: [
    { name: "code", schema: str, vi: "Số hiệu văn bản (ví dụ 01-NQ/TU, 749/QĐ-TTg); dùng làm tham số programme của /api/v1/targets.", en: "Document number (e.g. 01-NQ/TU, 749/QĐ-TTg); the programme parameter of /api/v1/targets." },
    { name: "title_vi", schema: str, vi: "Tên chương trình (tiếng Việt).", en: "Title (Vietnamese)." },
    { name: "title_en", schema: str, vi: "Tên chương trình (tiếng Anh).", en: "Title (English)." },
    { name: "issuer_vi", schema: str, vi: "Cơ quan ban hành.", en: "Issuing body (Vietnamese)." },
    { name: "issued_on", schema: nullable(date), vi: "Ngày ban hành; null khi nguồn không ghi.", en: "Day of issue; null when the source does not give it." },
    { name: "start_year", schema: { type: "integer" }, vi: "Năm đầu của giai đoạn.", en: "First year of its period." },
    { name: "end_year", schema: { type: "integer" }, vi: "Năm cuối của giai đoạn.", en: "Last year of its period." },
    { name: "vision_year", schema: nullable({ type: "integer" }), vi: "Năm định hướng (tầm nhìn), nếu có.", en: "Year of its vision targets, if any." },
    { name: "scope", schema: { type: "string", enum: ["PROVINCE", "NATIONAL"] }, vi: "Phạm vi: PROVINCE (chương trình của tỉnh, mục tiêu được đánh giá) hoặc NATIONAL (chương trình quốc gia mà mục tiêu của tỉnh hướng tới).", en: "Scope: PROVINCE (the province's own programme, whose targets are judged) or NATIONAL (the national programme the province's targets answer)." },
    { name: "province_code", schema: nullable(str), vi: "Mã tỉnh của chương trình cấp tỉnh; null với chương trình quốc gia.", en: "GSO code of the province for a provincial programme; null for a national one." },
    { name: "status", schema: { type: "string", enum: ["IN_FORCE", "ENDED", "SUPERSEDED"] }, vi: "Tình trạng: IN_FORCE (đang hiệu lực), ENDED (đã kết thúc), SUPERSEDED (được thay thế).", en: "Status: IN_FORCE, ENDED or SUPERSEDED." },
    { name: "superseded_by_code", schema: nullable(str), vi: "Số hiệu chương trình thay thế, nếu có.", en: "Code of the programme that superseded it, if any." },
    { name: "source_vi", schema: str, vi: "Nguồn (văn bản và nơi trích).", en: "Source (document and where it was quoted from)." },
    { name: "current_targets", schema: { type: "integer" }, vi: "Số mục tiêu đang hiệu lực của chương trình.", en: "Number of its current targets." },
  ],
  indicators: [
    { name: "code", schema: str, vi: "Mã chỉ tiêu (ổn định, dùng để lọc và nối dữ liệu).", en: "Indicator code (stable; for filters and joins)." },
    { name: "name_vi", schema: str, vi: "Tên chỉ tiêu bằng tiếng Việt.", en: "Name in Vietnamese." },
    { name: "name_en", schema: str, vi: "Tên chỉ tiêu bằng tiếng Anh.", en: "Name in English." },
    { name: "group", schema: { type: "string", enum: ["DIGITAL_GOVERNMENT", "DIGITAL_ECONOMY", "DIGITAL_SOCIETY", "INFRASTRUCTURE"] }, vi: "Nhóm: chính quyền số, kinh tế số, xã hội số, hạ tầng.", en: "Group: digital government, economy, society, infrastructure." },
    { name: "kind", schema: { type: "string", enum: ["RATIO", "COUNT", "CHANGE_VS_BASELINE", "RANK"] }, vi: "Loại: RATIO (tử số / mẫu số), COUNT, CHANGE_VS_BASELINE, RANK.", en: "Kind: RATIO (numerator / denominator), COUNT, CHANGE_VS_BASELINE, RANK." },
    { name: "unit_vi", schema: str, vi: "Đơn vị tính bằng tiếng Việt.", en: "Unit of measure in Vietnamese." },
    { name: "unit_en", schema: str, vi: "Đơn vị tính bằng tiếng Anh.", en: "Unit of measure in English." },
    { name: "direction", schema: { type: "string", enum: ["INCREASE", "DECREASE"] }, vi: "Chiều tốt: INCREASE (càng cao càng tốt) hoặc DECREASE.", en: "Better direction: INCREASE (higher is better) or DECREASE." },
    { name: "levels", schema: { type: "array", items: LEVEL }, vi: "Các cấp nhập số liệu. Trong CSV: nối bằng “|”.", en: "Levels figures are entered at. In CSV: joined with “|”." },
    { name: "by_sector", schema: { type: "boolean" }, vi: "Số liệu chia theo ngành, lĩnh vực.", en: "Figures are broken down by sector." },
    { name: "responsible_department_code", schema: str, vi: "Mã cơ quan chịu trách nhiệm.", en: "Code of the responsible department." },
    { name: "responsible_department_name_vi", schema: str, vi: "Tên cơ quan chịu trách nhiệm (tiếng Việt).", en: "Responsible department (Vietnamese)." },
    { name: "responsible_department_name_en", schema: str, vi: "Tên cơ quan chịu trách nhiệm (tiếng Anh).", en: "Responsible department (English)." },
    { name: "methodology_vi", schema: str, vi: "Cách tính (tiếng Việt).", en: "Methodology (Vietnamese)." },
    { name: "methodology_en", schema: str, vi: "Cách tính (tiếng Anh).", en: "Methodology (English)." },
    { name: "source_vi", schema: str, vi: "Nguồn của chỉ tiêu (văn bản).", en: "Source of the indicator (document)." },
    {
      name: "retired_from",
      schema: nullable({ type: "string", pattern: "^\\d{4}-Q[1-4]$" }),
      vi: "Quý thôi theo dõi (ví dụ 2027-Q2): từ quý này không còn số liệu; null khi chỉ tiêu đang được theo dõi.",
      en: "Quarter the indicator is no longer tracked from (e.g. 2027-Q2): no figures from that quarter on; null while tracked.",
    },
  ],
  targets: [
    { name: "indicator_code", schema: str, vi: "Mã chỉ tiêu.", en: "Indicator code." },
    { name: "level", schema: LEVEL, vi: "Cấp áp dụng mục tiêu.", en: "Level the target applies to." },
    { name: "sector_code", schema: nullable(str), vi: "Mã ngành, lĩnh vực; null nếu không chia ngành.", en: "Sector code; null without sectors." },
    { name: "year", schema: { type: "integer" }, vi: "Năm của mục tiêu (2025, 2030).", en: "Target year (2025, 2030)." },
    { name: "comparator", schema: { type: "string", enum: ["GT", "GTE", "EQ", "LTE", "LT"] }, vi: "So sánh: GT (trên), GTE (ít nhất), EQ, LTE, LT. “Trên 90%” là GT: 90,0% chưa đạt.", en: "Comparator: GT (above), GTE (at least), EQ, LTE, LT. “Above 90%” is GT: 90.0% does not meet it." },
    { name: "value", schema: nullable({ type: "number" }), vi: "Giá trị mục tiêu; null với mục tiêu định tính.", en: "Target value; null for a qualitative target." },
    { name: "description_vi", schema: nullable(str), vi: "Mô tả mục tiêu định tính.", en: "Description of a qualitative target (Vietnamese)." },
    { name: "source_clause_vi", schema: str, vi: "Trích nguyên văn điều khoản của văn bản.", en: "The document's clause, quoted in Vietnamese." },
    { name: "source_vi", schema: str, vi: "Văn bản nguồn (ví dụ Nghị quyết 01-NQ/TU).", en: "Source document (e.g. Resolution 01-NQ/TU)." },
    { name: "superseded_at", schema: nullable({ type: "string", format: "date-time" }), vi: "Thời điểm mục tiêu bị thay thế; null nếu đang hiệu lực.", en: "When the target was superseded; null while current." },
    // Programmes (issue #15), added at the end.
    { name: "programme_code", schema: str, vi: "Chương trình đặt ra mục tiêu (xem /api/v1/programmes).", en: "The programme that set the target (see /api/v1/programmes)." },
    { name: "answers_programme_code", schema: nullable(str), vi: "Chương trình của mục tiêu mà mục tiêu này hướng tới (ví dụ mục tiêu quốc gia 749/QĐ-TTg); null nếu không có.", en: "Programme of the target this one answers (e.g. the national 749/QĐ-TTg); null if none." },
    { name: "answers_comparator", schema: { type: ["string", "null"], enum: ["GT", "GTE", "EQ", "LTE", "LT", null] }, vi: "So sánh của mục tiêu được hướng tới.", en: "Comparator of the target answered." },
    { name: "answers_value", schema: nullable({ type: "number" }), vi: "Giá trị của mục tiêu được hướng tới (cùng chỉ tiêu, cấp, ngành, năm).", en: "Value of the target answered (same indicator, level, sector and year)." },
  ],
  units: [
    { name: "code", schema: str, vi: "Mã đơn vị hành chính (Tổng cục Thống kê). Một mã có thể được dùng lại sau sắp xếp 01/07/2025.", en: "Administrative unit code (GSO). A code may be reused after the 1 July 2025 reform." },
    { name: "valid_from", schema: date, vi: "Ngày bắt đầu tồn tại; (code, valid_from) xác định một đơn vị.", en: "First day the unit existed; (code, valid_from) identifies a unit." },
    { name: "valid_to", schema: nullable(date), vi: "Ngày cuối cùng tồn tại; null nếu còn tồn tại.", en: "Last day the unit existed; null while it exists." },
    { name: "name", schema: str, vi: "Tên đơn vị.", en: "Name." },
    { name: "type", schema: str, vi: "Loại: Tỉnh, Huyện, Thành phố, Xã, Phường, Thị trấn…", en: "Type as in the GSO catalogue (Tỉnh, Huyện, Xã, Phường, …)." },
    { name: "level", schema: LEVEL, vi: "Cấp: PROVINCE, DISTRICT, COMMUNE.", en: "Level: PROVINCE, DISTRICT, COMMUNE." },
    { name: "parent_code", schema: nullable(str), vi: "Mã đơn vị cấp trên.", en: "Code of the parent unit." },
    { name: "parent_valid_from", schema: nullable(date), vi: "Ngày bắt đầu của đơn vị cấp trên.", en: "valid_from of the parent unit." },
    { name: "predecessors", schema: { type: "array", items: SUCCESSION_LINK }, vi: "Đơn vị tiền thân (FULL: toàn bộ, PARTIAL: một phần) với weight: phần của đơn vị cũ nhập vào đơn vị này (FULL: 1; PARTIAL: tỷ lệ đã ghi, hoặc null khi chưa biết — lịch sử dựng lại từ nó không chính xác). Trong CSV: “mã@ngày:LOẠI”, thêm “:tỷ lệ” khi PARTIAL có tỷ lệ, nối bằng “|”.", en: "Predecessor units (FULL or PARTIAL) with weight: the share of the old unit that went into this one (FULL: 1; PARTIAL: the recorded share, or null when unknown — a history rebuilt from it is not exact). In CSV: “code@valid_from:KIND”, plus “:share” for a PARTIAL one with a share, joined with “|”." },
    { name: "successors", schema: { type: "array", items: SUCCESSION_LINK }, vi: "Đơn vị kế thừa, cùng dạng với predecessors.", en: "Successor units, same shape as predecessors." },
  ],
  baselines: [
    { name: "indicator_code", schema: str, vi: "Mã chỉ tiêu.", en: "Indicator code." },
    { name: "level", schema: LEVEL, vi: "Cấp của mức gốc.", en: "Level the baseline describes." },
    { name: "sector_code", schema: nullable(str), vi: "Mã ngành, lĩnh vực; null nếu không chia ngành.", en: "Sector code; null without sectors." },
    { name: "value", schema: { type: "number" }, vi: "Giá trị mức gốc (phần trăm với tỷ lệ, số lượng với chỉ tiêu đếm).", en: "Baseline value (percent for ratios, a count otherwise)." },
    { name: "date", schema: date, vi: "Ngày mức gốc mô tả.", en: "The day the baseline describes." },
    { name: "date_assumed", schema: { type: "boolean" }, vi: "true nếu ngày là giả định vì nguồn không ghi ngày (bài viết về Nghị quyết: “đến nay” được hiểu là 31/12/2020).", en: "true when the day is assumed because the source is undated (the article on the resolution: its “to date” is read as 2020-12-31)." },
    { name: "source_clause_vi", schema: str, vi: "Trích nguyên văn câu nêu mức gốc.", en: "The sentence that gives the baseline, quoted in Vietnamese." },
    { name: "source_vi", schema: str, vi: "Văn bản nguồn.", en: "Source document." },
    { name: "is_demo", schema: { type: "boolean" }, vi: "true nếu là mức gốc minh họa, không có trong văn bản nguồn.", en: "true for a demo baseline, not in the source document." },
  ],
  aggregates: [
    { name: "indicator_code", schema: str, vi: "Mã chỉ tiêu.", en: "Indicator code." },
    { name: "kind", schema: { type: "string", enum: ["RATIO", "COUNT", "CHANGE_VS_BASELINE", "RANK"] }, vi: "Loại chỉ tiêu, quyết định cách cộng (xem mô tả của điểm truy cập).", en: "Indicator kind: it decides how values add up (see the endpoint's description)." },
    { name: "sector_code", schema: nullable(str), vi: "Mã ngành, lĩnh vực; null nếu không chia ngành.", en: "Sector code; null without sectors." },
    { name: "period", schema: str, vi: "Kỳ: quý dạng 2025-Q3, hoặc năm dạng 2025 với period=year.", en: "Period: a quarter as 2025-Q3, or a year as 2025 with period=year." },
    { name: "year", schema: { type: "integer" }, vi: "Năm.", en: "Year." },
    { name: "quarter", schema: nullable({ type: "integer", minimum: 1, maximum: 4 }), vi: "Quý (1–4); null với giá trị năm.", en: "Quarter (1–4); null for a yearly value." },
    { name: "area_code", schema: str, vi: "Mã đơn vị hành chính được cộng lên (tỉnh, hoặc huyện trước 01/07/2025).", en: "Code of the area summed over (the province, or a district before 1 July 2025)." },
    { name: "area_valid_from", schema: date, vi: `Ngày bắt đầu của đơn vị đó: ${P.vi} cũ và mới cùng mã ${P.code}, khác ngày (đến hết quý II/2025 là ${P.typeVi} cũ, từ quý III/2025 là ${P.typeVi} ${AFTER_VI}).`, en: `valid_from of that unit: the former and the ${AFTER_EN} ${P.short} share code ${P.code} with different days (the former to 2025-Q2, the ${AFTER_EN} one from 2025-Q3).` },
    { name: "area_name", schema: str, vi: "Tên đơn vị.", en: "Name of the area." },
    { name: "area_level", schema: { type: "string", enum: ["PROVINCE", "DISTRICT"] }, vi: "Cấp của đơn vị.", en: "Level of the area." },
    { name: "numerator", schema: nullable({ type: "number" }), vi: "Σ tử số (chỉ tiêu tỷ lệ); null với loại khác.", en: "Σ numerators (rates); null for other kinds." },
    { name: "denominator", schema: nullable({ type: "number" }), vi: "Σ mẫu số (chỉ tiêu tỷ lệ); null với loại khác.", en: "Σ denominators (rates); null for other kinds." },
    { name: "value", schema: nullable({ type: "number" }), vi: "Tỷ lệ = Σ tử số / Σ mẫu số × 100 (không phải trung bình các tỷ lệ); số lượng: tổng; thứ hạng: số liệu của chính đơn vị. Giá trị năm: xem period_basis.", en: "A rate = Σ numerators / Σ denominators × 100 (never a mean of rates); a count: the sum; a rank: the area's own figure. For a year see period_basis." },
    { name: "reported", schema: { type: "integer" }, vi: "Số đơn vị đã báo cáo. Giá trị năm cộng các quý: của quý có độ phủ thấp nhất; giá trị năm là quý cuối: của quý đó.", en: "Units that reported. A year that adds its quarters up: in its least-covered quarter; a year that is its last quarter: in that quarter." },
    { name: "expected", schema: { type: "integer" }, vi: "Số đơn vị phải báo cáo ở các cấp nhập liệu của chỉ tiêu trong đơn vị, tại ngày cuối quý (cùng quý với reported).", en: "Units expected at the indicator's entry levels in the area on the quarter's last day (the same quarter as reported)." },
    { name: "coverage", schema: nullable({ type: "number" }), vi: "Độ phủ = reported / expected (0–1); null nếu không có đơn vị nào phải báo cáo.", en: "Coverage = reported / expected (0–1); null when none is expected." },
    { name: "meets_min_coverage", schema: { type: "boolean" }, vi: "false khi độ phủ dưới ngưỡng tối thiểu: giá trị được công bố nhưng không dùng để đánh giá trạng thái.", en: "false under the minimum coverage: the value is published but not used for any status." },
    { name: "quarters", schema: { type: "integer", minimum: 1, maximum: 4 }, vi: "Số quý của năm đã có số liệu công bố trên địa giới này (1 với giá trị quý).", en: "Quarters of the year with published values on this territory (1 for a quarterly value)." },
    { name: "last_quarter", schema: str, vi: "Quý cuối cùng trong giá trị; với giá trị năm là quý cuối: chính quý cho giá trị đó.", en: "The last quarter in the value; for a year that is its last quarter: the quarter the value is." },
    { name: "complete", schema: { type: "boolean" }, vi: "Giá trị năm đủ: cộng các quý thì có đủ 4 quý; là quý cuối thì quý đó là quý IV. Luôn true với giá trị quý.", en: "A complete year: one that adds its quarters up has all 4; one that is its last quarter has Q4. Always true for a quarter." },
    { name: "is_demo", schema: { type: "boolean" }, vi: "true nếu gồm số liệu minh họa.", en: "true when demo figures are included." },
    { name: "area_valid_to", schema: nullable(date), vi: `Ngày cuối cùng của đơn vị được cộng lên; null nếu còn tồn tại (${P.vi} cũ và các huyện: 2025-06-30).`, en: `Last day of the area summed over; null while it exists (the former ${P.short} and its districts: 2025-06-30).` },
    {
      name: "period_basis",
      schema: { type: "string", enum: ["QUARTER", "QUARTER_END", "YEAR_TO_DATE"] },
      vi: "Kỳ mà số liệu một quý mô tả, quyết định giá trị năm: QUARTER (việc xảy ra trong quý, như hồ sơ, phiếu đánh giá): năm cộng các quý (tỷ lệ: Σ tử số / Σ mẫu số); QUARTER_END (tình trạng tại ngày cuối quý) và YEAR_TO_DATE (lũy kế từ đầu năm): năm là quý cuối cùng đã công bố. Thứ hạng và mức so với gốc luôn lấy quý cuối.",
      en: "The period a quarter's figure describes, which makes the yearly value: QUARTER (what happened in the quarter: dossiers, ratings): a year adds its quarters up (a rate as Σ numerators / Σ denominators); QUARTER_END (a state on the quarter's last day) and YEAR_TO_DATE (from 1 January): a year is its last published quarter. Ranks and changes against a baseline always take the last quarter.",
    },
  ],
  figures: FIGURE_COLUMNS.map((c) => ({
    name: c.name,
    schema:
      c.name === "observation_status"
        ? { type: "string", enum: ["NORMAL", "PROVISIONAL", "ESTIMATED"] }
        : FIGURE_NULLABLE.has(c.name)
          ? nullable(COLUMN_SCHEMA[c.type])
          : COLUMN_SCHEMA[c.type],
    vi: c.vi,
    en: c.en,
  })),
};

export function recordSchema(endpoint: Endpoint): JsonSchema {
  const fields = FIELDS[endpoint];
  return {
    type: "object",
    additionalProperties: false,
    required: fields.map((f) => f.name),
    properties: Object.fromEntries(fields.map((f) => [f.name, { ...f.schema, description: f.en }])),
  };
}
