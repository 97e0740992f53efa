import "server-only";
import { requireRole } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { notFound, parseInput } from "@/lib/errors";
import { assertLabelFree, withUniqueLabel } from "@/lib/rejection-reasons/label-conflict";
import { updateRejectionReasonSchema } from "@/lib/rejection-reasons/schema";

export type UpdatedRejectionReason = { id: string; label: string; active: boolean; previousLabel: string; previousActive: boolean };

/**
 * Administrators only: renames a reason, or takes it out of (or back into)
 * the list moderators pick from. Decisions already made keep the text they
 * were made with (ModerationEvent.reason, Contribution.rejectionReason), so
 * neither change rewrites what an author was told.
 */
export async function updateRejectionReason(input: unknown): Promise<UpdatedRejectionReason> {
  await requireRole("ADMIN");
  const { id, label, active } = parseInput(updateRejectionReasonSchema, input);
  return withUniqueLabel(() =>
    db.$transaction(async (tx) => {
      const current = await tx.rejectionReason.findUnique({ where: { id }, select: { label: true, active: true } });
      if (!current) throw notFound("This reason");
      if (label !== undefined && label !== current.label) await assertLabelFree(tx, label, id);
      const saved = await tx.rejectionReason.update({
        where: { id },
        data: { ...(label !== undefined ? { label } : {}), ...(active !== undefined ? { active } : {}) },
        select: { id: true, label: true, active: true },
      });
      return { ...saved, previousLabel: current.label, previousActive: current.active };
    }),
  );
}
