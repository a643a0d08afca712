-- Issue #16, item 4: an approver can withdraw a publication made by mistake. The row stays (what the
-- public saw, and until when, is history: ?as_of= still finds it); it is superseded at the instant
-- of the withdrawal and says by whom and why.
ALTER TABLE "FigurePublication" ADD COLUMN "withdrawnAt" TIMESTAMPTZ(3);
ALTER TABLE "FigurePublication" ADD COLUMN "withdrawnById" UUID;
ALTER TABLE "FigurePublication" ADD COLUMN "withdrawalReason" TEXT;
ALTER TABLE "FigurePublication" ADD CONSTRAINT "FigurePublication_withdrawal_check"
    CHECK ("withdrawnAt" IS NULL OR ("supersededAt" = "withdrawnAt" AND "withdrawalReason" IS NOT NULL));
