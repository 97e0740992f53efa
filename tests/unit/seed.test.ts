import { describe, expect, it } from "vitest";
import { phaseAt } from "@/lib/vocabulary/phases";
import type { SeededConsultation } from "@/prisma/seed/demo-consultations";
import { planDemoContributions } from "@/prisma/seed/demo-contributions";
import { buildDemoStakeholders } from "@/prisma/seed/demo-stakeholders";
import { createRandom } from "@/prisma/seed/random";
import { mulberry32 } from "@/lib/random";
import { dayInZone, zonedTime } from "@/prisma/seed/zoned-time";

const DAY = 24 * 60 * 60 * 1000;

describe("seeded random numbers", () => {
  it("repeat for the same seed and differ for another", () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(first);
    for (const value of first) expect(value >= 0 && value < 1).toBe(true);
  });

  it("pick, sample and weighted stay within their input", () => {
    const random = createRandom(1);
    for (let i = 0; i < 200; i += 1) {
      expect(["a", "b", "c"]).toContain(random.pick(["a", "b", "c"]));
      const sample = random.sample([1, 2, 3, 4, 5], 3);
      expect(new Set(sample).size).toBe(3);
      expect(random.weighted([["never", 0], ["always", 1]])).toBe("always");
      const n = random.int(1, 5);
      expect(n >= 1 && n <= 5 && Number.isInteger(n)).toBe(true);
    }
  });
});

describe("zoned wall-clock times", () => {
  it("applies the time zone's offset of that day, summer or winter", () => {
    expect(zonedTime({ year: 2026, month: 7, day: 15 }, 9, 0, "Europe/Brussels").toISOString()).toBe("2026-07-15T07:00:00.000Z");
    expect(zonedTime({ year: 2026, month: 12, day: 15 }, 9, 0, "Europe/Brussels").toISOString()).toBe("2026-12-15T08:00:00.000Z");
    // The morning clocks go forward.
    expect(zonedTime({ year: 2026, month: 3, day: 29 }, 9, 0, "Europe/Brussels").toISOString()).toBe("2026-03-29T07:00:00.000Z");
    expect(zonedTime({ year: 2026, month: 3, day: 1 }, 10, 0, "Asia/Tokyo").toISOString()).toBe("2026-03-01T01:00:00.000Z");
  });

  it("finds the calendar day in the zone, shifted by whole days", () => {
    const instant = new Date("2026-03-01T23:30:00Z");
    expect(dayInZone(instant, "Asia/Tokyo")).toEqual({ year: 2026, month: 3, day: 2 });
    // Already 00:30 on 2 March in Brussels.
    expect(dayInZone(instant, "Europe/Brussels", -1)).toEqual({ year: 2026, month: 3, day: 1 });
    expect(dayInZone(instant, "UTC", -1)).toEqual({ year: 2026, month: 2, day: 28 });
    expect(dayInZone(instant, "UTC", 31)).toEqual({ year: 2026, month: 4, day: 1 });
  });
});

describe("the demo's content", () => {
  it("has the same sixty-odd stakeholders every time, with unique e-mail addresses", () => {
    const stakeholders = buildDemoStakeholders();
    expect(buildDemoStakeholders()).toEqual(stakeholders);
    expect(stakeholders.length).toBeGreaterThanOrEqual(60);
    expect(new Set(stakeholders.map((stakeholder) => stakeholder.email)).size).toBe(stakeholders.length);
    for (const stakeholder of stakeholders) expect(stakeholder.email).toMatch(/^[a-z0-9.]+@[a-z0-9.-]+\.example$/);
  });

  it("plans the same contributions for the same inputs, inside each consultation's window", () => {
    const now = new Date("2026-06-15T12:00:00Z");
    const questions = [{ id: "q1", kind: "SCALE" as const, required: true, options: [] }];
    const consultation = (id: string, status: "OPEN" | "CLOSED", startsInDays: number): SeededConsultation => {
      const startsAt = new Date(now.getTime() + startsInDays * DAY);
      const endsAt = new Date(startsAt.getTime() + 2 * DAY);
      return {
        id,
        slug: id,
        status,
        opensAt: new Date(startsAt.getTime() - 30 * DAY),
        closesAt: new Date(endsAt.getTime() + 14 * DAY),
        themes: ["sme", "health"],
        conference: { id: `conf-${id}`, slug: `conf-${id}`, startsAt, endsAt },
        questions,
      };
    };
    const input = {
      consultations: [consultation("soon", "OPEN", 20), consultation("now", "OPEN", -1), consultation("past", "CLOSED", -30)],
      authors: buildDemoStakeholders()
        .filter((stakeholder) => stakeholder.role === "PARTICIPANT")
        .map((stakeholder, index) => ({ id: `u${index}`, languages: stakeholder.languages, publicationPreference: stakeholder.profile.publicationPreference })),
      moderatorIds: ["m1", "m2"],
      now,
    };
    const plan = planDemoContributions(input);
    expect(planDemoContributions(input)).toEqual(plan);
    expect(plan.contributions).toHaveLength(300);
    for (const contribution of plan.contributions) {
      const target = input.consultations.find((candidate) => candidate.id === contribution.consultationId);
      if (!target) throw new Error("unknown consultation");
      expect(contribution.submittedAt >= target.opensAt && contribution.submittedAt <= now).toBe(true);
      expect(contribution.phase).toBe(phaseAt(target.conference, contribution.submittedAt));
      expect(contribution.answers.q1).toBeTypeOf("number");
      if (target.status === "CLOSED") expect(contribution.status).not.toBe("PENDING");
    }
  });
});
