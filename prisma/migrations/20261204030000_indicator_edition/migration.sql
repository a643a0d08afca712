-- Issue #14, item 9: an index published once a year about an earlier year (the DTI of year Y is
-- published during Y + 1) has editions; a quarter's figure refers to the latest edition published
-- by the quarter's last day, and a ranking's population (63 provinces, then 34) splits its series.
CREATE TABLE "IndicatorEdition" (
    "id" SERIAL NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "referenceYear" INTEGER NOT NULL,
    "publishedOn" DATE NOT NULL,
    "rankedUnits" INTEGER,
    "sourceVi" TEXT NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IndicatorEdition_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "IndicatorEdition_indicatorId_referenceYear_key" ON "IndicatorEdition"("indicatorId", "referenceYear");

ALTER TABLE "IndicatorEdition" ADD CONSTRAINT "IndicatorEdition_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The overview and the public pages are built from it: every change bumps the cache epoch (ADR 015).
CREATE TRIGGER "IndicatorEdition_cache_epoch" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "IndicatorEdition"
    FOR EACH STATEMENT EXECUTE FUNCTION "cache_epoch_bump"();
