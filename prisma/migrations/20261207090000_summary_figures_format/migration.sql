-- The format of a published version's frozen statistics and themes
-- (lib/summaries/frozen-figures.ts, docs/decisions/0008). Left null on the
-- versions published before: they are format 1, upgraded when read.
ALTER TABLE "ConsultationSummary" ADD COLUMN "figuresFormat" INTEGER;
