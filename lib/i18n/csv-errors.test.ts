import { describe, expect, it } from "vitest";
import { csvErrorVi } from "./csv-errors";

describe("csvErrorVi", () => {
  it("names each csv-parse failure in Vietnamese, and anything else as unreadable", () => {
    expect(csvErrorVi("CSV_RECORD_INCONSISTENT_COLUMNS")).toBe("số cột không khớp với dòng tiêu đề");
    expect(csvErrorVi("CSV_RECORD_INCONSISTENT_FIELDS_LENGTH")).toBe("số cột không khớp với dòng tiêu đề");
    expect(csvErrorVi("CSV_QUOTE_NOT_CLOSED")).toBe("dấu ngoặc kép chưa được đóng");
    expect(csvErrorVi("CSV_INVALID_CLOSING_QUOTE")).toBe("có ký tự ngay sau dấu ngoặc kép đóng");
    expect(csvErrorVi("CSV_MAX_RECORD_SIZE")).toBe("một dòng quá dài");
    expect(csvErrorVi(undefined)).toBe("nội dung không đọc được");
  });
});
