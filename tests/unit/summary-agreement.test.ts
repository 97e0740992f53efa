import { describe, expect, it } from "vitest";
import { agreementOf } from "@/lib/summaries/agreement";
import type { ChoicesByType } from "@/lib/summaries/compute-statistics";
import { overTimeOf } from "@/lib/summaries/over-time";

const type = (label: string, counts: Record<string, number>, answered: number): ChoicesByType => ({
  key: null,
  label,
  answered,
  choices: Object.entries(counts).map(([option, count]) => ({ option, count, share: count / answered })),
});

describe("agreementOf", () => {
  it("names the option the types differ most on and the one they agree most on", () => {
    const agreement = agreementOf([type("NGOs", { Ban: 18, Rules: 10 }, 20), type("Companies", { Ban: 2, Rules: 11 }, 20)]);
    expect(agreement?.differMost).toMatchObject({ option: "Ban", highest: { label: "NGOs", share: 0.9 }, lowest: { label: "Companies", share: 0.1 } });
    expect(agreement?.agreeMost.option).toBe("Rules");
  });

  it("does not let a type of two answers make an option look divisive", () => {
    // 2 of 2 against 50 of 100: unsmoothed 100 % against 50 %; smoothed 75 % against 50 %.
    const agreement = agreementOf([type("Few", { A: 2, B: 0 }, 2), type("Many", { A: 50, B: 10 }, 100)]);
    expect(agreement?.differMost.spread).toBeCloseTo(3 / 4 - 51 / 102);
  });

  it("has nothing to compare with fewer than two types", () => {
    expect(agreementOf([type("Alone", { A: 3 }, 3)])).toBeNull();
  });
});

describe("overTimeOf", () => {
  it("is daily up to 60 days, with no final stretch", () => {
    const series = overTimeOf([{ day: "2026-01-01", count: 1 }, { day: "2026-03-02", count: 2 }], "UTC");
    expect(series.unit).toBe("day");
    expect(series.points).toHaveLength(61);
    expect(series.finalStretch).toBeNull();
  });

  it("is weekly beyond, with the last 14 days by day beside it", () => {
    const series = overTimeOf([{ day: "2026-01-01", count: 3 }, { day: "2026-03-03", count: 6 }], "Europe/Brussels");
    expect(series.points[0]).toEqual({ start: "2025-12-29", count: 3 });
    expect(series.points.at(-1)).toEqual({ start: "2026-03-02", count: 6 });
    expect(series.finalStretch?.points.map((point) => point.start)).toEqual(
      Array.from({ length: 14 }, (_, index) => new Date(Date.UTC(2026, 1, 18 + index)).toISOString().slice(0, 10)),
    );
    expect(series.finalStretch).toMatchObject({ days: 14, count: 6, share: 6 / 9 });
  });

  it("has no points without contributions", () => {
    expect(overTimeOf([], "UTC")).toEqual({ unit: "day", timeZone: "UTC", points: [], finalStretch: null });
  });
});
