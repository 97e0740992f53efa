import "server-only";
import { ATTACHMENT_TEXT_JOB, attachmentTextJob } from "@/lib/attachments/text/attachment-text-job";
import type { JobHandlers } from "@/lib/jobs/run-due-jobs";
import { THEME_JOB, themeJob } from "@/lib/summaries/theme-job/theme-job";

/**
 * Every kind of background job the worker runs, by kind. A kind of work
 * registers here (its handler in its own domain folder), and its label in
 * lib/jobs/job-kinds.ts.
 */
export const jobHandlers: JobHandlers = {
  [ATTACHMENT_TEXT_JOB]: attachmentTextJob,
  [THEME_JOB]: themeJob,
};
