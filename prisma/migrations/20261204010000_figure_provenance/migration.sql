-- Issue #14, item 11: every published figure carries how final it is (SDMX OBS_STATUS: normal,
-- provisional, estimated) and, where given, the document it comes from. The working copy holds
-- what the editor entered; the publication keeps what was approved. Existing figures are normal.
CREATE TYPE "ObservationStatus" AS ENUM ('NORMAL', 'PROVISIONAL', 'ESTIMATED');

ALTER TABLE "Figure" ADD COLUMN "observationStatus" "ObservationStatus" NOT NULL DEFAULT 'NORMAL';
ALTER TABLE "Figure" ADD COLUMN "sourceDocument" TEXT;

ALTER TABLE "FigurePublication" ADD COLUMN "observationStatus" "ObservationStatus" NOT NULL DEFAULT 'NORMAL';
ALTER TABLE "FigurePublication" ADD COLUMN "sourceDocument" TEXT;
