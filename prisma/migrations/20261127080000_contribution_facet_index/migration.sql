-- Counts by phase on the consultation page and the facets of the public
-- contribution list read only these columns: an index-only scan instead of a
-- scan of every contribution (bench/RESULTS.md).

-- CreateIndex
CREATE INDEX "Contribution_consultationId_status_phase_language_authorId_idx" ON "Contribution"("consultationId", "status", "phase", "language", "authorId");
