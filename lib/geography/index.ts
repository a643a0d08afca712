/**
 * The province this installation serves. Its GSO code stays 19 across the
 * 1 July 2025 merger; the unit behind it does not (ADR 004).
 */
export const HOME_PROVINCE_CODE = process.env.DX_PROVINCE_CODE ?? "19";

/**
 * 1 July 2025: the district level was abolished and Bắc Kạn merged into Thái
 * Nguyên. Units valid from this day are the two-tier (province–commune) ones;
 * successions take effect on it. A calendar day, "YYYY-MM-DD".
 */
export const REFORM_DATE = "2025-07-01";
