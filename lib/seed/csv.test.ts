import { describe, expect, it } from "vitest";
import { CsvError, parseCsv, parseCsvRecords, stringifyCsv } from "./csv";

describe("parseCsv", () => {
  it("drops a UTF-8 byte-order mark so the first column keeps its name", () => {
    const rows = parseCsv("\uFEFFcode,name\n19,Tỉnh Thái Nguyên\n");
    expect(rows[0]).toEqual(["code", "name"]);
  });

  it("accepts CRLF, LF and lone CR line endings alike, without an empty last row", () => {
    const expected = [["a", "b"], ["1", "2"], ["3", "4"]];
    expect(parseCsv("a,b\r\n1,2\r\n3,4\r\n")).toEqual(expected);
    expect(parseCsv("a,b\n1,2\n3,4")).toEqual(expected);
    expect(parseCsv("a,b\r1,2\r3,4\r")).toEqual(expected);
  });

  it("reads quoted fields with commas, doubled quotes and line breaks inside", () => {
    const rows = parseCsv('code,name\r\n01,"Hà Nội, ""Thủ đô"""\r\n02,"dòng một\r\ndòng hai"\r\n');
    expect(rows).toEqual([
      ["code", "name"],
      ["01", 'Hà Nội, "Thủ đô"'],
      ["02", "dòng một\r\ndòng hai"],
    ]);
  });

  it("keeps empty fields, including a trailing one and an empty quoted one", () => {
    expect(parseCsv('a,,""\n19,Tỉnh,\n')).toEqual([
      ["a", "", ""],
      ["19", "Tỉnh", ""],
    ]);
  });

  it("rejects an unterminated quote and text after a closing quote", () => {
    expect(() => parseCsv('a,"b\n1,2\n')).toThrow(CsvError);
    expect(() => parseCsv('a,"b"c\n')).toThrow(CsvError);
  });
});

describe("parseCsvRecords", () => {
  it("maps fields by header name, whatever the column order", () => {
    const recs = parseCsvRecords("name,code\nTỉnh Bắc Kạn,06\n", ["code", "name"]);
    expect(recs).toEqual([{ code: "06", name: "Tỉnh Bắc Kạn" }]);
  });

  it("rejects a missing column and a row with the wrong number of fields", () => {
    expect(() => parseCsvRecords("code\n19\n", ["code", "name"])).toThrow(/name/);
    expect(() => parseCsvRecords("code,name\n19\n", ["code", "name"])).toThrow(CsvError);
  });
});

describe("stringifyCsv", () => {
  it("round-trips through parseCsv, quoting only what needs it", () => {
    const rows = [["06", "Thành Phố Bắc Kạn"], ["x", 'a "b", c'], ["y", " padded "]];
    const text = stringifyCsv(["code", "name"], rows);
    expect(text.split("\n")[1]).toBe("06,Thành Phố Bắc Kạn");
    expect(parseCsv(text)).toEqual([["code", "name"], ...rows]);
  });
});
