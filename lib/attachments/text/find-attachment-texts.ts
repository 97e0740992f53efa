import "server-only";
import { requireRole } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { JobStatus, TextStatus } from "@/lib/generated/prisma/enums";
import { attachmentTextJobKey } from "@/lib/attachments/text/attachment-text-job";

// The text read from a contribution's attachments, for the moderator's
// review page: each file's outcome and its pages. A long document is shown
// up to SHOWN_CHARS characters (the file itself has the rest); the page
// says so.

export const SHOWN_CHARS = 300_000;

export type AttachmentTextPage = { pageNumber: number; text: string; language: string };

export type AttachmentText = {
  id: string;
  fileName: string;
  mediaType: string;
  textStatus: TextStatus;
  textMessage: string | null;
  pageCount: number | null;
  textChars: number | null;
  textTruncated: boolean;
  textExtractedAt: Date | null;
  detectedLanguage: string | null;
  languageConfident: boolean;
  /** Pages with text, in order, up to SHOWN_CHARS characters in all. */
  pages: AttachmentTextPage[];
  /** Pages with text that are stored (some may not be shown). */
  storedPages: number;
  /** The reading job, while the text is not read yet. */
  job: { status: JobStatus; progressDone: number; progressTotal: number | null; attempts: number; lastError: string | null } | null;
};

/** Moderators and admins. Attachments in upload order; none when the contribution does not exist. */
export async function findAttachmentTexts(contributionId: string): Promise<AttachmentText[]> {
  await requireRole("MODERATOR");
  const attachments = await db.attachment.findMany({
    where: { contributionId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      fileName: true,
      mediaType: true,
      textStatus: true,
      textMessage: true,
      pageCount: true,
      textChars: true,
      textTruncated: true,
      textExtractedAt: true,
      detectedLanguage: true,
      languageConfident: true,
      _count: { select: { pages: true } },
    },
  });
  if (attachments.length === 0) return [];
  const ids = attachments.map((attachment) => attachment.id);
  // Pages until SHOWN_CHARS are reached: a running sum, so that a 2,000-page
  // document is not loaded whole to show its beginning.
  const [pages, jobs] = await Promise.all([
    db.$queryRaw<(AttachmentTextPage & { attachmentId: string })[]>`
      SELECT "attachmentId", "pageNumber", "text", "language" FROM (
        SELECT "attachmentId", "pageNumber", "language",
               sum(length("text")) OVER (PARTITION BY "attachmentId" ORDER BY "pageNumber") - length("text") AS "before",
               "text"
        FROM "AttachmentPage" WHERE "attachmentId" IN (${Prisma.join(ids)})
      ) AS shown
      WHERE "before" < ${SHOWN_CHARS}
      ORDER BY "attachmentId", "pageNumber"`,
    db.job.findMany({
      where: { dedupeKey: { in: ids.map(attachmentTextJobKey) }, status: { in: ["PENDING", "RUNNING", "FAILED"] } },
      select: { dedupeKey: true, status: true, progressDone: true, progressTotal: true, attempts: true, lastError: true },
    }),
  ]);
  return attachments.map(({ _count, ...attachment }) => {
    const job = jobs.find((candidate) => candidate.dedupeKey === attachmentTextJobKey(attachment.id));
    return {
      ...attachment,
      storedPages: _count.pages,
      pages: pages
        .filter((page) => page.attachmentId === attachment.id)
        .map((page) => ({ pageNumber: page.pageNumber, text: page.text, language: page.language })),
      job: job && attachment.textStatus === "PENDING" ? { status: job.status, progressDone: job.progressDone, progressTotal: job.progressTotal, attempts: job.attempts, lastError: job.lastError } : null,
    };
  });
}
