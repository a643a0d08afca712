-- Issue #14, item 13, for databases seeded before it (a fresh database gets the same rows from
-- the seed, which runs after the migrations on empty tables: then this inserts nothing).
-- 1. The resolution's 2030 qualitative target "hình thành được nền tảng cho các ngành kinh tế trọng
--    điểm dựa trên dữ liệu của các cơ quan nhà nước" and its indicator (lib/seed/resolution.ts).
-- 2. The three targets not in the article are marked as unverified ("chưa đối chiếu được với văn
--    bản gốc"), on the rows that still carry the seed's text.
-- Each change is audited like the seed's own writes.

INSERT INTO "Indicator" ("code", "nameVi", "nameEn", "group", "kind", "unitVi", "unitEn", "numeratorLabelVi",
    "denominatorLabelVi", "direction", "levels", "bySector", "responsibleDepartmentId", "methodologyVi",
    "methodologyEn", "sourceVi", "sortOrder", "updatedAt")
SELECT 'KEY_SECTOR_DATA_PLATFORMS', 'Nền tảng cho các ngành kinh tế trọng điểm dựa trên dữ liệu của các cơ quan nhà nước', 'Platforms for the key economic sectors built on state agencies'' data', 'DIGITAL_GOVERNMENT', 'COUNT', 'ngành', 'sectors', NULL,
    NULL, 'INCREASE', ARRAY['PROVINCE']::"UnitLevel"[], false, d."id",
    'Giá trị nhập: số ngành kinh tế trọng điểm của tỉnh (theo danh mục trong quy hoạch tỉnh) có ít nhất một nền tảng số đang vận hành tại ngày cuối quý, khai thác dữ liệu của cơ quan nhà nước (cơ sở dữ liệu chuyên ngành, nền tảng tích hợp, chia sẻ dữ liệu của tỉnh) để phục vụ ngành đó. Là số tồn tại thời điểm, không cộng các quý với nhau. Chỉ tiêu năm 2030 là định tính (hình thành được nền tảng); số ngành cho thấy tiến độ, không phải ngưỡng đạt.',
    'Value entered: the province''s key economic sectors (as listed in the provincial master plan) served, on the last day of the quarter, by at least one digital platform in operation that uses state agencies'' data (sector databases, the province''s data integration and sharing platform). A stock, not a flow: quarters are not added up. The 2030 target is qualitative (platforms are in place); the sector count shows progress, it is not a threshold.',
    'Nghị quyết số 01-NQ/TU của Ban Chấp hành Đảng bộ tỉnh Thái Nguyên về Chương trình chuyển đổi số trên địa bàn tỉnh giai đoạn 2021-2025, định hướng đến năm 2030 (trích theo bài “Thái Nguyên: Tăng cường công tác lãnh đạo về chuyển đổi số”, nguồn ĐCSVN, https://daihoi13.dangcongsan.vn/tin-moi/phong-trao-thi-dua/thai-nguyen-tang-cuong-cong-tac-lanh-dao-ve-chuyen-doi-so-3769)', 85, now()
FROM "Department" d
WHERE d."code" = 'SO_KHCN'
  AND EXISTS (SELECT 1 FROM "Indicator" WHERE "code" = 'OPEN_DATA')
  AND NOT EXISTS (SELECT 1 FROM "Indicator" WHERE "code" = 'KEY_SECTOR_DATA_PLATFORMS');

INSERT INTO "Target" ("indicatorId", "level", "sectorId", "year", "comparator", "value", "descriptionVi", "sourceClauseVi", "sourceVi")
SELECT ind."id", 'PROVINCE', NULL, 2030, 'GTE', NULL, 'Hình thành được nền tảng cho các ngành kinh tế trọng điểm dựa trên dữ liệu của các cơ quan nhà nước',
    'hình thành được nền tảng cho các ngành kinh tế trọng điểm dựa trên dữ liệu của các cơ quan nhà nước',
    'Nghị quyết số 01-NQ/TU của Ban Chấp hành Đảng bộ tỉnh Thái Nguyên về Chương trình chuyển đổi số trên địa bàn tỉnh giai đoạn 2021-2025, định hướng đến năm 2030 (trích theo bài “Thái Nguyên: Tăng cường công tác lãnh đạo về chuyển đổi số”, nguồn ĐCSVN, https://daihoi13.dangcongsan.vn/tin-moi/phong-trao-thi-dua/thai-nguyen-tang-cuong-cong-tac-lanh-dao-ve-chuyen-doi-so-3769)'
FROM "Indicator" ind
WHERE ind."code" = 'KEY_SECTOR_DATA_PLATFORMS'
  AND NOT EXISTS (SELECT 1 FROM "Target" x WHERE x."indicatorId" = ind."id" AND x."year" = 2030);

INSERT INTO "AuditLog" ("actorLabel", "action", "entityType", "entityId", "after", "reason")
SELECT 'migration 20261203170000_key_sector_platforms_target', 'CREATE', 'Target', x."id"::text,
    jsonb_build_object('indicatorCode', 'KEY_SECTOR_DATA_PLATFORMS', 'year', x."year", 'descriptionVi', x."descriptionVi"),
    'Mục tiêu định tính năm 2030 của Nghị quyết 01-NQ/TU còn thiếu (issue #14)'
FROM "Target" x JOIN "Indicator" ind ON ind."id" = x."indicatorId"
WHERE ind."code" = 'KEY_SECTOR_DATA_PLATFORMS'
  AND NOT EXISTS (SELECT 1 FROM "AuditLog" a WHERE a."entityType" = 'Target' AND a."entityId" = x."id"::text);

WITH marked AS (
  UPDATE "Target" SET "sourceVi" = 'Bản tóm tắt công khai của tỉnh Thái Nguyên về Chương trình chuyển đổi số giai đoạn 2021-2025, định hướng đến năm 2030 (không có trong bài viết về Nghị quyết số 01-NQ/TU; chưa đối chiếu được với văn bản gốc)'
  WHERE "sourceVi" = 'Bản tóm tắt công khai của tỉnh Thái Nguyên về Chương trình chuyển đổi số giai đoạn 2021-2025, định hướng đến năm 2030 (không có trong bài viết về Nghị quyết số 01-NQ/TU)'
  RETURNING "id", "sourceVi"
)
INSERT INTO "AuditLog" ("actorLabel", "action", "entityType", "entityId", "before", "after", "reason")
SELECT 'migration 20261203170000_key_sector_platforms_target', 'UPDATE', 'Target', m."id"::text,
    jsonb_build_object('sourceVi', 'Bản tóm tắt công khai của tỉnh Thái Nguyên về Chương trình chuyển đổi số giai đoạn 2021-2025, định hướng đến năm 2030 (không có trong bài viết về Nghị quyết số 01-NQ/TU)'), jsonb_build_object('sourceVi', m."sourceVi"),
    'Nguồn không có trong bài viết: ghi rõ chưa đối chiếu được với văn bản gốc (issue #14)'
FROM marked m;
