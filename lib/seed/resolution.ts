/**
 * The reference content of Resolution 01-NQ/TU as the tracker loads it:
 * departments, sectors, indicators, targets and baselines, as typed constants.
 *
 * Every target and baseline quotes its clause verbatim from the article on the
 * resolution (ARTICLE_PARAGRAPHS_VI holds the paragraphs it is quoted from; a
 * unit test checks each quote against them). Rows the article does not contain
 * come from the province's public summary of the programme and say so in their
 * source; their wording was not available, so their "clause" is a paraphrase
 * that says it is one — never a made-up quotation.
 *
 * No invented numbers live here: demo-only values are in demo-figures.ts.
 */
import { joinNames, type ProvinceWords } from "@/lib/geography/provinces";
import type { HomeWords } from "@/lib/i18n/home";
import {
  Comparator,
  Direction,
  IndicatorGroup,
  IndicatorKind,
  PeriodBasis,
  UnitLevel,
} from "@/lib/generated/prisma/enums";
import type { IsoDate } from "./admin-units";

// ---------------------------------------------------------------- sources

export const ARTICLE_URL =
  "https://daihoi13.dangcongsan.vn/tin-moi/phong-trao-thi-dua/thai-nguyen-tang-cuong-cong-tac-lanh-dao-ve-chuyen-doi-so-3769";

export const RESOLUTION_SOURCE_VI =
  "Nghị quyết số 01-NQ/TU của Ban Chấp hành Đảng bộ tỉnh Thái Nguyên về Chương trình chuyển đổi số " +
  "trên địa bàn tỉnh giai đoạn 2021-2025, định hướng đến năm 2030 (trích theo bài “Thái Nguyên: Tăng " +
  `cường công tác lãnh đạo về chuyển đổi số”, nguồn ĐCSVN, ${ARTICLE_URL})`;

export const PROVINCE_SUMMARY_SOURCE_VI =
  "Bản tóm tắt công khai của tỉnh Thái Nguyên về Chương trình chuyển đổi số giai đoạn 2021-2025, " +
  "định hướng đến năm 2030 (không có trong bài viết về Nghị quyết số 01-NQ/TU; chưa đối chiếu được với văn bản gốc)";

const PARAPHRASE_NOTE_VI = "(diễn giải theo bản tóm tắt công khai của tỉnh, không phải trích dẫn nguyên văn)";

/**
 * The article's paragraphs that the targets and baselines quote, verbatim —
 * including its typing slip "xứ lý" for "xử lý" in the 2030 paragraph, which a
 * quotation must keep.
 */
export const ARTICLE_PARAGRAPHS_VI = {
  baseline:
    "Đến nay, việc cung cấp dịch vụ công mức độ 4 phục vụ giải quyết thủ tục hành chính qua mạng tạo tiền đề cho việc xây dựng chính quyền điện tử, hướng tới chính quyền số trên địa bàn tỉnh đạt 34,87%; tỷ lệ xử lý hồ sơ điện tử đạt 65,84%. Bên cạnh đó, hệ thống cơ sở hạ tầng thông tin bước đầu được đầu tư hiện đại: mạng lưới cáp quang được kéo đến 98% các xóm, bản, tổ dân phố, trong đó, 52% hộ gia đình sử dụng dịch vụ truy cập internet băng rộng, tốc độ cao. Toàn tỉnh có 1.650 điểm thu phát sóng cung cấp dịch vụ điện thoại di động, truy cập internet đến 99% xóm, bản, tổ dân phố, trong đó gần 70% thuê bao có sử dụng dịch vụ truy cập internet 3G và 4G.",
  sectors:
    "Kinh tế số bước đầu đóng góp vào sự phát triển kinh tế của tỉnh, công nghệ số đang được ứng dụng trong các ngành công nghiệp, nông nghiệp, y tế, giáo dục và dịch vụ, xuất hiện nhiều hình thức kinh doanh, dịch vụ mới, dựa trên nền tảng công nghệ số và internet, góp phần tạo việc làm, nâng cao thu nhập, chất lượng cuộc sống của người dân.",
  targets2025:
    "Trên cơ sở đó, Ban Chấp hành Đảng bộ tỉnh Thái Nguyên đề ra mục tiêu, đến năm 2025, trên 90% dịch vụ công trực tuyến mức độ 4 được cung cấp trên nhiều phương tiện truy cập khác nhau, bao gồm cả thiết bị di động. Trên 90% tổng số hồ sơ công việc tại cấp tỉnh, trên 80% tổng số hồ sơ công việc tại cấp huyện và trên 60% tổng số hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng. Phấn đấu kinh tế số chiếm trên 20% GRDP, tỷ trọng kinh tế số trong từng ngành, lĩnh vực đạt tối thiểu 10%, phấn đấu có trên 700 doanh nghiệp số.",
  targets2030:
    "Mục tiêu căn bản đến năm 2030, trên 90% người dân, doanh nghiệp hài lòng với dịch vụ công trực tuyến của tỉnh. 100% tổng số hồ sơ công việc tại cấp tỉnh, trên 90% tổng số hồ sơ công việc tại cấp huyện và trên 70% tổng số hồ sơ công việc tại cấp xã được xứ lý trên môi trường mạng. Ngoài ra, hình thành được nền tảng cho các ngành kinh tế trọng điểm dựa trên dữ liệu của các cơ quan nhà nước, giảm 30% thủ tục hành chính; mở dữ liệu cho các tổ chức, doanh nghiệp, tăng 30% dịch vụ sáng tạo dựa trên dữ liệu phục vụ người dân, doanh nghiệp.",
} as const;

// ---------------------------------------------------------------- departments

/**
 * Start of the seed's history for agencies that existed before the programme;
 * the same day old administrative units start (admin-units.ts).
 */
const HISTORY_START: IsoDate = "2019-01-01";
/** The 1 March 2025 reorganisation of provincial agencies. */
export const AGENCY_REFORM_DAY: IsoDate = "2025-03-01";
const DAY_BEFORE_AGENCY_REFORM: IsoDate = "2025-02-28";

export interface DepartmentSeed {
  code: string;
  nameVi: string;
  nameEn: string;
  validFrom: IsoDate;
  validTo: IsoDate | null;
  mergedIntoCode: string | null;
}

// Out of scope: on 1 July 2025 Bắc Kạn's agencies merged into Thái Nguyên's
// namesakes; Thái Nguyên's rows continue, so nothing changes for the tracker.
export const DEPARTMENTS = [
  {
    code: "SO_TTTT",
    nameVi: "Sở Thông tin và Truyền thông",
    nameEn: "Department of Information and Communications",
    validFrom: HISTORY_START,
    validTo: DAY_BEFORE_AGENCY_REFORM,
    mergedIntoCode: "SO_KHCN",
  },
  {
    code: "SO_KHCN",
    nameVi: "Sở Khoa học và Công nghệ",
    nameEn: "Department of Science and Technology",
    validFrom: HISTORY_START,
    validTo: null,
    mergedIntoCode: null,
  },
  {
    code: "VP_UBND",
    nameVi: "Văn phòng Ủy ban nhân dân tỉnh",
    nameEn: "Office of the Provincial People's Committee",
    validFrom: HISTORY_START,
    validTo: null,
    mergedIntoCode: null,
  },
  {
    code: "SO_KHDT",
    nameVi: "Sở Kế hoạch và Đầu tư",
    nameEn: "Department of Planning and Investment",
    validFrom: HISTORY_START,
    validTo: DAY_BEFORE_AGENCY_REFORM,
    mergedIntoCode: "SO_TC",
  },
  {
    code: "SO_TC",
    nameVi: "Sở Tài chính",
    nameEn: "Department of Finance",
    validFrom: HISTORY_START,
    validTo: null,
    mergedIntoCode: null,
  },
  // A rename, not a merger, so one row under its current name: until 28 Feb 2025 this was
  // "Cục Thống kê tỉnh Thái Nguyên" (under the General Statistics Office); from 1 March 2025
  // it is "Thống kê tỉnh Thái Nguyên" under the national Statistics Office (Ministry of
  // Finance). It is a branch of a national agency rather than a provincial Sở; the tracker
  // treats it as the responsible agency for the GRDP shares it measures.
  {
    code: "THONG_KE",
    nameVi: "Thống kê tỉnh Thái Nguyên",
    nameEn: "Thai Nguyen Provincial Statistics Office",
    validFrom: HISTORY_START,
    validTo: null,
    mergedIntoCode: null,
  },
  {
    code: "SO_NV",
    nameVi: "Sở Nội vụ",
    nameEn: "Department of Home Affairs",
    validFrom: HISTORY_START,
    validTo: null,
    mergedIntoCode: null,
  },
] as const satisfies readonly DepartmentSeed[];

