import "server-only";
import { getCurrentUser } from "@/lib/auth/current-user";
import { canModerate } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import type { Phase } from "@/lib/generated/prisma/enums";

/** Approved contributions of each consultation, in one grouped query. Public. */
export async function countApprovedContributions(consultationIds: string[]): Promise<Map<string, number>> {
  if (consultationIds.length === 0) return new Map();
  const groups = await db.contribution.groupBy({
    by: ["consultationId"],
    where: { consultationId: { in: consultationIds }, status: "APPROVED" },
    _count: { _all: true },
  });
  return new Map(groups.map((group) => [group.consultationId, group._count._all]));
}

export type ContributionCounts = {
  approved: number;
  approvedByPhase: Record<Phase, number>;
  /** Waiting for moderation; null unless the caller is a moderator or an administrator. */
  pending: number | null;
};

/**
 * The figures a consultation page shows. Approved contributions are public;
 * how many wait for moderation is for moderators and administrators only.
 */
export async function getContributionCounts(consultationId: string): Promise<ContributionCounts> {
  const user = await getCurrentUser();
  const showPending = user !== null && canModerate(user.role);
  const groups = await db.contribution.groupBy({
    by: ["status", "phase"],
    where: { consultationId, status: { in: showPending ? ["APPROVED", "PENDING"] : ["APPROVED"] } },
    _count: { _all: true },
  });
  const approvedByPhase: Record<Phase, number> = { BEFORE: 0, DURING: 0, AFTER: 0 };
  let pending = 0;
  for (const group of groups) {
    if (group.status === "APPROVED") approvedByPhase[group.phase] += group._count._all;
    else pending += group._count._all;
  }
  return {
    approved: approvedByPhase.BEFORE + approvedByPhase.DURING + approvedByPhase.AFTER,
    approvedByPhase,
    pending: showPending ? pending : null,
  };
}
