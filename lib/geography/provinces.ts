/**
 * The 34 provinces and centrally-run cities in force since 1 July 2025, with the
 * provinces of the old catalogue that were merged into each: what DX_PROVINCE_CODE
 * may name, and how a page writes the selected one's name without a database
 * (the header, the titles, the dictionaries, the environment check at start).
 *
 * Transcribed from the national lists in prisma/seed-data/admin-units/ (the
 * province rows of units-2025-07-01.csv and of succession-2025-07-01.csv);
 * provinces.test.ts checks it against them, so the two cannot drift apart.
 * Pure: safe for the browser bundle too.
 */

export interface ProvinceRow {
  code: string;
  /** As catalogued: "Tỉnh Thái Nguyên", "Thành phố Hà Nội". */
  name: string;
  type: "Tỉnh" | "Thành phố";
  /** Communes and wards from 1 July 2025. */
  communes: number;
  /** The other old provinces that went into it on 1 July 2025, as catalogued on 1 March 2025. */
  merged: readonly { code: string; name: string }[];
}

export const PROVINCES: readonly ProvinceRow[] = [
  { code: "01", name: "Thành phố Hà Nội", type: "Thành phố", communes: 126, merged: [] },
  { code: "04", name: "Tỉnh Cao Bằng", type: "Tỉnh", communes: 56, merged: [] },
  { code: "08", name: "Tỉnh Tuyên Quang", type: "Tỉnh", communes: 124, merged: [{ code: "02", name: "Tỉnh Hà Giang" }] },
  { code: "11", name: "Tỉnh Điện Biên", type: "Tỉnh", communes: 45, merged: [] },
  { code: "12", name: "Tỉnh Lai Châu", type: "Tỉnh", communes: 38, merged: [] },
  { code: "14", name: "Tỉnh Sơn La", type: "Tỉnh", communes: 75, merged: [] },
  { code: "15", name: "Tỉnh Lào Cai", type: "Tỉnh", communes: 99, merged: [{ code: "10", name: "Tỉnh Lào Cai" }] },
  { code: "19", name: "Tỉnh Thái Nguyên", type: "Tỉnh", communes: 92, merged: [{ code: "06", name: "Tỉnh Bắc Kạn" }] },
  { code: "20", name: "Tỉnh Lạng Sơn", type: "Tỉnh", communes: 65, merged: [] },
  { code: "22", name: "Tỉnh Quảng Ninh", type: "Tỉnh", communes: 54, merged: [] },
  { code: "24", name: "Tỉnh Bắc Ninh", type: "Tỉnh", communes: 99, merged: [{ code: "27", name: "Tỉnh Bắc Ninh" }] },
  { code: "25", name: "Tỉnh Phú Thọ", type: "Tỉnh", communes: 148, merged: [{ code: "17", name: "Tỉnh Hoà Bình" }, { code: "26", name: "Tỉnh Vĩnh Phúc" }] },
  { code: "31", name: "Thành phố Hải Phòng", type: "Thành phố", communes: 114, merged: [{ code: "30", name: "Tỉnh Hải Dương" }] },
  { code: "33", name: "Tỉnh Hưng Yên", type: "Tỉnh", communes: 104, merged: [{ code: "34", name: "Tỉnh Thái Bình" }] },
  { code: "37", name: "Tỉnh Ninh Bình", type: "Tỉnh", communes: 129, merged: [{ code: "35", name: "Tỉnh Hà Nam" }, { code: "36", name: "Tỉnh Nam Định" }] },
  { code: "38", name: "Tỉnh Thanh Hóa", type: "Tỉnh", communes: 166, merged: [] },
  { code: "40", name: "Tỉnh Nghệ An", type: "Tỉnh", communes: 130, merged: [] },
  { code: "42", name: "Tỉnh Hà Tĩnh", type: "Tỉnh", communes: 69, merged: [] },
  { code: "44", name: "Tỉnh Quảng Trị", type: "Tỉnh", communes: 78, merged: [{ code: "45", name: "Tỉnh Quảng Trị" }] },
  { code: "46", name: "Thành phố Huế", type: "Thành phố", communes: 40, merged: [] },
  { code: "48", name: "Thành phố Đà Nẵng", type: "Thành phố", communes: 94, merged: [{ code: "49", name: "Tỉnh Quảng Nam" }] },
  { code: "51", name: "Tỉnh Quảng Ngãi", type: "Tỉnh", communes: 96, merged: [{ code: "62", name: "Tỉnh Kon Tum" }] },
  { code: "52", name: "Tỉnh Gia Lai", type: "Tỉnh", communes: 135, merged: [{ code: "64", name: "Tỉnh Gia Lai" }] },
  { code: "56", name: "Tỉnh Khánh Hòa", type: "Tỉnh", communes: 65, merged: [{ code: "58", name: "Tỉnh Ninh Thuận" }] },
  { code: "66", name: "Tỉnh Đắk Lắk", type: "Tỉnh", communes: 102, merged: [{ code: "54", name: "Tỉnh Phú Yên" }] },
  { code: "68", name: "Tỉnh Lâm Đồng", type: "Tỉnh", communes: 124, merged: [{ code: "60", name: "Tỉnh Bình Thuận" }, { code: "67", name: "Tỉnh Đắk Nông" }] },
  { code: "75", name: "Tỉnh Đồng Nai", type: "Tỉnh", communes: 95, merged: [{ code: "70", name: "Tỉnh Bình Phước" }] },
  { code: "79", name: "Thành phố Hồ Chí Minh", type: "Thành phố", communes: 168, merged: [{ code: "74", name: "Tỉnh Bình Dương" }, { code: "77", name: "Tỉnh Bà Rịa - Vũng Tàu" }] },
  { code: "80", name: "Tỉnh Tây Ninh", type: "Tỉnh", communes: 96, merged: [{ code: "72", name: "Tỉnh Tây Ninh" }] },
  { code: "82", name: "Tỉnh Đồng Tháp", type: "Tỉnh", communes: 102, merged: [{ code: "87", name: "Tỉnh Đồng Tháp" }] },
  { code: "86", name: "Tỉnh Vĩnh Long", type: "Tỉnh", communes: 124, merged: [{ code: "83", name: "Tỉnh Bến Tre" }, { code: "84", name: "Tỉnh Trà Vinh" }] },
  { code: "91", name: "Tỉnh An Giang", type: "Tỉnh", communes: 102, merged: [{ code: "89", name: "Tỉnh An Giang" }] },
  { code: "92", name: "Thành phố Cần Thơ", type: "Thành phố", communes: 103, merged: [{ code: "93", name: "Tỉnh Hậu Giang" }, { code: "94", name: "Tỉnh Sóc Trăng" }] },
  { code: "96", name: "Tỉnh Cà Mau", type: "Tỉnh", communes: 64, merged: [{ code: "95", name: "Tỉnh Bạc Liêu" }] },
];

