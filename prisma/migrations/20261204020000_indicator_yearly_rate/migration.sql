-- Issue #14, item 10: an indicator whose methodology defines a yearly rate (Σ numerators / Σ
-- denominators of four quarters) is judged on it, not on a single quarter. The satisfaction of
-- citizens and businesses with online public services is the one such indicator of Resolution
-- 01-NQ/TU (lib/seed/resolution.ts); databases seeded before get the flag here.
ALTER TABLE "Indicator" ADD COLUMN "yearlyRate" BOOLEAN NOT NULL DEFAULT false;

UPDATE "Indicator" SET "yearlyRate" = true WHERE code = 'ONLINE_SERVICE_SATISFACTION';
