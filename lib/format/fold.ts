/**
 * Vietnamese text in the form it is searched and keyed in: lower case, no
 * diacritics, đ as d, single spaces. "Phường ĐỨC Xuân" → "phuong duc xuan".
 */
export function foldVietnamese(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