export type DepartmentCode = (typeof DEPARTMENTS)[number]["code"];

/**
 * The departments of the province served (ADR 034): the same agencies everywhere, the
 * statistics office under the province's own name ("Thống kê tỉnh Thái Nguyên",
 * "Thống kê thành phố Hà Nội"). For the default province it is DEPARTMENTS (a test says so).
 */
export function departmentsFor(province: ProvinceWords): DepartmentSeed[] {
  return DEPARTMENTS.map((d) =>
    d.code === "THONG_KE"
      ? { ...d, nameVi: `Thống kê ${province.vi}`, nameEn: `${province.ascii} ${province.typeEnAdjective} Statistics Office` }
      : { ...d },
  );
}

/** Former name of a renamed department, for display next to figures before the rename. */
export const DEPARTMENT_FORMER_NAMES: Partial<Record<DepartmentCode, { nameVi: string; until: IsoDate }>> = {
  THONG_KE: { nameVi: "Cục Thống kê tỉnh Thái Nguyên", until: DAY_BEFORE_AGENCY_REFORM },
};


// ---------------------------------------------------------------- sectors

// The resolution asks for at least 10% "trong từng ngành, lĩnh vực" (in every sector)
// without listing them; we use the sectors the article itself names
// ("các ngành công nghiệp, nông nghiệp, y tế, giáo dục và dịch vụ").
export const SECTORS = [
  { code: "INDUSTRY", nameVi: "Công nghiệp", nameEn: "Industry" },
  { code: "AGRICULTURE", nameVi: "Nông nghiệp", nameEn: "Agriculture" },
  { code: "HEALTH", nameVi: "Y tế", nameEn: "Health" },
  { code: "EDUCATION", nameVi: "Giáo dục", nameEn: "Education" },
  { code: "SERVICES", nameVi: "Dịch vụ", nameEn: "Services" },
] as const;

export type SectorCode = (typeof SECTORS)[number]["code"];

// ---------------------------------------------------------------- indicators

export interface IndicatorSeed {
  code: string;
  nameVi: string;
  nameEn: string;
  group: IndicatorGroup;
  kind: IndicatorKind;
  unitVi: string;
  unitEn: string;
  numeratorLabelVi: string | null;
  denominatorLabelVi: string | null;
  direction: Direction;
  levels: readonly UnitLevel[];
  bySector: boolean;
  /** A rate defined over a year (Σnum/Σden of four quarters): judged on the four quarters ending with each one. Absent: false. */
  yearlyRate?: boolean;
  /**
   * The period a quarter's figure describes (ADR 028): QUARTER for what happened in the quarter (a
   * year adds its quarters up), YEAR_TO_DATE for a sum from 1 January (a year is its Q4). Absent:
   * QUARTER_END, a state on the quarter's last day (a year is its last quarter).
   */
  periodBasis?: PeriodBasis;
  /** The department responsible today. */
  responsibleDepartmentCode: DepartmentCode;
  /**
   * Departments responsible before a merger, oldest first, each until (and including) a day.
   * Figures keep the department of their quarter, so history stays with the agency that reported it.
   */
  earlierDepartments: readonly { departmentCode: DepartmentCode; until: IsoDate }[];
  methodologyVi: string;
  methodologyEn: string;
  sourceVi: string;
  sortOrder: number;
}

const PROVINCE_ONLY = [UnitLevel.PROVINCE] as const;
const PERCENT = { unitVi: "%", unitEn: "%" } as const;

// Before 1 March 2025 the Department of Information and Communications ran e-government,
// the public-service portal, the DTI self-assessment and telecoms oversight; since then
// that work is the Department of Science and Technology's.
const FROM_TTTT = [{ departmentCode: "SO_TTTT", until: DAY_BEFORE_AGENCY_REFORM }] as const;

const ARTICLE_BASELINE_ONLY_SOURCE_VI = `${RESOLUTION_SOURCE_VI} — số liệu hiện trạng, không có chỉ tiêu`;

