-- Issue 10: the reading layer. Background jobs, the text of attachments page
-- by page, detected languages, search over both with a spelling normaliser,
-- consultation synonyms, and near-duplicate fingerprints and groups.

-- Durable background jobs (lib/jobs): claimed one at a time with SKIP LOCKED
-- as the e-mail outbox is, a lease that a crashed worker lets run out,
-- retries with back-off, progress for the people who wait.
CREATE TYPE "JobStatus" AS ENUM ('PENDING', 'RUNNING', 'DONE', 'FAILED');

CREATE TABLE "Job" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "status" "JobStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 5,
    "runAfter" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leasedUntil" TIMESTAMP(3),
    "progressDone" INTEGER NOT NULL DEFAULT 0,
    "progressTotal" INTEGER,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "Job_dedupeKey_key" ON "Job"("dedupeKey");
CREATE INDEX "Job_status_runAfter_idx" ON "Job"("status", "runAfter");
CREATE INDEX "Job_kind_status_idx" ON "Job"("kind", "status");

-- Spelling normaliser for search, applied to documents and queries alike.
-- Length-preserving, so an excerpt found in the normalised text is cut from
-- the original at the same offsets: all-capital plurals lose their "s" to a
-- space (SMEs -> "SME "), -ization/-yze spellings become -isation/-yse.
CREATE FUNCTION agora_search_normalise(input TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT regexp_replace(
           regexp_replace(
             regexp_replace(coalesce(input, ''), '\m([[:upper:]]{2,})s\M', '\1 ', 'g'),
             '([[:alpha:]]{2})iz(ation|ations|e|es|ed|ing|er|ers)\M', '\1is\2', 'gi'),
           '([[:alpha:]]{2})yz(e|es|ed|ing|er|ers)\M', '\1ys\2', 'gi')
$$;

-- Attachment text, extracted by the worker (lib/attachments/text).
CREATE TYPE "TextStatus" AS ENUM ('PENDING', 'EXTRACTED', 'NO_TEXT', 'ENCRYPTED', 'DAMAGED', 'TOO_LARGE', 'TIMED_OUT', 'UNSUPPORTED');

ALTER TABLE "Attachment"
  ADD COLUMN "textStatus" "TextStatus" NOT NULL DEFAULT 'PENDING',
  ADD COLUMN "textMessage" TEXT,
  ADD COLUMN "pageCount" INTEGER,
  ADD COLUMN "textChars" INTEGER,
  ADD COLUMN "textTruncated" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "textExtractedAt" TIMESTAMP(3),
  ADD COLUMN "detectedLanguage" VARCHAR(8),
  ADD COLUMN "languageConfident" BOOLEAN NOT NULL DEFAULT false;

CREATE INDEX "Attachment_textStatus_idx" ON "Attachment"("textStatus");
CREATE INDEX "Attachment_sha256_idx" ON "Attachment"("sha256");

-- One row per page (a page's tsvector stays far below PostgreSQL's 1 MB
-- limit). "language" is the dictionary the page is searched with: the
-- attachment's detected language when the detector is confident, else the
-- contribution's declared one.
CREATE TABLE "AttachmentPage" (
    "attachmentId" TEXT NOT NULL,
    "pageNumber" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "language" VARCHAR(8) NOT NULL,
    "searchVector" tsvector GENERATED ALWAYS AS (
      to_tsvector(agora_search_config("language"), agora_search_normalise("text"))
    ) STORED,

    CONSTRAINT "AttachmentPage_pkey" PRIMARY KEY ("attachmentId", "pageNumber")
);

CREATE INDEX "AttachmentPage_searchVector_idx" ON "AttachmentPage" USING GIN ("searchVector");

ALTER TABLE "AttachmentPage" ADD CONSTRAINT "AttachmentPage_attachmentId_fkey" FOREIGN KEY ("attachmentId") REFERENCES "Attachment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Detected language of the body beside the declared one. The language a
-- contribution is searched, themed and filtered in is the detected one when
-- the detector was confident, the declared one otherwise:
-- agora_effective_language, used by the search column, the facets and the
-- filters alike.
ALTER TABLE "Contribution"
  ADD COLUMN "detectedLanguage" VARCHAR(8),
  ADD COLUMN "languageConfident" BOOLEAN NOT NULL DEFAULT false;

CREATE FUNCTION agora_effective_language(declared TEXT, detected TEXT, confident BOOLEAN) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN confident AND detected IS NOT NULL THEN detected ELSE declared END
$$;

DROP INDEX "Contribution_searchVector_idx";
ALTER TABLE "Contribution" DROP COLUMN "searchVector";
ALTER TABLE "Contribution" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector(agora_search_config(agora_effective_language("language", "detectedLanguage", "languageConfident")), agora_search_normalise(coalesce("title", ''))), 'A') ||
  setweight(to_tsvector(agora_search_config(agora_effective_language("language", "detectedLanguage", "languageConfident")), agora_search_normalise(coalesce("body", ''))), 'B')
) STORED;
CREATE INDEX "Contribution_searchVector_idx" ON "Contribution" USING GIN ("searchVector");

