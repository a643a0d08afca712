/**
 * A retired indicator (issue #15, item 2): from the quarter it was retired from on, no figure is
 * owed for it — the entry grid does not offer it, an entry or import is refused, reminders and
 * completeness do not count it — and its published history stays readable. Stored as the first
 * day of that quarter (Indicator.retiredFrom).
 *
 * A target needs the figures of every quarter up to the end of its year (a verdict is made on
 * Q4), so a target of year Y and a retirement from a quarter of Y or earlier exclude each other.
 */
import { compareQuarters, formatQuarter, makeQuarter, parseQuarter, quarterOfDate, quarterStart, type Quarter } from "@/lib/period/quarter";

/**
 * The quarter an indicator was retired from; null while it is tracked. Takes the stored day (a
 * Date, or its JSON text "2027-01-01…") or a quarter key ("2027-Q1", as pages carry it).
 */
export function retiredFromQuarter(retiredFrom: Date | string | null | undefined): Quarter | null {
  if (retiredFrom === null || retiredFrom === undefined) return null;
  if (retiredFrom instanceof Date) return quarterOfDate(retiredFrom);
  return parseQuarter(retiredFrom) ?? quarterOfDate(new Date(retiredFrom.length === 10 ? `${retiredFrom}T00:00:00.000Z` : retiredFrom));
}

/** Whether figures are owed for the indicator in quarter `q`. */
export function reportsIn(retiredFrom: Date | string | null | undefined, q: Quarter): boolean {
  const from = retiredFromQuarter(retiredFrom);
  return from === null || compareQuarters(q, from) < 0;
}

/** Whether a target of `year` can be judged: the indicator is tracked through that year's fourth quarter. */
export function targetYearTracked(retiredFrom: Date | string | null | undefined, year: number): boolean {
  return reportsIn(retiredFrom, makeQuarter(year, 4));
}

/** The stored value of a retirement from quarter `q`: its first day. */
export function retirementDate(q: Quarter): Date {
  return quarterStart(q);
}

export const RETIREMENT_MESSAGES = {
  quarterInvalid: "Quý thôi theo dõi không hợp lệ: chọn một quý, ví dụ Quý I/2027.",
  yearInvalid: "Năm thôi theo dõi phải từ 2021 đến 2050.",
  reason: "Hãy ghi lý do thôi theo dõi (ít nhất 10 ký tự).",
  sameQuarter: (q: Quarter) => `Chỉ tiêu đã thôi theo dõi từ ${formatQuarter(q, "vi")}; không có gì thay đổi.`,
  notRetired: "Chỉ tiêu đang được theo dõi; không có gì để khôi phục.",
  figuresAfter: (from: Quarter, count: number, last: Quarter) =>
    `Đã có ${count.toLocaleString("vi-VN")} số liệu từ ${formatQuarter(from, "vi")} trở đi (quý cuối có số liệu: ${formatQuarter(last, "vi")}); số liệu không bị xoá. Chọn một quý từ sau ${formatQuarter(last, "vi")}.`,
  targetAfter: (from: Quarter, year: number, programme: string) =>
    `Chỉ tiêu còn mục tiêu năm ${year} (${programme}), cần số liệu đến hết Quý IV/${year}, nên không thể thôi theo dõi từ ${formatQuarter(from, "vi")}. Rút mục tiêu đó trước, hoặc chọn một quý từ Quý I/${year + 1}.`,
  targetRetired: (from: Quarter) => `Chỉ tiêu đã thôi theo dõi từ ${formatQuarter(from, "vi")}: chỉ đặt được mục tiêu cho những năm trước đó.`,
  figureRetired: (name: string, from: Quarter, q: Quarter) =>
    `Chỉ tiêu “${name}” đã thôi theo dõi từ ${formatQuarter(from, "vi")}: không nhập số liệu cho ${formatQuarter(q, "vi")}.`,
} as const;

/** "Thôi theo dõi từ Quý I/2027" / "Retired from Q1 2027". */
export function retirementLabel(retiredFrom: Date | string | null | undefined, locale: "vi" | "en"): string | null {
  const q = retiredFromQuarter(retiredFrom);
  if (q === null) return null;
  return locale === "vi" ? `Thôi theo dõi từ ${formatQuarter(q, "vi")}` : `Retired from ${formatQuarter(q, "en")}`;
}
