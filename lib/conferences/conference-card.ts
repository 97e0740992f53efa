// What a conference card shows, and where a conference stands in time.

export const conferenceCardSelect = {
  slug: true,
  title: true,
  venue: true,
  isOnline: true,
  timeZone: true,
  startsAt: true,
  endsAt: true,
} as const;

export type ConferenceCard = {
  slug: string;
  title: string;
  venue: string | null;
  isOnline: boolean;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
};

export type ConferencePhase = "UPCOMING" | "RUNNING" | "PAST";

export function conferencePhase(conference: Pick<ConferenceCard, "startsAt" | "endsAt">, now: Date): ConferencePhase {
  if (now < conference.startsAt) return "UPCOMING";
  if (now < conference.endsAt) return "RUNNING";
  return "PAST";
}

export const CONFERENCE_PHASE_LABELS: Record<ConferencePhase, string> = {
  UPCOMING: "Upcoming",
  RUNNING: "Running now",
  PAST: "Past",
};
