/**
 * How the public texts name the province served and its programme (ADR 034): the
 * province from DX_PROVINCE_CODE (lib/geography), never a literal; the programme as
 * Resolution 01-NQ/TU where the province is the one whose resolution the tracker ships,
 * otherwise generically (the province's own programme is data its administrators enter,
 * or, in demo mode, the seed's demo programme). Pure: also in the browser bundle.
 */
import { HOME_PROVINCE_CODE } from "@/lib/geography";
import { DEFAULT_PROVINCE_CODE, findProvince, joinNames, provinceWords, type ProvinceWords } from "@/lib/geography/provinces";

/** The resolution the tracker ships, and whose province it is (lib/seed/programmes.ts seeds it; home.test.ts ties the two). */
export const SHIPPED_RESOLUTION = { code: "01-NQ/TU", provinceCode: DEFAULT_PROVINCE_CODE } as const;

const COUNT_WORDS_VI = ["", "một", "hai", "ba", "bốn", "năm"];
const COUNT_WORDS_EN = ["", "one", "two", "three", "four", "five"];

export interface HomeWords {
  province: ProvinceWords;
  /** The province's programme is the shipped resolution (01-NQ/TU). */
  ownResolution: boolean;
  /** Other provinces merged into it on 1 July 2025, e.g. "Bắc Kạn"; "" when none was. */
  mergedShort: string;
  /** The same with their type, inside a sentence: "tỉnh Bắc Kạn". */
  mergedVi: string;
  mergedEn: string;
  /** How many old provinces make up the new one, in words: "hai" / "two". */
  oldProvincesVi: string;
  oldProvincesEn: string;
}

function lowerType(name: string): string {
  return name.replace(/^Tỉnh /u, "tỉnh ").replace(/^Thành [Pp]hố /u, "thành phố ");
}

export function homeWords(code: string = HOME_PROVINCE_CODE): HomeWords {
  const row = findProvince(code);
  if (!row) throw new Error(`DX_PROVINCE_CODE="${code}" không phải mã tỉnh, thành phố nào trong danh mục từ ngày 01/07/2025.`);
  const province = provinceWords(row);
  const count = row.merged.length + 1;
  return {
    province,
    ownResolution: code === SHIPPED_RESOLUTION.provinceCode,
    mergedShort: joinNames(province.merged, "và"),
    mergedVi: joinNames(row.merged.map((m) => lowerType(m.name)), "và"),
    mergedEn: joinNames(province.merged, "and"),
    oldProvincesVi: COUNT_WORDS_VI[count] ?? String(count),
    oldProvincesEn: COUNT_WORDS_EN[count] ?? String(count),
  };
}