export const INDICATORS = [
  // -------------------------------------------------------- digital government
  {
    code: "DVC_L4_SHARE",
    nameVi: "Tỷ lệ dịch vụ công trực tuyến mức độ 4 được cung cấp trên nhiều phương tiện, kể cả thiết bị di động",
    nameEn: "Share of level-4 online public services offered on several channels, including mobile devices",
    group: IndicatorGroup.DIGITAL_GOVERNMENT,
    kind: IndicatorKind.RATIO,
    ...PERCENT,
    numeratorLabelVi: "Số dịch vụ công trực tuyến mức độ 4 dùng được trên thiết bị di động",
    denominatorLabelVi: "Tổng số thủ tục hành chính thuộc thẩm quyền của tỉnh",
    direction: Direction.INCREASE,
    levels: PROVINCE_ONLY,
    bySector: false,
    responsibleDepartmentCode: "SO_KHCN",
    earlierDepartments: FROM_TTTT,
    methodologyVi:
      "Tử số: số dịch vụ công trực tuyến mức độ 4 (nộp hồ sơ, thanh toán và nhận kết quả hoàn toàn trực tuyến; từ Nghị định 42/2022/NĐ-CP gọi là dịch vụ công trực tuyến toàn trình) đang cung cấp trên Cổng dịch vụ công của tỉnh và dùng được trên thiết bị di động, tại ngày cuối quý. Mẫu số: tổng số thủ tục hành chính thuộc thẩm quyền giải quyết của cả ba cấp trên địa bàn tỉnh đã được công bố, tại cùng ngày. Nhập một số liệu cho toàn tỉnh; tỷ lệ = tử số / mẫu số.",
    methodologyEn:
      "Numerator: level-4 online public services (application, payment and result entirely online; called 'end-to-end' online services since Decree 42/2022/ND-CP) offered on the provincial public-service portal and usable on mobile devices, on the last day of the quarter. Denominator: all published administrative procedures that authorities in the province (all three tiers) handle, on the same day. One figure for the whole province; rate = numerator / denominator.",
    sourceVi: RESOLUTION_SOURCE_VI,
    sortOrder: 10,
  },
  {
    code: "EDOSSIER_RATE",
    nameVi: "Tỷ lệ hồ sơ thủ tục hành chính được xử lý điện tử",
    nameEn: "Share of administrative-procedure dossiers processed electronically",
    group: IndicatorGroup.DIGITAL_GOVERNMENT,
    kind: IndicatorKind.RATIO,
    ...PERCENT,
    numeratorLabelVi: "Số hồ sơ thủ tục hành chính được xử lý điện tử trong quý",
    denominatorLabelVi: "Tổng số hồ sơ thủ tục hành chính tiếp nhận trong quý",
    direction: Direction.INCREASE,
    levels: PROVINCE_ONLY,
    bySector: false,
    periodBasis: PeriodBasis.QUARTER,
    // The one-stop shop (bộ phận một cửa) and its dossier system are run by the provincial
    // public-administration service centre, part of the Office of the People's Committee.
    responsibleDepartmentCode: "VP_UBND",
    earlierDepartments: [],
    methodologyVi:
      "Tử số: số hồ sơ thủ tục hành chính tiếp nhận trong quý ở cả ba cấp được lập hồ sơ điện tử và giải quyết trên Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh. Mẫu số: tổng số hồ sơ thủ tục hành chính tiếp nhận trong quý, kể cả hồ sơ giấy. Nhập cho toàn tỉnh; tỷ lệ của nhiều quý tính bằng Σ tử số / Σ mẫu số, không lấy trung bình các tỷ lệ.",
    methodologyEn:
      "Numerator: administrative-procedure dossiers received in the quarter, at all three tiers, that were filed as electronic dossiers and handled on the provincial dossier-processing system. Denominator: all dossiers received in the quarter, paper ones included. One figure for the whole province; over several quarters the rate is Σnumerator / Σdenominator, never an average of rates.",
    sourceVi: ARTICLE_BASELINE_ONLY_SOURCE_VI,
    sortOrder: 20,
  },
  {
    code: "WORK_DOSSIER_ONLINE_PROVINCE",
    nameVi: "Tỷ lệ hồ sơ công việc cấp tỉnh được xử lý trên môi trường mạng",
    nameEn: "Share of province-level work dossiers processed online",
    group: IndicatorGroup.DIGITAL_GOVERNMENT,
    kind: IndicatorKind.RATIO,
    ...PERCENT,
    numeratorLabelVi: "Số hồ sơ công việc cấp tỉnh xử lý hoàn toàn trên môi trường mạng",
    denominatorLabelVi: "Tổng số hồ sơ công việc cấp tỉnh mở trong quý",
    direction: Direction.INCREASE,
    levels: PROVINCE_ONLY,
    bySector: false,
    periodBasis: PeriodBasis.QUARTER,
    // The Office of the People's Committee runs the provincial document-management and
    // executive system (hệ thống quản lý văn bản và điều hành) in which work dossiers live.
    responsibleDepartmentCode: "VP_UBND",
    earlierDepartments: [],
    methodologyVi:
      "Tử số: số hồ sơ công việc của Ủy ban nhân dân tỉnh và các sở, ban, ngành mở trong quý được tạo lập, luân chuyển, xử lý và lưu trữ hoàn toàn trên hệ thống quản lý văn bản và điều hành (không in ra giấy để trình ký). Mẫu số: tổng số hồ sơ công việc các cơ quan đó mở trong quý. Nhập một số liệu tổng hợp cho khối cơ quan cấp tỉnh; tỷ lệ = tử số / mẫu số.",
    methodologyEn:
      "Numerator: work dossiers opened in the quarter by the Provincial People's Committee and the provincial departments that were created, routed, decided and archived entirely in the document-management system (never printed for signature). Denominator: all work dossiers those agencies opened in the quarter. One aggregate figure for the provincial agencies; rate = numerator / denominator.",
    sourceVi: RESOLUTION_SOURCE_VI,
    sortOrder: 30,
  },
  {
    code: "WORK_DOSSIER_ONLINE_DISTRICT",
    nameVi: "Tỷ lệ hồ sơ công việc cấp huyện được xử lý trên môi trường mạng",
    nameEn: "Share of district-level work dossiers processed online",
    group: IndicatorGroup.DIGITAL_GOVERNMENT,
    kind: IndicatorKind.RATIO,
    ...PERCENT,
    numeratorLabelVi: "Số hồ sơ công việc cấp huyện xử lý hoàn toàn trên môi trường mạng",
    denominatorLabelVi: "Tổng số hồ sơ công việc cấp huyện mở trong quý",
    direction: Direction.INCREASE,
    levels: [UnitLevel.DISTRICT],
    bySector: false,
    periodBasis: PeriodBasis.QUARTER,
    responsibleDepartmentCode: "VP_UBND",
    earlierDepartments: [],
    methodologyVi:
      "Mỗi huyện, thị xã, thành phố nhập số liệu của Ủy ban nhân dân và các phòng chuyên môn cấp huyện. Tử số: số hồ sơ công việc mở trong quý được xử lý hoàn toàn trên hệ thống quản lý văn bản và điều hành; mẫu số: tổng số hồ sơ công việc mở trong quý. Tỷ lệ toàn tỉnh = Σ tử số / Σ mẫu số của các huyện, không phải trung bình các tỷ lệ. Cấp huyện chấm dứt hoạt động từ 1/7/2025, nên chỉ tiêu này chỉ có số liệu đến hết quý II/2025.",
    methodologyEn:
      "Each district-level unit reports for its People's Committee and specialised offices. Numerator: work dossiers opened in the quarter that were handled entirely in the document-management system; denominator: all work dossiers opened in the quarter. The province figure is Σnumerator / Σdenominator over the districts, not an average of their rates. District-level government ended on 1 July 2025, so figures stop after 2025 Q2.",
    sourceVi: RESOLUTION_SOURCE_VI,
    sortOrder: 40,
  },
  {
    code: "WORK_DOSSIER_ONLINE_COMMUNE",
    nameVi: "Tỷ lệ hồ sơ công việc cấp xã được xử lý trên môi trường mạng",
    nameEn: "Share of commune-level work dossiers processed online",
    group: IndicatorGroup.DIGITAL_GOVERNMENT,
    kind: IndicatorKind.RATIO,
    ...PERCENT,
    numeratorLabelVi: "Số hồ sơ công việc cấp xã xử lý hoàn toàn trên môi trường mạng",
    denominatorLabelVi: "Tổng số hồ sơ công việc cấp xã mở trong quý",
    direction: Direction.INCREASE,
    levels: [UnitLevel.COMMUNE],
    bySector: false,
    periodBasis: PeriodBasis.QUARTER,
    responsibleDepartmentCode: "VP_UBND",
    earlierDepartments: [],
    methodologyVi:
      "Mỗi xã, phường, thị trấn nhập số liệu của Ủy ban nhân dân cấp xã. Tử số: số hồ sơ công việc mở trong quý được xử lý hoàn toàn trên hệ thống quản lý văn bản và điều hành; mẫu số: tổng số hồ sơ công việc mở trong quý. Cộng lên huyện và tỉnh bằng Σ tử số / Σ mẫu số. Đến hết quý II/2025 nhập theo các xã của hai tỉnh Thái Nguyên và Bắc Kạn cũ; từ quý III/2025 theo 92 xã, phường của tỉnh Thái Nguyên mới.",
    methodologyEn:
      "Each commune, ward and township reports for its People's Committee. Numerator: work dossiers opened in the quarter that were handled entirely in the document-management system; denominator: all work dossiers opened in the quarter. Rolled up to district and province as Σnumerator / Σdenominator. Until 2025 Q2 figures are entered for the communes of the former Thái Nguyên and Bắc Kạn provinces; from 2025 Q3 for the 92 communes and wards of the new Thái Nguyên.",
    sourceVi: RESOLUTION_SOURCE_VI,
    sortOrder: 50,
  },
  {
    code: "ONLINE_SERVICE_SATISFACTION",
    nameVi: "Tỷ lệ người dân, doanh nghiệp hài lòng với dịch vụ công trực tuyến của tỉnh",
    nameEn: "Share of citizens and businesses satisfied with the province's online public services",
    group: IndicatorGroup.DIGITAL_GOVERNMENT,
    kind: IndicatorKind.RATIO,
    ...PERCENT,
    numeratorLabelVi: "Số phiếu đánh giá “hài lòng” hoặc “rất hài lòng”",
    denominatorLabelVi: "Tổng số phiếu đánh giá hợp lệ",
    direction: Direction.INCREASE,
    levels: PROVINCE_ONLY,
    bySector: false,
    periodBasis: PeriodBasis.QUARTER,
    // Its methodology defines a yearly rate (a quarter's ratings are few and seasonal): status and
    // trend use the four quarters ending with each quarter (issue #14, item 10).
    yearlyRate: true,
    // The satisfaction survey of public-service users is run by the public-administration
    // service centre of the Office of the People's Committee, with the one-stop shop.
    responsibleDepartmentCode: "VP_UBND",
    earlierDepartments: [],
    methodologyVi:
      "Tử số: số phiếu đánh giá của người dân, doanh nghiệp về việc giải quyết hồ sơ trực tuyến trong quý (trên Cổng dịch vụ công và qua khảo sát định kỳ) chọn “hài lòng” hoặc “rất hài lòng”. Mẫu số: tổng số phiếu đánh giá hợp lệ trong quý. Nhập cho toàn tỉnh; tỷ lệ năm = Σ tử số / Σ mẫu số của bốn quý.",
    methodologyEn:
      "Numerator: ratings of online dossier handling submitted by citizens and businesses in the quarter (on the public-service portal and in periodic surveys) that say 'satisfied' or 'very satisfied'. Denominator: all valid ratings in the quarter. One figure for the province; the yearly rate is Σnumerator / Σdenominator over the four quarters.",
    sourceVi: RESOLUTION_SOURCE_VI,
    sortOrder: 60,
  },
  // These three 2030 goals repeat, word for word, goals of the national programme
  // (749/QĐ-TTg) for digital government, hence the group.
  {
    code: "ADMIN_PROCEDURE_REDUCTION",
    nameVi: "Giảm thủ tục hành chính",
    nameEn: "Reduction in the number of administrative procedures",
    group: IndicatorGroup.DIGITAL_GOVERNMENT,
    kind: IndicatorKind.CHANGE_VS_BASELINE,
    unitVi: "thủ tục",
    unitEn: "procedures",
    numeratorLabelVi: null,
    denominatorLabelVi: null,
    direction: Direction.DECREASE,
    levels: PROVINCE_ONLY,
    bySector: false,
    // Chosen over Sở Nội vụ: Sở Nội vụ leads administrative reform as a whole, but the
    // catalogue of administrative procedures — publishing, cutting and counting them — is the
    // procedure-control function (kiểm soát thủ tục hành chính) of the Office of the
    // People's Committee (Decree 63/2010/NĐ-CP on procedure control, as amended).
    responsibleDepartmentCode: "VP_UBND",
    earlierDepartments: [],
    methodologyVi:
      "Giá trị nhập: số thủ tục hành chính còn hiệu lực thuộc thẩm quyền giải quyết của các cấp trên địa bàn tỉnh tại ngày cuối quý, theo danh mục do Chủ tịch Ủy ban nhân dân tỉnh công bố. Tiến độ = (giá trị quý − giá trị gốc) / giá trị gốc × 100%; chỉ tiêu năm 2030 là giảm 30%, tức mức thay đổi ≤ −30%. Bài viết không nêu số thủ tục tại thời điểm gốc; số gốc phải được lấy từ danh mục đã công bố.",
    methodologyEn:
      "Value entered: administrative procedures in force that authorities in the province handle, on the last day of the quarter, as listed in the catalogue published by the Chair of the Provincial People's Committee. Progress = (quarter value − baseline value) / baseline value × 100%; the 2030 target is a 30% cut, i.e. a change of at most −30%. The article gives no baseline count; it has to be taken from the published catalogue.",
    sourceVi: RESOLUTION_SOURCE_VI,
    sortOrder: 70,
  },
  {
    code: "DATA_DRIVEN_SERVICES_GROWTH",
    nameVi: "Tăng dịch vụ sáng tạo dựa trên dữ liệu phục vụ người dân, doanh nghiệp",
    nameEn: "Growth of data-driven innovative services for citizens and businesses",
    group: IndicatorGroup.DIGITAL_GOVERNMENT,
    kind: IndicatorKind.CHANGE_VS_BASELINE,
    unitVi: "dịch vụ",
    unitEn: "services",
    numeratorLabelVi: null,
    denominatorLabelVi: null,
    direction: Direction.INCREASE,
    levels: PROVINCE_ONLY,
    bySector: false,
    responsibleDepartmentCode: "SO_KHCN",
    earlierDepartments: FROM_TTTT,
    methodologyVi:
      "Giá trị nhập: số dịch vụ, ứng dụng đang vận hành tại ngày cuối quý khai thác dữ liệu của cơ quan nhà nước (từ các cơ sở dữ liệu, nền tảng tích hợp, chia sẻ dữ liệu của tỉnh) để phục vụ người dân, doanh nghiệp. Tiến độ = (giá trị quý − giá trị gốc) / giá trị gốc × 100%; chỉ tiêu năm 2030 là tăng 30%, tức mức thay đổi ≥ +30%. Bài viết không nêu số dịch vụ tại thời điểm gốc.",
    methodologyEn:
      "Value entered: services and applications in operation on the last day of the quarter that use state agencies' data (from the province's databases and its data integration and sharing platform) to serve citizens and businesses. Progress = (quarter value − baseline value) / baseline value × 100%; the 2030 target is 30% growth, i.e. a change of at least +30%. The article gives no baseline count.",
    sourceVi: RESOLUTION_SOURCE_VI,
    sortOrder: 80,
  },
  {
    // The article's 2030 list: "hình thành được nền tảng cho các ngành kinh tế trọng điểm dựa trên
    // dữ liệu của các cơ quan nhà nước". A qualitative target; the count of key sectors served shows
    // progress towards it, as the dataset count does for open data.
    code: "KEY_SECTOR_DATA_PLATFORMS",
    nameVi: "Nền tảng cho các ngành kinh tế trọng điểm dựa trên dữ liệu của các cơ quan nhà nước",
    nameEn: "Platforms for the key economic sectors built on state agencies' data",
    group: IndicatorGroup.DIGITAL_GOVERNMENT,
    kind: IndicatorKind.COUNT,
    unitVi: "ngành",
    unitEn: "sectors",
    numeratorLabelVi: null,
    denominatorLabelVi: null,
    direction: Direction.INCREASE,
    levels: PROVINCE_ONLY,
    bySector: false,
    responsibleDepartmentCode: "SO_KHCN",
    earlierDepartments: FROM_TTTT,
    methodologyVi:
      "Giá trị nhập: số ngành kinh tế trọng điểm của tỉnh (theo danh mục trong quy hoạch tỉnh) có ít nhất một nền tảng số đang vận hành tại ngày cuối quý, khai thác dữ liệu của cơ quan nhà nước (cơ sở dữ liệu chuyên ngành, nền tảng tích hợp, chia sẻ dữ liệu của tỉnh) để phục vụ ngành đó. Là số tồn tại thời điểm, không cộng các quý với nhau. Chỉ tiêu năm 2030 là định tính (hình thành được nền tảng); số ngành cho thấy tiến độ, không phải ngưỡng đạt.",
    methodologyEn:
      "Value entered: the province's key economic sectors (as listed in the provincial master plan) served, on the last day of the quarter, by at least one digital platform in operation that uses state agencies' data (sector databases, the province's data integration and sharing platform). A stock, not a flow: quarters are not added up. The 2030 target is qualitative (platforms are in place); the sector count shows progress, it is not a threshold.",
    sourceVi: RESOLUTION_SOURCE_VI,
    sortOrder: 85,
  },
  {
    code: "OPEN_DATA",
    nameVi: "Mở dữ liệu cho các tổ chức, doanh nghiệp",
    nameEn: "Open data for organisations and businesses",
    group: IndicatorGroup.DIGITAL_GOVERNMENT,
    kind: IndicatorKind.COUNT,
    unitVi: "bộ dữ liệu",
    unitEn: "datasets",
    numeratorLabelVi: null,
    denominatorLabelVi: null,
    direction: Direction.INCREASE,
    levels: PROVINCE_ONLY,
    bySector: false,
    responsibleDepartmentCode: "SO_KHCN",
    earlierDepartments: FROM_TTTT,
    methodologyVi:
      "Giá trị nhập: số bộ dữ liệu mở do các cơ quan nhà nước của tỉnh công bố trên Cổng dữ liệu mở, cho tổ chức, doanh nghiệp tự do khai thác, còn được cập nhật tại ngày cuối quý. Là số tồn tại thời điểm, không cộng các quý với nhau. Chỉ tiêu năm 2030 là định tính (mở dữ liệu); số bộ dữ liệu cho thấy tiến độ, không phải ngưỡng đạt.",
    methodologyEn:
      "Value entered: open datasets published by the province's state agencies on the open-data portal, free for organisations and businesses to reuse, and still maintained on the last day of the quarter. A stock, not a flow: quarters are not added up. The 2030 target is qualitative (open the data); the dataset count shows progress, it is not a threshold.",
    sourceVi: RESOLUTION_SOURCE_VI,
    sortOrder: 90,
  },
  {
    // The DTI scores all three pillars; the schema has no "overall" group, and the index is
    // an assessment of the provincial administration's programme, so it sits with government.
    code: "DTI_RANK",
    nameVi: "Xếp hạng Chỉ số chuyển đổi số cấp tỉnh (DTI)",
    nameEn: "Provincial Digital Transformation Index (DTI) ranking",
    group: IndicatorGroup.DIGITAL_GOVERNMENT,
    kind: IndicatorKind.RANK,
    unitVi: "hạng",
    unitEn: "rank",
    numeratorLabelVi: null,
    denominatorLabelVi: null,
    direction: Direction.DECREASE,
    levels: PROVINCE_ONLY,
    bySector: false,
    responsibleDepartmentCode: "SO_KHCN",
    earlierDepartments: FROM_TTTT,
    methodologyVi:
      "Giá trị nhập: thứ hạng của tỉnh trong Bộ chỉ số đánh giá chuyển đổi số cấp tỉnh (DTI) công bố gần nhất tại ngày cuối quý (1 là cao nhất). DTI do Bộ Thông tin và Truyền thông, nay là Bộ Khoa học và Công nghệ, công bố mỗi năm một lần, nên các quý giữa hai lần công bố lặp lại thứ hạng cũ. Đến DTI năm 2024 xếp hạng 63 tỉnh, thành phố; sau sắp xếp năm 2025 còn 34, nên thứ hạng hai giai đoạn không so sánh trực tiếp. Không cộng dồn, không tính trung bình.",
    methodologyEn:
      "Value entered: the province's rank in the latest Provincial Digital Transformation Index (DTI) published by the last day of the quarter (1 is best). The DTI is published once a year by the Ministry of Information and Communications, now the Ministry of Science and Technology, so quarters between two publications repeat the previous rank. Up to the 2024 index 63 provinces were ranked; after the 2025 reorganisation 34, so ranks across the two periods are not directly comparable. Never summed or averaged.",
    sourceVi: PROVINCE_SUMMARY_SOURCE_VI,
    sortOrder: 100,
  },
  // -------------------------------------------------------- digital economy
  {
    code: "DIGITAL_ECONOMY_GRDP",
    nameVi: "Tỷ trọng kinh tế số trong GRDP",
    nameEn: "Digital economy share of GRDP",
    group: IndicatorGroup.DIGITAL_ECONOMY,
    kind: IndicatorKind.RATIO,
    ...PERCENT,
    numeratorLabelVi: "Giá trị tăng thêm của kinh tế số (tỷ đồng, lũy kế từ đầu năm)",
    denominatorLabelVi: "GRDP theo giá hiện hành (tỷ đồng, lũy kế từ đầu năm)",
    direction: Direction.INCREASE,
    levels: PROVINCE_ONLY,
    bySector: false,
    periodBasis: PeriodBasis.YEAR_TO_DATE,
    responsibleDepartmentCode: "THONG_KE",
    earlierDepartments: [],
    methodologyVi:
      "Tử số: giá trị tăng thêm của kinh tế số (kinh tế số ICT cộng kinh tế số nền tảng và kinh tế số ngành, theo phương pháp của cơ quan thống kê quốc gia), theo giá hiện hành, lũy kế từ đầu năm đến hết quý, tỷ đồng. Mẫu số: tổng sản phẩm trên địa bàn (GRDP) theo giá hiện hành cùng kỳ, tỷ đồng. Số quý IV là số cả năm, dùng để đánh giá chỉ tiêu năm. Nhập cho toàn tỉnh; quý II/2025 trở về trước là tỉnh Thái Nguyên cũ, từ quý III/2025 là tỉnh mới (gồm cả Bắc Kạn cũ).",
    methodologyEn:
      "Numerator: value added of the digital economy (ICT digital economy plus platform and sectoral digital economy, by the national statistics office's method), at current prices, year to date, in billion dong. Denominator: gross regional domestic product (GRDP) at current prices for the same period. The Q4 figure is the full year and is the one judged against the yearly target. One figure for the province: up to 2025 Q2 the former Thái Nguyên, from 2025 Q3 the new province including former Bắc Kạn.",
    sourceVi: RESOLUTION_SOURCE_VI,
    sortOrder: 110,
  },
  {
    code: "DIGITAL_ECONOMY_SECTOR",
    nameVi: "Tỷ trọng kinh tế số trong từng ngành, lĩnh vực",
    nameEn: "Digital economy share in each sector",
    group: IndicatorGroup.DIGITAL_ECONOMY,
    kind: IndicatorKind.RATIO,
    ...PERCENT,
    numeratorLabelVi: "Giá trị tăng thêm của kinh tế số trong ngành (tỷ đồng, lũy kế từ đầu năm)",
    denominatorLabelVi: "Giá trị tăng thêm của ngành (tỷ đồng, lũy kế từ đầu năm)",
    direction: Direction.INCREASE,
    levels: PROVINCE_ONLY,
    bySector: true,
    periodBasis: PeriodBasis.YEAR_TO_DATE,
    responsibleDepartmentCode: "THONG_KE",
    earlierDepartments: [],
    methodologyVi:
      "Một chuỗi số liệu cho mỗi ngành bài viết nêu: công nghiệp, nông nghiệp, y tế, giáo dục, dịch vụ. Tử số: giá trị tăng thêm của kinh tế số trong ngành; mẫu số: giá trị tăng thêm của cả ngành; theo giá hiện hành, lũy kế từ đầu năm, tỷ đồng. Mỗi ngành được so riêng với chỉ tiêu tối thiểu 10%; không cộng các ngành thành một tỷ lệ chung (đó là chỉ tiêu tỷ trọng trong GRDP).",
    methodologyEn:
      "One series per sector the article names: industry, agriculture, health, education, services. Numerator: digital-economy value added within the sector; denominator: the sector's total value added; current prices, year to date, billion dong. Each sector is judged on its own against the 10% minimum; sectors are not pooled into one rate (that is the GRDP-share indicator).",
    sourceVi: RESOLUTION_SOURCE_VI,
    sortOrder: 120,
  },
  {
    code: "DIGITAL_ENTERPRISES",
    nameVi: "Số doanh nghiệp số",
    nameEn: "Number of digital enterprises",
    group: IndicatorGroup.DIGITAL_ECONOMY,
    kind: IndicatorKind.COUNT,
    unitVi: "doanh nghiệp",
    unitEn: "enterprises",
    numeratorLabelVi: null,
    denominatorLabelVi: null,
    direction: Direction.INCREASE,
    levels: PROVINCE_ONLY,
    bySector: false,
    // Counted from the business register, kept by the business-registration office: part of
    // the Department of Planning and Investment until 28 Feb 2025, of Finance since.
    responsibleDepartmentCode: "SO_TC",
    earlierDepartments: [{ departmentCode: "SO_KHDT", until: DAY_BEFORE_AGENCY_REFORM }],
    methodologyVi:
      "Giá trị nhập: số doanh nghiệp đang hoạt động tại ngày cuối quý, có trụ sở trên địa bàn tỉnh và đăng ký ngành kinh doanh chính thuộc công nghệ số (sản xuất sản phẩm điện tử, phần cứng; phần mềm; dịch vụ công nghệ thông tin; nội dung số; nền tảng số), tra từ Hệ thống thông tin quốc gia về đăng ký doanh nghiệp. Là số tồn tại thời điểm, không cộng các quý với nhau; từ quý III/2025 gồm cả doanh nghiệp của Bắc Kạn cũ.",
    methodologyEn:
      "Value entered: enterprises active on the last day of the quarter, registered in the province, whose main registered business is digital technology (electronics and hardware manufacturing, software, IT services, digital content, digital platforms), taken from the national business registration system. A stock, not a flow: quarters are not added up; from 2025 Q3 it includes enterprises of former Bắc Kạn.",
    sourceVi: `${RESOLUTION_SOURCE_VI}; chỉ tiêu năm 2030: ${PROVINCE_SUMMARY_SOURCE_VI}`,
    sortOrder: 130,
  },
  // -------------------------------------------------------- infrastructure (baselines only)
  {
    code: "FIBRE_HAMLET_COVERAGE",
    nameVi: "Tỷ lệ xóm, bản, tổ dân phố có cáp quang",
    nameEn: "Share of hamlets and residential groups reached by fibre-optic cable",
    group: IndicatorGroup.INFRASTRUCTURE,
    kind: IndicatorKind.RATIO,
    ...PERCENT,
    numeratorLabelVi: "Số xóm, bản, tổ dân phố có cáp quang",
    denominatorLabelVi: "Tổng số xóm, bản, tổ dân phố",
    direction: Direction.INCREASE,
    levels: PROVINCE_ONLY,
    bySector: false,
    responsibleDepartmentCode: "SO_KHCN",
    earlierDepartments: FROM_TTTT,
    methodologyVi:
      "Tử số: số xóm, bản, tổ dân phố có cáp quang của ít nhất một doanh nghiệp viễn thông kéo đến, tại ngày cuối quý, theo báo cáo của các doanh nghiệp. Mẫu số: tổng số xóm, bản, tổ dân phố của tỉnh cùng ngày (thay đổi khi sáp nhập thôn, tổ). Nhập cho toàn tỉnh.",
    methodologyEn:
      "Numerator: hamlets and residential groups reached by at least one operator's fibre-optic cable on the last day of the quarter, as reported by the operators. Denominator: all hamlets and residential groups of the province on that day (it changes when they are merged). One figure for the province.",
    sourceVi: ARTICLE_BASELINE_ONLY_SOURCE_VI,
    sortOrder: 200,
  },
  {
    code: "FIXED_BROADBAND_HOUSEHOLDS",
    nameVi: "Tỷ lệ hộ gia đình sử dụng internet băng rộng cố định",
    nameEn: "Share of households using fixed broadband internet",
    group: IndicatorGroup.INFRASTRUCTURE,
    kind: IndicatorKind.RATIO,
    ...PERCENT,
    numeratorLabelVi: "Số hộ gia đình có thuê bao internet băng rộng cố định",
    denominatorLabelVi: "Tổng số hộ gia đình",
    direction: Direction.INCREASE,
    levels: PROVINCE_ONLY,
    bySector: false,
    responsibleDepartmentCode: "SO_KHCN",
    earlierDepartments: FROM_TTTT,
    methodologyVi:
      "Tử số: số hộ gia đình có thuê bao internet băng rộng cố định (cáp quang đến nhà, cáp đồng) tại ngày cuối quý, theo số liệu của các doanh nghiệp viễn thông. Mẫu số: tổng số hộ gia đình theo số liệu thống kê gần nhất. Bài viết nói “internet băng rộng, tốc độ cao” trong câu về mạng cáp quang, nên chỉ số được hiểu là băng rộng cố định. Nhập cho toàn tỉnh.",
    methodologyEn:
      "Numerator: households with a fixed broadband subscription (fibre to the home, copper) on the last day of the quarter, from the operators' data. Denominator: all households, from the latest statistics. The article says 'high-speed broadband internet' in its sentence about the fibre network, so the indicator is read as fixed broadband. One figure for the province.",
    sourceVi: ARTICLE_BASELINE_ONLY_SOURCE_VI,
    sortOrder: 210,
  },
  {
    code: "MOBILE_BASE_STATIONS",
    nameVi: "Số điểm thu phát sóng thông tin di động",
    nameEn: "Number of mobile base-station sites",
    group: IndicatorGroup.INFRASTRUCTURE,
    kind: IndicatorKind.COUNT,
    unitVi: "điểm thu phát sóng",
    unitEn: "sites",
    numeratorLabelVi: null,
    denominatorLabelVi: null,
    direction: Direction.INCREASE,
    levels: PROVINCE_ONLY,
    bySector: false,
    responsibleDepartmentCode: "SO_KHCN",
    earlierDepartments: FROM_TTTT,
    methodologyVi:
      "Giá trị nhập: số điểm thu phát sóng thông tin di động (vị trí đặt trạm BTS/NodeB/eNodeB/gNodeB của mọi doanh nghiệp, một vị trí dùng chung tính một lần) đang hoạt động trên địa bàn tỉnh tại ngày cuối quý. Là số tồn tại thời điểm, không cộng các quý với nhau.",
    methodologyEn:
      "Value entered: mobile base-station sites (BTS/NodeB/eNodeB/gNodeB locations of all operators; a shared site counts once) in operation in the province on the last day of the quarter. A stock, not a flow: quarters are not added up.",
    sourceVi: ARTICLE_BASELINE_ONLY_SOURCE_VI,
    sortOrder: 220,
  },
  {
    code: "MOBILE_INTERNET_HAMLETS",
    nameVi: "Tỷ lệ xóm, bản, tổ dân phố được phủ sóng internet di động",
    nameEn: "Share of hamlets and residential groups with mobile internet coverage",
    group: IndicatorGroup.INFRASTRUCTURE,
    kind: IndicatorKind.RATIO,
    ...PERCENT,
    numeratorLabelVi: "Số xóm, bản, tổ dân phố có sóng di động truy cập internet",
    denominatorLabelVi: "Tổng số xóm, bản, tổ dân phố",
    direction: Direction.INCREASE,
    levels: PROVINCE_ONLY,
    bySector: false,
    responsibleDepartmentCode: "SO_KHCN",
    earlierDepartments: FROM_TTTT,
    methodologyVi:
      "Tử số: số xóm, bản, tổ dân phố mà khu dân cư được phủ sóng di động có truy cập internet (3G trở lên) tại ngày cuối quý. Mẫu số: tổng số xóm, bản, tổ dân phố của tỉnh cùng ngày. Nhập cho toàn tỉnh.",
    methodologyEn:
      "Numerator: hamlets and residential groups whose populated area has mobile coverage with internet access (3G or better) on the last day of the quarter. Denominator: all hamlets and residential groups of the province on that day. One figure for the province.",
    sourceVi: ARTICLE_BASELINE_ONLY_SOURCE_VI,
    sortOrder: 230,
  },
  {
    code: "MOBILE_3G4G_SUBSCRIBERS",
    nameVi: "Tỷ lệ thuê bao di động sử dụng internet 3G, 4G",
    nameEn: "Share of mobile subscribers using 3G/4G internet",
    group: IndicatorGroup.INFRASTRUCTURE,
    kind: IndicatorKind.RATIO,
    ...PERCENT,
    numeratorLabelVi: "Số thuê bao di động có sử dụng dữ liệu 3G, 4G (và 5G) trong quý",
    denominatorLabelVi: "Tổng số thuê bao di động đang hoạt động",
    direction: Direction.INCREASE,
    levels: PROVINCE_ONLY,
    bySector: false,
    responsibleDepartmentCode: "SO_KHCN",
    earlierDepartments: FROM_TTTT,
    methodologyVi:
      "Tử số: số thuê bao di động trên địa bàn tỉnh có phát sinh lưu lượng dữ liệu 3G, 4G (từ năm 2024 cả 5G) trong quý. Mẫu số: tổng số thuê bao di động đang hoạt động tại ngày cuối quý. Số liệu của các doanh nghiệp viễn thông; nhập cho toàn tỉnh.",
    methodologyEn:
      "Numerator: mobile subscriptions in the province that used 3G or 4G data (and 5G from 2024) in the quarter. Denominator: all active mobile subscriptions on the last day of the quarter. From the operators' data; one figure for the province.",
    sourceVi: ARTICLE_BASELINE_ONLY_SOURCE_VI,
    sortOrder: 240,
  },
] as const satisfies readonly IndicatorSeed[];

