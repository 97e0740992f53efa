import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { getJobOverview } from "@/lib/jobs/get-job-overview";
import { defineJobHandler, PermanentJobError, type JobHandler } from "@/lib/jobs/job-handler";
import { JOB_LEASE_MS, jobRetryDelayMs, reportProgress, runDueJobs } from "@/lib/jobs/run-due-jobs";
import { z } from "zod";
import { createTestUser, type TestUser } from "../helpers/factories";
import { signInAs, signOut } from "../helpers/session";

// The durable job queue on a real database (PGlite and PostgreSQL): claims
// under concurrency, leases, back-off, giving up, idempotent enqueueing, and
// who may see the jobs.

const MINUTE = 60_000;
const key = (label: string) => `test:${label}:${randomBytes(4).toString("hex")}`;
const job = (dedupeKey: string) => db.job.findUniqueOrThrow({ where: { dedupeKey } });
const at = (base: Date, ms: number) => () => new Date(base.getTime() + ms);

/** A kind of its own per test, so that one test's jobs never run in another's runner. */
function kindFor(label: string): string {
  return `test-${label}-${randomBytes(3).toString("hex")}`;
}

const recording = (ran: string[], work: (id: string) => Promise<void> = async () => {}): JobHandler => ({
  async run(context) {
    ran.push(context.id);
    await work(context.id);
  },
});

let participant: TestUser;
let moderator: TestUser;
let admin: TestUser;

beforeAll(async () => {
  [participant, moderator, admin] = await Promise.all([createTestUser(), createTestUser({ role: "MODERATOR" }), createTestUser({ role: "ADMIN" })]);
});

beforeEach(() => signOut());

