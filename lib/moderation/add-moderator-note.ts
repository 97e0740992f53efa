import "server-only";
import { requireRole } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { notFound, parseInput } from "@/lib/errors";
import { applyTransition } from "@/lib/contributions/lifecycle/apply-transition";
import { lifecycleSelect } from "@/lib/contributions/lifecycle/lifecycle-row";
import { addModeratorNoteSchema } from "@/lib/moderation/schema";

export type ModeratorNote = { id: string; contributionId: string; createdAt: Date };

/**
 * A moderator leaves an internal note on a contribution, whatever its status:
 * a NOTE event in the log, for the moderators only. Nothing else changes, not
 * even the version, so a note never makes another moderator's decision stale.
 */
export async function addModeratorNote(input: unknown): Promise<ModeratorNote> {
  const moderator = await requireRole("MODERATOR");
  const { contributionId, note } = parseInput(addModeratorNoteSchema, input);
  return db.$transaction(async (tx) => {
    const contribution = await tx.contribution.findUnique({ where: { id: contributionId }, select: lifecycleSelect });
    if (!contribution) throw notFound("This contribution");
    const { event } = await applyTransition(tx, { action: "NOTE", contribution, actor: moderator, note });
    if (!event) throw new Error("A note is always logged");
    return { id: event.id, contributionId: contribution.id, createdAt: event.createdAt };
  });
}
