import { describe, expect, it } from "vitest";
import { consultationOpenState } from "@/lib/consultations/open-state";
import { phaseAt } from "@/lib/vocabulary/phases";

const second = 1000;
const conference = { startsAt: new Date("2026-12-01T09:00:00Z"), endsAt: new Date("2026-12-02T17:00:00Z") };
const at = (date: Date, offset: number) => new Date(date.getTime() + offset);

describe("phaseAt", () => {
  it("is exact at the conference's edges", () => {
    expect(phaseAt(conference, at(conference.startsAt, -second))).toBe("BEFORE");
    expect(phaseAt(conference, conference.startsAt)).toBe("DURING");
    expect(phaseAt(conference, at(conference.endsAt, -second))).toBe("DURING");
    expect(phaseAt(conference, conference.endsAt)).toBe("AFTER");
    expect(phaseAt(conference, at(conference.endsAt, second))).toBe("AFTER");
  });

  it("counts everything as DURING without a conference", () => {
    expect(phaseAt(null, new Date())).toBe("DURING");
  });
});

describe("consultationOpenState", () => {
  const consultation = { status: "OPEN" as const, opensAt: new Date("2026-11-01T00:00:00Z"), closesAt: new Date("2026-12-31T23:00:00Z") };

  it("opens at opensAt and closes at closesAt, to the second", () => {
    expect(consultationOpenState(consultation, at(consultation.opensAt, -second))).toEqual({ open: false, reason: "NOT_YET_OPEN" });
    expect(consultationOpenState(consultation, consultation.opensAt)).toEqual({ open: true });
    expect(consultationOpenState(consultation, at(consultation.closesAt, -second))).toEqual({ open: true });
    expect(consultationOpenState(consultation, consultation.closesAt)).toEqual({ open: false, reason: "CLOSED" });
  });

  it("is closed whatever the dates when the status is not OPEN", () => {
    const inside = at(consultation.opensAt, 60 * second);
    expect(consultationOpenState({ ...consultation, status: "DRAFT" }, inside)).toEqual({ open: false, reason: "NOT_PUBLISHED" });
    expect(consultationOpenState({ ...consultation, status: "CLOSED" }, inside)).toEqual({ open: false, reason: "CLOSED" });
    expect(consultationOpenState({ ...consultation, status: "ARCHIVED" }, inside)).toEqual({ open: false, reason: "CLOSED" });
  });
});
