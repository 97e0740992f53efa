"use server";

import { defineAction } from "@/lib/actions/define-action";
import { saveSummary } from "@/lib/summaries/save-summary";
import type { SaveSummaryInput } from "@/lib/summaries/schema";
import type { SteerThemesInput } from "@/lib/summaries/steering/schema";
import { steerThemes } from "@/lib/summaries/theme-job/steer-themes";

// Entry point of the synthesis editor: saveSummary checks the caller and
// parses the input; the slug names the page to revalidate.

export const saveSummaryAction = defineAction("saveSummary", (_slug: string, input: SaveSummaryInput) => saveSummary(input), {
  revalidate: (_saved, slug) => [`/consultations/${slug}/summary`],
  message: (saved) => (saved.status === "PUBLISHED" ? `Version ${saved.version} is published.` : `Version ${saved.version} is saved as a draft.`),
});

// Entry point of the theme steering panel of the live view: steerThemes
// checks the caller and parses the change.
export const steerThemesAction = defineAction("steerThemes", (_slug: string, input: SteerThemesInput) => steerThemes(input), {
  revalidate: (_steered, slug) => [`/consultations/${slug}/summary`],
  message: (steered) => `Saved as steering version ${steered.version}: the themes are being found again with it.`,
});
