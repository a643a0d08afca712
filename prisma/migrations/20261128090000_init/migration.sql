-- CreateEnum
CREATE TYPE "UnitLevel" AS ENUM ('PROVINCE', 'DISTRICT', 'COMMUNE');

-- CreateEnum
CREATE TYPE "SuccessionKind" AS ENUM ('FULL', 'PARTIAL');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'APPROVER', 'EDITOR', 'VIEWER');

-- CreateEnum
CREATE TYPE "IndicatorGroup" AS ENUM ('DIGITAL_GOVERNMENT', 'DIGITAL_ECONOMY', 'DIGITAL_SOCIETY', 'INFRASTRUCTURE');

-- CreateEnum
CREATE TYPE "IndicatorKind" AS ENUM ('RATIO', 'COUNT', 'CHANGE_VS_BASELINE', 'RANK');

-- CreateEnum
CREATE TYPE "Direction" AS ENUM ('INCREASE', 'DECREASE');

-- CreateEnum
CREATE TYPE "Comparator" AS ENUM ('GT', 'GTE', 'EQ', 'LTE', 'LT');

-- CreateEnum
CREATE TYPE "PeriodStatus" AS ENUM ('OPEN', 'LOCKED');

-- CreateEnum
CREATE TYPE "FigureStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED');

