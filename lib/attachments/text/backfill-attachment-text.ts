import "server-only";
import { db } from "@/lib/db";
import type { TextStatus } from "@/lib/generated/prisma/enums";
import { ATTACHMENT_TEXT_JOB, attachmentTextJob, attachmentTextJobKey, enqueueAttachmentText } from "@/lib/attachments/text/attachment-text-job";
import { runDueJobs, type JobRunReport } from "@/lib/jobs/run-due-jobs";

// `npm run attachments:extract` (scripts/extract-attachments.ts): reads the
// text of the attachments stored before text extraction existed, or of
// every attachment again. An operator's command, not a request: no caller
// to check. It goes through the job queue, so a worker running at the same
// time shares the work instead of doing it twice.

/** Not read yet, or stopped by the clock (which another try may beat). */
const WITHOUT_TEXT: TextStatus[] = ["PENDING", "TIMED_OUT"];

/** Enqueues the reading of every attachment without text (all of them with `force`); returns their ids. */
export async function enqueueAttachmentTextBackfill(options: { force?: boolean } = {}): Promise<string[]> {
  const attachments = await db.attachment.findMany({
    where: options.force ? {} : { textStatus: { in: WITHOUT_TEXT } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  for (const { id } of attachments) {
    // A finished job of a file still without text (given up, or timed out) runs again too.
    await enqueueAttachmentText(id, { again: true, ...(options.force ? { force: true } : {}) });
  }
  return attachments.map((attachment) => attachment.id);
}

/** Runs due attachment-text jobs (one batch); the worker's other kinds are left to it. */
export function runAttachmentTextJobs(signal?: AbortSignal): Promise<JobRunReport> {
  return runDueJobs({ handlers: { [ATTACHMENT_TEXT_JOB]: attachmentTextJob }, signal, limit: 1 });
}

/** How many of these attachments' jobs are finished (by this command or any worker). */
export async function countFinishedAttachmentText(attachmentIds: string[]): Promise<number> {
  let finished = 0;
  for (let at = 0; at < attachmentIds.length; at += 1_000) {
    const keys = attachmentIds.slice(at, at + 1_000).map(attachmentTextJobKey);
    finished += await db.job.count({ where: { dedupeKey: { in: keys }, status: { in: ["DONE", "FAILED"] } } });
  }
  return finished;
}

/** The outcome of these attachments' readings, by status. */
export async function summariseAttachmentText(attachmentIds: string[]): Promise<{ status: TextStatus; count: number }[]> {
  const counts = new Map<TextStatus, number>();
  for (let at = 0; at < attachmentIds.length; at += 1_000) {
    const groups = await db.attachment.groupBy({ by: ["textStatus"], where: { id: { in: attachmentIds.slice(at, at + 1_000) } }, _count: { _all: true } });
    for (const group of groups) counts.set(group.textStatus, (counts.get(group.textStatus) ?? 0) + group._count._all);
  }
  return [...counts].map(([status, count]) => ({ status, count })).sort((a, b) => b.count - a.count);
}
