import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { fingerprintText, groupsNearly, type TextFingerprint } from "@/lib/similarity/fingerprint";

// What a contribution's fingerprint is made of: its body, then the text of
// its attachments (AttachmentPage, filled by the extraction worker) in the
// order they were attached, page by page. Not the title: titles are
// boilerplate ("Response to the consultation", "Feedback") and a campaign's
// members often retitle the same letter. Not the answers to questions:
// structured choices repeat by design.

export type FingerprintSource = {
  id: string;
  consultationId: string;
  body: string;
  attachmentText: string;
  attachmentHashes: string[];
  similarityGroupId: string | null;
};

export type ContributionFingerprintRow = TextFingerprint & {
  contributionId: string;
  consultationId: string;
  /** Sorted, distinct: equal sets compare equal. */
  attachmentHashes: string[];
};

/** The sources of the given contributions (or of a consultation's, after an id, `limit` of them, by id): one query. */
export function selectFingerprintSources(tx: Prisma.TransactionClient, where: { ids: string[] } | { consultationId: string; after: string; limit: number }) {
  const condition =
    "ids" in where
      ? Prisma.sql`c."id" IN (${Prisma.join(where.ids)})`
      : Prisma.sql`c."consultationId" = ${where.consultationId} AND c."id" > ${where.after}`;
  const tail = "ids" in where ? Prisma.empty : Prisma.sql`ORDER BY c."id" LIMIT ${where.limit}`;
  return tx.$queryRaw<FingerprintSource[]>`
    SELECT c."id", c."consultationId", c."body", c."similarityGroupId",
           coalesce((SELECT string_agg(p."text", E'\n' ORDER BY a."createdAt", a."id", p."pageNumber")
                     FROM "Attachment" a JOIN "AttachmentPage" p ON p."attachmentId" = a."id"
                     WHERE a."contributionId" = c."id"), '') AS "attachmentText",
           coalesce((SELECT array_agg(DISTINCT a."sha256"::text ORDER BY a."sha256"::text) FROM "Attachment" a WHERE a."contributionId" = c."id"), '{}') AS "attachmentHashes"
    FROM "Contribution" c
    WHERE ${condition} AND c."status" <> 'WITHDRAWN'::"ContributionStatus"
    ${tail}`;
}

export function fingerprintSource(source: FingerprintSource): ContributionFingerprintRow {
  const text = source.attachmentText === "" ? source.body : `${source.body}\n${source.attachmentText}`;
  return { contributionId: source.id, consultationId: source.consultationId, attachmentHashes: source.attachmentHashes, ...fingerprintText(text) };
}

/**
 * The buckets kept in the index: none for a text too short to compare
 * nearly, nor for a copy of a text already there (its first copy stands for
 * it). A campaign of 100,000 identical letters then costs the bucket index
 * one entry per bucket, not 100,000: the incremental check reads posting
 * lists that stay short. The signature itself is kept whole.
 */
export function withIndexedBuckets(row: ContributionFingerprintRow, isCopy: boolean): ContributionFingerprintRow {
  return isCopy || !groupsNearly(row.wordCount) ? { ...row, buckets: [] } : row;
}

/** Writes (or replaces) fingerprints in one statement: one JSON parameter, however many rows. */
export async function writeFingerprints(tx: Prisma.TransactionClient, rows: ContributionFingerprintRow[]): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(
    rows.map((row) => ({
      contributionId: row.contributionId,
      consultationId: row.consultationId,
      textHash: row.textHash,
      wordCount: row.wordCount,
      minhash: row.minhash,
      buckets: row.buckets.map(Number),
      attachmentHashes: row.attachmentHashes,
    })),
  );
  await tx.$executeRaw`
    INSERT INTO "ContributionFingerprint" ("contributionId", "consultationId", "textHash", "wordCount", "minhash", "buckets", "attachmentHashes", "computedAt")
    SELECT r."contributionId", r."consultationId", r."textHash", r."wordCount", r."minhash", r."buckets", r."attachmentHashes", now()
    FROM json_to_recordset(${json}::json) AS r("contributionId" text, "consultationId" text, "textHash" text, "wordCount" int, "minhash" int[], "buckets" bigint[], "attachmentHashes" text[])
    ON CONFLICT ("contributionId") DO UPDATE SET
      "consultationId" = EXCLUDED."consultationId", "textHash" = EXCLUDED."textHash", "wordCount" = EXCLUDED."wordCount",
      "minhash" = EXCLUDED."minhash", "buckets" = EXCLUDED."buckets", "attachmentHashes" = EXCLUDED."attachmentHashes", "computedAt" = now()`;
}
