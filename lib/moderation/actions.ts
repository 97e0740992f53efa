"use server";

import { defineAction, type RevalidateTarget } from "@/lib/actions/define-action";
import { addModeratorNote } from "@/lib/moderation/add-moderator-note";
import { bulkDecide } from "@/lib/moderation/bulk-decide";
import { decideContribution } from "@/lib/moderation/decide-contribution";
import { dismissFlags } from "@/lib/moderation/dismiss-flags";
import type { AddModeratorNoteInput, BulkDecideInput, Decision, DecideContributionInput, DismissFlagsInput } from "@/lib/moderation/schema";
import { setUserSuspended } from "@/lib/users/set-user-suspended";

// Entry points of the moderation pages: each domain function checks that the
// caller is a moderator and parses its input.

const DONE: Record<Decision, (reference: string) => string> = {
  APPROVE: (reference) => `Approved ${reference}. It is published.`,
  REJECT: (reference) => `Rejected ${reference}. The author has been told why.`,
  HIDE: (reference) => `Hid ${reference} from the public. The author has been told why.`,
  RESTORE: (reference) => `Restored ${reference}. It is published again.`,
};

const moderationPages = (): RevalidateTarget[] => [["/moderation", "layout"]];

export const decideContributionAction = defineAction("decideContribution", (input: DecideContributionInput) => decideContribution(input), {
  revalidate: moderationPages,
  message: (result, input) => DONE[input.decision](result.reference),
});

export const bulkDecideAction = defineAction("bulkDecide", (input: BulkDecideInput) => bulkDecide(input), {
  revalidate: moderationPages,
  data: ({ count }) => ({ count }),
  message: ({ count }, input) => `${input.decision === "APPROVE" ? "Approved" : "Rejected"} ${count === 1 ? "1 contribution" : `${count} contributions`}.`,
});

export const addModeratorNoteAction = defineAction("addModeratorNote", (input: AddModeratorNoteInput) => addModeratorNote(input), {
  revalidate: moderationPages,
  data: () => undefined,
  message: () => "Note added. Only moderators can read it.",
});

export const dismissFlagsAction = defineAction("dismissFlags", (input: DismissFlagsInput) => dismissFlags(input), {
  revalidate: moderationPages,
  message: ({ reference }) => `Dismissed the reports on ${reference}. It stays published.`,
});

// As the client sent it (setUserSuspended checks the caller before it reads
// the input), only ever to suspend.
export const suspendAuthorAction = defineAction("suspendAuthor", (input: { userId: string; reason?: string }) => setUserSuspended({ ...input, suspended: true }), {
  revalidate: moderationPages,
  data: () => undefined,
  message: ({ changed }) => (changed ? "Account suspended. They have been signed out and cannot sign in or contribute." : "This account was already suspended."),
});
