import "server-only";
import { requireRole } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { notFound, parseInput } from "@/lib/errors";
import { deliverPendingEmailsAfterCommit } from "@/lib/mail/deliver-pending-emails";
import { applyTransition } from "@/lib/contributions/lifecycle/apply-transition";
import { lifecycleSelect, type ContributionState } from "@/lib/contributions/lifecycle/lifecycle-row";
import { resolveReason } from "@/lib/moderation/resolve-reason";
import { decideContributionSchema } from "@/lib/moderation/schema";

export type DecisionResult = ContributionState;

/**
 * A moderator approves, rejects, hides or restores a contribution, on the
 * version they saw. The contribution, the log, the author's notice and
 * e-mail change together or not at all. When another moderator decided
 * first, this one is refused with their name and the time, and the first
 * decision stands; the same moderator's repeated click answers the state
 * their first click made. Nobody decides on their own contribution.
 */
export async function decideContribution(input: unknown): Promise<DecisionResult> {
  const moderator = await requireRole("MODERATOR");
  const request = parseInput(decideContributionSchema, input);

  const { state, emailKeys } = await db.$transaction(async (tx) => {
    const contribution = await tx.contribution.findUnique({ where: { id: request.contributionId }, select: lifecycleSelect });
    if (!contribution) throw notFound("This contribution");
    return applyTransition(tx, {
      action: request.decision,
      contribution,
      actor: moderator,
      seenVersion: request.version,
      reason: () => resolveReason(tx, request),
      note: request.note ?? null,
    });
  });
  await deliverPendingEmailsAfterCommit(emailKeys);
  return state;
}
