-- Issue #16, item 11 (ADR 030): notifications in the app and by e-mail. A row is written in the
-- transaction of the event that causes it (a submission, a rejection, a withdrawn publication, a
-- deadline reminder); its e-mail is a pg-boss job (schema "pgboss", created by pg-boss itself)
-- written in the same transaction and sent after commit.
CREATE TYPE "NotificationKind" AS ENUM ('FIGURES_SUBMITTED', 'FIGURES_REJECTED', 'PUBLICATION_WITHDRAWN', 'DEADLINE_NEAR');
CREATE TYPE "EmailState" AS ENUM ('NONE', 'PENDING', 'SENT', 'FAILED');

CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "textVi" TEXT NOT NULL,
    "textEn" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "figureId" INTEGER,
    "periodId" INTEGER,
    "dedupeKey" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMPTZ(3),
    "emailState" "EmailState" NOT NULL DEFAULT 'NONE',
    "emailTo" TEXT,
    "emailAttempts" INTEGER NOT NULL DEFAULT 0,
    "emailClaimedAt" TIMESTAMPTZ(3),
    "emailSentAt" TIMESTAMPTZ(3),
    "emailError" TEXT,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id"),
    -- A link is a path inside the app, never an address elsewhere.
    CONSTRAINT "Notification_link_check" CHECK ("link" LIKE '/%' AND "link" NOT LIKE '//%'),
    CONSTRAINT "Notification_email_check" CHECK ("emailState" = 'NONE' OR "emailTo" IS NOT NULL)
);

CREATE UNIQUE INDEX "Notification_dedupeKey_key" ON "Notification"("dedupeKey");
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
