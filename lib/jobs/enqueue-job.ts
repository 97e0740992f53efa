import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { JobStatus } from "@/lib/generated/prisma/enums";

export type EnqueueJobInput = {
  /** A kind with a handler in lib/worker/job-handlers.ts. */
  kind: string;
  /** One job per key: enqueuing it again changes nothing while it waits or runs. */
  dedupeKey: string;
  payload?: Prisma.InputJsonObject;
  /** Not before this time (default: now). */
  runAfter?: Date;
  maxAttempts?: number;
  /**
   * Run a job that is DONE or FAILED once more: it starts afresh (attempts,
   * progress and error cleared, the new payload). A job that waits or runs
   * is left as it is.
   */
  again?: boolean;
  /** Enqueue in the caller's transaction: the job exists if and only if the caller's change commits. */
  transaction?: Prisma.TransactionClient;
};

export type EnqueuedJob = { id: string; status: JobStatus; created: boolean };

/**
 * Adds a background job (docs/decisions/0012-attachment-text.md, "The job
 * queue"), idempotent on its dedupe key: concurrent calls with one key make
 * one row (INSERT … ON CONFLICT DO NOTHING). Timestamps are written by the
 * client as UTC, as the e-mail outbox's are.
 */
export async function enqueueJob(input: EnqueueJobInput): Promise<EnqueuedJob> {
  const client = input.transaction ?? db;
  const now = new Date();
  const payload = input.payload ?? {};
  const { count } = await client.job.createMany({
    data: [
      {
        kind: input.kind,
        dedupeKey: input.dedupeKey,
        payload,
        runAfter: input.runAfter ?? now,
        createdAt: now,
        ...(input.maxAttempts === undefined ? {} : { maxAttempts: input.maxAttempts }),
      },
    ],
    skipDuplicates: true,
  });
  if (count === 0 && input.again) {
    await client.job.updateMany({
      where: { dedupeKey: input.dedupeKey, status: { in: ["DONE", "FAILED"] } },
      data: {
        status: "PENDING",
        payload,
        attempts: 0,
        runAfter: input.runAfter ?? now,
        leasedUntil: null,
        progressDone: 0,
        progressTotal: null,
        lastError: null,
        finishedAt: null,
        ...(input.maxAttempts === undefined ? {} : { maxAttempts: input.maxAttempts }),
      },
    });
  }
  const job = await client.job.findUniqueOrThrow({ where: { dedupeKey: input.dedupeKey }, select: { id: true, status: true } });
  return { ...job, created: count === 1 };
}