export type IndicatorCode = (typeof INDICATORS)[number]["code"];

/**
 * The sentences of the methodology texts that describe the default province's territory
 * (Thái Nguyên with Bắc Kạn), and what they say for the province served (ADR 034).
 */
function territorySentences(h: HomeWords): [string, string][] {
  const P = h.province;
  const merged = h.mergedShort !== "";
  return [
    [
      " Đến hết quý II/2025 nhập theo các xã của hai tỉnh Thái Nguyên và Bắc Kạn cũ; từ quý III/2025 theo 92 xã, phường của tỉnh Thái Nguyên mới.",
      merged
        ? ` Đến hết quý II/2025 nhập theo các xã của ${h.oldProvincesVi} tỉnh ${joinNames([P.short, ...P.merged], "và")} cũ; từ quý III/2025 theo ${P.communes} xã, phường của ${P.vi} mới.`
        : ` Đến hết quý II/2025 nhập theo các xã cũ của ${P.vi}; từ quý III/2025 theo ${P.communes} xã, phường mới.`,
    ],
    [
      " Until 2025 Q2 figures are entered for the communes of the former Thái Nguyên and Bắc Kạn provinces; from 2025 Q3 for the 92 communes and wards of the new Thái Nguyên.",
      merged
        ? ` Until 2025 Q2 figures are entered for the communes of the former ${joinNames([P.short, ...P.merged], "and")} provinces; from 2025 Q3 for the ${P.communes} communes and wards of the new ${P.short}.`
        : ` Until 2025 Q2 figures are entered for the former communes of ${P.en}; from 2025 Q3 for its ${P.communes} new communes and wards.`,
    ],
    [
      " Nhập cho toàn tỉnh; quý II/2025 trở về trước là tỉnh Thái Nguyên cũ, từ quý III/2025 là tỉnh mới (gồm cả Bắc Kạn cũ).",
      ` Nhập cho toàn tỉnh; quý II/2025 trở về trước là ${P.vi} cũ, từ quý III/2025 là ${P.typeVi} mới${merged ? ` (gồm cả ${h.mergedShort} cũ)` : ""}.`,
    ],
    [
      " One figure for the province: up to 2025 Q2 the former Thái Nguyên, from 2025 Q3 the new province including former Bắc Kạn.",
      ` One figure for the province: up to 2025 Q2 the former ${P.short}, from 2025 Q3 the new ${P.typeVi === "tỉnh" ? "province" : "city"}${merged ? ` including former ${h.mergedEn}` : ""}.`,
    ],
    [
      "; từ quý III/2025 gồm cả doanh nghiệp của Bắc Kạn cũ.",
      merged ? `; từ quý III/2025 gồm cả doanh nghiệp của ${h.mergedShort} cũ.` : ".",
    ],
    ["; from 2025 Q3 it includes enterprises of former Bắc Kạn.", merged ? `; from 2025 Q3 it includes enterprises of former ${h.mergedEn}.` : "."],
  ];
}

