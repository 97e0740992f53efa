import "server-only";
import { requireRole } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { AppError, parseInput } from "@/lib/errors";
import { applyTransitionInBulk } from "@/lib/contributions/lifecycle/apply-transition-in-bulk";
import { lifecycleSelect } from "@/lib/contributions/lifecycle/lifecycle-row";
import { resolveReason } from "@/lib/moderation/resolve-reason";
import { bulkDecideSchema } from "@/lib/moderation/schema";

export type BulkDecisionResult = { count: number; references: string[] };

/**
 * A moderator approves or rejects a selection from the queue, in one
 * transaction: every contribution is decided, or none is. When one is no
 * longer in a state the decision applies to, or its version moved on, or is
 * the moderator's own, the refusal names each one concerned. A contribution
 * this moderator already decided the same way from the same version (a
 * repeated click) counts as decided and is not written again.
 */
export async function bulkDecide(input: unknown): Promise<BulkDecisionResult> {
  const moderator = await requireRole("MODERATOR");
  const request = parseInput(bulkDecideSchema, input);
  const items = request.items;

  const references = await db.$transaction(async (tx) => {
    const rows = await tx.contribution.findMany({ where: { id: { in: items.map((item) => item.contributionId) } }, select: lifecycleSelect });
    const byId = new Map(rows.map((row) => [row.id, row]));
    const selected = items.flatMap((item) => {
      const contribution = byId.get(item.contributionId);
      return contribution ? [{ contribution, seenVersion: item.version }] : [];
    });
    const missing = items.length - selected.length;
    if (missing > 0) {
      throw new AppError("NOT_FOUND", `${missing === 1 ? "One selected contribution" : `${missing} selected contributions`} could not be found. Nothing was decided; reload the queue and try again.`);
    }
    await applyTransitionInBulk(tx, {
      action: request.decision,
      items: selected,
      actor: moderator,
      reason: () => resolveReason(tx, request),
      note: request.note ?? null,
    });
    return selected.map(({ contribution }) => contribution.reference);
  });
  // The authors' e-mails, committed in the outbox with the decisions, are
  // the background worker's (lib/worker, in this process by default): sent
  // here one after the other, up to a hundred of them would hold the
  // moderator's page for as long as the mail server takes to answer each.
  return { count: references.length, references };
}
