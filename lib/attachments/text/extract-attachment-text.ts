import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TextStatus } from "@/lib/generated/prisma/enums";
import { storagePath } from "@/lib/attachments/storage";
import { extractText, type ExtractOptions, type ExtractionOutcome } from "@/lib/attachments/text/extract-text";
import { detectLanguage } from "@/lib/language/detect-language";
import { effectiveLanguageSql } from "@/lib/language/effective-language-sql";

// Reads one attachment's text and records the outcome on its row, with its
// pages (docs/decisions/0012-attachment-text.md). Called by the
// "attachment-text" job; never on a request's path.

/** The page language when neither the detector nor a contribution says: searched with the "simple" dictionary. */
export const UNDETERMINED_LANGUAGE = "und";

/** Outcomes that another reading of the same bytes would repeat (a timeout may not). */
const FINAL_STATUSES: TextStatus[] = ["EXTRACTED", "NO_TEXT", "ENCRYPTED", "DAMAGED", "TOO_LARGE", "UNSUPPORTED"];

export type AttachmentTextResult = {
  status: Exclude<TextStatus, "PENDING">;
  pageCount: number | null;
  /** Copied from an attachment with the same bytes rather than read again. */
  reused: boolean;
  outcome: ExtractionOutcome | null;
  /** The contribution the attachment belongs to when its text was recorded (null: not attached yet). */
  contributionId: string | null;
};

type Recorded = Pick<ExtractionOutcome, "status" | "message" | "pageCount" | "pages" | "textChars" | "truncated">;

/**
 * Which language the pages are searched in: the detected one when the
 * detector is confident; else the declared language of the contribution the
 * attachment belongs to; else (not attached yet: uploads come before the
 * submission) the detector's best guess, or "und". An unconfident guess is
 * replaced by the contribution's language once the attachment is attached
 * (alignAttachmentLanguage).
 */
function languageFor(text: string, declared: string | null) {
  if (!text.trim()) return { detected: null, confident: false, pageLanguage: declared ?? UNDETERMINED_LANGUAGE };
  const verdict = detectLanguage(text, declared ?? UNDETERMINED_LANGUAGE);
  const pageLanguage = verdict.confident && verdict.detected ? verdict.detected : (declared ?? verdict.detected ?? UNDETERMINED_LANGUAGE);
  return { detected: verdict.detected, confident: verdict.confident, pageLanguage };
}

/** Pages, status and language in one transaction; the old pages are replaced. Null when the attachment is gone. */
async function record(attachmentId: string, outcome: Recorded): Promise<{ contributionId: string | null } | null> {
  return db.$transaction(async (tx) => {
    // Locks the row: a submission attaching it at the same time waits, and
    // its alignAttachmentLanguage then sees these pages (or this reads the
    // contribution it was attached to).
    const [row] = await tx.$queryRaw<{ language: string | null; contributionId: string | null }[]>`
      SELECT ${effectiveLanguageSql()} AS "language", a."contributionId" FROM "Attachment" a LEFT JOIN "Contribution" c ON c."id" = a."contributionId"
      WHERE a."id" = ${attachmentId} FOR UPDATE OF a`;
    if (!row) return null;
    const language = languageFor(outcome.pages.map((page) => page.text).join("\n\n"), row.language);
    await tx.attachmentPage.deleteMany({ where: { attachmentId } });
    if (outcome.pages.length > 0) {
      await tx.attachmentPage.createMany({
        data: outcome.pages.map((page) => ({ attachmentId, pageNumber: page.pageNumber, text: page.text, language: language.pageLanguage })),
      });
    }
    await tx.attachment.update({
      where: { id: attachmentId },
      data: {
        textStatus: outcome.status,
        textMessage: outcome.message,
        pageCount: outcome.pageCount,
        textChars: outcome.textChars,
        textTruncated: outcome.truncated,
        textExtractedAt: new Date(),
        detectedLanguage: language.detected,
        languageConfident: language.confident,
      },
    });
    return { contributionId: row.contributionId };
  });
}

/** The outcome recorded for another attachment with the same bytes and type, if there is one to trust. */
async function findSameBytes(attachment: { id: string; sha256: string; mediaType: string }): Promise<Recorded | null> {
  const twin = await db.attachment.findFirst({
    where: { sha256: attachment.sha256, mediaType: attachment.mediaType, id: { not: attachment.id }, textStatus: { in: FINAL_STATUSES } },
    orderBy: { textExtractedAt: "desc" },
    select: {
      textStatus: true,
      textMessage: true,
      pageCount: true,
      textChars: true,
      textTruncated: true,
      pages: { orderBy: { pageNumber: "asc" }, select: { pageNumber: true, text: true } },
    },
  });
  if (!twin || twin.textStatus === "PENDING") return null;
  return {
    status: twin.textStatus,
    message: twin.textMessage,
    pageCount: twin.pageCount,
    pages: twin.pages,
    textChars: twin.textChars ?? 0,
    truncated: twin.textTruncated,
  };
}

/**
 * Reads and records the text of one attachment. `reuse` (default true):
 * copy the outcome of an attachment with the same SHA-256 that was read
 * already, instead of reading the same bytes again. Null when the
 * attachment no longer exists.
 */
export async function extractAttachmentText(
  attachmentId: string,
  options: Pick<ExtractOptions, "onProgress" | "signal" | "limits"> & { reuse?: boolean } = {},
): Promise<AttachmentTextResult | null> {
  const attachment = await db.attachment.findUnique({ where: { id: attachmentId }, select: { id: true, sha256: true, mediaType: true, storageKey: true } });
  if (!attachment) return null;

  if (options.reuse !== false) {
    const same = await findSameBytes(attachment);
    if (same) {
      const recorded = await record(attachmentId, same);
      return recorded && { status: same.status, pageCount: same.pageCount, reused: true, outcome: null, ...recorded };
    }
  }

  const outcome = await extractText(storagePath(attachment.storageKey), attachment.mediaType, options);
  const recorded = await record(attachmentId, outcome);
  return recorded && { status: outcome.status, pageCount: outcome.pageCount, reused: false, outcome, ...recorded };
}

/**
 * Once a contribution holds its attachments (at submission, or when its
 * language changes): pages whose language the detector was not confident
 * about are searched in the contribution's effective language (its detected
 * language when confident, else the declared one).
 * Call it in the transaction that attaches the files.
 */
export async function alignAttachmentLanguage(contributionId: string, transaction?: Prisma.TransactionClient): Promise<number> {
  const client = transaction ?? db;
  return client.$executeRaw`
    UPDATE "AttachmentPage" AS p SET "language" = ${effectiveLanguageSql()}
    FROM "Attachment" AS a JOIN "Contribution" AS c ON c."id" = a."contributionId"
    WHERE p."attachmentId" = a."id" AND c."id" = ${contributionId} AND NOT a."languageConfident" AND p."language" <> ${effectiveLanguageSql()}`;
}
