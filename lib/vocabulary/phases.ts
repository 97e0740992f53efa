import type { Phase } from "@/lib/generated/prisma/enums";

// When a contribution was made relative to its conference. Pure, shared by
// the form, the consultation page and the server; the server always calls
// phaseAt with its own clock: the client never says which phase it is.

export type ConferenceWindow = { startsAt: Date; endsAt: Date };

/**
 * BEFORE the conference starts, DURING it (start included, end excluded),
 * AFTER it ends. A consultation without a conference has no "before" or
 * "after": everything it receives counts as DURING.
 */
export function phaseAt(conference: ConferenceWindow | null, at: Date): Phase {
  if (!conference) return "DURING";
  if (at.getTime() < conference.startsAt.getTime()) return "BEFORE";
  if (at.getTime() < conference.endsAt.getTime()) return "DURING";
  return "AFTER";
}

export const PHASE_LABELS: Record<Phase, string> = {
  BEFORE: "Before the conference",
  DURING: "During the conference",
  AFTER: "After the conference",
};
