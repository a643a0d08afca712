/**
 * The programmes the tracker ships with (issue #15): Resolution 01-NQ/TU, whose
 * targets are in resolution.ts, and Decision 749/QĐ-TTg, the national programme
 * it answers, with only the 2025 targets that the public reports of the decision
 * state (../shared/docs/national-programme-749.md) and that have a provincial
 * counterpart in the catalogue. Each national target is linked from the
 * provincial target of the same indicator, level, sector and year that answers it.
 *
 * Not seeded, on purpose: the national-only targets of 749 (the national databases,
 * the EGDI, IDI and GCI ranks, labour productivity): no province reports them, and
 * the catalogue holds indicators a province reports. An administrator can add them
 * with their indicators once the catalogue has a national level.
 */
import { Comparator, ProgrammeScope, ProgrammeStatus } from "@/lib/generated/prisma/enums";
import { findProvince, provinceWords, type ProvinceWords } from "@/lib/geography/provinces";
import { THAI_NGUYEN_CODE } from "./admin-units";
import type { IndicatorCode, TargetSeed } from "./resolution";
import { RESOLUTION_SOURCE_VI, TARGETS } from "./resolution";

export interface ProgrammeSeed {
  code: string;
  titleVi: string;
  titleEn: string;
  issuerVi: string;
  /** ISO day; null when the source does not give it. */
  issuedOn: string | null;
  startYear: number;
  endYear: number;
  visionYear: number | null;
  scope: ProgrammeScope;
  provinceCode: string | null;
  status: ProgrammeStatus;
  sourceVi: string;
}

/** The province whose real resolution the tracker ships (01-NQ/TU): Thái Nguyên, 19. */
export const RESOLUTION_PROVINCE: ProvinceWords = provinceWords(findProvince(THAI_NGUYEN_CODE)!);

export const RESOLUTION_PROGRAMME: ProgrammeSeed = {
  code: "01-NQ/TU",
  titleVi: "Chương trình chuyển đổi số trên địa bàn tỉnh giai đoạn 2021-2025, định hướng đến năm 2030",
  titleEn: "The province's digital transformation programme 2021–2025, with a vision to 2030",
  issuerVi: `Ban Chấp hành Đảng bộ ${RESOLUTION_PROVINCE.vi}`,
  // The article quoting the resolution does not give its day.
  issuedOn: null,
  startYear: 2021,
  endYear: 2025,
  visionYear: 2030,
  scope: ProgrammeScope.PROVINCE,
  provinceCode: RESOLUTION_PROVINCE.code,
  // Its 2021–2025 phase is over, but its 2030 targets stand until a new resolution supersedes it.
  status: ProgrammeStatus.IN_FORCE,
  sourceVi: RESOLUTION_SOURCE_VI,
};

export const NATIONAL_749_SOURCE_VI =
  "Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt Chương trình Chuyển đổi số quốc gia đến năm 2025, " +
  "định hướng đến năm 2030 (theo VOV5, vovworld.vn, bài 867595, và Thanh Niên, thanhnien.vn, bài 1233738; chưa đối chiếu với văn bản gốc)";

export const NATIONAL_PROGRAMME: ProgrammeSeed = {
  code: "749/QĐ-TTg",
  titleVi: "Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030",
  titleEn: "National Digital Transformation Programme to 2025, with a vision to 2030",
  issuerVi: "Thủ tướng Chính phủ",
  issuedOn: "2020-06-03",
  startYear: 2020,
  endYear: 2025,
  visionYear: 2030,
  scope: ProgrammeScope.NATIONAL,
  provinceCode: null,
  status: ProgrammeStatus.IN_FORCE,
  sourceVi: NATIONAL_749_SOURCE_VI,
};

/** A national target, stated for the level (and each sector) of the provincial target that answers it. */
export interface NationalTargetSeed {
  indicatorCode: IndicatorCode;
  year: number;
  /** "80%" in the national text has no "trên": read as at least (≥), as the methodology says. */
  comparator: Comparator;
  value: number;
  /** The decision's words as reported. */
  sourceClauseVi: string;
  /** Set where the national wording measures something wider than the province's indicator. */
  descriptionVi: string | null;
}

