import "server-only";
import { requireRole } from "@/lib/auth/current-user";
import { canSeeDraftConsultations, visibleConsultationsWhere } from "@/lib/consultations/visibility";
import { unsafeSaveSummary, type SavedSummary } from "@/lib/summaries/unsafe-save-summary";

export type { SavedSummary } from "@/lib/summaries/unsafe-save-summary";

/**
 * Moderators save the synthesis of a consultation as a new version, or
 * publish it (unsafe-save-summary.ts does the work). Drafts are the
 * administrators' own: anyone else gets "not found", as on every page.
 */
export async function saveSummary(input: unknown): Promise<SavedSummary> {
  const me = await requireRole("MODERATOR");
  // Before the transaction: on the embedded database a query outside it
  // would wait for the one connection the transaction holds.
  return unsafeSaveSummary(me.id, input, visibleConsultationsWhere(await canSeeDraftConsultations()));
}
