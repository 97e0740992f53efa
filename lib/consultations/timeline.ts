import { consultationOpenState, type ConsultationWindow, type OpenState } from "@/lib/consultations/open-state";
import { phaseAt, PHASE_LABELS, type ConferenceWindow } from "@/lib/vocabulary/phases";
import type { Phase } from "@/lib/generated/prisma/enums";

// The consultation page's timeline: when the consultation opens and closes,
// when its conference starts and ends, and the phases in between that a
// contribution can fall in. Pure, and always given the server's clock.

export type MilestoneKey = "OPENS" | "CONFERENCE_STARTS" | "CONFERENCE_ENDS" | "CLOSES";

export type TimelineMilestone = { kind: "milestone"; key: MilestoneKey; label: string; at: Date; passed: boolean };

export type TimelinePhase = {
  kind: "phase";
  phase: Phase;
  label: string;
  from: Date;
  to: Date;
  /** Where the server's clock is: before, inside or after this stretch. */
  time: "PAST" | "NOW" | "UPCOMING";
  /** Contributions are accepted now, and would be given this phase. */
  openNow: boolean;
};

export type TimelineStep = TimelineMilestone | TimelinePhase;

export type Timeline = {
  steps: TimelineStep[];
  open: OpenState;
  /** The phase a contribution made now would get, when the consultation is open. */
  currentPhase: Phase | null;
};

const MILESTONE_LABELS: Record<MilestoneKey, string> = {
  OPENS: "Consultation opens",
  CONFERENCE_STARTS: "Conference starts",
  CONFERENCE_ENDS: "Conference ends",
  CLOSES: "Consultation closes",
};

// Order of steps at the same instant: what happens at a moment comes before
// the stretch that starts then, and a consultation opens before anything
// else happening at that moment and closes after it.
const RANK: Record<MilestoneKey | "PHASE", number> = { OPENS: 0, CONFERENCE_ENDS: 1, CONFERENCE_STARTS: 2, PHASE: 3, CLOSES: 4 };

export function buildTimeline(consultation: ConsultationWindow, conference: ConferenceWindow | null, now: Date): Timeline {
  const open = consultationOpenState(consultation, now);
  const { opensAt, closesAt } = consultation;
  const clamp = (date: Date) => new Date(Math.min(Math.max(date.getTime(), opensAt.getTime()), closesAt.getTime()));

  const milestone = (key: MilestoneKey, at: Date): TimelineMilestone => ({ kind: "milestone", key, label: MILESTONE_LABELS[key], at, passed: at <= now });
  const milestones = [milestone("OPENS", opensAt), milestone("CLOSES", closesAt)];

  // Without a conference every contribution counts as "during" (phaseAt): one stretch.
  const stretches: { phase: Phase; label: string; from: Date; to: Date }[] = conference
    ? [
        { phase: "BEFORE" as const, from: opensAt, to: clamp(conference.startsAt) },
        { phase: "DURING" as const, from: clamp(conference.startsAt), to: clamp(conference.endsAt) },
        { phase: "AFTER" as const, from: clamp(conference.endsAt), to: closesAt },
      ].map((stretch) => ({ ...stretch, label: PHASE_LABELS[stretch.phase] }))
    : [{ phase: "DURING", label: "Contribution period", from: opensAt, to: closesAt }];
  if (conference) milestones.push(milestone("CONFERENCE_STARTS", conference.startsAt), milestone("CONFERENCE_ENDS", conference.endsAt));

  const currentPhase = open.open ? phaseAt(conference, now) : null;
  const phases: TimelinePhase[] = stretches
    .filter((stretch) => stretch.to > stretch.from)
    .map((stretch) => {
      const time = now < stretch.from ? "UPCOMING" : now < stretch.to ? "NOW" : "PAST";
      return { kind: "phase", ...stretch, time, openNow: time === "NOW" && stretch.phase === currentPhase };
    });

  const key = (step: TimelineStep) => [step.kind === "milestone" ? step.at.getTime() : step.from.getTime(), RANK[step.kind === "milestone" ? step.key : "PHASE"]] as const;
  const steps = [...milestones, ...phases].sort((a, b) => {
    const [timeA, rankA] = key(a);
    const [timeB, rankB] = key(b);
    return timeA - timeB || rankA - rankB;
  });
  return { steps, open, currentPhase };
}
