import type { ConsultationStatus, Phase } from "@/lib/generated/prisma/enums";

// Pure rules about time, shared by the form, the consultation page and the
// server. The server always calls them with its own clock: the client never
// says which phase it is or whether a consultation is open.

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

export type ConsultationWindow = { status: ConsultationStatus; opensAt: Date; closesAt: Date };

export type OpenState = { open: true } | { open: false; reason: "NOT_PUBLISHED" | "NOT_YET_OPEN" | "CLOSED" };

/** Open from opensAt (included) to closesAt (excluded), and only while its status is OPEN. */
export function consultationOpenState(consultation: ConsultationWindow, at: Date): OpenState {
  if (consultation.status === "DRAFT") return { open: false, reason: "NOT_PUBLISHED" };
  if (consultation.status !== "OPEN") return { open: false, reason: "CLOSED" };
  if (at.getTime() < consultation.opensAt.getTime()) return { open: false, reason: "NOT_YET_OPEN" };
  if (at.getTime() >= consultation.closesAt.getTime()) return { open: false, reason: "CLOSED" };
  return { open: true };
}

export const PHASE_LABELS: Record<Phase, string> = {
  BEFORE: "Before the conference",
  DURING: "During the conference",
  AFTER: "After the conference",
};
