import { describe, expect, it } from "vitest";
import { formatDuration, percentage } from "@/lib/moderation/dashboard/format-figures";

describe("formatDuration", () => {
  it.each([
    [0, "less than a minute"],
    [59.9, "less than a minute"],
    [60, "1 minute"],
    [12 * 60 + 59, "12 minutes"],
    [3600, "1 hour"],
    [2 * 3600 + 5 * 60 + 30, "2 hours 5 minutes"],
    [86_400, "1 day"],
    [86_400 + 30 * 60, "1 day"],
    [3 * 86_400 + 4 * 3600 + 59 * 60, "3 days 4 hours"],
    [40 * 86_400, "40 days"],
  ])("writes %s seconds as %s", (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe("percentage", () => {
  it("rounds to a whole percentage and has none for nothing", () => {
    expect(percentage(1, 3)).toBe(33);
    expect(percentage(2, 3)).toBe(67);
    expect(percentage(0, 4)).toBe(0);
    expect(percentage(0, 0)).toBeNull();
  });
});
