import { describe, expect, it } from "vitest";
import { formatImportError, parseSuccessionList, parseUnitList } from "./unit-csv";

const messages = (r: { errors: Parameters<typeof formatImportError>[0][] }) => r.errors.map(formatImportError);

describe("a GSO unit list", () => {
  it("reads the catalogue's columns, with a BOM, CRLF, quoted names and blank lines; line numbers are the file's", () => {
    const r = parseUnitList('\uFEFFcode,name,type,level,parent_code\r\n19,Tỉnh Thái Nguyên,Tỉnh,province,\r\n\r\n01840,"Phường Đức Xuân, mới",Phường,commune,19\r\n');
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { line: 2, code: "19", name: "Tỉnh Thái Nguyên", type: "Tỉnh", level: "PROVINCE", parentCode: null },
      { line: 4, code: "01840", name: "Phường Đức Xuân, mới", type: "Phường", level: "COMMUNE", parentCode: "19" },
    ]);
  });

  it("accepts the columns in any order and in capitals", () => {
    const r = parseUnitList("LEVEL,Code,name,type,parent_code\ncommune,01840,Phường Đức Xuân,Phường,19\n");
    expect(r.rows[0]).toMatchObject({ code: "01840", level: "COMMUNE" });
  });

  it("names each bad line in Vietnamese: level, code, missing parent, a province with a parent, duplicates", () => {
    const r = parseUnitList(
      ["code,name,type,level,parent_code", "19,Tỉnh,Tỉnh,province,01", "1,Xã A,Xã,commune,19", "01840,Xã B,Xã,ward,19", "01843,Xã C,Xã,commune,", "01844,,Xã,commune,19", "01845,Xã D,Xã,commune,19", "01845,Xã E,Xã,commune,19"].join("\n"),
    );
    expect(messages(r)).toEqual([
      "Danh sách đơn vị, dòng 2: đơn vị cấp tỉnh không có đơn vị cha.",
      'Danh sách đơn vị, dòng 3: mã "1" không hợp lệ (mã GSO gồm 2–5 chữ số).',
      'Danh sách đơn vị, dòng 4: cấp "ward" không hợp lệ (chỉ nhận province, district hoặc commune).',
      "Danh sách đơn vị, dòng 5: đơn vị cấp xã phải có mã đơn vị cha (parent_code).",
      "Danh sách đơn vị, dòng 6: thiếu tên đơn vị.",
      "Danh sách đơn vị, dòng 8: mã 01845 trùng với dòng 7 (cùng ngày hiệu lực).",
    ]);
  });

  it("refuses a short row and an empty file", () => {
    expect(messages(parseUnitList("code,name,type,level,parent_code\n01840,Xã A,Xã,commune\n"))).toEqual(["Danh sách đơn vị, dòng 2: số cột không khớp với dòng tiêu đề."]);
    expect(messages(parseUnitList("code,name,type,level,parent_code\n"))).toEqual(["Danh sách đơn vị: tệp không có đơn vị nào."]);
  });
});

describe("a succession list", () => {
  it("reads full and partial successions", () => {
    const r = parseSuccessionList("level,old_code,new_code,kind\nprovince,06,19,full\ncommune,01846,01840,partial\ncommune,01846,01843,partial\n");
    expect(r.errors).toEqual([]);
    expect(r.rows.map((s) => [s.line, s.level, s.oldCode, s.newCode, s.kind])).toEqual([
      [2, "PROVINCE", "06", "19", "FULL"],
      [3, "COMMUNE", "01846", "01840", "PARTIAL"],
      [4, "COMMUNE", "01846", "01843", "PARTIAL"],
    ]);
  });

  it("refuses a bad kind, a repeated pair, and a full predecessor with two successors", () => {
    const r = parseSuccessionList("level,old_code,new_code,kind\ncommune,01846,01840,full\ncommune,01846,01843,partial\ncommune,01846,01843,partial\ncommune,01849,01840,merged\n");
    expect(messages(r)).toEqual([
      "Danh sách kế thừa, dòng 4: cặp 01846 → 01843 trùng với dòng 3.",
      'Danh sách kế thừa, dòng 5: kiểu kế thừa "merged" không hợp lệ (chỉ nhận full hoặc partial).',
      'Danh sách kế thừa, dòng 2: mã cũ 01846 kế thừa "full" (toàn bộ) nhưng có 2 đơn vị kế thừa (dòng 2, 3).',
    ]);
  });
});
