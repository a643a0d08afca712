/**
 * What a csv-parse error code means, in Vietnamese: the one wording of every
 * CSV reader (the GSO unit lists, lib/geography/unit-csv.ts, and the figures
 * import, lib/import/parse-file.ts). Callers add where (file, line) and the final stop.
 */
export function csvErrorVi(code: string | undefined): string {
  switch (code) {
    case "CSV_RECORD_INCONSISTENT_COLUMNS":
    case "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH":
      return "số cột không khớp với dòng tiêu đề";
    case "CSV_QUOTE_NOT_CLOSED":
      return "dấu ngoặc kép chưa được đóng";
    case "CSV_INVALID_CLOSING_QUOTE":
      return "có ký tự ngay sau dấu ngoặc kép đóng";
    case "CSV_MAX_RECORD_SIZE":
      return "một dòng quá dài";
    default:
      return "nội dung không đọc được";
  }
}
