-- Issue #15 (ADR 032): programmes as data. A target belongs to the programme that set it; indicators
-- are a catalogue shared by all programmes; a provincial target may answer a national one.
CREATE TYPE "ProgrammeScope" AS ENUM ('PROVINCE', 'NATIONAL');
CREATE TYPE "ProgrammeStatus" AS ENUM ('IN_FORCE', 'ENDED', 'SUPERSEDED');

CREATE TABLE "Programme" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(64) NOT NULL,
    "titleVi" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "issuerVi" TEXT NOT NULL,
    "issuedOn" DATE,
    "startYear" INTEGER NOT NULL,
    "endYear" INTEGER NOT NULL,
    "visionYear" INTEGER,
    "scope" "ProgrammeScope" NOT NULL,
    "provinceCode" VARCHAR(8),
    "status" "ProgrammeStatus" NOT NULL DEFAULT 'IN_FORCE',
    "supersededById" INTEGER,
    "sourceVi" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Programme_pkey" PRIMARY KEY ("id"),
    -- A provincial programme names its province; a national one none.
    CONSTRAINT "Programme_scope_province_check" CHECK (("scope" = 'PROVINCE') = ("provinceCode" IS NOT NULL)),
    CONSTRAINT "Programme_years_check" CHECK ("startYear" <= "endYear" AND ("visionYear" IS NULL OR "visionYear" >= "endYear")),
    -- "Superseded" says by which programme.
    CONSTRAINT "Programme_superseded_check" CHECK (("status" = 'SUPERSEDED') = ("supersededById" IS NOT NULL))
);

CREATE UNIQUE INDEX "Programme_code_key" ON "Programme"("code");

ALTER TABLE "Programme" ADD CONSTRAINT "Programme_supersededById_fkey" FOREIGN KEY ("supersededById") REFERENCES "Programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The pages judge targets by programme: every change bumps the cache epoch (ADR 015).
CREATE TRIGGER "Programme_cache_epoch" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Programme"
    FOR EACH STATEMENT EXECUTE FUNCTION "cache_epoch_bump"();

ALTER TABLE "Target" ADD COLUMN "programmeId" INTEGER;
ALTER TABLE "Target" ADD COLUMN "answersTargetId" INTEGER;

-- A database seeded before: its targets are Resolution 01-NQ/TU's (lib/seed/programmes.ts). On a
-- fresh database there are no targets yet and the seed, run after the migrations, writes the same rows.
INSERT INTO "Programme" ("code", "titleVi", "titleEn", "issuerVi", "issuedOn", "startYear", "endYear", "visionYear", "scope", "provinceCode", "status", "sourceVi")
SELECT '01-NQ/TU', 'Chương trình chuyển đổi số trên địa bàn tỉnh giai đoạn 2021-2025, định hướng đến năm 2030',
    'The province''s digital transformation programme 2021–2025, with a vision to 2030', 'Ban Chấp hành Đảng bộ tỉnh Thái Nguyên',
    NULL, 2021, 2025, 2030, 'PROVINCE', '19', 'IN_FORCE',
    'Nghị quyết số 01-NQ/TU của Ban Chấp hành Đảng bộ tỉnh Thái Nguyên về Chương trình chuyển đổi số trên địa bàn tỉnh giai đoạn 2021-2025, định hướng đến năm 2030 (trích theo bài “Thái Nguyên: Tăng cường công tác lãnh đạo về chuyển đổi số”, nguồn ĐCSVN, https://daihoi13.dangcongsan.vn/tin-moi/phong-trao-thi-dua/thai-nguyen-tang-cuong-cong-tac-lanh-dao-ve-chuyen-doi-so-3769)'
WHERE EXISTS (SELECT 1 FROM "Target");

UPDATE "Target" SET "programmeId" = (SELECT "id" FROM "Programme" WHERE "code" = '01-NQ/TU');

