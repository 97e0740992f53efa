import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { PermanentJobError, type JobHandler } from "@/lib/jobs/job-handler";

// The durable job queue's runner, modelled on the e-mail outbox
// (lib/mail/deliver-pending-emails.ts, docs/decisions/0005): each job is
// claimed on its own, right before it runs, by one UPDATE … WHERE id =
// (SELECT … FOR UPDATE SKIP LOCKED), so concurrent runners (app instances,
// `npm run worker`, `npm run attachments:extract`) never take the same job.
// The claim counts the attempt and sets a lease; a runner that dies leaves
// a RUNNING job whose lease runs out, and the job is then claimable again
// (resumed after a crash). The work itself runs outside any transaction.
// Timestamps are compared and written as UTC wall-clock values.

/** How long a claimed job is another runner's to leave alone; progress reports renew it. */
export const JOB_LEASE_MS = 5 * 60_000;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 60 * 60_000;
/** Jobs run by one call at most: the worker loop also has e-mails to send. */
const BATCH_SIZE = 10;

/** Wait before the attempt after `attempts` failed ones: 30 s, 1, 2, 4 … minutes, at most an hour. */
export function jobRetryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

export type JobHandlers = Readonly<Record<string, JobHandler>>;

export type JobRunReport = { done: number; retrying: number; failed: number; released: number };

type Claimed = { id: string; kind: string; payload: unknown; attempts: number; maxAttempts: number };

const utc = (date: Date) => Prisma.sql`${date.toISOString()}::timestamptz AT TIME ZONE 'UTC'`;

async function claimNextDueJob(now: Date, kinds: string[]): Promise<Claimed | null> {
  const leasedUntil = new Date(now.getTime() + JOB_LEASE_MS);
  const [claimed] = await db.$queryRaw<Claimed[]>`
    UPDATE "Job"
    SET "status" = 'RUNNING', "attempts" = "attempts" + 1, "leasedUntil" = ${utc(leasedUntil)}, "updatedAt" = ${utc(now)}
    WHERE "id" = (
      SELECT "id" FROM "Job"
      WHERE "kind" IN (${Prisma.join(kinds)})
        AND (("status" = 'PENDING' AND "runAfter" <= ${utc(now)})
          OR ("status" = 'RUNNING' AND "leasedUntil" <= ${utc(now)} AND "attempts" < "maxAttempts"))
      ORDER BY "runAfter", "createdAt"
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "kind", "payload", "attempts", "maxAttempts"`;
  return claimed ?? null;
}

/**
 * A job whose runner died during its last attempt is not claimed again (it
 * may be what kills runners): it is FAILED once its lease has run out.
 */
async function failAbandonedLastAttempts(now: Date, kinds: string[]): Promise<number> {
  return db.$executeRaw`
    UPDATE "Job"
    SET "status" = 'FAILED', "leasedUntil" = NULL, "finishedAt" = ${utc(now)}, "updatedAt" = ${utc(now)},
        "lastError" = 'The worker stopped during the last attempt (its lease ran out).'
    WHERE "kind" IN (${Prisma.join(kinds)}) AND "status" = 'RUNNING' AND "leasedUntil" <= ${utc(now)} AND "attempts" >= "maxAttempts"`;
}

/** Only the runner holding the claim (this attempt) may change the job: a runner whose lease ran out changes nothing. */
const stillClaimed = (job: Pick<Claimed, "id" | "attempts">) => ({ id: job.id, status: "RUNNING" as const, attempts: job.attempts });

/**
 * Records a running job's progress for the people waiting on it, and renews
 * its lease (a long job that reports progress is not taken over). With
 * `attempt`, only while that attempt holds the claim.
 */
export async function reportProgress(jobId: string, done: number, total: number | null, attempt?: number): Promise<void> {
  await db.job.updateMany({
    where: attempt === undefined ? { id: jobId, status: "RUNNING" } : stillClaimed({ id: jobId, attempts: attempt }),
    data: {
      progressDone: Math.max(0, Math.trunc(done)),
      progressTotal: total === null ? null : Math.max(0, Math.trunc(total)),
      leasedUntil: new Date(Date.now() + JOB_LEASE_MS),
    },
  });
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 2000);

/**
 * Claims and runs the due jobs of the kinds in `handlers`, one after the
 * other, until none is due or BATCH_SIZE have run. A handler that returns
 * finishes its job (DONE); one that throws schedules another attempt with
 * back-off, or FAILS the job after its last attempt (at once for a
 * PermanentJobError). Once `signal` is aborted no further job is claimed,
 * and a handler that gives up because of it leaves its job due again with
 * the attempt not counted. `now` stands for the clock (tests).
 */
export async function runDueJobs(options: { handlers: JobHandlers; signal?: AbortSignal; now?: () => Date; limit?: number }): Promise<JobRunReport> {
  const clock = options.now ?? (() => new Date());
  const kinds = Object.keys(options.handlers);
  const report: JobRunReport = { done: 0, retrying: 0, failed: 0, released: 0 };
  if (kinds.length === 0) return report;
  const signal = options.signal ?? new AbortController().signal;
  report.failed += await failAbandonedLastAttempts(clock(), kinds);

  for (let ran = 0; ran < (options.limit ?? BATCH_SIZE) && !signal.aborted; ran += 1) {
    const job = await claimNextDueJob(clock(), kinds);
    if (!job) break;
    const handler = options.handlers[job.kind];
    try {
      if (!handler) throw new PermanentJobError(`No handler for jobs of kind "${job.kind}".`);
      await handler.run({
        id: job.id,
        payload: job.payload,
        attempt: job.attempts,
        maxAttempts: job.maxAttempts,
        signal,
        reportProgress: (done, total) => reportProgress(job.id, done, total, job.attempts),
      });
      await db.job.updateMany({ where: stillClaimed(job), data: { status: "DONE", leasedUntil: null, lastError: null, finishedAt: clock() } });
      report.done += 1;
    } catch (error) {
      const lastError = errorText(error);
      if (signal.aborted && !(error instanceof PermanentJobError)) {
        await db.job.updateMany({ where: stillClaimed(job), data: { status: "PENDING", attempts: job.attempts - 1, leasedUntil: null, runAfter: clock() } });
        report.released += 1;
        continue;
      }
      const giveUp = error instanceof PermanentJobError || job.attempts >= job.maxAttempts;
      await db.job.updateMany({
        where: stillClaimed(job),
        data: giveUp
          ? { status: "FAILED", leasedUntil: null, lastError, finishedAt: clock() }
          : { status: "PENDING", leasedUntil: null, lastError, runAfter: new Date(clock().getTime() + jobRetryDelayMs(job.attempts)) },
      });
      if (giveUp) report.failed += 1;
      else report.retrying += 1;
      console.warn(`[jobs] ${job.kind} job ${job.id} failed (attempt ${job.attempts} of ${job.maxAttempts}${giveUp ? ", giving up" : ""}): ${lastError}`);
    }
  }
  return report;
}
