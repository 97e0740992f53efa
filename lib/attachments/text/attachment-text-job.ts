import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { extractAttachmentText } from "@/lib/attachments/text/extract-attachment-text";
import { enqueueJob, type EnqueuedJob } from "@/lib/jobs/enqueue-job";
import { defineJobHandler } from "@/lib/jobs/job-handler";
import { refreshContributionFingerprint } from "@/lib/similarity/fingerprint-and-group";

// The "attachment-text" job: one per attachment, enqueued in the
// transaction that records the upload, run by the background worker.

export const ATTACHMENT_TEXT_JOB = "attachment-text";

const PROGRESS_EVERY_MS = 1_000;

export const attachmentTextJobKey = (attachmentId: string) => `${ATTACHMENT_TEXT_JOB}:${attachmentId}`;

/**
 * Asks the worker to read an attachment's text. `again`: once more if its
 * job finished. `force`: really read the file (the backfill's --force),
 * rather than copy the outcome of a file with the same bytes.
 */
export function enqueueAttachmentText(
  attachmentId: string,
  options: { transaction?: Prisma.TransactionClient; again?: boolean; force?: boolean } = {},
): Promise<EnqueuedJob> {
  return enqueueJob({
    kind: ATTACHMENT_TEXT_JOB,
    dedupeKey: attachmentTextJobKey(attachmentId),
    payload: options.force ? { attachmentId, reuse: false } : { attachmentId },
    // Bad files are outcomes, not failures: attempts are for a database or disk that is away.
    maxAttempts: 3,
    again: options.again,
    transaction: options.transaction,
  });
}

export const attachmentTextJob = defineJobHandler(z.object({ attachmentId: z.string().min(1), reuse: z.boolean().optional() }), async (job) => {
  let reportedAt = 0;
  let pending: Promise<void> = Promise.resolve();
  const result = await extractAttachmentText(job.payload.attachmentId, {
    reuse: job.payload.reuse,
    signal: job.signal,
    onProgress(done, total) {
      const now = Date.now();
      if (now - reportedAt < PROGRESS_EVERY_MS && done < total) return;
      reportedAt = now;
      // One report at a time, in order; a failed report only loses a figure.
      pending = pending.then(() => job.reportProgress(done, total)).catch(() => {});
    },
  });
  await pending;
  // The contribution's fingerprint includes its files' text: group it again now that the text is known.
  if (result?.contributionId) await refreshContributionFingerprint(result.contributionId);
});
