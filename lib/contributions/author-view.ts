import type { ContributionStatus, ModerationAction } from "@/lib/generated/prisma/enums";
import { needsReason, STATUSES_WITH_REASON } from "@/lib/contributions/lifecycle/transitions";

// What the author of a contribution sees of it beyond the public page.
//
// The part of its moderation log its author may read: what
// happened and when, with the reason given for a rejection or hiding. Never
// who did it, never the moderators' internal notes, never their internal
// actions (notes, dismissed reports).

export const AUTHOR_VISIBLE_ACTIONS = ["SUBMIT", "EDIT", "APPROVE", "REJECT", "HIDE", "RESTORE", "WITHDRAW"] as const satisfies readonly ModerationAction[];

export type AuthorVisibleAction = (typeof AUTHOR_VISIBLE_ACTIONS)[number];

export type HistoryEntry = {
  id: string;
  action: AuthorVisibleAction;
  toStatus: ContributionStatus | null;
  /** The reason given to the author, for a rejection or hiding only. */
  reason: string | null;
  at: Date;
};

export const HISTORY_LABELS: Record<AuthorVisibleAction, string> = {
  SUBMIT: "Submitted",
  EDIT: "Edited",
  APPROVE: "Approved and published",
  REJECT: "Rejected",
  HIDE: "Hidden by the moderators",
  RESTORE: "Restored",
  WITHDRAW: "Withdrawn",
};

export function toHistoryEntry(event: {
  id: string;
  action: AuthorVisibleAction;
  toStatus: ContributionStatus | null;
  reason: string | null;
  createdAt: Date;
}): HistoryEntry {
  return {
    id: event.id,
    action: event.action,
    toStatus: event.toStatus,
    reason: needsReason(event.action) ? event.reason : null,
    at: event.createdAt,
  };
}

/** The reason the author is given for the current status: only for a rejected or hidden contribution. */
export function reasonForAuthor(status: ContributionStatus, rejectionReason: string | null): string | null {
  return STATUSES_WITH_REASON.has(status) ? rejectionReason : null;
}
