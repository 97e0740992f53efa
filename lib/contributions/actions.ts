"use server";

import { defineAction } from "@/lib/actions/define-action";
import { deleteMyUpload } from "@/lib/attachments/delete-my-upload";
import { receiptPath } from "@/lib/contributions/contribution-emails";
import { discardDraft } from "@/lib/contributions/discard-draft";
import { saveDraft } from "@/lib/contributions/save-draft";
import { submitContribution } from "@/lib/contributions/submit-contribution";
import { updateContribution } from "@/lib/contributions/update-contribution";
import { withdrawContribution } from "@/lib/contributions/withdraw-contribution";
import type { WithdrawContributionInput } from "@/lib/contributions/withdraw-schema";

// Entry points of the contribution form and of My contributions. Each domain
// function checks who is calling and parses its input with the form's
// schema; a submission ends on its receipt.

const nothing = () => undefined;

export const saveDraftAction = defineAction("saveDraft", saveDraft, { data: ({ savedAt }) => ({ savedAt: savedAt.toISOString() }) });

export const discardDraftAction = defineAction("discardDraft", discardDraft, { data: nothing, message: () => "Your draft was discarded." });

export const deleteUploadAction = defineAction("deleteUpload", deleteMyUpload, { data: nothing });

export const submitContributionAction = defineAction("submitContribution", submitContribution, {
  data: nothing,
  redirect: ({ reference }) => receiptPath(reference),
});

export const updateContributionAction = defineAction("updateContribution", updateContribution, {
  data: nothing,
  revalidate: ({ reference }) => [[`/contributions/${reference}`, "layout"]],
  redirect: ({ reference }) => `${receiptPath(reference)}?updated=1`,
});

// A second click, or a second tab, gets the same answer: withdrawing is idempotent.
export const withdrawContributionAction = defineAction("withdrawContribution", (input: WithdrawContributionInput) => withdrawContribution(input), {
  revalidate: ({ reference }) => [["/my-contributions", "layout"], `/contributions/${reference}`],
  message: () => "Your contribution has been withdrawn. It is no longer shown publicly.",
});
