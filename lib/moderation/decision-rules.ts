import type { ContributionStatus, ModerationAction } from "@/lib/generated/prisma/enums";
import type { Decision } from "@/lib/moderation/schema";

// Which decision applies to which status, and what a moderator is told when
// it does not. Pure, so the queue can offer only the decisions that apply and
// the server can refuse the others with the same words.

type Transition = { from: readonly ContributionStatus[]; to: ContributionStatus; action: ModerationAction };

export const TRANSITIONS: Record<Decision, Transition> = {
  // From REJECTED too: a moderator may reconsider a rejection.
  APPROVE: { from: ["PENDING", "REJECTED"], to: "APPROVED", action: "APPROVE" },
  REJECT: { from: ["PENDING"], to: "REJECTED", action: "REJECT" },
  HIDE: { from: ["APPROVED"], to: "HIDDEN", action: "HIDE" },
  RESTORE: { from: ["HIDDEN"], to: "APPROVED", action: "RESTORE" },
};

/** The decisions that tell the author why, and so need a reason. */
export function needsReason(decision: Decision): boolean {
  return decision === "REJECT" || decision === "HIDE";
}

/** The decisions a moderator can take on a contribution in this status. */
export function allowedDecisions(status: ContributionStatus): Decision[] {
  return (Object.keys(TRANSITIONS) as Decision[]).filter((decision) => TRANSITIONS[decision].from.includes(status));
}

const ONLY_FROM: Record<Decision, string> = {
  APPROVE: "Only a pending or rejected contribution can be approved.",
  REJECT: "Only a pending contribution can be rejected.",
  HIDE: "Only a published contribution can be hidden.",
  RESTORE: "Only a hidden contribution can be restored.",
};

/**
 * Why this decision cannot be taken on a contribution in this state, or null
 * when it can. Names the decision that does apply where there is one.
 */
export function decisionRefusal(decision: Decision, contribution: { status: ContributionStatus; openFlagCount: number }): string | null {
  const { status, openFlagCount } = contribution;
  if (TRANSITIONS[decision].from.includes(status)) return null;
  if (status === "WITHDRAWN") return "The author withdrew this contribution: it can no longer be moderated.";
  if (status === "APPROVED" && decision === "APPROVE") {
    return openFlagCount > 0
      ? "This contribution is already published. To keep it published despite the reports, dismiss the reports."
      : "This contribution is already published.";
  }
  if (status === "APPROVED" && decision === "RESTORE") return "This contribution is already published.";
  if (status === "APPROVED" && decision === "REJECT") return "A published contribution cannot be rejected. Hide it instead.";
  if (status === "REJECTED" && decision === "REJECT") return "This contribution is already rejected.";
  if (status === "HIDDEN" && decision === "HIDE") return "This contribution is already hidden.";
  if (status === "HIDDEN" && decision === "APPROVE") return "This contribution is hidden. Restore it to publish it again.";
  if (status === "PENDING" && decision === "HIDE") return "A pending contribution is not published yet. Reject it instead of hiding it.";
  return ONLY_FROM[decision];
}

/** How a bulk refusal describes a contribution that is not in a state the decision applies to. */
export const STATUS_PHRASES: Record<ContributionStatus, string> = {
  PENDING: "is pending",
  APPROVED: "is published",
  REJECTED: "is rejected",
  HIDDEN: "is hidden",
  WITHDRAWN: "was withdrawn by its author",
};