/** The indicators with their methodology written for the province served; INDICATORS for the default one. */
export function indicatorsFor(h: HomeWords): IndicatorSeed[] {
  const sentences = territorySentences(h);
  const local = (text: string) => sentences.reduce((t, [from, to]) => t.replace(from, to), text);
  // Another province's catalogue is not its own resolution's: the source says what it is.
  const sourceVi = h.ownResolution
    ? null
    : "Danh mục chỉ tiêu mẫu của phần mềm (dx-tracker), soạn theo các chỉ tiêu của một nghị quyết cấp tỉnh về chuyển đổi số và của " +
      `Quyết định 749/QĐ-TTg; không phải văn bản của ${h.province.vi} — quản trị viên sửa theo chương trình của mình.`;
  return (INDICATORS as readonly IndicatorSeed[]).map((i) => ({
    ...i,
    methodologyVi: local(i.methodologyVi),
    methodologyEn: local(i.methodologyEn),
    sourceVi: sourceVi ?? i.sourceVi,
  }));
}

export function getIndicator(code: string): IndicatorSeed {
  const found = (INDICATORS as readonly IndicatorSeed[]).find((i) => i.code === code);
  if (!found) throw new Error(`unknown indicator ${code}`);
  return found;
}

/** The department responsible for an indicator on a given day (merged departments included). */
export function responsibleDepartmentOn(indicator: IndicatorSeed, day: IsoDate): DepartmentCode {
  for (const past of indicator.earlierDepartments) if (day <= past.until) return past.departmentCode;
  return indicator.responsibleDepartmentCode;
}

