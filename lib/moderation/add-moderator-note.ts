import "server-only";
import { requireRole } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { notFound, parseInput } from "@/lib/errors";
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
    const contribution = await tx.contribution.findUnique({ where: { id: contributionId }, select: { id: true, authorId: true } });
    if (!contribution) throw notFound("This contribution");
    const event = await tx.moderationEvent.create({
      data: {
        contributionId: contribution.id,
        actorId: moderator.id,
        subjectUserId: contribution.authorId,
        action: "NOTE",
        note,
      },
      select: { id: true, createdAt: true },
    });
    return { id: event.id, contributionId: contribution.id, createdAt: event.createdAt };
  });
}