describe("enqueueJob", () => {
  it("makes one job per dedupe key, however many enqueue it at once", async () => {
    const kind = kindFor("dedupe");
    const dedupeKey = key("dedupe");
    const results = await Promise.all(Array.from({ length: 8 }, () => enqueueJob({ kind, dedupeKey, payload: { n: 1 } })));
    expect(new Set(results.map((result) => result.id)).size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(await db.job.count({ where: { dedupeKey } })).toBe(1);
    expect(await job(dedupeKey)).toMatchObject({ kind, status: "PENDING", attempts: 0, payload: { n: 1 } });
  });

  it("exists only if the caller's transaction commits", async () => {
    const dedupeKey = key("rollback");
    await expect(
      db.$transaction(async (tx) => {
        await enqueueJob({ kind: kindFor("rollback"), dedupeKey, transaction: tx });
        throw new Error("the caller's change failed");
      }),
    ).rejects.toThrow("the caller's change failed");
    expect(await db.job.count({ where: { dedupeKey } })).toBe(0);
  });

  it("runs a finished job again only when asked to, and leaves a waiting one as it is", async () => {
    const kind = kindFor("again");
    const dedupeKey = key("again");
    const ran: string[] = [];
    await enqueueJob({ kind, dedupeKey, payload: { version: 1 } });
    await runDueJobs({ handlers: { [kind]: recording(ran) } });
    expect(await job(dedupeKey)).toMatchObject({ status: "DONE", attempts: 1 });

    expect(await enqueueJob({ kind, dedupeKey, payload: { version: 2 } })).toMatchObject({ status: "DONE", created: false });
    expect(await job(dedupeKey)).toMatchObject({ status: "DONE", payload: { version: 1 } });

    expect(await enqueueJob({ kind, dedupeKey, payload: { version: 2 }, again: true })).toMatchObject({ status: "PENDING", created: false });
    expect(await job(dedupeKey)).toMatchObject({ status: "PENDING", attempts: 0, payload: { version: 2 }, finishedAt: null, progressDone: 0, lastError: null });
    await enqueueJob({ kind, dedupeKey, payload: { version: 3 }, again: true });
    expect(await job(dedupeKey)).toMatchObject({ payload: { version: 2 } });

    await runDueJobs({ handlers: { [kind]: recording(ran) } });
    expect(ran).toHaveLength(2);
    expect(await job(dedupeKey)).toMatchObject({ status: "DONE", attempts: 1 });
  });
});

describe("runDueJobs", () => {
  it("never gives one job to two runners at once, and runs every job once", async () => {
    const kind = kindFor("concurrent");
    const keys = Array.from({ length: 16 }, (_, index) => key(`concurrent-${index}`));
    for (const dedupeKey of keys) await enqueueJob({ kind, dedupeKey });
    const ran: string[] = [];
    const running = new Set<string>();
    let overlap = false;
    const handler = recording(ran, async (id) => {
      if (running.has(id)) overlap = true;
      running.add(id);
      await sleep(20);
      running.delete(id);
    });
    const reports = await Promise.all([
      runDueJobs({ handlers: { [kind]: handler }, limit: 100 }),
      runDueJobs({ handlers: { [kind]: handler }, limit: 100 }),
      runDueJobs({ handlers: { [kind]: handler }, limit: 100 }),
    ]);
    expect(overlap).toBe(false);
    expect(ran).toHaveLength(16);
    expect(new Set(ran).size).toBe(16);
    expect(reports.reduce((sum, report) => sum + report.done, 0)).toBe(16);
    expect(await db.job.count({ where: { kind, status: "DONE", attempts: 1 } })).toBe(16);
  });

  it("runs only the kinds it has handlers for, and only jobs that are due", async () => {
    const kind = kindFor("due");
    const other = kindFor("other");
    const later = key("later");
    const now = key("now");
    const elsewhere = key("elsewhere");
    await enqueueJob({ kind, dedupeKey: later, runAfter: new Date(Date.now() + 10 * MINUTE) });
    await enqueueJob({ kind, dedupeKey: now });
    await enqueueJob({ kind: other, dedupeKey: elsewhere });
    const ran: string[] = [];
    await runDueJobs({ handlers: { [kind]: recording(ran) } });
    expect(ran).toEqual([(await job(now)).id]);
    expect(await job(later)).toMatchObject({ status: "PENDING", attempts: 0 });
    expect(await job(elsewhere)).toMatchObject({ status: "PENDING", attempts: 0 });
  });

  it("resumes a job whose runner died once its lease runs out, and a late runner changes nothing", async () => {
    const kind = kindFor("lease");
    const dedupeKey = key("lease");
    await enqueueJob({ kind, dedupeKey });
    const start = new Date();
    let releaseFirst: () => void = () => {};
    const firstHolds = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    let claimed: () => void = () => {};
    const firstClaimed = new Promise<void>((resolve) => {
      claimed = resolve;
    });
    // The first runner takes the job and hangs (as a dead one would).
    const first = runDueJobs({
      handlers: {
        [kind]: {
          async run() {
            claimed();
            await firstHolds;
            throw new Error("the first runner's late failure");
          },
        },
      },
      now: () => start,
    });
    await firstClaimed;
    expect(await job(dedupeKey)).toMatchObject({ status: "RUNNING", attempts: 1 });

    // Within the lease, nobody else takes it.
    const ran: string[] = [];
    await runDueJobs({ handlers: { [kind]: recording(ran) }, now: at(start, JOB_LEASE_MS - 1_000) });
    expect(ran).toEqual([]);

    // After it, another runner resumes the job and finishes it.
    await runDueJobs({ handlers: { [kind]: recording(ran) }, now: at(start, JOB_LEASE_MS + 1_000) });
    expect(ran).toHaveLength(1);
    expect(await job(dedupeKey)).toMatchObject({ status: "DONE", attempts: 2 });

    // The first runner's failure comes too late to change anything.
    vi.spyOn(console, "warn").mockImplementation(() => {});
    releaseFirst();
    expect(await first).toMatchObject({ retrying: 1 });
    expect(await job(dedupeKey)).toMatchObject({ status: "DONE", attempts: 2, lastError: null });
  });

  it("retries a failed job with growing back-off, then gives up after its last attempt", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const kind = kindFor("backoff");
    const dedupeKey = key("backoff");
    await enqueueJob({ kind, dedupeKey, maxAttempts: 3 });
    const failing: JobHandler = {
      async run(context) {
        throw new Error(`disk away (attempt ${context.attempt})`);
      },
    };
    const start = new Date();
    expect(await runDueJobs({ handlers: { [kind]: failing }, now: () => start })).toMatchObject({ retrying: 1 });
    const afterFirst = await job(dedupeKey);
    expect(afterFirst).toMatchObject({ status: "PENDING", attempts: 1, lastError: "disk away (attempt 1)", leasedUntil: null });
    expect(afterFirst.runAfter.getTime()).toBe(start.getTime() + jobRetryDelayMs(1));

    // Not before its time.
    expect(await runDueJobs({ handlers: { [kind]: failing }, now: at(start, jobRetryDelayMs(1) - 1_000) })).toMatchObject({ retrying: 0 });
    const second = at(start, jobRetryDelayMs(1) + 1_000);
    expect(await runDueJobs({ handlers: { [kind]: failing }, now: second })).toMatchObject({ retrying: 1 });
    const afterSecond = await job(dedupeKey);
    expect(afterSecond).toMatchObject({ status: "PENDING", attempts: 2, lastError: "disk away (attempt 2)" });
    expect(afterSecond.runAfter.getTime()).toBe(second().getTime() + jobRetryDelayMs(2));
    expect(jobRetryDelayMs(2)).toBe(2 * jobRetryDelayMs(1));

    const third = at(start, 10 * MINUTE);
    expect(await runDueJobs({ handlers: { [kind]: failing }, now: third })).toMatchObject({ failed: 1 });
    expect(await job(dedupeKey)).toMatchObject({ status: "FAILED", attempts: 3, lastError: "disk away (attempt 3)", finishedAt: third() });
    expect(warn).toHaveBeenLastCalledWith(expect.stringMatching(/failed \(attempt 3 of 3, giving up\): disk away \(attempt 3\)$/));

    // FAILED stays failed.
    expect(await runDueJobs({ handlers: { [kind]: failing }, now: at(start, 60 * MINUTE) })).toEqual({ done: 0, retrying: 0, failed: 0, released: 0 });
  });

  it("fails a job at once on a payload its handler refuses, or a permanent error", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    warn.mockClear();
    const kind = kindFor("permanent");
    const badPayload = key("bad-payload");
    const gone = key("gone");
    await enqueueJob({ kind, dedupeKey: badPayload, payload: { attachmentId: 42 } });
    await enqueueJob({ kind, dedupeKey: gone, payload: { attachmentId: "x" } });
    const handler = defineJobHandler(z.object({ attachmentId: z.string() }), async () => {
      throw new PermanentJobError("The record is gone for good.");
    });
    expect(await runDueJobs({ handlers: { [kind]: handler } })).toMatchObject({ failed: 2 });
    expect(await job(badPayload)).toMatchObject({ status: "FAILED", attempts: 1, lastError: expect.stringMatching(/^The job's payload is not valid: /) });
    expect(await job(gone)).toMatchObject({ status: "FAILED", attempts: 1, lastError: "The record is gone for good." });
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it("fails a job whose runner died during its last attempt, rather than run it again", async () => {
    const kind = kindFor("abandoned");
    const dedupeKey = key("abandoned");
    await enqueueJob({ kind, dedupeKey, maxAttempts: 1 });
    await db.job.update({ where: { dedupeKey }, data: { status: "RUNNING", attempts: 1, leasedUntil: new Date(Date.now() - 1_000) } });
    const ran: string[] = [];
    expect(await runDueJobs({ handlers: { [kind]: recording(ran) } })).toMatchObject({ failed: 1, done: 0 });
    expect(ran).toEqual([]);
    expect(await job(dedupeKey)).toMatchObject({ status: "FAILED", lastError: "The worker stopped during the last attempt (its lease ran out)." });
  });

  it("records progress and renews the lease while the job runs", async () => {
    const kind = kindFor("progress");
    const dedupeKey = key("progress");
    const start = new Date(Date.now() - 2 * JOB_LEASE_MS);
    await enqueueJob({ kind, dedupeKey, runAfter: start });
    let seen: { progressDone: number; progressTotal: number | null; leasedUntil: Date | null } | undefined;
    await runDueJobs({
      handlers: {
        [kind]: {
          async run(context) {
            await context.reportProgress(7, 20);
            seen = await db.job.findUniqueOrThrow({ where: { id: context.id }, select: { progressDone: true, progressTotal: true, leasedUntil: true } });
          },
        },
      },
      // Claimed "long ago": without the renewal, its lease would have run out.
      now: () => start,
    });
    expect(seen).toMatchObject({ progressDone: 7, progressTotal: 20 });
    expect(seen?.leasedUntil?.getTime()).toBeGreaterThan(Date.now() + JOB_LEASE_MS - MINUTE);
    // A report for a job that is not running changes nothing.
    await reportProgress((await job(dedupeKey)).id, 99, 100);
    expect(await job(dedupeKey)).toMatchObject({ status: "DONE", progressDone: 7 });
  });

  it("leaves a job the worker stopped during due again, without counting the attempt", async () => {
    const kind = kindFor("abort");
    const dedupeKey = key("abort");
    const next = key("abort-next");
    await enqueueJob({ kind, dedupeKey });
    await enqueueJob({ kind, dedupeKey: next, runAfter: new Date(Date.now() + 1_000) });
    const controller = new AbortController();
    const ran: string[] = [];
    const report = await runDueJobs({
      handlers: {
        [kind]: {
          async run(context) {
            ran.push(context.id);
            controller.abort();
            throw new DOMException("stopped", "AbortError");
          },
        },
      },
      signal: controller.signal,
      now: () => new Date(Date.now() + 2_000),
    });
    expect(report).toEqual({ done: 0, retrying: 0, failed: 0, released: 1 });
    expect(ran).toHaveLength(1);
    expect(await job(dedupeKey)).toMatchObject({ status: "PENDING", attempts: 0, leasedUntil: null });
    expect(await job(next)).toMatchObject({ status: "PENDING", attempts: 0 });
  });
});

describe("getJobOverview", () => {
  it("refuses visitors and participants", async () => {
    await expect(getJobOverview()).rejects.toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
    await signInAs(participant.id);
    await expect(getJobOverview()).rejects.toMatchObject({ status: 403, code: "FORBIDDEN" });
  });

  it("shows moderators and admins the counts, running jobs with progress, retries and failures", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const kind = kindFor("overview");
    const keys = { done: key("o-done"), running: key("o-running"), retrying: key("o-retry"), failed: key("o-failed"), waiting: key("o-wait") };
    for (const dedupeKey of Object.values(keys)) await enqueueJob({ kind, dedupeKey, payload: { which: dedupeKey }, maxAttempts: dedupeKey === keys.failed ? 1 : 3 });
    let release: () => void = () => {};
    const hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    let reported: () => void = () => {};
    const progressReported = new Promise<void>((resolve) => {
      reported = resolve;
    });
    const handler: JobHandler = {
      async run(context) {
        const { which } = context.payload as { which: string };
        if (which === keys.done) return;
        if (which === keys.running) {
          await context.reportProgress(3, 12);
          reported();
          await hold;
          return;
        }
        if (which === keys.waiting) throw new DOMException("not now", "AbortError");
        throw new Error(`could not do ${which === keys.failed ? "the failing one" : "the retried one"}`);
      },
    };
    await db.job.update({ where: { dedupeKey: keys.waiting }, data: { runAfter: new Date(Date.now() + 10 * MINUTE) } });
    const run = runDueJobs({ handlers: { [kind]: handler }, limit: 10 });
    await progressReported;

    for (const user of [moderator, admin]) {
      await signInAs(user.id);
      const overview = await getJobOverview();
      expect(overview.counts.find((row) => row.kind === kind)).toMatchObject({ RUNNING: 1, DONE: 1, PENDING: 3 });
      expect(overview.running.find((row) => row.kind === kind)).toMatchObject({ progressDone: 3, progressTotal: 12, attempts: 1, status: "RUNNING" });
    }
    release();
    await run;
    const overview = await getJobOverview();
    expect(overview.counts.find((row) => row.kind === kind)).toEqual({ kind, label: kind, PENDING: 2, RUNNING: 0, DONE: 2, FAILED: 1 });
    expect(overview.failed.find((row) => row.kind === kind)).toMatchObject({ lastError: "could not do the failing one", attempts: 1, subject: null });
    expect(overview.retrying.find((row) => row.kind === kind)).toMatchObject({ lastError: "could not do the retried one", attempts: 1 });
  });
});
