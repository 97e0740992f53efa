-- A published summary freezes which group of identical or near-identical
-- texts each of its contributions was in (figures format 3,
-- lib/summaries/frozen-figures.ts): its near-duplicate figures and its
-- "count each group once" view never change when groups are recomputed.
-- A label, not a reference: the group itself may be merged or dissolved
-- later. Null for versions published before (formats 1 and 2), which have
-- no such figures.
ALTER TABLE "ConsultationSummaryContribution" ADD COLUMN "similarityGroupId" TEXT;