export const NATIONAL_TARGETS: readonly NationalTargetSeed[] = [
  {
    indicatorCode: "DVC_L4_SHARE",
    year: 2025,
    comparator: Comparator.GTE,
    value: 80,
    sourceClauseVi: "80% dịch vụ công trực tuyến mức độ 4, được cung cấp trên nhiều phương tiện truy cập khác nhau, bao gồm cả thiết bị di động",
    descriptionVi: null,
  },
  {
    indicatorCode: "WORK_DOSSIER_ONLINE_PROVINCE",
    year: 2025,
    comparator: Comparator.GTE,
    value: 90,
    sourceClauseVi: "90% hồ sơ công việc tại cấp bộ, tỉnh được xử lý trên môi trường mạng",
    descriptionVi: null,
  },
  {
    indicatorCode: "WORK_DOSSIER_ONLINE_DISTRICT",
    year: 2025,
    comparator: Comparator.GTE,
    value: 80,
    sourceClauseVi: "80% hồ sơ công việc tại cấp huyện",
    descriptionVi: null,
  },
  {
    indicatorCode: "WORK_DOSSIER_ONLINE_COMMUNE",
    year: 2025,
    comparator: Comparator.GTE,
    value: 60,
    sourceClauseVi: "60% hồ sơ công việc tại cấp xã",
    descriptionVi: null,
  },
  {
    indicatorCode: "DIGITAL_ECONOMY_GRDP",
    year: 2025,
    comparator: Comparator.GTE,
    value: 20,
    sourceClauseVi: "Kinh tế số chiếm 20% GDP",
    descriptionVi: "Cả nước: kinh tế số chiếm 20% GDP (tỉnh đo bằng tỷ trọng trong GRDP).",
  },
  {
    indicatorCode: "DIGITAL_ECONOMY_SECTOR",
    year: 2025,
    comparator: Comparator.GTE,
    value: 10,
    sourceClauseVi: "Tỷ trọng kinh tế số trong từng ngành, lĩnh vực đạt tối thiểu 10%",
    descriptionVi: null,
  },
];

/** The provincial targets a national target is stated for: same indicator and year, each level and sector. */
export function answeringTargets(national: NationalTargetSeed, provincial: readonly TargetSeed[]): TargetSeed[] {
  return provincial.filter((t) => t.indicatorCode === national.indicatorCode && t.year === national.year);
}

// ---------------------------------------------------------------- another province's demo

/** The indicators the demo programme of another province sets targets on: rates and counts, no baseline needed. */
const DEMO_TARGET_INDICATORS: readonly IndicatorCode[] = [
  "DVC_L4_SHARE",
  "WORK_DOSSIER_ONLINE_PROVINCE",
  "WORK_DOSSIER_ONLINE_COMMUNE",
  "DIGITAL_ECONOMY_GRDP",
  "DIGITAL_ENTERPRISES",
];

/**
 * A small invented programme for a province other than the resolution's, in demo mode
 * (ADR 034): the 01-NQ/TU targets are that province's real resolution, not this one's. Code
 * DEMO-<province code>, marked demo in its title, issuer and source; a handful of targets
 * on the same indicator catalogue, at the levels of the resolution's targets of those indicators.
 */
export function demoProgrammeFor(province: ProvinceWords): { programme: ProgrammeSeed; targets: TargetSeed[] } {
  const sourceVi =
    `Chương trình minh họa (demo) do trình nạp dữ liệu mẫu tạo ra để trình diễn phần mềm cho ${province.vi}; ` +
    "không phải văn bản thật. Mức mục tiêu lấy theo các chỉ tiêu cùng loại của chương trình chuyển đổi số quốc gia và các tỉnh.";
  const programme: ProgrammeSeed = {
    code: `DEMO-${province.code}`,
    titleVi: `Chương trình chuyển đổi số ${province.vi} giai đoạn 2021-2025, định hướng đến năm 2030 (minh họa — demo)`,
    titleEn: `Digital transformation programme of ${province.en}, 2021–2025, with a vision to 2030 (demo)`,
    issuerVi: `Dữ liệu minh họa (demo) — ${province.vi}`,
    issuedOn: null,
    startYear: 2021,
    endYear: 2025,
    visionYear: 2030,
    scope: ProgrammeScope.PROVINCE,
    provinceCode: province.code,
    status: ProgrammeStatus.IN_FORCE,
    sourceVi,
  };
  const targets = TARGETS.filter((t) => DEMO_TARGET_INDICATORS.includes(t.indicatorCode)).map((t) => ({
    ...t,
    descriptionVi: null,
    sourceClauseVi: `Mục tiêu minh họa (demo) của ${province.vi}, không trích từ văn bản nào`,
    valuePhrase: "",
    sourceVi,
  }));
  return { programme, targets };
}
