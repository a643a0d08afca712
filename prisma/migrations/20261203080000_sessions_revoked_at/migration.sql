-- Sessions issued before this moment are over (issue #13, item 5): set when an account is
-- disabled, so enabling it again does not bring its old sessions back (loadActor compares it
-- with the session's issue time, like passwordChangedAt).
ALTER TABLE "User" ADD COLUMN "sessionsRevokedAt" TIMESTAMPTZ(3);
