-- Issue #14, item 12 (ADR 028): the period a quarter's figure describes, which decides how a year is
-- made of its quarters in the open data. QUARTER: what happened in the quarter (dossiers opened,
-- ratings given) — a year adds its quarters up. QUARTER_END: a state on the quarter's last day
-- (enterprises active, services offered, households connected) — a year is its last quarter.
-- YEAR_TO_DATE: from 1 January to the quarter's end (GRDP shares) — a year is its Q4.
-- The default never adds quarters up; the indicators of Resolution 01-NQ/TU that are flows or
-- year-to-date (lib/seed/resolution.ts) are set here for databases seeded before.
CREATE TYPE "PeriodBasis" AS ENUM ('QUARTER', 'QUARTER_END', 'YEAR_TO_DATE');

ALTER TABLE "Indicator" ADD COLUMN "periodBasis" "PeriodBasis" NOT NULL DEFAULT 'QUARTER_END';

UPDATE "Indicator" SET "periodBasis" = 'QUARTER'
 WHERE code IN ('EDOSSIER_RATE', 'WORK_DOSSIER_ONLINE_PROVINCE', 'WORK_DOSSIER_ONLINE_DISTRICT', 'WORK_DOSSIER_ONLINE_COMMUNE', 'ONLINE_SERVICE_SATISFACTION');
UPDATE "Indicator" SET "periodBasis" = 'YEAR_TO_DATE'
 WHERE code IN ('DIGITAL_ECONOMY_GRDP', 'DIGITAL_ECONOMY_SECTOR');
