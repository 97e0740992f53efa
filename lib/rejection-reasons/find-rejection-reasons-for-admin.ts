import "server-only";
import { requireRole } from "@/lib/auth/current-user";
import { db } from "@/lib/db";

export type AdminRejectionReason = { id: string; label: string; active: boolean; createdAt: Date };

/** Administrators only: every reason, inactive ones included, in the order moderators see them. */
export async function findRejectionReasonsForAdmin(): Promise<AdminRejectionReason[]> {
  await requireRole("ADMIN");
  return db.rejectionReason.findMany({
    orderBy: [{ position: "asc" }, { label: "asc" }, { id: "asc" }],
    select: { id: true, label: true, active: true, createdAt: true },
  });
}
