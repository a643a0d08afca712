-- The one invalidation signal of every cache the app keeps (ADR 015).
--
-- "CacheEpoch" has one row: the generation of what the app caches (public
-- pages, reference data, the dashboard's geography, the bulk downloads). Every
-- statement that changes a table those caches are built from bumps it and
-- notifies channel dx_cache with the new generation, inside the writing
-- transaction, so the notification is delivered to every app instance when —
-- and only if — the transaction commits. No write path can forget to signal.
-- databaseId tells one database's generations from another's (a server's page
-- cache on disk outlives a switch of DATABASE_URL).
CREATE TABLE "CacheEpoch" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "databaseId" UUID NOT NULL DEFAULT gen_random_uuid(),
    "generation" BIGINT NOT NULL DEFAULT 0,
    "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CacheEpoch_pkey" PRIMARY KEY ("id")
);

INSERT INTO "CacheEpoch" ("id") VALUES (1);

CREATE FUNCTION "cache_epoch_bump"() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    g BIGINT;
BEGIN
    UPDATE "CacheEpoch" SET "generation" = "generation" + 1, "changedAt" = CURRENT_TIMESTAMP
        WHERE "id" = 1 RETURNING "generation" INTO g;
    PERFORM pg_notify('dx_cache', g::text);
    RETURN NULL;
END;
$$;

-- What the caches are built from: published figures, the catalogue (indicators,
-- targets, baselines, sectors, departments) and the geography (units, successions).
CREATE TRIGGER "FigurePublication_cache_epoch" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "FigurePublication"
    FOR EACH STATEMENT EXECUTE FUNCTION "cache_epoch_bump"();
CREATE TRIGGER "Indicator_cache_epoch" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Indicator"
    FOR EACH STATEMENT EXECUTE FUNCTION "cache_epoch_bump"();
CREATE TRIGGER "Target_cache_epoch" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Target"
    FOR EACH STATEMENT EXECUTE FUNCTION "cache_epoch_bump"();
CREATE TRIGGER "Baseline_cache_epoch" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Baseline"
    FOR EACH STATEMENT EXECUTE FUNCTION "cache_epoch_bump"();
CREATE TRIGGER "Sector_cache_epoch" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Sector"
    FOR EACH STATEMENT EXECUTE FUNCTION "cache_epoch_bump"();
CREATE TRIGGER "Department_cache_epoch" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Department"
    FOR EACH STATEMENT EXECUTE FUNCTION "cache_epoch_bump"();
CREATE TRIGGER "AdminUnit_cache_epoch" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "AdminUnit"
    FOR EACH STATEMENT EXECUTE FUNCTION "cache_epoch_bump"();
CREATE TRIGGER "Succession_cache_epoch" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Succession"
    FOR EACH STATEMENT EXECUTE FUNCTION "cache_epoch_bump"();
