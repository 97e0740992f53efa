import { formatDateTime } from "@/lib/format";
import type { OpenState } from "@/lib/consultations/open-state";

// Why a consultation does not take contributions, in words a participant
// reads on the form and in the error a refused submission returns.

type Window = { opensAt: Date; closesAt: Date; timeZone: string };

export function closedConsultationMessage(reason: Exclude<OpenState, { open: true }>["reason"], consultation: Window, now: Date): string {
  switch (reason) {
    case "NOT_PUBLISHED":
      return "This consultation has not been published yet, so it does not accept contributions.";
    case "NOT_YET_OPEN":
      return `This consultation is not open yet. You can contribute from ${formatDateTime(consultation.opensAt, consultation.timeZone)}.`;
    case "CLOSED":
      // An administrator may close a consultation before its planned date.
      return consultation.closesAt.getTime() <= now.getTime()
        ? `This consultation closed on ${formatDateTime(consultation.closesAt, consultation.timeZone)} and no longer accepts contributions.`
        : "This consultation is closed and no longer accepts contributions.";
  }
}
