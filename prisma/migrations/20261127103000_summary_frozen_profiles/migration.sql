-- A published summary freezes its authors' stakeholder type and country with
-- its contributions: filtered views of it count by these.

-- AlterTable
ALTER TABLE "ConsultationSummaryContribution" ADD COLUMN "stakeholderType" "StakeholderType",
ADD COLUMN "country" CHAR(2);

UPDATE "ConsultationSummaryContribution" AS s
SET "stakeholderType" = p."stakeholderType", "country" = p."country"
FROM "Contribution" AS c
JOIN "StakeholderProfile" AS p ON p."userId" = c."authorId"
WHERE c."id" = s."contributionId";
