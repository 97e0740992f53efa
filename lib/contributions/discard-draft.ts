import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/auth/current-user";
import { parseInput } from "@/lib/errors";
import { draftDataSchema, saveDraftSchema } from "@/lib/contributions/schema";

const discardDraftSchema = saveDraftSchema.pick({ consultationId: true });

export type DiscardDraftInput = z.input<typeof discardDraftSchema>;

/**
 * Throws away the caller's draft for one consultation, with the files they
 * uploaded for it and never attached ("start again"). Nothing happens when
 * there is no draft. Only the caller's own rows are touched.
 */
export async function discardDraft(input: unknown): Promise<void> {
  const me = await requireUser();
  const { consultationId } = parseInput(discardDraftSchema, input);
  await db.$transaction(async (tx) => {
    const draft = await tx.contributionDraft.findUnique({ where: { userId_consultationId: { userId: me.id, consultationId } }, select: { id: true, data: true } });
    if (!draft) return;
    const saved = draftDataSchema.safeParse(draft.data);
    const attachmentIds = saved.success ? saved.data.attachmentIds : [];
    if (attachmentIds.length > 0) {
      await tx.attachment.deleteMany({ where: { id: { in: attachmentIds }, uploaderId: me.id, contributionId: null } });
    }
    await tx.contributionDraft.delete({ where: { id: draft.id } });
  });
}
