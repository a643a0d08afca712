-- The officials' dashboard (ADR 009): live aggregates, no nightly tables.
--
-- 1. The breakdown of one indicator reads figures by unit: this index holds every
--    column it reads, led by unit and indicator, so a unit's series is one
--    index-only range.
CREATE INDEX "Figure_dashboard_idx" ON "Figure"("unitId", "indicatorId", "periodId", "sectorId", "status", "numerator", "denominator", "value", "submittedAt");

-- Figures re-opened after approval (DRAFT/REJECTED with a current publication) are few;
-- the dashboard looks them up per unit (partial: Prisma cannot express it, like
-- "FigurePublication_current_idx").
CREATE INDEX "Figure_reopened_idx" ON "Figure"("unitId") WHERE "status" IN ('DRAFT', 'REJECTED');

-- 2. Province totals and unit × quarter reporting counts, kept up to date by
--    triggers IN THE SAME TRANSACTION as every write of a figure, a publication or
--    a deadline: a figure approved a second ago is in the next dashboard load.
--    What a figure contributes (the dashboard's reading of a cell):
--      SUBMITTED / APPROVED      its own values (submitted counted apart);
--      DRAFT / REJECTED          its current publication, if it was approved before;
--      otherwise                 nothing.
--    Sums are exact NUMERIC and only ever moved by ± a figure's contribution, so
--    concurrent writers commute (each holds the row lock of the total it changes).
CREATE TABLE "DashboardTotal" (
    "id" SERIAL NOT NULL,
    "provinceId" INTEGER NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "sectorId" INTEGER,
    "periodId" INTEGER NOT NULL,
    "numerator" DECIMAL(30,4) NOT NULL DEFAULT 0,
    "denominator" DECIMAL(30,4) NOT NULL DEFAULT 0,
    "value" DECIMAL(30,4) NOT NULL DEFAULT 0,
    "reported" INTEGER NOT NULL DEFAULT 0,
    "submitted" INTEGER NOT NULL DEFAULT 0,
    "late" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "DashboardTotal_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "DashboardTotal_provinceId_indicatorId_periodId_sectorId_key"
    ON "DashboardTotal"("provinceId", "indicatorId", "periodId", "sectorId") NULLS NOT DISTINCT;

CREATE TABLE "DashboardUnitQuarter" (
    "unitId" INTEGER NOT NULL,
    "periodId" INTEGER NOT NULL,
    "reported" INTEGER NOT NULL DEFAULT 0,
    "submitted" INTEGER NOT NULL DEFAULT 0,
    "late" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "DashboardUnitQuarter_pkey" PRIMARY KEY ("unitId", "periodId")
);

-- Adds (sign = 1) or removes (sign = -1) one contribution.
CREATE FUNCTION "dashboard_add"(f "Figure", num NUMERIC, den NUMERIC, val NUMERIC, is_submitted BOOLEAN, sign INTEGER) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    province_id INTEGER;
    is_late INTEGER;
BEGIN
    SELECT CASE WHEN u.level = 'PROVINCE' THEN u.id WHEN pa.level = 'PROVINCE' THEN pa.id ELSE pa."parentId" END
      INTO province_id
      FROM "AdminUnit" u LEFT JOIN "AdminUnit" pa ON pa.id = u."parentId"
     WHERE u.id = f."unitId";
    SELECT (f."submittedAt" IS NOT NULL AND f."submittedAt" > rp.deadline)::int INTO is_late
      FROM "ReportingPeriod" rp WHERE rp.id = f."periodId";

    INSERT INTO "DashboardTotal" AS t ("provinceId", "indicatorId", "sectorId", "periodId", "numerator", "denominator", "value", "reported", "submitted", "late")
    VALUES (province_id, f."indicatorId", f."sectorId", f."periodId", sign * coalesce(num, 0), sign * coalesce(den, 0), sign * coalesce(val, 0),
            sign, sign * is_submitted::int, sign * coalesce(is_late, 0))
    ON CONFLICT ("provinceId", "indicatorId", "periodId", "sectorId") DO UPDATE SET
        "numerator" = t."numerator" + excluded."numerator",
        "denominator" = t."denominator" + excluded."denominator",
        "value" = t."value" + excluded."value",
        "reported" = t."reported" + excluded."reported",
        "submitted" = t."submitted" + excluded."submitted",
        "late" = t."late" + excluded."late";

    INSERT INTO "DashboardUnitQuarter" AS q ("unitId", "periodId", "reported", "submitted", "late")
    VALUES (f."unitId", f."periodId", sign, sign * is_submitted::int, sign * coalesce(is_late, 0))
    ON CONFLICT ("unitId", "periodId") DO UPDATE SET
        "reported" = q."reported" + excluded."reported",
        "submitted" = q."submitted" + excluded."submitted",
        "late" = q."late" + excluded."late";
END;
$$;

-- A figure's contribution, reading its current publication when it is re-opened.
CREATE FUNCTION "dashboard_apply"(f "Figure", sign INTEGER) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    pub RECORD;
BEGIN
    IF f.status IN ('SUBMITTED', 'APPROVED') THEN
        PERFORM "dashboard_add"(f, f."numerator", f."denominator", f."value", f.status = 'SUBMITTED', sign);
    ELSIF f.status IN ('DRAFT', 'REJECTED') THEN
        SELECT p."numerator", p."denominator", p."value" INTO pub
          FROM "FigurePublication" p WHERE p."figureId" = f.id AND p."supersededAt" IS NULL;
        IF FOUND THEN
            PERFORM "dashboard_add"(f, pub."numerator", pub."denominator", pub."value", false, sign);
        END IF;
    END IF;
END;
$$;

CREATE FUNCTION "dashboard_figure_changed"() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND (OLD."unitId", OLD."indicatorId", OLD."periodId", OLD."sectorId", OLD.status, OLD."numerator", OLD."denominator", OLD."value", OLD."submittedAt")
        IS NOT DISTINCT FROM (NEW."unitId", NEW."indicatorId", NEW."periodId", NEW."sectorId", NEW.status, NEW."numerator", NEW."denominator", NEW."value", NEW."submittedAt") THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM "dashboard_apply"(OLD, -1); END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM "dashboard_apply"(NEW, 1); END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "Figure_dashboard_totals"
    AFTER INSERT OR UPDATE OR DELETE ON "Figure"
    FOR EACH ROW EXECUTE FUNCTION "dashboard_figure_changed"();

-- A publication matters only while its figure is re-opened (DRAFT/REJECTED): the
-- totals then hold the current publication's values.
CREATE FUNCTION "dashboard_publication_changed"() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    f "Figure";
BEGIN
    SELECT * INTO f FROM "Figure" WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD."figureId" ELSE NEW."figureId" END;
    IF NOT FOUND OR f.status NOT IN ('DRAFT', 'REJECTED') THEN RETURN NULL; END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."supersededAt" IS NULL THEN
        PERFORM "dashboard_add"(f, OLD."numerator", OLD."denominator", OLD."value", false, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."supersededAt" IS NULL THEN
        PERFORM "dashboard_add"(f, NEW."numerator", NEW."denominator", NEW."value", false, 1);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "FigurePublication_dashboard_totals"
    AFTER INSERT OR UPDATE OR DELETE ON "FigurePublication"
    FOR EACH ROW EXECUTE FUNCTION "dashboard_publication_changed"();

-- Rebuilds both tables from "Figure" with the same reading (one period, or all):
-- after a moved deadline (late counts), a bulk load with triggers off, or as a check.
CREATE FUNCTION "dashboard_rebuild"(only_period INTEGER DEFAULT NULL) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "DashboardTotal" WHERE only_period IS NULL OR "periodId" = only_period;
    DELETE FROM "DashboardUnitQuarter" WHERE only_period IS NULL OR "periodId" = only_period;
    CREATE TEMP TABLE dashboard_cells ON COMMIT DROP AS
    SELECT f."unitId", f."indicatorId", f."sectorId", f."periodId",
           CASE WHEN f.status IN ('SUBMITTED', 'APPROVED') THEN f."numerator" ELSE p."numerator" END AS num,
           CASE WHEN f.status IN ('SUBMITTED', 'APPROVED') THEN f."denominator" ELSE p."denominator" END AS den,
           CASE WHEN f.status IN ('SUBMITTED', 'APPROVED') THEN f."value" ELSE p."value" END AS val,
           f.status = 'SUBMITTED' AS is_submitted,
           coalesce(f."submittedAt" > rp.deadline, false) AS is_late,
           CASE WHEN u.level = 'PROVINCE' THEN u.id WHEN pa.level = 'PROVINCE' THEN pa.id ELSE pa."parentId" END AS province_id
    FROM "Figure" f
    JOIN "ReportingPeriod" rp ON rp.id = f."periodId"
    JOIN "AdminUnit" u ON u.id = f."unitId"
    LEFT JOIN "AdminUnit" pa ON pa.id = u."parentId"
    LEFT JOIN "FigurePublication" p ON p."figureId" = f.id AND p."supersededAt" IS NULL AND f.status IN ('DRAFT', 'REJECTED')
    WHERE (only_period IS NULL OR f."periodId" = only_period)
      AND (f.status IN ('SUBMITTED', 'APPROVED') OR p.id IS NOT NULL);
    INSERT INTO "DashboardTotal" ("provinceId", "indicatorId", "sectorId", "periodId", "numerator", "denominator", "value", "reported", "submitted", "late")
    SELECT province_id, "indicatorId", "sectorId", "periodId", coalesce(sum(num), 0), coalesce(sum(den), 0), coalesce(sum(val), 0),
           count(*), count(*) FILTER (WHERE is_submitted), count(*) FILTER (WHERE is_late)
    FROM dashboard_cells GROUP BY province_id, "indicatorId", "sectorId", "periodId";
    INSERT INTO "DashboardUnitQuarter" ("unitId", "periodId", "reported", "submitted", "late")
    SELECT "unitId", "periodId", count(*), count(*) FILTER (WHERE is_submitted), count(*) FILTER (WHERE is_late)
    FROM dashboard_cells GROUP BY "unitId", "periodId";
    DROP TABLE dashboard_cells;
END;
$$;

-- A moved deadline changes which submissions are late.
CREATE FUNCTION "dashboard_deadline_changed"() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "dashboard_rebuild"(NEW.id);
    RETURN NULL;
END;
$$;

CREATE TRIGGER "ReportingPeriod_dashboard_late"
    AFTER UPDATE OF "deadline" ON "ReportingPeriod"
    FOR EACH ROW WHEN (OLD."deadline" IS DISTINCT FROM NEW."deadline")
    EXECUTE FUNCTION "dashboard_deadline_changed"();

-- Figures already in the database.
SELECT "dashboard_rebuild"();
