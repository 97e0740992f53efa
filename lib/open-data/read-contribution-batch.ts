import "server-only";
import { db } from "@/lib/db";
import type { AnswerValue } from "@/lib/contributions/schema";
import { toPublicAuthor } from "@/lib/contributions/public-author";
import { visibleContributionsWhere } from "@/lib/contributions/visibility";
import { siteUrl } from "@/lib/open-data/links";
import type { OpenContribution } from "@/lib/open-data/records";

/** A published consultation as its contributions' readers need it. */
export type ContributionSource = { id: string; slug: string; questions: readonly { id: string; prompt: string }[] };

export type ContributionBatch = {
  records: OpenContribution[];
  /** Each record's reference number, the keyset position a next batch or page starts after. */
  referenceNumbers: number[];
};

/**
 * Up to `size` contributions of a consultation after the reference number
 * `after`, in reference-number order: the one query behind the API's pages
 * and the downloads' batches. Keyset, not OFFSET, so the millionth row costs
 * what the first does and a row approved meanwhile neither repeats nor hides
 * another. Which contributions are public is the visitor's rule of
 * lib/contributions/visibility.ts, whoever asks.
 */
export async function readContributionBatch(source: ContributionSource, after: number, size: number): Promise<ContributionBatch> {
  const rows = await db.contribution.findMany({
    where: { AND: [{ consultationId: source.id, referenceNumber: { gt: after } }, visibleContributionsWhere(null)] },
    orderBy: { referenceNumber: "asc" },
    take: size,
    select: {
      referenceNumber: true,
      reference: true,
      phase: true,
      language: true,
      title: true,
      body: true,
      answers: true,
      submittedAt: true,
      decidedAt: true,
      publication: true,
      author: { select: { profile: { select: { displayName: true, organisationName: true, stakeholderType: true, country: true } } } },
      attachments: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, mediaType: true, size: true } },
      similarityGroupId: true,
    },
  });
  const groups = await publishedGroups(rows.map((row) => row.similarityGroupId));
  return {
    records: rows.map((row) => ({
      reference: row.reference,
      url: siteUrl(`/contributions/${row.reference}`),
      consultation: source.slug,
      phase: row.phase,
      language: row.language,
      title: row.title,
      body: row.body,
      answers: publicAnswers(row.answers, source.questions),
      submittedAt: row.submittedAt.toISOString(),
      publishedAt: row.decidedAt?.toISOString() ?? null,
      author: toPublicAuthor(row.publication, row.author.profile),
      attachments: row.attachments.map((attachment) => ({
        name: attachment.fileName,
        mediaType: attachment.mediaType,
        size: attachment.size,
        url: siteUrl(`/api/attachments/${attachment.id}`),
      })),
      similarityGroupId: row.similarityGroupId !== null && groups.has(row.similarityGroupId) ? row.similarityGroupId : null,
    })),
    referenceNumbers: rows.map((row) => row.referenceNumber),
  };
}

/**
 * The groups among these that have two published members or more: a group
 * is public only through its published members (the others are the
 * moderators' to see).
 */
async function publishedGroups(ids: (string | null)[]): Promise<Set<string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Set();
  const counts = await db.contribution.groupBy({
    by: ["similarityGroupId"],
    where: { similarityGroupId: { in: wanted }, status: "APPROVED" },
    _count: { _all: true },
  });
  return new Set(counts.flatMap((row) => (row.similarityGroupId !== null && row._count._all >= 2 ? [row.similarityGroupId] : [])));
}

/**
 * The stored answers to the consultation's questions, in the questions'
 * order, without empty ones. The column is JSON written by the submission's
 * schema; anything else in it (a key of no question, a value of the wrong
 * shape) is not published.
 */
function publicAnswers(stored: unknown, questions: ContributionSource["questions"]): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {};
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) return answers;
  for (const { id } of questions) {
    const value: unknown = (stored as Record<string, unknown>)[id];
    if (typeof value === "number" && Number.isFinite(value)) answers[id] = value;
    else if (typeof value === "string" && value.trim() !== "") answers[id] = value;
    else if (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === "string")) answers[id] = value as string[];
  }
  return answers;
}
