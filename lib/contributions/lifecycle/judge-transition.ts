import "server-only";
import { canModerate } from "@/lib/auth/roles";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ModerationAction, Role } from "@/lib/generated/prisma/enums";
import { lifecycleSelect, type LifecycleRow } from "@/lib/contributions/lifecycle/lifecycle-row";
import { LIFECYCLE_ACTIONS, NOT_APPLIED, TRANSITIONS, transitionRefusal, type LifecycleAction, type StaleWording } from "@/lib/contributions/lifecycle/transitions";

// Whether a transition applies to a contribution as it was read, and, when it
// does not, why: the checks applyTransition and applyTransitionInBulk share,
// each of which words the answer its own way (one message, or one phrase per
// contribution of a bulk decision).

export type Actor = { id: string; role: Role };

/** What the actor saw: the version they acted on, and the open reports they read (dismissing them). */
export type Seen = { version: number; openFlagCount?: number };

/** Why the actor's view is out of date: who changed it and when, as the log tells; or what the table says. */
export type Conflict = { kind: "logged"; wording: StaleWording; who: string; at: string } | { kind: "unknown" } | { kind: "fixed"; error: AppError };

export type Verdict =
  | { kind: "apply" }
  /** Already done: the same actor's repeated request, or a status the transition is done in. */
  | { kind: "done" }
  | { kind: "conflict"; conflict: Conflict }
  | { kind: "refused"; message: string };

// The transitions that move the version on, by the action they log: the log
// tells a stale actor which of them did.
const STALE_WORDING = new Map<ModerationAction, StaleWording>(
  LIFECYCLE_ACTIONS.flatMap((action) => {
    const { writes, logs, staleAs } = TRANSITIONS[action];
    return writes.version === "increment" && logs && staleAs ? [[logs.action, staleAs] as const] : [];
  }),
);

/** Who may take it on this contribution: the role it needs, the author (or anyone but the author). */
export function actorRefusal(action: LifecycleAction, contribution: Pick<LifecycleRow, "authorId">, actor: Actor): AppError | null {
  const transition = TRANSITIONS[action];
  if (transition.by === "moderator" && !canModerate(actor.role)) return forbidden();
  // Someone else's contribution is "not found" to an author, as on every page.
  if (transition.by === "author" && contribution.authorId !== actor.id) return notFound("This contribution");
  if (transition.ownRefusal && contribution.authorId === actor.id) return new AppError("FORBIDDEN", transition.ownRefusal);
  return null;
}

/**
 * Judges the transition on the contribution as read:
 * made on a version that has moved on (unless only by the actor's identical
 * request), already done, refused in this state, or applicable.
 */
export async function judgeTransition(
  tx: Prisma.TransactionClient,
  { action, contribution, actorId, seen }: { action: LifecycleAction; contribution: LifecycleRow; actorId: string; seen: Seen },
): Promise<Verdict> {
  const transition = TRANSITIONS[action];
  if (transition.writes.version === "increment" && contribution.version !== seen.version) {
    if (transition.conflict !== "from-log") return { kind: "conflict", conflict: fixedConflict(action) };
    const conflict = await findStaleChange(tx, contribution, { ...seen, action, actorId });
    return conflict ? { kind: "conflict", conflict } : { kind: "done" };
  }
  if (transition.doneIn.includes(contribution.status)) return { kind: "done" };
  const refusal = transitionRefusal(action, contribution);
  if (refusal) return { kind: "refused", message: refusal };
  const unread = contribution.openFlagCount === seen.openFlagCount ? null : unreadReports(action, contribution.openFlagCount, seen);
  if (unread) return { kind: "conflict", conflict: unread };
  return { kind: "apply" };
}

/**
 * The conditional write matched nothing: a concurrent change committed
 * between the read and the write. Done when that change is the actor's own
 * identical request (or leaves the transition done); otherwise the conflict.
 */