-- The national programme it answers, with the 2025 targets that have a provincial counterpart, each
-- stated for the level and sector of the provincial target (current version) that answers it.
INSERT INTO "Programme" ("code", "titleVi", "titleEn", "issuerVi", "issuedOn", "startYear", "endYear", "visionYear", "scope", "provinceCode", "status", "sourceVi")
SELECT '749/QĐ-TTg', 'Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030',
    'National Digital Transformation Programme to 2025, with a vision to 2030', 'Thủ tướng Chính phủ',
    DATE '2020-06-03', 2020, 2025, 2030, 'NATIONAL', NULL, 'IN_FORCE',
    'Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030 (theo VOV5, vovworld.vn, bài 867595, và Thanh Niên, thanhnien.vn, bài 1233738; chưa đối chiếu với văn bản gốc)'
WHERE EXISTS (SELECT 1 FROM "Target");

WITH n ("indicatorCode", "year", "value", "sourceClauseVi", "descriptionVi") AS (VALUES
    ('DVC_L4_SHARE', 2025, 80, '80% dịch vụ công trực tuyến mức độ 4, được cung cấp trên nhiều phương tiện truy cập khác nhau, bao gồm cả thiết bị di động', NULL),
    ('WORK_DOSSIER_ONLINE_PROVINCE', 2025, 90, '90% hồ sơ công việc tại cấp bộ, tỉnh được xử lý trên môi trường mạng', NULL),
    ('WORK_DOSSIER_ONLINE_DISTRICT', 2025, 80, '80% hồ sơ công việc tại cấp huyện', NULL),
    ('WORK_DOSSIER_ONLINE_COMMUNE', 2025, 60, '60% hồ sơ công việc tại cấp xã', NULL),
    ('DIGITAL_ECONOMY_GRDP', 2025, 20, 'Kinh tế số chiếm 20% GDP', 'Cả nước: kinh tế số chiếm 20% GDP (tỉnh đo bằng tỷ trọng trong GRDP).'),
    ('DIGITAL_ECONOMY_SECTOR', 2025, 10, 'Tỷ trọng kinh tế số trong từng ngành, lĩnh vực đạt tối thiểu 10%', NULL)
), national AS (
  INSERT INTO "Target" ("programmeId", "indicatorId", "level", "sectorId", "year", "comparator", "value", "descriptionVi", "sourceClauseVi", "sourceVi", "answersTargetId")
  -- answersTargetId holds the provincial target's id for a moment, to link it below; then it is cleared.
  SELECT np."id", t."indicatorId", t."level", t."sectorId", n."year", 'GTE', n."value", n."descriptionVi", n."sourceClauseVi", np."sourceVi", t."id"
  FROM n
  JOIN "Indicator" i ON i."code" = n."indicatorCode"
  JOIN "Target" t ON t."indicatorId" = i."id" AND t."year" = n."year" AND t."supersededAt" IS NULL
  JOIN "Programme" pp ON pp."id" = t."programmeId" AND pp."code" = '01-NQ/TU'
  CROSS JOIN (SELECT "id", "sourceVi" FROM "Programme" WHERE "code" = '749/QĐ-TTg') np
  RETURNING "id", "answersTargetId" AS "provincialId"
)
UPDATE "Target" t SET "answersTargetId" = national."id" FROM national WHERE t."id" = national."provincialId";

UPDATE "Target" t SET "answersTargetId" = NULL
FROM "Programme" p WHERE p."id" = t."programmeId" AND p."code" = '749/QĐ-TTg';

INSERT INTO "AuditLog" ("actorLabel", "action", "entityType", "entityId", "after", "reason")
SELECT 'migration 20261204100000_programmes', 'CREATE', 'Programme', p."id"::text,
    jsonb_build_object('code', p."code", 'targets', (SELECT count(*) FROM "Target" t WHERE t."programmeId" = p."id")),
    'Chương trình thành dữ liệu: mục tiêu thuộc chương trình đặt ra nó (issue #15)'
FROM "Programme" p;

ALTER TABLE "Target" ALTER COLUMN "programmeId" SET NOT NULL;

CREATE INDEX "Target_programmeId_idx" ON "Target"("programmeId");

ALTER TABLE "Target" ADD CONSTRAINT "Target_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Target" ADD CONSTRAINT "Target_answersTargetId_fkey" FOREIGN KEY ("answersTargetId") REFERENCES "Target"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
