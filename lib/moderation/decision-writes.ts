import "server-only";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ModerationAction } from "@/lib/generated/prisma/enums";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { decisionEmail, decisionNotice } from "@/lib/moderation/decision-emails";
import { TRANSITIONS } from "@/lib/moderation/decision-rules";
import type { DecisionResult } from "@/lib/moderation/decide-contribution";
import type { Decision } from "@/lib/moderation/schema";

// The steps decideContribution and bulkDecide share, inside their
// transaction. None of them checks who is calling: the domain functions do
// that before they get here.

export const decidableSelect = {
  id: true,
  reference: true,
  title: true,
  publication: true,
  status: true,
  version: true,
  openFlagCount: true,
  authorId: true,
  author: { select: { email: true } },
  consultation: { select: { title: true } },
} satisfies Prisma.ContributionSelect;

export type DecidableContribution = Prisma.ContributionGetPayload<{ select: typeof decidableSelect }>;

export const toDecisionResult = (contribution: DecidableContribution): DecisionResult => ({
  contributionId: contribution.id,
  reference: contribution.reference,
  status: contribution.status,
  version: contribution.version,
});

// The actions that move a contribution's version on.
const VERSIONED_ACTIONS = ["APPROVE", "REJECT", "HIDE", "RESTORE", "DISMISS_FLAGS", "WITHDRAW", "EDIT"] as const satisfies ModerationAction[];

const DECIDED_AS: Partial<Record<ModerationAction, string>> = {
  APPROVE: "approved and published",
  REJECT: "rejected",
  HIDE: "hidden",
  RESTORE: "restored",
  DISMISS_FLAGS: "reports dismissed, it stays published",
};

const NOT_APPLIED = "Your decision was not applied; reload to see the contribution as it is now.";

export const OWN_CONTRIBUTION_MESSAGE = "Another moderator must decide on your own contribution.";

/**
 * Moderators may contribute too, but nobody judges their own contribution:
 * deciding on it, in bulk or alone, or dismissing its reports is refused.
 */
export function refuseOwnContribution(contribution: { authorId: string }, moderatorId: string): void {
  if (contribution.authorId === moderatorId) throw new AppError("FORBIDDEN", OWN_CONTRIBUTION_MESSAGE);
}

/** What moved a contribution on from the version a moderator saw, as its log tells. */
type StaleChange =
  | { kind: "UNKNOWN" }
  | { kind: "WITHDRAW"; at: string }
  | { kind: "EDIT"; at: string }
  | { kind: "DECIDED"; who: string; at: string; what: string | undefined };

/**
 * Null when the only change since the version the moderator saw is their own
 * identical decision (a double click, a retried request); otherwise who
 * changed it, how and when.
 */
