import "server-only";
import { requireRole } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { AppError, parseInput } from "@/lib/errors";
import { decisionRefusal, needsReason, STATUS_PHRASES, TRANSITIONS } from "@/lib/moderation/decision-rules";
import { decidableSelect, describeStaleVersion, OWN_CONTRIBUTION_MESSAGE, resolveReason, unsafeApplyDecision } from "@/lib/moderation/decision-writes";
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
  const { action } = TRANSITIONS[request.decision];
  const items = request.items;

  const references = await db.$transaction(async (tx) => {
    const rows = await tx.contribution.findMany({ where: { id: { in: items.map((item) => item.contributionId) } }, select: decidableSelect });
    const byId = new Map(rows.map((row) => [row.id, row]));
    const selected = items.flatMap((item) => {
      const row = byId.get(item.contributionId);
      return row ? [{ item, row }] : [];
    });
    const missing = items.length - selected.length;
    if (missing > 0) {
      throw new AppError("NOT_FOUND", `${missing === 1 ? "One selected contribution" : `${missing} selected contributions`} could not be found. Nothing was decided; reload the queue and try again.`);
    }
    const own = selected.filter(({ row }) => row.authorId === moderator.id).map(({ row }) => row.reference);
    if (own.length > 0) {
      const what = own.length === 1 ? "is your own contribution" : "are your own contributions";
      throw new AppError("FORBIDDEN", `Nothing was decided: ${own.join(", ")} ${what}. ${OWN_CONTRIBUTION_MESSAGE}`);
    }

    const problems: string[] = [];
    const toWrite: typeof rows = [];
    for (const { item, row } of selected) {
      if (row.version !== item.version) {
        const problem = await describeStaleVersion(tx, row, { version: item.version, action, actorId: moderator.id });
        if (problem) problems.push(problem);
      } else if (decisionRefusal(request.decision, row)) {
        problems.push(`${row.reference} ${STATUS_PHRASES[row.status]}`);
      } else {
        toWrite.push(row);
      }
    }
    if (problems.length > 0) throw nothingDecided(problems);

    const reason = needsReason(request.decision) ? await resolveReason(tx, request) : null;
    // Rows are locked in id order, so two bulk decisions over overlapping
    // selections wait for each other instead of deadlocking.
    for (const row of toWrite.toSorted((a, b) => a.id.localeCompare(b.id))) {
      const written = await unsafeApplyDecision(tx, { contribution: row, decision: request.decision, reason, note: request.note ?? null, actorId: moderator.id });
      if (written) continue;
      // A concurrent change committed between our read and our write.
      const now = await tx.contribution.findUniqueOrThrow({ where: { id: row.id }, select: { id: true, reference: true, version: true } });
      const problem = await describeStaleVersion(tx, now, { version: row.version, action, actorId: moderator.id });
      if (problem) problems.push(problem);
    }
    // A concurrent decision got to one of them first: throwing undoes the others.
    if (problems.length > 0) throw nothingDecided(problems);
    return selected.map(({ row }) => row.reference);
  });
  // The authors' e-mails, committed in the outbox with the decisions, are
  // the background worker's (lib/worker, in this process by default): sent
  // here one after the other, up to a hundred of them would hold the
  // moderator's page for as long as the mail server takes to answer each.
  return { count: references.length, references };
}

function nothingDecided(problems: string[]): AppError {
  return new AppError("CONFLICT", `Nothing was decided: ${problems.join("; ")}. Reload the queue and try again.`);
}
