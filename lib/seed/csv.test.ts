import { describe, expect, it } from "vitest";
import { CsvError, parseCsvRecords, stringifyCsv } from "./csv";

describe("parseCsvRecords (the admin import's reader)", () => {
  it("drops a UTF-8 byte-order mark so the first column keeps its name", () => {
    expect(parseCsvRecords("\uFEFFcode,name\n19,Tỉnh Thái Nguyên\n", ["code", "name"])).toEqual([{ code: "19", name: "Tỉnh Thái Nguyên" }]);
  });

  it("accepts CRLF, LF and lone CR line endings alike, without an empty last row", () => {
    const expected = [{ a: "1", b: "2" }, { a: "3", b: "4" }];
    expect(parseCsvRecords("a,b\r\n1,2\r\n3,4\r\n", ["a", "b"])).toEqual(expected);
    expect(parseCsvRecords("a,b\n1,2\n3,4", ["a", "b"])).toEqual(expected);
    expect(parseCsvRecords("a,b\r1,2\r3,4\r", ["a", "b"])).toEqual(expected);
  });

  it("reads quoted fields with commas, doubled quotes and line breaks inside", () => {
    expect(parseCsvRecords('code,name\r\n01,"Hà Nội, ""Thủ đô"""\r\n02,"dòng một\r\ndòng hai"\r\n', ["code", "name"])).toEqual([
      { code: "01", name: 'Hà Nội, "Thủ đô"' },
      { code: "02", name: "dòng một\r\ndòng hai" },
    ]);
  });

  it("keeps empty fields, including a trailing one and an empty quoted one", () => {
    expect(parseCsvRecords('a,b,c\n,,""\n19,Tỉnh,\n', ["a", "b", "c"])).toEqual([
      { a: "", b: "", c: "" },
      { a: "19", b: "Tỉnh", c: "" },
    ]);
  });

  it("rejects an unterminated quote and text after a closing quote", () => {
    expect(() => parseCsvRecords('a,b\n"x,2\n', ["a", "b"])).toThrow(CsvError);
    expect(() => parseCsvRecords('a,b\n"x"y,2\n', ["a", "b"])).toThrow(CsvError);
  });

  it("maps fields by header name, whatever the column order", () => {
    expect(parseCsvRecords("name,code\nTỉnh Bắc Kạn,06\n", ["code", "name"])).toEqual([{ code: "06", name: "Tỉnh Bắc Kạn" }]);
  });

  it("rejects a missing column and a row with the wrong number of fields", () => {
    expect(() => parseCsvRecords("code\n19\n", ["code", "name"])).toThrow(/name/);
    expect(() => parseCsvRecords("code,name\n19\n", ["code", "name"])).toThrow(CsvError);
  });
});

describe("stringifyCsv", () => {
  it("round-trips through the reader, quoting only what needs it", () => {
    const rows = [["06", "Thành Phố Bắc Kạn"], ["x", 'a "b", c'], ["y", " padded "]];
    const text = stringifyCsv(["code", "name"], rows);
    expect(text.split("\n")[1]).toBe("06,Thành Phố Bắc Kạn");
    expect(parseCsvRecords(text, ["code", "name"])).toEqual(rows.map(([code, name]) => ({ code, name })));
  });
});
