import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob, type EnqueuedJob } from "@/lib/jobs/enqueue-job";
import { defineJobHandler } from "@/lib/jobs/job-handler";
import { inSnapshot } from "@/lib/summaries/compute-statistics";
import type { StepOutcome } from "@/lib/summaries/steering/apply-steering";
import { readSteering, type SteeringState } from "@/lib/summaries/steering/read-steering";
import { runThemeComputation } from "@/lib/summaries/theme-job/run-theme-computation";
import { loadThemeInputs, themeInputDigest } from "@/lib/summaries/theme-job/load-theme-inputs";

// The "summary-themes" job: finds a consultation's themes off the request
// path (issue 11) and stores them, steering applied, as its
// ThemeComputation. The live summary reads that row and asks for this job
// when the row is out of date; saving steering asks for it too. One job per
// consultation: asking again while it waits or runs changes nothing, and
// the next view after it finishes sees whether more changed meanwhile.

export const THEME_JOB = "summary-themes";

export const themeJobKey = (consultationId: string) => `${THEME_JOB}:${consultationId}`;

/** Progress is reported in thousandths. */
const PROGRESS_SCALE = 1_000;
const PROGRESS_EVERY_MS = 1_000;

export function requestThemes(consultationId: string, options: { transaction?: Prisma.TransactionClient } = {}): Promise<EnqueuedJob> {
  return enqueueJob({
    kind: THEME_JOB,
    dedupeKey: themeJobKey(consultationId),
    payload: { consultationId },
    maxAttempts: 3,
    again: true,
    transaction: options.transaction,
  });
}

export type ComputeThemesOptions = {
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
  /** Compute even when the stored themes are current (the seed, tests). */
  force?: boolean;
};

/**
 * Finds and stores the themes of a consultation, unless those stored were
 * found from the same contributions with the same steering. Returns whether
 * it computed.
 */
export async function computeAndStoreThemes(consultationId: string, options: ComputeThemesOptions = {}): Promise<boolean> {
  // The texts, their digest and the steering from one snapshot; the engine
  // runs after the transaction, which then holds no connection.
  const { inputs, steering, stored } = await inSnapshot(async (tx) => ({
    inputs: await loadThemeInputs(consultationId, tx),
    steering: await readSteering(consultationId, tx),
    stored: await tx.themeComputation.findUnique({ where: { consultationId }, select: { inputDigest: true, steeringVersion: true } }),
  }));
  if (!options.force && stored && stored.inputDigest === inputs.digest && stored.steeringVersion === steering.version) return false;

  const started = Date.now();
  const computed = await runThemeComputation(
    { contributions: inputs.contributions, answers: inputs.answers, steering: steering.steps },
    { signal: options.signal, onProgress: options.onProgress },
  );
  const data = {
    inputDigest: inputs.digest,
    steeringVersion: steering.version,
    contributionCount: inputs.contributions.length,
    themes: computed.themes,
    placements: computed.placements,
    steeringOutcomes: computed.outcomes,
    engineMs: Date.now() - started,
    computedAt: new Date(),
  };
  await db.themeComputation.upsert({ where: { consultationId }, create: { consultationId, ...data }, update: data });
  return true;
}

export const themeJob = defineJobHandler(z.object({ consultationId: z.string().min(1) }), async (job) => {
  let reportedAt = 0;
  let pending: Promise<void> = Promise.resolve();
  await computeAndStoreThemes(job.payload.consultationId, {
    signal: job.signal,
    onProgress(fraction) {
      const now = Date.now();
      if (now - reportedAt < PROGRESS_EVERY_MS && fraction < 1) return;
      reportedAt = now;
      // One report at a time, in order; a failed report only loses a figure.
      pending = pending.then(() => job.reportProgress(Math.round(fraction * PROGRESS_SCALE), PROGRESS_SCALE)).catch(() => {});
    },
  });
  await pending;
});

export type ThemeStatus = {
  /** missing: never computed; stale: the contributions or the steering changed since. */
  state: "current" | "stale" | "missing";
  computedAt: Date | null;
  /** Contributions the stored themes were found from. */
  contributionCount: number | null;
  /** The job now: waiting, or running with its progress from 0 to 1; null when none waits or runs. */
  job: { status: "PENDING" | "RUNNING"; progress: number | null } | null;
  /** What became of each steering step, once the stored themes carry the steering as it stands. */
  outcomes: StepOutcome[] | null;
};

/**
 * Whether the stored themes of a consultation are current, and what the
 * job is doing. While a job waits or runs the themes count as out of date
 * and the inputs' digest is not taken: the job takes it when it is done,
 * and at 100,000 contributions it is half a second of the database's time
 * that the status, polled every two seconds, would spend again and again.
 */
async function themeStatus(consultationId: string, steeringVersion: number): Promise<ThemeStatus> {
  const [stored, job] = await Promise.all([
    db.themeComputation.findUnique({
      where: { consultationId },
      select: { inputDigest: true, steeringVersion: true, computedAt: true, contributionCount: true, steeringOutcomes: true },
    }),
    db.job.findUnique({ where: { dedupeKey: themeJobKey(consultationId) }, select: { status: true, progressDone: true, progressTotal: true } }),
  ]);
  const active = job?.status === "PENDING" || job?.status === "RUNNING" ? { ...job, status: job.status } : null;
  const digest = stored && !active ? await themeInputDigest(consultationId) : null;
  const state = !stored ? "missing" : stored.steeringVersion === steeringVersion && digest !== null && stored.inputDigest === digest ? "current" : "stale";
  return {
    state,
    computedAt: stored?.computedAt ?? null,
    contributionCount: stored?.contributionCount ?? null,
    job: active ? { status: active.status, progress: active.status === "RUNNING" && active.progressTotal ? active.progressDone / active.progressTotal : null } : null,
    outcomes: stored && stored.steeringVersion === steeringVersion ? (stored.steeringOutcomes as StepOutcome[]) : null,
  };
}

/**
 * The theme status a moderator sees (the live view, and the status it
 * polls), with the steering it is measured against. Themes out of date
 * with no job waiting or running get one: a change that came while the
 * job was running (a steering step, an approval) is not lost when that run
 * stores themes that are already behind.
 */
export type LiveThemeStatus = { status: ThemeStatus; steering: SteeringState };

export async function liveThemeStatus(consultationId: string): Promise<LiveThemeStatus> {
  const steering = await readSteering(consultationId);
  let status = await themeStatus(consultationId, steering.version);
  if (status.state !== "current" && status.job === null) {
    await requestThemes(consultationId);
    status = { ...status, job: { status: "PENDING", progress: null } };
  }
  return { status, steering };
}
