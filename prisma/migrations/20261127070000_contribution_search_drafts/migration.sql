-- Issue 3: contribution submission. Participation rules on consultations,
-- idempotent submits, full-text search in the contribution's own language,
-- and server-side drafts.

-- AlterTable
ALTER TABLE "Consultation" ADD COLUMN "participationRules" TEXT;

-- Maps an ISO 639-1 code to PostgreSQL's text-search configuration for that
-- language ('simple' where PostgreSQL has no stemmer, e.g. Japanese).
-- IMMUTABLE so it can feed a generated column and the query side alike.
CREATE FUNCTION agora_search_config(language TEXT) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE lower(split_part(language, '-', 1))
    WHEN 'ar' THEN 'arabic' WHEN 'ca' THEN 'catalan' WHEN 'da' THEN 'danish'
    WHEN 'de' THEN 'german' WHEN 'el' THEN 'greek' WHEN 'en' THEN 'english'
    WHEN 'es' THEN 'spanish' WHEN 'et' THEN 'estonian' WHEN 'eu' THEN 'basque'
    WHEN 'fi' THEN 'finnish' WHEN 'fr' THEN 'french' WHEN 'ga' THEN 'irish'
    WHEN 'hi' THEN 'hindi' WHEN 'hu' THEN 'hungarian' WHEN 'hy' THEN 'armenian'
    WHEN 'id' THEN 'indonesian' WHEN 'it' THEN 'italian' WHEN 'lt' THEN 'lithuanian'
    WHEN 'ne' THEN 'nepali' WHEN 'nl' THEN 'dutch' WHEN 'no' THEN 'norwegian'
    WHEN 'nb' THEN 'norwegian' WHEN 'pt' THEN 'portuguese' WHEN 'ro' THEN 'romanian'
    WHEN 'ru' THEN 'russian' WHEN 'sr' THEN 'serbian' WHEN 'sv' THEN 'swedish'
    WHEN 'ta' THEN 'tamil' WHEN 'tr' THEN 'turkish' WHEN 'yi' THEN 'yiddish'
    ELSE 'simple'
  END::regconfig
$$;

-- AlterTable
ALTER TABLE "Contribution" ADD COLUMN "submissionKey" TEXT,
ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector(agora_search_config("language"), coalesce("title", '')), 'A') ||
  setweight(to_tsvector(agora_search_config("language"), coalesce("body", '')), 'B')
) STORED;

-- CreateTable
CREATE TABLE "ContributionDraft" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContributionDraft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ContributionDraft_userId_consultationId_key" ON "ContributionDraft"("userId", "consultationId");

-- CreateIndex
CREATE UNIQUE INDEX "Contribution_authorId_submissionKey_key" ON "Contribution"("authorId", "submissionKey");

-- CreateIndex
CREATE INDEX "Contribution_searchVector_idx" ON "Contribution" USING GIN ("searchVector");

-- AddForeignKey
ALTER TABLE "ContributionDraft" ADD CONSTRAINT "ContributionDraft_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContributionDraft" ADD CONSTRAINT "ContributionDraft_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
