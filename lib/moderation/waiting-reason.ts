import type { ContributionStatus } from "@/lib/generated/prisma/enums";

// Why a contribution waits in the moderation queue. Pure: the queue's table
// (a client component) shows the label.

export type WaitingReason = "NEW" | "EDITED" | "REPORTED";

export const WAITING_REASON_LABELS: Record<WaitingReason, string> = {
  NEW: "New",
  EDITED: "Edited by its author",
  REPORTED: "Reported",
};

/** A waiting contribution that is not pending is published and reported; a pending one its author changed is edited. */
export function waitingReason(status: ContributionStatus, edited: boolean): WaitingReason {
  if (status !== "PENDING") return "REPORTED";
  return edited ? "EDITED" : "NEW";
}
