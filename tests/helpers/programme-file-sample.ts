/**
 * A programme definition file as a planning office would fill it (ADR 033): the next resolution,
 * 09-NQ/TU (2026–2030), with one indicator the catalogue lacks, its 2028 and 2030 targets and a
 * baseline. Shared by the unit, integration and end-to-end tests; each copy is fresh.
 */
import type { ProgrammeFile } from "@/lib/programme-file/schema";

export const SAMPLE_INDICATOR = "HDDT_DN_RATE";
export const SAMPLE_INDICATOR_NAME = "Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử";

export function sampleProgrammeFile(code = "09-NQ/TU"): ProgrammeFile {
  return {
    formatVersion: 1,
    programme: {
      code,
      titleVi: "Chương trình chuyển đổi số tỉnh giai đoạn 2026-2030",
      titleEn: "The province's digital transformation programme 2026–2030",
      issuerVi: "Ban Chấp hành Đảng bộ tỉnh Thái Nguyên",
      issuedOn: "2026-11-20",
      startYear: 2026,
      endYear: 2030,
      visionYear: null,
      scope: "PROVINCE",
      provinceCode: "19",
      status: "IN_FORCE",
      supersededByCode: null,
      sourceVi: `Nghị quyết số ${code} (văn bản thử nghiệm)`,
    },
    indicators: [
      {
        code: SAMPLE_INDICATOR,
        nameVi: SAMPLE_INDICATOR_NAME,
        nameEn: "Share of enterprises using e-invoices",
        group: "DIGITAL_ECONOMY",
        kind: "RATIO",
        unitVi: "%",
        unitEn: "%",
        numeratorLabelVi: "Số doanh nghiệp sử dụng hóa đơn điện tử",
        denominatorLabelVi: "Tổng số doanh nghiệp đang hoạt động",
        direction: "INCREASE",
        levels: ["PROVINCE"],
        bySector: false,
        yearlyRate: false,
        periodBasis: "QUARTER_END",
        responsibleDepartmentCode: "VP_UBND",
        methodologyVi: "Tử số / mẫu số tại ngày cuối quý.",
        methodologyEn: "Numerator / denominator on the quarter's last day.",
        sourceVi: `${code} (thử nghiệm)`,
      },
    ],
    targets: [
      {
        indicatorCode: SAMPLE_INDICATOR,
        level: "PROVINCE",
        sectorCode: null,
        year: 2028,
        comparator: "GTE",
        value: 85,
        descriptionVi: null,
        sourceClauseVi: "đến năm 2028, tối thiểu 85% doanh nghiệp sử dụng hóa đơn điện tử",
        sourceVi: `${code} (thử nghiệm)`,
        answers: null,
      },
      {
        indicatorCode: SAMPLE_INDICATOR,
        level: "PROVINCE",
        sectorCode: null,
        year: 2030,
        comparator: "GTE",
        value: 95,
        descriptionVi: null,
        sourceClauseVi: "đến năm 2030, tối thiểu 95% doanh nghiệp sử dụng hóa đơn điện tử",
        sourceVi: `${code} (thử nghiệm)`,
        answers: null,
      },
    ],
    baselines: [
      {
        indicatorCode: SAMPLE_INDICATOR,
        level: "PROVINCE",
        sectorCode: null,
        value: 62.5,
        date: "2025-12-31",
        dateAssumed: true,
        sourceClauseVi: "năm 2025 đạt 62,5%",
        sourceVi: `${code} (thử nghiệm)`,
      },
    ],
  };
}
