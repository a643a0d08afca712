-- Issue #15, item 2: an admin adds and changes baselines, versioned like targets. A baseline is
-- indicator × level × sector, and at most one per key is current (supersededAt IS NULL): a change
-- inserts the new row and stamps the old one, a withdrawal stamps it; the old rows stay as history
-- (ADR 032). Readers take the current ones only.
ALTER TABLE "Baseline" ADD COLUMN "supersededAt" TIMESTAMPTZ(3);

-- Until now nothing said which of several baselines of one key was used. Of existing duplicates the
-- latest (latest day, then highest id) stays current; the others are stamped superseded now.
UPDATE "Baseline" b SET "supersededAt" = CURRENT_TIMESTAMP
  FROM (
    SELECT id, row_number() OVER (PARTITION BY "indicatorId", level, "sectorId" ORDER BY date DESC, id DESC) AS n
    FROM "Baseline"
  ) ranked
 WHERE ranked.id = b.id AND ranked.n > 1;

-- One current baseline per key, whatever writes it (the admin service also locks the indicator's
-- row, so two concurrent changes run one after the other and the second replaces the first).
-- A null sector is one key: COALESCE, as PostgreSQL's unique indexes take nulls as distinct.
CREATE UNIQUE INDEX "Baseline_current_idx" ON "Baseline"("indicatorId", "level", COALESCE("sectorId", 0)) WHERE "supersededAt" IS NULL;
