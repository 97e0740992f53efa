import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { sweepUnattachedAttachments } from "@/lib/attachments/sweep-unattached-attachments";
import { getEnv } from "@/lib/env";
import { jobHandlers } from "@/lib/worker/job-handlers";
import { runDueJobs, type JobHandlers } from "@/lib/jobs/run-due-jobs";
import { deliverPendingEmails } from "@/lib/mail/deliver-pending-emails";

const HOUR_MS = 60 * 60_000;

export type WorkerLogger = {
  info(line: string): void;
  error(line: string, error: unknown): void;
};

export type WorkerOptions = {
  /** How long to wait when no e-mail and no job is due. Default: WORKER_POLL_MS. */
  pollMs?: number;
  /** Time between two attachment sweeps; the first runs at start. Default: one hour. */
  sweepEveryMs?: number;
  /** Stop on SIGTERM and SIGINT, once the e-mail being sent is done. */
  stopOnSignals?: boolean;
  logger?: WorkerLogger;
  /** The background jobs it runs, by kind. Default: every registered kind (lib/worker/job-handlers.ts). */
  jobHandlers?: JobHandlers;
};

export type Worker = {
  /** Asks the loop to stop; resolves once it has. */
  stop(): Promise<void>;
  /** Resolves once the loop has stopped, whatever stopped it. */
  stopped: Promise<void>;
};

const consoleLogger: WorkerLogger = {
  info: (line) => console.info(line),
  error: (line, error) => console.error(line, error),
};

/**
 * The background worker (docs/decisions/0005-background-worker.md): sends
 * the due e-mails of the outbox and runs the due background jobs (lib/jobs),
 * batch after batch until none is due, then waits `pollMs` and looks again;
 * sweeps unattached uploads at start and every `sweepEveryMs`. An error is
 * logged and the loop goes on: the outbox keeps every e-mail until it is
 * sent and the job table every job until it is done, so the next round
 * tries again. Several workers may run at once (one per app instance, or
 * their own processes): each e-mail and each job is claimed by one of them.
 */
export function startWorker(options: WorkerOptions = {}): Worker {
  const pollMs = options.pollMs ?? getEnv().workerPollMs;
  const sweepEveryMs = options.sweepEveryMs ?? HOUR_MS;
  const logger = options.logger ?? consoleLogger;
  const handlers = options.jobHandlers ?? jobHandlers;
  const controller = new AbortController();
  const { signal } = controller;

  const onSignal = (name: NodeJS.Signals) => {
    logger.info(`[worker] ${name}: stopping once the e-mail being sent is done`);
    controller.abort();
  };
  if (options.stopOnSignals) {
    // once: a second Ctrl-C gets the default behaviour and ends the process at once.
    process.once("SIGTERM", onSignal);
    process.once("SIGINT", onSignal);
  }

  async function deliverBatch(): Promise<boolean> {
    try {
      const report = await deliverPendingEmails({ signal });
      const tried = report.sent + report.retrying + report.failed;
      if (tried > 0) logger.info(`[worker] e-mail batch: ${report.sent} sent, ${report.retrying} to retry, ${report.failed} given up`);
      return tried > 0;
    } catch (error) {
      logger.error(`[worker] e-mail delivery failed; trying again in ${pollMs} ms`, error);
      return false;
    }
  }

  async function runJobs(): Promise<boolean> {
    try {
      const report = await runDueJobs({ handlers, signal });
      const ran = report.done + report.retrying + report.failed + report.released;
      if (ran > 0) logger.info(`[worker] job batch: ${report.done} done, ${report.retrying} to retry, ${report.failed} given up${report.released ? `, ${report.released} left for later` : ""}`);
      return report.done + report.retrying > 0;
    } catch (error) {
      logger.error(`[worker] background jobs failed; trying again in ${pollMs} ms`, error);
      return false;
    }
  }

  async function sweep(): Promise<void> {
    try {
      const report = await sweepUnattachedAttachments();
      logger.info(
        `[worker] attachment sweep: ${report.attachments} unattached attachments, ${report.files} unreferenced files, ${report.tempFiles} temporary files removed`,
      );
    } catch (error) {
      logger.error("[worker] attachment sweep failed; it runs again at the next sweep time", error);
    }
  }

  async function run(): Promise<void> {
    let nextSweepAt = 0;
    while (!signal.aborted) {
      const mailBusy = await deliverBatch();
      if (signal.aborted) break;
      const jobsBusy = await runJobs();
      if (signal.aborted) break;
      const busy = mailBusy || jobsBusy;
      if (Date.now() >= nextSweepAt) {
        await sweep();
        nextSweepAt = Date.now() + sweepEveryMs;
      }
      // A batch that tried something may have left more due e-mails or jobs behind.
      if (!busy) await sleep(pollMs, undefined, { signal }).catch(() => {});
    }
    logger.info("[worker] stopped");
  }

  const stopped = run().finally(() => {
    process.off("SIGTERM", onSignal);
    process.off("SIGINT", onSignal);
  });
  return {
    stopped,
    stop() {
      controller.abort();
      return stopped;
    },
  };
}