// ---------------------------------------------------------------- targets

export interface TargetSeed {
  indicatorCode: IndicatorCode;
  /**
   * The level the target is set for: the level figures are entered at. For the district and
   * commune dossier targets ("tổng số hồ sơ công việc tại cấp huyện") the clause speaks of
   * the whole tier; the Σnum/Σden roll-up of the same figures measures that.
   */
  level: UnitLevel;
  sectorCode: SectorCode | null;
  year: number;
  comparator: Comparator;
  /** Percent for ratios and changes, a count or a rank otherwise; null when qualitative. */
  value: number | null;
  descriptionVi: string | null;
  /** The resolution's words, verbatim (for a province-summary row: a paraphrase marked as such). */
  sourceClauseVi: string;
  /** The part of the clause that states this target's threshold; not stored, used to check the comparator. */
  valuePhrase: string;
  sourceVi: string;
}

const CLAUSE_WORK_DOSSIERS_2025 =
  "Trên 90% tổng số hồ sơ công việc tại cấp tỉnh, trên 80% tổng số hồ sơ công việc tại cấp huyện và trên 60% tổng số hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng";
// "xứ lý" [sic]: the article's typing slip, kept because this is a quotation.
const CLAUSE_WORK_DOSSIERS_2030 =
  "100% tổng số hồ sơ công việc tại cấp tỉnh, trên 90% tổng số hồ sơ công việc tại cấp huyện và trên 70% tổng số hồ sơ công việc tại cấp xã được xứ lý trên môi trường mạng";
