-- Issue 11: themes found off the request path, steered by moderators, and
-- frozen with weights (figures format 5, lib/summaries/frozen-figures.ts).

-- A contribution's themes with weights, or why it has none; formats 1 to 4
-- keep their one key in "placement".
ALTER TABLE "ConsultationSummaryContribution" ADD COLUMN "themePlacement" JSONB;
ALTER TABLE "ConsultationSummaryContribution" ADD COLUMN "answerThemePlacements" JSONB NOT NULL DEFAULT '{}';

-- The steering in effect when a version was saved.
ALTER TABLE "ConsultationSummary" ADD COLUMN "steering" JSONB NOT NULL DEFAULT '[]';

CREATE TABLE "ThemeComputation" (
    "consultationId" TEXT NOT NULL,
    "inputDigest" TEXT NOT NULL,
    "steeringVersion" INTEGER NOT NULL DEFAULT 0,
    "contributionCount" INTEGER NOT NULL,
    "themes" JSONB NOT NULL,
    "placements" JSONB NOT NULL,
    "steeringOutcomes" JSONB NOT NULL DEFAULT '[]',
    "engineMs" INTEGER NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ThemeComputation_pkey" PRIMARY KEY ("consultationId"),
    CONSTRAINT "ThemeComputation_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "ThemeSteering" (
    "consultationId" TEXT NOT NULL,
    "steps" JSONB NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ThemeSteering_pkey" PRIMARY KEY ("consultationId"),
    CONSTRAINT "ThemeSteering_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ThemeSteering_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE
);

CREATE TABLE "ThemeSteeringEvent" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "actorId" TEXT,
    "change" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ThemeSteeringEvent_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ThemeSteeringEvent_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ThemeSteeringEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "ThemeSteeringEvent_consultationId_createdAt_idx" ON "ThemeSteeringEvent"("consultationId", "createdAt");
