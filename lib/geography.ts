/**
 * The province this installation serves. Its GSO code stays 19 across the
 * 1 July 2025 merger; the unit behind it does not (ADR 004).
 */
export const HOME_PROVINCE_CODE = process.env.DX_PROVINCE_CODE ?? "19";