const CLAUSE_SECTOR_SHARE = "tỷ trọng kinh tế số trong từng ngành, lĩnh vực đạt tối thiểu 10%";

function articleTarget(t: Omit<TargetSeed, "sourceVi" | "descriptionVi" | "sectorCode"> & Partial<TargetSeed>): TargetSeed {
  return { sectorCode: null, descriptionVi: null, sourceVi: RESOLUTION_SOURCE_VI, ...t };
}

function summaryTarget(t: Omit<TargetSeed, "sourceVi" | "descriptionVi" | "sectorCode" | "sourceClauseVi"> & { paraphraseVi: string }): TargetSeed {
  const { paraphraseVi, ...rest } = t;
  return {
    ...rest,
    sectorCode: null,
    descriptionVi: null,
    sourceClauseVi: `${paraphraseVi} ${PARAPHRASE_NOTE_VI}`,
    sourceVi: PROVINCE_SUMMARY_SOURCE_VI,
  };
}

export const TARGETS: readonly TargetSeed[] = [
  // 2025 ---------------------------------------------------------------------
  articleTarget({
    indicatorCode: "DVC_L4_SHARE",
    level: UnitLevel.PROVINCE,
    year: 2025,
    comparator: Comparator.GT,
    value: 90,
    sourceClauseVi:
      "đến năm 2025, trên 90% dịch vụ công trực tuyến mức độ 4 được cung cấp trên nhiều phương tiện truy cập khác nhau, bao gồm cả thiết bị di động",
    valuePhrase: "trên 90% dịch vụ công trực tuyến mức độ 4",
  }),
  articleTarget({
    indicatorCode: "WORK_DOSSIER_ONLINE_PROVINCE",
    level: UnitLevel.PROVINCE,
    year: 2025,
    comparator: Comparator.GT,
    value: 90,
    sourceClauseVi: CLAUSE_WORK_DOSSIERS_2025,
    valuePhrase: "Trên 90% tổng số hồ sơ công việc tại cấp tỉnh",
  }),
  // District government ends on 1 July 2025, half-way through the target year: the 2025
  // target is judged on 2025 Q1–Q2 only, and the 2030 one below has no live units to apply to.
  articleTarget({
    indicatorCode: "WORK_DOSSIER_ONLINE_DISTRICT",
    level: UnitLevel.DISTRICT,
    year: 2025,
    comparator: Comparator.GT,
    value: 80,
    sourceClauseVi: CLAUSE_WORK_DOSSIERS_2025,
    valuePhrase: "trên 80% tổng số hồ sơ công việc tại cấp huyện",
  }),
  articleTarget({
    indicatorCode: "WORK_DOSSIER_ONLINE_COMMUNE",
    level: UnitLevel.COMMUNE,
    year: 2025,
    comparator: Comparator.GT,
    value: 60,
    sourceClauseVi: CLAUSE_WORK_DOSSIERS_2025,
    valuePhrase: "trên 60% tổng số hồ sơ công việc tại cấp xã",
  }),
  articleTarget({
    indicatorCode: "DIGITAL_ECONOMY_GRDP",
    level: UnitLevel.PROVINCE,
    year: 2025,
    comparator: Comparator.GT,
    value: 20,
    sourceClauseVi: "Phấn đấu kinh tế số chiếm trên 20% GRDP",
    valuePhrase: "trên 20% GRDP",
  }),
  ...SECTORS.map((s) =>
    articleTarget({
      indicatorCode: "DIGITAL_ECONOMY_SECTOR",
      level: UnitLevel.PROVINCE,
      sectorCode: s.code,
      year: 2025,
      comparator: Comparator.GTE,
      value: 10,
      sourceClauseVi: CLAUSE_SECTOR_SHARE,
      valuePhrase: "tối thiểu 10%",
    }),
  ),
  articleTarget({
    indicatorCode: "DIGITAL_ENTERPRISES",
    level: UnitLevel.PROVINCE,
    year: 2025,
    comparator: Comparator.GT,
    value: 700,
    sourceClauseVi: "phấn đấu có trên 700 doanh nghiệp số",
    valuePhrase: "trên 700 doanh nghiệp số",
  }),
  summaryTarget({
    indicatorCode: "DTI_RANK",
    level: UnitLevel.PROVINCE,
    year: 2025,
    comparator: Comparator.LTE,
    value: 15,
    paraphraseVi: "Chỉ số chuyển đổi số cấp tỉnh (DTI) của Thái Nguyên thuộc top 15 cả nước đến năm 2025",
    valuePhrase: "top 15",
  }),
  // 2030 ---------------------------------------------------------------------
  articleTarget({
    indicatorCode: "ONLINE_SERVICE_SATISFACTION",
    level: UnitLevel.PROVINCE,
    year: 2030,
    comparator: Comparator.GT,
    value: 90,
    sourceClauseVi:
      "Mục tiêu căn bản đến năm 2030, trên 90% người dân, doanh nghiệp hài lòng với dịch vụ công trực tuyến của tỉnh",
    valuePhrase: "trên 90% người dân, doanh nghiệp hài lòng",
  }),
  articleTarget({
    indicatorCode: "WORK_DOSSIER_ONLINE_PROVINCE",
    level: UnitLevel.PROVINCE,
    year: 2030,
    comparator: Comparator.EQ,
    value: 100,
    sourceClauseVi: CLAUSE_WORK_DOSSIERS_2030,
    valuePhrase: "100% tổng số hồ sơ công việc tại cấp tỉnh",
  }),
  articleTarget({
    indicatorCode: "WORK_DOSSIER_ONLINE_DISTRICT",
    level: UnitLevel.DISTRICT,
    year: 2030,
    comparator: Comparator.GT,
    value: 90,
    sourceClauseVi: CLAUSE_WORK_DOSSIERS_2030,
    valuePhrase: "trên 90% tổng số hồ sơ công việc tại cấp huyện",
  }),
  articleTarget({
    indicatorCode: "WORK_DOSSIER_ONLINE_COMMUNE",
    level: UnitLevel.COMMUNE,
    year: 2030,
    comparator: Comparator.GT,
    value: 70,
    sourceClauseVi: CLAUSE_WORK_DOSSIERS_2030,
    valuePhrase: "trên 70% tổng số hồ sơ công việc tại cấp xã",
  }),
  // A change against the baseline count, in percent: "giảm 30%" is a change of at most −30%.
  articleTarget({
    indicatorCode: "ADMIN_PROCEDURE_REDUCTION",
    level: UnitLevel.PROVINCE,
    year: 2030,
    comparator: Comparator.LTE,
    value: -30,
    sourceClauseVi: "giảm 30% thủ tục hành chính",
    valuePhrase: "giảm 30%",
  }),
  articleTarget({
    indicatorCode: "OPEN_DATA",
    level: UnitLevel.PROVINCE,
    year: 2030,
    comparator: Comparator.GTE,
    value: null,
    descriptionVi: "Mở dữ liệu cho các tổ chức, doanh nghiệp",
    sourceClauseVi: "mở dữ liệu cho các tổ chức, doanh nghiệp",
    valuePhrase: "mở dữ liệu cho các tổ chức, doanh nghiệp",
  }),
  articleTarget({
    indicatorCode: "KEY_SECTOR_DATA_PLATFORMS",
    level: UnitLevel.PROVINCE,
    year: 2030,
    comparator: Comparator.GTE,
    value: null,
    descriptionVi: "Hình thành được nền tảng cho các ngành kinh tế trọng điểm dựa trên dữ liệu của các cơ quan nhà nước",
    sourceClauseVi: "hình thành được nền tảng cho các ngành kinh tế trọng điểm dựa trên dữ liệu của các cơ quan nhà nước",
    valuePhrase: "hình thành được nền tảng cho các ngành kinh tế trọng điểm",
  }),
  articleTarget({
    indicatorCode: "DATA_DRIVEN_SERVICES_GROWTH",
    level: UnitLevel.PROVINCE,
    year: 2030,
    comparator: Comparator.GTE,
    value: 30,
    sourceClauseVi: "tăng 30% dịch vụ sáng tạo dựa trên dữ liệu phục vụ người dân, doanh nghiệp",
    valuePhrase: "tăng 30%",
  }),
  summaryTarget({
    indicatorCode: "DIGITAL_ENTERPRISES",
    level: UnitLevel.PROVINCE,
    year: 2030,
    comparator: Comparator.GT,
    value: 3000,
    paraphraseVi: "Trên 3.000 doanh nghiệp số đến năm 2030",
    valuePhrase: "Trên 3.000 doanh nghiệp số",
  }),
  summaryTarget({
    indicatorCode: "DTI_RANK",
    level: UnitLevel.PROVINCE,
    year: 2030,
    comparator: Comparator.LTE,
    value: 10,
    paraphraseVi: "Chỉ số chuyển đổi số cấp tỉnh (DTI) của Thái Nguyên thuộc top 10 cả nước đến năm 2030",
    valuePhrase: "top 10",
  }),
];

