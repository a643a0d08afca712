import { DEFAULT_PROVINCE_CODE, findProvince, provinceWords, type ProvinceWords } from "./provinces";

/**
 * The province this installation serves: DX_PROVINCE_CODE, a province code of the
 * 1 July 2025 list (lib/env.ts refuses any other at start), default 19. Its code
 * stays the same across the 1 July 2025 merger; the unit behind it does not (ADR 004, ADR 034).
 */
export const HOME_PROVINCE_CODE = process.env.DX_PROVINCE_CODE?.trim() || DEFAULT_PROVINCE_CODE;

/** How the pages name the home province ("tỉnh Thái Nguyên", "thành phố Hà Nội", …). */
export function homeProvince(): ProvinceWords {
  const row = findProvince(HOME_PROVINCE_CODE);
  // lib/env.ts stops the start before this; a test or script run with a bad code learns it here.
  if (!row) throw new Error(`DX_PROVINCE_CODE="${HOME_PROVINCE_CODE}" không phải mã tỉnh, thành phố nào trong danh mục từ ngày 01/07/2025.`);
  return provinceWords(row);
}

/**
 * 1 July 2025: the district level was abolished and provinces were merged (34
 * from 63). Units valid from this day are the two-tier (province–commune) ones;
 * successions take effect on it. A calendar day, "YYYY-MM-DD".
 */
export const REFORM_DATE = "2025-07-01";
