-- A published summary freezes each contribution's effective language (the
-- detected one when the detector was confident, else the declared one:
-- agora_effective_language) beside its author's type and country (figures
-- format 4, lib/summaries/frozen-figures.ts): the version's language filter
-- counts by it, so detecting the language again later (an attachment read
-- since, a better detector) changes nothing in a published version. Null for
-- versions published before (formats 1 to 3): they are filtered by the
-- contribution's language now, the only one there is for them.
ALTER TABLE "ConsultationSummaryContribution" ADD COLUMN "language" TEXT;
