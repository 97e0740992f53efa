import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ContributionStatus } from "@/lib/generated/prisma/enums";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { decisionEmail, decisionNotice } from "@/lib/contributions/lifecycle/decision-emails";
import type { ContributionState, LifecycleRow } from "@/lib/contributions/lifecycle/lifecycle-row";
import { isDecision, TRANSITIONS, type LifecycleAction, type Transition } from "@/lib/contributions/lifecycle/transitions";

export type LoggedEvent = { id: string; createdAt: Date };

export type WrittenTransition = {
  state: ContributionState;
  event: LoggedEvent | null;
  /** The author's e-mails recorded in the outbox, to send after the commit. */
  emailKeys: string[];
};

/**
 * Writes a transition the way the table says, if the contribution is still
 * as it was read: its status and version, and, for one made on a version or
 * on the reports the actor read, those too (with the author in the where
 * clause for an author's own change). One conditional UPDATE, so a change
 * committed meanwhile makes it match nothing: null then, and nothing is
 * written. Then its reports, its event, the author's notice and e-mail. The
 * caller has judged the transition (judgeTransition) and resolved its reason.
 */
export async function unsafeWriteTransition(
  tx: Prisma.TransactionClient,
  input: { action: LifecycleAction; contribution: LifecycleRow; actorId: string; reason: string | null; note: string | null; seenOpenFlagCount?: number; now: Date },
): Promise<WrittenTransition | null> {
  const { action, contribution, actorId, reason, note, now } = input;
  const transition = TRANSITIONS[action];
  const to = transition.to ?? contribution.status;
  const sets = assignments(transition, { reason, now });
  if (sets.length > 0) {
    const conditions = [Prisma.sql`"id" = ${contribution.id}`, Prisma.sql`"status" = ${contribution.status}::"ContributionStatus"`];
    if (transition.writes.version === "increment") conditions.push(Prisma.sql`"version" = ${contribution.version}`);
    if (transition.by === "author") conditions.push(Prisma.sql`"authorId" = ${actorId}`);
    if (input.seenOpenFlagCount !== undefined) conditions.push(Prisma.sql`"openFlagCount" = ${input.seenOpenFlagCount}`);
    const count = await tx.$executeRaw`
      UPDATE "Contribution" SET ${Prisma.join([...sets, Prisma.sql`"updatedAt" = ${timestamp(now)}`])} WHERE ${Prisma.join(conditions, " AND ")}`;
    if (count !== 1) return null;
  }
  if (transition.writes.resolvesFlags) await tx.flag.updateMany({ where: { contributionId: contribution.id, resolvedAt: null }, data: { resolvedAt: now } });
  const event = await logTransition(tx, { action, contribution, actorId, from: contribution.status, to, reason, note, now });
  const emailKeys: string[] = [];
  if (isDecision(action) && event) {
    const decided = { ...contribution, consultationTitle: contribution.consultation.title };
    await tx.notice.create({ data: { userId: contribution.authorId, ...decisionNotice(action, decided, reason) } });
    const email = decisionEmail(contribution.author.email, event.id, action, decided, reason);
    await enqueueEmail(tx, email);
    emailKeys.push(email.dedupeKey);
  }
  const version = transition.writes.version === "increment" ? contribution.version + 1 : contribution.version;
  return { state: { contributionId: contribution.id, reference: contribution.reference, status: to, version }, event, emailKeys };
}

/** Appends the transition's event to the contribution's log, as the table says; null for one that logs none. */
export async function logTransition(
  tx: Prisma.TransactionClient,
  input: {
    action: LifecycleAction;
    contribution: Pick<LifecycleRow, "id" | "authorId">;
    actorId: string;
    from: ContributionStatus | null;
    to: ContributionStatus;
    reason: string | null;
    note: string | null;
    now: Date;
  },
): Promise<LoggedEvent | null> {
  const { logs, reason: givesReason } = TRANSITIONS[input.action];
  if (!logs) return null;
  return tx.moderationEvent.create({
    data: {
      contributionId: input.contribution.id,
      actorId: input.actorId,
      subjectUserId: logs.aboutAuthor ? input.contribution.authorId : null,
      action: logs.action,
      fromStatus: logs.statuses ? input.from : null,
      toStatus: logs.statuses ? input.to : null,
      // Approving and restoring tell the author no reason: any sent is not kept.
      reason: givesReason === "required" ? input.reason : null,
      note: input.note,
      createdAt: input.now,
    },
    select: { id: true, createdAt: true },
  });
}

// Timestamps are UTC without a zone: the ISO string keeps its UTC wall time.
const timestamp = (at: Date) => Prisma.sql`${at.toISOString()}::timestamp(3)`;

/** The columns the transition sets, as the table's writes say; none for one that changes nothing on the row (a note). */
function assignments(transition: Transition, { reason, now }: { reason: string | null; now: Date }): Prisma.Sql[] {
  const { to, writes } = transition;
  const at = timestamp(now);
  const sets: Prisma.Sql[] = [];
  if (to) sets.push(Prisma.sql`"status" = ${to}::"ContributionStatus"`);
  if (writes.version === "increment") sets.push(Prisma.sql`"version" = "version" + 1`);
  if (writes.awaitingSince === "now") sets.push(Prisma.sql`"awaitingSince" = ${at}`);
  if (writes.awaitingSince === "clear") sets.push(Prisma.sql`"awaitingSince" = NULL`);
  if (writes.awaitingSince === "unless-waiting") sets.push(Prisma.sql`"awaitingSince" = COALESCE("awaitingSince", ${at})`);
  if (writes.openFlagCount === "reset") sets.push(Prisma.sql`"openFlagCount" = 0`);
  if (writes.openFlagCount === "increment") sets.push(Prisma.sql`"openFlagCount" = "openFlagCount" + 1`);
  if (writes.decidedAt === "now") sets.push(Prisma.sql`"decidedAt" = ${at}`);
  if (writes.rejectionReason === "reason") sets.push(Prisma.sql`"rejectionReason" = ${reason}`);
  if (writes.rejectionReason === "clear") sets.push(Prisma.sql`"rejectionReason" = NULL`);
  return sets;
}
