"use server";

import { toActionError, type ActionResult } from "@/lib/errors";
import { flagContribution } from "@/lib/flags/flag-contribution";
import type { FlagContributionInput } from "@/lib/flags/schema";

// Thin entry point: flagContribution checks the caller and parses the input.

export async function flagContributionAction(input: FlagContributionInput): Promise<ActionResult> {
  try {
    await flagContribution(input);
  } catch (error) {
    return toActionError(error, { action: "flagContribution" });
  }
  return { ok: true, data: undefined, message: "Thank you for your report. The moderators will look at this contribution." };
}
