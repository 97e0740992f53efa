-- The moderation queue: what waits for a moderator, and since when.
-- Pending contributions wait since their submission; published ones with
-- open reports since the first of those reports.

-- AlterTable
ALTER TABLE "Contribution" ADD COLUMN "awaitingSince" TIMESTAMP(3);

UPDATE "Contribution" SET "awaitingSince" = "submittedAt" WHERE "status" = 'PENDING';

UPDATE "Contribution" AS c
SET "awaitingSince" = f."firstOpen"
FROM (
  SELECT "contributionId", MIN("createdAt") AS "firstOpen"
  FROM "Flag"
  WHERE "resolvedAt" IS NULL
  GROUP BY "contributionId"
) AS f
WHERE c."id" = f."contributionId" AND c."status" = 'APPROVED' AND c."awaitingSince" IS NULL;

-- CreateIndex
CREATE INDEX "Contribution_awaitingSince_idx" ON "Contribution"("awaitingSince");

-- CreateIndex
CREATE INDEX "Contribution_consultationId_awaitingSince_idx" ON "Contribution"("consultationId", "awaitingSince");