-- The facets count by the effective language: the index that answers them
-- alone carries what it is computed from.
DROP INDEX "Contribution_consultationId_status_phase_language_authorId__idx";
CREATE INDEX "Contribution_consultationId_status_phase_language_detectedL_idx" ON "Contribution"("consultationId", "status", "phase", "language", "detectedLanguage", "languageConfident", "authorId", "submittedAt");

-- Consultation synonyms an administrator edits: each row is one set of
-- terms that mean the same ("AI Board" = "European Artificial Intelligence
-- Board"); a query naming one is expanded with the others.
CREATE TABLE "SearchSynonym" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "terms" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchSynonym_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "SearchSynonym_consultationId_idx" ON "SearchSynonym"("consultationId");

ALTER TABLE "SearchSynonym" ADD CONSTRAINT "SearchSynonym_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Near-duplicates (lib/similarity): a fingerprint per contribution of its
-- body and its attachments' text, and the groups of identical or
-- near-identical ones.
CREATE TYPE "SimilarityKind" AS ENUM ('EXACT', 'NEAR');

CREATE TABLE "SimilarityGroup" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "kind" "SimilarityKind" NOT NULL,
    "memberCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SimilarityGroup_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "SimilarityGroup_consultationId_idx" ON "SimilarityGroup"("consultationId");

ALTER TABLE "SimilarityGroup" ADD CONSTRAINT "SimilarityGroup_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ContributionFingerprint" (
    "contributionId" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "textHash" CHAR(64) NOT NULL,
    "wordCount" INTEGER NOT NULL,
    "minhash" INTEGER[],
    "buckets" BIGINT[],
    "attachmentHashes" TEXT[],
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContributionFingerprint_pkey" PRIMARY KEY ("contributionId")
);

CREATE INDEX "ContributionFingerprint_consultationId_textHash_idx" ON "ContributionFingerprint"("consultationId", "textHash");
CREATE INDEX "ContributionFingerprint_buckets_idx" ON "ContributionFingerprint" USING GIN ("buckets");
CREATE INDEX "ContributionFingerprint_attachmentHashes_idx" ON "ContributionFingerprint" USING GIN ("attachmentHashes");

ALTER TABLE "ContributionFingerprint" ADD CONSTRAINT "ContributionFingerprint_contributionId_fkey" FOREIGN KEY ("contributionId") REFERENCES "Contribution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "Contribution" ADD COLUMN "similarityGroupId" TEXT;
CREATE INDEX "Contribution_similarityGroupId_idx" ON "Contribution"("similarityGroupId");
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_similarityGroupId_fkey" FOREIGN KEY ("similarityGroupId") REFERENCES "SimilarityGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;
