import "server-only";
import { requireRole } from "@/lib/auth/current-user";
import { db } from "@/lib/db";

export type RejectionReasonOption = { id: string; label: string };

/** Moderators: the reasons to pick from when rejecting or hiding, in the administrators' order. */
export async function findActiveRejectionReasons(): Promise<RejectionReasonOption[]> {
  await requireRole("MODERATOR");
  return db.rejectionReason.findMany({
    where: { active: true },
    orderBy: [{ position: "asc" }, { label: "asc" }],
    select: { id: true, label: true },
  });
}
