import "server-only";
import { requireRole } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { notFound, parseInput } from "@/lib/errors";
import { applyTransition } from "@/lib/contributions/lifecycle/apply-transition";
import { lifecycleSelect } from "@/lib/contributions/lifecycle/lifecycle-row";
import type { DecisionResult } from "@/lib/moderation/decide-contribution";
import { dismissFlagsSchema } from "@/lib/moderation/schema";

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
  const { contributionId, version, note, openFlagCount } = parseInput(dismissFlagsSchema, input);
  return db.$transaction(async (tx) => {
    const contribution = await tx.contribution.findUnique({ where: { id: contributionId }, select: lifecycleSelect });
    if (!contribution) throw notFound("This contribution");
    const { state } = await applyTransition(tx, {
      action: "DISMISS_FLAGS",
      contribution,
      actor: moderator,
      seenVersion: version,
      seenOpenFlagCount: openFlagCount,
      note: note ?? null,
    });
    return state;
  });
}
