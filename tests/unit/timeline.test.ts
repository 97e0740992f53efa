import { describe, expect, it } from "vitest";
import { buildTimeline, type TimelineStep } from "@/lib/consultations/timeline";

const at = (text: string) => new Date(`${text}Z`);
const consultation = { status: "OPEN" as const, opensAt: at("2026-11-01T00:00:00"), closesAt: at("2026-12-31T00:00:00") };
const conference = { startsAt: at("2026-12-01T09:00:00"), endsAt: at("2026-12-02T17:00:00") };

/** The steps as short strings: "OPENS", "BEFORE:NOW*" (* = open now). */
const outline = (steps: TimelineStep[]) =>
  steps.map((step) => (step.kind === "milestone" ? step.key : `${step.phase}:${step.time}${step.openNow ? "*" : ""}`));

describe("buildTimeline", () => {
  it("orders opens, the phases and the conference's start and end, and marks the phase open now", () => {
    const timeline = buildTimeline(consultation, conference, at("2026-11-15T12:00:00"));
    expect(outline(timeline.steps)).toEqual(["OPENS", "BEFORE:NOW*", "CONFERENCE_STARTS", "DURING:UPCOMING", "CONFERENCE_ENDS", "AFTER:UPCOMING", "CLOSES"]);
    expect(timeline.currentPhase).toBe("BEFORE");
    expect(timeline.open).toEqual({ open: true });
  });

  it("switches phase exactly at the conference's start and end", () => {
    const second = 1000;
    const phaseAt = (date: Date) => buildTimeline(consultation, conference, date).currentPhase;
    expect(phaseAt(new Date(conference.startsAt.getTime() - second))).toBe("BEFORE");
    expect(phaseAt(conference.startsAt)).toBe("DURING");
    expect(phaseAt(new Date(conference.endsAt.getTime() - second))).toBe("DURING");
    expect(phaseAt(conference.endsAt)).toBe("AFTER");
    const during = buildTimeline(consultation, conference, conference.startsAt);
    expect(outline(during.steps)).toContain("DURING:NOW*");
    expect(during.steps.find((step) => step.kind === "milestone" && step.key === "CONFERENCE_STARTS")).toMatchObject({ passed: true });
  });

  it("marks nothing as open before the opening, after the closing, or when the consultation is closed or a draft", () => {
    expect(buildTimeline(consultation, conference, at("2026-10-31T23:59:59"))).toMatchObject({ currentPhase: null, open: { open: false, reason: "NOT_YET_OPEN" } });
    expect(outline(buildTimeline(consultation, conference, at("2026-10-31T23:59:59")).steps)).toContain("BEFORE:UPCOMING");
    const over = buildTimeline(consultation, conference, consultation.closesAt);
    expect(over.currentPhase).toBeNull();
    expect(outline(over.steps).filter((step) => step.includes(":"))).toEqual(["BEFORE:PAST", "DURING:PAST", "AFTER:PAST"]);
    // Closed early: the clock is in the "during" stretch, but nothing is open.
    const closedEarly = buildTimeline({ ...consultation, status: "CLOSED" }, conference, at("2026-12-01T10:00:00"));
    expect(outline(closedEarly.steps)).toContain("DURING:NOW");
    expect(closedEarly).toMatchObject({ currentPhase: null, open: { open: false, reason: "CLOSED" } });
    expect(buildTimeline({ ...consultation, status: "DRAFT" }, conference, at("2026-11-15T00:00:00")).currentPhase).toBeNull();
  });

  it("leaves out phases outside the consultation's window", () => {
    // Opens when the conference is already running, closes before it ends.
    const inside = buildTimeline({ ...consultation, opensAt: at("2026-12-01T12:00:00"), closesAt: at("2026-12-02T12:00:00") }, conference, at("2026-12-01T13:00:00"));
    expect(outline(inside.steps)).toEqual(["CONFERENCE_STARTS", "OPENS", "DURING:NOW*", "CLOSES", "CONFERENCE_ENDS"]);
    const phase = inside.steps.find((step) => step.kind === "phase");
    expect(phase).toMatchObject({ from: at("2026-12-01T12:00:00"), to: at("2026-12-02T12:00:00") });
  });

  it("puts simultaneous moments in a sensible order", () => {
    const sameStart = buildTimeline({ ...consultation, opensAt: conference.startsAt, closesAt: conference.endsAt }, conference, at("2026-12-01T10:00:00"));
    expect(outline(sameStart.steps)).toEqual(["OPENS", "CONFERENCE_STARTS", "DURING:NOW*", "CONFERENCE_ENDS", "CLOSES"]);
  });

  it("has one contribution period without a conference, counted as during", () => {
    const timeline = buildTimeline(consultation, null, at("2026-11-15T00:00:00"));
    expect(outline(timeline.steps)).toEqual(["OPENS", "DURING:NOW*", "CLOSES"]);
    expect(timeline.steps[1]).toMatchObject({ label: "Contribution period" });
    expect(timeline.currentPhase).toBe("DURING");
  });
});
