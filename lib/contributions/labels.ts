import type { ContributionStatus } from "@/lib/generated/prisma/enums";

// Words a participant reads for a contribution's status, wherever it shows.

export const CONTRIBUTION_STATUS_LABELS: Record<ContributionStatus, string> = {
  PENDING: "Pending moderation",
  APPROVED: "Published",
  REJECTED: "Rejected",
  HIDDEN: "Hidden by moderators",
  WITHDRAWN: "Withdrawn",
};
