"use server";

import { revalidatePath } from "next/cache";
import { toActionError, type ActionResult } from "@/lib/errors";
import { saveSummary, type SavedSummary } from "@/lib/summaries/save-summary";
import type { SaveSummaryInput } from "@/lib/summaries/schema";

// Thin entry point for the synthesis editor: saveSummary checks the caller
// and parses the input.

export async function saveSummaryAction(slug: string, input: SaveSummaryInput): Promise<ActionResult<SavedSummary>> {
  let saved: SavedSummary;
  try {
    saved = await saveSummary(input);
  } catch (error) {
    return toActionError(error, { action: "saveSummary" });
  }
  revalidatePath(`/consultations/${slug}/summary`);
  const message = saved.status === "PUBLISHED" ? `Version ${saved.version} is published.` : `Version ${saved.version} is saved as a draft.`;
  return { ok: true, data: saved, message };
}
