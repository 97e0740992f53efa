-- A published summary keeps the list of approved contributions it covers.

-- CreateTable
CREATE TABLE "ConsultationSummaryContribution" (
    "summaryId" TEXT NOT NULL,
    "contributionId" TEXT NOT NULL,

    CONSTRAINT "ConsultationSummaryContribution_pkey" PRIMARY KEY ("summaryId","contributionId")
);

-- CreateIndex
CREATE INDEX "ConsultationSummaryContribution_contributionId_idx" ON "ConsultationSummaryContribution"("contributionId");

-- AddForeignKey
ALTER TABLE "ConsultationSummaryContribution" ADD CONSTRAINT "ConsultationSummaryContribution_summaryId_fkey" FOREIGN KEY ("summaryId") REFERENCES "ConsultationSummary"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationSummaryContribution" ADD CONSTRAINT "ConsultationSummaryContribution_contributionId_fkey" FOREIGN KEY ("contributionId") REFERENCES "Contribution"("id") ON DELETE CASCADE ON UPDATE CASCADE;
