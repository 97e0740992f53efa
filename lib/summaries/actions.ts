"use server";

import { defineAction } from "@/lib/actions/define-action";
import { saveSummary } from "@/lib/summaries/save-summary";
import type { SaveSummaryInput } from "@/lib/summaries/schema";

// Entry point of the synthesis editor: saveSummary checks the caller and
// parses the input; the slug names the page to revalidate.

export const saveSummaryAction = defineAction("saveSummary", (_slug: string, input: SaveSummaryInput) => saveSummary(input), {
  revalidate: (_saved, slug) => [`/consultations/${slug}/summary`],
  message: (saved) => (saved.status === "PUBLISHED" ? `Version ${saved.version} is published.` : `Version ${saved.version} is saved as a draft.`),
});
