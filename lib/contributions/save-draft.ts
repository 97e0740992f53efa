import "server-only";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/auth/current-user";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { consultationForContributionSelect, opennessAt, toConsultationForContribution } from "@/lib/contributions/consultation-for-contribution";
import { saveDraftSchema } from "@/lib/contributions/schema";

export type SavedDraft = { savedAt: Date };

/**
 * Keeps what the caller has typed so far for one consultation, replacing
 * their previous draft for it. Only the caller ever reads it back. A draft is
 * checked for shape and size, not for completeness: that is the submission's
 * job.
 */
export async function saveDraft(input: unknown): Promise<SavedDraft> {
  const me = await requireUser();
  const { consultationId, data } = parseInput(saveDraftSchema, input);
  const row = await db.consultation.findUnique({ where: { id: consultationId }, select: consultationForContributionSelect });
  if (!row) throw notFound("This consultation");
  const { message } = opennessAt(toConsultationForContribution(row), new Date());
  if (message) throw new AppError("INVALID_STATE", `${message} Your draft was not saved.`);

  const draft = await db.contributionDraft.upsert({
    where: { userId_consultationId: { userId: me.id, consultationId } },
    create: { userId: me.id, consultationId, data },
    update: { data },
    select: { updatedAt: true },
  });
  return { savedAt: draft.updatedAt };
}
