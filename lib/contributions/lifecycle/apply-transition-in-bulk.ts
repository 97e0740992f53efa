import "server-only";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { reasonFor } from "@/lib/contributions/lifecycle/apply-transition";
import type { LifecycleRow } from "@/lib/contributions/lifecycle/lifecycle-row";
import { actorRefusal, conflictPhrase, judgeLostRace, judgeTransition, type Actor } from "@/lib/contributions/lifecycle/judge-transition";
import { STATUS_PHRASES, TRANSITIONS, type DecisionAction } from "@/lib/contributions/lifecycle/transitions";
import { unsafeWriteTransition } from "@/lib/contributions/lifecycle/write-transition";

export type BulkTransitionRequest = {
  action: DecisionAction;
  /** Each contribution as read in this transaction, with the version the moderator saw. */
  items: { contribution: LifecycleRow; seenVersion: number }[];
  actor: Actor;
  reason?: () => Promise<string>;
  note?: string | null;
};

/**
 * A decision on many contributions, all or nothing, inside the caller's
 * transaction: judged like applyTransition, but every contribution concerned
 * by a refusal is named in one message ("Nothing was decided: …"). One that
 * the moderator's own identical request already decided counts as decided and
 * is not written again. Returns the authors' e-mails in the outbox.
 */
export async function applyTransitionInBulk(tx: Prisma.TransactionClient, request: BulkTransitionRequest): Promise<{ emailKeys: string[] }> {
  const { action, items, actor } = request;
  const { ownRefusal } = TRANSITIONS[action];
  const own = items.filter(({ contribution }) => contribution.authorId === actor.id).map(({ contribution }) => contribution.reference);
  if (ownRefusal && own.length > 0) {
    const what = own.length === 1 ? "is your own contribution" : "are your own contributions";
    throw new AppError("FORBIDDEN", `Nothing was decided: ${own.join(", ")} ${what}. ${ownRefusal}`);
  }
  for (const { contribution } of items) {
    const refusal = actorRefusal(action, contribution, actor);
    if (refusal) throw refusal;
  }

  const problems: string[] = [];
  const toWrite: LifecycleRow[] = [];
  for (const { contribution, seenVersion } of items) {
    const verdict = await judgeTransition(tx, { action, contribution, actorId: actor.id, seen: { version: seenVersion } });
    if (verdict.kind === "apply") toWrite.push(contribution);
    if (verdict.kind === "conflict") problems.push(conflictPhrase(contribution.reference, verdict.conflict));
    if (verdict.kind === "refused") problems.push(`${contribution.reference} ${STATUS_PHRASES[contribution.status]}`);
  }
  if (problems.length > 0) throw nothingDecided(problems);

  const reason = await reasonFor(action, request.reason);
  const emailKeys: string[] = [];
  // Rows are locked in id order, so two bulk decisions over overlapping
  // selections wait for each other instead of deadlocking.
  for (const contribution of toWrite.toSorted((a, b) => a.id.localeCompare(b.id))) {
    const written = await unsafeWriteTransition(tx, { action, contribution, actorId: actor.id, reason, note: request.note ?? null, now: new Date() });
    if (written) {
      emailKeys.push(...written.emailKeys);
      continue;
    }
    const lost = await judgeLostRace(tx, { action, contribution, actorId: actor.id, seen: { version: contribution.version } });
    if (lost.kind === "conflict") problems.push(conflictPhrase(contribution.reference, lost.conflict));
  }
  // A concurrent decision got to one of them first: throwing undoes the others.
  if (problems.length > 0) throw nothingDecided(problems);
  return { emailKeys };
}

function nothingDecided(problems: string[]): AppError {
  return new AppError("CONFLICT", `Nothing was decided: ${problems.join("; ")}. Reload the queue and try again.`);
}
