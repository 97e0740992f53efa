"use server";

import { defineAction } from "@/lib/actions/define-action";
import { flagContribution } from "@/lib/flags/flag-contribution";
import type { FlagContributionInput } from "@/lib/flags/schema";

// Entry point of the report form: flagContribution checks the caller and parses the input.

export const flagContributionAction = defineAction("flagContribution", (input: FlagContributionInput) => flagContribution(input), {
  data: () => undefined,
  message: () => "Thank you for your report. The moderators will look at this contribution.",
});
