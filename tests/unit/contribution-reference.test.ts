import { describe, expect, it } from "vitest";
import { formatContributionReference } from "@/lib/contributions/reference";

describe("formatContributionReference", () => {
  it("is AGR-<year of submission, UTC>-<number padded to six digits>", () => {
    expect(formatContributionReference(123, new Date("2026-03-04T10:00:00Z"))).toBe("AGR-2026-000123");
    expect(formatContributionReference(1, new Date("2027-01-01T00:00:00Z"))).toBe("AGR-2027-000001");
    // New Year's Eve in Tokyo is already 2027 there, still 2026 in UTC.
    expect(formatContributionReference(42, new Date("2026-12-31T23:59:59Z"))).toBe("AGR-2026-000042");
  });

  it("never cuts a number longer than six digits", () => {
    expect(formatContributionReference(999_999, new Date("2026-06-01T00:00:00Z"))).toBe("AGR-2026-999999");
    expect(formatContributionReference(1_000_000, new Date("2026-06-01T00:00:00Z"))).toBe("AGR-2026-1000000");
  });

  it("refuses what is not a sequence number", () => {
    for (const value of [0, -1, 1.5, Number.NaN]) expect(() => formatContributionReference(value, new Date())).toThrow(RangeError);
  });
});
