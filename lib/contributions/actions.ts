"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { toActionError, type ActionResult } from "@/lib/errors";
import { deleteMyUpload } from "@/lib/attachments/delete-my-upload";
import { receiptPath } from "@/lib/contributions/contribution-emails";
import { discardDraft } from "@/lib/contributions/discard-draft";
import { saveDraft } from "@/lib/contributions/save-draft";
import { submitContribution } from "@/lib/contributions/submit-contribution";
import { updateContribution } from "@/lib/contributions/update-contribution";
import { withdrawContribution, type WithdrawResult } from "@/lib/contributions/withdraw-contribution";
import type { WithdrawContributionInput } from "@/lib/contributions/withdraw-schema";

// Thin entry points for the contribution form. Each domain function checks
// who is calling and parses its input with the form's schema; these turn the
// outcome into an ActionResult, or go to the receipt once it is done
// (redirect() outside try/catch: it works by throwing).

export async function saveDraftAction(input: unknown): Promise<ActionResult<{ savedAt: string }>> {
  try {
    const { savedAt } = await saveDraft(input);
    return { ok: true, data: { savedAt: savedAt.toISOString() } };
  } catch (error) {
    return toActionError(error, { action: "saveDraft" });
  }
}

export async function discardDraftAction(input: unknown): Promise<ActionResult> {
  try {
    await discardDraft(input);
    return { ok: true, data: undefined, message: "Your draft was discarded." };
  } catch (error) {
    return toActionError(error, { action: "discardDraft" });
  }
}

export async function deleteUploadAction(input: unknown): Promise<ActionResult> {
  try {
    await deleteMyUpload(input);
    return { ok: true, data: undefined };
  } catch (error) {
    return toActionError(error, { action: "deleteUpload" });
  }
}

export async function submitContributionAction(input: unknown): Promise<ActionResult> {
  let reference: string;
  try {
    ({ reference } = await submitContribution(input));
  } catch (error) {
    return toActionError(error, { action: "submitContribution" });
  }
  redirect(receiptPath(reference));
}

export async function updateContributionAction(input: unknown): Promise<ActionResult> {
  let reference: string;
  try {
    ({ reference } = await updateContribution(input));
  } catch (error) {
    return toActionError(error, { action: "updateContribution" });
  }
  revalidatePath(`/contributions/${reference}`, "layout");
  redirect(`${receiptPath(reference)}?updated=1`);
}

// A second click, or a second tab, gets the same answer: withdrawing is idempotent.
export async function withdrawContributionAction(input: WithdrawContributionInput): Promise<ActionResult<WithdrawResult>> {
  let result: WithdrawResult;
  try {
    result = await withdrawContribution(input);
  } catch (error) {
    return toActionError(error, { action: "withdrawContribution" });
  }
  revalidatePath("/my-contributions", "layout");
  revalidatePath(`/contributions/${result.reference}`);
  return { ok: true, data: result, message: "Your contribution has been withdrawn. It is no longer shown publicly." };
}
