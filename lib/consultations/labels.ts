import type { ConsultationStatus, QuestionKind } from "@/lib/generated/prisma/enums";

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
