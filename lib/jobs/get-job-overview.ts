import "server-only";
import { requireRole } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import type { JobStatus } from "@/lib/generated/prisma/enums";
import { jobKindLabel } from "@/lib/jobs/job-kinds";

// What the background worker is doing and has done, for moderators and
// admins (app/moderation/jobs): counts by kind and status, the running jobs
// with their progress, the jobs waiting for another attempt and the failed
// ones with their last error.

export const JOB_LIST_LIMIT = 20;

export type JobCounts = { kind: string; label: string } & Record<JobStatus, number>;

export type JobSummary = {
  id: string;
  kind: string;
  label: string;
  /** What the job works on, in words (a file name), when known. */
  subject: string | null;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  progressDone: number;
  progressTotal: number | null;
  lastError: string | null;
  runAfter: Date;
  updatedAt: Date;
  finishedAt: Date | null;
};

export type JobOverview = {
  counts: JobCounts[];
  running: JobSummary[];
  /** Pending after a failed attempt: they run again at runAfter. */
  retrying: JobSummary[];
  failed: JobSummary[];
  now: Date;
};

const summarySelect = {
  id: true,
  kind: true,
  payload: true,
  status: true,
  attempts: true,
  maxAttempts: true,
  progressDone: true,
  progressTotal: true,
  lastError: true,
  runAfter: true,
  updatedAt: true,
  finishedAt: true,
} as const;

type JobRow = { id: string; kind: string; payload: unknown } & Omit<JobSummary, "label" | "subject">;

function attachmentIdOf(payload: unknown): string | null {
  if (typeof payload !== "object" || payload === null || !("attachmentId" in payload)) return null;
  return typeof payload.attachmentId === "string" ? payload.attachmentId : null;
}

/** File names for the attachment jobs among `rows`. */
async function subjects(rows: JobRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((row) => attachmentIdOf(row.payload)).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const attachments = await db.attachment.findMany({ where: { id: { in: ids } }, select: { id: true, fileName: true } });
  return new Map(attachments.map((attachment) => [attachment.id, attachment.fileName]));
}

/** Moderators and admins. */
export async function getJobOverview(): Promise<JobOverview> {
  await requireRole("MODERATOR");
  const now = new Date();
  const [grouped, running, retrying, failed] = await Promise.all([
    db.job.groupBy({ by: ["kind", "status"], _count: { _all: true }, orderBy: [{ kind: "asc" }, { status: "asc" }] }),
    db.job.findMany({ where: { status: "RUNNING" }, orderBy: [{ updatedAt: "desc" }, { id: "asc" }], take: JOB_LIST_LIMIT, select: summarySelect }),
    db.job.findMany({ where: { status: "PENDING", attempts: { gt: 0 } }, orderBy: [{ runAfter: "asc" }, { id: "asc" }], take: JOB_LIST_LIMIT, select: summarySelect }),
    db.job.findMany({ where: { status: "FAILED" }, orderBy: [{ finishedAt: "desc" }, { id: "asc" }], take: JOB_LIST_LIMIT, select: summarySelect }),
  ]);

  const byKind = new Map<string, JobCounts>();
  for (const group of grouped) {
    const counts = byKind.get(group.kind) ?? { kind: group.kind, label: jobKindLabel(group.kind), PENDING: 0, RUNNING: 0, DONE: 0, FAILED: 0 };
    counts[group.status] = group._count._all;
    byKind.set(group.kind, counts);
  }

  const names = await subjects([...running, ...retrying, ...failed]);
  const summary = ({ payload, ...row }: JobRow): JobSummary => {
    const attachmentId = attachmentIdOf(payload);
    return { ...row, label: jobKindLabel(row.kind), subject: attachmentId ? (names.get(attachmentId) ?? null) : null };
  };
  return { counts: [...byKind.values()], running: running.map(summary), retrying: retrying.map(summary), failed: failed.map(summary), now };
}
