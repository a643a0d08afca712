-- Issue #14, item 6: a baseline's day may be an assumption. The article quoting Resolution
-- 01-NQ/TU is undated; its "đến nay" figures are taken as the situation on 2020-12-31, the eve of
-- the 2021-2025 programme (lib/seed/resolution.ts, BASELINE_DATE). Every page says so beside the
-- baseline. Only the seed writes baselines, always on that day: those rows are the assumed ones.
ALTER TABLE "Baseline" ADD COLUMN "dateAssumed" BOOLEAN NOT NULL DEFAULT false;

UPDATE "Baseline" SET "dateAssumed" = true WHERE "date" = DATE '2020-12-31';