async function findStaleChange(
  tx: Prisma.TransactionClient,
  contribution: { id: string; version: number },
  seen: { version: number; action: ModerationAction; actorId: string },
): Promise<StaleChange | null> {
  const latest = await tx.moderationEvent.findFirst({
    where: { contributionId: contribution.id, action: { in: [...VERSIONED_ACTIONS] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { action: true, actorId: true, createdAt: true, actor: { select: { profile: { select: { displayName: true } } } } },
  });
  const oneStepOn = contribution.version === seen.version + 1;
  if (latest && oneStepOn && latest.actorId === seen.actorId && latest.action === seen.action) return null;
  if (!latest || contribution.version < seen.version) return { kind: "UNKNOWN" };
  const at = formatDateTime(latest.createdAt);
  if (latest.action === "WITHDRAW") return { kind: "WITHDRAW", at };
  if (latest.action === "EDIT") return { kind: "EDIT", at };
  return { kind: "DECIDED", who: latest.actor?.profile?.displayName ?? "another moderator", at, what: DECIDED_AS[latest.action] };
}

/**
 * The decision was made on a version that has moved on. When the only change
 * since is this moderator's own identical decision, answers normally: the
 * caller returns the current state and writes nothing. Otherwise throws
 * CONFLICT naming who changed it and when, so the first decision stands and
 * the second moderator knows why.
 */
export async function settleStaleVersion(
  tx: Prisma.TransactionClient,
  contribution: { id: string; version: number },
  seen: { version: number; action: ModerationAction; actorId: string },
): Promise<void> {
  const change = await findStaleChange(tx, contribution, seen);
  if (!change) return;
  if (change.kind === "UNKNOWN") throw new AppError("CONFLICT", `This contribution changed just now. ${NOT_APPLIED}`);
  if (change.kind === "WITHDRAW") throw new AppError("CONFLICT", `The author withdrew this contribution at ${change.at}. ${NOT_APPLIED}`);
  if (change.kind === "EDIT") throw new AppError("CONFLICT", `The author edited this contribution at ${change.at}. Read the new version before deciding.`);
  throw new AppError("CONFLICT", `Already decided by ${change.who} at ${change.at} (${change.what}). ${NOT_APPLIED}`);
}

/**
 * The same for one contribution of a bulk decision: what its refusal says
 * about it ("AGR-… was already decided by X at T (…)"), or null when it is
 * the moderator's own identical decision, which counts as made.
 */
export async function describeStaleVersion(
  tx: Prisma.TransactionClient,
  contribution: { id: string; reference: string; version: number },
  seen: { version: number; action: ModerationAction; actorId: string },
): Promise<string | null> {
  const change = await findStaleChange(tx, contribution, seen);
  if (!change) return null;
  const { reference } = contribution;
  if (change.kind === "UNKNOWN") return `${reference} changed since you loaded it`;
  if (change.kind === "WITHDRAW") return `${reference} was withdrawn by its author at ${change.at}`;
  if (change.kind === "EDIT") return `${reference} was edited by its author at ${change.at}`;
  return `${reference} was already decided by ${change.who} at ${change.at} (${change.what})`;
}

/**
 * What the author is told: the label of a listed reason, the moderator's
 * words, or both. An unknown or retired reason is refused on its field.
 */
export async function resolveReason(tx: Prisma.TransactionClient, input: { reasonId?: string; reasonText?: string }): Promise<string> {
  let label: string | undefined;
  if (input.reasonId) {
    const listed = await tx.rejectionReason.findUnique({ where: { id: input.reasonId }, select: { label: true, active: true } });
    if (!listed) throw reasonError("Choose a reason from the list.");
    if (!listed.active) throw reasonError("This reason is no longer offered. Choose another one or explain in your own words.");
    label = listed.label;
  }
  const text = input.reasonText;
  if (label && text) return `${label}: ${text}`;
  const reason = label ?? text;
  // The schemas ask for one of the two already; this keeps a caller that skips them honest.
  if (!reason) throw reasonError("Choose a reason from the list or explain the decision to the author.");
  return reason;
}

function reasonError(message: string): AppError {
  return new AppError("VALIDATION", "Please correct the highlighted fields.", { reasonId: [message] });
}

export type WrittenDecision = { result: DecisionResult; emailKey: string };

/**
 * Applies a decision to a contribution as it was read, if it is still at that
 * version and status: the contribution, its open reports when hiding, the
 * event, the author's notice and e-mail. Null when the contribution moved on
 * meanwhile (nothing is written then). The caller has checked the caller's
 * role, the transition and the reason.
 */
export async function unsafeApplyDecision(
  tx: Prisma.TransactionClient,
  { contribution, decision, reason, note, actorId }: { contribution: DecidableContribution; decision: Decision; reason: string | null; note: string | null; actorId: string },
): Promise<WrittenDecision | null> {
  const { to, action } = TRANSITIONS[decision];
  const now = new Date();
  const hiding = decision === "HIDE";
  const { count } = await tx.contribution.updateMany({
    where: { id: contribution.id, version: contribution.version, status: contribution.status },
    data: {
      status: to,
      version: { increment: 1 },
      // When it was approved or rejected: open data publishes it as the
      // contribution's publication time, which hiding and restoring keep.
      ...(hiding || decision === "RESTORE" ? {} : { decidedAt: now }),
      awaitingSince: null,
      // The reason the author sees stays only while it applies.
      rejectionReason: to === "REJECTED" || to === "HIDDEN" ? reason : null,
      // Hiding acts on the reports: they are resolved with it.
      ...(hiding ? { openFlagCount: 0 } : {}),
    },
  });
  if (count !== 1) return null;
  if (hiding) await tx.flag.updateMany({ where: { contributionId: contribution.id, resolvedAt: null }, data: { resolvedAt: now } });
  const event = await tx.moderationEvent.create({
    data: {
      contributionId: contribution.id,
      actorId,
      subjectUserId: contribution.authorId,
      action,
      fromStatus: contribution.status,
      toStatus: to,
      reason,
      note,
      createdAt: now,
    },
    select: { id: true },
  });
  const decided = { ...contribution, consultationTitle: contribution.consultation.title };
  await tx.notice.create({ data: { userId: contribution.authorId, ...decisionNotice(decision, decided, reason) } });
  const email = decisionEmail(contribution.author.email, event.id, decision, decided, reason);
  await enqueueEmail(tx, email);
  return {
    result: { contributionId: contribution.id, reference: contribution.reference, status: to, version: contribution.version + 1 },
    emailKey: email.dedupeKey,
  };
}
