import { describe, expect, it } from "vitest";
import { formatWaiting } from "@/lib/moderation/waiting-time";

const now = new Date("2026-03-10T12:00:00Z");
const before = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe("formatWaiting", () => {
  it.each([
    [0, "less than a minute"],
    [0.9, "less than a minute"],
    [1, "1 min"],
    [59, "59 min"],
    [60, "1 h"],
    [200, "3 h 20 min"],
    [24 * 60 - 1, "23 h 59 min"],
    [24 * 60, "1 day"],
    [24 * 60 + 59, "1 day"],
    [2 * 24 * 60 + 4 * 60 + 30, "2 days 4 h"],
  ])("writes %s minutes as %s", (minutes, text) => {
    expect(formatWaiting(before(minutes), now)).toBe(text);
  });

  it("says less than a minute for a time a little ahead (clocks apart)", () => {
    expect(formatWaiting(new Date(now.getTime() + 5_000), now)).toBe("less than a minute");
  });
});