/** The province a deployment serves when DX_PROVINCE_CODE is not set. */
export const DEFAULT_PROVINCE_CODE = "19";

export function findProvince(code: string): ProvinceRow | undefined {
  return PROVINCES.find((p) => p.code === code);
}

/** The name without its type: "Tỉnh Thái Nguyên" → "Thái Nguyên"; also for the old catalogue's "Thành phố Trung ương". */
export function shortProvinceName(name: string): string {
  return name.replace(/^(Tỉnh|Thành phố)\s+/u, "");
}

/** Every way the pages write the province. */
export interface ProvinceWords {
  code: string;
  /** As catalogued, for a unit's own name: "Tỉnh Thái Nguyên", "Thành phố Hà Nội". */
  name: string;
  /** "Thái Nguyên", "Hà Nội". */
  short: string;
  /** Inside a Vietnamese sentence: "tỉnh Thái Nguyên", "thành phố Hà Nội". */
  vi: string;
  /** The type word alone, lower case: "tỉnh", "thành phố". */
  typeVi: string;
  /** In an English sentence: "Thái Nguyên province", "Hà Nội city". */
  en: string;
  /** "Provincial" or "City", for English names of bodies: "Thai Nguyen Provincial Statistics Office". */
  typeEnAdjective: string;
  /** Without diacritics, for English proper names: "Thai Nguyen", "Ha Noi". */
  ascii: string;
  communes: number;
  /** Short names of the old provinces merged into it: ["Bắc Kạn"]; empty when none was. */
  merged: string[];
}

export function provinceWords(row: ProvinceRow): ProvinceWords {
  const short = shortProvinceName(row.name);
  const city = row.type === "Thành phố";
  return {
    code: row.code,
    name: row.name,
    short,
    vi: `${city ? "thành phố" : "tỉnh"} ${short}`,
    typeVi: city ? "thành phố" : "tỉnh",
    en: `${short} ${city ? "city" : "province"}`,
    typeEnAdjective: city ? "City" : "Provincial",
    ascii: short.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D"),
    communes: row.communes,
    merged: row.merged.map((m) => shortProvinceName(m.name)),
  };
}

/** Joins names as a sentence does: "A", "A và B", "A, B và C" (English: "and"). */
export function joinNames(names: readonly string[], and: string): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} ${and} ${names.at(-1)}`;
}
