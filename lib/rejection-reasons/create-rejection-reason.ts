import "server-only";
import { requireRole } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import { assertLabelFree, withUniqueLabel } from "@/lib/rejection-reasons/label-conflict";
import { createRejectionReasonSchema } from "@/lib/rejection-reasons/schema";

export type CreatedRejectionReason = { id: string; label: string };

/** Administrators only. A new reason is active and comes last in the list. */
export async function createRejectionReason(input: unknown): Promise<CreatedRejectionReason> {
  await requireRole("ADMIN");
  const { label } = parseInput(createRejectionReasonSchema, input);
  return withUniqueLabel(() =>
    db.$transaction(async (tx) => {
      await assertLabelFree(tx, label);
      const { _max } = await tx.rejectionReason.aggregate({ _max: { position: true } });
      return tx.rejectionReason.create({
        data: { label, position: (_max.position ?? 0) + 1 },
        select: { id: true, label: true },
      });
    }),
  );
}
