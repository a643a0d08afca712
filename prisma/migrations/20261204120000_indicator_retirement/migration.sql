-- Issue #15, item 2: an administrator retires an indicator from a quarter on. No figure is owed
-- for that quarter or any later one (the entry grid, the import, reminders and completeness
-- follow); its history stays published. The first day of the first quarter without figures.
ALTER TABLE "Indicator" ADD COLUMN "retiredFrom" DATE;

ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_retiredFrom_quarter_check"
    CHECK ("retiredFrom" IS NULL OR (EXTRACT(DAY FROM "retiredFrom") = 1 AND EXTRACT(MONTH FROM "retiredFrom") IN (1, 4, 7, 10)));
