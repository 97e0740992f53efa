import "server-only";
import { requireRole } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { AppError, notFound, parseInput } from "@/lib/errors";
import type { ContributionStatus } from "@/lib/generated/prisma/enums";
import { deliverPendingEmailsAfterCommit } from "@/lib/mail/deliver-pending-emails";
import { decisionRefusal, needsReason, TRANSITIONS } from "@/lib/moderation/decision-rules";
import { decidableSelect, refuseOwnContribution, resolveReason, settleStaleVersion, toDecisionResult, unsafeApplyDecision } from "@/lib/moderation/decision-writes";
import { decideContributionSchema } from "@/lib/moderation/schema";

export type DecisionResult = { contributionId: string; reference: string; status: ContributionStatus; version: number };

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
  const { action } = TRANSITIONS[request.decision];
  const seen = { version: request.version, action, actorId: moderator.id };

  const { result, emailKeys } = await db.$transaction(async (tx) => {
    const contribution = await tx.contribution.findUnique({ where: { id: request.contributionId }, select: decidableSelect });
    if (!contribution) throw notFound("This contribution");
    refuseOwnContribution(contribution, moderator.id);
    if (contribution.version !== request.version) {
      await settleStaleVersion(tx, contribution, seen);
      return { result: toDecisionResult(contribution), emailKeys: [] };
    }
    const refusal = decisionRefusal(request.decision, contribution);
    if (refusal) throw new AppError("INVALID_STATE", refusal);
    // Approving and restoring tell the author no reason: any sent is not kept.
    const reason = needsReason(request.decision) ? await resolveReason(tx, request) : null;
    const written = await unsafeApplyDecision(tx, { contribution, decision: request.decision, reason, note: request.note ?? null, actorId: moderator.id });
    if (written) return { result: written.result, emailKeys: [written.emailKey] };
    // A concurrent decision committed between our read and our write.
    const now = await tx.contribution.findUniqueOrThrow({ where: { id: contribution.id }, select: decidableSelect });
    await settleStaleVersion(tx, now, seen);
    return { result: toDecisionResult(now), emailKeys: [] };
  });
  await deliverPendingEmailsAfterCommit(emailKeys);
  return result;
}
