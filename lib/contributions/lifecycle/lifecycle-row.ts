import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ContributionStatus } from "@/lib/generated/prisma/enums";

/** What a transition reads of a contribution: its state, its author, and what the author's notice and e-mail name. */
export const lifecycleSelect = {
  id: true,
  reference: true,
  title: true,
  publication: true,
  status: true,
  version: true,
  openFlagCount: true,
  authorId: true,
  author: { select: { email: true } },
  consultation: { select: { title: true } },
} satisfies Prisma.ContributionSelect;

export type LifecycleRow = Prisma.ContributionGetPayload<{ select: typeof lifecycleSelect }>;

/** A contribution's state as a transition left it, or as it found it. */
export type ContributionState = { contributionId: string; reference: string; status: ContributionStatus; version: number };

export const toContributionState = (contribution: Pick<LifecycleRow, "id" | "reference" | "status" | "version">): ContributionState => ({
  contributionId: contribution.id,
  reference: contribution.reference,
  status: contribution.status,
  version: contribution.version,
});