// ---------------------------------------------------------------- baselines

/**
 * The day the article's "Đến nay" (to date) describes. The article is undated; the
 * resolution adopts the 2021–2025 programme, so its "to date" figures are taken as the
 * situation at its start: the last day of 2020.
 */
export const BASELINE_DATE: IsoDate = "2020-12-31";

export interface BaselineSeed {
  indicatorCode: IndicatorCode;
  level: UnitLevel;
  sectorCode: SectorCode | null;
  /** Percent for ratios, a count otherwise. */
  value: number;
  date: IsoDate;
  /** The day is an assumption (the article is undated): said beside the baseline. */
  dateAssumed: boolean;
  sourceClauseVi: string;
  /** The number as the article writes it (Vietnamese decimal comma, thousands dot); used to check value. */
  valuePhrase: string;
  sourceVi: string;
}

function articleBaseline(indicatorCode: IndicatorCode, value: number, sourceClauseVi: string, valuePhrase: string): BaselineSeed {
  return {
    indicatorCode,
    level: UnitLevel.PROVINCE,
    sectorCode: null,
    value,
    date: BASELINE_DATE,
    dateAssumed: true,
    sourceClauseVi,
    valuePhrase,
    sourceVi: RESOLUTION_SOURCE_VI,
  };
}

export const BASELINES: readonly BaselineSeed[] = [
  articleBaseline(
    "DVC_L4_SHARE",
    34.87,
    "Đến nay, việc cung cấp dịch vụ công mức độ 4 phục vụ giải quyết thủ tục hành chính qua mạng tạo tiền đề cho việc xây dựng chính quyền điện tử, hướng tới chính quyền số trên địa bàn tỉnh đạt 34,87%",
    "34,87%",
  ),
  articleBaseline("EDOSSIER_RATE", 65.84, "tỷ lệ xử lý hồ sơ điện tử đạt 65,84%", "65,84%"),
  articleBaseline("FIBRE_HAMLET_COVERAGE", 98, "mạng lưới cáp quang được kéo đến 98% các xóm, bản, tổ dân phố", "98%"),
  articleBaseline(
    "FIXED_BROADBAND_HOUSEHOLDS",
    52,
    "52% hộ gia đình sử dụng dịch vụ truy cập internet băng rộng, tốc độ cao",
    "52%",
  ),
  articleBaseline(
    "MOBILE_BASE_STATIONS",
    1650,
    "Toàn tỉnh có 1.650 điểm thu phát sóng cung cấp dịch vụ điện thoại di động",
    "1.650",
  ),
  articleBaseline(
    "MOBILE_INTERNET_HAMLETS",
    99,
    "Toàn tỉnh có 1.650 điểm thu phát sóng cung cấp dịch vụ điện thoại di động, truy cập internet đến 99% xóm, bản, tổ dân phố",
    "99%",
  ),
  // "gần 70%" is "nearly 70%": stored as 70, the clause keeps the qualifier.
  articleBaseline(
    "MOBILE_3G4G_SUBSCRIBERS",
    70,
    "gần 70% thuê bao có sử dụng dịch vụ truy cập internet 3G và 4G",
    "70%",
  ),
];
