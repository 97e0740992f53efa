import type { ConsultationStatus } from "@/lib/generated/prisma/enums";

// Whether a consultation takes contributions at a given time: pure, shared by
// the consultation page, the form and the server, which always asks with its
// own clock.

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
