import "server-only";
import { requireRole } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { notFound, parseInput } from "@/lib/errors";
import { moveRejectionReasonSchema } from "@/lib/rejection-reasons/schema";

export type MovedRejectionReason = { id: string; label: string; moved: boolean; position: number; count: number };

/**
 * Administrators only: swaps a reason with its neighbour above or below and
 * numbers the whole list 1…n again, so positions that were equal (or had
 * gaps) cannot make a move do nothing.
 */
export async function moveRejectionReason(input: unknown): Promise<MovedRejectionReason> {
  await requireRole("ADMIN");
  const { id, direction } = parseInput(moveRejectionReasonSchema, input);
  return db.$transaction(async (tx) => {
    // Every row locked in list order: two administrators reordering at once
    // take turns instead of each renumbering from a list the other changed.
    const list = await tx.$queryRaw<{ id: string; label: string; position: number }[]>`
      SELECT "id", "label", "position" FROM "RejectionReason" ORDER BY "position", "label", "id" FOR UPDATE`;
    const index = list.findIndex((row) => row.id === id);
    const reason = list[index];
    if (!reason) throw notFound("This reason");
    const target = direction === "UP" ? index - 1 : index + 1;
    if (target < 0 || target >= list.length) {
      return { id, label: reason.label, moved: false, position: index + 1, count: list.length };
    }
    list.splice(index, 1);
    list.splice(target, 0, reason);
    for (const [offset, row] of list.entries()) {
      if (row.position !== offset + 1) await tx.rejectionReason.update({ where: { id: row.id }, data: { position: offset + 1 } });
    }
    return { id, label: reason.label, moved: true, position: target + 1, count: list.length };
  });
}
