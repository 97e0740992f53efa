import "server-only";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ContributionStatus } from "@/lib/generated/prisma/enums";
import { enqueueEmail, type EmailToSend } from "@/lib/mail/enqueue-email";
import { toContributionState, type ContributionState, type LifecycleRow } from "@/lib/contributions/lifecycle/lifecycle-row";
import { actorRefusal, conflictError, judgeLostRace, judgeTransition, type Actor } from "@/lib/contributions/lifecycle/judge-transition";
import { needsReason, SUBMITTED_STATUS, TRANSITIONS, type LifecycleAction } from "@/lib/contributions/lifecycle/transitions";
import { logTransition, unsafeWriteTransition, type LoggedEvent } from "@/lib/contributions/lifecycle/write-transition";

/** A transition of a contribution that exists. */
export type ChangeRequest = {
  action: Exclude<LifecycleAction, "SUBMIT">;
  /**
   * The contribution as read (lifecycleSelect), found the way the caller may
   * see it: in this transaction, or just before it, as the write is
   * conditional on what was read.
   */
  contribution: LifecycleRow;
  /** The caller, whose role the domain function has required. */
  actor: Actor;
  /** The version the actor acted on; the one read when the request names none. */
  seenVersion?: number;
  /** How many open reports the actor read (dismissing them): more, or others, refuse it. */
  seenOpenFlagCount?: number;
  /** The reason the author is given, asked for once the transition is known to apply, for one that needs a reason. */
  reason?: () => Promise<string>;
  /** The moderators' internal note, logged with the event. */
  note?: string | null;
  /** Runs once the transition is known to apply, right before its conditional write, at the transition's time (a report inserts its Flag row here). */
  beforeWrite?: (now: Date) => Promise<void>;
};

/** The columns a submitted contribution starts with, as the table's SUBMIT row says. */
export type SubmissionStart = { authorId: string; status: ContributionStatus; awaitingSince: Date | null; submittedAt: Date };

/** SUBMIT, the transition that creates the contribution. */
export type SubmissionRequest = {
  action: "SUBMIT";
  /** The author: the contribution is theirs. */
  actor: Actor;
  /** The submission's time, by which the caller judged the consultation open and the phase. */
  at: Date;
  /**
   * Inserts the contribution with these columns and what is the submission's
   * own (reference, phase, text, files), and words the receipt the table says
   * the author is sent.
   */
  create: (start: SubmissionStart) => Promise<{ contribution: Pick<LifecycleRow, "id" | "reference" | "version">; receipt: EmailToSend }>;
};

export type TransitionRequest = ChangeRequest | SubmissionRequest;

export type AppliedTransition = {
  /** The contribution as this transition left it, or as the request found it when it wrote nothing. */
  state: ContributionState;
  /** False for a repeated request, or a transition already done: it answers the current state and writes nothing. */
  written: boolean;
  event: LoggedEvent | null;
  /** The author's e-mails in the outbox, to send after the commit. */
  emailKeys: string[];
};

/**
 * Applies one transition of the table to one contribution, inside the
 * caller's transaction. In order: who may take it (the role, the author, not
 * on one's own contribution); whether it was made on a version that has moved
 * on (refused, naming who moved it and when, unless only the actor's own
 * identical request did: that answers as done); whether it is already done
 * or refused in this status; then the reason, the caller's last step, and the
 * conditional write. A write that matches nothing lost a race to a change
 * committed meanwhile: the contribution is read again and judged the same
 * way. Every refusal is an AppError with the table's words. SUBMIT creates
 * the contribution instead: nothing to judge, nothing to race.
 */
export async function applyTransition(tx: Prisma.TransactionClient, request: TransitionRequest): Promise<AppliedTransition> {
  if (request.action === "SUBMIT") return applySubmission(tx, request);
  const { action, contribution, actor } = request;
  const refusal = actorRefusal(action, contribution, actor);
  if (refusal) throw refusal;
  const seen = { version: request.seenVersion ?? contribution.version, openFlagCount: request.seenOpenFlagCount };
  const judged = { action, contribution, actorId: actor.id, seen };

  const verdict = await judgeTransition(tx, judged);
  if (verdict.kind === "done") return unchanged(contribution);
  if (verdict.kind === "conflict") throw conflictError(verdict.conflict);
  if (verdict.kind === "refused") throw new AppError("INVALID_STATE", verdict.message);

  const reason = await reasonFor(action, request.reason);
  const now = new Date();
  await request.beforeWrite?.(now);
  const written = await unsafeWriteTransition(tx, { action, contribution, actorId: actor.id, reason, note: request.note ?? null, seenOpenFlagCount: request.seenOpenFlagCount, now });
  if (written) return { ...written, written: true };

  const lost = await judgeLostRace(tx, judged);
  if (lost.kind === "conflict") throw conflictError(lost.conflict);
  return unchanged(lost.now);
}

/** The reason the transition gives the author, or null for one that gives none (any reason sent is not kept). */
export async function reasonFor(action: LifecycleAction, resolve: (() => Promise<string>) | undefined): Promise<string | null> {
  if (!needsReason(action)) return null;
  if (!resolve) throw new Error(`${action} needs a reason and the caller gave no way to resolve one`);
  return resolve();
}

async function applySubmission(tx: Prisma.TransactionClient, { actor, at, create }: SubmissionRequest): Promise<AppliedTransition> {
  const { writes, tellsAuthor } = TRANSITIONS.SUBMIT;
  const { contribution, receipt } = await create({
    authorId: actor.id,
    status: SUBMITTED_STATUS,
    awaitingSince: writes.awaitingSince === "now" ? at : null,
    submittedAt: at,
  });
  const event = await logTransition(tx, {
    action: "SUBMIT",
    contribution: { id: contribution.id, authorId: actor.id },
    actorId: actor.id,
    from: null,
    to: SUBMITTED_STATUS,
    reason: null,
    note: null,
    now: at,
  });
  const emailKeys: string[] = [];
  if (tellsAuthor === "receipt") {
    await enqueueEmail(tx, receipt);
    emailKeys.push(receipt.dedupeKey);
  }
  const state = toContributionState({ ...contribution, status: SUBMITTED_STATUS });
  return { state, written: true, event, emailKeys };
}

const unchanged = (contribution: LifecycleRow): AppliedTransition => ({ state: toContributionState(contribution), written: false, event: null, emailKeys: [] });
