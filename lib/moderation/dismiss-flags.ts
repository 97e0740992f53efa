import "server-only";
import { requireRole } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { AppError, notFound, parseInput } from "@/lib/errors";
import type { DecisionResult } from "@/lib/moderation/decide-contribution";
import { refuseOwnContribution, settleStaleVersion } from "@/lib/moderation/decision-writes";
import { dismissFlagsSchema } from "@/lib/moderation/schema";

const contributionSelect = { id: true, reference: true, status: true, version: true, openFlagCount: true, authorId: true } as const;

/**
 * A moderator looked at the reports against a published contribution and
 * keeps it published: every open report is resolved and it leaves the queue,
 * on the version the moderator saw (the same conflict rule as a decision).
 * Nobody is told: not the author, and not those who reported it, who never
 * learn which moderator looked at their report. Not on one's own
 * contribution: another moderator reads the reports against it.
 */
export async function dismissFlags(input: unknown): Promise<DecisionResult> {
  const moderator = await requireRole("MODERATOR");
  const { contributionId, version, note, openFlagCount: seenFlags } = parseInput(dismissFlagsSchema, input);
  const seen = { version, action: "DISMISS_FLAGS" as const, actorId: moderator.id };
  return db.$transaction(async (tx) => {
    const contribution = await tx.contribution.findUnique({ where: { id: contributionId }, select: contributionSelect });
    if (!contribution) throw notFound("This contribution");
    refuseOwnContribution(contribution, moderator.id);
    const current = { contributionId: contribution.id, reference: contribution.reference, status: contribution.status, version: contribution.version };
    if (contribution.version !== version) {
      await settleStaleVersion(tx, contribution, seen);
      return current;
    }
    if (contribution.status !== "APPROVED") throw new AppError("INVALID_STATE", "Only the reports on a published contribution can be dismissed.");
    if (contribution.openFlagCount === 0) throw new AppError("INVALID_STATE", "This contribution has no open reports to dismiss.");
    if (seenFlags !== undefined && contribution.openFlagCount !== seenFlags) throw newReports(contribution.openFlagCount - seenFlags);
    const now = new Date();
    const { count } = await tx.contribution.updateMany({
      where: { id: contribution.id, version, status: "APPROVED", ...(seenFlags === undefined ? {} : { openFlagCount: seenFlags }) },
      data: { openFlagCount: 0, awaitingSince: null, version: { increment: 1 } },
    });
    if (count !== 1) {
      const moved = await tx.contribution.findUniqueOrThrow({ where: { id: contribution.id }, select: contributionSelect });
      if (moved.version === version && seenFlags !== undefined) throw newReports(moved.openFlagCount - seenFlags);
      await settleStaleVersion(tx, moved, seen);
      return { ...current, status: moved.status, version: moved.version };
    }
    await tx.flag.updateMany({ where: { contributionId: contribution.id, resolvedAt: null }, data: { resolvedAt: now } });
    await tx.moderationEvent.create({
      data: {
        contributionId: contribution.id,
        actorId: moderator.id,
        subjectUserId: contribution.authorId,
        action: "DISMISS_FLAGS",
        fromStatus: "APPROVED",
        toStatus: "APPROVED",
        note: note ?? null,
        createdAt: now,
      },
    });
    return { ...current, version: version + 1 };
  });
}

function newReports(count: number): AppError {
  if (count <= 0) return new AppError("CONFLICT", "The reports on this contribution changed since you opened it. Nothing was dismissed; reload to read them first.");
  const what = count === 1 ? "A new report has" : `${count} new reports have`;
  return new AppError("CONFLICT", `${what} arrived since you opened this contribution. Nothing was dismissed; reload to read ${count === 1 ? "it" : "them"} first.`);
}
