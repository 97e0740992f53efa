"use server";

import { revalidatePath } from "next/cache";
import { toActionError, type ActionResult } from "@/lib/errors";
import { addModeratorNote } from "@/lib/moderation/add-moderator-note";
import { bulkDecide, type BulkDecisionResult } from "@/lib/moderation/bulk-decide";
import { decideContribution, type DecisionResult } from "@/lib/moderation/decide-contribution";
import { dismissFlags } from "@/lib/moderation/dismiss-flags";
import type { AddModeratorNoteInput, BulkDecideInput, Decision, DecideContributionInput, DismissFlagsInput } from "@/lib/moderation/schema";
import { setUserSuspended, type SuspensionChange } from "@/lib/users/set-user-suspended";

// Thin entry points for the moderation queue: each domain function checks
// that the caller is a moderator and parses its input.

const DONE: Record<Decision, (reference: string) => string> = {
  APPROVE: (reference) => `Approved ${reference}. It is published.`,
  REJECT: (reference) => `Rejected ${reference}. The author has been told why.`,
  HIDE: (reference) => `Hid ${reference} from the public. The author has been told why.`,
  RESTORE: (reference) => `Restored ${reference}. It is published again.`,
};

export async function decideContributionAction(input: DecideContributionInput): Promise<ActionResult<DecisionResult>> {
  let result: DecisionResult;
  try {
    result = await decideContribution(input);
  } catch (error) {
    return toActionError(error, { action: "decideContribution" });
  }
  revalidatePath("/moderation", "layout");
  return { ok: true, data: result, message: DONE[input.decision](result.reference) };
}

export async function bulkDecideAction(input: BulkDecideInput): Promise<ActionResult<{ count: number }>> {
  let result: BulkDecisionResult;
  try {
    result = await bulkDecide(input);
  } catch (error) {
    return toActionError(error, { action: "bulkDecide" });
  }
  revalidatePath("/moderation", "layout");
  const contributions = result.count === 1 ? "1 contribution" : `${result.count} contributions`;
  return { ok: true, data: { count: result.count }, message: `${input.decision === "APPROVE" ? "Approved" : "Rejected"} ${contributions}.` };
}

export async function addModeratorNoteAction(input: AddModeratorNoteInput): Promise<ActionResult> {
  try {
    await addModeratorNote(input);
  } catch (error) {
    return toActionError(error, { action: "addModeratorNote" });
  }
  revalidatePath("/moderation", "layout");
  return { ok: true, data: undefined, message: "Note added. Only moderators can read it." };
}

export async function dismissFlagsAction(input: DismissFlagsInput): Promise<ActionResult<DecisionResult>> {
  let result: DecisionResult;
  try {
    result = await dismissFlags(input);
  } catch (error) {
    return toActionError(error, { action: "dismissFlags" });
  }
  revalidatePath("/moderation", "layout");
  return { ok: true, data: result, message: `Dismissed the reports on ${result.reference}. It stays published.` };
}

export async function suspendAuthorAction(input: { userId: string; reason?: string }): Promise<ActionResult> {
  let result: SuspensionChange;
  try {
    // As the client sent it (setUserSuspended checks the caller before it
    // reads the input), only ever to suspend.
    result = await setUserSuspended({ ...input, suspended: true });
  } catch (error) {
    return toActionError(error, { action: "suspendAuthor" });
  }
  revalidatePath("/moderation", "layout");
  return {
    ok: true,
    data: undefined,
    message: result.changed ? "Account suspended. They have been signed out and cannot sign in or contribute." : "This account was already suspended.",
  };
}