export async function judgeLostRace(
  tx: Prisma.TransactionClient,
  { action, contribution, actorId, seen }: { action: LifecycleAction; contribution: LifecycleRow; actorId: string; seen: Seen },
): Promise<{ kind: "done"; now: LifecycleRow } | { kind: "conflict"; conflict: Conflict }> {
  const transition = TRANSITIONS[action];
  const fromLog = transition.conflict === "from-log";
  if (!fromLog && transition.doneIn.length === 0) return { kind: "conflict", conflict: fixedConflict(action) };
  const now = await tx.contribution.findUnique({ where: { id: contribution.id }, select: lifecycleSelect });
  if (!now) return { kind: "conflict", conflict: fixedConflict(action) };
  if (!fromLog) return transition.doneIn.includes(now.status) ? { kind: "done", now } : { kind: "conflict", conflict: fixedConflict(action) };
  // Still the version the moderator read: the reports they read are what changed.
  const unread = now.version === seen.version ? unreadReports(action, now.openFlagCount, seen) : null;
  if (unread) return { kind: "conflict", conflict: unread };
  const conflict = await findStaleChange(tx, now, { ...seen, action, actorId });
  return conflict ? { kind: "conflict", conflict } : { kind: "done", now };
}

/** The conflict as one message: "Already decided by X at T (…)", "The author withdrew …". */
export function conflictError(conflict: Conflict): AppError {
  if (conflict.kind === "fixed") return conflict.error;
  if (conflict.kind === "unknown") return new AppError("CONFLICT", `This contribution changed just now. ${NOT_APPLIED}`);
  return new AppError("CONFLICT", conflict.wording.one(conflict));
}

/** The conflict as one phrase of a bulk refusal: "AGR-… was already decided by X at T (…)". */
export function conflictPhrase(reference: string, conflict: Conflict): string {
  if (conflict.kind === "fixed") return `${reference}: ${conflict.error.userMessage}`;
  if (conflict.kind === "unknown") return `${reference} changed since you loaded it`;
  return conflict.wording.many({ ...conflict, reference });
}

/** The table's words for a transition made on a version that has moved on, for a caller that checks the version before its transaction. */
export function transitionConflict(action: LifecycleAction): AppError {
  return conflictError(fixedConflict(action));
}

function fixedConflict(action: LifecycleAction): Conflict {
  const { conflict } = TRANSITIONS[action];
  return typeof conflict === "object" && conflict !== null ? { kind: "fixed", error: new AppError(conflict.code, conflict.message) } : { kind: "unknown" };
}

/** When the actor read the open reports (dismissing them): the conflict worded by how many are open now. */
function unreadReports(action: LifecycleAction, openFlagCount: number, seen: Seen): Conflict | null {
  const wording = TRANSITIONS[action].unreadReportsConflict;
  if (!wording || seen.openFlagCount === undefined) return null;
  return { kind: "fixed", error: new AppError("CONFLICT", wording(openFlagCount - seen.openFlagCount)) };
}

/**
 * Null when the only change since the version the actor saw is their own
 * identical request (a double click, a retried request); otherwise who
 * changed it, how and when.
 */
async function findStaleChange(
  tx: Prisma.TransactionClient,
  contribution: { id: string; version: number },
  seen: { version: number; action: LifecycleAction; actorId: string },
): Promise<Conflict | null> {
  const latest = await tx.moderationEvent.findFirst({
    where: { contributionId: contribution.id, action: { in: [...STALE_WORDING.keys()] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { action: true, actorId: true, createdAt: true, actor: { select: { profile: { select: { displayName: true } } } } },
  });
  const oneStepOn = contribution.version === seen.version + 1;
  if (latest && oneStepOn && latest.actorId === seen.actorId && latest.action === TRANSITIONS[seen.action].logs?.action) return null;
  const wording = latest ? STALE_WORDING.get(latest.action) : undefined;
  if (!latest || !wording || contribution.version < seen.version) return { kind: "unknown" };
  return { kind: "logged", wording, who: latest.actor?.profile?.displayName ?? "another moderator", at: formatDateTime(latest.createdAt) };
}
