-- Issue #14, item 7: an old commune split across new ones has, for each part, the share of it that
-- went into the new commune (admin-editable, with its source). With it, the new commune's rebuilt
-- history apportions the old figures; without it, that history is flagged and never judged.
ALTER TABLE "Succession" ADD COLUMN "weight" DECIMAL(7,6);
ALTER TABLE "Succession" ADD COLUMN "weightSourceVi" TEXT;
ALTER TABLE "Succession" ADD CONSTRAINT "Succession_weight_check" CHECK ("weight" IS NULL OR ("kind" = 'PARTIAL' AND "weight" > 0 AND "weight" < 1));
