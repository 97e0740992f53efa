import "server-only";
import { requireUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import type { ContributionStatus } from "@/lib/generated/prisma/enums";
import { reasonForAuthor } from "@/lib/contributions/author-view";
import { isEditableByAuthor } from "@/lib/contributions/lifecycle/transitions";

export type MyContributionRow = {
  reference: string;
  title: string;
  status: ContributionStatus;
  /** Given for a rejected or hidden contribution. */
  reason: string | null;
  submittedAt: Date;
  consultation: { slug: string; title: string };
  canEdit: boolean;
};

/** Every contribution of the signed-in user, newest first, in every state. */
export async function findMyContributions(): Promise<MyContributionRow[]> {
  const user = await requireUser();
  const rows = await db.contribution.findMany({
    where: { authorId: user.id },
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    select: {
      reference: true,
      title: true,
      status: true,
      rejectionReason: true,
      submittedAt: true,
      consultation: { select: { slug: true, title: true } },
    },
  });
  return rows.map(({ rejectionReason, ...row }) => ({
    ...row,
    reason: reasonForAuthor(row.status, rejectionReason),
    canEdit: isEditableByAuthor(row.status),
  }));
}