-- CreateTable
CREATE TABLE "AdminUnit" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(10) NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "level" "UnitLevel" NOT NULL,
    "parentId" INTEGER,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,

    CONSTRAINT "AdminUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Succession" (
    "id" SERIAL NOT NULL,
    "predecessorId" INTEGER NOT NULL,
    "successorId" INTEGER NOT NULL,
    "kind" "SuccessionKind" NOT NULL,
    "effectiveDate" DATE NOT NULL,

    CONSTRAINT "Succession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Department" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(32) NOT NULL,
    "nameVi" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,
    "mergedIntoId" INTEGER,

    CONSTRAINT "Department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "departmentId" INTEGER,
    "disabledAt" TIMESTAMPTZ(3),
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "passwordChangedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserUnitScope" (
    "userId" UUID NOT NULL,
    "unitId" INTEGER NOT NULL,

    CONSTRAINT "UserUnitScope_pkey" PRIMARY KEY ("userId","unitId")
);

-- CreateTable
CREATE TABLE "Sector" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(32) NOT NULL,
    "nameVi" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,

    CONSTRAINT "Sector_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(64) NOT NULL,
    "nameVi" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "group" "IndicatorGroup" NOT NULL,
    "kind" "IndicatorKind" NOT NULL,
    "unitVi" TEXT NOT NULL,
    "unitEn" TEXT NOT NULL,
    "numeratorLabelVi" TEXT,
    "denominatorLabelVi" TEXT,
    "direction" "Direction" NOT NULL,
    "levels" "UnitLevel"[],
    "bySector" BOOLEAN NOT NULL DEFAULT false,
    "responsibleDepartmentId" INTEGER NOT NULL,
    "methodologyVi" TEXT NOT NULL,
    "methodologyEn" TEXT NOT NULL,
    "sourceVi" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Target" (
    "id" SERIAL NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "level" "UnitLevel" NOT NULL,
    "sectorId" INTEGER,
    "year" INTEGER NOT NULL,
    "comparator" "Comparator" NOT NULL,
    "value" DECIMAL(20,4),
    "descriptionVi" TEXT,
    "sourceClauseVi" TEXT NOT NULL,
    "sourceVi" TEXT NOT NULL,
    "supersededAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Baseline" (
    "id" SERIAL NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "level" "UnitLevel" NOT NULL,
    "sectorId" INTEGER,
    "value" DECIMAL(20,4) NOT NULL,
    "date" DATE NOT NULL,
    "sourceClauseVi" TEXT NOT NULL,
    "sourceVi" TEXT NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Baseline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportingPeriod" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "status" "PeriodStatus" NOT NULL DEFAULT 'OPEN',
    "deadline" TIMESTAMPTZ(3) NOT NULL,
    "lockedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ReportingPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Figure" (
    "id" SERIAL NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "periodId" INTEGER NOT NULL,
    "sectorId" INTEGER,
    "numerator" DECIMAL(20,4),
    "denominator" DECIMAL(20,4),
    "value" DECIMAL(20,4),
    "status" "FigureStatus" NOT NULL DEFAULT 'DRAFT',
    "comment" TEXT,
    "reviewComment" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "departmentId" INTEGER NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdById" UUID,
    "updatedById" UUID,
    "submittedAt" TIMESTAMPTZ(3),
    "reviewedById" UUID,
    "reviewedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Figure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FigurePublication" (
    "id" SERIAL NOT NULL,
    "figureId" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL,
    "numerator" DECIMAL(20,4),
    "denominator" DECIMAL(20,4),
    "value" DECIMAL(20,4),
    "approvedById" UUID,
    "approvedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "supersededAt" TIMESTAMPTZ(3),
    "isDemo" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "FigurePublication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "reason" TEXT,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AdminUnit_parentId_idx" ON "AdminUnit"("parentId");

-- CreateIndex
CREATE INDEX "AdminUnit_level_validFrom_idx" ON "AdminUnit"("level", "validFrom");

-- CreateIndex
CREATE UNIQUE INDEX "AdminUnit_code_validFrom_key" ON "AdminUnit"("code", "validFrom");

-- CreateIndex
CREATE INDEX "Succession_successorId_idx" ON "Succession"("successorId");

-- CreateIndex
CREATE UNIQUE INDEX "Succession_predecessorId_successorId_key" ON "Succession"("predecessorId", "successorId");

-- CreateIndex
CREATE UNIQUE INDEX "Department_code_key" ON "Department"("code");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_departmentId_idx" ON "User"("departmentId");

-- CreateIndex
CREATE INDEX "UserUnitScope_unitId_idx" ON "UserUnitScope"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "Sector_code_key" ON "Sector"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Indicator_code_key" ON "Indicator"("code");

-- CreateIndex
CREATE INDEX "Indicator_responsibleDepartmentId_idx" ON "Indicator"("responsibleDepartmentId");

-- CreateIndex
CREATE INDEX "Target_indicatorId_year_idx" ON "Target"("indicatorId", "year");

-- CreateIndex
CREATE INDEX "Baseline_indicatorId_idx" ON "Baseline"("indicatorId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportingPeriod_year_quarter_key" ON "ReportingPeriod"("year", "quarter");

-- CreateIndex
CREATE INDEX "Figure_periodId_indicatorId_status_idx" ON "Figure"("periodId", "indicatorId", "status");

-- CreateIndex
CREATE INDEX "Figure_unitId_idx" ON "Figure"("unitId");

-- CreateIndex
-- NULLS NOT DISTINCT (beyond what Prisma can express): one figure per cell also
-- for indicators without a sector breakdown, where sectorId is null.
CREATE UNIQUE INDEX "Figure_indicatorId_unitId_periodId_sectorId_key" ON "Figure"("indicatorId", "unitId", "periodId", "sectorId") NULLS NOT DISTINCT;

-- CreateIndex
CREATE UNIQUE INDEX "FigurePublication_figureId_revision_key" ON "FigurePublication"("figureId", "revision");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_idx" ON "AuditLog"("actorId");

-- AddForeignKey
ALTER TABLE "AdminUnit" ADD CONSTRAINT "AdminUnit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "AdminUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Succession" ADD CONSTRAINT "Succession_predecessorId_fkey" FOREIGN KEY ("predecessorId") REFERENCES "AdminUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Succession" ADD CONSTRAINT "Succession_successorId_fkey" FOREIGN KEY ("successorId") REFERENCES "AdminUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Department" ADD CONSTRAINT "Department_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserUnitScope" ADD CONSTRAINT "UserUnitScope_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserUnitScope" ADD CONSTRAINT "UserUnitScope_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "AdminUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_responsibleDepartmentId_fkey" FOREIGN KEY ("responsibleDepartmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_sectorId_fkey" FOREIGN KEY ("sectorId") REFERENCES "Sector"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Baseline" ADD CONSTRAINT "Baseline_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Baseline" ADD CONSTRAINT "Baseline_sectorId_fkey" FOREIGN KEY ("sectorId") REFERENCES "Sector"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Figure" ADD CONSTRAINT "Figure_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Figure" ADD CONSTRAINT "Figure_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "AdminUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Figure" ADD CONSTRAINT "Figure_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "ReportingPeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Figure" ADD CONSTRAINT "Figure_sectorId_fkey" FOREIGN KEY ("sectorId") REFERENCES "Sector"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Figure" ADD CONSTRAINT "Figure_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FigurePublication" ADD CONSTRAINT "FigurePublication_figureId_fkey" FOREIGN KEY ("figureId") REFERENCES "Figure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Domain rules the database enforces itself (Prisma cannot express CHECKs; they
-- are invisible to the client and to `migrate diff`).

ALTER TABLE "AdminUnit" ADD CONSTRAINT "AdminUnit_validity_check"
    CHECK ("validTo" IS NULL OR "validTo" >= "validFrom");

ALTER TABLE "Succession" ADD CONSTRAINT "Succession_distinct_check"
    CHECK ("predecessorId" <> "successorId");

ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_levels_check"
    CHECK ("levels" IS NOT NULL AND cardinality("levels") > 0);

ALTER TABLE "ReportingPeriod" ADD CONSTRAINT "ReportingPeriod_quarter_check"
    CHECK ("quarter" BETWEEN 1 AND 4 AND "year" BETWEEN 2000 AND 2100);

-- A figure is either a ratio (numerator and denominator) or a value, never both;
-- numerator never exceeds a positive denominator.
ALTER TABLE "Figure" ADD CONSTRAINT "Figure_shape_check" CHECK (
    (("numerator" IS NULL) = ("denominator" IS NULL))
    AND (("value" IS NULL) <> ("numerator" IS NULL))
    AND ("numerator" IS NULL OR ("numerator" >= 0 AND "denominator" > 0 AND "numerator" <= "denominator"))
);

ALTER TABLE "Figure" ADD CONSTRAINT "Figure_version_check" CHECK ("version" >= 1);

ALTER TABLE "FigurePublication" ADD CONSTRAINT "FigurePublication_shape_check" CHECK (
    (("numerator" IS NULL) = ("denominator" IS NULL))
    AND (("value" IS NULL) <> ("numerator" IS NULL))
    AND ("numerator" IS NULL OR ("numerator" >= 0 AND "denominator" > 0 AND "numerator" <= "denominator"))
);

-- The public reads the current publication of each figure.
CREATE UNIQUE INDEX "FigurePublication_current_idx" ON "FigurePublication"("figureId") WHERE "supersededAt" IS NULL;

-- The audit log is append-only: the database itself rejects changes to it.
CREATE FUNCTION "audit_log_is_append_only"() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'AuditLog is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditLog_no_update_delete"
    BEFORE UPDATE OR DELETE ON "AuditLog"
    FOR EACH ROW EXECUTE FUNCTION "audit_log_is_append_only"();

CREATE TRIGGER "AuditLog_no_truncate"
    BEFORE TRUNCATE ON "AuditLog"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_is_append_only"();
