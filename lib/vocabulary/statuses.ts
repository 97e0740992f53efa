import type { ConsultationStatus, ContributionStatus, QuestionKind } from "@/lib/generated/prisma/enums";

// Words people read for the states of records, wherever they show.

export const CONTRIBUTION_STATUS_LABELS: Record<ContributionStatus, string> = {
  PENDING: "Pending moderation",
  APPROVED: "Published",
  REJECTED: "Rejected",
  HIDDEN: "Hidden by moderators",
  WITHDRAWN: "Withdrawn",
};

export const CONSULTATION_STATUS_LABELS: Record<ConsultationStatus, string> = {
  DRAFT: "Draft",
  OPEN: "Open",
  CLOSED: "Closed",
  ARCHIVED: "Archived",
};

export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  FREE_TEXT: "Free text",
  SINGLE_CHOICE: "Single choice",
  MULTIPLE_CHOICE: "Multiple choice",
  SCALE: "Scale",
};
